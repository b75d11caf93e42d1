"""Dutch of pages/data.py (the import history: upload.py)."""

DUTCH = {
    "This database holds the **fictional sample programme** (LEVP sample), loaded on first run "
    "so you can explore the dashboard. Its companies, buyers and cases are invented.": (
        "Deze database bevat het **fictieve voorbeeldprogramma** (LEVP sample), geladen bij de eerste "
        "start zodat u het dashboard kunt verkennen. De bedrijven, inkopers en klachten zijn verzonnen."
    ),
    "Import your own exports on the *Import* page, or with `python -m engagement import FILE ...` "
    "(see the README for the formats and the Dutch column names that are understood).": (
        "Importeer uw eigen exports op de pagina *Importeren*, of met `python -m engagement import "
        "FILE ...` (zie de README voor de formaten en de Nederlandse kolomnamen die worden herkend)."
    ),
    "Settings": "Instellingen",
    "Audit log": "Auditlog",
    "Who imported, undid, exported or changed a setting, and when; the latest 500, newest first.": (
        "Wie importeerde, ongedaan maakte, exporteerde of een instelling wijzigde, en wanneer; de "
        "laatste 500, nieuwste eerst."
    ),
    "Nothing has been recorded yet.": "Er is nog niets vastgelegd.",
    "When": "Wanneer",
    "Who": "Wie",
    "What": "Wat",
    "Details": "Details",
    "import": "import",
    "undo": "ongedaan maken",
    "export": "export",
    "setting": "instelling",
    "empty": "database geleegd",
    "restore": "back-up teruggezet",
    "access": "toegang",
    "Staleness limit (D5s): days without a dialogue meeting before a supplier is stale": (
        "Termijn voor recente dialoog (D5s): dagen zonder dialoogbijeenkomst voordat een leverancier "
        "te lang niet is gesproken"
    ),
    "Resolution target (C4): days within which a grievance should be resolved": (
        "Termijn voor oplossing (C4): dagen waarbinnen een klacht moet zijn opgelost"
    ),
    "Save settings": "Instellingen opslaan",
    "Saved. Every page now uses these settings.": "Opgeslagen. Alle pagina's gebruiken nu deze instellingen.",
    "Start with an empty database": "Beginnen met een lege database",
    "Deletes every imported row and the import history. Settings and name aliases are kept.": (
        "Verwijdert alle geïmporteerde rijen en de importgeschiedenis. Instellingen en aliassen van "
        "namen blijven bewaard."
    ),
    "I understand that all imported data in this database will be deleted": (
        "Ik begrijp dat alle geïmporteerde gegevens in deze database worden verwijderd"
    ),
    "The database is empty. Import your own exports to begin.": (
        "De database is leeg. Importeer uw eigen exports om te beginnen."
    ),
}
