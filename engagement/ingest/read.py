"""Files to sheets of raw cells: a path or (name, bytes) in, a list of Sheet out.

Delimited text is read by engagement.ingest.delimited, workbooks by
engagement.ingest.workbook; this module picks one by the file's contents (not
its name) and says clearly, in one line naming the file, why a file cannot be
read and what to do about it. Files over the size limit are refused before
they are read.
"""

import codecs
import csv
import io
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

# The header must be within this many rows (IMPORT_FORMAT.md).
HEAD_ROWS = 20
# Excel's widest sheet; matching headers costs time per column, so a text file wider than
# this (usually a wrong delimiter, or not a table at all) is refused rather than read for minutes.
MAX_COLUMNS = 16_384

# The largest file an import reads, in MB; 200 matches the upload page's limit
# (server.maxUploadSize in .streamlit/config.toml). The one place this is set.
MAX_IMPORT_MB_VARIABLE = "ENGAGEMENT_MAX_IMPORT_MB"
DEFAULT_MAX_IMPORT_MB = 200

WORKBOOK_EXTENSIONS = {".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"}
TEXT_EXTENSIONS = {".csv", ".tsv", ".txt", ".tab", ""}
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")  # an archive, or an empty one
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls, and workbooks saved with a password
_SAMPLE = 64 * 1024
_EXPORT_AGAIN = "export the data again as .xlsx or .csv and import that"

# What a file that is not a spreadsheet usually turns out to be, by its first bytes.
_KNOWN_FORMATS = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive (unpack it first)"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive (unpack it first)"),
    (b"Rar!", "a RAR archive (unpack it first)"),
    (b"{\\rtf", "a Word (RTF) document"),
)
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\x0b\x0c\x1a")
_CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0e-\x19\x1b-\x1f]")
_BLANK_BYTES = b" \t\r\n\x0b\x0c\x00"
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)

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
    # Rows in the sheet, when the reader knows without reading them all; a reader that read only
    # the head of a taller sheet gives HEAD_ROWS + 1 (at least that many).
    height: int | None = None
    warnings: list[str] = field(default_factory=list)  # about reading it, for the import report
    # The rows below a header as Arrow columns, one per field (a pyarrow Table or RecordBatch),
    # for readers that have them without a Python object per cell; the importer uses this
    # when set, else rows_after (engagement.ingest.columns).
    columns_after: Callable[[int], object] | None = None

    @property
    def empty(self) -> bool:
        """No cell holds anything (a sheet taller than its head is never empty)."""
        if self.height is not None and self.height > len(self.head):
            return False
        return not any(cell is not None and str(cell).strip() for row in self.head for cell in row)

    def rows_after(self, header_index: int) -> list[list]:
        """The rows below the header row (0-based index); the first is spreadsheet row header_index + 2."""
        return self._rows_after(header_index)


def max_import_bytes() -> int:
    """The size limit of one imported file: $ENGAGEMENT_MAX_IMPORT_MB megabytes, else 200."""
    setting = os.environ.get(MAX_IMPORT_MB_VARIABLE, "").strip()
    if not setting:
        return DEFAULT_MAX_IMPORT_MB * 10**6
    try:
        megabytes = float(setting)
    except ValueError:
        megabytes = -1
    if not megabytes > 0:
        raise ReadError(f"{MAX_IMPORT_MB_VARIABLE}={setting!r} is not a size in MB (for example 200)")
    return int(megabytes * 10**6)


def check_size(name: str, size: int) -> None:
    """Refuse a file over the size limit (before reading it, when it is on disk)."""
    limit = max_import_bytes()
    if size > limit:
        raise ReadError(
            f"{name}: refused, the file is {_megabytes(size)} MB, over the import limit of "
            f"{_megabytes(limit)} MB: split it into smaller files (or raise {MAX_IMPORT_MB_VARIABLE})"
        )


def _megabytes(size: int) -> str:
    return f"{size / 10**6:,.1f}".removesuffix(".0")


def load_source(source: Source) -> tuple[str, bytes]:
    """The file's name (as given) and its bytes."""
    if isinstance(source, tuple):
        name, data = source
        check_size(str(name), len(data))
        return str(name), bytes(data)
    path = Path(source)
    name = str(source)
    try:
        if not path.exists():
            raise ReadError(f"{name}: file not found")
        if path.is_dir():
            raise ReadError(f"{name}: is a folder, not a file")
        if not path.is_file():
            raise ReadError(f"{name}: is not a regular file (a device or a pipe?): import a saved file")
        check_size(name, path.stat().st_size)
        with path.open("rb") as stream:
            data = stream.read(max_import_bytes() + 1)  # a file that grows while read stays bounded
    except OSError as error:
        raise ReadError(f"{name}: cannot be opened ({error.strerror or error})") from error
    check_size(name, len(data))
    return name, data


