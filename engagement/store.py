"""Writing parsed rows: upsert by natural key, counting what changed.

Rows arrive as an Arrow table (the importer's accepted rows) or as dicts (rows written
by hand, names an import creates). Keys are computed for whole columns, and what is
new, changed or unchanged is found by one join against the stored rows: the database
does the work, not a loop over rows. Callers hold the transaction (one per file);
this module never commits.
"""

import json
from datetime import date

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from engagement.tables import SQL_TYPES, TABLES, Table

# The Arrow type a parsed value of each column kind travels in (SQL_TYPES says how it is stored).
ARROW_TYPES = {
    "text": pa.string(),
    "date": pa.date32(),
    "bool": pa.bool_(),
    "int": pa.int64(),
    "number": pa.float64(),
    "list": pa.list_(pa.string()),
    "enum": pa.string(),
    "topics": pa.list_(pa.string()),
}
# A boolean column of the rows given to upsert: only these rows are stored, and their keys
# differ (the importer keeps rejected rows and repeated keys in its table, but not in KEEP).
KEEP = "_keep"


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


# --- whole columns ---------------------------------------------------------------------


def normalise_names(array: pa.Array) -> pa.Array:
    """normalise_name of every value (null stays null).

    Arrow lowers and trims plain ASCII text, which is then exactly what normalise_name
    gives; anything else (accents, tabs, double spaces) goes through normalise_name itself.
    """
    array = _whole(array)
    plain = pc.and_(
        pc.string_is_ascii(array), pc.invert(pc.match_substring_regex(array, "[\t-\r\x1c-\x1f]|  "))
    )
    normalised = pc.utf8_lower(pc.utf8_trim_whitespace(array))
    awkward = pc.and_(array.is_valid(), pc.invert(plain))
    if pc.any(awkward).as_py():
        replaced = [normalise_name(value) for value in array.filter(awkward).to_pylist()]
        normalised = pc.replace_with_mask(normalised, awkward, pa.array(replaced, pa.string()))
    return normalised


def row_keys(table: Table, rows: pa.Table) -> pa.Array:
    """row_key of every row of `rows` (parsed values of the table's columns, and a programme column)."""
    programme = _per_distinct(rows["programme"], normalise_name)
    keys = _joined_key(table.natural_key, programme, rows)
    if not table.fallback_key:
        return keys
    blank = None
    for column in table.natural_key:
        values = rows[column]
        missing = pc.is_null(values)
        if pa.types.is_string(values.type):
            missing = pc.or_(missing, pc.fill_null(pc.equal(values, ""), True))
        blank = missing if blank is None else pc.and_(blank, missing)
    blank = _whole(blank)
    if not pc.any(blank).as_py():
        return keys
    fallback = _joined_key(table.fallback_key, programme.filter(blank), rows.filter(blank))
    return pc.replace_with_mask(keys, blank, fallback)


def _joined_key(columns: tuple[str, ...], programme: pa.Array, rows: pa.Table) -> pa.Array:
    parts = [_key_parts(rows[column]) for column in columns]
    return _whole(pc.binary_join_element_wise(programme, "+".join(columns), *parts, "|"))


def _key_parts(values) -> pa.Array:
    if pa.types.is_date(values.type):
        parts = values.cast(pa.string())  # ISO 8601, as date.isoformat()
    elif pa.types.is_string(values.type):
        parts = normalise_names(values)
    else:
        parts = _per_distinct(values, normalise_name)
    return pc.fill_null(_whole(parts), "")


def _per_distinct(array, function) -> pa.Array:
    """function applied once per distinct value (null stays null)."""
    encoded = pc.dictionary_encode(_whole(array))
    mapped = [function(value) for value in encoded.dictionary.to_pylist()]
    return pa.array(mapped, pa.string()).take(encoded.indices)


def _whole(array):
    return array.combine_chunks() if isinstance(array, pa.ChunkedArray) else array


def all_differ(keys: pa.Array) -> bool:
    """True when no two keys are the same (a quick test: keys whose 64-bit hashes differ differ)."""
    with duckdb.connect() as con:  # DuckDB hashes in parallel; its own connection, for any thread
        con.register("keys", pa.table({"key": keys}))
        hashes = con.sql("select hash(key) from keys").to_arrow_table().column(0).to_numpy()
    return not pd.Series(hashes).duplicated().any()


def previous_rows(keys: pa.Array) -> np.ndarray | None:
    """For each row, the last row before it with the same key (-1 for none); None when all keys differ."""
    if all_differ(keys):
        return None
    encoded = pc.dictionary_encode(_whole(keys))
    if len(encoded.dictionary) == len(keys):
        return None
    codes = encoded.indices.to_numpy(zero_copy_only=False)
    order = np.argsort(codes, kind="stable")
    same = codes[order[1:]] == codes[order[:-1]]
    previous = np.full(len(keys), -1, np.int64)
    previous[order[1:][same]] = order[:-1][same]
    return previous


def records_table(table: Table, programme: str, records: list[dict]) -> pa.Table:
    """Rows given as dicts of parsed values (plus optional "programme" and "extra" dict) as an Arrow table."""
    columns = {"programme": pa.array([r.get("programme") or programme for r in records], pa.string())}
    for column in table.columns:
        columns[column.name] = pa.array([r.get(column.name) for r in records], ARROW_TYPES[column.kind])
    extra = [json.dumps(r["extra"], default=str) if r.get("extra") else None for r in records]
    columns["extra"] = pa.array(extra, pa.string())
    return pa.table(columns)


