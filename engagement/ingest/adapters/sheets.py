"""What every adapter needs: where it is (file, sheet), finding its header row by label,
and handing back a sheet the importer reads like any other.

An adapted sheet keeps the original's row numbers: its header sits on the original
header's row and each original row becomes one row (blank when skipped, and the
importer skips blank rows), so every message points at the row the user sees.
"""

import math
from dataclasses import dataclass, field, replace

from engagement.ingest.header import labels
from engagement.ingest.read import HEAD_ROWS, ReadError, Sheet
from engagement.ingest.words import fold


@dataclass
class Context:
    """What an adapter knows besides the sheet: the file, the supplier given at import, the known names."""

    file: str
    supplier: str | None = None
    names: object = None  # engagement.ingest.names.NameBook, or None
    warnings: list[str] = field(default_factory=list)

    def where(self, sheet: Sheet) -> str:
        return "the file" if sheet.from_text else f"sheet {sheet.name!r}"

    def warn(self, sheet: Sheet, message: str) -> None:
        self.warnings.append(f"{self.where(sheet)}: {message}")

    def refusal(self, sheet: Sheet, what_it_is: str) -> ReadError:
        """The one-line reason the file cannot be imported: 'FILE [: sheet S] is ...; do this'."""
        place = self.file if sheet.from_text else f"{self.file}: sheet {sheet.name!r}"
        return ReadError(f"{place} {what_it_is}")


def text(cell) -> str | None:
    """The cell as trimmed text; None when blank (a whole float loses its '.0')."""
    if cell is None:
        return None
    if isinstance(cell, float):
        if math.isnan(cell):
            return None
        if cell.is_integer():
            return str(int(cell))
    value = " ".join(str(cell).split())
    return value or None


def cell(row: list, position: int | None):
    return row[position] if position is not None and position < len(row) else None


def find_labelled_row(head: list[list], roles: dict[str, str]) -> tuple[int, dict[str, int]] | None:
    """(row index, {role: position}) of the row in head naming most roles; roles maps folded labels to roles."""
    best = None
    for index, row in enumerate(head[:HEAD_ROWS]):
        found: dict[str, int] = {}
        for position, label in enumerate(row):
            role = roles.get(fold(label)) if text(label) else None
            if role and role not in found:
                found[role] = position
        if found and (best is None or len(found) > len(best[1])):
            best = (index, found)
    return best


def folded_roles(synonyms: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """{role: labels} -> {folded label: role}."""
    return {fold(label): role for role, words in synonyms.items() for label in words}


def extra_label(header_row: list, position: int, table: str, source: str) -> str:
    """The label an original column keeps as extra data.

    A label the importer would read as one of the table's columns gets `source` added
    ("Type (Outlook)"), so it stays extra data; an unnamed column is "column N".
    """
    name = text(cell(header_row, position)) or f"column {position + 1}"
    return f"{name} ({source})" if fold(name) in labels(table) else name


def kept_columns(header_row: list, used: set[int], table: str, source: str) -> list[tuple[int, str]]:
    """(position, label) of the original columns kept as extra data: all not used."""
    return [
        (position, extra_label(header_row, position, table, source))
        for position in range(len(header_row))
        if position not in used
    ]


def adapted_sheet(sheet: Sheet, header_index: int, header: list[str], rows: list[list]) -> Sheet:
    """A sheet with `header` on row header_index and `rows` below it (one per original row)."""
    new_rows = [[] for _ in range(header_index)] + [header] + rows
    # replace keeps what else the reader said about the sheet (its name, kind, warnings); the
    # reader's columnar rows (columns_after) are the original's, so the importer must not use them.
    return replace(
        sheet,
        head=new_rows[:HEAD_ROWS],
        _rows_after=lambda index: new_rows[index + 1 :],
        height=len(new_rows),
        columns_after=None,
    )


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """'1 calendar item', '3 calendar items'."""
    return f"{count} {singular if count == 1 else plural_form or singular + 's'}"
