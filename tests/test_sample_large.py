"""The large programme generator (benchmarks): deterministic, the sample's schema, plausible.

Built here at a small scale (the full one is 4M rows: `python -m engagement sample --scale large`)."""

from datetime import date

import pytest

from engagement import sample_large
from engagement.filters import Filters
from engagement.kpis import scalar_kpis
from engagement.settings import Settings
from engagement.tables import TABLES

SCALE = 0.005


@pytest.fixture(scope="module")
def tables():
    return sample_large.build(SCALE)


def test_the_same_rows_every_time(tables):
    again = sample_large.build(SCALE)
    assert all(tables[name].equals(again[name]) for name in TABLES)


def test_every_table_with_the_sizes_asked_for(tables):
    assert set(tables) == set(TABLES)
    assert tables["suppliers"].num_rows == 500 and tables["buyers"].num_rows == 100
    for name, size in sample_large.SIZES.items():
        if name not in ("suppliers", "buyers"):
            assert tables[name].num_rows == int(size * SCALE), name
    for name, table in TABLES.items():
        assert tables[name].column_names == ["programme", *table.column_names, "extra"]


def test_stored_through_the_import_path_with_figures_over_ten_years(db):
    counts = sample_large.load(db, SCALE)
    assert counts["meetings"]["inserted"] == int(1_000_000 * SCALE)
    assert counts["sites"]["inserted"] == int(1_000_000 * SCALE)  # every traceability row its own key
    first = scalar_kpis(db, Filters(date(2016, 1, 1), date(2016, 12, 31)), Settings())
    last = scalar_kpis(db, Filters(date(2025, 1, 1), date(2025, 12, 31)), Settings())
    assert first["D1"] > 0 and last["D1"] > 0 and last["C1"] > 0
    assert last["I2"] > first["I2"]  # answers improve over the decade
    assert last["T2"] > first["T2"]  # and so does disclosure of the chain
