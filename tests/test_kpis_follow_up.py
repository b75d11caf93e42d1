"""Follow-up (issue 4): the actions to follow up as of `to`, their counts per supplier and per
owner (D9's rule), and the annual report scores by element (I8), checked against hand counts."""

from datetime import date

import pandas as pd
import pytest
from conftest import add_rows

from engagement.filters import Filters
from engagement.kpis import dialogue, follow_up, information
from engagement.settings import Settings

FIRST_HALF = Filters(date(2024, 1, 1), date(2024, 6, 30))  # `to` is 30 June 2024

# Programme P: suppliers Alpha (contract with City) and Beta (contract with Town).
CONTRACTS = [
    {"buyer": "City", "supplier": "Alpha", "start_date": date(2023, 1, 1)},
    {"buyer": "Town", "supplier": "Beta", "start_date": date(2023, 1, 1)},
]
MEETINGS = [
    {
        "meeting_id": "m0",
        "date": date(2023, 10, 1),
        "supplier": "Beta",
        "type": "dialogue",
        "buyers": ["Town"],
    },
    {
        "meeting_id": "m1",
        "date": date(2024, 2, 1),
        "supplier": "Alpha",
        "type": "dialogue",
        "buyers": ["City"],
    },
    # after the first half, and without City: its action was not agreed yet on 30 June
    {
        "meeting_id": "m2",
        "date": date(2024, 7, 15),
        "supplier": "Alpha",
        "type": "dialogue",
        "buyers": ["Town"],
    },
]


def _action(aid, meeting, supplier, owner, due, completed):
    return {
        "action_id": aid,
        "meeting_id": meeting,
        "supplier": supplier,
        "description": f"action {aid}",
        "owner": owner,
        "due_date": due,
        "completed_on": completed,
    }


# Status as of 30 June 2024, and D9 for the first half (due 1 Jan - 30 Jun; on time if completed by due):
ACTIONS = [
    _action("a1", "m1", "Alpha", "Alpha", date(2024, 3, 31), date(2024, 3, 31)),  # done on time; D9 on time
    _action("a2", "m1", "Alpha", "Coordinator", date(2024, 5, 15), date(2024, 5, 20)),  # done late 5; D9 late
    _action("a3", "m1", "Alpha", "Alpha", date(2024, 6, 10), None),  # overdue 20 days; D9 late
    _action("a4", "m1", "Alpha", "City", date(2024, 6, 30), None),  # due on `to`: 'due'; D9 late
    _action("a5", "m1", "Alpha", "Alpha", date(2024, 8, 31), None),  # due after `to`; not in D9
    # completed after `to`: still open on 30 June, overdue 30 Apr -> 30 Jun = 31 + 30 = 61 days; D9 late
    _action("a6", "m0", "Beta", "City", date(2024, 4, 30), date(2024, 7, 10)),
    # from before the period, still open: overdue 30 Nov 2023 -> 30 Jun 2024 =
    # 31 + 31 + 29 + 31 + 30 + 31 + 30 = 213 days; not in D9
    _action("a7", "m0", "Beta", "Coordinator", date(2023, 11, 30), None),
    _action(
        "a8", None, "Beta", None, date(2024, 2, 15), date(2024, 2, 10)
    ),  # no owner; done on time; D9 on time
    _action(
        "a9", "m0", "Beta", "Coordinator", date(2023, 12, 15), date(2023, 12, 10)
    ),  # all before: not listed
    _action("a10", "m2", "Alpha", "Alpha", date(2024, 9, 30), None),  # agreed 15 July: not listed
    _action("a11", "m1", "Beta", "City", date(2024, 7, 31), date(2024, 6, 20)),  # done early; not in D9
    _action(
        "a12", "m0", "Beta", "Coordinator", date(2023, 12, 31), date(2024, 1, 15)
    ),  # done late 15; not in D9
]
# D9, first half: due in the period a1, a2, a3, a4, a6, a8 (6); on time a1, a8 (2) -> 2 / 6 = 33.3%.

