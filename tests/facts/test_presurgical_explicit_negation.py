"""An explicit "not a pre-surgical evaluation" outranks an inferred presurgical purpose, through the real NLP stage
to the facts (facts.yaml presurgical_evaluation `vetoed`; cues `presurgical.inferred_purpose`,
`presurgical.surgery_refused`, `presurgical.candidacy_pending`; context.yaml neg.surgery_set_aside).

1. A purpose that only infers an epilepsy surgery work-up (lateralization, localizing the seizure focus, the
   epileptogenic zone) does not make `presurgical_evaluation` present when the same packet says plainly that the
   patient is not a surgical candidate or that the work-up is not pre-surgical (a counted negated candidacy or
   work-up mention, "not being considered for epilepsy surgery" included), or when the purpose's own sentence tells
   that surgery was declined or refused: the fact is absent, the inferred mention is kept as evidence read absent
   that cites `presurgical.surgery_refused` or the negation's rule.
2. Near misses keep their reading: the work-up told affirmatively anywhere (SEEG, phase I/II, a presurgical
   evaluation) outranks a negated candidacy; a candidacy not yet reached ("not yet a surgical candidate", "not a
   candidate ... yet") is a work-up in progress (`presurgical.candidacy_pending`); "surgery not ruled out" is no
   negation; a relative's refusal is not the patient's.

Rows: id, text, expected status of presurgical_evaluation, a rule or cue id the evidence must cite (None: no check).
Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, A, N = FactStatus.PRESENT, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
HX = "History: drug-resistant focal epilepsy, focal impaired awareness seizures.\n"
VETO, REFUSED = "presurgical.inferred_purpose", "presurgical.surgery_refused"

CASES: list[tuple[str, str, FactStatus, str | None]] = [
    ("lateralize the onset, not a surgical candidate",
     "MRS requested to lateralize the seizure onset; he is not a surgical candidate.", A, VETO),
    ("British spelling, epileptogenic focus, not a candidate",
     "Spectroscopy to localise the epileptogenic focus, to guide medication; she is not a candidate for epilepsy\n"
     "surgery.", A, VETO),
    ("indication field, NOT a candidate for epilepsy surgery",
     "Indication: lateralization of the epileptogenic zone to guide AED choice.\nShe is NOT a candidate for "
     "epilepsy surgery.", A, VETO),
    ("localize the seizure focus, not a pre-surgical evaluation",
     "Purpose - help localize the seizure focus for medication planning. This is not a pre-surgical evaluation.",
     A, VETO),
    ("parenthesis, not being considered for epilepsy surgery",
     "Spectroscopy to lateralize (left vs right temporal) for antiseizure drug selection. Not being considered for "
     "epilepsy surgery.", A, VETO),
    ("refused resective surgery, British spelling (passed before: the surgery word is negated)",
     "Mrs Halvorsen has refused resective surgery; spectroscopy to help lateralise for drug selection.", A, None),
    ("declined surgery, then the purpose",
     "Mr. Okoye declined surgery; MRS to help lateralize for medication choice.", A, REFUSED),
    ("poor surgical candidate, abbreviation",
     "MRS to lateralize the focus. Pt is a poor surgical candidate given his cardiomyopathy.", A, VETO),
    ("label verdict, not an option",
     "Reason for MRS: lateralization.\nEpilepsy surgery - not an option at this time.", A, VETO),
    ("family decided against epilepsy surgery",
     "MRS to localize the epileptogenic focus; the family decided against epilepsy surgery.", A, VETO),
    ("line wrap inside the phrase",
     "Request: MR spectroscopy for lateralization. Note: this is not a presurgical\nwork-up; meds only.", A, VETO),
    ("does not want surgery, lower case",
     "mrs (lateralization) for medication planning - pt does not want surgery.", A, REFUSED),
    ("candidate word order, capitals",
     "GOAL: LATERALIZE THE FOCUS. HE IS NOT A SURGICAL CANDIDATE.", A, VETO),
    ("not considered for epilepsy surgery, negation first",
     "He is not considered for epilepsy surgery. MR spectroscopy to lateralize the epileptogenic zone, to inform "
     "drug choice.", A, VETO),
    # near misses: the work-up is presurgical, or nothing denies it
    ("near: lateralize before choosing ATL vs SEEG",
     "MRS to lateralize before choosing L ATL vs SEEG.", P, None),
    ("near: phase I presurgical evaluation",
     "Phase I presurgical evaluation; MRS to lateralize.", P, None),
    ("near: not a candidate for resection yet, SEEG",
     "Not a candidate for resection yet - MRS to lateralize before SEEG.", P, None),
    ("near: no prior surgery, pre-surgical evaluation",
     "No prior surgery; pre-surgical evaluation for epilepsy.", P, None),
    ("near: surgery not ruled out, localize the seizure focus",
     "Surgery not ruled out; MRS to localize the seizure focus.", P, None),
    ("near: surgery not ruled out, bare localize",
     "Surgery not ruled out; MRS to localize.", N, None),
    ("near: not yet a surgical candidate",
     "Not yet a surgical candidate; MRS to lateralize the onset zone.", P, None),
    ("near: once not a candidate, now referred",
     "Not a surgical candidate in 2022; now referred for presurgical evaluation, MRS to lateralize.", P, None),
    ("near: declined before, now in work-up",
     "She declined surgery in 2019 but is now undergoing pre-surgical evaluation; MRS to lateralize.", P, None),
    ("near: a relative declined surgery",
     "MRS to lateralize the focus. Her brother declined surgery for his epilepsy.", P, None),
    ("near: not a candidate for medical therapy alone",
     "Not a candidate for medical therapy alone; MRS to lateralize the seizure focus.", P, None),
]


@pytest.mark.parametrize(("text", "expected", "rule"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_presurgical_explicit_negation(analyze, text: str, expected: FactStatus,  # type: ignore[no-untyped-def]
                                       rule: str | None) -> None:
    facts = facts_of(analyze, HX + text + REQUEST_TAIL)
    fact = facts.facts["presurgical_evaluation"]
    assert fact.status is expected, (fact.note, [(e.text, e.assertion, e.modifier_rules, e.attributes.get("cue"))
                                                 for e in fact.evidence])
    if rule is not None:
        cited = [e for e in fact.evidence if rule in e.attributes.get("cue", "").split()]
        assert cited, [(e.text, e.assertion, e.attributes) for e in fact.evidence]
