"""Each KPI area's tables and charts in a report: per supplier and per quarter, from the same
functions of engagement.kpis the dashboard pages use. Charts show aggregated figures only."""

from dataclasses import dataclass

import pandas as pd

from engagement.filters import Filters, quarter_start
from engagement.kpis import complaints, dialogue, escalation, information, traceability
from engagement.settings import Settings
from engagement.texts import format_quarter, word
from engagement.vocabulary import ESCALATION_LADDER


@dataclass(frozen=True)
class Column:
    """A table column: its header (a text key), the frame's column and how a value is written
    (a kind of engagement.reports.cells)."""

    header: str
    field: str
    kind: str


@dataclass(frozen=True)
class Table:
    title: str  # a text key
    columns: tuple[Column, ...]
    rows: pd.DataFrame


@dataclass(frozen=True)
class Chart:
    """An aggregated bar chart: labels already in the report's language, one value each."""

    title: str  # a text key
    labels: list[str]
    values: list[float | None]
    percent: bool = False


TIERS = ("1", "2", "3")


def _supplier_columns(several_programmes: bool) -> tuple[Column, ...]:
    supplier = Column("column.supplier", "supplier", "text")
    return (supplier, Column("column.programme", "programme", "text")) if several_programmes else (supplier,)


def _quarter_labels(frame: pd.DataFrame, column: str, lang: str) -> list[str]:
    return [format_quarter(day, lang) for day in frame[column]]


def _values(series) -> list[float | None]:
    return [None if pd.isna(value) else float(value) for value in series]


def dialogue_area(con, filters: Filters, settings: Settings, lang: str, several: bool):
    """D5 per supplier, dialogue per quarter, D10 per OECD step; meetings per quarter and per step."""
    days = dialogue.days_since_last_meeting(con, filters, settings)
    quarters = dialogue.by_quarter(con, filters)
    steps = dialogue.oecd_steps(con, filters)
    tables = [
        Table(
            "table.days_since_meeting",
            (
                *_supplier_columns(several),
                Column("column.last_meeting", "last_meeting", "date"),
                Column("column.days_since", "days", "days"),
                Column("column.stale", "stale", "yesno"),
            ),
            days,
        ),
        Table(
            "table.dialogue_by_quarter",
            (
                Column("column.quarter", "quarter_start", "quarter"),
                Column("column.meetings", "meetings", "count"),
                Column("column.suppliers_engaged", "suppliers_engaged", "count"),
                Column("column.agenda_sent", "agenda_sent_pct", "percent"),
                Column("column.minutes_confirmed", "minutes_confirmed_pct", "percent"),
                Column("column.collective", "collective_pct", "percent"),
            ),
            quarters,
        ),
        Table(
            "table.oecd_steps",
            (
                Column("column.oecd_step", "step", "count"),
                Column("column.step_name", "step", "oecd"),
                Column("column.meetings", "meetings", "count"),
            ),
            steps,
        ),
    ]
    charts = [
        Chart(
            "chart.meetings_per_quarter",
            _quarter_labels(quarters, "quarter_start", lang),
            _values(quarters["meetings"]),
        ),
        Chart("chart.oecd_steps", [str(step) for step in steps["step"]], _values(steps["meetings"])),
    ]
    return tables, charts


def information_area(con, filters: Filters, settings: Settings, lang: str, several: bool):
    """Information quality per supplier and per quarter; I7 and the response rate per quarter."""
    by_supplier = information.quality_by_supplier(con, filters)
    by_quarter = information.quality_by_quarter(con, filters)
    measures = (
        Column("column.requests", "requests", "count"),
        Column("column.response_rate", "response_rate", "percent"),
        Column("column.on_time", "on_time", "percent"),
        Column("column.completeness", "completeness", "percent"),
        Column("column.evidence", "evidence", "percent"),
    )
    tables = [
        Table(
            "table.information_by_supplier",
            (
                *_supplier_columns(several),
                *measures,
                Column("column.median_days", "median_days", "number"),
                Column("column.quality_index", "quality_index", "number"),
            ),
            by_supplier,
        ),
        Table(
            "table.information_by_quarter",
            (
                Column("column.quarter", "quarter_start", "quarter"),
                *measures,
                Column("column.quality_index", "quality_index", "number"),
            ),
            by_quarter,
        ),
    ]
    labels = _quarter_labels(by_quarter, "quarter_start", lang)
    charts = [
        Chart("chart.quality_per_quarter", labels, _values(by_quarter["quality_index"])),
        Chart("chart.response_per_quarter", labels, _values(by_quarter["response_rate"]), percent=True),
    ]
    return tables, charts


