"""Writing parsed rows: upsert by natural key, counting what changed.

Callers hold the transaction (one per file); this module never commits.
"""

import hashlib
import json
from datetime import date

import pandas as pd

from engagement.tables import SQL_TYPES, TABLES, Table


def normalise_name(text: str) -> str:
    """The form names are matched in: lower case, single spaces, trimmed."""
    return " ".join(str(text).split()).casefold()


def _key_part(value) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return normalise_name(value)


def key_columns(table: Table, record: dict) -> tuple[str, ...]:
    """The natural key a record is stored under: the first key, or the fallback when it is blank."""
    if table.fallback_key and all(record.get(c) in (None, "") for c in table.natural_key):
        return table.fallback_key
    return table.natural_key


def row_key(table: Table, programme: str, record: dict) -> str:
    """The normalised natural key, prefixed by the programme (rows of two programmes never meet)."""
    columns = key_columns(table, record)
    parts = [normalise_name(programme), "+".join(columns)]
    parts += [_key_part(record.get(c)) for c in columns]
    return "|".join(parts)


def _content_hash(table: Table, record: dict) -> str:
    payload = {c: record.get(c) for c in table.column_names}
    payload["extra"] = record.get("extra")
    return hashlib.sha1(json.dumps(payload, default=str, sort_keys=True).encode()).hexdigest()


def upsert(con, table_name: str, programme: str, records: list[dict], import_id: int | None) -> dict:
    """Insert new rows, update changed ones, leave identical ones; returns the counts.

    Each record maps column names to parsed values (plus an optional `extra` dict).
    """
    table = TABLES[table_name]
    counts = {"inserted": 0, "updated": 0, "unchanged": 0}
    if not records:
        return counts
    rows = []
    for record in records:
        row = {c: record.get(c) for c in table.column_names}
        row["programme"] = record.get("programme") or programme
        row["row_key"] = row_key(table, row["programme"], record)
        row["extra"] = json.dumps(record["extra"], default=str) if record.get("extra") else None
        row["import_id"] = import_id
        row["_hash"] = _content_hash(table, record)
        rows.append(row)
    # Within one file the last row with a key wins (the importer reports duplicates).
    frame = pd.DataFrame(rows).drop_duplicates("row_key", keep="last")
    existing = _existing_hashes(con, table, frame["row_key"].tolist())
    is_new = ~frame["row_key"].isin(existing.keys())
    changed = frame["row_key"].map(existing).ne(frame["_hash"]) & ~is_new
    counts["inserted"] = int(is_new.sum())
    counts["updated"] = int(changed.sum())
    counts["unchanged"] = len(frame) - counts["inserted"] - counts["updated"]
    to_write = frame[is_new | changed].drop(columns="_hash")
    if len(to_write):
        _write(con, table, to_write)
    return counts


def _existing_hashes(con, table: Table, keys: list[str]) -> dict[str, str]:
    # Table names come from engagement.tables, never from user input; values are parameters.
    cursor = con.execute(
        f"select * exclude (import_id) from {table.name} where row_key in (select unnest($keys))",  # noqa: S608
        {"keys": keys},
    )
    names = [d[0] for d in cursor.description]
    hashes = {}
    for values in cursor.fetchall():
        record = dict(zip(names, values, strict=True))
        record["extra"] = json.loads(record["extra"]) if record.get("extra") else None
        hashes[record["row_key"]] = _content_hash(table, record)
    return hashes


def _write(con, table: Table, frame: pd.DataFrame) -> None:
    columns = ["row_key", "programme", *table.column_names, "extra", "import_id"]
    con.register("incoming_rows", frame[columns])
    try:
        # Table and column names come from engagement.tables; the values travel as a registered frame.
        con.execute(f"delete from {table.name} where row_key in (select row_key from incoming_rows)")  # noqa: S608
        casts = ", ".join(f"cast({c} as {_sql_type(table, c)})" for c in columns)
        con.execute(f"insert into {table.name} ({', '.join(columns)}) select {casts} from incoming_rows")  # noqa: S608
    finally:
        con.unregister("incoming_rows")


def _sql_type(table: Table, column: str) -> str:
    if column in ("row_key", "programme"):
        return "varchar"
    if column == "extra":
        return "json"
    if column == "import_id":
        return "integer"
    return SQL_TYPES[table.column(column).kind]
