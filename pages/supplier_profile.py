"""Supplier profile: one supplier's meetings, requests, disclosures, cases and escalation."""

import html
import re
from datetime import date

import pandas as pd
import plotly.express as px
import streamlit as st

from engagement import texts, url_state
from engagement.app import (
    chart,
    current_access,
    current_filters,
    figures,
    figures_together,
    for_supplier,
    format_kpi,
    kpi_name,
    kpi_rule,
    language,
    no_data,
    settings,
    show_query_table,
    t,
)
from engagement.kpis import complaints, dialogue, escalation, information, traceability
from engagement.kpis.options import filter_options
from engagement.kpis.profile import supplier_timeline, timeline_by_month

lang = language()
# What the timeline (queries/supplier_timeline.sql) writes, in the user's language.
KINDS = {
    "meeting": t("meeting"),
    "information request": t("information request"),
    "disclosure": t("disclosure"),
    "grievance": t("grievance"),
    "escalation": t("escalation"),
}
MEETING_TYPES = {
    "dialogue": t("dialogue meeting"),
    "follow_up": t("follow-up meeting"),
    "site_visit": t("site visit"),
    "market_event": t("market event"),
}
TOPICS = {
    "policy": t("policy"),
    "code_of_conduct": t("code of conduct"),
    "risk_analysis": t("risk analysis"),
    "traceability": t("traceability"),
    "production_sites": t("production sites"),
    "action_plan": t("action plan"),
    "corrective_action": t("corrective action"),
    "purchasing_practices": t("purchasing practices"),
    "monitoring": t("monitoring"),
    "audit": t("audit"),
    "kpis": t("KPIs"),
    "reporting": t("reporting"),
    "stakeholder_communication": t("stakeholder communication"),
    "grievance_mechanism": t("grievance mechanism"),
    "remedy": t("remedy"),
}
STATUSES = {
    "open": t("open"),
    "in_remediation": t("in remediation"),
    "resolved": t("resolved"),
    "closed_unresolved": t("closed unresolved"),
}
ANSWERED = re.compile(r"answered (\d{4}-\d{2}-\d{2})(?:, completeness (\d+)/4)?")
TIER = re.compile(r"(.*) \(tier (\w+)\)")


def plain(value) -> str:
    return str(value).replace("_", " ")


def event_title(kind: str, title) -> str:
    """The subject of an event; enumerations in it (meeting type, category, step) translated."""
    if pd.isna(title):
        return ""
    if kind == "meeting":
        return MEETING_TYPES.get(title, plain(title))
    if kind == "escalation":
        return texts.word("step", title, lang)
    if kind == "disclosure" and (tier := TIER.fullmatch(title)):
        return t("{component} (tier {tier})", component=tier[1], tier=tier[2])
    if kind == "grievance" and ": " in title:
        case, _, category = title.partition(": ")
        return f"{case}: {plain(texts.word('category', category, lang))}"
    return title


def event_detail(kind: str, detail) -> str:
    """The detail of an event: meeting topics, the answer to a request, a grievance's status."""
    if pd.isna(detail):
        return ""
    if kind == "meeting":
        return ", ".join(TOPICS.get(topic, plain(topic)) for topic in detail.split(", ") if topic)
    if kind == "information request":
        if detail == "not answered":
            return t("not answered")
        if answered := ANSWERED.fullmatch(detail):
            day = texts.format_date(date.fromisoformat(answered[1]), lang)
            if answered[2] is None:
                return t("answered on {day}", day=day)
            return t("answered on {day}, completeness {score}/4", day=day, score=answered[2])
    if kind == "grievance":
        status, comma, rest = detail.partition(", ")
        return STATUSES.get(status, plain(status)) + comma + rest
    return detail


def in_language(timeline: pd.DataFrame) -> pd.DataFrame:
    rows = list(zip(timeline["kind"], timeline["title"], timeline["detail"], strict=True))
    return timeline.assign(
        kind=[KINDS.get(kind, kind) for kind, _, _ in rows],
        title=[event_title(kind, title) for kind, title, _ in rows],
        detail=[event_detail(kind, detail) for kind, _, detail in rows],
    )


# More events than this are drawn as counts per month: a point per event would send tens of
# thousands of points to the browser for a supplier met for years.
TIMELINE_POINTS = 1_000