# --- writing ---------------------------------------------------------------------------


def upsert(con, table_name: str, programme: str, records, import_id: int | None) -> dict:
    """Insert new rows, update changed ones, leave identical ones; returns the counts.

    `records` is an Arrow table of parsed rows (programme, the table's columns, extra as JSON
    text; row_key and KEEP when known) or a list of dicts (see records_table). Within the
    rows, the last with a key wins (the importer reports duplicates).
    """
    table = TABLES[table_name]
    rows = records if isinstance(records, pa.Table) else records_table(table, programme, records)
    counts = {"inserted": 0, "updated": 0, "unchanged": 0}
    if "row_key" not in rows.column_names:
        rows = rows.append_column("row_key", row_keys(table, rows))
    if KEEP not in rows.column_names:
        rows = rows.append_column(KEEP, pa.array(_last_of_each_key(rows["row_key"])))
    kept = int(pc.sum(rows[KEEP]).as_py() or 0)
    if not kept:
        return counts
    new, changed = _compare(con, table, rows)
    counts["inserted"], counts["updated"] = int(new.sum()), int(changed.sum())
    counts["unchanged"] = kept - counts["inserted"] - counts["updated"]
    if counts["inserted"] or counts["updated"]:
        rows = rows.drop_columns([KEEP]).append_column(KEEP, pa.array(new | changed))
        _write(con, table, rows, changed.any(), import_id)
    return counts


def _last_of_each_key(keys) -> np.ndarray:
    """True for each row no later row with the same key replaces."""
    previous = previous_rows(keys)
    keep = np.ones(len(keys), bool)
    if previous is not None:
        keep[previous[previous >= 0]] = False
    return keep


def _compare(con, table: Table, rows: pa.Table) -> tuple[np.ndarray, np.ndarray]:
    """Which rows are new, and which change a stored row (the programme and import aside)."""
    kept = np.asarray(rows[KEEP].combine_chunks())
    stored = con.execute(f"select count(*) from {table.name}").fetchall()[0][0]  # noqa: S608
    if not stored:
        return kept, np.zeros(rows.num_rows, bool)
    differs = " or ".join(f"i.{c} is distinct from e.{c}" for c in table.column_names)
    con.register("incoming_rows", rows.append_column("position", pa.array(np.arange(rows.num_rows))))
    try:
        # Table and column names come from engagement.tables; the values travel as a registered table.
        joined = f"from incoming_rows i join {table.name} e on e.row_key = i.row_key where i.{KEEP}"
        found = con.sql(
            f"select i.position, ({differs}) as changed, "  # noqa: S608
            f"cast(i.extra as varchar) is distinct from cast(e.extra as varchar) as extra_differs {joined}"
        ).to_arrow_table()
        new = kept.copy()
        new[found["position"].to_numpy()] = False
        changed = np.zeros(rows.num_rows, bool)
        changed[found["position"].to_numpy()] = found["changed"].to_numpy(zero_copy_only=False)
        # Extra data is the same when it parses to the same object, its keys in any order.
        only_extra = found.filter(pc.and_(found["extra_differs"], pc.invert(found["changed"])))
        if only_extra.num_rows:
            extras = con.sql(
                f"select i.position, i.extra, e.extra::varchar {joined} "  # noqa: S608
                "and i.position in (select unnest($positions))",
                params={"positions": only_extra["position"].to_pylist()},
            ).fetchall()
            for at, incoming_extra, stored_extra in extras:
                changed[at] = _json(incoming_extra) != _json(stored_extra)
    finally:
        con.unregister("incoming_rows")
    return new, changed


def _json(text: str | None):
    return json.loads(text) if text else None


def _write(con, table: Table, rows: pa.Table, replace: bool, import_id: int | None) -> None:
    """Store the rows marked KEEP, replacing stored rows with their keys when `replace`.

    The rows replaced are kept in replaced_rows under the import (engagement.history.undo_import
    puts them back); the rows an import inserted are those carrying its import_id with no
    before-image under it.
    """
    columns = ["row_key", "programme", *table.column_names, "extra"]
    con.register("written_rows", rows.select([*columns, KEEP]))
    try:
        # Table and column names come from engagement.tables; the values travel as a registered table.
        if replace:
            replaced = f"row_key in (select row_key from written_rows where {KEEP})"  # noqa: S608
            if import_id is not None:
                # The before-image of every row about to be replaced, for undoing this import.
                con.execute(
                    "insert into replaced_rows select cast($import_id as integer), $table, e.row_key, "  # noqa: S608
                    f"to_json(e) from (select * replace (cast(extra as varchar) as extra) from {table.name}) e "
                    f"where e.{replaced}",
                    {"import_id": import_id, "table": table.name},
                )
            con.execute(f"delete from {table.name} where {replaced}")  # noqa: S608
        casts = ", ".join(f"cast({c} as {_sql_type(table, c)})" for c in columns)
        con.execute(
            f"insert into {table.name} ({', '.join(columns)}, import_id) "  # noqa: S608
            f"select {casts}, cast($import_id as integer) from written_rows where {KEEP}",
            {"import_id": import_id},
        )
    finally:
        con.unregister("written_rows")


def _sql_type(table: Table, column: str) -> str:
    if column in ("row_key", "programme"):
        return "varchar"
    if column == "extra":
        return "json"
    return SQL_TYPES[table.column(column).kind]
