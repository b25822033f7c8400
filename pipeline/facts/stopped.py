"""Seizures that stopped years ago are no current seizures (facts.yaml `stopped_since`).

A negated seizure whose sentence dates when the seizures stopped ("No seizures since 2014", "seizure-free since 2015,
off AEDs", "phenytoin stopped 2016; no further fits": the fact's cue, seizure.stopped_since, around a date) at least
MIN_YEARS before the request date tells that the seizures are over. The affirmed mentions it leaves behind are the
record of those old seizures, not seizures now: those dated (the nearest date in their clause, FactContext.date_of)
in or before the stop's year ("OPD slip 03/2012: GTCS x2") and those told as history ("H/o seizures in childhood"),
unless their clause tells a course that goes on (cue seizure.ongoing_course: "epilepsy since 2010, on valproate").
They are kept as ignored evidence with attribute stopped_since, citing the cue; the negated statement decides the
fact (absent). An undated current statement ("k/c/o seizure disorder on valproate") stays, as does a seizure dated
after the stop, and a stop less than MIN_YEARS ago ("no seizures since the last visit two weeks ago") sets nothing
aside. Table tests/facts/test_south_asian_shorthand_and_healed.py.
"""

from __future__ import annotations

from datetime import date

from ..contracts import Evidence, FactStatus, Mention
from .context import FactContext
from .cues import Cue, cue
from .dates import mention_date

_ONGOING = "seizure.ongoing_course"

MIN_YEARS = 2
"""The seizures stopped at least this many years before the request date (by the stop's year)."""


def stop_date(ctx: FactContext, m: Mention, stopped: Cue) -> date | None:
    """The date the seizures stopped, told in the sentence of the negated mention `m`: a date inside a match of the
    cue; None when there is none, or none at least MIN_YEARS before the request date."""
    ref = ctx.reference_date
    if ref is None:
        return None
    sentence = ctx.sentence_text(m)
    found: date | None = None
    for hit in stopped.regex.finditer(sentence):
        lo, hi = m.sentence_start + hit.start(), m.sentence_start + hit.end()
        for d in ctx.same_sentence(m, "DATE", counted=False):
            if lo <= d.start and d.end <= hi:
                when = mention_date(d, reference=ref)
                if when is not None and when <= ref and ref.year - when.year >= MIN_YEARS:
                    found = when if found is None or when > found else found
    return found


def stopped_set_aside(ctx: FactContext, mentions: list[Mention], counted: list[Evidence],
                      statuses: list[FactStatus], stopped: Cue
                      ) -> tuple[list[Mention], list[Evidence], list[FactStatus], list[Evidence]]:
    """The affirmed mentions of seizures that stopped years ago (a counted negated mention tells the stop), set aside
    as ignored evidence; the others (mentions, evidence, statuses) as they were."""
    stops = [when for m, s in zip(mentions, statuses, strict=True) if s is FactStatus.ABSENT
             and (when := stop_date(ctx, m, stopped)) is not None]
    if not stops:
        return mentions, counted, statuses, []
    stop = max(stops)
    kept_m: list[Mention] = []
    kept_e: list[Evidence] = []
    kept_s: list[FactStatus] = []
    aside: list[Evidence] = []
    ongoing = cue(_ONGOING)
    for m, e, s in zip(mentions, counted, statuses, strict=True):
        lo, hi = ctx.clause_of(m)
        if s is FactStatus.PRESENT and not ongoing.matches(ctx.text[lo:hi]):
            when = ctx.date_of(m)
            if (when is not None and when.year <= stop.year) or (when is None and m.has("historical")):
                aside.append(ctx.evidence(m, attributes={"stopped_since": stop.isoformat()}, cues=[stopped.id]))
                continue
        kept_m.append(m)
        kept_e.append(e)
        kept_s.append(s)
    return kept_m, kept_e, kept_s, aside
