"""Information quality (KPIS.md, I1-I8): do suppliers answer, on time, completely, with
evidence, and how do their annual reports score?

Each function runs one file of queries/; the rules are written there.
"""

import pandas as pd

from engagement import queries
from engagement.filters import Filters, quarter_label
from engagement.settings import Settings


def _plain(value):
    """A JSON-ready Python value: numpy scalars unwrapped, NaN and NA as None."""
    if value is None or pd.isna(value):
        return None
    return value.item() if hasattr(value, "item") else value


def summary(con, filters: Filters, settings: Settings | None = None) -> dict:
    """The I ids of KPIS.md, I1 to I8 (no I figure depends on the settings); all one-figure."""
    row = queries.run(con, "information_kpis", filters.params())
    # column by column: a row of mixed columns would turn the counts into floats
    return {kpi_id: _plain(row[kpi_id].iloc[0]) for kpi_id in row.columns}


headline = summary  # every I id is one figure


def quality_by_quarter(con, filters: Filters) -> pd.DataFrame:
    """Per quarter requested in: quarter_start, requests, response_rate, on_time, completeness,
    evidence, quality_index, quarter ("2024 Q1")."""
    frame = queries.run(con, "information_quality_by_quarter", filters.params())
    frame["quarter"] = frame["quarter_start"].map(quarter_label)
    return frame


def quality_by_supplier(con, filters: Filters) -> pd.DataFrame:
    """Per supplier with requests in the period: programme, supplier, requests, response_rate,
    on_time, completeness, evidence, median_days, quality_index."""
    return queries.run(con, "information_quality_by_supplier", filters.params())


def report_scores(con, filters: Filters) -> pd.DataFrame:
    """I8 detail, one row per supplier, year and element: programme, supplier, year, element,
    score (0-2 or null), score_pct (the supplier-year's I8 score)."""
    return queries.run(con, "report_scores", filters.params())
