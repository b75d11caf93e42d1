"""Parsing single cells by column kind (engagement.ingest.values)."""

from datetime import date, datetime

import pytest

from engagement.ingest import values
from engagement.ingest.values import BadValue
from engagement.ingest.words import fold
from engagement.vocabulary import ENUMERATIONS


@pytest.mark.parametrize("cell", ["true", "Yes", "y", "JA", "j", "waar", "1", "x", "X", True, 1.0])
def test_true_words(cell):
    """Every documented spelling of yes reads as True."""
    assert values.parse_bool(cell) is True


@pytest.mark.parametrize("cell", ["false", "No", "n", "nee", "N", "onwaar", "0", False, 0.0])
def test_false_words(cell):
    """Every documented spelling of no reads as False."""
    assert values.parse_bool(cell) is False


def test_bool_error_says_what_is_allowed():
    """An unknown yes/no value is refused with the accepted words."""
    with pytest.raises(BadValue, match="ja/nee"):
        values.parse_bool("misschien")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2024-03-31", date(2024, 3, 31)),
        ("2024/3/31", date(2024, 3, 31)),
        ("31-03-2024", date(2024, 3, 31)),
        ("31/3/24", date(2024, 3, 31)),
        ("31.03.2024", date(2024, 3, 31)),
        ("1-2-2024", date(2024, 2, 1)),
        ("31-03-2024 14:05", date(2024, 3, 31)),
        ("2024-03-31T14:05:00Z", date(2024, 3, 31)),
        ("2024-03-31 00:00:00", date(2024, 3, 31)),
        ("45382", date(2024, 3, 31)),
        (45382.0, date(2024, 3, 31)),
        (45382.75, date(2024, 3, 31)),
        (datetime(2024, 3, 31, 9, 30), date(2024, 3, 31)),
        (date(2024, 3, 31), date(2024, 3, 31)),
    ],
)
def test_dates(cell, expected):
    """ISO, day-first with - / . and 2- or 4-digit years, Excel dates and serials, with or without time."""
    assert values.parse_date(cell) == expected


def test_month_first_when_asked():
    """A month-first column reads 3/31/2024 as 31 March, and refuses a day-first-only value."""
    assert values.parse_date("3/31/2024 2:00:00 PM", month_first=True) == date(2024, 3, 31)
    with pytest.raises(BadValue, match="month first"):
        values.parse_date("31/3/2024", month_first=True)


@pytest.mark.parametrize("cell", ["31-02-2024", "13-13-2024", "gisteren", "2024-3", "1234", True])
def test_not_dates(cell):
    """Impossible or unreadable dates are refused, with the accepted forms."""
    with pytest.raises(BadValue, match="not a date"):
        values.parse_date(cell)


def test_date_order_inference():
    """Month-first only when some value can only be month-first; a guess is flagged with an example."""
    assert values.infer_month_first(["3/31/2024", "4/1/2024"]) == (True, None)
    assert values.infer_month_first(["31/3/2024", "4/1/2024"]) == (False, None)
    assert values.infer_month_first(["4/1/2024", "5/5/2024"]) == (False, "4/1/2024")
    assert values.infer_month_first(["2024-04-01", "5/5/2024"]) == (False, None)
    # both orders seen: day first, and the month-first-only value is then an error per row
    assert values.infer_month_first(["31/3/2024", "3/31/2024"]) == (False, None)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("12,5", 12.5),
        ("12.5", 12.5),
        ("1.234,56", 1234.56),
        ("1,234.56", 1234.56),
        ("1.234.567", 1234567),
        ("1 234 567,5", 1234567.5),
        ("€ 1.500,00", 1500),
        ("85%", 85),
        ("85 %", 85),
        ("-3", -3),
        ("0,125", 0.125),
        ("1,500", 1500),  # no decimal separator known: a thousands separator
        ("1.500", 1500),
        ("1e-05", 0.00001),
        (7.0, 7.0),
        (3, 3.0),
    ],
)
def test_numbers(cell, expected):
    """Decimal comma or point, thousands separators, currency and percent signs."""
    assert values.parse_number(cell) == pytest.approx(expected)


