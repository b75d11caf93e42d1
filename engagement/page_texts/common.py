"""Dutch of the entry script's and engagement/app.py's sentences: menu, filters, messages."""

DUTCH = {
    # menu (engagement.app.PAGES)
    "Overview": "Overzicht",
    "Supplier scorecard": "Scorekaart leveranciers",
    "Review session": "Reviewsessie",
    "Dialogue frequency": "Frequentie van de dialoog",  # as engagement.texts (area.D) and the reports
    "Information quality": "Kwaliteit van de informatie",
    "Traceability coverage": "Traceerbaarheid",  # DOMAIN.md
    "Complaint resolution": "Afhandeling van klachten",
    "Escalation": "Escalatie",
    "Collective leverage": "Gezamenlijke hefboom",
    "Follow-up": "Opvolging",
    "Supplier profile": "Leveranciersprofiel",
    "KPI definitions": "KPI-definities",
    "Import": "Importeren",
    "Data": "Gegevens",
    # sidebar
    "Filters": "Filters",
    "Language · Taal": "Taal · Language",
    "Period": "Periode",
    "Last quarter": "Afgelopen kwartaal",
    "Last 12 months": "Afgelopen 12 maanden",
    "Programme to date": "Programma tot nu toe",
    "Custom": "Zelf kiezen",
    "From – to": "Van – tot en met",
    "Programme": "Programma",
    "Buyer": "Inkoper",
    "Supplier": "Leverancier",
    "Country": "Land",
    "Product category": "Productcategorie",
    "All": "Alle",
    "Periods end with the month of the latest event in the data (or today, if that is earlier).": (
        "Perioden eindigen met de maand van de laatste gebeurtenis in de gegevens (of vandaag, als dat eerder is)."
    ),
    "You are looking at **fictional sample data**. Use *Data* to start an empty database.": (
        "U kijkt naar **fictieve voorbeeldgegevens**. Begin via *Gegevens* met een lege database."
    ),
    # report downloads (engagement.app.report_downloads)
    "Report (Excel)": "Rapport (Excel)",
    "Report (web page, works offline)": "Rapport (webpagina, werkt offline)",
    "Report (PDF)": "Rapport (PDF)",
    "PDF reports need Debian's chromium on the server.": "Voor PDF-rapporten is Debians chromium op de server nodig.",
    # long tables (engagement.app.show_table)
    "Page (of {pages})": "Pagina (van {pages})",
    "Rows {first} to {last} of {rows}.": "Rijen {first} tot en met {last} van {rows}.",
    "Download all {rows} rows (CSV)": "Alle {rows} rijen downloaden (CSV)",
    # messages
    "There is no data for {what} with these filters and this period.": (
        "Er zijn geen gegevens voor {what} met deze filters en in deze periode."
    ),
    "this view": "deze weergave",
    "This view could not be drawn. The details are in the server log; please report them with the filters you had chosen.": (  # noqa: E501
        "Deze weergave kon niet worden getekend. De details staan in het serverlog; meld ze "
        "graag met de filters die u had gekozen."
    ),
    "not given": "niet opgegeven",
    "The database is in use by another program (an import on the command line, or another dashboard). Wait until it is done, then reload this page.": (  # noqa: E501
        "De database is in gebruik door een ander programma (een import via de opdrachtregel, of "
        "een ander dashboard). Wacht tot dat klaar is en laad deze pagina dan opnieuw."
    ),
}
