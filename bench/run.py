"""Benchmark of each page's script run: at sample scale (with the sample workbook's import),
or at large scale (`--scale large`: the programme of `python -m engagement sample --scale
large`, built once into bench/.cache/).

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


LARGE_DB = ROOT / "bench" / ".cache" / f"large_v{sample_large.SEED}.duckdb"
TARGET_FIRST, TARGET_WARM = 3.0, 0.5  # seconds, issue 5: every page at large scale


def main_large() -> None:
    """Each page at large scale: first run (empty caches), warm, and with new filters."""
    if not LARGE_DB.exists():
        LARGE_DB.parent.mkdir(parents=True, exist_ok=True)
        building = LARGE_DB.with_suffix(".building")
        building.unlink(missing_ok=True)
        con = open_database(building)
        sample_large.load(con)
        con.close()
        building.rename(LARGE_DB)
    lines = [
        f"Benchmark at large scale (median of {REPEATS} runs): {sample_large.PROGRAMME}, "
        f"{LARGE_DB.stat().st_size / 1e6:,.0f} MB database",
        f"targets: first run < {TARGET_FIRST} s, new filters (warm server, caches missed) < {TARGET_WARM} s",
        "",
        *bench_pages(LARGE_DB),
    ]
    text = "\n".join(lines) + "\n"
    print(text, end="")
    (ROOT / "bench" / "latest_large.txt").write_text(text, encoding="utf-8")


def main() -> None:
    logger.set_log_level("error")  # AppTest outside a server logs a line per run
    if "--scale" in sys.argv and sys.argv[sys.argv.index("--scale") + 1] == "large":
        main_large()
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
