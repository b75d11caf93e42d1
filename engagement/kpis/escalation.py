"""Escalation (KPIS.md, E): where each supplier in scope stands on the escalation ladder."""

import pandas as pd

from engagement import queries
from engagement.filters import Filters
from engagement.settings import Settings
from engagement.vocabulary import ESCALATION_LADDER, FORMAL_ESCALATION_STEPS


def summary(con, filters: Filters, settings: Settings) -> dict:
    """E1 (supplier -> step), E2 (suppliers formally escalated), E3 (supplier -> days in step or None)."""
    frame = status(con, filters)
    names = _supplier_names(frame)
    return {
        "E1": dict(zip(names, frame["step"], strict=True)),
        "E2": int(frame["step"].isin(FORMAL_ESCALATION_STEPS).sum()),
        "E3": {
            name: None if pd.isna(days) else int(days)
            for name, days in zip(names, frame["days_in_step"], strict=True)
        },
    }


def headline(con, filters: Filters, settings: Settings) -> dict:
    """E2, the one-figure E id: suppliers formally escalated."""
    return {"E2": int(status(con, filters)["step"].isin(FORMAL_ESCALATION_STEPS).sum())}


def status(con, filters: Filters) -> pd.DataFrame:
    """Per supplier in scope: programme, supplier, step, step_rank (0-6), since, days_in_step, note."""
    return queries.run(con, "escalation_kpis", filters.params(ladder=ESCALATION_LADDER))


def history(con, filters: Filters) -> pd.DataFrame:
    """Every escalation row up to `to` of the filtered suppliers: programme, supplier, date, step, step_rank, note."""
    return queries.run(con, "escalation_history", filters.params(ladder=ESCALATION_LADDER))


def _supplier_names(frame: pd.DataFrame) -> list[str]:
    # A supplier in two programmes has two ladders: name them "supplier (programme)" so
    # neither hides the other in the per-supplier dicts.
    repeated = set(frame["supplier"][frame["supplier"].duplicated()])
    return [
        f"{supplier} ({programme})" if supplier in repeated else supplier
        for programme, supplier in zip(frame["programme"], frame["supplier"], strict=True)
    ]
