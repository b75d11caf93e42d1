"""Dialogue frequency (D1-D11): every figure checked against a hand computation on a small fixture."""

import json
from datetime import date

import pandas as pd
import pytest
from conftest import add_rows

from engagement.filters import Filters
from engagement.kpis import dialogue
from engagement.settings import Settings

FIRST_HALF = Filters(date(2024, 1, 1), date(2024, 6, 30))
SETTINGS = Settings(staleness_days=180)

# Programme P. Suppliers in scope for the first half of 2024 (a contract overlapping it):
#   A (X from 2023 to 2025, Y from 2024-03-01), C (X from 2024-06-30, the last day),
#   D (Z from 2024-05-01), E (X in January only).
#   B is not: Y's contract ended 2023-12-31 and Z's starts 2024-07-01.
SUPPLIERS = [
    {"supplier": "A", "country": "NL", "category": "bus"},
    {"supplier": "B", "country": "DE", "category": "bus"},
    {"supplier": "C", "country": "PL", "category": "car"},
    {"supplier": "D", "country": "NL", "category": "car"},
    {"supplier": "E", "country": "NL", "category": "bus"},
]
CONTRACTS = [
    {"buyer": "X", "supplier": "A", "start_date": date(2023, 1, 1), "end_date": date(2025, 12, 31)},
    {"buyer": "Y", "supplier": "A", "start_date": date(2024, 3, 1), "end_date": None},
    {"buyer": "Y", "supplier": "B", "start_date": date(2022, 1, 1), "end_date": date(2023, 12, 31)},
    {"buyer": "Z", "supplier": "B", "start_date": date(2024, 7, 1), "end_date": None},
    {"buyer": "X", "supplier": "C", "start_date": date(2024, 6, 30), "end_date": None},
    {"buyer": "Z", "supplier": "D", "start_date": date(2024, 5, 1), "end_date": None},
    {"buyer": "X", "supplier": "E", "start_date": date(2024, 1, 1), "end_date": date(2024, 1, 31)},
]


def _meeting(mid, day, supplier, kind, buyers, topics, agenda=None, minutes=None):
    return {
        "meeting_id": mid,
        "date": day,
        "supplier": supplier,
        "type": kind,
        "buyers": buyers,
        "topics": topics,
        "agenda_sent": agenda,
        "minutes_confirmed": minutes,
    }


MEETINGS = [
    _meeting("m1", date(2024, 1, 10), "A", "dialogue", ["X", "Y"], ["policy", "remedy"], True, True),
    _meeting("m2", date(2024, 2, 15), "A", "follow_up", ["X"], ["risk_analysis", "traceability"], False),
    _meeting("m3", date(2024, 4, 20), "B", "site_visit", ["Y", "Y"], ["audit", "mystery"], None, False),
    _meeting(
        "m4", date(2024, 6, 30), "C", "dialogue", ["X", "Z"], ["reporting"], True, None
    ),  # on `to`: counts
    _meeting("m5", date(2024, 7, 1), "C", "dialogue", ["X"], ["remedy"]),  # the day after: does not
    _meeting("m6", date(2024, 3, 5), None, "market_event", ["X", "Y", "Z"], ["policy"], True),
    _meeting("m7", date(2023, 12, 31), "D", "dialogue", ["Z"], ["policy"]),  # before the period
    _meeting("m8", date(2023, 6, 1), "A", "dialogue", ["X"], []),
    _meeting("m9", date(2024, 5, 5), "A", "market_event", ["X"], ["remedy"], True, True),
]


def _action(aid, supplier, due, completed):
    return {
        "action_id": aid,
        "supplier": supplier,
        "description": aid,
        "due_date": due,
        "completed_on": completed,
    }


ACTIONS = [
    _action("a1", "A", date(2024, 3, 31), date(2024, 3, 31)),  # on the due date: on time
    _action("a2", "A", date(2024, 5, 15), date(2024, 5, 16)),  # a day late
    _action("a3", "C", date(2024, 6, 30), None),  # not done
    _action("a4", "C", date(2024, 7, 1), date(2024, 6, 1)),  # due after the period
    _action("a5", "B", date(2023, 12, 31), date(2023, 12, 1)),  # due before the period
    _action("a6", "B", date(2024, 2, 1), date(2024, 1, 20)),
    _action("a7", "D", date(2024, 4, 1), date(2024, 3, 1)),
]