REPORTS = [
    # 2024: Alpha 2 + 1 + 2 + 1 = 6 of 4 assessed x 2 = 8 -> 75%; Beta 0 + 1 + 1 + 2 + 2 = 6 / 10 -> 60%
    {
        "supplier": "Alpha",
        "year": 2024,
        "risk_analysis": 2,
        "action_plan": 1,
        "signals_handling": 2,
        "stakeholder_consultation": None,
        "kpis_reported": 1,
    },
    {
        "supplier": "Beta",
        "year": 2024,
        "risk_analysis": 0,
        "action_plan": 1,
        "signals_handling": 1,
        "stakeholder_consultation": 2,
        "kpis_reported": 2,
    },
    # 2023: Alpha 1 + 1 + 0 + 0 = 2 / 8 -> 25%; Beta nothing assessed -> no score
    {
        "supplier": "Alpha",
        "year": 2023,
        "risk_analysis": 1,
        "action_plan": 1,
        "signals_handling": 0,
        "stakeholder_consultation": 0,
        "kpis_reported": None,
    },
    {"supplier": "Beta", "year": 2023},
]


@pytest.fixture
def con(db):
    add_rows(db, "suppliers", [{"supplier": "Alpha"}, {"supplier": "Beta"}])
    add_rows(db, "contracts", CONTRACTS)
    add_rows(db, "meetings", MEETINGS)
    add_rows(db, "actions", ACTIONS)
    add_rows(db, "report_assessments", REPORTS)
    return db


def _rows(frame: pd.DataFrame, columns: list[str]) -> list[tuple]:
    """The frame's rows as tuples, with NA as None."""
    return [
        tuple(None if pd.isna(v) else v for v in row)
        for row in frame[columns].itertuples(index=False, name=None)
    ]


def test_actions_as_of_the_end_of_the_period(con):
    """Open ones whatever their due date, plus those done or due in the period; overdue first."""
    frame = follow_up.actions(con, FIRST_HALF)
    assert _rows(frame, ["action_id", "status", "days_overdue", "days_late"]) == [
        ("a7", "overdue", 213, None),
        ("a6", "overdue", 61, None),
        ("a3", "overdue", 20, None),
        ("a4", "due", None, None),  # due 30 June
        ("a5", "due", None, None),  # due 31 August
        ("a12", "done late", None, 15),  # due 31 Dec 2023, done 15 Jan
        ("a2", "done late", None, 5),  # due 15 May, done 20 May
        ("a8", "done on time", None, None),  # due 15 Feb
        ("a1", "done on time", None, None),  # due 31 Mar
        ("a11", "done on time", None, None),  # due 31 Jul
    ]
    assert frame["in_d9"].sum() == 6 and frame["on_time_d9"].sum() == 2
    a6 = frame.set_index("action_id").loc["a6"]
    assert (a6["supplier"], a6["owner"], a6["description"]) == ("Beta", "City", "action a6")
    assert a6["completed_on"].date() == date(2024, 7, 10)  # shown, though after `to`


def test_only_the_open_actions_when_asked(con):
    """A review session's agenda asks for the open ones: the same rows, in the same order, as
    the whole list's overdue and due ones."""
    whole = follow_up.actions(con, FIRST_HALF)
    still_open = follow_up.actions(con, FIRST_HALF, follow_up.OPEN)
    assert still_open["action_id"].tolist() == ["a7", "a6", "a3", "a4", "a5"]
    expected = whole[whole["status"].isin(["overdue", "due"])].reset_index(drop=True)
    pd.testing.assert_frame_equal(still_open, expected)


def test_a_page_of_the_list_narrowed_by_owner_and_status(con):
    """The Follow-up page asks the database for a page of the list, narrowed by its pickers:
    hand-picked from the list of test_actions_as_of_the_end_of_the_period, in its order."""

    def page(first, rows, statuses=(), owners=(), without_owner=False):
        frame, total = follow_up.actions_page(con, FIRST_HALF, first, rows, statuses, owners, without_owner)
        return frame["action_id"].tolist(), total

    everything = ["a7", "a6", "a3", "a4", "a5", "a12", "a2", "a8", "a1", "a11"]
    assert page(0, None) == (everything, 10)
    assert page(3, 4) == (["a4", "a5", "a12", "a2"], 10)
    assert page(8, 4) == (["a1", "a11"], 10)  # the last page is short
    assert page(0, None, owners=("City",)) == (["a6", "a4", "a11"], 3)
    assert page(0, None, without_owner=True) == (["a8"], 1)  # a8 has no owner
    assert page(0, None, owners=("Coordinator",), without_owner=True) == (["a7", "a12", "a2", "a8"], 4)
    assert page(0, None, statuses=("done late", "overdue")) == (["a7", "a6", "a3", "a12", "a2"], 5)
    assert page(1, 1, statuses=("overdue",), owners=("City", "Alpha")) == (["a3"], 2)  # a6, a3
    assert page(0, None, statuses=("due",), owners=("Coordinator",)) == ([], 0)
    # One supplier's, as a review session's slide asks for them: Beta's open ones, a7 and a6.
    beta = follow_up.actions(con, FIRST_HALF, follow_up.OPEN, ("P", "Beta"))
    assert beta["action_id"].tolist() == ["a7", "a6"]
    assert follow_up.actions(con, FIRST_HALF, follow_up.OPEN, ("Other programme", "Beta")).empty


