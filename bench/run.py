"""Benchmark of each page's script run: at sample scale (with the sample workbook's import,
pages run by Streamlit's AppTest), or at large scale (`--scale large`: the programme of
`python -m engagement sample --scale large`, built once into bench/.cache/, each page in a
real `streamlit run` server spoken to over its websocket protocol), or how the figures grow
from the sample to 10x and 100x (`--growth`, writes bench/latest_growth.txt).

Prints a table of figures and ratios and writes it to bench/latest.txt (bench/latest_large.txt
at large scale). Run it with `.venv/bin/python bench/run.py [--scale large]`. Timings are
medians of several runs on this machine.
"""

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))

import fastexcel  # noqa: E402
import streamlit as st  # noqa: E402
from streamlit import logger  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from engagement import sample_large  # noqa: E402
from engagement.app import PAGES as DASHBOARD_PAGES  # noqa: E402
from engagement.db import open_database  # noqa: E402
from engagement.ingest import import_file  # noqa: E402
from engagement.sample import SAMPLE_DIR, WORKBOOK_NAME  # noqa: E402

PAGES = [path for path, _title, _icon in DASHBOARD_PAGES]
REPEATS = 5


def median_seconds(action, repeats: int = REPEATS) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_import(folder: Path) -> list[str]:
    workbook = SAMPLE_DIR / WORKBOOK_NAME

    def raw_read():
        reader = fastexcel.read_excel(str(workbook))
        for name in reader.sheet_names:
            reader.load_sheet_by_name(name).to_arrow()

    # Each run imports into a database of its own, created beforehand: only the import is timed.
    databases = iter([open_database(folder / f"import{n}.duckdb") for n in range(REPEATS)])

    def full_import():
        report = import_file(next(databases), workbook, programme="LEVP sample")
        assert report.fatal is None and not report.errors

    raw, full = median_seconds(raw_read), median_seconds(full_import)
    return [
        f"{'sample workbook: fastexcel raw read':<48}{raw:>9.3f} s",
        f"{'sample workbook: import into a new database':<48}{full:>9.3f} s   {full / raw:5.1f}x raw read",
    ]


def bench_pages(database: Path) -> list[str]:
    import os

    os.environ["ENGAGEMENT_DB"] = str(database)
    lines = [f"{'page':<30}{'first run':>12}{'warm':>10}{'new filters':>14}"]
    for page in PAGES:
        cold, warm, fresh = time_page(page)
        lines.append(f"{page:<30}{cold:>10.3f} s{warm:>8.3f} s{fresh:>12.3f} s")
    return lines


def time_page(page: str) -> tuple[float, float, float]:
    """A page's script run: first (empty caches), warm (same filters), and with new filters."""

    def run(preset: str) -> None:
        app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
        app.session_state["period_preset"] = preset
        app.switch_page(page)
        app.run()
        assert not app.exception, app.exception

    def first():
        st.cache_data.clear()
        run("last_12_months")

    presets = iter(["last_quarter", "programme_to_date"] * REPEATS)

    def changed():
        st.cache_data.clear()
        run(next(presets))

    cold = median_seconds(first)
    warm = median_seconds(lambda: run("last_12_months"))
    return cold, warm, median_seconds(changed)


TARGET_FIRST, TARGET_NEW = 3.0, 0.5  # seconds, issue 5: every page at large scale
# Filters a page has not seen yet, one after another: each run misses every cache.
NEW_FILTERS = [
    ("Last quarter", 0),
    ("Programme to date", 0),
    ("Last 12 months", 1),
    ("Last quarter", 1),
    ("Programme to date", 2),
    ("Last 12 months", 2),
]


async def page_runs(url: str, title: str) -> dict:
    """One page in a freshly started server, through Streamlit's websocket protocol (what the
    browser sends and receives, without drawing): its first run, then runs with new filters,
    then the first filters again (cached). Each figure is request sent -> script_finished."""
    from browser_bench import ProtocolSession

    session = ProtocolSession(url)
    first = await session.open(title, "Last 12 months", 120)
    countries = session.widgets["Country"][1][:2]
    new, errors = [], list(first["errors"])
    for preset, country in NEW_FILTERS:
        await session.choose("Period", preset)
        await session.choose("Country", [countries[country - 1]] if country else [])
        run = await session.run(120)
        new.append(run["latency"])
        errors += run["errors"]
    await session.choose("Period", "Last 12 months")
    await session.choose("Country", [])
    seen = await session.run(120)
    await session.close()
    return {"first": first["latency"], "new": new, "seen": seen["latency"], "errors": errors + seen["errors"]}


def server_runs(database: Path, folder: Path) -> dict[str, dict]:
    """Every page's runs (page_runs), each page in a freshly started server on this database."""
    import asyncio

    from browser_bench import PATHS
    from browser_harness import start_dashboard

    runs = {}
    for title in PATHS:
        process, url = start_dashboard(database, folder / "server.log")
        try:
            runs[title] = asyncio.run(page_runs(url, title))
        finally:
            process.terminate()
            process.wait(timeout=30)
        runs[title]["new_median"] = statistics.median(runs[title]["new"])
    return runs


