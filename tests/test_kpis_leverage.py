"""Collective leverage: the buyer x supplier matrix, the figures per supplier and the short
list "high leverage, low engagement", checked against hand computations on a small fixture."""

import math
import pickle
import string
from datetime import date

import numpy as np
import pandas as pd
import pytest
from conftest import add_rows

from engagement.filters import Filters
from engagement.kpis import leverage
from engagement.page_texts import DUTCH

FIRST_HALF = Filters(date(2024, 1, 1), date(2024, 6, 30))
BUYERS = ["City", "Region", "Ministry", "Transit"]
SUPPLIERS = [
    {"supplier": "Alpha", "country": "Netherlands", "category": "bus"},
    {"supplier": "Beta", "country": "Germany", "category": "bus"},
    {"supplier": "Gamma", "country": "China", "category": "car"},
    {"supplier": "Delta", "country": "Poland", "category": "bus"},
    {"supplier": "Zeta", "country": "Sweden", "category": "car"},
]


def _contract(buyer, supplier, product, start, end, value):
    return {
        "buyer": buyer,
        "supplier": supplier,
        "product": product,
        "start_date": start,
        "end_date": end,
        "value_eur": value,
    }


# Overlapping the first half of 2024: starts on or before 30 Jun (or no start), ends on or
# after 1 Jan (or no end).
CONTRACTS = [
    _contract("City", "Alpha", "bus", date(2023, 1, 1), date(2025, 12, 31), 1_000_000),  # in
    _contract("Region", "Alpha", "bus", date(2024, 3, 1), None, None),  # in, value unknown
    _contract("Ministry", "Alpha", "bus", date(2022, 1, 1), date(2023, 12, 31), 5_000_000),  # ended before
    _contract("City", "Beta", "bus 12m", date(2024, 1, 1), date(2024, 12, 31), 2_000_000),  # in
    _contract("City", "Beta", "bus 18m", date(2024, 5, 1), None, 3_000_000),  # in
    _contract("Transit", "Beta", "bus 12m", date(2024, 7, 1), None, 9_000_000),  # starts after
    _contract("Region", "Gamma", "car", None, None, None),  # in (no dates), value unknown
    _contract("Ministry", "Delta", "bus", date(2023, 6, 1), date(2024, 1, 1), 4_000_000),  # ends on `from`
    _contract("Transit", "Delta", "bus", date(2024, 6, 30), None, 250_000),  # starts on `to`
    _contract("City", "Zeta", "car", date(2024, 2, 1), date(2024, 4, 30), 100_000),  # in
    _contract("Transit", "Zeta", "car", date(2023, 1, 1), date(2026, 12, 31), None),  # in, value unknown
]


def _meeting(mid, day, supplier, kind, buyers):
    return {"meeting_id": mid, "date": day, "supplier": supplier, "type": kind, "buyers": buyers}


