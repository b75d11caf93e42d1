"""Dutch of pages/definitions.py; the KPI names and rules are in engagement.texts."""

DUTCH = {
    "Every figure in this dashboard follows one of these rules. A period is a closed date range; "
    "percentages are 0-100; a ratio whose denominator is empty shows **no data**, never 0. "
    "Blank yes/no answers are unknown and count in neither the numerator nor the denominator. "
    "The staleness limit is **{staleness_days} days** and the resolution target "
    "**{target_days} days**. Each rule names the file in `queries/` that computes it.": (
        "Elk cijfer in dit dashboard volgt een van deze rekenregels. Een periode is een afgesloten "
        "reeks dagen, begin- en einddatum inbegrepen; percentages lopen van 0 tot 100; een verhouding "
        "zonder noemer toont **geen gegevens**, nooit 0. Een leeg ja/nee-antwoord is onbekend en telt "
        "niet mee in de teller en niet in de noemer. De termijn voor een recente dialoog is "
        "**{staleness_days} dagen** en de termijn voor het oplossen van een klacht **{target_days} "
        "dagen**. Bij elke regel staat het bestand in `queries/` dat het cijfer berekent."
    ),
    "Id": "Id",
    "Name": "Naam",
    "Rule": "Rekenregel",
    "Query": "Query",
}
