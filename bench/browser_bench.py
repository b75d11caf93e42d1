"""The dashboard in a real browser, against the large programme, beside a minimal one-chart app
(bench/minimal_app.py, the floor this stack allows). One command:

    .venv/bin/python bench/browser_bench.py            # full run, ~20 minutes
    .venv/bin/python bench/browser_bench.py --quick    # smoke run: 1 round, 3 sessions for 20 s

Prints a table of figures, targets and ok/MISSED; a full run also writes it to
bench/latest_browser.txt (a quick run does not). Debian's chromium (/usr/bin/chromium) driven
by Playwright, headless; a missing chromium fails the run, it never passes.

What is measured (wall-clock on this machine):

1. Interaction: from the pointerdown on the new Period option (or menu link) to the page
   drawn again, which is when all of these hold:
   - Streamlit's script run is over: the stApp element's data-test-script-state attribute
     went to "running" after the click and back to "notRunning" (a MutationObserver keeps the
     times), and no element is left stale ([data-stale="true"]);
   - every visible plotly chart ([data-testid="stPlotlyChart"]) is drawn: its graph div has
     _fullLayout and an svg and is not hidden, and every chart whose data changed (a hash of
     JSON.stringify(graphDiv.data) taken before the click differs, or the graph div is new)
     has emitted plotly_afterplot since the click (the graph divs' emit is wrapped in the page
     to note the time).
   The end is the later of the run's end and the last plotly_afterplot; the page must then stay
   quiet for QUIET_MS (not counted). A chart whose DOM still changes at that moment is counted
   as "busy" (it keeps the browser working after it is drawn).
   Each page: the Period selectbox switched between presets; the first two changes on a page
   use presets this page has not computed since the server started ("new": st.cache_data
   cannot help), the next two return to presets it has ("seen": cache hits). Every round starts
   a fresh server, so the "new" samples are cache misses in every round. The minimal app has
   no cache: every change computes. A change not drawn within INTERACTION_TIMEOUT_S counts as
   not drawn (its median shows as ">"); the rest of that page is skipped.
2. Cold start: from the server process's start (Popen, the same command as
   tests/browser_harness.py) to its first page drawn in the browser (the rule above; the
   browser is already running, files are in the OS cache). One per round and app.
3. Peak server memory: the RSS of the streamlit process and its children (/proc), sampled
   every 0.2 s while 5 browser sessions (Period presets alternating) open every page at the
   same time on a fresh server; a page counts as opened when its script run is over (these
   browsers do not load plotly's script: the server's work is the same, the cores stay free).
4. Load, twice, each on a fresh server with 20 sessions for two minutes:
   4a. through Streamlit's own websocket protocol (as the frontend: a BackMsg rerun_script with
   the widgets' values and the page, ForwardMsgs read until script_finished): no browser, so the
   server has the 2 cores; latency = rerun sent -> script_finished received;
   4b. 20 browser sessions (contexts in two headless chromium processes) on a fresh server,
   one more every RAMP_S s; once all have opened a page, a window of two minutes in which each
   repeats, after a pause of THINK_S, a random action: the Period to another preset, a Country
   added or removed, another page. Errors: an exception or "could not be drawn" on screen, a
   lost connection, a page or change not drawn within TIMEOUT_S (the session then starts again
   in a new context). The p95 of the latency of the changes clicked in the window (one not
   drawn counts as longer than all). By default the load browsers do not load plotly's script
   (--load-charts: they do): the browsers run on the same 2 cores as the server, and 20 tabs
   drawing charts would mostly measure the browsers. The load average and the CPU seconds of
   both sides are printed with the figures.
"""

import argparse
import asyncio
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from streamlit import logger  # noqa: E402

logger.set_log_level("error")  # engagement.app's caches, imported outside a server, would warn

from browser_harness import CHROMIUM, CHROMIUM_ARGS, _free_port, start_dashboard  # noqa: E402

from engagement import sample_large  # noqa: E402
from engagement.app import PAGES  # noqa: E402

LARGE_DB = ROOT / "bench" / ".cache" / f"large_v{sample_large.SEED}.duckdb"  # as bench/run.py
MINIMAL_APP = ROOT / "bench" / "minimal_app.py"
OUTPUT = ROOT / "bench" / "latest_browser.txt"

PRESETS = ["Last 12 months", "Last quarter", "Programme to date"]
PRESET_KEYS = {
    "Last 12 months": "last_12_months",
    "Last quarter": "last_quarter",
    "Programme to date": "programme_to_date",
}
PATHS = {title: path.removeprefix("pages/").removesuffix(".py") for path, title, _icon in PAGES}
TITLES = list(PATHS)
VIEWPORT = {"width": 1400, "height": 1000}
QUIET_MS = 500  # the page must stay quiet this long after the end (not counted)
TIMEOUT_S = 30  # under load, a change not drawn by then is an error (as in tests/test_browser.py)
INTERACTION_TIMEOUT_S = 60  # one session alone: the longest wait for a change to be drawn
RERUN_WAIT_S = 10  # a click after which no script run starts by then is made again

TARGET_RATIO_INTERACTION = 2.0
TARGET_RATIO_COLD = 1.5
TARGET_RSS_GB = 1.5
TARGET_P95_S = 3.0

# --- in the page ----------------------------------------------------------------------------

# Installed in every document before its own scripts (context.add_init_script).
INIT_JS = """
(() => {
  if (window.__bb) return;
  const bb = window.__bb = {states: [], chartMut: 0, t0: null, armedAt: 0, armed: false, cold: false};
  const CHART = '[data-testid="stPlotlyChart"]';
  // plotly gives each graph div its own emit(): wrap it to note when the chart was drawn
  Object.defineProperty(HTMLElement.prototype, 'emit', {
    configurable: true,
    set(fn) {
      const gd = this;
      Object.defineProperty(gd, 'emit', {configurable: true, writable: true, value: function (name) {
        if (name === 'plotly_afterplot') gd.__bbAfter = performance.now();
        return fn.apply(this, arguments);
      }});
    },
  });
  const inChart = (node) => {
    const el = node && (node.nodeType === 1 ? node : node.parentElement);
    return !!(el && el.closest && el.closest(CHART));
  };
  new MutationObserver((records) => {
    const now = performance.now();
    for (const r of records) {
      if (r.type === 'attributes' && r.attributeName === 'data-test-script-state') {
        bb.states.push([r.target.getAttribute('data-test-script-state'), now]);
      } else if (bb.chartMut !== now && inChart(r.target)) {
        bb.chartMut = now;
      }
    }
  }).observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
  document.addEventListener('pointerdown', (e) => {
    const hit = e.target && e.target.closest &&
      e.target.closest('[role="option"], [data-testid="stSidebarNav"] a, button[aria-label^="Remove "]');
    if (bb.armed && bb.t0 === null && hit) bb.t0 = performance.now();
  }, true);
  bb.hash = (gd) => {
    let s = '';
    try { s = JSON.stringify(gd.data) || ''; } catch (e) { s = String(Math.random()); }
    let h = 0;
    for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
    return h + ':' + s.length;
  };
  bb.graphs = () => Array.from(document.querySelectorAll(CHART + ' .js-plotly-plot'));
})();
"""

