"""Collective leverage: which buyers share which suppliers, and where that shared leverage
meets low engagement, for the buyer group's quarterly review."""

import plotly.express as px
import streamlit as st

from engagement import texts, url_state
from engagement.app import chart, current_filters, figures, language, no_data, show_table, t
from engagement.kpis import leverage

# Above this many buyer x supplier cells a heatmap no longer reads on a projector: a table then.
MAX_HEATMAP_CELLS = 400

lang = language()
# What the heatmap's cells show: the choice (kept in the session, in English) -> column, its
# name and its colour bar's unit in the user's language, and the cells' number format.
MEASURES = {
    "Contracts": ("contracts", t("Contracts"), t("Contracts"), True),
    "Contract value (million EUR)": (
        "value_millions",
        t("Contract value (million EUR)"),
        t("Million EUR"),
        ".1f",
    ),
}


def in_words(reasons) -> str:
    """A short list's reasons (engagement.kpis.signals.Sentence) in the user's language."""
    return "; ".join(reason.written(lang) for reason in reasons)


filters = current_filters()
st.title(t("Collective leverage"))
st.caption(
    t(
        "Contracts overlapping {period}, per buyer and supplier in scope. A contract without a value adds "
        "to the count, not to the value: a value left blank is unknown, not zero.",
        period=texts.format_period(filters.date_from, filters.date_to, lang),
    )
)


@chart
def leverage_heatmap(cells, text, unit, name):
    # In Dutch, 1.234,5 in the cells and on the colour bar (chart() sets the separators).
    return px.imshow(
        cells,
        text_auto=text,
        color_continuous_scale="Blues",
        aspect="auto",
        labels={"x": t("Buyer"), "y": t("Supplier"), "color": unit},
        title=t("{measure} per buyer and supplier (blank: no contract, or no value known)", measure=name),
    ).update_layout(height=max(320, 30 * len(cells) + 160))


suppliers = figures(leverage.by_supplier, filters)
if suppliers.empty:
    no_data(t("suppliers in scope"))
    st.stop()
shortlist = leverage.shortlist_of(suppliers)  # a few lines of pandas over the rows just read
several_programmes = suppliers["programme"].nunique() > 1

first, second, third = st.columns(3)
first.metric(t("Suppliers in scope"), len(suppliers))
second.metric(t("Shared by {n} or more buyers", n=leverage.MIN_SHARED_BUYERS), int(suppliers["shared"].sum()))
third.metric(t("High leverage, low engagement"), len(shortlist))

st.subheader(t("Contracts per buyer and supplier"))
pairs = figures(leverage.matrix, filters)
if pairs.empty:
    no_data(t("contracts"))
elif pairs["supplier"].nunique() * pairs["buyer"].nunique() > MAX_HEATMAP_CELLS:
    st.caption(t("Too many buyers and suppliers for a heatmap: one row per buyer and supplier."))
    show_table(
        pairs,
        "contracts_per_buyer_and_supplier",
        hide_index=True,
        width="stretch",
        column_order=["supplier", "buyer", "contracts", "contract_value", "contracts_without_value"],
        column_config={
            "supplier": t("Supplier"),
            "buyer": t("Buyer"),
            "contracts": st.column_config.NumberColumn(t("Contracts"), format="%d"),
            "contract_value": st.column_config.NumberColumn(t("Contract value"), format="euro"),
            "contracts_without_value": st.column_config.NumberColumn(t("Without a value"), format="%d"),
        },
    )
else:
    url_state.choice_from_url("cells", "leverage_measure", list(MEASURES))
    shown = st.radio(
        t("Cells show"),
        list(MEASURES),
        format_func=lambda choice: MEASURES[choice][1],
        horizontal=True,
        key="leverage_measure",
    )
    url_state.keep_in_url("cells", shown)
    column, name, unit, text = MEASURES[shown]
    pairs = pairs.assign(value_millions=pairs["contract_value"] / 1e6)
    # min_count=1: a pair whose contracts all lack a value stays blank, not 0
    cells = pairs.groupby(["supplier", "buyer"])[column].sum(min_count=1).unstack("buyer")
    leverage_heatmap(cells, text, unit, name)

st.subheader(t("Suppliers and the buyers who share them"))
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
        "programme": t("Programme"),
        "supplier": t("Supplier"),
        "buyers": st.column_config.NumberColumn(t("Buyers sharing it"), format="%d"),
        "buyer_names": st.column_config.ListColumn(t("Buyers with a contract")),
        "contracts": st.column_config.NumberColumn(t("Contracts"), format="%d"),
        "contract_value": st.column_config.NumberColumn(t("Combined value"), format="euro"),
        "contracts_without_value": st.column_config.NumberColumn(t("Without a value"), format="%d"),
        "dialogue_meetings": st.column_config.NumberColumn(t("Dialogue meetings"), format="%d"),
        "attending_buyers": st.column_config.ListColumn(t("Buyers at its dialogue meetings")),
        "quality_index": st.column_config.NumberColumn(t("Information quality index I7"), format="%.1f"),
        "coverage": st.column_config.NumberColumn(t("Traceability coverage T2 %"), format="%.1f"),
    },
)

st.subheader(t("High leverage, low engagement"))
st.caption(
    t(
        "A suggestion for the group to discuss, not a verdict. {rule}",
        rule=leverage.SHORTLIST_RULE.written(lang),
    )
)
if shortlist.empty:
    st.success(t("No supplier with high leverage shows low engagement in this period."))
else:
    # The reasons in the user's language; the lists they come from stay here.
    written = {
        "leverage": shortlist["leverage_reasons"].map(in_words),
        "low_engagement": shortlist["low_engagement_reasons"].map(in_words),
    }
    st.dataframe(
        shortlist.drop(columns=["leverage_reasons", "low_engagement_reasons"]).assign(**written),
        hide_index=True,
        width="stretch",
        column_order=(["programme"] if several_programmes else [])
        + ["supplier", "leverage", "low_engagement", "buyers", "contract_value"],
        column_config={
            "programme": t("Programme"),
            "supplier": t("Supplier"),
            "leverage": t("Why leverage is high"),
            "low_engagement": t("Why engagement is low"),
            "buyers": st.column_config.NumberColumn(t("Buyers sharing it"), format="%d"),
            "contract_value": st.column_config.NumberColumn(t("Combined value"), format="euro"),
        },
    )
