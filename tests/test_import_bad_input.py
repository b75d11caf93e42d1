"""Hostile and broken files (issue 3, "Bad input"): each is refused with one line naming the file
and what to do, within seconds, before a reader unpacks it, with nothing stored.

Every check that guards the reader is tested with fastexcel replaced by a spy that fails the
test if it is reached: without the check these files would reach calamine, which for some of
them ends the process (a 5 KB sheet spanning A1:XFD1048576 asks for 550 GB).
"""

import io
import struct
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from engagement import db as database
from engagement.ingest import import_file, read, workbook
from engagement.ingest.read import ReadError, read_sheets

ROOT = Path(__file__).resolve().parent.parent
REALDATA = ROOT.parent / "shared" / "realdata"
CFPB = REALDATA / "grievances" / "cfpb_consumer_complaints_2023_truncated.csv"
XLS = REALDATA / "facilities" / "oshub_fixture_facility_list_12.xls"

MEETINGS = (
    "meeting_id;date;supplier;type;notes\nM1;2024-03-31;Acme;dialogue;first\nM2;2024-04-01;Beta;;second\n"
)


def meetings_xlsx(rows=None, **cells) -> bytes:
    """A small valid meetings workbook; `cells` (e.g. XFD1048576="x") are written on top."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "meetings"
    for row in rows or [["meeting_id", "date", "supplier"], ["M1", "2024-03-31", "Acme"]]:
        sheet.append(row)
    for ref, value in cells.items():
        sheet[ref] = value
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def rezip(data: bytes, replace: dict[str, bytes], add: dict[str, bytes] | None = None) -> bytes:
    """The workbook with some members replaced (by name) and others added."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            archive.writestr(info.filename, replace.get(info.filename, source.read(info)))
        for member, content in (add or {}).items():
            archive.writestr(member, content)
    return out.getvalue()


def sheet_xml(data: bytes) -> str:
    return zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()


def understate_size(data: bytes, member: str) -> bytes:
    """The archive with `member`'s declared unpacked size set to its packed size (a lying header)."""
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(member)
    patched = bytearray(data)
    struct.pack_into("<I", patched, info.header_offset + 22, info.compress_size)
    position = patched.find(b"PK\x01\x02")
    while position >= 0:
        name_length = struct.unpack_from("<H", patched, position + 28)[0]
        if patched[position + 46 : position + 46 + name_length] == member.encode():
            struct.pack_into("<I", patched, position + 24, info.compress_size)
        position = patched.find(b"PK\x01\x02", position + 4)
    return bytes(patched)


BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    )
    + "]>"
)


@pytest.fixture
def spy_reader(monkeypatch):
    """fastexcel replaced: a test using this fails if a file reaches the reader."""

    def reached(*_args, **_kwargs):
        raise AssertionError("the file reached fastexcel; it should have been refused before")

    monkeypatch.setattr(workbook.fastexcel, "read_excel", reached)


def snapshot(con) -> dict:
    """Every table's row count and the data version: what a refused import must leave alone."""
    tables = [row[0] for row in con.execute("select table_name from information_schema.tables").fetchall()]
    counts = {t: con.execute(f'select count(*) from "{t}"').fetchone()[0] for t in tables}  # noqa: S608
    return {"counts": counts, "version": database.data_version(con)}


def refused(con, name: str, data: bytes, reason: str, seconds: float = 5.0) -> str:
    """Import (name, data) into a database holding a stored import; assert it is refused and changes nothing."""
    before = snapshot(con)
    start = time.perf_counter()
    report = import_file(con, (name, data))
    elapsed = time.perf_counter() - start
    assert report.fatal, f"{name} was not refused: {report}"
    assert reason in report.fatal, report.fatal
    assert report.fatal.startswith(f"{name}: ") and "\n" not in report.fatal
    assert report.exit_code == 2 and report.tables == {}
    assert snapshot(con) == before
    assert elapsed < seconds
    return report.fatal


