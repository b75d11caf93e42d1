"""Hostile input through every surface: SQL through filters, names and query parameters stays
data (every query takes parameters only); HTML in imported text is never rendered; the
server keeps Streamlit's XSRF protection and an upload size limit."""

import ast
import tomllib
from datetime import date
from pathlib import Path

import pytest
from conftest import add_rows
from streamlit.testing.v1 import AppTest

from engagement.filters import Filters
from engagement.kpis import scalar_kpis
from engagement.kpis.options import filter_options
from engagement.sample import load_sample
from engagement.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
INJECTIONS = [
    "x'); drop table meetings; --",
    "' or '1'='1",
    '" or 1=1 --',
    "Robert'); DELETE FROM suppliers WHERE ('1'='1",
    "$filters",
    "%s; select 1",
]


def test_sql_is_never_built_from_values():
    """Every value reaches DuckDB as a $parameter. engagement.queries runs the files of queries/
    as they are (no formatting), and ruff's S608 rule, run by the test command, fails on any SQL
    built from strings; the few lines that interpolate table and column names from
    engagement.tables say so with a noqa and hold no value."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "S608" in config["tool"]["ruff"]["lint"]["select"]
    source = ast.parse((ROOT / "engagement" / "queries.py").read_text(encoding="utf-8"))
    executed = [
        node.args[0]
        for node in ast.walk(source)
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "execute"
    ]
    assert executed and all(isinstance(sql, ast.Name) and sql.id == "sql" for sql in executed)
    assert "load(name)" in ast.unparse(source)  # the text as the file holds it


@pytest.mark.parametrize("hostile", INJECTIONS)
def test_injection_through_every_filter_is_only_a_name_that_matches_nothing(db, hostile):
    load_sample(db)
    period = Filters(date(2023, 4, 1), date(2025, 3, 31))
    plain = scalar_kpis(db, period, Settings())
    for dimension in ("programmes", "buyers", "suppliers", "countries", "categories"):
        nothing = scalar_kpis(
            db, Filters(period.date_from, period.date_to, **{dimension: (hostile,)}), Settings()
        )
        assert nothing["D1"] == 0 and nothing["C1"] == 0, dimension
    assert scalar_kpis(db, period, Settings()) == plain  # every table still there, every row


def test_a_supplier_named_like_an_injection_is_stored_and_found_by_its_name(db):
    name = INJECTIONS[0]
    add_rows(db, "suppliers", [{"supplier": name}, {"supplier": "Acme"}])
    add_rows(
        db,
        "meetings",
        [
            {"meeting_id": "m1", "supplier": name, "date": date(2024, 3, 1), "type": "dialogue"},
            {"meeting_id": "m2", "supplier": "Acme", "date": date(2024, 3, 2), "type": "dialogue"},
        ],
    )
    assert name in filter_options(db)["supplier"]
    one = scalar_kpis(db, Filters(date(2024, 1, 1), date(2024, 12, 31), suppliers=(name,)), Settings())
    assert (one["D1"], one["D2"]) == (1, 1)
    assert db.execute("select count(*) from meetings").fetchone() == (2,)


def test_hostile_query_parameters_change_nothing(sample_path, monkeypatch):
    """A link whose filters carry SQL or values the data does not hold: the values are dropped
    (only options the data holds are taken) and every page still draws."""
    from engagement.db import open_database

    path = sample_path
    monkeypatch.setenv("ENGAGEMENT_DB", str(path))
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    for key, value in {
        "supplier": INJECTIONS[0],
        "country": INJECTIONS[1],
        "period": "custom",
        "from": "2024-01-01'; drop table meetings; --",
        "to": "2024-12-31",
        "lang": "<script>alert(1)</script>",
        "sort": INJECTIONS[3],
        "slide": "1 or 1=1",
    }.items():
        app.query_params[key] = value
    app.run()
    assert not app.exception, app.exception
    filters = app.session_state["filters"]
    assert filters.suppliers == () and filters.countries == ()
    for page in ("pages/scorecard.py", "pages/session.py", "pages/dialogue.py"):
        app.switch_page(page)
        app.run()
        assert not app.exception, (page, app.exception)
    con = open_database(path)
    assert con.execute("select count(*) from meetings").fetchone()[0] > 0
    con.close()


def test_html_in_imported_text_is_never_rendered(tmp_path, monkeypatch):
    """No page passes unsafe_allow_html=True with data: the one use is the session's own style
    sheet, a constant. (Streamlit escapes HTML in every other element.)"""
    uses = []
    for path in [*(ROOT / "pages").glob("*.py"), *(ROOT / "engagement").rglob("*.py"), ROOT / "dashboard.py"]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and any(
                k.arg == "unsafe_allow_html"
                and not (isinstance(k.value, ast.Constant) and k.value.value is False)
                for k in node.keywords
            ):
                uses.append((path.name, node.args[0] if node.args else None))
            if (
                isinstance(node, ast.Attribute)
                and node.attr == "html"
                and getattr(node.value, "id", "") == "st"
            ):
                uses.append((path.name, "st.html"))
    assert [name for name, _ in uses] == ["session.py"]
    assert all(isinstance(first, ast.Constant) for _, first in uses), "HTML built from data"


def test_the_server_keeps_xsrf_protection_and_an_upload_limit():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    server = config["server"]
    assert server.get("enableXsrfProtection", True) is True
    assert server.get("enableCORS", True) is True
    assert 0 < server["maxUploadSize"] <= 200


@pytest.mark.parametrize(
    "name",
    [
        "[Evil](https://evil.example)",
        "![pixel](http://tracker.example/p.png)",
        ":red[Alarm]",
        "$x^2$",
        "<b>x</b>",
        "a_b*c*",
    ],
)
def test_a_name_in_markdown_shows_as_written(name):
    """Names placed in titles and labels (markdown) have every markdown character escaped, so
    a supplier cannot name itself into a link, an image (a request to a tracker), a formula or
    coloured text; CommonMark drops each backslash, so the name shows as written."""
    import re

    from engagement.app import as_text

    escaped = as_text(name)
    assert re.sub(r"\\(.)", r"\1", escaped) == name
    assert not re.search(r"(?<!\\)[\[\]()!:$<>*_]", escaped)
