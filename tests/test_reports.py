"""Review reports: the workbook, the web page and the PDF on the sample programme and on a
hand-written programme whose supplier names try to run as a formula or a script."""

import io
import os
import re
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pandas as pd
import pytest
from conftest import add_rows
from openpyxl import load_workbook

from engagement.catalogue import AREAS, BY_ID
from engagement.db import open_database
from engagement.filters import Filters
from engagement.kpis import scalar_kpis
from engagement.kpis.escalation import status as escalation_status
from engagement.kpis.scorecard import scorecard
from engagement.reports import build_report
from engagement.reports.workbook import HEADER_ROW
from engagement.sample import load_sample
from engagement.settings import Settings, load_settings
from engagement.texts import text

ROOT = Path(__file__).resolve().parent.parent
PERIOD = Filters(date(2024, 4, 1), date(2025, 3, 31))
MADE_AT = datetime(2025, 4, 7, 9, 30)
EVIL = '=HYPERLINK("http://evil","x")'
SCRIPT = "<script>alert(1)</script>"
AREA_SHEETS = {"en": ["Dialogue", "Information", "Traceability", "Complaints", "Escalation"]}
AREA_SHEETS["nl"] = ["Dialoog", "Informatie", "Traceerbaarheid", "Klachten", "Escalatie"]
TINTS = {"green": "cdeee3", "amber": "fbe5b6", "red": "f6cfb8"}
REMOTE_SOURCE = re.compile(r"<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=\s*[\"']?\s*(https?:)?//", re.I)


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> Path:
    """A database file holding the sample programme (closed, so the command line can open it)."""
    path = tmp_path_factory.mktemp("reports") / "sample.duckdb"
    con = open_database(path)
    load_sample(con)
    con.close()
    return path


@pytest.fixture(scope="module")
def sample(sample_db):
    """The sample's scorecard and KPIs for the period, and its reports in both languages."""
    con = open_database(sample_db)
    try:
        settings = load_settings(con)
        built = {
            (fmt, lang): build_report(con, PERIOD, settings, fmt, lang, made_at=MADE_AT)
            for fmt in ("xlsx", "html")
            for lang in ("en", "nl")
        }
        return {
            "scorecard": scorecard(con, PERIOD, settings),
            "kpis": scalar_kpis(con, PERIOD, settings),
            "escalation": escalation_status(con, PERIOD),
            "reports": built,
        }
    finally:
        con.close()


@pytest.fixture
def hostile(db):
    """Three suppliers in scope, two named to run as a formula or a script, with a row in every area."""
    names = ["Alpha", EVIL, SCRIPT]
    add_rows(db, "suppliers", [{"supplier": name} for name in names])
    add_rows(
        db, "contracts", [{"buyer": "City", "supplier": s, "start_date": date(2023, 1, 1)} for s in names]
    )
    add_rows(
        db,
        "meetings",
        [
            {"meeting_id": f"m{i}", "date": date(2024, 5, 1 + i), "supplier": s, "type": "dialogue"}
            for i, s in enumerate(names)
        ],
    )
    add_rows(
        db,
        "info_requests",
        [{"request_id": "r1", "supplier": EVIL, "topic": "sites", "requested_on": date(2024, 6, 1)}],
    )
    add_rows(
        db,
        "sites",
        [
            {
                "supplier": EVIL,
                "product": "Bus",
                "component": "Battery",
                "tier": 2,
                "site_name": "=1+1",
                "country": "CN",
            }
        ],
    )
    add_rows(
        db,
        "grievances",
        [
            {
                "case_id": "g1",
                "supplier": EVIL,
                "received_on": date(2024, 7, 1),
                "status": "open",
                "country": "CN",
            }
        ],
    )
    add_rows(
        db,
        "escalations",
        [{"supplier": EVIL, "date": date(2024, 8, 1), "step": "fine", "note": "=1+2 " + SCRIPT}],
    )
    return db


def workbook(content: bytes):
    return load_workbook(io.BytesIO(content))


def scorecard_rows(sheet) -> list[tuple]:
    return [row for row in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True) if row[0] is not None]


def kpi_cells(sheet) -> dict:
    """Column A id -> column C value, for the rows of the area's KPI list."""
    return {
        row[0]: row[2] for row in sheet.iter_rows(min_row=HEADER_ROW, values_only=True) if row[0] in BY_ID
    }


def engagement(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "engagement", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, **(env or {})},
    )


# --- the workbook -------------------------------------------------------------------------


