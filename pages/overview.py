"""Overview: the headline KPIs of each area for the period, with the change against the
previous period of equal length."""

import streamlit as st

from engagement import texts
from engagement.app import (
    current_filters,
    figures,
    figures_together,
    language,
    metric_row,
    no_data,
    settings,
    t,
)
from engagement.kpis import AREAS, escalation

HEADLINES = {
    "D": ["D1", "D2", "D3", "D5s", "D9"],
    "I": ["I1", "I2", "I3", "I7", "I8"],
    "T": ["T1", "T2", "T3", "T4", "T5"],
    "C": ["C1", "C2", "C3", "C4", "C5"],
}

lang = language()
filters = current_filters()
previous = filters.previous_period()
st.title(t("Overview"))
st.caption(
    t(
        "{period}, compared with {previous}.",
        period=texts.format_period(filters.date_from, filters.date_to, lang),
        previous=texts.format_period(previous.date_from, previous.date_to, lang),
    )
)
# Each area's headline is its own cached figure, the one its page shows too: a visit to the
# Dialogue page after the Overview finds its headline computed; the traceability one is kept
# by the period's last day; and the ten run side by side.
headlines = figures_together(
    *[(area.headline, period, settings()) for period in (filters, previous) for area in AREAS]
)
now = {kpi_id: value for figure in headlines[: len(AREAS)] for kpi_id, value in figure.items()}
before = {kpi_id: value for figure in headlines[len(AREAS) :] for kpi_id, value in figure.items()}

# Nothing met, asked, received or disclosed: say so rather than show a page of zeros.
if not any(now[k] for k in ("D1", "D1m", "I1", "T3", "C1")):
    no_data(t("the overview"))
for area, kpi_ids in HEADLINES.items():
    st.subheader(texts.text(f"area.{area}", lang))
    metric_row(kpi_ids, now, before)

st.subheader(texts.text("area.E", lang))
metric_row(["E2"], now, before)
steps = figures(escalation.status, filters)
beyond_dialogue = steps[steps["step_rank"] > 0]
if beyond_dialogue.empty:
    st.write(t("Every supplier in scope is at the dialogue step."))
else:
    st.dataframe(
        beyond_dialogue.assign(step=beyond_dialogue["step"].map(lambda step: texts.word("step", step, lang)))[
            ["supplier", "step", "since", "days_in_step"]
        ],
        hide_index=True,
        width="stretch",
        column_config={
            "supplier": t("Supplier"),
            "step": t("Current step (E1)"),
            "since": st.column_config.DateColumn(t("Since")),
            "days_in_step": st.column_config.NumberColumn(t("Days in step (E3)"), format="%d"),
        },
    )
