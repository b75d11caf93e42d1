"""Supplier scorecard: every supplier in scope on one screen, for a review session."""

import pandas as pd
import streamlit as st

from engagement import texts, url_state
from engagement.app import (
    connection,
    csv_download,
    current_access,
    current_filters,
    current_user,
    figures,
    first_row_of_page,
    language,
    no_data,
    report_downloads,
    rows_caption,
    settings,
    t,
)
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

SCORECARD_PAGE_ROWS = 100
lang = language()
filters = current_filters()
current_settings = settings()
st.title(t("Supplier scorecard"))
previous = filters.previous_period()


def status_word(status: str) -> str:
    """green, amber, red, no data: in the user's language."""
    return texts.text(f"status.{status}", lang)


def measure_label(measure) -> str:
    return texts.text(f"measure.{measure.kpi_id}", lang)


st.caption(
    t(
        "{period}, compared with {previous}.",
        period=texts.format_period(filters.date_from, filters.date_to, lang),
        previous=texts.format_period(previous.date_from, previous.date_to, lang),
    )
    + " "
    + "  ".join(
        f"{STATUS_STYLE[s][0]} {status_word(s)}: {texts.text(f'status.meaning.{s}', lang)}"
        for s in (GREEN, AMBER, RED)
    )
    + ". "
    + t("Click a row to open the supplier's profile.")
)

card = figures(scorecard, filters, current_settings)
if card.empty:
    no_data(t("suppliers in scope"))
    st.stop()

counts = card["status"].value_counts()
COUNT_LABELS = {
    RED: t("{symbol} Suppliers to act", symbol=STATUS_STYLE[RED][0]),
    AMBER: t("{symbol} Suppliers to watch", symbol=STATUS_STYLE[AMBER][0]),
    GREEN: t("{symbol} Suppliers on track", symbol=STATUS_STYLE[GREEN][0]),
}
for column, status in zip(st.columns(3), (RED, AMBER, GREEN), strict=True):
    column.metric(COUNT_LABELS[status], int(counts.get(status, 0)))


def yes_no(value) -> str:
    return texts.text("yes" if value else "no", lang)


def cell_text(measure, value, change) -> str:
    """A measure's value as the table shows it, with its change against the previous period."""
    known = not texts.is_missing(change)
    if measure.kpi_id == "D2":
        text, was = yes_no(value), yes_no(change) if known else None
    elif measure.kpi_id == "E1":
        text, was = texts.word("step", value, lang), texts.word("step", change, lang) if known else None
    else:
        text = texts.format_kpi(measure.kpi_id, value, lang)  # lang given: no session lookup per cell
        difference = texts.format_change(measure.kpi_id, change, lang) if known else ""
        return f"{text} ({difference})" if difference else text
    return f"{text} ({texts.text('scorecard.was', lang, value=was)})" if was else text


def sorted_card(card: pd.DataFrame, sort_by: str) -> pd.DataFrame:
    if sort_by == "Supplier":
        card = card.sort_values(["supplier", "programme"], key=lambda names: names.str.casefold())
    elif SORTS[sort_by] is not None:
        measure = SORTS[sort_by]
        # Worst first: the lowest where more is better, the highest where less is better.
        column = "step_rank" if measure.kpi_id == "E1" else measure.column
        card = card.sort_values(
            column, ascending=measure.higher_is_better, na_position="first", kind="stable"
        )
    return card.reset_index(drop=True)


