"""Who sees what. The access file's rules; every page and export, run as a buyer of one
programme, shows nothing of another programme, whatever the link asks for; coordinators'
pages and settings are theirs alone. (tests/test_sign_in.py signs in through a real
OpenID Connect provider in a real browser.)"""

import io
import json
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from conftest import add_rows
from streamlit.testing.v1 import AppTest

from engagement import access
from engagement.db import open_database
from engagement.sample import load_sample

ROOT = Path(__file__).resolve().parent.parent
OTHER = "Programme B"
SECRET_NAMES = ["Bravo Secret Motors", "Bravo Hidden Works", "Bravo City Fleet", OTHER]
BUYER = access.Access("inkoper@havenstad.example", "buyer", ("LEVP sample",))
COORDINATOR = access.Access("coordinator@monitor.example", "coordinator", None)


def add_other_programme(con) -> None:
    """A second programme whose every name must stay out of a buyer of the sample's sight."""
    add_rows(
        con, "suppliers", [{"supplier": "Bravo Secret Motors", "country": "Chile", "category": "bus"}], OTHER
    )
    add_rows(con, "buyers", [{"buyer": "Bravo City Fleet"}], OTHER)
    add_rows(
        con,
        "contracts",
        [{"buyer": "Bravo City Fleet", "supplier": "Bravo Secret Motors", "start_date": date(2020, 1, 1)}],
        OTHER,
    )
    add_rows(
        con,
        "meetings",
        [
            {
                "meeting_id": f"b{n}",
                "supplier": "Bravo Secret Motors",
                "date": date(2024, 1 + n, 5),
                "type": "dialogue",
                "buyers": ["Bravo City Fleet"],
            }
            for n in range(6)
        ],
        OTHER,
    )
    add_rows(
        con,
        "sites",
        [
            {
                "supplier": "Bravo Secret Motors",
                "component": "lithium",
                "tier": 3,
                "site_name": "Bravo Hidden Works",
                "country": "Chile",
            }
        ],
        OTHER,
    )
    add_rows(
        con,
        "grievances",
        [
            {
                "case_id": "B-1",
                "supplier": "Bravo Secret Motors",
                "site_name": "Bravo Hidden Works",
                "country": "Chile",
                "received_on": date(2024, 6, 1),
                "category": "wages",
                "status": "open",
            }
        ],
        OTHER,
    )
    add_rows(
        con,
        "escalations",
        [{"supplier": "Bravo Secret Motors", "date": date(2024, 7, 1), "step": "fine"}],
        OTHER,
    )


