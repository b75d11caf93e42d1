"""Adapters (engagement.ingest.adapters): Outlook calendars, Teams attendance and facility lists,
recognised by their headers, on the real files in ../shared/realdata and on small hand-made ones."""

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import add_rows

from engagement.ingest import import_file
from engagement.ingest.adapters.matching import NameFinder
from engagement.ingest.adapters.meeting_type import meeting_type
from engagement.store import normalise_name

ROOT = Path(__file__).resolve().parent.parent
REALDATA = ROOT.parent / "shared" / "realdata"
needs_realdata = pytest.mark.skipif(not REALDATA.exists(), reason="../shared/realdata not present")
PROGRAMME = "Default programme"


def _know(con, suppliers=(), buyers=(), aliases=()):
    """Suppliers, buyers and aliases ((kind, alias, name)) the database knows before the import."""
    add_rows(con, "suppliers", [{"supplier": s} for s in suppliers], programme=PROGRAMME)
    add_rows(con, "buyers", [{"buyer": b} for b in buyers], programme=PROGRAMME)
    for kind, alias, name in aliases:
        con.execute("insert into aliases values (?, ?, ?, ?)", [kind, normalise_name(alias), alias, name])


def _write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _meetings(con):
    return con.execute(
        "select date, supplier, type, buyers, notes from meetings order by date, notes"
    ).fetchall()


def _extra(con, table, where, params):
    row = con.execute(f"select extra from {table} where {where}", params).fetchone()  # noqa: S608
    return json.loads(row[0])


# --- Outlook calendar exports -------------------------------------------------------------------


@needs_realdata
def test_outlook_export_items_naming_a_supplier_become_meetings(db):
    """The 22-column export: the 3 items naming a known supplier are meetings; the rest are counted."""
    _know(db, suppliers=["Valtech B.V.", "Algolia", "Mantine"])
    path = REALDATA / "meetings" / "outlook_calendar_export_full_22col.csv"
    report = import_file(db, path)
    assert report.fatal is None and report.exit_code == 0
    assert report.tables["meetings"]["accepted"] == 3
    assert _meetings(db) == [
        (date(2023, 11, 3), "Mantine", "dialogue", None, "Mantine added variant overrides"),
        (date(2023, 11, 8), "Algolia", "dialogue", None, "Algolia Session - Relevance"),
        (date(2023, 11, 17), "Valtech B.V.", "dialogue", None, "Valtech Office day!"),
    ]
    assert "the file: 54 calendar items name no known supplier; skipped" in report.warnings
    assert "the file: 1 cancelled calendar item skipped" in report.warnings
    extra = _extra(db, "meetings", "supplier = ?", ["Valtech B.V."])
    assert extra["Location"] == "Nijverheidsweg 16 G, 3534 AM Utrecht"
    assert extra["Start Time"] == "09:30:00"
    again = import_file(db, path)
    assert again.outcome == "unchanged" and again.tables["meetings"]["unchanged"] == 3


@needs_realdata
def test_outlook_export_naming_no_known_supplier_is_refused(db):
    """With no supplier known, nothing in a calendar can be a supplier meeting: refused, saying what to do."""
    report = import_file(db, REALDATA / "meetings" / "outlook_calendar_export_full_22col.csv")
    assert report.exit_code == 2
    assert "no item names a known supplier or alias (57 items, 1 cancelled)" in report.fatal
    assert "import the suppliers first" in report.fatal
    assert db.execute("select count(*) from meetings").fetchone() == (0,)