def read_sheets(name: str, data: bytes) -> list[Sheet]:
    """Every sheet of the file; raises ReadError when the file cannot be read at all."""
    from engagement.ingest import delimited, workbook

    check_size(name, len(data))
    extension = Path(name).suffix.casefold()
    if _is_blank(data):
        raise ReadError(f"{name}: is empty: there is nothing to import (check that the export finished)")
    if data.startswith(_ZIP_MAGIC) or data.startswith(_OLE_MAGIC):
        return workbook.read_workbook(name, data)
    sample = data[:_SAMPLE]
    if extension in WORKBOOK_EXTENSIONS:
        raise ReadError(f"{name}: {_not_a_workbook(extension, sample)}")
    if extension not in TEXT_EXTENSIONS:
        raise ReadError(
            f"{name}: unsupported file type {extension} (import .csv, .tsv, .txt, .xlsx, .xlsm, .ods or .xls)"
        )
    known = _known_format(sample)
    if known or _looks_binary(sample):
        raise ReadError(f"{name}: is {known or 'not a text file (it holds binary data)'}: {_EXPORT_AGAIN}")
    data, warnings = _repair_mixed_encoding(name, data)
    _check_not_cut(name, data)
    sheet = delimited.read_delimited(name, data)
    _check_width(name, max((len(row) for row in sheet.head), default=0))
    _guard_width(name, sheet)
    sheet.warnings.extend(warnings)
    return [sheet]


def _check_width(name: str, widest: int) -> None:
    if widest > MAX_COLUMNS:
        raise ReadError(
            f"{name}: refused, a row has {widest:,} columns, more than the {MAX_COLUMNS:,} a "
            "spreadsheet holds: check that it is a table with one record per line"
        )


def _guard_width(name: str, sheet: Sheet) -> None:
    """Check the width of the rows below the header too, when the importer asks for them."""
    rows_after, columns_after = sheet._rows_after, sheet.columns_after

    def checked_rows(index: int) -> list[list]:
        rows = rows_after(index)
        _check_width(name, max((len(row) for row in rows), default=0))
        return rows

    def checked_columns(index: int):
        columns = columns_after(index)
        _check_width(name, getattr(columns, "num_columns", 0))
        return columns

    sheet._rows_after = checked_rows
    if columns_after is not None:
        sheet.columns_after = checked_columns


def _is_blank(data: bytes) -> bool:
    """Nothing but white space (and a byte-order mark) in any of the encodings read."""
    sample = data[:_SAMPLE]  # strip() copies: a 200 MB file is judged by its start
    for bom in _BOMS:
        sample = sample.removeprefix(bom)
    if sample.strip(_BLANK_BYTES):
        return False
    return len(data) <= _SAMPLE or not data.strip(_BLANK_BYTES)


def _not_a_workbook(extension: str, sample: bytes) -> str:
    """What a file named like a workbook holds instead, and what to do."""
    known = _known_format(sample)
    if known:
        return f"is {known}, not a {extension} workbook: {_EXPORT_AGAIN}"
    if _looks_binary(sample):
        return f"is not a {extension} workbook (its contents are not a spreadsheet): {_EXPORT_AGAIN}"
    start = _decode_sample(sample).lstrip().casefold()[:4096]
    if start.startswith("<?xml") and "urn:schemas-microsoft-com:office:spreadsheet" in start:
        return "is an Excel 2003 XML spreadsheet: open it in Excel, save it as .xlsx and import again"
    if start.startswith(("<!doctype html", "<html")) or "<table" in start[:1024]:
        return (
            f"is a web page (HTML) named {extension}, not a workbook: open it in Excel, save it as "
            ".xlsx and import again"
        )
    return (
        f"is a text file, not a {extension} workbook: if it is a CSV export, rename it to .csv "
        "and import again"
    )


def _known_format(sample: bytes) -> str | None:
    return next((what for magic, what in _KNOWN_FORMATS if sample.startswith(magic)), None)


def _utf16(sample: bytes) -> bool:
    """UTF-16 text, with a BOM, or ASCII-heavy without one (a zero in every other byte)."""
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    half = len(sample) // 2
    if half < 2:
        return False
    odd_zeros, even_zeros = sample[1::2].count(0), sample[0::2].count(0)
    return (odd_zeros > 0.4 * half and even_zeros < 0.05 * half) or (
        even_zeros > 0.4 * half and odd_zeros < 0.05 * half
    )


def _looks_binary(sample: bytes) -> bool:
    """Zero bytes (outside UTF-16) or more than 2% control characters: not text."""
    if _utf16(sample):
        text = _decode_sample(sample)
        return len(_CONTROL_CHARACTERS.findall(text)) > 0.02 * len(text)
    if b"\x00" in sample:
        return True
    controls = sum(sample.count(byte) for byte in _CONTROL_BYTES)
    return controls > 0.02 * len(sample)


