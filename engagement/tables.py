"""The tables users import, their columns, synonyms and natural keys.

This is the one place that says what a table holds (IMPORT_FORMAT.md in code):
the database schema, the importer's header matching and value parsing, and the
template workbook are all generated from it.
"""

from dataclasses import dataclass, field

# Column kinds: how a cell is parsed and which DuckDB type stores it.
SQL_TYPES = {
    "text": "varchar",
    "date": "date",
    "bool": "boolean",
    "int": "integer",
    "number": "double",
    "list": "varchar[]",
    "enum": "varchar",
    "topics": "varchar[]",
}


@dataclass(frozen=True)
class Column:
    name: str
    kind: str = "text"
    required: bool = False
    synonyms: tuple[str, ...] = ()
    enum: str | None = None  # a key of vocabulary.ENUMERATIONS for kind "enum"
    minimum: float | None = None
    maximum: float | None = None
    refers_to: str | None = None  # "suppliers" or "buyers": matched through aliases


@dataclass(frozen=True)
class Table:
    name: str
    sheet_names: tuple[str, ...]
    columns: tuple[Column, ...]
    natural_key: tuple[str, ...]
    # used when the first key's columns are blank (meeting_id, action_id, request_id)
    fallback_key: tuple[str, ...] = field(default=())

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


def _supplier(required: bool = True) -> Column:
    return Column("supplier", required=required, synonyms=("leverancier",), refers_to="suppliers")


def _score(name: str, *synonyms: str) -> Column:
    return Column(name, "int", synonyms=synonyms, minimum=0, maximum=2)


