"""`python -m engagement report`: write the review report for a period to a file.

Exit 0 and the path written; a wrong date, --from after --to, a missing database or a file
that cannot be written: one line (engagement.cli prints it) and exit 2.
"""

from pathlib import Path

from engagement import audit
from engagement.audit import command_line_user
from engagement.db import database_path, open_database
from engagement.kpis.command import filters_from_args, parse_day
from engagement.reports import build_report
from engagement.settings import load_settings
from engagement.texts import default_language


def run_report(args) -> int:
    lang = args.lang or default_language()
    out = Path(args.out)
    # the dates are checked before the database is opened: a typo costs nothing
    days = [
        parse_day(text, flag) for text, flag in ((args.date_from, "--from"), (args.date_to, "--to")) if text
    ]
    if len(days) == 2 and days[0] > days[1]:
        raise ValueError(f"--from {days[0]} is after --to {days[1]}")
    _check_writable(out)
    db_file = database_path(args.db)
    if not db_file.exists():
        raise ValueError(
            f"no database at {db_file}: import your exports first (python -m engagement import) "
            "or load the sample (python -m engagement sample)"
        )
    con = open_database(db_file)
    try:
        filters = filters_from_args(con, args)
        content = build_report(con, filters, load_settings(con), args.report_format, lang)
        audit.record(
            con,
            command_line_user(),
            "export",
            f"review report ({args.report_format}, {lang}) to {out}, {filters.date_from} to {filters.date_to}",
        )
    finally:
        con.close()
    try:
        out.write_bytes(content)
    except OSError as error:
        raise ValueError(f"cannot write --out {out}: {error.strerror or error}") from None
    print(out)
    return 0


def _check_writable(out: Path) -> None:
    """Refuse an --out that cannot be written before any work is done."""
    if out.is_dir():
        raise ValueError(f"cannot write --out {out}: it is a folder; give a file name")
    if not out.parent.is_dir():
        raise ValueError(f"cannot write --out {out}: folder {out.parent} does not exist")
