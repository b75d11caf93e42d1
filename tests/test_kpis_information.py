"""Information quality (I1-I8): every figure checked against a hand computation on a small fixture."""

import json
from datetime import date

import pandas as pd
import pytest
from conftest import add_rows

from engagement.filters import Filters
from engagement.kpis import information
from engagement.settings import Settings

FIRST_HALF = Filters(date(2024, 1, 1), date(2024, 6, 30))

SUPPLIERS = [{"supplier": "A"}, {"supplier": "B"}, {"supplier": "C"}]
# Buyer Y holds a contract with B only.
CONTRACTS = [
    {"buyer": "X", "supplier": "A", "start_date": date(2023, 1, 1)},
    {"buyer": "Y", "supplier": "B", "start_date": date(2024, 1, 1)},
    {"buyer": "X", "supplier": "C", "start_date": date(2024, 1, 1)},
]


def _request(rid, supplier, requested, due, answered, completeness=None, evidence=None):
    return {
        "request_id": rid,
        "supplier": supplier,
        "topic": "production sites",
        "requested_on": requested,
        "due_on": due,
        "answered_on": answered,
        "completeness": completeness,
        "evidence": evidence,
    }


# Per request, for the first half of 2024: answered (on or before 2024-06-30)? days; score
# = 100 x (0.5 x completeness / 4 + 0.25 x on time + 0.25 x evidence), 0 when unanswered.
REQUESTS = [
    # answered, on time, 10 days; 100 x (0.5 + 0.25 + 0.25) = 100
    _request("r1", "A", date(2024, 1, 10), date(2024, 1, 31), date(2024, 1, 20), 4, True),
    # answered, late, 29 days (2024 is a leap year); 100 x (0.5 x 2/4) = 25
    _request("r2", "A", date(2024, 2, 1), date(2024, 2, 15), date(2024, 3, 1), 2, False),
    # answered, no due date (on time), 40 days, completeness and evidence blank; 100 x 0.25 = 25
    _request("r3", "B", date(2024, 3, 1), None, date(2024, 4, 10)),
    # unanswered; 0
    _request("r4", "B", date(2024, 5, 1), date(2024, 5, 31), None),
    # made on `to`, answered after it: unanswered in the period; 0
    _request("r5", "C", date(2024, 6, 30), date(2024, 7, 15), date(2024, 7, 2), 3, True),
    # made the day after the period
    _request("r6", "C", date(2024, 7, 1), None, date(2024, 7, 2), 4, True),
    # made the day before the period
    _request("r7", "A", date(2023, 12, 31), date(2024, 1, 15), date(2024, 1, 5), 0, False),
    # answered on its due date (on time), 9 days, evidence blank; 100 x (0.5 x 1/4 + 0.25) = 37.5
    _request("r8", "A", date(2024, 4, 1), date(2024, 4, 10), date(2024, 4, 10), 1, None),
]

ELEMENTS = ["risk_analysis", "action_plan", "signals_handling", "stakeholder_consultation", "kpis_reported"]


def _assessment(supplier, year, *scores):
    return {"supplier": supplier, "year": year, **dict(zip(ELEMENTS, scores, strict=True))}


# Supplier-year scores: A 2024 (2+1+0+2) / (2 x 4) = 62.5; B 2024 nothing assessed (left out);
# C 2024 100; A 2023 0; A 2025 50.
ASSESSMENTS = [
    _assessment("A", 2024, 2, 1, None, 0, 2),
    _assessment("B", 2024, None, None, None, None, None),
    _assessment("C", 2024, 2, 2, 2, 2, 2),
    _assessment("A", 2023, 0, 0, 0, 0, 0),
    _assessment("A", 2025, 1, 1, 1, 1, 1),
]


@pytest.fixture
def con(db):
    add_rows(db, "suppliers", SUPPLIERS)
    add_rows(db, "contracts", CONTRACTS)
    add_rows(db, "info_requests", REQUESTS)
    add_rows(db, "report_assessments", ASSESSMENTS)
    return db


