"""An implanted-device word named as the object of an evaluation, a candidacy, a referral or a decision is no device in
the patient, end to end (text -> NLP -> facts): it makes no MRI contraindication (facts/resources/cues.yaml
safety.device_planned_before and safety.device_planned_after; the companion of tests/facts/test_device_options_facts.py,
a device named as a treatment option).

1. The device names the evaluation, candidacy, work-up or referral it is the object of ("cochlear implant candidacy
   evaluation in 01/2027", "referred for DBS candidacy", "VNS evaluation deferred", "Cochlear-implant work-up
   scheduled", "DBS candidacy assessment: pending"; the evaluation noun right after the device counts unless the
   evaluation is for a scan: "Pacemaker evaluation by cardiology before the MRI" is her pacemaker's), also after a
   plan or referral label or a referral to a named team ("Plan: ...", "REFERRAL: ...", "Referred to the implant team
   for ...").
2. The evaluation or decision about the device is said not to be indicated, deferred or declined ("a cochlear implant
   evaluation is not indicated", "VNS evaluation deferred", "DBS referral declined by the family").

Near misses keep the device in the patient: "has a cochlear implant (activated 2019)", "DBS in place since 2020",
"cochlear implant evaluated by audiology: functioning", "VNS interrogation today: normal", "referred for VNS battery
replacement" (a device she has).

Rows: id, text, expected mri_contraindication status. Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED

CASES: list[tuple[str, str, FactStatus]] = [
    # 1. the object of an evaluation, candidacy, work-up or referral
    ("candidacy evaluation, date", "Cochlear implant candidacy evaluation in 01/2027.", N),
    ("referred for candidacy", "Referred for DBS candidacy.", N),
    ("evaluation deferred", "VNS evaluation deferred.", N),
    ("work-up scheduled, hyphen", "Cochlear-implant work-up scheduled with ENT.", N),
    ("candidacy assessment, colon", "DBS candidacy assessment: pending.", N),
    ("lower case, evaluation planned", "plan: cochlear implant evaluation at the children's hospital.", N),
    ("capitals, referral", "REFERRAL: VNS EVALUATION (EPILEPSY SURGERY TEAM)", N),
    ("British, assessment for", "Referred to the implant team for cochlear implant assessment.", N),
    ("line wrap, candidacy", "Cochlear implant candidacy\nevaluation booked for 02/2027.", N),
    ("spelled out, evaluation", "Deep brain stimulation evaluation requested by movement disorders.", N),
    ("abbreviation CI", "Audiology: CI candidacy evaluation pending.", N),
    ("RNS candidacy, parentheses", "RNS candidacy (after the MRS) to be discussed at conference.", N),
    # 2. not indicated, deferred, declined
    ("evaluation not indicated", "A cochlear implant evaluation is not indicated.", N),
    ("evaluation deferred, DBS", "DBS evaluation deferred until the MRS is reviewed.", N),
    ("referral declined", "DBS referral declined by the family.", N),
    ("candidacy decision deferred", "Decision on VNS candidacy deferred.", N),
    ("not a candidate for evaluation", "Not referred for cochlear implant evaluation at this time.", N),
    ("evaluation on hold", "VNS evaluation on hold.", N),
    # near misses: the device is in the patient
    ("near: has one, activated", "Has a cochlear implant (activated 2019).", P),
    ("near: in place since", "DBS in place since 2020.", P),
    ("near: evaluated, functioning", "Cochlear implant evaluated by audiology: functioning.", P),
    ("near: interrogation", "VNS interrogation today: normal.", P),
    ("near: battery replacement referral", "Referred for VNS battery replacement.", P),
    ("near: placed, evaluation of hearing", "Cochlear implant placed 2018; hearing evaluation annually.", P),
    ("near: s/p DBS, evaluation of gait", "S/p DBS 2020; gait evaluation pending.", P),
    ("near: right ear implant", "Right cochlear implant, left hearing aid.", P),
    ("near: device evaluation before the MRI", "Pacemaker evaluation by cardiology before the MRI.", P),
]


@pytest.mark.parametrize(("text", "status"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_device_evaluation_is_no_implant(analyze, text: str,  # type: ignore[no-untyped-def]
                                         status: FactStatus) -> None:
    fact = facts_of(analyze, text + REQUEST_TAIL).facts["mri_contraindication"]
    assert fact.status is status, (fact.status.value, fact.note, [e.text for e in fact.evidence],
                                   [(e.text, e.attributes.get("cue")) for e in fact.ignored])
