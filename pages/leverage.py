"""Collective leverage: which buyers share which suppliers, and where that shared leverage
meets low engagement, for the buyer group's quarterly review."""

import plotly.express as px
import streamlit as st

from engagement.app import current_filters, figures, no_data, show_chart
from engagement.kpis import leverage

# Above this many buyer x supplier cells a heatmap no longer reads on a projector: a table then.
MAX_HEATMAP_CELLS = 400
MEASURES = {
    "Contracts": ("contracts", "Contracts", True),
    "Contract value (million EUR)": ("value_millions", "Million EUR", ".1f"),
}

filters = current_filters()
st.title("Collective leverage")
st.caption(
    f"Contracts overlapping {filters.date_from:%d %b %Y} to {filters.date_to:%d %b %Y}, per buyer "
    "and supplier in scope. A contract without a value adds to the count, not to the value: "
    "a value left blank is unknown, not zero."
)

suppliers = figures(leverage.by_supplier, filters)
if suppliers.empty:
    no_data("suppliers in scope")
    st.stop()
shortlist = figures(leverage.high_leverage_low_engagement, filters)
several_programmes = suppliers["programme"].nunique() > 1

first, second, third = st.columns(3)
first.metric("Suppliers in scope", len(suppliers))
second.metric(f"Shared by {leverage.MIN_SHARED_BUYERS} or more buyers", int(suppliers["shared"].sum()))
third.metric("High leverage, low engagement", len(shortlist))

st.subheader("Contracts per buyer and supplier")
pairs = figures(leverage.matrix, filters)
if pairs.empty:
    no_data("contracts")
elif pairs["supplier"].nunique() * pairs["buyer"].nunique() > MAX_HEATMAP_CELLS:
    st.caption("Too many buyers and suppliers for a heatmap: one row per buyer and supplier.")
    st.dataframe(
        pairs,
        hide_index=True,
        width="stretch",
        column_order=["supplier", "buyer", "contracts", "contract_value", "contracts_without_value"],
        column_config={
            "supplier": "Supplier",
            "buyer": "Buyer",
            "contracts": st.column_config.NumberColumn("Contracts", format="%d"),
            "contract_value": st.column_config.NumberColumn("Contract value", format="euro"),
            "contracts_without_value": st.column_config.NumberColumn("Without a value", format="%d"),
        },
    )
else:
    shown = st.radio("Cells show", list(MEASURES), horizontal=True, key="leverage_measure")
    column, unit, text = MEASURES[shown]
    pairs = pairs.assign(value_millions=pairs["contract_value"] / 1e6)
    # min_count=1: a pair whose contracts all lack a value stays blank, not 0
    cells = pairs.groupby(["supplier", "buyer"])[column].sum(min_count=1).unstack("buyer")
    figure = px.imshow(
        cells,
        text_auto=text,
        color_continuous_scale="Blues",
        aspect="auto",
        labels={"x": "Buyer", "y": "Supplier", "color": unit},
        title=f"{shown} per buyer and supplier (blank: no contract, or no value known)",
    )
    figure.update_layout(height=max(320, 30 * len(cells) + 160))
    show_chart(figure)

st.subheader("Suppliers and the buyers who share them")
st.dataframe(
    suppliers,
    hide_index=True,
    width="stretch",
    column_order=(["programme"] if several_programmes else [])
    + [
        "supplier",
        "buyers",
        "buyer_names",
        "contracts",
        "contract_value",
        "contracts_without_value",
        "dialogue_meetings",
        "attending_buyers",
        "quality_index",
        "coverage",
    ],
    column_config={
        "programme": "Programme",
        "supplier": "Supplier",
        "buyers": st.column_config.NumberColumn("Buyers sharing it", format="%d"),
        "buyer_names": st.column_config.ListColumn("Buyers with a contract"),
        "contracts": st.column_config.NumberColumn("Contracts", format="%d"),
        "contract_value": st.column_config.NumberColumn("Combined value", format="euro"),
        "contracts_without_value": st.column_config.NumberColumn("Without a value", format="%d"),
        "dialogue_meetings": st.column_config.NumberColumn("Dialogue meetings", format="%d"),
        "attending_buyers": st.column_config.ListColumn("Buyers at its dialogue meetings"),
        "quality_index": st.column_config.NumberColumn("Information quality index I7", format="%.1f"),
        "coverage": st.column_config.NumberColumn("Traceability coverage T2 %", format="%.1f"),
    },
)

st.subheader("High leverage, low engagement")
st.caption(f"A suggestion for the group to discuss, not a verdict. {leverage.SHORTLIST_RULE}")
if shortlist.empty:
    st.success("No supplier with high leverage shows low engagement in this period.")
else:
    st.dataframe(
        shortlist,
        hide_index=True,
        width="stretch",
        column_order=(["programme"] if several_programmes else [])
        + ["supplier", "leverage", "low_engagement", "buyers", "contract_value"],
        column_config={
            "programme": "Programme",
            "supplier": "Supplier",
            "leverage": "Why leverage is high",
            "low_engagement": "Why engagement is low",
            "buyers": st.column_config.NumberColumn("Buyers sharing it", format="%d"),
            "contract_value": st.column_config.NumberColumn("Combined value", format="euro"),
        },
    )
