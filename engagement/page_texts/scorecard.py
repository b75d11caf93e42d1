"""Dutch of pages/scorecard.py (status words and measure names: engagement.texts)."""

DUTCH = {
    "The programme's coordinator sets these thresholds.": "De coördinator van het programma stelt deze drempels in.",
    "{period}, compared with {previous}.": "{period}, vergeleken met {previous}.",
    "Click a row to open the supplier's profile.": "Klik op een rij om het profiel van de leverancier te openen.",
    "suppliers in scope": "leveranciers in scope",
    "{symbol} Suppliers to act": "{symbol} Leveranciers: actie nodig",
    "{symbol} Suppliers to watch": "{symbol} Leveranciers: opletten",
    "{symbol} Suppliers on track": "{symbol} Leveranciers: op koers",
    "Sort by": "Sorteren op",
    "Status, red first": "Status, rood eerst",
    "Status": "Status",
    "Download the scorecard (CSV)": "Scorekaart downloaden (CSV)",
    "Status thresholds": "Drempels voor de status",
    "A figure where more is better is green from its green threshold, amber from its amber "
    "threshold and red below; where less is better (days since the last meeting, open cases), "
    "green up to its green threshold and amber up to its amber threshold. Engaged: yes is "
    "green, no is red. Escalation: dialogue is green, a formal escalation (notice of default, "
    "fine, termination) red, the steps between amber.": (
        "Een cijfer waarbij meer beter is, is groen vanaf de groene drempel, oranje vanaf de oranje "
        "drempel en daaronder rood; waar minder beter is (dagen sinds de laatste bijeenkomst, "
        "openstaande klachten), groen tot en met de groene drempel en oranje tot en met de oranje "
        "drempel. In dialoog: ja is groen, nee is rood. Escalatie: dialoog is groen, een formele "
        "escalatie (ingebrekestelling, boete, ontbinding) rood, de stappen daartussen oranje."
    ),
    "{measure}: green at least": "{measure}: groen vanaf",
    "{measure}: amber at least": "{measure}: oranje vanaf",
    "{measure}: green at most": "{measure}: groen tot en met",
    "{measure}: amber at most": "{measure}: oranje tot en met",
    "Save thresholds": "Drempels opslaan",
    "Green must be stricter than amber for: {measures}. Nothing was saved.": (
        "Groen moet strenger zijn dan oranje voor: {measures}. Er is niets opgeslagen."
    ),
    "Saved. The scorecard now uses these thresholds.": "Opgeslagen. De scorekaart gebruikt nu deze drempels.",
}