@pytest.fixture
def con(db):
    add_rows(db, "suppliers", SUPPLIERS)
    add_rows(db, "contracts", CONTRACTS)
    add_rows(db, "meetings", MEETINGS)
    add_rows(db, "actions", ACTIONS)
    return db


def test_summary_first_half_of_2024(con):
    """Every D id for the first half of 2024, no filter."""
    # Dialogue meetings in the period: m1, m2, m3, m4 (m5 is the day after, m6 and m9 are
    # market events, m7 and m8 are earlier).
    # D1 = 4; D1m = 2 (m6, m9); D2 = 3 (A, B, C); D3 = {A, C} met of {A, C, D, E} = 50;
    # D4 = 4 / 3.
    # D5 (latest dialogue meeting on or before 2024-06-30; the market event m9 does not count):
    #   A m2 2024-02-15 -> 14 + 31 + 30 + 31 + 30 = 136; C m4 on `to` -> 0;
    #   D m7 2023-12-31 -> 31 + 29 + 31 + 30 + 31 + 30 = 182; E none -> None.
    # D5s = D (182 > 180) and E (none) = 2.
    # D6 agenda: m1 T, m2 F, m3 blank, m4 T -> 2 / 3.   D7 minutes: m1 T, m2 blank, m3 F, m4 blank -> 1 / 2.
    # D8: m1 {X, Y} and m4 {X, Z}; m3 lists Y twice, one buyer -> 2 / 4.
    # D9 actions due in the period: a1, a2, a3, a6, a7; on time a1, a6, a7 -> 3 / 5.
    # D10: m1 policy (1) + remedy (6); m2 risk_analysis + traceability (2, once); m3 audit (4)
    #   + an unknown topic; m4 reporting (5).   D11: m1 (6) and m3 (4) -> 2 / 4.
    figures = dialogue.summary(con, FIRST_HALF, SETTINGS)
    assert figures == {
        "D1": 4,
        "D1m": 2,
        "D2": 3,
        "D3": pytest.approx(50.0),
        "D4": pytest.approx(4 / 3),
        "D5": {"E": None, "D": 182, "A": 136, "C": 0},
        "D5s": 2,
        "D6": pytest.approx(200 / 3),
        "D7": pytest.approx(50.0),
        "D8": pytest.approx(50.0),
        "D9": pytest.approx(60.0),
        "D10": {"1": 1, "2": 1, "3": 0, "4": 1, "5": 1, "6": 1},
        "D11": pytest.approx(50.0),
    }
    assert type(figures["D1"]) is int and type(figures["D3"]) is float
    json.dumps(figures)  # plain Python values only


def test_staleness_limit_is_a_setting(con):
    """D5s counts days above the limit: D at exactly 182 days is not stale with a limit of 182."""
    assert dialogue.summary(con, FIRST_HALF, Settings(staleness_days=182))["D5s"] == 1  # E only


def test_period_boundaries(con):
    """A meeting on `to` counts; extending the period by one day takes in m5 too."""
    assert dialogue.summary(con, FIRST_HALF, SETTINGS)["D1"] == 4
    longer = Filters(date(2024, 1, 1), date(2024, 7, 1))
    assert dialogue.summary(con, longer, SETTINGS)["D1"] == 5


def test_empty_period_gives_no_data_not_zero(con):
    """A period with nothing in it: counts 0, every ratio None, every step 0."""
    # No contract overlaps 2020 and the programme has contracts: no supplier is in scope.
    figures = dialogue.summary(con, Filters(date(2020, 1, 1), date(2020, 12, 31)), SETTINGS)
    assert figures == {
        "D1": 0,
        "D1m": 0,
        "D2": 0,
        "D3": None,
        "D4": None,
        "D5": {},
        "D5s": 0,
        "D6": None,
        "D7": None,
        "D8": None,
        "D9": None,
        "D10": {str(step): 0 for step in range(1, 7)},
        "D11": None,
    }


