"""Rows of one sheet -> records for one table, plus row errors and warnings.

A sheet is checked as columns (engagement.ingest.columns): each column gets a reader
that knows its kind and what the whole column says (date order, decimal separator)
and parses each distinct value once; table rules (ROW_RULES) check across columns.
Only the rows that fail are then looked at one by one, to report them.
"""

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from engagement.ingest import columns as cols
from engagement.ingest import lists, values
from engagement.ingest.header import IGNORED, PROGRAMME, Header
from engagement.ingest.names import NameBook, resolve_columns
from engagement.ingest.report import RowError
from engagement.store import ARROW_TYPES
from engagement.tables import Column, Table

ROW_NUMBER = "_row"  # the column of SheetResult.rows with each row's spreadsheet row number
INTEGER_MAX = 2**31 - 1  # DuckDB's integer (SQL_TYPES["int"])
# A sheet with more rejected rows than this is refused whole, with examples: so many wrong
# rows mean a systematic mistake (a wrong column, a wrong date order), and listing each
# one costs about 1.5 KB of memory per row (2M rows: 3 GB) and helps nobody.
MAX_REJECTED_ROWS = 100_000
EXAMPLES = 3


class TooManyRejected(Exception):
    """A sheet rejects more than MAX_REJECTED_ROWS rows; the message is one line for the user."""


_READERS = ThreadPoolExecutor(max_workers=2, thread_name_prefix="import-columns")


@dataclass
class SheetResult:
    table: Table
    sheet: str
    # one row per non-blank row: _row, programme, the table's columns (parsed), extra (JSON text)
    rows: pa.Table | None = None
    accepted: np.ndarray | None = None  # which of `rows` are accepted (the others are in `rejected`)
    rejected: list[tuple[list[RowError], dict]] = field(default_factory=list)  # errors, whole row
    warnings: list[str] = field(default_factory=list)


def read_column(column: Column, cells: cols.Cells, where: str) -> tuple[pa.Array, pa.Array | None, list[str]]:
    """The column's parsed values and error messages (null where none), and warnings about the column."""
    kind = column.kind
    if kind == "date":
        _codes, distinct = cells.distinct()
        month_first, example = values.infer_month_first(distinct)
        warnings = []
        if month_first:
            warnings.append(f"{where}: dates read month first (MM-DD-YYYY), as some can only be month first")
        if example:
            warnings.append(
                f"{where}: dates such as {example} fit both day first and month first; read day first (DD-MM-YYYY)"
            )
        parsed = cols.parse_each(cells, partial(values.parse_date, month_first=month_first), pa.date32())
        return *parsed, warnings
    if kind in ("int", "number"):
        _codes, distinct = cells.distinct()
        decimal, ambiguous = values.infer_decimal(distinct, cols.counts(cells))
        parse = values.parse_int if kind == "int" else values.parse_number
        warnings = []
        if ambiguous and decimal is None:
            warnings.append(f"{where}: numbers such as 1.500 or 1,500 read with a thousands separator (1500)")

        def read_number(cell):
            number = parse(cell, decimal)
            values.check_range(number, column.minimum, column.maximum)
            if kind == "int":  # within what the database's integer holds
                values.check_range(number, -INTEGER_MAX - 1, None)
                values.check_range(number, None, INTEGER_MAX)
            return number

        return *cols.parse_each(cells, read_number, ARROW_TYPES[kind]), warnings
    if kind == "enum":
        return *cols.parse_each(cells, partial(values.parse_enum, enum=column.enum), pa.string()), []
    if kind == "bool":
        return *cols.parse_each(cells, values.parse_bool, pa.bool_()), []
    if kind == "list":
        # Names in a list are resolved (and their repeats dropped) once the row is accepted.
        split = lists.split_lists(cells)
        return (split if column.refers_to else lists.unique_items(split)), None, []
    if kind == "topics":
        return lists.topics(lists.split_lists(cells, commas=True)), None, []
    return cols.texts(cells).combine_chunks(), None, []


def _meeting_rules(record: dict[str, pa.Array]) -> tuple[np.ndarray, str]:
    # IMPORT_FORMAT.md: blank is dialogue
    record["type"] = pc.fill_null(record["type"], "dialogue")
    market_event = np.asarray(pc.fill_null(pc.equal(record["type"], "market_event"), False))
    no_supplier = np.asarray(record["supplier"].is_null())
    return (
        no_supplier & ~market_event,
        "supplier is required unless the type is market_event (marktbijeenkomst)",
    )


