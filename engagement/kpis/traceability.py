"""Traceability coverage (KPIS.md, T): components, disclosed sites, coverage over time.

The rules (what counts as a component, a disclosure, a site) are written once, in the
comment of queries/traceability_kpis.sql; the other traceability queries share them.
"""

import pandas as pd

from engagement import queries
from engagement.filters import Filters, as_of_period_end
from engagement.settings import Settings

TIERS = ("1", "2", "3")


def summary(con, filters: Filters, settings: Settings) -> dict:
    """T1-T6 as of the end of the period, plus T2 per tier ("T2_by_tier") and per supplier."""
    values = headline(con, filters, settings)
    by_tier = coverage_by_tier(con, filters).set_index("tier")["coverage"]
    values["T2_by_tier"] = {tier: _number(by_tier.get(tier)) for tier in TIERS}
    by_supplier = coverage_by_supplier(con, filters)
    values["T2_by_supplier"] = {
        supplier: _number(coverage)
        for supplier, coverage in zip(by_supplier["supplier"], by_supplier["coverage"], strict=True)
    }
    return values


@as_of_period_end
def headline(con, filters: Filters, settings: Settings | None = None) -> dict:
    """T1-T6 as of the end of the period, without the breakdowns per tier and supplier."""
    row = queries.run_one(con, "traceability_kpis", filters.params())
    return {kpi_id.upper(): value for kpi_id, value in row.items()}


@as_of_period_end
def coverage_by_tier(con, filters: Filters) -> pd.DataFrame:
    """T2 per tier as of `to`: tier ('1', '2', '3', maybe 'unknown'), components, disclosed, coverage."""
    return queries.run(con, "traceability_coverage_by_tier", filters.params())


@as_of_period_end
def coverage_by_supplier(con, filters: Filters) -> pd.DataFrame:
    """T2 per supplier as of `to`: supplier, components, disclosed, coverage, tier1/2/3_coverage."""
    return queries.run(con, "traceability_coverage_by_supplier", filters.params())


def trend(con, filters: Filters) -> pd.DataFrame:
    """T2 at each quarter end of the period (and `to`): as_of, tier ('all', '1'...), components, disclosed, coverage."""
    return queries.run(con, "traceability_trend", filters.params())


@as_of_period_end
def sites_by_country(con, filters: Filters) -> pd.DataFrame:
    """Sites disclosed as of `to` per country: country, sites, verified, monitored."""
    return queries.run(con, "sites_by_country", filters.params())


@as_of_period_end
def disclosed_sites(
    con, filters: Filters, first: int = 0, rows: int | None = None
) -> tuple[pd.DataFrame, int]:
    """The sites disclosed as of `to`, `rows` of them (None: all) from row `first`, each with its
    tiers, components, flags and first disclosure; and how many sites there are in all."""
    return queries.run_page(con, "disclosed_sites", filters.params(), first, rows)


def _number(value) -> float | None:
    # DataFrame cells are numpy floats (NaN for null); the JSON output wants float or None.
    return None if value is None or pd.isna(value) else float(value)
