"""The Follow-up page rendered by Streamlit's AppTest on the sample programme: no exception, and
its tables and counts are kpis.follow_up's figures for the filters in the sidebar."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from engagement.app import format_kpi
from engagement.db import open_database
from engagement.kpis import follow_up
from engagement.sample import load_sample

ROOT = Path(__file__).resolve().parent.parent
PAGE = "pages/follow_up.py"


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("follow_up") / "sample.duckdb"
    con = open_database(path)
    load_sample(con)
    con.close()
    return path


@pytest.fixture
def app(sample_db, monkeypatch):
    monkeypatch.setenv("ENGAGEMENT_DB", str(sample_db))
    return AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)


@pytest.fixture
def expected(sample_db):
    """kpis.follow_up on the sample, for given filters."""
    con = open_database(sample_db, read_only=False)

    def figures(fn, filters):
        return fn(con, filters)

    yield figures
    con.close()


def open_page(app: AppTest) -> AppTest:
    app.run()
    app.switch_page(PAGE)
    app.run()
    assert not app.exception, app.exception
    assert not [e for e in app.error if "could not be drawn" in e.value]
    return app


def test_page_shows_the_follow_up_of_its_filters(app, expected):
    """Counts, action list, per-supplier and per-owner tables equal kpis.follow_up's figures."""
    open_page(app)
    filters = app.session_state["filters"]
    actions = expected(follow_up.actions, filters)
    totals = follow_up.totals_of(expected(follow_up.counts, filters))
    assert not actions.empty, "the sample has actions in the default period"

    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Open actions"] == str(totals["open"])
    assert metrics["Overdue actions"] == str(totals["overdue"])
    assert metrics["Actions due in the period"] == str(totals["due_in_period"])
    assert metrics["Done on time"] == format_kpi("D9", totals["done_on_time_pct"])

    shown_actions, shown_suppliers, shown_owners, *shown_reports = [d.value for d in app.dataframe]
    assert shown_actions["action_id"].tolist() == actions["action_id"].tolist()  # overdue first
    assert [s.split(" ", 1)[1] for s in shown_actions["status"]] == actions["status"].tolist()
    assert shown_actions["status"].iloc[0] == "🔴 overdue"
    assert (
        shown_suppliers["supplier"].tolist()
        == follow_up.per_supplier_of(expected(follow_up.counts, filters))["supplier"].tolist()
    )
    assert len(shown_owners) == len(follow_up.per_owner_of(expected(follow_up.counts, filters)))

    reports = expected(follow_up.report_elements, filters)
    years = sorted(reports["year"].unique(), reverse=True)
    assert [len(table) for table in shown_reports] == [(reports["year"] == y).sum() for y in years]
    assert set(shown_reports[0]["kpis_reported"]) <= {"0", "1", "2", "not assessed"}


def test_owner_and_status_pickers_narrow_the_list(app, expected):
    """Picking an owner and 'overdue' leaves that owner's overdue actions; the summaries stay whole."""
    open_page(app)
    filters = app.session_state["filters"]
    actions = expected(follow_up.actions, filters)
    owner = actions.loc[actions["status"] == "overdue", "owner"].iloc[0]
    app.multiselect(key="follow_up_owner").set_value([owner])
    app.multiselect(key="follow_up_status").set_value(["overdue"])
    app.run()
    assert not app.exception, app.exception
    shown = app.dataframe[0].value
    wanted = actions[(actions["owner"] == owner) & (actions["status"] == "overdue")]
    assert shown["action_id"].tolist() == wanted["action_id"].tolist()
    assert len(app.dataframe[1].value) == len(follow_up.per_supplier_of(expected(follow_up.counts, filters)))


def test_no_owner_picks_the_actions_without_one(tmp_path, monkeypatch):
    """'no owner given' in the Owner picker lists the actions without an owner (the database
    narrows the list: the choice must reach it as 'without owner', not as an owner's name)."""
    from conftest import add_rows

    path = tmp_path / "owners.duckdb"
    con = open_database(path)
    load_sample(con)
    programme, supplier, last_day = con.execute(
        "select programme, supplier, max(date) from meetings where supplier is not null "
        "group by all order by 3 desc limit 1"
    ).fetchone()
    add_rows(
        con,
        "actions",
        [{"action_id": "nobody", "supplier": supplier, "description": "unowned", "due_date": last_day}],
        programme,
    )
    con.close()
    monkeypatch.setenv("ENGAGEMENT_DB", str(path))
    app = open_page(AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90))
    assert "no owner given" in app.multiselect(key="follow_up_owner").options
    app.multiselect(key="follow_up_owner").set_value(["no owner given"])
    app.run()
    assert not app.exception, app.exception
    shown = app.dataframe[0].value
    assert shown["action_id"].tolist() == ["nobody"]
    assert shown["owner"].tolist() == ["no owner given"]
