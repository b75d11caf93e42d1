"""Every text a report shows, in English and Dutch, and numbers and dates written the way
each language writes them.

One catalogue: TEXTS maps a key to {"en": ..., "nl": ...}. The English names and rules of
the KPIs come from engagement.catalogue (and the OECD step names from engagement.vocabulary),
so they are written once; their Dutch is here. Plain functions, no Streamlit: the dashboard
pages can use the same catalogue.
"""

import os
from datetime import date, datetime

from engagement.catalogue import AREAS, BY_ID, CATALOGUE
from engagement.kpis.scorecard import AMBER, GREEN, MEASURES, NO_STATUS, RED
from engagement.vocabulary import OECD_STEPS

LANGUAGES = ("en", "nl")
DEFAULT_LANGUAGE = "en"

# KPI id -> (Dutch name, Dutch rule); the English is the catalogue's.
DUTCH_KPIS = {
    "D1": (
        "Dialoogbijeenkomsten",
        "Aantal bijeenkomsten van het type dialoog, vervolggesprek of locatiebezoek in de periode.",
    ),
    "D1m": (
        "Marktbijeenkomsten",
        "Aantal bijeenkomsten van het type marktbijeenkomst in de periode (apart van de dialoog geteld).",
    ),
    "D2": (
        "Leveranciers in dialoog",
        "Aantal verschillende leveranciers met ten minste één dialoogbijeenkomst in de periode.",
    ),
    "D3": (
        "Bereik leveranciers %",
        "Leveranciers in scope met ten minste één dialoogbijeenkomst in de periode / leveranciers in scope.",
    ),
    "D4": ("Bijeenkomsten per leverancier in dialoog", "D1 / D2."),
    "D5": (
        "Dagen sinds laatste bijeenkomst",
        "Per leverancier in scope: de laatste dag van de periode min de datum van de laatste "
        "dialoogbijeenkomst op of vóór die dag; leeg als er geen is.",
    ),
    "D5s": (
        "Leveranciers zonder recente dialoog",
        "Leveranciers in scope waarvan D5 leeg is of boven de termijn ligt (standaard 180 dagen).",
    ),
    "D6": (
        "Agenda vooraf verstuurd %",
        "Dialoogbijeenkomsten in de periode waarvoor de agenda vooraf is verstuurd / die waarvan dat bekend is.",
    ),
    "D7": (
        "Afspraken schriftelijk bevestigd %",
        "Dialoogbijeenkomsten in de periode waarvan de afspraken schriftelijk zijn bevestigd / die "
        "waarvan dat bekend is.",
    ),
    "D8": (
        "Gezamenlijke bijeenkomsten %",
        "Dialoogbijeenkomsten in de periode met twee of meer verschillende inkopers aanwezig / D1.",
    ),
    "D9": (
        "Acties op tijd afgerond %",
        "Acties met een deadline in de periode en op of vóór de laatste dag ervan: op of vóór de "
        "deadline afgerond / al die acties.",
    ),
    "D10": (
        "Behandelde OESO-stappen",
        "Per OESO-stap 1-6: dialoogbijeenkomsten in de periode met een onderwerp dat bij die stap hoort.",
    ),
    "D11": (
        "Bijeenkomsten gericht op herstel %",
        "Dialoogbijeenkomsten in de periode met een onderwerp dat bij stap 3, 4 of 6 hoort / D1.",
    ),
    "I1": ("Informatieverzoeken", "Verzoeken met een aanvraagdatum in de periode."),
    "I2": (
        "Responspercentage %",
        "Van I1: beantwoord (antwoorddatum ingevuld en op of vóór de laatste dag van de periode) / I1.",
    ),
    "I3": (
        "Op tijd %",
        "Van de beantwoorde I1-verzoeken met een deadline: beantwoord op of vóór de deadline / die verzoeken.",
    ),
    "I4": (
        "Volledigheid %",
        "Gemiddelde volledigheid (0-4) / 4 x 100 over de beantwoorde I1-verzoeken waarvan de "
        "volledigheid bekend is.",
    ),
    "I5": (
        "Onderbouwing %",
        "Beantwoorde I1-verzoeken met bewijs / beantwoorde I1-verzoeken waarvan bekend is of er bewijs is.",
    ),
    "I6": (
        "Mediane antwoordtijd in dagen",
        "Mediaan van antwoorddatum min aanvraagdatum over de beantwoorde I1-verzoeken.",
    ),
    "I7": (
        "Index informatiekwaliteit",
        "Gemiddelde over de I1-verzoeken van een score: 0 als het verzoek onbeantwoord is, anders "
        "100 x (0,5 x volledigheid/4 + 0,25 x op tijd + 0,25 x bewijs); op tijd is 1 als het "
        "antwoord op of vóór de deadline kwam of als er geen deadline is; onbekende volledigheid "
        "of onbekend bewijs telt als 0.",
    ),
    "I8": (
        "Score jaarverslag %",
        "Per leverancier en jaar: som van de scores van de beoordeelde onderdelen (0-2) / (2 x "
        "aantal beoordeelde onderdelen) x 100. Waarde voor het programma: het gemiddelde van die "
        "scores voor de jaren die de periode raakt.",
    ),
    "T1": (
        "Onderdelen in scope",
        "Verschillende combinaties van leverancier, product en onderdeel in de traceerbaarheidsgegevens.",
    ),
    "T2": (
        "Traceerbaarheid %",
        "Onderdelen bekendgemaakt op de laatste dag van de periode / T1; een onderdeel is "
        "bekendgemaakt als een rij ervan een locatienaam of land heeft en een bekendmakingsdatum op "
        "of vóór die dag (lege datum: bekendgemaakt bij de import). Ook per schakel en per "
        "leverancier; verloop op elk kwartaaleinde.",
    ),
    "T3": (
        "Bekendgemaakte productielocaties",
        "Verschillende bekendgemaakte locaties (leverancier, locatienaam, land) op de laatste dag van de periode.",
    ),
    "T4": (
        "Geverifieerde locaties %",
        "Bekendgemaakte locaties die geverifieerd zijn / bekendgemaakte locaties waarvan de "
        "verificatie bekend is (een locatie is geverifieerd als een van haar rijen dat zegt; leeg "
        "is onbekend).",
    ),
    "T5": (
        "Locaties onder werknemersgestuurde monitoring %",
        "Bekendgemaakte locaties onder werknemersgestuurde monitoring / bekendgemaakte locaties "
        "waarvan de monitoring bekend is (één rij met ja volstaat; leeg is onbekend).",
    ),
    "T6": ("Landen bekendgemaakt", "Verschillende landen van bekendgemaakte locaties."),
    "C1": (
        "Ontvangen klachten",
        "Klachten met een ontvangstdatum in de periode; ook per kanaal, categorie, land en leverancier.",
    ),
    "C2": (
        "Openstaande klachten",
        "Klachten die open zijn op de laatste dag van de periode (ontvangen op of vóór die dag, "
        "zonder oplosdatum of met een latere); verloop: open klachten op elk kwartaaleinde.",
    ),
    "C3": (
        "Mediane doorlooptijd tot oplossing in dagen",
        "Mediaan van oplosdatum min ontvangstdatum over klachten met status opgelost en een "
        "oplosdatum in de periode.",
    ),
    "C4": (
        "Binnen de termijn opgelost %",
        "Van de klachten ontvangen in de periode die op de laatste dag van de periode zijn opgelost "
        "of waarvan ontvangstdatum + termijn (standaard 90 dagen) op of vóór die dag valt: binnen de "
        "termijn opgelost / al die klachten. Gemeten op de laatste dag van de periode: een klacht "
        "die later is opgelost, stond toen nog open.",
    ),
    "C5": (
        "Tevredenheid",
        "Gemiddelde tevredenheid (1-5) van klachten opgelost in de periode waarvan de tevredenheid bekend is.",
    ),
    "C6": (
        "Werknemersvertegenwoordigers betrokken %",
        "Klachten opgelost in de periode waarbij werknemersvertegenwoordigers betrokken waren / "
        "die waarvan dat bekend is.",
    ),
    "C7": (
        "Herhaling %",
        "C1-klachten met een eerdere klacht over dezelfde leverancier, dezelfde locatie (of "
        "hetzelfde land als de locatie leeg is) en dezelfde categorie, ontvangen in de 365 dagen "
        "ervoor / C1.",
    ),
    "C8": (
        "Werknemers bereikt met herstel",
        "Som van het aantal getroffen werknemers over klachten opgelost in de periode.",
    ),
    "E1": (
        "Huidige escalatiestap",
        "Per leverancier in scope: de stap van de laatste escalatierij op of vóór de laatste dag "
        "van de periode; dialoog als er geen is.",
    ),
    "E2": (
        "Formeel geëscaleerde leveranciers",
        "Leveranciers in scope waarvan E1 ingebrekestelling, boete of ontbinding is.",
    ),
    "E3": (
        "Dagen in huidige stap",
        "Per leverancier in scope met een escalatierij: de laatste dag van de periode min de datum "
        "van de laatste rij op of vóór die dag.",
    ),
}

