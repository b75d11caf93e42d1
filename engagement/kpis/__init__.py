"""KPI figures: each function runs one file of queries/ and returns a DataFrame or a dict.

No SQL lives here. Every area module has `summary(con, filters, settings)` that returns
its scalar KPI ids (KPIS.md); `scalar_kpis` gathers them all.
"""

from engagement.filters import Filters
from engagement.settings import Settings, load_settings


def scalar_kpis(con, filters: Filters, settings: Settings | None = None) -> dict:
    """Every scalar KPI id of the catalogue (per-supplier and per-step ones as dicts)."""
    from engagement.kpis import complaints, dialogue, escalation, information, traceability

    settings = settings or load_settings(con)
    values = {}
    for area in (dialogue, information, traceability, complaints, escalation):
        values.update(area.summary(con, filters, settings))
    return values
