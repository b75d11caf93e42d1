"""Dutch of pages/follow_up.py (action statuses and headers also of pages/session.py)."""

DUTCH = {
    # an action's status
    "overdue": "over de deadline",
    "due": "lopend",
    "done late": "te laat afgerond",
    "done on time": "op tijd afgerond",
    "no owner given": "geen eigenaar opgegeven",
    # elements of the annual report assessment (as pages/information.py names them)
    "Risk analysis": "Risicoanalyse",
    "Plan of approach": "Plan van aanpak",
    "Handling of signals": "Afhandeling van signalen",
    "Stakeholder consultation": "Consultatie van stakeholders",
    "KPIs reported": "Gerapporteerde kpi's",
    # counts per supplier and per owner
    "Actions listed": "Acties",
    "Open": "Open",
    "Overdue": "Over de deadline",
    "Due in period": "Deadline in periode",
    "Due in the period (D9's actions)": "Deadline in de periode (de acties van D9)",
    "Done on time": "Op tijd afgerond",
    "Of those, done by the due date": "Daarvan afgerond op of vóór de deadline",
    "Done on time %": "Op tijd afgerond %",
    # the page
    "Actions agreed in meetings, as of {day}: every action agreed by then and still open, whatever "
    "its due date, and those due or completed in the period. A completion after that day does not "
    "count yet.": (
        "Acties afgesproken in bijeenkomsten, stand op {day}: elke actie die tot dan is afgesproken en "
        "nog openstaat, ongeacht de deadline, en de acties met een deadline of afronding in de periode. "
        "Een afronding na die dag telt nog niet mee."
    ),
    "Open actions": "Openstaande acties",
    "Not completed by the end of the period": "Niet afgerond aan het einde van de periode",
    "Overdue actions": "Acties over de deadline",
    "Open, and due before the end of the period": "Open, met een deadline vóór het einde van de periode",
    "Actions due in the period": "Acties met deadline in de periode",
    "KPI D9: {rule}": "Kpi D9: {rule}",
    "Actions": "Acties",
    "actions": "acties",
    "Owner": "Eigenaar",
    "Days overdue": "Dagen over de deadline",
    "Action": "Actie",
    "Due": "Deadline",
    "Completed": "Afgerond op",
    "Days late": "Dagen te laat afgerond",
    "Per supplier": "Per leverancier",
    "Per owner": "Per eigenaar",
    "Annual report scores by element": "Scores jaarverslag per onderdeel",
    "Each element scored 0-2 by the assessors; the I8 score is the assessed scores' sum over "
    "2 x the assessed elements, so an element not assessed leaves both.": (
        "Elk onderdeel krijgt van de beoordelaars een score van 0-2; de I8-score is de som van de "
        "gegeven scores gedeeld door 2 x het aantal beoordeelde onderdelen, zodat een onderdeel dat "
        "niet is beoordeeld in geen van beide meetelt."
    ),
    "annual report assessments": "beoordelingen van jaarverslagen",
    "**Annual reports {year}**": "**Jaarverslagen {year}**",
    "not assessed": "niet beoordeeld",
    "I8 score %": "I8-score %",
}
