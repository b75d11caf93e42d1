"""Parsing one cell by its column's kind (engagement.tables.SQL_TYPES).

Every parser takes a raw cell (str from text files; str, float, bool, date or
datetime from workbooks) and returns the parsed value or raises BadValue with a
message that says what is allowed. Blank cells never reach the parsers.
"""

import math
import re
from datetime import date, datetime, timedelta
from itertools import repeat

from engagement.ingest.words import fold
from engagement.vocabulary import ENUMERATIONS, MEETING_TOPICS


class BadValue(ValueError):
    """A cell that cannot be read as its column's kind; str(error) is the message for the user."""


def is_blank(cell) -> bool:
    if cell is None:
        return True
    if isinstance(cell, float):
        return math.isnan(cell)
    return isinstance(cell, str) and not cell.strip()


def display(cell) -> str | None:
    """The cell as a user would recognise it in a report."""
    if is_blank(cell):
        return None
    if isinstance(cell, datetime):
        return (
            cell.isoformat(sep=" ")
            if (cell.hour, cell.minute, cell.second) != (0, 0, 0)
            else str(cell.date())
        )
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell)


def to_json_value(cell):
    """The cell as a JSON value (for extra columns and rejected rows)."""
    if is_blank(cell):
        return None
    if isinstance(cell, bool | int | float | str):
        return cell
    return display(cell)


# --- text -----------------------------------------------------------------


def parse_text(cell) -> str:
    if isinstance(cell, str):
        return cell.strip()
    return display(cell)


# --- booleans --------------------------------------------------------------

TRUE_WORDS = {"true", "yes", "y", "ja", "j", "waar", "1", "x"}
FALSE_WORDS = {"false", "no", "n", "nee", "onwaar", "0"}


def parse_bool(cell) -> bool:
    if isinstance(cell, bool):
        return cell
    if isinstance(cell, int | float) and cell in (0, 1):
        return bool(cell)
    word = str(cell).strip().casefold().rstrip(".")
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise BadValue(
        "not a yes/no value; allowed: yes/no, ja/nee, j/n, y/n, true/false, waar/onwaar, 1/0, x for yes, blank for unknown"
    )


# --- numbers ----------------------------------------------------------------

_CURRENCY = re.compile(r"^(?:€|eur|\$|usd|£|gbp)\s*|\s*(?:€|eur|\$|usd|£|gbp)$", re.IGNORECASE)
_GROUPING_SPACE = re.compile(r"(?<=\d)[\s\u00a0\u202f'’](?=\d)")
_SCIENTIFIC = re.compile(r"^[+-]?\d+(?:\.\d+)?[eE][+-]?\d+$")
_DIGITS_AND_SEPARATORS = re.compile(r"^[+-]?(?:\d|[.,](?=\d))+$")


def _clean_number_text(text: str) -> str:
    text = text.strip()
    if text.endswith("%"):
        text = text[:-1].strip()  # 85% is 85
    text = _CURRENCY.sub("", text).strip()
    return _GROUPING_SPACE.sub("", text)


def decimal_evidence(cell) -> str | None:
    """The decimal separator a text number must be using, or None when it could be either."""
    if not isinstance(cell, str):
        return None
    text = _clean_number_text(cell).lstrip("+-")
    if "," in text and "." in text:
        return "," if text.rindex(",") > text.rindex(".") else "."
    for sep, other in ((",", "."), (".", ",")):
        if sep in text:
            if text.count(sep) > 1:
                return other  # repeated: a thousands separator
            whole, _, fraction = text.partition(sep)
            if len(fraction) != 3 or whole in ("", "0") or len(whole) > 3:
                return sep
    return None


def infer_decimal(cells, counts: list[int] | None = None) -> tuple[str | None, bool]:
    """A column's decimal separator from its unambiguous values; and whether some value was ambiguous.

    `counts`, when given, says how many rows hold each of `cells` (their distinct values).
    """
    votes = {",": 0, ".": 0}
    ambiguous = False
    for cell, count in zip(cells, repeat(1) if counts is None else counts):  # noqa: B905
        if not isinstance(cell, str):
            continue
        evidence = decimal_evidence(cell)
        if evidence:
            votes[evidence] += count
        elif re.search(r"\d[.,]\d{3}$", _clean_number_text(cell)):
            ambiguous = True
    if votes[","] == votes["."]:
        return None, ambiguous
    return ("," if votes[","] > votes["."] else "."), ambiguous


