"""Workbooks (xlsx, xlsm, ods, xls) through fastexcel: every sheet, date cells kept as dates.

Header rows are looked for in the cells as text; the rows below the header are
loaded again with types inferred per column, so a column of Excel date cells
arrives as datetimes and numbers as floats (calamine gives ints as floats).

fastexcel (calamine) reads the values a workbook stores: a formula arrives as the
value Excel cached when it last saved the file, and is never evaluated; links to
other workbooks, macros and external data connections are never followed or run.
Before calamine sees a file, engagement.ingest.archive (zip-based workbooks) and
engagement.ingest.compound (.xls, and anything saved with a password) refuse zip
bombs, XML entity declarations, encrypted files and sheets too large to hold.
"""

import logging
import re

import fastexcel
import pyarrow as pa

from engagement.ingest.archive import check_zip_workbook
from engagement.ingest.compound import check_compound_workbook
from engagement.ingest.read import HEAD_ROWS, ReadError, Sheet
from engagement.ingest.xlsx_head import read_heads

# fastexcel and calamine log through Python's logging; without a handler each warning
# ("Could not determine dtype for column 3, falling back to string") would reach stderr,
# where the command line promises one line per refused file. What they warn about is
# handled here (text columns are parsed by the importer), so only errors are kept.
for _logger in ("fastexcel", "calamine"):
    logging.getLogger(_logger).setLevel(logging.ERROR)

_MIXED_COLUMN = re.compile(r"could not determine dtype for column __UNNAMED__(\d+)")
_RESAVE = "open it in Excel or LibreOffice, save it as .xlsx and import again"
_PASSWORD = "is password-protected: save it without a password and import again"


def read_workbook(name: str, data: bytes) -> list[Sheet]:
    """Every sheet of the workbook, in workbook order."""
    heads = {}
    if data.startswith(b"PK"):
        check_zip_workbook(name, data)
        heads = read_heads(data)  # empty for .ods and for sheets it is unsure of
    else:
        check_compound_workbook(name, data)
    with _calamine(name, None):
        reader = fastexcel.read_excel(data)
        sheet_names = list(reader.sheet_names)
    return [_sheet(name, reader, sheet_name, heads.get(sheet_name)) for sheet_name in sheet_names]


def _sheet(file_name: str, reader, sheet_name: str, known_head) -> Sheet:
    if known_head is not None:
        head, height = known_head
        height = HEAD_ROWS + 1 if height is None else height  # at least: the rest is not read yet
    else:
        head, height = _head(file_name, reader, sheet_name)

    def columns_after(header_index: int):
        skip = header_index + 1
        if skip >= height:
            return pa.table({})
        with _calamine(file_name, sheet_name):
            return _typed_columns(reader, sheet_name, skip)

    def rows_after(header_index: int) -> list[list]:
        return _rows(columns_after(header_index))

    return Sheet(sheet_name, head, rows_after, height=height, columns_after=columns_after)


def _head(file_name: str, reader, sheet_name: str) -> tuple[list[list], int]:
    """The first rows as fastexcel gives them (a full parse of the sheet), and the sheet's height."""
    with _calamine(file_name, sheet_name):
        # skip_rows=0 keeps leading blank rows, so row i is spreadsheet row i + 1.
        head_sheet = reader.load_sheet(
            sheet_name, header_row=None, skip_rows=0, n_rows=HEAD_ROWS, dtypes="string"
        )
        return _rows(head_sheet.to_arrow()), head_sheet.total_height


def _typed_columns(reader, sheet_name: str, skip: int):
    """The rows below the header as Arrow columns with a type each; a column that mixes types
    fastexcel cannot combine (a duration among dates or numbers) is read as text instead."""
    as_text: dict[int, str] = {}
    while True:
        try:
            return reader.load_sheet(
                sheet_name,
                header_row=None,
                skip_rows=skip,
                schema_sample_rows=None,
                dtypes=as_text or None,
                eager=True,
            )
        except Exception as error:  # fastexcel's error names the column in its context
            mixed = _MIXED_COLUMN.search(str(error))
            if not mixed or int(mixed.group(1)) in as_text:
                raise
            as_text[int(mixed.group(1))] = "string"


def _rows(batch) -> list[list]:
    columns = [column.to_pylist() for column in batch.columns]
    return [list(row) for row in zip(*columns, strict=True)] if columns else []


class _calamine:  # noqa: N801 - used as a `with` block, like a function
    """Any error of the reader becomes a ReadError that names the file (and sheet) and what to do.

    A panic inside calamine reaches Python as pyo3's PanicException, which is not an
    Exception: it is caught here too, so a malformed file never stops the import of others.
    """

    def __init__(self, file_name: str, sheet_name: str | None):
        self.file_name, self.sheet_name = file_name, sheet_name

    def __enter__(self):
        return self

    def __exit__(self, kind, error, _traceback) -> bool:
        if error is None or isinstance(error, ReadError):
            return False
        if not isinstance(error, Exception) and type(error).__name__ != "PanicException":
            return False  # KeyboardInterrupt, SystemExit
        detail = _first_line(error)
        where = f"sheet {self.sheet_name!r} " if self.sheet_name is not None else ""
        if "password" in detail.casefold():
            raise ReadError(f"{self.file_name}: {_PASSWORD}") from error
        if "entity" in detail.casefold():
            raise ReadError(
                f"{self.file_name}: {where}refused, it uses XML entities workbooks never use (a possible "
                f"XML bomb): {_RESAVE}"
            ) from error
        raise ReadError(f"{self.file_name}: {where}cannot be read ({detail}): {_RESAVE}") from error


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    line = lines[0] if lines else type(error).__name__
    return line.removeprefix("calamine error: ")
