"""Period presets, the previous period and quarter helpers, by hand."""

from datetime import date

import pytest

from engagement.filters import Filters, preset_period, quarter_end, quarter_label, quarter_start


@pytest.mark.parametrize(
    ("preset", "today", "expected"),
    [
        ("last_quarter", date(2025, 3, 31), (date(2025, 1, 1), date(2025, 3, 31))),
        ("last_quarter", date(2025, 3, 30), (date(2024, 10, 1), date(2024, 12, 31))),
        ("last_quarter", date(2025, 1, 1), (date(2024, 10, 1), date(2024, 12, 31))),
        ("last_12_months", date(2025, 3, 31), (date(2024, 4, 1), date(2025, 3, 31))),
        ("last_12_months", date(2024, 2, 29), (date(2023, 3, 2), date(2024, 2, 29))),
        ("programme_to_date", date(2025, 3, 31), (date(2023, 4, 3), date(2025, 3, 31))),
    ],
)
def test_preset_periods(preset, today, expected):
    assert preset_period(preset, today, date(2023, 4, 3)) == expected


def test_previous_of_twelve_months_is_the_twelve_months_before():
    previous = Filters(date(2024, 4, 1), date(2025, 3, 31)).previous_period()
    assert (previous.date_from, previous.date_to) == (date(2023, 4, 1), date(2024, 3, 31))


def test_quarters():
    assert quarter_start(date(2024, 8, 15)) == date(2024, 7, 1)
    assert quarter_end(date(2024, 8, 15)) == date(2024, 9, 30)
    assert quarter_end(date(2024, 11, 1)) == date(2024, 12, 31)
    assert quarter_label(date(2024, 11, 1)) == "2024 Q4"


def test_filters_become_query_parameters():
    params = Filters(date(2024, 1, 1), date(2024, 12, 31), suppliers=("A",)).params(target_days=90)
    assert params["filters"]["suppliers"] == ["A"] and params["filters"]["buyers"] == []
    assert params["target_days"] == 90


def test_previous_of_a_quarter_is_the_previous_quarter():
    previous = Filters(date(2025, 1, 1), date(2025, 3, 31)).previous_period()
    assert (previous.date_from, previous.date_to) == (date(2024, 10, 1), date(2024, 12, 31))


def test_previous_of_a_period_of_days_has_as_many_days():
    previous = Filters(date(2024, 3, 10), date(2024, 3, 19)).previous_period()
    assert (previous.date_from, previous.date_to) == (date(2024, 2, 29), date(2024, 3, 9))


def test_reference_day_is_the_end_of_the_latest_month_but_never_after_today():
    from engagement.filters import reference_day

    assert reference_day(date(2025, 3, 22), date(2026, 11, 22)) == date(2025, 3, 31)
    assert reference_day(date(2024, 12, 5), date(2026, 1, 1)) == date(2024, 12, 31)
    assert reference_day(date(2026, 11, 20), date(2026, 11, 22)) == date(2026, 11, 22)
    assert reference_day(None, date(2026, 11, 22)) == date(2026, 11, 22)
