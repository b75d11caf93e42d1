"""The stored normalised copies of imported tables (engagement.db.NORMALISED) hold exactly the
table's rows, as every query reads them (engagement.queries calls ensure_normalised first), after
every kind of change: an import of that table, an import of another table, an undo, emptying
the database, and opening a file whose copy is older than its data. A change leaves the copy
of the table it wrote stale until the next read, and the others current."""

from engagement.db import NORMALISED, _stale_normalised, ensure_normalised, open_database
from engagement.history import empty_database, undo_import
from engagement.ingest import import_file

MEETINGS = (
    "meeting_id,date,supplier,type,buyers,topics\n"
    "M1,2024-02-01,Acme,dialogue,City; Region,wages; safety\n"
    "M2,2024-03-01,Acme,dialogue,City,\n"
    "M3,2024-04-01,Beta,site visit,City; City,safety; wages\n"
)
MORE_MEETINGS = (
    "meeting_id,date,supplier,type,buyers,topics\nM4,2024-05-01,Beta,dialogue,Region,wages; safety\n"
)
SITES = "supplier,product,component,tier,site_name,country\nAcme,Bus,Battery,1,Plant A,NL\n"
GRIEVANCES = "case_id,supplier,site_name,country,received_on,category\nG1,Acme,Plant  A,NL,2024-03-01,wages\n"
IN_STEP = dict.fromkeys(NORMALISED, 0)  # no row of any table missing from its copy, or extra


def _differences(con, table: str) -> int:
    """Rows of the table missing from its copy plus rows of the copy not in the table, over the
    columns they share."""
    copy = f"{table}_normalised"
    columns = [
        name
        for (name,) in con.execute(
            "select column_name from information_schema.columns where table_name = $t "
            "intersect select column_name from information_schema.columns where table_name = $c",
            {"t": table, "c": copy},
        ).fetchall()
    ]
    listed = ", ".join(columns)  # names read from the catalogue, not from input
    return con.execute(
        f"select (select count(*) from (select {listed} from {table} except all select {listed} from {copy}))"  # noqa: S608
        f" + (select count(*) from (select {listed} from {copy} except all select {listed} from {table}))"  # noqa: S608
    ).fetchone()[0]


def test_every_copy_follows_every_change(tmp_path):
    path = tmp_path / "n.duckdb"
    con = open_database(path)

    def all_in_step():
        ensure_normalised(con)  # as every query does before it reads
        return {table: _differences(con, table) for table in NORMALISED}

    def count(sql):
        ensure_normalised(con)
        return con.execute(sql).fetchone()[0]

    files = {}
    for name, text in (
        ("meetings", MEETINGS),
        ("more_meetings", MORE_MEETINGS),
        ("sites", SITES),
        ("grievances", GRIEVANCES),
    ):
        files[name] = tmp_path / f"{name}.csv"
        files[name].write_text(text, encoding="utf-8")
    assert all_in_step() == IN_STEP
    import_file(con, files["meetings"], programme="P")
    assert _stale_normalised(con) == ["meetings"]  # rebuilt when read, not by the import
    assert count("select count(*) from meetings_normalised") == 3
    assert _stale_normalised(con) == []
    assert all_in_step() == IN_STEP
    later = import_file(con, files["more_meetings"], programme="P")
    import_file(con, files["sites"], programme="P")
    import_file(con, files["grievances"], programme="P")
    assert _stale_normalised(con) == ["sites", "meetings", "grievances"]  # each written since read
    assert all_in_step() == IN_STEP
    # the case's site as the T and C rules key it
    assert count("select site_key from grievances_normalised") == "plant a"
    undo_import(con, later.import_id)
    assert count("select count(*) from meetings_normalised") == 3
    assert all_in_step() == IN_STEP
    # M1 and M3 name the same topics in another order: two lists; M3's buyers are one buyer.
    flags = dict(con.execute("select meeting_id, collective from meetings_normalised").fetchall())
    assert flags == {"M1": True, "M2": False, "M3": False}
    assert count("select count(*) from meeting_topic_lists") == 2

    # An older release changed the rows without the copies: opening the file rebuilds them.
    con.execute("update meta set value = 'older' where key like '%_normalised_version'")
    con.execute("delete from meetings where meeting_id = 'M2'")
    con.execute("delete from sites")
    con.execute("delete from grievances")
    con.close()
    con = open_database(path)
    assert _stale_normalised(con) == []  # opening rebuilt them
    assert count("select count(*) from meetings_normalised") == 2
    assert all_in_step() == IN_STEP

    empty_database(con)
    assert count("select count(*) from meetings_normalised") == 0
    assert all_in_step() == IN_STEP
    con.close()
