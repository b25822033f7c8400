"""A treatment dated after the request date is planned, not given (facts.yaml `dated_ahead`).

"Gamma Knife 12/04/2026", "Plan: - SRS 12/10/2026", "radiosurgery 12/01" in a request of 11/20/2026 name a treatment
still ahead: the date written nearest the treatment in its clause (after it first, as FactContext.date_of reads a
mention's date) falls after the request date. Such a mention counts for no prior-treatment fact unless its clause
tells the treatment given all the same (the fact's cue, treatment.done: "SRS completed 12/01/2026" in a note written
after the request). A year or a relative date names no day and decides nothing; a month and year decides only when its
whole month is after the request date's month ("Radiosurgery 12/2026 to both lesions" in a request of 11/20/2026, read
as 12/01/2026; "11/2026" decides nothing; tests/facts/test_treatment_still_to_come_facts.py); a month/day date is read
as its occurrence nearest the request date, at most AHEAD_DAYS after it; a date more than PLAUSIBLE_DAYS after
the request is a misread year, not a plan. Table tests/facts/test_planned_treatment_and_other_site_recurrence.py.
"""

from __future__ import annotations

from datetime import date, timedelta

from ..contracts import Mention
from .context import FactContext
from .cues import Cue

AHEAD_DAYS = 92
"""A month/day date without a year is a date ahead only within this many days after the request date ("12/01" in a
request of 11/20 is next week; "03/15" is last March)."""
PLAUSIBLE_DAYS = 400
"""A date further ahead than this is a misread year ("2926"), not a plan."""


def dated_ahead(ctx: FactContext, m: Mention, done: Cue) -> date | None:
    """The date after the request date the treatment is told for, or None (no such date, or its clause tells it
    given: `done`)."""
    ref = ctx.reference_date
    when = ctx.clause_date(m, month_day_ahead=AHEAD_DAYS, month_year_ahead=True)
    if ref is None or when is None or not ref < when <= ref + timedelta(days=PLAUSIBLE_DAYS):
        return None
    lo, hi = ctx.clause_of(m)
    return None if done.matches(ctx.text[lo:hi]) else when
