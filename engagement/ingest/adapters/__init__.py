"""Adapters: exports of other tools recognised by their headers, no flag needed, and turned
into sheets the importer understands.

- outlook: an Outlook calendar export (English or Dutch) -> meetings with known suppliers
- teams: a Teams attendance report or list -> one meeting
- facility_list: an Open Supply Hub facility list or download (or a brand's list in that
  shape) -> production sites
- moderation: Open Supply Hub's moderation events export, refused with its reason

adapt_sheets is called on every file's sheets before they are matched to tables; a sheet
no adapter recognises passes unchanged, and so does a sheet named after another table
("Leveranciers" is a supplier list, whatever its columns). An adapter that recognises
a sheet but cannot read it (no supplier can be known) refuses the file with one line.
"""

from engagement.ingest.adapters import facility_list, moderation, outlook, teams
from engagement.ingest.adapters.sheets import Context
from engagement.ingest.header import table_by_name
from engagement.ingest.read import Sheet

ADAPTERS = (
    outlook,
    teams,
    facility_list,
    moderation,
)  # each: TABLE, recognise(head), adapt(sheet, found, context)


def adapt_sheets(sheets: list[Sheet], *, supplier: str | None = None, names=None, report=None) -> list[Sheet]:
    """The sheets, each replaced by its adapted form where an adapter recognises it.

    `supplier` is the supplier given at import (`--supplier`), for lists that name none;
    `names` is the NameBook of known suppliers and buyers; `report` takes warnings.
    Raises ReadError when a recognised sheet cannot be imported.
    """
    context = Context(
        file=report.file if report is not None else "the file",
        supplier=" ".join(supplier.split()) if supplier and supplier.strip() else None,
        names=names,
        warnings=report.warnings if report is not None else [],
    )
    return [adapt_sheet(sheet, context) for sheet in sheets]


def adapt_sheet(sheet: Sheet, context: Context) -> Sheet:
    """The sheet as the first adapter that recognises it makes it, or unchanged."""
    if sheet.empty:
        return sheet
    named = table_by_name(sheet.name)
    for adapter in ADAPTERS:
        if named is not None and named.name != adapter.TABLE:
            continue
        found = adapter.recognise(sheet.head)
        if found is not None:
            return adapter.adapt(sheet, found, context)
    return sheet
