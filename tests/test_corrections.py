"""The corrections workbook (engagement.ingest.corrections): rejected rows out, fixed rows back in."""

import io

import openpyxl
import pytest

from engagement.cli import main
from engagement.db import open_database
from engagement.exports import restore_cell, safe_cell
from engagement.ingest import import_file
from engagement.ingest.corrections import (
    ERROR_COLUMN,
    NoRejectedRows,
    UnknownImport,
    column_order,
    rejected_rows_workbook,
)

HYPERLINK = '=HYPERLINK("http://x","y")'
# Row 2 is fine; row 3 has two errors and a formula in its notes; row 4 lacks its supplier;
# row 5 has a negative number of agreements and a note starting with a dash.
MEETINGS_CSV = (
    "Datum;Leverancier;Soort;Aantal afspraken;Opmerkingen;Kleur\n"
    "31-03-2024;Acme;dialoog;2;ok;rood\n"
    '31-02-2024;Acme;koffie;1;"=HYPERLINK(""http://x"",""y"")";\n'
    "01-04-2024;;dialoog;3;;blauw\n"
    "02-04-2024;Acme;dialoog;-1;- late;\n"
)


def _import_csv(con, tmp_path, text=MEETINGS_CSV, name="bijeenkomsten.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return import_file(con, path, programme="Bus")


def _sheet_rows(data: bytes, title: str) -> tuple[list, list[list]]:
    sheet = openpyxl.load_workbook(io.BytesIO(data))[title]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    return rows[0], rows[1:]


def test_rejected_rows_with_their_errors_and_values(db, tmp_path):
    """One row per rejected row, the file's columns in order, every problem in the error column."""
    report = _import_csv(db, tmp_path)
    assert report.tables["meetings"]["rejected"] == 3
    data = rejected_rows_workbook(db, report.import_id)
    assert openpyxl.load_workbook(io.BytesIO(data)).sheetnames == ["meetings"]
    header, rows = _sheet_rows(data, "meetings")
    assert header == [
        ERROR_COLUMN,
        "Datum",
        "Leverancier",
        "Soort",
        "Aantal afspraken",
        "Opmerkingen",
        "Kleur",
    ]
    errors = [r[0].split("\n") for r in rows]
    assert errors[0][0].startswith('Datum "31-02-2024": not a date')
    assert "allowed" in errors[0][0]
    assert errors[0][1].startswith('Soort "koffie": unknown meeting type; allowed: market_event')
    assert errors[1] == [
        "Leverancier: supplier is required unless the type is market_event (marktbijeenkomst)"
    ]
    assert errors[2][0].startswith('Aantal afspraken "-1": too small; allowed: 0 or more')
    assert [r[1:] for r in rows] == [
        ["31-02-2024", "Acme", "koffie", "1", "'" + HYPERLINK, None],
        ["01-04-2024", None, "dialoog", "3", None, "blauw"],
        ["02-04-2024", "Acme", "dialoog", "-1", "'- late", None],
    ]


def test_formulas_come_back_as_text(db, tmp_path):
    """A formula brought in by a file is written as text, never as a formula cell."""
    report = _import_csv(db, tmp_path)
    sheet = openpyxl.load_workbook(io.BytesIO(rejected_rows_workbook(db, report.import_id)))["meetings"]
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert all(cell.data_type != "f" for cell in cells)
    formula_cell = next(cell for cell in cells if "HYPERLINK" in str(cell.value))
    assert formula_cell.data_type == "s" and formula_cell.value == "'" + HYPERLINK


def _fix(data: bytes, delete_error_column: bool) -> bytes:
    """Correct the cells as a user would: a real date, a known type, the missing supplier, a count."""
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    sheet = workbook["meetings"]
    position = {cell.value: cell.column for cell in sheet[1]}
    sheet.cell(2, position["Datum"]).value = "29-02-2024"
    sheet.cell(2, position["Soort"]).value = "dialoog"
    sheet.cell(3, position["Leverancier"]).value = "Acme"
    sheet.cell(4, position["Aantal afspraken"]).value = 2
    if delete_error_column:
        sheet.delete_cols(1)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_fixed_rows_import_cleanly(db, tmp_path):
    """Fixed cells, error column deleted as the note says: every row accepted, nothing extra stored."""
    report = _import_csv(db, tmp_path)
    fixed = _fix(rejected_rows_workbook(db, report.import_id), delete_error_column=True)
    again = import_file(db, ("corrections.xlsx", fixed), programme="Bus")
    assert again.errors == [] and again.exit_code == 0
    assert again.tables["meetings"]["accepted"] == 3 and again.tables["meetings"]["inserted"] == 3
    stored = db.execute("select date, supplier, type, agreements, notes, extra from meetings order by date")
    rows = stored.fetchall()
    assert [(str(r[0]), r[1], r[2], r[3]) for r in rows] == [
        ("2024-02-29", "Acme", "dialogue", 1),
        ("2024-03-31", "Acme", "dialogue", 2),
        ("2024-04-01", "Acme", "dialogue", 3),
        ("2024-04-02", "Acme", "dialogue", 2),
    ]
    # The formula is stored as text; the ' added on export is undone by restore_cell.
    assert restore_cell(rows[0][4]) == HYPERLINK and restore_cell(rows[3][4]) == "- late"
    assert rows[2][5] == '{"Kleur": "blauw"}'  # the file's own extra column survives the round trip


def test_error_column_left_in_still_imports(db, tmp_path):
    """Leaving the error column in: the fixed rows are still accepted."""
    report = _import_csv(db, tmp_path)
    fixed = _fix(rejected_rows_workbook(db, report.import_id), delete_error_column=False)
    again = import_file(db, ("corrections.xlsx", fixed), programme="Bus")
    assert again.errors == [] and again.tables["meetings"]["accepted"] == 3


def test_error_column_left_in_is_not_stored(db, tmp_path):
    """The error column is not kept as extra data, and not reported as an unknown column."""
    report = _import_csv(db, tmp_path)
    fixed = _fix(rejected_rows_workbook(db, report.import_id), delete_error_column=False)
    again = import_file(db, ("corrections.xlsx", fixed), programme="Bus")
    extras = [e for (e,) in db.execute("select extra from meetings").fetchall() if e]
    assert not any(ERROR_COLUMN in e for e in extras)
    assert not any(ERROR_COLUMN in w for w in again.warnings)


def test_blank_required_cell_gets_a_column(db, tmp_path):
    """A required value missing from the row still gets a column to fill in."""
    text = "supplier,date,step\nAcme,2024-01-05,\nAcme,2024-02-05,boete\n"
    report = _import_csv(db, tmp_path, text, name="escalaties.csv")
    header, rows = _sheet_rows(rejected_rows_workbook(db, report.import_id), "escalations")
    assert header == [ERROR_COLUMN, "supplier", "date", "step"]
    assert rows == [["step: step is required", "Acme", "2024-01-05", None]]


def test_one_sheet_per_table_from_a_workbook(db):
    """Rejected rows of two sheets go to two sheets named after their tables."""
    workbook = openpyxl.Workbook()
    meetings = workbook.active
    meetings.title = "Overleggen"
    meetings.append(["Datum", "Leverancier", "Soort"])
    meetings.append(["gisteren", "Acme", "dialoog"])
    cases = workbook.create_sheet("Klachten")
    cases.append(["Zaaknummer", "Ontvangen op", "Ernst", "Tevredenheid"])
    cases.append(["K1", "2024-05-01", "erg", 9])
    cases.append(["K2", "2024-05-02", "hoog", 4])
    buffer = io.BytesIO()
    workbook.save(buffer)
    report = import_file(db, ("register.xlsx", buffer.getvalue()))
    data = rejected_rows_workbook(db, report.import_id)
    assert openpyxl.load_workbook(io.BytesIO(data)).sheetnames == ["meetings", "grievances"]
    header, rows = _sheet_rows(data, "grievances")
    assert header == [ERROR_COLUMN, "Zaaknummer", "Ontvangen op", "Ernst", "Tevredenheid"]
    assert len(rows) == 1 and rows[0][1:] == ["K1", "2024-05-01", "erg", 9]
    assert rows[0][0].startswith('Ernst "erg": unknown grievance severity')
    assert 'Tevredenheid "9": out of range; allowed: 1 to 5' in rows[0][0]


def test_column_order_from_rows_that_omit_blank_cells():
    """Each row keeps its order; what no row orders keeps the order first seen; cycles do not hang."""
    assert column_order([["a", "b", "c", "e"], ["a", "c", "d", "f"]]) == ["a", "b", "c", "e", "d", "f"]
    assert column_order([["b", "d"], ["a", "b", "c", "d"]]) == ["a", "b", "c", "d"]
    assert sorted(column_order([["a", "b"], ["b", "a"]])) == ["a", "b"]
    assert column_order([]) == []


def test_nothing_to_correct(db, tmp_path):
    """An import without rejected rows, and an import that does not exist, say so."""
    report = _import_csv(db, tmp_path, "Datum;Leverancier\n31-03-2024;Acme\n")
    with pytest.raises(NoRejectedRows, match="rejected no rows"):
        rejected_rows_workbook(db, report.import_id)
    with pytest.raises(UnknownImport, match="no import 99"):
        rejected_rows_workbook(db, 99)


def test_safe_cell():
    """Text a spreadsheet would run gets a leading '; plain numbers and other values stay as they are."""
    for risky in ("=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\rx", HYPERLINK):
        assert safe_cell(risky) == "'" + risky
        assert restore_cell(safe_cell(risky)) == risky
    for plain in ("Acme", "-1", "+31 20 555 0100", "-12,5%", "", 5, -1.5, None, True, "'quoted"):
        assert safe_cell(plain) == plain
        assert restore_cell(plain) == plain


def test_rejected_command(tmp_path, capsys):
    """python -m engagement rejected --import ID --out FILE --db PATH: 0 written, 2 unknown import."""
    db_path = tmp_path / "cli.duckdb"
    con = open_database(db_path)
    import_id = _import_csv(con, tmp_path).import_id
    con.close()
    out = tmp_path / "fix.xlsx"
    assert main(["rejected", "--import", str(import_id), "--out", str(out), "--db", str(db_path)]) == 0
    assert "Wrote 3 rejected rows" in capsys.readouterr().out
    assert openpyxl.load_workbook(out).sheetnames == ["meetings"]
    assert main(["rejected", "--import", "42", "--out", str(out), "--db", str(db_path)]) == 2
    assert "there is no import 42" in capsys.readouterr().err
