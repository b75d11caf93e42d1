"""Zip-based workbooks (xlsx, xlsm, ods) checked before a reader opens them.

calamine (through fastexcel) trusts what an archive says: it unpacks a member
past its declared size, and it allocates one cell for every position between
the first and the last cell of a sheet, so a 5 KB file with cells A1 and
XFD1048576 asks for 550 GB and ends the process. This module refuses such files
first, within bounded memory: it reads the central directory (sizes, ratios,
encryption), then unpacks each member in 1 MB pieces without keeping them,
checking that no member holds more than it declares, that no XML declares a
DOCTYPE or entities, and that no sheet spans more cells than MAX_SHEET_CELLS.
"""

import io
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass

from engagement.ingest.read import ReadError, max_import_bytes

MAX_SHEET_CELLS = 10_000_000  # calamine keeps every cell of a sheet's span in memory (32+ bytes each)
MAX_RATIO = 100  # workbook XML packs 5-25 times; a zip bomb a thousand times
RATIO_FLOOR = 1_000_000  # members smaller than this may pack as tightly as they like
MAX_MEMBERS = 10_000
UNPACKED_PER_PACKED = 5  # a workbook may unpack to this many times the import size limit
_PIECE = 1 << 20
_PROLOG = 64 * 1024  # a DOCTYPE is only allowed before the root element, in the first bytes
_XML_SUFFIXES = (".xml", ".rels", ".vml")
_ODF_SPREADSHEET = b"application/vnd.oasis.opendocument.spreadsheet"
_PASSWORD = "is password-protected: save it without a password and import again"
_RESAVE = "open it in Excel or LibreOffice, save it as .xlsx and import again"

# In sheet XML <row> and <c> carry r="..." (other attributes ending in r may match too, which
# only costs time). calamine also takes r='A1' and r = "A1", so the patterns do too.
_REFERENCE_START = rb'r\s*=\s*["\']\s*'
_REFERENCE = re.compile(_REFERENCE_START + rb"([A-Za-z]{0,3})(\d+)")
_JOINT = 4096  # kept between two pieces when no tag starts near the end of the first
# A <c> or <row> without an r attribute takes the place after the one before it (calamine
# counts them so): such sheets are measured tag by tag.
_UNREFERENCED = re.compile(rb"<(?:c|row)(?=[\s/>])(?![^>]*?\br\s*=)")
_ROW_OR_CELL = re.compile(rb"<(c|row)(?=[\s/>])([^>]*)>")
_OWN_REFERENCE = re.compile(rb"\b" + _REFERENCE_START + rb"([A-Za-z]{0,3})(\d+)")
_CELL_ROW = re.compile(rb'<c\s[^>]*?\br\s*=\s*["\']\s*[A-Za-z]{1,3}(\d+)')
_ODS_TAG = re.compile(rb"<(/?)table:(table-row|table-cell|covered-table-cell|table)(?=[\s/>])([^>]*?)(/?)>")
_ROWS_REPEATED = re.compile(rb'number-rows-repeated="(\d+)"')
_COLUMNS_REPEATED = re.compile(rb'number-columns-repeated="(\d+)"')


@dataclass
class _Member:
    info: zipfile.ZipInfo
    start: int  # offset of its packed bytes in the file


