"""Follow-up (issue 4): what was agreed in meetings and whether it was done, as of the period's
end, and how the suppliers' annual reports score by element (I8).

Each function runs one file of queries/; the rules are written there.
"""

import pandas as pd

from engagement import queries
from engagement.filters import Filters
from engagement.tables import TABLES

# The annual report elements, in the order the import template prints them.
REPORT_ELEMENTS = [c.name for c in TABLES["report_assessments"].columns if c.maximum == 2]
SUMMARY_COLUMNS = ["actions", "open", "overdue", "due_in_period", "done_on_time", "done_on_time_pct"]


OPEN = ("overdue", "due")  # the statuses of an action not done as of `to`


def actions(
    con, filters: Filters, statuses: tuple[str, ...] = (), supplier: tuple[str, str] | None = None
) -> pd.DataFrame:
    """The actions to follow up as of `to`, overdue first: programme, supplier, action_id,
    meeting_id, owner, description, due_date, completed_on, status, days_overdue, days_late,
    in_d9, on_time_d9. statuses: only those (OPEN: the ones still open); empty: all.
    supplier: (programme, supplier), only that supplier's; None: every supplier's."""
    return actions_page(con, filters, 0, None, statuses, supplier=supplier)[0]


def actions_page(
    con,
    filters: Filters,
    first: int,
    rows: int | None,
    statuses: tuple[str, ...] = (),
    owners: tuple[str, ...] = (),
    without_owner: bool = False,
    supplier: tuple[str, str] | None = None,
) -> tuple[pd.DataFrame, int]:
    """`rows` of the actions (None: all) from row `first`, in the order of actions(), narrowed
    to those statuses and owners (and, when without_owner, the actions without one; nothing
    chosen: all) and to one supplier's (programme, supplier) when given; and how many there
    are in all. Over years a programme lists hundreds of
    thousands of actions: the page shows a few hundred at a time."""
    params = filters.params(
        statuses=list(statuses),
        owners=list(owners),
        without_owner=without_owner,
        supplier=dict(zip(("programme", "supplier"), supplier, strict=True)) if supplier else None,
    )
    frame, total = queries.run_page(con, "follow_up_actions", params, first, rows)
    for column in ("days_overdue", "days_late"):
        frame[column] = frame[column].astype("Int64")
    return frame, total


def counts(con, filters: Filters) -> pd.DataFrame:
    """follow_up_summary.sql's rows, per supplier, per owner and for all actions, from one run
    of the query: what per_supplier_of, per_owner_of and totals_of read (the Follow-up page
    shows all three)."""
    return queries.run(con, "follow_up_summary", filters.params())


def per_supplier_of(counted: pd.DataFrame) -> pd.DataFrame:
    """Per supplier with listed actions: programme, supplier, actions, open, overdue,
    due_in_period, done_on_time, done_on_time_pct (D9's rule for that supplier)."""
    return _grouped(counted, "supplier")[["programme", "supplier", *SUMMARY_COLUMNS]]


def per_owner_of(counted: pd.DataFrame) -> pd.DataFrame:
    """Per owner of listed actions (None for actions without one): owner, actions, open,
    overdue, due_in_period, done_on_time, done_on_time_pct (D9's rule for that owner)."""
    return _grouped(counted, "owner")[["owner", *SUMMARY_COLUMNS]]


def totals_of(counted: pd.DataFrame) -> dict:
    """The same counts over all listed actions; done_on_time_pct is D9 (None when no action
    is due in the period)."""
    row = _grouped(counted, "all").iloc[0]
    return {
        column: None if pd.isna(row[column]) else (float if column.endswith("_pct") else int)(row[column])
        for column in SUMMARY_COLUMNS
    }


def report_elements(con, filters: Filters) -> pd.DataFrame:
    """I8 by element, one row per assessed supplier and year the period touches: programme,
    supplier, year, the five element scores (0-2, NA = not assessed) and score_pct (I8)."""
    # report_scores.sql gives the rule's long format (report_element_scores, _rules.sql); this
    # only turns its elements into columns.
    scores = queries.run(con, "report_scores", filters.params())
    keys = ["programme", "supplier", "year"]
    if scores.empty:
        return pd.DataFrame(columns=[*keys, *REPORT_ELEMENTS, "score_pct"])
    by_element = scores.pivot(index=keys, columns="element", values="score")
    by_element = by_element.reindex(columns=REPORT_ELEMENTS).astype("Int64")
    score_pct = scores.groupby(keys)["score_pct"].first()
    frame = by_element.join(score_pct).reset_index()
    frame.columns.name = None
    return frame.sort_values(["year", "supplier", "programme"], ignore_index=True)


def _grouped(counted: pd.DataFrame, grouped_by: str) -> pd.DataFrame:
    return counted[counted["grouped_by"] == grouped_by].reset_index(drop=True)