MEETINGS = [
    _meeting("m1", date(2024, 2, 10), "Alpha", "dialogue", ["City", "Region"]),
    _meeting("m2", date(2024, 5, 5), "Alpha", "follow_up", ["Region", "City", "Ministry"]),
    _meeting("m3", date(2024, 3, 15), "Beta", "site_visit", ["City"]),
    _meeting("m4", date(2023, 12, 20), "Delta", "dialogue", ["Ministry"]),  # before the period
    _meeting("m5", date(2024, 4, 1), "Delta", "market_event", ["Transit"]),  # not a dialogue meeting
    _meeting("m6", date(2024, 3, 1), "Gamma", "dialogue", None),  # nobody recorded as present
    _meeting("m7", date(2024, 1, 20), None, "market_event", BUYERS),  # programme-wide
    _meeting("m8", date(2024, 7, 2), "Beta", "dialogue", ["Transit"]),  # after the period
    _meeting("m9", date(2024, 6, 1), "Zeta", "dialogue", ["Transit", "City"]),
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


# I7 request score = 100 x (0.5 x completeness/4 + 0.25 x on time + 0.25 x evidence), 0 unanswered.
REQUESTS = [
    # Alpha: 100 x (0.5 x 4/4 + 0.25 + 0.25) = 100
    _request("r1", "Alpha", date(2024, 2, 1), date(2024, 3, 1), date(2024, 2, 20), 4, True),
    # Alpha: late, 100 x (0.5 x 2/4 + 0 + 0) = 25
    _request("r2", "Alpha", date(2024, 3, 1), date(2024, 4, 1), date(2024, 5, 1), 2, False),
    # Alpha: made before the period, so not counted (it would score 0)
    _request("r0", "Alpha", date(2023, 11, 1), None, None),
    # Beta: unanswered, 0
    _request("r3", "Beta", date(2024, 2, 1), date(2024, 3, 1), None),
    # Beta: no due date (on time), evidence blank: 100 x (0.5 x 2/4 + 0.25 + 0) = 50
    _request("r4", "Beta", date(2024, 4, 1), None, date(2024, 4, 15), 2, None),
    # Gamma: unanswered, 0
    _request("r5", "Gamma", date(2024, 1, 10), None, None),
]
# I7: Alpha (100 + 25) / 2 = 62.5; Beta (0 + 50) / 2 = 25.0; Gamma 0 / 1 = 0.0;
# Delta and Zeta: no request, no I7.


def _site(supplier, component, site, country, disclosed):
    return {
        "supplier": supplier,
        "product": "bus",
        "component": component,
        "tier": 2,
        "site_name": site,
        "country": country,
        "disclosed_on": disclosed,
    }


# T2 as of 30 Jun 2024: components with a site (name or country) disclosed on or before it.
SITES = [
    _site("Alpha", "battery", "A1", "China", date(2024, 1, 15)),  # disclosed
    _site("Alpha", "motor", None, None, None),  # no site named: not disclosed
    _site("Alpha", "chassis", "A2", "Poland", date(2024, 9, 1)),  # disclosed after `to`
    _site("Beta", "battery", "B1", "South Korea", None),  # undated: disclosed at import
    _site("Beta", "seat", "B2", "Türkiye", date(2024, 6, 30)),  # disclosed on `to`
    _site("Delta", "battery", "D1", "China", date(2024, 3, 1)),  # disclosed
    _site("Delta", "motor", None, None, None),  # not disclosed
]
# T2: Alpha 1/3 = 33.3%; Beta 2/2 = 100%; Delta 1/2 = 50% (not below 50); Gamma, Zeta: none.


@pytest.fixture
def con(db):
    add_rows(db, "buyers", [{"buyer": b} for b in BUYERS])
    add_rows(db, "suppliers", SUPPLIERS)
    add_rows(db, "contracts", CONTRACTS)
    add_rows(db, "meetings", MEETINGS)
    add_rows(db, "info_requests", REQUESTS)
    add_rows(db, "sites", SITES)
    return db


def _plain(value):
    """A cell as it compares: a list column's array as a list, NaN (unknown) as None."""
    if isinstance(value, list | np.ndarray):
        return list(value)
    return None if pd.isna(value) else value


def _rows(frame: pd.DataFrame, columns: list[str]) -> list[tuple]:
    """The chosen columns as tuples of plain values."""
    return [tuple(map(_plain, row)) for row in frame[columns].itertuples(index=False, name=None)]


def test_matrix(con):
    """One row per buyer and supplier with a contract overlapping the period; blank values stay unknown."""
    frame = leverage.matrix(con, FIRST_HALF)
    assert _rows(frame, ["buyer", "supplier", "contracts", "contract_value", "contracts_without_value"]) == [
        ("City", "Alpha", 1, 1_000_000, 0),
        ("Region", "Alpha", 1, None, 1),  # its only contract has no value: unknown, not 0
        ("City", "Beta", 2, 5_000_000, 0),  # 2,000,000 + 3,000,000; Transit's starts after the period
        ("Ministry", "Delta", 1, 4_000_000, 0),  # ends on 1 Jan 2024, the period's first day
        ("Transit", "Delta", 1, 250_000, 0),  # starts on 30 Jun 2024, the period's last day
        ("Region", "Gamma", 1, None, 1),  # no dates: overlaps every period
        ("City", "Zeta", 1, 100_000, 0),
        ("Transit", "Zeta", 1, None, 1),
    ]
    # Ministry's Alpha contract ended 31 Dec 2023: no Ministry x Alpha cell.
    assert ("Ministry", "Alpha") not in set(zip(frame["buyer"], frame["supplier"], strict=True))


def test_by_supplier_contracts(con):
    """Buyers sharing each supplier in scope and their combined value; most buyers, then most value, first."""
    frame = leverage.by_supplier(con, FIRST_HALF)
    columns = ["supplier", "buyers", "buyer_names", "contracts", "contract_value", "contracts_without_value"]
    assert _rows(frame, columns) == [
        ("Delta", 2, ["Ministry", "Transit"], 2, 4_250_000, 0),  # 4,000,000 + 250,000
        ("Alpha", 2, ["City", "Region"], 2, 1_000_000, 1),  # Region's value unknown: the known part
        ("Zeta", 2, ["City", "Transit"], 2, 100_000, 1),
        ("Beta", 1, ["City"], 2, 5_000_000, 0),
        ("Gamma", 1, ["Region"], 1, None, 1),  # nothing known: null, never 0
    ]


def test_by_supplier_engagement(con):
    """Dialogue meetings in the period, the buyers present at them, I7 and T2."""
    frame = leverage.by_supplier(con, FIRST_HALF).set_index("supplier")
    # Alpha m1, m2; Beta m3 (m8 is after); Gamma m6 (nobody listed); Delta: m4 is before the
    # period and m5 a market event; Zeta m9.
    assert frame["dialogue_meetings"].to_dict() == {"Delta": 0, "Alpha": 2, "Zeta": 1, "Beta": 1, "Gamma": 1}
    assert frame["attending_buyers"].map(_plain).to_dict() == {
        "Delta": [],
        "Alpha": ["City", "Ministry", "Region"],  # Ministry attends without a contract in the period
        "Zeta": ["City", "Transit"],
        "Beta": ["City"],
        "Gamma": [],
    }
    assert frame.loc["Alpha", "quality_index"] == pytest.approx(62.5)
    assert frame.loc["Beta", "quality_index"] == pytest.approx(25.0)
    assert frame.loc["Gamma", "quality_index"] == 0
    assert frame[["quality_index"]].loc[["Delta", "Zeta"]].isna().all().all()
    assert frame.loc["Alpha", "coverage"] == pytest.approx(100 / 3)
    assert frame.loc["Beta", "coverage"] == 100
    assert frame.loc["Delta", "coverage"] == 50
    assert frame[["coverage"]].loc[["Gamma", "Zeta"]].isna().all().all()


def test_signals(con):
    """Shared by 2+ buyers, top third by value, and the three low-engagement signals, per supplier."""
    frame = leverage.by_supplier(con, FIRST_HALF)
    columns = ["supplier", "shared", "top_value", "no_dialogue", "low_information", "low_traceability"]
    # Top third: 4 suppliers with a known value (Beta 5,000,000, Delta 4,250,000, Alpha 1,000,000,
    # Zeta 100,000), ceil(4 / 3) = 2: Beta and Delta. Gamma's value is unknown: never in it.
    # Low: I7 < 50 (Beta 25, Gamma 0); T2 < 50 (Alpha 33.3; Delta's 50 is not below 50);
    # an unknown I7 or T2 (Delta, Zeta, Gamma's T2) is no signal.
    assert _rows(frame, columns) == [
        ("Delta", True, True, True, False, False),
        ("Alpha", True, False, False, False, True),
        ("Zeta", True, False, False, False, False),
        ("Beta", False, True, False, True, False),
        ("Gamma", False, False, False, True, False),
    ]
    assert frame["high_leverage"].tolist() == [True, True, True, True, False]
    assert frame["low_engagement"].tolist() == [True, True, False, True, True]


def test_high_leverage_low_engagement(con):
    """Delta, Alpha and Beta, each with why in words; Zeta is engaged, Gamma has no leverage."""
    frame = leverage.high_leverage_low_engagement(con, FIRST_HALF)
    assert _rows(frame, ["supplier", "buyers", "contract_value", "leverage", "low_engagement"]) == [
        (
            "Delta",
            2,
            4_250_000,
            "shared by 2 buyers; in the top third by contract value",
            "no dialogue meeting in the period",
        ),
        ("Alpha", 2, 1_000_000, "shared by 2 buyers", "traceability coverage (T2) 33.3%, below 50%"),
        (
            "Beta",
            1,
            5_000_000,
            "in the top third by contract value",
            "information quality index (I7) 25.0, below 50",
        ),
    ]


def test_the_reasons_keep_their_templates_and_figures(con):
    """The same reasons as templates and values, for a page to write them in Dutch."""
    frame = leverage.high_leverage_low_engagement(con, FIRST_HALF)

    def said(column: str) -> list:
        return [[(r.template, r.values) for r in reasons] for reasons in frame[column]]

    assert said("leverage_reasons") == [
        [(leverage.SHARED, {"buyers": 2}), (leverage.TOP_VALUE, {})],  # Delta
        [(leverage.SHARED, {"buyers": 2})],  # Alpha
        [(leverage.TOP_VALUE, {})],  # Beta
    ]
    assert said("low_engagement_reasons") == [
        [(leverage.NO_DIALOGUE, {})],
        [(leverage.LOW_TRACEABILITY, {"coverage": pytest.approx(100 / 3), "limit": 50})],  # 1 of 3
        [(leverage.LOW_INFORMATION, {"index": 25.0, "limit": 50})],  # (0 + 50) / 2
    ]
    # The English columns are these sentences joined; in Dutch, numbers with a decimal comma.
    assert ["; ".join(reasons) for reasons in frame["leverage_reasons"]] == frame["leverage"].tolist()
    alpha, beta = frame["low_engagement_reasons"].iloc[1][0], frame["low_engagement_reasons"].iloc[2][0]
    assert alpha.written("nl") == "traceerbaarheid (T2) 33,3%, onder 50%"
    assert beta.written("nl") == "index informatiekwaliteit (I7) 25,0, onder 50"
    assert frame["leverage_reasons"].iloc[0][1].written("nl") == "in het bovenste derde naar contractwaarde"
    # Streamlit's cache pickles the frame: the sentences come back whole.
    again = pickle.loads(pickle.dumps(frame))
    assert again["low_engagement_reasons"].iloc[1][0].written("nl") == alpha.written("nl")


def test_the_shortlist_rule_and_every_template_have_their_dutch():
    """The rule is written from the thresholds, and each template has its Dutch, same placeholders."""
    assert leverage.SHORTLIST_RULE.startswith("High leverage: shared by 2 or more buyers")
    assert "in the top third of the suppliers" in leverage.SHORTLIST_RULE
    assert "(I7) below 50, or a traceability coverage (T2) below 50%." in leverage.SHORTLIST_RULE
    assert "gedeeld door 2 of meer inkopers" in leverage.SHORTLIST_RULE.written("nl")

    def fields(template: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name}

    for template in leverage.TEMPLATES:
        assert template in DUTCH, template
        assert fields(DUTCH[template]) == fields(template), template


def test_buyer_filter(con):
    """Buyer City: only City's contracts and the meetings City attended; nobody is shared any more."""
    city = Filters(FIRST_HALF.date_from, FIRST_HALF.date_to, buyers=("City",))
    assert _rows(leverage.matrix(con, city), ["buyer", "supplier", "contracts", "contract_value"]) == [
        ("City", "Alpha", 1, 1_000_000),
        ("City", "Beta", 2, 5_000_000),
        ("City", "Zeta", 1, 100_000),
    ]
    frame = leverage.by_supplier(con, city)
    # In scope: a City contract in the period (Alpha, Beta, Zeta). Zeta's Transit contract
    # (value unknown) is filtered out, so Zeta has no contract without a value.
    columns = ["supplier", "buyers", "contract_value", "contracts_without_value", "dialogue_meetings"]
    assert _rows(frame, columns) == [
        ("Beta", 1, 5_000_000, 0, 1),
        ("Alpha", 1, 1_000_000, 0, 2),
        ("Zeta", 1, 100_000, 0, 1),
    ]
    # Everyone present at the meetings City attended is listed, not City alone.
    assert frame["attending_buyers"].map(_plain).tolist() == [
        ["City"],
        ["City", "Ministry", "Region"],
        ["City", "Transit"],
    ]
    # Top third of 3 valued suppliers: ceil(3 / 3) = 1, Beta; no supplier has 2 buyers.
    assert frame["top_value"].tolist() == [True, False, False]
    assert not frame["shared"].any()
    shortlist = leverage.high_leverage_low_engagement(con, city)
    assert _rows(shortlist, ["supplier", "leverage", "low_engagement"]) == [
        ("Beta", "in the top third by contract value", "information quality index (I7) 25.0, below 50"),
    ]


def test_two_buyers_filter(con):
    """Buyers City and Transit: Zeta is shared by both; Delta keeps only Transit's contract."""
    two = Filters(FIRST_HALF.date_from, FIRST_HALF.date_to, buyers=("City", "Transit"))
    frame = leverage.by_supplier(con, two)
    columns = ["supplier", "buyers", "contract_value", "contracts_without_value", "dialogue_meetings"]
    # Meetings a chosen buyer attended: Zeta m9, Beta m3, Alpha m1 and m2; Delta none.
    assert _rows(frame, columns) == [
        ("Zeta", 2, 100_000, 1, 1),  # City 100,000 + Transit unknown
        ("Beta", 1, 5_000_000, 0, 1),  # Transit's Beta contract starts after the period
        ("Alpha", 1, 1_000_000, 0, 2),
        ("Delta", 1, 250_000, 0, 0),  # Ministry's contract is filtered out
    ]
    # Top third of 4 valued suppliers: ceil(4 / 3) = 2, Beta and Alpha. Alpha now makes the
    # list for its value (T2 33.3%); Zeta is shared but engaged; Delta has no leverage.
    shortlist = leverage.high_leverage_low_engagement(con, two)
    assert _rows(shortlist, ["supplier", "leverage", "low_engagement"]) == [
        ("Beta", "in the top third by contract value", "information quality index (I7) 25.0, below 50"),
        ("Alpha", "in the top third by contract value", "traceability coverage (T2) 33.3%, below 50%"),
    ]


def test_supplier_filter_and_unknown_value(con):
    """Supplier Gamma: one contract without a value; its combined value is unknown, not 0."""
    gamma = Filters(FIRST_HALF.date_from, FIRST_HALF.date_to, suppliers=("Gamma",))
    matrix = leverage.matrix(con, gamma)
    assert _rows(matrix, ["buyer", "supplier", "contracts", "contracts_without_value"]) == [
        ("Region", "Gamma", 1, 1)
    ]
    assert matrix["contract_value"].isna().all()
    frame = leverage.by_supplier(con, gamma)
    assert frame["supplier"].tolist() == ["Gamma"]
    value = frame["contract_value"].iloc[0]
    assert value is None or math.isnan(value)  # unknown, never 0
    assert frame["contracts_without_value"].tolist() == [1]
    # No known value, so no top third; one buyer, so not shared: not on the list, though I7 is 0.
    assert frame["top_value"].tolist() == [False]
    assert frame["low_information"].tolist() == [True]
    assert leverage.high_leverage_low_engagement(con, gamma).empty


def test_country_filter(con):
    """Country China: Gamma (based there) and Alpha and Delta (a site there)."""
    china = Filters(FIRST_HALF.date_from, FIRST_HALF.date_to, countries=("China",))
    assert leverage.by_supplier(con, china)["supplier"].tolist() == ["Delta", "Alpha", "Gamma"]
    assert sorted(set(leverage.matrix(con, china)["supplier"])) == ["Alpha", "Delta", "Gamma"]


def test_a_period_outside_every_contract(con):
    """2022: only Ministry's Alpha contract (2022-2023) and the undated ones overlap."""
    year = Filters(date(2022, 1, 1), date(2022, 12, 31))
    frame = leverage.by_supplier(con, year)
    # Alpha: Ministry 5,000,000; Gamma: Region, undated, unknown; Zeta: Transit's 2023-2026
    # contract does not overlap 2022.
    assert _rows(frame, ["supplier", "buyers", "contract_value"]) == [
        ("Alpha", 1, 5_000_000),
        ("Gamma", 1, None),
    ]
    # Top third of 1 valued supplier: ceil(1 / 3) = 1, Alpha. No meeting in 2022, and as of
    # 31 Dec 2022 none of Alpha's 3 components was disclosed yet: T2 0/3 = 0%.
    assert _rows(leverage.high_leverage_low_engagement(con, year), ["supplier", "low_engagement"]) == [
        ("Alpha", "no dialogue meeting in the period; traceability coverage (T2) 0.0%, below 50%"),
    ]


def test_programme_without_contracts(db):
    """No contracts imported: every supplier is in scope, shared by nobody, its value unknown."""
    add_rows(db, "suppliers", [{"supplier": "Alpha"}, {"supplier": "Beta"}])
    add_rows(db, "meetings", [_meeting("m1", date(2024, 2, 1), "Alpha", "dialogue", ["City"])])
    assert leverage.matrix(db, FIRST_HALF).empty
    frame = leverage.by_supplier(db, FIRST_HALF)
    assert _rows(frame, ["supplier", "buyers", "buyer_names", "contract_value", "dialogue_meetings"]) == [
        ("Alpha", 0, [], None, 1),
        ("Beta", 0, [], None, 0),
    ]
    assert leverage.high_leverage_low_engagement(db, FIRST_HALF).empty


def test_empty_database(db):
    """No rows: three empty frames with their columns."""
    assert leverage.matrix(db, FIRST_HALF).empty
    assert "contract_value" in leverage.by_supplier(db, FIRST_HALF).columns
    shortlist = leverage.high_leverage_low_engagement(db, FIRST_HALF)
    assert shortlist.empty and list(shortlist.columns)[-4:] == [
        "leverage",
        "low_engagement",
        "leverage_reasons",
        "low_engagement_reasons",
    ]