@pytest.fixture
def con(db):
    """A database that already holds an import, so "nothing stored" is checked against real data."""
    report = import_file(db, ("meetings.csv", MEETINGS.encode()))
    assert report.fatal is None and not report.errors
    return db


# Empty and header-only files


@pytest.mark.parametrize(
    "data",
    [b"", b" \r\n\t\r\n", b"\xef\xbb\xbf", b"\xff\xfe \x00\n\x00"],
    ids=["0 bytes", "blank", "bom", "utf16"],
)
def test_empty_file(con, data):
    """An empty file: refused (exit 2), it holds nothing to import."""
    message = refused(con, "leeg.csv", data, "is empty")
    assert message == "leeg.csv: is empty: there is nothing to import (check that the export finished)"


def test_empty_workbook(con):
    """A workbook whose sheets are all empty: refused, nothing to import."""
    book = openpyxl.Workbook()
    buffer = io.BytesIO()
    book.save(buffer)
    refused(con, "leeg.xlsx", buffer.getvalue(), "holds no data")


HEADER_ONLY = {
    "header.csv": b"meeting_id;date;supplier\n",
    "header.xlsx": meetings_xlsx([["meeting_id", "date", "supplier"]]),
}


@pytest.mark.parametrize("name", HEADER_ONLY)
def test_header_only_file_imports_nothing(con, name):
    """A header and no rows: read fine, so not refused (exit 0, as an empty result is not an error);
    no row is stored and nothing is rejected."""
    before = snapshot(con)["counts"]["meetings"]
    report = import_file(con, (name, HEADER_ONLY[name]))
    assert report.fatal is None and report.exit_code == 0 and not report.errors
    assert report.tables["meetings"]["accepted"] == 0
    assert snapshot(con)["counts"]["meetings"] == before


@pytest.mark.parametrize("name", HEADER_ONLY)
def test_header_only_file_says_so(con, name):
    """The report says there are no rows below the header."""
    report = import_file(con, (name, HEADER_ONLY[name]))
    assert any("no data rows" in warning for warning in report.warnings), report.warnings


# Files that are not what their name says


@pytest.mark.parametrize("extension", [".xlsx", ".xls", ".ods", ".xlsm"])
def test_binary_garbage_named_as_a_workbook(con, extension):
    garbage = bytes(range(256)) * 8
    message = refused(con, f"kapot{extension}", garbage, f"is not a {extension} workbook")
    assert message.endswith("export the data again as .xlsx or .csv and import that")


def test_binary_garbage_named_csv(con):
    refused(con, "kapot.csv", bytes(range(256)) * 8, "is not a text file (it holds binary data)")


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("scan.xlsx", b"%PDF-1.7\n...", "is a PDF document, not a .xlsx workbook"),
        ("export.csv", b"\x1f\x8b\x08\x00rest", "is a gzip archive (unpack it first)"),
    ],
)
def test_other_formats_are_named(con, name, data, reason):
    refused(con, name, data, reason)


def test_text_file_named_xlsx(con):
    """Content decides: a CSV named .xlsx is not guessed at; the user is told to rename it."""
    message = refused(con, "meetings.xlsx", MEETINGS.encode(), "is a text file, not a .xlsx workbook")
    assert message.endswith("if it is a CSV export, rename it to .csv and import again")


def test_web_page_named_xls(con):
    """Many systems 'export to Excel' as an HTML table named .xls."""
    page = b"<html><body><table><tr><td>date</td></tr></table></body></html>"
    refused(con, "export.xls", page, "is a web page (HTML) named .xls, not a workbook")


def test_zip_that_is_not_a_workbook(con, spy_reader):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("notes.txt", "hello")
    refused(con, "meetings.xlsx", archive.getvalue(), "is a zip archive, not a workbook")


def test_zip_holding_a_workbook(con, spy_reader):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("export/meetings.xlsx", meetings_xlsx())
    message = refused(con, "export.zip.xlsx", archive.getvalue(), "holding export/meetings.xlsx")
    assert message.endswith("unzip it and import the files inside")


def test_word_document_named_xlsx(con, spy_reader):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<document/>")
    refused(con, "brief.xlsx", archive.getvalue(), "is an Office document but not a spreadsheet")


