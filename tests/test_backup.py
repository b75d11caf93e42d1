"""Backup and restore round-trip a database; a database another process holds gives a clear
message, never a crash; the audit log records who changed what."""

import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest

from engagement import audit
from engagement.backup import backup, restore, row_counts
from engagement.db import DatabaseBusy, open_database
from engagement.filters import Filters
from engagement.history import empty_database, undo_import
from engagement.ingest import import_file
from engagement.kpis import scalar_kpis
from engagement.settings import Settings, load_settings, save_setting

ROOT = Path(__file__).resolve().parent.parent
PERIOD = Filters(date(2023, 4, 1), date(2025, 3, 31))


def engagement(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "engagement", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def figures_of(path: Path) -> tuple[dict, dict]:
    con = open_database(path)
    try:
        return row_counts(con), scalar_kpis(con, PERIOD, Settings())
    finally:
        con.close()


def test_backup_then_restore_gives_back_every_row_and_figure(sample_path, tmp_path):
    before = figures_of(sample_path)
    saved = engagement("backup", "--db", str(sample_path), "--out", str(tmp_path / "b.duckdb"))
    assert saved.returncode == 0, saved.stderr
    assert "Backed up" in saved.stdout and "meetings" in saved.stdout

    con = open_database(sample_path)  # then the data changes: everything deleted
    empty_database(con)
    con.close()
    assert figures_of(sample_path)[0]["meetings"] == 0

    restored = engagement("restore", str(tmp_path / "b.duckdb"), "--db", str(sample_path))
    assert restored.returncode == 0, restored.stderr
    assert "kept as" in restored.stderr
    assert figures_of(sample_path) == before
    kept = list(tmp_path.glob("sample.before-restore-*.duckdb"))
    assert len(kept) == 1 and figures_of(kept[0])[0]["meetings"] == 0  # nothing lost: the emptied one
    con = open_database(sample_path)
    assert audit.entries(con)["action"].tolist()[0] == "restore"
    con.close()


def test_a_backup_never_overwrites_and_a_restore_checks_its_file(sample_path, tmp_path):
    (tmp_path / "taken.duckdb").write_bytes(b"x")
    with pytest.raises(FileExistsError):
        backup(sample_path, tmp_path / "taken.duckdb")
    not_a_backup = tmp_path / "notes.duckdb"
    not_a_backup.write_bytes(b"this is not a database" * 100)
    before = figures_of(sample_path)
    with pytest.raises(ValueError, match="not a backup"):
        restore(sample_path, not_a_backup)
    assert figures_of(sample_path) == before  # untouched
    refused = engagement("restore", str(not_a_backup), "--db", str(sample_path))
    assert (
        refused.returncode == 2 and refused.stderr.startswith("Error: ") and "Traceback" not in refused.stderr
    )


def test_a_database_another_process_holds_gives_a_clear_message(sample_path, tmp_path):
    """DuckDB lets one process write a file: a second one is told so in a sentence."""
    holder = duckdb.connect(str(sample_path))  # this test process holds the write lock
    try:
        for command in (
            ["kpis", "--db", str(sample_path)],
            ["backup", "--db", str(sample_path), "--out", str(tmp_path / "b.duckdb")],
            ["import", str(ROOT / "sample_data" / "csv" / "meetings.csv"), "--db", str(sample_path)],
        ):
            answer = engagement(*command)
            assert answer.returncode == 2, command
            line = answer.stderr.strip()
            assert "open in another program" in line and "one program at a time" in line, line
            assert "Traceback" not in answer.stderr and len(line.splitlines()) == 1
    finally:
        holder.close()
    assert not (tmp_path / "b.duckdb").exists()


def test_open_database_raises_database_busy(sample_path):
    script = (
        "import sys; sys.path.insert(0, sys.argv[2]);"
        "from engagement.db import open_database, DatabaseBusy\n"
        "try:\n    open_database(sys.argv[1])\nexcept DatabaseBusy as busy:\n    print('busy:', busy)\n"
    )
    holder = duckdb.connect(str(sample_path))
    try:
        answer = subprocess.run(
            [sys.executable, "-c", script, str(sample_path), str(ROOT)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        holder.close()
    assert answer.stdout.startswith("busy:") and "(process " in answer.stdout, answer.stdout + answer.stderr
    assert issubclass(DatabaseBusy, Exception)


def test_the_audit_log_records_who_changed_what(db, tmp_path):
    """Imports, undos, settings, exports and emptying, each with who did it; a dry run and an
    unchanged setting leave no entry."""
    csv = tmp_path / "meetings.csv"
    csv.write_text("date,supplier,type\n2024-03-01,Acme,dialogue\n", encoding="utf-8")
    import_file(db, csv, programme="P", imported_by="ana@example.org", dry_run=True)
    assert audit.entries(db).empty
    report = import_file(db, csv, programme="P", imported_by="ana@example.org")
    save_setting(db, "target_days", load_settings(db).target_days)  # unchanged: not logged
    save_setting(db, "target_days", 30, "ben@example.org")
    undo_import(db, report.import_id, "ana@example.org")
    empty_database(db)
    log = audit.entries(db).iloc[::-1]  # oldest first
    assert log["action"].tolist() == ["import", "setting", "undo", "empty"]
    assert log["who"].tolist() == ["ana@example.org", "ben@example.org", "ana@example.org", audit.LOCAL_USER]
    assert "meetings.csv" in log["detail"].iloc[0] and "1 inserted" in log["detail"].iloc[0]
    assert log["detail"].iloc[1] == "target_days changed from 90 to 30"
    assert f"import {report.import_id}" in log["detail"].iloc[2]


def test_a_report_from_the_command_line_is_logged(sample_path, tmp_path):
    out = tmp_path / "report.xlsx"
    made = engagement("report", "--db", str(sample_path), "--format", "xlsx", "--out", str(out))
    assert made.returncode == 0, made.stderr
    con = open_database(sample_path)
    latest = audit.entries(con).iloc[0]
    con.close()
    assert latest["action"] == "export" and "report.xlsx" in latest["detail"]


def test_the_data_page_shows_the_audit_log(sample_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("ENGAGEMENT_DB", str(sample_path))
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    app.run()
    app.switch_page("pages/data.py")
    app.run()
    assert not app.exception, app.exception
    assert "Audit log" in [header.value for header in app.subheader]
    log = next(table.value for table in app.dataframe if "who" in table.value.columns)
    assert log[["who", "action"]].values.tolist()[-1] == ["sample", "import"]  # loading the sample


def test_the_dashboard_says_when_another_program_holds_the_database(sample_path, monkeypatch):
    """A command-line import holding the file while the dashboard starts: a sentence on screen,
    no traceback, nothing else."""
    import time

    from streamlit.testing.v1 import AppTest

    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, time; c = duckdb.connect({str(sample_path)!r}); print('held', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        monkeypatch.setenv("ENGAGEMENT_DB", str(sample_path))
        app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
        app.run()
        assert not app.exception, app.exception
        assert [e.value for e in app.error] == [
            "The database is in use by another program (an import on the command line, or another "
            "dashboard). Wait until it is done, then reload this page."
        ]
        assert not app.metric
    finally:
        holder.kill()
        holder.wait()
    time.sleep(0.2)
    app.run()  # once it is free, the dashboard opens as usual
    assert not app.exception and not app.error and app.metric
