"""Supplier scorecard: every supplier in scope on one screen, for a review session."""

import pandas as pd
import streamlit as st

from engagement import url_state
from engagement.app import connection, current_filters, figures, format_kpi, no_data, settings
from engagement.kpis.scorecard import AMBER, GREEN, MEASURES, NO_STATUS, RED, scorecard
from engagement.settings import save_setting

# Okabe-Ito colours (safe for the common colour blindnesses), light tints behind dark text;
# the symbol says the same, so the status reads without colour (and in print).
STATUS_STYLE = {
    GREEN: ("✓", "background-color: #cdeee3"),  # bluish green #009E73
    AMBER: ("!", "background-color: #fbe5b6"),  # orange #E69F00
    RED: ("✗", "background-color: #f6cfb8"),  # vermillion #D55E00
    NO_STATUS: ("–", ""),
}
STATUS_WORDS = {GREEN: "on track", AMBER: "watch", RED: "act", NO_STATUS: "no data"}

filters = current_filters()
current_settings = settings()
st.title("Supplier scorecard")
previous = filters.previous_period()
st.caption(
    f"{filters.date_from:%d %b %Y} to {filters.date_to:%d %b %Y}, compared with "
    f"{previous.date_from:%d %b %Y} to {previous.date_to:%d %b %Y}. "
    + "  ".join(f"{STATUS_STYLE[s][0]} {s}: {STATUS_WORDS[s]}" for s in (GREEN, AMBER, RED))
    + ". Click a row to open the supplier's profile."
)

card = figures(scorecard, filters, current_settings)
if card.empty:
    no_data("suppliers in scope")
    st.stop()

counts = card["status"].value_counts()
columns = st.columns(3)
for column, status in zip(columns, (RED, AMBER, GREEN), strict=True):
    column.metric(
        f"{STATUS_STYLE[status][0]} Suppliers to {STATUS_WORDS[status]}", int(counts.get(status, 0))
    )


def cell_text(measure, value, change) -> str:
    """A measure's value as the table shows it, with its change against the previous period."""
    if measure.kpi_id == "D2":
        text = "yes" if value else "no"
        return text + (f" (was {'yes' if change else 'no'})" if change is not None else "")
    if measure.kpi_id == "E1":
        text = str(value).replace("_", " ")
        return text + (f" (was {str(change).replace('_', ' ')})" if change is not None else "")
    text = format_kpi(measure.kpi_id, None if pd.isna(value) else value)
    if change is not None and not pd.isna(change):
        text += f" ({change:+.0f})" if measure.kpi_id in ("D5", "C2") else f" ({change:+.1f})"
    return text


SORTS = {"Status, red first": None, "Supplier": None} | {f"{m.label} ({m.kpi_id})": m for m in MEASURES}
url_state.choice_from_url("sort", "scorecard_sort", list(SORTS))
sort_by = st.selectbox("Sort by", list(SORTS), key="scorecard_sort")
url_state.keep_in_url("sort", sort_by)
if sort_by == "Supplier":
    card = card.sort_values(["supplier", "programme"], key=lambda names: names.str.casefold())
elif SORTS[sort_by] is not None:
    measure = SORTS[sort_by]
    # Worst first: the lowest where more is better, the highest where less is better.
    column = "step_rank" if measure.kpi_id == "E1" else measure.column
    card = card.sort_values(column, ascending=measure.higher_is_better, na_position="first", kind="stable")
card = card.reset_index(drop=True)

table = pd.DataFrame({"Supplier": card["supplier"]})
if card["programme"].nunique() > 1:
    table["Programme"] = card["programme"]
table["Status"] = [f"{STATUS_STYLE[s][0]} {s}" for s in card["status"]]
styles = pd.DataFrame("", index=table.index, columns=table.columns)
styles["Status"] = [STATUS_STYLE[s][1] for s in card["status"]]
for measure in MEASURES:
    # Each cell: the status symbol, the value and its change against the previous period.
    label = f"{measure.label} ({measure.kpi_id})"
    table[label] = [
        f"{STATUS_STYLE[status][0]} {cell_text(measure, value, change)}"
        for value, change, status in zip(
            card[measure.column],
            card[f"{measure.column}_change"],
            card[f"{measure.column}_status"],
            strict=True,
        )
    ]
    styles[label] = [STATUS_STYLE[s][1] for s in card[f"{measure.column}_status"]]
styler = table.style.apply(lambda _: styles, axis=None)

selection = st.dataframe(
    styler,
    hide_index=True,
    width="stretch",
    on_select="rerun",
    selection_mode="single-row",
    key="scorecard_table",
)
chosen = selection.selection.rows if selection else []
if chosen:
    st.session_state["profile_supplier"] = card["supplier"].iloc[chosen[0]]
    st.switch_page("pages/supplier_profile.py")

st.download_button(
    "Download the scorecard (CSV)",
    card.drop(columns=["flags"]).to_csv(index=False).encode("utf-8"),
    file_name=f"scorecard_{filters.date_from}_{filters.date_to}.csv",
    mime="text/csv",
)

with st.expander("Status thresholds"):
    st.write(
        "A figure where more is better is green from its green threshold, amber from its amber "
        "threshold and red below; where less is better (days since the last meeting, open cases), "
        "green up to its green threshold and amber up to its amber threshold. Engaged: yes is "
        "green, no is red. Escalation: dialogue is green, a formal escalation (notice of default, "
        "fine, termination) red, the steps between amber."
    )
    with st.form("thresholds"):
        values = {}
        for measure in MEASURES:
            if measure.green is None:
                continue
            left, right = st.columns(2)
            word = "at least" if measure.higher_is_better else "at most"
            values[measure.green] = left.number_input(
                f"{measure.label}: green {word}", value=getattr(current_settings, measure.green), step=1
            )
            values[measure.amber] = right.number_input(
                f"{measure.label}: amber {word}", value=getattr(current_settings, measure.amber), step=1
            )
        if st.form_submit_button("Save thresholds"):
            wrong = [
                m.label
                for m in MEASURES
                if m.green is not None
                and (
                    values[m.green] < values[m.amber]
                    if m.higher_is_better
                    else values[m.green] > values[m.amber]
                )
            ]
            if wrong:
                st.error(
                    "Green must be stricter than amber for: " + ", ".join(wrong) + ". Nothing was saved."
                )
            else:
                con = connection()
                for name, value in values.items():
                    save_setting(con, name, int(value))
                st.success("Saved. The scorecard now uses these thresholds.")
                st.rerun()