def test_xlsb_is_refused_with_a_way_out(con, spy_reader):
    data = rezip(meetings_xlsx(), {}, add={"xl/workbook.bin": b"\x83\x01\x00"})
    refused(con, "binary.xlsb", data, "is an Excel binary workbook (.xlsb), which is not imported")


# Password-protected workbooks


def test_password_protected_xlsx(con, spy_reader):
    """An encrypted OOXML workbook is an OLE file with EncryptionInfo and EncryptedPackage streams."""
    from msoffcrypto.format.ooxml import OOXMLFile

    encrypted = io.BytesIO()
    OOXMLFile(io.BytesIO(meetings_xlsx())).encrypt("geheim", encrypted)
    message = refused(con, "beveiligd.xlsx", encrypted.getvalue(), "is password-protected")
    assert message == "beveiligd.xlsx: is password-protected: save it without a password and import again"


def test_password_protected_xls(con, spy_reader):
    """A protected .xls has a FILEPASS record (here in place of the CODEPAGE record, same length)."""
    data = bytearray(XLS.read_bytes())
    position = data.find(b"\x42\x00\x02\x00")
    assert position > 0
    data[position : position + 2] = b"\x2f\x00"
    refused(con, "beveiligd.xls", bytes(data), "is password-protected")


def test_password_protected_ods(con, spy_reader):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr(
            "META-INF/manifest.xml",
            '<manifest:manifest><manifest:file-entry manifest:full-path="content.xml">'
            "<manifest:encryption-data/></manifest:file-entry></manifest:manifest>",
        )
        z.writestr("content.xml", b"\x93\x11 encrypted bytes")
    refused(con, "beveiligd.ods", archive.getvalue(), "is password-protected")


def test_zip_level_encryption(con, spy_reader):
    data = bytearray(meetings_xlsx())
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).infolist()[0]
    position = bytes(data).find(b"PK\x01\x02")  # the first central-directory entry
    struct.pack_into("<H", data, position + 8, info.flag_bits | 0x1)
    refused(con, "beveiligd.xlsx", bytes(data), "is password-protected")


# Truncated files


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.9, 0.99])
def test_truncated_xlsx(con, keep):
    data = meetings_xlsx()
    refused(con, "afgebroken.xlsx", data[: int(len(data) * keep)], "is damaged or cut off")


def test_damaged_member_in_xlsx(con, spy_reader):
    """Bytes changed inside a packed part: refused before the reader sees it."""
    data = bytearray(meetings_xlsx())
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start : start + 8] = b"\xff" * 8
    refused(con, "kapot.xlsx", bytes(data), "is damaged")


def test_truncated_csv_from_realdata(con):
    """The CFPB register was cut at 1 MiB inside a quoted field: refused, naming the cut row.

    Importing the 2,067 whole rows would store part of a file as if it were whole; the cut
    row's last value may be cut short without looking wrong. A complete export fixes it.
    """
    message = refused(con, str(CFPB), CFPB.read_bytes(), "ends inside a quoted field that starts in row 2069")
    assert "the file seems cut off" in message and message.endswith(
        "export the file again, complete, and import that"
    )


def test_truncated_csv_small(con):
    cut = MEETINGS + 'M3;2024-04-02;Gamma;dialogue;"a note that was cut'
    refused(con, "afgebroken.csv", cut.encode(), "starts in row 4")


@pytest.mark.parametrize(
    "text",
    [
        MEETINGS.rstrip("\n"),  # no line break after the last row: whole, not cut
        MEETINGS + 'M3;2024-04-02;Gamma;dialogue;12" pipe\n',  # a lone quote inside a field
        "sep=;\n" + MEETINGS + 'M3;2024-04-02;Gamma;dialogue;"two\nlines"\n',
    ],
    ids=["no final newline", "stray quote", "quoted newline"],
)
def test_whole_csv_is_not_taken_for_cut(db, text):
    report = import_file(db, ("meetings.csv", text.encode()))
    assert report.fatal is None, report.fatal