def test_per_supplier(con):
    """Counts per supplier; their D9 counts add up to D9."""
    frame = follow_up.per_supplier_of(follow_up.counts(con, FIRST_HALF))
    columns = ["supplier", "actions", "open", "overdue", "due_in_period", "done_on_time", "done_on_time_pct"]
    assert _rows(frame, columns) == [
        # Beta: a6 a7 a8 a11 a12; open a6 a7, both overdue; due in period a6 a8, on time a8 -> 1/2
        ("Beta", 5, 2, 2, 2, 1, 50.0),
        # Alpha: a1-a5; open a3 a4 a5, overdue a3; due in period a1-a4, on time a1 -> 1/4
        ("Alpha", 5, 3, 1, 4, 1, 25.0),
    ]
    d9 = dialogue.summary(con, FIRST_HALF, Settings())["D9"]
    assert d9 == pytest.approx(100 * frame["done_on_time"].sum() / frame["due_in_period"].sum())


def test_per_owner(con):
    """Counts per owner (None: no owner given); they add up to D9 too."""
    frame = follow_up.per_owner_of(follow_up.counts(con, FIRST_HALF))
    columns = ["owner", "actions", "open", "overdue", "due_in_period", "done_on_time", "done_on_time_pct"]
    assert _rows(frame, columns) == [
        ("Alpha", 3, 2, 1, 2, 1, 50.0),  # a1 a3 a5; open a3 a5, overdue a3; due a1 a3, on time a1
        ("City", 3, 2, 1, 2, 0, 0.0),  # a4 a6 a11; open a4 a6, overdue a6; due a4 a6
        ("Coordinator", 3, 1, 1, 1, 0, 0.0),  # a2 a7 a12; open and overdue a7; due a2 (late)
        (None, 1, 0, 0, 1, 1, 100.0),  # a8
    ]
    assert frame["done_on_time"].sum() == 2 and frame["due_in_period"].sum() == 6


def test_totals_are_d9(con):
    """All listed actions: 10 listed, 5 open, 3 overdue, D9 2 / 6."""
    totals = follow_up.totals_of(follow_up.counts(con, FIRST_HALF))
    assert totals == {
        "actions": 10,
        "open": 5,  # a3 a4 a5 a6 a7
        "overdue": 3,  # a3 a6 a7
        "due_in_period": 6,
        "done_on_time": 2,
        "done_on_time_pct": pytest.approx(100 * 2 / 6),
    }
    assert totals["done_on_time_pct"] == pytest.approx(dialogue.summary(con, FIRST_HALF, Settings())["D9"])


def test_a_later_end(con):
    """July 2024: a10 is agreed (15 July) and due; a6 is done late; a11 is due in the period."""
    july = Filters(date(2024, 7, 1), date(2024, 7, 31))
    frame = follow_up.actions(con, july)
    assert _rows(frame, ["action_id", "status", "days_overdue", "days_late"]) == [
        ("a7", "overdue", 244, None),  # 213 + 31
        ("a3", "overdue", 51, None),  # 10 Jun -> 31 Jul: 20 + 31
        ("a4", "overdue", 31, None),  # 30 Jun -> 31 Jul
        ("a5", "due", None, None),
        ("a10", "due", None, None),
        ("a6", "done late", None, 71),  # 30 Apr -> 10 Jul: 31 + 30 + 10
        ("a11", "done on time", None, None),  # due 31 July: the only action of D9, on time
    ]
    totals = follow_up.totals_of(follow_up.counts(con, july))
    assert (totals["due_in_period"], totals["done_on_time"], totals["done_on_time_pct"]) == (1, 1, 100.0)
    assert dialogue.summary(con, july, Settings())["D9"] == 100.0


