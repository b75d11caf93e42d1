"""`python -m engagement sample` then `kpis --json`, as a script would call them."""

import json
import subprocess
import sys
from pathlib import Path

from engagement.catalogue import CATALOGUE

ROOT = Path(__file__).resolve().parent.parent


def engagement(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "engagement", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_sample_then_kpis_gives_the_case_figures_and_every_id(tmp_path):
    """The LEVP case: 1 market event, 36 dialogue meetings with 14 suppliers; every catalogue id."""
    db = str(tmp_path / "cli.duckdb")
    loaded = engagement("sample", "--db", db)
    assert loaded.returncode == 0, loaded.stderr
    assert "fictional sample data" in loaded.stdout
    answer = engagement("kpis", "--db", db, "--from", "2023-04-01", "--to", "2025-03-31", "--json")
    assert answer.returncode == 0, answer.stderr
    printed = json.loads(answer.stdout)
    assert printed["period"] == {"from": "2023-04-01", "to": "2025-03-31"}
    kpis = printed["kpis"]
    assert (kpis["D1m"], kpis["D1"], kpis["D2"]) == (1, 36, 14)
    assert {k.id for k in CATALOGUE} <= kpis.keys()
    assert len(kpis["D5"]) == 14 and set(kpis["D10"]) == {"1", "2", "3", "4", "5", "6"}


def test_filters_on_the_command_line_narrow_the_figures(tmp_path):
    db = str(tmp_path / "cli.duckdb")
    assert engagement("sample", "--db", db).returncode == 0
    one = engagement(
        "kpis",
        "--db",
        db,
        "--from",
        "2023-04-01",
        "--to",
        "2025-03-31",
        "--supplier",
        "Voltara Cars",
        "--json",
    )
    kpis = json.loads(one.stdout)["kpis"]
    assert kpis["D2"] == 1 and list(kpis["D5"]) == ["Voltara Cars"]


def test_a_bad_date_is_one_line_and_exit_2(tmp_path):
    answer = engagement("kpis", "--db", str(tmp_path / "x.duckdb"), "--from", "31-13-2024")
    assert answer.returncode == 2
    assert answer.stderr.strip().count("\n") == 0 and "YYYY-MM-DD" in answer.stderr
    assert "Traceback" not in answer.stderr
