"""An MRS told plainly as done before the request, with a past place or time but no result or date, is a prior MRS.

Through the real NLP stage, fact level (prior_mrs and the MRS studies that `prescreen explain FILE prior_mrs`
lists). Class: an MRS done on this patient before the request, told with a past verb of having it or with a place
elsewhere or a relative past time, but with no done word (study.done: "performed", "obtained", "showed"), no read
and no calendar date ("She had an MRS at the outside hospital last year", "MRS elsewhere last fall"), was read as
no prior MRS (prior_mrs not documented): an undated MRS citation needed a done word in its clause, else it was taken
for the requested one. Rule (facts cues in pipeline/facts/resources/cues.yaml, checked by `told_done_plainly` in
pipeline/facts/imaging.py from `_citation_drafts`): such an undated MRS is a prior MRS study when

1. a past verb of having it stands right before its name ("had", "underwent", "has had", "got", "gotten":
   study.done_verb, which now also takes "got"/"gotten"), or
2. its clause names a relative past time ("last year", "last spring", "2 yrs ago", "a few months back", "in the
   autumn", "in the past") or a place elsewhere ("elsewhere", "at an outside facility", "at the referring
   hospital", "at another institution"): study.told_past;

unless its clause plans, asks for, advises, offers or calls it off ("will", "going to", "next month", "in 2 weeks",
"scheduled", "recommended", "offered", "declined", "supposed to", "cancelled", "ordered", "approved":
study.told_past_not), or names another organ the spectroscopy is of ("of the prostate", "muscle":
study.spectroscopy_other_organ).

Near misses keep their reading: the requested MRS ("MRS requested to evaluate ...", "will have MRS at the outside
hospital next week", "scheduled for MRS 12/10", "going to have an MRS at the university next month", "Plan: MRS at
the university hospital in 2 weeks"), an MRS only recommended or offered ("the outside hospital recommended an MRS
last year", "was offered an MRS ... but declined"), one called off ("was supposed to have an MRS last spring but it
was cancelled"), one approved or authorised only, "No prior MRS" / "has never had an MRS" (absent), a relative's MRS
("Her brother had an MRS elsewhere last year", "Mother underwent spectroscopy elsewhere ...": study.other_person),
spectroscopy of another organ ("had MR spectroscopy of the prostate last year").

Limits: a named place alone, with no having verb or past time ("MRS at Mercy"), is not enough; a future or request
word anywhere in the clause blocks the rule ("She had an MRS last year and a repeat is requested" keeps no prior MRS
unless the clauses are cut by ";"); a short clause whose "report not available" follows the MRS within the NLP
negation's reach ("MRS elsewhere 2 yrs ago, report not available") is still read as a denied MRS (neg.backward
negates the MRS itself, a mention-level reading not changed here); spectroscopy of another organ told with a done
word or a date ("MRS of the calf muscle was done last year") is still a prior MRS, as before; the organ and time
words are English lists.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, A, N = FactStatus.PRESENT, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

CASES: dict[str, tuple[str, FactStatus]] = {
    # ------------------------------------------------ a past verb of having it, with a place or a time
    "had-outside-last-year": ("She had an MRS at the outside hospital last year.\n", P),
    "had-named-hospital-about-a-year": ("She had an MR spectroscopy at St. Vincent's about a year ago.\n", P),
    "underwent-outside-last-spring": ("He underwent brain MRS at an outside facility last spring.\n", P),
    "got-study-years-back": ("Patient got a spectroscopy study at Mercy two years back.\n", P),
    "got-city-months-back": ("Got an MRS in Omaha a few months back.\n", P),
    "has-had-another-institution-past": ("He has had an MRS at another institution in the past.\n", P),
    "previously-underwent-childrens": ("Previously underwent MRS at the children's hospital.\n", P),
    "had-city-last-summer": ("Had an MRS in Boston last summer.\n", P),
    "underwent-proton-brain-last-year": ("She underwent proton spectroscopy of the brain at Mayo last year.\n", P),
    "had-regional-centre-autumn": ("He had MR spectroscopy at the regional centre in the autumn.\n", P),
    "underwent-multivoxel-results-not-sent": ("Underwent multivoxel MRS at the referring hospital; results not "
                                              "sent.\n", P),
    "had-summer-records-requested-later": ("He had a spectroscopy study at Lakeside in the summer; records "
                                           "requested.\n", P),
    # ------------------------------------------------ no verb: a place elsewhere or a relative past time
    "bare-outside-centre-yrs-ago": ("Spectroscopy at an outside imaging centre 3 yrs ago.\n", P),
    "bare-elsewhere-last-fall": ("MRS elsewhere last fall.\n", P),
    "bare-referring-winter-no-report": ("Spectroscopy at a referring hospital last winter; no report in the "
                                        "chart.\n", P),
    "bare-referring-two-years-report-missing": ("MR spectroscopy at the referring hospital two years ago, report not "
                                                "in the packet.\n", P),
    "outside-months-back": ("Outside MRS a few months back.\n", P),
    "her-mrs-was-at-outside": ("Her MRS was at the outside hospital last year.\n", P),
    "time-first-then-place": ("MRS last spring at the outside facility.\n", P),
    # ------------------------------------------------ near misses: requested, planned, advised, not done, another's
    "near-requested-to-evaluate": ("MRS requested to evaluate the left temporal lesion.\n", N),
    "near-will-have-outside-next-week": ("She will have MRS at the outside hospital next week.\n", N),
    "near-scheduled-dated": ("Scheduled for MRS 12/10.\n", N),
    "near-going-to-have-next-month": ("She is going to have an MRS at the university next month.\n", N),
    "near-plan-in-two-weeks": ("Plan: MRS at the university hospital in 2 weeks.\n", N),
    "near-outside-next-month": ("MRS at an outside facility next month.\n", N),
    "near-recommended-last-year": ("The outside hospital recommended an MRS last year.\n", N),
    "near-offered-declined": ("An MRS was offered at the outside hospital last year but he declined.\n", N),
    "near-supposed-to-cancelled": ("He was supposed to have an MRS last spring but it was cancelled.\n", N),
    "near-approved-only": ("We had the MRS approved last year.\n", N),
    "near-no-prior": ("No prior MRS.\n", A),
    "near-never-had": ("He has never had an MRS.\n", A),
    "near-sibling-had": ("Her brother had an MRS elsewhere last year.\n", N),
    "near-mother-underwent": ("Mother underwent spectroscopy elsewhere two years ago.\n", N),
    "near-prostate": ("He had MR spectroscopy of the prostate last year.\n", N),
    "near-muscle-elsewhere": ("She underwent muscle MRS elsewhere in the spring.\n", N),
    "near-family-asked": ("The family asked whether an MRS could be done elsewhere.\n", N),
}


@pytest.mark.parametrize(("text", "status"), CASES.values(), ids=CASES.keys())
def test_prior_mrs_told_plainly(analyze: Any, text: str, status: FactStatus) -> None:
    facts = facts_of(analyze, text + REQUEST_TAIL)
    fact = facts.facts["prior_mrs"]
    built = [s.date for s in facts.imaging if s.modality == "MRS"]
    assert (fact.status, bool(built)) == (status, status is P), (fact.note, built, [
        [(e.text, e.attributes.get("cue")) for e in s.evidence] for s in facts.imaging if s.modality == "MRS"])