def parse_number(cell, decimal: str | None = None) -> float:
    """A number with decimal comma or point and thousands separators; '85%' is 85.

    With no decimal separator known, a lone separator before exactly three digits
    (1.500 or 1,500) is read as a thousands separator.
    """
    if isinstance(cell, bool):
        raise BadValue("not a number")
    if isinstance(cell, int | float):
        return float(cell)
    text = _clean_number_text(str(cell))
    if _SCIENTIFIC.match(text):
        return float(text)
    if not _DIGITS_AND_SEPARATORS.match(text):
        raise BadValue("not a number; write digits with a decimal comma or point, e.g. 1500 or 12,5")
    sign = -1.0 if text.startswith("-") else 1.0
    digits = text.lstrip("+-")
    decimal = decimal_evidence(digits) or decimal or _thousands_free(digits)
    thousands = "." if decimal == "," else ","
    whole, _, fraction = digits.rpartition(decimal) if decimal in digits else (digits, "", "")
    if thousands in whole:
        if not re.fullmatch(rf"\d{{1,3}}(?:{re.escape(thousands)}\d{{3}})+", whole):
            raise BadValue("not a number: the thousands separators are misplaced")
        whole = whole.replace(thousands, "")
    if decimal in fraction or thousands in fraction or not whole + fraction:
        raise BadValue("not a number: more than one decimal separator")
    return sign * float(f"{whole or 0}.{fraction or 0}")


def _thousands_free(digits: str) -> str:
    # Neither evidence nor a column convention: "1,500" and "1.500" are both 1500.
    return "." if "," in digits else ","


def parse_int(cell, decimal: str | None = None) -> int:
    value = parse_number(cell, decimal)
    if not value.is_integer():
        raise BadValue("not a whole number")
    return int(value)


def check_range(value: float, minimum: float | None, maximum: float | None) -> None:
    """Raise BadValue when a number is outside the column's range (engagement.tables)."""
    low = minimum is not None and value < minimum
    high = maximum is not None and value > maximum
    if not (low or high):
        return
    if minimum is not None and maximum is not None:
        raise BadValue(f"out of range; allowed: {_num(minimum)} to {_num(maximum)}")
    if minimum is not None:
        raise BadValue(f"too small; allowed: {_num(minimum)} or more")
    raise BadValue(f"too large; allowed: {_num(maximum)} or less")


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


# --- dates ------------------------------------------------------------------

_TIME = (
    r"(?:[T ,]+\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?"
)
_YEAR_FIRST = re.compile(rf"^(\d{{4}})([-/.])(\d{{1,2}})\2(\d{{1,2}}){_TIME}$")
_DAY_OR_MONTH_FIRST = re.compile(rf"^(\d{{1,2}})([-/.])(\d{{1,2}})\2(\d{{4}}|\d{{2}}){_TIME}$")
_SERIAL = re.compile(r"^\d{5}(?:\.\d+)?$")
_EXCEL_EPOCH = date(1899, 12, 30)
# Serial numbers accepted as dates: 1950-01-01 .. 2100-12-31.
_SERIAL_RANGE = (18264, 73415)
DATE_HELP = "allowed: 2024-03-31, 31-03-2024, 31/3/24, 31.03.2024 (day first) or an Excel date"


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 70 else 1900
    return year


def _make_date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise BadValue(f"not a date (no day {day} in month {month} of {year}); {DATE_HELP}") from None


def _from_serial(serial: float) -> date:
    if not _SERIAL_RANGE[0] <= serial <= _SERIAL_RANGE[1]:
        raise BadValue(f"not a date; {DATE_HELP}")
    return _EXCEL_EPOCH + timedelta(days=int(serial))


def date_order(cell) -> str | None:
    """For an a-b-year text date: 'day' or 'month' when only that order fits, 'both', 'neither'; else None."""
    if not isinstance(cell, str):
        return None
    match = _DAY_OR_MONTH_FIRST.match(cell.strip())
    if not match:
        return None
    a, b = int(match.group(1)), int(match.group(3))
    day_first = 1 <= a <= 31 and 1 <= b <= 12
    month_first = 1 <= a <= 12 and 1 <= b <= 31
    if day_first and month_first:
        return "both" if a != b else None
    return "day" if day_first else "month" if month_first else "neither"


