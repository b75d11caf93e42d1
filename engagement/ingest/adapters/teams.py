"""Microsoft Teams attendance downloads -> one meeting per file.

Two shapes are recognised by their first rows:
- the attendance report (2021 and later; English, French or Dutch Teams): a summary
  of key/value lines (Meeting title, Start time, ...) above the participant list;
- the old attendance list (2020-21): Full Name, User Action, Timestamp, one line per
  join or leave.

A report is one meeting: date from the meeting start (from the timestamps, for the old
list), supplier from the meeting title or else from the participants (a known supplier
or alias named in a name or e-mail address), else the supplier given at import
(--supplier); buyers from the participants' names and addresses; type from the title;
the title as notes; the start and end times and the participants' names kept as extra
data. Join and leave times are not kept: the dashboard counts meetings, not minutes.

Neither shape says which organisation a participant belongs to except through names
and addresses, and the old list has no title at all, so when nothing names a known
supplier and none is given the file is refused with the reason: guessing would put a
meeting on the wrong supplier.
"""

from engagement.ingest.adapters.dates import leading_date, resolve_dates
from engagement.ingest.adapters.matching import finders
from engagement.ingest.adapters.meeting_type import meeting_type
from engagement.ingest.adapters.sheets import Context, adapted_sheet, cell, plural, text
from engagement.ingest.read import Sheet
from engagement.ingest.words import fold

TABLE = "meetings"
_KEYS = {
    "title": ("Meeting title", "Titre de la réunion", "Titel van de vergadering", "Vergadertitel"),
    "start": (
        "Start time",
        "Meeting start time",
        "Heure de début de la réunion",
        "Heure de début",
        "Begintijd",
        "Begintijd van de vergadering",
        "Starttijd",
    ),
    "end": ("End time", "Meeting end time", "Heure de fin", "Heure de fin de la réunion", "Eindtijd"),
}
KEYS = {fold(label): key for key, words in _KEYS.items() for label in words}
SUMMARY_WORDS = ("summary", "resume", "samenvatting")
NAME_LABELS = {fold(w) for w in ("Name", "Full Name", "Nom complet", "Naam", "Volledige naam")}
EMAIL_LABELS = {fold(w) for w in ("Email", "E-mail", "Participant ID (UPN)", "E-mailadres")}
OLD_LIST = [
    {fold(w) for w in words}
    for words in (
        ("Full Name", "Nom complet", "Volledige naam"),
        ("User Action", "Action de l'utilisateur", "Gebruikersactie"),
        ("Timestamp", "Horodatage", "Tijdstempel"),
    )
]
HEADER = ["date", "supplier", "type", "buyers", "notes", "start time", "end time", "participants"]
NO_TITLE = {"", "null", "none"}


def recognise(head: list[list]) -> tuple[str, int | None] | None:
    """('report', None) or ('list', header row index) when the sheet is a Teams attendance download."""
    keys = {KEYS.get(fold(row[0])) for row in head if row and text(row[0])}
    summary = any(row and any(w in fold(row[0] or "") for w in SUMMARY_WORDS) for row in head[:3])
    if "start" in keys and ("title" in keys or summary):
        return "report", None
    for index, row in enumerate(head):
        folded = [fold(c or "") for c in row[:3]]
        if len(folded) == 3 and all(f in words for f, words in zip(folded, OLD_LIST, strict=True)):
            return "list", index
    return None


def _all_rows(sheet: Sheet) -> list[list]:
    return sheet.head + sheet.rows_after(len(sheet.head) - 1) if sheet.head else []


def _report(rows: list[list]) -> tuple[dict[str, str], list[list], list[list]]:
    """The summary {key: value}, the participant list's header and its rows."""
    summary: dict[str, str] = {}
    header, people = None, []
    for row in rows:
        first = fold(row[0] or "") if row else ""
        if header is None:
            if first in NAME_LABELS and sum(1 for c in row if text(c)) >= 3:
                header = row
            elif first in KEYS and len(row) > 1:
                summary.setdefault(KEYS[first], text(row[1]) or "")
            continue
        if not row or not any(text(c) for c in row) or first[:1].isdigit():
            break  # a blank line or the next section ("3. In-Meeting activities") ends the list
        people.append(row)
    return summary, header or [], people