def test_scorecard_sheet_is_one_row_per_supplier_in_scope_as_the_scorecard(sample):
    """Names and statuses in the order of scorecard(), status words and Okabe-Ito tints, frozen header."""
    book = workbook(sample["reports"]["xlsx", "en"])
    assert book.sheetnames == ["Scorecard", *AREA_SHEETS["en"], "About this report"]
    sheet = book["Scorecard"]
    card = sample["scorecard"]
    rows = scorecard_rows(sheet)
    assert [row[0] for row in rows] == list(card["supplier"]) and len(rows) == 14
    assert [row[1] for row in rows] == [
        f"{'✓!✗'[['green', 'amber', 'red'].index(s)]} {s}" for s in card["status"]
    ]
    headers = [cell.value for cell in sheet[HEADER_ROW]]
    assert headers[:4] == ["Supplier", "Overall status", "Measures in red", "Engaged (D2)"]
    assert {"Days since last meeting (D5)", "D5 change", "D5 status", "Escalation step (E1)"} <= set(headers)
    d5 = headers.index("Days since last meeting (D5)")
    assert [row[d5] for row in rows] == list(card["days_since_meeting"])  # numbers, not text
    changes = [None if pd.isna(change) else change for change in card["days_since_meeting_change"]]
    assert [row[d5 + 1] for row in rows] == changes  # blank where there is nothing to compare with
    for row in sheet.iter_rows(min_row=HEADER_ROW + 1, min_col=2, max_col=2):
        word = row[0].value.split()[-1]
        assert row[0].fill.fgColor.rgb[-6:].lower() == TINTS[word]
    assert sheet.freeze_panes == f"B{HEADER_ROW + 1}"
    assert sheet[f"A{HEADER_ROW}"].font.bold and sheet.column_dimensions["A"].width >= 20


def test_area_sheets_hold_every_scalar_kpi_as_scalar_kpis(sample):
    """Each area sheet lists its catalogue ids with the value scalar_kpis gives (numbers as numbers)."""
    book = workbook(sample["reports"]["xlsx", "en"])
    kpis = sample["kpis"]
    for area, sheet_name in zip(AREAS, AREA_SHEETS["en"], strict=True):
        shown = kpi_cells(book[sheet_name])
        expected_ids = [k for k in BY_ID if BY_ID[k].area == area]
        assert list(shown) == expected_ids
        for kpi_id, value in shown.items():
            if isinstance(kpis[kpi_id], dict):
                assert value == "see the table below"
            elif kpis[kpi_id] is None:
                assert value == "no data"
            else:
                assert value == pytest.approx(kpis[kpi_id]), kpi_id
    assert kpi_cells(book["Dialogue"])["D1"] == 16


def test_escalation_sheet_lists_each_supplier_with_its_step(sample):
    sheet = workbook(sample["reports"]["xlsx", "en"])["Escalation"]
    rows = list(sheet.iter_rows(values_only=True))
    start = [row[0] for row in rows].index("Supplier") + 1
    listed = {row[0]: row[1] for row in rows[start : start + 14]}
    expected = dict(zip(sample["escalation"]["supplier"], sample["escalation"]["step"], strict=True))
    assert listed == {supplier: step.replace("_", " ") for supplier, step in expected.items()}


def test_about_sheet_states_period_filters_language_latest_import_and_when_made(sample):
    about = dict(
        (row[0], row[1])
        for row in workbook(sample["reports"]["xlsx", "en"])["About this report"].iter_rows(values_only=True)
    )
    assert about["Period"] == "1 April 2024 to 31 March 2025"
    assert about["Compared with"] == "1 April 2023 to 31 March 2024"
    assert about["Filters"] == "all"
    assert about["Language"] == "English"
    assert re.fullmatch(r"\d{1,2} \w+ \d{4}, \d\d:\d\d \(levp_sample\.xlsx\)", about["Latest import"])
    assert about["Made at"] == "7 April 2025, 09:30"


def test_dutch_workbook_has_dutch_sheets_labels_and_dates(sample):
    book = workbook(sample["reports"]["xlsx", "nl"])
    assert book.sheetnames == ["Scorecard", *AREA_SHEETS["nl"], "Over dit rapport"]
    headers = [cell.value for cell in book["Scorecard"][HEADER_ROW]]
    assert headers[:4] == ["Leverancier", "Totaalstatus", "Metingen in rood", "In dialoog (D2)"]
    statuses = {row[1] for row in scorecard_rows(book["Scorecard"])}
    assert statuses <= {"✓ groen", "! oranje", "✗ rood"}
    about = {row[0]: row[1] for row in book["Over dit rapport"].iter_rows(values_only=True)}
    assert about["Periode"] == "1 april 2024 t/m 31 maart 2025"
    assert (about["Taal"], about["Gemaakt op"]) == ("Nederlands", "7 april 2025, 09:30")
    dialogue = book["Dialoog"]
    assert kpi_cells(dialogue)["D5"] == "zie de tabel hieronder"
    assert any(cell.value == "Dagen in huidige stap" for row in book["Escalatie"].iter_rows() for cell in row)
    dates = [cell for row in dialogue.iter_rows() for cell in row if cell.is_date]
    assert dates and all(cell.number_format.startswith("[$-413]") for cell in dates)  # Dutch month names


