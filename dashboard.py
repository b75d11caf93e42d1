"""Supplier engagement dashboard: the entry point (`streamlit run dashboard.py`).

Registers the pages, draws the global filters (kept across pages because they live
here, in the entry script) and runs the chosen page.
"""

import logging

import streamlit as st

from engagement.app import sidebar_filters

st.set_page_config(page_title="Supplier engagement · HREDD", page_icon="🤝", layout="wide")

PAGES = [
    st.Page("pages/overview.py", title="Overview", icon=":material/dashboard:", default=True),
    st.Page("pages/dialogue.py", title="Dialogue frequency", icon=":material/forum:"),
    st.Page("pages/information.py", title="Information quality", icon=":material/fact_check:"),
    st.Page("pages/traceability.py", title="Traceability coverage", icon=":material/account_tree:"),
    st.Page("pages/complaints.py", title="Complaint resolution", icon=":material/gavel:"),
    st.Page("pages/supplier_profile.py", title="Supplier profile", icon=":material/factory:"),
    st.Page("pages/definitions.py", title="KPI definitions", icon=":material/menu_book:"),
    st.Page("pages/data.py", title="Data", icon=":material/database:"),
]

page = st.navigation(PAGES)
try:
    st.session_state["filters"] = sidebar_filters()
    page.run()
except Exception:  # Streamlit's own rerun/stop signals are BaseExceptions and pass through
    logging.getLogger("engagement").exception("page %s failed", page.title)
    st.error(
        "This view could not be drawn. The details are in the server log; "
        "please report them with the filters you had chosen."
    )
