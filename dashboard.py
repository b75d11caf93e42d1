"""Supplier engagement dashboard: the entry point (`streamlit run dashboard.py`).

Registers the pages, draws the global filters (kept across pages because they live
here, in the entry script) and runs the chosen page.
"""

import logging

import streamlit as st

from engagement.app import (
    COORDINATOR_PAGES,
    PAGES,
    language_choice,
    require_access,
    sidebar_filters,
    signed_in_box,
    t,
)
from engagement.db import DatabaseBusy

st.set_page_config(page_title="Supplier engagement · HREDD", page_icon="🤝", layout="wide")

language_choice()  # first: the menu and the filters are written in the chosen language
person = require_access()  # the sign-in page, and nothing more, for anyone not signed in
st.session_state["access"] = person
page = st.navigation(
    [
        # url_path from the file, not the (translated) title, so links work in either language
        st.Page(
            path,
            title=t(title),
            icon=icon,
            default=(n == 0),
            url_path=path.removeprefix("pages/").removesuffix(".py"),
        )
        for n, (path, title, icon) in enumerate(PAGES)
        if person.coordinates or path not in COORDINATOR_PAGES  # buyers read; they do not import
    ],
    expanded=True,  # every page in the menu: a coordinator should not hunt for one
)

try:
    st.session_state["filters"] = sidebar_filters()
    signed_in_box(person)
    page.run()
except DatabaseBusy as busy:  # a command-line import or another dashboard holds the file
    logging.getLogger("engagement").warning("%s", busy)
    st.error(
        t(
            "The database is in use by another program (an import on the command line, or "
            "another dashboard). Wait until it is done, then reload this page."
        )
    )
except Exception:  # Streamlit's own rerun/stop signals are BaseExceptions and pass through
    logging.getLogger("engagement").exception("page %s failed", page.title)
    st.error(
        t(
            "This view could not be drawn. The details are in the server log; please report them "
            "with the filters you had chosen."
        )
    )
