"""Files to sheets of raw cells: a path or (name, bytes) in, a list of Sheet out.

Delimited text is read by engagement.ingest.delimited, workbooks by
engagement.ingest.workbook; this module picks one and says clearly why a file
cannot be read.
"""

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# The header must be within this many rows (IMPORT_FORMAT.md).
HEAD_ROWS = 20

WORKBOOK_EXTENSIONS = {".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"}
TEXT_EXTENSIONS = {".csv", ".tsv", ".txt", ".tab", ""}
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls

Source = str | os.PathLike | tuple[str, bytes]


class ReadError(Exception):
    """The file cannot be read at all; the message is one line for the user."""


@dataclass
class Sheet:
    """One sheet (a CSV file is one sheet): its first rows, and the rows below a header on demand."""

    name: str
    head: list[list]  # the first HEAD_ROWS rows; row i is spreadsheet row i + 1
    _rows_after: Callable[[int], list[list]]
    from_text: bool = False  # a delimited text file: one sheet, named after the file
    height: int | None = None  # rows in the sheet, when the reader knows without reading them all

    @property
    def empty(self) -> bool:
        """No cell holds anything (a sheet taller than its head is never empty)."""
        if self.height is not None and self.height > len(self.head):
            return False
        return not any(cell is not None and str(cell).strip() for row in self.head for cell in row)

    def rows_after(self, header_index: int) -> list[list]:
        """The rows below the header row (0-based index); the first is spreadsheet row header_index + 2."""
        return self._rows_after(header_index)


def load_source(source: Source) -> tuple[str, bytes]:
    """The file's name (as given) and its bytes."""
    if isinstance(source, tuple):
        name, data = source
        return str(name), bytes(data)
    path = Path(source)
    name = str(source)
    if not path.exists():
        raise ReadError(f"{name}: file not found")
    if path.is_dir():
        raise ReadError(f"{name}: is a folder, not a file")
    try:
        return name, path.read_bytes()
    except OSError as error:
        raise ReadError(f"{name}: cannot be opened ({error.strerror or error})") from error


def read_sheets(name: str, data: bytes) -> list[Sheet]:
    """Every sheet of the file; raises ReadError when the file cannot be read at all."""
    from engagement.ingest import delimited, workbook

    extension = Path(name).suffix.casefold()
    if not data.strip():
        raise ReadError(f"{name}: the file is empty")
    if data.startswith(_ZIP_MAGIC) or data.startswith(_OLE_MAGIC):
        return workbook.read_workbook(name, data)
    if extension in WORKBOOK_EXTENSIONS:
        raise ReadError(f"{name}: not a {extension} workbook (the file's contents are not a spreadsheet)")
    if extension not in TEXT_EXTENSIONS:
        raise ReadError(
            f"{name}: unsupported file type {extension} (import .csv, .tsv, .txt, .xlsx, .xlsm, .ods or .xls)"
        )
    return [delimited.read_delimited(name, data)]