@needs_realdata
def test_outlook_workbook_with_dates_excel_swapped(db):
    """ZenBoard's re-saved export: Excel made d/m texts that fit m/d into swapped date cells; read back right."""
    _know(db, suppliers=["SAP SE"])
    report = import_file(db, REALDATA / "meetings" / "outlook_calendar_export_zenboard.xlsx")
    assert report.fatal is None and report.exit_code == 0
    dates = [row[0] for row in _meetings(db)]
    assert dates == [
        date(2024, 9, 17),
        date(2024, 11, 12),  # the cell says 2024-12-11: Excel's reading of "12/11/2024"
        date(2024, 11, 19),
        date(2025, 3, 17),
        date(2025, 3, 26),
        date(2025, 4, 14),
        date(2025, 5, 17),
    ]
    assert {row[1] for row in _meetings(db)} == {"SAP SE"}
    assert any("200 date cells read with day and month swapped" in w for w in report.warnings)
    assert "sheet 'data.CSV': 488 calendar items name no known supplier; skipped" in report.warnings


OUTLOOK_EN = (
    '"Subject","Start Date","Start Time","End Date","End Time","Meeting Organizer",'
    '"Required Attendees","Optional Attendees","Categories","Location"\n'
    '"Overleg Acme traceability","3/14/2024","10:00:00","3/14/2024","11:00:00","",'
    '"Jan de Vries (Gemeente Havenstad);Piet","","",""\n'
    '"Site visit","3/15/2024","09:00:00","3/15/2024","17:00:00","","","","Beta",""\n'
    '"Follow-up call","3/20/2024","09:00:00","3/20/2024","09:30:00","","Anna (Acme)",'
    '"k.smit@havenstad.nl","",""\n'
    '"Market event textiles","4/2/2024","13:00:00","4/2/2024","16:00:00","","","","",""\n'
    '"Lunch","4/3/2024","12:00:00","4/3/2024","13:00:00","","Piet","","",""\n'
    '"Canceled: Overleg Acme","4/4/2024","10:00:00","4/4/2024","11:00:00","","","","",""\n'
    '"Acme and Beta joint session","4/5/2024","10:00:00","4/5/2024","11:00:00","","","","",""\n'
    '"Overleg Acme","31/31/2024","10:00:00","","","","","","",""\n'
    '"Team standup","4/8/2024","09:00:00","4/8/2024","09:15:00","","","","",""\n'
)


def test_outlook_hand_made_month_first(db, tmp_path):
    """Supplier from subject, categories or attendees (names, aliases, legal form left out); buyers from attendees."""
    _know(
        db,
        suppliers=["Acme B.V.", "Beta Coaches Ltd"],
        buyers=["Gemeente Havenstad"],
        aliases=[("supplier", "Beta", "Beta Coaches Ltd"), ("buyer", "havenstad.nl", "Gemeente Havenstad")],
    )
    report = import_file(db, _write(tmp_path, "calendar.csv", OUTLOOK_EN, "utf-8-sig"))
    assert report.fatal is None
    assert _meetings(db) == [
        (date(2024, 3, 14), "Acme B.V.", "dialogue", ["Gemeente Havenstad"], "Overleg Acme traceability"),
        (date(2024, 3, 15), "Beta Coaches Ltd", "site_visit", None, "Site visit"),
        (date(2024, 3, 20), "Acme B.V.", "follow_up", ["Gemeente Havenstad"], "Follow-up call"),
        (date(2024, 4, 2), None, "market_event", None, "Market event textiles"),
        (date(2024, 4, 5), "Acme B.V.", "dialogue", None, "Acme and Beta joint session"),
    ]
    # The row numbers are the file's: the bad date is on row 9.
    assert [(e.row, e.column, e.value) for e in report.errors] == [(9, "date", "31/31/2024")]
    assert report.exit_code == 1
    assert "the file: 2 calendar items name no known supplier; skipped" in report.warnings
    assert "the file: 1 cancelled calendar item skipped" in report.warnings
    assert any("1 calendar item names more than one supplier" in w and "row 8" in w for w in report.warnings)
    assert any("dates read month first" in w for w in report.warnings)


