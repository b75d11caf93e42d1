"""OLE compound files (legacy .xls, and any workbook saved with a password) checked before calamine.

A password-protected .xlsx is not a zip but a compound file holding EncryptionInfo and
EncryptedPackage streams; a protected .xls has a FILEPASS record. Both are refused
with a reason the user can act on. calamine also sizes a sheet from the .xls's
DIMENSIONS record and its cell positions, and a crafted 8 KB file asks it for
hundreds of gigabytes (the process ends), so the sheets' spans are checked here first.
"""

import struct

from engagement.ingest.archive import MAX_SHEET_CELLS
from engagement.ingest.read import ReadError

_FREE, _END_OF_CHAIN = 0xFFFFFFFF, 0xFFFFFFFE
_PASSWORD = "is password-protected: save it without a password and import again"
_RESAVE = "open it in Excel or LibreOffice, save it as .xlsx and import again"

_BOF, _EOF, _FILEPASS, _DIMENSIONS = 0x0809, 0x000A, 0x002F, 0x0200
# Records that hold one cell, its row and column first: FORMULA, RSTRING, LABELSST, BLANK,
# NUMBER, LABEL, BOOLERR, RK; and MULRK / MULBLANK, which end with their last column.
_CELL_RECORDS = {0x0006, 0x00D6, 0x00FD, 0x0201, 0x0203, 0x0204, 0x0205, 0x027E}
_MULTI_CELL_RECORDS = {0x00BD, 0x00BE}


def check_compound_workbook(name: str, data: bytes) -> None:
    """Raise ReadError when the compound file is encrypted, damaged, or spans too many cells."""
    try:
        streams = _Compound(data)
    except (ValueError, IndexError, struct.error) as error:
        raise ReadError(f"{name}: is damaged or cut off (not a complete Excel file): {_RESAVE}") from error
    if "EncryptedPackage" in streams.names or "EncryptionInfo" in streams.names:
        raise ReadError(f"{name}: {_PASSWORD}")
    book = next((n for n in ("Workbook", "Book") if n in streams.names), None)
    if book is None:
        raise ReadError(
            f"{name}: is an Office file but not an Excel workbook (a Word document or an e-mail?): "
            "save the data as .xlsx or .csv and import that"
        )
    try:
        _check_biff(name, streams.read(book))
    except (ValueError, IndexError, struct.error) as error:
        raise ReadError(f"{name}: is damaged or cut off (not a complete Excel file): {_RESAVE}") from error


def _check_biff(name: str, stream: bytes) -> None:
    """Each sheet's span, from its DIMENSIONS record and from its cells, within MAX_SHEET_CELLS."""
    rows = columns = 0
    position = 0
    view = memoryview(stream)
    while position + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, position)
        body = view[position + 4 : position + 4 + length]
        position += 4 + length
        if kind == _BOF:
            rows = columns = 0
        elif kind == _FILEPASS:
            raise ReadError(f"{name}: {_PASSWORD}")
        elif kind == _DIMENSIONS and length >= 10:
            if length >= 14:  # BIFF8: 32-bit rows
                _first, last_row, _first_column, last_column = struct.unpack_from("<IIHH", body)
            else:
                _first, last_row, _first_column, last_column = struct.unpack_from("<HHHH", body)
            _check_span(name, last_row, last_column)
        elif kind in _CELL_RECORDS and length >= 4:
            row, column = struct.unpack_from("<HH", body)
            rows, columns = max(rows, row + 1), max(columns, column + 1)
            if rows * columns > MAX_SHEET_CELLS:
                _check_span(name, rows, columns)
        elif kind in _MULTI_CELL_RECORDS and length >= 6:
            (row,) = struct.unpack_from("<H", body)
            (last_column,) = struct.unpack_from("<H", body, length - 2)
            rows, columns = max(rows, row + 1), max(columns, last_column + 1)
            if rows * columns > MAX_SHEET_CELLS:
                _check_span(name, rows, columns)