def test_summary_first_half_of_2024(con):
    """Every I id for the first half of 2024, no filter."""
    # I1: r1, r2, r3, r4, r5, r8 = 6.  Answered: r1, r2, r3, r8 -> I2 = 4 / 6.
    # I3: answered with a due date r1, r2, r8; on time r1, r8 -> 2 / 3.
    # I4: completeness known among answered 4, 2, 1 -> 7/3 / 4 x 100 = 58.33.
    # I5: evidence known among answered r1 T, r2 F -> 50.
    # I6: days 9, 10, 29, 40 -> (10 + 29) / 2 = 19.5.
    # I7: (100 + 25 + 25 + 0 + 0 + 37.5) / 6 = 31.25.
    # I8: years touched 2024: (62.5 + 100) / 2 = 81.25.
    figures = information.summary(con, FIRST_HALF, Settings())
    assert figures == {
        "I1": 6,
        "I2": pytest.approx(200 / 3),
        "I3": pytest.approx(200 / 3),
        "I4": pytest.approx(175 / 3),
        "I5": pytest.approx(50.0),
        "I6": pytest.approx(19.5),
        "I7": pytest.approx(31.25),
        "I8": pytest.approx(81.25),
    }
    assert type(figures["I1"]) is int
    json.dumps(figures)


def test_i8_takes_every_year_the_period_touches(con):
    """From 2023-07-01 to 2024-06-30: supplier-years A 2023, A 2024, C 2024 (B 2024 has no score)."""
    # I8 = (0 + 62.5 + 100) / 3; I1 takes in r7 (2023-12-31) too.
    figures = information.summary(con, Filters(date(2023, 7, 1), date(2024, 6, 30)), Settings())
    assert figures["I8"] == pytest.approx(162.5 / 3)
    assert figures["I1"] == 7


def test_empty_period_gives_no_data_not_zero(con):
    """No request and no assessment in 2020: I1 0, everything else None."""
    figures = information.summary(con, Filters(date(2020, 1, 1), date(2020, 12, 31)), Settings())
    assert figures == {"I1": 0, **{f"I{n}": None for n in range(2, 9)}}


def test_supplier_filter(con):
    """Supplier A only: r1, r2, r8."""
    # I2 3 / 3; I3 r1, r8 of r1, r2, r8 -> 2 / 3; I4 (4 + 2 + 1) / 3 / 4 x 100; I5 r1 T, r2 F -> 50;
    # I6 days 9, 10, 29 -> 10; I7 (100 + 25 + 37.5) / 3 = 54.17; I8 A 2024 = 62.5.
    filters = Filters(FIRST_HALF.date_from, FIRST_HALF.date_to, suppliers=("A",))
    assert information.summary(con, filters, Settings()) == {
        "I1": 3,
        "I2": pytest.approx(100.0),
        "I3": pytest.approx(200 / 3),
        "I4": pytest.approx(175 / 3),
        "I5": pytest.approx(50.0),
        "I6": pytest.approx(10.0),
        "I7": pytest.approx(162.5 / 3),
        "I8": pytest.approx(62.5),
    }


def test_buyer_filter(con):
    """Buyer Y: the suppliers Y holds a contract with (B): r3, r4, and B's empty assessment."""
    # I2 1 / 2. r3 has no due date, no completeness and no evidence: I3, I4, I5 have empty
    # denominators. I6 40. I7 (25 + 0) / 2. I8: B 2024 has no assessed item -> None.
    filters = Filters(FIRST_HALF.date_from, FIRST_HALF.date_to, buyers=("Y",))
    assert information.summary(con, filters, Settings()) == {
        "I1": 2,
        "I2": pytest.approx(50.0),
        "I3": None,
        "I4": None,
        "I5": None,
        "I6": pytest.approx(40.0),
        "I7": pytest.approx(12.5),
        "I8": None,
    }


