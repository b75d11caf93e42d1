"""The database: created on first use with every table, versioned, migrated in place."""

from datetime import date

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


def test_a_version_1_file_is_migrated_without_losing_rows(tmp_path):
    """Version 2 adds replaced_rows and imports.undone_at (undoing an import) to a version-1 file."""
    path = tmp_path / "v1.duckdb"
    con = duckdb.connect(str(path))
    schema.MIGRATIONS[0](con)
    con.execute("insert into meta values ('schema_version', '1'), ('data_version', '3')")
    con.execute(
        "insert into imports values (1, 'l.csv', 'abc', 'me', '2024-01-02 03:04:05', 'P', 'stored', '{}')"
    )
    con.execute(
        "insert into suppliers (row_key, programme, supplier, import_id) values ('p|supplier|acme', 'P', 'Acme', 1)"
    )
    con.execute("insert into settings values ('staleness_days', '90')")
    con.close()

    con = open_database(path)
    assert schema.schema_version(con) == schema.SCHEMA_VERSION == 3
    assert con.execute("select import_id, file_name, outcome, undone_at from imports").fetchall() == [
        (1, "l.csv", "stored", None)
    ]
    assert con.execute("select supplier, import_id from suppliers").fetchall() == [("Acme", 1)]
    assert con.execute("select value from settings").fetchall() == [("90",)]
    assert con.execute("select value from meta where key = 'data_version'").fetchall() == [("3",)]
    assert con.execute("select count(*) from replaced_rows").fetchone() == (0,)


def test_a_version_2_file_is_migrated_without_losing_rows(tmp_path):
    """Version 3 adds the audit log to a version-2 file (built here as release 2 left it: an
    import stored, one undone with its replaced row kept); every row stays, and the file works."""
    path = tmp_path / "v2.duckdb"
    con = duckdb.connect(str(path))
    schema.MIGRATIONS[0](con)
    schema.MIGRATIONS[1](con)
    con.execute("insert into meta values ('schema_version', '2'), ('data_version', '7')")
    con.execute(
        "insert into imports values "
        "(1, 'a.csv', 'h1', 'me', '2024-01-02 03:04:05', 'P', 'stored', '{}', null), "
        "(2, 'b.csv', 'h2', 'me', '2024-02-02 03:04:05', 'P', 'stored', '{}', '2024-03-01 00:00:00')"
    )
    con.execute(
        "insert into suppliers (row_key, programme, supplier, import_id) values ('p|supplier|acme', 'P', 'Acme', 1)"
    )
    con.execute(
        "insert into meetings (row_key, programme, supplier, date, type, import_id) "
        "values ('p|meeting|1', 'P', 'Acme', '2024-01-10', 'dialogue', 1)"
    )
    con.execute("insert into replaced_rows values (2, 'meetings', 'p|meeting|1', '{}')")
    con.close()

    con = open_database(path)
    assert schema.schema_version(con) == schema.SCHEMA_VERSION == 3
    assert con.execute("select import_id, undone_at is not null from imports order by 1").fetchall() == [
        (1, False),
        (2, True),
    ]
    assert con.execute("select supplier, date, type from meetings").fetchall() == [
        ("Acme", date(2024, 1, 10), "dialogue")
    ]
    assert con.execute("select count(*) from replaced_rows").fetchone() == (1,)
    assert con.execute("select value from meta where key = 'data_version'").fetchone() == ("7",)
    assert con.execute("select count(*) from audit_log").fetchone() == (0,)
    from engagement import audit

    audit.record(con, "me", "setting", "works")  # the new table takes entries
    assert audit.entries(con)["detail"].tolist() == ["works"]
