"""Fuzzing the importer with hypothesis: mutated CSV files and workbooks through import_file.

Whatever a file holds, the outcome is a FileReport: either refused (one line naming the
file, nothing stored) or imported with counts. An exception that only the importer's
last-resort handler catches (run.py turns it into "cannot be read (...)") is a bug and
fails the test with the input that caused it.

Size and time: four strategies of 300 examples each (1,200 imports), derandomized so CI
runs the same examples every time; about 30 s on the development machine.
"""

import csv
import io
import re
from datetime import date, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from engagement import db as database
from engagement.ingest import FileReport, import_file
from engagement.ingest import run as ingest_run

ROOT = Path(__file__).resolve().parent.parent
XLS = ROOT.parent / "shared" / "realdata" / "facilities" / "oshub_fixture_facility_list_12.xls"

FUZZ = settings(
    max_examples=300,
    deadline=None,
    derandomize=True,  # the same examples on every run: CI stays deterministic
    database=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)

# run.py's last-resort messages: an exception reached it that no reader or validator expected.
UNEXPECTED = re.compile(r": cannot be read \([^()]*\)$|: nothing stored, the import failed \(")

MEETING_HEADER = [
    "meeting_id",
    "date",
    "supplier",
    "type",
    "buyers",
    "topics",
    "agenda_sent",
    "agreements",
    "notes",
]
MEETING_ROWS = [
    ["M1", "31-03-2024", "Acme BV", "dialoog", "Gemeente A; Rijk", "beleid, audit", "ja", "2", "eerste"],
    ["M2", "2024-04-01", "Beta", "", "", "", "nee", "0", 'met "quotes"'],
    ["M3", "04/13/2024", "", "marktbijeenkomst", "Rijk", "remedy", "x", "1,5", "twee\nregels"],
    ["M4", "45383", "Café Noël", "site_visit", "", "kpi's", "", "", ""],
]
LABELS = MEETING_HEADER + [
    "datum overleg", "leverancier", "soort", "onderwerpen", "case_id", "received_on", "supplier*", "id",
    "programme", "", "Datum", "LEVERANCIER ", "aantal afspraken", "opmerkingen", "year", "jaar",
]  # fmt: skip
VALUES = [
    "", " ", "ja", "nee", "x", "true", "0", "1", "-1", "1e308", "3000000000", "NaN", "85%", "1.234,56", "2024-02-30",
    "31/12/9999", "00-00-0000", "1900-01-00", "=1+1", "@SUM(A1)", "Acme BV", "acme  bv", "dialoog",
    "market_event", "onbekend", "a;b;c", "a|b", "\u200b", "ß", "𝔘nicode", "\x00", "\r", '"', "'",
]  # fmt: skip


def snapshot(con) -> dict:
    tables = [row[0] for row in con.execute("select table_name from information_schema.tables").fetchall()]
    counts = {t: con.execute(f'select count(*) from "{t}"').fetchone()[0] for t in tables}  # noqa: S608
    return {"counts": counts, "version": database.data_version(con)}


@pytest.fixture(scope="module")
def con():
    connection = database.open_database(":memory:")
    yield connection
    connection.close()


@pytest.fixture
def unexpected(monkeypatch):
    """The exceptions that reached run.py's last resort during one test."""
    caught: list[BaseException] = []
    original = getattr(ingest_run, "_one_line", None)
    if original is not None:

        def record(error):
            caught.append(error)
            return original(error)

        monkeypatch.setattr(ingest_run, "_one_line", record)
    return caught


def check(con, unexpected: list, name: str, data: bytes) -> FileReport:
    """Import one file; assert the outcome is a clean report either way."""
    before = snapshot(con)
    unexpected.clear()
    report = import_file(con, (name, data))
    assert isinstance(report, FileReport)
    assert not unexpected, f"{type(unexpected[0]).__name__}: {unexpected[0]} for {name} {data!r:.300}"
    if report.fatal:
        assert "\n" not in report.fatal and name in report.fatal, report.fatal
        assert not UNEXPECTED.search(report.fatal), f"{report.fatal} for {data!r:.300}"
        assert report.tables == {} and report.exit_code == 2
        assert snapshot(con) == before, f"something was stored for a refused file: {report.fatal}"
    else:
        assert report.tables, report
        for counts in report.tables.values():
            assert all(isinstance(n, int) and n >= 0 for n in counts.values())
            # Rows repeating a key within the file are counted once when stored (the later wins).
            assert counts["inserted"] + counts["updated"] + counts["unchanged"] <= counts["accepted"]
        assert report.exit_code == (1 if report.errors else 0)
    return report


