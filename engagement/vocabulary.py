"""Enumerations and the topic-to-OECD-step map, with the Dutch words users write.

One source of truth: the importer parses with these, the database checks with
them, the template workbook (later) prints them and the KPI queries use the
canonical English values.
"""

# canonical value -> words (English spellings and Dutch) that mean it
MEETING_TYPES = {
    "market_event": ["market event", "marktbijeenkomst", "marktconsultatie"],
    "dialogue": ["dialoog", "gesprek", "overleg", "meeting"],
    "follow_up": ["follow up", "follow-up", "vervolggesprek", "opvolging"],
    "site_visit": ["site visit", "locatiebezoek", "bezoek"],
}
DIALOGUE_MEETING_TYPES = ("dialogue", "follow_up", "site_visit")

ESCALATION_STEPS = {
    "dialogue": ["dialoog"],
    "improvement_plan": ["improvement plan", "verbeterplan"],
    "external_advice": ["external advice", "extern advies"],
    "investigation": ["onderzoek"],
    "notice_of_default": ["notice of default", "ingebrekestelling"],
    "fine": ["boete"],
    "termination": ["ontbinding", "beeindiging"],
}
# The ladder, lowest first (KPIS.md, Escalation).
ESCALATION_LADDER = list(ESCALATION_STEPS)
FORMAL_ESCALATION_STEPS = ("notice_of_default", "fine", "termination")

GRIEVANCE_CHANNELS = {
    "worker_driven_monitoring": ["worker driven monitoring", "werknemersgestuurde monitoring", "wdm"],
    "supplier_mechanism": ["supplier mechanism", "klachtenmechanisme leverancier"],
    "coordinator": ["programma", "monitoringsorganisatie", "programme"],
    "union": ["vakbond", "trade union"],
    "ngo": ["ngo", "ngo's"],
    "other": ["anders", "overig"],
}
GRIEVANCE_CATEGORIES = {
    "wages": ["lonen", "loon"],
    "working_hours": ["working hours", "werktijden", "werkuren"],
    "forced_labour": ["forced labour", "forced labor", "dwangarbeid"],
    "child_labour": ["child labour", "child labor", "kinderarbeid"],
    "health_safety": ["health and safety", "health & safety", "gezondheid en veiligheid"],
    "freedom_of_association": ["freedom of association", "vakbondsvrijheid"],
    "discrimination": ["discriminatie"],
    "environment": ["milieu"],
    "other": ["anders", "overig"],
}
GRIEVANCE_SEVERITIES = {
    "low": ["laag"],
    "medium": ["midden", "gemiddeld"],
    "high": ["hoog"],
    "critical": ["kritiek", "zeer ernstig"],
}
GRIEVANCE_STATUSES = {
    "open": [],
    "in_remediation": ["in remediation", "in herstel"],
    "resolved": ["opgelost"],
    "closed_unresolved": ["closed unresolved", "gesloten zonder oplossing"],
}

ENUMERATIONS = {
    "meeting_type": MEETING_TYPES,
    "escalation_step": ESCALATION_STEPS,
    "grievance_channel": GRIEVANCE_CHANNELS,
    "grievance_category": GRIEVANCE_CATEGORIES,
    "grievance_severity": GRIEVANCE_SEVERITIES,
    "grievance_status": GRIEVANCE_STATUSES,
}

# Meeting topics -> OECD due-diligence step (IMPORT_FORMAT.md). Unknown topics are kept
# as written and shown as "other".
MEETING_TOPICS = {
    "policy": (1, ["beleid"]),
    "code_of_conduct": (1, ["code of conduct", "gedragscode"]),
    "risk_analysis": (2, ["risk analysis", "risicoanalyse"]),
    "traceability": (2, ["traceerbaarheid"]),
    "production_sites": (2, ["production sites", "productielocaties"]),
    "action_plan": (3, ["action plan", "plan van aanpak"]),
    "corrective_action": (3, ["corrective action", "verbeterplan"]),
    "purchasing_practices": (3, ["purchasing practices", "inkooppraktijken"]),
    "monitoring": (4, []),
    "audit": (4, []),
    "kpis": (4, ["kpi's", "kpi"]),
    "reporting": (5, ["rapportage"]),
    "stakeholder_communication": (5, ["stakeholder communication", "communicatie"]),
    "grievance_mechanism": (6, ["grievance mechanism", "klachtenmechanisme"]),
    "remedy": (6, ["herstel"]),
}

OECD_STEPS = {
    1: "Embed responsible business conduct",
    2: "Identify and assess adverse impacts",
    3: "Cease, prevent, mitigate",
    4: "Track implementation and results",
    5: "Communicate how impacts are addressed",
    6: "Provide for or cooperate in remediation",
}
