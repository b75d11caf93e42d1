"""The importer's messages in Dutch on the dashboard (engagement.page_texts.messages).

The importer writes English (the command line and --json stay so); the Import page shows its
refusals, row problems, warnings, progress steps and undo outcomes through message_in. Checked
here on the messages the importer really writes, for the hostile and broken files of
tests/test_import_bad_input.py, the wrong cells of tests/test_import_values.py, the files in
../shared/realdata and an undo story: most come out in Dutch, with their values unchanged.
"""

import io
import re
import struct
import zipfile
from pathlib import Path

import openpyxl
import pytest
import test_import_bad_input as bad
from streamlit.testing.v1 import AppTest
from test_realdata import EXPECTED, FACILITY_LIST_SUPPLIER, REALDATA

from engagement.db import open_database
from engagement.history import UndoRefused, describe_undo, undo_import
from engagement.ingest import import_file, validate, values
from engagement.ingest.values import BadValue
from engagement.page_texts.messages import _GROUPS as GROUPS
from engagement.page_texts.messages import PATTERNS, message_in

ROOT = Path(__file__).resolve().parent.parent
GARBAGE = bytes(range(256)) * 8
QUOTED = re.compile(r"(?<!\w)'[^']*'(?!\w)")  # a value as the importer quotes it ('Acme')


def _workbook(*sheets: tuple[str, list[list]]) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _zip(members: dict[str, bytes | str]) -> bytes:
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        for name, content in members.items():
            z.writestr(name, content)
    return archive.getvalue()


def _encrypted_xlsx() -> bytes:
    from msoffcrypto.format.ooxml import OOXMLFile

    encrypted = io.BytesIO()
    OOXMLFile(io.BytesIO(bad.meetings_xlsx())).encrypt("geheim", encrypted)
    return encrypted.getvalue()


def _damaged_member() -> bytes:
    data = bytearray(bad.meetings_xlsx())
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start : start + 8] = b"\xff" * 8
    return bytes(data)


def _rows_out_of_order() -> bytes:
    data = bad.meetings_xlsx()
    xml = bad.sheet_xml(data)
    first, second, end = xml.index("<row "), xml.index('<row r="2"'), xml.index("</sheetData>")
    swapped = xml[:first] + xml[second:end] + xml[first:second] + xml[end:]
    return bad.rezip(data, {"xl/worksheets/sheet1.xml": swapped.encode()})


def _spanning(far: str = 'r="XFD1048576"') -> bytes:
    data = bad.meetings_xlsx(C2000="x")
    return bad.rezip(
        data, {"xl/worksheets/sheet1.xml": bad.sheet_xml(data).replace('r="C2000"', far).encode()}
    )


def _lying_size() -> bytes:
    data = bad.meetings_xlsx()
    padded = bad.sheet_xml(data).replace("<sheetData>", "<sheetData>" + " " * 30_000_000)
    member = "xl/worksheets/sheet1.xml"
    return bad.understate_size(bad.rezip(data, {member: padded.encode()}), member)


def _password_xls() -> bytes | None:
    if not bad.XLS.exists():
        return None
    data = bytearray(bad.XLS.read_bytes())
    position = data.find(b"\x42\x00\x02\x00")
    data[position : position + 2] = b"\x2f\x00"
    return bytes(data)


def _spanning_xls() -> bytes | None:
    if not bad.XLS.exists():
        return None
    data = bytearray(bad.XLS.read_bytes())
    position = data.find(b"\x00\x02\x0e\x00")
    struct.pack_into("<I", data, position + 8, 0xFFFFFFF0)
    return bytes(data)


ODS_PASSWORD = {
    "mimetype": "application/vnd.oasis.opendocument.spreadsheet",
    "META-INF/manifest.xml": '<manifest:manifest><manifest:file-entry manifest:full-path="content.xml">'
    "<manifest:encryption-data/></manifest:file-entry></manifest:manifest>",
    "content.xml": b"\x93\x11 encrypted bytes",
}
ODS_REPEATED = (
    '<table:table-row table:number-rows-repeated="1000000"><table:table-cell '
    'table:number-columns-repeated="1000" office:value-type="string"><text:p>x</text:p></table:table-cell>'
    "</table:table-row>"
)
SHARED_STRINGS_BOMB = (
    bad.BILLION_LAUGHS + '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
    'uniqueCount="1"><si><t>&lol9;</t></si></sst>'
)
XXE = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'