ARM_JS = """() => {
  const bb = window.__bb;
  for (const gd of bb.graphs()) gd.__bbHash = bb.hash(gd);
  bb.states = []; bb.chartMut = 0; bb.t0 = null;
  bb.armedAt = performance.now(); bb.armed = true; bb.cold = false;
  const app = document.querySelector('[data-testid="stApp"]');
  bb.armState = app ? app.getAttribute('data-test-script-state') : null;
}"""

COLD_JS = """() => { const bb = window.__bb; bb.t0 = 0; bb.armed = false; bb.cold = true; }"""

# The page drawn again: false, or the timings (ms, page clock) and what the charts received.
DONE_JS = """([quiet, withCharts]) => {
  const bb = window.__bb;
  if (!bb) return false;
  const now = performance.now();
  const t0 = bb.t0 !== null ? bb.t0 : bb.armedAt;
  const after = bb.states.filter((s) => s[1] >= t0);
  const last = after[after.length - 1];
  if (!last || last[0] !== 'notRunning' || now - last[1] < quiet) return false;
  // a run after the click (or one still going at the click, which the click's rerun replaces)
  if (!bb.cold && !after.some((s) => s[0] === 'running') && bb.armState === 'notRunning') return false;
  if (document.querySelector('[data-stale="true"]')) return false;
  if (!document.querySelector('[data-testid="stMain"] h1')) return false;
  let end = last[1], charts = 0, changed = 0;
  if (withCharts) {
    for (const c of document.querySelectorAll('[data-testid="stPlotlyChart"]')) {
      if (c.offsetParent === null) continue;  // not displayed (a closed expander)
      charts++;
      const gd = c.querySelector('.js-plotly-plot');
      if (!gd || !gd._fullLayout || !gd.querySelector('.main-svg')) return false;
      if (getComputedStyle(gd).visibility === 'hidden') return false;
      if (gd.__bbHash === undefined || bb.hash(gd) !== gd.__bbHash) {
        changed++;
        if (!(gd.__bbAfter > t0)) return false;
      }
      if (gd.__bbAfter > t0) end = Math.max(end, gd.__bbAfter);
    }
    if (now - end < quiet) return false;
  }
  return {
    t0: t0, t0Seen: bb.t0 !== null, runEnd: last[1], end: end, origin: performance.timeOrigin,
    charts: charts, changed: changed, busy: now - bb.chartMut < quiet / 2,
    runs: after.filter((s) => s[0] === 'running').length,
  };
}"""

STATUS_JS = """() => {
  // Why DONE_JS still says no (same checks, in the same order).
  const bb = window.__bb, now = performance.now();
  const t0 = bb.t0 !== null ? bb.t0 : bb.armedAt;
  const after = bb.states.filter((s) => s[1] >= t0);
  const last = after[after.length - 1];
  const run = last && last[0] === 'notRunning' ? (last[1] - t0) / 1000 : null;
  let why = null;
  if (!bb.cold && !after.some((s) => s[0] === 'running') && bb.armState === 'notRunning')
    why = 'no script run seen after the click';
  else if (run === null) why = 'script still running';
  else if (document.querySelector('[data-stale="true"]')) why = 'stale elements left';
  else if (!document.querySelector('[data-testid="stMain"] h1')) why = 'no heading';
  else {
    const charts = Array.from(document.querySelectorAll('[data-testid="stPlotlyChart"]'))
      .filter((c) => c.offsetParent !== null).map((c) => c.querySelector('.js-plotly-plot'));
    const pending = charts.filter((gd) => !gd || !gd._fullLayout || !(gd.__bbAfter > t0)).length;
    why = pending ? `${pending} of ${charts.length} charts not drawn`
                  : `charts drawn again and again (last change ${Math.round(now - bb.chartMut)} ms ago)`;
  }
  return {run: run, why: why};
}"""

ERRORS_JS = """() => {
  const found = [];
  if (document.querySelector('[data-testid="stException"]')) found.push('exception');
  if ((document.querySelector('[data-testid="stMain"]') || document.body).innerText.includes('could not be drawn'))
    found.push('could not be drawn');
  const app = document.querySelector('[data-testid="stApp"]');
  const state = app && app.getAttribute('data-test-connection-state');
  if (state && state !== 'CONNECTED') found.push('connection ' + state);
  return found;
}"""


class Session:
    """One user: a browser context and its page, started again in a new context when a page
    stops responding (a renderer busy drawing cannot be clicked)."""

    def __init__(
        self, browser, url: str, click_timeout_s: float = INTERACTION_TIMEOUT_S, charts: bool = True
    ):
        self.browser, self.url, self.context, self.page = browser, url, None, None
        self.click_timeout_s, self.charts = click_timeout_s, charts

    async def open(self, title: str | None, preset: str, timeout_s: float, with_charts: bool = True) -> dict:
        """A new context at a page (None: the app's first page), with a Period preset in the link."""
        await self.open_blank()
        path = PATHS[title] if title else ""
        query = f"?period={PRESET_KEYS[preset]}" if preset else ""
        await self.page.goto(f"{self.url}/{path}{query}", timeout=timeout_s * 1000)
        await self.page.evaluate(COLD_JS)
        return await self.wait(timeout_s, with_charts)

    async def open_blank(self) -> None:
        """A new context with the page's instruments, on a blank page."""
        await self.close()
        self.context = await self.browser.new_context(viewport=VIEWPORT)
        self.context.set_default_timeout(self.click_timeout_s * 1000)
        await self.context.add_init_script(INIT_JS)
        if not self.charts:  # plotly's code is not loaded: the browser draws no chart
            await self.context.route("**/PlotlyChart*.js", lambda route: route.abort())
        self.page = await self.context.new_page()

    async def wait(self, timeout_s: float, with_charts: bool = True) -> dict:
        handle = await self.page.wait_for_function(
            DONE_JS, arg=[QUIET_MS, with_charts], polling=100, timeout=timeout_s * 1000
        )
        return await handle.json_value()

    async def interact(self, action, timeout_s: float, with_charts: bool = True) -> dict:
        """Arm the page, do the action (its clicks), wait until drawn. Always a record: ok, the
        latency (s, from the pointerdown) and its script-run part, or why it was not drawn."""
        retried = ""
        try:
            await self.page.evaluate(ARM_JS)
            clicked = await action(self.page)
            # A click that met no option or link (the sidebar redrawn under it), or a menu link
            # after which no script run starts within RERUN_WAIT_S, is made again, once, as a
            # person would; the latency still counts from the first pointerdown. The report
            # counts them.
            missed = "() => window.__bb.t0 === null && !window.__bb.states.some((s) => s[0] === 'running')"
            started = "() => window.__bb.states.some((s) => s[0] === 'running') || window.__bb.armState !== 'notRunning'"
            if await asyncio.wait_for(self.page.evaluate(missed), 10):
                retried = "click met no option or link"
            elif getattr(action, "again_if_no_run", False):  # a menu link: clicking again is harmless
                try:
                    await self.page.wait_for_function(started, polling=100, timeout=RERUN_WAIT_S * 1000)
                except Exception:
                    retried = f"no script run within {RERUN_WAIT_S} s of the click"
            if retried:
                await asyncio.sleep(0.5)
                clicked = await action(self.page)
        except Exception as error:
            return {
                "ok": False,
                "latency": None,
                "run": None,
                "why": f"click failed: {first_line(error)[:100]}",
            }
        try:
            drawn = await self.wait(timeout_s, with_charts)
        except Exception as error:
            status = {"run": None, "why": f"not drawn within {timeout_s:g} s: {first_line(error)[:80]}"}
            try:
                status = await asyncio.wait_for(self.page.evaluate(STATUS_JS), 10)
                status["why"] = f"not drawn within {timeout_s:g} s ({status['why']})"
            except Exception:
                status["why"] = f"not drawn within {timeout_s:g} s (the page does not answer: renderer busy)"
            return {"ok": False, "latency": None, "run": status["run"], "why": status["why"]}
        drawn.update(
            ok=True,
            latency=(drawn["end"] - drawn["t0"]) / 1000,
            run=(drawn["runEnd"] - drawn["t0"]) / 1000,
            wall=(drawn["origin"] + drawn["end"]) / 1000 - clicked,  # from the click's issue
            retried=retried,
        )
        try:
            drawn["errors"] = await asyncio.wait_for(self.page.evaluate(ERRORS_JS), 10)
        except Exception:
            drawn["errors"] = ["page does not answer"]
        return drawn

    async def close(self) -> None:
        if self.context is not None:
            try:
                await self.context.close()
            except Exception:
                pass
        self.context = self.page = None


