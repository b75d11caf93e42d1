"""Benchmark at scale: importing a 1M-row meetings CSV and a 100k-row meetings workbook.

Run it with `.venv/bin/python bench/import_bench.py` (options: --rows, --workbook-rows,
--repeats). Side by side in one run, each measurement in a fresh process so that none
warms another's caches or memory:

- DuckDB's own read_csv of the CSV into a table of a new on-disk database;
- our import of the CSV (read, parse, validate, upsert) into a new on-disk database;
- fastexcel's raw read of the workbook to Arrow;
- our import of the workbook into a new on-disk database;
- the peak memory (RSS) of the process importing the CSV.

Each figure is the median of --repeats runs, the runs of the four measurements
interleaved. Prints figures and ratios against the targets of issue 3 and writes them
to bench/import_latest.txt. The files come from bench/import_data.py (cached).
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Targets from issue 3, "Speed".
CSV_RATIO = 3.0
WORKBOOK_RATIO = 2.5
PEAK_MB = 1500


def _child(kind: str, path: str, database: str) -> dict:
    """One measurement, run in this (fresh) process; returns seconds and what was done."""
    if kind == "duckdb_csv":
        import duckdb

        start = time.perf_counter()
        con = duckdb.connect(database)
        con.execute("create table meetings as select * from read_csv($path)", {"path": path})
        rows = con.execute("select count(*) from meetings").fetchone()[0]
        con.close()
        return {"seconds": time.perf_counter() - start, "rows": rows}
    if kind == "fastexcel":
        import fastexcel

        start = time.perf_counter()
        reader = fastexcel.read_excel(path)
        rows = sum(reader.load_sheet(name).to_arrow().num_rows for name in reader.sheet_names)
        return {"seconds": time.perf_counter() - start, "rows": rows}
    from engagement.db import open_database
    from engagement.ingest import delimited, import_file, workbook  # noqa: F401 - loaded, as in a running app

    con = open_database(database)  # creating the schema is not part of the import
    start = time.perf_counter()
    report = import_file(con, path, programme="Benchmark")
    con.close()
    seconds = time.perf_counter() - start
    if report.fatal:
        raise SystemExit(report.fatal)
    return {
        "seconds": seconds,
        "tables": report.tables,
        "errors": len(report.errors),
        "warnings": len(report.warnings),
    }


def measure(kind: str, path: Path, folder: Path) -> dict:
    """Run one measurement in a fresh process; adds its peak RSS in MB."""
    database = folder / f"{kind}_{time.monotonic_ns()}.duckdb"
    process = subprocess.Popen(
        [sys.executable, __file__, "--child", kind, str(path), str(database)],
        stdout=subprocess.PIPE,
        cwd=ROOT,
    )
    output = process.stdout.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"{kind} failed (exit {process.returncode})")
    result = json.loads(output.decode().strip().splitlines()[-1])
    result["peak_mb"] = usage.ru_maxrss / 1024  # kilobytes on Linux
    result["cpu"] = usage.ru_utime + usage.ru_stime  # the whole process, start-up included
    for leftover in folder.glob(f"{database.name}*"):
        leftover.unlink()
    return result


def run(rows: int, workbook_rows: int, repeats: int) -> str:
    from bench import import_data

    csv_path = import_data.csv_file(rows)
    workbook_path = import_data.workbook_file(workbook_rows)
    runs = {kind: [] for kind in ("duckdb_csv", "import_csv", "fastexcel", "import_workbook")}
    paths = {"duckdb_csv": csv_path, "import_csv": csv_path, "fastexcel": workbook_path}
    paths["import_workbook"] = workbook_path
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(repeats):
            for kind in runs:
                runs[kind].append(measure(kind, paths[kind], Path(folder)))
    seconds = {kind: statistics.median(r["seconds"] for r in results) for kind, results in runs.items()}
    peak = max(r["peak_mb"] for r in runs["import_csv"])
    csv_ratio = seconds["import_csv"] / seconds["duckdb_csv"]
    workbook_ratio = seconds["import_workbook"] / seconds["fastexcel"]

    def verdict(ok: bool) -> str:
        return "ok" if ok else "MISSED"

    lines = [
        f"Import benchmark (median of {repeats} runs, each in a fresh process; {os.cpu_count()} cores)",
        f"CSV: {rows:,} meetings, {csv_path.stat().st_size / 1e6:.0f} MB "
        "(UTF-8 with BOM, semicolons, Dutch headers, day-first dates)",
        f"workbook: {workbook_rows:,} meetings, {workbook_path.stat().st_size / 1e6:.1f} MB (.xlsx, date cells)",
        "",
        f"{'CSV: DuckDB read_csv into an on-disk table':<52}{seconds['duckdb_csv']:>8.2f} s",
        f"{'CSV: our import into a new on-disk database':<52}{seconds['import_csv']:>8.2f} s"
        f"   {csv_ratio:4.2f}x  (target <= {CSV_RATIO}x: {verdict(csv_ratio <= CSV_RATIO)})",
        f"{'workbook: fastexcel raw read to Arrow':<52}{seconds['fastexcel']:>8.2f} s",
        f"{'workbook: our import into a new on-disk database':<52}{seconds['import_workbook']:>8.2f} s"
        f"   {workbook_ratio:4.2f}x  (target <= {WORKBOOK_RATIO}x: {verdict(workbook_ratio <= WORKBOOK_RATIO)})",
        f"{'CSV import: peak memory (RSS of the process)':<52}{peak:>8.0f} MB"
        f"  (target < {PEAK_MB} MB: {verdict(peak < PEAK_MB)})",
        f"{'CPU time, whole process (user + sys), median:':<52}"
        + ", ".join(
            f"{kind} {statistics.median(r['cpu'] for r in results):.1f} s" for kind, results in runs.items()
        ),
        f"{'load average during the run:':<52}{os.getloadavg()[0]:.1f} (other processes share the cores)",
        "",
        "what the imports reported:",
    ]
    for kind in ("import_csv", "import_workbook"):
        last = runs[kind][-1]
        counts = "; ".join(f"{t} {c}" for t, c in last["tables"].items())
        lines.append(f"  {kind}: {counts}; {last['errors']} errors, {last['warnings']} warnings")
    lines.append("  all runs (s): " + "; ".join(
        f"{kind} " + " ".join(f"{r['seconds']:.2f}" for r in results) for kind, results in runs.items()
    ))  # fmt: skip
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows of the CSV")
    parser.add_argument("--workbook-rows", type=int, default=100_000, help="rows of the workbook")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--child", nargs=3, metavar=("KIND", "FILE", "DATABASE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, path, database = args.child
        print(json.dumps(_child(kind, path, database), default=str))
        return
    text = run(args.rows, args.workbook_rows, args.repeats)
    print(text, end="")
    if (args.rows, args.workbook_rows) == (1_000_000, 100_000):
        (ROOT / "bench" / "import_latest.txt").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
