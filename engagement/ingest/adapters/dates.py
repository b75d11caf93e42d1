"""Date columns of calendar exports, resolved in the adapter using the whole column.

The adapter skips rows (items naming no supplier), so the importer would see only
the rows kept and lose the evidence of the others: "7.11.2023" alone fits both
orders, but the same column's "14.11.2023" says it is day first. So the order is
inferred here from every row, with the importer's own rules (values.infer_month_first),
and the adapter hands on ISO dates. A cell that does not read as a date is handed on
as written, for the importer to report on its row.
"""

import re
from datetime import date, datetime

from engagement.ingest import values

_ISO_CELL = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T]00:00(?::00)?)?$")
_LEADING_DATE = re.compile(r"^\s*(\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4})")


def leading_date(cell) -> str | None:
    """'13/04/2021 à 09:01:31' -> '13/04/2021': the date at the start of a date-and-time text."""
    match = _LEADING_DATE.match(str(cell)) if cell is not None else None
    return match.group(1) if match else None


def _date_cell(cell, workbook: bool) -> date | None:
    """A workbook's date cell (a datetime, or the ISO text a reader makes of one); None otherwise."""
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    if workbook and isinstance(cell, str):
        match = _ISO_CELL.match(cell.strip())
        if match:
            try:
                return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            except ValueError:
                return None
    return None


def _excel_swapped(cells: list, workbook: bool) -> bool:
    """Whether Excel turned this column's day-first texts into month-first dates.

    Opening a d/m/yyyy CSV in a month-first Excel makes every text that also fits
    m/d (day 12 or less) a date cell with day and month swapped, and leaves the rest
    as text. The signature: text dates that can only be day first, none that fit
    both orders, and date cells whose day is 12 or less.
    """
    if not workbook:
        return False
    orders = [values.date_order(c) for c in cells if isinstance(c, str)]
    dated = [d for d in (_date_cell(c, workbook) for c in cells) if d]
    return (
        bool(dated)
        and "day" in orders
        and not {"both", "month"} & set(orders)
        and all(d.day <= 12 for d in dated)
    )


def resolve_dates(cells: list, *, workbook: bool, where: str) -> tuple[list, list[str]]:
    """Each cell as an ISO date text where it reads as a date, else as written; and warnings on the column."""
    warnings = []
    swapped = _excel_swapped(cells, workbook)
    month_first, example = values.infer_month_first([c for c in cells if isinstance(c, str)])
    if month_first:
        warnings.append(f"{where}: dates read month first (MM-DD-YYYY), as some can only be month first")
    if example:
        warnings.append(
            f"{where}: dates such as {example} fit both day first and month first; read day first (DD-MM-YYYY)"
        )
    resolved, swaps = [], 0
    for cell in cells:
        dated = _date_cell(cell, workbook)
        if dated and swapped:
            dated = date(dated.year, dated.day, dated.month)
            swaps += 1
        if dated is None and cell is not None:
            try:
                dated = values.parse_date(cell, month_first=month_first)
            except values.BadValue:
                dated = None
        resolved.append(dated.isoformat() if dated else cell)
    if swaps:
        warnings.append(
            f"{where}: {swaps} date cells read with day and month swapped (as Excel misread them): "
            "the column's text dates are day first, and Excel made date cells only of those that fit month first"
        )
    return resolved, warnings
