"""The global filters: a period and five lists, turned into query parameters."""

from dataclasses import dataclass, field, replace
from datetime import date, timedelta


@dataclass(frozen=True)
class Filters:
    """A closed period [date_from, date_to] and the programme, buyer, supplier,
    country and product-category filters (an empty tuple means all)."""

    date_from: date
    date_to: date
    programmes: tuple[str, ...] = field(default=())
    buyers: tuple[str, ...] = field(default=())
    suppliers: tuple[str, ...] = field(default=())
    countries: tuple[str, ...] = field(default=())
    categories: tuple[str, ...] = field(default=())

    def params(self, **extra) -> dict:
        """Query parameters: $date_from, $date_to and the $filters struct."""
        return {
            "date_from": self.date_from,
            "date_to": self.date_to,
            "filters": {
                "programmes": list(self.programmes),
                "buyers": list(self.buyers),
                "suppliers": list(self.suppliers),
                "countries": list(self.countries),
                "categories": list(self.categories),
            },
            **extra,
        }

    def as_of_end(self) -> "Filters":
        """These filters for a figure taken as of the period's last day, whatever its first: the
        period shrunk to that day, so one cached copy serves every period ending then."""
        return replace(self, date_from=self.date_to)

    def previous_period(self) -> "Filters":
        """The period of equal length that ends the day before this one starts.

        Whole calendar months compare with as many whole months before (a quarter with the
        previous quarter, 12 months with the 12 before); other periods with as many days.
        """
        new_to = self.date_from - timedelta(days=1)
        months = _whole_months(self.date_from, self.date_to)
        if months:
            start_index = self.date_from.year * 12 + self.date_from.month - 1 - months
            return replace(self, date_from=date(start_index // 12, start_index % 12 + 1, 1), date_to=new_to)
        return replace(self, date_from=new_to - (self.date_to - self.date_from), date_to=new_to)


def _whole_months(first: date, last: date) -> int:
    """How many calendar months [first, last] spans exactly; 0 when it is not whole months."""
    if first.day != 1 or (last + timedelta(days=1)).day != 1:
        return 0
    return (last.year - first.year) * 12 + last.month - first.month + 1


def quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def quarter_end(day: date) -> date:
    start = quarter_start(day)
    next_start = date(start.year + (start.month == 10), (start.month + 2) % 12 + 1, 1)
    return next_start - timedelta(days=1)


def quarter_label(day: date) -> str:
    """'2024 Q3'."""
    return f"{day.year} Q{(day.month - 1) // 3 + 1}"


def as_of_period_end(figure):
    """Marks a KPI function whose figure is taken as of the period's last day, its first day
    changing nothing: engagement.app.figures keeps one cached copy for every period ending that
    day (the last 12 months and the programme to date, say). Each marked function's test checks
    it gives the same rows whatever the first day (tests/test_kpis_traceability.py)."""
    figure.keyed_by_period_end = True
    return figure


def per_distinct_day(days, write):
    """write(day) for each day of a column (a pandas Series), called once per distinct day:
    a supplier-by-quarter table has thousands of rows and a few dozen quarters, and calling it
    per row was most of the Dialogue page's Python time."""
    return days.map({day: write(day) for day in days.drop_duplicates()})


def reference_day(last_day: date | None, today: date) -> date:
    """The day the period presets end on: the end of the month of the latest event in the
    data, or today if that is earlier, so an archive opens on its own latest months."""
    if last_day is None:
        return today
    month_end = date(last_day.year + last_day.month // 12, last_day.month % 12 + 1, 1) - timedelta(days=1)
    return min(month_end, today)


PERIOD_PRESETS = ("last_quarter", "last_12_months", "programme_to_date", "custom")


def preset_period(preset: str, today: date, first_day: date | None) -> tuple[date, date]:
    """The period a preset means, given today's date and the earliest date in the data.

    last_quarter: the last complete calendar quarter (ending today at the latest); last_12_months: the twelve months
    ending today; programme_to_date: from the first dated row to today.
    """
    if preset == "last_quarter":
        end = today if today == quarter_end(today) else quarter_start(today) - timedelta(days=1)
        return quarter_start(end), end
    if preset == "last_12_months":
        start = date(today.year - 1, today.month, 1) + timedelta(days=today.day)
        return start, today
    if preset == "programme_to_date":
        return (first_day or today), today
    raise ValueError(f"unknown period preset {preset!r}")
