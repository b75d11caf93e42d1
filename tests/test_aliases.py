"""Aliases (engagement.aliases): other spellings of a name, read as that name by the importer."""

import pytest

from engagement.aliases import Alias, AliasError, add_alias, list_aliases, remove_alias
from engagement.cli import main
from engagement.db import data_version, open_database
from engagement.ingest import import_file

CANONICAL = "VDL Bus and Coach B.V."


def _import(con, tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    report = import_file(con, path, programme="Bus")
    assert report.fatal is None and report.errors == [], report.errors
    return report


def _suppliers(con) -> list[str]:
    return [s for (s,) in con.execute("select supplier from suppliers order by supplier").fetchall()]


def test_aliased_name_imports_under_the_canonical_supplier(db, tmp_path):
    """A meeting naming the alias (in any case and spacing) is stored under the canonical supplier."""
    _import(db, tmp_path, "leveranciers.csv", f"leverancier;land\n{CANONICAL};Netherlands\n")
    add_alias(db, "supplier", "VDL Bus & Coach", CANONICAL)
    report = _import(
        db,
        tmp_path,
        "overleggen.csv",
        "datum;leverancier;soort\n31-03-2024;vdl BUS  &  coach;dialoog\n30-04-2024;VDL Bus and Coach B.V.;dialoog\n",
    )
    assert report.tables["meetings"]["inserted"] == 2
    assert not [w for w in report.warnings if "new supplier" in w]
    assert _suppliers(db) == [CANONICAL]
    stored = db.execute("select supplier from meetings order by date").fetchall()
    assert stored == [(CANONICAL,), (CANONICAL,)]


def test_alias_before_the_supplier_exists(db, tmp_path):
    """An alias of a name not yet known: the import creates the supplier under the canonical name."""
    add_alias(db, "supplier", "VDL", CANONICAL)
    report = _import(
        db, tmp_path, "acties.csv", "leverancier;omschrijving;deadline\nVDL;Plan sturen;01-05-2024\n"
    )
    assert any(f"new supplier {CANONICAL!r}" in w for w in report.warnings)
    assert _suppliers(db) == [CANONICAL]


def test_buyer_alias_in_a_list(db, tmp_path):
    """Buyer aliases apply inside the meetings' list of buyers too."""
    add_alias(db, "buyer", "Gem. Havenstad", "Gemeente Havenstad")
    _import(
        db,
        tmp_path,
        "overleggen.csv",
        'datum;leverancier;inkopers\n31-03-2024;Acme;"Gem. Havenstad; Gemeente Havenstad; Rijk"\n',
    )
    assert db.execute("select buyers from meetings").fetchone()[0] == ["Gemeente Havenstad", "Rijk"]


def test_add_list_and_remove(db, tmp_path):
    """Aliases are listed by kind and name; a removed alias is read as a name of its own again."""
    version = data_version(db)
    first = add_alias(db, "supplier", "  VDL   Bus & Coach ", CANONICAL)
    assert first == Alias("supplier", "VDL Bus & Coach", CANONICAL)
    assert add_alias(db, "supplier", "vdl bus & coach", CANONICAL.upper()) == first  # already there
    add_alias(db, "buyer", "Gem. Havenstad", "Gemeente Havenstad")
    assert list_aliases(db) == [Alias("buyer", "Gem. Havenstad", "Gemeente Havenstad"), first]
    assert data_version(db) > version
    assert remove_alias(db, "supplier", "VDL BUS & COACH") == first
    assert list_aliases(db) == [Alias("buyer", "Gem. Havenstad", "Gemeente Havenstad")]
    _import(db, tmp_path, "overleggen.csv", "datum;leverancier\n31-03-2024;VDL Bus & Coach\n")
    assert _suppliers(db) == ["VDL Bus & Coach"]


def test_known_spelling_is_stored(db, tmp_path):
    """The alias stands for the supplier as it is spelt in the database."""
    _import(db, tmp_path, "leveranciers.csv", f"leverancier\n{CANONICAL}\n")
    assert add_alias(db, "supplier", "VDL", "vdl bus and coach b.v.").name == CANONICAL


@pytest.mark.parametrize(
    ("alias", "name", "message"),
    [
        ("Acme", CANONICAL, "'Acme' is already a supplier (in 'Bus')"),
        ("VDL", "Other Name", "'VDL' is already an alias of 'VDL Bus and Coach B.V.'; remove it first"),
        ("Vanhool", "VDL", "'VDL' is itself an alias of 'VDL Bus and Coach B.V.'"),
        (CANONICAL, "Something Else", "is the name other aliases stand for ('VDL')"),
        ("acme ", "ACME", "already the same supplier"),
        ("", "Acme", "both needed"),
    ],
)
def test_ambiguous_aliases_are_refused(db, tmp_path, alias, name, message):
    """Refused, with the reason: a known supplier as alias, an alias of another name, chains, no-ops."""
    _import(db, tmp_path, "leveranciers.csv", "leverancier\nAcme\n")
    add_alias(db, "supplier", "VDL", CANONICAL)
    with pytest.raises(AliasError) as refused:
        add_alias(db, "supplier", alias, name)
    assert message in str(refused.value)
    assert len(list_aliases(db)) == 1


def test_bad_kind_and_missing_alias(db):
    with pytest.raises(AliasError, match="choose supplier or buyer"):
        add_alias(db, "factory", "A", "B")
    with pytest.raises(AliasError, match="there is no supplier alias 'Nope'"):
        remove_alias(db, "supplier", "Nope")


def test_aliases_command(tmp_path, capsys):
    """python -m engagement aliases add|list|remove KIND ALIAS [NAME] --db PATH; 2 with the reason when refused."""
    db_path = str(tmp_path / "cli.duckdb")
    assert main(["aliases", "list", "--db", db_path]) == 0
    assert "No aliases yet" in capsys.readouterr().out
    assert main(["aliases", "add", "supplier", "VDL Bus & Coach", CANONICAL, "--db", db_path]) == 0
    out = capsys.readouterr().out
    assert f"read supplier 'VDL Bus & Coach' as {CANONICAL!r}" in out and "not a supplier yet" in out
    assert main(["aliases", "list", "--db", db_path]) == 0
    assert capsys.readouterr().out == f"supplier\tVDL Bus & Coach\t-> {CANONICAL}\n"
    assert main(["aliases", "add", "supplier", "VDL Bus & Coach", "Other", "--db", db_path]) == 2
    assert "Refused: 'VDL Bus & Coach' is already an alias" in capsys.readouterr().err
    assert main(["aliases", "remove", "supplier", "VDL Bus & Coach", "--db", db_path]) == 0
    assert main(["aliases", "remove", "supplier", "VDL Bus & Coach", "--db", db_path]) == 2
    con = open_database(db_path)
    assert list_aliases(con) == []
    con.close()
