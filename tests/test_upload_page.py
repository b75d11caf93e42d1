"""The Import page: drop a file, see what was understood and what would be rejected, correct
the column mapping, import, and find it in the history."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from engagement.db import open_database

ROOT = Path(__file__).resolve().parent.parent

MEETINGS_CSV = (
    "Datum overleg;Leverancier;Soort;Onderwerpen;Gespreksleider\n"
    "12-03-2024;Voltara Cars;dialoog;traceerbaarheid;Anna\n"
    "31-02-2024;Voltara Cars;dialoog;herstel;Bram\n"  # no such day: rejected
    "14-03-2024;Noordwind Bus Systems;vervolggesprek;herstel;Anna\n"
).encode("cp1252")


@pytest.fixture
def app(tmp_path, monkeypatch):
    database = tmp_path / "upload.duckdb"
    open_database(database).close()  # an existing, empty database: no sample
    monkeypatch.setenv("ENGAGEMENT_DB", str(database))
    return AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90), database


def meetings_in(database: Path) -> int:
    con = open_database(database)
    try:
        return con.execute("select count(*) from meetings").fetchone()[0]
    finally:
        con.close()


def open_import_page(app: AppTest) -> AppTest:
    app.run()
    app.switch_page("pages/upload.py")
    app.run()
    assert not app.exception, app.exception
    return app


def test_preview_then_import(app):
    """The preview names the table and the rejected row; nothing is stored until Import."""
    app, database = app
    open_import_page(app)
    app.get("file_uploader")[0].set_value(("overleggen.csv", MEETINGS_CSV, "text/csv")).run()
    assert not app.exception, app.exception
    texts = " ".join(m.value for m in app.markdown)
    assert "table **meetings**" in texts and "header in row 1" in texts
    problems = app.dataframe[-1].value  # the validation report's problem list
    assert problems["row"].tolist() == [3] and problems["column"].tolist() == ["Datum overleg"]
    preview = next(d.value for d in app.dataframe if "date" in d.value.columns)  # parsed values
    assert [str(d)[:10] for d in preview["date"]] == ["2024-03-12", "2024-03-14"]
    assert preview["type"].tolist() == ["dialogue", "follow_up"]  # Dutch words, canonical values
    assert meetings_in(database) == 0  # a preview stores nothing

    app.button(key="import_files").click().run()
    assert not app.exception, app.exception
    assert any("2 rows stored, 1 rejected" in s.value for s in app.success)
    assert meetings_in(database) == 2
    history = app.dataframe[-1].value
    assert history["file_name"].tolist() == ["overleggen.csv"] and history["rejected_rows"].tolist() == [1]


def test_a_column_can_be_sent_elsewhere_or_ignored(app):
    """Mapping the unknown 'Gespreksleider' column to notes stores it there."""
    app, database = app
    open_import_page(app)
    app.get("file_uploader")[0].set_value(("overleggen.csv", MEETINGS_CSV, "text/csv")).run()
    app.session_state["overrides_overleggen.csv"] = {
        "overleggen": {  # a CSV file is one sheet, named after the file
            "Datum overleg": "date",
            "Leverancier": "supplier",
            "Soort": "type",
            "Onderwerpen": "topics",
            "Gespreksleider": "notes",
        }
    }
    app.run()
    app.button(key="import_files").click().run()
    assert not app.exception, app.exception
    con = open_database(database)
    notes = sorted(r[0] for r in con.execute("select notes from meetings").fetchall())
    con.close()
    assert notes == ["Anna", "Anna"]


def test_a_file_that_cannot_be_read_says_why(app):
    app, database = app
    open_import_page(app)
    app.get("file_uploader")[0].set_value(
        ("broken.xlsx", b"this is not a workbook", "application/octet-stream")
    ).run()
    assert not app.exception
    assert any("broken.xlsx" in e.value for e in app.error)
    assert meetings_in(database) == 0


def test_a_column_left_out_is_not_kept_even_as_extra(tmp_path):
    """Choosing '(leave out)' drops the column; by default an unknown column is kept as extra data."""
    from engagement.ingest import import_file
    from engagement.ingest.header import IGNORED

    con = open_database(tmp_path / "leave_out.duckdb")
    kept = import_file(con, ("overleggen.csv", MEETINGS_CSV), dry_run=False)
    assert any("Gespreksleider" in w for w in kept.warnings)
    assert con.execute("select count(*) from meetings where extra is not null").fetchone()[0] == 2
    con.execute("delete from meetings")
    left_out = import_file(
        con, ("overleggen2.csv", MEETINGS_CSV), column_overrides={"overleggen2": {"Gespreksleider": IGNORED}}
    )
    assert not any("Gespreksleider" in w for w in left_out.warnings)
    assert con.execute("select count(*) from meetings where extra is not null").fetchone()[0] == 0
    assert left_out.sheets[0]["columns"]["Gespreksleider"] == IGNORED


def test_an_import_reports_its_progress(tmp_path):
    """on_progress hears rising fractions, each with a step, ending at 1.0 when done."""
    from engagement.ingest import import_file

    heard = []
    con = open_database(tmp_path / "progress.duckdb")
    import_file(con, ("overleggen.csv", MEETINGS_CSV), on_progress=lambda f, step: heard.append((f, step)))
    fractions = [f for f, _ in heard]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0 and len(heard) >= 4
    assert [step for _, step in heard][-2:] == ["storing", "done"]


def test_an_import_can_be_undone_from_the_page(app):
    """Import on the page, then undo it there: the meetings are gone again."""
    app, database = app
    open_import_page(app)
    app.get("file_uploader")[0].set_value(("overleggen.csv", MEETINGS_CSV, "text/csv")).run()
    app.button(key="import_files").click().run()
    assert meetings_in(database) == 2
    app.button(key="undo_button").click().run()
    assert not app.exception, app.exception
    assert any("overleggen.csv" in s.value for s in app.success)
    assert meetings_in(database) == 0
