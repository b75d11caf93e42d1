"""What a review report holds, gathered once and written as a workbook, a web page or a PDF.

Every figure comes from engagement.kpis (the scorecard, the scalar KPIs and each area's
tables), so a report shows what the dashboard shows for the same period and filters.
"""

from dataclasses import dataclass, field
from datetime import datetime

import pandas as pd

from engagement.catalogue import kpis_of_area
from engagement.filters import Filters
from engagement.history import holds_only_sample, import_history
from engagement.kpis import scalar_kpis
from engagement.kpis.scorecard import scorecard
from engagement.reports.areas import AREA_BUILDERS, Chart, Table
from engagement.settings import Settings
from engagement.texts import format_datetime, format_period, text


@dataclass(frozen=True)
class Area:
    code: str  # D, I, T, C, E
    kpi_ids: list[str]
    tables: list[Table] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)


@dataclass(frozen=True)
class Report:
    filters: Filters
    lang: str
    made_at: datetime
    latest_import: tuple[datetime, str] | None  # when and which file
    sample_only: bool
    settings: Settings
    scorecard: pd.DataFrame
    kpis: dict
    areas: list[Area]

    @property
    def several_programmes(self) -> bool:
        return self.scorecard["programme"].nunique() > 1

    def about(self) -> list[tuple[str, str]]:
        """(label, text) lines saying what the report covers and when it was made."""
        lang, filters = self.lang, self.filters
        previous = filters.previous_period()
        if self.latest_import is None:
            latest = text("about.no_import", lang)
        else:
            when, file_name = self.latest_import
            latest = text("about.import_line", lang, when=format_datetime(when, lang), file=file_name)
        return [
            (text("about.period", lang), format_period(filters.date_from, filters.date_to, lang)),
            (text("about.previous", lang), format_period(previous.date_from, previous.date_to, lang)),
            (text("about.filters", lang), filters_text(filters, lang)),
            (text("about.language", lang), text(f"language.{lang}", lang)),
            (text("about.latest_import", lang), latest),
            (text("about.made_at", lang), format_datetime(self.made_at, lang)),
        ]


def gather(con, filters: Filters, settings: Settings, lang: str, made_at: datetime | None = None) -> Report:
    """Everything a report shows for the filters, in the language."""
    card = scorecard(con, filters, settings)
    kpis = scalar_kpis(con, filters, settings)
    several = card["programme"].nunique() > 1
    areas = [
        Area(code, [k.id for k in kpis_of_area(code)], *build(con, filters, settings, lang, several))
        for code, build in AREA_BUILDERS.items()
    ]
    return Report(
        filters=filters,
        lang=lang,
        made_at=made_at or datetime.now(),  # local time, as the import history keeps it
        latest_import=latest_import(con, filters),
        sample_only=holds_only_sample(con),
        settings=settings,
        scorecard=card,
        kpis=kpis,
        areas=areas,
    )


def latest_import(con, filters: Filters) -> tuple[datetime, str] | None:
    """When the data was last changed by an import (of the filtered programmes), and from which file."""
    history = import_history(con)
    stored = history[history["outcome"] == "stored"]
    if filters.programmes:
        stored = stored[stored["programme"].isin(filters.programmes)]
    if stored.empty:
        return None
    newest = stored.iloc[0]  # the history is newest first
    return newest["imported_at"].to_pydatetime(), str(newest["file_name"])


def filters_text(filters: Filters, lang: str) -> str:
    """'all', or each filter set: 'supplier Voltara Cars; buyer Gemeente Havenstad'."""
    parts = [
        f"{text(f'filter.{name}', lang)} {', '.join(values)}"
        for name in ("programmes", "buyers", "suppliers", "countries", "categories")
        if (values := getattr(filters, name))
    ]
    return "; ".join(parts) or text("about.filters_all", lang)