def test_quality_by_quarter(con):
    """Per quarter of 2024, by the quarter a request was made in, answers as of 31 Dec 2024."""
    # Q1: r1, r2, r3 (r3 answered in April: answered by the period's end). response 3 / 3;
    #   on time r1 of r1, r2 (r3 has no due date) -> 50; completeness (4 + 2) / 2 / 4 -> 75;
    #   evidence T, F -> 50; index (100 + 25 + 25) / 3 = 50.
    # Q2: r4 (unanswered), r5 (answered 2 July, on time, 3, T), r8 (on time, 1, blank).
    #   response 2 / 3; on time 2 / 2 -> 100; completeness (3 + 1) / 2 / 4 -> 50;
    #   evidence 1 / 1 -> 100; index (0 + 100 x (0.375 + 0.25 + 0.25) + 37.5) / 3 = 125 / 3.
    # Q3: r6 answered the next day, no due date: 100 everywhere but on time (no due date -> None).
    # Q4: no request: 0 and None.
    frame = information.quality_by_quarter(con, Filters(date(2024, 1, 1), date(2024, 12, 31)))
    assert frame["quarter"].tolist() == ["2024 Q1", "2024 Q2", "2024 Q3", "2024 Q4"]
    assert frame["requests"].tolist() == [3, 3, 1, 0]
    expected = {
        "response_rate": [100.0, 200 / 3, 100.0, None],
        "on_time": [50.0, 100.0, None, None],
        "completeness": [75.0, 50.0, 100.0, None],
        "evidence": [50.0, 100.0, 100.0, None],
        "quality_index": [50.0, 125 / 3, 100.0, None],
    }
    for column, values in expected.items():
        assert _values(frame[column]) == [None if v is None else pytest.approx(v) for v in values], column


def test_quality_by_supplier(con):
    """Per supplier with requests in the first half of 2024."""
    frame = information.quality_by_supplier(con, FIRST_HALF)
    assert list(frame.columns) == [
        "programme",
        "supplier",
        "requests",
        "response_rate",
        "on_time",
        "completeness",
        "evidence",
        "median_days",
        "quality_index",
    ]
    rows = {r["supplier"]: r for r in frame.to_dict("records")}
    assert set(rows) == {"A", "B", "C"}
    # A: as the supplier-filter test. B: as the buyer-filter test. C: r5 unanswered in the period.
    expected = {
        "A": [3, 100.0, 200 / 3, 175 / 3, 50.0, 10.0, 162.5 / 3],
        "B": [2, 50.0, None, None, None, 40.0, 12.5],
        "C": [1, 0.0, None, None, None, None, 0.0],
    }
    for supplier, values in expected.items():
        got = [None if pd.isna(rows[supplier][c]) else rows[supplier][c] for c in frame.columns[2:]]
        assert got == [None if v is None else pytest.approx(v) for v in values], supplier


def test_report_scores(con):
    """Long format, five elements per supplier-year of the years the period touches."""
    frame = information.report_scores(con, Filters(date(2023, 7, 1), date(2024, 6, 30)))
    assert list(frame.columns) == ["programme", "supplier", "year", "element", "score", "score_pct"]
    assert len(frame) == 20  # A 2023, A 2024, B 2024, C 2024; A 2025 is outside
    a_2024 = frame[(frame["supplier"] == "A") & (frame["year"] == 2024)]
    assert a_2024["element"].tolist() == ELEMENTS
    assert _values(a_2024["score"]) == [2, 1, None, 0, 2]
    assert _values(a_2024["score_pct"]) == [62.5] * 5
    b_2024 = frame[frame["supplier"] == "B"]
    assert _values(b_2024["score_pct"]) == [None] * 5
    a_2023 = frame[(frame["supplier"] == "A") & (frame["year"] == 2023)]
    assert _values(a_2023["score_pct"]) == [0.0] * 5


def _values(series: pd.Series) -> list:
    return [None if pd.isna(v) else float(v) for v in series]
