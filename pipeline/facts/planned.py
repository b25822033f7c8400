"""A treatment dated after the request date is planned, not given (facts.yaml `dated_ahead`).

"Gamma Knife 12/04/2026", "Plan: - SRS 12/10/2026", "radiosurgery 12/01" in a request of 11/20/2026 name a treatment
still ahead: the date written nearest the treatment in its clause (after it first, as FactContext.date_of reads a
mention's date) falls after the request date. Such a mention counts for no prior-treatment fact unless its clause
tells the treatment given all the same (the fact's cue, treatment.done: "SRS completed 12/01/2026" in a note written
after the request). A year, a month and year or a relative date names no day and decides nothing; a month/day date is
read as its occurrence nearest the request date, at most AHEAD_DAYS after it; a date more than PLAUSIBLE_DAYS after
the request is a misread year, not a plan. Table tests/facts/test_planned_treatment_and_other_site_recurrence.py.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..contracts import Mention
from .context import FactContext
from .cues import Cue
from .dates import mention_date

DATE_REACH = 60
"""How far (characters) from the treatment's name in its clause a date is its own (as FactContext.date_of)."""
AHEAD_DAYS = 92
"""A month/day date without a year is a date ahead only within this many days after the request date ("12/01" in a
request of 11/20 is next week; "03/15" is last March)."""
PLAUSIBLE_DAYS = 400
"""A date further ahead than this is a misread year ("2926"), not a plan."""
_MONTH_YEAR_ONLY = re.compile(r"\s*\d{1,2}/\d{4}\s*$")


def dated_ahead(ctx: FactContext, m: Mention, done: Cue) -> date | None:
    """The date after the request date the treatment is told for, or None (no such date, or its clause tells it
    given: `done`)."""
    ref = ctx.reference_date
    if ref is None:
        return None
    lo, hi = ctx.clause_of(m)
    dates = [d for d in ctx.same_sentence(m, "DATE", counted=False) if lo <= d.start and d.end <= hi]
    after = sorted((d for d in dates if d.start >= m.end and d.start - m.end <= DATE_REACH), key=lambda d: d.start)
    before = sorted((d for d in dates if d.end <= m.start and m.start - d.end <= DATE_REACH), key=lambda d: -d.start)
    for d in after + before:
        precision = d.attrs.get("precision")
        if precision in {"relative", "year"} or _MONTH_YEAR_ONLY.match(d.text):
            return None
        reading = ref + timedelta(days=AHEAD_DAYS) if precision == "month_day" else ref
        when = mention_date(d, reference=reading)
        if when is None:
            continue
        if not ref < when <= ref + timedelta(days=PLAUSIBLE_DAYS) or done.matches(ctx.text[lo:hi]):
            return None
        return when
    return None