# table -> rule(record columns) that may fill defaults and returns the rows it fails, and why
# (reported on column ROW_RULE_COLUMN); it applies to rows without other errors
ROW_RULES: dict[str, Callable[[dict], tuple[np.ndarray, str]]] = {"meetings": _meeting_rules}
ROW_RULE_COLUMN = {"meetings": "supplier"}


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
    cells: list[cols.Cells],
    default_programme: str,
    names: NameBook,
    where: str,
) -> SheetResult:
    """Parse and check every non-blank row below the header; `where` names the sheet in warnings.

    `cells` holds the columns below the header, by position (engagement.ingest.columns.sheet_columns).
    """
    table = header.table
    result = SheetResult(table, sheet)
    height = len(cells[0]) if cells else 0
    width = max(len(header.columns), len(cells))
    cells = cells + [cols.Cells.blank(height) for _ in range(width - len(cells))]
    present = [column.present() for column in cells]
    non_blank = np.logical_or.reduce(present) if present else np.zeros(0, bool)
    if not non_blank.all():
        cells = [column.filter(non_blank) for column in cells]
        present = [p[non_blank] for p in present]
    numbers = header.row_index + 2 + np.flatnonzero(non_blank)
    sheet_rows = _SheetRows(sheet, header, cells, numbers, _labels(header, width))

    mapped = [c for c in header.columns if c.column and c.column != IGNORED]
    parsed = {}  # position -> (values, error messages)
    for hc, (parsed_values, errors, warnings) in _read_columns(table, mapped, cells, where):
        parsed[hc.position] = parsed_values, errors
        result.warnings += warnings
    extra_positions = [p for p in range(width) if p >= len(header.columns) or not header.columns[p].column]
    _warn_extra(result, where, table, header, present, extra_positions, sheet_rows.labels)

    record = _record(table, mapped, parsed, cells, len(numbers))
    failing = sheet_rows.check(table, mapped, parsed, record)
    if failing.sum() > MAX_REJECTED_ROWS:
        raise TooManyRejected(
            _too_many(where, failing, sheet_rows.rejected(failing, mapped, parsed, EXAMPLES))
        )
    result.rejected = sheet_rows.rejected(failing, mapped, parsed)
    # Rejected rows stay in `rows` (their values unused): leaving them out is left to the
    # database, which does it without copying every accepted row.
    result.accepted = ~failing
    programmes = _programmes(mapped, cells, default_programme, len(numbers))
    resolve_columns(names, table, record, programmes, result.accepted)
    extra = [cols.json_members(cells[p], sheet_rows.labels[p]) for p in extra_positions]
    result.rows = pa.table(
        {
            ROW_NUMBER: pa.array(numbers, pa.int64()),
            "programme": programmes,
            **record,
            "extra": cols.json_objects(extra, len(numbers)),
        }
    )
    _warn_unknown_topics(result, where)
    return result


def _read_columns(table: Table, mapped, cells, where: str) -> list:
    """(header column, read_column's result) of each mapped column but the programme, in order.

    Columns are read side by side: most of the work is in Arrow, which lets go of the GIL.
    """
    jobs = [
        (
            hc,
            _READERS.submit(
                read_column, table.column(hc.column), cells[hc.position], f"{where}, column {hc.label!r}"
            ),
        )
        for hc in mapped
        if hc.column != PROGRAMME
    ]
    return [(hc, job.result()) for hc, job in jobs]


def _record(table: Table, mapped, parsed, cells, rows: int) -> dict[str, pa.Array]:
    """Each of the table's columns as parsed. Where the file maps several columns to one, a later
    column's value replaces an earlier one, unless its cell is blank or wrong."""
    record = {}
    for column in table.columns:
        value = None
        for hc in mapped:
            if hc.column != column.name:
                continue
            parsed_values, errors = parsed[hc.position]
            if value is None:
                value = parsed_values  # null where the cell is blank or wrong
                continue
            keep_before = pa.array(~cells[hc.position].present())
            if errors is not None:
                keep_before = pc.or_(keep_before, errors.is_valid())
            value = pc.if_else(keep_before, _plain(value), _plain(parsed_values))
        if value is None:
            value = pa.nulls(rows, ARROW_TYPES[column.kind])
        record[column.name] = lists.as_dictionary(value) if column.kind in ("list", "topics") else value
    return record


def _plain(array: pa.Array) -> pa.Array:
    return array.dictionary_decode() if pa.types.is_dictionary(array.type) else array


def _programmes(mapped, cells, default_programme: str, rows: int) -> pa.Array:
    """The programme of each row: its programme cell (the last, if several), else the default."""
    given = [cols.texts(cells[hc.position]).combine_chunks() for hc in mapped if hc.column == PROGRAMME]
    return pc.coalesce(*reversed(given), pc.fill_null(pa.nulls(rows, pa.string()), default_programme))


