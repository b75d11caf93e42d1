"""Dutch of pages/upload.py (the import history's heads also of pages/data.py). The importer's
own messages (engagement.ingest, engagement.history) are put in Dutch by engagement.page_texts.messages."""

DUTCH = {
    "Drop meeting logs, information-request trackers, site lists, grievance registers or "
    "calendar exports here (CSV, Excel or OpenDocument). Headers may be English or Dutch. "
    "You see what was understood and what would be rejected **before** anything is stored.": (
        "Zet hier verslagen van bijeenkomsten, overzichten van informatieverzoeken, locatielijsten, "
        "klachtenregisters of agenda-exports neer (CSV, Excel of OpenDocument). Kolomkoppen mogen "
        "Engels of Nederlands zijn. U ziet wat er is begrepen en wat er zou worden afgewezen "
        "**voordat** er iets wordt opgeslagen."
    ),
    "Templates": "Sjablonen",
    "A workbook with one sheet per table, dropdowns for the lists and an instructions sheet.": (
        "Een werkmap met één werkblad per tabel, keuzelijsten voor de vaste waarden en een werkblad met uitleg."
    ),
    "English template": "Engelstalig sjabloon",
    "Dutch template": "Nederlandstalig sjabloon",
    "For rows without a programme column. Type a new name to start a programme.": (
        "Voor rijen zonder kolom programma. Typ een nieuwe naam om een programma te beginnen."
    ),
    "Supplier of a facility list or Teams report": "Leverancier van een locatielijst of Teams-rapport",
    "Only for files that name no supplier: an Open Supply Hub download, a Teams attendance report.": (
        "Alleen voor bestanden die geen leverancier noemen: een download van Open Supply Hub, een "
        "aanwezigheidsrapport van Teams."
    ),
    "Exports to import": "Te importeren exports",
    "**Sheet {sheet}** → table **{table}**, header in row {row}": (
        "**Werkblad {sheet}** → tabel **{table}**, kolomkoppen in rij {row}"
    ),
    "column in the file": "kolom in het bestand",
    "goes to": "gaat naar",
    "First rows as the importer understood them:": "De eerste rijen zoals de import ze heeft begrepen:",
    "Required columns not found: {columns}": "Verplichte kolommen niet gevonden: {columns}",
    # counts per table of a file
    "accepted": "geaccepteerd",
    "rejected": "afgewezen",
    "inserted": "toegevoegd",
    "updated": "bijgewerkt",
    "unchanged": "ongewijzigd",
    "**{n} problems** — these rows would be kept aside for correction:": (
        "**{n} problemen** — deze rijen zouden apart worden gehouden om te verbeteren:"
    ),
    "Sheet": "Werkblad",
    "Row": "Rij",
    "Column": "Kolom",
    "Value": "Waarde",
    "Problem": "Probleem",
    "Import {n} file(s)": "{n} bestand(en) importeren",
    "Importing…": "Bezig met importeren…",
    "{file}: already imported — nothing changed.": "{file}: al eerder geïmporteerd — er is niets veranderd.",
    "{file}: {stored} rows stored, {rejected} rejected and kept for correction.": (
        "{file}: {stored} rijen opgeslagen, {rejected} afgewezen en bewaard om te verbeteren."
    ),
    "Done.": "Klaar.",
    "Undo an import: restore the data as it was before it": (
        "Een import ongedaan maken: de gegevens terugzetten zoals ze ervoor waren"
    ),
    "Undo this import": "Deze import ongedaan maken",
    "Download the rejected rows of an import, with an error column, to correct and re-import": (
        "De afgewezen rijen van een import downloaden, met een kolom met de fout, om te verbeteren en "
        "opnieuw te importeren"
    ),
    "Download rows to correct": "Te verbeteren rijen downloaden",
    # the import history (also on pages/data.py)
    "Import history": "Importgeschiedenis",
    "Nothing has been imported yet.": "Er is nog niets geïmporteerd.",
    "Import no.": "Importnr.",
    "File": "Bestand",
    "Imported by": "Geïmporteerd door",
    "Imported at": "Geïmporteerd op",
    "Outcome": "Resultaat",
    "Undone at": "Ongedaan gemaakt op",
    "Rejected rows": "Afgewezen rijen",
    "stored": "opgeslagen",
    "refused": "geweigerd",
    "undone": "ongedaan gemaakt",
}
