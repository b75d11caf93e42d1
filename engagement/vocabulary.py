"""Enumerations and the topic-to-OECD-step map, with the Dutch words users write.

One source of truth: the importer parses with these, the database checks with
them, the template workbook prints them and the KPI queries use the canonical
English values.

Each value lists its Dutch words first, then other English spellings: the Dutch
template workbook offers the first word (the value itself when none is listed).
"""

# canonical value -> words that mean it: Dutch first, then English spellings
MEETING_TYPES = {
    "market_event": ["marktbijeenkomst", "marktconsultatie", "market event"],
    "dialogue": ["dialoog", "gesprek", "overleg", "meeting"],
    "follow_up": ["vervolggesprek", "opvolging", "follow up", "follow-up"],
    "site_visit": ["locatiebezoek", "bezoek", "site visit"],
}
DIALOGUE_MEETING_TYPES = ("dialogue", "follow_up", "site_visit")

ESCALATION_STEPS = {
    "dialogue": ["dialoog"],
    "improvement_plan": ["verbeterplan", "improvement plan"],
    "external_advice": ["extern advies", "external advice"],
    "investigation": ["onderzoek"],
    "notice_of_default": ["ingebrekestelling", "notice of default"],
    "fine": ["boete"],
    "termination": ["ontbinding", "beeindiging"],
}
# The ladder, lowest first (KPIS.md, Escalation).
ESCALATION_LADDER = list(ESCALATION_STEPS)
FORMAL_ESCALATION_STEPS = ("notice_of_default", "fine", "termination")

GRIEVANCE_CHANNELS = {
    "worker_driven_monitoring": ["werknemersgestuurde monitoring", "worker driven monitoring", "wdm"],
    "supplier_mechanism": ["klachtenmechanisme leverancier", "supplier mechanism"],
    "coordinator": ["programma", "monitoringsorganisatie", "programme"],
    "union": ["vakbond", "trade union"],
    "ngo": ["ngo", "ngo's"],
    "other": ["anders", "overig"],
}
GRIEVANCE_CATEGORIES = {
    "wages": ["lonen", "loon"],
    "working_hours": ["werktijden", "werkuren", "working hours"],
    "forced_labour": ["dwangarbeid", "forced labour", "forced labor"],
    "child_labour": ["kinderarbeid", "child labour", "child labor"],
    "health_safety": ["gezondheid en veiligheid", "health and safety", "health & safety"],
    "freedom_of_association": ["vakbondsvrijheid", "freedom of association"],
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
    "in_remediation": ["in herstel", "in remediation"],
    "resolved": ["opgelost"],
    "closed_unresolved": ["gesloten zonder oplossing", "closed unresolved"],
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
    "code_of_conduct": (1, ["gedragscode", "code of conduct"]),
    "risk_analysis": (2, ["risicoanalyse", "risk analysis"]),
    "traceability": (2, ["traceerbaarheid"]),
    "production_sites": (2, ["productielocaties", "production sites"]),
    "action_plan": (3, ["plan van aanpak", "action plan"]),
    "corrective_action": (3, ["verbeterplan", "corrective action"]),
    "purchasing_practices": (3, ["inkooppraktijken", "purchasing practices"]),
    "monitoring": (4, []),
    "audit": (4, []),
    "kpis": (4, ["kpi's", "kpi"]),
    "reporting": (5, ["rapportage"]),
    "stakeholder_communication": (5, ["communicatie", "stakeholder communication"]),
    "grievance_mechanism": (6, ["klachtenmechanisme", "grievance mechanism"]),
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
