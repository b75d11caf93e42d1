"""Review session: a presentation for the shared screen. The agenda: the scorecard, then each
flagged supplier on a screen of its own, then the decisions. Large type; next and previous."""

import pandas as pd
import streamlit as st

from engagement import texts, url_state
from engagement.app import (
    as_text,
    csv_download,
    current_filters,
    figures,
    figures_together,
    format_kpi,
    language,
    no_data,
    report_downloads,
    settings,
    t,
)
from engagement.kpis.scorecard import AMBER, GREEN, MEASURES, NO_STATUS, RED, scorecard
from engagement.kpis.session import agenda_of, open_actions
from engagement.kpis.signals import signals

SYMBOL = {GREEN: "✓", AMBER: "!", RED: "✗", NO_STATUS: "–"}
# Our own style only (no data goes into it): large type for a projector.
st.markdown(
    """<style>
    [data-testid="stMain"] { font-size: 1.35rem; }
    [data-testid="stMetricValue"] { font-size: 2.6rem; }
    [data-testid="stMetricLabel"] p { font-size: 1.2rem; }
    </style>""",
    unsafe_allow_html=True,
)

lang = language()
filters = current_filters()
# The scorecard and the signals as the Scorecard and Escalation pages show them (cached once
# for the three pages), side by side.
plan = agenda_of(*figures_together((scorecard, filters, settings()), (signals, filters, settings())))
if plan.card.empty:
    no_data(t("suppliers in scope"))
    st.stop()

slides = plan.slides
url_state.choice_from_url("slide", "session_slide", [str(n) for n in range(1, slides + 1)])
if "session_slide" not in st.session_state or int(st.session_state["session_slide"]) > slides:
    st.session_state["session_slide"] = "1"


def go(step: int) -> None:
    current = int(st.session_state["session_slide"])
    st.session_state["session_slide"] = str(min(max(current + step, 1), slides))


def status_word(status: str) -> str:
    """green, amber, red, no data: in the user's language."""
    return texts.text(f"status.{status}", lang)


def measure_label(measure) -> str:
    return texts.text(f"measure.{measure.kpi_id}", lang)


def step_word(step) -> str:
    """An escalation step as the user reads it: 'improvement_plan' -> 'improvement plan' / 'verbeterplan'."""
    return texts.word("step", step, lang)


slide = int(st.session_state["session_slide"])
url_state.keep_in_url("slide", slide)
left, middle, right = st.columns([1, 4, 1])
left.button(t("◀ Previous"), on_click=go, args=(-1,), disabled=slide == 1, width="stretch")
right.button(t("Next ▶"), on_click=go, args=(1,), disabled=slide == slides, width="stretch")
middle.caption(
    t(
        "Review session · {period} · screen {slide} of {slides}: scorecard, {flagged} flagged suppliers, decisions",
        period=texts.format_period(filters.date_from, filters.date_to, lang),
        slide=slide,
        slides=slides,
        flagged=len(plan.flagged),
    )
)


def measure_text(measure, row) -> tuple[str, str | None]:
    """A measure's value as the screen shows it, and its change against the previous period."""
    value, change = row[measure.column], row[f"{measure.column}_change"]
    known = not texts.is_missing(change)
    if measure.kpi_id == "D2":
        yes_no = {True: texts.text("yes", lang), False: texts.text("no", lang)}
        was = texts.text("scorecard.was", lang, value=yes_no[bool(change)]) if known else None
        return yes_no[bool(value)], was
    if measure.kpi_id == "E1":
        was = texts.text("scorecard.was", lang, value=step_word(change)) if isinstance(change, str) else None
        return step_word(value), was
    text = format_kpi(measure.kpi_id, None if pd.isna(value) else value)
    return text, (texts.format_change(measure.kpi_id, change, lang) or None) if known else None


def action_status(status: str) -> str:
    return {
        "overdue": t("overdue"),
        "due": t("due"),
        "done late": t("done late"),
        "done on time": t("done on time"),
    }.get(status, status)


