"""The review report as PDF: the print variant of the web page (SVG charts, no script) printed
by Debian's headless chromium, the browser the browser tests use too."""

import os
import subprocess
import tempfile
from pathlib import Path

from engagement.texts import text

CHROMIUM = Path("/usr/bin/chromium")
# Without the networking flags chromium keeps trying hosts it cannot reach here.
CHROMIUM_FLAGS = (
    "--headless",
    "--disable-gpu",
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-pdf-header-footer",
)
TIMEOUT_SECONDS = 120


class ChromiumMissing(RuntimeError):
    """No chromium to print with; the message says what to install."""


def chromium_path(lang: str = "en") -> Path:
    """The chromium to print with: $ENGAGEMENT_CHROMIUM, else /usr/bin/chromium."""
    path = Path(os.environ.get("ENGAGEMENT_CHROMIUM") or CHROMIUM)
    if not path.is_file():
        raise ChromiumMissing(text("error.chromium", lang, path=path))
    return path


def html_to_pdf(page: bytes, lang: str = "en") -> bytes:
    """Print an HTML page (bytes) to PDF with headless chromium; each run has its own profile."""
    browser = chromium_path(lang)
    with tempfile.TemporaryDirectory(prefix="engagement-pdf-") as folder:
        source, target = Path(folder) / "report.html", Path(folder) / "report.pdf"
        source.write_bytes(page)
        command = [
            str(browser),
            *CHROMIUM_FLAGS,
            f"--user-data-dir={Path(folder) / 'profile'}",
            f"--print-to-pdf={target}",
            source.as_uri(),
        ]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            raise RuntimeError(f"chromium did not print the PDF within {TIMEOUT_SECONDS} s") from None
        printed = target.read_bytes() if target.exists() else b""
        if not printed.startswith(b"%PDF"):
            said = [line for line in done.stderr.splitlines() if line.strip()]
            reason = said[-1] if said else f"exit status {done.returncode}"
            raise RuntimeError(f"chromium could not print the PDF: {reason}")
        return printed
