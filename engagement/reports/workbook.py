"""The review report as a workbook: a Scorecard sheet, a sheet per KPI area and an About sheet.

Numbers stay numbers (the spreadsheet program writes them in its own language); every text
cell goes through engagement.exports.safe_cell, so a supplier named =HYPERLINK(...) stays text.
"""

import io
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from engagement.catalogue import BY_ID
from engagement.exports import safe_cell
from engagement.kpis.scorecard import MEASURES
from engagement.reports.areas import Table
from engagement.reports.cells import DECIMALS, STATUS_TINTS, change_text, display, measure_text, status_label
from engagement.reports.contents import Area, Report
from engagement.texts import is_missing, text, word

HEADER_ROW = 4  # rows 1-2: title and period; the Scorecard's header, frozen with the rows above
TITLE_FONT = Font(bold=True, size=14)
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="E8E8E8")
HEADER_BORDER = Border(bottom=Side(style="thin", color="808080"))
WRAP = Alignment(wrap_text=True, vertical="top")
MAX_WIDTH = 60

# Number formats by kind of value (the decimal separator is the reader's program's).
NUMBER_FORMATS = {"count": "#,##0", "days": "#,##0", "number": "#,##0.0", "percent": "0.0"}
UNIT_FORMATS = {
    "count": "#,##0",
    "days": "#,##0",
    "percent": "0.0",
    "score": "0.0",
    "index": "0.0",
    "ratio": "0.0",
}
CHANGE_FORMATS = {0: "+#,##0;-#,##0;0", 1: "+0.0;-0.0;0.0"}
DATE_FORMATS = {"en": "d mmmm yyyy", "nl": "[$-413]d mmmm yyyy"}  # 413: Dutch month names


def write_workbook(report: Report) -> bytes:
    """The report as .xlsx bytes."""
    book = Workbook()
    scorecard_sheet(book.active, report)
    for area in report.areas:
        area_sheet(book.create_sheet(text(f"sheet.{area.code}", report.lang)), area, report)
    about_sheet(book.create_sheet(text("sheet.about", report.lang)), report)
    book.properties.title = text("report.title", report.lang)
    book.properties.creator = "engagement"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def put(sheet, row: int, column: int, value, number_format: str | None = None):
    """Write one cell: text through safe_cell (and without characters a workbook cannot hold)."""
    if isinstance(value, str):
        value = safe_cell(ILLEGAL_CHARACTERS_RE.sub("", value))
    elif isinstance(value, datetime):
        value = value.date() if not (value.hour or value.minute) else value
    elif hasattr(value, "item"):  # numpy scalars
        value = value.item()
    cell = sheet.cell(row=row, column=column, value=value)
    if number_format:
        cell.number_format = number_format
    return cell


def heading(sheet, report: Report, title: str) -> None:
    """Rows 1 and 2: what the sheet shows, and for which period and filters."""
    put(sheet, 1, 1, title).font = TITLE_FONT
    period, _previous, filters = report.about()[:3]
    put(sheet, 2, 1, f"{period[0]}: {period[1]}. {filters[0]}: {filters[1]}.")


def header_row(sheet, row: int, labels: list[str]) -> None:
    for column, label in enumerate(labels, start=1):
        cell = put(sheet, row, column, label)
        cell.font, cell.fill, cell.border, cell.alignment = HEADER_FONT, HEADER_FILL, HEADER_BORDER, WRAP


def scorecard_sheet(sheet, report: Report) -> None:
    """One row per supplier in scope: status, then each measure's value, change and status."""
    lang, card = report.lang, report.scorecard
    sheet.title = text("sheet.scorecard", lang)
    heading(sheet, report, text("scorecard.title", lang))
    labels = [text("column.supplier", lang)]
    if report.several_programmes:
        labels.append(text("column.programme", lang))
    labels += [text("status.overall", lang), text("scorecard.red_measures", lang)]
    for m in MEASURES:
        kpi = f"{text(f'measure.{m.kpi_id}', lang)} ({m.kpi_id})"
        labels += [
            kpi,
            text("scorecard.change", lang, kpi=m.kpi_id),
            text("scorecard.status", lang, kpi=m.kpi_id),
        ]
    header_row(sheet, HEADER_ROW, labels)
    for row, record in enumerate(card.to_dict("records"), start=HEADER_ROW + 1):
        values = [record["supplier"]] + ([record["programme"]] if report.several_programmes else [])
        column = len(values) + 1
        for offset, value in enumerate(values):
            put(sheet, row, offset + 1, value)
        status_cell(sheet, row, column, record["status"], lang)
        put(sheet, row, column + 1, ", ".join(record["flags"]) or None)
        column += 2
        for m in MEASURES:
            value, change = record[m.column], record[f"{m.column}_change"]
            if m.kpi_id in ("D2", "E1"):
                put(sheet, row, column, measure_text(m, value, lang))  # yes/no, a step of the ladder
                put(sheet, row, column + 1, change_text(m, change, lang) or None)
            else:
                unit = BY_ID[m.kpi_id].unit
                put(sheet, row, column, number_or_no_data(value, lang), UNIT_FORMATS[unit])
                decimals = 0 if unit in ("days", "count") else 1
                put(
                    sheet,
                    row,
                    column + 1,
                    None if is_missing(change) else float(change),
                    CHANGE_FORMATS[decimals],
                )
            status_cell(sheet, row, column + 2, record[f"{m.column}_status"], lang)
            column += 3
    if card.empty:
        put(sheet, HEADER_ROW + 1, 1, text("scorecard.none", lang))
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=2 if not report.several_programmes else 3)
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(labels))}{HEADER_ROW + max(len(card), 1)}"
    fit_columns(sheet, header_width=14)


