"""Escalation signals: which suppliers the group should consider taking a step up the ladder.

The app suggests, people decide: a signal names its reason and the next step; nothing is
escalated by it. Thresholds are settings the coordinator edits (engagement.settings).
"""

import pandas as pd

from engagement import page_texts, queries, texts, vocabulary
from engagement.filters import Filters
from engagement.settings import Settings

# The signals in words: English templates, filled with whole numbers. A page writes them in
# the user's language through Sentence.written (their Dutch is in engagement.page_texts).
NEVER_MET = "never met in dialogue"
NO_MEETING = "no dialogue meeting for {days} days (limit {limit})"
FEW_ANSWERS = "answered {rate}% of {requests} requests (limit {limit}%)"
CRITICAL_CASE = "{cases} critical case open beyond the {target}-day target"
CRITICAL_CASES = "{cases} critical cases open beyond the {target}-day target"
TEMPLATES = (NEVER_MET, NO_MEETING, FEW_ANSWERS, CRITICAL_CASE, CRITICAL_CASES)


class Sentence(str):
    """An English sentence that keeps its template and values, so that a page can write it in
    another language. It is the English string itself: compare, join and print it as one.
    Values are whole numbers, or numbers written with one decimal (floats)."""

    template: str
    values: dict

    def __new__(cls, template: str, **values):
        sentence = super().__new__(cls, _filled(template, "en", values))
        sentence.template, sentence.values = template, values
        return sentence

    def __reduce__(self):  # pickled by Streamlit's cache: rebuilt from template and values
        return _sentence, (self.template, self.values)

    def written(self, lang: str) -> str:
        """The sentence in a language ("en" or "nl"), its numbers as that language writes them."""
        template = page_texts.DUTCH.get(self.template, self.template) if lang == "nl" else self.template
        return _filled(template, lang, self.values)


def _sentence(template: str, values: dict) -> Sentence:
    return Sentence(template, **values)


def _filled(template: str, lang: str, values: dict) -> str:
    written = {
        name: texts.format_number(value, lang, 1) if isinstance(value, float) else value
        for name, value in values.items()
    }
    return template.format(**written) if written else template


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


def reasons(row, settings: Settings) -> list[Sentence]:
    """The signals of one supplier, in words."""
    found = []
    days = row.days_since_meeting
    if days is None or pd.isna(days):
        found.append(Sentence(NEVER_MET))
    elif days > settings.signal_meeting_days:
        found.append(Sentence(NO_MEETING, days=int(days), limit=settings.signal_meeting_days))
    rate = row.response_rate
    if row.requests and rate is not None and not pd.isna(rate) and rate < settings.signal_response_rate:
        # rounded as f"{rate:.0f}" rounds (half to even)
        found.append(
            Sentence(
                FEW_ANSWERS,
                rate=round(float(rate)),
                requests=int(row.requests),
                limit=settings.signal_response_rate,
            )
        )
    if settings.signal_critical_cases and row.critical_overdue:
        cases = int(row.critical_overdue)
        found.append(
            Sentence(
                CRITICAL_CASE if cases == 1 else CRITICAL_CASES, cases=cases, target=settings.target_days
            )
        )
    return found


def next_step(step: str) -> str | None:
    """The step after `step` on the ladder; None at its top (termination)."""
    ladder = vocabulary.ESCALATION_LADDER
    position = ladder.index(step)
    return ladder[position + 1] if position + 1 < len(ladder) else None
