"""Traceability coverage (T1-T6) on a hand-written fixture, checked against hand counts."""

from dataclasses import replace
from datetime import date

import pandas as pd
import pytest
from conftest import add_rows
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from engagement.filters import Filters
from engagement.kpis import traceability
from engagement.settings import Settings

PERIOD = Filters(date(2024, 1, 1), date(2024, 6, 30))

# Components (programme P): Alpha/bus: seat frame (t1), seat foam (t2), battery cell (t2),
# lithium (t3); Beta/car: chassis (t1, two sites), cobalt (t3); Beta/no product: paint (no tier).
SITE_ROWS = [
    # Alpha's "Plant One" twice, spelled two ways: one site. verified true+blank, monitored false+true.
    dict(
        supplier="Alpha",
        product="bus",
        component="seat frame",
        tier=1,
        site_name="Plant One",
        country="CN",
        disclosed_on=date(2024, 1, 10),
        verified=True,
        monitored=False,
    ),
    dict(
        supplier="Alpha",
        product="bus",
        component="seat foam",
        tier=2,
        site_name="plant  one",
        country="CN",
        disclosed_on=date(2024, 3, 1),
        verified=None,
        monitored=True,
    ),
    # disclosed after `to` (30 June): not disclosed as of `to`
    dict(
        supplier="Alpha",
        product="bus",
        component="battery cell",
        tier=2,
        site_name="Cell Works",
        country="KR",
        disclosed_on=date(2024, 7, 15),
        verified=True,
    ),
    # no site, no country: in scope, never disclosed
    dict(supplier="Alpha", product="bus", component="lithium", tier=3),
    # blank disclosed_on: disclosed at import, so for every date
    dict(
        supplier="Beta",
        product="car",
        component="chassis",
        tier=1,
        site_name="Beta Works",
        country="DE",
        os_id="DE2019ABC",
        verified=False,
    ),
    dict(
        supplier="Beta",
        product="car",
        component="chassis",
        tier=1,
        site_name="Beta Annex",
        country="DE",
        disclosed_on=date(2024, 5, 1),
    ),
    # country only, disclosed exactly on `to`: counts
    dict(
        supplier="Beta",
        product="car",
        component="cobalt",
        tier=3,
        country="CD",
        disclosed_on=date(2024, 6, 30),
    ),
    dict(supplier="Beta", component="paint"),
]


@pytest.fixture
def con(db):
    add_rows(
        db,
        "suppliers",
        [
            {"supplier": "Alpha", "country": "NL"},
            {"supplier": "Beta", "country": "DE"},
            {"supplier": "Gamma", "country": "NL"},
        ],
    )
    add_rows(db, "sites", SITE_ROWS)
    return db


def test_summary_as_of_the_end_of_the_period(con):
    """T1-T6 and T2 per tier and supplier, as of 30 June 2024."""
    values = traceability.summary(con, PERIOD, Settings())
    # T1: 7 components. Disclosed by 30 June: seat frame, seat foam, chassis, cobalt = 4.
    assert values["T1"] == 7
    assert values["T2"] == pytest.approx(100 * 4 / 7)
    # Sites: (Alpha, plant one, CN), (Beta, beta works, DE), (Beta, beta annex, DE),
    # (Beta, -, CD); Cell Works comes after `to`.
    assert values["T3"] == 4
    # verified: plant one true, beta works false, the others blank -> 1 / 2
    assert values["T4"] == pytest.approx(50.0)
    # monitored: plant one true (one row true), the others blank -> 1 / 1
    assert values["T5"] == pytest.approx(100.0)
    assert values["T6"] == 3  # CN, DE, CD
    # tier 1: frame, chassis 2/2; tier 2: foam of foam+cell 1/2; tier 3: cobalt of lithium+cobalt
    assert values["T2_by_tier"] == {
        "1": pytest.approx(100.0),
        "2": pytest.approx(50.0),
        "3": pytest.approx(50.0),
    }
    # Alpha: frame, foam of 4; Beta: chassis, cobalt of 3 (paint undisclosed)
    assert values["T2_by_supplier"] == {"Alpha": pytest.approx(50.0), "Beta": pytest.approx(200 / 3)}
    assert all(type(v) in (int, float) for k, v in values.items() if not k.startswith("T2_"))


