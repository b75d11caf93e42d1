"""How one value of a report is written, by its kind, in the report's language; and the
scorecard's cells (a measure's value, its change and its status)."""

from engagement.kpis.scorecard import AMBER, GREEN, NO_STATUS, RED, Measure
from engagement.texts import (
    format_change,
    format_date,
    format_kpi,
    format_number,
    format_quarter,
    is_missing,
    text,
    word,
)

# Kinds of table values: how many decimals a number gets; the others are words or dates.
DECIMALS = {"count": 0, "days": 0, "number": 1, "percent": 1}
WORD_KINDS = ("step", "channel", "category", "oecd", "tier")

# The symbol says what the colour says, so a status reads without colour (and in print).
STATUS_SYMBOLS = {GREEN: "✓", AMBER: "!", RED: "✗", NO_STATUS: "–"}
# Okabe-Ito tints (safe for the common colour blindnesses) behind dark text.
STATUS_TINTS = {GREEN: "cdeee3", AMBER: "fbe5b6", RED: "f6cfb8", NO_STATUS: None}


def display(kind: str, value, lang: str) -> str:
    """A table value as text: numbers and dates the language's way, list values in its words."""
    if is_missing(value):
        return "" if kind == "text" else text("no_data", lang)
    if kind in DECIMALS:
        return format_number(value, lang, DECIMALS[kind])
    if kind == "date":
        return format_date(value, lang)
    if kind == "quarter":
        return format_quarter(value, lang)
    if kind == "yesno":
        return text("yes" if value else "no", lang)
    if kind in WORD_KINDS:
        return word(kind, value, lang)
    return str(value)


def status_label(status: str, lang: str) -> str:
    """'✓ green', '! oranje': the status symbol and word."""
    return f"{STATUS_SYMBOLS[status]} {text(f'status.{status}', lang)}"


def measure_text(measure: Measure, value, lang: str) -> str:
    """A scorecard value as text: yes/no for D2, the step's name for E1, else the KPI's format."""
    if measure.kpi_id == "D2":
        return text("yes" if value else "no", lang)
    return format_kpi(measure.kpi_id, None if is_missing(value) else value, lang)


def change_text(measure: Measure, change, lang: str) -> str:
    """A scorecard change as text: 'was no' for D2 and E1 when it differs, else +/- the difference."""
    if is_missing(change):
        return ""
    if measure.kpi_id in ("D2", "E1"):
        return text("scorecard.was", lang, value=measure_text(measure, change, lang))
    return format_change(measure.kpi_id, change, lang)
