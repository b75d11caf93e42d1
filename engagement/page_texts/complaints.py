"""Dutch of pages/complaints.py (grievance severities and statuses also of pages/supplier_profile.py)."""

DUTCH = {
    # severities and statuses of a grievance
    "low": "laag",
    "medium": "gemiddeld",
    "high": "hoog",
    "critical": "kritiek",
    "open": "open",
    "in remediation": "in herstel",
    "resolved": "opgelost",
    "closed unresolved": "gesloten zonder oplossing",
    # charts
    "complaints received": "ontvangen klachten",
    "Received per quarter by channel (C1)": "Ontvangen klachten per kwartaal, naar kanaal (C1)",
    "Received per quarter by category (C1)": "Ontvangen klachten per kwartaal, naar categorie (C1)",
    "Channel": "Kanaal",
    "Category": "Categorie",
    "Quarter received": "Kwartaal van ontvangst",
    "Cases": "Klachten",
    "the backlog": "de openstaande klachten",
    "Quarter end": "Einde kwartaal",
    "Open cases": "Openstaande klachten",
    "Backlog: open cases at quarter ends (C2)": "Openstaande klachten aan het einde van elk kwartaal (C2)",
    "resolved cases": "opgeloste klachten",
    "Quarter resolved": "Kwartaal van oplossing",
    "Median days to resolution": "Mediane doorlooptijd tot oplossing (dagen)",
    "Resolved": "Opgelost",
    "Within target %": "Binnen de termijn %",
    "Satisfaction (1-5)": "Tevredenheid (1-5)",
    "Median days to resolution (C3); target {days} days": (
        "Mediane doorlooptijd tot oplossing (C3); termijn {days} dagen"
    ),
    # the cases table
    "cases": "klachten",
    "Case": "Klacht",
    "Site": "Locatie",
    "Received": "Ontvangen",
    "Severity": "Ernst",
    "Workers affected": "Getroffen werknemers",
    "Status": "Status",
    "Resolved or closed": "Opgelost of gesloten",
    "Days": "Dagen",
    "Remedy": "Herstel",
    "Worker reps involved": "Werknemersvertegenwoordigers betrokken",
}