# Area letter -> (English sheet name, Dutch sheet name, Dutch title); the English title is the catalogue's.
AREA_WORDS = {
    "D": ("Dialogue", "Dialoog", "Frequentie van de dialoog"),
    "I": ("Information", "Informatie", "Kwaliteit van de informatie"),
    "T": ("Traceability", "Traceerbaarheid", "Traceerbaarheid"),
    "C": ("Complaints", "Klachten", "Afhandeling van klachten"),
    "E": ("Escalation", "Escalatie", "Escalatie"),
}

# Scorecard column -> Dutch label; the English is the scorecard's own (MEASURES).
DUTCH_MEASURES = {
    "D2": "In dialoog",
    "D5": "Dagen sinds laatste bijeenkomst",
    "I7": "Index informatiekwaliteit",
    "I8": "Score jaarverslag",
    "T2": "Traceerbaarheid",
    "C2": "Openstaande klachten",
    "C4": "Binnen de termijn opgelost",
    "E1": "Escalatiestap",
}

DUTCH_OECD_STEPS = {
    1: "Verantwoord ondernemen verankeren in beleid",
    2: "Negatieve gevolgen identificeren en beoordelen",
    3: "Negatieve gevolgen stoppen, voorkomen en beperken",
    4: "Uitvoering en resultaten monitoren",
    5: "Communiceren over de aanpak van gevolgen",
    6: "Herstel bieden of eraan meewerken",
}

