"""Importing one file: read, match sheets to tables, validate, then store in one transaction.

Either everything of a file is stored (its accepted rows, the suppliers and
buyers it names for the first time, its rejected rows and its `imports` row)
or, on any error, nothing is.
"""

import hashlib
import json
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

import numpy as np
import pyarrow as pa

from engagement import audit, db, store
from engagement.ingest.adapters import adapt_sheets
from engagement.ingest.columns import sheet_columns
from engagement.ingest.header import (
    describe_columns,
    describe_plan,
    find_header,
    override_columns,
    resolve_table,
    table_by_headers,
    table_by_name,
)
from engagement.ingest.names import KINDS, NameBook
from engagement.ingest.read import ReadError, Sheet, Source, load_source, read_sheets
from engagement.ingest.report import FileReport, RowError
from engagement.ingest.validate import ROW_NUMBER, SheetResult, TooManyRejected, validate_sheet
from engagement.tables import DEFAULT_PROGRAMME, TABLES, Table

# The file's hash is computed while it is read (hashlib lets go of the GIL for large data).
_HASHING = ThreadPoolExecutor(max_workers=1, thread_name_prefix="import-hash")
TABLE_ORDER = list(TABLES)  # suppliers and buyers first, so other sheets find the names they define
SHOWN_DUPLICATES = 100  # duplicate-key warnings listed per table; the rest are counted


# Imports store one at a time in a process (two users uploading at once): each waits for the
# other's transaction instead of conflicting with it. Other processes are kept out by DuckDB's
# file lock (engagement.db.DatabaseBusy). Readers meanwhile see the last committed data.
_ONE_WRITER = threading.Lock()


def import_file(
    con,
    source: Source,
    *,
    programme: str | None = None,
    table: str | None = None,
    dry_run: bool = False,
    imported_by: str | None = None,
    supplier: str | None = None,
    column_overrides: dict[str, dict[str, str | None]] | None = None,
    on_progress: Callable[[float, str], None] | None = None,
    allowed_programmes: tuple[str, ...] | None = None,
) -> FileReport:
    """Import one file (a path, or (file name, bytes) from an upload) and report what happened.

    `table` sends every sheet to that table; `programme` applies to rows without a
    programme column; with `dry_run` everything is checked and counted, nothing kept.
    `supplier` is the supplier of a list that names none (an Open Supply Hub facility list).
    `column_overrides` corrects the column mapping, per sheet name: {label as written in the
    file: the table's column, header.IGNORED to leave it out, or None to keep it as extra data}.
    `on_progress(fraction, step)` hears how far the import is (for a progress bar).
    `allowed_programmes`: the programmes the person importing coordinates (None: any); a file
    with rows for another programme is refused whole.
    """
    progress = on_progress or (lambda _fraction, _step: None)
    report = FileReport(file=str(source[0]) if isinstance(source, tuple) else str(source), dry_run=dry_run)
    programme = (programme or "").strip() or DEFAULT_PROGRAMME
    try:
        name, data = load_source(source)
        file_hash = _HASHING.submit(lambda: hashlib.sha256(data).hexdigest())
        forced = None
        if table:
            forced = resolve_table(table)
            if forced is None:
                raise ReadError(f"{name}: unknown table {table!r} (tables: {', '.join(TABLES)})")
        names = NameBook(con)
        progress(0.05, "reading")
        sheets = read_sheets(name, data)
        for sheet in sheets:  # what reading noticed (mixed encodings, ...) belongs in the report
            report.warnings.extend(sheet.warnings)
        sheets = adapt_sheets(sheets, supplier=supplier, names=names, report=report)
        plans = plan_sheets(name, sheets, forced, report)
        plans = [
            (sheet, override_columns(header, (column_overrides or {}).get(sheet.name)))
            for sheet, header in plans
        ]
        report.sheets = [describe_plan(sheet, header) for sheet, header in plans]
        results = []
        for number, ((sheet, header), plan) in enumerate(zip(plans, report.sheets, strict=True)):
            progress(0.3 + 0.5 * number / len(plans), f"checking {_where(sheet)}")
            cells = sheet_columns(sheet, header.row_index)
            results.append(validate_sheet(sheet.name, header, cells, programme, names, _where(sheet)))
            plan["preview"] = first_accepted_rows(results[-1])
            if results[-1].rows.num_rows == 0:  # validation keeps every non-blank row
                report.warnings.append(
                    f"{_where(sheet)}: no data rows below the header (row {header.row_index + 1}): nothing to import"
                )
    except ReadError as problem:
        report.fatal = " ".join(str(problem).split())
        return report
    except TooManyRejected as problem:
        report.fatal = f"{report.file}: {problem}"
        return report
    except Exception as problem:  # a file that trips the reader must not stop the other files
        report.fatal = f"{report.file}: cannot be read ({_one_line(problem)})"
        return report
    try:
        rows = _collect(report, results, names)
    except Exception as problem:
        report.fatal = f"{report.file}: cannot be read ({_one_line(problem)})"
        return report
    if allowed_programmes is not None:
        named = {p for table in rows.values() for p in table["programme"].unique().to_pylist()}
        others = sorted(named - set(allowed_programmes))
        if others:
            report.fatal = (
                f"{report.file}: has rows for programme(s) {', '.join(others)}, which you do not "
                f"coordinate (yours: {', '.join(allowed_programmes)}); nothing stored"
            )
            report.tables = {}
            return report
    try:
        progress(0.85, "storing")
        with _ONE_WRITER:
            _store(
                con, report, Path(name).name, file_hash.result(), programme, rows, results, names, imported_by
            )
    except Exception as problem:
        report.fatal = f"{report.file}: nothing stored, the import failed ({_one_line(problem)})"
        report.tables = {}
        report.outcome = None
    progress(1.0, "done")
    return report


