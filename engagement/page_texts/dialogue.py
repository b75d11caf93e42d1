"""Dutch of pages/dialogue.py."""

DUTCH = {
    "The {shown} suppliers with the fewest dialogue meetings in the period, of {rows}.": (
        "De {shown} leveranciers met de minste dialoogbijeenkomsten in de periode, van {rows}."
    ),
    "dialogue meetings": "dialoogbijeenkomsten",
    "Quarter": "Kwartaal",
    "Meetings": "Bijeenkomsten",
    "Dialogue meetings per supplier per quarter": "Dialoogbijeenkomsten per leverancier per kwartaal",
    "the quarterly trend": "het verloop per kwartaal",
    "Agenda sent in advance (D6)": "Agenda vooraf verstuurd (D6)",
    "Confirmed in writing (D7)": "Afspraken schriftelijk bevestigd (D7)",
    "Collective (D8)": "Gezamenlijk (D8)",
    "Preparation and follow-up per quarter": "Voorbereiding en opvolging per kwartaal",
    "Dialogue meetings": "Dialoogbijeenkomsten",
    "OECD step": "OESO-stap",
    "OECD due-diligence steps addressed (D10)": "Behandelde OESO-stappen van gepaste zorgvuldigheid (D10)",
    "suppliers in scope": "leveranciers in scope",
    "Stale: no dialogue meeting for more than {days} days, or never.": (
        "Te lang geleden: meer dan {days} dagen geen dialoogbijeenkomst, of nog nooit."
    ),
    "Last dialogue meeting": "Laatste dialoogbijeenkomst",
    "Days since": "Dagen sindsdien",
    "Stale": "Te lang geleden",
}
