"""The first rows of each sheet of an .xlsx/.xlsm, read from the sheet XML without parsing the rest.

fastexcel (calamine) parses a whole sheet even when asked for 20 rows, so finding the
header row cost a second full parse of every sheet (0.4 s per 100k rows). This reader
unpacks only the start of each sheet and of the shared strings, and gives the cells as
fastexcel gives them with dtypes="string": text as is, whole numbers as "3", booleans "true"/"false", date cells "2023-04-01 00:00:00", errors and
formulas without a cached value as blank.

It answers only where it is sure: for a sheet with anything it does not render exactly
as calamine does (fractions, elapsed-time formats such as [h]:mm, 1904 dates, fractions of seconds, escaped
characters, a sheet whose data starts right of column A, whose leading empty columns
calamine drops), it answers None and the caller asks fastexcel. tests/test_xlsx_head.py
checks both readers agree on every workbook the tests use.

The archive has passed engagement.ingest.archive (no entity declarations, sizes as
declared) before this runs.
"""

import io
import math
import re
import zipfile
from datetime import datetime, timedelta
from xml.etree import ElementTree

from engagement.ingest.read import HEAD_ROWS

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELATIONSHIP = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_EXCEL_EPOCH = datetime(1899, 12, 30)
_ESCAPED = re.compile(r"_x[0-9A-Fa-f]{4}_")  # calamine turns _x000D_ into a character
_QUOTED = re.compile(r'"[^"]*"|\\.|_.|\*.')
_BRACKETED = re.compile(r"\[([^\]]*)\]")
_DATE_LETTERS = re.compile(r"[yYdDmMhHsS]")
_NUMBER_FORMAT = re.compile(r"^(General|[0#?.,%Ee+\- ()/$€£¥]*)(;[0#?.,%Ee+\- ()/$€£¥]*)*$", re.IGNORECASE)
_NUMBER_IDS = {0, 1, 2, 3, 4, 9, 10, 11, 12, 13, 37, 38, 39, 40, 48, 49}
_DATE_IDS = {14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 47}  # 46 is [h]:mm:ss, an elapsed time


class _Unsure(Exception):
    """Something this reader does not render exactly as calamine: the caller asks fastexcel."""


def read_heads(data: bytes) -> dict[str, tuple[list[list], int | None]]:
    """For each sheet it can read: its first HEAD_ROWS rows, and its height (None: taller than that).

    Row i is spreadsheet row i + 1, column j is column A + j; the rows are as wide as the
    widest among them. Sheets it is unsure of are left out.
    """
    # Any failure here (a damaged or unusual part) only means fastexcel reads that head, and
    # reports what is wrong with the file in its own words: so every exception is caught.
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        parts, date1904 = _sheet_parts(archive)
        if date1904:
            return {}
        styles = _style_kinds(archive)
    except Exception:
        return {}
    raw = {}
    for name, part in parts.items():
        try:
            raw[name] = _raw_head(archive, part, styles)
        except Exception:
            continue
    needed = max((index for rows, _ in raw.values() for index in _shared_indices(rows)), default=-1)
    try:
        shared = _shared_strings(archive, needed)
    except Exception:
        return {}
    heads = {}
    for name, (rows, height) in raw.items():
        try:
            heads[name] = ([[_text(cell, shared) for cell in row] for row in rows], height)
        except Exception:  # _Unsure, or a shared string index past the end
            continue
    return heads


def _sheet_parts(archive: zipfile.ZipFile) -> tuple[dict[str, str], bool]:
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    properties = workbook.find(f"{_MAIN}workbookPr")
    date1904 = properties is not None and properties.get("date1904", "").lower() in ("1", "true")
    targets = {}
    relations = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    for relation in relations:
        target = relation.get("Target", "")
        target = target.lstrip("/") if target.startswith("/") else "xl/" + target
        targets[relation.get("Id")] = target
    parts = {}
    for sheet in workbook.iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(_RELATIONSHIP))
        if target and target.startswith("xl/worksheets/"):
            parts[sheet.get("name")] = target
    return parts, date1904


def _style_kinds(archive: zipfile.ZipFile) -> list[str]:
    """Per cell style: "number", "date" or "unsure", from its number format."""
    try:
        styles = ElementTree.fromstring(archive.read("xl/styles.xml"))
    except KeyError:
        return []
    codes = {int(f.get("numFmtId")): f.get("formatCode", "") for f in styles.iter(f"{_MAIN}numFmt")}
    cell_formats = styles.find(f"{_MAIN}cellXfs")
    if cell_formats is None:
        return []
    return [_format_kind(int(xf.get("numFmtId", "0")), codes) for xf in cell_formats.iter(f"{_MAIN}xf")]


def _format_kind(number_format: int, codes: dict[int, str]) -> str:
    if number_format not in codes:
        if number_format in _NUMBER_IDS:
            return "number"
        return "date" if number_format in _DATE_IDS else "unsure"
    code = _QUOTED.sub("", codes[number_format])
    if any(_DATE_LETTERS.search(inside) for inside in _BRACKETED.findall(code)):
        return "unsure"  # [h]:mm, an elapsed time
    code = _BRACKETED.sub("", code)
    if _NUMBER_FORMAT.match(code.strip()):
        return "number"
    if _DATE_LETTERS.search(code):
        return "date"
    return "unsure"