def test_a_formula_like_name_stays_text_in_every_sheet_it_appears(hostile):
    """=HYPERLINK(...) as a supplier name, a site name and a note: text with a leading ', never a formula."""
    content = build_report(hostile, PERIOD, Settings(), "xlsx", "en")
    book = workbook(content)
    found = set()
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str) and "HYPERLINK" in cell.value:
                    assert cell.value == "'" + EVIL and cell.data_type == "s"
                    found.add(sheet.title)
    assert found == {"Scorecard", *AREA_SHEETS["en"]}
    names = [row[0] for row in scorecard_rows(book["Scorecard"])]
    assert sorted(names) == sorted(["Alpha", "'" + EVIL, SCRIPT])
    assert any(cell.value == "'=1+2 " + SCRIPT for row in book["Escalation"].iter_rows() for cell in row)


def test_without_imports_the_report_says_no_import_yet(hostile):
    about = workbook(build_report(hostile, PERIOD, Settings(), "xlsx", "en"))["About this report"]
    assert {row[0]: row[1] for row in about.iter_rows(values_only=True)}["Latest import"] == "no import yet"


def test_a_period_without_suppliers_still_makes_every_report(db):
    """An empty database: the scorecard says no supplier is in scope, figures say 'no data'."""
    empty = Filters(date(2019, 1, 1), date(2019, 12, 31))
    book = workbook(build_report(db, empty, Settings(), "xlsx", "en"))
    assert book["Scorecard"][f"A{HEADER_ROW + 1}"].value == "No suppliers in scope for this period."
    assert kpi_cells(book["Information"])["I2"] == "no data"
    page = build_report(db, empty, Settings(), "html", "nl").decode()
    assert "Geen leveranciers in scope in deze periode." in page and "nog geen import" in page


def test_unknown_format_or_language_is_refused(db):
    with pytest.raises(ValueError, match="format"):
        build_report(db, PERIOD, Settings(), "docx", "en")
    with pytest.raises(ValueError, match="language"):
        build_report(db, PERIOD, Settings(), "html", "de")


# --- the web page -------------------------------------------------------------------------


def test_web_page_is_self_contained_with_the_scorecard_and_every_area(sample):
    page = sample["reports"]["html", "en"].decode("utf-8")
    assert REMOTE_SOURCE.search(page) is None
    assert page.count("<script") == 1 + 9  # plotly.js once, then one script per chart
    assert "<style>" in page and "<link" not in page
    for supplier in sample["scorecard"]["supplier"]:
        assert f"<td>{supplier}</td>" in page
    for area, title in AREAS.items():
        assert f'id="area-{area}"><h2>{title}</h2>' in page
    for line in ("1 April 2024 to 31 March 2025", "English", "levp_sample.xlsx", "7 April 2025, 09:30"):
        assert line in page
    assert "✗ red" in page and "! amber" in page and "#f6cfb8" in page


def test_dutch_web_page_writes_numbers_and_dates_the_dutch_way(sample):
    page = sample["reports"]["html", "nl"].decode("utf-8")
    kpis = sample["kpis"]
    assert f"{kpis['D3']:.1f}%".replace(".", ",") in page  # 71,4%
    assert f"{kpis['D4']:.1f}".replace(".", ",") in page
    assert "1 april 2024 t/m 31 maart 2025" in page and "Nederlands" in page
    assert "Frequentie van de dialoog" in page and "Scorecard per leverancier" in page
    assert '<html lang="nl">' in page and '"separators":",."' in page  # plotly's Dutch separators


def test_names_from_the_data_are_escaped_in_the_web_page(hostile):
    page = build_report(hostile, PERIOD, Settings(), "html", "en").decode("utf-8")
    assert SCRIPT not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert EVIL.replace('"', "&quot;") in page