def check_zip_workbook(name: str, data: bytes) -> None:
    """Raise ReadError when the zip archive is not a workbook fastexcel can safely read."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))  # shares data, no copy
        infos = archive.infolist()
    except Exception as error:  # BadZipFile, and the odd struct or value error of a crafted archive
        raise ReadError(
            f"{name}: is damaged or cut off (its zip archive is incomplete): save or download it "
            "again and import the new copy"
        ) from error
    names = {info.filename for info in infos}
    _check_kind(name, names, archive)
    _check_directory(name, infos)
    for info in infos:
        if info.is_dir() or info.file_size == 0:
            continue
        _check_member(name, data, _Member(info, _data_start(name, data, info)))


def _check_kind(name: str, names: set[str], archive: zipfile.ZipFile) -> None:
    """A zip that is an xlsx/xlsm or ods, not a .docx, an .xlsb or a folder someone zipped."""
    if "[Content_Types].xml" in names:
        if "xl/workbook.bin" in names:
            raise ReadError(f"{name}: is an Excel binary workbook (.xlsb), which is not imported: {_RESAVE}")
        if not any(n.startswith("xl/") for n in names):
            raise ReadError(
                f"{name}: is an Office document but not a spreadsheet (a Word or PowerPoint file?): "
                "save the data as .xlsx or .csv and import that"
            )
        return
    if "mimetype" in names:
        mimetype = _small_member(archive, "mimetype")
        if not mimetype.startswith(_ODF_SPREADSHEET):
            raise ReadError(
                f"{name}: is an OpenDocument file but not a spreadsheet: save the data as .ods, .xlsx "
                "or .csv and import that"
            )
        if b"encryption-data" in _small_member(archive, "META-INF/manifest.xml"):
            raise ReadError(f"{name}: {_PASSWORD}")
        return
    inside = sorted(n for n in names if n.casefold().endswith((".xlsx", ".xlsm", ".ods", ".xls", ".csv")))
    if inside:
        shown = ", ".join(inside[:3]) + (", ..." if len(inside) > 3 else "")
        raise ReadError(
            f"{name}: is a zip archive holding {shown}, not a workbook: unzip it and import the files inside"
        )
    raise ReadError(f"{name}: is a zip archive, not a workbook: import the .xlsx, .ods or .csv file itself")


def _small_member(archive: zipfile.ZipFile, member: str) -> bytes:
    try:
        info = archive.getinfo(member)
        if info.file_size > _PROLOG or info.compress_size > _PROLOG:
            return b""
        with archive.open(info) as stream:
            return stream.read(_PROLOG)
    except Exception:  # missing or damaged: the full member check below says so
        return b""


def _check_directory(name: str, infos: list[zipfile.ZipInfo]) -> None:
    """What the central directory declares: refused before anything is unpacked."""
    if len(infos) > MAX_MEMBERS:
        raise ReadError(f"{name}: refused, the archive holds {len(infos):,} parts (a zip bomb?): {_RESAVE}")
    limit = UNPACKED_PER_PACKED * max_import_bytes()
    declared = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise ReadError(f"{name}: {_PASSWORD}")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise ReadError(f"{name}: part {info.filename} is packed in a way workbooks never are: {_RESAVE}")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise ReadError(
                f"{name}: refused, part {info.filename} unpacks to {ratio:,} times its packed size "
                f"(a zip bomb?): {_RESAVE}"
            )
        declared += info.file_size
    if declared > limit:
        raise ReadError(_too_big(name, limit))


def _too_big(name: str, limit: int) -> str:
    return (
        f"{name}: refused, the workbook unpacks to more than {limit // 10**6:,} MB (a zip bomb, or a "
        "workbook too large to import): split it into smaller files, or export it as .csv"
    )


def _data_start(name: str, data: bytes, info: zipfile.ZipInfo) -> int:
    offset = info.header_offset
    if data[offset : offset + 4] != b"PK\x03\x04" or offset + 30 > len(data):
        raise ReadError(f"{name}: is damaged (part {info.filename} is missing): save or download it again")
    name_length, extra_length = struct.unpack_from("<HH", data, offset + 26)
    start = offset + 30 + name_length + extra_length
    if start + info.compress_size > len(data):
        raise ReadError(f"{name}: is cut off (part {info.filename} is incomplete): save or download it again")
    return start


def _pieces(name: str, data: bytes, member: _Member):
    """The member's unpacked bytes in pieces of at most 1 MB; ReadError when it holds more than it says."""
    info = member.info
    packed = memoryview(data)[member.start : member.start + info.compress_size]
    if info.compress_type == zipfile.ZIP_STORED:
        if info.compress_size != info.file_size:
            raise ReadError(f"{name}: is damaged (part {info.filename} has the wrong size): {_RESAVE}")
        for offset in range(0, len(packed), _PIECE):
            yield bytes(packed[offset : offset + _PIECE])
        return
    inflate = zlib.decompressobj(-zlib.MAX_WBITS)
    unpacked = 0
    try:
        while True:
            piece = inflate.decompress(packed, _PIECE)
            packed = inflate.unconsumed_tail
            unpacked += len(piece)
            if unpacked > info.file_size:
                raise ReadError(
                    f"{name}: refused, part {info.filename} unpacks to more than the {info.file_size:,} "
                    f"bytes it declares (a zip bomb?): {_RESAVE}"
                )
            if piece:
                yield piece
            if inflate.eof or not (piece or packed):
                break
    except zlib.error as error:
        raise ReadError(f"{name}: is damaged (part {info.filename} cannot be unpacked): {_RESAVE}") from error
    if not inflate.eof or unpacked != info.file_size:
        raise ReadError(f"{name}: is damaged or cut off (part {info.filename} is incomplete): {_RESAVE}")


