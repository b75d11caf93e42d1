"""`python -m engagement import`: exit status, human report and the --json shape (IMPORT_FORMAT.md)."""

import json
import subprocess
import sys
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent

GOOD = "leverancier;land\nAcme;NL\nBeta;DE\n"
SOME_BAD = (
    "Overzicht\ncase_id,received_on,severity,satisfaction\nK-1,2024-02-01,hoog,5\nK-2,gisteren,laag,9\n"
)


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "engagement", "import", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_exit_statuses_and_json_shape(tmp_path):
    """0 all accepted, 1 rows rejected (the rest stored), 2 unreadable; one JSON object for all files."""
    database = tmp_path / "e.duckdb"
    good = tmp_path / "leveranciers.csv"
    good.write_text(GOOD, encoding="utf-8-sig")
    some_bad = tmp_path / "klachten.csv"
    some_bad.write_text(SOME_BAD, encoding="utf-8")

    ok = run(good, "--db", database)
    assert ok.returncode == 0, ok.stderr
    assert "suppliers: 2 accepted, 0 rejected (2 new" in ok.stdout

    result = run(good, some_bad, "--db", database, "--json")
    assert result.returncode == 1, result.stderr
    payload = json.loads(result.stdout)
    assert list(payload) == ["files"]
    first, second = payload["files"]
    assert set(first) == {"file", "tables", "errors", "warnings"}
    assert first["tables"] == {
        "suppliers": {"accepted": 2, "rejected": 0, "inserted": 0, "updated": 0, "unchanged": 2}
    }
    assert second["tables"]["grievances"] == {
        "accepted": 1,
        "rejected": 1,
        "inserted": 1,
        "updated": 0,
        "unchanged": 0,
    }
    errors = {(e["row"], e["column"]): e for e in second["errors"]}
    assert set(errors) == {(4, "received_on"), (4, "satisfaction")}
    assert errors[(4, "received_on")]["value"] == "gisteren"
    assert errors[(4, "satisfaction")]["message"] == "out of range; allowed: 1 to 5"
    assert set(errors[(4, "received_on")]) == {"sheet", "row", "column", "value", "message"}
    with duckdb.connect(str(database), read_only=True) as con:
        assert con.execute("select case_id, severity from grievances").fetchall() == [("K-1", "high")]
        assert con.execute("select count(*) from rejected_rows").fetchone() == (2,)


def test_unreadable_file_exit_2_one_line(tmp_path):
    """A file that cannot be read: exit 2, one line naming it, no traceback, nothing stored."""
    database = tmp_path / "e.duckdb"
    broken = tmp_path / "kapot.xlsx"
    broken.write_bytes(b"not a workbook at all")
    missing = tmp_path / "weg.csv"
    result = run(broken, missing, "--db", database)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2 and "Traceback" not in result.stderr
    assert "kapot.xlsx" in lines[0] and "weg.csv: file not found" in lines[1]
    unknown = run(missing, "--db", database, "--table", "koffie", "--json")
    assert unknown.returncode == 2 and "unknown table 'koffie'" in unknown.stderr
    with duckdb.connect(str(database), read_only=True) as con:
        assert con.execute("select count(*) from imports").fetchone() == (0,)


def test_dry_run_json_with_fatal_file(tmp_path):
    """--dry-run stores nothing; a refused file appears in the JSON with its reason."""
    database = tmp_path / "e.duckdb"
    good = tmp_path / "leveranciers.csv"
    good.write_text(GOOD, encoding="utf-8")
    empty = tmp_path / "leeg.csv"
    empty.write_text("", encoding="utf-8")
    result = run(good, empty, "--db", database, "--dry-run", "--json")
    assert result.returncode == 2
    first, second = json.loads(result.stdout)["files"]
    assert first["tables"]["suppliers"]["inserted"] == 2
    assert second["tables"] == {} and "empty" in second["errors"][0]["message"]
    with duckdb.connect(str(database), read_only=True) as con:
        assert con.execute("select count(*) from suppliers").fetchone() == (0,)