OUTLOOK_NL = (
    "Onderwerp;Begindatum;Begintijd;Einddatum;Eindtijd;Hele dag;Organisator;Vereiste deelnemers;"
    "Optionele deelnemers;Categorieën;Beschrijving;Locatie\n"
    "Locatiebezoek fabriek;7-11-2023;09:00:00;7-11-2023;15:00:00;Onwaar;;;;Acme;;Eindhoven\n"
    "Vervolgoverleg Acme;14-11-2023;10:00:00;14-11-2023;11:00:00;Onwaar;;Gemeente Havenstad;;;;\n"
    "Marktconsultatie bussen;5-12-2023;13:00:00;5-12-2023;16:00:00;Onwaar;;;;;;\n"
    "Afdelingsoverleg;6-12-2023;13:00:00;6-12-2023;14:00:00;Onwaar;;;;;;\n"
    "Geannuleerd: Overleg Acme;7-12-2023;13:00:00;7-12-2023;14:00:00;Onwaar;;;;;;\n"
)


def test_outlook_dutch_headers(db, tmp_path):
    """Dutch Outlook (Onderwerp, Begindatum, Categorieën...), Windows-1252 with semicolons, day-first dates."""
    _know(db, suppliers=["Acme"], buyers=["Gemeente Havenstad"])
    report = import_file(db, _write(tmp_path, "agenda.csv", OUTLOOK_NL, "cp1252"))
    assert report.fatal is None and report.exit_code == 0
    assert _meetings(db) == [
        (date(2023, 11, 7), "Acme", "site_visit", None, "Locatiebezoek fabriek"),
        (date(2023, 11, 14), "Acme", "follow_up", ["Gemeente Havenstad"], "Vervolgoverleg Acme"),
        (date(2023, 12, 5), None, "market_event", None, "Marktconsultatie bussen"),
    ]
    assert "the file: 1 calendar item names no known supplier; skipped" in report.warnings
    assert "the file: 1 cancelled calendar item skipped" in report.warnings
    assert _extra(db, "meetings", "type = 'site_visit'", [])["Locatie"] == "Eindhoven"


def test_sheet_named_for_another_table_is_not_adapted(db, tmp_path):
    """A file named 'leveranciers' is a supplier list, even with a facility list's columns."""
    path = _write(tmp_path, "leveranciers.csv", "name,address,country\nAcme,Street 1,NL\n")
    report = import_file(db, path)
    assert report.fatal is None and list(report.tables) == ["suppliers"]
    assert db.execute("select supplier, country from suppliers").fetchall() == [("Acme", "NL")]


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("Overleg Acme", "dialogue"),
        ("Marktconsultatie elektrische bussen", "market_event"),
        ("Market event: textiles", "market_event"),
        ("Locatiebezoek Tilburg", "site_visit"),
        ("Fabrieksbezoek Acme", "site_visit"),
        ("Site visit Acme", "site_visit"),
        ("Vervolg Acme", "follow_up"),
        ("Vervolgoverleg Acme", "follow_up"),
        ("Follow-up call", "follow_up"),
        ("Markt", "dialogue"),
        (None, "dialogue"),
    ],
)
def test_meeting_type_from_subject(subject, expected):
    """The type a subject says, in English or Dutch (compounds too); dialogue when it says none."""
    assert meeting_type(subject) == expected


def test_names_found_in_text():
    """Whole words only, longest name first, legal form optional unless two names share the rest."""
    finder = NameFinder(
        [("VDL Bus & Coach", "VDL Bus & Coach"), ("VDL", "VDL Groep"), ("Acme BV", "Acme BV"),
         ("Acme GmbH", "Acme GmbH"), ("Noordwind B.V.", "Noordwind B.V."), ("A", "A")]
    )  # fmt: skip
    assert finder.find("Overleg VDL bus & coach, 3 mei") == ["VDL Bus & Coach"]
    assert finder.find("VDL-overleg") == ["VDL Groep"]
    assert finder.find("Noordwind jaargesprek") == ["Noordwind B.V."]
    assert finder.find("Acme update") == []  # Acme BV or Acme GmbH?
    assert finder.find("Acme GmbH update") == ["Acme GmbH"]
    assert finder.find("A;B;C") == []  # one letter is too short to be found
    assert finder.find("Noordwinds") == []