_MONTHS = (
    ("January", "januari"),
    ("February", "februari"),
    ("March", "maart"),
    ("April", "april"),
    ("May", "mei"),
    ("June", "juni"),
    ("July", "juli"),
    ("August", "augustus"),
    ("September", "september"),
    ("October", "oktober"),
    ("November", "november"),
    ("December", "december"),
)

_WORDS = {
    # the report as a whole
    "report.title": ("Supplier engagement review", "Review van de dialoog met leveranciers"),
    "report.intro": (
        "Figures for the period and filters below, compared with the previous period of equal "
        "length. Percentages are 0-100; 'no data' means there was nothing to count, never zero.",
        "Cijfers voor de periode en filters hieronder, vergeleken met de vorige periode van gelijke "
        "lengte. Percentages lopen van 0 tot 100; 'geen gegevens' betekent dat er niets te tellen "
        "was, nooit nul.",
    ),
    "about.title": ("About this report", "Over dit rapport"),
    "about.period": ("Period", "Periode"),
    "about.previous": ("Compared with", "Vergeleken met"),
    "about.filters": ("Filters", "Filters"),
    "about.language": ("Language", "Taal"),
    "about.latest_import": ("Latest import", "Laatste import"),
    "about.made_at": ("Made at", "Gemaakt op"),
    "about.thresholds": ("Status thresholds", "Drempels voor de status"),
    "about.numbers": (
        "Numbers in this workbook are numbers: your spreadsheet program shows them with the "
        "decimal separator of its own language.",
        "Getallen in deze werkmap zijn getallen: uw rekenprogramma toont ze met het decimaalteken "
        "van zijn eigen taal.",
    ),
    "about.no_import": ("no import yet", "nog geen import"),
    "about.import_line": ("{when} ({file})", "{when} ({file})"),
    "about.filters_all": ("all", "alle"),
    "about.sample": (
        "Fictional sample data: the buyers, suppliers, sites and cases are invented.",
        "Fictieve voorbeeldgegevens: de inkopers, leveranciers, locaties en klachten zijn verzonnen.",
    ),
    "period.range": ("{start} to {end}", "{start} t/m {end}"),
    "filter.programmes": ("programme", "programma"),
    "filter.buyers": ("buyer", "inkoper"),
    "filter.suppliers": ("supplier", "leverancier"),
    "filter.countries": ("country", "land"),
    "filter.categories": ("product category", "productcategorie"),
    "language.en": ("English", "Engels"),
    "language.nl": ("Dutch", "Nederlands"),
    # scorecard
    "sheet.scorecard": ("Scorecard", "Scorecard"),
    "scorecard.title": ("Supplier scorecard", "Scorecard per leverancier"),
    "scorecard.legend": (
        "Each figure with its change against the previous period and its status.",
        "Elk cijfer met de verandering ten opzichte van de vorige periode en de status.",
    ),
    "scorecard.none": (
        "No suppliers in scope for this period.",
        "Geen leveranciers in scope in deze periode.",
    ),
    "scorecard.change": ("{kpi} change", "{kpi} verandering"),
    "scorecard.status": ("{kpi} status", "{kpi} status"),
    "scorecard.was": ("was {value}", "was {value}"),
    "scorecard.red_measures": ("Measures in red", "Metingen in rood"),
    "status.overall": ("Overall status", "Totaalstatus"),
    f"status.{GREEN}": ("green", "groen"),
    f"status.{AMBER}": ("amber", "oranje"),
    f"status.{RED}": ("red", "rood"),
    f"status.{NO_STATUS}": ("no data", "geen gegevens"),
    f"status.meaning.{GREEN}": ("on track", "op koers"),
    f"status.meaning.{AMBER}": ("watch", "opletten"),
    f"status.meaning.{RED}": ("act", "actie nodig"),
    f"status.meaning.{NO_STATUS}": ("nothing to judge", "niets te beoordelen"),
    # values
    "no_data": ("no data", "geen gegevens"),
    "yes": ("yes", "ja"),
    "no": ("no", "nee"),
    "quarter": ("{year} Q{quarter}", "{year} K{quarter}"),
    "change.points": ("{change} pp", "{change} %-punt"),
    "value.percent": ("{value}%", "{value}%"),
    "value.days": ("{value} days", "{value} dagen"),
    "value.score": ("{value} / 5", "{value} / 5"),
    "value.see_table": ("see the table below", "zie de tabel hieronder"),
    "unit.count": ("count", "aantal"),
    "unit.percent": ("percent (0-100)", "procent (0-100)"),
    "unit.days": ("days", "dagen"),
    "unit.score": ("score (1-5)", "score (1-5)"),
    "unit.index": ("index (0-100)", "index (0-100)"),
    "unit.ratio": ("ratio", "verhouding"),
    "unit.step": ("step of the escalation ladder", "stap op de escalatieladder"),
    # the list of KPIs of an area
    "kpis.title": ("Figures", "Cijfers"),
    "column.id": ("Id", "Id"),
    "column.name": ("Name", "Naam"),
    "column.value": ("Value", "Waarde"),
    "column.unit": ("Unit", "Eenheid"),
    "column.rule": ("What it means", "Wat het betekent"),
    # table columns
    "column.supplier": ("Supplier", "Leverancier"),
    "column.programme": ("Programme", "Programma"),
    "column.quarter": ("Quarter", "Kwartaal"),
    "column.as_of": ("As of", "Op"),
    "column.last_meeting": ("Last dialogue meeting", "Laatste dialoogbijeenkomst"),
    "column.days_since": ("Days since", "Dagen sindsdien"),
    "column.stale": ("Stale", "Te lang geleden"),
    "column.meetings": ("Dialogue meetings", "Dialoogbijeenkomsten"),
    "column.suppliers_engaged": ("Suppliers engaged", "Leveranciers in dialoog"),
    "column.agenda_sent": ("Agenda sent %", "Agenda verstuurd %"),
    "column.minutes_confirmed": ("Confirmed in writing %", "Schriftelijk bevestigd %"),
    "column.collective": ("Collective %", "Gezamenlijk %"),
    "column.oecd_step": ("OECD step", "OESO-stap"),
    "column.step_name": ("What the step asks", "Wat de stap vraagt"),
    "column.requests": ("Requests", "Verzoeken"),
    "column.response_rate": ("Response rate %", "Respons %"),
    "column.on_time": ("On time %", "Op tijd %"),
    "column.completeness": ("Completeness %", "Volledigheid %"),
    "column.evidence": ("Evidence %", "Onderbouwing %"),
    "column.median_days": ("Median response days", "Mediane antwoordtijd (dagen)"),
    "column.quality_index": ("Quality index", "Kwaliteitsindex"),
    "column.components": ("Components", "Onderdelen"),
    "column.disclosed": ("Disclosed", "Bekendgemaakt"),
    "column.coverage": ("Coverage %", "Traceerbaarheid %"),
    "column.tier": ("Tier", "Schakel"),
    "column.tier1": ("Tier 1 %", "Schakel 1 %"),
    "column.tier2": ("Tier 2 %", "Schakel 2 %"),
    "column.tier3": ("Tier 3 %", "Schakel 3 %"),
    "column.received": ("Received", "Ontvangen"),
    "column.open_cases": ("Open at quarter end", "Open aan einde kwartaal"),
    "column.resolved": ("Resolved", "Opgelost"),
    "column.resolution_days": ("Median days to resolution", "Mediane doorlooptijd (dagen)"),
    "column.within_target": ("Within target %", "Binnen termijn %"),
    "column.satisfaction": ("Satisfaction (1-5)", "Tevredenheid (1-5)"),
    "column.channel": ("Channel", "Kanaal"),
    "column.category": ("Category", "Categorie"),
    "column.country": ("Country", "Land"),
    "column.cases": ("Cases", "Klachten"),
    "column.step": ("Escalation step", "Escalatiestap"),
    "column.since": ("Since", "Sinds"),
    "column.days_in_step": ("Days in step", "Dagen in deze stap"),
    "column.note": ("Note", "Toelichting"),
    "column.suppliers": ("Suppliers", "Leveranciers"),
    "tier.1": ("tier 1: assembly", "schakel 1: assemblage"),
    "tier.2": ("tier 2: components", "schakel 2: onderdelen"),
    "tier.3": ("tier 3: raw materials", "schakel 3: grondstoffen"),
    "tier.unknown": ("tier unknown", "schakel onbekend"),
    # tables and charts of the areas
    "table.days_since_meeting": (
        "Days since the last dialogue meeting, per supplier (D5)",
        "Dagen sinds de laatste dialoogbijeenkomst, per leverancier (D5)",
    ),
    "table.dialogue_by_quarter": ("Dialogue per quarter", "Dialoog per kwartaal"),
    "table.oecd_steps": ("OECD steps addressed (D10)", "Behandelde OESO-stappen (D10)"),
    "table.information_by_supplier": (
        "Information quality per supplier",
        "Kwaliteit van de informatie per leverancier",
    ),
    "table.information_by_quarter": (
        "Information quality per quarter of the request",
        "Kwaliteit van de informatie per kwartaal van het verzoek",
    ),
    "table.coverage_by_supplier": (
        "Traceability coverage per supplier (T2)",
        "Traceerbaarheid per leverancier (T2)",
    ),
    "table.coverage_by_tier": ("Traceability coverage per tier (T2)", "Traceerbaarheid per schakel (T2)"),
    "table.coverage_trend": (
        "Traceability coverage at each quarter end",
        "Traceerbaarheid op elk kwartaaleinde",
    ),
    "table.complaints_by_quarter": ("Complaints per quarter", "Klachten per kwartaal"),
    "table.received_by_channel": (
        "Complaints received per channel (C1)",
        "Ontvangen klachten per kanaal (C1)",
    ),
    "table.received_by_category": (
        "Complaints received per category (C1)",
        "Ontvangen klachten per categorie (C1)",
    ),
    "table.received_by_country": ("Complaints received per country (C1)", "Ontvangen klachten per land (C1)"),
    "table.received_by_supplier": (
        "Complaints received per supplier (C1)",
        "Ontvangen klachten per leverancier (C1)",
    ),
    "table.escalation_by_supplier": (
        "Escalation step per supplier (E1, E3)",
        "Escalatiestap per leverancier (E1, E3)",
    ),
    "table.suppliers_per_step": ("Suppliers per escalation step", "Leveranciers per escalatiestap"),
    "chart.meetings_per_quarter": ("Dialogue meetings per quarter", "Dialoogbijeenkomsten per kwartaal"),
    "chart.oecd_steps": ("Dialogue meetings per OECD step", "Dialoogbijeenkomsten per OESO-stap"),
    "chart.quality_per_quarter": (
        "Information quality index per quarter",
        "Index informatiekwaliteit per kwartaal",
    ),
    "chart.response_per_quarter": ("Response rate per quarter (%)", "Respons per kwartaal (%)"),
    "chart.coverage_trend": (
        "Traceability coverage at each quarter end (%)",
        "Traceerbaarheid op elk kwartaaleinde (%)",
    ),
    "chart.coverage_by_tier": ("Traceability coverage per tier (%)", "Traceerbaarheid per schakel (%)"),
    "chart.received_per_quarter": ("Complaints received per quarter", "Ontvangen klachten per kwartaal"),
    "chart.open_per_quarter": ("Open cases at each quarter end", "Openstaande klachten op elk kwartaaleinde"),
    "chart.suppliers_per_step": ("Suppliers per escalation step", "Leveranciers per escalatiestap"),
    "table.nothing": ("Nothing to show for this period.", "Niets te tonen voor deze periode."),
    # escalation ladder (Dutch: the words the importer reads, engagement.vocabulary)
    "step.dialogue": ("dialogue", "dialoog"),
    "step.improvement_plan": ("improvement plan", "verbeterplan"),
    "step.external_advice": ("external advice", "extern advies"),
    "step.investigation": ("investigation", "onderzoek"),
    "step.notice_of_default": ("notice of default", "ingebrekestelling"),
    "step.fine": ("fine", "boete"),
    "step.termination": ("termination", "ontbinding"),
    # grievance channels and categories
    "channel.worker_driven_monitoring": ("worker-driven monitoring", "werknemersgestuurde monitoring"),
    "channel.supplier_mechanism": ("supplier's grievance mechanism", "klachtenmechanisme van de leverancier"),
    "channel.coordinator": ("programme coordinator", "programmacoördinator"),
    "channel.union": ("trade union", "vakbond"),
    "channel.ngo": ("NGO", "ngo"),
    "channel.other": ("other", "anders"),
    "category.wages": ("wages", "lonen"),
    "category.working_hours": ("working hours", "werktijden"),
    "category.forced_labour": ("forced labour", "dwangarbeid"),
    "category.child_labour": ("child labour", "kinderarbeid"),
    "category.health_safety": ("health and safety", "gezondheid en veiligheid"),
    "category.freedom_of_association": ("freedom of association", "vakbondsvrijheid"),
    "category.discrimination": ("discrimination", "discriminatie"),
    "category.environment": ("environment", "milieu"),
    "category.other": ("other", "anders"),
    # errors a user can act on
    "error.chromium": (
        "PDF reports need Debian's chromium ({path} not found): install it with 'apt-get install chromium'",
        "PDF-rapporten hebben Debians chromium nodig ({path} niet gevonden): installeer het met "
        "'apt-get install chromium'",
    ),
}


