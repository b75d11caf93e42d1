"""Follow-up: what was agreed in meetings, is it done, and how do the annual reports score?"""

import streamlit as st

from engagement import texts, url_state
from engagement.app import (
    current_filters,
    figures,
    format_kpi,
    kpi_rule,
    language,
    no_data,
    show_query_table,
    t,
)
from engagement.kpis import follow_up

STATUS_ICONS = {"overdue": "🔴", "due": "🔵", "done late": "🟠", "done on time": "🟢"}

lang = language()
filters = current_filters()
# An action's status in the user's language (the pickers keep the status itself).
STATUS_WORDS = {
    "overdue": t("overdue"),
    "due": t("due"),
    "done late": t("done late"),
    "done on time": t("done on time"),
}
NO_OWNER = t("no owner given")
# The annual reports' elements (engagement.tables, report_assessments) as the table heads them.
ELEMENT_NAMES = {
    "risk_analysis": t("Risk analysis"),
    "action_plan": t("Plan of approach"),
    "signals_handling": t("Handling of signals"),
    "stakeholder_consultation": t("Stakeholder consultation"),
    "kpis_reported": t("KPIs reported"),
}
COUNT_COLUMNS = {
    "actions": st.column_config.NumberColumn(t("Actions listed")),
    "open": st.column_config.NumberColumn(t("Open")),
    "overdue": st.column_config.NumberColumn(t("Overdue")),
    "due_in_period": st.column_config.NumberColumn(
        t("Due in period"), help=t("Due in the period (D9's actions)")
    ),
    "done_on_time": st.column_config.NumberColumn(
        t("Done on time"), help=t("Of those, done by the due date")
    ),
    "done_on_time_pct": st.column_config.NumberColumn(
        t("Done on time %"), format="%.1f", help=kpi_rule("D9")
    ),
}

st.title(t("Follow-up"))
st.caption(
    t(
        "Actions agreed in meetings, as of {day}: every action agreed by then and still open, whatever "
        "its due date, and those due or completed in the period. A completion after that day does not "
        "count yet.",
        day=texts.format_date(filters.date_to, lang),
    )
)

# One run of the counts gives the totals and the per-supplier and per-owner tables.
counted = figures(follow_up.counts, filters)
totals = follow_up.totals_of(counted)
counts = st.columns(4)
counts[0].metric(t("Open actions"), totals["open"], help=t("Not completed by the end of the period"))
counts[1].metric(
    t("Overdue actions"), totals["overdue"], help=t("Open, and due before the end of the period")
)
counts[2].metric(t("Actions due in the period"), totals["due_in_period"])
counts[3].metric(
    t("Done on time"),
    format_kpi("D9", totals["done_on_time_pct"]),
    help=t("KPI D9: {rule}", rule=kpi_rule("D9")),
)

st.subheader(t("Actions"))
if not totals["actions"]:
    no_data(t("actions"))
else:
    per_supplier = follow_up.per_supplier_of(counted)
    per_owner = follow_up.per_owner_of(counted)
    several_programmes = per_supplier["programme"].nunique() > 1
    pick_owner, pick_status = st.columns(2)
    # The owners of the listed actions, as per_owner counts them (None: actions without one).
    owner_options = sorted(per_owner["owner"].fillna(NO_OWNER).unique())
    url_state.choices_from_url("owner", "follow_up_owner", owner_options)
    url_state.choices_from_url("status", "follow_up_status", list(STATUS_ICONS))
    owners = pick_owner.multiselect(t("Owner"), owner_options, key="follow_up_owner", placeholder=t("All"))
    statuses = pick_status.multiselect(
        t("Status"),
        list(STATUS_ICONS),
        format_func=STATUS_WORDS.get,
        key="follow_up_status",
        placeholder=t("All"),
    )
    url_state.keep_choices_in_url("owner", owners)
    url_state.keep_choices_in_url("status", statuses)
    # The database narrows and pages the list: years of actions are hundreds of thousands.
    named_owners = tuple(owner for owner in owners if owner != NO_OWNER)
    show_query_table(
        follow_up.actions_page,
        filters,
        "actions",
        prepare=lambda page: page.assign(
            owner=page["owner"].fillna(NO_OWNER),
            status=page["status"].map({s: f"{STATUS_ICONS[s]} {STATUS_WORDS[s]}" for s in STATUS_ICONS}),
        ),
        narrowed_by=(tuple(statuses), named_owners, NO_OWNER in owners),
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
            "programme": t("Programme"),
            "status": t("Status"),
            "days_overdue": st.column_config.NumberColumn(t("Days overdue")),
            "supplier": t("Supplier"),
            "owner": t("Owner"),
            "description": st.column_config.TextColumn(t("Action"), width="medium"),
            "due_date": st.column_config.DateColumn(t("Due")),
            "completed_on": st.column_config.DateColumn(t("Completed")),
            "days_late": st.column_config.NumberColumn(t("Days late")),
        },
    )

    by_supplier, by_owner = st.tabs([t("Per supplier"), t("Per owner")])
    with by_supplier:
        st.dataframe(
            per_supplier,
            hide_index=True,
            width="stretch",
            column_order=[*(["programme"] if several_programmes else []), "supplier", *COUNT_COLUMNS],
            column_config={"programme": t("Programme"), "supplier": t("Supplier"), **COUNT_COLUMNS},
        )
    with by_owner:
        st.dataframe(
            per_owner.assign(owner=per_owner["owner"].fillna(NO_OWNER)),
            hide_index=True,
            width="stretch",
            column_order=["owner", *COUNT_COLUMNS],
            column_config={"owner": t("Owner"), **COUNT_COLUMNS},
        )

st.subheader(t("Annual report scores by element"))
st.caption(
    t(
        "Each element scored 0-2 by the assessors; the I8 score is the assessed scores' sum over "
        "2 x the assessed elements, so an element not assessed leaves both."
    )
)
reports = figures(follow_up.report_elements, filters)
if reports.empty:
    no_data(t("annual report assessments"))
else:
    elements = {
        element: st.column_config.TextColumn(
            ELEMENT_NAMES.get(element, element.replace("_", " ").capitalize())
        )
        for element in follow_up.REPORT_ELEMENTS
    }
    for year in sorted(reports["year"].unique(), reverse=True):
        of_year = reports[reports["year"] == year]
        st.markdown(t("**Annual reports {year}**", year=year))
        st.dataframe(
            of_year.assign(
                **{
                    element: of_year[element].astype("string").fillna(t("not assessed"))
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
                "programme": t("Programme"),
                "supplier": t("Supplier"),
                **elements,
                "score_pct": st.column_config.NumberColumn(
                    t("I8 score %"), format="%.1f", help=kpi_rule("I8")
                ),
            },
        )
