"""Importing whole files into the database (engagement.ingest.import_file)."""

import json
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from engagement import store
from engagement.db import data_version
from engagement.ingest import FileReport, import_file, import_files

REALDATA = Path("/work/shared/realdata/facilities/oshub_fixture_facility_list_12.xlsx")

# A Dutch export: Windows-1252, semicolons, a title row, day-first dates.
MEETINGS_CSV = (
    "Overzicht gesprekken 2024;;;;;;;\n"
    "Datum overleg;Leverancier;Soort;Aanwezige inkopers;Onderwerpen;Agenda vooraf verstuurd;Aantal afspraken;Kleur\n"
    '31-03-2024;Acme BV;dialoog;"Gemeente Één; Rijk";Beleid, risicoanalyse, Lunch;ja;2;rood\n'
    "01-04-2024;ACME  bv;;Gemeente één;;nee;2,5;\n"
    "\n"
    "02-04-2024;;marktbijeenkomst;Rijk;;x;0;\n"
    "03-04-2024;;dialoog;;;;1;\n"
    "31-02-2024;Beta;bezoek;;;;1;\n"
)


def _csv(tmp_path, text=MEETINGS_CSV, name="bijeenkomsten.csv", encoding="cp1252"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _rows(con, sql):
    return con.execute(sql).fetchall()


def test_dutch_csv_values_and_errors(db, tmp_path):
    """Values parse per kind; rejected rows are reported with spreadsheet row numbers; the rest is stored."""
    report = import_file(db, _csv(tmp_path), programme="Bus")
    assert isinstance(report, FileReport) and report.fatal is None
    assert report.tables == {
        "meetings": {"accepted": 2, "rejected": 3, "inserted": 2, "updated": 0, "unchanged": 0}
    }
    errors = [(e.row, e.column, e.value) for e in report.errors]
    assert errors == [
        (4, "Aantal afspraken", "2,5"),
        (7, "Leverancier", None),
        (8, "Datum overleg", "31-02-2024"),
    ]
    assert "whole number" in report.errors[0].message
    assert "market_event" in report.errors[1].message
    assert report.exit_code == 1
    meeting = _rows(
        db,
        "select date, supplier, type, buyers, topics, agenda_sent, agreements, extra, programme"
        " from meetings order by date",
    )
    assert meeting[0] == (
        date(2024, 3, 31),
        "Acme BV",
        "dialogue",
        ["Gemeente Één", "Rijk"],
        ["policy", "risk_analysis", "Lunch"],
        True,
        2,
        '{"Kleur": "rood"}',
        "Bus",
    )
    assert meeting[1][1:3] == (None, "market_event")
    # unknown suppliers and buyers are created, and said so, not counted as rows
    assert _rows(db, "select supplier, programme from suppliers") == [("Acme BV", "Bus")]
    assert sorted(_rows(db, "select buyer from buyers")) == [("Gemeente Één",), ("Rijk",)]
    assert any("new supplier 'Acme BV'" in w for w in report.warnings)
    assert any("'Kleur'" in w for w in report.warnings)
    assert any("'Lunch'" in w for w in report.warnings)


def test_rejected_rows_are_stored_for_correction(db, tmp_path):
    import_file(db, _csv(tmp_path), programme="Bus")
    rejected = _rows(
        db,
        "select file_name, sheet, table_name, row_number, column_name, value, row_data from rejected_rows order by row_number",
    )
    assert [r[:6] for r in rejected] == [
        ("bijeenkomsten.csv", "bijeenkomsten", "meetings", 4, "Aantal afspraken", "2,5"),
        ("bijeenkomsten.csv", "bijeenkomsten", "meetings", 7, "Leverancier", None),
        ("bijeenkomsten.csv", "bijeenkomsten", "meetings", 8, "Datum overleg", "31-02-2024"),
    ]
    assert json.loads(rejected[0][6]) == {
        "Datum overleg": "01-04-2024",
        "Leverancier": "ACME  bv",
        "Aanwezige inkopers": "Gemeente één",
        "Agenda vooraf verstuurd": "nee",
        "Aantal afspraken": "2,5",
    }


def test_same_file_twice_changes_nothing(db, tmp_path):
    """The second import finds every row unchanged, records outcome 'unchanged', keeps the data version."""
    path = _csv(tmp_path)
    first = import_file(db, path)
    version = data_version(db)
    second = import_file(db, path)
    assert second.tables["meetings"] == {
        "accepted": 2,
        "rejected": 3,
        "inserted": 0,
        "updated": 0,
        "unchanged": 2,
    }
    assert not any("new supplier" in w for w in second.warnings)
    assert second.outcome == "unchanged" and first.outcome == "stored"
    outcomes = _rows(db, "select outcome, file_hash from imports order by import_id")
    assert [o for o, _ in outcomes] == ["stored", "unchanged"]
    assert outcomes[0][1] == outcomes[1][1] and len(outcomes[0][1]) == 64
    assert _rows(db, "select count(*) from meetings") == [(2,)]
    # each import keeps its own rejected rows (the import history counts them)
    assert _rows(db, "select import_id, count(*) from rejected_rows group by all order by 1") == [
        (first.import_id, 3),
        (second.import_id, 3),
    ]
    assert data_version(db) == version + 1  # the import history changed, the rows did not


def test_corrected_file_updates_and_inserts(db, tmp_path):
    import_file(db, _csv(tmp_path))
    corrected = MEETINGS_CSV.replace(";2,5;", ";3;").replace(";ja;2;rood", ";ja;4;rood")
    report = import_file(db, _csv(tmp_path, corrected))
    assert report.tables["meetings"] == {
        "accepted": 3,
        "rejected": 2,
        "inserted": 1,
        "updated": 1,
        "unchanged": 1,
    }
    assert _rows(db, "select agreements from meetings where date = '2024-03-31'") == [(4,)]


def test_names_match_case_space_and_aliases(db, tmp_path):
    """Known names match case- and space-insensitively and through aliases; the canonical name is stored."""
    db.execute("insert into suppliers (row_key, programme, supplier) values ('x', 'P', 'VDL Bus & Coach')")
    db.execute(
        "insert into aliases values ('supplier', $key, 'VDL Bus and Coach B.V.', 'VDL Bus & Coach')",
        {"key": store.normalise_name("VDL Bus and Coach B.V.")},
    )
    text = "leverancier,datum,stap\nvdl bus and coach b.v.,2024-01-05,verbeterplan\nVDL  BUS & COACH,2024-02-05,boete\n"
    report = import_file(db, _csv(tmp_path, text, "escalaties.csv"), programme="P")
    assert report.errors == [] and not any("new supplier" in w for w in report.warnings)
    assert _rows(db, "select supplier, step from escalations order by date") == [
        ("VDL Bus & Coach", "improvement_plan"),
        ("VDL Bus & Coach", "fine"),
    ]


def test_duplicate_keys_later_row_wins(db, tmp_path):
    text = "supplier,year,risk_analysis\nAcme,2023,1\nBeta,2023,0\nacme,2023,2\n"
    report = import_file(db, _csv(tmp_path, text, "jaarrapportages.csv"))
    assert any("rows 2 and 4 have the same key" in w for w in report.warnings)
    assert report.tables["report_assessments"]["accepted"] == 3
    assert report.tables["report_assessments"]["inserted"] == 2
    assert _rows(db, "select risk_analysis from report_assessments where supplier = 'Acme'") == [(2,)]


def test_month_first_column_and_ambiguity_warning(db, tmp_path):
    """A column with 3/31/2024 is read month first; one where every date fits both orders warns."""
    text = "supplier,description,due_date,completed_on\nA,x,3/31/2024,4/5/2024\nA,y,4/1/2024,\n"
    report = import_file(db, _csv(tmp_path, text, "acties.csv"))
    assert report.errors == []
    assert _rows(db, "select due_date, completed_on from actions order by description") == [
        (date(2024, 3, 31), date(2024, 5, 4)),
        (date(2024, 4, 1), None),
    ]
    assert any("due_date" in w and "month first" in w for w in report.warnings)
    assert any("completed_on" in w and "4/5/2024" in w and "day first" in w for w in report.warnings)


def _workbook(path):
    workbook = openpyxl.Workbook()
    suppliers = workbook.active
    suppliers.title = "Leveranciers"
    suppliers.append(["Naam", "Land", "Programma"])
    suppliers.append(["Acme", "NL", "Rail"])
    meetings = workbook.create_sheet("Gesprekken")
    meetings["A1"] = "Gesprekken met leveranciers"
    meetings.append([])
    meetings.append(["Datum", "Leverancier", "Soort", "Programma", "Feedback gevraagd"])
    meetings.append([datetime(2024, 3, 31), "acme", "Vervolggesprek", "Rail", True])
    meetings.append(["2024-04-02", "Acme", "dialoog", "Rail", "ja"])
    meetings.append(["nooit", "Acme", "dialoog", "Rail", "ja"])
    notes = workbook.create_sheet("Toelichting")
    notes.append(["Dit werkblad legt uit hoe de lijst werkt."])
    workbook.save(path)
    return path


def test_xlsx_workbook_with_several_sheets(db, tmp_path):
    """Sheets match by (Dutch) name; names the file itself lists are not 'created'; other sheets are skipped."""
    report = import_file(db, _workbook(tmp_path / "export.xlsx"))
    assert report.tables["suppliers"]["inserted"] == 1
    assert report.tables["meetings"] == {
        "accepted": 2,
        "rejected": 1,
        "inserted": 2,
        "updated": 0,
        "unchanged": 0,
    }
    (error,) = report.errors
    assert (error.sheet, error.row, error.column, error.value) == ("Gesprekken", 6, "Datum", "nooit")
    assert not any("new supplier" in w for w in report.warnings)
    assert any("Toelichting" in w and "skipped" in w for w in report.warnings)
    assert _rows(
        db, "select date, supplier, type, feedback_requested, programme from meetings order by date"
    ) == [
        (date(2024, 3, 31), "Acme", "follow_up", True, "Rail"),
        (date(2024, 4, 2), "Acme", "dialogue", True, "Rail"),
    ]


def test_programmes_keep_rows_apart(db, tmp_path):
    """The same supplier in two programmes (programme column) is two rows."""
    text = "supplier,country,programme\nAcme,NL,Bus\nAcme,DE,Rail\n"
    report = import_file(db, _csv(tmp_path, text, "suppliers.csv"))
    assert report.tables["suppliers"]["inserted"] == 2
    assert sorted(_rows(db, "select programme, country from suppliers")) == [("Bus", "NL"), ("Rail", "DE")]


def test_failure_mid_file_stores_nothing(db, tmp_path, monkeypatch):
    """A failure while storing rolls the whole file back: no rows, no suppliers, no import, no rejected rows."""
    version = data_version(db)
    real_upsert = store.upsert
    calls = []

    def failing_upsert(con, table_name, *args, **kwargs):
        calls.append(table_name)
        if len(calls) == 2:
            raise RuntimeError("disk full\nsecond line")
        return real_upsert(con, table_name, *args, **kwargs)

    monkeypatch.setattr(store, "upsert", failing_upsert)
    report = import_file(db, _csv(tmp_path))
    assert report.fatal and "nothing stored" in report.fatal and "disk full" in report.fatal
    assert "\n" not in report.fatal and report.exit_code == 2
    assert calls[0] == "meetings"
    for table in ("meetings", "suppliers", "buyers", "imports", "rejected_rows"):
        assert _rows(db, f"select count(*) from {table}") == [(0,)], table  # noqa: S608
    assert data_version(db) == version


def test_dry_run_reports_but_stores_nothing(db, tmp_path):
    report = import_file(db, _csv(tmp_path), dry_run=True)
    assert report.tables["meetings"]["inserted"] == 2 and report.dry_run
    for table in ("meetings", "suppliers", "imports", "rejected_rows"):
        assert _rows(db, f"select count(*) from {table}") == [(0,)], table  # noqa: S608


@pytest.mark.parametrize(
    ("name", "text", "reason"),
    [
        ("lijst.csv", "foo,bar\n1,2\n", "matches no table"),
        ("bijeenkomsten.csv", "leverancier,soort\nA,dialoog\n", "missing date (datum, datum overleg)"),
        ("leeg.csv", "", "empty"),
    ],
)
def test_unreadable_file_is_refused_whole(db, tmp_path, name, text, reason):
    report = import_file(db, _csv(tmp_path, text, name))
    assert report.exit_code == 2 and reason in report.fatal and name in report.fatal
    assert report.to_json()["errors"][-1]["message"] == report.fatal
    assert _rows(db, "select count(*) from imports") == [(0,)]


def test_table_forced_and_uploaded_bytes(db):
    """`table` sends an unrecognisable file to a table; uploads come as (name, bytes)."""
    data = "Supplier;Component;Site;Country;Tier\nAcme;Motor;Plant 1;PL;2\n".encode("utf-16")
    (report,) = import_files(db, [("upload.txt", data)], table="sites")
    assert report.errors == [] and report.tables["sites"]["inserted"] == 1
    assert _rows(db, "select component, site_name, tier from sites") == [("Motor", "Plant 1", 2)]


@pytest.mark.skipif(not REALDATA.exists(), reason="real data not present")
def test_open_supply_hub_facility_list_as_sites(db):
    """The OS Hub facility list names no supplier and none is given: refused, saying to give one."""
    report = import_file(db, REALDATA, table="sites")
    assert report.exit_code == 2
    assert (
        "is an Open Supply Hub facility list: say whose sites these are with --supplier NAME" in report.fatal
    )
    assert _rows(db, "select count(*) from sites") == [(0,)]
