"""Importing one file: read, match sheets to tables, validate, then store in one transaction.

Either everything of a file is stored (its accepted rows, the suppliers and
buyers it names for the first time, its rejected rows and its `imports` row)
or, on any error, nothing is.
"""

import hashlib
import json
from datetime import datetime
from pathlib import Path

from engagement import db, store
from engagement.ingest.adapters import adapt_sheets
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
from engagement.ingest.validate import AcceptedRow, SheetResult, validate_sheet
from engagement.tables import DEFAULT_PROGRAMME, TABLES, Table

TABLE_ORDER = list(TABLES)  # suppliers and buyers first, so other sheets find the names they define
SHOWN_DUPLICATES = 100  # duplicate-key warnings listed per table; the rest are counted


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
) -> FileReport:
    """Import one file (a path, or (file name, bytes) from an upload) and report what happened.

    `table` sends every sheet to that table; `programme` applies to rows without a
    programme column; with `dry_run` everything is checked and counted, nothing kept.
    `supplier` is the supplier of a list that names none (an Open Supply Hub facility list).
    `column_overrides` corrects the column mapping, per sheet name: {label as written in the
    file: the table's column, or None to ignore that column}.
    """
    report = FileReport(file=str(source[0]) if isinstance(source, tuple) else str(source), dry_run=dry_run)
    programme = (programme or "").strip() or DEFAULT_PROGRAMME
    try:
        name, data = load_source(source)
        forced = None
        if table:
            forced = resolve_table(table)
            if forced is None:
                raise ReadError(f"{name}: unknown table {table!r} (tables: {', '.join(TABLES)})")
        names = NameBook(con)
        sheets = adapt_sheets(read_sheets(name, data), supplier=supplier, names=names, report=report)
        plans = plan_sheets(name, sheets, forced, report)
        plans = [
            (sheet, override_columns(header, (column_overrides or {}).get(sheet.name)))
            for sheet, header in plans
        ]
        report.sheets = [describe_plan(sheet, header) for sheet, header in plans]
        results = []
        for sheet, header in plans:
            rows = sheet.rows_after(header.row_index)
            where = _where(sheet)
            results.append(validate_sheet(sheet.name, header, rows, programme, names, where))
    except ReadError as problem:
        report.fatal = " ".join(str(problem).split())
        return report
    except Exception as problem:  # a file that trips the reader must not stop the other files
        report.fatal = f"{report.file}: cannot be read ({_one_line(problem)})"
        return report
    _collect(report, results, names)
    try:
        _store(con, report, Path(name).name, data, programme, results, names, imported_by)
    except Exception as problem:
        report.fatal = f"{report.file}: nothing stored, the import failed ({_one_line(problem)})"
        report.tables = {}
        report.outcome = None
    return report


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


def _collect(report: FileReport, results: list[SheetResult], names: NameBook) -> None:
    """Counts, errors and warnings of the validated sheets, duplicates resolved (the later row wins)."""
    for result in results:
        counts = report.counts(result.table.name)
        counts["accepted"] += len(result.accepted)
        counts["rejected"] += len(result.rejected)
        for errors, _row in result.rejected:
            report.errors.extend(errors)
        report.warnings.extend(result.warnings)
    for table_name in report.tables:
        rows = [row for r in results if r.table.name == table_name for row in r.accepted]
        _warn_duplicates(report, TABLES[table_name], rows)
    for (kind, _p, _n), (programme, name) in names.created.items():
        report.warnings.append(f"new {kind} {name!r} added to programme {programme!r} (not yet known)")


def _warn_duplicates(report: FileReport, table: Table, rows: list[AcceptedRow]) -> None:
    first_seen: dict[str, AcceptedRow] = {}
    repeated = 0
    for row in rows:
        key = store.row_key(table, row.record["programme"], row.record)
        earlier = first_seen.get(key)
        first_seen[key] = row
        if not earlier:
            continue
        repeated += 1
        if repeated > SHOWN_DUPLICATES:
            continue
        key_text = ", ".join(f"{c} {row.record.get(c)}" for c in store.key_columns(table, row.record))
        if earlier.sheet == row.sheet:
            where = f"rows {earlier.row} and {row.row}"
        else:
            where = f"sheet {earlier.sheet!r} row {earlier.row} and sheet {row.sheet!r} row {row.row}"
        report.warnings.append(f"{table.name}: {where} have the same key ({key_text}); row {row.row} is kept")
    if repeated > SHOWN_DUPLICATES:
        report.warnings.append(
            f"{table.name}: {repeated - SHOWN_DUPLICATES} more rows repeat the key of an earlier row; "
            "each later row is kept"
        )


def _store(con, report, file_name, data, programme, results, names, imported_by) -> None:
    con.execute("begin transaction")
    try:
        import_id = con.execute("select nextval('import_ids')").fetchone()[0]
        report.import_id = import_id
        changed = 0
        for table_name in report.tables:
            records = [row.record for r in results if r.table.name == table_name for row in r.accepted]
            counts = store.upsert(con, table_name, programme, records, import_id)
            report.counts(table_name).update(counts)
            changed += counts["inserted"] + counts["updated"]
        for (kind, _p, _n), (name_programme, name) in names.created.items():
            table_name = next(t for t, k in KINDS.items() if k == kind)
            record = {kind: name, "programme": name_programme}
            counts = store.upsert(con, table_name, name_programme, [record], import_id)
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
            "insert into imports values ($id, $file, $hash, $by, $at, $programme, $outcome, $summary)",
            {
                "id": import_id,
                "file": file_name,
                "hash": hashlib.sha256(data).hexdigest(),
                "by": imported_by,
                "at": datetime.now(),
                "programme": programme,
                "outcome": report.outcome,
                "summary": json.dumps(summary, default=str),
            },
        )
        # Every stored import changes what the dashboard shows (at least its import history).
        db.bump_data_version(con)
        con.execute("rollback" if report.dry_run else "commit")
    except Exception:
        con.execute("rollback")
        raise


def _store_rejected(con, import_id: int, file_name: str, results: list[SheetResult]) -> None:
    """One rejected_rows entry per error, each with the whole row, under this import."""
    rows = [
        {
            "id": import_id,
            "file": file_name,
            "sheet": error.sheet,
            "table": result.table.name,
            "row": error.row,
            "column": error.column,
            "value": error.value,
            "message": error.message,
            "data": json.dumps(row_data, default=str, ensure_ascii=False),
        }
        for result in results
        for errors, row_data in result.rejected
        for error in errors
    ]
    if rows:
        con.executemany(
            "insert into rejected_rows values ($id, $file, $sheet, $table, $row, $column, $value, $message, $data)",
            rows,
        )


def _one_line(error: Exception) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__
