"""Outlook calendar exports (File > Export > CSV, English or Dutch Outlook) -> meetings.

Recognised by the header: Subject and Start Date (Onderwerp, Begindatum), two of the
start and end date and time columns, and an attendee or category column; the classic
export has 22 columns, but a re-saved copy with fewer (ZenBoard's) is read too.

Each item whose subject, categories or attendees name a known supplier (or an alias)
becomes a meeting: date from the start date, that supplier (the first named, subject
first), the type the subject says (dialogue when it says none), the buyers its
attendees name, the subject as notes. An item whose subject says it is a market event
needs no supplier. Cancelled items ("Canceled:", "Geannuleerd:") and items naming no
supplier are skipped and counted in one warning each; every other column is kept as
extra data. A calendar where no item names a supplier is refused: the suppliers must
be known first.

Dates are resolved here, using the whole Start Date column (see dates.py).
"""

from engagement.ingest.adapters.dates import resolve_dates
from engagement.ingest.adapters.matching import finders
from engagement.ingest.adapters.meeting_type import meeting_type
from engagement.ingest.adapters.sheets import (
    Context,
    adapted_sheet,
    cell,
    find_labelled_row,
    folded_roles,
    kept_columns,
    plural,
    text,
)
from engagement.ingest.read import Sheet

TABLE = "meetings"
LABELS = {
    "subject": ("Subject", "Onderwerp"),
    "start_date": ("Start Date", "Begindatum"),
    "start_time": ("Start Time", "Begintijd"),
    "end_date": ("End Date", "Einddatum"),
    "end_time": ("End Time", "Eindtijd"),
    "organizer": ("Meeting Organizer", "Organisator", "Organisator van vergadering", "Vergaderorganisator"),
    "required": ("Required Attendees", "Vereiste deelnemers", "Verplichte deelnemers"),
    "optional": ("Optional Attendees", "Optionele deelnemers", "Facultatieve deelnemers"),
    "categories": ("Categories", "Categorieën"),
}
ROLES = folded_roles(LABELS)
_TIMES = {"start_time", "end_date", "end_time"}
_PEOPLE = {"organizer", "required", "optional", "categories"}
CANCELLED = ("canceled:", "cancelled:", "geannuleerd:", "afgezegd:")
HEADER = ["date", "supplier", "type", "buyers", "notes"]


def recognise(head: list[list]) -> tuple[int, dict[str, int]] | None:
    """(header row index, {role: position}) when the sheet is an Outlook calendar export."""
    found = find_labelled_row(head, ROLES)
    if not found:
        return None
    roles = set(found[1])
    if {"subject", "start_date"} <= roles and len(roles & _TIMES) >= 2 and roles & _PEOPLE:
        return found
    return None


def adapt(sheet: Sheet, found: tuple[int, dict[str, int]], context: Context) -> Sheet:
    """The calendar as a meetings sheet; raises ReadError when no item names a supplier."""
    header_index, roles = found
    header_row = sheet.head[header_index]
    rows = sheet.rows_after(header_index)
    suppliers, buyers = finders(context.names)
    date_label = text(header_row[roles["start_date"]])
    dates, warnings = resolve_dates(
        [cell(row, roles["start_date"]) for row in rows],
        workbook=not sheet.from_text,
        where=f"{context.where(sheet)}, column {date_label!r}",
    )
    kept = kept_columns(header_row, {roles["subject"], roles["start_date"]}, TABLE, "Outlook")
    people = [roles[r] for r in ("organizer", "required", "optional") if r in roles]

    out, cancelled, unnamed, several = [], 0, 0, []
    for number, (row, day) in enumerate(zip(rows, dates, strict=True), start=header_index + 2):
        subject = text(cell(row, roles.get("subject")))
        if all(text(c) is None for c in row):
            out.append([])
            continue
        if subject and subject.casefold().startswith(CANCELLED):
            cancelled += 1
            out.append([])
            continue
        attendees = [part for p in people for part in (text(cell(row, p)) or "").split(";")]
        named = suppliers.find_in(subject, text(cell(row, roles.get("categories"))), *attendees)
        kind = meeting_type(subject)
        if not named and kind != "market_event":
            unnamed += 1
            out.append([])
            continue
        if len(named) > 1:
            several.append(f"row {number}: {', '.join(repr(n) for n in named)}")
        met = buyers.find_in(*attendees)
        out.append(
            [day, named[0] if named else None, kind, "; ".join(met) or None, subject]
            + [cell(row, position) for position, _label in kept]
        )

    read = sum(1 for row in out if row)
    if not read:
        raise context.refusal(
            sheet,
            f"is an Outlook calendar export in which no item names a known supplier or alias "
            f"({plural(unnamed, 'item')}, {cancelled} cancelled); import the suppliers first, or add aliases, "
            "then import the calendar again",
        )
    context.warnings.extend(warnings)
    if unnamed:
        context.warn(sheet, f"{plural(unnamed, 'calendar item')} {_name(unnamed)} no known supplier; skipped")
    if cancelled:
        context.warn(sheet, f"{plural(cancelled, 'cancelled calendar item')} skipped")
    if several:
        shown = "; ".join(several[:5]) + (" ..." if len(several) > 5 else "")
        context.warn(
            sheet,
            f"{plural(len(several), 'calendar item')} {_name(len(several))} more than one supplier; "
            f"each is read as a meeting with the first named ({shown})",
        )
    if context.supplier:
        context.warn(
            sheet,
            f"the supplier given at import ({context.supplier!r}) is not used for a calendar: "
            "each item's supplier comes from its subject, categories or attendees",
        )
    return adapted_sheet(sheet, header_index, HEADER + [label for _p, label in kept], out)


def _name(count: int) -> str:
    return "names" if count == 1 else "name"
