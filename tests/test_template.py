"""The template workbook (engagement.ingest.template): generated from tables.py, read back by the importer."""

import io
from datetime import datetime

import openpyxl
import pytest
from openpyxl.utils import column_index_from_string, get_column_letter

from engagement.cli import main
from engagement.ingest import import_file, values
from engagement.ingest.header import labels, table_by_headers, table_by_name
from engagement.ingest.template import DATE_FORMAT, choices, sheet_name, template_workbook
from engagement.ingest.words import fold
from engagement.tables import TABLES
from engagement.vocabulary import ENUMERATIONS, MEETING_TOPICS

LANGS = ["en", "nl"]


def _open(lang: str) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(template_workbook(lang)))


def _dropdowns(sheet) -> dict[int, list[str]]:
    """Column number -> the values of its dropdown."""
    found = {}
    for validation in sheet.data_validations.dataValidation:
        assert validation.type == "list"
        letter = str(validation.sqref).split(":")[0].rstrip("0123456789")
        found[column_index_from_string(letter)] = validation.formula1.strip('"').split(",")
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_instructions_then_one_sheet_per_table(lang):
    """The workbook opens; instructions come first, then every table under a name the importer matches."""
    workbook = _open(lang)
    assert workbook.sheetnames[0] == {"en": "Instructions", "nl": "Instructies"}[lang]
    assert workbook.sheetnames[1:] == [sheet_name(t, lang) for t in TABLES.values()]
    for table in TABLES.values():
        assert table_by_name(sheet_name(table, lang)) is table
    if lang == "en":
        assert workbook.sheetnames[1:] == list(TABLES)


@pytest.mark.parametrize("lang", LANGS)
def test_instructions_sheet_is_never_read_as_a_table(lang):
    """No row of the instructions looks like a header row to the importer."""
    rows = [list(row) for row in _open(lang).worksheets[0].iter_rows(values_only=True)]
    assert table_by_headers(rows) is None
    assert table_by_name(_open(lang).sheetnames[0]) is None
    text = " ".join(str(c) for row in rows for c in row if c)
    assert "python -m engagement import" in text
    for table in TABLES.values():
        assert sheet_name(table, lang) in text


@pytest.mark.parametrize("lang", LANGS)
def test_headers_map_back_to_their_columns(lang):
    """Every header is the canonical name (en) or first Dutch synonym (nl) and the importer maps it back."""
    workbook = _open(lang)
    for table in TABLES.values():
        sheet = workbook[sheet_name(table, lang)]
        header = [cell.value for cell in sheet[1]]
        assert [labels(table.name)[fold(h)] for h in header] == table.column_names
        if lang == "en":
            assert header == table.column_names
        else:
            assert header == [c.synonyms[0] if c.synonyms else c.name for c in table.columns]
        assert sheet.freeze_panes == "A2"
        for position, column in enumerate(table.columns, start=1):
            cell = sheet.cell(1, position)
            assert bool(cell.font.b) == column.required, (table.name, column.name)
            assert cell.comment is not None
            assert cell.comment.text.startswith(
                {"en": ("Optional.", "Required."), "nl": ("Niet verplicht.", "Verplicht.")}[lang][
                    column.required
                ]
            )
            assert sheet.column_dimensions[get_column_letter(position)].width >= 12


@pytest.mark.parametrize("lang", LANGS)
def test_dropdowns_and_date_formats(lang):
    """Enumerations and yes/no columns have dropdowns the importer reads; date columns a date format."""
    workbook = _open(lang)
    for table in TABLES.values():
        sheet = workbook[sheet_name(table, lang)]
        dropdowns = _dropdowns(sheet)
        for position, column in enumerate(table.columns, start=1):
            letter = get_column_letter(position)
            if column.kind == "enum":
                offered = dropdowns.pop(position)
                assert [values.parse_enum(v, column.enum) for v in offered] == list(ENUMERATIONS[column.enum])
            elif column.kind == "bool":
                offered = dropdowns.pop(position)
                assert offered == {"en": ["yes", "no"], "nl": ["ja", "nee"]}[lang]
                assert [values.parse_bool(v) for v in offered] == [True, False]
            if column.kind == "date":
                assert sheet.column_dimensions[letter].number_format == DATE_FORMAT[lang]
        assert dropdowns == {}, table.name  # no dropdown on other columns


