"""The command line (IMPORT_FORMAT.md, "Command line"): import, undo, kpis, report, sample,
template, rejected, aliases, backup, restore.

Exit status: 0 all well; 1 some rows rejected; 2 a file or the command could not
be carried out. A user never sees a traceback: unexpected errors become one line.
"""

import argparse
import sys


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m engagement", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    imp = commands.add_parser("import", help="import exports (csv, xlsx, xlsm, ods, xls)")
    imp.add_argument("files", nargs="+", metavar="FILE")
    imp.add_argument("--db", help="database file (default $ENGAGEMENT_DB or data/engagement.duckdb)")
    imp.add_argument("--table", help="the table every sheet goes to, when names and headers do not say")
    imp.add_argument("--programme", help="programme for rows without a programme column")
    imp.add_argument("--supplier", help="the supplier of a facility list or Teams report that names none")
    imp.add_argument("--dry-run", action="store_true", help="check and report, store nothing")
    imp.add_argument("--json", action="store_true", help="print the report as one JSON object")

    undo = commands.add_parser("undo", help="undo an import: the database as it was before it")
    undo.add_argument("import_id", type=int, metavar="IMPORT_ID", help="the import's number (import history)")
    undo.add_argument("--db")

    kpis = commands.add_parser("kpis", help="print the KPIs for a period")
    kpis.add_argument("--db")
    kpis.add_argument("--from", dest="date_from", help="first day of the period (YYYY-MM-DD)")
    kpis.add_argument("--to", dest="date_to", help="last day of the period (YYYY-MM-DD)")
    kpis.add_argument("--supplier", action="append", default=[])
    kpis.add_argument("--buyer", action="append", default=[])
    kpis.add_argument("--programme", action="append", default=[])
    kpis.add_argument("--country", action="append", default=[])
    kpis.add_argument("--category", action="append", default=[])
    kpis.add_argument("--json", action="store_true")

    report = commands.add_parser("report", help="write the review report for a period (xlsx, html or pdf)")
    report.add_argument("--db")
    report.add_argument("--from", dest="date_from", help="first day of the period (YYYY-MM-DD)")
    report.add_argument("--to", dest="date_to", help="last day of the period (YYYY-MM-DD)")
    report.add_argument("--format", dest="report_format", choices=("xlsx", "html", "pdf"), required=True)
    report.add_argument(
        "--lang", choices=("en", "nl"), default=None, help="language (default: configuration)"
    )
    report.add_argument("--out", required=True, help="the file to write")
    report.add_argument("--supplier", action="append", default=[])
    report.add_argument("--buyer", action="append", default=[])
    report.add_argument("--programme", action="append", default=[])
    report.add_argument("--country", action="append", default=[])
    report.add_argument("--category", action="append", default=[])

    backup = commands.add_parser("backup", help="copy the database to a new file, consistently")
    backup.add_argument("--db")
    backup.add_argument("--out", required=True, metavar="FILE", help="the backup file to write (new)")

    restore = commands.add_parser("restore", help="put a backup in the database's place")
    restore.add_argument("backup", metavar="BACKUP", help="a file made by `backup`")
    restore.add_argument("--db")

    sample = commands.add_parser("sample", help="load the sample programme into the database")
    sample.add_argument("--db")
    sample.add_argument(
        "--scale",
        choices=("sample", "large"),
        default="sample",
        help="sample: the small fictional programme; large: ten years at benchmark size (about 4M rows)",
    )

    template = commands.add_parser("template", help="write the template workbook to fill in and import")
    template.add_argument(
        "--lang", choices=["en", "nl"], default="en", help="English or Dutch sheets and headers"
    )
    template.add_argument("--out", required=True, metavar="FILE", help="the .xlsx file to write")

    rejected = commands.add_parser(
        "rejected", help="write the rows an import rejected, to correct and re-import"
    )
    rejected.add_argument("--import", dest="import_id", type=int, required=True, metavar="ID")
    rejected.add_argument("--out", required=True, metavar="FILE", help="the .xlsx file to write")
    rejected.add_argument("--db")

    aliases = commands.add_parser("aliases", help="other spellings of supplier and buyer names")
    alias_commands = aliases.add_subparsers(dest="alias_command", required=True)
    alias_list = alias_commands.add_parser("list", help="every alias")
    alias_add = alias_commands.add_parser("add", help="read ALIAS as NAME in future imports")
    alias_add.add_argument("kind", choices=["supplier", "buyer"], metavar="KIND")
    alias_add.add_argument("alias", metavar="ALIAS")
    alias_add.add_argument("name", metavar="NAME")
    alias_remove = alias_commands.add_parser("remove", help="forget an alias")
    alias_remove.add_argument("kind", choices=["supplier", "buyer"], metavar="KIND")
    alias_remove.add_argument("alias", metavar="ALIAS")
    for command in (alias_list, alias_add, alias_remove):
        command.add_argument("--db")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "import":
            from engagement.ingest.command import run_import

            return run_import(args)
        if args.command == "undo":
            from engagement.history import run_undo

            return run_undo(args)
        if args.command == "kpis":
            from engagement.kpis.command import run_kpis

            return run_kpis(args)
        if args.command == "template":
            from engagement.ingest.template import run_template

            return run_template(args)
        if args.command == "rejected":
            from engagement.ingest.corrections import run_rejected

            return run_rejected(args)
        if args.command == "report":
            from engagement.reports.command import run_report

            return run_report(args)
        if args.command in ("backup", "restore"):
            from engagement.backup import run_backup, run_restore

            return run_backup(args) if args.command == "backup" else run_restore(args)
        if args.command == "aliases":
            from engagement.aliases import run_aliases

            return run_aliases(args)
        from engagement.sample import run_sample

        return run_sample(args)
    except KeyboardInterrupt:
        print("Stopped.", file=sys.stderr)
        return 2
    except Exception as error:  # the one place a user would otherwise see a traceback
        print(f"Error: {_one_line(error)}", file=sys.stderr)
        return 2


def _one_line(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__
