"""Reading files into sheets of raw cells (engagement.ingest.read, delimited, workbook)."""

import zipfile
from datetime import date, datetime
from xml.sax.saxutils import escape

import openpyxl
import pytest

from engagement.ingest.delimited import decode, detect_delimiter
from engagement.ingest.read import ReadError, load_source, read_sheets

SOURCE_TEXT = 'Datum;Leverancier;Opmerkingen\n31-03-2024;Café Noël;"twee; regels\nhier"\n01-04-2024;Beta;\n'


def write_ods(path, sheets: dict[str, list[list]]) -> None:
    """A minimal OpenDocument spreadsheet (no odfpy here): strings, floats and date cells."""

    def cell(value):
        if value is None:
            return "<table:table-cell/>"
        if isinstance(value, date):
            return (
                f'<table:table-cell office:value-type="date" office:date-value="{value.isoformat()}">'
                f"<text:p>{value}</text:p></table:table-cell>"
            )
        if isinstance(value, int | float):
            return (
                f'<table:table-cell office:value-type="float" office:value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>"
            )
        return f'<table:table-cell office:value-type="string"><text:p>{escape(value)}</text:p></table:table-cell>'

    tables = "".join(
        f'<table:table table:name="{escape(name)}">'
        + "".join("<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>" for row in rows)
        + "</table:table>"
        for name, rows in sheets.items()
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f"<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"),
            "application/vnd.oasis.opendocument.spreadsheet",
            compress_type=zipfile.ZIP_STORED,
        )
        archive.writestr("META-INF/manifest.xml", manifest)
        archive.writestr("content.xml", content)


def _all_rows(sheet, header_index=0):
    return sheet.head[: header_index + 1] + sheet.rows_after(header_index)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252"], ids=lambda e: e)
def test_encodings(encoding):
    """UTF-8 with or without BOM, UTF-16 (with BOM, or LE without), Windows-1252."""
    text, _ = decode(SOURCE_TEXT.encode(encoding))
    assert text == SOURCE_TEXT


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"], ids=["comma", "semicolon", "tab", "pipe"])
def test_delimiters(delimiter):
    """The delimiter is detected, even with decimal commas and quoted delimiters in the data."""
    rows = [["Naam", "Waarde", "Notitie"], ["A", "1,5", '"x, y; z | w"'], ["B", "2,5", "q"]]
    text = "\n".join(delimiter.join(row) for row in rows) + "\n"
    assert detect_delimiter(text) == delimiter


def test_csv_quoted_newline_is_one_row():
    """A quoted field spanning lines stays one row, so later row numbers match a spreadsheet's."""
    (sheet,) = read_sheets("bijeenkomsten.csv", SOURCE_TEXT.encode("cp1252"))
    assert sheet.name == "bijeenkomsten" and sheet.from_text
    rows = _all_rows(sheet)
    assert rows[1] == ["31-03-2024", "Café Noël", "twee; regels\nhier"]
    assert rows[2] == ["01-04-2024", "Beta", None]


def test_excel_sep_line_is_honoured():
    (sheet,) = read_sheets("x.csv", b"sep=|\na|b\n1|2\n")
    assert sheet.head[0] == ["a", "b"]


def test_xlsx_title_rows_dates_and_numbers(tmp_path):
    """Every sheet is read; leading blank rows count; date cells stay dates, numbers arrive as floats."""
    path = tmp_path / "export.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Bijeenkomsten"
    sheet["A2"] = "Overzicht 2024"
    sheet.append(["Datum", "Leverancier", "Aantal afspraken"])
    sheet.append([datetime(2024, 3, 31, 10, 30), "Acme", 2])
    sheet.append([date(2024, 4, 1), "Beta", 3])
    workbook.create_sheet("Leeg")
    workbook.save(path)
    first, empty = read_sheets(*load_source(path))
    assert (first.name, empty.name) == ("Bijeenkomsten", "Leeg")
    assert first.head[0] == [None, None, None]
    assert first.head[1][0] == "Overzicht 2024"
    assert first.head[2] == ["Datum", "Leverancier", "Aantal afspraken"]
    rows = first.rows_after(2)
    assert rows[0][0] == datetime(2024, 3, 31, 10, 30)
    assert rows[1][0].date() == date(2024, 4, 1)
    assert rows[0][2] == 2.0
    assert first.rows_after(4) == []
    assert empty.head == []


def test_ods(tmp_path):
    """OpenDocument spreadsheets read like workbooks, date cells included."""
    path = tmp_path / "lijst.ods"
    write_ods(
        path, {"Leveranciers": [["Lijst"], [], ["Naam", "Land", "Sinds"], ["A", "NL", date(2024, 3, 31)]]}
    )
    (sheet,) = read_sheets(*load_source(path))
    assert sheet.name == "Leveranciers"
    assert sheet.head[2] == ["Naam", "Land", "Sinds"]
    assert sheet.rows_after(2)[0][:2] == ["A", "NL"]
    assert str(sheet.rows_after(2)[0][2]).startswith("2024-03-31")


def test_bytes_source_and_workbook_detected_by_content(tmp_path):
    """Uploads come as (name, bytes); a workbook renamed .csv is still read as a workbook."""
    path = tmp_path / "x.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(["naam"])
    workbook.save(path)
    name, data = load_source(("upload.csv", path.read_bytes()))
    assert name == "upload.csv"
    assert read_sheets(name, data)[0].head == [["naam"]]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("leeg.csv", b"", "empty"),
        ("leeg.csv", b" \r\n\r\n", "empty"),
        ("kapot.xlsx", b"this is not a workbook", "not a .xlsx workbook"),
        ("kapot.xlsx", b"PK\x03\x04garbage", "damaged or cut off"),
        ("plaatje.png", b"\x89PNG\r\n", "unsupported file type"),
        ("binary.csv", b"a,b\x00\x00\x00c", "binary"),
    ],
)
def test_unreadable_files(name, data, reason):
    with pytest.raises(ReadError, match=reason) as raised:
        read_sheets(name, data)
    assert name in str(raised.value)


def test_missing_file(tmp_path):
    with pytest.raises(ReadError, match="file not found"):
        load_source(tmp_path / "nope.csv")


def test_sheet_with_data_below_row_20_is_not_empty(tmp_path):
    """Blank first rows do not make a sheet empty: it is then refused for want of a header."""
    path = tmp_path / "diep.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active["A25"] = "naam"
    workbook.save(path)
    (sheet,) = read_sheets(*load_source(path))
    assert not sheet.empty and sheet.head[:20] == [[None]] * 20
