"""The database: created on first use with every table, versioned, migrated in place."""

import duckdb
import pytest

from engagement import schema
from engagement.db import database_path, open_database
from engagement.tables import TABLES


def test_a_new_file_gets_every_table_and_the_current_version(tmp_path):
    con = open_database(tmp_path / "new.duckdb")
    tables = {row[0] for row in con.execute("select table_name from information_schema.tables").fetchall()}
    assert set(TABLES) | {"meta", "settings", "aliases", "imports", "rejected_rows"} <= tables
    assert schema.schema_version(con) == schema.SCHEMA_VERSION
    for table in TABLES.values():  # every imported table carries its programme and natural key
        columns = {r[0] for r in con.execute(f"describe {table.name}").fetchall()}  # noqa: S608
        assert {"programme", "row_key", "extra", "import_id", *table.column_names} <= columns


def test_opening_again_keeps_the_rows(tmp_path):
    path = tmp_path / "again.duckdb"
    con = open_database(path)
    con.execute("insert into settings values ('staleness_days', '90')")
    con.close()
    con = open_database(path)
    assert con.execute("select value from settings").fetchall() == [("90",)]


def test_a_file_from_a_newer_release_is_refused_with_a_clear_message(tmp_path):
    path = tmp_path / "newer.duckdb"
    open_database(path).close()
    con = duckdb.connect(str(path))
    con.execute("update meta set value = '99' where key = 'schema_version'")
    con.close()
    with pytest.raises(RuntimeError, match="newer release"):
        open_database(path)


def test_the_database_path_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("ENGAGEMENT_DB", raising=False)
    assert str(database_path()) == "data/engagement.duckdb"
    monkeypatch.setenv("ENGAGEMENT_DB", str(tmp_path / "x.duckdb"))
    assert database_path() == tmp_path / "x.duckdb"
    assert database_path("given.duckdb").name == "given.duckdb"
