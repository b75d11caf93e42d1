"""Review session: a presentation for the shared screen. The agenda: the scorecard, then each
flagged supplier on a screen of its own, then the decisions. Large type; next and previous."""

import pandas as pd
import streamlit as st

from engagement import url_state
from engagement.app import current_filters, figures, format_kpi, no_data, settings
from engagement.kpis.scorecard import AMBER, GREEN, MEASURES, NO_STATUS, RED
from engagement.kpis.session import agenda

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

filters = current_filters()
plan = figures(agenda, filters, settings())
if plan.card.empty:
    no_data("suppliers in scope")
    st.stop()

slides = plan.slides
url_state.choice_from_url("slide", "session_slide", [str(n) for n in range(1, slides + 1)])
if "session_slide" not in st.session_state or int(st.session_state["session_slide"]) > slides:
    st.session_state["session_slide"] = "1"


def go(step: int) -> None:
    current = int(st.session_state["session_slide"])
    st.session_state["session_slide"] = str(min(max(current + step, 1), slides))


slide = int(st.session_state["session_slide"])
url_state.keep_in_url("slide", slide)
left, middle, right = st.columns([1, 4, 1])
left.button("◀ Previous", on_click=go, args=(-1,), disabled=slide == 1, width="stretch")
right.button("Next ▶", on_click=go, args=(1,), disabled=slide == slides, width="stretch")
middle.caption(
    f"Review session · {filters.date_from:%d %b %Y} to {filters.date_to:%d %b %Y} · "
    f"screen {slide} of {slides}: scorecard, {len(plan.flagged)} flagged suppliers, decisions"
)


def measure_text(measure, row) -> tuple[str, str | None]:
    """A measure's value as the screen shows it, and its change against the previous period."""
    value, change = row[measure.column], row[f"{measure.column}_change"]
    if measure.kpi_id == "D2":
        return ("yes" if value else "no"), (
            f"was {'yes' if change else 'no'}" if change is not None else None
        )
    if measure.kpi_id == "E1":
        return str(value).replace("_", " "), (
            f"was {change.replace('_', ' ')}" if isinstance(change, str) else None
        )
    text = format_kpi(measure.kpi_id, None if pd.isna(value) else value)
    if change is None or pd.isna(change):
        return text, None
    return text, f"{change:+.0f}" if measure.kpi_id in ("D5", "C2") else f"{change:+.1f}"


if slide == 1:
    st.title("Review session")
    st.header("Supplier scorecard")
    counts = plan.card["status"].value_counts()
    columns = st.columns(3)
    for column, status, words in zip(
        columns, (RED, AMBER, GREEN), ("to act on", "to watch", "on track"), strict=True
    ):
        column.metric(f"{SYMBOL[status]} {status}: suppliers {words}", int(counts.get(status, 0)))
    st.dataframe(
        pd.DataFrame(
            {
                "Supplier": plan.card["supplier"],
                "Status": [f"{SYMBOL[s]} {s}" for s in plan.card["status"]],
                **{m.kpi_id: [SYMBOL[s] for s in plan.card[f"{m.column}_status"]] for m in MEASURES},
            }
        ),
        hide_index=True,
        width="stretch",
        height=min(38 * (len(plan.card) + 1), 700),
    )
    st.markdown("**Next:** " + (", ".join(plan.flagged["supplier"]) or "no supplier is flagged"))
elif slide <= len(plan.flagged) + 1:
    row = plan.flagged.iloc[slide - 2]
    st.title(f"{SYMBOL[row['status']]} {row['supplier']}")
    for start in (0, 4):
        for column, measure in zip(st.columns(4), MEASURES[start : start + 4], strict=True):
            status = row[f"{measure.column}_status"]
            value, change = measure_text(measure, row)
            # The status is the symbol (and the help); the change is neutral grey: whether
            # up is good depends on the measure, and the symbol already says how it stands.
            column.metric(
                f"{SYMBOL[status]} {measure.label}",
                value,
                delta=change,
                delta_color="off",
                help=f"{measure.kpi_id}: {status}",
            )
    reasons = row["reasons"]
    if reasons:
        step = row["next_step"]
        st.subheader(
            "Consider: " + (str(step).replace("_", " ") if isinstance(step, str) else "already at the top")
        )
        st.markdown("\n".join(f"- {reason}" for reason in reasons))
    red = [m.label for m in MEASURES if row[f"{m.column}_status"] == RED]
    if red:
        st.markdown("**Red:** " + ", ".join(red))
    todo = plan.open_actions[
        (plan.open_actions["supplier"] == row["supplier"])
        & (plan.open_actions["programme"] == row["programme"])
    ]
    st.subheader(f"Open actions: {len(todo)}")
    if not todo.empty:
        st.dataframe(
            pd.DataFrame(
                {
                    "Action": todo["description"],
                    "Owner": todo["owner"],
                    "Due": pd.to_datetime(todo["due_date"]).dt.date,
                    "Status": todo["status"],
                    "Days overdue": todo["days_overdue"],
                }
            ),
            hide_index=True,
            width="stretch",
        )
else:
    st.title("Decisions")
    st.caption("Write down what the group agreed; download it before closing the session.")
    notes = []
    for row in plan.flagged.itertuples(index=False):
        suggestion = (
            str(row.next_step).replace("_", " ") if isinstance(row.next_step, str) else "no step suggested"
        )
        decided = st.text_input(
            f"{row.supplier} (suggested: {suggestion})", key=f"decision_{row.programme}_{row.supplier}"
        )
        notes.append({"supplier": row.supplier, "suggested": suggestion, "decision": decided})
    if notes:
        st.download_button(
            "Download the decisions (CSV)",
            pd.DataFrame(notes).to_csv(index=False).encode("utf-8"),
            file_name=f"decisions_{filters.date_to}.csv",
            mime="text/csv",
        )
    else:
        st.write("No supplier is flagged: nothing to decide.")