def _decode_sample(sample: bytes) -> str:
    if _utf16(sample):
        encoding = "utf-16" if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else "utf-16-le"
        return sample[: len(sample) // 2 * 2].decode(encoding, errors="replace")
    return sample.decode("utf-8", errors="replace")


_INVALID_UTF8 = re.compile("[\udc80-\udcff]+")  # undecodable bytes, as surrogateescape keeps them
_VALID_NON_ASCII = re.compile("[\u0080-\ud7ff\ue000-\U0010ffff]")


def _repair_mixed_encoding(name: str, data: bytes) -> tuple[bytes, list[str]]:
    """A UTF-8 file with some Windows-1252 bytes (rows pasted in from elsewhere), made all UTF-8.

    Each byte that is not UTF-8 is read as Windows-1252, so "Café" stays "Café" whichever
    way a row was saved, and the rows where that happened are named in a warning. A file
    with no UTF-8 at all (nor a UTF-8 BOM) is left to delimited.decode, as Windows-1252.
    This belongs in delimited.decode; it is here until that module's rewrite takes it.
    """
    if data.isascii() or _utf16(data[:4096]) or _is_utf8(data):
        return data, []
    bom = codecs.BOM_UTF8 if data.startswith(codecs.BOM_UTF8) else b""
    text = data[len(bom) :].decode("utf-8", errors="surrogateescape")
    if not bom and not _VALID_NON_ASCII.search(text):
        return data, []  # no UTF-8 in it: Windows-1252 throughout

    def as_cp1252(run: re.Match) -> str:
        return bytes(ord(c) - 0xDC00 for c in run.group()).decode("cp1252", errors="replace")

    rows = _rows_matching(text, _INVALID_UTF8)
    repaired = _INVALID_UTF8.sub(as_cp1252, text)
    shown = ", ".join(map(str, rows[:10])) + (f" and {len(rows) - 10} more" if len(rows) > 10 else "")
    warning = (
        f"{name}: the file mixes encodings: {'row' if len(rows) == 1 else 'rows'} {shown} "
        "are not UTF-8 like the rest and were read as Windows-1252; check their accented "
        "letters, and save the file as UTF-8 next time"
    )
    return bom + repaired.encode("utf-8"), [warning]


def _is_utf8(data: bytes) -> bool:
    """Valid UTF-8 throughout, checked in pieces so a large file is never held as text."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(data)
    try:
        for start in range(0, len(data), _SAMPLE * 16):
            decoder.decode(view[start : start + _SAMPLE * 16])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _rows_matching(text: str, pattern: re.Pattern) -> list[int]:
    """The spreadsheet row numbers of the lines where pattern occurs (a quoted line break stays in its row)."""
    rows, row, quoted = [], 1, False
    lines = text.split("\n")
    if _sep_line(lines[0]):
        lines = lines[1:]  # Excel hides a "sep=;" line and numbers rows from the next
    for line in lines:
        if pattern.search(line) and (not rows or rows[-1] != row):
            rows.append(row)
        quoted ^= line.count('"') % 2 == 1
        if not quoted:
            row += 1
    return rows


def _sep_line(line: str) -> bool:
    line = line.strip()
    return len(line) == 5 and line.casefold().startswith("sep=")


_SENTINEL = "\ue000end-of-file-check\ue000"


def _check_not_cut(name: str, data: bytes) -> None:
    """Refuse a file that ends inside a quoted field: it was cut off (or a quote never closes).

    Importing the rows before the cut would store part of a file as if it were whole, and
    the cut row's last value may be cut short without looking wrong; the fix is a complete
    export, so nothing is imported and the row is named.
    """
    from engagement.ingest.delimited import decode, detect_delimiter

    if _utf16(data[:4096]):
        text = decode(data)[0]
        if text.count('"') % 2 == 0:
            return
    elif data.count(b'"') % 2 == 0:
        return  # quotes pair up: every quoted field closes (the cheap test for large files)
    else:
        text = decode(data)[0]
    first_line, _, rest = text.partition("\n")
    delimiter = first_line.strip()[4] if _sep_line(first_line) else None
    if delimiter:
        text = rest
    delimiter = delimiter or detect_delimiter(text)
    # After a whole last record the sentinel is a record of its own; after a cut it is glued
    # into the open quoted field, as the rest of the file would have been.
    count, last = 0, None
    try:
        for record in csv.reader(io.StringIO(text + "\n" + _SENTINEL, newline=""), delimiter=delimiter):
            count, last = count + 1, record
    except csv.Error:  # the open field grew past the csv module's limit: the same story
        count, last = count + 1, None
    if last == [_SENTINEL]:
        return
    raise ReadError(
        f"{name}: ends inside a quoted field that starts in row {count}: the file seems cut off "
        f"(or that row has a quote that never closes); nothing was imported: export the file again, "
        "complete, and import that"
    )
