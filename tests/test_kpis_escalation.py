"""Escalation (E1-E3) on a hand-written ladder history, checked against hand counts."""

from datetime import date

import pytest
from conftest import add_rows

from engagement.filters import Filters
from engagement.kpis import escalation
from engagement.settings import Settings

PERIOD = Filters(date(2024, 1, 1), date(2024, 6, 30))


@pytest.fixture
def con(db):
    add_rows(db, "suppliers", [{"supplier": s} for s in ("Alpha", "Beta", "Gamma", "Delta", "Epsilon")])
    # Suppliers in scope for 2024: all but Delta, whose only contract ended in 2023.
    add_rows(
        db,
        "contracts",
        [
            {
                "buyer": "City",
                "supplier": "Alpha",
                "start_date": date(2023, 1, 1),
                "end_date": date(2025, 12, 31),
            },
            {"buyer": "City", "supplier": "Beta", "start_date": date(2024, 1, 1)},
            {
                "buyer": "City",
                "supplier": "Gamma",
                "start_date": date(2024, 1, 1),
                "end_date": date(2024, 12, 31),
            },
            {
                "buyer": "City",
                "supplier": "Delta",
                "start_date": date(2022, 1, 1),
                "end_date": date(2023, 6, 30),
            },
            {"buyer": "City", "supplier": "Epsilon", "start_date": date(2024, 1, 1)},
        ],
    )
    add_rows(
        db,
        "escalations",
        [
            {"supplier": "Alpha", "date": date(2023, 5, 1), "step": "improvement_plan"},
            {"supplier": "Alpha", "date": date(2024, 2, 1), "step": "notice_of_default", "note": "no plan"},
            {"supplier": "Alpha", "date": date(2024, 7, 1), "step": "fine"},  # after `to`: not yet
            # two steps on `to` itself: the higher one is current
            {"supplier": "Beta", "date": date(2024, 6, 30), "step": "external_advice"},
            {"supplier": "Beta", "date": date(2024, 6, 30), "step": "investigation"},
            {"supplier": "Delta", "date": date(2024, 3, 1), "step": "termination"},  # not in scope
            {"supplier": "Epsilon", "date": date(2024, 1, 15), "step": "fine"},
        ],
    )
    return db


def test_summary(con):
    """E1 per supplier in scope, E2 formally escalated, E3 days since the latest row."""
    values = escalation.summary(con, PERIOD, Settings())
    assert values["E1"] == {
        "Epsilon": "fine",
        "Alpha": "notice_of_default",
        "Beta": "investigation",
        "Gamma": "dialogue",  # no row
    }
    assert values["E2"] == 2  # Alpha (notice of default), Epsilon (fine)
    # Alpha: 1 Feb -> 30 Jun = 150 days; Beta 0; Epsilon: 15 Jan -> 30 Jun = 167; Gamma none
    assert values["E3"] == {"Epsilon": 167, "Alpha": 150, "Beta": 0, "Gamma": None}
    assert type(values["E2"]) is int and type(values["E3"]["Alpha"]) is int


def test_as_of_an_earlier_end(con):
    """January 2024: Alpha is still at its improvement plan (since 1 May 2023: 275 days)."""
    values = escalation.summary(con, Filters(date(2024, 1, 1), date(2024, 1, 31)), Settings())
    assert values["E1"] == {
        "Epsilon": "fine",
        "Alpha": "improvement_plan",
        "Beta": "dialogue",
        "Gamma": "dialogue",
    }
    assert values["E2"] == 1
    assert values["E3"] == {"Epsilon": 16, "Alpha": 275, "Beta": None, "Gamma": None}


def test_supplier_filter(con):
    """Only Beta: investigation, nobody formally escalated."""
    values = escalation.summary(
        con, Filters(PERIOD.date_from, PERIOD.date_to, suppliers=("Beta",)), Settings()
    )
    assert values == {"E1": {"Beta": "investigation"}, "E2": 0, "E3": {"Beta": 0}}


def test_status_frame(con):
    """Highest step first; rank on the ladder, since, days in step and the note."""
    frame = escalation.status(con, PERIOD)
    assert frame["supplier"].tolist() == ["Epsilon", "Alpha", "Beta", "Gamma"]
    assert frame["step_rank"].tolist() == [5, 4, 3, 0]
    alpha = frame.set_index("supplier").loc["Alpha"]
    assert alpha["since"].date() == date(2024, 2, 1)
    assert alpha["note"] == "no plan"
    assert frame["since"].isna().tolist() == [False, False, False, True]


def test_history(con):
    """Every row up to `to` of the filtered suppliers (Delta too: history is not limited to scope)."""
    frame = escalation.history(con, PERIOD)
    assert list(zip(frame["supplier"], frame["step"], frame["step_rank"], strict=True)) == [
        ("Alpha", "improvement_plan", 1),
        ("Alpha", "notice_of_default", 4),
        ("Beta", "external_advice", 2),
        ("Beta", "investigation", 3),
        ("Delta", "termination", 6),
        ("Epsilon", "fine", 5),
    ]


def test_same_supplier_in_two_programmes(db):
    """Two ladders of one name are kept apart as 'name (programme)'."""
    add_rows(db, "suppliers", [{"supplier": "Alpha"}], programme="P")
    add_rows(db, "suppliers", [{"supplier": "Alpha"}], programme="Q")
    add_rows(
        db, "escalations", [{"supplier": "Alpha", "date": date(2024, 6, 1), "step": "fine"}], programme="Q"
    )
    values = escalation.summary(db, PERIOD, Settings())
    assert values["E1"] == {"Alpha (Q)": "fine", "Alpha (P)": "dialogue"}
    assert values["E2"] == 1
    assert values["E3"] == {"Alpha (Q)": 29, "Alpha (P)": None}


def test_empty_database(db):
    """No suppliers: empty dicts and no one escalated."""
    assert escalation.summary(db, PERIOD, Settings()) == {"E1": {}, "E2": 0, "E3": {}}