@pytest.fixture(scope="module")
def two_programmes(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("access") / "two.duckdb"
    con = open_database(path)
    load_sample(con)
    add_other_programme(con)
    con.close()
    return path


def everything_shown(app: AppTest) -> str:
    """Every text, table cell, chart value and widget option the run sent, as one text."""
    parts, stack = [], [app._tree]
    while stack:
        element = stack.pop()
        children = getattr(element, "children", {})
        stack.extend(children.values() if isinstance(children, dict) else children)
        proto = getattr(element, "proto", None)
        if proto is not None:
            parts.append(str(proto))
    for table in app.dataframe:
        parts.append(table.value.to_csv())
    for chart in app.get("plotly_chart"):
        parts.append(json.dumps(json.loads(chart.proto.spec)))
    return "\n".join(parts)


def run_as(person, database: Path, monkeypatch, query: dict | None = None) -> AppTest:
    import engagement.app

    monkeypatch.setenv("ENGAGEMENT_DB", str(database))
    monkeypatch.setattr(engagement.app, "require_access", lambda: person)
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    for key, value in (query or {}).items():
        app.query_params[key] = value
    app.session_state["period_preset"] = "programme_to_date"
    app.run()
    assert not app.exception, app.exception
    return app


def test_the_access_file(tmp_path):
    path = tmp_path / "access.toml"
    path.write_text(
        '[[user]]\nemail = "Coordinator@Monitor.example"\nrole = "coordinator"\nprogrammes = ["*"]\n\n'
        '[[user]]\nemail = "inkoper@havenstad.example"\nrole = "buyer"\nprogrammes = ["LEVP sample"]\n',
        encoding="utf-8",
    )
    people = access.load_access(path)
    assert access.access_of("coordinator@monitor.example", people).programmes is None
    buyer = access.access_of(" INKOPER@havenstad.example ", people)
    assert (buyer.role, buyer.programmes) == ("buyer", ("LEVP sample",))
    assert access.access_of("someone@else.example", people) is None
    assert buyer.programmes_for(()) == ("LEVP sample",)  # nothing chosen: all of theirs
    assert buyer.programmes_for((OTHER,)) == ("LEVP sample",)  # another programme: not theirs
    assert COORDINATOR.programmes_for((OTHER,)) == (OTHER,)
    for text, complaint in [
        ('[[user]]\nemail = "x@y.z"\nrole = "admin"\nprogrammes = ["*"]\n', "role must be"),
        ('[[user]]\nemail = "nobody"\nrole = "buyer"\nprogrammes = ["A"]\n', "e-mail address"),
        ('[[user]]\nemail = "x@y.z"\nrole = "buyer"\nprogrammes = []\n', "programmes must be"),
        ("[[user]\n", "not valid TOML"),
    ]:
        path.write_text(text, encoding="utf-8")
        with pytest.raises(access.AccessFileError, match=complaint):
            access.load_access(path)
    with pytest.raises(access.AccessFileError, match="missing"):
        access.load_access(tmp_path / "absent.toml")


def test_loopback_only_without_sign_in():
    assert access.is_loopback("127.0.0.1") and access.is_loopback("localhost")
    assert not access.is_loopback("0.0.0.0") and not access.is_loopback(None)


@pytest.mark.parametrize(
    "query", [{}, {"programme": OTHER, "supplier": "Bravo Secret Motors", "country": "Chile"}]
)
def test_a_buyer_never_sees_another_programme_on_any_page(two_programmes, monkeypatch, query):
    """Every page the buyer's menu offers, opened as the buyer, with and without a link that
    asks for the other programme: none of its names anywhere in what the server sends."""
    app = run_as(BUYER, two_programmes, monkeypatch, query)
    assert app.session_state["filters"].programmes == ("LEVP sample",)
    assert set(app.sidebar.multiselect[0].options) == {"LEVP sample"}  # the programme filter
    pages = [p for p, _t, _i in engagement_pages() if p not in {"pages/upload.py", "pages/data.py"}]
    for page in pages:
        app.switch_page(page)
        app.run()
        assert not app.exception, (page, app.exception)
        shown = everything_shown(app)
        assert len(shown) > 500, page  # the page drew (AppTest runs a switched-to page alone)
        leaked = [name for name in SECRET_NAMES if name in shown]
        assert not leaked, (page, leaked)


def engagement_pages():
    from engagement.app import PAGES

    return PAGES


def test_a_coordinator_sees_every_programme(two_programmes, monkeypatch):
    """The same run as a coordinator of all programmes does show the other programme: the
    buyer test above would notice a filter that hid it from everyone."""
    app = run_as(COORDINATOR, two_programmes, monkeypatch)
    assert app.session_state["filters"].programmes == ()
    app.switch_page("pages/scorecard.py")
    app.run()
    assert "Bravo Secret Motors" in everything_shown(app)


def test_coordinators_pages_and_settings_are_theirs_alone(two_programmes, monkeypatch):
    app = run_as(BUYER, two_programmes, monkeypatch)
    for page in ("pages/upload.py", "pages/data.py"):
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            app.switch_page(page)  # not in the buyer's menu
        alone = AppTest.from_file(str(ROOT / page), default_timeout=90)  # nor run by its path
        alone.session_state["access"] = BUYER
        alone.session_state["filters"] = app.session_state["filters"]
        alone.run()
        assert [e.value for e in alone.error] == ["This page is for the programme's coordinators."], page
        assert not alone.get("file_uploader") and not alone.dataframe
    app.switch_page("pages/scorecard.py")
    app.run()
    assert not app.get("form") and not [b for b in app.button if "Save" in str(b.label)]
    app.switch_page("pages/escalation.py")
    app.run()
    assert not [n for n in app.number_input if "days" in n.label]

    app = run_as(COORDINATOR, two_programmes, monkeypatch)
    app.switch_page("pages/scorecard.py")
    app.run()
    assert app.get("form")


def test_a_buyers_report_holds_only_their_programme(two_programmes):
    from engagement.reports import build_report
    from engagement.settings import Settings

    con = open_database(two_programmes)
    try:
        from engagement.filters import Filters

        filters = Filters(date(2016, 1, 1), date(2026, 12, 31), programmes=BUYER.programmes_for(()))
        for fmt in ("xlsx", "html"):
            content = build_report(con, filters, Settings(), fmt, "en")
            if fmt == "xlsx":
                book = openpyxl.load_workbook(io.BytesIO(content))
                text = "\n".join(
                    str(cell) for sheet in book for row in sheet.iter_rows(values_only=True) for cell in row
                )
            else:
                text = content.decode("utf-8")
            assert "Voltara" in text
            assert not [name for name in SECRET_NAMES if name in text], fmt
    finally:
        con.close()


def test_without_sign_in_only_this_computer_is_served(sample_path, monkeypatch):
    """Local single-user mode says so; started on another address without sign-in, the
    dashboard shows why it refuses and nothing else."""
    import streamlit

    monkeypatch.setenv("ENGAGEMENT_DB", str(sample_path))
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    app.run()
    assert any("Local single-user mode" in c.value for c in app.sidebar.caption)
    assert app.metric  # the overview

    real = streamlit.get_option
    monkeypatch.setattr(
        streamlit, "get_option", lambda key: "0.0.0.0" if key == "server.address" else real(key)
    )
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    app.run()
    assert not app.exception, app.exception
    assert [e.value for e in app.error][0].startswith("Sign-in is not configured")
    assert not app.metric and not app.dataframe and not app.sidebar.multiselect


def test_a_changed_access_file_is_written_in_the_audit_log_once(db, tmp_path):
    from engagement import audit

    path = tmp_path / "access.toml"
    path.write_text('[[user]]\nemail = "a@x.example"\nrole = "buyer"\nprogrammes = ["A"]\n', encoding="utf-8")
    access.note_changes(db, path, access.load_access(path))
    access.note_changes(db, path, access.load_access(path))  # read again, unchanged
    path.write_text(
        '[[user]]\nemail = "a@x.example"\nrole = "coordinator"\nprogrammes = ["*"]\n', encoding="utf-8"
    )
    access.note_changes(db, path, access.load_access(path))
    log = audit.entries(db)
    assert log["action"].tolist() == ["access", "access"]
    assert log["detail"].tolist() == [
        "access.toml now lists: a@x.example coordinator of every programme",
        "access.toml now lists: a@x.example buyer of A",
    ]


def test_a_coordinator_of_some_programmes_imports_only_into_them(db, tmp_path):
    from engagement.ingest import import_file

    mixed = tmp_path / "meetings.csv"
    mixed.write_text(
        "programme,meeting_id,date,supplier,type\nA,m1,2024-03-01,Acme,dialogue\nB,m2,2024-03-02,Acme,dialogue\n",
        encoding="utf-8",
    )
    refused = import_file(db, mixed, allowed_programmes=("A",))
    assert "programme(s) B, which you do not coordinate" in refused.fatal
    assert db.execute("select count(*) from meetings").fetchone() == (0,)
    assert import_file(db, mixed, allowed_programmes=None).fatal is None  # all programmes: fine
    assert db.execute("select count(*) from meetings").fetchone() == (2,)