def traceability_area(con, filters: Filters, settings: Settings, lang: str, several: bool):
    """T2 per supplier, per tier and at each quarter end; coverage over time and per tier."""
    by_supplier = traceability.coverage_by_supplier(con, filters)
    by_tier = traceability.coverage_by_tier(con, filters)
    trend = traceability.trend(con, filters)
    over_time = trend.pivot_table(index="as_of", columns="tier", values="coverage", dropna=False).reindex(
        columns=["all", *TIERS]
    )
    over_time = over_time.rename(columns={tier: f"tier{tier}" for tier in TIERS}).reset_index()
    percent = "percent"
    tables = [
        Table(
            "table.coverage_by_supplier",
            (
                Column("column.supplier", "supplier", "text"),  # one row per name, programmes together
                Column("column.components", "components", "count"),
                Column("column.disclosed", "disclosed", "count"),
                Column("column.coverage", "coverage", percent),
                *(Column(f"column.tier{tier}", f"tier{tier}_coverage", percent) for tier in TIERS),
            ),
            by_supplier,
        ),
        Table(
            "table.coverage_by_tier",
            (
                Column("column.tier", "tier", "tier"),
                Column("column.components", "components", "count"),
                Column("column.disclosed", "disclosed", "count"),
                Column("column.coverage", "coverage", percent),
            ),
            by_tier,
        ),
        Table(
            "table.coverage_trend",
            (
                Column("column.as_of", "as_of", "date"),
                Column("column.coverage", "all", percent),
                *(Column(f"column.tier{tier}", f"tier{tier}", percent) for tier in TIERS),
            ),
            over_time,
        ),
    ]
    charts = [
        Chart(
            "chart.coverage_trend",
            _quarter_labels(over_time, "as_of", lang),
            _values(over_time["all"]),
            percent=True,
        ),
        Chart(
            "chart.coverage_by_tier",
            [word("tier", tier, lang) for tier in by_tier["tier"]],
            _values(by_tier["coverage"]),
            percent=True,
        ),
    ]
    return tables, charts


def complaints_area(con, filters: Filters, settings: Settings, lang: str, several: bool):
    """Complaints per quarter (received, open at its end, resolution) and C1 by channel,
    category, country and supplier; received and open cases per quarter."""
    quarters = dialogue.by_quarter(con, filters)[["quarter_start"]]  # every quarter of the period
    received = (
        complaints.received_by_quarter(con, filters).groupby("quarter_start", as_index=False)["cases"].sum()
    )
    backlog = complaints.backlog(con, filters)
    backlog["quarter_start"] = pd.to_datetime([quarter_start(day) for day in backlog["as_of"]])
    resolution = complaints.resolution_by_quarter(con, filters, settings).drop(columns="quarter")
    per_quarter = (
        quarters.merge(received.rename(columns={"cases": "received"}), on="quarter_start", how="left")
        .merge(
            backlog.groupby("quarter_start", as_index=False)["open_cases"].last(),
            on="quarter_start",
            how="left",
        )
        .merge(resolution, on="quarter_start", how="left")
    )
    per_quarter["received"] = per_quarter["received"].fillna(0).astype(int)
    per_quarter["resolved"] = per_quarter["resolved"].fillna(0).astype(int)
    breakdown = complaints.received_by(con, filters)
    tables = [
        Table(
            "table.complaints_by_quarter",
            (
                Column("column.quarter", "quarter_start", "quarter"),
                Column("column.received", "received", "count"),
                Column("column.open_cases", "open_cases", "count"),
                Column("column.resolved", "resolved", "count"),
                Column("column.resolution_days", "median_days", "number"),
                Column("column.within_target", "within_target_pct", "percent"),
                Column("column.satisfaction", "satisfaction", "number"),
            ),
            per_quarter,
        )
    ]
    for dimension, kind in (
        ("channel", "channel"),
        ("category", "category"),
        ("country", "text"),
        ("supplier", "text"),
    ):
        rows = breakdown[breakdown["dimension"] == dimension].reset_index(drop=True)
        tables.append(
            Table(
                f"table.received_by_{dimension}",
                (Column(f"column.{dimension}", "value", kind), Column("column.cases", "cases", "count")),
                rows,
            )
        )
    labels = _quarter_labels(per_quarter, "quarter_start", lang)
    charts = [
        Chart("chart.received_per_quarter", labels, _values(per_quarter["received"])),
        Chart("chart.open_per_quarter", labels, _values(per_quarter["open_cases"])),
    ]
    return tables, charts


def escalation_area(con, filters: Filters, settings: Settings, lang: str, several: bool):
    """E1 and E3 per supplier, and how many suppliers stand on each step of the ladder."""
    status = escalation.status(con, filters)
    counts = status["step"].value_counts()
    per_step = pd.DataFrame(
        {"step": ESCALATION_LADDER, "suppliers": [int(counts.get(step, 0)) for step in ESCALATION_LADDER]}
    )
    tables = [
        Table(
            "table.escalation_by_supplier",
            (
                *_supplier_columns(several),
                Column("column.step", "step", "step"),
                Column("column.since", "since", "date"),
                Column("column.days_in_step", "days_in_step", "days"),
                Column("column.note", "note", "text"),
            ),
            status,
        ),
        Table(
            "table.suppliers_per_step",
            (Column("column.step", "step", "step"), Column("column.suppliers", "suppliers", "count")),
            per_step,
        ),
    ]
    charts = [
        Chart(
            "chart.suppliers_per_step",
            [word("step", step, lang) for step in per_step["step"]],
            _values(per_step["suppliers"]),
        )
    ]
    return tables, charts


# Area letter -> its builder: (con, filters, settings, lang, several programmes) -> (tables, charts)
AREA_BUILDERS = {
    "D": dialogue_area,
    "I": information_area,
    "T": traceability_area,
    "C": complaints_area,
    "E": escalation_area,
}
