"""A kill -9 in the middle of an import leaves all of that file or none of it, and the rows
stored before it untouched (the import is one DuckDB transaction)."""

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from engagement.db import open_database
from engagement.sample import load_sample

ROOT = Path(__file__).resolve().parent.parent
ROWS = 200_000


def meetings_csv(path: Path) -> Path:
    lines = ["date;supplier;type;buyers"]
    lines += [
        f"{1 + n % 28:02d}-{1 + n % 12:02d}-2024;Supplier {n % 300};dialoog;Gemeente {n % 7}"
        for n in range(ROWS)
    ]
    # each line its own meeting: a meeting id makes the natural key
    lines = [lines[0] + ";meeting_id"] + [f"{line};M{n}" for n, line in enumerate(lines[1:])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def state(path: Path) -> tuple[int, list]:
    """How many meetings, and the sample's own meetings (programme LEVP sample) as they are."""
    con = open_database(path)
    try:
        total = con.execute("select count(*) from meetings").fetchone()[0]
        sample = con.execute(
            "select row_key, date, supplier, type from meetings where programme = 'LEVP sample' order by row_key"
        ).fetchall()
        return total, sample
    finally:
        con.close()


def import_command(csv: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "engagement", "import", str(csv), "--db", str(db), "--programme", "P"]


def test_kill_9_during_an_import_leaves_all_or_nothing(tmp_path):
    csv = meetings_csv(tmp_path / "meetings.csv")
    base = tmp_path / "base.duckdb"
    con = open_database(base)
    load_sample(con)
    con.close()
    before_total, before_sample = state(base)

    whole = tmp_path / "whole.duckdb"
    shutil.copyfile(base, whole)
    started = time.monotonic()
    done = subprocess.run(import_command(csv, whole), cwd=ROOT, capture_output=True, text=True, timeout=300)
    took = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    assert state(whole) == (before_total + ROWS, before_sample)

    outcomes = []
    for share in (0.3, 0.5, 0.7, 0.85, 0.95):
        killed = tmp_path / f"killed_{share}.duckdb"
        shutil.copyfile(base, killed)
        process = subprocess.Popen(
            import_command(csv, killed), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(took * share)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        total, sample = state(killed)  # opens after the crash: DuckDB replays or drops its log
        assert sample == before_sample, share
        assert total in (before_total, before_total + ROWS), (share, total)
        outcomes.append(total == before_total + ROWS)
    assert not all(outcomes), "every kill came after the commit: the test did not kill an import midway"


def test_imports_at_the_same_time_both_land_and_readers_see_committed_data(db, tmp_path):
    """Two uploads at once (two sessions of one server): both stored, one after the other; a
    reader in the middle of an import sees the data as it was before it."""
    from concurrent.futures import ThreadPoolExecutor

    from engagement.ingest import import_file

    files = []
    for name in ("a", "b"):
        lines = ["meeting_id,date,supplier,type"] + [
            f"{name}{n},2024-03-01,Supplier {n % 9},dialogue" for n in range(5000)
        ]
        path = tmp_path / f"{name}.csv"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        files.append(path)

    def imported(path):
        return import_file(db.cursor(), path, programme="P")

    with ThreadPoolExecutor(2) as pool:
        reports = list(pool.map(imported, files))
    assert [report.fatal for report in reports] == [None, None]
    assert db.execute("select count(*) from meetings").fetchone() == (10_000,)
    assert db.execute("select count(*) from suppliers").fetchone() == (9,)

    writer, reader = db.cursor(), db.cursor()
    writer.execute("begin transaction")
    writer.execute("delete from meetings")
    assert reader.execute("select count(*) from meetings").fetchone() == (10_000,)  # not committed
    writer.execute("rollback")
    assert reader.execute("select count(*) from meetings").fetchone() == (10_000,)