# --- Open Supply Hub facility lists ---------------------------------------------------------------


@needs_realdata
def test_oshub_list_with_country_codes(db):
    """15.csv: country codes become names, component 'facility', tier 1, the supplier given at import."""
    report = import_file(db, REALDATA / "facilities" / "oshub_fixture_facility_list_15.csv", supplier="Acme")
    assert report.fatal is None and report.exit_code == 0
    assert report.tables["sites"]["accepted"] == 351
    first = db.execute(
        "select supplier, product, component, tier, site_name, country, os_id from sites where site_name = 'BOX RING'"
    ).fetchall()
    assert first == [("Acme", None, "facility", 1, "BOX RING", "Pakistan", None)]
    countries = dict(db.execute("select country, count(*) from sites group by country").fetchall())
    assert countries["China"] == 142 and countries["Vietnam"] == 35 and "CN" not in countries
    extra = _extra(db, "sites", "site_name = ?", ["BOX RING"])
    assert extra == {
        "address": "MAQBOOL ROAD ,NOAL MORE OPP WAZIRABAD ROAD, Sialkot, 51310, Punjab",
        "sector": "Apparel",
    }
    assert any("country codes (AT, BD, BR" in w for w in report.warnings)
    assert any("the list names no tier; tier 1" in w for w in report.warnings)


@needs_realdata
@pytest.mark.parametrize(
    "name", ["oshub_fixture_facility_list_15.csv", "oshub_fixture_facility_list_12.xlsx"]
)
def test_oshub_list_without_supplier_is_refused(db, name):
    """No supplier column and none given: refused in one line that says to give --supplier; nothing stored."""
    report = import_file(db, REALDATA / "facilities" / name)
    assert report.exit_code == 2
    assert (
        "is an Open Supply Hub facility list: say whose sites these are with --supplier NAME" in report.fatal
    )
    assert "\n" not in report.fatal
    assert db.execute("select count(*) from sites").fetchone() == (0,)


@needs_realdata
def test_oshub_download_and_upload_template(db):
    """The download schema (os_id, processing type) and the upload template (sector_product_type, workers)."""
    report = import_file(
        db, REALDATA / "facilities" / "oshub_download_facilities_wilmar.csv", supplier="Wilmar"
    )
    assert report.fatal is None and report.tables["sites"]["accepted"] == 51
    row = db.execute("select component, country, tier from sites where os_id = 'IN2022300QKYJWP'").fetchone()
    assert row == ("Refinery|Manufacturing Plant", "India", 1)
    assert db.execute("select count(*) from sites where component = 'facility'").fetchone() == (20,)

    report = import_file(
        db, REALDATA / "facilities" / "oshub_e2e_upload_extended_columns.csv", supplier="Acme"
    )
    assert report.fatal is None and report.tables["sites"]["accepted"] == 3
    row = db.execute(
        "select product, component, country, extra from sites where site_name = 'Test 2 VerdeSol Systems SL'"
    ).fetchone()
    assert row[:3] == ("Solar Panels", "Assembly Line", "Spain")  # written "Sp'ain"
    assert json.loads(row[3])["number_of_workers"] == "100"


@needs_realdata
def test_brand_disclosure_with_title_row_and_brand_column(db):
    """Nike's export: header on row 2 below a title, supplier from the brand column, no --supplier needed."""
    report = import_file(db, REALDATA / "facilities" / "nike_manufacturing_map_export_2021-02.xls")
    assert report.fatal is None and report.exit_code == 0
    assert report.tables["sites"]["accepted"] == 498
    assert report.sheets[0]["header_row"] == 2
    assert dict(db.execute("select supplier, count(*) from sites group by supplier").fetchall()) == {
        "NIKE": 498
    }
    assert any("6 sites name more than one brand" in w and "row 57" in w for w in report.warnings)
    row = db.execute(
        "select product, component, country, extra from sites where site_name = 'A & K DESIGNS, INC.'"
    ).fetchone()
    assert row[:3] == ("APPAREL", "FINISHED GOODS", "United States")
    assert json.loads(row[3])["Total Workers"] == 130


