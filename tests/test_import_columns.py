"""The importer's column paths (engagement.ingest.columns, lists, names, delimited, store):
whole columns give exactly what the single-cell rules give, row by row."""

import csv
import io
import random
from datetime import date

import openpyxl
import pyarrow as pa
import pytest

from engagement import store
from engagement.ingest import import_file, lists, values
from engagement.ingest.columns import Cells
from engagement.ingest.delimited import read_delimited
from engagement.tables import TABLES

TRICKY_CSV = [
    "a;b;c\n\n\n1;2;3\n4;5;6\n",  # blank lines right below the header
    'a;b;c\n1;"x\ny";3\n"4""";5;"6;7"\n',  # quoted line breaks, quotes, delimiters
    "a;b;c\r\n1;2;3\r\n  ;  ;  \r\n4;5;6",  # CRLF, a blank row of spaces, no final line break
    "a;b;c\n1;2;3\n4;5\n6;7;8;9\n",  # rows shorter and longer than the first
    "a;b;c\n1;2;3\n   \n4;5;6\n",  # a line of spaces only
    "Titel;;\n\na;b;c\n1;2;3\n",  # title rows above the header
]


def _as_rows(table: pa.Table) -> list[list]:
    columns = [column.to_pylist() for column in table.columns]
    return [list(row) for row in zip(*columns, strict=True)]


def _padded(rows: list[list], width: int) -> list[list]:
    return [row + [None] * (width - len(row)) for row in rows]


@pytest.mark.parametrize("text", TRICKY_CSV)
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_arrow_columns_match_the_csv_module(text, encoding):
    """Below any header row, the columns read by Arrow hold exactly the rows the csv module reads."""
    sheet = read_delimited("x.csv", text.encode(encoding))
    for header_index in range(len(sheet.head)):
        rows = sheet.rows_after(header_index)
        table = sheet.columns_after(header_index)
        width = max([table.num_columns, *(len(row) for row in rows)])
        expected = [row for row in _padded(rows, width) if any(cell is not None for cell in row)]
        got = [row for row in _padded(_as_rows(table), width) if any(cell is not None for cell in row)]
        assert got == expected
        if expected:  # blank rows are kept too: every row keeps its place, so row numbers stay exact
            assert table.num_rows == len(rows)


CELLS = [
    "a; b;c",
    "a, b",
    "a | b",
    "a\nb\r\nc",
    "VDL Bus & Coach, Inc.; Arriva",
    "a;;a; ",
    " x ,y,, x",
    "Beleid; risicoanalyse, KPI's",
    "Plan van aanpak, Lunch",
    "audit;AUDIT;audit",
    "Café  Noël ;\tcafé noël",
    "solo",
]


def test_lists_match_parse_list_and_parse_topics():
    """Splitting whole columns gives parse_list and parse_topics of every cell, blanks staying blank."""
    rng = random.Random(7)
    cells = [rng.choice([*CELLS, None, "  "]) for _ in range(500)]
    column = Cells.from_objects(cells)
    plain = lists.unique_items(lists.split_lists(column)).to_pylist()
    topics = lists.topics(lists.split_lists(column, commas=True)).to_pylist()
    for cell, got_list, got_topics in zip(cells, plain, topics, strict=True):
        blank = values.is_blank(cell)
        assert got_list == (None if blank else values.parse_list(cell) or None)
        assert got_topics == (None if blank else values.parse_topics(cell) or None)


def test_row_keys_match_row_key():
    """The key of every row, computed for the whole column, is store.row_key of that row."""
    table = TABLES["meetings"]
    rng = random.Random(3)
    records = [
        {
            "meeting_id": rng.choice([None, "", "M-1", " m-1 ", "Straße 7", "a\tb", "ＡＢ"]),
            "date": rng.choice([None, date(2024, 3, 31), date(2023, 1, 5)]),
            "supplier": rng.choice([None, "Acme  BV", "ACME bv", "Café", "İstanbul"]),
            "type": rng.choice(["dialogue", "site_visit"]),
            "programme": rng.choice(["Bus", " BUS ", "Rail"]),
        }
        for _ in range(300)
    ]
    rows = store.records_table(table, "Default", records)
    expected = [store.row_key(table, r["programme"], r) for r in records]
    assert store.row_keys(table, rows).to_pylist() == expected