@st.cache_data(max_entries=64, show_spinner=False)
def shown_table(
    card: pd.DataFrame, sort_by: str, lang: str
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The sorted scorecard, the table as shown (cells written in lang) and each cell's colour.
    Kept per scorecard, sort and language: writing 500 suppliers' cells takes ~50 ms."""
    card = sorted_card(card, sort_by)
    supplier_header, status_header = t("Supplier"), t("Status")
    table = pd.DataFrame({supplier_header: card["supplier"]})
    if card["programme"].nunique() > 1:
        table[t("Programme")] = card["programme"]
    table[status_header] = [f"{STATUS_STYLE[s][0]} {status_word(s)}" for s in card["status"]]
    styles = pd.DataFrame("", index=table.index, columns=table.columns)
    styles[status_header] = [STATUS_STYLE[s][1] for s in card["status"]]
    for measure in MEASURES:
        # Each cell: the status symbol, the value and its change against the previous period.
        label = f"{measure_label(measure)} ({measure.kpi_id})"
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
    return card, table, styles


# Sort options are kept in English (the link's sort=), and shown in the user's language.
SORTS = {"Status, red first": None, "Supplier": None} | {f"{m.label} ({m.kpi_id})": m for m in MEASURES}
SORT_NAMES = {"Status, red first": t("Status, red first"), "Supplier": t("Supplier")} | {
    f"{m.label} ({m.kpi_id})": f"{measure_label(m)} ({m.kpi_id})" for m in MEASURES
}
url_state.choice_from_url("sort", "scorecard_sort", list(SORTS))
sort_by = st.selectbox(t("Sort by"), list(SORTS), format_func=SORT_NAMES.get, key="scorecard_sort")
url_state.keep_in_url("sort", sort_by)
card, table, styles = shown_table(card.drop(columns=["flags"]), sort_by, lang)  # lists hash slowly

# Colouring each cell costs the server ~0.2 ms: a large programme's scorecard is shown a page
# of suppliers at a time, the worst first in the sort chosen.
first = first_row_of_page(len(table), "scorecard", SCORECARD_PAGE_ROWS)
shown = slice(first, first + SCORECARD_PAGE_ROWS)
selection = st.dataframe(
    table[shown].style.apply(lambda _: styles[shown], axis=None),
    hide_index=True,
    width="stretch",
    on_select="rerun",
    selection_mode="single-row",
    key="scorecard_table",
)
if len(table) > SCORECARD_PAGE_ROWS:
    st.caption(rows_caption(first, len(table[shown]), len(table)))
chosen = selection.selection.rows if selection else []
if chosen:
    st.session_state["profile_supplier"] = card["supplier"].iloc[first + chosen[0]]
    st.switch_page("pages/supplier_profile.py")

# The download is the data itself: column names and values as the importer and the reports know them.
st.download_button(
    t("Download the scorecard (CSV)"),
    csv_download(lambda: card, "supplier scorecard"),
    file_name=f"scorecard_{filters.date_from}_{filters.date_to}.csv",
    mime="text/csv",
    on_click="ignore",  # a download changes nothing on screen: no rerun to race the next click
)
report_downloads(filters)

with st.expander(t("Status thresholds")):
    st.write(
        t(
            "A figure where more is better is green from its green threshold, amber from its amber "
            "threshold and red below; where less is better (days since the last meeting, open cases), "
            "green up to its green threshold and amber up to its amber threshold. Engaged: yes is "
            "green, no is red. Escalation: dialogue is green, a formal escalation (notice of default, "
            "fine, termination) red, the steps between amber."
        )
    )
    if current_access().coordinates:  # buyers read the thresholds; coordinators set them
        with st.form("thresholds"):
            values = {}
            for measure in MEASURES:
                if measure.green is None:
                    continue
                left, right = st.columns(2)
                name = measure_label(measure)
                if measure.higher_is_better:
                    green_label = t("{measure}: green at least", measure=name)
                    amber_label = t("{measure}: amber at least", measure=name)
                else:
                    green_label = t("{measure}: green at most", measure=name)
                    amber_label = t("{measure}: amber at most", measure=name)
                values[measure.green] = left.number_input(
                    green_label, value=getattr(current_settings, measure.green), step=1
                )
                values[measure.amber] = right.number_input(
                    amber_label, value=getattr(current_settings, measure.amber), step=1
                )
            if st.form_submit_button(t("Save thresholds")):
                wrong = [
                    measure_label(m)
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
                        t(
                            "Green must be stricter than amber for: {measures}. Nothing was saved.",
                            measures=", ".join(wrong),
                        )
                    )
                else:
                    con = connection()
                    for name, value in values.items():
                        save_setting(con, name, int(value), current_user())
                    st.success(t("Saved. The scorecard now uses these thresholds."))
                    st.rerun()
    else:
        st.caption(t("The programme's coordinator sets these thresholds."))