# Wrong cells (the ones tests/test_import_values.py refuses), in files of each table.
WRONG_MEETINGS = (
    "meeting_id;date;supplier;type;agreements;agenda_sent\n"
    "m1;31-02-2024;Acme;dialogue;1;ja\n"
    "m2;13-13-2024;Acme;dialogue;1;ja\n"
    "m3;gisteren;Acme;dialogue;abc;ja\n"
    "m4;2024-3;Acme;koffie;1,2,3;misschien\n"
    "m5;1234;Acme;dialogue;12-3;ja\n"
    "m6;2024-04-01;Acme;dialogue;--5;ja\n"
    "m7;2024-04-01;Acme;dialogue;2,5;ja\n"
    "m8;2024-04-01;Acme;dialogue;-1;ja\n"
    "m9;2024-04-01;;dialogue;1;ja\n"
    "m10;;Acme;dialogue;1;ja\n"
    "m11;3/31/2024;Acme;dialogue;1.234.5;ja\n"
    "m12;2024-04-01;Acme;dialogue;1.2,3;ja\n"
)
WRONG_GRIEVANCES = (
    "case_id;received_on;severity;channel;category;status;satisfaction;workers_affected;remedy\n"
    "g1;2024-01-05;ernstig;telefoon;lawaai;misschien;7;99999999999;\n"
    "g2;2024-01-06;hoog;vakbond;lonen;open;3;5;\n"
    ";;hoog;vakbond;lonen;open;3;5;\n"
)
WRONG_ESCALATIONS = "supplier;date;step\nAcme;2024-01-05;koffie\nAcme;2024-01-06;\n"
WRONG_REPORTS = "supplier;year;risk_analysis\nAcme;1800;1\nAcme;2023;3\nAcme;2023;1\n"
WRONG_SITES = "supplier;component;tier;site_name\nAcme;;1;Plant\nAcme;frame;7;Plant\n"
DUPLICATES_TWO_SHEETS = _workbook(
    ("Overleggen", [["meeting_id", "date", "supplier"], ["m1", "2024-03-31", "Acme"]]),
    ("Gesprekken", [["meeting_id", "date", "supplier"], ["m1", "2024-04-30", "Acme"]]),
    ("Toelichting", [["Dit werkblad legt uit hoe de lijst werkt"]]),
)
NO_TABLE = _workbook(
    ("Voorblad", [["Een voorblad"], ["met tekst"]]),
    ("Overleggen", [["Datum overleg", "Opmerking"], ["2024-01-01", "x"]]),
)


