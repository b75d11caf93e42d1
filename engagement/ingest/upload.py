"""What the upload page needs besides import_file: the choices of its column-mapping editor,
the corrections the user made there, and the files it offers for download."""

from functools import cache

import pandas as pd

from engagement.ingest.header import IGNORED, PROGRAMME
from engagement.tables import TABLES

ACCEPTED_TYPES = ["csv", "tsv", "txt", "xlsx", "xlsm", "ods", "xls"]
EXTRA = "(keep as extra data)"  # the editor's word for a column kept but not a table column


def column_choices(table_name: str) -> list[str]:
    """What a file's column can go to: a column of the table, the programme, extra data, or nowhere."""
    return [IGNORED, EXTRA, PROGRAMME, *TABLES[table_name].column_names]


def shown_choice(column: str | None) -> str:
    """How the editor shows where a column goes (None, kept as extra data, has no name of its own)."""
    return EXTRA if column is None else column


def mapping_overrides(detected: dict[str, str | None], edited: pd.DataFrame) -> dict[str, str | None]:
    """The whole mapping as the user left it in the editor: {label: column, IGNORED, or None for extra}.

    The whole mapping, not only the changes, so that applying it twice gives the same result.
    """
    chosen = dict(zip(edited["column in the file"], edited["goes to"], strict=True))
    return {label: (None if chosen.get(label, EXTRA) == EXTRA else chosen[label]) for label in detected}


@cache
def template_file(lang: str) -> tuple[str, bytes]:
    """The template workbook in a language, and its file name."""
    from engagement.ingest.template import template_workbook

    return f"engagement_template_{lang}.xlsx", template_workbook(lang)


def correction_workbook(con, import_id: int) -> tuple[str, bytes]:
    """The rejected rows of an import with an error column, and a file name for them."""
    from engagement.ingest.corrections import rejected_rows_workbook

    return f"rows_to_correct_import_{import_id}.xlsx", rejected_rows_workbook(con, import_id)
