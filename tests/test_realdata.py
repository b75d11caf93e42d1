"""Every file in ../shared/realdata either imports or is refused with a clear one-line reason.

Each file goes through `python -m engagement import` into a fresh database, facility lists
with --supplier. The expected outcome of each file is written below; a file added to the
folder without one fails the test until someone says what it should do. The files stay in
shared/ (some hold personal data, see its SOURCES.md): they are read there, never copied.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REALDATA = ROOT.parent / "shared" / "realdata"
FACILITY_LIST_SUPPLIER = "Test Brand"  # given with --supplier to every file in facilities/

# file name -> "imports into TABLE" (every row accepted), "imports into TABLE, some rows rejected",
# or "refused: " and a part of the one-line reason
EXPECTED = {
    # benchmarks/: a company list with scores; 'company' and 'country' are supplier columns
    "wba_gender_assessment_2024.csv": "imports into suppliers",
    # facilities/
    "apple_supplier_list_2018_geocoded.csv": "imports into sites",
    "benetton_supplier_list.csv": "imports into sites",
    "nike_adidas_factories_merged.csv": "imports into sites",
    "nike_manufacturing_map_export_2021-02.xls": "imports into sites",
    "oshub_download_facilities_wilmar.csv": "imports into sites",
    "oshub_e2e_upload_extended_columns.csv": "imports into sites",
    "oshub_fixture_Summer_2019_Compliance_List.csv": "imports into sites",
    "oshub_fixture_facility_list_12.xls": "imports into sites",
    "oshub_fixture_facility_list_12.xlsx": "imports into sites",
    "oshub_fixture_facility_list_15.csv": "imports into sites",
    "oshub_moderation_events_export.xlsx": "refused: an Open Supply Hub moderation events export",
    "oshub_testdata_calgary_9000_rows.csv": "imports into sites",
    # grievances/
    "boston_311_grievance_texts.csv": "refused: matches no table by its name or its headers",
    # cut off at 1 MiB inside a quoted narrative
    "cfpb_consumer_complaints_2023_truncated.csv": "refused: the file seems cut off",
    "fac_corrective_action_plan_147110.xlsx": "refused: no sheet matches a table",
    # meetings/: a fresh database knows no supplier, so no calendar item or Teams meeting has one
    "outlook_calendar_export_full_22col.csv": "refused: an Outlook calendar export in which no item names a known supplier",
    "outlook_calendar_export_zenboard.xlsx": "refused: an Outlook calendar export in which no item names a known supplier",
    "teams_attendance_list_v1_utf16le.csv": "refused: say whose meeting it was with --supplier NAME",
    "teams_attendance_report_fr_utf16le.csv": "refused: say whose meeting it was with --supplier NAME",
}

FILES = (
    sorted(p for p in REALDATA.rglob("*") if p.is_file() and p.name != "SOURCES.md")
    if REALDATA.exists()
    else []
)
pytestmark = pytest.mark.skipif(not REALDATA.exists(), reason="../shared/realdata not present")


def _import(path: Path, db: Path) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "engagement", "import", str(path), "--db", str(db), "--json"]
    if path.parent.name == "facilities":
        command += ["--supplier", FACILITY_LIST_SUPPLIER]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_real_file_imports_or_is_refused_clearly(path, tmp_path):
    """The file's outcome is the one written in EXPECTED: stored rows, or exit 2 with one line."""
    assert path.name in EXPECTED, f"{path.name} is new in realdata: add its expected outcome to EXPECTED"
    expected = EXPECTED[path.name]
    result = _import(path, tmp_path / "fresh.duckdb")
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stdout.startswith("{"), result.stderr  # the --json report, even for a refused file
    report = json.loads(result.stdout)["files"][0]
    if expected.startswith("refused: "):
        assert result.returncode == 2, report
        errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
        assert len(errors) == 1, result.stderr
        assert expected.removeprefix("refused: ") in errors[0]
        assert report["tables"] == {}
        return
    table = expected.removeprefix("imports into ").split(",")[0]
    assert result.returncode == (1 if expected.endswith("some rows rejected") else 0), report["errors"][:5]
    assert list(report["tables"]) == [table]
    assert report["tables"][table]["accepted"] > 0 and report["tables"][table]["inserted"] > 0


def test_every_expected_file_is_present():
    """EXPECTED names no file that has left the folder."""
    assert sorted(EXPECTED) == sorted(p.name for p in FILES)
