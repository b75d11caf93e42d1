"""KPI definitions: the catalogue, from the same source the queries and exports use."""

import pandas as pd
import streamlit as st

from engagement import texts
from engagement.app import kpi_name, kpi_rule, language, settings, t, through_the_entry_script
from engagement.catalogue import AREAS, kpis_of_area

through_the_entry_script()
lang = language()
st.title(t("KPI definitions"))
current = settings()
st.markdown(
    t(
        "Every figure in this dashboard follows one of these rules. A period is a closed date range; "
        "percentages are 0-100; a ratio whose denominator is empty shows **no data**, never 0. "
        "Blank yes/no answers are unknown and count in neither the numerator nor the denominator. "
        "The staleness limit is **{staleness_days} days** and the resolution target "
        "**{target_days} days**. Each rule names the file in `queries/` that computes it.",
        staleness_days=current.staleness_days,
        target_days=current.target_days,
    )
)
for area in AREAS:
    st.subheader(texts.text(f"area.{area}", lang))
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "id": k.id,
                    "name": kpi_name(k.id),
                    "rule": kpi_rule(k.id),
                    "query": f"queries/{k.query}.sql",
                }
                for k in kpis_of_area(area)
            ]
        ),
        hide_index=True,
        width="stretch",
        column_config={
            "id": t("Id"),
            "name": t("Name"),
            "rule": st.column_config.TextColumn(t("Rule"), width="large"),
            "query": t("Query"),
        },
    )
