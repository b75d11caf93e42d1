"""What a page sends to the browser stays bounded as a programme grows: charts are aggregated
in SQL and tables show a page of rows. Measured on the large programme generator at a small
scale (20,000 meetings, 20,000 traceability rows): a page that sends every row fails here."""

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from engagement import sample_large
from engagement.app import PAGES
from engagement.db import open_database

ROOT = Path(__file__).resolve().parent.parent
MAX_POINTS_PER_CHART = 2_000
MAX_ROWS_PER_TABLE = 1_000


@pytest.fixture(scope="module")
def grown_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("grown") / "grown.duckdb"
    con = open_database(path)
    sample_large.load(con, scale=0.02)
    con.close()
    return path


def _points(spec: dict) -> int:
    """Values a plotly figure carries: the longest data array of each trace, summed."""
    total = 0
    for trace in spec.get("data", []):
        lengths = [
            len(_values(value))  # plotly packs numbers as base64 typed arrays
            for key, value in trace.items()
            if key in ("x", "y", "z", "locations", "values", "lat", "lon") and isinstance(value, list | dict)
        ]
        total += max(lengths, default=0)
    return total


def _values(array):
    """A plotly data array: a list, or numbers packed as {"dtype", "bdata"} (base64)."""
    import base64

    import numpy as np

    if isinstance(array, dict):
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"])
    return np.array(array)


@pytest.mark.parametrize("page", [p for p, _t, _i in PAGES])
def test_a_page_sends_a_bounded_number_of_points(grown_db, monkeypatch, page):
    monkeypatch.setenv("ENGAGEMENT_DB", str(grown_db))
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    app.session_state["period_preset"] = "programme_to_date"  # ten years: the most rows
    app.switch_page(page)
    app.run()
    assert not app.exception, app.exception
    for chart in app.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        assert _points(spec) <= MAX_POINTS_PER_CHART, (page, spec.get("layout", {}).get("title"))
    for table in app.dataframe:
        assert len(table.value) <= MAX_ROWS_PER_TABLE, (page, list(table.value.columns)[:4], len(table.value))


