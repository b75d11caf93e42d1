"""Collective leverage: which buyers share which suppliers, and where shared leverage meets
low engagement, for the buyer group's quarterly review.

Each function runs one file of queries/; the rules are written there.
"""

import pandas as pd

from engagement import queries, vocabulary
from engagement.filters import Filters

# The short list "high leverage, low engagement" is a suggestion for the buyer group to
# discuss, not a verdict: these thresholds pick what to talk about, and are meant to be tuned.
MIN_SHARED_BUYERS = 2  # high leverage: at least this many buyers hold a contract in the period,
TOP_VALUE_PARTS = 3  # or the supplier is in the top 1/3 of suppliers by combined contract value
MIN_QUALITY_INDEX = 50  # low engagement: information quality index (I7) below this,
MIN_COVERAGE = 50  # or traceability coverage (T2, %) below this, or no dialogue meeting at all

_TOP_PART = {2: "half", 3: "third", 4: "quarter", 5: "fifth"}.get(TOP_VALUE_PARTS, f"1/{TOP_VALUE_PARTS}")
# The short list's rule as the page shows it, written from the same constants the query uses.
SHORTLIST_RULE = (
    f"High leverage: shared by {MIN_SHARED_BUYERS} or more buyers (contracts overlapping the period), "
    f"or in the top {_TOP_PART} of the suppliers in scope by combined contract value. Low engagement: "
    f"no dialogue meeting in the period, an information quality index (I7) below {MIN_QUALITY_INDEX}, "
    f"or a traceability coverage (T2) below {MIN_COVERAGE}%. An I7 or T2 without data is not low."
)


def _params(filters: Filters) -> dict:
    """The query parameters: the filters, the dialogue meeting types and the thresholds."""
    return filters.params(
        dialogue_types=list(vocabulary.DIALOGUE_MEETING_TYPES),
        min_buyers=MIN_SHARED_BUYERS,
        top_value_parts=TOP_VALUE_PARTS,
        min_quality_index=MIN_QUALITY_INDEX,
        min_coverage=MIN_COVERAGE,
    )


def matrix(con, filters: Filters) -> pd.DataFrame:
    """Buyer x supplier, contracts overlapping the period: programme, buyer, supplier, contracts,
    contract_value (null when no contract has a value), contracts_without_value."""
    return queries.run(con, "leverage_matrix", filters.params())


def by_supplier(con, filters: Filters) -> pd.DataFrame:
    """Per supplier in scope: buyers sharing it, their combined contract value, the buyers at its
    dialogue meetings, its I7 and T2, and the short list's signals (see leverage_by_supplier.sql)."""
    return queries.run(con, "leverage_by_supplier", _params(filters))


def high_leverage_low_engagement(con, filters: Filters) -> pd.DataFrame:
    """The short list: suppliers with high leverage and low engagement, with why, in words:
    programme, supplier, buyers, contract_value, dialogue_meetings, quality_index, coverage,
    leverage (why their leverage is high), low_engagement (which signals are low)."""
    frame = by_supplier(con, filters)
    listed = frame[frame["high_leverage"] & frame["low_engagement"]].reset_index(drop=True)
    return pd.DataFrame(
        {
            "programme": listed["programme"],
            "supplier": listed["supplier"],
            "buyers": listed["buyers"],
            "contract_value": listed["contract_value"],
            "dialogue_meetings": listed["dialogue_meetings"],
            "quality_index": listed["quality_index"],
            "coverage": listed["coverage"],
            "leverage": [_leverage_words(row) for row in listed.itertuples()],
            "low_engagement": [_engagement_words(row) for row in listed.itertuples()],
        }
    )


def _leverage_words(row) -> str:
    reasons = []
    if row.shared:
        reasons.append(f"shared by {row.buyers} buyers")
    if row.top_value:
        reasons.append(f"in the top {_TOP_PART} by contract value")
    return "; ".join(reasons)


def _engagement_words(row) -> str:
    reasons = []
    if row.no_dialogue:
        reasons.append("no dialogue meeting in the period")
    if row.low_information:
        reasons.append(f"information quality index (I7) {row.quality_index:.1f}, below {MIN_QUALITY_INDEX}")
    if row.low_traceability:
        reasons.append(f"traceability coverage (T2) {row.coverage:.1f}%, below {MIN_COVERAGE}%")
    return "; ".join(reasons)
