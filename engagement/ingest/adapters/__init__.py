"""Adapters: exports of other tools (an Outlook calendar, an Open Supply Hub facility list)
recognised by their headers and turned into sheets the importer understands.

adapt_sheets is called on every file's sheets before they are matched to tables; a sheet
no adapter recognises passes unchanged.
"""

from engagement.ingest.read import Sheet


def adapt_sheets(sheets: list[Sheet], *, supplier: str | None = None, names=None, report=None) -> list[Sheet]:
    """The sheets, each replaced by its adapted form where an adapter recognises it.

    `supplier` is the supplier given at import (`--supplier`), for lists that name none;
    `names` is the NameBook of known suppliers and buyers; `report` takes warnings.
    """
    return sheets