def test_supplier_filter(con):
    """Only supplier A's rows; the market event without a supplier still counts."""
    # Dialogue m1, m2; market events m6 (no supplier) and m9 (A): D1m = 2.
    # D3: A is in scope and met -> 100. D5 A = 136. D6 m1 T, m2 F -> 50. D7 m1 T (m2 blank) -> 100.
    # D8 m1 -> 1 / 2. D9 a1 on time, a2 late -> 50. D11 m1 -> 1 / 2.
    filters = Filters(FIRST_HALF.date_from, FIRST_HALF.date_to, suppliers=("A",))
    assert dialogue.summary(con, filters, SETTINGS) == {
        "D1": 2,
        "D1m": 2,
        "D2": 1,
        "D3": pytest.approx(100.0),
        "D4": pytest.approx(2.0),
        "D5": {"A": 136},
        "D5s": 0,
        "D6": pytest.approx(50.0),
        "D7": pytest.approx(100.0),
        "D8": pytest.approx(50.0),
        "D9": pytest.approx(50.0),
        "D10": {"1": 1, "2": 1, "3": 0, "4": 0, "5": 0, "6": 1},
        "D11": pytest.approx(50.0),
    }


def test_buyer_filter(con):
    """Buyer Y: the meetings Y attended, and the suppliers Y holds a contract with."""
    # Meetings with Y present: m1 (A), m3 (B), market event m6. D1 = 2, D1m = 1, D2 = 2 (A, B:
    # engaged counts every supplier met). In scope: Y's contracts overlapping the period -> A only
    # (Y-B ended 2023-12-31) -> D3 = 100. D4 = 2 / 2 = 1.
    # D5 A: latest meeting Y attended m1 2024-01-10 -> 21 + 29 + 31 + 30 + 31 + 30 = 172; not stale.
    # D6 m1 T, m3 blank -> 100. D7 m1 T, m3 F -> 50. D8 m1 only -> 50.
    # D9: actions of suppliers Y holds a contract with (A, B): a1, a2, a6 -> 2 / 3.
    # D10: m1 steps 1, 6; m3 step 4. D11: both -> 100.
    filters = Filters(FIRST_HALF.date_from, FIRST_HALF.date_to, buyers=("Y",))
    assert dialogue.summary(con, filters, SETTINGS) == {
        "D1": 2,
        "D1m": 1,
        "D2": 2,
        "D3": pytest.approx(100.0),
        "D4": pytest.approx(1.0),
        "D5": {"A": 172},
        "D5s": 0,
        "D6": pytest.approx(100.0),
        "D7": pytest.approx(50.0),
        "D8": pytest.approx(50.0),
        "D9": pytest.approx(200 / 3),
        "D10": {"1": 1, "2": 0, "3": 0, "4": 1, "5": 0, "6": 1},
        "D11": pytest.approx(100.0),
    }


def test_suppliers_in_scope_with_and_without_contracts(db):
    """A programme with contracts scopes by them; a programme without any takes every supplier."""
    # P has a contract (2020, outside the period): neither of its suppliers is in scope.
    # Q and R have no contracts: S1 and S2 of Q and S1 of R are in scope.
    # Only Q's S1 met (2024-02-01 -> 28 + 31 + 30 + 31 + 30 = 150 days to 2024-06-30).
    # D3 = 1 / 3; D5s = S2 and R's S1 (never met) = 2; S1 is in two programmes, so its keys
    # say which.
    add_rows(db, "suppliers", [{"supplier": "A"}, {"supplier": "B"}], programme="P")
    contract = {"buyer": "X", "supplier": "A", "start_date": date(2020, 1, 1), "end_date": date(2020, 12, 31)}
    add_rows(db, "contracts", [contract], programme="P")
    add_rows(db, "suppliers", [{"supplier": "S1"}, {"supplier": "S2"}], programme="Q")
    add_rows(db, "suppliers", [{"supplier": "S1"}], programme="R")
    add_rows(db, "meetings", [_meeting("q1", date(2024, 2, 1), "S1", "dialogue", ["X"], [])], programme="Q")
    figures = dialogue.summary(db, FIRST_HALF, SETTINGS)
    assert figures["D3"] == pytest.approx(100 / 3)
    assert figures["D5"] == {"S2": None, "S1 (R)": None, "S1 (Q)": 150}
    assert figures["D5s"] == 2
    assert (figures["D1"], figures["D2"]) == (1, 1)