def _check_member(name: str, data: bytes, member: _Member) -> None:
    part = member.info.filename
    if not part.casefold().endswith(_XML_SUFFIXES):
        for _piece in _pieces(name, data, member):
            pass  # only its size matters
        return
    head, tail, beyond, bounds = b"", b"", False, None
    for piece, text in _tags(_pieces(name, data, member)):
        if len(head) < _PROLOG:
            head += piece[: _PROLOG - len(head)]
            if len(head) == _PROLOG:
                _check_prolog(name, part, head)  # before the rest of a bomb is unpacked
        if bounds is None:
            bounds = _bounds(text)
        beyond = beyond or bool(bounds.search(text)) or bool(_UNREFERENCED.search(text))
        tail = piece[-4096:] if len(piece) >= 4096 else (tail + piece)[-4096:]
    _check_prolog(name, part, head)
    if part == "content.xml":
        _check_ods_span(name, data, member)
    else:
        _check_sheet_span(name, data, member, head, tail, beyond)


def _tags(pieces):
    """(piece, text) for each unpacked piece: text holds every reference in full.

    A tag cut between two pieces is carried over whole into the next text (no tag of a
    workbook is longer than a piece); the last text holds what is left. The pieces are
    the unpacked bytes as they come, for the prolog and the tail.
    """
    carry = b""
    piece = b""
    for piece in pieces:
        text = carry + piece
        cut = text.rfind(b"<")
        if cut < 0 or len(text) - cut > _PIECE:
            cut = max(len(text) - _JOINT, 0)  # no tag is that long: keep enough for a reference
        text, carry = text[:cut], text[cut:]
        yield piece, text
    if carry:
        yield b"", carry


