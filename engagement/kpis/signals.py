"""Escalation signals: which suppliers the group should consider taking a step up the ladder.

The app suggests, people decide: a signal names its reason and the next step; nothing is
escalated by it. Thresholds are settings the coordinator edits (engagement.settings).
"""

import pandas as pd

from engagement import queries, vocabulary
from engagement.filters import Filters
from engagement.settings import Settings


def signals(con, filters: Filters, settings: Settings) -> pd.DataFrame:
    """Per supplier in scope: programme, supplier, step, step_rank, days_since_meeting,
    requests, response_rate, critical_overdue (see queries/escalation_signals.sql), and
    reasons (the signals it gives, in words; empty when none) and next_step (the step after
    its current one, when it gives a signal and is not at the top of the ladder).
    Suppliers with signals first, highest step first."""
    frame = queries.run(
        con,
        "escalation_signals",
        filters.params(
            dialogue_types=list(vocabulary.DIALOGUE_MEETING_TYPES),
            target_days=settings.target_days,
            ladder=vocabulary.ESCALATION_LADDER,
        ),
    )
    frame["reasons"] = [reasons(row, settings) for row in frame.itertuples(index=False)]
    frame["next_step"] = pd.Series(  # object: None stays None where nothing is suggested
        [
            next_step(step) if found else None
            for step, found in zip(frame["step"], frame["reasons"], strict=True)
        ],
        index=frame.index,
        dtype=object,
    )
    flagged = frame["reasons"].map(bool)
    return (
        frame.assign(_flagged=flagged)
        .sort_values(["_flagged", "step_rank", "supplier"], ascending=[False, False, True])
        .drop(columns="_flagged")
        .reset_index(drop=True)
    )


def reasons(row, settings: Settings) -> list[str]:
    """The signals of one supplier, in words."""
    found = []
    days = row.days_since_meeting
    if days is None or pd.isna(days):
        found.append("never met in dialogue")
    elif days > settings.signal_meeting_days:
        found.append(f"no dialogue meeting for {int(days)} days (limit {settings.signal_meeting_days})")
    rate = row.response_rate
    if row.requests and rate is not None and not pd.isna(rate) and rate < settings.signal_response_rate:
        found.append(
            f"answered {rate:.0f}% of {row.requests} requests (limit {settings.signal_response_rate}%)"
        )
    if settings.signal_critical_cases and row.critical_overdue:
        cases = "case" if row.critical_overdue == 1 else "cases"
        found.append(
            f"{row.critical_overdue} critical {cases} open beyond the {settings.target_days}-day target"
        )
    return found


def next_step(step: str) -> str | None:
    """The step after `step` on the ladder; None at its top (termination)."""
    ladder = vocabulary.ESCALATION_LADDER
    position = ladder.index(step)
    return ladder[position + 1] if position + 1 < len(ladder) else None
