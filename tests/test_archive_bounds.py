"""The span check of engagement.ingest.archive: one search for references beyond a bound."""

import io
import zipfile

import pytest

from engagement.ingest import archive
from engagement.ingest.read import ReadError


def _workbook(sheet: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("[Content_Types].xml", "<Types/>")
        zipped.writestr("xl/workbook.xml", "<workbook/>")
        zipped.writestr("xl/worksheets/sheet1.xml", sheet)
    return out.getvalue()


def _sheet(rows: int, width: int, extra: bytes = b"") -> bytes:
    letters = [archive._column_letters(column).decode() for column in range(1, width + 1)]
    body = "".join(
        f'<row r="{row}">' + "".join(f'<c r="{letter}{row}"><v>1</v></c>' for letter in letters) + "</row>"
        for row in range(1, rows + 1)
    )
    return b"<worksheet><sheetData>" + body.encode() + extra + b"</sheetData></worksheet>"


@pytest.mark.parametrize(
    ("reference", "beyond"),
    [
        (b'r="K909090"', False),
        (b'r="K909091"', True),
        (b'r="k1"', False),
        (b'r="L1"', True),
        (b'r="l1"', True),
        (b'r="AA1"', True),
        (b"r = 'Z5'", True),
        (b'r="J0909091"', True),
        (b'r="909090"', False),
        (b'r="1000000"', True),
    ],
)
def test_bound_of_a_sheet_eleven_columns_wide(reference, beyond):
    bounds = archive._bounds(b'<c r="A1"/><c r="K1"/>')  # 11 columns: rows up to 909,090
    assert bool(bounds.search(reference)) is beyond


def test_reference_split_between_pieces_is_found(monkeypatch):
    monkeypatch.setattr(archive, "_PIECE", 64)
    far = b"<c r" + b" " * 100 + b'="XFD1048576"/>'
    texts = [text for _piece, text in archive._tags(iter([b"<row>" + far[:30], far[30:90], far[90:]]))]
    assert archive._bounds(b'<c r="A1"/>').search(b"".join(texts))
    assert any(archive._bounds(b'<c r="A1"/>').search(text) for text in texts)


def test_wide_sheet_is_read_when_a_later_row_is_wider():
    # The first piece (1 MB) is 3 columns wide; a later row reaches column Z, within the limit.
    sheet = _sheet(40_000, 3) + b'<row r="40001"><c r="Z40001"><v>1</v></c></row>'
    archive.check_zip_workbook("wide.xlsx", _workbook(sheet))


def test_far_cell_after_the_first_piece_is_refused():
    sheet = _sheet(40_000, 3, b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')
    assert len(sheet) > 2 * archive._PIECE
    with pytest.raises(ReadError, match="cells"):
        archive.check_zip_workbook("far.xlsx", _workbook(sheet))


def test_cells_without_references_count_by_position():
    """calamine places a <c> without r after the cell before it: a row of 20,000 such cells and
    a far row make a span as large as references would."""
    wide_row = b'<row r="1">' + b"<c><v>1</v></c>" * 20_000 + b"</row>"
    sheet = (
        b"<worksheet><sheetData>"
        + wide_row
        + b'<row r="1000"><c r="A1000"><v>1</v></c></row></sheetData></worksheet>'
    )
    with pytest.raises(ReadError, match="20,000 columns"):
        archive.check_zip_workbook("breed.xlsx", _workbook(sheet))


def test_rows_without_references_count_by_position():
    rows = (
        b'<row><c r="A1"><v>1</v></c><c r="Z1"><v>1</v></c></row>'
        + b"".join(b'<row x14ac:dyDescent="%x"/>' % (n * 2654435761 % 2**32) for n in range(400_000))
        + b"<row><c><v>1</v></c></row>"
    )
    with pytest.raises(ReadError, match="400,002 rows by 26 columns"):
        archive.check_zip_workbook(
            "lang.xlsx", _workbook(b"<worksheet><sheetData>" + rows + b"</sheetData></worksheet>")
        )


def test_a_small_sheet_without_references_is_read():
    rows = b"".join(b"<row>" + b"<c><v>1</v></c>" * 10 + b"</row>" for _ in range(1_000))
    archive.check_zip_workbook(
        "klein.xlsx", _workbook(b"<worksheet><sheetData>" + rows + b"</sheetData></worksheet>")
    )
