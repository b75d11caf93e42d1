"""Dialogue frequency: are we meeting each supplier regularly, prepared and followed up?"""

import plotly.express as px
import streamlit as st

from engagement.app import current_filters, figures, metric_row, no_data, settings, show_chart
from engagement.kpis import dialogue

filters = current_filters()
st.title("Dialogue frequency")
now = figures(dialogue.summary, filters, settings())
before = figures(dialogue.summary, filters.previous_period(), settings())
metric_row(["D1", "D1m", "D2", "D3", "D4", "D5s", "D6", "D7", "D8", "D9", "D11"], now, before)

heatmap = figures(dialogue.meetings_per_supplier_quarter, filters)
if heatmap.empty:
    no_data("dialogue meetings")
else:
    table = heatmap.pivot_table(index="supplier", columns="quarter", values="meetings", aggfunc="sum")
    figure = px.imshow(
        table,
        text_auto=True,
        color_continuous_scale="Blues",
        aspect="auto",
        labels={"x": "Quarter", "y": "Supplier", "color": "Meetings"},
        title="Dialogue meetings per supplier per quarter",
    )
    show_chart(figure)

left, right = st.columns(2)
with left:
    by_quarter = figures(dialogue.by_quarter, filters)
    if by_quarter.empty:
        no_data("the quarterly trend")
    else:
        long = by_quarter.melt(
            id_vars="quarter",
            value_vars=["agenda_sent_pct", "minutes_confirmed_pct", "collective_pct"],
            var_name="measure",
            value_name="percent",
        )
        long["measure"] = long["measure"].map(
            {
                "agenda_sent_pct": "Agenda sent in advance (D6)",
                "minutes_confirmed_pct": "Confirmed in writing (D7)",
                "collective_pct": "Collective (D8)",
            }
        )
        show_chart(
            px.line(
                long,
                x="quarter",
                y="percent",
                color="measure",
                markers=True,
                range_y=[0, 105],
                labels={"quarter": "Quarter", "percent": "%", "measure": ""},
                title="Preparation and follow-up per quarter",
            )
        )
with right:
    steps = figures(dialogue.oecd_steps, filters)
    steps["label"] = steps["step"].astype(str) + ". " + steps["step_name"]
    show_chart(
        px.bar(
            steps,
            x="meetings",
            y="label",
            orientation="h",
            labels={"meetings": "Dialogue meetings", "label": "OECD step"},
            title="OECD due-diligence steps addressed (D10)",
        ).update_yaxes(autorange="reversed")
    )

st.subheader("Days since last meeting (D5)")
days = figures(dialogue.days_since_last_meeting, filters, settings())
if days.empty:
    no_data("suppliers in scope")
else:
    st.caption(f"Stale: no dialogue meeting for more than {settings().staleness_days} days, or never.")
    st.dataframe(
        days.sort_values("days", ascending=False, na_position="first")[
            ["supplier", "last_meeting", "days", "stale"]
        ],
        hide_index=True,
        width="stretch",
        column_config={
            "supplier": "Supplier",
            "last_meeting": st.column_config.DateColumn("Last dialogue meeting"),
            "days": st.column_config.NumberColumn("Days since", format="%d"),
            "stale": st.column_config.CheckboxColumn("Stale"),
        },
    )
