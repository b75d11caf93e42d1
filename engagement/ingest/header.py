"""Finding the header row and mapping its labels to a table's columns.

Labels come from engagement.tables (canonical names and synonyms) and
PROGRAMME_SYNONYMS, compared folded (engagement.ingest.words.fold), so
"Datum overleg", "datum_overleg" and "DATUM-OVERLEG" are one label.
"""

from dataclasses import dataclass
from functools import cache

from engagement.ingest.read import HEAD_ROWS
from engagement.ingest.words import fold, fold_words
from engagement.tables import IGNORED_COLUMNS, PROGRAMME_SYNONYMS, TABLES, Table

PROGRAMME = "programme"  # the column name a programme column maps to
# A column the importer leaves out altogether (not even kept as extra data): one the user
# chose to leave out on the upload page, or the error column of a corrections workbook.
IGNORED = "(leave out)"


@cache
def labels(table_name: str) -> dict[str, str]:
    """Folded label -> column name for one table, the programme column included."""
    table = TABLES[table_name]
    mapping = {fold(s): PROGRAMME for s in PROGRAMME_SYNONYMS}
    for column in table.columns:
        for label in (column.name, *column.synonyms):
            mapping.setdefault(fold(label), column.name)
    return mapping


def cell_text(cell) -> str:
    return "" if cell is None else str(cell).strip()


@dataclass
class HeaderColumn:
    position: int
    label: str  # as written in the file
    column: str | None  # the table's column (or "programme"); None for an unknown column


@dataclass
class Header:
    table: Table
    row_index: int  # 0-based: the header is spreadsheet row row_index + 1
    columns: list[HeaderColumn]

    @property
    def matched(self) -> set[str]:
        return {c.column for c in self.columns if c.column and c.column not in (PROGRAMME, IGNORED)}

    @property
    def missing_required(self) -> list[str]:
        return [c.name for c in self.table.columns if c.required and c.name not in self.matched]

    @property
    def unknown(self) -> list[HeaderColumn]:
        return [c for c in self.columns if c.column is None and c.label]


_IGNORED_LABELS = {fold(label) for label in IGNORED_COLUMNS}


def map_header(table: Table, row: list, row_index: int) -> Header:
    """The columns of one candidate header row; a column named twice is kept once, then as extra."""
    mapping = labels(table.name)
    seen: set[str] = set()
    columns = []
    for position, cell in enumerate(row):
        label = cell_text(cell)
        column = mapping.get(fold(label)) if label else None
        if label and fold(label) in _IGNORED_LABELS:
            column = IGNORED
        if column in seen:
            column = None
        if column:
            seen.add(column)
        columns.append(HeaderColumn(position, label, column))
    return Header(table, row_index, columns)


def find_header(table: Table, head: list[list]) -> Header | None:
    """The row within the first 20 that names most of the table's columns (earliest on a tie)."""
    best = None
    for index, row in enumerate(head[:HEAD_ROWS]):
        header = map_header(table, row, index)
        if header.matched and (best is None or len(header.matched) > len(best.matched)):
            best = header
    return best


def resolve_table(name: str) -> Table | None:
    """The table a --table value names: its name or one of its sheet names, English or Dutch."""
    folded = fold(name)
    return next((t for t in TABLES.values() if folded in {fold(s) for s in (t.name, *t.sheet_names)}), None)


def table_by_name(name: str) -> Table | None:
    """The table a sheet (or file stem, or --table value) names, English or Dutch; None if not one."""
    folded = fold(name)
    exact = [t for t in TABLES.values() if any(fold(s) == folded for s in t.sheet_names)]
    if exact:
        return exact[0]
    # Words inside a longer name: "export_bijeenkomsten_2024", "Meetings Q1".
    words = fold_words(name)
    found = {
        t.name
        for t in TABLES.values()
        for sheet_name in t.sheet_names
        if _contains(words, fold_words(sheet_name))
    }
    return TABLES[found.pop()] if len(found) == 1 else None


def _contains(words: list[str], part: list[str]) -> bool:
    return any(words[i : i + len(part)] == part for i in range(len(words) - len(part) + 1))


def table_by_headers(head: list[list]) -> Header | None:
    """The table whose required columns all appear in one header row, naming most columns."""
    candidates = []
    for order, table in enumerate(TABLES.values()):
        header = find_header(table, head)
        if header and not header.missing_required:
            coverage = len(header.matched) / len(table.columns)
            candidates.append((len(header.matched), coverage, -order, header))
    if not candidates:
        return None
    return max(candidates, key=lambda c: c[:3])[3]


def describe_columns(table: Table, names: list[str]) -> str:
    """'supplier (leverancier), component (onderdeel)': what a user can write for each column."""
    parts = []
    for name in names:
        synonyms = table.column(name).synonyms
        parts.append(f"{name} ({', '.join(synonyms)})" if synonyms else name)
    return ", ".join(parts)


def override_columns(header: Header, overrides: dict[str, str | None] | None) -> Header:
    """The header with the user's corrections: {label as written: the table's column, IGNORED
    to leave the column out, or None to keep it as extra data}.

    A label the file does not have, or a column the table does not have, is ignored here;
    the upload page offers only the file's labels and the table's columns.
    """
    if not overrides:
        return header
    allowed = {c.name for c in header.table.columns} | {PROGRAMME, IGNORED}
    columns = [
        HeaderColumn(c.position, c.label, overrides[c.label])
        if c.label in overrides and (overrides[c.label] is None or overrides[c.label] in allowed)
        else c
        for c in header.columns
    ]
    return Header(header.table, header.row_index, columns)


def describe_plan(sheet, header: Header) -> dict:
    """What the importer understood of a sheet: its table, header row and column mapping."""
    return {
        "sheet": sheet.name,
        "table": header.table.name,
        "header_row": header.row_index + 1,
        "columns": {c.label: c.column for c in header.columns if c.label},
        "missing_required": header.missing_required,
    }
