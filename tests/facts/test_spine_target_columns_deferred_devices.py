"""The spine is the MRS target only when the request says so; Y / N column screens and dash answers; a device
discussed but not implanted, end to end (text -> NLP -> facts).

1. A spine word elsewhere in a packet does not make the requested MRS a spine study. When the request names the
   brain as the MRS's target ("MR spectroscopy of the brain", "MRS brain", "brain MRS": cues request.brain_mrs_after,
   request.brain_mrs_before), a spine word counts only in a clause that names the MRS; a spine word joined to another
   study by body parts only ("brain and spine MRI", "MRI brain/C-spine") is that study's (request.spine_study_part);
   a routine spine check or a controlled back pain is no target (request.spine_routine_check,
   request.spine_aside_after). The MRS target is the spine or cord when the request names it for the MRS, also after
   the code or a comma ("76390 - cervical spinal cord") or by the cord's inside ("MR spectroscopy of the
   intramedullary mass"): target rule spine.mrs_target. Near misses: a spine request stays one; a past fusion, a
   lumbar puncture, a normal scoliosis screen and a prior brain-and-spine MRI make none.
2. A Y / N column screen is read by the column the X sits under, also when the row's label runs on under the column
   it leaves blank, when a note follows the X, or when a blank line follows the header (pipeline/nlp/form_state.py);
   a one-letter answer after a spaced dash answers its item ("pacemaker - N ICD - N neurostim - N", forms.yaml
   next_fields). Near misses: "[X] pacemaker", "pacemaker: none", an X under Y.
3. A device discussed but not implanted counts for no contraindication: a decision about it put off, an option told
   with an adverb, a candidate for a kind of device (cues safety.device_planned_before, safety.device_planned_after).
   Near misses: a device implanted or placed stays present. A slash-joined device row answered No with a remark
   that names one of its devices as considered or offered reads no device. An MR-conditional statement followed by a
   change to the device or a pending MRI-safety review clears nothing (cues safety.clearance_superseded_by_change,
   safety.clearance_review_pending; table tests/facts/test_device_clearance_lapsed_facts.py); near misses: the
   changed device cleared again, the review settled, a row answered Yes with its card, a row split by device.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
BRAIN_REQUEST = "REQUEST: MR spectroscopy of the brain (CPT 76390) for a left frontal lesion.\n"
DATE = "\nDate of request: 11/20/2026\n"

# 1. (text, non_brain_target and spine_indication status); BRAIN_REQUEST is prepended where the row says so
TARGET = {
    "nf1-surveillance-spine-check": (BRAIN_REQUEST + "Plan: NF1 surveillance - annual ophthalmology, BP, spine check.", N),
    "back-pain-controlled-by-stimulator": (BRAIN_REQUEST + "Assessment: chronic low back pain controlled with his "
                                           "spinal cord stimulator; frontal lesion as above.", N),
    "lumbar-spine-screening-in-indication": (BRAIN_REQUEST + "Indication: frontal lesion. Lumbar spine screening "
                                             "normal last year.", N),
    "back-pain-in-assessment-brain-request": (BRAIN_REQUEST + "A/P: 1. Left frontal lesion. 2. Low back pain, on "
                                              "ibuprofen.", N),
    "brain-mrs-named-before": ("Request: brain MRS (CPT 76390).\nAssessment: neck pain, improving with PT.", N),
    "spine-mri-after-brain-mrs": ("REQUEST: MR spectroscopy of the brain after brain and spine MRI 10/01/2026 "
                                  "showed a left frontal lesion.", N),
    "mri-whole-spine-beside-brain-mrs": ("Request: brain MRS (76390) and MRI whole spine to follow.", N),
    "mri-brain-c-spine-same-line": ("REQUEST: MRS brain; MRI brain/C-spine 10/01/2026 unremarkable.", N),
    "code-dash-cervical-cord": ("Procedure requested: 76390 - cervical spinal cord", P),
    "name-comma-thoracic-cord": ("CPT 76390 MR spectroscopy, thoracic cord", P),
    "intramedullary-mass": ("Plan: MR spectroscopy of the intramedullary mass.", P),
    "characterize-intramedullary-lesion": ("REQUEST: MRS to characterize the enhancing intramedullary lesion at "
                                           "T8.", P),
    # near misses
    "cord-lesion-level": ("Requested: proton MRS of the C3-4 cord lesion.", P),
    "lumbar-spine-request": ("REQUEST: MR spectroscopy of the lumbar spine for chronic low back pain.", P),
    "disc-request": ("Reason for request: chronic low back pain; MRS of the L4-L5 disc.", P),
    "comma-thoracic-spine": ("REQUEST: MR spectroscopy, thoracic spine.", P),
    "back-pain-indication-no-body-part": ("REQUEST: MRS 76390.\nIndication: low back pain, rule out discitis.", P),
    "brain-mrs-with-spine-in-its-clause": (BRAIN_REQUEST + "Plan: MRS of the cervical spine as well.", P),
    "past-fusion": (BRAIN_REQUEST + "PSH: L4-5 fusion 2018.", N),
    "lumbar-puncture": (BRAIN_REQUEST + "Plan: lumbar puncture for CSF cytology.", N),
    "scoliosis-screen": (BRAIN_REQUEST + "Scoliosis screening normal.", N),
    "prior-brain-and-spine-mri": (BRAIN_REQUEST + "Prior imaging: brain and spine MRI 10/01/2026 unremarkable.", N),
}


@pytest.mark.parametrize(("text", "status"), TARGET.values(), ids=TARGET.keys())
def test_the_spine_is_the_target_only_when_the_request_says_so(analyze: Any, text: str, status: FactStatus) -> None:
    facts = facts_of(analyze, text + DATE).facts
    for name in ("non_brain_target", "spine_indication"):
        fact = facts[name]
        assert fact.status is status, f"{name} {fact.status.value}: {[e.text for e in fact.evidence]}"


# 2. (text, mri_contraindication status, devices)
SCREEN = {
    "column-label-runs-under-y": ("MRI SAFETY              Y    N\nCardiac pacemaker / ICD      X\n", A, []),
    "column-note-after-x": ("MRI SAFETY                         Y    N\n"
                            "  Cardiac pacemaker / ICD                 X     (never)\n"
                            "  Insulin pump                            X\n", A, []),
    "column-blank-line-under-header": ("MRI SAFETY SCREEN                 Y    N\n\n"
                                       "Cardiac pacemaker / ICD                X\n"
                                       "Neurostimulator                        X\n", A, []),
    "column-yes-no-long-label": ("Implants                  Yes   No\nCochlear implant (left or right)   X\n", A, []),
    "dash-answers-each-no": ("Screening: pacemaker - N ICD - N neurostim - N", A, []),
    "dash-answers-stent-yes": ("Safety: pacemaker - N   stents - Y", S, ["intravascular_stent"]),
    "dash-answers-middle-yes": ("MRI screen: cochlear implant - N  ICD - Y  insulin pump - N", P, ["icd"]),
    # near misses
    "ticked-box": ("[X] pacemaker", P, ["pacemaker"]),
    "answered-none": ("pacemaker: none", A, []),
    "column-x-under-y": ("MRI SAFETY                         Y    N\nCardiac pacemaker / ICD            X\n", P,
                         ["icd", "pacemaker"]),
    "column-note-after-x-under-y": ("MRI SAFETY                         Y    N\n"
                                    "Insulin pump                       X     (since 2019)\n", P, ["insulin_pump"]),
    "dash-stent-alone": ("stents - Y", S, ["intravascular_stent"]),
}


@pytest.mark.parametrize(("text", "status", "devices"), SCREEN.values(), ids=SCREEN.keys())
def test_a_screen_is_read_by_its_column_or_dash_answer(analyze: Any, text: str, status: FactStatus,
                                                       devices: list[str]) -> None:
    fact = facts_of(analyze, BRAIN_REQUEST + text + DATE).facts["mri_contraindication"]
    assert fact.status is status, f"{fact.status.value}: {[(e.text, e.assertion) for e in fact.evidence]}"
    assert sorted(fact.attributes.get("device", [])) == devices


# 3. (text, mri_contraindication status)
DEFERRED = {
    "decision-deferred": ("Cardiology: ICD decision deferred (see cardiology).", N),
    "would-ordinarily-be-considered": ("A secondary-prevention ICD would ordinarily be considered.", N),
    "not-a-candidate-for-a-wearable": ("Not a candidate for a wearable defibrillator at present.", N),
    "discussion-deferred": ("Pacemaker discussion deferred until after radiation.", N),
    "could-eventually-be-offered": ("DBS could eventually be offered if the tremor progresses.", N),
    "consider-subcutaneous": ("EP: consider a subcutaneous ICD after recovery.", N),
    "slash-row-no-considered-never-placed": ("Pacemaker/ICD: No (pacemaker was considered in 2019, never placed)",
                                             A),
    "slash-row-none-offered-declined": ("Neurostimulator (VNS, DBS) - none; VNS offered, declined", A),
    "clearance-then-leads-revised": ("DBS MR conditional (2016); leads revised 2023 at an outside hospital.", P),
    "clearance-then-review-pending": ("VNS: MR-conditional per outside records; MR safety review still pending.",
                                      P),
    # near misses
    "near-new-generator-card-on-file": ("VNS generator replaced 2021; new generator MR conditional per manufacturer "
                                        "card on file.", A),
    "near-review-pending-then-cleared": ("DBS - MR conditional. MR safety review pending; cleared by MR safety "
                                         "11/20.", A),
    "near-slash-row-yes-card": ("VNS/DBS/RNS Y (VNS 2018, MR conditional card on file)", A),
    "near-row-split-by-device": ("VNS N / DBS Y", P),
    "implanted": ("ICD implanted 2019.", P),
    "placed-model-unknown": ("ICD placed 10/21, model unknown.", P),
    "answered-n-not-implanted": ("ICD: N (not implanted)", A),
    "pacemaker-in-place-upgrade-deferred": ("Dual-chamber pacemaker since 2015; ICD upgrade deferred.", P),
    "decision-deferred-beside-an-implanted-one": ("ICD decision deferred; pacemaker implanted 2020.", P),
}


@pytest.mark.parametrize(("text", "status"), DEFERRED.values(), ids=DEFERRED.keys())
def test_a_device_discussed_but_not_implanted_is_none(analyze: Any, text: str, status: FactStatus) -> None:
    fact = facts_of(analyze, BRAIN_REQUEST + text + DATE).facts["mri_contraindication"]
    assert fact.status is status, f"{fact.status.value}: {[(e.text, e.assertion) for e in fact.evidence]}"
