"""The floor for bench/browser_bench.py: the smallest Streamlit app with the dashboard's
interaction, a Period selectbox in the sidebar (same label and options) and one plotly chart
whose data depend on it. No database and no cache: every change computes its (tiny) figure
again, so a change here costs Streamlit's own round trip, a script run and a plotly redraw.

Run it alone with `streamlit run bench/minimal_app.py`.
"""

import numpy as np
import pandas as pd
import plotly.express as px
import streamlit as st

MONTHS = {"Last 12 months": 12, "Last quarter": 3, "Programme to date": 120}

st.set_page_config(page_title="Minimal benchmark app", layout="wide")
with st.sidebar:
    preset = st.selectbox("Period", list(MONTHS))

months = MONTHS[preset]
rng = np.random.default_rng(months)
frame = pd.DataFrame(
    {
        "month": pd.period_range(end="2025-12", periods=months, freq="M").astype(str),
        "meetings": rng.integers(50, 500, months),
    }
)
st.title("Minimal")
st.plotly_chart(px.bar(frame, x="month", y="meetings", title=f"Meetings, {preset}"), width="stretch")