filters = current_filters()
st.title(t("Supplier profile"))
suppliers = list(filters.suppliers) or figures(filter_options, current_access().programmes)["supplier"]
if not suppliers:
    no_data(t("suppliers"))
    st.stop()
url_state.choice_from_url("profile", "profile_supplier", suppliers)
supplier = st.selectbox(t("Supplier"), suppliers, key="profile_supplier")
url_state.keep_in_url("profile", supplier)
one = for_supplier(filters, supplier)

# Each area's headline (what its page shows first) and the supplier's own D5 and E1 rows,
# side by side: the areas' full summaries would also work out breakdowns shown nowhere here.
*headlines, days, steps = figures_together(
    *[(area.headline, one, settings()) for area in (dialogue, information, traceability, complaints)],
    (dialogue.days_since_last_meeting, one, settings()),
    (escalation.status, one),
)
values = {kpi_id: value for figure in headlines for kpi_id, value in figure.items()}


def own_row(frame: pd.DataFrame, column: str, otherwise=None):
    """The supplier's value in a per-supplier frame; a name in two programmes has no one value."""
    rows = frame[frame["supplier"] == supplier]
    return rows[column].iloc[0] if len(rows) == 1 else otherwise


shown = {
    "D1": format_kpi("D1", values["D1"]),
    "D5": format_kpi("D5", own_row(days, "days")),
    "E1": texts.word("step", own_row(steps, "step", "dialogue"), lang),
    "I7": format_kpi("I7", values["I7"]),
    "T2": format_kpi("T2", values["T2"]),
    "C2": format_kpi("C2", values["C2"]),
}
for column, (kpi_id, value) in zip(st.columns(3) + st.columns(3), shown.items(), strict=True):
    column.metric(f"{kpi_name(kpi_id)} ({kpi_id})", value, help=kpi_rule(kpi_id))


@chart
def timeline_chart(timeline, supplier):
    return (
        px.scatter(
            timeline,
            x="day",
            y="kind",
            color="kind",
            hover_data=["title", "detail"],
            labels={"day": "", "kind": "", "title": t("Subject"), "detail": t("Detail")},
            title=t("Timeline of {supplier}", supplier=html.escape(supplier)),  # plotly reads tags
        )
        .update_traces(marker={"size": 12})
        .update_layout(showlegend=False)
        # plotly writes English month names; in Dutch the axis shows day-first dates instead
        .update_xaxes(tickformat="%d-%m-%Y" if language() == "nl" else None)
    )


@chart
def events_per_month(months, supplier):
    return px.bar(
        months,
        x="month",
        y="events",
        color="kind",
        labels={"month": "", "events": t("Events"), "kind": ""},
        title=t("Events of {supplier} per month", supplier=html.escape(supplier)),
    ).update_xaxes(tickformat="%m-%Y" if language() == "nl" else None)


# Every event of a supplier seen now and then; a busy one's years are counted per month.
first_page, events = figures(supplier_timeline, one, 0, TIMELINE_POINTS)
if not events:
    no_data(supplier)
else:
    if events <= TIMELINE_POINTS:
        timeline_chart(in_language(first_page), supplier)
    else:  # years of a busy supplier: one bar per month and kind, not a point per event
        months = figures(timeline_by_month, one)
        events_per_month(months.assign(kind=[KINDS.get(kind, kind) for kind in months["kind"]]), supplier)
    show_query_table(
        supplier_timeline,
        one,
        "timeline",
        in_language,
        hide_index=True,
        width="stretch",
        column_config={
            "day": st.column_config.DateColumn(t("Date")),
            "kind": t("What"),
            "title": t("Subject"),
            "detail": t("Detail"),
        },
    )

history = figures(escalation.history, one)
st.subheader(t("Escalation steps"))
if history.empty:
    st.write(t("No escalation: the dialogue continues."))
else:
    st.dataframe(
        history.assign(step=history["step"].map(lambda step: texts.word("step", step, lang))),
        hide_index=True,
        width="stretch",
        column_order=["date", "step", "note"],
        column_config={
            "date": st.column_config.DateColumn(t("Date")),
            "step": t("Step"),
            "note": t("Note"),
        },
    )
