"""Overview: the headline KPIs of each area for the period, with the change against the
previous period of equal length."""

import streamlit as st

from engagement.app import current_filters, figures, metric_row, no_data, settings
from engagement.catalogue import AREAS
from engagement.kpis import scalar_kpis

HEADLINES = {
    "D": ["D1", "D2", "D3", "D5s", "D9"],
    "I": ["I1", "I2", "I3", "I7", "I8"],
    "T": ["T1", "T2", "T3", "T4", "T5"],
    "C": ["C1", "C2", "C3", "C4", "C5"],
    "E": ["E2"],
}

filters = current_filters()
previous = filters.previous_period()
st.title("Overview")
st.caption(
    f"{filters.date_from:%d %b %Y} – {filters.date_to:%d %b %Y}, "
    f"compared with {previous.date_from:%d %b %Y} – {previous.date_to:%d %b %Y}."
)
now = figures(scalar_kpis, filters, settings())
before = figures(scalar_kpis, previous, settings())

# Nothing met, asked, received or disclosed: say so rather than show a page of zeros.
if not any(now[k] for k in ("D1", "D1m", "I1", "T3", "C1")):
    no_data("the overview")
for area, kpi_ids in HEADLINES.items():
    st.subheader(AREAS[area])
    metric_row(kpi_ids, now, before)
