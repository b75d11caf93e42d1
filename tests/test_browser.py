"""The dashboard in a real browser: every page drawn, the period filter changes a figure."""

import re

from playwright.sync_api import Page, expect

from engagement.app import PAGES

PAGE_TITLES = [title for _path, title, _icon in PAGES]


def metric_value(page: Page, label: str) -> str:
    metric = page.locator('[data-testid="stMetric"]').filter(has_text=label).first
    return metric.locator('[data-testid="stMetricValue"]').inner_text()


def wait_until_drawn(page: Page) -> None:
    """Streamlit shows a running indicator while the script runs; wait for it to go."""
    page.wait_for_load_state("networkidle")
    expect(page.locator('[data-testid="stStatusWidget"]')).to_have_count(0, timeout=30_000)


def assert_no_error(page: Page) -> None:
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
    expect(page.get_by_text("could not be drawn")).to_have_count(0)


def test_every_page_draws_and_the_period_filter_changes_figures(dashboard_url, page: Page, artifacts):
    """Open the dashboard, visit every page, switch the period, and see D1 change."""
    page.goto(dashboard_url)
    expect(page.get_by_role("heading", name="Overview")).to_be_visible(timeout=60_000)
    expect(page.get_by_text("fictional sample data")).to_be_visible()
    wait_until_drawn(page)

    for title in PAGE_TITLES:  # each page's link and heading carry its title
        page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name=title).click()
        expect(page.get_by_role("heading", name=title, exact=True)).to_be_visible(timeout=30_000)
        wait_until_drawn(page)
        assert_no_error(page)
    # charts really drawn by plotly (the traceability map included)
    page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name="Traceability coverage").click()
    wait_until_drawn(page)
    expect(page.locator('[data-testid="stPlotlyChart"] .js-plotly-plot .main-svg').first).to_be_visible()
    # the map's outlines come from this app's static folder (no CDN here): countries are filled
    expect(page.locator(".geo .choroplethlayer path").first).to_be_attached(timeout=15_000)

    page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name="Dialogue frequency").click()
    wait_until_drawn(page)
    last_12_months = metric_value(page, "(D1)")
    page.locator('[data-testid="stSelectbox"]').filter(has_text="Period").click()
    page.get_by_role("option", name="Programme to date").click()
    wait_until_drawn(page)
    expect(
        page.locator('[data-testid="stMetric"]')
        .filter(has_text="(D1)")
        .first.locator('[data-testid="stMetricValue"]')
    ).not_to_have_text(last_12_months, timeout=30_000)
    assert re.fullmatch(r"\d+", metric_value(page, "(D1)"))
    assert int(metric_value(page, "(D1)")) > int(last_12_months)
    assert_no_error(page)

    # the filters are kept across pages: the overview now compares programme to date
    page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name="Overview").click()
    wait_until_drawn(page)
    expect(page.get_by_role("combobox", name="Period")).to_have_value("Programme to date")
    expect(page.locator('[data-testid="stMetric"]').filter(has_text="(D1)").first).to_contain_text("36")

    page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name="Dialogue frequency").click()
    wait_until_drawn(page)
    shot = artifacts / "dialogue_programme_to_date.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000


