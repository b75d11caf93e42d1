"""Shared fixtures: a fresh database per test, and a way to put hand-written rows in it."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from engagement.db import bump_data_version, open_database  # noqa: E402
from engagement.store import upsert  # noqa: E402

# The browser tests' fixtures: a real `streamlit run` and Debian's chromium.
pytest_plugins = ["browser_harness"]


@pytest.fixture
def db(tmp_path):
    """An empty, migrated database in a temporary folder."""
    con = open_database(tmp_path / "test.duckdb")
    yield con
    con.close()


def add_rows(con, table: str, rows: list[dict], programme: str = "P") -> None:
    """Store hand-written rows (already parsed values) as an import would, data version too."""
    con.execute("begin transaction")
    upsert(con, table, programme, rows, import_id=None)
    bump_data_version(con, tables=[table])
    con.execute("commit")


@pytest.fixture
def sample_path(tmp_path) -> Path:
    """A database file holding the sample programme, closed, for code that opens it itself."""
    from engagement.sample import load_sample

    path = tmp_path / "sample.duckdb"
    con = open_database(path)
    load_sample(con)
    con.close()
    return path
