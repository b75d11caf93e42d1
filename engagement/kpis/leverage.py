"""Collective leverage: which buyers share which suppliers, and where shared leverage meets
low engagement, for the buyer group's quarterly review.

Each function runs one file of queries/; the rules are written there.
"""

import pandas as pd

from engagement import queries, vocabulary
from engagement.filters import Filters
from engagement.kpis.signals import Sentence

# The short list "high leverage, low engagement" is a suggestion for the buyer group to
# discuss, not a verdict: these thresholds pick what to talk about, and are meant to be tuned.
MIN_SHARED_BUYERS = 2  # high leverage: at least this many buyers hold a contract in the period,
TOP_VALUE_PARTS = 3  # or the supplier is in the top 1/3 of suppliers by combined contract value
MIN_QUALITY_INDEX = 50  # low engagement: information quality index (I7) below this,
MIN_COVERAGE = 50  # or traceability coverage (T2, %) below this, or no dialogue meeting at all

_TOP_PART = {2: "half", 3: "third", 4: "quarter", 5: "fifth"}.get(TOP_VALUE_PARTS, f"1/{TOP_VALUE_PARTS}")
# The short list's reasons and rule in English templates (Sentence); their Dutch is in
# engagement.page_texts, keyed by these templates. The top part is written into them: another
# TOP_VALUE_PARTS is another sentence, to translate again (tests/test_kpis_leverage.py checks).
SHARED = "shared by {buyers} buyers"
TOP_VALUE = f"in the top {_TOP_PART} by contract value"
NO_DIALOGUE = "no dialogue meeting in the period"
LOW_INFORMATION = "information quality index (I7) {index}, below {limit}"
LOW_TRACEABILITY = "traceability coverage (T2) {coverage}%, below {limit}%"
# The short list's rule as the page shows it, filled from the same constants the query uses.
SHORTLIST_RULE = Sentence(
    "High leverage: shared by {min_buyers} or more buyers (contracts overlapping the period), "
    f"or in the top {_TOP_PART} of the suppliers in scope by combined contract value. Low engagement: "
    "no dialogue meeting in the period, an information quality index (I7) below {min_quality}, "
    "or a traceability coverage (T2) below {min_coverage}%. An I7 or T2 without data is not low.",
    min_buyers=MIN_SHARED_BUYERS,
    min_quality=MIN_QUALITY_INDEX,
    min_coverage=MIN_COVERAGE,
)
TEMPLATES = (SHARED, TOP_VALUE, NO_DIALOGUE, LOW_INFORMATION, LOW_TRACEABILITY, SHORTLIST_RULE.template)


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
    leverage (why their leverage is high), low_engagement (which signals are low), and the
    same as lists of Sentence, for a page to write in another language: leverage_reasons,
    low_engagement_reasons."""
    return shortlist_of(by_supplier(con, filters))


def shortlist_of(frame: pd.DataFrame) -> pd.DataFrame:
    """high_leverage_low_engagement from by_supplier's rows (the page has them already)."""
    listed = frame[frame["high_leverage"] & frame["low_engagement"]].reset_index(drop=True)
    leverage = [_leverage_reasons(row) for row in listed.itertuples()]
    engagement = [_engagement_reasons(row) for row in listed.itertuples()]
    return pd.DataFrame(
        {
            "programme": listed["programme"],
            "supplier": listed["supplier"],
            "buyers": listed["buyers"],
            "contract_value": listed["contract_value"],
            "dialogue_meetings": listed["dialogue_meetings"],
            "quality_index": listed["quality_index"],
            "coverage": listed["coverage"],
            "leverage": ["; ".join(reasons) for reasons in leverage],
            "low_engagement": ["; ".join(reasons) for reasons in engagement],
            "leverage_reasons": leverage,
            "low_engagement_reasons": engagement,
        }
    )


def _leverage_reasons(row) -> list[Sentence]:
    reasons = []
    if row.shared:
        reasons.append(Sentence(SHARED, buyers=int(row.buyers)))
    if row.top_value:
        reasons.append(Sentence(TOP_VALUE))
    return reasons


def _engagement_reasons(row) -> list[Sentence]:
    reasons = []
    if row.no_dialogue:
        reasons.append(Sentence(NO_DIALOGUE))
    if row.low_information:
        reasons.append(Sentence(LOW_INFORMATION, index=float(row.quality_index), limit=MIN_QUALITY_INDEX))
    if row.low_traceability:
        reasons.append(Sentence(LOW_TRACEABILITY, coverage=float(row.coverage), limit=MIN_COVERAGE))
    return reasons
