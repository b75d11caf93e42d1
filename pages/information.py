"""Information quality: do suppliers answer, on time, completely, with evidence?"""

import plotly.express as px
import streamlit as st

from engagement import texts, url_state
from engagement.app import (
    chart,
    current_filters,
    figures,
    figures_together,
    first_bars,
    language,
    lowest_rows,
    metric_row,
    no_data,
    readable,
    settings,
    t,
)
from engagement.kpis import information

# The elements an annual report is scored on (engagement.tables, report_assessments).
ELEMENTS = {
    "risk_analysis": t("Risk analysis"),
    "action_plan": t("Plan of approach"),
    "signals_handling": t("Handling of signals"),
    "stakeholder_consultation": t("Stakeholder consultation"),
    "kpis_reported": t("KPIs reported"),
}

lang = language()
filters = current_filters()
st.title(t("Information quality"))
now, before = figures_together(
    (information.headline, filters, settings()), (information.headline, filters.previous_period(), settings())
)
metric_row(["I1", "I2", "I3", "I4", "I5", "I6", "I7", "I8"], now, before)


@chart
def quality_trend(by_quarter):
    return px.line(
        by_quarter,
        x="quarter",
        y="quality_index",
        markers=True,
        range_y=[0, 105],
        labels={"quarter": t("Quarter requested"), "quality_index": t("Quality index (I7)")},
        title=t("Information quality index per quarter (I7)"),
    )


@chart
def quality_by_supplier(by_supplier):
    return px.bar(
        by_supplier.sort_values("quality_index"),
        x="quality_index",
        y="supplier",
        orientation="h",
        range_x=[0, 100],
        labels={"quality_index": t("Quality index (I7)"), "supplier": ""},
        title=t("Information quality index per supplier (I7)"),
    )


@chart
def report_scores(table, year):
    return px.imshow(
        table,
        text_auto=True,
        zmin=0,
        zmax=2,
        color_continuous_scale="Viridis",
        aspect="auto",
        labels={"x": t("Element"), "y": t("Supplier"), "color": t("Score 0-2")},
        title=t("Annual report {year}: score per element (0-2; blank = not assessed)", year=year),
    )


left, right = st.columns(2)
with left:
    by_quarter = figures(information.quality_by_quarter, filters)
    if by_quarter.empty:
        no_data(t("information requests"))
    else:
        quality_trend(
            by_quarter.assign(
                quarter=by_quarter["quarter_start"].map(lambda day: texts.format_quarter(day, lang))
            )
        )
with right:
    by_supplier = figures(information.quality_by_supplier, filters)
    if by_supplier.empty:
        no_data(t("suppliers with requests"))
    else:
        quality_by_supplier(
            first_bars(
                by_supplier,
                "quality_index",
                t(
                    "The {shown} suppliers with the lowest quality index, of {rows}; the table below lists them all."
                ),
            )
        )

st.subheader(t("Annual report scores by element (I8)"))
scores = figures(information.report_scores, filters)
if scores.empty:
    no_data(t("annual report assessments"))
else:
    # One year at a time, the latest first: ten years of heatmaps stacked are more than anyone
    # reads on a shared screen (and each is built and drawn at every change of the period).
    years = sorted(int(year) for year in scores["year"].unique())[::-1]
    url_state.choice_from_url("report_year", "information_report_year", years)
    if st.session_state.get("information_report_year") not in years:
        st.session_state["information_report_year"] = years[0]  # the period no longer has it
    year = st.selectbox(t("Year of the annual report"), years, key="information_report_year")
    url_state.keep_in_url("report_year", year)
    of_year = scores[scores["year"] == year]
    of_year = of_year.assign(element=of_year["element"].map(ELEMENTS).fillna(readable(of_year["element"])))
    table = lowest_rows(
        of_year.pivot_table(index="supplier", columns="element", values="score", aggfunc="first"),
        t("The {shown} suppliers with the lowest scores that year (not assessed first), of {rows}."),
    )
    report_scores(table, year)

if not by_supplier.empty:
    st.subheader(t("Per supplier"))
    st.dataframe(
        by_supplier,
        hide_index=True,
        width="stretch",
        column_config={
            "programme": t("Programme"),
            "supplier": t("Supplier"),
            "requests": t("Requests (I1)"),
            "response_rate": st.column_config.NumberColumn(t("Response % (I2)"), format="%.1f"),
            "on_time": st.column_config.NumberColumn(t("On time % (I3)"), format="%.1f"),
            "completeness": st.column_config.NumberColumn(t("Completeness % (I4)"), format="%.1f"),
            "evidence": st.column_config.NumberColumn(t("Evidence % (I5)"), format="%.1f"),
            "median_days": st.column_config.NumberColumn(t("Median days (I6)"), format="%.0f"),
            "quality_index": st.column_config.NumberColumn(t("Quality index (I7)"), format="%.1f"),
        },
    )
