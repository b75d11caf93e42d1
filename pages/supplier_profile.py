"""Supplier profile: one supplier's meetings, requests, disclosures, cases and escalation."""

import plotly.express as px
import streamlit as st

from engagement import url_state
from engagement.app import (
    current_filters,
    figures,
    for_supplier,
    format_kpi,
    no_data,
    readable,
    settings,
    show_chart,
)
from engagement.kpis import complaints, dialogue, escalation, information, traceability
from engagement.kpis.options import filter_options
from engagement.kpis.profile import supplier_timeline

filters = current_filters()
st.title("Supplier profile")
suppliers = list(filters.suppliers) or figures(filter_options)["supplier"]
if not suppliers:
    no_data("suppliers")
    st.stop()
url_state.choice_from_url("profile", "profile_supplier", suppliers)
supplier = st.selectbox("Supplier", suppliers, key="profile_supplier")
url_state.keep_in_url("profile", supplier)
one = for_supplier(filters, supplier)

values = {}
for area in (dialogue, information, traceability, complaints, escalation):
    values.update(figures(area.summary, one, settings()))
first, second = st.columns(3), st.columns(3)
first[0].metric("Dialogue meetings (D1)", format_kpi("D1", values["D1"]))
first[1].metric("Days since last meeting (D5)", format_kpi("D5", values["D5"].get(supplier)))
first[2].metric("Escalation step (E1)", values["E1"].get(supplier, "dialogue").replace("_", " "))
second[0].metric("Information quality index (I7)", format_kpi("I7", values["I7"]))
second[1].metric("Traceability coverage (T2)", format_kpi("T2", values["T2"]))
second[2].metric("Open cases (C2)", format_kpi("C2", values["C2"]))

timeline = figures(supplier_timeline, filters, supplier)
if timeline.empty:
    no_data(f"{supplier} in this period")
else:
    show_chart(
        px.scatter(
            timeline,
            x="day",
            y="kind",
            color="kind",
            hover_data=["title", "detail"],
            labels={"day": "", "kind": ""},
            title=f"Timeline of {supplier}",
        )
        .update_traces(marker={"size": 12})
        .update_layout(showlegend=False)
    )
    st.dataframe(
        timeline,
        hide_index=True,
        width="stretch",
        column_config={
            "day": st.column_config.DateColumn("Date"),
            "kind": "What",
            "title": "Subject",
            "detail": "Detail",
        },
    )

history = figures(escalation.history, one)
st.subheader("Escalation steps")
if history.empty:
    st.write("No escalation: the dialogue continues.")
else:
    st.dataframe(
        history.assign(step=readable(history["step"])),
        hide_index=True,
        width="stretch",
        column_order=["date", "step", "note"],
        column_config={"date": st.column_config.DateColumn("Date"), "step": "Step", "note": "Note"},
    )
