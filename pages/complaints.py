"""Complaint resolution: how many grievances come in, how many stay open, how fast and
how well they are resolved."""

import pandas as pd
import plotly.express as px
import streamlit as st

from engagement import texts
from engagement.app import (
    chart,
    current_filters,
    figures,
    figures_together,
    language,
    metric_row,
    no_data,
    settings,
    show_query_table,
    t,
)
from engagement.kpis import complaints

lang = language()
# Severities and statuses of a grievance (engagement.vocabulary), as the cases table shows them.
WORDS = {
    "severity": {"low": t("low"), "medium": t("medium"), "high": t("high"), "critical": t("critical")},
    "status": {
        "open": t("open"),
        "in_remediation": t("in remediation"),
        "resolved": t("resolved"),
        "closed_unresolved": t("closed unresolved"),
    },
}


def shown(kind: str, values: pd.Series) -> pd.Series:
    """Values of a list (channel, category, severity, status) in the user's language."""

    def one(value) -> str:
        if pd.isna(value):
            return t("not given")
        if kind in WORDS:
            return WORDS[kind].get(value, str(value).replace("_", " "))
        return texts.word(kind, value, lang).replace("_", " ")

    return values.map(one)


def quarter(day) -> str:
    return texts.format_quarter(day, lang)


filters = current_filters()
st.title(t("Complaint resolution"))
now, before = figures_together(
    (complaints.headline, filters, settings()), (complaints.headline, filters.previous_period(), settings())
)
metric_row(["C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8"], now, before)


@chart
def received_per_quarter(counts, dimension, title, legend):
    return px.bar(
        counts,
        x="quarter",
        y="cases",
        color=dimension,
        category_orders={"quarter": sorted(counts["quarter"].unique())},
        labels={"quarter": t("Quarter received"), "cases": t("Cases"), dimension: legend},
        title=title,
    ).update_yaxes(
        # whole cases: a tick per case while there are few; plotly's own ticks beyond,
        # as a tick per case on thousands of cases stalls the browser
        dtick=1 if counts.groupby("quarter")["cases"].sum().max() <= 10 else None
    )


@chart
def backlog_trend(backlog):
    return px.line(
        backlog,
        x="as_of",
        y="open_cases",
        markers=True,
        labels={"as_of": t("Quarter end"), "open_cases": t("Open cases")},
        title=t("Backlog: open cases at quarter ends (C2)"),
    )


@chart
def resolution_days(resolution, target_days):
    return px.bar(
        resolution,
        x="quarter",
        y="median_days",
        hover_data=["resolved", "within_target_pct", "satisfaction"],
        labels={
            "quarter": t("Quarter resolved"),
            "median_days": t("Median days to resolution"),
            "resolved": t("Resolved"),
            "within_target_pct": t("Within target %"),
            "satisfaction": t("Satisfaction (1-5)"),
        },
        title=t("Median days to resolution (C3); target {days} days", days=target_days),
    ).add_hline(y=target_days, line_dash="dot")


received = figures(complaints.received_by_quarter, filters)
if received.empty:
    no_data(t("complaints received"))
else:
    received = received.assign(quarter=received["quarter_start"].map(quarter))
    left, right = st.columns(2)
    for column, dimension, title, legend in (
        (left, "channel", t("Received per quarter by channel (C1)"), t("Channel")),
        (right, "category", t("Received per quarter by category (C1)"), t("Category")),
    ):
        counts = received.groupby(["quarter", dimension], as_index=False, dropna=False)["cases"].sum()
        counts[dimension] = shown(dimension, counts[dimension])
        with column:
            received_per_quarter(counts, dimension, title, legend)

left, right = st.columns(2)
with left:
    backlog = figures(complaints.backlog, filters)
    if backlog.empty:
        no_data(t("the backlog"))
    else:
        # the quarter ends written as dates of the user's language, one tick each
        backlog_trend(backlog.assign(as_of=backlog["as_of"].map(lambda day: texts.format_date(day, lang))))
with right:
    resolution = figures(complaints.resolution_by_quarter, filters, settings())
    if resolution.empty:
        no_data(t("resolved cases"))
    else:
        resolution_days(
            resolution.assign(quarter=resolution["quarter_start"].map(quarter)), settings().target_days
        )

st.subheader(t("Cases"))
show_query_table(
    complaints.cases,
    filters,
    "cases",
    lambda cases: cases.assign(
        **{c: shown(c, cases[c]) for c in ("channel", "category", "severity", "status")}
    ),
    nothing=t("cases"),
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
        "case_id": t("Case"),
        "supplier": t("Supplier"),
        "site_name": t("Site"),
        "country": t("Country"),
        "received_on": st.column_config.DateColumn(t("Received")),
        "channel": t("Channel"),
        "category": t("Category"),
        "severity": t("Severity"),
        "workers_affected": st.column_config.NumberColumn(t("Workers affected"), format="%d"),
        "status": t("Status"),
        "resolved_on": st.column_config.DateColumn(t("Resolved or closed")),
        "days_to_resolution": st.column_config.NumberColumn(t("Days"), format="%d"),
        "remedy": st.column_config.ListColumn(t("Remedy")),
        "worker_reps_involved": st.column_config.CheckboxColumn(t("Worker reps involved")),
        "satisfaction": st.column_config.NumberColumn(t("Satisfaction (1-5)"), format="%d"),
    },
)
