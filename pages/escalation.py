"""Escalation: where each supplier stands on the ladder, how it got there, and which
suppliers the signals suggest to consider for the next step (people decide)."""

import pandas as pd
import plotly.express as px
import streamlit as st

from engagement import texts
from engagement.app import (
    chart,
    connection,
    current_access,
    current_filters,
    current_user,
    figures,
    figures_together,
    first_bars,
    language,
    metric_row,
    no_data,
    settings,
    t,
)
from engagement.kpis import escalation
from engagement.kpis.signals import signals
from engagement.settings import save_setting
from engagement.vocabulary import ESCALATION_LADDER

lang = language()
filters = current_filters()
current_settings = settings()
st.title(t("Escalation"))
now, before = figures_together(
    (escalation.headline, filters, current_settings),
    (escalation.headline, filters.previous_period(), current_settings),
)
metric_row(["E2"], now, before)

marked = figures(signals, filters, current_settings)
if marked.empty:
    no_data(t("suppliers in scope"))
    st.stop()


def step_words(step) -> str:
    """A step of the ladder in the user's language; empty when there is none."""
    return "" if step is None or pd.isna(step) else texts.word("step", step, lang)


def signal_words(reasons) -> str:
    """A supplier's signals (engagement.kpis.signals.Sentence) in the user's language."""
    return "; ".join(reason.written(lang) for reason in reasons)


st.subheader(t("To consider for the next step"))
if current_settings.signal_critical_cases:
    st.caption(
        t(
            "Signals: no dialogue meeting for more than {days} days; fewer than {rate}% of the period's "
            "information requests answered; a critical grievance open beyond the {target}-day target. "
            "The app suggests; the buyer group decides.",
            days=current_settings.signal_meeting_days,
            rate=current_settings.signal_response_rate,
            target=current_settings.target_days,
        )
    )
else:
    st.caption(
        t(
            "Signals: no dialogue meeting for more than {days} days; fewer than {rate}% of the period's "
            "information requests answered. The app suggests; the buyer group decides.",
            days=current_settings.signal_meeting_days,
            rate=current_settings.signal_response_rate,
        )
    )
flagged = marked[marked["reasons"].map(bool)]
if flagged.empty:
    st.success(t("No supplier gives a signal in this period."))
else:
    st.dataframe(
        pd.DataFrame(
            {
                t("Supplier"): flagged["supplier"],
                t("Current step (E1)"): flagged["step"].map(step_words),
                t("Suggested next step"): flagged["next_step"]
                .map(step_words)
                .replace("", t("already at the top")),
                t("Signals"): flagged["reasons"].map(signal_words),
            }
        ),
        hide_index=True,
        width="stretch",
    )


@chart
def ladder_chart(ladder):
    return px.bar(
        ladder.sort_values(["step_rank", "supplier"]),
        x="step_rank",
        y="supplier",
        orientation="h",
        hover_data=["step_name"],
        labels={"step_rank": "", "supplier": "", "step_name": t("Step")},
        title=t("Current step on the escalation ladder (E1)"),
        height=max(300, 28 * len(ladder)),
    ).update_xaxes(
        tickvals=list(range(len(ESCALATION_LADDER))),
        ticktext=[step_words(s) for s in ESCALATION_LADDER],
        range=[-0.1, len(ESCALATION_LADDER) - 0.5],
    )


st.subheader(t("Where each supplier stands"))
# only the columns drawn: the chart is cached by its data, and a list column (reasons) hashes slowly
ladder = first_bars(
    marked[["supplier", "step_rank", "step"]],
    "step_rank",
    t(
        "The {shown} suppliers furthest up the ladder, of {rows}; the Supplier scorecard lists every supplier's step."
    ),
    ascending=False,
)
ladder_chart(ladder[["supplier", "step_rank"]].assign(step_name=ladder["step"].map(step_words)))

history = figures(escalation.history, filters)
st.subheader(t("History"))
if history.empty:
    st.caption(t("No escalation steps recorded up to the end of the period: every supplier is in dialogue."))
else:
    st.dataframe(
        pd.DataFrame(
            {
                t("Supplier"): history["supplier"],
                t("Date"): history["date"],
                t("Step"): history["step"].map(step_words),
                t("Note"): history["note"],
            }
        ),
        hide_index=True,
        width="stretch",
    )

if current_access().coordinates:  # signals are the coordinator's to set
    with st.expander(t("Signal settings")):
        with st.form("signals"):
            days = st.number_input(
                t("No dialogue meeting for more than (days)"),
                min_value=1,
                value=current_settings.signal_meeting_days,
                step=1,
            )
            rate = st.number_input(
                t("Information requests answered below (%)"),
                min_value=0,
                max_value=100,
                value=current_settings.signal_response_rate,
                step=5,
            )
            critical = st.checkbox(
                t("A critical grievance open beyond the resolution target"),
                value=bool(current_settings.signal_critical_cases),
            )
            if st.form_submit_button(t("Save signals")):
                con = connection()
                save_setting(con, "signal_meeting_days", int(days), current_user())
                save_setting(con, "signal_response_rate", int(rate), current_user())
                save_setting(con, "signal_critical_cases", int(critical), current_user())
                st.success(t("Saved."))
                st.rerun()
