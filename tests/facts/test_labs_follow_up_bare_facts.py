"""Labs named as a bare plan item to be followed up, to follow or to be chased, with no time and no value
("Follow up labs; adjust the dose once the level is back", "Labs to follow.", "F/u labs and cultures.", "Will
chase the bloods") have no result (fact labs_documented; cue labs.pending, its bare follow-up wordings, in
facts/resources/cues.yaml).

Near misses keep their reading: a value or a read written for the test after the follow-up words ("Follow-up labs
(11/02): sodium 128", "labs followed closely: ammonia 88 -> 54", "follow-up CBC normal", "f/u TSH 2.1").

Rows are freshly written.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED
HPI = "HPI: 61-year-old man with cirrhosis, new confusion and asterixis; a ring-enhancing right frontal lesion.\n"
HPI2 = "HPI: 3-year-old girl with developmental regression, ataxia and episodic vomiting.\n"
HPI3 = "HPI: 38-year-old woman with lupus on mycophenolate, subacute aphasia and a left temporal lesion.\n"

ROWS: dict[str, tuple[str, FactStatus]] = {
    # 1. follow up labs as a plan item, no time
    "numbered-follow-up-labs-adjust": (HPI + "Plan:\n2. Follow up labs; titrate lactulose once the ammonia is back.", N),
    "follow-up-labs-bare-stop": (HPI3 + "Assessment: possible PML versus lymphoma. Follow-up labs.", N),
    "followup-bloodwork-bare": (HPI2 + "Will need followup bloodwork.", N),
    "f-u-labs-and-cultures": (HPI3 + "F/u labs and blood cultures.", N),
    "fu-labs-dash-item": (HPI + "- f/u labs\n- neurosurgery opinion", N),
    "follow-up-pending-labs": (HPI2 + "Follow up pending metabolic labs.", N),
    "follow-up-on-labs-tbd": (HPI3 + "We will follow up the labs and adjust the prednisone.", N),
    # 2. labs to follow, will follow
    "labs-to-follow": (HPI + "Labs to follow.", N),
    "bloods-to-follow-with-discharge": (HPI2 + "Bloods to follow with the discharge letter.", N),
    "metabolic-results-will-follow": (HPI2 + "Plasma amino acids and acylcarnitines will follow.", N),
    # 3. chase, trend
    "will-chase-labs": (HPI3 + "Will chase labs.", N),
    "chase-the-bloods-today": (HPI + "Nursing to chase the bloods.", N),
    "chasing-cultures": (HPI3 + "Chasing the CSF cultures and the JC virus PCR.", N),
    "still-chasing-b12-cd4": (HPI3 + "We are still chasing the B12 and the CD4 count.", N),
    "trend-ammonia-plan-item": (HPI + "Plan: trend ammonia and LFTs.", N),
    # near misses: a value or a read is written for the test
    "near-follow-up-labs-dated-values": (HPI + "Follow-up labs (11/04): sodium 129, ammonia 58.", P),
    "near-labs-followed-closely-trend": (HPI + "Labs followed closely: ammonia 92 -> 47.", P),
    "near-follow-up-cbc-normal": (HPI3 + "Follow-up CBC normal.", P),
    "near-fu-tsh-value": (HPI3 + "F/u TSH 2.1, free T4 normal.", P),
    "near-follow-up-lactate-down": (HPI2 + "Lactate 6.1 on admission; follow-up lactate 2.0.", P),
    "near-chased-labs-value": (HPI + "Chased the labs: INR 1.9, bilirubin 4.2.", P),
    "near-labs-at-follow-up-values": (HPI2 + "Labs at follow-up: sodium 134, potassium 4.1.", P),
    "near-crp-will-follow-clinically": (HPI3 + "CRP 14 and falling; will follow clinically.", P),
    "near-trending-ammonia-values": (HPI + "Trending ammonia: 92, 70, then 47.", P),
    "near-follow-up-ammonia-elevated": (HPI + "Follow-up ammonia elevated at 110.", P),
    "near-follow-up-clinic-labs-value": (HPI3 + "Seen for follow-up; labs: creatinine 0.8, WBC 3.1.", P),
    "near-follow-up-cultures-negative": (HPI3 + "Follow-up blood cultures negative at 5 days.", P),
}


@pytest.mark.parametrize(("text", "status"), ROWS.values(), ids=ROWS.keys())
def test_labs_follow_up_bare(analyze: Any, text: str, status: FactStatus) -> None:
    fact = facts_of(analyze, text + REQUEST_TAIL).facts["labs_documented"]
    assert fact.status is status, (f"{fact.status.value} ({fact.note}); evidence "
                                   f"{[(e.text, e.attributes.get('cue')) for e in fact.evidence]}")
