"""The rows an import rejected, as a workbook to correct and import again.

One sheet per table, named after the table so the importer finds it again; the
columns as the file had them, in its order; first an error column that lists
every problem of the row (column, value, what is allowed). Text cells go through
engagement.exports.safe_cell, so nothing a file brought in runs as a formula.
"""

import io
import json
import sys
from collections import defaultdict
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill

from engagement.exports import safe_cell
from engagement.tables import IGNORED_COLUMNS, TABLES

ERROR_COLUMN = IGNORED_COLUMNS[0]
# What the error column's header says; the importer does not yet leave the column out
# (tables.IGNORED_COLUMNS), so users delete it before importing again.
ERROR_NOTE = (
    "Why the importer rejected this row ({source}). Correct the cells, delete this column, "
    "and import the workbook again: the corrected rows are added to what is stored."
)
ERROR_FILL = PatternFill("solid", fgColor="F8CBAD")
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


class UnknownImport(LookupError):
    """No import has this id."""


class NoRejectedRows(LookupError):
    """The import rejected no rows: there is nothing to correct."""


def rejected_rows_workbook(con, import_id: int) -> bytes:
    """The rejected rows of one import as an .xlsx; UnknownImport or NoRejectedRows when there are none."""
    source = _source(con, import_id)
    records = con.execute(
        "select table_name, sheet, row_number, column_name, value, message, row_data"
        " from rejected_rows where import_id = $id order by rowid",
        {"id": import_id},
    ).fetchall()
    if not records:
        raise NoRejectedRows(f"{source} rejected no rows: nothing to correct")
    rows_by_table = _rows_by_table(records)
    workbook = Workbook()
    workbook.remove(workbook.active)
    for table_name in sorted(rows_by_table, key=_table_order):
        _table_sheet(workbook.create_sheet(table_name), rows_by_table[table_name], source)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _source(con, import_id: int) -> str:
    found = con.execute("select file_name from imports where import_id = $id", {"id": import_id}).fetchone()
    if not found:
        raise UnknownImport(f"there is no import {import_id} (the Data page lists the imports)")
    return f"import {import_id} of {found[0]}"


def _table_order(table_name: str) -> int:
    names = list(TABLES)
    return names.index(table_name) if table_name in names else len(names)


def _rows_by_table(records) -> dict[str, list[dict]]:
    """table -> rows in file order: {"errors": [text], "data": {label: value}, "blank": [label]}.

    "blank" are the columns an error names that the row has no value in (a required
    cell left blank, or a required column the file lacks): the sheet gets a cell to fill.
    """
    rows: dict[tuple, dict] = {}
    for table_name, sheet, row_number, column, value, message, row_data in records:
        key = (table_name, sheet, row_number, row_data)
        data = json.loads(row_data) if row_data else {}
        row = rows.setdefault(key, {"errors": [], "data": data, "blank": []})
        row["errors"].append(error_text(column, value, message))
        if column and column not in row["data"] and column not in row["blank"]:
            row["blank"].append(column)
    by_table = defaultdict(list)
    ordered = sorted(rows.items(), key=lambda item: (item[0][1] or "", item[0][2] or 0))
    for (table_name, *_rest), row in ordered:
        by_table[table_name or "rows"].append(row)
    return by_table


def error_text(column: str | None, value: str | None, message: str) -> str:
    """'Datum "31-02-2024": not a date ...': one problem of a row, as the error column shows it."""
    if column is None:
        return message
    if value is None:
        return f"{column}: {message}"
    return f'{column} "{value}": {message}'


def column_order(rows: list[list[str]]) -> list[str]:
    """The file's column order as far as the rows show it (each row lists only its non-blank cells).

    Every row's labels keep their order; labels no row orders relative to each other
    keep the order in which they were first seen.
    """
    first_seen: dict[str, int] = {}
    followers: dict[str, set[str]] = defaultdict(set)
    waiting_for: dict[str, int] = defaultdict(int)
    for labels in rows:
        for label in labels:
            first_seen.setdefault(label, len(first_seen))
        for earlier, later in zip(labels, labels[1:], strict=False):
            if later not in followers[earlier]:
                followers[earlier].add(later)
                waiting_for[later] += 1
    order, remaining = [], set(first_seen)
    while remaining:
        ready = [label for label in remaining if waiting_for[label] <= 0]
        # Sheets that disagree on the order make a cycle: then the first seen goes first.
        chosen = min(ready or remaining, key=first_seen.__getitem__)
        order.append(chosen)
        remaining.discard(chosen)
        for later in followers[chosen]:
            waiting_for[later] -= 1
    return order


def _table_sheet(sheet, rows: list[dict], source: str) -> None:
    columns = column_order([[label for label in row["data"] if label != ERROR_COLUMN] for row in rows])
    columns += list(dict.fromkeys(label for row in rows for label in row["blank"] if label not in columns))
    sheet.append([ERROR_COLUMN, *(_cell_value(label) for label in columns)])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    sheet["A1"].comment = Comment(ERROR_NOTE.format(source=source), "engagement", width=320, height=120)
    for row in rows:
        sheet.append(
            ["\n".join(_cell_value(e) for e in row["errors"])]
            + [_cell_value(row["data"].get(c)) for c in columns]
        )
        error_cell = sheet.cell(sheet.max_row, 1)
        error_cell.fill = ERROR_FILL
        error_cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "B2"
    sheet.column_dimensions["A"].width = 70
    for position, label in enumerate(columns, start=2):
        width = max([len(str(label)), *(len(str(r["data"].get(label) or "")) for r in rows)])
        sheet.column_dimensions[sheet.cell(1, position).column_letter].width = min(max(width + 2, 10), 50)


def _cell_value(value):
    """A JSON value of a rejected row as a cell: text made safe to open, numbers and booleans as they are."""
    if isinstance(value, str):
        # Characters XML cannot hold (control characters) would make the workbook unreadable.
        return safe_cell(ILLEGAL_CHARACTERS_RE.sub("", value))
    if isinstance(value, dict | list):
        return safe_cell(json.dumps(value, ensure_ascii=False))
    return value


def run_rejected(args) -> int:
    """`python -m engagement rejected --import ID --out FILE`: 0 written (or nothing to correct), 2 no such import."""
    from engagement.db import open_database

    con = open_database(args.db)
    try:
        data = rejected_rows_workbook(con, args.import_id)
        rows = con.execute(
            "select count(distinct (sheet, row_number)) from rejected_rows where import_id = $id",
            {"id": args.import_id},
        ).fetchone()[0]
    except UnknownImport as unknown:
        print(f"Error: {unknown}", file=sys.stderr)
        return 2
    except NoRejectedRows as nothing:
        print(f"Nothing written: {nothing}.")
        return 0
    finally:
        con.close()
    out = Path(args.out)
    out.write_bytes(data)
    print(
        f"Wrote {rows} rejected row{'s' if rows != 1 else ''} to {out}. Correct the cells, delete the column "
        f"{ERROR_COLUMN!r}, and import the file again."
    )
    return 0
