"""Workbooks (xlsx, xlsm, ods, xls) through fastexcel: every sheet, date cells kept as dates.

Header rows are looked for in the cells as text; the rows below the header are
loaded again with types inferred per column, so a column of Excel date cells
arrives as datetimes and numbers as floats (calamine gives ints as floats).
"""

import io
import zipfile

import fastexcel

from engagement.ingest.read import HEAD_ROWS, ReadError, Sheet

# Refuse archives that unpack to more than this (a zip bomb would exhaust memory).
MAX_UNPACKED_BYTES = 1_000_000_000


def read_workbook(name: str, data: bytes) -> list[Sheet]:
    """Every sheet of the workbook, in workbook order."""
    _check_unpacked_size(name, data)
    try:
        reader = fastexcel.read_excel(data)
        sheet_names = list(reader.sheet_names)
    except Exception as error:  # calamine's errors say little more than "cannot read"
        raise ReadError(f"{name}: not a readable workbook ({_first_line(error)})") from error
    return [_sheet(name, reader, sheet_name) for sheet_name in sheet_names]


def _sheet(file_name: str, reader, sheet_name: str) -> Sheet:
    try:
        # skip_rows=0 keeps leading blank rows, so row i is spreadsheet row i + 1.
        head_sheet = reader.load_sheet(
            sheet_name, header_row=None, skip_rows=0, n_rows=HEAD_ROWS, dtypes="string"
        )
        head = _rows(head_sheet.to_arrow())
        height = head_sheet.total_height
    except Exception as error:
        raise ReadError(f"{file_name}: sheet {sheet_name!r} cannot be read ({_first_line(error)})") from error

    def rows_after(header_index: int) -> list[list]:
        skip = header_index + 1
        if skip >= height:
            return []
        typed = reader.load_sheet(sheet_name, header_row=None, skip_rows=skip, schema_sample_rows=None)
        return _rows(typed.to_arrow())

    return Sheet(sheet_name, head, rows_after, height=height)


def _rows(batch) -> list[list]:
    columns = [column.to_pylist() for column in batch.columns]
    return [list(row) for row in zip(*columns, strict=True)] if columns else []


def _check_unpacked_size(name: str, data: bytes) -> None:
    if not data.startswith(b"PK"):
        return
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except zipfile.BadZipFile as error:
        raise ReadError(f"{name}: not a readable workbook (damaged zip archive)") from error
    if unpacked > MAX_UNPACKED_BYTES:
        raise ReadError(
            f"{name}: refused, the workbook unpacks to more than {MAX_UNPACKED_BYTES // 10**6} MB"
        )


def _first_line(error: Exception) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__