def bad_inputs() -> list[tuple[str, bytes, dict]]:
    """(file name, bytes, settings) of files the importer refuses or reports on; settings are
    environment variables ('env') and validate.MAX_REJECTED_ROWS ('max_rejected')."""
    header_only = bad.meetings_xlsx([["meeting_id", "date", "supplier"]])
    html = b"<html><body><table><tr><td>date</td></tr></table></body></html>"
    xml_2003 = b'<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>'
    cut = bad.MEETINGS + 'M3;2024-04-02;Gamma;dialogue;"a note that was cut'
    wrong_rows = "meeting_id;date;supplier\n" + "".join(f"m{n};31-31-2024;Acme BV\n" for n in range(60))
    long_field = "m1;01-02-2024;Acme BV;kort\n" * 3 + "m9;01-02-2024;Acme BV;" + "x" * 1_100_000 + "\n"
    sheet = bad.sheet_xml(bad.meetings_xlsx()).replace("Acme", "&lol9;")
    inputs = [
        ("leeg.csv", b"", {}),
        ("leeg.xlsx", _workbook(("Blad1", [])), {}),
        ("header.csv", b"meeting_id;date;supplier\n", {}),
        ("header.xlsx", header_only, {}),
        *[(f"kapot{extension}", GARBAGE, {}) for extension in (".xlsx", ".xls", ".ods", ".xlsm", ".csv")],
        ("scan.xlsx", b"%PDF-1.7\n...", {}),
        ("export.csv", b"\x1f\x8b\x08\x00rest", {}),
        ("foto.ods", b"\x89PNG\r\n\x1a\nrest", {}),
        ("archief.xlsx", b"Rar!\x1a\x07\x00rest", {}),
        ("brief.txt", b"{\\rtf1 hallo}", {}),
        ("plaatje.png", b"\x89PNG\r\n\x1a\nrest", {}),
        ("meetings.xlsx", bad.MEETINGS.encode(), {}),
        ("export.xls", html, {}),
        ("export2003.xls", xml_2003, {}),
        ("notities.xlsx", _zip({"notes.txt": "hello"}), {}),
        ("export.zip.xlsx", _zip({"export/meetings.xlsx": bad.meetings_xlsx()}), {}),
        ("brief.xlsx", _zip({"[Content_Types].xml": "<Types/>", "word/document.xml": "<document/>"}), {}),
        ("binary.xlsb", bad.rezip(bad.meetings_xlsx(), {}, add={"xl/workbook.bin": b"\x83\x01\x00"}), {}),
        ("beveiligd.xlsx", _encrypted_xlsx(), {}),
        ("beveiligd.xls", _password_xls(), {}),
        ("beveiligd.ods", _zip(ODS_PASSWORD), {}),
        ("afgebroken.xlsx", bad.meetings_xlsx()[: len(bad.meetings_xlsx()) // 2], {}),
        ("kapot.xlsx", _damaged_member(), {}),
        ("afgebroken.csv", cut.encode(), {}),
        ("bom.xlsx", bad.rezip(bad.meetings_xlsx(), {"xl/worksheets/sheet1.xml": (bad.BILLION_LAUGHS + sheet).encode()}), {}),
        ("bom2.xlsx", bad.rezip(bad.meetings_xlsx(), {}, add={"xl/sharedStrings.xml": SHARED_STRINGS_BOMB.encode()}), {}),
        ("xxe.xlsx", bad.rezip(bad.meetings_xlsx(), {"xl/worksheets/sheet1.xml": (XXE + bad.sheet_xml(bad.meetings_xlsx())).encode("utf-16")}), {}),
        ("bom3.xlsx", bad.rezip(bad.meetings_xlsx(), {"xl/worksheets/sheet1.xml": b"<worksheet>" + b" " * 30_000_000}), {}),
        ("bom4.xlsx", _lying_size(), {}),
        ("groot.xlsx", bad.rezip(bad.meetings_xlsx(), {}, add={f"xl/media/part{n}.bin": b" " * 900_000 for n in range(7)}), {"env": {"ENGAGEMENT_MAX_IMPORT_MB": "1"}}),
        ("verspreid.xlsx", _spanning(), {}),
        ("volgorde.xlsx", _rows_out_of_order(), {}),
        ("oud.xls", _spanning_xls(), {}),
        ("herhaald.ods", bad.ods(ODS_REPEATED), {}),
        ("breed.csv", b";x" * 20_000 + b"\n" + bad.MEETINGS.encode(), {}),
        ("groot.csv", bad.MEETINGS.encode() * 20_000, {"env": {"ENGAGEMENT_MAX_IMPORT_MB": "0.5"}}),
        ("meetings.csv", bad.MEETINGS.encode(), {"env": {"ENGAGEMENT_MAX_IMPORT_MB": "lots"}}),
        ("gemengd.csv", bad.MIXED, {}),
        ("dubbel.csv", (bad.MEETINGS + "M1;2024-03-31;Acme;dialogue;corrected\n").encode(), {}),
        ("twee bladen.xlsx", DUPLICATES_TWO_SHEETS, {}),
        ("geen tabel.xlsx", NO_TABLE, {}),
        ("lijst.csv", b"foo;bar\n1;2\n", {}),
        ("bijeenkomsten.csv", b"meeting_id;leverancier\nm1;Acme\n", {}),
        ("fout.csv", wrong_rows.encode(), {"max_rejected": 50}),
        ("lang.csv", ("meeting_id;date;supplier;notes\n" + long_field).encode(), {}),
        ("overleggen.csv", WRONG_MEETINGS.encode(), {}),
        ("klachten.csv", WRONG_GRIEVANCES.encode(), {}),
        ("escalaties.csv", WRONG_ESCALATIONS.encode(), {}),
        ("rapportages.csv", WRONG_REPORTS.encode(), {}),
        ("locaties.csv", WRONG_SITES.encode(), {}),
    ]  # fmt: skip
    return [(name, data, settings) for name, data, settings in inputs if data is not None]


def _bad_values() -> list[str]:
    """The messages of tests/test_import_values.py's wrong cells, from the parsers themselves."""
    attempts = [
        *[lambda c=c: values.parse_date(c) for c in ("31-02-2024", "13-13-2024", "gisteren", "2024-3", True)],
        lambda: values.parse_date("31/3/2024", month_first=True),
        *[lambda c=c: values.parse_number(c) for c in ("abc", "1,2,3", "12-3", "--5", True)],
        lambda: values.parse_int("2,5"),
        lambda: values.check_range(5, 0, 4),
        lambda: values.check_range(-1, 0, None),
        lambda: values.check_range(5, None, 4),
        lambda: values.parse_bool("misschien"),
        *[lambda e=e: values.parse_enum("koffie", e) for e in values.ENUM_WORDS],
    ]
    messages = []
    for attempt in attempts:
        with pytest.raises(BadValue) as raised:
            attempt()
        messages.append(str(raised.value))
    return messages


def _undo_story(con) -> list[str]:
    """An import, a later one that changes its rows, and undos refused and done."""
    first = import_file(con, ("klachten.csv", b"case_id;received_on;supplier\ng1;2024-01-05;Acme\n"))
    second = import_file(con, ("klachten2.csv", b"case_id;received_on;supplier\ng1;2024-01-06;Acme\n"))
    messages = []
    for import_id in (first.import_id, 99, second.import_id, second.import_id, first.import_id):
        try:
            messages.append(describe_undo(undo_import(con, import_id)))
        except UndoRefused as refused:
            messages.append(str(refused))
    return messages


class _Messages(dict):
    """message -> the file it came from (None when none)."""

    def add_report(self, report, steps: list[str]) -> None:
        for message in [report.fatal, *(e.message for e in report.errors), *report.warnings, *steps]:
            if message:
                self.setdefault(message, report.file)


@pytest.fixture(scope="module")
def real_messages(tmp_path_factory) -> _Messages:
    """Every distinct message the importer wrote for the inputs above, and undo's."""
    messages = _Messages()
    folder = tmp_path_factory.mktemp("messages")
    for number, (name, data, settings) in enumerate(bad_inputs()):
        con = open_database(folder / f"bad{number}.duckdb")
        steps = []
        with pytest.MonkeyPatch.context() as patch:
            for variable, value in settings.get("env", {}).items():
                patch.setenv(variable, value)
            if "max_rejected" in settings:
                patch.setattr(validate, "MAX_REJECTED_ROWS", settings["max_rejected"])
            report = import_file(con, (name, data), on_progress=lambda _f, s, steps=steps: steps.append(s))
        messages.add_report(report, steps)
        con.close()
    for message in _bad_values():
        messages.setdefault(message, None)
    con = open_database(folder / "undo.duckdb")
    for message in _undo_story(con):
        messages.setdefault(message, "klachten.csv" if "klachten.csv" in message else "klachten2.csv")
    con.close()
    if REALDATA.exists():
        for path in sorted(p for p in REALDATA.rglob("*") if p.name in EXPECTED):
            supplier = FACILITY_LIST_SUPPLIER if path.parent.name == "facilities" else None
            runs = [supplier, "Acme"] if path.parent.name == "meetings" else [supplier]
            for given in runs:
                con = open_database(folder / f"real_{path.stem}_{given}.duckdb")
                steps = []
                report = import_file(
                    con, path, supplier=given, on_progress=lambda _f, s, steps=steps: steps.append(s)
                )
                messages.add_report(report, steps)
                con.close()
    return messages


def test_the_importers_messages_come_out_in_dutch(real_messages):
    """At least 90% of the messages the importer really writes read differently in Dutch (the
    collection spans refusals of every kind, row problems, warnings, progress and undo)."""
    assert len(real_messages) > 80, len(real_messages)
    english = [m for m in real_messages if message_in(m, "nl") == m]
    share = 1 - len(english) / len(real_messages)
    listed = "\n".join(english)
    assert share >= 0.9, f"{share:.0%} in Dutch, {len(PATTERNS)} patterns; still English:\n{listed}"


def test_the_dutch_keeps_every_value(real_messages):
    """File names, quoted values and numbers come out as the English has them."""
    lost = []
    for message, file in real_messages.items():
        dutch = message_in(message, "nl")
        kept = QUOTED.findall(message) + re.findall(r"\d+", message)
        if file and file in message:
            kept.append(file)
        lost += [f"{value!r} of {message!r} -> {dutch!r}" for value in kept if value not in dutch]
    assert not lost, "\n".join(lost[:20])


def test_english_is_left_as_it_is(real_messages):
    assert all(message_in(m, "en") == m for m in real_messages)
    assert message_in("", "nl") == ""


@pytest.mark.parametrize(
    ("english", "dutch"),
    [
        (
            "leeg.csv: is empty: there is nothing to import (check that the export finished)",
            "leeg.csv: is leeg: er is niets te importeren (controleer of de export helemaal klaar was)",
        ),
        (
            "not a date: this column is read day first (DD-MM-YYYY) and 31 is not a month",
            "geen datum: deze kolom wordt gelezen met de dag eerst (DD-MM-JJJJ) en 31 is geen maand",
        ),
        (
            "not a date (no day 31 in month 2 of 2024); allowed: 2024-03-31, 31-03-2024, 31/3/24, "
            "31.03.2024 (day first) or an Excel date",
            "geen datum (maand 2 van 2024 heeft geen dag 31); toegestaan: 2024-03-31, 31-03-2024, 31/3/24, "
            "31.03.2024 (dag eerst) of een Excel-datum",
        ),
        (
            "sheet 'Overleggen', column 'Datum': dates such as 01-02-2024 fit both day first and month "
            "first; read day first (DD-MM-YYYY)",
            "werkblad 'Overleggen', kolom 'Datum': datums zoals 01-02-2024 passen zowel met de dag eerst "
            "als met de maand eerst; gelezen met de dag eerst (DD-MM-JJJJ)",
        ),
        (
            "unknown grievance severity; allowed: low (laag); medium (midden, gemiddeld)",
            "onbekende ernst van de klacht; toegestaan: low (laag); medium (midden, gemiddeld)",
        ),
        (
            "beveiligd.xlsx: is password-protected: save it without a password and import again",
            "beveiligd.xlsx: is beveiligd met een wachtwoord: sla het op zonder wachtwoord en importeer het "
            "opnieuw",
        ),
        (
            "x.xlsx: no sheet matches a table (sheet 'A' matches no table by its name or its headers "
            "(first row: a, b); sheet 'B' has no header row naming the required columns of meetings in "
            "its first 20 rows; missing date (datum, datum overleg))",
            "x.xlsx: geen werkblad past bij een tabel (werkblad 'A' past bij geen tabel, niet op naam en "
            "niet op kolomkoppen (eerste rij: a, b); werkblad 'B' heeft in de eerste 20 rijen geen rij met "
            "kolomkoppen die de verplichte kolommen van meetings noemt; ontbrekend: date (datum, datum "
            "overleg))",
        ),
        (
            "Import 2 (klachten2.csv) has since changed 1 row(s) of import 1: undo it first.",
            "Import 2 (klachten2.csv) heeft sindsdien 1 rij(en) van import 1 gewijzigd: maak die eerst "
            "ongedaan.",
        ),
        (
            "Undid import 3 (a.csv): 2 row(s) removed, 1 restored, 0 rejected row(s) dropped; 1 "
            "supplier/buyer name(s) it created kept (other rows name them).",
            "Import 3 (a.csv) ongedaan gemaakt: 2 rij(en) verwijderd, 1 teruggezet, 0 afgewezen rij(en) "
            "verwijderd; 1 door deze import toegevoegde naam/namen van leveranciers of inkopers bewaard "
            "(andere rijen noemen ze).",
        ),
        ("checking sheet 'Leveranciers'", "werkblad 'Leveranciers' controleren"),
        ("storing", "opslaan"),
        # values that read like messages stay values
        (
            "new supplier 'not a date' added to programme 'is empty' (not yet known)",
            "nieuwe leverancier 'not a date' toegevoegd aan programma 'is empty' (nog niet bekend)",
        ),
        ("done: is empty: there is nothing to import (check that the export finished)", (
            "done: is leeg: er is niets te importeren (controleer of de export helemaal klaar was)"
        )),
        # what no pattern knows stays English, in a message and in a part of one
        ("something the importer never said: 42", "something the importer never said: 42"),
        ("x.csv: is empty: some new advice", "x.csv: is leeg: some new advice"),
    ],
)  # fmt: skip
def test_translations_checked_by_hand(english, dutch):
    assert message_in(english, "nl") == dutch


# A value of each kind of placeholder, to write a message from a pattern's English.
EXAMPLE_VALUES = {
    "where": "sheet 'Blad 1'",
    "setting": "ENGAGEMENT_MAX_IMPORT_MB='lots'",
    "subject": "x.xlsx: sheet 'Blad 1'",
    "sheet_or_none": "sheet 'Blad 1' ",
    "what": "Teams attendance report",
    "format": "a PDF document",
    "kind": "supplier",
    "items": "3 items",
    "plural_s": "s",
    "dot": ".",
    "ext": ".xlsx",
    "numbers": "3, 5",
    "field": "supplier",
    "table": "meetings",
}


def _example(english: str) -> str:
    def value(match: re.Match) -> str:
        kind = match.group(1).removeprefix("t_").rstrip("0123456789")
        if kind in EXAMPLE_VALUES:
            return EXAMPLE_VALUES[kind]
        group = GROUPS.get(kind, "")
        return "'Acme (NL)'" if group.startswith("(?:'") else "12" if group.startswith("-?\\d") else "x.csv"

    return re.sub(r"\{(\w+)\}", value, english.removeprefix("^").removesuffix("$"))


@pytest.mark.parametrize(("english", "dutch"), PATTERNS, ids=[english[:40] for english, _ in PATTERNS])
def test_every_pattern_reads_its_own_english(english, dutch):
    """Each pattern matches a message written from its English (also those no input above makes),
    and its Dutch uses no value the English does not have (that would fail on the page)."""
    fields = set(re.findall(r"\{(\w+)\}", english))
    assert set(re.findall(r"\{(\w+)\}", dutch)) <= fields
    message = _example(english)
    assert message_in(message, "nl") != message, message
    assert message_in(f"x.csv: {message}", "nl").startswith("x.csv: ") or english.startswith("^")


@pytest.fixture
def dutch_import_page(tmp_path, monkeypatch):
    database = tmp_path / "upload.duckdb"
    open_database(database).close()  # an existing, empty database: no sample
    monkeypatch.setenv("ENGAGEMENT_DB", str(database))
    # AppTest formats the sidebar's selectboxes again outside the script, where the session is not
    # readable and t() falls back to $ENGAGEMENT_LANG: without it the Dutch options would be looked
    # up in English and the second run (after the upload) fails.
    monkeypatch.setenv("ENGAGEMENT_LANG", "nl")
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    app.query_params["lang"] = "nl"
    app.switch_page("pages/upload.py")  # before the first run: one run of dashboard.py, in Dutch
    app.run()
    assert not app.exception, app.exception
    assert app.session_state["language"] == "nl"
    return app


def test_the_import_page_refuses_an_empty_file_in_dutch(dutch_import_page):
    app = dutch_import_page
    app.get("file_uploader")[0].set_value(("leeg.csv", b"", "text/csv")).run()
    assert not app.exception, app.exception
    assert [e.value for e in app.error] == [
        "leeg.csv: is leeg: er is niets te importeren (controleer of de export helemaal klaar was)"
    ]


def test_the_import_page_shows_problems_warnings_and_undo_in_dutch(dutch_import_page):
    from test_upload_page import MEETINGS_CSV

    app = dutch_import_page
    app.get("file_uploader")[0].set_value(("overleggen.csv", MEETINGS_CSV, "text/csv")).run()
    assert not app.exception, app.exception
    problems = app.dataframe[-1].value
    assert problems["message"].tolist() == [
        "geen datum (maand 2 van 2024 heeft geen dag 31); toegestaan: 2024-03-31, 31-03-2024, 31/3/24, "
        "31.03.2024 (dag eerst) of een Excel-datum"
    ]
    captions = [c.value for c in app.caption]
    assert (
        "⚠ nieuwe leverancier 'Voltara Cars' toegevoegd aan programma 'Default programme' (nog niet bekend)"
        in captions
    )
    app.button(key="import_files").click().run()
    app.button(key="undo_button").click().run()
    assert not app.exception, app.exception
    undone = [s.value for s in app.success][-1]
    assert re.fullmatch(
        r"Import \d+ \(overleggen\.csv\) ongedaan gemaakt: \d+ rij\(en\) verwijderd, .*\.", undone
    )