def test_a_figure_marked_as_of_the_end_ignores_the_first_day(con):
    """The dashboard keeps one cached copy of a marked figure for every period ending the same
    day (engagement.app.figures): each must give the same rows whatever the period's first day.
    The trend (a point per quarter end of the period) depends on it, and is not marked."""

    marked = [fn for fn in vars(traceability).values() if getattr(fn, "keyed_by_period_end", False)]
    assert {fn.__name__ for fn in marked} == {
        "headline",
        "coverage_by_tier",
        "coverage_by_supplier",
        "sites_by_country",
        "disclosed_sites",
    }
    for fn in marked:
        results = [
            fn(con, filters)
            for filters in (PERIOD, replace(PERIOD, date_from=date(2019, 1, 1)), PERIOD.as_of_end())
        ]
        for other in results[1:]:
            if isinstance(other, pd.DataFrame):
                pd.testing.assert_frame_equal(other, results[0])
            elif isinstance(other, tuple):
                pd.testing.assert_frame_equal(other[0], results[0][0])
                assert other[1] == results[0][1]
            else:
                assert other == results[0], fn.__name__
    assert not traceability.trend(con, PERIOD).equals(traceability.trend(con, PERIOD.as_of_end()))


def test_a_day_earlier_the_disclosure_on_to_does_not_count(con):
    """As of 29 June the cobalt row (disclosed 30 June) is not yet disclosed."""
    values = traceability.summary(con, Filters(date(2024, 1, 1), date(2024, 6, 29)), Settings())
    assert values["T2"] == pytest.approx(100 * 3 / 7)
    assert values["T3"] == 3
    assert values["T6"] == 2  # CN, DE


def test_country_filter_applies_to_the_site_country(con):
    """Only DE rows remain: the chassis with its two German sites."""
    values = traceability.summary(
        con, Filters(PERIOD.date_from, PERIOD.date_to, countries=("DE",)), Settings()
    )
    assert values["T1"] == 1
    assert values["T2"] == pytest.approx(100.0)
    assert values["T3"] == 2
    assert values["T4"] == pytest.approx(0.0)  # beta works false, beta annex blank -> 0 / 1
    assert values["T5"] is None  # both blank: no denominator
    assert values["T6"] == 1
    assert values["T2_by_tier"] == {"1": pytest.approx(100.0), "2": None, "3": None}


def test_no_components_gives_no_data_not_zero(con):
    """A supplier without traceability rows: counts 0, percentages None."""
    values = traceability.summary(
        con, Filters(PERIOD.date_from, PERIOD.date_to, suppliers=("Gamma",)), Settings()
    )
    assert values == {
        "T1": 0,
        "T2": None,
        "T3": 0,
        "T4": None,
        "T5": None,
        "T6": 0,
        "T2_by_tier": {"1": None, "2": None, "3": None},
        "T2_by_supplier": {},
    }


def test_coverage_by_tier_lists_unknown_tier(con):
    """Tiers 1-3 always, 'unknown' for the paint without a tier."""
    frame = traceability.coverage_by_tier(con, PERIOD)
    assert frame["tier"].tolist() == ["1", "2", "3", "unknown"]
    assert frame["components"].tolist() == [2, 2, 2, 1]
    assert frame["disclosed"].tolist() == [2, 1, 1, 0]
    assert frame["coverage"].tolist() == pytest.approx([100.0, 50.0, 50.0, 0.0])


@pytest.mark.parametrize("countries", [(), ("CN", "VN")])
def test_a_component_whose_rows_disagree_takes_the_lowest_tier_and_first_disclosure(db, countries):
    """One component, three rows: tier 2 disclosed in May, tier 1 disclosed in March, tier 3
    naming no site. It is a tier-1 component disclosed from March: as of 30 April tier 1 is
    1/1 and T2 is 100%; as of 28 February nothing is disclosed (the third row names no site, so
    it discloses nothing, undated as it is). The same without a country
    filter (components read as stored, site_components) and with one keeping every row that
    names a country (worked out from the rows)."""
    add_rows(db, "suppliers", [{"supplier": "Delta", "country": "CN"}])
    add_rows(
        db,
        "sites",
        [
            dict(supplier="Delta", product="bus", component="motor", tier=2, site_name="East", country="CN",
                 disclosed_on=date(2024, 5, 1)),
            dict(supplier="Delta", product="bus", component="motor", tier=1, site_name="West", country="VN",
                 disclosed_on=date(2024, 3, 1)),
            dict(supplier="Delta", product="bus", component="motor", tier=3),
        ],
    )  # fmt: skip
    april = Filters(date(2024, 1, 1), date(2024, 4, 30), countries=countries)
    by_tier = traceability.coverage_by_tier(db, april).set_index("tier")
    assert by_tier.loc["1", ["components", "disclosed"]].tolist() == [1, 1]
    assert by_tier.loc[["2", "3"], "components"].tolist() == [0, 0]
    assert traceability.headline(db, april)["T2"] == pytest.approx(100.0)
    assert traceability.headline(db, replace(april, date_to=date(2024, 2, 28)))["T2"] == pytest.approx(0.0)


