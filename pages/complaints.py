"""Complaint resolution: how many grievances come in, how many stay open, how fast and
how well they are resolved."""

import plotly.express as px
import streamlit as st

from engagement.app import current_filters, figures, metric_row, no_data, readable, settings, show_chart
from engagement.kpis import complaints

filters = current_filters()
st.title("Complaint resolution")
now = figures(complaints.summary, filters, settings())
before = figures(complaints.summary, filters.previous_period(), settings())
metric_row(["C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8"], now, before)

received = figures(complaints.received_by_quarter, filters)
if received.empty:
    no_data("complaints received")
else:
    left, right = st.columns(2)
    for column, dimension, title in (
        (left, "channel", "Received per quarter by channel (C1)"),
        (right, "category", "Received per quarter by category (C1)"),
    ):
        counts = received.groupby(["quarter", dimension], as_index=False, dropna=False)["cases"].sum()
        counts[dimension] = readable(counts[dimension])
        with column:
            show_chart(
                px.bar(
                    counts,
                    x="quarter",
                    y="cases",
                    color=dimension,
                    category_orders={"quarter": sorted(counts["quarter"].unique())},
                    labels={"quarter": "Quarter received", "cases": "Cases", dimension: dimension.title()},
                    title=title,
                ).update_yaxes(dtick=1)
            )

left, right = st.columns(2)
with left:
    backlog = figures(complaints.backlog, filters)
    if backlog.empty:
        no_data("the backlog")
    else:
        show_chart(
            px.line(
                backlog,
                x="as_of",
                y="open_cases",
                markers=True,
                labels={"as_of": "Quarter end", "open_cases": "Open cases"},
                title="Backlog: open cases at quarter ends (C2)",
            )
        )
with right:
    resolution = figures(complaints.resolution_by_quarter, filters, settings())
    if resolution.empty:
        no_data("resolved cases")
    else:
        show_chart(
            px.bar(
                resolution,
                x="quarter",
                y="median_days",
                hover_data=[c for c in resolution.columns if c not in ("quarter", "median_days")],
                labels={"quarter": "Quarter resolved", "median_days": "Median days to resolution"},
                title=f"Median days to resolution (C3); target {settings().target_days} days",
            ).add_hline(y=settings().target_days, line_dash="dot")
        )

st.subheader("Cases")
cases = figures(complaints.cases, filters)
if cases.empty:
    no_data("cases")
else:
    st.dataframe(
        cases.assign(**{c: readable(cases[c]) for c in ("channel", "category", "severity", "status")}),
        hide_index=True,
        width="stretch",
        column_order=[
            "case_id",
            "supplier",
            "site_name",
            "country",
            "received_on",
            "channel",
            "category",
            "severity",
            "workers_affected",
            "status",
            "resolved_on",
            "days_to_resolution",
            "remedy",
            "worker_reps_involved",
            "satisfaction",
        ],
        column_config={
            "case_id": "Case",
            "supplier": "Supplier",
            "site_name": "Site",
            "country": "Country",
            "received_on": st.column_config.DateColumn("Received"),
            "channel": "Channel",
            "category": "Category",
            "severity": "Severity",
            "workers_affected": st.column_config.NumberColumn("Workers affected", format="%d"),
            "status": "Status",
            "resolved_on": st.column_config.DateColumn("Resolved or closed"),
            "days_to_resolution": st.column_config.NumberColumn("Days", format="%d"),
            "remedy": st.column_config.ListColumn("Remedy"),
            "worker_reps_involved": st.column_config.CheckboxColumn("Worker reps involved"),
            "satisfaction": st.column_config.NumberColumn("Satisfaction (1-5)", format="%d"),
        },
    )
