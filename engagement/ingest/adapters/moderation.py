"""Open Supply Hub's moderation events export: recognised so that it is refused with its reason.

It lists contributions waiting for moderation (Created Date, Location Name, Moderation
Status...), with neither addresses nor supplier: not a list of anyone's production sites.
"""

from engagement.ingest.adapters.sheets import Context, find_labelled_row, folded_roles
from engagement.ingest.read import Sheet

TABLE = "sites"
ROLES = folded_roles(
    {
        "created": ("Created Date",),
        "location": ("Location Name",),
        "status": ("Moderation Status",),
        "decided": ("Moderation Decision Date",),
    }
)


def recognise(head: list[list]) -> tuple[int, dict[str, int]] | None:
    found = find_labelled_row(head, ROLES)
    return found if found and {"location", "status"} <= set(found[1]) else None


def adapt(sheet: Sheet, found, context: Context) -> Sheet:
    raise context.refusal(
        sheet,
        "is an Open Supply Hub moderation events export (contributions awaiting moderation), not a facility "
        "list; download the facility list from Open Supply Hub and import that, with --supplier NAME",
    )