@st.composite
def mutated(draw, data: bytes, max_operations: int = 6) -> bytes:
    """The bytes with a few flips, overwrites, insertions, deletions, repeats or a truncation."""
    data = bytearray(data)
    for _ in range(draw(st.integers(0, max_operations))):
        if not data:
            break
        operation = draw(st.sampled_from(["flip", "set", "insert", "delete", "repeat", "truncate"]))
        at = draw(st.integers(0, len(data) - 1))
        if operation == "flip":
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif operation == "set":
            data[at] = draw(st.integers(0, 255))
        elif operation == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif operation == "delete":
            del data[at : at + draw(st.integers(1, 16))]
        elif operation == "repeat":
            data[at:at] = data[at : at + draw(st.integers(1, 64))] * draw(st.integers(1, 4))
        else:
            del data[at:]
    return bytes(data)


cell_text = st.one_of(
    st.sampled_from(VALUES),
    st.sampled_from([v for row in MEETING_ROWS for v in row]),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12),
    st.text(alphabet=",;\t|\"\r\n 'x", max_size=6),
)


@st.composite
def csv_files(draw) -> tuple[str, bytes]:
    """A meetings CSV, its header and rows mutated, written in a random dialect and encoding,
    then mutated as bytes."""
    header = list(MEETING_HEADER)
    for _ in range(draw(st.integers(0, 3))):
        action = draw(st.sampled_from(["drop", "rename", "duplicate", "add", "swap"]))
        at = draw(st.integers(0, len(header) - 1)) if header else 0
        if action == "drop" and header:
            header.pop(at)
        elif action == "rename" and header:
            header[at] = draw(st.sampled_from(LABELS) | cell_text)
        elif action == "duplicate" and header:
            header.insert(at, header[at])
        elif action == "add":
            header.insert(at, draw(st.sampled_from(LABELS)))
        elif header:
            other = draw(st.integers(0, len(header) - 1))
            header[at], header[other] = header[other], header[at]
    rows = [list(row) for row in MEETING_ROWS[: draw(st.integers(0, len(MEETING_ROWS)))]]
    rows += draw(st.lists(st.lists(cell_text, max_size=len(header) + 2), max_size=5))
    for row in rows:
        if row and draw(st.booleans()):
            row[draw(st.integers(0, len(row) - 1))] = draw(cell_text)
    titles = [[draw(cell_text)] for _ in range(draw(st.integers(0, 2)))]
    delimiter = draw(st.sampled_from([",", ";", "\t", "|", " "]))
    buffer = io.StringIO()
    lines = titles + [header] + rows
    if draw(st.booleans()) and all(row != [""] for row in lines):
        quoting = draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONE]))
        writer = csv.writer(
            buffer,
            delimiter=delimiter,
            quoting=quoting,
            escapechar="\\",
            lineterminator=draw(st.sampled_from(["\n", "\r\n", "\r"])),
        )
        writer.writerows(lines)
    else:  # written naively: quotes and delimiters inside values break the rows
        buffer.write("\n".join(delimiter.join(row) for row in lines))
    text = draw(st.sampled_from(["", "sep=;\n", "\ufeff"])) + buffer.getvalue()
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "latin-1"]))
    data = text.encode(encoding, errors="replace")
    if draw(st.booleans()):  # some rows in another encoding
        data += "\n".join(delimiter.join(row) for row in rows).encode("cp1252", errors="replace")
    name = draw(st.sampled_from(["meetings.csv", "bijeenkomsten.txt", "export.tsv", "export", "a b;c.csv"]))
    return name, draw(mutated(data))


def _xlsx(sheets: dict[str, list[list]]) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


BASE_XLSX = _xlsx(
    {
        "suppliers": [["supplier", "country"], ["Acme BV", "NL"], ["Beta", "DE"]],
        "bijeenkomsten": [["Overzicht"], [], MEETING_HEADER, *[[c or None for c in r] for r in MEETING_ROWS]],
    }
)