def test_supplier_filter(con):
    """Only Beta: its five actions, its owners, its report."""
    beta = Filters(FIRST_HALF.date_from, FIRST_HALF.date_to, suppliers=("Beta",))
    assert follow_up.actions(con, beta)["action_id"].tolist() == ["a7", "a6", "a12", "a8", "a11"]
    assert _rows(
        follow_up.per_supplier_of(follow_up.counts(con, beta)),
        ["supplier", "open", "overdue", "done_on_time_pct"],
    ) == [("Beta", 2, 2, 50.0)]
    columns = ["owner", "actions", "open", "overdue", "due_in_period", "done_on_time", "done_on_time_pct"]
    assert _rows(follow_up.per_owner_of(follow_up.counts(con, beta)), columns) == [
        ("City", 2, 1, 1, 1, 0, 0.0),  # a6 a11
        ("Coordinator", 2, 1, 1, 0, 0, None),  # a7 a12: none due in the period
        (None, 1, 0, 0, 1, 1, 100.0),  # a8
    ]
    assert follow_up.totals_of(follow_up.counts(con, beta))["done_on_time_pct"] == 50.0
    assert dialogue.summary(con, beta, Settings())["D9"] == 50.0
    assert _rows(follow_up.report_elements(con, beta), ["supplier", "year", "score_pct"]) == [
        ("Beta", 2024, 60.0)
    ]


def test_buyer_filter_keeps_the_meeting_date(con):
    """City holds Alpha's contract; a10 stays out though City was not at its meeting (m2)."""
    city = Filters(FIRST_HALF.date_from, FIRST_HALF.date_to, buyers=("City",))
    assert follow_up.actions(con, city)["action_id"].tolist() == ["a3", "a4", "a5", "a2", "a1"]


def test_report_elements(con):
    """2024 only (the years the first half touches); a blank element is NA and leaves I8."""
    frame = follow_up.report_elements(con, FIRST_HALF)
    assert list(frame.columns) == [
        "programme",
        "supplier",
        "year",
        "risk_analysis",
        "action_plan",
        "signals_handling",
        "stakeholder_consultation",
        "kpis_reported",
        "score_pct",
    ]
    assert _rows(frame, list(frame.columns[1:])) == [
        ("Alpha", 2024, 2, 1, 2, None, 1, 75.0),
        ("Beta", 2024, 0, 1, 1, 2, 2, 60.0),
    ]
    # I8 for the programme: the mean over the suppliers' scores, (75 + 60) / 2
    assert information.summary(con, FIRST_HALF)["I8"] == pytest.approx(frame["score_pct"].mean())
    assert frame["score_pct"].mean() == 67.5


def test_report_elements_over_two_years(con):
    """July 2023 - June 2024 touches 2023 and 2024; Beta 2023 has nothing assessed: no score."""
    frame = follow_up.report_elements(con, Filters(date(2023, 7, 1), date(2024, 6, 30)))
    assert _rows(frame, list(frame.columns[1:])) == [
        ("Alpha", 2023, 1, 1, 0, 0, None, 25.0),
        ("Beta", 2023, None, None, None, None, None, None),
        ("Alpha", 2024, 2, 1, 2, None, 1, 75.0),
        ("Beta", 2024, 0, 1, 1, 2, 2, 60.0),
    ]


def test_empty_database(db):
    """No actions, no reports: empty frames, zero counts and no D9."""
    assert follow_up.actions(db, FIRST_HALF).empty
    assert follow_up.per_supplier_of(follow_up.counts(db, FIRST_HALF)).empty
    assert follow_up.per_owner_of(follow_up.counts(db, FIRST_HALF)).empty
    assert follow_up.report_elements(db, FIRST_HALF).empty
    assert follow_up.totals_of(follow_up.counts(db, FIRST_HALF)) == {
        "actions": 0,
        "open": 0,
        "overdue": 0,
        "due_in_period": 0,
        "done_on_time": 0,
        "done_on_time_pct": None,
    }