def status_cell(sheet, row: int, column: int, status: str, lang: str) -> None:
    cell = put(sheet, row, column, status_label(status, lang))
    if STATUS_TINTS[status]:
        cell.fill = PatternFill("solid", fgColor=STATUS_TINTS[status])


def number_or_no_data(value, lang: str):
    return text("no_data", lang) if is_missing(value) else float(value)


def area_sheet(sheet, area: Area, report: Report) -> None:
    """The area's KPIs (id, name, value, unit, what it means), then its tables one below the other."""
    lang = report.lang
    heading(sheet, report, text(f"area.{area.code}", lang))
    row = HEADER_ROW
    put(sheet, row, 1, text("kpis.title", lang)).font = HEADER_FONT
    header_row(sheet, row + 1, [text(f"column.{c}", lang) for c in ("id", "name", "value", "unit", "rule")])
    row += 2
    for kpi_id in area.kpi_ids:
        kpi, value = BY_ID[kpi_id], report.kpis.get(kpi_id)
        put(sheet, row, 1, kpi_id)
        put(sheet, row, 2, text(f"kpi.{kpi_id}.name", lang))
        if isinstance(value, dict):
            put(sheet, row, 3, text("value.see_table", lang))
        elif kpi.unit == "step":
            put(sheet, row, 3, word("step", value, lang))
        else:
            put(sheet, row, 3, number_or_no_data(value, lang), UNIT_FORMATS.get(kpi.unit))
        put(sheet, row, 4, text(f"unit.{kpi.unit}", lang))
        put(sheet, row, 5, text(f"kpi.{kpi_id}.rule", lang)).alignment = WRAP
        row += 1
    for table in area.tables:
        row = table_rows(sheet, row + 1, table, lang)
    fit_columns(sheet)


def table_rows(sheet, row: int, table: Table, lang: str) -> int:
    """A titled table from `row` on; returns the row after it."""
    put(sheet, row, 1, text(table.title, lang)).font = HEADER_FONT
    header_row(sheet, row + 1, [text(c.header, lang) for c in table.columns])
    row += 2
    for record in table.rows.to_dict("records"):
        for column, spec in enumerate(table.columns, start=1):
            value = record[spec.field]
            if spec.kind in DECIMALS and not is_missing(value):
                put(sheet, row, column, float(value), NUMBER_FORMATS[spec.kind])
            elif spec.kind == "date" and not is_missing(value):
                put(sheet, row, column, value, DATE_FORMATS[lang])
            else:
                put(sheet, row, column, display(spec.kind, value, lang))
        row += 1
    return row


def about_sheet(sheet, report: Report) -> None:
    """Period, comparison, filters, language, latest import and when the report was made."""
    lang = report.lang
    put(sheet, 1, 1, text("report.title", lang)).font = TITLE_FONT
    row = 3
    for label, value in report.about():
        put(sheet, row, 1, label).font = HEADER_FONT
        put(sheet, row, 2, value)
        row += 1
    notes = [text("report.intro", lang), text("about.numbers", lang)]
    notes += [f"{status_label(s, lang)}: {text(f'status.meaning.{s}', lang)}" for s in STATUS_TINTS]
    if report.sample_only:
        notes.append(text("about.sample", lang))
    for note in notes:
        row += 1
        put(sheet, row, 1, note)
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 70


def fit_columns(sheet, header_width: int = 0) -> None:
    """Each column as wide as its longest value (within limits); headers wrap instead."""
    widths: dict[int, int] = {}
    for row in sheet.iter_rows(min_row=HEADER_ROW):
        for cell in row:
            if cell.value is None or cell.font.bold:
                continue
            length = len(str(cell.value)) if not isinstance(cell.value, float | int | date) else 12
            widths[cell.column] = max(widths.get(cell.column, 0), length)
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = min(
            max(width + 2, 10, header_width), MAX_WIDTH
        )