class _SheetRows:
    """The rows of a sheet being checked: their numbers, labels and raw cells, for error reports."""

    def __init__(self, sheet: str, header: Header, cells, numbers: np.ndarray, labels: list[str]):
        self.sheet, self.header, self.cells, self.numbers, self.labels = sheet, header, cells, numbers, labels
        self.required_missing: dict[str, np.ndarray] = {}
        self.rule_failed = np.zeros(len(numbers), bool)
        self.rule_message = ""

    def check(self, table: Table, mapped, parsed, record) -> np.ndarray:
        """The rows that fail: a wrong value, a required value missing, or a table rule."""
        rows = len(self.numbers)
        wrong = np.zeros(rows, bool)
        wrong_by_label: dict[str, np.ndarray] = {}
        for hc in mapped:
            errors = parsed.get(hc.position, (None, None))[1]
            if errors is not None:
                mask = np.asarray(errors.is_valid())
                wrong |= mask
                wrong_by_label[hc.label] = wrong_by_label.get(hc.label, np.zeros(rows, bool)) | mask
        by_column = {c.column: c for c in mapped}
        failing = wrong.copy()
        for column in table.columns:
            if not column.required:
                continue
            header_column = by_column.get(column.name)
            has_error = wrong_by_label.get(header_column.label) if header_column else None
            missing = np.asarray(record[column.name].is_null())
            if has_error is not None:
                missing = missing & ~has_error
            self.required_missing[column.name] = missing
            failing |= missing
        rule = ROW_RULES.get(table.name)
        if rule:
            broken, self.rule_message = rule(record)
            self.rule_failed = broken & ~failing
            failing |= self.rule_failed
        return failing

    def rejected(self, failing: np.ndarray, mapped, parsed, first: int | None = None) -> list:
        """(errors, whole row as written) of each failing row (of the first `first` of them), the
        errors in the order a row is checked."""
        rows = np.flatnonzero(failing)[:first]
        if not len(rows):
            return []
        table = self.header.table
        raw = [column.take(rows) for column in self.cells]
        messages = {
            hc.position: parsed[hc.position][1].take(pa.array(rows)).to_pylist()
            for hc in mapped
            if hc.column != PROGRAMME and parsed[hc.position][1] is not None
        }
        by_column = {c.column: c for c in mapped}
        rejected = []
        for i, row in enumerate(rows):
            number = int(self.numbers[row])
            errors = [
                RowError(
                    self.sheet,
                    number,
                    hc.label,
                    values.display(raw[hc.position][i]),
                    messages[hc.position][i],
                )
                for hc in mapped
                if hc.position in messages and messages[hc.position][i] is not None
            ]
            for column in table.columns:
                if column.required and self.required_missing[column.name][row]:
                    label = by_column[column.name].label if column.name in by_column else column.name
                    errors.append(RowError(self.sheet, number, label, None, f"{column.name} is required"))
            if self.rule_failed[row]:
                column_name = ROW_RULE_COLUMN[table.name]
                label = by_column[column_name].label if column_name in by_column else column_name
                errors.append(RowError(self.sheet, number, label, None, self.rule_message))
            whole_row = {label: values.to_json_value(raw[p][i]) for p, label in enumerate(self.labels)}
            rejected.append((errors, {k: v for k, v in whole_row.items() if v is not None}))
        return rejected


def _too_many(where: str, failing: np.ndarray, examples: list) -> str:
    shown = "; ".join(
        f"row {e.row}, column {e.column!r}"
        + (f" ({e.value})" if e.value is not None else "")
        + f": {e.message}"
        for errors, _row in examples
        for e in errors[:1]
    )
    return (
        f"refused, {int(failing.sum()):,} of the {len(failing):,} rows of {where} would be rejected "
        f"(more than {MAX_REJECTED_ROWS:,}), for example {shown}. Check that the file is the export you meant "
        "and that its columns are the ones named; fix what the examples show and import again"
    )


def _warn_extra(result, where, table, header, present, positions, labels) -> None:
    kept = []
    for position in positions:
        labelled = position < len(header.columns) and header.columns[position].label
        if labelled or present[position].any():
            kept.append(labels[position])
    if kept:
        shown = ", ".join(repr(k) for k in kept)
        result.warnings.append(
            f"{where}: columns that are not columns of {table.name} kept as extra data: {shown}"
        )


def _warn_unknown_topics(result: SheetResult, where: str) -> None:
    if "topics" not in result.rows.column_names:
        return
    topics = lists.used_items(result.rows["topics"], result.accepted)
    unknown = sorted(set(values.unknown_topics(topics)))
    if unknown:
        shown = ", ".join(repr(t) for t in unknown[:10]) + (" ..." if len(unknown) > 10 else "")
        result.warnings.append(
            f"{where}: topics not in the topic list, kept as written (shown as other): {shown}"
        )
