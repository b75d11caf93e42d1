"""Finding header rows and matching sheets to tables (engagement.ingest.header)."""

from engagement.ingest import header
from engagement.ingest.words import fold
from engagement.tables import TABLES


def test_fold_ignores_case_accents_spaces_and_punctuation():
    assert fold("Thema's") == fold("themas") == "themas"
    assert fold(" Datum_Overleg ") == fold("datum-overleg") == fold("DATUM OVERLEG")
    assert fold("Géverifieerd") == "geverifieerd"


def test_no_label_means_two_columns_of_one_table():
    """Within a table, every folded synonym points at one column."""
    for table in TABLES.values():
        seen = {}
        for column in table.columns:
            for label in (column.name, *column.synonyms):
                assert seen.setdefault(fold(label), column.name) == column.name, (table.name, label)


def test_header_found_below_title_and_blank_rows():
    """Title rows and blanks above the header are skipped; labels map to canonical columns."""
    head = [
        ["Overzicht gesprekken 2024", None],
        [None, None],
        ["Leverancier", "Datum overleg", "Type_Overleg", "Programma", "Kleur"],
        ["Acme", "31-03-2024", "dialoog", "Bus", "rood"],
    ]
    found = header.find_header(TABLES["meetings"], head)
    assert found.row_index == 2
    assert [c.column for c in found.columns] == ["supplier", "date", "type", "programme", None]
    assert found.missing_required == []
    assert [c.label for c in found.unknown] == ["Kleur"]


def test_header_only_within_first_20_rows():
    head = [[None]] * 20 + [["datum", "leverancier"]]
    assert header.find_header(TABLES["meetings"], head) is None


def test_table_by_sheet_name_in_english_or_dutch():
    assert header.table_by_name("Bijeenkomsten").name == "meetings"
    assert header.table_by_name("MEETINGS").name == "meetings"
    assert header.table_by_name("Informatieverzoeken").name == "info_requests"
    assert header.table_by_name("export_klachten_2024").name == "grievances"
    assert header.table_by_name("Sheet1") is None


def test_table_by_headers_prefers_the_table_naming_most_columns():
    """Headers decide when the name does not: all required columns, then most columns named."""
    escalations = [["Leverancier", "Datum", "Stap", "Toelichting"]]
    assert header.table_by_headers(escalations).table.name == "escalations"
    meetings = [["Leverancier", "Datum", "Soort", "Onderwerpen"]]
    assert header.table_by_headers(meetings).table.name == "meetings"
    suppliers = [["naam", "land"]]
    assert header.table_by_headers(suppliers).table.name == "suppliers"
    contracts = [["Inkoper", "Leverancier", "Startdatum"]]
    assert header.table_by_headers(contracts).table.name == "contracts"
    assert header.table_by_headers([["foo", "bar"]]) is None


def test_a_column_named_twice_is_kept_once():
    found = header.map_header(TABLES["suppliers"], ["Naam", "Leverancier", "Land"], 0)
    assert [c.column for c in found.columns] == ["supplier", None, "country"]


def test_resolve_table_accepts_dutch_names():
    assert header.resolve_table("sites").name == "sites"
    assert header.resolve_table("productielocaties").name == "sites"
    assert header.resolve_table("nonsense") is None