TABLES: dict[str, Table] = {
    t.name: t
    for t in [
        Table(
            "suppliers",
            ("suppliers", "leveranciers"),
            (
                Column("supplier", required=True, synonyms=("leverancier", "naam", "company", "name")),
                Column("country", synonyms=("land",)),
                Column("category", synonyms=("categorie", "productcategorie", "product category")),
            ),
            ("supplier",),
        ),
        Table(
            "buyers",
            ("buyers", "inkopers", "deelnemers"),
            (
                Column("buyer", required=True, synonyms=("inkoper", "organisatie", "deelnemer")),
                Column("country", synonyms=("land",)),
            ),
            ("buyer",),
        ),
        Table(
            "contracts",
            ("contracts", "contracten"),
            (
                Column("buyer", required=True, synonyms=("inkoper",), refers_to="buyers"),
                _supplier(),
                Column("product"),
                Column("start_date", "date", synonyms=("startdatum", "ingangsdatum", "start")),
                Column("end_date", "date", synonyms=("einddatum", "end")),
                Column("value_eur", "number", synonyms=("waarde", "contractwaarde", "value"), minimum=0),
                Column("hredd_clauses", "bool", synonyms=("zorgvuldigheidseisen", "isv")),
            ),
            ("buyer", "supplier", "product", "start_date"),
        ),
        Table(
            "meetings",
            ("meetings", "bijeenkomsten", "overleggen", "gesprekken"),
            (
                Column("meeting_id", synonyms=("id",)),
                Column("date", "date", required=True, synonyms=("datum", "datum overleg")),
                _supplier(required=False),
                Column("type", "enum", synonyms=("soort", "type overleg"), enum="meeting_type"),
                Column(
                    "buyers",
                    "list",
                    synonyms=("inkopers", "aanwezige inkopers", "deelnemers"),
                    refers_to="buyers",
                ),
                Column("topics", "topics", synonyms=("onderwerpen", "agendapunten", "thema's")),
                Column(
                    "agenda_sent",
                    "bool",
                    synonyms=("agenda vooraf verstuurd", "discussiepunten vooraf"),
                ),
                Column("minutes_confirmed", "bool", synonyms=("afspraken schriftelijk bevestigd",)),
                Column("feedback_requested", "bool", synonyms=("feedback gevraagd",)),
                Column("agreements", "int", synonyms=("aantal afspraken",), minimum=0),
                Column("notes", synonyms=("opmerkingen", "notities")),
            ),
            ("meeting_id",),
            ("date", "supplier", "type"),
        ),
        Table(
            "actions",
            ("actions", "acties", "afspraken"),
            (
                Column("action_id", synonyms=("id",)),
                Column("meeting_id"),
                _supplier(),
                Column("description", required=True, synonyms=("omschrijving", "afspraak")),
                Column("owner", synonyms=("eigenaar",)),
                Column("due_date", "date", required=True, synonyms=("deadline", "uiterste datum")),
                Column("completed_on", "date", synonyms=("afgerond op", "gereed")),
            ),
            ("action_id",),
            ("supplier", "description", "due_date"),
        ),
        Table(
            "info_requests",
            ("info_requests", "informatieverzoeken", "information requests"),
            (
                Column("request_id", synonyms=("id",)),
                _supplier(),
                Column("topic", required=True, synonyms=("onderwerp",)),
                Column("requested_on", "date", required=True, synonyms=("gevraagd op", "datum verzoek")),
                Column("due_on", "date", synonyms=("deadline",)),
                Column("answered_on", "date", synonyms=("beantwoord op",)),
                Column("completeness", "int", synonyms=("volledigheid",), minimum=0, maximum=4),
                Column("evidence", "bool", synonyms=("bewijs", "onderbouwing")),
                Column("tier_depth", "int", synonyms=("ketendiepte",), minimum=0),
            ),
            ("request_id",),
            ("supplier", "topic", "requested_on"),
        ),
        Table(
            "report_assessments",
            ("report_assessments", "jaarrapportages", "rapportagebeoordelingen", "annual reports"),
            (
                _supplier(),
                Column("year", "int", required=True, synonyms=("jaar",), minimum=1990, maximum=2100),
                _score("risk_analysis", "risicoanalyse"),
                _score("action_plan", "plan van aanpak"),
                _score("signals_handling", "afhandeling signalen"),
                _score("stakeholder_consultation", "stakeholderconsultatie"),
                _score("kpis_reported", "kpi's"),
            ),
            ("supplier", "year"),
        ),
        Table(
            "sites",
            ("sites", "productielocaties", "traceerbaarheid", "keten", "traceability"),
            (
                _supplier(),
                Column("product"),
                Column("component", required=True, synonyms=("onderdeel",)),
                Column("tier", "int", synonyms=("schakel",), minimum=1, maximum=3),
                Column("site_name", synonyms=("locatie", "productielocatie", "fabriek", "site")),
                Column("country", synonyms=("land",)),
                Column("disclosed_on", "date", synonyms=("bekendgemaakt op",)),
                Column("os_id", synonyms=("open supply hub id", "osid")),
                Column("verified", "bool", synonyms=("geverifieerd",)),
                Column("monitored", "bool", synonyms=("gemonitord", "werknemersgestuurde monitoring")),
            ),
            ("supplier", "product", "component", "site_name", "country"),
        ),
        Table(
            "grievances",
            ("grievances", "klachten", "meldingen"),
            (
                Column("case_id", required=True, synonyms=("zaaknummer", "id")),
                _supplier(required=False),
                Column("site_name", synonyms=("locatie",)),
                Column("country", synonyms=("land",)),
                Column("received_on", "date", required=True, synonyms=("ontvangen op", "datum melding")),
                Column("channel", "enum", synonyms=("kanaal",), enum="grievance_channel"),
                Column("category", "enum", synonyms=("categorie", "onderwerp"), enum="grievance_category"),
                Column("severity", "enum", synonyms=("ernst",), enum="grievance_severity"),
                Column(
                    "workers_affected",
                    "int",
                    synonyms=("aantal werknemers", "betrokken werknemers"),
                    minimum=0,
                ),
                Column("status", "enum", enum="grievance_status"),
                Column("resolved_on", "date", synonyms=("opgelost op", "afgesloten op")),
                Column("remedy", "list", synonyms=("herstel", "herstelmaatregelen")),
                Column(
                    "worker_reps_involved",
                    "bool",
                    synonyms=("werknemersvertegenwoordigers betrokken",),
                ),
                Column("satisfaction", "int", synonyms=("tevredenheid",), minimum=1, maximum=5),
            ),
            ("case_id",),
        ),
        Table(
            "escalations",
            ("escalations", "escalaties", "maatregelen"),
            (
                _supplier(),
                Column("date", "date", required=True, synonyms=("datum",)),
                Column("step", "enum", required=True, synonyms=("stap", "maatregel"), enum="escalation_step"),
                Column("note", synonyms=("toelichting",)),
            ),
            ("supplier", "date", "step"),
        ),
    ]
}

# Accepted by every table; when absent, the programme chosen at import applies.
PROGRAMME_SYNONYMS = ("programme", "program", "programma")
DEFAULT_PROGRAMME = "Default programme"

# Columns the importer is to leave out of every table, not even keeping them as extra data:
# the error column of a corrections workbook (engagement.ingest.corrections), so a
# corrected workbook can be imported again as it is.
IGNORED_COLUMNS = ("import errors",)
