"""Dutch of pages/overview.py."""

DUTCH = {
    "{period}, compared with {previous}.": "{period}, vergeleken met {previous}.",
    "the overview": "het overzicht",
    "Every supplier in scope is at the dialogue step.": "Alle leveranciers in scope staan op de stap dialoog.",
    "Current step (E1)": "Huidige stap (E1)",
    "Since": "Sinds",
    "Days in step (E3)": "Dagen in deze stap (E3)",
}
