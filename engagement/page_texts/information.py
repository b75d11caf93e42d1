"""Dutch of pages/information.py."""

DUTCH = {
    "The {shown} suppliers with the lowest scores that year (not assessed first), of {rows}.": (
        "De {shown} leveranciers met de laagste scores dat jaar (niet beoordeeld eerst), van {rows}."
    ),
    # elements of the annual report assessment
    "Risk analysis": "Risicoanalyse",
    "Plan of approach": "Plan van aanpak",
    "Handling of signals": "Afhandeling van signalen",
    "Stakeholder consultation": "Consultatie van stakeholders",
    "KPIs reported": "Gerapporteerde kpi's",
    # charts and tables
    "information requests": "informatieverzoeken",
    "Quarter requested": "Kwartaal van het verzoek",
    "Quality index (I7)": "Kwaliteitsindex (I7)",
    "Information quality index per quarter (I7)": "Index informatiekwaliteit per kwartaal (I7)",
    "suppliers with requests": "leveranciers met verzoeken",
    "Information quality index per supplier (I7)": "Index informatiekwaliteit per leverancier (I7)",
    "Annual report scores by element (I8)": "Scores jaarverslag per onderdeel (I8)",
    "annual report assessments": "beoordelingen van jaarverslagen",
    "Year of the annual report": "Jaar van het jaarverslag",
    "The {shown} suppliers with the lowest quality index, of {rows}; the table below lists them all.": (
        "De {shown} leveranciers met de laagste kwaliteitsindex, van {rows}; de tabel hieronder toont ze allemaal."
    ),
    "Element": "Onderdeel",
    "Score 0-2": "Score 0-2",
    "Annual report {year}: score per element (0-2; blank = not assessed)": (
        "Jaarverslag {year}: score per onderdeel (0-2; leeg = niet beoordeeld)"
    ),
    "Per supplier": "Per leverancier",
    "Requests (I1)": "Verzoeken (I1)",
    "Response % (I2)": "Respons % (I2)",
    "On time % (I3)": "Op tijd % (I3)",
    "Completeness % (I4)": "Volledigheid % (I4)",
    "Evidence % (I5)": "Onderbouwing % (I5)",
    "Median days (I6)": "Mediane antwoordtijd in dagen (I6)",
}