def open_offline(browser, path: Path, artifacts: Path) -> dict:
    """Open a report file in chromium with every request outside the file refused; what it drew and tried."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    seen = {"requests": [], "dialogs": [], "errors": []}
    page.route(
        "**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort()
    )
    page.on("request", lambda request: seen["requests"].append(request.url))
    page.on("dialog", lambda dialog: (seen["dialogs"].append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: seen["errors"].append(str(error)))
    try:
        page.goto(path.as_uri())
        page.wait_for_selector(".js-plotly-plot svg.main-svg", timeout=30_000)
        seen["charts"] = page.locator(".js-plotly-plot").count()
        seen["bars"] = page.locator(".js-plotly-plot .barlayer .point path").count()
        page.screenshot(path=artifacts / f"report_{path.stem}.png")
    finally:
        context.close()
    return seen


def test_charts_draw_in_chromium_with_the_network_blocked(sample, hostile, browser, tmp_path, artifacts):
    """Every chart is drawn by the plotly.js inside the file; nothing is fetched; no script from the data runs."""
    pages = {
        "sample": sample["reports"]["html", "en"],
        "hostile": build_report(hostile, PERIOD, Settings(), "html", "nl"),
    }
    for name, content in pages.items():
        path = tmp_path / f"{name}.html"
        path.write_bytes(content)
        seen = open_offline(browser, path, artifacts)
        assert seen["charts"] == 9 and seen["bars"] > 9  # bars really drawn
        assert seen["requests"] == [path.as_uri()]
        assert seen["dialogs"] == [] and seen["errors"] == []


# --- the PDF ------------------------------------------------------------------------------


def test_pdf_is_printed_by_chromium(sample_db):
    con = open_database(sample_db)
    try:
        content = build_report(con, PERIOD, load_settings(con), "pdf", "nl")
    finally:
        con.close()
    assert content.startswith(b"%PDF") and len(content) > 50_000
    assert len(re.findall(rb"/Type\s*/Page[^s]", content)) >= 6  # the scorecard and an area a page at least


def test_print_variant_has_svg_charts_and_no_script(sample_db):
    from engagement.reports.contents import gather
    from engagement.reports.html import write_html

    con = open_database(sample_db)
    try:
        report = gather(con, PERIOD, load_settings(con), "en", MADE_AT)
    finally:
        con.close()
    page = write_html(report, static_charts=True).decode("utf-8")
    assert "<script" not in page and page.count('<svg class="bar-chart"') == 9
    assert "A4 landscape" in page and len(page) < 500_000


# --- the command line ---------------------------------------------------------------------


def test_command_writes_the_workbook_and_prints_its_path(sample_db, tmp_path):
    out = tmp_path / "review.xlsx"
    done = engagement(
        "report", "--db", str(sample_db), "--from", "2024-04-01", "--to", "2025-03-31",
        "--format", "xlsx", "--out", str(out), "--supplier", "Voltara Cars",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(out)
    book = workbook(out.read_bytes())
    assert [row[0] for row in scorecard_rows(book["Scorecard"])] == ["Voltara Cars"]
    about = {row[0]: row[1] for row in book["About this report"].iter_rows(values_only=True)}
    assert about["Filters"] == "supplier Voltara Cars"


def test_command_takes_the_language_from_the_environment(sample_db, tmp_path):
    out = tmp_path / "rapport.xlsx"
    done = engagement(
        "report", "--db", str(sample_db), "--format", "xlsx", "--out", str(out), env={"ENGAGEMENT_LANG": "nl"}
    )
    assert done.returncode == 0, done.stderr
    assert "Over dit rapport" in workbook(out.read_bytes()).sheetnames


@pytest.mark.parametrize(
    ("arguments", "says"),
    [
        (["--from", "31-03-2025"], "YYYY-MM-DD"),
        (["--from", "2025-03-31", "--to", "2024-04-01"], "is after"),
        (["--out", "/nonexistent-folder/report.xlsx"], "does not exist"),
        (["--out", "/tmp"], "folder"),
        (["--db", "/nonexistent-folder/x.duckdb"], "no database"),
    ],
)
def test_command_refuses_with_one_line_and_exit_2(sample_db, tmp_path, arguments, says):
    args = [
        "report",
        "--db",
        str(sample_db),
        "--format",
        "xlsx",
        "--out",
        str(tmp_path / "r.xlsx"),
        *arguments,
    ]
    done = engagement(*args)
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0 and says in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "r.xlsx").exists()


def test_pdf_without_chromium_says_what_to_install(sample_db, tmp_path):
    done = engagement(
        "report", "--db", str(sample_db), "--format", "pdf", "--out", str(tmp_path / "r.pdf"),
        env={"ENGAGEMENT_CHROMIUM": str(tmp_path / "no-chromium")},
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0 and "apt-get install chromium" in done.stderr
    assert text("error.chromium", "en", path="x").startswith("PDF reports need")
