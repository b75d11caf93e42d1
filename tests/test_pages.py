"""Every page rendered by Streamlit's AppTest on the sample programme: no exception, and the
figures it shows are the KPI functions' figures for the filters in the sidebar."""

from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from engagement.app import PAGES as DASHBOARD_PAGES
from engagement.app import format_kpi
from engagement.db import open_database
from engagement.kpis import scalar_kpis
from engagement.sample import load_sample
from engagement.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
PAGES = [path for path, _title, _icon in DASHBOARD_PAGES]


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("pages") / "sample.duckdb"
    con = open_database(path)
    load_sample(con)
    con.close()
    return path


@pytest.fixture
def app(sample_db, monkeypatch):
    monkeypatch.setenv("ENGAGEMENT_DB", str(sample_db))
    return AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)


def open_page(app: AppTest, page: str | None = None) -> AppTest:
    app.run()
    if page:
        app.switch_page(page)
        app.run()
    assert not app.exception, app.exception
    assert not [e for e in app.error if "could not be drawn" in e.value]
    return app


def shown_metrics(app: AppTest) -> dict[str, str]:
    """KPI id -> the value a page shows, from labels such as 'Dialogue meetings (D1)'."""
    return {m.label.rsplit("(", 1)[1].rstrip(")"): m.value for m in app.metric if "(" in m.label}


# Pages whose figures are tables and charts (each checked in its own test), not KPI metrics.
NO_KPI_METRICS = (
    "pages/supplier_profile.py",
    "pages/definitions.py",
    "pages/data.py",
    "pages/upload.py",
    "pages/scorecard.py",
    "pages/session.py",
    "pages/leverage.py",
    "pages/follow_up.py",
)


def expected_metrics(sample_db, filters) -> dict:
    con = open_database(sample_db, read_only=False)
    return scalar_kpis(con, filters, Settings())


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_and_shows_the_kpis_of_its_filters(app, sample_db, page):
    """Each page draws without an exception and its KPI metrics equal the KPI functions' values."""
    open_page(app, page)
    filters = app.session_state["filters"]
    assert filters.date_to == date(2025, 3, 31)  # the sample's last day ends the default period
    expected = expected_metrics(sample_db, filters)
    shown = shown_metrics(app)
    if page not in NO_KPI_METRICS:
        assert shown, f"{page} shows no KPI"
        for kpi_id, text in shown.items():
            assert text == format_kpi(kpi_id, expected[kpi_id]), kpi_id


def test_programme_to_date_shows_the_whole_sample(app):
    """Programme to date on the dialogue page: 36 dialogue meetings, 1 market event, 14 suppliers."""
    # AppTest (1.67) loses the entry script's widgets from its tree after a rerun under
    # st.navigation, so filters are set through their session-state keys, before the run.
    app.session_state["period_preset"] = "programme_to_date"
    open_page(app, "pages/dialogue.py")
    shown = shown_metrics(app)
    assert (shown["D1"], shown["D1m"], shown["D2"]) == ("36", "1", "14")
    heatmap = app.get("plotly_chart")[0]
    assert "Dialogue meetings per supplier per quarter" in heatmap.proto.spec


@pytest.mark.parametrize("page", PAGES)
def test_a_period_without_data_says_so(app, page):
    """A custom period in which nothing happened: no exception, and the page says there is no data."""
    app.session_state["period_preset"] = "custom"
    app.session_state["period_custom"] = (date(2001, 1, 1), date(2001, 12, 31))
    open_page(app, page)
    assert app.session_state["filters"].date_from == date(2001, 1, 1)
    if page not in ("pages/definitions.py", "pages/data.py", "pages/upload.py"):
        texts = [i.value for i in app.info]
        assert any("no data" in t for t in texts), texts


def test_definitions_page_lists_every_kpi(app):
    """The definitions page shows every catalogue id."""
    from engagement.catalogue import CATALOGUE

    open_page(app, "pages/definitions.py")
    shown_ids = set()
    for frame in app.dataframe:
        shown_ids.update(frame.value["id"])
    assert shown_ids == {k.id for k in CATALOGUE}


def test_start_with_an_empty_database(sample_db, tmp_path, monkeypatch):
    """Data page: after confirming, every imported row is gone and the pages say there is no data."""
    import shutil

    copy = tmp_path / "copy.duckdb"
    shutil.copy(sample_db, copy)
    monkeypatch.setenv("ENGAGEMENT_DB", str(copy))
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    open_page(app, "pages/data.py")
    assert any("fictional sample programme" in w.value for w in app.warning)
    history = app.dataframe[0].value  # the import history: the sample workbook, stored, nothing rejected
    assert history[["file_name", "imported_by", "outcome", "rejected_rows"]].values.tolist() == [
        ["levp_sample.xlsx", "sample", "stored", 0]
    ]
    assert app.button(key="empty_database").disabled  # nothing happens without the confirmation
    app.checkbox(key="confirm_empty").check().run()
    app.button(key="empty_database").click().run()
    assert not app.exception
    assert any("The database is empty" in s.value for s in app.success)

    con = open_database(copy)
    assert con.execute("select count(*) from meetings").fetchone()[0] == 0
    assert con.execute("select count(*) from imports").fetchone()[0] == 0
    con.close()
    app.switch_page("pages/overview.py")
    app.run()
    assert not app.exception
    assert any("no data" in i.value for i in app.info)