def _raw_head(archive: zipfile.ZipFile, part: str, styles: list[str]) -> tuple[list[list], int | None]:
    """The head's cells as (kind, value) pairs, and the sheet's height (None: taller than the head)."""
    rows: list[list] = []
    last_used = 0
    row_number = 0
    height: int | None = None
    with archive.open(part) as stream:
        events = ElementTree.iterparse(stream, events=("start", "end"))
        for event, element in events:
            if event == "start" and element.tag == f"{_MAIN}row":
                row_number = int(element.get("r") or row_number + 1)
                column = 0
                continue
            if event != "end":
                continue
            if element.tag == f"{_MAIN}c":
                reference = element.get("r")
                column = _column(reference) if reference else column + 1
                if row_number > HEAD_ROWS:
                    if _below_head_used(element, styles):
                        break  # taller than the head: height None
                    element.clear()
                    continue
                cell = _cell(element, styles)
                element.clear()
                if cell is None:
                    continue
                while len(rows) < row_number:
                    rows.append([])
                row = rows[row_number - 1]
                row.extend([None] * (column - len(row)))
                row[column - 1] = cell
                last_used = row_number
            elif element.tag == f"{_MAIN}row":
                element.clear()
            elif element.tag == f"{_MAIN}sheetData":
                height = last_used
                break
        else:
            height = last_used
    _check_column_a(rows)
    rows = rows[:last_used] if height is not None else rows + [[]] * (HEAD_ROWS - len(rows))
    width = max(len(row) for row in rows)
    return [row + [None] * (width - len(row)) for row in rows], height


def _check_column_a(rows: list[list]) -> None:
    # calamine drops the empty columns left of a sheet's first used column, which only the
    # whole sheet tells; a head that uses column A settles it.
    if not any(row and row[0] is not None for row in rows):
        raise _Unsure("the data starts right of column A")


def _below_head_used(element, styles: list[str]) -> bool:
    try:
        return _cell(element, styles) is not None
    except _Unsure:
        return True


def _cell(element, styles: list[str]):
    """(kind, value) of a cell with a value, or None for a blank, an error or an uncached formula."""
    kind = element.get("t", "n")
    if kind == "inlineStr":
        found = element.find(f"{_MAIN}is")
        text = _string_text(found) if found is not None else ""
        return ("text", text) if text else None
    value = element.find(f"{_MAIN}v")
    if value is None or not value.text:
        return None
    if kind == "s":
        return ("shared", int(value.text))
    if kind == "str":
        return ("text", value.text)
    if kind == "b":
        return ("text", "true" if value.text.strip() == "1" else "false")
    if kind == "e":
        return None
    if kind != "n":
        raise _Unsure(f"cell type {kind}")
    style = int(element.get("s", "0"))
    style_kind = styles[style] if style < len(styles) else ("number" if style == 0 else "unsure")
    if style_kind == "unsure":
        raise _Unsure("number format")
    return (style_kind, float(value.text))


def _string_text(element) -> str:
    """The text of a shared or inline string: its runs, without phonetic guides."""
    parts = []
    for child in element:
        if child.tag == f"{_MAIN}t":
            parts.append(child.text or "")
        elif child.tag == f"{_MAIN}r":
            parts.extend(t.text or "" for t in child.iter(f"{_MAIN}t"))
    text = "".join(parts)
    if _ESCAPED.search(text):
        raise _Unsure("escaped characters")
    return text


def _shared_indices(rows: list[list]):
    return (cell[1] for row in rows for cell in row if cell is not None and cell[0] == "shared")


def _shared_strings(archive: zipfile.ZipFile, needed: int) -> list[str]:
    """The shared strings up to index `needed`, unpacking no further than that."""
    strings: list[str] = []
    if needed < 0:
        return strings
    with archive.open("xl/sharedStrings.xml") as stream:
        for _event, element in ElementTree.iterparse(stream):
            if element.tag == f"{_MAIN}si":
                strings.append(_string_text(element))
                element.clear()
                if len(strings) > needed:
                    break
    return strings


def _text(cell, shared: list[str]) -> str | None:
    if cell is None:
        return None
    kind, value = cell
    if kind == "text":
        return value
    if kind == "shared":
        return shared[value] or None
    if kind == "date":
        return _date_text(value)
    return _number_text(value)


def _number_text(value: float) -> str:
    """A whole number as calamine writes it ("3", "-0"). calamine writes fractions rounded to
    nine decimals in its own way: those, and numbers past 2**53, are left to it."""
    if not value.is_integer() or abs(value) >= 2**53:
        raise _Unsure("a fraction, or a number past 2**53")
    return "-0" if math.copysign(1.0, value) < 0 and value == 0 else str(int(value))


def _date_text(serial: float) -> str:
    """As calamine writes a date cell: serials from 61 count from 30 Dec 1899 (Excel's calendar
    has a 29 Feb 1900, serial 60), smaller ones, times of day among them, from 31 Dec 1899."""
    milliseconds = round(serial * 86_400_000)
    if serial < 0 or 60 <= serial < 61 or milliseconds % 1000:
        raise _Unsure("a negative date, 29 February 1900, or fractions of a second")
    epoch = _EXCEL_EPOCH if serial >= 61 else _EXCEL_EPOCH + timedelta(days=1)
    return (epoch + timedelta(milliseconds=milliseconds)).strftime("%Y-%m-%d %H:%M:%S")


def _column(reference: str) -> int:
    number = 0
    for letter in reference:
        if not letter.isalpha():
            break
        number = number * 26 + ord(letter.upper()) - ord("A") + 1
    return number
