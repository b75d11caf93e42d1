"""Dialogue frequency: are we meeting each supplier regularly, prepared and followed up?"""

import plotly.express as px
import streamlit as st

from engagement import texts
from engagement.app import (
    TEXT_CELLS,
    chart,
    current_filters,
    figures,
    figures_together,
    kpi_name,
    language,
    lowest_rows,
    metric_row,
    no_data,
    settings,
    t,
)
from engagement.filters import per_distinct_day
from engagement.kpis import dialogue

lang = language()
filters = current_filters()
st.title(t("Dialogue frequency"))
now, before = figures_together(
    (dialogue.headline, filters, settings()), (dialogue.headline, filters.previous_period(), settings())
)
metric_row(["D1", "D1m", "D2", "D3", "D4", "D5s", "D6", "D7", "D8", "D9", "D11"], now, before)


def quarters(frame):
    """The quarter column written in the user's language: 2024 Q1 / 2024 K1."""
    return frame.assign(
        quarter=per_distinct_day(frame["quarter_start"], lambda day: texts.format_quarter(day, lang))
    )


@chart
def meetings_heatmap(table):
    return px.imshow(
        table,
        text_auto=table.size <= TEXT_CELLS,
        color_continuous_scale="Blues",
        aspect="auto",
        labels={"x": t("Quarter"), "y": t("Supplier"), "color": t("Meetings")},
        title=t("Dialogue meetings per supplier per quarter"),
    )


@chart
def preparation_trend(long):
    return px.line(
        long,
        x="quarter",
        y="percent",
        color="measure",
        markers=True,
        range_y=[0, 105],
        labels={"quarter": t("Quarter"), "percent": "%", "measure": ""},
        title=t("Preparation and follow-up per quarter"),
    )


@chart
def oecd_steps(steps):
    return px.bar(
        steps,
        x="meetings",
        y="label",
        orientation="h",
        labels={"meetings": t("Dialogue meetings"), "label": t("OECD step")},
        title=t("OECD due-diligence steps addressed (D10)"),
    ).update_yaxes(autorange="reversed")


heatmap = figures(dialogue.meetings_per_supplier_quarter, filters)
if heatmap.empty:
    no_data(t("dialogue meetings"))
else:
    meetings_heatmap(
        lowest_rows(
            quarters(heatmap).pivot_table(
                index="supplier", columns="quarter", values="meetings", aggfunc="sum"
            ),
            t("The {shown} suppliers with the fewest dialogue meetings in the period, of {rows}."),
        )
    )

left, right = st.columns(2)
with left:
    by_quarter = figures(dialogue.by_quarter, filters)
    if by_quarter.empty:
        no_data(t("the quarterly trend"))
    else:
        long = quarters(by_quarter).melt(
            id_vars="quarter",
            value_vars=["agenda_sent_pct", "minutes_confirmed_pct", "collective_pct"],
            var_name="measure",
            value_name="percent",
        )
        long["measure"] = long["measure"].map(
            {
                "agenda_sent_pct": t("Agenda sent in advance (D6)"),
                "minutes_confirmed_pct": t("Confirmed in writing (D7)"),
                "collective_pct": t("Collective (D8)"),
            }
        )
        preparation_trend(long)
with right:
    steps = figures(dialogue.oecd_steps, filters)
    steps["label"] = [f"{step}. {texts.text(f'oecd.{step}', lang)}" for step in steps["step"]]
    oecd_steps(steps)

st.subheader(f"{kpi_name('D5')} (D5)")
days = figures(dialogue.days_since_last_meeting, filters, settings())
if days.empty:
    no_data(t("suppliers in scope"))
else:
    st.caption(
        t("Stale: no dialogue meeting for more than {days} days, or never.", days=settings().staleness_days)
    )
    st.dataframe(
        days.sort_values("days", ascending=False, na_position="first")[
            ["supplier", "last_meeting", "days", "stale"]
        ],
        hide_index=True,
        width="stretch",
        column_config={
            "supplier": t("Supplier"),
            "last_meeting": st.column_config.DateColumn(t("Last dialogue meeting")),
            "days": st.column_config.NumberColumn(t("Days since"), format="%d"),
            "stale": st.column_config.CheckboxColumn(t("Stale")),
        },
    )