def _check_span(name: str, rows: int, columns: int) -> None:
    if rows * columns > MAX_SHEET_CELLS:
        raise ReadError(
            f"{name}: refused, a sheet spans {rows:,} rows by {columns:,} columns, more than the "
            f"{MAX_SHEET_CELLS:,} cells the importer reads: {_RESAVE}"
        )


class _Compound:
    """The streams of a compound file (MS-CFB), read strictly: anything inconsistent is a ValueError."""

    def __init__(self, data: bytes):
        if len(data) < 512 or data[28:30] != b"\xfe\xff":
            raise ValueError("not a compound file")
        self.data = data
        shift, mini_shift = struct.unpack_from("<HH", data, 30)
        if shift not in (9, 12) or mini_shift != 6:
            raise ValueError("unusual sector size")
        self.sector_size = 1 << shift
        # A last sector some writers leave short still counts; reads past the end are caught later.
        self.sector_count = max(0, -(-(len(data) - self.sector_size) // self.sector_size))
        fat_sectors, first_directory = struct.unpack_from("<II", data, 44)
        (self.mini_cutoff, first_mini_fat, _mini_count, first_difat, difat_count) = struct.unpack_from(
            "<IIIII", data, 56
        )
        difat = list(struct.unpack_from("<109I", data, 76))
        sector = first_difat
        for _ in range(difat_count):
            if sector >= self.sector_count:
                raise ValueError("DIFAT out of range")
            entries = struct.unpack_from(f"<{self.sector_size // 4}I", data, self._offset(sector))
            difat.extend(entries[:-1])
            sector = entries[-1]
        fat_sector_list = [s for s in difat if s not in (_FREE, _END_OF_CHAIN)][:fat_sectors]
        self.fat: list[int] = []
        for s in fat_sector_list:
            self.fat.extend(struct.unpack_from(f"<{self.sector_size // 4}I", data, self._offset(s)))
        directory = self._chain_bytes(first_directory)
        self.entries: dict[str, tuple[int, int]] = {}
        root = None
        for offset in range(0, len(directory) - 127, 128):
            name_length = struct.unpack_from("<H", directory, offset + 64)[0]
            kind = directory[offset + 66]
            start, size = struct.unpack_from("<IQ", directory, offset + 116)
            if kind not in (1, 2, 5) or not 2 <= name_length <= 64:
                continue
            name = directory[offset : offset + name_length - 2].decode("utf-16-le", errors="replace")
            if shift == 9:
                size &= 0xFFFFFFFF  # version 3 files leave the high half undefined
            if kind == 5 and root is None:
                root = (start, size)
            elif kind == 2:
                self.entries.setdefault(name, (start, size))
        self.names = set(self.entries)
        self.root = root
        self.mini_fat = (
            list(struct.unpack(f"<{len(b) // 4}I", b)) if (b := self._chain_bytes(first_mini_fat)) else []
        )

    def _offset(self, sector: int) -> int:
        if sector >= self.sector_count:
            raise ValueError("sector out of range")
        return (sector + 1) * self.sector_size

    def _chain(self, start: int, table: list[int], limit: int) -> list[int]:
        chain, sector = [], start
        while sector not in (_END_OF_CHAIN, _FREE):
            if sector >= len(table) or len(chain) >= limit:
                raise ValueError("broken or looping sector chain")
            chain.append(sector)
            sector = table[sector]
        return chain

    def _chain_bytes(self, start: int) -> bytes:
        if start in (_END_OF_CHAIN, _FREE):
            return b""
        sectors = self._chain(start, self.fat, self.sector_count)
        return b"".join(self.data[self._offset(s) : self._offset(s) + self.sector_size] for s in sectors)

    def read(self, name: str) -> bytes:
        start, size = self.entries[name]
        if size < self.mini_cutoff:
            if self.root is None:
                raise ValueError("no root entry")
            mini_stream = self._chain_bytes(self.root[0])
            sectors = self._chain(start, self.mini_fat, len(mini_stream) // 64 + 1)
            stream = b"".join(mini_stream[s * 64 : s * 64 + 64] for s in sectors)
        else:
            stream = self._chain_bytes(start)
        if len(stream) < size:
            raise ValueError("stream shorter than its size")
        return stream[:size]
