"""A result that decides, times or opens a leukodystrophy's treatment is the treatment-planning purpose of the MRS.

Class: HealthHelp's leukodystrophy item (4: "therapy evaluation/planning is needed"; fact mrs_purpose with purpose
treatment_planning) failed where the request told the MRS's use as the treatment referral, its timing or the
patient's eligibility that the result decides, in words the purpose rules did not know: "brain MRS decides the
stem-cell transplant referral", "the spectroscopy will tell us whether to refer for HSCT now", "MRS to time the
transplant referral", "if the MRS shows early cerebral disease we refer urgently for transplant evaluation" (the
request's purpose told as a condition on its result), "results will determine gene-therapy eligibility", "needed to
decide on dietary therapy vs transplant".

Rule: a result that decides, times, or determines eligibility for a treatment (transplant, HSCT, gene therapy, a
drug, surgery, radiation) is the treatment-planning purpose (targets.yaml PURPOSE, purpose treatment_planning).

Near misses keep their reading (no purpose): a referral declined in the past with no MRS; a transplant had in 2019;
"MRS for diagnosis only; no treatment would change" (the purpose denied: diagnosis only); "the transplant team will
see him regardless of the MRS"; a referral or a time told of no test.

Rules (targets.yaml, PURPOSE, purpose treatment_planning): purpose.result_times_treatment (a verb of deciding or
triggering before a treatment's referral, eligibility, listing, timing or work-up; "time" as a verb after "to", a
modal or "help"; the request's purpose told as a state of its result: "if the MRS is abnormal, ... start");
purpose.treatment_decision now takes "establish whether", the leukodystrophy gene therapies (elivaldogene,
atidarsagene ...) and "candidate", "eligible", "qualifies"; purpose.result_drives's conditional takes "listed",
"referred", "enrolled", "expedite".

Limits known: a referral decided without a treatment word ("MRS decides the referral", "decides the neurology
referral") is not read; "time" after a subject without a modal ("the MRS times the referral") is not read; a state
of the result outside the listed words ("if the MRS is bad") is not read; the purpose counts only where the fact
layer lets a purpose count (a sentence about the MRS, the request or plan sections, or right after an MRS sentence),
so "the family will time the transplant referral" in a plan section would be read.
"transplant" alone ("the transplant referral") leaves `therapy_of` unspecified (purpose.therapy_leukodystrophy names
HSCT, BMT, stem-cell transplant), which the leukodystrophy item does not look at.

Rows: id -> (text, the set of purposes the mrs_purpose fact carries; the empty set where no purpose is read).
Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import facts_of

HEAD = ("PRIOR AUTHORIZATION REQUEST\nDate of request: 11/20/2026\nCPT 76390\n\nCLINIC NOTE\n"
        "7-year-old boy with X-linked adrenoleukodystrophy (ABCD1 variant), MRI brain indeterminate.\n")
TP = "treatment_planning"

CASES: dict[str, tuple[str, set[str]]] = {
    # ---------------------------------------------------------------- the result decides a referral
    "MRS decides the stem-cell transplant referral": (
        HEAD + "Brain MRS decides the stem-cell transplant referral.\n", {TP}),
    "result settles the BMT referral": (
        HEAD + "The spectroscopy result will settle the BMT referral.\n", {TP}),
    "decides referral to transplant team": (
        HEAD + "MR spectroscopy (76390) decides his referral to the transplant team.\n", {TP}),
    "tell us whether to refer for HSCT now": (
        HEAD + "The spectroscopy will tell us whether to refer for HSCT now.\n", {TP}),
    "show us if he needs transplant": (
        HEAD + "MRS should show us if he needs a transplant this year.\n", {TP}),
    # ---------------------------------------------------------------- the result times a treatment
    "MRS to time the transplant referral": (
        HEAD + "MRS to time the transplant referral.\n", {TP}),
    "spectroscopy to time HSCT": (
        HEAD + "Spectroscopy requested to help time HSCT before symptoms start.\n", {TP}),
    "result decides when to transplant": (
        HEAD + "The MRS result decides when we transplant.\n", {TP}),
    "when to start gene therapy": (
        HEAD + "MR spectroscopy will guide when to start gene therapy.\n", {TP}),
    # ---------------------------------------------------------------- the request's purpose as a condition
    "if MRS shows early cerebral disease we refer urgently": (
        HEAD + "If the MRS shows early cerebral disease we refer urgently for transplant evaluation.\n", {TP}),
    "should spectroscopy show NAA drop, list for BMT": (
        HEAD + "Should spectroscopy show a falling NAA, he will be listed for BMT.\n", {TP}),
    "if MRS abnormal, transplant work-up": (
        HEAD + "If the MRS is abnormal, transplant work-up will start.\n", {TP}),
    # ---------------------------------------------------------------- the result determines eligibility
    "results will determine gene-therapy eligibility": (
        HEAD + "MRS results will determine gene-therapy eligibility.\n", {TP}),
    "decides whether he qualifies for elivaldogene": (
        HEAD + "Spectroscopy decides whether he qualifies for elivaldogene autotemcel.\n", {TP}),
    "whether he is still a transplant candidate": (
        HEAD + "MRS to establish whether he is still a transplant candidate.\n", {TP}),
    "needed to decide dietary therapy vs transplant": (
        HEAD + "MRS needed to decide on Lorenzo's-oil-era dietary therapy vs transplant.\n", {TP}),
    "to choose between drug and surgery, caps": (
        HEAD + "REASON FOR MRS: RESULT DECIDES THE LEUCOVORIN TRIAL OR SURGERY.\n", {TP}),
    "line wrap: decides\\nthe referral": (
        HEAD + "Per neurology and genetics, the brain MRS result (76390) decides\nthe HSCT referral for him.\n", {TP}),
    # ---------------------------------------------------------------- other treatments: a drug, surgery, radiation
    "abnormal MRS would trigger the surgical referral": (
        HEAD + "An abnormal MRS would trigger the surgical referral.\n", {TP}),
    "to time radiotherapy": (
        HEAD + "Spectroscopy (CPT 76390) to time radiotherapy after the second cycle.\n", {TP}),
    "determines her eligibility for the drug trial": (
        HEAD + "The MRS determines her eligibility for the leriglitazone drug trial.\n", {TP}),
    # ---------------------------------------------------------------- near misses: no purpose
    "near: at the time the transplant evaluation was done": (
        HEAD + "At the time the transplant evaluation was done he was well. MRS requested.\n", set()),
    "near: prompted the referral in 2023, no MRS": (
        HEAD + "New gait difficulty prompted the transplant referral in 2023.\n", set()),
    "near: referral declined in 2024": (
        HEAD + "Transplant referral was declined by the family in 2024.\n", set()),
    "near: HSCT in 2019": (
        HEAD + "She had HSCT in 2019.\n", set()),
    "near: diagnosis only, no treatment would change": (
        HEAD + "MRS for diagnosis only; no treatment would change.\n", set()),
    "near: transplant team regardless of MRS": (
        HEAD + "The transplant team will see him regardless of the MRS.\n", set()),
    "near: referral timed by the family": (
        HEAD + "The family will time the transplant referral around school holidays.\n", set()),
    "near: eligibility letter from insurer": (
        HEAD + "Insurance determined gene-therapy eligibility last month.\n", set()),
    "near: if MRS denied, refer anyway": (
        HEAD + "If the MRS is denied, we will refer for transplant evaluation anyway.\n", set()),
}


@pytest.mark.parametrize(("text", "expected"), list(CASES.values()), ids=list(CASES))
def test_result_decides_referral_purpose(analyze: Any, text: str, expected: set[str]) -> None:
    fact = facts_of(analyze, text).facts["mrs_purpose"]
    read = {str(e.attributes.get("purpose")) for e in fact.evidence}
    assert read == expected, [(e.text, e.attributes.get("purpose"), e.attributes.get("therapy_of"),
                               e.attributes.get("cue")) for e in fact.evidence]
