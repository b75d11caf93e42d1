"""Back up and restore a database: `python -m engagement backup` and `restore`.

A backup is a copy of the database file, taken while this process holds DuckDB's write lock
(so nothing else writes) right after a checkpoint (so the file holds every committed row and
the write-ahead log is empty). A restore checks the backup first (it opens, and its schema is
one this release can migrate), keeps the database it replaces beside it, and swaps the files
in one rename, so a database is never half restored.
"""

import os
import shutil
import sys
from datetime import datetime
from pathlib import Path

from engagement import audit, schema
from engagement.db import database_path, open_database
from engagement.tables import TABLES


def row_counts(con) -> dict[str, int]:
    """Rows per imported table, and the import history's length: what a backup holds."""
    # Table names come from engagement.tables, never from user input.
    counts = {name: con.execute(f"select count(*) from {name}").fetchone()[0] for name in TABLES}  # noqa: S608
    counts["imports"] = con.execute("select count(*) from imports").fetchone()[0]
    return counts


def backup(db: str | os.PathLike | None, out: str | os.PathLike) -> dict[str, int]:
    """Copy the database to `out` (a new file); the rows it holds, per table."""
    source, target = database_path(db), Path(out)
    if not source.exists():
        raise FileNotFoundError(f"There is no database at {source}.")
    if target.exists():
        raise FileExistsError(f"{target} exists already; choose a new file for the backup.")
    con = open_database(source)  # the write lock: nobody else writes while we copy
    try:
        con.execute("checkpoint")
        counts = row_counts(con)
        partial = target.with_name(target.name + ".partial")
        shutil.copyfile(source, partial)
        partial.replace(target)
    finally:
        con.close()
    return counts


def restore(
    db: str | os.PathLike | None, backup_file: str | os.PathLike
) -> tuple[dict[str, int], Path | None]:
    """Put a backup in the database's place; returns its rows per table and where the replaced
    database was kept (None when there was none)."""
    target, source = database_path(db), Path(backup_file)
    if not source.exists():
        raise FileNotFoundError(f"There is no backup at {source}.")
    staged = target.with_name(target.name + ".restoring")
    staged.unlink(missing_ok=True)
    shutil.copyfile(source, staged)
    try:
        con = open_database(staged)  # migrates a backup made by an older release
    except Exception as error:
        staged.unlink(missing_ok=True)
        raise ValueError(f"{source} is not a backup of this dashboard's database: {error}") from None
    try:
        if schema.schema_version(con) != schema.SCHEMA_VERSION or "imports" not in _tables(con):
            raise ValueError(f"{source} is not a backup of this dashboard's database.")
        counts = row_counts(con)
        con.execute("checkpoint")
    except Exception:
        con.close()
        staged.unlink(missing_ok=True)
        raise
    con.close()
    kept = None
    if target.exists():
        current = open_database(target)  # fails with a clear message while another program has it
        current.execute("checkpoint")  # every committed row in the file we keep
        current.close()
        kept = target.with_name(f"{target.stem}.before-restore-{datetime.now():%Y%m%d-%H%M%S}{target.suffix}")
        shutil.copyfile(target, kept)
    target.with_name(target.name + ".wal").unlink(missing_ok=True)
    staged.replace(target)
    con = open_database(target)
    try:
        kept_as = f"; the database it replaced is kept as {kept.name}" if kept else ""
        audit.record(con, audit.command_line_user(), "restore", f"restored from {source}{kept_as}")
    finally:
        con.close()
    return counts, kept


def _tables(con) -> set[str]:
    return {row[0] for row in con.execute("select table_name from information_schema.tables").fetchall()}


def _described(counts: dict[str, int]) -> str:
    return ", ".join(f"{name} {rows:,}" for name, rows in counts.items() if rows)


def run_backup(args) -> int:
    counts = backup(args.db, args.out)
    print(f"Backed up {database_path(args.db)} to {args.out}: {_described(counts) or 'no rows'}.")
    return 0


def run_restore(args) -> int:
    counts, kept = restore(args.db, args.backup)
    print(f"Restored {database_path(args.db)} from {args.backup}: {_described(counts) or 'no rows'}.")
    if kept:
        print(f"The database it replaced is kept as {kept}.", file=sys.stderr)
    return 0