def first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def choose_period(label: str):
    async def action(page) -> float:
        await page.locator('[data-testid="stSelectbox"]').filter(has_text="Period").click()
        option = page.get_by_role("option", name=label, exact=True)
        await option.wait_for()
        clicked = time.time()
        await option.click()
        return clicked

    return action


def open_page(title: str):
    async def action(page) -> float:
        link = page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name=title, exact=True)
        await link.wait_for()
        clicked = time.time()
        await link.click()
        return clicked

    action.again_if_no_run = True
    return action


OPTIONS_READY_JS = """() => {
  const options = Array.from(document.querySelectorAll('[role="listbox"] [role="option"]'));
  return options.length > 1 && options.every((o) => o.textContent.trim() !== '');
}"""


def toggle_country(rng: random.Random):
    """Remove the Country chosen (its chip) if there is one, else add a random one. The list of
    countries sometimes opens only at a second click, and under load an option clicked while
    it opens may not be taken: the action then tries again (up to 3 times), as a person would;
    the latency counts from the first click."""

    async def action(page) -> float:
        box = page.locator('[data-testid="stMultiSelect"]').filter(has_text="Country")
        chips = box.locator('button[aria-label^="Remove "]')
        if await chips.count():
            clicked = time.time()
            await chips.first.click()
            return clicked
        opener, clicked = box.get_by_role("button", name="Open", exact=True), None
        for _attempt in range(3):
            for _ in range(4):
                if await opener.get_attribute("aria-expanded") != "true":
                    await opener.click()
                try:
                    await page.wait_for_function(OPTIONS_READY_JS, polling=100, timeout=2000)
                    break
                except Exception:
                    continue
            options = page.locator('[role="listbox"] [role="option"]')
            pick = rng.randrange(1, await options.count())  # the first is "Select all"
            clicked = clicked or time.time()
            await options.nth(pick).click()
            await page.keyboard.press("Escape")
            try:
                await chips.first.wait_for(timeout=3000)
                return clicked
            except Exception:
                continue
        raise RuntimeError("no country could be chosen in 3 tries")

    return action


# --- servers and processes -----------------------------------------------------------------