def test_coverage_by_supplier_per_tier(con):
    """Alpha: tier 1 1/1, tier 2 1/2, tier 3 0/1; Beta: tier 1 1/1, no tier 2, tier 3 1/1."""
    frame = traceability.coverage_by_supplier(con, PERIOD).set_index("supplier")
    assert frame.loc["Alpha", ["components", "disclosed"]].tolist() == [4, 2]
    assert frame.loc["Beta", ["components", "disclosed"]].tolist() == [3, 2]
    assert frame.loc[
        "Alpha", ["tier1_coverage", "tier2_coverage", "tier3_coverage"]
    ].tolist() == pytest.approx([100.0, 50.0, 0.0])
    assert frame.loc["Beta", "tier1_coverage"] == pytest.approx(100.0)
    assert frame["tier2_coverage"].isna().tolist() == [False, True]
    assert frame.loc["Beta", "tier3_coverage"] == pytest.approx(100.0)


def test_trend_at_quarter_ends_and_to(con):
    """15 Feb - 15 Aug: 31 Mar (frame, foam, chassis), 30 Jun (+ cobalt), 15 Aug (+ battery cell)."""
    frame = traceability.trend(con, Filters(date(2024, 2, 15), date(2024, 8, 15)))
    total = frame[frame["tier"] == "all"]
    assert [d.date() for d in total["as_of"]] == [date(2024, 3, 31), date(2024, 6, 30), date(2024, 8, 15)]
    assert total["components"].tolist() == [7, 7, 7]
    assert total["disclosed"].tolist() == [3, 4, 5]
    assert total["coverage"].tolist() == pytest.approx([300 / 7, 400 / 7, 500 / 7])
    tier2 = frame[frame["tier"] == "2"]
    assert tier2["coverage"].tolist() == pytest.approx([50.0, 50.0, 100.0])
    assert sorted(frame["tier"].unique()) == ["1", "2", "3", "all", "unknown"]


def test_sites_by_country(con):
    """DE 2 sites (none verified or monitored), CD 1, CN 1 (verified and monitored)."""
    frame = traceability.sites_by_country(con, PERIOD)
    assert frame.to_dict("list") == {
        "country": ["DE", "CD", "CN"],
        "sites": [2, 1, 1],
        "verified": [0, 0, 1],
        "monitored": [0, 0, 1],
    }


def test_disclosed_sites(con):
    """One row per site, with its tiers, components and first disclosure."""
    frame, total = traceability.disclosed_sites(con, PERIOD)
    assert total == 4
    assert frame["supplier"].tolist() == ["Alpha", "Beta", "Beta", "Beta"]
    assert frame["country"].tolist() == ["CN", "CD", "DE", "DE"]
    plant_one = frame.iloc[0]
    assert plant_one["site_name"] == "Plant One"
    assert list(plant_one["tiers"]) == [1, 2]
    assert plant_one["components"] == 2
    assert bool(plant_one["verified"]) and bool(plant_one["monitored"])
    assert plant_one["first_disclosed_on"].date() == date(2024, 1, 10)
    assert frame["site_name"].iloc[2:].tolist() == ["Beta Annex", "Beta Works"]
    cobalt_site = frame.iloc[1]
    assert pd.isna(cobalt_site["site_name"])
    assert cobalt_site["first_disclosed_on"].date() == date(2024, 6, 30)
    beta_works = frame.iloc[3]
    assert beta_works["os_id"] == "DE2019ABC"
    assert not beta_works["verified"]
    assert beta_works["first_disclosed_on"] is pd.NaT  # only undated rows disclose it


