"""Dutch of pages/session.py (the signals' sentences: escalation.py; action statuses: follow_up.py)."""

DUTCH = {
    "◀ Previous": "◀ Vorige",
    "Next ▶": "Volgende ▶",
    "Review session · {period} · screen {slide} of {slides}: scorecard, {flagged} flagged suppliers, decisions": (
        "Reviewsessie · {period} · scherm {slide} van {slides}: scorekaart, {flagged} gemarkeerde "
        "leveranciers, besluiten"
    ),
    "{symbol} {status}: suppliers to act on": "{symbol} {status}: leveranciers waar actie nodig is",
    "{symbol} {status}: suppliers to watch": "{symbol} {status}: leveranciers om op te letten",
    "{symbol} {status}: suppliers on track": "{symbol} {status}: leveranciers op koers",
    "**Next:** {suppliers}": "**Hierna:** {suppliers}",
    "no supplier is flagged": "geen leverancier gemarkeerd",
    "Consider: {step}": "Overweeg: {step}",
    "Consider: already at the top": "Overweeg: staat al op de hoogste stap",
    "**Red:** {measures}": "**Rood:** {measures}",
    "Open actions: {n}": "Openstaande acties: {n}",
    "Decisions": "Besluiten",
    "Write down what the group agreed; download it before closing the session.": (
        "Noteer wat de groep heeft afgesproken en download het voordat u de sessie sluit."
    ),
    "no step suggested": "geen stap voorgesteld",
    "{supplier} (suggested: {step})": "{supplier} (voorgesteld: {step})",
    # the headers of the decisions' CSV
    "supplier": "leverancier",
    "suggested": "voorgesteld",
    "decision": "besluit",
    "Download the decisions (CSV)": "Besluiten downloaden (CSV)",
    "No supplier is flagged: nothing to decide.": "Er is geen leverancier gemarkeerd: er valt niets te besluiten.",
    "The report to take home": "Het rapport om mee te nemen",
}