PREVIEW_ROWS = 5  # accepted rows shown, parsed, on the upload page


def first_accepted_rows(result: SheetResult) -> list[dict]:
    """The first accepted rows of a sheet as the importer parsed them (for the preview)."""
    first = np.flatnonzero(result.accepted)[:PREVIEW_ROWS]  # no copy of a million-row sheet
    return result.rows.take(pa.array(first, pa.int64())).to_pylist()


def import_files(con, sources: list[Source], **options) -> list[FileReport]:
    """Import several files, each in its own transaction (options as for import_file)."""
    return [import_file(con, source, **options) for source in sources]


def _where(sheet: Sheet) -> str:
    return "the file" if sheet.from_text else f"sheet {sheet.name!r}"


def plan_sheets(name: str, sheets: list[Sheet], forced: Table | None, report: FileReport) -> list:
    """(sheet, header) for each sheet that goes to a table, in table order; ReadError when none does."""
    plans, problems = [], []
    for sheet in sheets:
        if sheet.empty:
            continue  # nothing to import, nothing to report
        table = forced or table_by_name(sheet.name)
        header = find_header(table, sheet.head) if table else table_by_headers(sheet.head)
        if header is None or header.missing_required:
            # A text file is one sheet: its problems are the file's, named by the file alone.
            subject = "" if sheet.from_text else f"sheet {sheet.name!r} "
            if table is None:
                problems.append(
                    f"{subject}matches no table by its name or its headers ({_first_labels(sheet.head)})"
                )
                if not sheet.from_text:
                    report.warnings.append(f"{problems[-1]}; skipped")
                continue
            missing = header.missing_required if header else [c.name for c in table.columns if c.required]
            problems.append(
                f"{subject}has no header row naming the required columns of {table.name} in its first "
                f"20 rows; missing {describe_columns(table, missing)}"
            )
            report.errors.append(RowError(sheet.name, None, None, None, problems[-1]))
            continue
        plans.append((sheet, header))
    if not plans:
        report.errors.clear()
        if not problems:
            raise ReadError(f"{name}: holds no data (every sheet is empty)")
        raise ReadError(
            f"{name}: {problems[0]}"
            if len(problems) == 1
            else f"{name}: no sheet matches a table ({'; '.join(problems)})"
        )
    return sorted(plans, key=lambda plan: TABLE_ORDER.index(plan[1].table.name))


def _first_labels(head: list[list]) -> str:
    for row in head:
        labels = [_short(c) for c in row if c is not None and str(c).strip()]
        if labels:
            shown = ", ".join(labels[:8]) + (", ..." if len(labels) > 8 else "")
            return f"first row: {shown}"
    return "none"


