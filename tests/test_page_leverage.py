"""The Collective leverage page rendered by Streamlit's AppTest on the sample programme: no
exception, and what it shows is what engagement.kpis.leverage returns for the session's filters."""

import json
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from engagement.db import open_database
from engagement.kpis import leverage
from engagement.sample import load_sample

ROOT = Path(__file__).resolve().parent.parent
PAGE = "pages/leverage.py"


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("leverage") / "sample.duckdb"
    con = open_database(path)
    load_sample(con)
    con.close()
    return path


@pytest.fixture
def app(sample_db, monkeypatch):
    monkeypatch.setenv("ENGAGEMENT_DB", str(sample_db))
    return AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)


def open_page(app: AppTest) -> AppTest:
    app.run()
    app.switch_page(PAGE)
    app.run()
    assert not app.exception, app.exception
    assert not [e for e in app.error if "could not be drawn" in e.value]
    return app


def expected(sample_db, filters) -> dict:
    con = open_database(sample_db)
    return {
        "matrix": leverage.matrix(con, filters),
        "by_supplier": leverage.by_supplier(con, filters),
        "shortlist": leverage.high_leverage_low_engagement(con, filters),
    }


def shown_table(app: AppTest, column: str):
    """The one dataframe on the page that has this column."""
    tables = [frame.value for frame in app.dataframe if column in frame.value.columns]
    assert len(tables) == 1, [list(frame.value.columns) for frame in app.dataframe]
    return tables[0]


def assert_shows_its_figures(app: AppTest, sample_db) -> dict:
    """The page's tables, metrics and heatmap equal the leverage functions' results."""
    figures = expected(sample_db, app.session_state["filters"])
    suppliers = shown_table(app, "attending_buyers")
    assert len(suppliers) == len(figures["by_supplier"])
    assert suppliers["supplier"].tolist() == figures["by_supplier"]["supplier"].tolist()
    assert suppliers["buyers"].tolist() == figures["by_supplier"]["buyers"].tolist()
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Suppliers in scope"] == str(len(figures["by_supplier"]))
    assert metrics["High leverage, low engagement"] == str(len(figures["shortlist"]))
    if figures["shortlist"].empty:
        assert any("No supplier with high leverage" in s.value for s in app.success)
    else:
        shortlist = shown_table(app, "leverage")
        assert len(shortlist) == len(figures["shortlist"])
        assert shortlist[["supplier", "leverage", "low_engagement"]].equals(
            figures["shortlist"][["supplier", "leverage", "low_engagement"]]
        )
    heatmap = json.loads(app.get("plotly_chart")[0].proto.spec)
    assert "per buyer and supplier" in heatmap["layout"]["title"]["text"]
    # one heatmap row per supplier and one column per buyer with a contract in the period
    assert len(heatmap["data"][0]["y"]) == figures["matrix"]["supplier"].nunique()
    assert len(heatmap["data"][0]["x"]) == figures["matrix"]["buyer"].nunique()
    return figures


def test_default_period(app, sample_db):
    """Last 12 months of the sample: every supplier in scope, and a short list with its reasons."""
    open_page(app)
    assert app.session_state["filters"].date_to == date(2025, 3, 31)
    figures = assert_shows_its_figures(app, sample_db)
    assert not figures["shortlist"].empty  # the sample has shared suppliers with low engagement


def test_buyer_filter_and_contract_values(app, sample_db):
    """A buyer filter, programme to date, the heatmap showing contract values: the buyer's figures."""
    app.session_state["period_preset"] = "programme_to_date"
    app.session_state["filter_buyer"] = ["Gemeente Havenstad"]
    app.session_state["leverage_measure"] = "Contract value (million EUR)"
    open_page(app)
    figures = assert_shows_its_figures(app, sample_db)
    assert set(figures["matrix"]["buyer"]) == {"Gemeente Havenstad"}
    assert "Contract value" in app.get("plotly_chart")[0].proto.spec


def test_a_period_without_contracts_says_so(app):
    """2001: no contract overlaps, so no supplier is in scope and the page says there is no data."""
    app.session_state["period_preset"] = "custom"
    app.session_state["period_custom"] = (date(2001, 1, 1), date(2001, 12, 31))
    open_page(app)
    assert any("no data" in i.value for i in app.info)
    assert not app.dataframe
