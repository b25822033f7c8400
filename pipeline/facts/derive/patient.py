"""Who the patient is: age (from a date of birth or a stated age) and whether a neonate."""

from __future__ import annotations

from ...contracts import Fact, FactStatus
from ..context import best_status, mention_status
from ..cues import cue
from ..dates import mention_date, mention_text, parse_age_days
from .base import Resolver, derivation, make_fact, not_documented
from .safety import device_of_age

_RELATIVE_WORDS = cue("patient.relative_after_age")
NEONATE_MAX_DAYS = 28
"""A neonate is this many days old or younger."""


@derivation("patient_age")
def patient_age(r: Resolver, name: str) -> Fact:
    ctx = r.ctx
    for dob in ctx.mentions("DOB"):
        born = mention_date(dob)
        if born is not None and ctx.reference_date is not None and born <= ctx.reference_date:
            days = (ctx.reference_date - born).days
            return make_fact(name, FactStatus.PRESENT, [ctx.evidence(dob)], value=round(days / 365.25, 3),
                             attributes={"days": [str(days)]}, note="date of birth and request date")
    for m in ctx.mentions("AGE"):
        if _RELATIVE_WORDS.matches(ctx.text[m.end:m.end + 20]):
            continue  # "born to a 28 year old mother"
        if device_of_age(ctx, m) is not None:
            continue  # "her coronary stent is more than six years old": the device's age
        stated = parse_age_days(mention_text(m))
        if stated is not None:
            return make_fact(name, FactStatus.PRESENT, [ctx.evidence(m)], value=round(stated / 365.25, 3),
                             attributes={"days": [str(stated)]}, note="stated age")
    return not_documented(name, "no age or date of birth")


@derivation("neonate")
def neonate(r: Resolver, name: str) -> Fact:
    age = r.fact("patient_age")
    if age.status is FactStatus.PRESENT and age.attributes.get("days"):
        days = int(age.attributes["days"][0])
        status = FactStatus.PRESENT if days <= NEONATE_MAX_DAYS else FactStatus.ABSENT
        return make_fact(name, status, list(age.evidence),
                         note=f"age {days} days (neonate: {NEONATE_MAX_DAYS} days or younger)")
    words = r.ctx.mentions("NEONATE")
    if words:
        statuses = [mention_status(m) for m in words]
        evidence = [r.ctx.evidence(m, assertion=s) for m, s in zip(words, statuses, strict=True)]
        return make_fact(name, best_status(statuses), evidence, note="described as a newborn (age not documented)")
    return not_documented(name, "age not documented")

