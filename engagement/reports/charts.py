"""A report's bar charts: interactive plotly charts for the web page, plain inline SVG for
print (plotly's own static export needs kaleido, which this project does not install)."""

from html import escape

import plotly.graph_objects as go
import plotly.io as pio

from engagement.reports.areas import Chart
from engagement.texts import format_number, text

BAR_COLOUR = "#0072B2"  # Okabe-Ito blue
SEPARATORS = {"en": ".,", "nl": ",."}  # plotly: decimal separator, then thousands separator
CONFIG = {"displaylogo": False, "responsive": True, "modeBarButtonsToRemove": ["select2d", "lasso2d"]}


def _value_labels(chart: Chart, lang: str) -> list[str]:
    return [
        "" if value is None else format_number(value, lang, 1 if chart.percent else None)
        for value in chart.values
    ]


def plotly_div(chart: Chart, lang: str, div_id: str) -> str:
    """The chart as a <div> and the script that draws it; plotly.js itself must be on the page already."""
    figure = go.Figure(
        go.Bar(
            x=chart.labels,
            y=chart.values,
            text=_value_labels(chart, lang),
            textposition="outside",
            marker_color=BAR_COLOUR,
            hoverinfo="x+text",
        )
    )
    figure.update_layout(
        title=text(chart.title, lang),
        separators=SEPARATORS[lang],
        height=340,
        margin={"l": 50, "r": 20, "t": 60, "b": 60},
        plot_bgcolor="white",
        xaxis={"type": "category"},
        yaxis={"gridcolor": "#dddddd", "rangemode": "tozero", "ticksuffix": "%" if chart.percent else ""},
    )
    if chart.percent:
        figure.update_yaxes(range=[0, 110])
    return pio.to_html(figure, full_html=False, include_plotlyjs=False, div_id=div_id, config=CONFIG)


def svg_bars(chart: Chart, lang: str, width: int = 480, height: int = 220) -> str:
    """The chart as an inline SVG of bars with their values written above them."""
    top, bottom, left, right = 34, 46, 10, 10
    plot_height = height - top - bottom
    known = [value for value in chart.values if value is not None]
    highest = 100.0 if chart.percent else max([*known, 1.0])
    slot = (width - left - right) / max(len(chart.labels), 1)
    bar = slot * 0.7
    small = len(chart.labels) > 8
    parts = [
        f'<svg class="bar-chart" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(text(chart.title, lang))}">',
        f'<text x="{left}" y="18" class="chart-title">{escape(text(chart.title, lang))}</text>',
        f'<line x1="{left}" y1="{top + plot_height}" x2="{width - right}" y2="{top + plot_height}" stroke="#888"/>',
    ]
    for index, (label, value, written) in enumerate(
        zip(chart.labels, chart.values, _value_labels(chart, lang), strict=True)
    ):
        x = left + index * slot + (slot - bar) / 2
        centre = x + bar / 2
        bar_height = 0.0 if value is None else plot_height * max(value, 0) / highest
        y = top + plot_height - bar_height
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{bar_height:.1f}" fill="{BAR_COLOUR}"/>'
        )
        parts.append(f'<text x="{centre:.1f}" y="{y - 4:.1f}" class="bar-value">{escape(written)}</text>')
        label_y = top + plot_height + 16 + (12 if small and index % 2 else 0)
        parts.append(f'<text x="{centre:.1f}" y="{label_y}" class="bar-label">{escape(label)}</text>')
    parts.append("</svg>")
    return "".join(parts)
