"""The text catalogue: every text in English and Dutch, the KPI catalogue translated, numbers
and dates written each language's way."""

import ast
import string
from datetime import date, datetime
from pathlib import Path

import pytest

from engagement import texts
from engagement.catalogue import AREAS, CATALOGUE
from engagement.kpis.scorecard import MEASURES, STATUS_ORDER
from engagement.texts import (
    TEXTS,
    default_language,
    format_change,
    format_date,
    format_datetime,
    format_kpi,
    format_number,
    format_period,
    format_quarter,
    text,
    word,
)
from engagement.vocabulary import ESCALATION_STEPS, GRIEVANCE_CATEGORIES, GRIEVANCE_CHANNELS, OECD_STEPS


def _placeholders(words: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(words) if name}


def test_every_key_has_english_and_dutch_with_the_same_placeholders():
    for key, languages in TEXTS.items():
        assert set(languages) == {"en", "nl"}, key
        assert all(isinstance(words, str) and words.strip() for words in languages.values()), key
        assert _placeholders(languages["en"]) == _placeholders(languages["nl"]), key


def test_every_catalogue_kpi_has_its_dutch_name_and_rule_and_the_catalogue_english():
    for kpi in CATALOGUE:
        assert TEXTS[f"kpi.{kpi.id}.name"]["en"] == kpi.name
        assert TEXTS[f"kpi.{kpi.id}.rule"]["en"] == kpi.rule
        assert TEXTS[f"kpi.{kpi.id}.name"]["nl"] != kpi.name or kpi.id == "D4", kpi.id
        assert TEXTS[f"kpi.{kpi.id}.rule"]["nl"] != kpi.rule or kpi.id == "D4", kpi.id
    assert set(texts.DUTCH_KPIS) == {kpi.id for kpi in CATALOGUE}  # no translation of a KPI that is gone


def test_every_word_a_report_shows_has_a_key():
    """Areas, scorecard measures, statuses, ladder steps, OECD steps, channels, categories, units, months."""
    keys = [f"area.{a}" for a in AREAS] + [f"sheet.{a}" for a in AREAS]
    keys += [f"measure.{m.kpi_id}" for m in MEASURES]
    keys += [f"status.{s}" for s in STATUS_ORDER] + [f"status.meaning.{s}" for s in STATUS_ORDER]
    keys += [f"step.{s}" for s in ESCALATION_STEPS] + [f"oecd.{n}" for n in OECD_STEPS]
    keys += [f"channel.{c}" for c in GRIEVANCE_CHANNELS] + [f"category.{c}" for c in GRIEVANCE_CATEGORIES]
    keys += [f"unit.{k.unit}" for k in CATALOGUE] + [f"month.{m}" for m in range(1, 13)]
    assert [key for key in keys if key not in TEXTS] == []


def test_dutch_ladder_steps_are_the_words_the_importer_reads():
    for step, words in ESCALATION_STEPS.items():
        dutch = text(f"step.{step}", "nl")
        assert dutch in words or dutch == step, step
        assert text(f"step.{step}", "en") == step.replace("_", " ")


def test_text_fills_placeholders_and_refuses_an_unknown_language():
    assert text("period.range", "nl", start="a", end="b") == "a t/m b"
    assert text("scorecard.was", "en", value="no") == "was no"
    with pytest.raises(ValueError, match="language"):
        text("yes", "de")
    with pytest.raises(KeyError):
        text("no.such.key", "en")
    assert word("step", "notice_of_default", "nl") == "ingebrekestelling"
    assert word("channel", "carrier pigeon", "nl") == "carrier pigeon"  # unknown: as stored


@pytest.mark.parametrize(
    ("value", "decimals", "sign", "english", "dutch"),
    [
        (1234.5, None, False, "1,234.5", "1.234,5"),
        (1234567, None, False, "1,234,567", "1.234.567"),
        (71.42857, 1, False, "71.4", "71,4"),
        (-1234.56, 1, False, "-1,234.6", "-1.234,6"),
        (12.4, 1, True, "+12.4", "+12,4"),
        (-0.04, 1, True, "0.0", "0,0"),  # no "-0.0"
        (0, 0, True, "0", "0"),
        (365.0, 0, True, "+365", "+365"),
        (None, None, False, "no data", "geen gegevens"),
        (float("nan"), 1, False, "no data", "geen gegevens"),
    ],
)
def test_numbers_the_english_and_the_dutch_way(value, decimals, sign, english, dutch):
    assert format_number(value, "en", decimals, sign) == english
    assert format_number(value, "nl", decimals, sign) == dutch


def test_dates_periods_and_quarters():
    assert format_date(date(2025, 3, 31), "en") == "31 March 2025"
    assert format_date(date(2025, 3, 31), "nl") == "31 maart 2025"
    assert format_date(None, "nl") == "geen gegevens"
    assert format_datetime(datetime(2025, 5, 1, 9, 5), "nl") == "1 mei 2025, 09:05"
    assert format_period(date(2024, 4, 1), date(2025, 3, 31), "nl") == "1 april 2024 t/m 31 maart 2025"
    assert format_quarter(date(2024, 8, 15), "en") == "2024 Q3"
    assert format_quarter(date(2024, 8, 15), "nl") == "2024 K3"


def test_kpi_values_and_changes_by_unit():
    assert format_kpi("D3", 71.428, "nl") == "71,4%"
    assert format_kpi("D5", 1234, "en") == "1,234 days"
    assert format_kpi("C5", 4, "nl") == "4,0 / 5"
    assert format_kpi("E1", "notice_of_default", "nl") == "ingebrekestelling"
    assert format_kpi("I7", None, "en") == "no data"
    assert format_change("T2", 12.5, "nl") == "+12,5 %-punt"
    assert format_change("D5", -126.0, "en") == "-126"
    assert format_change("I7", None, "en") == ""


@pytest.mark.parametrize(
    ("setting", "language"),
    [
        (None, "en"),
        ("nl", "nl"),
        ("NL", "nl"),
        ("nl_NL.UTF-8", "nl"),
        ("en-GB", "en"),
        ("de", "en"),
        ("", "en"),
    ],
)
def test_default_language_from_engagement_lang(setting, language):
    environ = {} if setting is None else {"ENGAGEMENT_LANG": setting}
    assert default_language(environ) == language


def test_the_catalogue_is_plain_python_the_pages_can_import():
    """No Streamlit in the text catalogue: the dashboard and the command line share it."""
    tree = ast.parse(Path(texts.__file__).read_text(encoding="utf-8"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not any(name.startswith("streamlit") for name in imported)
