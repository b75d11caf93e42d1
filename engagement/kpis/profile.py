"""One supplier in depth: its events in the period."""

import pandas as pd

from engagement import queries
from engagement.filters import Filters


def supplier_timeline(
    con, filters: Filters, first: int = 0, rows: int | None = None
) -> tuple[pd.DataFrame, int]:
    """Meetings, requests, disclosures, grievances and escalation steps of the one supplier the
    filters name (engagement.app.for_supplier), by day: `rows` of them (None: all) from row
    `first`, and how many there are in all."""
    (supplier,) = filters.suppliers
    return queries.run_page(con, "supplier_timeline", filters.params(supplier=supplier), first, rows)


def timeline_by_month(con, filters: Filters) -> pd.DataFrame:
    """The same events counted per month and kind: month, kind, events."""
    (supplier,) = filters.suppliers
    return queries.run(con, "supplier_timeline_by_month", filters.params(supplier=supplier))