def test_days_since_last_meeting_frame(con):
    """Per supplier in scope, stalest first, with the stale flag."""
    frame = dialogue.days_since_last_meeting(con, FIRST_HALF, SETTINGS)
    assert list(frame.columns) == ["programme", "supplier", "last_meeting", "days", "stale"]
    assert frame["supplier"].tolist() == ["E", "D", "A", "C"]
    assert frame["days"].tolist() == [pd.NA, 182, 136, 0]
    assert frame["stale"].tolist() == [True, True, False, False]
    assert pd.isna(frame["last_meeting"].iloc[0])
    assert [pd.Timestamp(d).date() for d in frame["last_meeting"].iloc[1:]] == [
        date(2023, 12, 31),
        date(2024, 2, 15),
        date(2024, 6, 30),
    ]


def test_oecd_steps_frame(con):
    """All six steps, zeros included, with their names."""
    frame = dialogue.oecd_steps(con, FIRST_HALF)
    assert frame["step"].tolist() == [1, 2, 3, 4, 5, 6]
    assert frame["meetings"].tolist() == [1, 1, 0, 1, 1, 1]
    assert frame["step_name"].iloc[5] == "Provide for or cooperate in remediation"


def test_meetings_per_supplier_quarter(con):
    """Heatmap from 2024-02-01: suppliers in scope plus suppliers met, every quarter, zero-filled."""
    # In scope from 2024-02-01 to 2024-06-30: A, C, D (E's contract ended in January).
    # Met in the period: A (m2; m1 is before 2024-02-01), B (m3), C (m4). So A, B, C, D x Q1, Q2.
    frame = dialogue.meetings_per_supplier_quarter(con, Filters(date(2024, 2, 1), date(2024, 6, 30)))
    assert list(frame.columns) == ["programme", "supplier", "quarter_start", "meetings", "quarter"]
    cells = {(r.supplier, r.quarter): r.meetings for r in frame.itertuples()}
    assert cells == {
        ("A", "2024 Q1"): 1,
        ("A", "2024 Q2"): 0,
        ("B", "2024 Q1"): 0,
        ("B", "2024 Q2"): 1,
        ("C", "2024 Q1"): 0,
        ("C", "2024 Q2"): 1,
        ("D", "2024 Q1"): 0,
        ("D", "2024 Q2"): 0,
    }
    assert pd.Timestamp(frame["quarter_start"].iloc[1]).date() == date(2024, 4, 1)


def test_by_quarter(con):
    """Quarterly D1, D2, D6, D7, D8 for 2024; Q4 has no meetings, so its ratios are None."""
    # Q1: m1, m2 (A): agenda T, F -> 50; minutes T, blank -> 100; collective m1 -> 50.
    # Q2: m3 (B), m4 (C): agenda blank, T -> 100; minutes F, blank -> 0; collective m4 -> 50.
    # Q3: m5 (C): agenda and minutes blank -> None; one buyer -> 0.
    frame = dialogue.by_quarter(con, Filters(date(2024, 1, 1), date(2024, 12, 31)))
    assert frame["quarter"].tolist() == ["2024 Q1", "2024 Q2", "2024 Q3", "2024 Q4"]
    assert frame["meetings"].tolist() == [2, 2, 1, 0]
    assert frame["suppliers_engaged"].tolist() == [1, 2, 1, 0]
    assert _values(frame["agenda_sent_pct"]) == [pytest.approx(50.0), pytest.approx(100.0), None, None]
    assert _values(frame["minutes_confirmed_pct"]) == [pytest.approx(100.0), pytest.approx(0.0), None, None]
    assert _values(frame["collective_pct"]) == [pytest.approx(50.0), pytest.approx(50.0), 0.0, None]