def test_disclosed_sites_a_page_at_a_time(con):
    """A page of the table is its rows in the same order, with the count of all sites; past
    the last site, no rows and still the count."""
    whole, _ = traceability.disclosed_sites(con, PERIOD)
    page, total = traceability.disclosed_sites(con, PERIOD, first=1, rows=2)
    assert total == 4
    assert page["site_name"].tolist() == whole["site_name"].iloc[1:3].tolist()
    assert page["country"].tolist() == ["CD", "DE"]
    beyond, total = traceability.disclosed_sites(con, PERIOD, first=10, rows=2)
    assert beyond.empty and total == 4


@pytest.fixture(scope="module")
def rules_db(tmp_path_factory):
    from engagement.db import open_database

    con = open_database(tmp_path_factory.mktemp("site_key") / "rules.duckdb")
    yield con
    con.close()


@given(name=st.text(alphabet=" \t\n\r\f\vAbc É", max_size=12))
@hypothesis_settings(max_examples=300, deadline=None)
def test_site_key_is_the_name_lowered_with_white_space_collapsed(rules_db, name):
    """site_key skips its regular expression on names without runs of white space (for speed);
    it must give what the plain rule gives on any name."""
    fast, plain = rules_db.execute(
        "select site_key($n), nullif(lower(regexp_replace(trim($n), '\\s+', ' ', 'g')), '')", {"n": name}
    ).fetchone()
    assert fast == plain


def _t1_t3_recounted(con) -> tuple[int, int]:
    """T1 and T3 over the whole programme, counted from the table sites itself (what the stored
    normalised rows must give): distinct components, and distinct named sites (name folded)."""
    return con.execute(
        """
        select
            (select count(distinct (programme, supplier, product, component)) from sites),
            (select count(distinct (
                programme, supplier, regexp_replace(lower(trim(site_name)), '\\s+', ' ', 'g'), nullif(trim(country), '')))
             from sites where nullif(trim(site_name), '') is not null or nullif(trim(country), '') is not null)
        """
    ).fetchone()


def test_stored_traceability_rows_follow_every_change(tmp_path):
    """sites_normalised is rebuilt by each write path (import, undo, emptying) and on opening a
    database whose copy is older than its data: T1 and T3 always equal a recount of sites."""
    from engagement.db import data_version, open_database
    from engagement.history import empty_database, undo_import
    from engagement.ingest import import_file

    everything = Filters(date(2000, 1, 1), date(2030, 12, 31))
    path = tmp_path / "t.duckdb"
    con = open_database(path)

    def shown():
        figures = traceability.headline(con, everything)
        return figures["T1"], figures["T3"]

    first = tmp_path / "sites.csv"
    first.write_text(
        "supplier,product,component,tier,site_name,country\n"
        "Acme,Bus,Battery,1,Plant A,NL\nAcme,Bus,Frame,1,plant  a,NL\nBeta,Bus,Seat,2,,DE\n",
        encoding="utf-8",
    )
    second = tmp_path / "more_sites.csv"
    second.write_text(
        "supplier,product,component,tier,site_name,country\nBeta,Car,Motor,1,Works B,PL\n", encoding="utf-8"
    )
    import_file(con, first, programme="P")
    assert shown() == _t1_t3_recounted(con) == (3, 2)  # Plant A twice, Beta's row names DE only
    report = import_file(con, second, programme="P")
    assert shown() == _t1_t3_recounted(con) == (4, 3)
    undo_import(con, report.import_id)
    assert shown() == _t1_t3_recounted(con) == (3, 2)

    # An import without traceability rows leaves the stored rows as they are, and up to date:
    # opening the file again finds nothing to rebuild.
    suppliers = tmp_path / "suppliers.csv"
    suppliers.write_text("supplier,country\nGamma,FR\n", encoding="utf-8")
    assert import_file(con, suppliers, programme="P").outcome == "stored"
    stamp = con.execute("select value from meta where key = 'sites_normalised_version'").fetchone()[0]
    assert stamp.split()[0] == str(data_version(con))
    assert shown() == _t1_t3_recounted(con) == (3, 2)

    # An older release changed sites without this table: opening the file rebuilds it.
    con.execute("update meta set value = 'older' where key = 'sites_normalised_version'")
    con.execute("delete from sites where supplier = 'Beta'")
    con.close()
    con = open_database(path)
    assert shown() == _t1_t3_recounted(con) == (2, 1)

    empty_database(con)
    assert shown() == (0, 0)
    con.close()
