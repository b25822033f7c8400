"""An MRS requested for another organ: the MRS's target is not the brain.

Class: CPT 76390 is MR spectroscopy of any site, and clinics ask for it for the breast (total choline of a breast
mass), the prostate (citrate/choline), the liver (fat fraction), muscle (phosphorus MRS in a myopathy), a soft-tissue
or bone mass of a limb, the kidney or a neck mass. Every payer's indications are conditions of the brain, so such a
request meets none of them, whatever brain words the packet holds.

Rule: the target rules `body.*` (nlp/resources/targets.yaml, concept BODY_MRS_TARGET, attrs site `body` and `organ`)
read the MRS's name and an organ outside the head in one phrase, the organ before it ("RIGHT BREAST - SV 1H-MRS",
"prostate MR spectroscopy", "hepatic MRS", "renal mass MR spectroscopy") or after it joined by "of/at/in/for/,"
("31P-MRS of the left calf muscles", "MRS of the liver", "spectroscopy of the thigh mass", "MRS of the right neck
mass"); a disease word right after the organ ("breast cancer", "prostate cancer", "hepatic encephalopathy") makes
it the indication, not the target (unless_next; also "breast-cancer"). The fact non_brain_target (facts/derive/request.py
`_body_targets`) takes such an MRS as the target, site `body` with its organ, unless it is told as history or was
done before (a prior MRS study, "breast MRS 2023 was benign"), sits in a report's body, or the request names the
brain as the MRS target (request.brain_mrs_after / _before / body_part_brain): the requested study decides.

Near misses keep the brain target: a brain MRS in a patient with breast cancer, "MRS of the right frontal lesion;
known prostate cancer", "brain MRS for mitochondrial myopathy" (a muscle disease, a brain target), an MRS voxel near
the orbit roof, a liver disease's brain MRS ("hepatic encephalopathy: brain MRS for myo-inositol"), a breast MRS in
the history of a brain MRS request, "MRS for breast cancer brain metastasis".

Limits: the organ must be named in the MRS's own phrase; a form whose body-part field names the organ on a line
apart from the MRS ("Procedure: MRS 76390" / "Body part: left breast") is not read (the spine's field reading is not
extended to organs); organs outside the listed vocabulary (pancreas, adrenal, ovary, heart) are not read; a request
that names both a brain MRS and another organ's MRS keeps the brain. Rows are freshly written; ids starting "near"
must keep their reading.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus, TriState
from pipeline.criteria import load_policy
from pipeline.criteria.decide import determine

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED

CASES: dict[str, tuple[str, FactStatus, list[str]]] = {
    # text, non_brain_target, its organs
    "form body-area field ticks Other: a breast": (
        "Procedure: MR spectroscopy, CPT 76390\nBody area: ___ Brain  _X_ Other: RIGHT BREAST - SV 1H-MRS\n"
        "Indication: 2.3 cm irregular mass at 2 o'clock, BI-RADS 4, choline peak to be measured.\n", P, ["breast"]),
    "study requested: prostate MR spectroscopy": (
        "Study requested: prostate MR spectroscopy (CPT 76390).\nIndication: PSA 11.4 ng/mL, PI-RADS 4 lesion of "
        "the left apex.\n", P, ["prostate"]),
    "phosphorus MRS of the calf muscles": (
        "Plan: 31P-MRS of the left calf muscles to measure phosphocreatine recovery after exercise; suspected "
        "McArdle disease.\n", P, ["muscle"]),
    "MRS of the liver for a fat fraction": (
        "Request: MRS of the liver for fat quantification (CPT 76390); steatosis on ultrasound, ALT 88.\n",
        P, ["liver"]),
    "spectroscopy of a thigh mass": (
        "Plan: spectroscopy of the thigh mass before the sarcoma board decides on excision.\n", P, ["limb"]),
    "breast MRS in a plan, total choline": (
        "Assessment and plan: palpable left breast lump, indeterminate on ultrasound. Plan: total-choline breast "
        "MRS ahead of a decision on core biopsy.\n", P, ["breast"]),
    "hepatic MRS order": ("Order: hepatic MRS, fat fraction, CPT 76390.\n", P, ["liver"]),
    "renal mass MR spectroscopy": (
        "Reason for exam: renal mass MR spectroscopy, indeterminate 3 cm solid lesion of the left kidney.\n",
        P, ["kidney"]),
    "MRS of a neck mass": (
        "Requested study: MRS of the right neck mass, lymphoma versus nodal squamous cell carcinoma.\n",
        P, ["neck"]),
    "proton MRS of the vastus lateralis": (
        "Indication: proton MRS of the left vastus lateralis muscle, lipid storage myopathy suspected.\n",
        P, ["muscle"]),
    "MRS of a forearm soft-tissue mass": (
        "Plan: MRS, right forearm soft-tissue mass (lipoma versus well-differentiated liposarcoma).\n",
        P, ["limb"]),
    "MR spectroscopy of the prostate, citrate": (
        "Requested: 1H MR spectroscopy of the prostate, citrate to choline ratio, after a negative biopsy.\n",
        P, ["prostate"]),
    # near misses: the brain is the target
    "near: brain MRS in a patient with breast cancer": (
        "Study requested: brain MRS (CPT 76390).\nIndication: breast cancer with a new cerebellar lesion, "
        "metastasis versus abscess.\n", N, []),
    "near: frontal lesion, known prostate cancer": (
        "Request: MRS of the right frontal lesion; known prostate cancer on androgen deprivation.\n", N, []),
    "near: brain MRS for mitochondrial myopathy": (
        "Request: brain MRS for mitochondrial myopathy (MELAS suspected), lactate peak in question.\n", N, []),
    "near: MRS voxel near the orbit roof": (
        "Plan: MRS voxel near the orbit roof, over the enhancing left frontal lesion.\n", N, []),
    "near: hepatic encephalopathy, brain MRS": (
        "Indication: hepatic encephalopathy: brain MRS for myo-inositol and glutamine.\n", N, []),
    "near: breast MRS told in the history": (
        "Study requested: brain MRS (CPT 76390) for a new left parietal lesion.\nHistory: breast MRS 2023 was "
        "benign.\n", N, []),
    "near: MRS for breast cancer brain metastasis": (
        "Request: MRS for breast cancer brain metastasis versus radiation necrosis, left temporal lobe.\n", N, []),
    "near: a hyphenated breast-cancer metastasis": (
        "Indication: known breast cancer; MRS of the breast-cancer metastasis in the left cerebellum.\n", N, []),
    "near: liver metastases, MRS of the brain": (
        "Indication: liver metastases from colon cancer; MR spectroscopy of the brain for a new right occipital "
        "lesion.\n", N, []),
}


@pytest.mark.parametrize(("text", "status", "organs"), CASES.values(), ids=CASES.keys())
def test_an_mrs_of_another_organ_is_no_brain_target(analyze: Any, text: str, status: FactStatus,
                                                     organs: list[str]) -> None:
    fact = facts_of(analyze, text + REQUEST_TAIL).facts["non_brain_target"]
    got = (fact.status, fact.attributes.get("organ", []))
    assert got == (status, organs), (fact.note, [(e.text, e.attributes) for e in fact.evidence],
                                     [(e.text, e.attributes.get("note")) for e in fact.ignored])
    if status is P:
        assert fact.attributes["site"] == ["body"]
        assert all(e.rule_id.startswith("body.") for e in fact.evidence)


HISTORY = ("History: symptoms for 2 months, no prior treatment. Exam: cranial nerves intact, strength 5/5. "
           "Labs: CBC and BMP normal.\nMRI brain 10/28/2026: enhancing lesion, indeterminate.\n")
NOT_BRAIN = {"highmark-wv": "hwv.not_brain", "healthhelp": "hh.not_brain", "florida-blue": "fb.not_brain"}
ROWS = {
    # text, whether the not_brain exclusions are met
    "breast MRS on the form": (
        "Procedure: MR spectroscopy, CPT 76390\nBody area: ___ Brain  _X_ Other: LEFT BREAST - multivoxel 1H-MRS\n"
        "Indication: 1.8 cm enhancing breast mass, fibroadenoma versus carcinoma.\n", True),
    "muscle phosphorus MRS": (
        "Study requested: 31P-MRS of the right quadriceps muscle (CPT 76390) for exercise intolerance.\n", True),
    "near: brain MRS, known breast cancer": (
        "Study requested: brain MRS (CPT 76390) to guide the biopsy.\nIndication: breast cancer, new enhancing "
        "right cerebellar lesion, metastasis versus abscess.\n", False),
}


@pytest.mark.parametrize(("text", "outside"), ROWS.values(), ids=ROWS.keys())
def test_payers_pend_an_mrs_of_another_organ(analyze: Any, text: str, outside: bool) -> None:
    from pathlib import Path

    repo = Path(__file__).resolve().parents[2]
    facts = facts_of(analyze, text + HISTORY + REQUEST_TAIL)
    for payer, node in NOT_BRAIN.items():
        d = determine(load_policy(repo / "policies" / f"{payer}.yaml"), facts, document_sha256="0" * 64,
                      pipeline_version="test")
        met = [r.id for r in d.criteria if r.id == node and r.status is TriState.MET]
        assert bool(met) is outside, (payer, d.decision.value, d.outcome.value)
        if outside:
            assert d.decision.value == "pend", (payer, d.outcome.value)
