"""What has been imported, undoing an import, and starting over with an empty database."""

import json
import sys
from datetime import datetime

from engagement import audit, queries
from engagement.db import bump_data_version, open_database
from engagement.ingest.names import KINDS
from engagement.tables import SQL_TYPES, TABLES, Table

SAMPLE_IMPORTER = "sample"


def import_history(con, programmes: tuple[str, ...] | None = None):
    """Every import (of the given programmes; None: all), newest first, with its count of
    rejected rows."""
    return queries.run(con, "import_history", {"programmes": list(programmes or ())})


def holds_only_sample(con) -> bool:
    """True when everything stored came from the sample programme (the banner says so)."""
    stored = import_history(con).query("outcome == 'stored'")
    return len(stored) > 0 and bool((stored["imported_by"] == SAMPLE_IMPORTER).all())


def empty_database(con, who: str | None = None) -> None:
    """Delete every imported row and the import history, in one transaction; aliases and
    settings are kept. The file stays, so the sample is not loaded again."""
    con.execute("begin transaction")
    try:
        # Table names come from engagement.tables, never from user input.
        for name in [*TABLES, "rejected_rows", "replaced_rows", "imports"]:
            con.execute(f"delete from {name}")  # noqa: S608
        audit.record(con, who, "empty", "every imported row and the import history deleted")
        bump_data_version(con)
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise


class UndoRefused(ValueError):
    """An import that cannot be undone; the message is one line, for the user."""


def undo_import(con, import_id: int, who: str | None = None) -> dict:
    """Put the database back as it was before import `import_id`, in one transaction.

    The rows it inserted are deleted, the rows it updated get back their before-images
    (replaced_rows), its rejected rows go, and the import is marked undone (imports.undone_at).
    Supplier and buyer names it created go too, unless a row that stays still names them: those
    are kept, and counted as `kept_names`. Refused (UndoRefused) when the import is unknown or
    already undone, or when a later import that is not undone changed a row this one wrote
    (undo the later one first). Returns {"import_id", "file_name", "deleted", "restored",
    "rejected_rows", "kept_names"}.
    """
    found = con.execute(
        "select file_name, undone_at from imports where import_id = $id", {"id": import_id}
    ).fetchall()
    if not found:
        raise UndoRefused(f"There is no import {import_id}.")
    file_name, undone_at = found[0]
    if undone_at is not None:
        raise UndoRefused(
            f"Import {import_id} ({file_name}) was already undone on {undone_at:%Y-%m-%d %H:%M}."
        )
    # A later import that replaced a row this one wrote keeps this one's row as its before-image.
    later = con.execute(
        "select r.import_id, any_value(i.file_name), count(*) from replaced_rows r "
        "join imports i on i.import_id = r.import_id "
        "where r.import_id > $id and i.undone_at is null "
        "and cast(json_extract_string(r.row_data, '$.import_id') as integer) = $id "
        "group by r.import_id order by r.import_id desc limit 1",
        {"id": import_id},
    ).fetchall()
    if later:
        other, other_file, rows = later[0]
        raise UndoRefused(
            f"Import {other} ({other_file}) has since changed {rows} row(s) of import {import_id}: undo it first."
        )
    result = {"import_id": import_id, "file_name": file_name, "deleted": 0, "restored": 0}
    con.execute("begin transaction")
    try:
        kept = 0
        # Tables naming suppliers and buyers first, so a name still named afterwards can stay.
        for table in reversed(TABLES.values()):
            deleted, restored, kept_here = _undo_table(con, table, import_id)
            result["deleted"] += deleted
            result["restored"] += restored
            kept += kept_here
        result["rejected_rows"] = con.execute(
            "delete from rejected_rows where import_id = $id", {"id": import_id}
        ).fetchall()[0][0]
        result["kept_names"] = kept
        con.execute("delete from replaced_rows where import_id = $id", {"id": import_id})
        con.execute(
            "update imports set undone_at = $at where import_id = $id",
            {"at": datetime.now(), "id": import_id},
        )
        audit.record(con, who, "undo", describe_undo(result))
        bump_data_version(con)
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    return result