def _catalogue() -> dict[str, dict[str, str]]:
    texts = {key: dict(zip(LANGUAGES, words, strict=True)) for key, words in _WORDS.items()}
    for kpi in CATALOGUE:
        name, rule = DUTCH_KPIS[kpi.id]
        texts[f"kpi.{kpi.id}.name"] = {"en": kpi.name, "nl": name}
        texts[f"kpi.{kpi.id}.rule"] = {"en": kpi.rule, "nl": rule}
    for area, title in AREAS.items():
        sheet_en, sheet_nl, title_nl = AREA_WORDS[area]
        texts[f"area.{area}"] = {"en": title, "nl": title_nl}
        texts[f"sheet.{area}"] = {"en": sheet_en, "nl": sheet_nl}
    texts["sheet.about"] = texts["about.title"]
    for measure in MEASURES:
        texts[f"measure.{measure.kpi_id}"] = {"en": measure.label, "nl": DUTCH_MEASURES[measure.kpi_id]}
    for step, name in OECD_STEPS.items():
        texts[f"oecd.{step}"] = {"en": name, "nl": DUTCH_OECD_STEPS[step]}
    for number, (english, dutch) in enumerate(_MONTHS, start=1):
        texts[f"month.{number}"] = {"en": english, "nl": dutch}
    return texts


