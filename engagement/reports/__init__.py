"""Review reports for a period: a workbook, a self-contained web page or a PDF, in English or
Dutch. The dashboard's download button and `python -m engagement report` both call build_report.
"""

from datetime import datetime

from engagement.filters import Filters
from engagement.reports.contents import gather
from engagement.reports.html import write_html
from engagement.reports.pdf import chromium_path, html_to_pdf
from engagement.reports.workbook import write_workbook
from engagement.settings import Settings
from engagement.texts import LANGUAGES

FORMATS = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "html": "text/html",
    "pdf": "application/pdf",
}


def build_report(
    con, filters: Filters, settings: Settings, fmt: str, lang: str, made_at: datetime | None = None
) -> bytes:
    """The review report for the filters as file bytes: fmt is xlsx, html or pdf; lang en or nl."""
    if fmt not in FORMATS:
        raise ValueError(f"report format {fmt!r} is not one of {', '.join(FORMATS)}")
    if lang not in LANGUAGES:
        raise ValueError(f"report language {lang!r} is not one of {', '.join(LANGUAGES)}")
    if fmt == "pdf":
        chromium_path(lang)  # no browser: say so before gathering anything
    report = gather(con, filters, settings, lang, made_at)
    if fmt == "xlsx":
        return write_workbook(report)
    if fmt == "html":
        return write_html(report)
    return html_to_pdf(write_html(report, static_charts=True), lang)
