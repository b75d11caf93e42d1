"""Supplier scorecard on a hand-written programme, every figure, change and status by hand.

Period 1 Jan - 30 Jun 2024; the previous period of equal length is 1 Jul - 31 Dec 2023.
Alpha has a figure for every measure; Beta and Gamma test what is missing and escalated;
Delta's contract ended before both periods, so it is not on the scorecard.
"""

from datetime import date

import pandas as pd
import pytest
from conftest import add_rows

from engagement.filters import Filters
from engagement.kpis.scorecard import AMBER, GREEN, NO_STATUS, RED, scorecard
from engagement.settings import Settings

PERIOD = Filters(date(2024, 1, 1), date(2024, 6, 30))


@pytest.fixture
def con(db):
    add_rows(db, "suppliers", [{"supplier": s} for s in ("Alpha", "Beta", "Gamma", "Delta")])
    add_rows(
        db,
        "contracts",
        [
            {"buyer": "City", "supplier": "Alpha", "start_date": date(2023, 1, 1)},
            {
                "buyer": "City",
                "supplier": "Beta",
                "start_date": date(2024, 1, 1),
            },  # not in the previous period
            {
                "buyer": "Town",
                "supplier": "Gamma",
                "start_date": date(2023, 6, 1),
                "end_date": date(2024, 12, 31),
            },
            {
                "buyer": "City",
                "supplier": "Delta",
                "start_date": date(2022, 1, 1),
                "end_date": date(2023, 6, 30),
            },
        ],
    )
    add_rows(
        db,
        "meetings",
        [
            {"meeting_id": "m1", "date": date(2023, 10, 1), "supplier": "Alpha", "type": "dialogue"},
            {"meeting_id": "m2", "date": date(2024, 3, 1), "supplier": "Alpha", "type": "follow_up"},
            {"meeting_id": "m3", "date": date(2024, 2, 1), "supplier": "Beta", "type": "market_event"},
            {"meeting_id": "m4", "date": date(2023, 9, 15), "supplier": "Gamma", "type": "site_visit"},
        ],
    )
    add_rows(
        db,
        "info_requests",
        [
            # previous period: answered late, completeness 2, no evidence: 100 x (0.5 x 2/4) = 25
            {
                "request_id": "r0",
                "supplier": "Alpha",
                "topic": "smelters",
                "requested_on": date(2023, 8, 1),
                "due_on": date(2023, 8, 10),
                "answered_on": date(2023, 8, 20),
                "completeness": 2,
                "evidence": False,
            },
            # this period: one perfect answer (100) and one unanswered (0): I7 = 50
            {
                "request_id": "r1",
                "supplier": "Alpha",
                "topic": "smelters",
                "requested_on": date(2024, 2, 1),
                "due_on": date(2024, 2, 15),
                "answered_on": date(2024, 2, 10),
                "completeness": 4,
                "evidence": True,
            },
            {"request_id": "r2", "supplier": "Alpha", "topic": "audits", "requested_on": date(2024, 3, 1)},
        ],
    )
    element_scores = (
        "risk_analysis",
        "action_plan",
        "signals_handling",
        "stakeholder_consultation",
        "kpis_reported",
    )
    add_rows(
        db,
        "report_assessments",
        [
            {"supplier": "Alpha", "year": 2023, **dict.fromkeys(element_scores, 2)},  # 10 / 10 = 100%
            # 2 + 1 + 0 + 1 over four assessed elements: 4 / 8 = 50%
            {"supplier": "Alpha", "year": 2024, **dict(zip(element_scores, (2, 1, 0, None, 1), strict=True))},
        ],
    )
    add_rows(
        db,
        "sites",
        [
            # Battery disclosed in February 2024, Motor only after the period: T2 50% now, 0% before
            {
                "supplier": "Alpha",
                "product": "Bus",
                "component": "Battery",
                "tier": 2,
                "site_name": "Cell plant",
                "country": "CN",
                "disclosed_on": date(2024, 2, 1),
            },
            {
                "supplier": "Alpha",
                "product": "Bus",
                "component": "Motor",
                "tier": 2,
                "site_name": "Motor plant",
                "country": "PL",
                "disclosed_on": date(2024, 8, 1),
            },
        ],
    )
    add_rows(
        db,
        "grievances",
        [
            # resolved in 22 days: within the 90-day target
            {
                "case_id": "g1",
                "supplier": "Alpha",
                "received_on": date(2024, 1, 10),
                "status": "resolved",
                "resolved_on": date(2024, 2, 1),
            },
            # open, due 1 May 2024 (on or before 30 Jun): counts, not within target
            {"case_id": "g2", "supplier": "Alpha", "received_on": date(2024, 2, 1), "status": "open"},
            # open, due 30 Jul 2024: not yet judged by C4, but open on 30 Jun (C2)
            {"case_id": "g3", "supplier": "Alpha", "received_on": date(2024, 5, 1), "status": "open"},
        ],
    )
    add_rows(
        db,
        "escalations",
        [
            {"supplier": "Beta", "date": date(2024, 4, 1), "step": "improvement_plan"},
            {"supplier": "Gamma", "date": date(2023, 11, 1), "step": "notice_of_default"},
        ],
    )
    return db


