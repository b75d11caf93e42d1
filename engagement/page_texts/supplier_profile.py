"""Dutch of pages/supplier_profile.py (grievance statuses: see complaints.py)."""

DUTCH = {
    # kinds of event in the timeline
    "meeting": "bijeenkomst",
    "information request": "informatieverzoek",
    "disclosure": "bekendmaking",
    "grievance": "klacht",
    "escalation": "escalatie",
    # meeting types
    "dialogue meeting": "dialoogbijeenkomst",
    "follow-up meeting": "vervolggesprek",
    "site visit": "locatiebezoek",
    "market event": "marktbijeenkomst",
    # meeting topics (engagement.vocabulary.MEETING_TOPICS)
    "policy": "beleid",
    "code of conduct": "gedragscode",
    "risk analysis": "risicoanalyse",
    "production sites": "productielocaties",
    "action plan": "plan van aanpak",
    "corrective action": "corrigerende maatregelen",
    "purchasing practices": "inkooppraktijken",
    "monitoring": "monitoring",
    "audit": "audit",
    "KPIs": "kpi's",
    "reporting": "rapportage",
    "stakeholder communication": "communicatie met stakeholders",
    "grievance mechanism": "klachtenmechanisme",
    "remedy": "herstel",
    # what happened to an information request, a disclosed component
    "not answered": "niet beantwoord",
    "answered on {day}": "beantwoord op {day}",
    "answered on {day}, completeness {score}/4": "beantwoord op {day}, volledigheid {score}/4",
    "{component} (tier {tier})": "{component} (schakel {tier})",
    # the page
    "suppliers": "leveranciers",
    "Subject": "Onderwerp",
    "Detail": "Toelichting",
    "Timeline of {supplier}": "Tijdlijn van {supplier}",
    "Date": "Datum",
    "What": "Wat",
    "Escalation steps": "Escalatiestappen",
    "No escalation: the dialogue continues.": "Geen escalatie: de dialoog loopt door.",
    "Step": "Stap",
    "Note": "Toelichting",
    "Events": "Gebeurtenissen",
    "Events of {supplier} per month": "Gebeurtenissen van {supplier} per maand",
}
