"""`python -m engagement import`: the report, human-readable or as one JSON object, and the exit status."""

import json
import sys

from engagement import audit
from engagement.db import ensure_normalised, open_database
from engagement.ingest.header import resolve_table
from engagement.ingest.report import FileReport
from engagement.ingest.run import import_files
from engagement.tables import TABLES

# The human report lists this many errors per file; --json lists them all.
SHOWN_ERRORS = 50


def run_import(args) -> int:
    """Import every file named on the command line; 0 all accepted, 1 rows rejected, 2 a file refused."""
    if args.table and resolve_table(args.table) is None:
        print(f"Error: unknown table {args.table!r} (tables: {', '.join(TABLES)})", file=sys.stderr)
        return 2
    con = open_database(args.db)
    try:
        reports = import_files(
            con,
            args.files,
            programme=args.programme,
            table=args.table,
            dry_run=args.dry_run,
            imported_by=audit.command_line_user(),
            supplier=args.supplier,
        )
        # The dashboard's first figure after this import need not rebuild the stored copies.
        ensure_normalised(con)
    finally:
        con.close()
    for report in reports:
        if report.fatal:
            print(f"Error: {report.fatal}", file=sys.stderr)
    if args.json:
        print(json.dumps({"files": [r.to_json() for r in reports]}, ensure_ascii=False, default=str))
    else:
        print("\n\n".join(human_report(r) for r in reports if not r.fatal) or "Nothing imported.")
    return max(r.exit_code for r in reports)


def human_report(report: FileReport) -> str:
    """The report of one imported file as lines of text."""
    if report.dry_run:
        state = "dry run, nothing stored"
    elif report.outcome == "unchanged":
        state = "nothing changed (every row was already stored)"
    else:
        state = "stored"
    lines = [f"{report.file}: {state}"]
    for table, c in report.tables.items():
        lines.append(
            f"  {table}: {c['accepted']} accepted, {c['rejected']} rejected "
            f"({c['inserted']} new, {c['updated']} updated, {c['unchanged']} unchanged)"
        )
    if report.errors:
        lines.append(f"  {len(report.errors)} errors (rejected rows are kept for correction):")
        for error in report.errors[:SHOWN_ERRORS]:
            place = ", ".join(
                part
                for part in (
                    f"sheet {error.sheet}" if error.sheet else "",
                    f"row {error.row}" if error.row else "",
                    f"column {error.column!r}" if error.column else "",
                )
                if part
            )
            value = f" {error.value!r}:" if error.value is not None else ""
            lines.append(f"    {place}:{value} {error.message}")
        if len(report.errors) > SHOWN_ERRORS:
            lines.append(f"    ... and {len(report.errors) - SHOWN_ERRORS} more (--json lists them all)")
    if report.warnings:
        lines.append("  warnings:")
        lines += [f"    {warning}" for warning in report.warnings]
    return "\n".join(lines)