def test_previous_rows_finds_each_earlier_row_with_the_key():
    assert store.previous_rows(pa.array(["a", "b", "c"])) is None
    assert store.previous_rows(pa.array(["a", "b", "a", "a", "b"])).tolist() == [-1, -1, 0, 2, 1]


def test_new_names_are_created_in_the_order_rows_meet_them(db, tmp_path):
    """Per distinct name, yet as row by row: the first spelling met is created, reported in order."""
    text = (
        "datum;leverancier;inkopers\n"
        "01-01-2024;Bèta;Rijk; Gemeente A\n"
        "02-01-2024;ACME  bv;gemeente a\n"
        "03-01-2024;Acme BV;Provincie\n"
        "gisteren;Verworpen;Verworpen inkoper\n"
    ).replace(";Rijk; Gemeente A", ';"Rijk; Gemeente A"')
    path = tmp_path / "bijeenkomsten.csv"
    path.write_text(text, encoding="utf-8")
    report = import_file(db, path, programme="P")
    created = [w for w in report.warnings if w.startswith("new ")]
    assert created == [
        "new supplier 'Bèta' added to programme 'P' (not yet known)",
        "new buyer 'Rijk' added to programme 'P' (not yet known)",
        "new buyer 'Gemeente A' added to programme 'P' (not yet known)",
        "new supplier 'ACME bv' added to programme 'P' (not yet known)",
        "new buyer 'Provincie' added to programme 'P' (not yet known)",
    ]  # the rejected row (row 5) creates nothing
    stored = db.execute("select supplier, buyers from meetings order by date").fetchall()
    assert stored == [
        ("Bèta", ["Rijk", "Gemeente A"]),
        ("ACME bv", ["Gemeente A"]),
        ("ACME bv", ["Provincie"]),
    ]


def test_same_key_in_two_sheets_names_both(db, tmp_path):
    workbook = openpyxl.Workbook()
    first = workbook.active
    first.title = "Overleggen"
    first.append(["Id", "Datum", "Leverancier"])
    first.append(["M1", "2024-01-01", "Acme"])
    second = workbook.create_sheet("Gesprekken")
    second.append(["Id", "Datum", "Leverancier"])
    second.append(["m1", "2024-02-01", "Acme"])
    path = tmp_path / "twee.xlsx"
    workbook.save(path)
    report = import_file(db, path)
    assert (
        "meetings: sheet 'Overleggen' row 2 and sheet 'Gesprekken' row 2 have the same key "
        "(meeting_id m1); row 2 is kept"
    ) in report.warnings
    assert report.tables["meetings"]["inserted"] == 1
    assert db.execute("select date from meetings").fetchall() == [(date(2024, 2, 1),)]


def test_extra_columns_as_json_dumps_writes_them(db):
    """Unknown columns are kept as JSON exactly as json.dumps writes the row's dict."""
    rows = [["M1", "2024-01-01", "Acme", 'a "quoted" \\ value', "Één"], ["M2", "2024-01-02", "Acme", "", ""]]
    buffer = io.StringIO()
    csv.writer(buffer).writerows([["meeting_id", "date", "supplier", "Kleur", "Opmerking intern"], *rows])
    import_file(db, ("meetings.csv", buffer.getvalue().encode()))
    extra = db.execute("select extra from meetings order by meeting_id").fetchall()
    assert extra == [
        ('{"Kleur": "a \\"quoted\\" \\\\ value", "Opmerking intern": "\\u00c9\\u00e9n"}',),
        (None,),
    ]
