"""Opening the database: one file, created and migrated on first use.

DuckDB lets one process write a file. Within a process we keep one connection
and give each query its own cursor (see engagement.queries), as DuckDB asks.
"""

import os
from pathlib import Path

import duckdb

from engagement import schema

DEFAULT_DB = Path("data") / "engagement.duckdb"
QUERIES_DIR = Path(__file__).resolve().parent.parent / "queries"


def database_path(path: str | os.PathLike | None = None) -> Path:
    """The database to use: the one given, else $ENGAGEMENT_DB, else data/engagement.duckdb."""
    return Path(path or os.environ.get("ENGAGEMENT_DB") or DEFAULT_DB)


def open_database(path: str | os.PathLike | None = None, read_only: bool = False):
    """Open (and on first use create) the database, migrated to the current schema."""
    db_file = database_path(path)
    if read_only:
        return duckdb.connect(str(db_file), read_only=True)
    db_file.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(db_file))
    schema.migrate(con)
    con.execute((QUERIES_DIR / "_scope.sql").read_text(encoding="utf-8"))
    con.execute((QUERIES_DIR / "_rules.sql").read_text(encoding="utf-8"))
    return con


def data_version(con) -> int:
    """A number that every stored import raises; caches are keyed by it."""
    row = con.execute("select value from meta where key = 'data_version'").fetchone()
    return int(row[0]) if row else 0


def bump_data_version(con) -> None:
    """Mark the data as changed (call inside the import's transaction)."""
    con.execute(
        "update meta set value = cast(cast(value as integer) + 1 as varchar) where key = 'data_version'"
    )