def test_a_long_table_read_a_page_at_a_time(grown_db, monkeypatch):
    """The disclosed sites come from the database 500 at a time: page 2 shows rows 501-1000 of
    the whole list, and when a filter leaves fewer pages, the page number follows."""
    import re

    from engagement.kpis import traceability

    monkeypatch.setenv("ENGAGEMENT_DB", str(grown_db))
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    app.session_state["period_preset"] = "programme_to_date"
    app.switch_page("pages/traceability.py")
    app.run()
    filters = app.session_state["filters"]
    con = open_database(grown_db)
    whole, total = traceability.disclosed_sites(con, filters)
    con.close()
    assert total == len(whole) > 1_000

    def caption() -> tuple[int, int, int]:
        line = next(c.value for c in app.caption if c.value.startswith("Rows "))
        return tuple(int(n.replace(",", "")) for n in re.findall(r"[\d,]+", line))

    assert caption() == (1, 500, total)
    app.number_input(key="disclosed_sites_page").set_value(2).run()
    assert not app.exception, app.exception
    assert caption() == (501, 1000, total)
    shown = app.dataframe[-1].value
    assert shown["site_name"].tolist() == whole["site_name"].iloc[500:1000].tolist()

    app.number_input(key="disclosed_sites_page").set_value(total // 500 + 1).run()
    app.session_state["filter_country"] = ["NL"]
    del app.session_state["filters"]  # AppTest runs the page alone: make it go through dashboard.py
    app.run()
    assert not app.exception, app.exception
    first, last, fewer = caption()
    assert fewer < total and first <= fewer and last == fewer  # the last page of fewer sites


def test_a_busy_suppliers_timeline_is_counted_per_month(grown_db, monkeypatch):
    """Over a thousand events: bars per month and kind whose counts add up to every event the
    table pages through, and the table reads 500 rows at a time."""
    import re

    con = open_database(grown_db)
    busiest = con.execute(
        "select supplier from meetings group by supplier order by count(*) desc limit 1"
    ).fetchone()[0]
    con.close()
    monkeypatch.setenv("ENGAGEMENT_DB", str(grown_db))
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    app.session_state["period_preset"] = "programme_to_date"
    app.session_state["profile_supplier"] = busiest
    app.switch_page("pages/supplier_profile.py")
    app.run()
    assert not app.exception, app.exception
    line = next(c.value for c in app.caption if c.value.startswith("Rows "))
    total = int(re.findall(r"[\d,]+", line)[-1].replace(",", ""))
    assert total > 1_000
    spec = json.loads(app.get("plotly_chart")[0].proto.spec)
    assert sum(_values(trace["y"]).sum() for trace in spec["data"]) == total
    assert len(app.dataframe[0].value) == 500


def test_a_heatmap_keeps_the_suppliers_to_look_at_first(monkeypatch):
    """Cut to its cell budget or to CHART_SUPPLIERS rows, a heatmap keeps the rows with the
    lowest totals (blank rows first), in name order."""
    import pandas as pd

    import engagement.app

    monkeypatch.setattr(engagement.app, "HEATMAP_CELLS", 4)
    table = pd.DataFrame(
        {"q1": [5, 0, 2, None], "q2": [5, 1, None, None]}, index=["Echo", "bravo", "Charlie", "Alpha"]
    )
    assert engagement.app.lowest_rows(table, "{shown} of {rows}").index.tolist() == ["Alpha", "bravo"]
    assert engagement.app.lowest_rows(table.head(2), "{shown} of {rows}").equals(table.head(2))
    # ... and to CHART_SUPPLIERS rows, however many cells it may send
    monkeypatch.setattr(engagement.app, "HEATMAP_CELLS", 2_000)
    monkeypatch.setattr(engagement.app, "CHART_SUPPLIERS", 3)
    assert engagement.app.lowest_rows(table, "{shown} of {rows}").index.tolist() == [
        "Alpha",
        "bravo",
        "Charlie",
    ]


def test_a_large_scorecard_is_shown_a_page_at_a_time(grown_db, monkeypatch):
    """Hundreds of suppliers: a page of 100 in the scorecard's order (red first); a product
    category chosen on the last page leaves fewer pages, and the last of them is shown; a row chosen on
    page 3 opens the profile of that row's supplier, not of the same row on page 1."""
    import re

    from engagement.kpis.scorecard import scorecard
    from engagement.settings import load_settings

    monkeypatch.setenv("ENGAGEMENT_DB", str(grown_db))
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    app.switch_page("pages/scorecard.py")
    app.run()
    assert not app.exception, app.exception

    def expected():
        con = open_database(grown_db)
        try:
            return scorecard(con, app.session_state["filters"], load_settings(con))["supplier"]
        finally:
            con.close()

    def rows() -> tuple[int, ...]:
        line = next(c.value for c in app.caption if c.value.startswith("Rows "))
        return tuple(int(n) for n in re.findall(r"\d+", line))

    def with_category(categories: list[str]) -> None:
        app.session_state["filter_category"] = categories
        del app.session_state["filters"]  # AppTest runs the page alone: make it go through dashboard.py
        app.run()
        assert not app.exception, app.exception

    every = expected()
    total = len(every)
    assert total > 300
    assert app.dataframe[0].value["Supplier"].tolist() == every.iloc[:100].tolist()
    assert rows() == (1, 100, total)

    app.number_input(key="scorecard_page").set_value(-(-total // 100)).run()
    with_category(["battery pack"])
    fewer = len(expected())
    assert 100 < fewer < total - 100  # a page less at least, and more than one
    assert rows() == ((fewer - 1) // 100 * 100 + 1, fewer, fewer)

    with_category([])
    app.number_input(key="scorecard_page").set_value(3).run()
    assert app.dataframe[0].value["Supplier"].tolist() == every.iloc[200:300].tolist()
    assert rows() == (201, 300, total)
    app.session_state["scorecard_table"] = {"selection": {"rows": [4], "columns": []}}
    app.run()
    assert not app.exception, app.exception
    assert app.session_state["profile_supplier"] == every.iloc[204]


@pytest.mark.parametrize(
    ("page", "title", "figure", "lowest_first"),
    [
        ("pages/information.py", "Information quality index per supplier (I7)", "quality_by_supplier", True),
        ("pages/traceability.py", "Coverage by supplier (T2)", "coverage_by_supplier", True),
        ("pages/escalation.py", "Current step on the escalation ladder (E1)", "signals", False),
    ],
)
def test_a_chart_with_a_bar_per_supplier_draws_those_to_look_at_first(
    grown_db, monkeypatch, page, title, figure, lowest_first
):
    """Hundreds of suppliers: the chart draws CHART_SUPPLIERS bars, the lowest quality index or
    coverage (the highest step), and says how many there are in all."""
    from engagement.app import CHART_SUPPLIERS
    from engagement.kpis import information, signals, traceability
    from engagement.settings import load_settings

    monkeypatch.setenv("ENGAGEMENT_DB", str(grown_db))
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    app.switch_page(page)
    app.run()
    assert not app.exception, app.exception
    filters = app.session_state["filters"]
    con = open_database(grown_db)
    function = {"quality_by_supplier": information.quality_by_supplier,
                "coverage_by_supplier": traceability.coverage_by_supplier,
                "signals": lambda con, filters: signals.signals(con, filters, load_settings(con))}[figure]  # fmt: skip
    column = {
        "quality_by_supplier": "quality_index",
        "coverage_by_supplier": "coverage",
        "signals": "step_rank",
    }[figure]
    every = function(con, filters)
    assert len(every) > CHART_SUPPLIERS  # enough suppliers to cut
    (spec,) = [json.loads(c.proto.spec) for c in app.get("plotly_chart") if title in c.proto.spec]
    drawn = [value for trace in spec["data"] for value in _values(trace["x"])]
    assert len(drawn) == CHART_SUPPLIERS
    values = sorted(every[column].dropna(), reverse=not lowest_first)
    assert sorted(drawn, reverse=not lowest_first) == pytest.approx(values[:CHART_SUPPLIERS])
    assert any(f"of {len(every):,}" in caption.value for caption in app.caption)
