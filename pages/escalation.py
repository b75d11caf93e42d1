"""Escalation: where each supplier stands on the ladder, how it got there, and which
suppliers the signals suggest to consider for the next step (people decide)."""

import pandas as pd
import plotly.express as px
import streamlit as st

from engagement.app import connection, current_filters, figures, metric_row, no_data, settings, show_chart
from engagement.kpis import escalation
from engagement.kpis.signals import signals
from engagement.settings import save_setting
from engagement.vocabulary import ESCALATION_LADDER

filters = current_filters()
current_settings = settings()
st.title("Escalation")
now = figures(escalation.summary, filters, current_settings)
before = figures(escalation.summary, filters.previous_period(), current_settings)
metric_row(["E2"], now, before)

marked = figures(signals, filters, current_settings)
if marked.empty:
    no_data("suppliers in scope")
    st.stop()


def step_words(step) -> str:
    return "" if step is None or pd.isna(step) else str(step).replace("_", " ")


st.subheader("To consider for the next step")
st.caption(
    "Signals: no dialogue meeting for more than "
    f"{current_settings.signal_meeting_days} days; fewer than {current_settings.signal_response_rate}% "
    "of the period's information requests answered"
    + (
        f"; a critical grievance open beyond the {current_settings.target_days}-day target"
        if current_settings.signal_critical_cases
        else ""
    )
    + ". The app suggests; the buyer group decides."
)
flagged = marked[marked["reasons"].map(bool)]
if flagged.empty:
    st.success("No supplier gives a signal in this period.")
else:
    st.dataframe(
        pd.DataFrame(
            {
                "Supplier": flagged["supplier"],
                "Current step (E1)": flagged["step"].map(step_words),
                "Suggested next step": flagged["next_step"].map(step_words).replace("", "already at the top"),
                "Signals": flagged["reasons"].map("; ".join),
            }
        ),
        hide_index=True,
        width="stretch",
    )

st.subheader("Where each supplier stands")
ladder = marked.assign(step_name=marked["step"].map(step_words))
show_chart(
    px.bar(
        ladder.sort_values(["step_rank", "supplier"]),
        x="step_rank",
        y="supplier",
        orientation="h",
        hover_data=["step_name"],
        labels={"step_rank": "", "supplier": ""},
        title="Current step on the escalation ladder (E1)",
        height=max(300, 28 * len(ladder)),
    ).update_xaxes(
        tickvals=list(range(len(ESCALATION_LADDER))),
        ticktext=[step_words(s) for s in ESCALATION_LADDER],
        range=[-0.1, len(ESCALATION_LADDER) - 0.5],
    )
)

history = figures(escalation.history, filters)
st.subheader("History")
if history.empty:
    st.caption("No escalation steps recorded up to the end of the period: every supplier is in dialogue.")
else:
    st.dataframe(
        pd.DataFrame(
            {
                "Supplier": history["supplier"],
                "Date": history["date"],
                "Step": history["step"].map(step_words),
                "Note": history["note"],
            }
        ),
        hide_index=True,
        width="stretch",
    )

with st.expander("Signal settings"):
    with st.form("signals"):
        days = st.number_input(
            "No dialogue meeting for more than (days)",
            min_value=1,
            value=current_settings.signal_meeting_days,
            step=1,
        )
        rate = st.number_input(
            "Information requests answered below (%)",
            min_value=0,
            max_value=100,
            value=current_settings.signal_response_rate,
            step=5,
        )
        critical = st.checkbox(
            "A critical grievance open beyond the resolution target",
            value=bool(current_settings.signal_critical_cases),
        )
        if st.form_submit_button("Save signals"):
            con = connection()
            save_setting(con, "signal_meeting_days", int(days))
            save_setting(con, "signal_response_rate", int(rate))
            save_setting(con, "signal_critical_cases", int(critical))
            st.success("Saved.")
            st.rerun()
