"""Delimited text (csv, tsv, txt): encoding and delimiter detected, quoted fields kept whole.

Row numbers follow what a spreadsheet program shows: each record is one row,
even when a quoted field spans several lines.
"""

import codecs
import csv
import io
from collections import Counter
from pathlib import Path

from engagement.ingest.read import HEAD_ROWS, ReadError, Sheet

DELIMITERS = (",", ";", "\t", "|")
_SAMPLE_CHARS = 64 * 1024


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
    text, _encoding = decode(data)
    if "\x00" in text:
        raise ReadError(f"{name}: not a text file (it contains binary data)")
    delimiter = None
    first_line, _, rest = text.partition("\n")
    if first_line.strip().casefold().startswith("sep=") and len(first_line.strip()) == 5:
        # Excel's delimiter hint; Excel hides this line, so rows are numbered from the next one.
        delimiter, text = first_line.strip()[4], rest
    if delimiter is None:
        preferred = "\t" if Path(name).suffix.casefold() in (".tsv", ".tab") else None
        delimiter = detect_delimiter(text, preferred)
    try:
        rows = [
            [field if field.strip() else None for field in record]
            for record in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        ]
    except csv.Error as error:
        raise ReadError(f"{name}: cannot be read as delimited text ({error})") from error
    if not any(any(cell is not None for cell in row) for row in rows):
        raise ReadError(f"{name}: the file is empty")
    return Sheet(Path(name).stem, rows[:HEAD_ROWS], lambda index: rows[index + 1 :], from_text=True)