def test_a_bookmarked_page_opens_on_a_freshly_started_server(tmp_path, page: Page):
    """A deep link (/complaints) as the very first request still runs through dashboard.py."""
    from browser_harness import start_dashboard

    process, url = start_dashboard(tmp_path / "engagement.duckdb", tmp_path / "streamlit.log")
    try:
        page.goto(f"{url}/complaints")
        expect(page.get_by_role("heading", name="Complaint resolution", exact=True)).to_be_visible(
            timeout=60_000
        )
        wait_until_drawn(page)
        assert_no_error(page)
        expect(
            page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name="KPI definitions")
        ).to_be_visible()
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_a_coordinator_imports_a_dutch_export_in_the_browser(dashboard_url, page: Page, tmp_path, artifacts):
    """Drop a Dutch meetings CSV on the Import page, read the preview, import it, see the outcome."""
    export = tmp_path / "overleggen_2025.csv"
    export.write_bytes(
        "Datum overleg;Leverancier;Soort;Onderwerpen\n"
        "02-04-2025;Voltara Cars;dialoog;herstel\n"
        "31-04-2025;Voltara Cars;dialoog;herstel\n".encode("cp1252")
    )
    page.goto(dashboard_url)
    page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name="Import").click()
    expect(page.get_by_role("heading", name="Import", exact=True)).to_be_visible(timeout=30_000)
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(export))
    expect(page.get_by_text("table meetings")).to_be_visible(timeout=30_000)
    expect(page.get_by_text("1 problems")).to_be_visible()
    page.get_by_role("button", name="Import 1 file(s)").click()
    expect(page.get_by_text("1 rows stored, 1 rejected")).to_be_visible(timeout=30_000)
    assert_no_error(page)
    page.screenshot(path=str(artifacts / "import_page.png"), full_page=True)


def nav(page: Page, title: str) -> None:
    page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name=title).click()
    expect(page.get_by_role("heading", name=title, exact=True).first).to_be_visible(timeout=30_000)
    wait_until_drawn(page)
    assert_no_error(page)


def test_a_review_session(dashboard_url, browser, page: Page, tmp_path, artifacts):
    """A buyer group's quarterly review: the scorecard, sorted; session mode from the agenda to a
    flagged supplier; the shared link reopened in a new browser shows the same screen; the
    scorecard downloaded and opened."""
    page.goto(dashboard_url)
    wait_until_drawn(page)
    nav(page, "Supplier scorecard")
    table = page.locator('[data-testid="stDataFrame"]').first
    expect(table).to_be_visible()
    page.locator('[data-testid="stSelectbox"]').filter(has_text="Sort by").click()
    page.get_by_role("option", name="Traceability coverage (T2)").click()
    wait_until_drawn(page)
    expect(page).to_have_url(re.compile(r"sort=Traceability"))

    with page.expect_download() as download:
        page.get_by_role("button", name="Download the scorecard (CSV)").click()
    saved = tmp_path / "scorecard.csv"
    download.value.save_as(saved)
    import csv

    rows = list(csv.DictReader(saved.open(encoding="utf-8-sig")))
    assert rows and {"supplier", "status", "coverage"} <= set(rows[0])
    assert {row["status"] for row in rows} <= {"red", "amber", "green", "no data"}

    wait_until_drawn(page)
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="Report (Excel)").click()
    report = tmp_path / "report.xlsx"
    download.value.save_as(report)
    import openpyxl

    book = openpyxl.load_workbook(report)
    assert book.sheetnames[0] == "Scorecard"
    named = {row[0].value for row in book["Scorecard"].iter_rows()}
    assert {row["supplier"] for row in rows} <= named

    # a click on a supplier's row (its row marker, left of the first column) opens its profile
    box = table.bounding_box()
    page.mouse.click(box["x"] + 12, box["y"] + 35 + 17)
    expect(page.get_by_role("heading", name="Supplier profile", exact=True)).to_be_visible(timeout=30_000)
    wait_until_drawn(page)
    assert_no_error(page)

    nav(page, "Review session")
    expect(page.get_by_role("heading", name="Supplier scorecard")).to_be_visible()
    page.get_by_role("button", name="Next ▶").click()
    wait_until_drawn(page)
    expect(page).to_have_url(re.compile(r"slide=2"))
    expect(page.locator("h1").first).not_to_have_text("Review session", timeout=30_000)
    supplier = page.locator("h1").first.inner_text()
    assert supplier[0] in "✓!✗" and supplier[2:] in {row["supplier"] for row in rows}
    expect(page.locator('[data-testid="stMetric"]')).to_have_count(8)
    page.screenshot(path=str(artifacts / "review_session_supplier.png"), full_page=True)

    shared = page.url
    other = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        second = other.new_page()
        second.goto(shared)
        wait_until_drawn(second)
        expect(second.locator("h1").first).to_have_text(supplier, timeout=30_000)
        assert_no_error(second)
    finally:
        other.close()
