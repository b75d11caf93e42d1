"""KPI definitions: the catalogue, from the same source the queries and exports use."""

import pandas as pd
import streamlit as st

from engagement.app import settings, through_the_entry_script
from engagement.catalogue import AREAS, kpis_of_area

through_the_entry_script()
st.title("KPI definitions")
current = settings()
st.markdown(
    "Every figure in this dashboard follows one of these rules. A period is a closed date range; "
    "percentages are 0-100; a ratio whose denominator is empty shows **no data**, never 0. "
    "Blank yes/no answers are unknown and count in neither the numerator nor the denominator. "
    f"The staleness limit is **{current.staleness_days} days** and the resolution target "
    f"**{current.target_days} days**. Each rule names the file in `queries/` that computes it."
)
for area, title in AREAS.items():
    st.subheader(title)
    st.dataframe(
        pd.DataFrame(
            [
                {"id": k.id, "name": k.name, "rule": k.rule, "query": f"queries/{k.query}.sql"}
                for k in kpis_of_area(area)
            ]
        ),
        hide_index=True,
        width="stretch",
        column_config={"rule": st.column_config.TextColumn("rule", width="large")},
    )
