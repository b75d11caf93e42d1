"""Complaint resolution (KPIS.md, C): cases received, backlog, speed and quality of remedy.

The rules (resolved, open on a day, target, recurrence) are written once, in the comment
of queries/complaint_kpis.sql.
"""

import pandas as pd

from engagement import queries
from engagement.filters import Filters, quarter_label
from engagement.settings import Settings, load_settings

BREAKDOWNS = ("channel", "category", "country", "supplier")


def summary(con, filters: Filters, settings: Settings) -> dict:
    """C1-C8 for the period, plus C1 by channel, category, country and supplier."""
    values = headline(con, filters, settings)
    breakdown = received_by(con, filters)
    for dimension in BREAKDOWNS:
        rows = breakdown[breakdown["dimension"] == dimension]
        values[f"C1_by_{dimension}"] = {
            value: int(cases) for value, cases in zip(rows["value"], rows["cases"], strict=True)
        }
    return values


def headline(con, filters: Filters, settings: Settings) -> dict:
    """C1-C8 for the period, without the breakdowns of C1."""
    row = queries.run_one(con, "complaint_kpis", filters.params(target_days=settings.target_days))
    return {kpi_id.upper(): value for kpi_id, value in row.items()}


def received_by(con, filters: Filters) -> pd.DataFrame:
    """C1 broken down: dimension (channel, category, country, supplier), value, cases."""
    return queries.run(con, "complaints_received_by", filters.params())


def received_by_quarter(con, filters: Filters) -> pd.DataFrame:
    """Cases received per quarter: quarter_start, quarter ('2024 Q1'), channel, category, cases."""
    frame = queries.run(con, "complaints_received_by_quarter", filters.params())
    frame.insert(1, "quarter", [quarter_label(day) for day in frame["quarter_start"]])
    return frame


def backlog(con, filters: Filters) -> pd.DataFrame:
    """Open cases (C2) at each quarter end of the period and at `to`: as_of, open_cases."""
    return queries.run(con, "complaint_backlog", filters.params())


def resolution_by_quarter(con, filters: Filters, settings: Settings | None = None) -> pd.DataFrame:
    """Per quarter of resolution: quarter_start, quarter, resolved, median_days, within_target_pct, satisfaction."""
    target_days = (settings or load_settings(con)).target_days
    frame = queries.run(con, "complaint_resolution_by_quarter", filters.params(target_days=target_days))
    frame.insert(1, "quarter", [quarter_label(day) for day in frame["quarter_start"]])
    return frame


def cases(con, filters: Filters, first: int = 0, rows: int | None = None) -> tuple[pd.DataFrame, int]:
    """The cases received in the period or open at some point in it, one row each: `rows` of
    them (None: all) from row `first`; and how many there are in all."""
    return queries.run_page(con, "complaint_cases", filters.params(), first, rows)