@st.composite
def mutated_workbooks(draw) -> tuple[str, bytes]:
    """The base workbook (or the real .xls) with its bytes mutated, or one of its parts mutated
    inside a well-formed zip (so the XML reader, not the unzipper, meets the damage)."""
    import zipfile

    if XLS.exists() and draw(st.integers(0, 4)) == 0:
        return "lijst.xls", draw(mutated(XLS.read_bytes(), max_operations=10))
    if draw(st.booleans()):
        return draw(st.sampled_from(["export.xlsx", "export.xlsm", "export.ods"])), draw(mutated(BASE_XLSX))
    source = zipfile.ZipFile(io.BytesIO(BASE_XLSX))
    members = [info.filename for info in source.infolist()]
    victim = draw(st.sampled_from(members))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for member in members:
            content = source.read(member)
            archive.writestr(
                member, draw(mutated(content, max_operations=8)) if member == victim else content
            )
    return "export.xlsx", out.getvalue()


excel_safe_text = st.text(max_size=30).map(lambda text: ILLEGAL_CHARACTERS_RE.sub("", text))
cell_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.decimals(allow_nan=False, allow_infinity=False, places=4, min_value=-(10**20), max_value=10**20),
    st.sampled_from(VALUES).map(lambda text: ILLEGAL_CHARACTERS_RE.sub("", text)),
    excel_safe_text,
    st.dates(min_value=date(1900, 3, 1), max_value=date(9999, 12, 31)),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(9999, 12, 31)),
    st.times(),
    st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=9999)),
)


@st.composite
def typed_workbooks(draw) -> tuple[str, bytes]:
    """A valid workbook whose sheets name a table and its required columns (in any order, with
    optional ones), and whose cells hold random values of every type Excel stores."""
    from engagement.tables import TABLES

    sheets = {}
    for table in draw(st.lists(st.sampled_from(list(TABLES.values())), min_size=1, max_size=3, unique=True)):
        optional = [c.name for c in table.columns if not c.required]
        header = [c.name for c in table.columns if c.required]
        header += draw(st.lists(st.sampled_from(optional), max_size=len(optional), unique=True))
        header = draw(st.permutations(header))
        rows = draw(st.lists(st.lists(cell_values, min_size=len(header), max_size=len(header)), max_size=6))
        sheets[draw(st.sampled_from(table.sheet_names))] = [header, *rows]
    return "willekeurig.xlsx", _xlsx(sheets)


@FUZZ
@given(
    st.tuples(st.sampled_from(["x.csv", "x.xlsx", "x.xls", "x.ods", "x.txt", "x"]), st.binary(max_size=3000))
)
def test_random_bytes(con, unexpected, file):
    check(con, unexpected, *file)


@FUZZ
@given(csv_files())
def test_mutated_csv(con, unexpected, file):
    check(con, unexpected, *file)


@FUZZ
@given(mutated_workbooks())
def test_mutated_workbooks(con, unexpected, file):
    check(con, unexpected, *file)


@FUZZ
@given(typed_workbooks())
def test_workbooks_with_cells_of_every_type(con, unexpected, file):
    check(con, unexpected, *file)


def test_base_files_import(con, unexpected):
    """The files the fuzzer mutates are themselves valid, so mutations start from real imports."""
    report = check(con, unexpected, "base.xlsx", BASE_XLSX)
    assert report.fatal is None and report.tables["meetings"]["accepted"] >= 2
    text = "\n".join(";".join(row) for row in [MEETING_HEADER, *MEETING_ROWS[:2]])
    assert check(con, unexpected, "base.csv", text.encode()).fatal is None


# Inputs the fuzzer found: whole numbers past 2**63 raised OverflowError and past 2**31 failed the
# insert, refusing the whole file; each is now a row error.


@pytest.mark.parametrize("value", ["1e300", "99999999999999999999"])
def test_found_huge_whole_number_is_a_row_error(con, unexpected, value):
    data = f"date;supplier;agreements\n2024-03-31;Acme;{value}\n".encode()
    report = check(con, unexpected, "meetings.csv", data)
    assert report.tables["meetings"]["rejected"] == 1


def test_found_whole_number_past_32_bits_is_a_row_error(con, unexpected):
    data = b"date;supplier;agreements\n2024-03-31;Acme;3000000000\n"
    report = check(con, unexpected, "meetings.csv", data)
    assert report.tables["meetings"]["rejected"] == 1
