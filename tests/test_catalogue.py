"""The KPI catalogue is complete and its documentation is generated from it."""

from pathlib import Path

from engagement.catalogue import CATALOGUE, as_markdown
from engagement.db import QUERIES_DIR

ROOT = Path(__file__).resolve().parent.parent
SHARED_KPIS = ROOT.parent / "shared" / "KPIS.md"


def test_docs_kpis_md_is_generated_from_the_catalogue():
    """docs/KPIS.md equals `python -m engagement.catalogue` (rerun it after changing a rule)."""
    assert (ROOT / "docs" / "KPIS.md").read_text(encoding="utf-8") == as_markdown()


def test_every_kpi_names_a_query_file_that_exists():
    for kpi in CATALOGUE:
        assert (QUERIES_DIR / f"{kpi.query}.sql").exists(), kpi.id


def test_every_id_of_the_shared_catalogue_is_here():
    """Every id in the programme's KPIS.md tables is in the catalogue, and no other."""
    import re

    text = SHARED_KPIS.read_text(encoding="utf-8")
    shared_ids = set(re.findall(r"^\| ([DITCE]\d+[ms]?) \|", text, flags=re.MULTILINE))
    assert shared_ids == {k.id for k in CATALOGUE}
