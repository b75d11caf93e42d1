"""Supplier scorecard (KPIS.md): one row per supplier in scope with D2, D5, I7, I8, T2, C2,
C4 and E1, each with its change against the previous period and a red/amber/green status.

The figures come from queries/supplier_scorecard.sql (each the rule of its KPI for one
supplier); the statuses from the thresholds in engagement.settings, which the coordinator
edits on the scorecard page.
"""

from dataclasses import dataclass

import pandas as pd

from engagement import queries, vocabulary
from engagement.filters import Filters
from engagement.settings import Settings

GREEN, AMBER, RED, NO_STATUS = "green", "amber", "red", "no data"
STATUS_ORDER = {RED: 0, AMBER: 1, GREEN: 2, NO_STATUS: 3}


@dataclass(frozen=True)
class Measure:
    """One scorecard column: its KPI id, the query's column, and how its status is judged."""

    kpi_id: str
    column: str
    label: str
    higher_is_better: bool
    green: str | None = None  # Settings field of the green threshold (None: judged by rule)
    amber: str | None = None


MEASURES = (
    Measure("D2", "engaged", "Engaged", True),
    Measure("D5", "days_since_meeting", "Days since last meeting", False, "d5_green_max", "d5_amber_max"),
    Measure("I7", "quality_index", "Information quality index", True, "i7_green_min", "i7_amber_min"),
    Measure("I8", "report_score", "Annual report score", True, "i8_green_min", "i8_amber_min"),
    Measure("T2", "coverage", "Traceability coverage", True, "t2_green_min", "t2_amber_min"),
    Measure("C2", "open_cases", "Open cases", False, "c2_green_max", "c2_amber_max"),
    Measure("C4", "within_target", "Resolved within target", True, "c4_green_min", "c4_amber_min"),
    Measure("E1", "step", "Escalation step", False),
)


def figures(con, filters: Filters, settings: Settings) -> pd.DataFrame:
    """The scorecard query's rows for the filters' period (one per supplier in scope)."""
    return queries.run(
        con,
        "supplier_scorecard",
        filters.params(
            dialogue_types=list(vocabulary.DIALOGUE_MEETING_TYPES),
            target_days=settings.target_days,
            ladder=vocabulary.ESCALATION_LADDER,
        ),
    )


def _both_periods(con, filters: Filters, settings: Settings) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The figures of the period and of the previous one, side by side on two cursors (DuckDB
    runs them in parallel; one query alone leaves a core idle much of the time)."""
    from concurrent.futures import ThreadPoolExecutor

    def of(period: Filters) -> pd.DataFrame:
        cursor = con.cursor()
        try:
            return figures(cursor, period, settings)
        finally:
            cursor.close()

    with ThreadPoolExecutor(2) as pool:
        current, previous = pool.map(of, (filters, filters.previous_period()))
    return current, previous


def scorecard(con, filters: Filters, settings: Settings) -> pd.DataFrame:
    """Per supplier in scope: each measure's value, its previous-period value and change, and
    its status; plus `status`, the worst of them, and `flags`, the measures in red.

    Columns: programme, supplier, then for each measure m: m, m_previous, m_change, m_status
    (m = the query column), and status, flags. Sorted red first, then by supplier.
    """
    current, previous = _both_periods(con, filters, settings)
    frame = current.merge(
        previous, on=["programme", "supplier"], how="left", suffixes=("", "_previous"), validate="one_to_one"
    )
    for measure in MEASURES:
        column = measure.column
        frame[f"{column}_change"] = [
            change(measure, now, before)
            for now, before in zip(frame[column], frame[f"{column}_previous"], strict=True)
        ]
        frame[f"{column}_status"] = [status(measure, value, settings) for value in frame[column]]
    statuses = frame[[f"{m.column}_status" for m in MEASURES]]
    frame["status"] = [worst(row) for row in statuses.itertuples(index=False)]
    frame["flags"] = [
        [m.kpi_id for m, value in zip(MEASURES, row, strict=True) if value == RED]
        for row in statuses.itertuples(index=False)
    ]
    frame = frame.drop(columns=["step_rank_previous"], errors="ignore")
    order = frame["status"].map(STATUS_ORDER)
    return (
        frame.assign(_order=order)
        .sort_values(["_order", "supplier"])
        .drop(columns="_order")
        .reset_index(drop=True)
    )


def change(measure: Measure, now, before):
    """Now minus before for numbers (None when either is unknown); for D2 and E1, the earlier
    value when it differs (None when the same or unknown)."""
    if _missing(now) or _missing(before):
        return None
    if measure.kpi_id in ("D2", "E1"):
        return None if now == before else before
    return float(now) - float(before)


def status(measure: Measure, value, settings: Settings) -> str:
    """The red/amber/green status of one value (NO_STATUS when it is unknown).

    D2: engaged is green, not engaged red. E1: dialogue green, the steps before a formal
    escalation amber, a formal escalation (E2: notice of default, fine, termination) red.
    D5 without any dialogue meeting is red: the supplier has never been met.
    """
    if measure.kpi_id == "D2":
        return GREEN if value else RED
    if measure.kpi_id == "E1":
        if value == "dialogue":
            return GREEN
        return RED if value in vocabulary.FORMAL_ESCALATION_STEPS else AMBER
    if _missing(value):
        return RED if measure.kpi_id == "D5" else NO_STATUS
    green, amber = getattr(settings, measure.green), getattr(settings, measure.amber)
    if measure.higher_is_better:
        return GREEN if value >= green else AMBER if value >= amber else RED
    return GREEN if value <= green else AMBER if value <= amber else RED


def worst(statuses) -> str:
    known = [s for s in statuses if s != NO_STATUS]
    return min(known, key=STATUS_ORDER.get) if known else NO_STATUS


def _missing(value) -> bool:
    return value is None or (not isinstance(value, str | bool) and pd.isna(value))
