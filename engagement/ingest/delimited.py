"""Delimited text (csv, tsv, txt): encoding and delimiter detected, quoted fields kept whole.

Row numbers follow what a spreadsheet program shows: each record is one row,
even when a quoted field spans several lines.

The first rows (where the header is looked for) are read with Python's csv module.
The rows below the header are read by Arrow's CSV parser straight into columns
(ten times faster, and no Python object per cell); it splits records exactly as the
csv module does, except that it drops blank lines at the very start (so parsing
starts at the first record with content) and cannot keep a record with more or fewer
fields than the first: a file with such records is read with the csv module instead.
"""

import codecs
import csv
import io
import re
from collections import Counter
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as arrow_csv

from engagement.ingest.read import HEAD_ROWS, ReadError, Sheet

# A field may hold a long meeting note (Python's csv module stops at 128 KB); longer than
# this, it is nearly always a quote left open that swallows the rest of the file.
MAX_FIELD_BYTES = 2**20
csv.field_size_limit(MAX_FIELD_BYTES)

DELIMITERS = (",", ";", "\t", "|")
_SAMPLE_CHARS = 64 * 1024
_BLOCK_BYTES = 8 * 1024 * 1024  # Arrow parses blocks of this size in parallel
_PREFIX_BYTES = 1024 * 1024  # decoded first, for the header rows; more when they need it
# One line with its terminator (\r\n, \r or \n), as io.StringIO(newline="") yields lines.
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def decode(data: bytes) -> tuple[str, str]:
    """The text and the encoding it was read in: UTF-8 (BOM or not), UTF-16 (BOM), else Windows-1252."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return data.decode("utf-16", errors="replace"), "utf-16"
    guessed = _utf16_without_bom(data)
    if guessed:
        return data.decode(guessed, errors="replace"), guessed
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        # Windows-1252 leaves five bytes undefined; they become U+FFFD rather than failing the file.
        return data.decode("cp1252", errors="replace"), "cp1252"


def _utf16_without_bom(data: bytes) -> str | None:
    # ASCII-heavy UTF-16 has a zero byte in every other position.
    sample = data[:4096]
    half = len(sample) // 2
    if half < 2:
        return None
    if sample[1::2].count(0) > 0.4 * half and sample[0::2].count(0) < 0.05 * half:
        return "utf-16-le"
    if sample[0::2].count(0) > 0.4 * half and sample[1::2].count(0) < 0.05 * half:
        return "utf-16-be"
    return None


def detect_delimiter(text: str, preferred: str | None = None) -> str:
    """The delimiter that splits most records into the same number (> 1) of fields."""
    sample = text[:_SAMPLE_CHARS]
    if len(text) > _SAMPLE_CHARS and "\n" in sample:
        sample = sample[: sample.rindex("\n")]
    order = ([preferred] if preferred else []) + [d for d in DELIMITERS if d != preferred]
    best, best_score = ",", (0, 0)
    for delimiter in order:
        counts = [
            len(record)
            for record in csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
            if any(field.strip() for field in record)
        ]
        wide = Counter(n for n in counts if n > 1)
        if not wide:
            continue
        width, rows = max(wide.items(), key=lambda item: (item[1], item[0]))
        if (rows, width) > best_score:
            best, best_score = delimiter, (rows, width)
    return best


def read_delimited(name: str, data: bytes) -> Sheet:
    """The file as one sheet named after the file (without extension), every cell a string or None."""
    source = _Text.of(name, data)
    start = 0
    delimiter = None
    first_line = source.prefix[: source.prefix.find("\n") + 1 or len(source.prefix)]
    if first_line.strip().casefold().startswith("sep=") and len(first_line.strip()) == 5:
        # Excel's delimiter hint; Excel hides this line, so rows are numbered from the next one.
        delimiter, start = first_line.strip()[4], len(first_line)
    if delimiter is None:
        preferred = "\t" if Path(name).suffix.casefold() in (".tsv", ".tab") else None
        delimiter = detect_delimiter(source.sample(start, 2 * _SAMPLE_CHARS), preferred)
    source.delimiter = delimiter
    head, ends = source.head(start, HEAD_ROWS)
    if not _has_content(head) and not _has_content(source.rows(ends[-1] if ends else start)):
        raise ReadError(f"{name}: the file is empty")

    def rows_after(header_index: int) -> list[list]:
        return source.rows(ends[header_index]) if header_index < len(ends) else []

    def columns_after(header_index: int) -> pa.Table:
        return source.columns(ends[header_index]) if header_index < len(ends) else pa.table({})

    return Sheet(Path(name).stem, head, rows_after, from_text=True, columns_after=columns_after)


def _has_content(rows: list[list]) -> bool:
    return any(cell is not None for row in rows for cell in row)


def _utf8(data: bytes) -> memoryview | None:
    """The file's bytes after any UTF-8 BOM, when it is UTF-8; None for UTF-16 and Windows-1252."""
    if data.startswith(codecs.BOM_UTF8):
        return memoryview(data)[len(codecs.BOM_UTF8) :]  # read as UTF-8 even with stray bytes (decode)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _utf16_without_bom(data):
        return None
    if data.isascii():
        return memoryview(data)
    # Arrow checks UTF-8 in place; decoding a large file to check it takes as long as reading it.
    offsets = pa.py_buffer(np.array([0, len(data)], np.int64))
    try:
        pa.LargeStringArray.from_buffers(1, offsets, pa.py_buffer(data)).validate(full=True)
    except pa.ArrowInvalid:
        return None
    return memoryview(data)


