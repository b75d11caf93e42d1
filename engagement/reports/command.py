"""`python -m engagement report`: write the review report for a period to a file.

Exit 0 and the path written; a wrong date, --from after --to, a missing database or a file
that cannot be written: one line (engagement.cli prints it) and exit 2.
"""

from datetime import date
from pathlib import Path

from engagement.db import database_path, open_database
from engagement.filters import Filters, preset_period, reference_day
from engagement.kpis.command import _day
from engagement.kpis.options import data_span
from engagement.reports import build_report
from engagement.settings import load_settings
from engagement.texts import default_language


def run_report(args) -> int:
    lang = args.lang or default_language()
    out = Path(args.out)
    date_from = _day(args.date_from, "--from") if args.date_from else None
    date_to = _day(args.date_to, "--to") if args.date_to else None
    if date_from and date_to and date_from > date_to:
        raise ValueError(f"--from {date_from} is after --to {date_to}")
    _check_writable(out)
    db_file = database_path(args.db)
    if not db_file.exists():
        raise ValueError(
            f"no database at {db_file}: import your exports first (python -m engagement import) "
            "or load the sample (python -m engagement sample)"
        )
    con = open_database(db_file)
    try:
        filters = Filters(
            *_period(con, date_from, date_to),
            programmes=tuple(args.programme),
            buyers=tuple(args.buyer),
            suppliers=tuple(args.supplier),
            countries=tuple(args.country),
            categories=tuple(args.category),
        )
        content = build_report(con, filters, load_settings(con), args.report_format, lang)
    finally:
        con.close()
    try:
        out.write_bytes(content)
    except OSError as error:
        raise ValueError(f"cannot write --out {out}: {error.strerror or error}") from None
    print(out)
    return 0


def _period(con, date_from: date | None, date_to: date | None) -> tuple[date, date]:
    """The period asked for; a missing end as `kpis` fills it (programme to date)."""
    first_day, last_day = data_span(con)
    default_from, default_to = preset_period(
        "programme_to_date", reference_day(last_day, date.today()), first_day
    )
    period = (date_from or default_from, date_to or default_to)
    if period[0] > period[1]:
        raise ValueError(f"--from {period[0]} is after --to {period[1]}")
    return period


def _check_writable(out: Path) -> None:
    """Refuse an --out that cannot be written before any work is done."""
    if out.is_dir():
        raise ValueError(f"cannot write --out {out}: it is a folder; give a file name")
    if not out.parent.is_dir():
        raise ValueError(f"cannot write --out {out}: folder {out.parent} does not exist")
