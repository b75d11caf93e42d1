"""Undoing an import (engagement.history.undo_import, `python -m engagement undo`)."""

import subprocess
import sys
from pathlib import Path

import pytest

from engagement.db import data_version
from engagement.history import UndoRefused, empty_database, import_history, undo_import
from engagement.ingest import import_file
from engagement.tables import TABLES

ROOT = Path(__file__).resolve().parent.parent

SUPPLIERS = "leverancier;land\nAcme;NL\nBeta;DE\n"
# Dates, an enum, a list, a bool, an int and an unknown column (kept as extra data);
# Gamma is a supplier no list names: the import creates it. K-3's date does not parse.
GRIEVANCES = (
    "case_id,supplier,received_on,severity,workers_affected,remedy,worker_reps_involved,notitie\n"
    "K-1,Acme,2024-02-01,hoog,5,loon; excuses,ja,eerste\n"
    "K-2,Gamma,2024-03-01,laag,1,,nee,\n"
    "K-3,Acme,gisteren,laag,1,,nee,\n"
)
# The second version: K-1 changed (severity, extra data), K-2 the same, K-4 new naming a new Delta,
# and Beta's country changed.
GRIEVANCES_2 = (
    "case_id,supplier,received_on,severity,workers_affected,remedy,worker_reps_involved,notitie\n"
    "K-1,Acme,2024-02-01,kritiek,7,loon,ja,tweede\n"
    "K-2,Gamma,2024-03-01,laag,1,,nee,\n"
    "K-4,Delta,2024-04-01,midden,2,,ja,\n"
    "K-5,Acme,morgen,laag,1,,nee,\n"
)
SUPPLIERS_2 = "leverancier;land\nBeta;BE\nEpsilon;FR\n"


def _file(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _import(con, path):
    report = import_file(con, path, imported_by="tester")
    assert report.fatal is None, report.fatal
    return report.import_id


def _state(con) -> dict:
    """Every imported table's rows (extra data as text), and the rejected rows per import."""
    state = {}
    for name in TABLES:
        state[name] = con.execute(
            f"select * replace (cast(extra as varchar) as extra) from {name} order by row_key"  # noqa: S608
        ).fetchall()
    state["rejected_rows"] = con.execute(
        "select import_id, row_number, column_name from rejected_rows order by all"
    ).fetchall()
    return state


def _empty(con) -> bool:
    return all(not rows for rows in _state(con).values())


def test_undo_restores_the_state_before_each_import(db, tmp_path):
    first = [_import(db, _file(tmp_path, "leveranciers.csv", SUPPLIERS))]
    first.append(_import(db, _file(tmp_path, "klachten.csv", GRIEVANCES)))
    after_first = _state(db)
    assert [r[0] for r in after_first["suppliers"]] == [  # Gamma created by the grievances
        f"default programme|supplier|{name}" for name in ("acme", "beta", "gamma")
    ]
    second = _import(db, _file(tmp_path, "klachten2.csv", GRIEVANCES_2))
    third = _import(db, _file(tmp_path, "leveranciers2.csv", SUPPLIERS_2))
    assert _state(db) != after_first
    version = data_version(db)

    done = undo_import(db, third)
    assert (done["deleted"], done["restored"], done["kept_names"]) == (1, 1, 0)  # Epsilon; Beta
    done = undo_import(db, second)
    # K-4 and Delta removed, K-1 restored; its rejected row (K-5) dropped.
    assert (done["deleted"], done["restored"], done["rejected_rows"]) == (2, 1, 1)
    assert _state(db) == after_first
    assert data_version(db) == version + 2

    for import_id in reversed(first):
        undo_import(db, import_id)
    assert _empty(db)
    assert db.execute("select count(*) from replaced_rows").fetchone() == (0,)


def test_undo_is_refused_while_a_later_import_changed_the_same_rows(db, tmp_path):
    first = _import(db, _file(tmp_path, "klachten.csv", GRIEVANCES))
    second = _import(db, _file(tmp_path, "klachten2.csv", GRIEVANCES_2))
    before = _state(db)
    with pytest.raises(
        UndoRefused, match=f"Import {second} \\(klachten2.csv\\) has since changed .* undo it first"
    ):
        undo_import(db, first)
    assert _state(db) == before  # nothing done
    undo_import(db, second)
    with pytest.raises(UndoRefused, match="already undone"):
        undo_import(db, second)
    with pytest.raises(UndoRefused, match="no import 99"):
        undo_import(db, 99)
    undo_import(db, first)
    assert _empty(db)


def test_a_created_name_that_other_rows_still_name_is_kept(db, tmp_path):
    first = _import(db, _file(tmp_path, "klachten.csv", GRIEVANCES))  # creates Gamma
    later = "case_id,supplier,received_on\nK-9,gamma,2024-05-01\n"
    _import(db, _file(tmp_path, "later.csv", later))  # names Gamma, does not change the first's rows
    done = undo_import(db, first)
    assert done["kept_names"] == 1
    assert [r[0] for r in db.execute("select supplier from suppliers").fetchall()] == ["Gamma"]
    assert db.execute("select case_id from grievances").fetchall() == [("K-9",)]


def test_the_import_history_shows_the_undo(db, tmp_path):
    first = _import(db, _file(tmp_path, "klachten.csv", GRIEVANCES))
    undo_import(db, first)
    history = import_history(db)
    assert history[["import_id", "outcome", "rejected_rows"]].values.tolist() == [[first, "undone", 0]]
    assert history["undone_at"].notna().all()


def _cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "engagement", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_cli_undo_exit_codes(tmp_path):
    database = tmp_path / "e.duckdb"
    imported = _cli("import", _file(tmp_path, "leveranciers.csv", SUPPLIERS), "--db", database)
    assert imported.returncode == 0, imported.stderr
    done = _cli("undo", "1", "--db", database)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == (
        "Undid import 1 (leveranciers.csv): 2 row(s) removed, 0 restored, 0 rejected row(s) dropped."
    )
    again = _cli("undo", "1", "--db", database)
    assert again.returncode == 2
    assert again.stderr.strip().startswith("Refused: Import 1 (leveranciers.csv) was already undone on ")
    assert len(again.stderr.strip().splitlines()) == 1
    unknown = _cli("undo", "7", "--db", database)
    assert (unknown.returncode, unknown.stderr.strip()) == (2, "Refused: There is no import 7.")


def test_emptying_the_database_forgets_the_before_images(db, tmp_path):
    _import(db, _file(tmp_path, "klachten.csv", GRIEVANCES))
    _import(db, _file(tmp_path, "klachten2.csv", GRIEVANCES_2))
    assert db.execute("select count(*) from replaced_rows").fetchone()[0] > 0
    empty_database(db)
    assert db.execute("select count(*) from replaced_rows").fetchone() == (0,)