TEXTS: dict[str, dict[str, str]] = _catalogue()


def text(key: str, lang: str, **values) -> str:
    """The text of a key in a language ("en" or "nl"), with {placeholders} filled from values."""
    if lang not in LANGUAGES:
        raise ValueError(f"language {lang!r} is not one of {', '.join(LANGUAGES)}")
    words = TEXTS[key][lang]
    return words.format(**values) if values else words


def word(kind: str, value, lang: str) -> str:
    """A value of a list (an escalation step, a channel, a category) in the language; the value
    as stored when the catalogue has no word for it."""
    key = f"{kind}.{value}"
    return text(key, lang) if key in TEXTS else str(value)


def default_language(environ=None) -> str:
    """The language when none is asked for: $ENGAGEMENT_LANG (en or nl, nl_NL also reads as nl), else en."""
    setting = (environ if environ is not None else os.environ).get("ENGAGEMENT_LANG", "")
    language = setting.strip().lower().replace("-", "_").split("_")[0]
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


def is_missing(value) -> bool:
    """None, NaN, NA and NaT: a value that is not there."""
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN, NaT; pd.NA raises
    except TypeError:
        return True


def format_number(value, lang: str, decimals: int | None = None, sign: bool = False) -> str:
    """1,234.5 in English, 1.234,5 in Dutch; whole numbers without decimals unless asked; a +
    before positive numbers when sign is set; 'no data' for a missing value."""
    if is_missing(value):
        return text("no_data", lang)
    number = float(value)
    if decimals is None:
        decimals = 0 if number.is_integer() else 1
    written = f"{abs(number):,.{decimals}f}"
    if written.strip("0.,"):  # not zero once rounded: no "-0.0", no "+0"
        written = ("-" if number < 0 else "+" if sign else "") + written
    return written.translate(str.maketrans(",.", ".,")) if lang == "nl" else written