def infer_month_first(cells) -> tuple[bool, str | None]:
    """Whether a date column is month-first, and an example value when the order was a guess.

    Month-first only when some value can only be month-first and none can only be
    day-first; a column where every value fits both orders is read day-first.
    """
    orders = {"day": 0, "month": 0, "both": 0}
    example = None
    for cell in cells:
        order = date_order(cell)
        if order in orders:
            orders[order] += 1
            if order == "both" and example is None:
                example = cell.strip()
    if orders["month"] and not orders["day"]:
        return True, None
    if orders["both"] and not orders["day"] and not orders["month"]:
        return False, example
    return False, None


def parse_date(cell, month_first: bool = False) -> date:
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    if isinstance(cell, bool):
        raise BadValue(f"not a date; {DATE_HELP}")
    if isinstance(cell, int | float):
        return _from_serial(cell)
    text = str(cell).strip()
    match = _YEAR_FIRST.match(text)
    if match:
        return _make_date(int(match.group(1)), int(match.group(3)), int(match.group(4)))
    match = _DAY_OR_MONTH_FIRST.match(text)
    if match:
        a, b, year = int(match.group(1)), int(match.group(3)), _year(match.group(4))
        if month_first:
            if a > 12:
                raise BadValue(
                    f"not a date: this column is read month first (MM-DD-YYYY) and {a} is not a month"
                )
            return _make_date(year, a, b)
        if b > 12:
            raise BadValue(f"not a date: this column is read day first (DD-MM-YYYY) and {b} is not a month")
        return _make_date(year, b, a)
    if _SERIAL.match(text):
        return _from_serial(float(text))
    raise BadValue(f"not a date; {DATE_HELP}")


# --- lists, enumerations and topics ------------------------------------------


def parse_list(cell, commas: bool = False) -> list[str]:
    """Items separated by ; | or new lines; by commas too when `commas` or none of those is used.

    Names may hold commas ("VDL Bus & Coach, Inc."), so a list of names that uses
    semicolons keeps them.
    """
    text = parse_text(cell)
    if commas:
        parts = re.split(r"[;|,\n\r]+", text)
    elif re.search(r"[;|\n\r]", text):
        parts = re.split(r"[;|\n\r]+", text)
    else:
        parts = text.split(",")
    items = []
    for part in parts:
        item = " ".join(part.split())
        if item and item not in items:
            items.append(item)
    return items


def _enum_words(enum: str) -> dict[str, str]:
    words = {}
    for canonical, synonyms in ENUMERATIONS[enum].items():
        for word in (canonical, *synonyms):
            words.setdefault(fold(word), canonical)
    return words


ENUM_WORDS = {name: _enum_words(name) for name in ENUMERATIONS}


def allowed_values(enum: str) -> str:
    """'market_event (marktbijeenkomst, ...), dialogue (dialoog, ...)': the values and their words."""
    parts = []
    for canonical, synonyms in ENUMERATIONS[enum].items():
        dutch = [w for w in synonyms if fold(w) != fold(canonical)]
        parts.append(f"{canonical} ({', '.join(dutch)})" if dutch else canonical)
    return "; ".join(parts)


def parse_enum(cell, enum: str) -> str:
    found = ENUM_WORDS[enum].get(fold(parse_text(cell)))
    if found is None:
        raise BadValue(f"unknown {enum.replace('_', ' ')}; allowed: {allowed_values(enum)}")
    return found


TOPIC_WORDS = {
    fold(word): topic for topic, (_step, words) in MEETING_TOPICS.items() for word in (topic, *words)
}


def parse_topics(cell) -> list[str]:
    """Topic names or their words mapped to the canonical topic; unknown topics kept as written."""
    topics = []
    for item in parse_list(cell, commas=True):
        topic = TOPIC_WORDS.get(fold(item), item)
        if topic not in topics:
            topics.append(topic)
    return topics


def unknown_topics(topics: list[str]) -> list[str]:
    return [t for t in topics if t not in MEETING_TOPICS]
