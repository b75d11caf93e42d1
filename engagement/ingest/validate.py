"""Rows of one sheet -> records for one table, plus row errors and warnings.

Each column gets a reader that knows its kind and what the whole column says
(date order, decimal separator); table rules (ROW_RULES) check across columns.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from engagement.ingest import values
from engagement.ingest.header import PROGRAMME, Header, HeaderColumn
from engagement.ingest.names import KINDS, NameBook
from engagement.ingest.report import RowError
from engagement.tables import Column, Table


@dataclass
class AcceptedRow:
    sheet: str
    row: int
    record: dict  # column -> parsed value, plus "programme" and "extra"


@dataclass
class SheetResult:
    table: Table
    accepted: list[AcceptedRow] = field(default_factory=list)
    rejected: list[tuple[list[RowError], dict]] = field(default_factory=list)  # errors, whole row
    warnings: list[str] = field(default_factory=list)


def column_reader(column: Column, cells: list, where: str) -> tuple[Callable, list[str]]:
    """A function parsing one cell of the column, and warnings about the column as a whole."""
    kind = column.kind
    if kind == "date":
        month_first, example = values.infer_month_first(cells)
        warnings = []
        if month_first:
            warnings.append(f"{where}: dates read month first (MM-DD-YYYY), as some can only be month first")
        if example:
            warnings.append(
                f"{where}: dates such as {example} fit both day first and month first; read day first (DD-MM-YYYY)"
            )
        return partial(values.parse_date, month_first=month_first), warnings
    if kind in ("int", "number"):
        decimal, ambiguous = values.infer_decimal(cells)
        parse = values.parse_int if kind == "int" else values.parse_number
        warnings = []
        if ambiguous and decimal is None:
            warnings.append(f"{where}: numbers such as 1.500 or 1,500 read with a thousands separator (1500)")

        def read_number(cell):
            number = parse(cell, decimal)
            values.check_range(number, column.minimum, column.maximum)
            return number

        return read_number, warnings
    if kind == "enum":
        return partial(values.parse_enum, enum=column.enum), []
    simple = {
        "text": values.parse_text,
        "bool": values.parse_bool,
        "list": values.parse_list,
        "topics": values.parse_topics,
    }
    return simple[kind], []


def _meeting_rules(record: dict) -> str | None:
    if record.get("type") is None:
        record["type"] = "dialogue"  # IMPORT_FORMAT.md: blank is dialogue
    if record.get("supplier") is None and record["type"] != "market_event":
        return "supplier is required unless the type is market_event (marktbijeenkomst)"
    return None


# table -> rule(record) that may fill defaults and returns an error message (on column ROW_RULE_COLUMN)
ROW_RULES: dict[str, Callable[[dict], str | None]] = {"meetings": _meeting_rules}
ROW_RULE_COLUMN = {"meetings": "supplier"}


def _cell(row: list, position: int):
    return row[position] if position < len(row) else None


def _labels(header: Header, width: int) -> list[str]:
    """A name for every position: the header as written, or 'column N' where it is blank."""
    names = []
    for position in range(width):
        label = header.columns[position].label if position < len(header.columns) else ""
        name = label or f"column {position + 1}"
        names.append(name if name not in names else f"{name} ({position + 1})")
    return names


def validate_sheet(
    sheet: str,
    header: Header,
    rows: list[list],
    default_programme: str,
    names: NameBook,
    where: str,
) -> SheetResult:
    """Parse and check every non-blank row below the header; `where` names the sheet in warnings."""
    table = header.table
    result = SheetResult(table)
    first_number = header.row_index + 2
    data = [(first_number + i, row) for i, row in enumerate(rows) if not all(values.is_blank(c) for c in row)]
    width = max([len(header.columns), *(len(row) for _, row in data)])
    labels = _labels(header, width)
    mapped = [c for c in header.columns if c.column]
    by_column = {c.column: c for c in mapped}
    readers = {}
    for hc in mapped:
        if hc.column == PROGRAMME:
            continue
        cells = [_cell(row, hc.position) for _, row in data]
        column_where = f"{where}, column {hc.label!r}"
        readers[hc.position], warnings = column_reader(table.column(hc.column), cells, column_where)
        result.warnings += warnings
    extra_positions = [p for p in range(width) if p >= len(header.columns) or not header.columns[p].column]
    _warn_extra(result, where, table, header, data, extra_positions, labels)

    for number, row in data:
        record, errors, programme = _parse_row(table, mapped, readers, row, number, sheet, default_programme)
        for column in table.columns:
            present = column.name in by_column
            if (
                column.required
                and record.get(column.name) is None
                and not _has_error(errors, column, by_column)
            ):
                label = by_column[column.name].label if present else column.name
                errors.append(RowError(sheet, number, label, None, f"{column.name} is required"))
        rule = ROW_RULES.get(table.name)
        message = rule(record) if rule and not errors else None
        if message:
            column_name = ROW_RULE_COLUMN[table.name]
            label = by_column[column_name].label if column_name in by_column else column_name
            errors.append(RowError(sheet, number, label, None, message))
        whole_row = {labels[p]: values.to_json_value(_cell(row, p)) for p in range(width)}
        if errors:
            result.rejected.append((errors, {k: v for k, v in whole_row.items() if v is not None}))
            continue
        extra = {labels[p]: values.to_json_value(_cell(row, p)) for p in extra_positions}
        record["extra"] = {k: v for k, v in extra.items() if v is not None} or None
        record["programme"] = programme
        _resolve_names(table, record, programme, names)
        result.accepted.append(AcceptedRow(sheet, number, record))
    unknown = sorted(
        {t for r in result.accepted for t in values.unknown_topics(r.record.get("topics") or [])}
    )
    if unknown:
        shown = ", ".join(repr(t) for t in unknown[:10]) + (" ..." if len(unknown) > 10 else "")
        result.warnings.append(
            f"{where}: topics not in the topic list, kept as written (shown as other): {shown}"
        )
    return result


def _parse_row(table, mapped, readers, row, number, sheet, default_programme):
    record = dict.fromkeys(table.column_names)
    errors = []
    programme = default_programme
    for hc in mapped:
        cell = _cell(row, hc.position)
        if values.is_blank(cell):
            continue
        if hc.column == PROGRAMME:
            programme = values.parse_text(cell)
            continue
        try:
            record[hc.column] = readers[hc.position](cell)
        except values.BadValue as problem:
            errors.append(RowError(sheet, number, hc.label, values.display(cell), str(problem)))
        if record[hc.column] in ("", []):
            record[hc.column] = None
    return record, errors, programme


def _has_error(errors: list[RowError], column: Column, by_column: dict[str, HeaderColumn]) -> bool:
    header_column = by_column.get(column.name)
    return header_column is not None and any(e.column == header_column.label for e in errors)


def _resolve_names(table: Table, record: dict, programme: str, names: NameBook) -> None:
    own_kind = KINDS.get(table.name)
    for column in table.columns:
        value = record.get(column.name)
        if value is None:
            continue
        if own_kind and column.name == own_kind:
            record[column.name] = names.define(own_kind, programme, value)
        elif column.refers_to:
            kind = KINDS[column.refers_to]
            if isinstance(value, list):
                record[column.name] = list(dict.fromkeys(names.resolve(kind, programme, v) for v in value))
            else:
                record[column.name] = names.resolve(kind, programme, value)


def _warn_extra(result, where, table, header, data, positions, labels) -> None:
    kept = []
    for position in positions:
        labelled = position < len(header.columns) and header.columns[position].label
        if labelled or any(not values.is_blank(_cell(row, position)) for _, row in data):
            kept.append(labels[position])
    if kept:
        shown = ", ".join(repr(k) for k in kept)
        result.warnings.append(
            f"{where}: columns that are not columns of {table.name} kept as extra data: {shown}"
        )