def test_dutch_dropdowns_offer_dutch_words():
    """The Dutch template offers the first Dutch word, not the English value."""
    step = TABLES["escalations"].column("step")
    assert choices(step, "nl")[:3] == ["dialoog", "verbeterplan", "extern advies"]
    category = TABLES["grievances"].column("category")
    assert "gezondheid en veiligheid" in choices(category, "nl")
    assert choices(category, "en") == list(ENUMERATIONS["grievance_category"])


def _fill(lang: str) -> tuple[bytes, dict[str, int]]:
    """The template with valid rows in every sheet (one per dropdown value); table -> rows written."""
    workbook = _open(lang)
    written = {}
    topic_word = "policy" if lang == "en" else MEETING_TOPICS["policy"][1][0]
    for table in TABLES.values():
        sheet = workbook[sheet_name(table, lang)]
        options = {c.name: choices(c, lang) for c in table.columns if choices(c, lang)}
        count = max([len(o) for o in options.values()] or [1])
        for i in range(count):
            sheet.append([_value(table.name, column, i, options, topic_word) for column in table.columns])
        written[table.name] = count
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue(), written


def _value(table_name, column, i, options, topic_word):
    if column.name in options:
        return options[column.name][i % len(options[column.name])]
    if column.name == "supplier" or column.refers_to == "suppliers":
        return "Acme Buses"
    if column.name == "buyer" or column.refers_to == "buyers":
        return "City of Havenstad"
    kind = column.kind
    if kind == "date":
        return datetime(2024, 3, 1 + i)
    if kind == "int":
        low = int(column.minimum or 0)
        span = int(column.maximum) - low + 1 if column.maximum is not None else 10
        return low + i % span if table_name != "report_assessments" or column.name != "year" else 2020 + i
    if kind == "number":
        return 1250.5
    if kind == "topics":
        return topic_word
    return f"{column.name} {i + 1}"


@pytest.mark.parametrize("lang", LANGS)
def test_filled_template_imports_every_row(db, lang):
    """One valid row per dropdown value in every sheet: all accepted, enumerations stored as canonical values."""
    data, written = _fill(lang)
    report = import_file(db, (f"template_{lang}.xlsx", data), programme="Bus")
    assert report.fatal is None and report.errors == [], report.errors
    assert report.exit_code == 0
    for table_name, count in written.items():
        assert report.tables[table_name]["accepted"] == count, table_name
        assert report.tables[table_name]["inserted"] == count, table_name
    assert not [w for w in report.warnings if "new supplier" in w or "new buyer" in w]
    skipped = [w for w in report.warnings if "matches no table" in w]
    assert len(skipped) == 1 and repr(_open(lang).sheetnames[0]) in skipped[0]  # the instructions only
    stored = db.execute("select distinct category from grievances").fetchall()
    assert {c for (c,) in stored} == set(ENUMERATIONS["grievance_category"])
    steps = db.execute("select distinct step from escalations").fetchall()
    assert {s for (s,) in steps} == set(ENUMERATIONS["escalation_step"])
    flags = db.execute("select distinct hredd_clauses from contracts").fetchall()
    assert {f for (f,) in flags} == {True, False}
    assert db.execute("select topics from meetings limit 1").fetchone()[0] == ["policy"]


@pytest.mark.parametrize("lang", LANGS)
def test_empty_template_imports_nothing_without_error(db, lang):
    """The template as downloaded: no rows, no errors."""
    report = import_file(db, ("template.xlsx", template_workbook(lang)))
    assert report.fatal is None and report.errors == []
    assert all(c["accepted"] == 0 for c in report.tables.values())


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="unknown language"):
        template_workbook("de")


def test_template_command_writes_the_workbook(tmp_path, capsys):
    """python -m engagement template --lang nl --out FILE."""
    out = tmp_path / "sjabloon.xlsx"
    assert main(["template", "--lang", "nl", "--out", str(out)]) == 0
    assert openpyxl.load_workbook(out).sheetnames[1] == "leveranciers"
    assert str(out) in capsys.readouterr().out