def format_date(value, lang: str) -> str:
    """31 March 2025 in English, 31 maart 2025 in Dutch; 'no data' for a missing date."""
    if is_missing(value):
        return text("no_data", lang)
    return f"{value.day} {text(f'month.{value.month}', lang)} {value.year}"


def format_datetime(value: datetime, lang: str) -> str:
    """31 March 2025, 14:05 (a datetime to the minute)."""
    if is_missing(value):
        return text("no_data", lang)
    return f"{format_date(value, lang)}, {value:%H:%M}"


def format_period(date_from: date, date_to: date, lang: str) -> str:
    """1 April 2024 to 31 March 2025 / 1 april 2024 t/m 31 maart 2025."""
    return text("period.range", lang, start=format_date(date_from, lang), end=format_date(date_to, lang))


def format_quarter(day, lang: str) -> str:
    """The calendar quarter of a day: 2024 Q3 / 2024 K3."""
    return text("quarter", lang, year=day.year, quarter=(day.month - 1) // 3 + 1)


def format_kpi(kpi_id: str, value, lang: str) -> str:
    """A KPI value as a report writes it (unit from the catalogue); 'no data' for a missing one."""
    if is_missing(value):
        return text("no_data", lang)
    unit = BY_ID[kpi_id].unit
    if unit == "step":
        return word("step", value, lang)
    if unit == "percent":
        return text("value.percent", lang, value=format_number(value, lang, 1))
    if unit == "days":
        return text("value.days", lang, value=format_number(value, lang, 0))
    if unit == "score":
        return text("value.score", lang, value=format_number(value, lang, 1))
    if unit in ("ratio", "index"):
        return format_number(value, lang, 1)
    return format_number(value, lang, 0)


def format_change(kpi_id: str, change, lang: str) -> str:
    """A change against the previous period: +2.5 pp for percentages, +30 for days and counts."""
    if is_missing(change):
        return ""
    unit = BY_ID[kpi_id].unit
    if unit == "percent":
        return text("change.points", lang, change=format_number(change, lang, 1, sign=True))
    if unit in ("days", "count"):
        return format_number(change, lang, 0, sign=True)
    return format_number(change, lang, 1, sign=True)