def launch(script: Path, database: Path, log: Path) -> tuple[subprocess.Popen, str, float, float]:
    """`streamlit run script` exactly as tests/browser_harness.py starts the dashboard, with a
    finer health poll (50 ms): the process, its url, its start (epoch s) and when healthy."""
    port = _free_port()
    env = {**os.environ, "ENGAGEMENT_DB": str(database)}
    command = [
        sys.executable, "-m", "streamlit", "run", str(script.relative_to(ROOT)),
        "--server.headless", "true", "--server.address", "127.0.0.1",
        "--server.port", str(port), "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    started = time.time()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    while time.time() < started + 60:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited early; see {log}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.read() == b"ok":
                    return process, url, started, time.time()
        except OSError:
            time.sleep(0.05)
    stop(process)
    raise RuntimeError(f"{script.name} did not answer on {url} within 60 s; see {log}")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _parents() -> dict[int, int]:
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
                parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                pass
    return parents


def process_tree(root: int) -> list[int]:
    parents = _parents()
    tree, frontier = [root], {root}
    while frontier:
        frontier = {pid for pid, parent in parents.items() if parent in frontier}
        tree += frontier
    return tree


def rss_bytes(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            pass
    return total


def cpu_seconds(pids: list[int]) -> float:
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        except (OSError, IndexError, ValueError):
            pass
    return total / ticks


class Sampler:
    """In a thread, every `every` s: the RSS of a process and its children, the load average,
    and the CPU seconds of the server's and this benchmark's (browsers') process trees, summed
    per process over the last sample each process had (so exited renderers still count)."""

    def __init__(self, pid: int, every: float = 0.2):
        self.pid, self.every, self.peak, self.load_max = pid, every, 0, 0.0
        self.server_cpu: dict[int, float] = {}
        self.client_cpu: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while True:
            server = process_tree(self.pid)
            self.peak = max(self.peak, rss_bytes(server))
            self.load_max = max(self.load_max, os.getloadavg()[0])
            for pid in server:
                self.server_cpu[pid] = cpu_seconds([pid])
            for pid in set(process_tree(os.getpid())) - set(server):
                self.client_cpu[pid] = cpu_seconds([pid])
            if self._stop.wait(self.every):
                return

    def __enter__(self):
        self.server0 = cpu_seconds(process_tree(self.pid))
        self.client0 = cpu_seconds([p for p in process_tree(os.getpid()) if p not in process_tree(self.pid)])
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def cpu(self) -> tuple[float, float]:
        """CPU seconds used since the start: (server, browsers and this benchmark)."""
        return sum(self.server_cpu.values()) - self.server0, sum(self.client_cpu.values()) - self.client0


# --- the database --------------------------------------------------------------------------


def large_database(folder: Path) -> Path:
    """A private copy of bench/.cache's large programme (built there first if missing, as
    bench/run.py does): the dashboard opens its database read-write, and a copy keeps this run
    clear of other runs' locks. The cached file is first opened as the dashboard opens it, so it
    is migrated and its derived tables built once (a deployment's database is brought up to date
    once, not at every start)."""
    from engagement.db import open_database

    if not LARGE_DB.exists():
        print(f"building {LARGE_DB.relative_to(ROOT)} (about 15 s) ...", flush=True)
        LARGE_DB.parent.mkdir(parents=True, exist_ok=True)
        building = LARGE_DB.with_suffix(".building")
        building.unlink(missing_ok=True)
        con = open_database(building)
        sample_large.load(con)
        con.close()
        building.rename(LARGE_DB)
    open_database(LARGE_DB).close()
    copy = folder / "large.duckdb"
    shutil.copyfile(LARGE_DB, copy)
    wal = LARGE_DB.with_name(LARGE_DB.name + ".wal")
    if wal.exists():
        shutil.copyfile(wal, copy.with_name(copy.name + ".wal"))
    return copy


# --- 1 and 2: cold start and interaction ---------------------------------------------------


def seconds_list(values) -> str:
    return ", ".join(f"{value:.2f}" for value in values)


def log_progress(text: str) -> None:
    print(f"  [{datetime.now():%H:%M:%S}] {text}", flush=True)


async def cold_start(browser, script: Path, database: Path, log: Path):
    """Start the server, open its first page, wait until drawn: (server, session, figures)."""
    session = Session(browser, "")
    await session.open_blank()
    process, url, started, healthy = launch(script, database, log)
    session.url = url
    try:
        await session.page.goto(url, timeout=INTERACTION_TIMEOUT_S * 2 * 1000)
        await session.page.evaluate(COLD_JS)
        drawn = await session.wait(INTERACTION_TIMEOUT_S * 2)
    except BaseException:
        stop(process)
        await session.close()
        raise
    drawn_at = (drawn["origin"] + drawn["end"]) / 1000
    return (
        process,
        session,
        {"ready": healthy - started, "drawn": drawn_at - started, "charts": drawn["charts"]},
    )


async def round_minimal(browser, database: Path, folder: Path, changes: int, results: dict) -> None:
    process, session, cold = await cold_start(browser, MINIMAL_APP, database, folder / "minimal.log")
    try:
        results["cold_minimal"].append(cold)
        current = PRESETS[0]
        for n in range(changes):
            target = PRESETS[(PRESETS.index(current) + 1 + n % 2) % 3]
            drawn = await session.interact(choose_period(target), INTERACTION_TIMEOUT_S)
            if not drawn["ok"]:
                raise RuntimeError(f"the minimal app was not drawn: {drawn['why']}")
            results["minimal"].append(drawn)
            current = target
        log_progress(
            f"minimal app: cold start {cold['drawn']:.2f} s, change median "
            f"{statistics.median(d['latency'] for d in results['minimal']):.3f} s"
        )
    finally:
        await session.close()
        stop(process)


def change_plan(current: str, quick: bool) -> list[tuple[str, str]]:
    """The presets to switch to on a page whose figures exist for `current` only: the two
    others first (new to this page since the server started), then presets seen already."""
    a, b = [p for p in PRESETS if p != current]
    plan = [(a, "new"), (b, "new")]
    return plan if quick else plan + [(a, "seen"), (current, "seen")]


async def round_dashboard(browser, database: Path, folder: Path, quick: bool, results: dict) -> None:
    process, session, cold = await cold_start(
        browser, ROOT / "dashboard.py", database, folder / "dashboard.log"
    )
    try:
        results["cold_dashboard"].append(cold)
        log_progress(
            f"dashboard: cold start {cold['drawn']:.2f} s (server healthy after {cold['ready']:.2f} s)"
        )
        current, broken = PRESETS[0], False  # the dashboard's default preset
        for n, title in enumerate(TITLES):
            per_page = results["pages"].setdefault(title, {"switch": [], "new": [], "seen": []})
            if broken:  # the last page stopped answering: this page in a new session
                await session.open(title, current, INTERACTION_TIMEOUT_S * 2)
                broken = False
            elif n:
                drawn = await session.interact(open_page(title), INTERACTION_TIMEOUT_S)
                per_page["switch"].append(drawn)
                broken = not drawn["ok"]
            for target, kind in [] if broken else change_plan(current, quick):
                drawn = await session.interact(choose_period(target), INTERACTION_TIMEOUT_S)
                per_page[kind].append(drawn)
                current = target
                if not drawn["ok"]:
                    broken = True
                    break
            failed = [
                d["why"] for d in per_page["switch"] + per_page["new"] + per_page["seen"] if not d["ok"]
            ]
            log_progress(
                f"{title}: new filters {seconds_list(d['latency'] for d in per_page['new'][-2:] if d['ok'])} s"
                + (f"; {failed[-1]}" if failed else "")
            )
    finally:
        await session.close()
        stop(process)


# --- 3: memory -----------------------------------------------------------------------------


async def visit_every_page(browser, url: str, number: int, errors: list, retried: list) -> None:
    """One session: its preset in the link, then every page (starting at its own) until its
    script run is over."""
    session = Session(browser, url, charts=False)
    preset = PRESETS[number % 3]
    try:
        await session.open(None, preset, INTERACTION_TIMEOUT_S, with_charts=False)
        for title in TITLES[number:] + TITLES[:number]:
            drawn = await session.interact(open_page(title), INTERACTION_TIMEOUT_S, with_charts=False)
            if not drawn["ok"]:
                errors.append(f"{title}: {drawn['why']}")
                await session.open(None, preset, INTERACTION_TIMEOUT_S, with_charts=False)
            else:
                errors += [f"{title}: {error}" for error in drawn["errors"]]
                if drawn["retried"]:
                    retried.append(f"{title}: {drawn['retried']}")
    except Exception as error:
        errors.append(f"session {number}: {first_line(error)}")
    finally:
        await session.close()


async def bench_memory(browser, database: Path, folder: Path, sessions: int) -> dict:
    process, url = start_dashboard(database, folder / "memory.log")
    try:
        idle = rss_bytes(process_tree(process.pid))
        errors: list = []
        retried: list = []
        started = time.monotonic()
        with Sampler(process.pid) as sampler:
            await asyncio.gather(
                *(visit_every_page(browser, url, n, errors, retried) for n in range(sessions))
            )
        return {
            "sessions": sessions,
            "idle": idle,
            "peak": sampler.peak,
            "after": rss_bytes(process_tree(process.pid)),
            "errors": errors,
            "retried": retried,
            "seconds": time.monotonic() - started,
        }
    finally:
        stop(process)


# --- 4: load -------------------------------------------------------------------------------


RAMP_S = 1.5  # load: one session more every RAMP_S seconds
THINK_S = (1.0, 3.0)  # load: a session's pause between two actions (uniform)


async def load_session(
    browser, url: str, number: int, clock: dict, seed: int, charts: bool, out: dict
) -> None:
    """One user: opens a page of its own after number * RAMP_S s, then repeats a random action
    (a pause of THINK_S between two) until the measured window is over. Interactions are
    counted when their click falls inside the window; errors at any time."""
    rng = random.Random(seed * 1000 + number)
    session = Session(browser, url, click_timeout_s=TIMEOUT_S, charts=charts)
    preset, title = rng.choice(PRESETS), rng.choice(TITLES)
    await asyncio.sleep(number * RAMP_S)
    try:
        while clock["end"] is None or time.monotonic() < clock["end"]:
            if session.page is None:  # (re)start: a page of its own, its preset in the link
                try:
                    await session.open(title, preset, TIMEOUT_S * 2, with_charts=charts)
                except Exception as error:
                    out["errors"].append(f"session {number}: {title} not opened ({first_line(error)[:90]})")
                    await session.close()
                    title = rng.choice(TITLES)
                    continue
                finally:
                    clock["opened"].add(number)
            await asyncio.sleep(rng.uniform(*THINK_S))
            roll = rng.random()
            if roll < 0.4:
                preset = rng.choice([p for p in PRESETS if p != preset])
                kind, action = "period", choose_period(preset)
            elif roll < 0.6:
                kind, action = "country", toggle_country(rng)
            else:
                title = rng.choice([t for t in TITLES if t != title])
                kind, action = "page", open_page(title)
            at = time.monotonic()
            counted = clock["start"] is not None and at >= clock["start"] and at < clock["end"]
            drawn = await session.interact(action, TIMEOUT_S, with_charts=charts)
            if not drawn["ok"]:
                target = {"page": f" to {title}", "period": f" to {preset}"}.get(kind, f" on {title}")
                out["errors"].append(f"session {number} {kind}{target}: {drawn['why']}")
                if counted:
                    out["failed"].append((kind, title))
                await session.close()
                continue
            if drawn["retried"]:
                out["retried"].append(f"{kind} on {title}: {drawn['retried']}")
            if counted:
                out["latencies"].append((kind, title, drawn["latency"], drawn["run"], drawn["wall"]))
            out["errors"] += [f"session {number} {kind} on {title}: {error}" for error in drawn["errors"]]
    finally:
        await session.close()


async def measure_load(process, runs: list, clock: dict, seconds: float, out: dict) -> dict:
    """Run the sessions (coroutines sharing `clock`); the measured window opens when every
    session has opened its first page (or failed to) and lasts `seconds`. The run's ramp-up,
    load average, CPU and peak memory go into `out`, which is returned."""

    async def window() -> None:
        while len(clock["opened"]) < len(runs):
            await asyncio.sleep(0.2)
        clock["start"] = time.monotonic()
        clock["end"] = clock["start"] + seconds
        out["load_before"] = os.getloadavg()

    started = time.monotonic()
    with Sampler(process.pid, every=1.0) as sampler:
        await asyncio.gather(window(), *runs)
    server_cpu, client_cpu = sampler.cpu()
    out.update(
        ramp=clock["start"] - started,
        seconds=time.monotonic() - started,
        window=seconds,
        load_after=os.getloadavg(),
        load_max=sampler.load_max,
        server_cpu=server_cpu,
        client_cpu=client_cpu,
        peak_rss=sampler.peak,
    )
    return out


async def bench_load(
    browser_type, database: Path, folder: Path, sessions: int, seconds: float, seed: int, charts: bool
) -> dict:
    process, url = start_dashboard(database, folder / "load.log")
    browsers = [
        await browser_type.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for _ in range(2 if sessions > 5 else 1)
    ]
    out = {"latencies": [], "failed": [], "errors": [], "retried": [], "sessions": sessions, "charts": charts}
    clock = {"start": None, "end": None, "opened": set()}
    try:
        runs = [
            load_session(browsers[n % len(browsers)], url, n, clock, seed, charts, out)
            for n in range(sessions)
        ]
        return await measure_load(process, runs, clock, seconds, out)
    finally:
        for browser in browsers:
            await browser.close()
        stop(process)


# --- 4 without browsers: Streamlit's own protocol ------------------------------------------


class ProtocolSession:
    """One user speaking Streamlit's websocket protocol, as the browser's frontend does: a
    BackMsg rerun_script (the widgets' values, the page) out; ForwardMsgs in until the run is
    over (script_finished). Costs the client next to nothing, so the server has the cores."""

    def __init__(self, url: str):
        self.url = url.replace("http://", "ws://") + "/_stcore/stream"
        self.ws, self.widgets, self.states, self.pages, self.page, self.query = None, {}, {}, {}, "", ""

    async def open(self, title: str, preset: str, timeout_s: float) -> dict:
        import websockets

        await self.close()
        self.widgets, self.states, self.pages = {}, {}, {}
        self.ws = await websockets.connect(
            self.url, subprotocols=["streamlit"], max_size=None, open_timeout=timeout_s
        )
        self.page = ""
        return await self.run(timeout_s, query=f"period={PRESET_KEYS[preset]}", page_name=PATHS[title])

    async def run(self, timeout_s: float, query: str = "", page_name: str = "") -> dict:
        """Ask for a rerun with the current widget values and page; wait until it is over."""
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        message = BackMsg()
        state = message.rerun_script
        state.query_string, state.page_name, state.page_script_hash = query, page_name, self.page
        for widget in self.states.values():
            state.widget_states.widgets.append(widget)
        started = time.monotonic()
        await self.ws.send(message.SerializeToString())
        errors, headings, metrics = [], [], []
        while True:
            left = started + timeout_s - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"run not over within {timeout_s:g} s")
            forward = ForwardMsg()
            forward.ParseFromString(await asyncio.wait_for(self.ws.recv(), left))
            kind = forward.WhichOneof("type")
            if kind == "navigation":
                self.pages = {
                    page.url_pathname: page.page_script_hash for page in forward.navigation.app_pages
                }
                self.page = forward.navigation.page_script_hash  # the page this run shows
            elif kind == "page_info_changed":
                self.query = forward.page_info_changed.query_string
            elif kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                element = forward.delta.new_element
                which = element.WhichOneof("type")
                if which in ("selectbox", "multiselect"):
                    widget = getattr(element, which)
                    self.widgets[widget.label] = (widget.id, list(widget.options))
                elif which == "metric":
                    metrics.append(element.metric.body)
                elif which == "heading" and element.heading.tag == "h1":
                    headings.append(element.heading.body)
                elif which == "exception":
                    errors.append("exception")
                elif which == "alert" and "could not be drawn" in element.alert.body:
                    errors.append("could not be drawn")
            elif kind == "script_finished" and forward.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                return {
                    "ok": True,
                    "latency": time.monotonic() - started,
                    "errors": errors,
                    "h1": headings,
                    "metrics": metrics,
                }

    async def choose(self, label: str, value) -> dict:
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        widget_id, _options = self.widgets[label]
        widget = WidgetState(id=widget_id)
        if isinstance(value, list):
            widget.string_array_value.data.extend(value)
        else:
            widget.string_value = value
        self.states[label] = widget
        return widget

    async def close(self) -> None:
        if self.ws is not None:
            try:
                await self.ws.close()
            except Exception:
                pass
        self.ws = None


async def protocol_session(url: str, number: int, clock: dict, seed: int, out: dict) -> None:
    """As load_session, with the protocol instead of a browser."""
    rng = random.Random(seed * 1000 + number)
    session = ProtocolSession(url)
    preset, title, country = rng.choice(PRESETS), rng.choice(TITLES), []
    await asyncio.sleep(number * RAMP_S)
    try:
        while clock["end"] is None or time.monotonic() < clock["end"]:
            if session.ws is None:
                try:
                    opened = await session.open(title, preset, TIMEOUT_S * 2)
                    out["errors"] += [
                        f"session {number} opening {title}: {error}" for error in opened["errors"]
                    ]
                except Exception as error:
                    out["errors"].append(f"session {number}: {title} not opened ({first_line(error)[:90]})")
                    await session.close()
                    title = rng.choice(TITLES)
                    continue
                finally:
                    clock["opened"].add(number)
                country = []
            await asyncio.sleep(rng.uniform(*THINK_S))
            roll = rng.random()
            if roll < 0.4:
                preset = rng.choice([p for p in PRESETS if p != preset])
                kind = "period"
                await session.choose("Period", preset)
            elif roll < 0.6:
                kind = "country"
                country = [] if country else [rng.choice(session.widgets["Country"][1])]
                await session.choose("Country", country)
            else:
                title = rng.choice([t for t in TITLES if t != title])
                kind = "page"
                session.page = session.pages.get("" if title == TITLES[0] else PATHS[title], "")
            at = time.monotonic()
            counted = clock["start"] is not None and clock["start"] <= at < clock["end"]
            try:
                drawn = await session.run(TIMEOUT_S)
            except Exception as error:
                out["errors"].append(f"session {number} {kind} on {title}: {first_line(error)[:90]}")
                if counted:
                    out["failed"].append((kind, title))
                await session.close()
                continue
            if counted:
                out["latencies"].append((kind, title, drawn["latency"], drawn["latency"], drawn["latency"]))
            out["errors"] += [f"session {number} {kind} on {title}: {error}" for error in drawn["errors"]]
    finally:
        await session.close()


async def bench_protocol_load(database: Path, folder: Path, sessions: int, seconds: float, seed: int) -> dict:
    process, url = start_dashboard(database, folder / "protocol.log")
    out = {"latencies": [], "failed": [], "errors": [], "retried": [], "sessions": sessions, "charts": False}
    clock = {"start": None, "end": None, "opened": set()}
    try:
        runs = [protocol_session(url, n, clock, seed, out) for n in range(sessions)]
        return await measure_load(process, runs, clock, seconds, out)
    finally:
        stop(process)


# --- the report ----------------------------------------------------------------------------


def median(values) -> float:
    values = list(values)
    return statistics.median(values) if values else float("nan")


def censored_median(samples: list[dict]) -> float:
    """The median latency, a change not drawn counting as infinitely long."""
    return median(d["latency"] if d["ok"] else float("inf") for d in samples)


def p95(values) -> float:
    values = sorted(values)
    if not values:
        return float("nan")
    return values[min(len(values) - 1, max(0, int(round(0.95 * len(values))) - 1))]


def seconds(value: float) -> str:
    if value == float("inf"):
        return f">{INTERACTION_TIMEOUT_S}s"
    return "-" if value != value else f"{value:.2f}s"


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def report(args, machine: dict, results: dict, memory: dict, loads: list, elapsed: float) -> str:
    floor = median(d["latency"] for d in results["minimal"])
    floor_run = median(d["run"] for d in results["minimal"])
    rounds = len(results["cold_minimal"])
    header = [
        f"Browser benchmark{' (QUICK smoke run: few samples, not the figures of record)' if args.quick else ''}",
        f"command: {machine['command']}",
        f"date: {machine['date']}   machine: {machine['host']}, nproc {machine['nproc']}; load average "
        f"{'/'.join(f'{x:.2f}' for x in machine['load'])} before the run, "
        f"{'/'.join(f'{x:.2f}' for x in machine['load_end'])} after; the run took {elapsed / 60:.1f} min",
        f"database: {sample_large.PROGRAMME} ({LARGE_DB.name}, {LARGE_DB.stat().st_size / 1e6:,.0f} MB, "
        "a private copy); chromium headless, viewport 1400x1000",
        "",
    ]
    pages = [
        "1. Interaction: pointerdown on the new Period option -> script run over and every chart with",
        f"   new data re-drawn (plotly_afterplot); quiet {QUIET_MS} ms after, not counted. {rounds} round(s), a",
        "   fresh server each. new = a preset this page had not computed since the server started (cache",
        "   miss); seen = computed before (cache hit); switch = menu link -> new page drawn. run = click ->",
        "   script run over (server, websocket, DOM); the rest is plotly drawing. charts = charts with new",
        "   data / charts on the page; busy = changes after which a chart's DOM was still changing.",
        "   ratio = new / minimal app's change (medians).",
        "",
        f"   minimal app (bench/minimal_app.py): median of {len(results['minimal'])} changes "
        f"{floor:.3f} s (run {floor_run:.3f} s)",
        "",
        f"   {'page':<23}{'switch':>8}{'new':>8}{'run':>8}{'seen':>8}{'charts':>8}{'busy':>6}{'ratio':>7}"
        f"  target <= {TARGET_RATIO_INTERACTION:g}x",
    ]
    missed, missed_pages, worst = [], [], ("", 0.0)
    for title, data in results["pages"].items():
        new, seen, switch = (censored_median(data[k]) for k in ("new", "seen", "switch"))
        if not data["new"] and not all(d["ok"] for d in data["switch"]):
            new = float("inf")  # the page itself was not drawn: no change could be timed
        run = median(d["run"] for d in data["new"] if d["run"] is not None)
        drawn = [d for d in data["switch"] + data["new"] + data["seen"] if d["ok"]]
        charts = max((d["charts"] for d in drawn), default=0)
        changed = min((d["changed"] for d in data["new"] if d["ok"]), default=0)
        busy = sum(1 for d in drawn if d["busy"])
        errors = sorted(
            {e for d in drawn for e in d["errors"]}
            | {d["why"] for d in data["switch"] + data["new"] + data["seen"] if not d["ok"]}
        )
        ratio = new / floor
        ok = ratio <= TARGET_RATIO_INTERACTION and not errors
        if new > worst[1] or not worst[0]:
            worst = (title, new)
        if not ok:
            missed_pages.append(title)
        pages.append(
            f"   {title:<23}{seconds(switch):>8}{seconds(new):>8}{seconds(run):>8}{seconds(seen):>8}"
            f"{f'{changed}/{charts}':>8}{busy:>6}{f'{ratio:.1f}x' if ratio < float('inf') else '-':>7}  {verdict(ok)}"
        )
        pages += [f"      {error}" for error in errors]
    new_all = [
        d["latency"] if d["ok"] else float("inf") for data in results["pages"].values() for d in data["new"]
    ]
    samples = len(next(iter(results["pages"].values()))["new"])
    pages += [
        f"   ({samples} new samples per page; median over all pages' new-filter changes {seconds(median(new_all))})",
        "",
    ]
    if missed_pages:
        missed.append(f"interaction on {len(missed_pages)} of {len(results['pages'])} pages")

    cold_min = median(c["drawn"] for c in results["cold_minimal"])
    cold_dash = median(c["drawn"] for c in results["cold_dashboard"])
    cold_ratio = cold_dash / cold_min
    if cold_ratio > TARGET_RATIO_COLD:
        missed.append(f"cold start {cold_ratio:.2f}x")
    rss_gb = memory["peak"] / 1e9
    if rss_gb >= TARGET_RSS_GB:
        missed.append(f"peak memory {rss_gb:.2f} GB")
    load_rows, load_text = [], []
    for number, (load, how) in enumerate(loads, start=1):
        rows, text, load_missed = load_report(
            load, how, machine, f"4{'ab'[number - 1] if len(loads) > 1 else ''}"
        )
        load_rows += rows
        load_text += text
        missed += load_missed
    worst_ratio = worst[1] / floor
    summary = [
        ("figure", "value", "target", "result"),
        (
            f"1. slowest page, new filters ({worst[0]})",
            f"{seconds(worst[1])}, not drawn"
            if worst_ratio == float("inf")
            else f"{seconds(worst[1])} = {worst_ratio:.1f}x minimal",
            f"<= {TARGET_RATIO_INTERACTION:g}x minimal",
            verdict(worst_ratio <= TARGET_RATIO_INTERACTION),
        ),
        (
            "1. pages within the interaction target",
            f"{len(results['pages']) - len(missed_pages)} of {len(results['pages'])}",
            f"all {len(results['pages'])}",
            verdict(not missed_pages),
        ),
        (
            f"2. cold start to first page drawn (median of {rounds})",
            f"{cold_dash:.2f} s vs {cold_min:.2f} s = {cold_ratio:.2f}x",
            f"<= {TARGET_RATIO_COLD:g}x minimal",
            verdict(cold_ratio <= TARGET_RATIO_COLD),
        ),
        (
            f"3. peak server RSS, {memory['sessions']} sessions x every page",
            f"{rss_gb:.2f} GB",
            f"< {TARGET_RSS_GB:g} GB",
            verdict(rss_gb < TARGET_RSS_GB),
        ),
        *load_rows,
    ]
    widths = [max(len(row[i]) for row in summary) for i in range(4)]
    table = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in summary
    ]
    tail = [
        "2. Cold start: server process start (Popen) -> first page drawn (the Overview, which has no chart;",
        "   the minimal app: its chart), the browser already running, files in the OS cache.",
        f"   minimal app: {seconds_list(c['drawn'] for c in results['cold_minimal'])} s "
        f"(server healthy after {median(c['ready'] for c in results['cold_minimal']):.2f} s)",
        f"   dashboard:   {seconds_list(c['drawn'] for c in results['cold_dashboard'])} s "
        f"(server healthy after {median(c['ready'] for c in results['cold_dashboard']):.2f} s)",
        "",
        f"3. Memory: RSS of the streamlit process and its children every 0.2 s while {memory['sessions']} sessions",
        "   (Period presets alternating) opened every page at once (a page: its script run over), fresh server:",
        f"   idle after start {memory['idle'] / 1e9:.2f} GB, peak {memory['peak'] / 1e9:.2f} GB, "
        f"at the end {memory['after'] / 1e9:.2f} GB; {memory['seconds']:.0f} s; errors {len(memory['errors'])}",
        *(f"     {error}" for error in memory["errors"][:8]),
        f"   clicks made again (met no link, or no script run within {RERUN_WAIT_S} s): {len(memory['retried'])}"
        + (f" ({'; '.join(memory['retried'][:6])})" if memory["retried"] else ""),
        "   Charts are not drawn in this phase (plotly's script is not loaded): the server's work is the same.",
        "",
    ]
    tail += load_text + ["MISSED: " + ("; ".join(missed) if missed else "none")]
    lines = header + ["Summary", *table, "", *pages, *tail]
    return "\n".join(lines) + "\n"