def _short(cell, limit: int = 40) -> str:
    text = " ".join(str(cell).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _collect(report: FileReport, results: list[SheetResult], names: NameBook) -> dict[str, pa.Table]:
    """Counts, errors and warnings of the validated sheets; the rows to store per table, with a
    store.KEEP column: accepted, and of rows with one key the last (the repeats are reported)."""
    for result in results:
        counts = report.counts(result.table.name)
        counts["accepted"] += int(result.accepted.sum())
        counts["rejected"] += len(result.rejected)
        for errors, _row in result.rejected:
            report.errors.extend(errors)
        report.warnings.extend(result.warnings)
    rows = {}
    for table_name in report.tables:
        table = TABLES[table_name]
        sheets = [r for r in results if r.table.name == table_name]
        every = pa.concat_tables([r.rows for r in sheets])
        every = every.append_column("row_key", store.row_keys(table, every))
        accepted = np.concatenate([r.accepted for r in sheets])
        at = np.flatnonzero(accepted)  # accepted row i is row at[i] of `every`
        # Most files repeat no key at all, which is quick to see without leaving out rejected rows.
        keys = every["row_key"]
        previous = None if store.all_differ(keys) else store.previous_rows(keys.filter(pa.array(accepted)))
        keep = accepted.copy()
        if previous is not None:
            sheet_of_row = np.repeat(np.arange(len(sheets)), [r.rows.num_rows for r in sheets])
            sheet_names = [sheets[i].sheet for i in sheet_of_row[at]]  # per accepted row
            _warn_duplicates(report, table, every, at, previous, sheet_names)
            keep[at[previous[previous >= 0]]] = False  # replaced by a later row
        rows[table_name] = every.drop_columns([ROW_NUMBER]).append_column(store.KEEP, pa.array(keep))
    for (kind, _p, _n), (programme, name) in names.created.items():
        report.warnings.append(f"new {kind} {name!r} added to programme {programme!r} (not yet known)")
    return rows


def _warn_duplicates(report, table: Table, rows: pa.Table, at, previous, sheet_names) -> None:
    """One warning per accepted row that repeats an earlier row's key (the first SHOWN_DUPLICATES).

    Accepted row i is row at[i] of `rows`, from sheet sheet_names[i]; previous[i] is the accepted
    row before it with its key (-1 for none).
    """
    repeated = np.flatnonzero(previous >= 0)
    for later in repeated[:SHOWN_DUPLICATES]:
        earlier = int(previous[later])
        record = rows.slice(int(at[later]), 1).to_pylist()[0]
        earlier_record = rows.slice(int(at[earlier]), 1).to_pylist()[0]
        key_text = ", ".join(f"{c} {record.get(c)}" for c in store.key_columns(table, record))
        number, earlier_number = record[ROW_NUMBER], earlier_record[ROW_NUMBER]
        sheet, earlier_sheet = sheet_names[later], sheet_names[earlier]
        if earlier_sheet == sheet:
            where = f"rows {earlier_number} and {number}"
        else:
            where = f"sheet {earlier_sheet!r} row {earlier_number} and sheet {sheet!r} row {number}"
        report.warnings.append(f"{table.name}: {where} have the same key ({key_text}); row {number} is kept")
    if len(repeated) > SHOWN_DUPLICATES:
        report.warnings.append(
            f"{table.name}: {len(repeated) - SHOWN_DUPLICATES} more rows repeat the key of an earlier row; "
            "each later row is kept"
        )


def _store(con, report, file_name, file_hash, programme, rows, results, names, imported_by) -> None:
    con.execute("begin transaction")
    try:
        import_id = con.execute("select nextval('import_ids')").fetchall()[0][0]
        report.import_id = import_id
        changed = 0
        for table_name in report.tables:
            counts = store.upsert(con, table_name, programme, rows[table_name], import_id)
            report.counts(table_name).update(counts)
            changed += counts["inserted"] + counts["updated"]
        for table_name, kind in KINDS.items():
            created = [
                {kind: name, "programme": name_programme}
                for (created_kind, _p, _n), (name_programme, name) in names.created.items()
                if created_kind == kind
            ]
            if created:
                counts = store.upsert(con, table_name, programme, created, import_id)
                changed += counts["inserted"] + counts["updated"]
        _store_rejected(con, import_id, file_name, results)
        report.outcome = "stored" if changed else "unchanged"
        summary = {
            "tables": report.tables,
            "errors": len(report.errors),
            "warnings": report.warnings,
            "dry_run": report.dry_run,
        }
        con.execute(
            "insert into imports (import_id, file_name, file_hash, imported_by, imported_at, programme, outcome, "
            "summary) values ($id, $file, $hash, $by, $at, $programme, $outcome, $summary)",
            {
                "id": import_id,
                "file": file_name,
                "hash": file_hash,
                "by": imported_by,
                "at": datetime.now(),
                "programme": programme,
                "outcome": report.outcome,
                "summary": json.dumps(summary, default=str),
            },
        )
        audit.record(
            con,
            imported_by,
            "import",
            f"{file_name} (import {import_id}): {report.outcome}; "
            + "; ".join(
                f"{name}: " + ", ".join(f"{count} {what}" for what, count in counts.items())
                for name, counts in report.tables.items()
            ),
        )
        # Every stored import changes what the dashboard shows (at least its import history).
        db.bump_data_version(con, tables=report.tables)
        con.execute("rollback" if report.dry_run else "commit")
    except Exception:
        con.execute("rollback")
        raise


def _store_rejected(con, import_id: int, file_name: str, results: list[SheetResult]) -> None:
    """One rejected_rows entry per error, each with the whole row, under this import."""
    rows = [
        {
            "sheet": error.sheet,
            "table_name": result.table.name,
            "row_number": error.row,
            "column_name": error.column,
            "value": error.value,
            "message": error.message,
            "row_data": json.dumps(row_data, default=str, ensure_ascii=False),
        }
        for result in results
        for errors, row_data in result.rejected
        for error in errors
    ]
    if not rows:
        return
    types = {"row_number": pa.int64()} | dict.fromkeys(
        ("sheet", "table_name", "column_name", "value", "message", "row_data"), pa.string()
    )
    con.register("rejected_incoming", pa.Table.from_pylist(rows, schema=pa.schema(types)))
    try:
        con.execute(
            "insert into rejected_rows select $id, $file, sheet, table_name, row_number, column_name, value, "
            "message, row_data::json from rejected_incoming",
            {"id": import_id, "file": file_name},
        )
    finally:
        con.unregister("rejected_incoming")


def _one_line(error: Exception) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__
