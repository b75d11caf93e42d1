"""What has been imported, and starting over with an empty database."""

from engagement import queries
from engagement.db import bump_data_version
from engagement.tables import TABLES

SAMPLE_IMPORTER = "sample"


def import_history(con):
    """Every import, newest first, with its count of rejected rows."""
    return queries.run(con, "import_history", {})


def holds_only_sample(con) -> bool:
    """True when everything stored came from the sample programme (the banner says so)."""
    stored = import_history(con).query("outcome == 'stored'")
    return len(stored) > 0 and bool((stored["imported_by"] == SAMPLE_IMPORTER).all())


def empty_database(con) -> None:
    """Delete every imported row and the import history, in one transaction; aliases and
    settings are kept. The file stays, so the sample is not loaded again."""
    con.execute("begin transaction")
    try:
        # Table names come from engagement.tables, never from user input.
        for name in [*TABLES, "rejected_rows", "imports"]:
            con.execute(f"delete from {name}")  # noqa: S608
        bump_data_version(con)
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
