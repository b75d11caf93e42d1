"""Escalation signals on a hand-written programme: each signal, its words and the next step.

Period 1 Jan - 30 Jun 2024, resolution target 90 days.
- Alpha: met 1 Jun 2024 (29 days), answered 1 of 4 requests (25%): the response signal.
- Beta: last met 1 Nov 2023 (242 days > 180), an improvement plan: the meeting signal, next
  step external advice.
- Gamma: met in May, all requests answered, a critical case received 1 Feb 2024 still open on
  30 Jun (150 days > 90): the grievance signal; a high case as old gives none.
- Delta: met in June, no requests, no cases: no signal.
- Epsilon: never met, at termination already: a signal with no next step.
"""

import pickle
import string
from datetime import date

import pytest
from conftest import add_rows

from engagement.filters import Filters
from engagement.kpis import signals as signals_module
from engagement.kpis.signals import (
    CRITICAL_CASE,
    FEW_ANSWERS,
    NEVER_MET,
    NO_MEETING,
    Sentence,
    next_step,
    signals,
)
from engagement.page_texts import DUTCH
from engagement.settings import Settings

PERIOD = Filters(date(2024, 1, 1), date(2024, 6, 30))


def _request(number: int, supplier: str, answered: bool) -> dict:
    return {
        "request_id": f"r{number}",
        "supplier": supplier,
        "topic": "smelters",
        "requested_on": date(2024, 2, number),
        "answered_on": date(2024, 3, 1) if answered else None,
    }


@pytest.fixture
def con(db):
    add_rows(db, "suppliers", [{"supplier": s} for s in ("Alpha", "Beta", "Gamma", "Delta", "Epsilon")])
    add_rows(
        db,
        "meetings",
        [
            {"meeting_id": "m1", "date": date(2024, 6, 1), "supplier": "Alpha", "type": "dialogue"},
            {"meeting_id": "m2", "date": date(2023, 11, 1), "supplier": "Beta", "type": "dialogue"},
            {"meeting_id": "m3", "date": date(2024, 5, 1), "supplier": "Gamma", "type": "site_visit"},
            {"meeting_id": "m4", "date": date(2024, 6, 10), "supplier": "Delta", "type": "follow_up"},
        ],
    )
    add_rows(
        db,
        "info_requests",
        [_request(n, "Alpha", answered=n == 1) for n in range(1, 5)]
        + [_request(n, "Gamma", answered=True) for n in range(5, 7)],
    )
    add_rows(
        db,
        "grievances",
        [
            {"case_id": "g1", "supplier": "Gamma", "received_on": date(2024, 2, 1), "severity": "critical"},
            {"case_id": "g2", "supplier": "Gamma", "received_on": date(2024, 2, 1), "severity": "high"},
            # critical but resolved: no signal
            {
                "case_id": "g3",
                "supplier": "Delta",
                "received_on": date(2024, 1, 5),
                "severity": "critical",
                "status": "resolved",
                "resolved_on": date(2024, 3, 1),
            },
        ],
    )
    add_rows(
        db,
        "escalations",
        [
            {"supplier": "Beta", "date": date(2024, 3, 1), "step": "improvement_plan"},
            {"supplier": "Epsilon", "date": date(2023, 1, 1), "step": "termination"},
        ],
    )
    return db


def _by_supplier(frame) -> dict:
    return {row["supplier"]: row for row in frame.to_dict("records")}


def test_each_signal_in_words_with_the_next_step(con):
    rows = _by_supplier(signals(con, PERIOD, Settings()))
    assert rows["Alpha"]["reasons"] == ["answered 25% of 4 requests (limit 50%)"]
    assert rows["Alpha"]["next_step"] == "improvement_plan"
    assert rows["Beta"]["reasons"] == [
        "no dialogue meeting for 242 days (limit 180)"
    ]  # 1 Nov 2023 - 30 Jun 2024
    assert rows["Beta"]["next_step"] == "external_advice"
    assert rows["Gamma"]["reasons"] == ["1 critical case open beyond the 90-day target"]
    assert rows["Delta"]["reasons"] == [] and rows["Delta"]["next_step"] is None
    assert rows["Epsilon"]["reasons"] == ["never met in dialogue"]
    assert rows["Epsilon"]["next_step"] is None  # termination is the top of the ladder


