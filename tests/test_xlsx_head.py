"""The quick head reader (engagement.ingest.xlsx_head) gives what fastexcel gives, or nothing.

Each workbook here is read both ways: for every sheet the quick reader answers, its rows
and height must equal fastexcel's (rows compared without trailing blank columns, since
fastexcel makes every row as wide as the whole sheet). Sheets it must not answer for
(data right of column A, elapsed times, 1904 dates) are checked to be left to fastexcel.
"""

import io
from datetime import date, datetime, time, timedelta
from pathlib import Path

import fastexcel
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from test_import_fuzz import mutated_workbooks, typed_workbooks

from engagement.ingest.read import HEAD_ROWS, ReadError
from engagement.ingest.workbook import _head
from engagement.ingest.xlsx_head import read_heads

ROOT = Path(__file__).resolve().parents[1]
REALDATA = ROOT.parent / "shared" / "realdata"


def _trimmed(rows: list[list]) -> list[list]:
    trimmed = []
    for row in rows:
        row = list(row)
        while row and row[-1] is None:
            row.pop()
        trimmed.append(row)
    return trimmed


def _agree(data: bytes) -> dict:
    """Compare both readers on every sheet the quick reader answers; return what it answered."""
    heads = read_heads(data)
    reader = fastexcel.read_excel(data)
    for name, (rows, height) in heads.items():
        expected_rows, expected_height = _head(name, reader, name)
        assert _trimmed(rows) == _trimmed(expected_rows), name
        if height is None:
            assert expected_height > HEAD_ROWS, name
        else:
            assert height == expected_height, name
    return heads


def _workbook(fill) -> bytes:
    book = openpyxl.Workbook()
    fill(book.active)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_every_kind_of_cell_reads_as_fastexcel_reads_it():
    def fill(sheet):
        sheet.append(["Overzicht gesprekken 2024"])
        sheet.append([])
        sheet.append(["Datum", "Leverancier", "Aantal", "Bedrag", "Gedaan", "Tijd", "Leeg", "Formule"])
        sheet.append([datetime(2024, 3, 5), "Ebusco", 3, 2, True, datetime(2024, 3, 5, 13, 5), "", "=1+1"])
        sheet.append([date(2024, 3, 6), "  VDL ", -3, 1.0, False, None, None, None])
        sheet.append([45000, "1e5", 1.5e15, 2**31, 12345678, 0, -0.0, 2**53 - 1])
        sheet.append([CellRichText("Rijk ", TextBlock(InlineFont(b=True), "opgemaakt")), "Café", "émoji 🚌"])
        sheet["B9"] = "#N/A"
        sheet["B9"].data_type = "e"
        sheet["C10"] = 1
        sheet["C10"].number_format = "0%"
        sheet["D10"] = 1234
        sheet["D10"].number_format = "#,##0.00"
        sheet["E10"] = datetime(2023, 12, 31)
        sheet["E10"].number_format = "dd-mm-yyyy"
        sheet["F10"] = datetime(2023, 12, 31)
        sheet["F10"].number_format = "[$-413]d mmmm yyyy;@"

    heads = _agree(_workbook(fill))
    assert "Sheet" in heads  # answered, not left to fastexcel


def test_a_tall_sheet_reads_its_head_only_and_says_it_is_taller():
    def fill(sheet):
        sheet.append(["Datum", "Leverancier"])
        for day in range(1, 200):
            sheet.append([datetime(2023, 1, 1) + timedelta(days=day), f"Leverancier {day}"])

    heads = _agree(_workbook(fill))
    rows, height = heads["Sheet"]
    assert height is None and len(rows) == HEAD_ROWS
    assert rows[1] == ["2023-01-02 00:00:00", "Leverancier 1"]


def test_blank_rows_between_the_head_and_the_data_below():
    def fill(sheet):
        sheet["A1"] = "Titel"
        sheet["A30"] = "below the head"

    heads = _agree(_workbook(fill))
    assert heads["Sheet"][1] is None


@pytest.mark.parametrize(
    "fill",
    [
        lambda s: (s.__setitem__("C3", "data right of column A"), s.__setitem__("B40", "x")),
        lambda s: (s.append(["duur"]), s.append([timedelta(hours=30)])),
        lambda s: (s.append(["ms"]), s.append([datetime(2024, 1, 1, 12, 0, 0, 500_000)])),
        lambda s: (s.append(["groot"]), s.append([2**63])),
        lambda s: (s.append(["bedrag"]), s.append([16002536.9049])),
    ],
    ids=["right-of-column-a", "elapsed-time", "fractions-of-seconds", "past-2**53", "fraction"],
)
def test_what_it_cannot_render_exactly_is_left_to_fastexcel(fill):
    assert "Sheet" not in _agree(_workbook(fill))


def test_times_of_day_and_the_first_days_of_1900():
    def fill(sheet):
        sheet.append(["tijd", "vroeg", "maart 1900"])
        sheet.append([time(13, 5), datetime(1900, 1, 5), datetime(1900, 3, 1, 8, 30)])

    rows, _ = _agree(_workbook(fill))["Sheet"]
    assert rows[1] == ["1899-12-31 13:05:00", "1900-01-05 00:00:00", "1900-03-01 08:30:00"]


def test_1904_dates_are_left_to_fastexcel():
    book = openpyxl.Workbook()
    book.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    book.active.append(["Datum"])
    book.active.append([datetime(2024, 1, 1)])
    buffer = io.BytesIO()
    book.save(buffer)
    assert read_heads(buffer.getvalue()) == {}


def test_the_sample_workbook_and_real_workbooks():
    answered = _agree((ROOT / "sample_data" / "levp_sample.xlsx").read_bytes())
    assert len(answered) >= 5
    for path in sorted(REALDATA.rglob("*.xlsx")):
        _agree(path.read_bytes())


# Random workbooks from the importer's fuzz test: cells of every type Excel stores, and
# workbooks with one part damaged. Wherever the quick reader answers, it agrees.
AGREE = settings(
    max_examples=100,
    deadline=None,
    derandomize=True,  # the same examples on every run
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@AGREE
@given(typed_workbooks())
def test_agrees_on_workbooks_with_cells_of_every_type(file):
    _agree(file[1])


@AGREE
@given(mutated_workbooks())
def test_agrees_or_leaves_damaged_workbooks_to_fastexcel(file):
    heads = read_heads(file[1])
    try:
        reader = fastexcel.read_excel(file[1])
    except BaseException:  # noqa: BLE001 - fastexcel refuses the file, and the importer says so
        return
    for name, (rows, _height) in heads.items():
        try:
            expected_rows, _ = _head(name, reader, name)
        except ReadError:  # fastexcel refuses the sheet: the importer says so when it reads the rows
            continue
        assert _trimmed(rows) == _trimmed(expected_rows), name
