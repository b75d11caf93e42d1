"""The view in the URL: a link with filters and page choices reopens that view in a new
session, and anything in a link that is not an option is ignored."""

from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from engagement.db import open_database
from engagement.sample import load_sample

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("url") / "sample.duckdb"
    con = open_database(path)
    load_sample(con)
    con.close()
    return path


def _open(sample_db, monkeypatch, params: dict, page: str | None = None) -> AppTest:
    monkeypatch.setenv("ENGAGEMENT_DB", str(sample_db))
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    for name, value in params.items():
        app.query_params[name] = value
    app.run()
    if page:
        app.switch_page(page)
        app.run()
    assert not app.exception, app.exception
    assert not app.warning, [w.value for w in app.warning]  # no "default value and Session State" warning
    return app


def _param(app: AppTest, name: str) -> list[str]:
    value = app.query_params[name]
    return value if isinstance(value, list) else [value]


def test_a_link_with_filters_opens_those_filters(sample_db, monkeypatch):
    link = {"period": "custom", "from": "2024-01-01", "to": "2024-06-30", "supplier": ["Voltara Cars"]}
    app = _open(sample_db, monkeypatch, link)
    filters = app.session_state["filters"]
    assert (filters.date_from, filters.date_to) == (date(2024, 1, 1), date(2024, 6, 30))
    assert filters.suppliers == ("Voltara Cars",)
    # and the URL keeps saying so after the run
    assert _param(app, "period") == ["custom"] and _param(app, "supplier") == ["Voltara Cars"]


def test_the_filters_chosen_go_into_the_url(sample_db, monkeypatch):
    app = _open(sample_db, monkeypatch, {})
    assert _param(app, "period") == ["last_12_months"]
    assert "supplier" not in app.query_params  # left at "all": not in the link


def test_what_is_not_an_option_is_ignored(sample_db, monkeypatch):
    link = {
        "period": "everything'; drop table meetings; --",
        "from": "yesterday",
        "supplier": ["Voltara Cars", "x' or '1'='1"],
        "country": ["<script>alert(1)</script>"],
    }
    app = _open(sample_db, monkeypatch, link)
    filters = app.session_state["filters"]
    assert filters.suppliers == ("Voltara Cars",) and filters.countries == ()
    assert _param(app, "period") == ["last_12_months"]  # the default period


def test_a_page_choice_in_the_link(sample_db, monkeypatch):
    app = _open(sample_db, monkeypatch, {"profile": "Nordkap EV"}, page="pages/supplier_profile.py")
    assert app.selectbox(key="profile_supplier").value == "Nordkap EV"
    app = _open(sample_db, monkeypatch, {"sort": "Open cases (C2)"}, page="pages/scorecard.py")
    assert app.selectbox(key="scorecard_sort").value == "Open cases (C2)"
    assert _param(app, "sort") == ["Open cases (C2)"]


def test_the_follow_up_and_leverage_choices_in_the_link(sample_db, monkeypatch):
    app = _open(sample_db, monkeypatch, {"status": ["overdue", "nonsense"]}, page="pages/follow_up.py")
    assert app.multiselect(key="follow_up_status").value == ["overdue"]
    assert _param(app, "status") == ["overdue"]
    statuses = app.dataframe[0].value["status"]
    assert len(statuses) > 0 and statuses.str.endswith("overdue").all()
    app = _open(sample_db, monkeypatch, {"cells": "Contract value (million EUR)"}, page="pages/leverage.py")
    assert app.radio(key="leverage_measure").value == "Contract value (million EUR)"
