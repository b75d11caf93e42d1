"""The Overview's headline figures are the catalogue's one-figure KPIs, exactly as the full
summaries give them (the headline only leaves out the breakdowns it does not show)."""

from datetime import date

from engagement.catalogue import CATALOGUE
from engagement.filters import Filters
from engagement.kpis import headline_kpis, scalar_kpis
from engagement.sample import load_sample
from engagement.settings import Settings


def test_headline_is_every_one_figure_kpi_of_the_summaries(db):
    load_sample(db)
    for filters in (
        Filters(date(2023, 4, 1), date(2025, 3, 31)),
        Filters(date(2024, 1, 1), date(2024, 12, 31), countries=("Netherlands",)),
    ):
        full = scalar_kpis(db, filters, Settings())
        headline = headline_kpis(db, filters, Settings())
        one_figure = {k: v for k, v in full.items() if not isinstance(v, dict)}
        assert headline == one_figure
        assert {"D1", "D1m", "D5s", "I8", "T3", "C5", "E2"} <= headline.keys()
        assert {k.id for k in CATALOGUE} - headline.keys() <= {"D5", "D10", "E1", "E3"}
    assert headline["D1"] > 0  # the filters keep some of the sample's meetings
