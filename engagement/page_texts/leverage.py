"""Dutch of pages/leverage.py, and of the short list's reasons and rule (engagement.kpis.leverage)."""

DUTCH = {
    # the short list's reasons and rule (engagement.kpis.leverage: its templates, word for word)
    "shared by {buyers} buyers": "gedeeld door {buyers} inkopers",
    "in the top third by contract value": "in het bovenste derde naar contractwaarde",
    "no dialogue meeting in the period": "geen dialoogbijeenkomst in de periode",
    "information quality index (I7) {index}, below {limit}": "index informatiekwaliteit (I7) {index}, onder {limit}",
    "traceability coverage (T2) {coverage}%, below {limit}%": "traceerbaarheid (T2) {coverage}%, onder {limit}%",
    "High leverage: shared by {min_buyers} or more buyers (contracts overlapping the period), "
    "or in the top third of the suppliers in scope by combined contract value. Low engagement: "
    "no dialogue meeting in the period, an information quality index (I7) below {min_quality}, "
    "or a traceability coverage (T2) below {min_coverage}%. An I7 or T2 without data is not low.": (
        "Grote hefboom: gedeeld door {min_buyers} of meer inkopers (contracten die de periode "
        "overlappen), of in het bovenste derde van de leveranciers in scope naar gezamenlijke "
        "contractwaarde. Weinig betrokkenheid: geen dialoogbijeenkomst in de periode, een index "
        "informatiekwaliteit (I7) onder {min_quality} of een traceerbaarheid (T2) onder "
        "{min_coverage}%. Een I7 of T2 zonder gegevens telt niet als laag."
    ),
    # the page
    "Contracts": "Contracten",
    "Contract value (million EUR)": "Contractwaarde (miljoen euro)",
    "Million EUR": "Miljoen euro",
    "Contracts overlapping {period}, per buyer and supplier in scope. A contract without a value adds "
    "to the count, not to the value: a value left blank is unknown, not zero.": (
        "Contracten die {period} overlappen, per inkoper en leverancier in scope. Een contract zonder "
        "waarde telt mee in het aantal, niet in de waarde: een lege waarde is onbekend, niet nul."
    ),
    "Suppliers in scope": "Leveranciers in scope",
    "Shared by {n} or more buyers": "Gedeeld door {n} of meer inkopers",
    "High leverage, low engagement": "Grote hefboom, weinig betrokkenheid",
    "Contracts per buyer and supplier": "Contracten per inkoper en leverancier",
    "contracts": "contracten",
    "Too many buyers and suppliers for a heatmap: one row per buyer and supplier.": (
        "Te veel inkopers en leveranciers voor een heatmap: één rij per inkoper en leverancier."
    ),
    "Contract value": "Contractwaarde",
    "Without a value": "Zonder waarde",
    "Cells show": "Cellen tonen",
    "{measure} per buyer and supplier (blank: no contract, or no value known)": (
        "{measure} per inkoper en leverancier (leeg: geen contract, of geen waarde bekend)"
    ),
    "Suppliers and the buyers who share them": "Leveranciers en de inkopers die ze delen",
    "Buyers sharing it": "Inkopers die de leverancier delen",
    "Buyers with a contract": "Inkopers met een contract",
    "Combined value": "Gezamenlijke waarde",
    "Dialogue meetings": "Dialoogbijeenkomsten",
    "Buyers at its dialogue meetings": "Inkopers bij de dialoogbijeenkomsten",
    "Information quality index I7": "Index informatiekwaliteit I7",
    "Traceability coverage T2 %": "Traceerbaarheid T2 %",
    "A suggestion for the group to discuss, not a verdict. {rule}": (
        "Een voorstel om in de groep te bespreken, geen oordeel. {rule}"
    ),
    "No supplier with high leverage shows low engagement in this period.": (
        "Geen enkele leverancier met een grote hefboom toont weinig betrokkenheid in deze periode."
    ),
    "Why leverage is high": "Waarom de hefboom groot is",
    "Why engagement is low": "Waarom de betrokkenheid laag is",
}
