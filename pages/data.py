"""Data: what has been imported, and starting over with an empty database."""

import streamlit as st

from engagement.app import connection, settings, through_the_entry_script
from engagement.history import empty_database, holds_only_sample, import_history
from engagement.settings import save_setting

through_the_entry_script()
st.title("Data")
con = connection()
if holds_only_sample(con):
    st.warning(
        "This database holds the **fictional sample programme** (LEVP sample), loaded on first run "
        "so you can explore the dashboard. Its companies, buyers and cases are invented."
    )
st.markdown(
    "Import your own exports on the *Import* page, or with `python -m engagement import FILE ...` "
    "(see the README for the formats and the Dutch column names that are understood)."
)

st.subheader("Import history")
history = import_history(con)
if history.empty:
    st.info("Nothing has been imported yet.")
else:
    st.dataframe(history, hide_index=True, width="stretch")

st.subheader("Settings")
current = settings()
with st.form("settings"):
    staleness = st.number_input(
        "Staleness limit (D5s): days without a dialogue meeting before a supplier is stale",
        min_value=1,
        max_value=3650,
        value=current.staleness_days,
        step=1,
    )
    target = st.number_input(
        "Resolution target (C4): days within which a grievance should be resolved",
        min_value=1,
        max_value=3650,
        value=current.target_days,
        step=1,
    )
    if st.form_submit_button("Save settings"):
        save_setting(con, "staleness_days", staleness)
        save_setting(con, "target_days", target)
        st.success("Saved. Every page now uses these settings.")

st.subheader("Start with an empty database")
st.write("Deletes every imported row and the import history. Settings and name aliases are kept.")
confirmed = st.checkbox(
    "I understand that all imported data in this database will be deleted", key="confirm_empty"
)
if st.button("Start with an empty database", disabled=not confirmed, type="primary", key="empty_database"):
    empty_database(con)
    st.cache_data.clear()
    st.success("The database is empty. Import your own exports to begin.")