def test_settings_change_the_figures(sample_db, tmp_path, monkeypatch):
    """Data page: a staleness limit of 10000 days leaves no supplier stale that has ever met."""
    import shutil

    copy = tmp_path / "copy.duckdb"
    shutil.copy(sample_db, copy)
    monkeypatch.setenv("ENGAGEMENT_DB", str(copy))
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    app.session_state["period_preset"] = "programme_to_date"
    open_page(app, "pages/data.py")
    app.number_input[0].set_value(3650)
    app.button(key="FormSubmitter:settings-Save settings").click().run()
    assert not app.exception
    con = open_database(copy)
    from engagement.settings import load_settings

    assert load_settings(con).staleness_days == 3650
    con.close()
    app.switch_page("pages/dialogue.py")
    app.run()
    assert shown_metrics(app)["D5s"] == "0"  # every sample supplier met within ten years


FILTER_SWEEP = [
    {"filter_category": ["bus"], "filter_supplier": ["Voltara Cars"]},  # a car maker: no rows at all
    {"filter_buyer": ["Gemeente Havenstad"]},
    {"filter_buyer": ["Stad Scheldebrugge"], "filter_category": ["car"]},
    {"filter_country": ["Malaysia"]},
    {"filter_country": ["Netherlands"], "filter_category": ["bus"]},
    {"filter_programme": ["LEVP sample"], "filter_supplier": ["Dalan Qihang Electric Bus"]},
]


@pytest.mark.parametrize("chosen", FILTER_SWEEP, ids=lambda c: "+".join(f"{k}={v[0]}" for k, v in c.items()))
def test_no_page_fails_whatever_the_filters(app, chosen):
    """Every page under filters that narrow the data, down to nothing: no exception, no error."""
    for key, value in chosen.items():
        app.session_state[key] = value
    app.session_state["period_preset"] = "programme_to_date"
    for page in PAGES:
        open_page(app, page)
    if chosen.get("filter_category") == ["bus"] and "filter_supplier" in chosen:
        # nothing of this supplier passes; only the programme-wide market event remains
        open_page(app, "pages/dialogue.py")
        assert (shown_metrics(app)["D1"], shown_metrics(app)["D1m"]) == ("0", "1")
        open_page(app, "pages/traceability.py")
        assert any("no data" in i.value for i in app.info)


def test_overview_lists_the_escalated_suppliers(app, sample_db):
    """The overview's escalation table holds exactly the suppliers whose E1 is past dialogue."""
    app.session_state["period_preset"] = "programme_to_date"
    open_page(app, "pages/overview.py")
    expected = expected_metrics(sample_db, app.session_state["filters"])["E1"]
    table = app.dataframe[0].value
    assert dict(zip(table["supplier"], table["step"], strict=True)) == {
        supplier: step.replace("_", " ") for supplier, step in expected.items() if step != "dialogue"
    }
    assert len(table) >= 2  # the sample escalates at least two suppliers


def test_supplier_profile_shows_that_suppliers_figures_and_timeline(app, sample_db):
    """Profile of Voltara Cars, programme to date: its own KPIs, and one timeline row per event."""
    from dataclasses import replace

    from engagement.kpis.profile import supplier_timeline

    app.session_state["period_preset"] = "programme_to_date"
    app.session_state["profile_supplier"] = "Voltara Cars"
    open_page(app, "pages/supplier_profile.py")
    filters = app.session_state["filters"]
    own = expected_metrics(sample_db, replace(filters, suppliers=("Voltara Cars",)))
    shown = shown_metrics(app)
    for kpi_id in ("D1", "I7", "T2", "C2"):
        assert shown[kpi_id] == format_kpi(kpi_id, own[kpi_id]), kpi_id
    assert shown["D5"] == format_kpi("D5", own["D5"]["Voltara Cars"])
    assert shown["E1"] == own["E1"]["Voltara Cars"].replace("_", " ")
    assert int(shown["D1"]) > 0
    con = open_database(sample_db)
    events, total = supplier_timeline(con, replace(filters, suppliers=("Voltara Cars",)))
    assert len(app.dataframe[0].value) == len(events) == total > 0
    assert set(events["kind"]) >= {"meeting", "information request", "disclosure", "grievance", "escalation"}


def test_information_shows_one_years_report_scores_the_latest_first(app, sample_db):
    """Programme to date touches several years of annual reports: the page draws one year's
    heatmap, the latest first, and another year when it is picked."""
    from engagement.kpis import information

    app.session_state["period_preset"] = "programme_to_date"
    open_page(app, "pages/information.py")
    filters = app.session_state["filters"]
    years = sorted(set(information.report_scores(open_database(sample_db), filters)["year"]), reverse=True)
    assert len(years) > 1  # the sample's reports span years: the picker has something to pick

    def heatmap_years() -> list[int]:
        specs = [chart.proto.spec for chart in app.get("plotly_chart")]
        return [year for year in years for spec in specs if f"Annual report {year}:" in spec]

    picker = app.selectbox(key="information_report_year")
    assert [int(option) for option in picker.options] == years
    assert heatmap_years() == [years[0]]
    app.session_state["information_report_year"] = years[-1]
    app.run()
    assert heatmap_years() == [years[-1]]