def test_column_decimal_convention_decides_ambiguous_values():
    """In a column that uses a decimal comma, 1,500 is one and a half."""
    decimal, ambiguous = values.infer_decimal(["2,5", "1,500", "3"])
    assert (decimal, ambiguous) == (",", True)
    assert values.parse_number("1,500", decimal) == 1.5
    assert values.infer_decimal(["1,500", "2,000"]) == (None, True)


@pytest.mark.parametrize("cell", ["abc", "1,2,3", "12-3", "--5", True])
def test_not_numbers(cell):
    with pytest.raises(BadValue, match="not a number"):
        values.parse_number(cell)


def test_int_refuses_fractions():
    """An int column takes whole numbers (floats from workbooks included) and refuses 2.5."""
    assert values.parse_int("3") == 3
    assert values.parse_int(4.0) == 4
    assert isinstance(values.parse_int(4.0), int)
    assert values.parse_int("1.000") == 1000
    with pytest.raises(BadValue, match="whole number"):
        values.parse_int("2.5")
    with pytest.raises(BadValue, match="whole number"):
        values.parse_int("2,5")


def test_range_message():
    """Out-of-range values name the allowed range."""
    values.check_range(4, 0, 4)
    with pytest.raises(BadValue, match="0 to 4"):
        values.check_range(5, 0, 4)
    with pytest.raises(BadValue, match="0 or more"):
        values.check_range(-1, 0, None)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("a; b;c", ["a", "b", "c"]),
        ("a, b", ["a", "b"]),
        ("a | b", ["a", "b"]),
        ("a\nb\r\nc", ["a", "b", "c"]),
        ("VDL Bus & Coach, Inc.; Arriva", ["VDL Bus & Coach, Inc.", "Arriva"]),  # commas kept when ; is used
        ("a;;a; ", ["a"]),
    ],
)
def test_lists(cell, expected):
    assert values.parse_list(cell) == expected


@pytest.mark.parametrize(
    ("cell", "enum", "expected"),
    [
        ("dialogue", "meeting_type", "dialogue"),
        ("Market Event", "meeting_type", "market_event"),
        ("marktbijeenkomst", "meeting_type", "market_event"),
        ("Follow-up", "meeting_type", "follow_up"),
        ("SITE_VISIT", "meeting_type", "site_visit"),
        ("Ingebrekestelling", "escalation_step", "notice_of_default"),
        ("in herstel", "grievance_status", "in_remediation"),
        ("Health & Safety", "grievance_category", "health_safety"),
        ("zeer ernstig", "grievance_severity", "critical"),
    ],
)
def test_enumerations(cell, enum, expected):
    """Canonical values, listed words and obvious spellings."""
    assert values.parse_enum(cell, enum) == expected


def test_unknown_enum_lists_allowed_values():
    with pytest.raises(BadValue) as raised:
        values.parse_enum("koffie", "meeting_type")
    message = str(raised.value)
    assert "market_event (marktbijeenkomst" in message and "site_visit" in message


def test_enumeration_words_do_not_collide():
    """No folded word means two values of one enumeration."""
    for enum, words in ENUMERATIONS.items():
        folded = {}
        for canonical, synonyms in words.items():
            for word in (canonical, *synonyms):
                assert folded.setdefault(fold(word), canonical) == canonical, (enum, word)


def test_topics_map_to_canonical_and_keep_unknown():
    """Topic words become canonical topics; unknown topics are kept as written."""
    assert values.parse_topics("Beleid; risicoanalyse, KPI's") == ["policy", "risk_analysis", "kpis"]
    assert values.parse_topics("Plan van aanpak, Lunch") == ["action_plan", "Lunch"]
    assert values.unknown_topics(["policy", "Lunch"]) == ["Lunch"]


def test_text_from_workbook_numbers():
    """Whole numbers from workbooks read as text without '.0'."""
    assert values.parse_text(12345.0) == "12345"
    assert values.parse_text("  Acme  ") == "Acme"
