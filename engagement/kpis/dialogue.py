"""Dialogue frequency (KPIS.md, D1-D11): are we meeting each supplier regularly, prepared
and followed up, together, and about which OECD steps?

Each function runs one file of queries/; the rules are written there.
"""

import pandas as pd

from engagement import queries, vocabulary
from engagement.filters import Filters, per_distinct_day, quarter_label
from engagement.settings import Settings, load_settings


def _params(filters: Filters, settings: Settings | None = None) -> dict:
    """The query parameters, with the vocabulary the rules use passed in, not copied into SQL."""
    return filters.params(
        dialogue_types=list(vocabulary.DIALOGUE_MEETING_TYPES),
        topic_steps=[
            {"topic": topic, "step": step} for topic, (step, _) in vocabulary.MEETING_TOPICS.items()
        ],
        staleness_days=(settings or Settings()).staleness_days,
    )


def _plain(value):
    """A JSON-ready Python value: numpy scalars unwrapped, NaN and NA as None."""
    if value is None or pd.isna(value):
        return None
    return value.item() if hasattr(value, "item") else value


def _supplier_names(frame: pd.DataFrame) -> list[str]:
    """Supplier names as keys; a name used in two programmes gets its programme added."""
    shared = frame["supplier"].duplicated(keep=False)
    return [
        f"{supplier} ({programme})" if twice else supplier
        for supplier, programme, twice in zip(frame["supplier"], frame["programme"], shared, strict=True)
    ]


def summary(con, filters: Filters, settings: Settings | None = None) -> dict:
    """The scalar D ids of KPIS.md; D5 as {supplier: days or None}, D10 as {"1".."6": meetings}."""
    settings = settings or load_settings(con)
    figures = headline(con, filters, settings)
    days = days_since_last_meeting(con, filters, settings)
    steps = oecd_steps(con, filters)
    figures["D5"] = dict(zip(_supplier_names(days), map(_plain, days["days"]), strict=True))
    figures["D10"] = {str(step): int(n) for step, n in zip(steps["step"], steps["meetings"], strict=True)}
    order = ["D1", "D1m", "D2", "D3", "D4", "D5", "D5s", "D6", "D7", "D8", "D9", "D10", "D11"]
    return {kpi_id: figures[kpi_id] for kpi_id in order}


def headline(con, filters: Filters, settings: Settings | None = None) -> dict:
    """The one-figure D ids (D1-D4, D5s, D6-D9, D11): no per-supplier or per-step breakdown."""
    row = queries.run(con, "dialogue_kpis", _params(filters, settings or load_settings(con)))
    # column by column: a row of mixed columns would turn the counts into floats
    return {kpi_id: _plain(row[kpi_id].iloc[0]) for kpi_id in row.columns}


def days_since_last_meeting(con, filters: Filters, settings: Settings | None = None) -> pd.DataFrame:
    """D5 per supplier in scope: programme, supplier, last_meeting, days, stale; stalest first."""
    settings = settings or load_settings(con)
    frame = queries.run(con, "days_since_last_meeting", _params(filters, settings))
    frame["days"] = frame["days"].astype("Int64")
    return frame


def oecd_steps(con, filters: Filters) -> pd.DataFrame:
    """D10: step (1-6), meetings, step_name; every step present, zero when not addressed."""
    frame = queries.run(con, "oecd_steps_addressed", _params(filters))
    frame["step_name"] = frame["step"].map(vocabulary.OECD_STEPS)
    return frame


def meetings_per_supplier_quarter(con, filters: Filters) -> pd.DataFrame:
    """Heatmap: programme, supplier, quarter_start, meetings, quarter ("2024 Q1"), zero-filled."""
    frame = queries.run(con, "meetings_per_supplier_quarter", _params(filters))
    frame["quarter"] = per_distinct_day(frame["quarter_start"], quarter_label)
    return frame


def by_quarter(con, filters: Filters) -> pd.DataFrame:
    """Per quarter: quarter_start, meetings, suppliers_engaged, agenda_sent_pct,
    minutes_confirmed_pct, collective_pct, quarter ("2024 Q1")."""
    frame = queries.run(con, "dialogue_by_quarter", _params(filters))
    frame["quarter"] = per_distinct_day(frame["quarter_start"], quarter_label)
    return frame