FACILITIES = (
    "os_id,name,address,country_code,country_name,supplier,tier,facility_type,processing_type,number_of_workers\n"
    "NL2024001AAAAAA,Alpha Plant,Street 1 Eindhoven,NL,,Acme,2,Final Product Assembly,,120\n"
    ",Alpha Plant,Street 9 Tilburg,NL,,Acme,,Final Product Assembly,Welding,\n"
    "CN2024002BBBBBB,Beta Works,Road 2,CN,China,,3,,Dyeing,\n"
)


def test_facility_list_supplier_column_tier_and_namesakes(db, tmp_path):
    """A supplier column wins; a row without one is rejected (no --supplier); namesakes get their address."""
    report = import_file(db, _write(tmp_path, "facilities.csv", FACILITIES))
    assert report.exit_code == 1
    assert [(e.row, e.message) for e in report.errors] == [(4, "supplier is required")]
    rows = db.execute(
        "select supplier, component, tier, site_name, country, os_id from sites order by site_name"
    ).fetchall()
    assert rows == [
        (
            "Acme",
            "Final Product Assembly",
            2,
            "Alpha Plant (Street 1 Eindhoven)",
            "Netherlands",
            "NL2024001AAAAAA",
        ),
        ("Acme", "Final Product Assembly", 1, "Alpha Plant (Street 9 Tilburg)", "Netherlands", None),
    ]
    # The processing type not used as the component stays as extra data.
    assert _extra(db, "sites", "os_id is null", [])["processing_type"] == "Welding"


def test_facility_list_supplier_given_fills_blank_column(db, tmp_path):
    """With --supplier, rows whose supplier column is blank are that supplier's."""
    report = import_file(db, _write(tmp_path, "facilities.csv", FACILITIES), supplier="Zeta")
    assert report.exit_code == 0
    assert db.execute(
        "select supplier, component, tier, country from sites where site_name = 'Beta Works'"
    ).fetchall() == [("Zeta", "Dyeing", 3, "China")]
    assert any(
        "supplier taken from column 'supplier' where it is filled, else 'Zeta'" in w for w in report.warnings
    )


@needs_realdata
def test_oshub_moderation_export_is_refused_with_its_reason(db):
    """A moderation log names no sites' addresses nor supplier: refused, saying what to import instead."""
    report = import_file(db, REALDATA / "facilities" / "oshub_moderation_events_export.xlsx", supplier="Acme")
    assert report.exit_code == 2
    assert "moderation events export" in report.fatal and "not a facility list" in report.fatal


# --- Teams attendance ---------------------------------------------------------------------------


@needs_realdata
def test_teams_report_needs_a_supplier(db):
    """The French report's title is 'null' and its names are masked: refused unless --supplier says whose."""
    path = REALDATA / "meetings" / "teams_attendance_report_fr_utf16le.csv"
    refused = import_file(db, path)
    assert refused.exit_code == 2
    assert "Teams attendance report that has no meeting title" in refused.fatal
    assert "say whose meeting it was with --supplier NAME" in refused.fatal

    report = import_file(db, path, supplier="Acme")
    assert report.fatal is None and report.exit_code == 0
    assert _meetings(db) == [(date(2021, 4, 13), "Acme", "dialogue", None, None)]
    extra = _extra(db, "meetings", "supplier = 'Acme'", [])
    assert extra["start time"] == "13/04/2021 à 09:01:31"
    assert any("one meeting on 2021-04-13 with 7 participants" in w for w in report.warnings)


@needs_realdata
def test_teams_old_attendance_list(db):
    """The old event log (Full Name, User Action, Timestamp): one meeting on its day, read day first."""
    path = REALDATA / "meetings" / "teams_attendance_list_v1_utf16le.csv"
    report = import_file(db, path, supplier="Acme")
    assert report.fatal is None
    assert _meetings(db) == [(date(2020, 12, 11), "Acme", "dialogue", None, None)]
    assert any("11/12/2020 fit both day first and month first; read day first" in w for w in report.warnings)
    assert any("with 5 participants" in w for w in report.warnings)


