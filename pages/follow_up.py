"""Follow-up: what was agreed in meetings, is it done, and how do the annual reports score?"""

import streamlit as st

from engagement.app import current_filters, figures, format_kpi, no_data
from engagement.catalogue import BY_ID
from engagement.kpis import follow_up

STATUS_ICONS = {"overdue": "🔴", "due": "🔵", "done late": "🟠", "done on time": "🟢"}
NO_OWNER = "no owner given"
COUNT_COLUMNS = {
    "actions": st.column_config.NumberColumn("Actions listed"),
    "open": st.column_config.NumberColumn("Open"),
    "overdue": st.column_config.NumberColumn("Overdue"),
    "due_in_period": st.column_config.NumberColumn("Due in period", help="Due in the period (D9's actions)"),
    "done_on_time": st.column_config.NumberColumn("Done on time", help="Of those, done by the due date"),
    "done_on_time_pct": st.column_config.NumberColumn("Done on time %", format="%.1f", help=BY_ID["D9"].rule),
}

filters = current_filters()
st.title("Follow-up")
st.caption(
    f"Actions agreed in meetings, as of {filters.date_to:%d %b %Y}: every action agreed by then and "
    "still open, whatever its due date, and those due or completed in the period. A completion after "
    "that day does not count yet."
)

totals = figures(follow_up.totals, filters)
counts = st.columns(4)
counts[0].metric("Open actions", totals["open"], help="Not completed by the end of the period")
counts[1].metric("Overdue actions", totals["overdue"], help="Open, and due before the end of the period")
counts[2].metric("Actions due in the period", totals["due_in_period"])
counts[3].metric(
    "Done on time", format_kpi("D9", totals["done_on_time_pct"]), help=f"KPI D9: {BY_ID['D9'].rule}"
)

st.subheader("Actions")
actions = figures(follow_up.actions, filters)
if actions.empty:
    no_data("actions")
else:
    actions = actions.assign(owner=actions["owner"].fillna(NO_OWNER))
    several_programmes = actions["programme"].nunique() > 1
    pick_owner, pick_status = st.columns(2)
    owners = pick_owner.multiselect(
        "Owner", sorted(actions["owner"].unique()), key="follow_up_owner", placeholder="All"
    )
    statuses = pick_status.multiselect(
        "Status", list(STATUS_ICONS), key="follow_up_status", placeholder="All"
    )
    if owners:
        actions = actions[actions["owner"].isin(owners)]
    if statuses:
        actions = actions[actions["status"].isin(statuses)]
    st.dataframe(
        actions.assign(status=[f"{STATUS_ICONS[s]} {s}" for s in actions["status"]]),
        hide_index=True,
        width="stretch",
        column_order=[
            *(["programme"] if several_programmes else []),
            "status",
            "days_overdue",
            "supplier",
            "owner",
            "description",
            "due_date",
            "completed_on",
            "days_late",
        ],
        column_config={
            "programme": "Programme",
            "status": "Status",
            "days_overdue": st.column_config.NumberColumn("Days overdue"),
            "supplier": "Supplier",
            "owner": "Owner",
            "description": st.column_config.TextColumn("Action", width="medium"),
            "due_date": st.column_config.DateColumn("Due"),
            "completed_on": st.column_config.DateColumn("Completed"),
            "days_late": st.column_config.NumberColumn("Days late"),
        },
    )

    by_supplier, by_owner = st.tabs(["Per supplier", "Per owner"])
    with by_supplier:
        st.dataframe(
            figures(follow_up.per_supplier, filters),
            hide_index=True,
            width="stretch",
            column_order=[*(["programme"] if several_programmes else []), "supplier", *COUNT_COLUMNS],
            column_config={"programme": "Programme", "supplier": "Supplier", **COUNT_COLUMNS},
        )
    with by_owner:
        per_owner = figures(follow_up.per_owner, filters)
        st.dataframe(
            per_owner.assign(owner=per_owner["owner"].fillna(NO_OWNER)),
            hide_index=True,
            width="stretch",
            column_order=["owner", *COUNT_COLUMNS],
            column_config={"owner": "Owner", **COUNT_COLUMNS},
        )

st.subheader("Annual report scores by element")
st.caption(
    "Each element scored 0-2 by the assessors; the I8 score is the assessed scores' sum over "
    "2 x the assessed elements, so an element not assessed leaves both."
)
reports = figures(follow_up.report_elements, filters)
if reports.empty:
    no_data("annual report assessments")
else:
    elements = {
        element: st.column_config.TextColumn(element.replace("_", " ").capitalize().replace("Kpis", "KPIs"))
        for element in follow_up.REPORT_ELEMENTS
    }
    for year in sorted(reports["year"].unique(), reverse=True):
        of_year = reports[reports["year"] == year]
        st.markdown(f"**Annual reports {year}**")
        st.dataframe(
            of_year.assign(
                **{
                    element: of_year[element].astype("string").fillna("not assessed")
                    for element in follow_up.REPORT_ELEMENTS
                }
            ),
            hide_index=True,
            width="stretch",
            column_order=[
                *(["programme"] if of_year["programme"].nunique() > 1 else []),
                "supplier",
                *elements,
                "score_pct",
            ],
            column_config={
                "programme": "Programme",
                "supplier": "Supplier",
                **elements,
                "score_pct": st.column_config.NumberColumn(
                    "I8 score %", format="%.1f", help=BY_ID["I8"].rule
                ),
            },
        )
