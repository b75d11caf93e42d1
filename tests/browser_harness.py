"""A real `streamlit run dashboard.py` on a free loopback port, and Debian's chromium driven
by Playwright. A missing browser fails these tests; it never skips them."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_dashboard(
    database: Path, log: Path, port: int | None = None, options: tuple = (), env: dict | None = None
) -> tuple[subprocess.Popen, str]:
    """Start the dashboard as a user would, on a database path; wait until it is healthy.
    options: more `streamlit run` options (--secrets.files ...); env: more variables."""
    port = port or _free_port()
    env = {**os.environ, "ENGAGEMENT_DB": str(database), **(env or {})}
    command = [
        sys.executable, "-m", "streamlit", "run", "dashboard.py",
        "--server.headless", "true", "--server.address", "127.0.0.1",
        "--server.port", str(port), "--browser.gatherUsageStats", "false", *options,
    ]  # fmt: skip
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited early; see {log}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.read() == b"ok":
                    return process, url
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError(f"streamlit did not answer on {url} within 60 s; see {log}")


@pytest.fixture(scope="session")
def dashboard_url(tmp_path_factory):
    """The dashboard on a fresh database: its first run loads the sample programme."""
    folder = tmp_path_factory.mktemp("browser")
    process, url = start_dashboard(folder / "engagement.duckdb", folder / "streamlit.log")
    yield url
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture(scope="session")
def browser():
    assert CHROMIUM.exists(), (
        "Debian's chromium is missing (/usr/bin/chromium): run the README's test command, "
        "which installs it (apt-get install chromium)."
    )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    opened = context.new_page()
    yield opened
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where browser tests leave screenshots for a person to look at (git ignores it)."""
    folder = ROOT / "test-artifacts"
    folder.mkdir(exist_ok=True)
    return folder