# XML entity bombs and zip bombs


def test_billion_laughs_in_sheet_xml(con, spy_reader):
    data = meetings_xlsx()
    sheet = sheet_xml(data).replace("Acme", "&lol9;")
    bomb = rezip(data, {"xl/worksheets/sheet1.xml": (BILLION_LAUGHS + sheet).encode()})
    message = refused(con, "bom.xlsx", bomb, "declares XML entities")
    assert "part xl/worksheets/sheet1.xml" in message


def test_billion_laughs_in_shared_strings(con, spy_reader):
    strings = (
        BILLION_LAUGHS + '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
        'uniqueCount="1"><si><t>&lol9;</t></si></sst>'
    )
    bomb = rezip(meetings_xlsx(), {}, add={"xl/sharedStrings.xml": strings.encode()})
    refused(con, "bom.xlsx", bomb, "part xl/sharedStrings.xml declares XML entities")


def test_external_entity_in_utf16_xml(con, spy_reader):
    """An XXE declaration in UTF-16 (an ASCII search would miss it)."""
    data = meetings_xlsx()
    xml = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
    bomb = rezip(data, {"xl/worksheets/sheet1.xml": (xml + sheet_xml(data)).encode("utf-16")})
    refused(con, "xxe.xlsx", bomb, "declares XML entities")


def test_zip_bomb_refused_from_its_directory(con, spy_reader, monkeypatch):
    """A part that claims to unpack a thousand times larger: refused before anything is unpacked."""
    unpacked = []
    monkeypatch.setattr("engagement.ingest.archive._pieces", lambda *a: unpacked.append(a) or iter(()))
    bomb = rezip(meetings_xlsx(), {"xl/worksheets/sheet1.xml": b"<worksheet>" + b" " * 30_000_000})
    message = refused(con, "bom.xlsx", bomb, "unpacks to 1,0")
    assert "times its packed size (a zip bomb?)" in message and not unpacked


def test_zip_bomb_with_a_lying_size(con, spy_reader):
    """A part that declares a small size but unpacks to 30 MB: stopped after its declared size."""
    data = meetings_xlsx()
    padded = sheet_xml(data).replace("<sheetData>", "<sheetData>" + " " * 30_000_000)
    bomb = understate_size(
        rezip(data, {"xl/worksheets/sheet1.xml": padded.encode()}), "xl/worksheets/sheet1.xml"
    )
    refused(con, "bom.xlsx", bomb, "unpacks to more than the")


def test_workbook_unpacking_past_the_limit(con, spy_reader, monkeypatch):
    """Parts too small for the ratio check, but together more than five times the import limit."""
    monkeypatch.setenv("ENGAGEMENT_MAX_IMPORT_MB", "1")
    parts = {f"xl/media/part{n}.bin": b" " * 900_000 for n in range(7)}
    big = rezip(meetings_xlsx(), {}, add=parts)
    message = refused(con, "groot.xlsx", big, "unpacks to more than 5 MB")
    assert message.endswith("split it into smaller files, or export it as .csv")


@pytest.mark.parametrize(
    "far", ['r="XFD1048576"', "r='XFD1048576'", 'r = "XFD1048576"', 'r="ZZ100000"'], ids=lambda f: f
)
def test_sheet_spanning_billions_of_cells(con, spy_reader, far):
    """Cells in A1 and far away: calamine would allocate every cell between (the process ends)."""
    data = meetings_xlsx(C2000="x")
    bomb = rezip(data, {"xl/worksheets/sheet1.xml": sheet_xml(data).replace('r="C2000"', far).encode()})
    refused(con, "verspreid.xlsx", bomb, "more than the 10,000,000 cells the importer reads")


def test_sheet_rows_out_of_order(con, spy_reader):
    data = meetings_xlsx()
    xml = sheet_xml(data)
    first, second = xml.index("<row "), xml.index('<row r="2"')
    end = xml.index("</sheetData>")
    swapped = xml[:first] + xml[second:end] + xml[first:second] + xml[end:]
    refused(con, "volgorde.xlsx", rezip(data, {"xl/worksheets/sheet1.xml": swapped.encode()}), "out of order")