def main_large() -> None:
    """Each page at large scale, in a real server: first run, new filters and seen filters."""
    from browser_bench import large_database

    lines = [
        f"Benchmark at large scale: {sample_large.PROGRAMME} (python -m engagement sample --scale large)",
        "Each page's script run in a freshly started `streamlit run` server, timed from the rerun",
        "request to script_finished over Streamlit's websocket protocol (the server's whole part of",
        "a change; the browser's drawing is bench/browser_bench.py's). first = the page's first run",
        f"(every cache empty); new = median of {len(NEW_FILTERS)} runs with filters not seen before "
        "(period x country: every cache missed); seen = filters seen before (cached).",
        f"targets: first run < {TARGET_FIRST} s, new filters < {TARGET_NEW} s",
        "",
        f"{'page':<24}{'first':>9}{'new':>9}{'max new':>9}{'seen':>9}  result",
    ]
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        database = large_database(folder)
        lines[0] += f", {database.stat().st_size / 1e6:,.0f} MB database"
        runs = server_runs(database, folder)
    for title, run in runs.items():
        ok = run["first"] < TARGET_FIRST and run["new_median"] < TARGET_NEW and not run["errors"]
        line = (
            f"{title:<24}{run['first']:>8.2f}s{run['new_median']:>8.2f}s{max(run['new']):>8.2f}s"
            f"{run['seen']:>8.2f}s  {'ok' if ok else 'MISSED'}"
        )
        lines.append(line + (f"  errors: {run['errors']}" if run["errors"] else ""))
    worst_first = max(run["first"] for run in runs.values())
    worst_new = max(run["new_median"] for run in runs.values())
    lines += [
        "",
        f"slowest first run {worst_first:.2f} s (target < {TARGET_FIRST} s); "
        f"slowest page with new filters {worst_new:.2f} s (target < {TARGET_NEW} s)",
    ]
    text = "\n".join(lines) + "\n"
    print(text, end="")
    (ROOT / "bench" / "latest_large.txt").write_text(text, encoding="utf-8")


GROWTH_SCALES = (0.01, 0.1, 1.0)  # 10,000 / 100,000 / 1,000,000 meetings: 1x, 10x, 100x


def main_growth() -> None:
    """How each page's figures grow with the programme: the sample, then the large programme
    at 1%, 10% and 100% (10,000, 100,000 and 1,000,000 meetings: 1x, 10x and 100x)."""
    columns = ["sample", *(f"{int(scale * 1_000_000):,} mtg" for scale in GROWTH_SCALES)]
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        sample = folder / "sample.duckdb"
        con = open_database(sample)
        import_file(con, SAMPLE_DIR / WORKBOOK_NAME, programme="LEVP sample", imported_by="sample")
        con.close()
        results["sample"] = server_runs(sample, folder)
        for scale, column in zip(GROWTH_SCALES, columns[1:], strict=True):
            database = folder / f"scale_{scale}.duckdb"
            con = open_database(database)
            sample_large.load(con, scale=scale)
            con.close()
            results[column] = server_runs(database, folder)
            print(f"  {column} done", flush=True)
    lines = [
        "Growth: each page's script run in a fresh server (as bench/run.py --scale large), on the",
        "sample programme and on the large programme at 1%, 10% and 100% (10k, 100k, 1M meetings;",
        "info requests, traceability rows and grievances in proportion). first run / new filters",
        "(median), seconds.",
        "",
        f"{'page':<24}" + "".join(f"{column:>20}" for column in columns),
    ]
    for title in results["sample"]:
        cells = [f"{results[c][title]['first']:.2f} / {results[c][title]['new_median']:.2f}" for c in columns]
        lines.append(f"{title:<24}" + "".join(f"{cell:>20}" for cell in cells))
    text = "\n".join(lines) + "\n"
    print(text, end="")
    (ROOT / "bench" / "latest_growth.txt").write_text(text, encoding="utf-8")


def main() -> None:
    logger.set_log_level("error")  # AppTest outside a server logs a line per run
    if "--scale" in sys.argv and sys.argv[sys.argv.index("--scale") + 1] == "large":
        main_large()
        return
    if "--growth" in sys.argv:
        main_growth()
        return
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        lines = ["Benchmark at sample scale (median of 5 runs)", ""]
        lines += bench_import(folder)
        database = folder / "pages.duckdb"
        con = open_database(database)
        import_file(con, SAMPLE_DIR / WORKBOOK_NAME, programme="LEVP sample", imported_by="sample")
        con.close()
        lines += ["", *bench_pages(database)]
    text = "\n".join(lines) + "\n"
    print(text, end="")
    (ROOT / "bench" / "latest.txt").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
