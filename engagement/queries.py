"""Runs the SQL files in queries/: one file per query, named after what it returns.

The comment block at the top of each file says what the query returns; the
parameters are DuckDB's `$name` placeholders, never formatted into the text.
"""

import re
from functools import cache

import pandas as pd

from engagement.db import QUERIES_DIR, ensure_normalised

_PARAMETER = re.compile(r"\$([a-z_][a-z0-9_]*)")


@cache
def load(name: str) -> str:
    """The SQL text of queries/<name>.sql."""
    return (QUERIES_DIR / f"{name}.sql").read_text(encoding="utf-8")


def parameters_of(sql: str) -> set[str]:
    """The `$name` parameters a query uses (DuckDB refuses values it was not asked for)."""
    return set(_PARAMETER.findall(sql))


def run(con, name: str, params: dict) -> pd.DataFrame:
    """Run queries/<name>.sql with the parameters it uses, on a cursor of its own."""
    sql = load(name)
    wanted = parameters_of(sql)
    missing = wanted - params.keys()
    if missing:
        raise KeyError(f"query {name} needs parameters {sorted(missing)}")
    cursor = con.cursor()
    try:
        ensure_normalised(cursor)  # the stored copies the rules read are current
        return cursor.execute(sql, {k: params[k] for k in wanted}).df()
    finally:
        cursor.close()


def run_page(con, name: str, params: dict, first: int, rows: int | None) -> tuple[pd.DataFrame, int]:
    """A page of a long list: `rows` rows (None: all) from row `first` (0-based) of a query
    that takes $first and $rows and gives every row a total_rows column (count(*) over ());
    the rows without that column, and the total."""
    frame = run(con, name, {**params, "first": first, "rows": rows})
    if len(frame):
        return frame.drop(columns="total_rows"), int(frame["total_rows"].iloc[0])
    if first:  # past the last row: the total from the first row
        return frame.drop(columns="total_rows"), run_page(con, name, params, 0, 1)[1]
    return frame.drop(columns="total_rows"), 0


def run_one(con, name: str, params: dict) -> dict:
    """Run a query that returns one row; its values as plain Python objects, by column name."""
    sql = load(name)
    cursor = con.cursor()
    try:
        ensure_normalised(cursor)
        cursor.execute(sql, {k: params[k] for k in parameters_of(sql)})
        names = [d[0] for d in cursor.description]
        return dict(zip(names, cursor.fetchone(), strict=True))
    finally:
        cursor.close()
