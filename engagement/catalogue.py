"""The KPI catalogue: every id, its name, its rule and the query that computes it.

The KPI definitions page, `kpis --json` and docs/KPIS.md read from here; each rule
is the one in KPIS.md, with this project's clarifications written into the text.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Kpi:
    id: str
    area: str
    name: str
    rule: str
    unit: str  # how a value is written: "count", "percent", "days", "score", "index", "ratio", "step"
    query: str  # the file in queries/ that computes it

    @property
    def direction(self) -> str:
        """'up' when a higher value is better, 'down' when lower is, 'off' when neither."""
        return DIRECTION.get(self.id, "up")


AREAS = {
    "D": "Dialogue frequency",
    "I": "Information quality",
    "T": "Traceability coverage",
    "C": "Complaint resolution",
    "E": "Escalation",
}

_D = "dialogue_kpis"
_I = "information_kpis"
_T = "traceability_kpis"
_C = "complaint_kpis"
_E = "escalation_kpis"

CATALOGUE: list[Kpi] = [
    # Dialogue frequency
    Kpi(
        "D1",
        "D",
        "Dialogue meetings",
        "Count of meetings of type dialogue, follow_up or site_visit dated in the period.",
        "count",
        _D,
    ),
    Kpi(
        "D1m",
        "D",
        "Market events",
        "Count of meetings of type market_event dated in the period (counted apart from dialogue).",
        "count",
        _D,
    ),
    Kpi(
        "D2",
        "D",
        "Suppliers engaged",
        "Distinct suppliers with at least one dialogue meeting in the period.",
        "count",
        _D,
    ),
    Kpi(
        "D3",
        "D",
        "Supplier reach %",
        "Suppliers in scope with at least one dialogue meeting in the period / suppliers in scope.",
        "percent",
        _D,
    ),
    Kpi("D4", "D", "Meetings per engaged supplier", "D1 / D2.", "ratio", _D),
    Kpi(
        "D5",
        "D",
        "Days since last meeting",
        "Per supplier in scope: `to` minus its latest dialogue meeting on or before `to`; null if none.",
        "days",
        "days_since_last_meeting",
    ),
    Kpi(
        "D5s",
        "D",
        "Stale suppliers",
        "Suppliers in scope whose D5 is null or above the staleness limit (default 180 days).",
        "count",
        _D,
    ),
    Kpi(
        "D6",
        "D",
        "Agenda sent in advance %",
        "Dialogue meetings in the period with agenda_sent true / those with agenda_sent known.",
        "percent",
        _D,
    ),
    Kpi(
        "D7",
        "D",
        "Agreements confirmed in writing %",
        "Dialogue meetings in the period with minutes_confirmed true / those with minutes_confirmed known.",
        "percent",
        _D,
    ),
    Kpi(
        "D8",
        "D",
        "Collective meetings %",
        "Dialogue meetings in the period with two or more distinct buyers present / D1.",
        "percent",
        _D,
    ),
    Kpi(
        "D9",
        "D",
        "Actions done on time %",
        "Actions with a due date in the period and on or before `to`: completed on or before the due date / all of them.",
        "percent",
        _D,
    ),
    Kpi(
        "D10",
        "D",
        "OECD steps addressed",
        "Per OECD step 1-6: dialogue meetings in the period with a topic mapping to that step.",
        "count",
        "oecd_steps_addressed",
    ),
    Kpi(
        "D11",
        "D",
        "Remedy-focused meetings %",
        "Dialogue meetings in the period with a topic mapping to step 3, 4 or 6 / D1.",
        "percent",
        _D,
    ),
    # Information quality
    Kpi("I1", "I", "Information requests", "Requests with requested_on in the period.", "count", _I),
    Kpi(
        "I2",
        "I",
        "Response rate %",
        "Of I1, answered (answered_on set and on or before `to`) / I1.",
        "percent",
        _I,
    ),
    Kpi(
        "I3",
        "I",
        "On time %",
        "Of answered I1 requests with a due date: answered_on on or before due_on / those.",
        "percent",
        _I,
    ),
    Kpi(
        "I4",
        "I",
        "Completeness %",
        "Mean completeness (0-4) / 4 x 100 over answered I1 requests with completeness known.",
        "percent",
        _I,
    ),
    Kpi(
        "I5",
        "I",
        "Evidence %",
        "Answered I1 requests with evidence true / answered I1 requests with evidence known.",
        "percent",
        _I,
    ),
    Kpi(
        "I6",
        "I",
        "Median response days",
        "Median of answered_on minus requested_on over answered I1 requests.",
        "days",
        _I,
    ),
    Kpi(
        "I7",
        "I",
        "Information quality index",
        "Mean over I1 requests of a score: 0 if unanswered, else 100 x (0.5 x completeness/4 + 0.25 x on_time + 0.25 x evidence); on_time is 1 when answered by the due date or there is no due date; unknown completeness or evidence counts 0.",
        "index",
        _I,
    ),
    Kpi(
        "I8",
        "I",
        "Annual report score %",
        "Per supplier and year: sum of assessed item scores (0-2) / (2 x assessed items) x 100. Programme value: mean of the supplier-year scores for the years the period touches.",
        "percent",
        _I,
    ),
    # Traceability coverage
    Kpi(
        "T1",
        "T",
        "Components in scope",
        "Distinct (supplier, product, component) in the traceability rows.",
        "count",
        _T,
    ),
    Kpi(
        "T2",
        "T",
        "Traceability coverage %",
        "Components disclosed as of `to` / T1; a component is disclosed when a row of it has a site name or country and disclosed_on on or before `to` (blank disclosed_on: disclosed at import). Also per tier and per supplier; trend at quarter ends.",
        "percent",
        _T,
    ),
    Kpi(
        "T3",
        "T",
        "Sites disclosed",
        "Distinct disclosed sites (supplier, site name, country) as of `to`.",
        "count",
        _T,
    ),
    Kpi(
        "T4",
        "T",
        "Sites verified %",
        "Disclosed sites verified / disclosed sites whose verification is known (a site is verified when any of its disclosing rows says so; blank is unknown, as everywhere).",
        "percent",
        _T,
    ),
    Kpi(
        "T5",
        "T",
        "Sites under worker-driven monitoring %",
        "Disclosed sites under worker-driven monitoring / disclosed sites whose monitoring is known (any disclosing row true; blank is unknown).",
        "percent",
        _T,
    ),
    Kpi("T6", "T", "Countries disclosed", "Distinct countries of disclosed sites.", "count", _T),
    # Complaint resolution
    Kpi(
        "C1",
        "C",
        "Complaints received",
        "Cases with received_on in the period; also by channel, category, country and supplier.",
        "count",
        _C,
    ),
    Kpi(
        "C2",
        "C",
        "Open cases",
        "Cases open on `to` (received on or before it, resolved_on blank or after it); trend: open cases at each quarter end.",
        "count",
        _C,
    ),
    Kpi(
        "C3",
        "C",
        "Median days to resolution",
        "Median of resolved_on minus received_on over cases with status resolved and resolved_on in the period.",
        "days",
        _C,
    ),
    Kpi(
        "C4",
        "C",
        "Resolved within target %",
        "Of cases received in the period that are resolved by `to` or whose received_on + target (default 90 days) is on or before `to`: those resolved within the target / all of them. As of `to`: a case resolved later was still open then.",
        "percent",
        _C,
    ),
    Kpi(
        "C5",
        "C",
        "Satisfaction",
        "Mean satisfaction (1-5) of cases resolved in the period with satisfaction known.",
        "score",
        _C,
    ),
    Kpi(
        "C6",
        "C",
        "Worker representatives involved %",
        "Cases resolved in the period with worker_reps_involved true / those with it known.",
        "percent",
        _C,
    ),
    Kpi(
        "C7",
        "C",
        "Recurrence %",
        "C1 cases with an earlier case of the same supplier, same site (or country when site is blank) and same category received within the 365 days before / C1.",
        "percent",
        _C,
    ),
    Kpi(
        "C8",
        "C",
        "Workers reached by remedy",
        "Sum of workers_affected over cases resolved in the period.",
        "count",
        _C,
    ),
    # Escalation
    Kpi(
        "E1",
        "E",
        "Current escalation step",
        "Per supplier in scope: step of its latest escalation row dated on or before `to`; dialogue when none.",
        "step",
        _E,
    ),
    Kpi(
        "E2",
        "E",
        "Suppliers formally escalated",
        "Suppliers in scope whose E1 is notice_of_default, fine or termination.",
        "count",
        _E,
    ),
    Kpi(
        "E3",
        "E",
        "Days in current step",
        "Per supplier in scope with an escalation row: `to` minus the date of its latest row on or before `to`.",
        "days",
        _E,
    ),
]

# How a change should be coloured: most KPIs are better higher; these are not.
DIRECTION = {"D5s": "down", "I6": "down", "C1": "off", "C2": "down", "C3": "down", "C7": "down", "E2": "down"}

BY_ID = {k.id: k for k in CATALOGUE}


def kpis_of_area(area: str) -> list[Kpi]:
    return [k for k in CATALOGUE if k.area == area]


# How this project reads the parts of KPIS.md that leave room; shown in docs/KPIS.md.
CLARIFICATIONS = [
    "Filters. Programme keeps rows of the chosen programmes. Supplier and product category keep rows "
    "of those suppliers. Country keeps production sites and grievances located in that country, and "
    "for the other tables the suppliers whose home country it is or who disclosed a site there. Buyer "
    "keeps the meetings that buyer attended and, for the other tables, the suppliers it holds a "
    "contract with. Market events without a supplier concern the whole programme: the supplier, "
    "country and category filters keep them. A grievance without a supplier is kept only when no "
    "supplier, category or buyer filter is set.",
    "Suppliers in scope: a contract overlapping the period (with the filtered buyer, when one is set); "
    "in a programme where no contracts were imported at all, every supplier of that programme.",
    "Period presets end on the last day of the month of the latest event in the data (a meeting, "
    "request, answer, disclosure, grievance or escalation), or today if that is earlier, so an "
    "archive opens on its own latest months. Last quarter is the last complete calendar quarter "
    "ending on or before that day; last 12 months ends on that day.",
    "Quarterly trends of information quality take the requests made in each quarter and judge "
    "their answers as of the period's end, not the quarter's: a request's due date usually falls "
    "in the next quarter, so judging at the quarter's end would count every request of a "
    "quarter's last weeks as unanswered, even when answered on time.",
    "The change shown beside a figure compares it with the previous period of equal length, ending "
    "the day before the period starts: whole calendar months with as many whole months (a quarter "
    "with the quarter before), other periods with as many days.",
]


def as_markdown() -> str:
    """The catalogue as the project's KPI documentation (docs/KPIS.md)."""
    lines = [
        "# KPI catalogue",
        "",
        "Generated from `engagement/catalogue.py` by `python -m engagement.catalogue`; a test keeps "
        "it equal to the code. The rules follow the programme's KPIS.md; the clarifications below "
        "say how this project reads the parts that leave room.",
        "",
        "## Clarifications",
        "",
        *[f"- {text}" for text in CLARIFICATIONS],
    ]
    for area, title in AREAS.items():
        lines += ["", f"## {title} ({area})", "", "| id | name | rule | query |", "|---|---|---|---|"]
        lines += [f"| {k.id} | {k.name} | {k.rule} | `queries/{k.query}.sql` |" for k in kpis_of_area(area)]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(as_markdown(), end="")
