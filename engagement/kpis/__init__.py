"""KPI figures: each function runs one file of queries/ and returns a DataFrame or a dict.

No SQL lives here. Every area module has `summary(con, filters, settings)` that returns
its scalar KPI ids (KPIS.md); `scalar_kpis` gathers them all. `headline(...)` returns only
the one-figure ids, without breakdowns per supplier, tier or step; `headline_kpis` gathers
those, as the Overview shows them (it asks each of AREAS for its own, so each is cached alone).
"""

from engagement.filters import Filters
from engagement.kpis import complaints, dialogue, escalation, information, traceability
from engagement.settings import Settings, load_settings

AREAS = (dialogue, information, traceability, complaints, escalation)


def scalar_kpis(con, filters: Filters, settings: Settings | None = None) -> dict:
    """Every scalar KPI id of the catalogue (per-supplier and per-step ones as dicts)."""
    return _every_area(con, filters, settings, "summary")


def headline_kpis(con, filters: Filters, settings: Settings | None = None) -> dict:
    """The one-figure KPI ids of every area: what scalar_kpis gives, less its breakdowns."""
    return _every_area(con, filters, settings, "headline")


def _every_area(con, filters: Filters, settings: Settings | None, function: str) -> dict:
    settings = settings or load_settings(con)
    values = {}
    for area in AREAS:
        values.update(getattr(area, function)(con, filters, settings))
    return values