def test_each_signal_keeps_its_template_and_figures(con):
    """The same signals as templates and values, for a page to write them in Dutch."""
    rows = _by_supplier(signals(con, PERIOD, Settings()))
    said = {
        supplier: [(reason.template, reason.values) for reason in rows[supplier]["reasons"]]
        for supplier in ("Alpha", "Beta", "Gamma", "Epsilon")
    }
    assert said == {
        "Alpha": [(FEW_ANSWERS, {"rate": 25, "requests": 4, "limit": 50})],  # 1 of 4 answered
        "Beta": [(NO_MEETING, {"days": 242, "limit": 180})],  # 1 Nov 2023 - 30 Jun 2024
        "Gamma": [(CRITICAL_CASE, {"cases": 1, "target": 90})],  # received 1 Feb, 150 days > 90
        "Epsilon": [(NEVER_MET, {})],
    }
    assert rows["Beta"]["reasons"][0].written("nl") == "242 dagen geen dialoogbijeenkomst (grens 180)"
    assert rows["Alpha"]["reasons"][0].written("nl") == "25% van 4 informatieverzoeken beantwoord (grens 50%)"
    assert rows["Gamma"]["reasons"][0].written("nl") == (
        "1 kritieke klacht staat langer open dan de termijn van 90 dagen"
    )
    assert rows["Beta"]["reasons"][0].written("en") == "no dialogue meeting for 242 days (limit 180)"


def test_every_template_has_its_dutch():
    """Each signal's sentence has its Dutch in engagement.page_texts, with the same placeholders."""

    def fields(template: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name}

    for template in signals_module.TEMPLATES:
        assert template in DUTCH, template
        assert fields(DUTCH[template]) == fields(template), template


def test_a_sentence_survives_the_cache():
    """Streamlit's cache pickles the frames: a sentence comes back with its template and values."""
    sentence = Sentence(NO_MEETING, days=242, limit=180)
    again = pickle.loads(pickle.dumps([sentence]))[0]
    assert again == "no dialogue meeting for 242 days (limit 180)"
    assert (again.template, again.values) == (NO_MEETING, {"days": 242, "limit": 180})
    # a float is written with one decimal, in each language's way
    assert Sentence("index {index}", index=33.333).written("nl") == "index 33,3"
    assert Sentence("index {index}", index=33.333) == "index 33.3"


def test_two_critical_cases_are_plural(con):
    add_rows(
        con,
        "grievances",
        [{"case_id": "g4", "supplier": "Gamma", "received_on": date(2024, 3, 1), "severity": "critical"}],
    )
    gamma = _by_supplier(signals(con, PERIOD, Settings()))["Gamma"]
    assert gamma["reasons"] == ["2 critical cases open beyond the 90-day target"]  # 150 and 121 days
    assert (
        gamma["reasons"][0].written("nl")
        == "2 kritieke klachten staan langer open dan de termijn van 90 dagen"
    )


def test_suppliers_with_signals_come_first_highest_step_first(con):
    order = list(signals(con, PERIOD, Settings())["supplier"])
    assert order == ["Epsilon", "Beta", "Alpha", "Gamma", "Delta"]


def test_the_settings_change_the_signals(con):
    lenient = Settings(signal_meeting_days=365, signal_response_rate=20, signal_critical_cases=0)
    rows = _by_supplier(signals(con, PERIOD, lenient))
    assert rows["Alpha"]["reasons"] == [] and rows["Beta"]["reasons"] == [] and rows["Gamma"]["reasons"] == []
    # a longer resolution target: Gamma's 150-day-old case is within 180 days
    assert _by_supplier(signals(con, PERIOD, Settings(target_days=180)))["Gamma"]["reasons"] == []


def test_the_ladder():
    assert next_step("dialogue") == "improvement_plan"
    assert next_step("fine") == "termination"
    assert next_step("termination") is None
