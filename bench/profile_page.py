"""Where a page's server time goes: one page of a served dashboard on the large programme,
sampled by py-spy while it runs again and again. This is how the figures in the README's
design notes ("what a run costs") were found; AppTest runs a page in a thread that cProfile
does not see, and a served page is what people wait for.

    .venv/bin/python bench/profile_page.py "Dialogue frequency"          # filters seen before
    .venv/bin/python bench/profile_page.py "Dialogue frequency" --new    # every run a cache miss

Prints the median run (rerun request -> script_finished over Streamlit's protocol) and the
functions holding the interpreter lock longest, with their share of the samples (a function
counts once per sample however deep it recurs). With --new each run's filters are new (period
x country), so what shows is the cost of computing; without, the cost of drawing from caches.
"""

import argparse
import asyncio
import collections
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "tests")]

from browser_bench import PATHS, ProtocolSession, large_database  # noqa: E402
from browser_harness import start_dashboard  # noqa: E402

PY_SPY = Path(sys.executable).parent / "py-spy"
PRESETS = ["Last quarter", "Last 12 months", "Programme to date"]


def shares(raw: Path, top: int) -> list[str]:
    """py-spy's raw output (a line per distinct stack: frames joined by ';', then a count) as
    the functions in most samples, with their share."""
    counts, total = collections.Counter(), 0
    for line in raw.read_text(encoding="utf-8").splitlines():
        stack, _, count = line.rpartition(" ")
        total += int(count)
        frames = {re.sub(r":\d+\)$", ")", frame).replace(f"{ROOT}/", "") for frame in stack.split(";")[1:]}
        for frame in frames:
            counts[frame] += int(count)
    wanted = [(frame, n) for frame, n in counts.most_common() if "threading.py" not in frame]
    return [f"{100 * n / total:5.1f}%  {frame[:110]}" for frame, n in wanted[:top]]


async def runs(url: str, title: str, times: int, new: bool, spy: list) -> list[float]:
    session = ProtocolSession(url)
    await session.open(title, PRESETS[0], 120)
    countries = session.widgets["Country"][1] if "Country" in session.widgets else []
    if not new:  # the filters the loop alternates, computed once before sampling
        for preset in PRESETS[:2]:
            await session.choose("Period", preset)
            await session.run(120)
    spy.append(None)  # start sampling now
    await asyncio.sleep(1.0)
    latencies = []
    for n in range(times):
        await session.choose("Period", PRESETS[n % len(PRESETS)] if new else PRESETS[n % 2])
        if new:  # a country not chosen before: every figure of this run is a cache miss
            await session.choose("Country", [countries[n % len(countries)]] if countries else [])
        latencies.append((await session.run(120))["latency"])
    await session.close()
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("page", choices=list(PATHS), help="the page's title")
    parser.add_argument("--runs", type=int, default=16)
    parser.add_argument("--new", action="store_true", help="new filters every run (cache misses)")
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    if not PY_SPY.exists():
        raise SystemExit("py-spy is missing: pip install -r requirements-dev.txt")
    with tempfile.TemporaryDirectory(prefix="profile_page_") as folder:
        folder = Path(folder)
        process, url = start_dashboard(large_database(folder), folder / "server.log")
        raw = folder / "samples.txt"
        try:
            started = []

            async def sampled() -> list[float]:
                task = asyncio.create_task(runs(url, args.page, args.runs, args.new, started))
                while not started and not task.done():
                    await asyncio.sleep(0.05)
                spy = subprocess.Popen(
                    [str(PY_SPY), "record", "-p", str(process.pid), "-o", str(raw), "--format", "raw"]
                    + ["--rate", "200", "--gil", "--nonblocking"],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
                try:
                    return await task
                finally:
                    spy.send_signal(2)  # py-spy writes its samples on SIGINT
                    spy.wait(timeout=30)

            latencies = asyncio.run(sampled())
        finally:
            process.terminate()
            process.wait(timeout=30)
        kind = "new filters (cache misses)" if args.new else "filters seen before (cached)"
        print(f"{args.page}: {args.runs} runs with {kind}, median {statistics.median(latencies):.3f} s")
        print("each run (s): " + " ".join(f"{latency:.2f}" for latency in latencies))
        print("share of the samples holding the interpreter lock, by function:")
        print("\n".join(shares(raw, args.top)))


if __name__ == "__main__":
    main()