@pytest.mark.parametrize(
    ("offset", "fmt", "values", "what"),
    [(8, "<I", (0xFFFFFFF0,), "DIMENSIONS"), (4, "<HH", (65535, 65535), "cell")],
    ids=["dimensions", "far cell"],
)
def test_xls_spanning_too_many_cells(con, spy_reader, offset, fmt, values, what):
    """A legacy .xls whose DIMENSIONS record, or one cell, claims an enormous sheet."""
    data = bytearray(XLS.read_bytes())
    record = b"\x00\x02\x0e\x00" if what == "DIMENSIONS" else b"\xfd\x00\x0a\x00"  # DIMENSIONS / LABELSST
    position = data.find(record)
    struct.pack_into(fmt, data, position + offset, *values)
    refused(con, "oud.xls", bytes(data), "more than the 10,000,000 cells the importer reads")


def ods(rows_xml: str) -> bytes:
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="meetings">'
        '<table:table-row><table:table-cell office:value-type="string"><text:p>meeting_id</text:p>'
        '</table:table-cell><table:table-cell office:value-type="string"><text:p>date</text:p>'
        '</table:table-cell><table:table-cell office:value-type="string"><text:p>supplier</text:p>'
        "</table:table-cell></table:table-row>"
        '<table:table-row><table:table-cell office:value-type="string"><text:p>M1</text:p></table:table-cell>'
        '<table:table-cell office:value-type="string"><text:p>2024-03-31</text:p></table:table-cell>'
        '<table:table-cell office:value-type="string"><text:p>Acme</text:p></table:table-cell></table:table-row>'
        f"{rows_xml}</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", "<manifest:manifest/>")
        z.writestr("content.xml", content)
    return archive.getvalue()


def test_ods_repeating_a_filled_row_a_million_times(con, spy_reader):
    cell = (
        '<table:table-cell table:number-columns-repeated="1000" office:value-type="string"><text:p>x</text:p>'
    )
    bomb = ods(
        f'<table:table-row table:number-rows-repeated="1000000">{cell}</table:table-cell></table:table-row>'
    )
    refused(con, "herhaald.ods", bomb, "more than the 10,000,000 cells the importer reads")


def test_ods_with_libreoffice_trailing_empty_rows_is_read(db):
    """LibreOffice writes a million empty repeated rows and cells after the data: not a bomb."""
    trailing = (
        '<table:table-row table:number-rows-repeated="1048574">'
        '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
    )
    report = import_file(db, ("lijst.ods", ods(trailing)))
    assert report.fatal is None and report.tables["meetings"]["accepted"] == 1


def test_formulas_are_not_evaluated():
    """fastexcel reads the value a workbook cached: 1+1 saved as 7 stays 7, a link to another
    workbook is not followed, and a formula without a cached value is blank."""
    data = meetings_xlsx()
    cells = (
        '<c r="D2"><f>1+1</f><v>7</v></c>'
        '<c r="E2" t="str"><f>[1]Sheet1!A1</f><v>cached</v></c>'
        '<c r="F2"><f>WEBSERVICE("http://127.0.0.1:9/x")</f></c>'
    )
    xml = sheet_xml(data).replace("</row></sheetData>", cells + "</row></sheetData>")
    (sheet,) = read_sheets("formules.xlsx", rezip(data, {"xl/worksheets/sheet1.xml": xml.encode()}))
    assert sheet.head[1][3:] in (["7", "cached"], ["7", "cached", None])


