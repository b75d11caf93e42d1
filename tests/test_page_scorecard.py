"""The Supplier scorecard page on the sample programme: its rows are the scorecard's rows, it
sorts, and the thresholds a coordinator saves change the statuses (and wrong ones are refused)."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from engagement.db import open_database
from engagement.kpis.scorecard import scorecard
from engagement.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def app(sample_path, monkeypatch):
    path = sample_path
    monkeypatch.setenv("ENGAGEMENT_DB", str(path))
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    app.run()
    app.switch_page("pages/scorecard.py")
    app.run()
    assert not app.exception, app.exception
    app.path = path
    return app


def _expected(app):
    con = open_database(app.path, read_only=False)
    try:
        return scorecard(con, app.session_state["filters"], load_settings(con))
    finally:
        con.close()


def test_the_table_is_the_scorecard(app):
    expected = _expected(app)
    shown = app.dataframe[0].value
    assert list(shown["Supplier"]) == list(expected["supplier"])  # red first, as the scorecard sorts
    assert [s.split(" ", 1)[1] for s in shown["Status"]] == list(expected["status"])
    counts = {m.label: m.value for m in app.metric}
    assert counts["✗ Suppliers to act"] == str((expected["status"] == "red").sum())
    # Every measure shows its status symbol: the text says what the colour says.
    assert all(cell[0] in "✓!✗–" for cell in shown["Information quality index (I7)"])


def test_sorting_by_a_measure_puts_the_worst_first(app):
    app.selectbox(key="scorecard_sort").select("Traceability coverage (T2)").run()
    expected = _expected(app)
    shown = app.dataframe[0].value
    lowest = expected["coverage"].min()
    first = expected.loc[expected["supplier"] == shown["Supplier"].iloc[0], "coverage"].iloc[0]
    assert first == lowest


def test_saving_thresholds_changes_the_statuses(app):
    before = _expected(app)
    inputs = {n.label: n for n in app.number_input}
    inputs["Information quality index: amber at least"].set_value(0)
    inputs["Information quality index: green at least"].set_value(1)
    next(b for b in app.button if b.label == "Save thresholds").click().run()
    assert not app.exception, app.exception
    con = open_database(app.path, read_only=False)
    assert (load_settings(con).i7_green_min, load_settings(con).i7_amber_min) == (1, 0)
    con.close()
    after = _expected(app)
    assert (after["quality_index_status"].isin(["green", "no data"])).all()
    assert (before["quality_index_status"] == "red").any()


def test_thresholds_where_green_is_easier_than_amber_are_refused(app):
    inputs = {n.label: n for n in app.number_input}
    inputs["Traceability coverage: green at least"].set_value(10)
    inputs["Traceability coverage: amber at least"].set_value(60)
    next(b for b in app.button if b.label == "Save thresholds").click().run()
    assert any("Nothing was saved" in e.value for e in app.error)
    con = open_database(app.path, read_only=False)
    assert load_settings(con).t2_green_min == 80
    con.close()