TEAMS_REPORT = (
    "1. Summary\n"
    "Meeting title\tVervolgoverleg Acme / Havenstad\n"
    "Attended participants\t3\n"
    "Start time\t3/14/24, 10:02:45 AM\n"
    "End time\t3/14/24, 11:00:02 AM\n"
    "Meeting duration\t57m 17s\n"
    "\n"
    "2. Participants\n"
    "Name\tFirst join\tLast leave\tIn-meeting duration\tEmail\tParticipant ID (UPN)\tRole\n"
    "Smit, Karin\t3/14/24, 10:02:45 AM\t3/14/24, 11:00:02 AM\t57m 17s\tk.smit@havenstad.nl\tk.smit@havenstad.nl\tOrganizer\n"
    "Jansen, Piet\t3/14/24, 10:03:10 AM\t3/14/24, 11:00:02 AM\t56m 52s\tpiet@acme.example\tpiet@acme.example\tPresenter\n"
    "Vries, Jan de (Gemeente Dijkerveen)\t3/14/24, 10:05:00 AM\t3/14/24, 10:40:00 AM\t35m\t\t\tAttendee\n"
    "\n"
    "3. In-Meeting activities\n"
    "Name\tJoin time\tLeave time\tDuration\tEmail\tRole\n"
    "Smit, Karin\t3/14/24, 10:02:45 AM\t3/14/24, 11:00:02 AM\t57m 17s\tk.smit@havenstad.nl\tOrganizer\n"
)


def test_teams_report_names_supplier_and_buyers(db, tmp_path):
    """A 2022+ report (UTF-16, tabs): supplier and type from the title, buyers from names and addresses."""
    _know(
        db,
        suppliers=["Acme B.V."],
        buyers=["Gemeente Havenstad", "Gemeente Dijkerveen"],
        aliases=[("buyer", "havenstad.nl", "Gemeente Havenstad")],
    )
    report = import_file(db, _write(tmp_path, "meetingAttendanceReport.csv", TEAMS_REPORT, "utf-16"))
    assert report.fatal is None and report.exit_code == 0
    assert _meetings(db) == [
        (
            date(2024, 3, 14),
            "Acme B.V.",
            "follow_up",
            ["Gemeente Havenstad", "Gemeente Dijkerveen"],
            "Vervolgoverleg Acme / Havenstad",
        )
    ]
    extra = _extra(db, "meetings", "true", [])
    assert extra["participants"] == "Smit, Karin; Jansen, Piet; Vries, Jan de (Gemeente Dijkerveen)"


def test_teams_old_list_over_several_days_is_refused(db, tmp_path):
    """An event log spanning two days is not one meeting: refused, saying so."""
    text = (
        "Full Name\tUser Action\tTimestamp\n"
        "Smit Karin\tJoined\t13/03/2024, 10:00:00\n"
        "Smit Karin\tLeft\t14/03/2024, 10:30:00\n"
    )
    report = import_file(db, _write(tmp_path, "attendance.csv", text, "utf-16"), supplier="Acme")
    assert report.exit_code == 2
    assert "covering several days (2024-03-13, 2024-03-14); import one meeting per file" in report.fatal


# --- the command line --------------------------------------------------------------------------


@needs_realdata
def test_command_refuses_facility_list_without_supplier(tmp_path):
    """`python -m engagement import` on an OS Hub list without --supplier: exit 2, one line, no traceback."""
    result = subprocess.run(
        [sys.executable, "-m", "engagement", "import", str(REALDATA / "facilities" / "oshub_fixture_facility_list_15.csv"),
         "--db", str(tmp_path / "cli.duckdb")],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1
    assert errors[0].endswith(
        "say whose sites these are with --supplier NAME (no supplier or brand column names them)"
    )