class _Text:
    """A delimited file, read from a character offset on: as rows, or as columns.

    A UTF-8 file stays bytes: only a prefix is decoded (for the header rows) unless the rows
    must be read with the csv module. Other encodings are decoded whole (decode).
    """

    def __init__(self, name: str, utf8: memoryview | None, text: str | None):
        self.name, self.delimiter = name, ","
        self._utf8, self._text = utf8, text
        self.prefix, self._prefix_bytes = (text, None) if text is not None else ("", 0)
        if text is None:
            self._grow()

    @classmethod
    def of(cls, name: str, data: bytes) -> "_Text":
        utf8 = _utf8(data)
        if utf8 is None:
            text, _encoding = decode(data)
            if "\x00" in text:
                raise ReadError(f"{name}: not a text file (it contains binary data)")
            return cls(name, None, text)
        if data.find(b"\x00") >= 0:
            raise ReadError(f"{name}: not a text file (it contains binary data)")
        return cls(name, utf8, None)

    @property
    def _complete(self) -> bool:
        return self._prefix_bytes is None

    def _grow(self) -> None:
        """Decode twice as much of the file, up to a line break (never inside a character)."""
        size = max(2 * self._prefix_bytes, _PREFIX_BYTES)
        chunk = bytes(self._utf8[:size])
        if size < len(self._utf8):
            chunk = chunk[: chunk.rfind(b"\n") + 1]
        try:
            self.prefix = chunk.decode("utf-8")
        except UnicodeDecodeError:  # stray bytes: read the whole file as decode does
            self.prefix, self._prefix_bytes = self.text(), None
            self._utf8 = None
            return
        self._prefix_bytes = None if size >= len(self._utf8) else size

    def sample(self, start: int, chars: int) -> str:
        while not self._complete and len(self.prefix) < start + chars:
            self._grow()
        return self.prefix[start : start + chars]

    def text(self) -> str:
        """The whole file, decoded as decode decodes it."""
        if self._text is None:
            self._text = bytes(self._utf8).decode("utf-8", errors="replace")
        return self._text

    def _reader(self, text: str, start: int):
        """Records from `start`, each with the offset where it ends."""
        lines = _Lines(text, start)
        reader = csv.reader(lines, delimiter=self.delimiter)
        record_start = start
        try:
            for record in reader:
                yield [field if field.strip() else None for field in record], lines.offset
                record_start = lines.offset
        except csv.Error as error:
            line = text.count("\n", 0, record_start) + 1
            if "field limit" in str(error):
                raise ReadError(
                    f"{self.name}: a field from line {line} on is longer than {MAX_FIELD_BYTES // 2**20} MB, "
                    f'which usually means a quote (") opened there is never closed: check the quotes on '
                    "that line and export or save the file again"
                ) from error
            raise ReadError(
                f"{self.name}: cannot be read as delimited text from line {line} on ({error}): check "
                "that line, or export or save the file again"
            ) from error

    def head(self, start: int, count: int) -> tuple[list[list], list[int]]:
        """The first `count` records from `start`, and the offset where each ends."""
        while True:
            rows, ends = [], []
            for row, end in self._reader(self.prefix, start):
                # The last record of a prefix may continue past it: only whole records count.
                if len(rows) == count or (end >= len(self.prefix) and not self._complete):
                    break
                rows.append(row)
                ends.append(end)
            if len(rows) == count or self._complete:
                return rows, ends
            self._grow()

    def rows(self, start: int) -> list[list]:
        """Every record from `start`, with Python's csv module."""
        return [row for row, _end in self._reader(self.text(), start)]

    def columns(self, start: int) -> pa.Table:
        """Every record from `start` as columns of strings (None where blank); one column per field."""
        blank_rows, first = 0, start
        for row, end in self._reader(self.prefix if self._utf8 is not None else self.text(), start):
            if _has_content([row]):
                break
            blank_rows, first = blank_rows + 1, end
        else:
            if self._complete or self._utf8 is None:
                return pa.table({})  # nothing but blank rows
            return _columns_from_rows(self.rows(start))
        table = self._arrow_columns(first, len(row))
        if table is None:
            return _columns_from_rows(self.rows(start))
        if blank_rows:
            table = pa.concat_tables([_blank_table(table.schema, blank_rows), table])
        return table

    def _utf8_from(self, start: int) -> pa.Buffer:
        if self._utf8 is not None:
            return pa.py_buffer(self._utf8[len(self.prefix[:start].encode("utf-8")) :])
        return pa.py_buffer(self.text()[start:].encode("utf-8"))

    def _arrow_columns(self, start: int, width: int) -> pa.Table | None:
        """The records from `start` parsed by Arrow, or None when some record is not `width` fields."""
        names = [f"c{i}" for i in range(width)]
        irregular = []
        try:
            table = arrow_csv.read_csv(
                self._utf8_from(start),
                read_options=arrow_csv.ReadOptions(column_names=names, block_size=_BLOCK_BYTES),
                parse_options=arrow_csv.ParseOptions(
                    delimiter=self.delimiter,
                    quote_char='"',
                    double_quote=True,
                    escape_char=False,
                    newlines_in_values=True,
                    ignore_empty_lines=False,
                    invalid_row_handler=lambda row: irregular.append(row) or "skip",
                ),
                convert_options=arrow_csv.ConvertOptions(
                    column_types=dict.fromkeys(names, pa.string()),
                    null_values=[""],
                    strings_can_be_null=True,
                    quoted_strings_can_be_null=True,
                ),
            )
        except (pa.ArrowException, ValueError):
            return None  # the csv module reads it, or says why it cannot
        if irregular or _too_long(table):
            return None
        return pa.table([_blank_as_null(column) for column in table.columns], names=names)


