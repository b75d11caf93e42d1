"""Traceability coverage: which share of components has a disclosed production site?"""

import plotly.express as px
import streamlit as st

from engagement.app import current_filters, figures, metric_row, no_data, settings, show_chart
from engagement.kpis import traceability

TIER_NAMES = {"1": "1 assembly", "2": "2 component", "3": "3 raw material", "unknown": "tier unknown"}

filters = current_filters()
st.title("Traceability coverage")
st.caption(f"As of {filters.date_to:%d %b %Y}.")
now = figures(traceability.summary, filters, settings())
before = figures(traceability.summary, filters.previous_period(), settings())
metric_row(["T1", "T2", "T3", "T4", "T5", "T6"], now, before, per_row=3)

if not now["T1"]:
    no_data("traceability")
else:
    left, right = st.columns(2)
    with left:
        tiers = figures(traceability.coverage_by_tier, filters)
        tiers["tier"] = tiers["tier"].map(TIER_NAMES)
        show_chart(
            px.bar(
                tiers,
                x="tier",
                y="coverage",
                range_y=[0, 100],
                text_auto=".0f",
                hover_data=["components", "disclosed"],
                labels={"tier": "Tier", "coverage": "Coverage %"},
                title="Coverage by tier (T2)",
            )
        )
    with right:
        trend = figures(traceability.trend, filters)
        trend["tier"] = trend["tier"].map({"all": "all tiers", **TIER_NAMES})
        trend["as_of"] = trend["as_of"].map(lambda day: f"{day:%d %b %Y}")  # one tick per quarter end
        show_chart(
            px.line(
                trend,
                x="as_of",
                y="coverage",
                color="tier",
                markers=True,
                range_y=[0, 105],
                labels={"as_of": "As of", "coverage": "Coverage %", "tier": ""},
                title="Coverage at quarter ends (T2 trend)",
            )
        )

    by_supplier = figures(traceability.coverage_by_supplier, filters)
    show_chart(
        px.bar(
            by_supplier.sort_values("coverage"),
            x="coverage",
            y="supplier",
            orientation="h",
            range_x=[0, 100],
            hover_data=["components", "disclosed"],
            labels={"coverage": "Coverage %", "supplier": ""},
            title="Coverage by supplier (T2)",
        )
    )

    countries = figures(traceability.sites_by_country, filters)
    if countries.empty:
        no_data(f"production sites disclosed by {filters.date_to:%d %b %Y}")
    else:
        figure = px.choropleth(
            countries,
            locations="country",
            locationmode="country names",
            color="sites",
            hover_data=["verified", "monitored"],
            color_continuous_scale="Blues",
            title="Countries of disclosed production sites (T6)",
        )
        figure.update_geos(showframe=False, projection_type="natural earth")
        show_chart(figure)

    st.subheader("Disclosed production sites")
    st.dataframe(
        figures(traceability.disclosed_sites, filters),
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
            "supplier": "Supplier",
            "site_name": "Production site",
            "country": "Country",
            "tiers": st.column_config.ListColumn("Tiers"),
            "components": st.column_config.NumberColumn("Components", format="%d"),
            "verified": st.column_config.CheckboxColumn("Verified"),
            "monitored": st.column_config.CheckboxColumn("Worker-driven monitoring"),
            "os_id": "Open Supply Hub id",
            "first_disclosed_on": st.column_config.DateColumn("First disclosed"),
        },
    )
