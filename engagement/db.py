"""Opening the database: one file, created and migrated on first use.

DuckDB lets one process write a file. Within a process we keep one connection
and give each query its own cursor (see engagement.queries), as DuckDB asks.
"""

import hashlib
import os
import re
import threading
from pathlib import Path

import duckdb

from engagement import schema

DEFAULT_DB = Path("data") / "engagement.duckdb"
QUERIES_DIR = Path(__file__).resolve().parent.parent / "queries"


def database_path(path: str | os.PathLike | None = None) -> Path:
    """The database to use: the one given, else $ENGAGEMENT_DB, else data/engagement.duckdb."""
    return Path(path or os.environ.get("ENGAGEMENT_DB") or DEFAULT_DB)


class DatabaseBusy(Exception):
    """Another process has the database open: DuckDB lets one process write a file."""


def open_database(path: str | os.PathLike | None = None, read_only: bool = False):
    """Open (and on first use create) the database, migrated to the current schema."""
    db_file = database_path(path)
    if read_only:
        return _connect(db_file, read_only=True)
    db_file.parent.mkdir(parents=True, exist_ok=True)
    con = _connect(db_file)
    schema.migrate(con)
    # In this order: a macro can only name tables and macros that exist when it is created, so
    # the normalised copies are built before the scope macros that read them.
    con.execute((QUERIES_DIR / "_site_key.sql").read_text(encoding="utf-8"))
    ensure_normalised(con)
    con.execute((QUERIES_DIR / "_scope.sql").read_text(encoding="utf-8"))
    con.execute((QUERIES_DIR / "_rules.sql").read_text(encoding="utf-8"))
    return con


def _connect(db_file: Path, read_only: bool = False):
    try:
        return duckdb.connect(str(db_file), read_only=read_only)
    except duckdb.IOException as error:
        if "lock" not in str(error).lower():
            raise
        # DuckDB names the process: "Conflicting lock is held in /usr/bin/python3 (PID 123)".
        holder = re.search(r"held in (.+?) \(PID (\d+)\)", str(error))
        who = f" (process {holder.group(2)}, {Path(holder.group(1)).name})" if holder else ""
        raise DatabaseBusy(
            f"{db_file} is open in another program{who}, and one program at a time may use it. "
            "If a dashboard is running on it, import, undo and back up through the dashboard or "
            "stop it first; if an import is running, wait until it ends. Then try again."
        ) from None


def _meta(con, key: str) -> str | None:
    row = con.execute("select value from meta where key = $key", {"key": key}).fetchone()
    return row[0] if row else None


def data_version(con) -> int:
    """A number that every stored import raises; caches are keyed by it."""
    return int(_meta(con, "data_version") or 0)


def bump_data_version(con, tables=None) -> None:
    """Mark the data as changed (call inside the change's transaction, after it): caches are
    keyed by the version. The stored normalised copy of a table the change wrote goes stale
    with it and is rebuilt when next read (ensure_normalised), so an import does not wait for
    it; the others stay current. tables: the imported tables the change wrote (None: any)."""
    # The copies that were current and whose table the change did not write stay current.
    untouched = [] if tables is None else [t for t in NORMALISED if t not in tables]
    still_current = [table for table in untouched if table not in _stale_normalised(con)]
    con.execute(
        "update meta set value = cast(cast(value as integer) + 1 as varchar) where key = 'data_version'"
    )
    for table in still_current:
        _note_normalised_version(con, table)


# Imported tables that the rules read as a stored, normalised copy, and the file building it:
# worked out once per change of the data instead of by every query (README, design notes).
NORMALISED = {
    "sites": QUERIES_DIR / "_sites_normalised.sql",
    "meetings": QUERIES_DIR / "_meetings_normalised.sql",
    "grievances": QUERIES_DIR / "_grievances_normalised.sql",
}
# Which text of each file built a copy: a release that changes the file rebuilds it.
_FILE_HASHES = {
    table: hashlib.sha256(path.read_bytes()).hexdigest()[:16] for table, path in NORMALISED.items()
}
_rebuilding = threading.Lock()


def ensure_normalised(con) -> None:
    """Rebuild every normalised copy older than its table's data or than its file. Every query
    calls this first (engagement.queries): one small read when all are current. A rebuild
    happens once, in one thread; a query in another thread waits for it."""
    if not _stale_normalised(con):
        return
    with _rebuilding:
        for table in _stale_normalised(con):
            _store_normalised(con, table)


def _stale_normalised(con) -> list[str]:
    stamps = dict(con.execute("select key, value from meta").fetchall())
    return [
        table
        for table in NORMALISED
        if stamps.get(f"{table}_normalised_version") != f"{stamps.get('data_version')} {_FILE_HASHES[table]}"
    ]


def _store_normalised(con, table: str) -> None:
    """Rebuild the table's normalised copy from its rows as they are now, and note the version
    it was built at, in one transaction (queries call this on a cursor of their own)."""
    con.execute("begin transaction")
    try:
        con.execute(NORMALISED[table].read_text(encoding="utf-8"))
        _note_normalised_version(con, table)
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise


def _note_normalised_version(con, table: str) -> None:
    con.execute(
        "insert or replace into meta values ($key, $v)",
        {"key": f"{table}_normalised_version", "v": f"{_meta(con, 'data_version')} {_FILE_HASHES[table]}"},
    )