def load_report(load: dict, how: str, machine: dict, label: str) -> tuple[list, list, list]:
    """The summary rows, the text and the missed targets of one load run ("protocol" or "browsers")."""
    latencies = [latency for _kind, _title, latency, _run, _wall in load["latencies"]]
    not_drawn = len(load["failed"])
    # a change not over within TIMEOUT_S counts as longer than any other
    load_p95, errors = p95(latencies + [float("inf")] * not_drawn), len(load["errors"])
    shown_p95 = f">{TIMEOUT_S} s" if load_p95 == float("inf") else f"{load_p95:.2f} s"
    name = (
        "protocol clients, server only"
        if how == "protocol"
        else "browsers" + ("" if load["charts"] else ", charts not drawn")
    )
    missed = [f"load ({how}) errors {errors}"] if errors else []
    if not load_p95 < TARGET_P95_S:
        missed.append(f"load ({how}) p95 {shown_p95}")
    rows = [
        (f"{label}. load ({name}): errors", f"{errors}", "0", verdict(errors == 0)),
        (
            f"{label}. load ({name}): p95, {len(latencies)} over + {not_drawn} not",
            shown_p95,
            f"< {TARGET_P95_S:g} s",
            verdict(load_p95 < TARGET_P95_S),
        ),
    ]
    if how == "protocol":
        text = [
            f"{label}. Load through Streamlit's own websocket protocol: {load['sessions']} sessions, each a websocket "
            "that sends the",
            "   browser's BackMsg (rerun with the widgets' values and the page) and reads the ForwardMsgs until",
            "   script_finished; no browser, so the server has the 2 cores (the client used "
            f"{load['client_cpu']:.0f} cpu-s). Latency = rerun request sent",
            "   -> script_finished received: the server's part of a change, without any drawing.",
        ]
    else:
        text = [
            f"{label}. Load in browsers: {load['sessions']} sessions (contexts in "
            f"{2 if load['sessions'] > 5 else 1} headless chromium).",
            *(
                ["   Charts drawn as in 1. (--load-charts): the browsers' plotly work shares the 2 cores."]
                if load["charts"]
                else [
                    "   Charts NOT drawn (plotly's script is not loaded; --load-charts draws them): the server does",
                    "   all its work for every change; a change is over when its script run is over and nothing is",
                    "   stale. Latency from the pointerdown (as in 1.); wall = from Playwright's click call.",
                ]
            ),
        ]
    text += [
        f"   One session more every {RAMP_S:g} s ({load['ramp']:.0f} s until all had opened a page), then a window "
        f"of {load['window']:.0f} s in which each",
        f"   repeats, after a pause of {THINK_S[0]:g}-{THINK_S[1]:g} s: the Period to another preset (40%), a "
        "Country added or removed (20%),",
        "   another page (40%).",
    ]
    for kind in ("period", "country", "page", None):
        rows_of_kind = [row for row in load["latencies"] if kind is None or row[0] == kind]
        if rows_of_kind:
            values, runs, walls = ([r[i] for r in rows_of_kind] for i in (2, 3, 4))
            line = (
                f"   {kind or 'all':<8}{len(values):>5} over: median {median(values):.2f} s, p95 {p95(values):.2f} s, "
                f"max {max(values):.2f} s"
            )
            if how != "protocol":
                line += f"; run part p95 {p95(runs):.2f} s; wall p95 {p95(walls):.2f} s"
            text.append(line)
    by_page: dict[str, list[float]] = {}
    for _kind, title, latency, _run, _wall in load["latencies"]:
        by_page.setdefault(title, []).append(latency)
    for _kind, title in load["failed"]:
        by_page.setdefault(title, []).append(float("inf"))
    text.append("   p95 by page (the page the change was made on or went to; inf = not over), slowest first:")
    ranked = sorted(by_page.items(), key=lambda item: (-p95(item[1]), item[0]))
    for start in range(0, len(ranked), 4):
        text.append(
            "     "
            + ", ".join(
                f"{t} {'inf' if p95(v) == float('inf') else f'{p95(v):.1f}'} s ({len(v)})"
                for t, v in ranked[start : start + 4]
            )
        )
    text += [
        f"   errors {errors} (ramp-up included); changes not over within {TIMEOUT_S} s in the window: {not_drawn}"
        + (":" if load["errors"] else ""),
        *(f"     {error}" for error in load["errors"][:12]),
        *([f"     ... and {errors - 12} more"] if errors > 12 else []),
    ]
    if how != "protocol":
        text.append(
            f"   clicks made again (met no option or link, or no script run within {RERUN_WAIT_S} s): "
            f"{len(load['retried'])}" + (f" ({'; '.join(load['retried'][:4])})" if load["retried"] else "")
        )
    text += [
        f"   CPU used: server {load['server_cpu']:.0f} cpu-s, "
        f"{'this client' if how == 'protocol' else 'browsers and this benchmark'} {load['client_cpu']:.0f} cpu-s, "
        f"of the {machine['nproc'] * load['seconds']:.0f} cpu-s that {machine['nproc']} cores give in "
        f"{load['seconds']:.0f} s.",
        f"   Load average {load['load_before'][0]:.1f} when the window opened, up to {load['load_max']:.1f}, "
        f"{load['load_after'][0]:.1f} after. Server peak RSS {load['peak_rss'] / 1e9:.2f} GB.",
        "",
    ]
    return rows, text, missed