class _Lines:
    """The lines of a text from an offset, counting how far they have been read (for csv.reader)."""

    def __init__(self, text: str, start: int):
        self._matches = _LINE.finditer(text, start)
        self.offset = start

    def __iter__(self):
        return self

    def __next__(self) -> str:
        line = next(self._matches).group()
        self.offset += len(line)
        return line


def _too_long(table: pa.Table) -> bool:
    # The csv module refuses fields over its limit; such a file is left to it, to say so.
    limit = csv.field_size_limit()
    return any((pc.max(pc.binary_length(column)).as_py() or 0) >= limit for column in table.columns)


def _blank_as_null(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """Whitespace-only fields as None, as the csv path gives them (Arrow's whitespace is Python's)."""
    spaces = pc.utf8_is_space(column)
    if not pc.any(spaces).as_py():
        return column
    return pc.if_else(spaces, pa.scalar(None, pa.string()), column)


def _blank_table(schema: pa.Schema, rows: int) -> pa.Table:
    return pa.table([pa.nulls(rows, pa.string()) for _ in schema], schema=schema)


def _columns_from_rows(rows: list[list]) -> pa.Table:
    width = max((len(row) for row in rows), default=0)
    columns = [
        pa.array([row[p] if p < len(row) else None for row in rows], pa.string()) for p in range(width)
    ]
    return pa.table(columns, names=[f"c{i}" for i in range(width)])
