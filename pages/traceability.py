"""Traceability coverage: which share of components has a disclosed production site?"""

import plotly.express as px
import streamlit as st

from engagement import texts
from engagement.app import (
    chart,
    current_filters,
    figures,
    figures_together,
    first_bars,
    language,
    metric_row,
    no_data,
    settings,
    show_query_table,
    t,
)
from engagement.kpis import traceability

lang = language()


def tier_name(tier) -> str:
    """'tier 1: assembly' / 'schakel 1: assemblage'; every tier of all tiers together."""
    return t("all tiers") if tier == "all" else texts.word("tier", tier, lang)


filters = current_filters()
as_of = texts.format_date(filters.date_to, lang)
st.title(t("Traceability coverage"))
st.caption(t("As of {day}.", day=as_of))
now, before = figures_together(
    (traceability.headline, filters, settings()),
    (traceability.headline, filters.previous_period(), settings()),
)
metric_row(["T1", "T2", "T3", "T4", "T5", "T6"], now, before, per_row=3)


def counted() -> dict:
    """Components and disclosed components, in the hover of the coverage charts."""
    return {"components": t("Components"), "disclosed": t("Disclosed")}


@chart
def coverage_by_tier(tiers):
    return px.bar(
        tiers,
        x="tier",
        y="coverage",
        range_y=[0, 100],
        text_auto=".0f",
        hover_data=["components", "disclosed"],
        labels={"tier": t("Tier"), "coverage": t("Coverage %"), **counted()},
        title=t("Coverage by tier (T2)"),
    )


@chart
def coverage_trend(trend):
    return px.line(
        trend,
        x="as_of",
        y="coverage",
        color="tier",
        markers=True,
        range_y=[0, 105],
        labels={"as_of": t("As of"), "coverage": t("Coverage %"), "tier": "", **counted()},
        title=t("Coverage at quarter ends (T2 trend)"),
    )


@chart
def coverage_by_supplier(by_supplier):
    return px.bar(
        by_supplier.sort_values("coverage"),
        x="coverage",
        y="supplier",
        orientation="h",
        range_x=[0, 100],
        hover_data=["components", "disclosed"],
        labels={"coverage": t("Coverage %"), "supplier": "", **counted()},
        title=t("Coverage by supplier (T2)"),
    )


@chart
def sites_map(countries):
    return px.choropleth(
        countries,
        locations="country",
        locationmode="country names",
        color="sites",
        hover_data=["verified", "monitored"],
        color_continuous_scale="Blues",
        labels={
            "country": t("Country"),
            "sites": t("Production sites"),
            "verified": t("Verified"),
            "monitored": t("Under worker-driven monitoring"),
        },
        title=t("Countries of disclosed production sites (T6)"),
    ).update_geos(showframe=False, projection_type="natural earth")


if not now["T1"]:
    no_data(t("traceability"))
else:
    left, right = st.columns(2)
    with left:
        tiers = figures(traceability.coverage_by_tier, filters)
        coverage_by_tier(tiers.assign(tier=tiers["tier"].map(tier_name)))
    with right:
        trend = figures(traceability.trend, filters)
        trend["tier"] = trend["tier"].map(tier_name)
        trend["as_of"] = trend["as_of"].map(
            lambda day: texts.format_date(day, lang)
        )  # a tick per quarter end
        coverage_trend(trend)

    coverage_by_supplier(
        first_bars(
            figures(traceability.coverage_by_supplier, filters),
            "coverage",
            t(
                "The {shown} suppliers with the lowest coverage, of {rows}; the Supplier scorecard "
                "lists every supplier's coverage."
            ),
        )
    )

    countries = figures(traceability.sites_by_country, filters)
    if countries.empty:
        no_data(t("production sites disclosed by {day}", day=as_of))
    else:
        sites_map(countries)

    st.subheader(t("Disclosed production sites"))
    show_query_table(
        traceability.disclosed_sites,
        filters,
        "disclosed_sites",
        hide_index=True,
        width="stretch",
        column_order=[
            "supplier",
            "site_name",
            "country",
            "tiers",
            "components",
            "verified",
            "monitored",
            "os_id",
            "first_disclosed_on",
        ],
        column_config={
            "supplier": t("Supplier"),
            "site_name": t("Production site"),
            "country": t("Country"),
            "tiers": st.column_config.ListColumn(t("Tiers")),
            "components": st.column_config.NumberColumn(t("Components"), format="%d"),
            "verified": st.column_config.CheckboxColumn(t("Verified")),
            "monitored": st.column_config.CheckboxColumn(t("Worker-driven monitoring")),
            "os_id": t("Open Supply Hub id"),
            "first_disclosed_on": st.column_config.DateColumn(t("First disclosed")),
        },
    )