@pytest.mark.parametrize("below", [0, 30], ids=["in the header", "below row 20"])
def test_csv_wider_than_a_spreadsheet(con, below):
    """More columns than Excel's 16,384 (a wrong delimiter, or not a table): refused, not matched
    column by column for minutes."""
    data = MEETINGS.encode() * (below // 2 + 1) + b"M9;2024-01-01;Acme" + b";x" * 20_000 + b"\n"
    if not below:
        data = b";x" * 20_000 + b"\n" + MEETINGS.encode()
    refused(con, "breed.csv", data, "more than the 16,384 a spreadsheet holds")


# Size limit


def test_file_over_the_size_limit_is_not_read(con, tmp_path, monkeypatch):
    """Refused from its size on disk; the file is never opened."""
    monkeypatch.setenv("ENGAGEMENT_MAX_IMPORT_MB", "1")
    path = tmp_path / "groot.csv"
    with path.open("wb") as stream:
        stream.truncate(3 * 10**6)  # sparse: takes no disk space
    opened = []
    real_open = Path.open
    monkeypatch.setattr(Path, "open", lambda self, *a, **k: opened.append(self) or real_open(self, *a, **k))
    before = snapshot(con)
    report = import_file(con, path)
    assert report.fatal == (
        f"{path}: refused, the file is 3 MB, over the import limit of 1 MB: split it into smaller "
        "files (or raise ENGAGEMENT_MAX_IMPORT_MB)"
    )
    assert path not in opened and snapshot(con) == before


def test_upload_over_the_size_limit(con, monkeypatch):
    monkeypatch.setenv("ENGAGEMENT_MAX_IMPORT_MB", "0.5")
    refused(con, "groot.csv", MEETINGS.encode() * 20_000, "over the import limit of 0.5 MB")


def test_default_size_limit_matches_the_upload_page():
    config = (ROOT / ".streamlit" / "config.toml").read_text()
    assert f"maxUploadSize = {read.DEFAULT_MAX_IMPORT_MB}" in config
    assert read.max_import_bytes() == 200 * 10**6


def test_bad_size_setting_is_named(con, monkeypatch):
    monkeypatch.setenv("ENGAGEMENT_MAX_IMPORT_MB", "lots")
    report = import_file(con, ("meetings.csv", MEETINGS.encode()))
    assert report.fatal == "ENGAGEMENT_MAX_IMPORT_MB='lots' is not a size in MB (for example 200)"


# Mixed encodings and duplicate keys

MIXED = (
    b"meeting_id;date;supplier;type;notes\n"
    + "M1;2024-03-31;Café Noël;dialogue;eerste\n".encode()
    + "M2;2024-04-01;Café Noël;dialogue;tweede\n".encode("cp1252")
    + '"M3";2024-04-02;Beta;dialogue;"twee\nregels, één"\n'.encode()
    + "M4;2024-04-03;Beta;dialogue;vierde €\n".encode("cp1252")
)


def test_mixed_encodings_decoded_per_row(db):
    """Mostly UTF-8 with some Windows-1252 rows: each row reads right, and those rows are named."""
    (sheet,) = read_sheets("gemengd.csv", MIXED)
    rows = sheet.head
    assert rows[1][2] == rows[2][2] == "Café Noël"
    assert rows[3][4] == "twee\nregels, één" and rows[4][4] == "vierde €"
    assert sheet.warnings == [
        "gemengd.csv: the file mixes encodings: rows 3, 5 are not UTF-8 like the rest and were read as "
        "Windows-1252; check their accented letters, and save the file as UTF-8 next time"
    ]
    report = import_file(db, ("gemengd.csv", MIXED))
    assert report.fatal is None and report.tables["meetings"]["accepted"] == 4
    assert db.execute("select distinct supplier from meetings order by 1").fetchall() == [
        ("Beta",),
        ("Café Noël",),
    ]


def test_mixed_encodings_warning_reaches_the_report(db):
    report = import_file(db, ("gemengd.csv", MIXED))
    assert any("mixes encodings: rows 3, 5" in warning for warning in report.warnings), report.warnings


def test_whole_cp1252_file_is_not_called_mixed():
    (sheet,) = read_sheets("oud.csv", "naam;land\nCafé Noël;België\n".encode("cp1252"))
    assert sheet.head[1] == ["Café Noël", "België"] and sheet.warnings == []


def test_duplicate_keys_in_one_file(db):
    """Two rows with one key: the later row wins, and the report says which rows."""
    text = MEETINGS + "M1;2024-03-31;Acme;dialogue;corrected\n"
    report = import_file(db, ("meetings.csv", text.encode()))
    assert report.tables["meetings"]["accepted"] == 3 and report.tables["meetings"]["inserted"] == 2
    assert any("rows 2 and 4 have the same key" in w and "row 4 is kept" in w for w in report.warnings)
    notes = db.execute("select notes from meetings where meeting_id = 'M1'").fetchall()
    assert notes == [("corrected",)]


# The command line: exit 2, one line on stderr, no traceback


def test_read_error_is_one_line_and_names_the_file():
    with pytest.raises(ReadError, match=r"^x\.xlsx: is not a \.xlsx workbook"):
        read_sheets("x.xlsx", b"\x00\x01\x02" * 100)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("leeg.csv", b"", "is empty"),
        ("kapot.xlsx", bytes(range(256)) * 4, "is not a .xlsx workbook"),
        ("bom.xlsx", None, "unpacks to"),
        ("afgebroken.csv", None, "seems cut off"),
    ],
    ids=["empty", "garbage", "zip bomb", "cut"],
)
def test_command_line_refusal(tmp_path, name, data, reason):
    if name == "bom.xlsx":
        data = rezip(meetings_xlsx(), {"xl/worksheets/sheet1.xml": b" " * 30_000_000})
    elif name == "afgebroken.csv":
        data = (MEETINGS + 'M3;2024-04-02;Gamma;dialogue;"cut').encode()
    path = tmp_path / name
    path.write_bytes(data)
    result = subprocess.run(
        [sys.executable, "-m", "engagement", "import", str(path), "--db", str(tmp_path / "e.duckdb")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {path}: ") and reason in lines[0], result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stdout.strip() == "Nothing imported."


# A file of which nearly every row is wrong


def test_a_file_of_wrong_rows_is_refused_whole_with_examples(con, monkeypatch):
    """More rejected rows than MAX_REJECTED_ROWS: a systematic mistake, refused as a whole (nothing
    stored) with the first problems as examples, rather than a report of every row."""
    from engagement.ingest import validate

    monkeypatch.setattr(validate, "MAX_REJECTED_ROWS", 50)
    rows = "".join(f"m{n};31-31-2024;Acme BV\n" for n in range(60))
    message = refused(con, "fout.csv", ("meeting_id;date;supplier\n" + rows).encode(), "would be rejected")
    assert "60 of the 60 rows of the file would be rejected (more than 50)" in message
    assert "for example row 2, column 'date' (31-31-2024): " in message and "row 4," in message
    assert "row 5," not in message  # three examples, not every row


def test_up_to_the_limit_every_wrong_row_is_reported(con, monkeypatch):
    from engagement.ingest import validate

    monkeypatch.setattr(validate, "MAX_REJECTED_ROWS", 50)
    rows = "".join(f"m{n};31-31-2024;Acme BV\n" for n in range(50))
    report = import_file(con, ("fout.csv", ("meeting_id;date;supplier\n" + rows).encode()))
    assert report.fatal is None and report.tables["meetings"]["rejected"] == 50
    assert len(report.errors) == 50


def test_a_long_meeting_note_is_read(con):
    """A note of 200 KB (past the csv module's default 128 KB) is a field like any other."""
    note = "x" * 200_000
    report = import_file(
        con, ("lang.csv", f"meeting_id;date;supplier;notes\nm9;01-02-2024;Acme BV;{note}\n".encode())
    )
    assert report.fatal is None and report.tables["meetings"]["inserted"] == 1
    assert con.execute("select length(notes) from meetings where meeting_id = 'm9'").fetchone()[0] == 200_000


def test_a_field_past_the_limit_names_its_line_and_what_to_do(con):
    rows = "m1;01-02-2024;Acme BV;kort\n" * 3 + "m9;01-02-2024;Acme BV;" + "x" * 1_100_000 + "\n"
    message = refused(con, "lang.csv", ("meeting_id;date;supplier;notes\n" + rows).encode(), "line 5")
    assert "longer than 1 MB" in message and "check the quotes on that line" in message