def _old_list(rows: list[list], header_index: int) -> tuple[dict[str, str], list[list], list[list]]:
    people = [row for row in rows[header_index + 1 :] if row and any(text(c) for c in row)]
    stamps = [text(cell(row, 2)) for row in people if text(cell(row, 2))]
    summary = {"start": stamps[0], "end": stamps[-1]} if stamps else {}
    return summary, rows[header_index], people


def adapt(sheet: Sheet, found: tuple[str, int | None], context: Context) -> Sheet:
    """The download as a meetings sheet of one meeting; ReadError when no supplier or date can be known."""
    shape, header_index = found
    rows = _all_rows(sheet)
    summary, header, people = _report(rows) if shape == "report" else _old_list(rows, header_index)
    what = "Teams attendance report" if shape == "report" else "Teams attendance list (old format)"

    email = next((i for i, label in enumerate(header) if fold(label or "") in EMAIL_LABELS), None)
    names = list(dict.fromkeys(text(cell(row, 0)) for row in people if text(cell(row, 0))))
    lines = [" ".join(filter(None, (text(cell(row, 0)), text(cell(row, email))))) for row in people]
    suppliers, buyers = finders(context.names)
    title = summary.get("title")
    title = None if (title or "").strip().casefold() in NO_TITLE else title
    named = suppliers.find_in(title, *lines)
    supplier = named[0] if named else context.supplier
    if not supplier:
        raise context.refusal(sheet, _no_supplier(what, title, shape))
    day = _meeting_date(sheet, context, shape, summary, rows, what)
    if not named:
        context.warn(
            sheet,
            f"{what}: nothing in it names a known supplier; read as a meeting with {supplier!r}, as given",
        )
    elif len(named) > 1:
        context.warn(
            sheet,
            f"{what} names several suppliers ({', '.join(map(repr, named))}); read as a meeting with {supplier!r}",
        )
    attended = len(people) if shape == "report" else len(names)  # the old list has a line per join or leave
    context.warn(
        sheet,
        f"{what} read as one meeting on {day} with {plural(attended, 'participant')}; "
        "join and leave times are not kept",
    )
    meeting = [
        day,
        supplier,
        meeting_type(title),
        "; ".join(buyers.find_in(*lines)) or None,
        title,
        summary.get("start"),
        summary.get("end"),
        "; ".join(names) or None,
    ]
    return adapted_sheet(sheet, 0, HEADER, [meeting])


def _meeting_date(sheet, context, shape, summary, rows, what) -> str:
    """The meeting's date as ISO text, the day/month order taken from every timestamp in the file."""
    start = leading_date(summary.get("start"))
    stamps = [stamp for row in rows for stamp in (leading_date(text(c)) for c in row) if stamp]
    if start is None:
        found = summary.get("start")
        raise context.refusal(
            sheet,
            f"is a {what} without a readable meeting start time ({found!r})"
            if found
            else f"is a {what} without a meeting start time",
        )
    # The start first, then every time in the file: all of them say which order the dates are in.
    resolved, warnings = resolve_dates(
        [start, *stamps], workbook=False, where=f"{context.where(sheet)}, the times"
    )
    context.warnings.extend(warnings)
    days = sorted({d for d in resolved if d and d[:4].isdigit()})
    if shape == "list" and len(days) > 1:
        raise context.refusal(
            sheet, f"is a {what} covering several days ({', '.join(days[:5])}); import one meeting per file"
        )
    return resolved[0]


def _no_supplier(what: str, title: str | None, shape: str) -> str:
    if shape == "list":
        source = "has no meeting title and its participants name no known supplier"
    elif title:
        source = f"has a meeting title ({title!r}) and participants that name no known supplier"
    else:
        source = "has no meeting title and its participants name no known supplier"
    return f"is a {what} that {source}; say whose meeting it was with --supplier NAME"
