"""Data: what has been imported, and starting over with an empty database."""

import streamlit as st

from engagement.app import connection
from engagement.history import empty_database, holds_only_sample, import_history

st.title("Data")
con = connection()
if holds_only_sample(con):
    st.warning(
        "This database holds the **fictional sample programme** (LEVP sample), loaded on first run "
        "so you can explore the dashboard. Its companies, buyers and cases are invented."
    )
st.markdown(
    "Import your own exports with `python -m engagement import FILE ...` "
    "(see the README for the formats and the Dutch column names that are understood)."
)

st.subheader("Import history")
history = import_history(con)
if history.empty:
    st.info("Nothing has been imported yet.")
else:
    st.dataframe(history, hide_index=True, width="stretch")

st.subheader("Start with an empty database")
st.write("Deletes every imported row and the import history. Settings and name aliases are kept.")
confirmed = st.checkbox(
    "I understand that all imported data in this database will be deleted", key="confirm_empty"
)
if st.button("Start with an empty database", disabled=not confirmed, type="primary"):
    empty_database(con)
    st.cache_data.clear()
    st.success("The database is empty. Import your own exports to begin.")
