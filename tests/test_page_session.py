"""Review session on the sample programme: the agenda (scorecard, each flagged supplier,
decisions), next and previous, and the screen in the URL."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from engagement.db import open_database
from engagement.kpis.scorecard import scorecard
from engagement.kpis.session import agenda_of
from engagement.kpis.signals import signals
from engagement.sample import load_sample
from engagement.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("session") / "sample.duckdb"
    con = open_database(path)
    load_sample(con)
    con.close()
    return path


def _open(sample_db, monkeypatch, params=None) -> AppTest:
    monkeypatch.setenv("ENGAGEMENT_DB", str(sample_db))
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    for name, value in (params or {}).items():
        app.query_params[name] = value
    app.run()
    app.switch_page("pages/session.py")
    app.run()
    assert not app.exception, app.exception
    return app


def _plan(sample_db, app):
    con = open_database(sample_db, read_only=False)
    try:
        filters = app.session_state["filters"]  # the agenda as the page composes it
        return agenda_of(scorecard(con, filters, Settings()), signals(con, filters, Settings()))
    finally:
        con.close()


def test_the_agenda_walks_scorecard_suppliers_decisions(sample_db, monkeypatch):
    app = _open(sample_db, monkeypatch)
    plan = _plan(sample_db, app)
    assert len(plan.flagged) >= 2  # the sample has suppliers to discuss
    assert app.title[0].value == "Review session" and app.header[0].value == "Supplier scorecard"
    assert list(app.dataframe[0].value["Supplier"]) == list(plan.card["supplier"])
    for number, supplier in enumerate(plan.flagged["supplier"], start=2):
        next(b for b in app.button if b.label == "Next ▶").click().run()
        assert not app.exception, app.exception
        assert app.title[0].value.endswith(supplier), (number, app.title[0].value)
        assert app.query_params["slide"] in (str(number), [str(number)])
    next(b for b in app.button if b.label == "Next ▶").click().run()
    assert app.title[0].value == "Decisions"
    assert len(app.text_input) == len(plan.flagged)
    assert next(b for b in app.button if b.label == "Next ▶").disabled  # the last screen
    next(b for b in app.button if b.label == "◀ Previous").click().run()
    assert app.title[0].value.endswith(plan.flagged["supplier"].iloc[-1])


def test_a_flagged_supplier_shows_its_figures_and_signals(sample_db, monkeypatch):
    app = _open(sample_db, monkeypatch, {"slide": "2"})
    row = _plan(sample_db, app).flagged.iloc[0]
    assert app.title[0].value.endswith(row["supplier"])
    labels = [m.label for m in app.metric]
    assert len(labels) == 8 and all(label[0] in "✓!✗–" for label in labels)
    if row["reasons"]:
        assert app.subheader[0].value.startswith("Consider: ")


def test_each_flagged_supplier_lists_its_open_actions(sample_db, monkeypatch):
    """A supplier's slide counts its actions still open (overdue or due) as of the period's
    end, as the Follow-up page's list has them."""
    from engagement.kpis import follow_up

    app = _open(sample_db, monkeypatch)
    con = open_database(sample_db, read_only=False)
    try:
        listed = follow_up.actions(con, app.session_state["filters"])
    finally:
        con.close()
    still_open = listed[listed["status"].isin(["overdue", "due"])]
    counts = []
    for row in _plan(sample_db, app).flagged.itertuples():
        next(b for b in app.button if b.label == "Next ▶").click().run()
        expected = still_open[
            (still_open["supplier"] == row.supplier) & (still_open["programme"] == row.programme)
        ]
        shown = next(h.value for h in app.subheader if h.value.startswith("Open actions: "))
        assert shown == f"Open actions: {len(expected)}", row.supplier
        counts.append(len(expected))
    assert any(counts)  # the sample has open actions to show


def test_a_link_to_a_screen_reopens_it(sample_db, monkeypatch):
    app = _open(sample_db, monkeypatch, {"slide": "3"})
    supplier = _plan(sample_db, app).flagged["supplier"].iloc[1]
    assert app.title[0].value.endswith(supplier)
    app = _open(sample_db, monkeypatch, {"slide": "999"})  # not a screen of this session
    assert app.title[0].value == "Review session"
