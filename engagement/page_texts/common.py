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
    "Sign-in is not configured, so this dashboard only answers on this computer (server.address 127.0.0.1). Configure sign-in (README, Security) before serving it on a network.": (  # noqa: E501
        "Aanmelden is niet ingesteld, dus dit dashboard antwoordt alleen op deze computer "
        "(server.address 127.0.0.1). Stel aanmelden in (README, Security) voordat u het op een "
        "netwerk aanbiedt."
    ),
    "Supplier engagement dashboard": "Dashboard leveranciersbetrokkenheid",
    "Sign in with your organisation's account to see the programmes you take part in.": (
        "Meld u aan met het account van uw organisatie om de programma's te zien waaraan u deelneemt."
    ),
    "Sign in": "Aanmelden",
    "Sign out": "Afmelden",
    "Your account ({email}) has no access to any programme. Ask the programme's coordinator to add you.": (
        "Uw account ({email}) heeft geen toegang tot een programma. Vraag de coördinator van het "
        "programma om u toe te voegen."
    ),
    "Local single-user mode: sign-in is not configured, so only this computer can open it.": (
        "Lokaal, voor één gebruiker: aanmelden is niet ingesteld, dus alleen deze computer kan het openen."
    ),
    "coordinator": "coördinator",
    "buyer": "inkoper",
    "Signed in as {email} ({role}).": "Aangemeld als {email} ({role}).",
    "This page is for the programme's coordinators.": "Deze pagina is voor de coördinatoren van het programma.",
    "The database is in use by another program (an import on the command line, or another dashboard). Wait until it is done, then reload this page.": (  # noqa: E501
        "De database is in gebruik door een ander programma (een import via de opdrachtregel, of "
        "een ander dashboard). Wacht tot dat klaar is en laad deze pagina dan opnieuw."
    ),
}
