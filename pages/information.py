"""Information quality: do suppliers answer, on time, completely, with evidence?"""

import plotly.express as px
import streamlit as st

from engagement.app import current_filters, figures, metric_row, no_data, settings, show_chart
from engagement.kpis import information

filters = current_filters()
st.title("Information quality")
now = figures(information.summary, filters, settings())
before = figures(information.summary, filters.previous_period(), settings())
metric_row(["I1", "I2", "I3", "I4", "I5", "I6", "I7", "I8"], now, before)

left, right = st.columns(2)
with left:
    by_quarter = figures(information.quality_by_quarter, filters)
    if by_quarter.empty:
        no_data("information requests")
    else:
        show_chart(
            px.line(
                by_quarter,
                x="quarter",
                y="quality_index",
                markers=True,
                range_y=[0, 105],
                labels={"quarter": "Quarter requested", "quality_index": "Quality index (I7)"},
                title="Information quality index per quarter (I7)",
            )
        )
with right:
    by_supplier = figures(information.quality_by_supplier, filters)
    if by_supplier.empty:
        no_data("suppliers with requests")
    else:
        show_chart(
            px.bar(
                by_supplier.sort_values("quality_index"),
                x="quality_index",
                y="supplier",
                orientation="h",
                range_x=[0, 100],
                labels={"quality_index": "Quality index (I7)", "supplier": ""},
                title="Information quality index per supplier (I7)",
            )
        )

st.subheader("Annual report scores by element (I8)")
scores = figures(information.report_scores, filters)
if scores.empty:
    no_data("annual report assessments")
else:
    for year, of_year in scores.groupby("year"):
        table = of_year.pivot_table(index="supplier", columns="element", values="score", aggfunc="first")
        show_chart(
            px.imshow(
                table,
                text_auto=True,
                zmin=0,
                zmax=2,
                color_continuous_scale="Viridis",
                aspect="auto",
                labels={"x": "Element", "y": "Supplier", "color": "Score 0-2"},
                title=f"Annual report {year}: score per element (0-2; blank = not assessed)",
            )
        )

if not by_supplier.empty:
    st.subheader("Per supplier")
    st.dataframe(
        by_supplier,
        hide_index=True,
        width="stretch",
        column_config={
            "supplier": "Supplier",
            "requests": "Requests (I1)",
            "response_rate": st.column_config.NumberColumn("Response % (I2)", format="%.1f"),
            "on_time": st.column_config.NumberColumn("On time % (I3)", format="%.1f"),
            "completeness": st.column_config.NumberColumn("Completeness % (I4)", format="%.1f"),
            "evidence": st.column_config.NumberColumn("Evidence % (I5)", format="%.1f"),
            "median_days": st.column_config.NumberColumn("Median days (I6)", format="%.0f"),
            "quality_index": st.column_config.NumberColumn("Quality index (I7)", format="%.1f"),
        },
    )
