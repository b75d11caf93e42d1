"""A review session's agenda: the scorecard, then each supplier flagged, then decisions.

A supplier is flagged when a scorecard measure is red or an escalation signal fires; the
session goes through them red first, as the scorecard orders them.
"""

from dataclasses import dataclass

import pandas as pd

from engagement.filters import Filters
from engagement.kpis.follow_up import OPEN, actions
from engagement.kpis.scorecard import RED


@dataclass(frozen=True)
class Agenda:
    card: pd.DataFrame  # the scorecard (engagement.kpis.scorecard)
    flagged: pd.DataFrame  # the flagged suppliers' scorecard rows, with reasons and next_step

    @property
    def slides(self) -> int:
        """Scorecard, one per flagged supplier, decisions."""
        return len(self.flagged) + 2


def agenda_of(card: pd.DataFrame, marked: pd.DataFrame) -> Agenda:
    """The agenda from the period's scorecard and its escalation signals (the Review session
    page reads them as the Scorecard and Escalation pages do, each cached once for the three
    pages). A flagged supplier's slide reads its open actions on its own (open_actions)."""
    marked = marked[["programme", "supplier", "reasons", "next_step"]]
    both = card.merge(marked, on=["programme", "supplier"], how="left", validate="one_to_one")
    both["reasons"] = [r if isinstance(r, list) else [] for r in both["reasons"]]
    flagged = both[(both["status"] == RED) | both["reasons"].map(bool)].reset_index(drop=True)
    return Agenda(card, flagged)


def open_actions(con, filters: Filters, programme: str, supplier: str) -> pd.DataFrame:
    """A flagged supplier's actions still open as of `to` (overdue first), as the Follow-up
    page lists them: one supplier's, not the tens of thousands of a large programme's."""
    return actions(con, filters, OPEN, (programme, supplier))
