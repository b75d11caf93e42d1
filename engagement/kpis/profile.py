"""One supplier in depth: its events in the period."""

from engagement import queries
from engagement.filters import Filters


def supplier_timeline(con, filters: Filters, supplier: str):
    """Meetings, requests, disclosures, grievances and escalation steps of one supplier, by day."""
    return queries.run(con, "supplier_timeline", filters.params(supplier=supplier))