if slide == 1:
    st.title(t("Review session"))
    st.header(t("Supplier scorecard"))
    counts = plan.card["status"].value_counts()
    labels = {
        RED: t("{symbol} {status}: suppliers to act on", symbol=SYMBOL[RED], status=status_word(RED)),
        AMBER: t("{symbol} {status}: suppliers to watch", symbol=SYMBOL[AMBER], status=status_word(AMBER)),
        GREEN: t("{symbol} {status}: suppliers on track", symbol=SYMBOL[GREEN], status=status_word(GREEN)),
    }
    for column, status in zip(st.columns(3), (RED, AMBER, GREEN), strict=True):
        column.metric(labels[status], int(counts.get(status, 0)))
    st.dataframe(
        pd.DataFrame(
            {
                t("Supplier"): plan.card["supplier"],
                t("Status"): [f"{SYMBOL[s]} {status_word(s)}" for s in plan.card["status"]],
                **{m.kpi_id: [SYMBOL[s] for s in plan.card[f"{m.column}_status"]] for m in MEASURES},
            }
        ),
        hide_index=True,
        width="stretch",
        height=min(38 * (len(plan.card) + 1), 700),
    )
    st.markdown(
        t(
            "**Next:** {suppliers}",
            suppliers=", ".join(plan.flagged["supplier"]) or t("no supplier is flagged"),
        )
    )
elif slide <= len(plan.flagged) + 1:
    row = plan.flagged.iloc[slide - 2]
    st.title(f"{SYMBOL[row['status']]} {as_text(row['supplier'])}")
    for start in (0, 4):
        for column, measure in zip(st.columns(4), MEASURES[start : start + 4], strict=True):
            status = row[f"{measure.column}_status"]
            value, change = measure_text(measure, row)
            # The status is the symbol (and the help); the change is neutral grey: whether
            # up is good depends on the measure, and the symbol already says how it stands.
            column.metric(
                f"{SYMBOL[status]} {measure_label(measure)}",
                value,
                delta=change,
                delta_color="off",
                help=f"{measure.kpi_id}: {status_word(status)}",
            )
    reasons = row["reasons"]
    if reasons:
        step = row["next_step"]
        if isinstance(step, str):
            st.subheader(t("Consider: {step}", step=step_word(step)))
        else:
            st.subheader(t("Consider: already at the top"))
        # The signals' sentences (engagement.kpis.signals.Sentence), in the user's language.
        st.markdown("\n".join(f"- {reason.written(lang)}" for reason in reasons))
    red = [measure_label(m) for m in MEASURES if row[f"{m.column}_status"] == RED]
    if red:
        st.markdown(t("**Red:** {measures}", measures=", ".join(red)))
    todo = figures(open_actions, filters, row["programme"], row["supplier"])
    st.subheader(t("Open actions: {n}", n=len(todo)))
    if not todo.empty:
        st.dataframe(
            pd.DataFrame(
                {
                    t("Action"): todo["description"],
                    t("Owner"): todo["owner"],
                    t("Due"): pd.to_datetime(todo["due_date"]).dt.date,
                    t("Status"): todo["status"].map(action_status),
                    t("Days overdue"): todo["days_overdue"],
                }
            ),
            hide_index=True,
            width="stretch",
        )
else:
    st.title(t("Decisions"))
    st.caption(t("Write down what the group agreed; download it before closing the session."))
    notes = []
    for row in plan.flagged.itertuples(index=False):
        suggestion = step_word(row.next_step) if isinstance(row.next_step, str) else t("no step suggested")
        decided = st.text_input(
            t("{supplier} (suggested: {step})", supplier=as_text(row.supplier), step=suggestion),
            key=f"decision_{row.programme}_{row.supplier}",
        )
        notes.append({t("supplier"): row.supplier, t("suggested"): suggestion, t("decision"): decided})
    if notes:
        st.download_button(
            t("Download the decisions (CSV)"),
            csv_download(lambda: pd.DataFrame(notes), "review session decisions"),
            file_name=f"decisions_{filters.date_to}.csv",
            mime="text/csv",
        )
    else:
        st.write(t("No supplier is flagged: nothing to decide."))
    st.subheader(t("The report to take home"))
    report_downloads(filters)