async def run(args) -> str:
    from playwright.async_api import async_playwright

    machine = {
        "command": " ".join([".venv/bin/python", "bench/browser_bench.py", *sys.argv[1:]]),
        "date": f"{datetime.now():%Y-%m-%d %H:%M}",
        "host": f"{platform.node()} ({platform.machine()}, Python {platform.python_version()})",
        "nproc": os.cpu_count(),
        "load": os.getloadavg(),
    }
    began = time.monotonic()
    rounds = 1 if args.quick else args.rounds
    with tempfile.TemporaryDirectory(prefix="browser_bench_") as folder:
        folder = Path(folder)
        database = large_database(folder)
        results = {"minimal": [], "cold_minimal": [], "cold_dashboard": [], "pages": {}}
        async with async_playwright() as playwright:
            try:
                browser = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            except Exception as error:
                raise SystemExit(
                    f"FAILED: chromium at {CHROMIUM} does not start under Playwright: {error}"
                ) from None
            for number in range(rounds):
                print(f"round {number + 1} of {rounds}: cold start and interaction", flush=True)
                await round_minimal(browser, database, folder, 4 if args.quick else 8, results)
                await round_dashboard(browser, database, folder, args.quick, results)
            sessions = 3 if args.quick else 5
            print(f"memory: {sessions} sessions opening every page", flush=True)
            memory = await bench_memory(browser, database, folder, sessions)
            log_progress(f"peak RSS {memory['peak'] / 1e9:.2f} GB, errors {len(memory['errors'])}")
            await browser.close()
            sessions, seconds = (3, 20) if args.quick else (20, 120)
            loads = []
            if args.load in ("both", "protocol"):
                print(f"load through the protocol: {sessions} sessions for {seconds} s", flush=True)
                loads.append(
                    (await bench_protocol_load(database, folder, sessions, seconds, args.seed), "protocol")
                )
                log_progress(
                    f"{len(loads[-1][0]['latencies'])} changes over, {len(loads[-1][0]['errors'])} errors"
                )
            if args.load in ("both", "browsers"):
                print(f"load in browsers: {sessions} sessions for {seconds} s", flush=True)
                load = await bench_load(
                    playwright.chromium, database, folder, sessions, seconds, args.seed, args.load_charts
                )
                loads.append((load, "browsers"))
                log_progress(f"{len(load['latencies'])} changes over, {len(load['errors'])} errors")
        machine["load_end"] = os.getloadavg()
    return report(args, machine, results, memory, loads, time.monotonic() - began)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--quick", action="store_true", help="smoke run: 1 round, 2 changes a page, 3 sessions 20 s"
    )
    parser.add_argument("--rounds", type=int, default=2, help="rounds of cold start + interaction (full run)")
    parser.add_argument("--seed", type=int, default=5, help="the load sessions' random choices")
    parser.add_argument(
        "--load",
        choices=["both", "protocol", "browsers"],
        default="both",
        help="4.: through Streamlit's websocket protocol (the server alone), in browsers, or both",
    )
    parser.add_argument(
        "--load-charts",
        action="store_true",
        help="draw the charts during the load too (browsers compete for CPU)",
    )
    args = parser.parse_args()
    if not CHROMIUM.exists():
        raise SystemExit(
            f"FAILED: Debian's chromium is missing ({CHROMIUM}); install it (apt-get install chromium). "
            "This benchmark never passes without a browser."
        )
    text = asyncio.run(run(args))
    print()
    print(text, end="")
    if args.quick:
        print(f"(quick run: {OUTPUT.relative_to(ROOT)} left as it was)")
    else:
        OUTPUT.write_text(text, encoding="utf-8")
        print(f"written to {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