def _bounds(text: bytes) -> re.Pattern:
    """A pattern for the references that may take a sheet past MAX_SHEET_CELLS.

    The widest column among the references in the first piece (C) sets the bound: a sheet
    whose references all lie within column C and row MAX_SHEET_CELLS // C spans at most
    MAX_SHEET_CELLS, so one search over the sheet for a reference beyond either (which
    almost never matches) replaces counting every reference. A match sends the sheet to the
    exact count.
    """
    columns = max((_column_number(letters) for letters, _ in _REFERENCE.findall(text)), default=1)
    columns = max(columns, 1)
    letters = _column_letters(columns)
    rows = str(MAX_SHEET_CELLS // columns)
    far_column = _greater(letters, _LETTER_CLASSES, b"[A-Za-z]") + rb"\d"
    far_row = rb"[A-Za-z]*0*" + _greater(rows.encode(), _DIGIT_CLASSES, rb"\d") + rb"(?!\d)"
    return re.compile(_REFERENCE_START + rb"(?:" + far_column + rb"|" + far_row + rb")")


def _greater(value: bytes, above: dict[int, bytes], anything: bytes) -> bytes:
    """A regex for the strings of `anything` greater than value, longer strings being greater
    (column letters, and numbers without leading zeros, order that way)."""
    options = [anything + b"{%d,}" % (len(value) + 1)]
    for index, symbol in enumerate(value):
        if above[symbol]:
            rest = anything + b"{%d}" % (len(value) - index - 1) if index < len(value) - 1 else b""
            options.append(re.escape(value[:index]) + above[symbol] + rest)
    return b"(?:" + b"|".join(options) + b")"


def _column_letters(number: int) -> bytes:
    letters = b""
    while number > 0:
        number, remainder = divmod(number - 1, 26)
        letters = bytes([ord("A") + remainder]) + letters
    return letters


def _classes(symbols: bytes, *, letters: bool) -> dict[int, bytes]:
    classes = {}
    for index, symbol in enumerate(symbols):
        rest = symbols[index + 1 :]
        if not rest:
            classes[symbol] = b""
        elif letters:
            low = rest.lower()
            classes[symbol] = b"[%c-%c%c-%c]" % (rest[0], rest[-1], low[0], low[-1])
        else:
            classes[symbol] = b"[%c-%c]" % (rest[0], rest[-1])
    if letters:
        classes.update({symbol + 32: value for symbol, value in list(classes.items())})
    return classes


_LETTER_CLASSES = _classes(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", letters=True)
_DIGIT_CLASSES = _classes(b"0123456789", letters=False)


def _check_prolog(name: str, part: str, head: bytes) -> None:
    text = head
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 XML would hide an ASCII DOCTYPE
        text = head.decode("utf-16", errors="replace").encode("utf-8")
    text = text.upper()
    if b"<!DOCTYPE" in text or b"<!ENTITY" in text:
        raise ReadError(
            f"{name}: refused, part {part} declares XML entities (a possible XML bomb; workbooks "
            f"never do): {_RESAVE}"
        )


def _check_sheet_span(
    name: str, data: bytes, member: _Member, head: bytes, tail: bytes, beyond: bool
) -> None:
    """Refuse an xlsx sheet whose cells would span more than MAX_SHEET_CELLS in calamine."""
    first = _CELL_ROW.search(head)
    last = None
    for last in _CELL_ROW.finditer(tail):  # noqa: B007 - the last match is the one wanted
        pass
    if first and last and int(last.group(1)) < int(first.group(1)):
        # calamine takes a sheet's rows from its first and last cell, and misreads this order.
        raise ReadError(
            f"{name}: the sheet in part {member.info.filename} lists its rows out of order: {_RESAVE}"
        )
    if not beyond:
        return  # every reference is within the bounds of _bounds: under MAX_SHEET_CELLS
    rows = columns = row = column = 0
    for _piece, text in _tags(_pieces(name, data, member)):
        for tag, attributes in _ROW_OR_CELL.findall(text):
            found = _OWN_REFERENCE.search(attributes)
            if tag == b"row":
                row = int(found.group(2)) if found else row + 1
                column = 0
            else:
                column = _column_number(found.group(1)) if found and found.group(1) else column + 1
                columns = max(columns, column)
                rows = max(rows, int(found.group(2)) if found else row)
            rows = max(rows, row)
    _check_cells(name, rows, columns)


def _check_cells(name: str, rows: int, columns: int) -> None:
    if rows * columns > MAX_SHEET_CELLS:
        raise ReadError(
            f"{name}: refused, a sheet spans {rows:,} rows by {columns:,} columns ({rows * columns:,} "
            f"cells), more than the {MAX_SHEET_CELLS:,} cells the importer reads: delete the empty rows "
            "and columns (or a stray cell far from the data) and save again, or export it as .csv"
        )


def _check_ods_span(name: str, data: bytes, member: _Member) -> None:
    """Refuse an OpenDocument table whose repeated rows and cells would exceed MAX_SHEET_CELLS.

    Repeats of empty rows and cells (LibreOffice writes a million of them after the data)
    cost nothing unless something follows them; calamine spans up to the last value.
    """
    carry = b""
    row, height, width = 0, 0, 0
    column = used = 0
    row_repeat = 1
    for piece in _pieces(name, data, member):
        text = carry + piece
        cut = text.rfind(b"<")
        cut = len(text) if cut < 0 or len(text) - cut > _PIECE else cut  # no tag is that long
        text, carry = text[:cut], text[cut:]
        for closing, tag, attributes, empty in _ODS_TAG.findall(text):
            if tag == b"table":
                if not closing:
                    row, height, width = 0, 0, 0
                else:
                    _check_cells(name, height, width)
            elif tag == b"table-row":
                if not closing:
                    column = used = 0
                    row_repeat = _repeat(_ROWS_REPEATED, attributes)
                    if empty:
                        row += row_repeat
                    continue
                if used:
                    height = row + row_repeat
                    width = max(width, used)
                    _check_cells(name, height, width)
                row += row_repeat
            elif not closing:
                column += _repeat(_COLUMNS_REPEATED, attributes)
                if not empty or b"value-type" in attributes:
                    used = column
    _check_cells(name, height, width)


def _repeat(pattern: re.Pattern, attributes: bytes) -> int:
    found = pattern.search(attributes)
    return max(1, int(found.group(1))) if found else 1


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - ord("A") + 1
    return number
