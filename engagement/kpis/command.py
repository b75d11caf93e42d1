"""`python -m engagement kpis`: every scalar KPI for a period, as text or JSON."""

import json
from datetime import date

from engagement.catalogue import BY_ID
from engagement.db import open_database
from engagement.filters import Filters, preset_period, reference_day
from engagement.kpis import scalar_kpis
from engagement.kpis.options import data_span


def parse_day(text: str, flag: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{flag} {text!r} is not a date; write it as YYYY-MM-DD") from None


def filters_from_args(con, args) -> Filters:
    """The period and filters of a command (kpis, report): --from/--to, programme to date where
    left out; --programme, --buyer, --supplier, --country, --category."""
    date_from = parse_day(args.date_from, "--from") if args.date_from else None
    date_to = parse_day(args.date_to, "--to") if args.date_to else None
    if date_from and date_to and date_from > date_to:
        raise ValueError(f"--from {date_from} is after --to {date_to}")
    first_day, last_day = data_span(con)
    default_from, default_to = preset_period(
        "programme_to_date", reference_day(last_day, date.today()), first_day
    )
    date_from, date_to = date_from or default_from, date_to or default_to
    if date_from > date_to:
        raise ValueError(f"--from {date_from} is after --to {date_to}")
    return Filters(
        date_from,
        date_to,
        programmes=tuple(args.programme),
        buyers=tuple(args.buyer),
        suppliers=tuple(args.supplier),
        countries=tuple(args.country),
        categories=tuple(args.category),
    )


def run_kpis(args) -> int:
    con = open_database(args.db)
    try:
        filters = filters_from_args(con, args)
        values = scalar_kpis(con, filters)
    finally:
        con.close()
    date_from, date_to = filters.date_from, filters.date_to
    if args.json:
        period = {"from": date_from.isoformat(), "to": date_to.isoformat()}
        print(json.dumps({"period": period, "kpis": values}, ensure_ascii=False, default=str))
    else:
        print(f"KPIs from {date_from} to {date_to}")
        for kpi_id, value in values.items():
            name = BY_ID[kpi_id].name if kpi_id in BY_ID else kpi_id
            print(f"  {kpi_id:<16} {name:<40} {_text(value)}")
    return 0


def _text(value) -> str:
    if value is None:
        return "no data"
    if isinstance(value, float):
        return f"{value:.1f}"
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_text(v)}" for k, v in value.items()) or "none"
    return str(value)
