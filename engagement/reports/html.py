"""The review report as one self-contained web page: inline CSS, plotly.js written once into
the page (no address outside the file), the scorecard as a table, a section per KPI area.

Every text from the data is HTML-escaped. For print (the PDF) the charts are inline SVG
bars and the page carries no script at all.
"""

from html import escape

from plotly.offline import get_plotlyjs

from engagement.kpis.scorecard import MEASURES, NO_STATUS
from engagement.reports.areas import Table
from engagement.reports.cells import (
    DECIMALS,
    STATUS_SYMBOLS,
    STATUS_TINTS,
    change_text,
    display,
    measure_text,
    status_label,
)
from engagement.reports.charts import plotly_div, svg_bars
from engagement.reports.contents import Area, Report
from engagement.texts import format_kpi, text

CSS = """
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 14px; color: #1a1a1a; margin: 24px; }
h1 { font-size: 24px; margin: 0 0 8px; } h2 { font-size: 19px; margin: 28px 0 8px; break-after: avoid; }
h3 { font-size: 15px; margin: 18px 0 6px; break-after: avoid; }
dl.about { display: grid; grid-template-columns: max-content auto; gap: 2px 16px; margin: 12px 0; }
dl.about dt { font-weight: bold; } dl.about dd { margin: 0; }
table { border-collapse: collapse; margin: 6px 0 12px; }
th, td { border: 1px solid #c8c8c8; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #e8e8e8; } thead { display: table-header-group; } tr { break-inside: avoid; }
td.num { text-align: right; white-space: nowrap; } td.rule { color: #444; font-size: 12px; max-width: 520px; }
.status-green { background: #cdeee3; } .status-amber { background: #fbe5b6; } .status-red { background: #f6cfb8; }
.status-word { display: block; font-size: 11px; color: #333; }
.charts, .tables { display: flex; flex-wrap: wrap; gap: 4px 24px; align-items: flex-start; }
.chart { min-width: 480px; max-width: 640px; flex: 1; break-inside: avoid; } .table-block { break-inside: avoid; }
.bar-chart .chart-title { font-size: 14px; font-weight: bold; }
.bar-chart .bar-value, .bar-chart .bar-label { font-size: 11px; text-anchor: middle; }
.note { color: #444; font-size: 12px; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { margin: 0; font-size: 10px; } h1 { font-size: 18px; } h2 { font-size: 14px; } h3 { font-size: 11px; }
  th, td { padding: 2px 4px; } td.rule { font-size: 9px; } .status-word { font-size: 8px; }
  section.area { break-before: page; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def write_html(report: Report, static_charts: bool = False) -> bytes:
    """The report as one HTML file (UTF-8); static_charts draws SVG bars and leaves out plotly.js."""
    lang = report.lang
    parts = [
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">',
        f"<title>{escape(text('report.title', lang))}</title><style>{CSS}</style>",
    ]
    if not static_charts:
        parts.append(f'<script type="text/javascript">{get_plotlyjs()}</script>')
    parts += ["</head><body>", about_block(report), scorecard_section(report)]
    for area in report.areas:
        parts.append(area_section(area, report, static_charts))
    parts.append("</body></html>")
    return "\n".join(parts).encode("utf-8")


def about_block(report: Report) -> str:
    lang = report.lang
    lines = "".join(f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>" for label, value in report.about())
    sample = f'<p class="note">{escape(text("about.sample", lang))}</p>' if report.sample_only else ""
    return (
        f"<header><h1>{escape(text('report.title', lang))}</h1>"
        f'<dl class="about">{lines}</dl><p class="note">{escape(text("report.intro", lang))}</p>{sample}</header>'
    )


def scorecard_section(report: Report) -> str:
    """The scorecard: per supplier the overall status, then each measure with its status colour,
    symbol and word, its value and its change against the previous period."""
    lang, card = report.lang, report.scorecard
    legend = " &nbsp; ".join(
        f'<span class="status-{s}">{escape(status_label(s, lang))}: {escape(text(f"status.meaning.{s}", lang))}</span>'
        for s in STATUS_TINTS
        if STATUS_TINTS[s]
    )
    heading = f'<h2 id="scorecard">{escape(text("scorecard.title", lang))}</h2>'
    intro = f'<p class="note">{escape(text("scorecard.legend", lang))} {legend}</p>'
    if card.empty:
        return f"<section>{heading}<p>{escape(text('scorecard.none', lang))}</p></section>"
    headers = [text("column.supplier", lang)]
    if report.several_programmes:
        headers.append(text("column.programme", lang))
    headers.append(text("status.overall", lang))
    headers += [f"{text(f'measure.{m.kpi_id}', lang)} ({m.kpi_id})" for m in MEASURES]
    rows = []
    for record in card.to_dict("records"):
        cells = [f"<td>{escape(str(record['supplier']))}</td>"]
        if report.several_programmes:
            cells.append(f"<td>{escape(str(record['programme']))}</td>")
        cells.append(
            f'<td class="{_status_class(record["status"])}">{escape(status_label(record["status"], lang))}</td>'
        )
        for m in MEASURES:
            status = record[f"{m.column}_status"]
            change = change_text(m, record[f"{m.column}_change"], lang)
            shown = f"{STATUS_SYMBOLS[status]} {measure_text(m, record[m.column], lang)}"
            shown += f" ({change})" if change else ""
            # the status word under the figure, so it reads without colour ("no data" says it already)
            said = (
                ""
                if status == NO_STATUS
                else f'<span class="status-word">{escape(text(f"status.{status}", lang))}</span>'
            )
            cells.append(f'<td class="{_status_class(status)}">{escape(shown)}{said}</td>')
        rows.append(f"<tr>{''.join(cells)}</tr>")
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    table = f'<table class="scorecard"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
    return f"<section>{heading}{intro}{table}</section>"


def _status_class(status: str) -> str:
    return "status-" + status.replace(" ", "-")


def area_section(area: Area, report: Report, static_charts: bool) -> str:
    """An area: its KPIs with their rules, one or two charts, and its tables."""
    lang = report.lang
    rows = []
    for kpi_id in area.kpi_ids:
        value = report.kpis.get(kpi_id)
        shown = text("value.see_table", lang) if isinstance(value, dict) else format_kpi(kpi_id, value, lang)
        rows.append(
            f"<tr><td>{escape(kpi_id)}</td><td>{escape(text(f'kpi.{kpi_id}.name', lang))}</td>"
            f'<td class="num">{escape(shown)}</td><td class="rule">{escape(text(f"kpi.{kpi_id}.rule", lang))}</td></tr>'
        )
    head = "".join(f"<th>{escape(text(f'column.{c}', lang))}</th>" for c in ("id", "name", "value", "rule"))
    kpis = f'<table class="kpis"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
    charts = []
    for number, chart in enumerate(area.charts, start=1):
        drawn = (
            svg_bars(chart, lang) if static_charts else plotly_div(chart, lang, f"chart-{area.code}-{number}")
        )
        charts.append(f'<div class="chart">{drawn}</div>')
    tables = "".join(f'<div class="table-block">{html_table(table, lang)}</div>' for table in area.tables)
    title = escape(text(f"area.{area.code}", lang))
    return (
        f'<section class="area" id="area-{area.code}"><h2>{title}</h2>{kpis}'
        f'<div class="charts">{"".join(charts)}</div><div class="tables">{tables}</div></section>'
    )


def html_table(table: Table, lang: str) -> str:
    head = "".join(f"<th>{escape(text(c.header, lang))}</th>" for c in table.columns)
    rows = []
    for record in table.rows.to_dict("records"):
        cells = "".join(
            f"<td{' class=num' if c.kind in DECIMALS else ''}>{escape(display(c.kind, record[c.field], lang))}</td>"
            for c in table.columns
        )
        rows.append(f"<tr>{cells}</tr>")
    body = (
        "".join(rows)
        or f'<tr><td colspan="{len(table.columns)}">{escape(text("table.nothing", lang))}</td></tr>'
    )
    return f"<h3>{escape(text(table.title, lang))}</h3><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
