"""Data: what has been imported, the audit log, settings, and starting over with an empty database."""

import streamlit as st

from engagement import audit
from engagement.app import (
    connection,
    coordinators_only,
    current_access,
    current_user,
    settings,
    show_import_history,
    t,
    through_the_entry_script,
)
from engagement.history import empty_database, holds_only_sample, import_history
from engagement.settings import save_setting

through_the_entry_script()
coordinators_only()
st.title(t("Data"))
con = connection()
if holds_only_sample(con):
    st.warning(
        t(
            "This database holds the **fictional sample programme** (LEVP sample), loaded on first run "
            "so you can explore the dashboard. Its companies, buyers and cases are invented."
        )
    )
st.markdown(
    t(
        "Import your own exports on the *Import* page, or with `python -m engagement import FILE ...` "
        "(see the README for the formats and the Dutch column names that are understood)."
    )
)

st.subheader(t("Import history"))
history = import_history(con, current_access().programmes)
if history.empty:
    st.info(t("Nothing has been imported yet."))
else:
    show_import_history(history)

st.subheader(t("Audit log"))
st.caption(t("Who imported, undid, exported or changed a setting, and when; the latest 500, newest first."))
log = audit.entries(con)
if log.empty:
    st.info(t("Nothing has been recorded yet."))
else:
    actions = {
        "import": t("import"),
        "undo": t("undo"),
        "export": t("export"),
        "setting": t("setting"),
        "empty": t("empty"),
        "restore": t("restore"),
        "access": t("access"),
    }
    st.dataframe(
        log.assign(action=log["action"].map(lambda action: actions.get(action, action))),
        hide_index=True,
        width="stretch",
        column_config={
            "happened_at": st.column_config.DatetimeColumn(t("When"), format="YYYY-MM-DD HH:mm"),
            "who": t("Who"),
            "action": t("What"),
            "detail": t("Details"),
        },
    )

st.subheader(t("Settings"))
current = settings()
with st.form("settings"):
    staleness = st.number_input(
        t("Staleness limit (D5s): days without a dialogue meeting before a supplier is stale"),
        min_value=1,
        max_value=3650,
        value=current.staleness_days,
        step=1,
    )
    target = st.number_input(
        t("Resolution target (C4): days within which a grievance should be resolved"),
        min_value=1,
        max_value=3650,
        value=current.target_days,
        step=1,
    )
    if st.form_submit_button(t("Save settings")):
        save_setting(con, "staleness_days", staleness, current_user())
        save_setting(con, "target_days", target, current_user())
        st.success(t("Saved. Every page now uses these settings."))

st.subheader(t("Start with an empty database"))
st.write(t("Deletes every imported row and the import history. Settings and name aliases are kept."))
confirmed = st.checkbox(
    t("I understand that all imported data in this database will be deleted"), key="confirm_empty"
)
if st.button(t("Start with an empty database"), disabled=not confirmed, type="primary", key="empty_database"):
    empty_database(con, current_user())
    st.cache_data.clear()
    st.success(t("The database is empty. Import your own exports to begin."))