def _row(card, supplier: str) -> dict:
    rows = card[card["supplier"] == supplier].to_dict("records")
    assert len(rows) == 1
    return rows[0]


def test_one_row_per_supplier_in_scope_red_first(con):
    card = scorecard(con, PERIOD, Settings())
    # Beta and Gamma have a red measure; Alpha's worst is amber. Delta is out of scope.
    assert list(card["supplier"]) == ["Beta", "Gamma", "Alpha"]
    assert list(card["status"]) == [RED, RED, AMBER]


def test_figures_of_a_supplier_with_every_measure(con):
    alpha = _row(scorecard(con, PERIOD, Settings()), "Alpha")
    assert alpha["engaged"] is True or alpha["engaged"] == 1  # m2, 1 Mar 2024
    assert alpha["days_since_meeting"] == 121  # 30 Jun - 1 Mar 2024 (a leap year: 29 + 31 + 30 + 31 = 121)
    assert alpha["quality_index"] == pytest.approx(50.0)  # (100 + 0) / 2
    assert (alpha["report_year"], alpha["report_score"]) == (2024, pytest.approx(50.0))
    assert alpha["coverage"] == pytest.approx(50.0)  # Battery of Battery and Motor
    assert alpha["open_cases"] == 2  # g2, g3
    assert alpha["within_target"] == pytest.approx(50.0)  # g1 of g1, g2
    assert alpha["step"] == "dialogue"


def test_changes_against_the_previous_period(con):
    alpha = _row(scorecard(con, PERIOD, Settings()), "Alpha")
    assert alpha["days_since_meeting_previous"] == 91  # 31 Dec - 1 Oct 2023
    assert alpha["days_since_meeting_change"] == 30  # 121 - 91
    assert alpha["quality_index_change"] == pytest.approx(25.0)  # 50 - 25
    assert alpha["report_score_change"] == pytest.approx(-50.0)  # 50 (2024) - 100 (2023)
    assert alpha["coverage_change"] == pytest.approx(50.0)  # 50 - 0
    assert alpha["open_cases_change"] == 2  # 2 - 0
    assert pd.isna(alpha["within_target_change"])  # no case judged by C4 before
    assert alpha["engaged_change"] is None and alpha["step_change"] is None  # the same both times
    gamma = _row(scorecard(con, PERIOD, Settings()), "Gamma")
    assert gamma["engaged_change"] is True or gamma["engaged_change"] == 1  # met in September 2023: was yes
    beta = _row(scorecard(con, PERIOD, Settings()), "Beta")
    assert pd.isna(beta["days_since_meeting_change"])  # not in scope before, never met


def test_statuses_by_the_default_thresholds(con):
    card = scorecard(con, PERIOD, Settings())
    alpha, beta, gamma = (_row(card, s) for s in ("Alpha", "Beta", "Gamma"))
    # Alpha: 121 days (90 < 121 <= 180), I7 50 (>= 50, < 75), I8 50 (>= 40, < 70), T2 50 (>= 50, < 80),
    # 2 open cases (<= 2), C4 50 (>= 50, < 80): amber; engaged and in dialogue: green.
    assert [alpha[f"{c}_status"] for c in ("engaged", "days_since_meeting", "step")] == [GREEN, AMBER, GREEN]
    assert {alpha[f"{c}_status"] for c in ("quality_index", "report_score", "coverage", "within_target")} == {
        AMBER
    }
    assert alpha["open_cases_status"] == AMBER
    assert alpha["flags"] == []
    # Beta: a market event is not a dialogue meeting: not engaged and never met (red); no
    # requests, reports, components or cases judged (no data); no open case (green); an
    # improvement plan (amber).
    assert beta["flags"] == ["D2", "D5"]
    assert beta["quality_index_status"] == NO_STATUS and beta["open_cases_status"] == GREEN
    assert beta["step_status"] == AMBER
    # Gamma: 289 days since 15 Sep 2023 (> 180) and a notice of default (a formal escalation).
    assert gamma["days_since_meeting"] == 289
    assert gamma["flags"] == ["D2", "D5", "E1"]


def test_thresholds_the_coordinator_changes(con):
    stricter = Settings(i7_amber_min=60, c2_amber_max=1)
    alpha = _row(scorecard(con, PERIOD, stricter), "Alpha")
    assert alpha["quality_index_status"] == RED  # 50 < 60
    assert alpha["open_cases_status"] == RED  # 2 > 1
    assert alpha["flags"] == ["I7", "C2"]


def test_a_supplier_filter_keeps_its_row(con):
    card = scorecard(con, Filters(date(2024, 1, 1), date(2024, 6, 30), suppliers=("Alpha",)), Settings())
    assert list(card["supplier"]) == ["Alpha"]


def test_an_empty_scope_is_an_empty_scorecard(con):
    assert scorecard(
        con, Filters(date(2019, 1, 1), date(2019, 12, 31), suppliers=("Delta",)), Settings()
    ).empty