def _undo_table(con, table: Table, import_id: int) -> tuple[int, int, int]:
    """Rows deleted, rows restored and names kept, in one table."""
    # Table and column names come from engagement.tables, never from user input.
    params = {"id": import_id, "table": table.name}
    written = "import_id = $id"
    kept = 0
    if table.name in KINDS:
        # A name this import created (no before-image under it) stays while a row names it.
        name = KINDS[table.name]
        named = " or ".join(
            f"exists (select 1 from {other.name} o where o.programme = n.programme "  # noqa: S608
            f"and {_names_it(column, f'o.{column.name}', _normalised(f'n.{name}'))})"
            for other in TABLES.values()
            for column in other.columns
            if column.refers_to == table.name
        )
        if named:
            staying = (
                f"select n.row_key from {table.name} n where n.import_id = $id and ({named}) "  # noqa: S608
                "and n.row_key not in (select row_key from replaced_rows where import_id = $id "
                "and table_name = $table)"
            )
            kept = con.execute(f"select count(*) from ({staying})", params).fetchall()[0][0]  # noqa: S608
            if kept:
                written += f" and row_key not in ({staying})"
    used = params if kept else {"id": import_id}  # DuckDB refuses parameters a statement does not use
    deleted = con.execute(f"delete from {table.name} where {written}", used).fetchall()[0][0]  # noqa: S608
    # The before-images of the rows this import replaced; not those of rows it had written itself
    # (an import that wrote a row twice).
    structure = {"row_key": "VARCHAR", "programme": "VARCHAR"}
    structure |= {c.name: _JSON_TYPES[SQL_TYPES[c.kind]] for c in table.columns}
    structure |= {"extra": "VARCHAR", "import_id": "INTEGER"}
    selected = ", ".join("cast(r.extra as json)" if c == "extra" else f"r.{c}" for c in structure)
    restored = con.execute(
        f"insert into {table.name} ({', '.join(structure)}) select {selected} from ("  # noqa: S608
        "select unnest(json_transform(row_data, $structure)) from replaced_rows "
        "where import_id = $id and table_name = $table "
        "and cast(json_extract_string(row_data, '$.import_id') as integer) is distinct from $id) r",
        params | {"structure": json.dumps(structure)},
    ).fetchall()[0][0]
    return deleted - restored, restored, kept


# How json_transform reads each column type back from a before-image.
_JSON_TYPES = {
    "varchar": "VARCHAR",
    "date": "DATE",
    "boolean": "BOOLEAN",
    "integer": "INTEGER",
    "double": "DOUBLE",
    "varchar[]": ["VARCHAR"],
}


def _names_it(column, value: str, name: str) -> str:
    """SQL: the value of a column (a name, or a list of names) holds the normalised name."""
    if SQL_TYPES[column.kind].endswith("[]"):
        return f"list_contains(list_transform({value}, lambda x: {_normalised('x')}), {name})"
    return f"{_normalised(value)} = {name}"


def _normalised(column: str) -> str:
    """A name as engagement.store.normalise_name gives it (lower case, single spaces, trimmed)."""
    return f"lower(trim(regexp_replace({column}, '\\s+', ' ', 'g')))"


def run_undo(args) -> int:
    """`python -m engagement undo IMPORT_ID`: 0 undone, 2 refused (with the reason, one line)."""
    con = open_database(args.db)
    try:
        done = undo_import(con, args.import_id, audit.command_line_user())
    except UndoRefused as refused:
        print(f"Refused: {refused}", file=sys.stderr)
        return 2
    finally:
        con.close()
    print(describe_undo(done))
    return 0


def describe_undo(done: dict) -> str:
    """One line on what undo_import did."""
    text = (
        f"Undid import {done['import_id']} ({done['file_name']}): {done['deleted']} row(s) removed, "
        f"{done['restored']} restored, {done['rejected_rows']} rejected row(s) dropped"
    )
    if done["kept_names"]:
        text += f"; {done['kept_names']} supplier/buyer name(s) it created kept (other rows name them)"
    return text + "."