def test_by_quarter_clips_quarters_to_the_period(con):
    """From 2024-02-01 to 2024-05-31: m1 (January) and m4 (June) fall outside."""
    frame = dialogue.by_quarter(con, Filters(date(2024, 2, 1), date(2024, 5, 31)))
    assert frame["meetings"].tolist() == [1, 1]


def _values(series: pd.Series) -> list:
    return [None if pd.isna(v) else float(v) for v in series]


def test_d5s_counts_the_stale_rows_of_d5(db):
    """D5s, counted from the days just before `to`, names the same suppliers as D5's own rule
    (the latest dialogue meeting on or before `to`, days_since_last_meeting.sql): on the
    sample, over periods, filters and limits, including a limit equal to a supplier's days."""
    from engagement.sample import load_sample

    load_sample(db)
    periods = [
        Filters(date(2024, 1, 1), date(2024, 12, 31)),
        Filters(date(2024, 7, 1), date(2024, 9, 30), countries=("Netherlands",)),
        Filters(date(2023, 1, 1), date(2025, 6, 30)),
        Filters(date(2025, 1, 1), date(2025, 3, 31)),
    ]
    checked_days = set()
    for period in periods:
        days = dialogue.days_since_last_meeting(db, period, Settings())["days"].dropna().astype(int)
        for limit in {30, 90, 182, 365, *days.tolist()[:3]}:
            settings = Settings(staleness_days=limit)
            rows = dialogue.days_since_last_meeting(db, period, settings)
            assert dialogue.headline(db, period, settings)["D5s"] == int(rows["stale"].sum()), (period, limit)
            checked_days.update(d for d in rows["days"].dropna() if d == limit)
    assert checked_days  # some supplier sat exactly on the limit: the boundary was checked


@pytest.mark.parametrize("buyers", [(), ("X",)])
def test_latest_dialogue_meeting_from_earlier_months_and_the_month_of_to(db, buyers):
    """D5's latest dialogue meeting on or before `to`: from the months before `to`'s month as
    meeting_months stores them, and from the meetings of that month up to `to`; with a buyer
    filter, from every meeting that buyer attended. The same answers both ways: a market event
    is never a dialogue meeting, whenever it falls; a meeting after `to` in its month does not
    count; a day of the month before `to`'s counts."""
    add_rows(db, "suppliers", [{"supplier": "A"}])
    add_rows(db, "contracts", [{"buyer": "X", "supplier": "A", "start_date": date(2023, 1, 1)}])
    add_rows(
        db,
        "meetings",
        [
            {"meeting_id": f"m{n}", "date": day, "supplier": "A", "type": kind, "buyers": ["X"]}
            for n, (day, kind) in enumerate(
                [
                    (date(2024, 1, 10), "dialogue"),
                    (date(2024, 2, 29), "market_event"),
                    (date(2024, 3, 5), "market_event"),
                    (date(2024, 3, 20), "follow_up"),
                    (date(2024, 4, 2), "site_visit"),
                    (date(2024, 4, 25), "dialogue"),
                ]
            )
        ],
    )

    def latest(to: date):
        frame = dialogue.days_since_last_meeting(db, Filters(date(2024, 1, 1), to, buyers=buyers), SETTINGS)
        return pd.Timestamp(frame["last_meeting"].iloc[0]).date()

    assert latest(date(2024, 3, 19)) == date(2024, 1, 10)  # January stored; March has no dialogue yet
    assert latest(date(2024, 3, 31)) == date(2024, 3, 20)
    assert latest(date(2024, 4, 1)) == date(2024, 3, 20)  # the month before `to`'s, stored
    assert latest(date(2024, 4, 24)) == date(2024, 4, 2)  # the 25th is after `to`
    assert latest(date(2024, 5, 1)) == date(2024, 4, 25)
