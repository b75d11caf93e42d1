"""Dutch of pages/escalation.py, and of the escalation signals' sentences (engagement.kpis.signals,
also shown in the review session). Step names are in engagement.texts."""

DUTCH = {
    # the signals (engagement.kpis.signals: its templates, word for word)
    "never met in dialogue": "nog nooit een dialoogbijeenkomst gehad",
    "no dialogue meeting for {days} days (limit {limit})": "{days} dagen geen dialoogbijeenkomst (grens {limit})",
    "answered {rate}% of {requests} requests (limit {limit}%)": (
        "{rate}% van {requests} informatieverzoeken beantwoord (grens {limit}%)"
    ),
    "{cases} critical case open beyond the {target}-day target": (
        "{cases} kritieke klacht staat langer open dan de termijn van {target} dagen"
    ),
    "{cases} critical cases open beyond the {target}-day target": (
        "{cases} kritieke klachten staan langer open dan de termijn van {target} dagen"
    ),
    # the page
    "To consider for the next step": "Te overwegen voor de volgende stap",
    "Signals: no dialogue meeting for more than {days} days; fewer than {rate}% of the period's "
    "information requests answered; a critical grievance open beyond the {target}-day target. "
    "The app suggests; the buyer group decides.": (
        "Signalen: meer dan {days} dagen geen dialoogbijeenkomst; minder dan {rate}% van de "
        "informatieverzoeken van de periode beantwoord; een kritieke klacht die langer openstaat dan "
        "de termijn van {target} dagen. Het dashboard doet een voorstel; de groep inkopers besluit."
    ),
    "Signals: no dialogue meeting for more than {days} days; fewer than {rate}% of the period's "
    "information requests answered. The app suggests; the buyer group decides.": (
        "Signalen: meer dan {days} dagen geen dialoogbijeenkomst; minder dan {rate}% van de "
        "informatieverzoeken van de periode beantwoord. Het dashboard doet een voorstel; de groep "
        "inkopers besluit."
    ),
    "No supplier gives a signal in this period.": "Geen enkele leverancier geeft een signaal in deze periode.",
    "Current step (E1)": "Huidige stap (E1)",
    "Suggested next step": "Voorgestelde volgende stap",
    "already at the top": "staat al op de hoogste stap",
    "Signals": "Signalen",
    "Where each supplier stands": "Waar elke leverancier staat",
    "Step": "Stap",
    "Current step on the escalation ladder (E1)": "Huidige stap op de escalatieladder (E1)",
    "History": "Verloop",
    "No escalation steps recorded up to the end of the period: every supplier is in dialogue.": (
        "Tot het einde van de periode zijn geen escalatiestappen vastgelegd: alle leveranciers zijn in dialoog."
    ),
    "Date": "Datum",
    "Note": "Toelichting",
    "Signal settings": "Instellingen voor signalen",
    "No dialogue meeting for more than (days)": "Geen dialoogbijeenkomst gedurende meer dan (dagen)",
    "Information requests answered below (%)": "Informatieverzoeken beantwoord minder dan (%)",
    "A critical grievance open beyond the resolution target": (
        "Een kritieke klacht die langer openstaat dan de termijn voor oplossing"
    ),
    "Save signals": "Signalen opslaan",
    "Saved.": "Opgeslagen.",
    "The {shown} suppliers furthest up the ladder, of {rows}; the Supplier scorecard lists every supplier's step.": (
        "De {shown} leveranciers die het verst op de ladder staan, van {rows}; de Scorekaart leveranciers toont de stap van elke leverancier."
    ),
}
