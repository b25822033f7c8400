"""Four classes end to end (text -> NLP -> facts), one table each, with near misses that must not change.

a. A device screen line with its answer after the item, behind a dot leader or in brackets ("pacemaker ...... N
   cochlear implant ...... N", "pacemaker (N) neurostimulator (N)"): forms.yaml written_answers `bracketed` and
   the next_fields of the next item with its own leader or bracketed answer.
b. A systemic lymphoma is not a CNS lymphoma (targets neo.systemic_lymphoma, neo.lymphoma_cns_involvement; a bare
   historical "lymphoma" in such a packet is that lymphoma again: facts.yaml named_otherwise, cue lymphoma.bare;
   "w/o evidence of" negates, neg.no).
c. A PET passed over in other words ("PET not chosen", "opted against PET") is no PET in the work-up (cue
   study.alternative_not_done).
d. The MRS purpose told as the decision the result feeds (purpose.result_feeds_decision).
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, check_device_fact, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED


def _fact(analyze: Any, text: str, name: str):  # type: ignore[no-untyped-def]
    return facts_of(analyze, text + REQUEST_TAIL).facts[name]


# a. device screen answers after the item
SCREEN = {
    "leaders-three-items": ("MRI screening: pacemaker ...... N  cochlear implant ...... N  clips ...... N", A, []),
    "leaders-capitalised": ("Safety: Pacemaker ........ N   Aneurysm clip ........ N   Insulin pump ........ N", A,
                            []),
    "leaders-with-colon": ("ICD: ..... N    Neurostimulator: ..... N", A, []),
    "brackets-four": ("pacemaker (N) neurostimulator (N) aneurysm clip (N) metal work (N)", A, []),
    "brackets-words": ("Pacemaker (no)  Cochlear implant (no)  VNS (no)", A, []),
    "brackets-spaced": ("DBS ( N )  ICD ( N )", A, []),
    "dash-no": ("Pacemaker - no", A, []),
    "colon-na": ("Cochlear implant: N/A", A, []),
    # near misses: a device answered Yes stays a contraindication
    "leader-yes": ("pacemaker ...... Y", P, ["pacemaker"]),
    "leaders-one-yes": ("pacemaker ...... N  cochlear implant ...... Y", P, ["cochlear_implant"]),
    "bracket-yes-note": ("pacemaker (Y) - MR conditional not confirmed", P, ["pacemaker"]),
    "bracket-yes-word": ("neurostimulator (yes)", P, ["spinal_cord_stimulator"]),
    "brackets-one-yes": ("pacemaker (N) neurostimulator (Y) aneurysm clip (N)", P, ["spinal_cord_stimulator"]),
}


@pytest.mark.parametrize(("text", "status", "devices"), SCREEN.values(), ids=SCREEN.keys())
def test_a_a_screen_answer_after_the_item(analyze: Any, text: str, status: FactStatus, devices: list[str]) -> None:
    fact = _fact(analyze, text, "mri_contraindication")
    check_device_fact(fact, status, devices)


# b. a systemic lymphoma is not a CNS lymphoma: (text, cns_lymphoma, known_brain_tumor)
LYMPHOMA = {
    "z-code-nhl": ("PMH: Z85.72 personal hx of non-Hodgkin lymphoma. New left frontal lesion.", N, N),
    "hodgkin-history": ("History of Hodgkin lymphoma treated with ABVD in 2015. Now headaches.", N, N),
    "follicular-then-hx": ("PMH: follicular lymphoma of the inguinal nodes. Hx lymphoma. New seizure.", N, N),
    "mediastinal-then-hx": ("DLBCL of the mediastinum 2023, in remission after R-CHOP. Hx lymphoma.", N, N),
    "hx-nodal-in-brackets": ("Hx lymphoma (nodal, treated 2019). New confusion.", N, N),
    "mediastinal-large-b": ("Past history: primary mediastinal large B-cell lymphoma, h/o lymphoma s/p R-CHOP.", N,
                            N),
    "without-evidence": ("Last PET/CT w/o evidence of lymphoma.", A, A),
    # near misses: a lymphoma of the brain, and the brain question's own hedge
    "pcnsl-proven": ("Primary CNS lymphoma, biopsy-proven 2024.", P, P),
    "dlbcl-cns-relapse": ("DLBCL with CNS relapse.", P, P),
    "cns-relapse-of": ("Now CNS relapse of her DLBCL.", P, P),
    "secondary-cns": ("Secondary CNS lymphoma.", P, P),
    "of-the-brain": ("Known lymphoma of the brain.", P, P),
    "pcnsl-nhl": ("Primary CNS non-Hodgkin lymphoma diagnosed 2025.", P, P),
    "question-keeps-hedge": ("Hx follicular lymphoma. Ring-enhancing lesion: primary CNS lymphoma vs "
                             "toxoplasmosis.", S, S),
    "bare-hedge-kept": ("Hx NHL (nodal). New periventricular mass, concern for lymphoma.", S, S),
    "bare-hx-alone": ("Hx lymphoma.", P, P),
}


@pytest.mark.parametrize(("text", "cns", "known"), LYMPHOMA.values(), ids=LYMPHOMA.keys())
def test_b_a_systemic_lymphoma_is_no_cns_lymphoma(analyze: Any, text: str, cns: FactStatus,
                                                   known: FactStatus) -> None:
    facts = facts_of(analyze, text + REQUEST_TAIL).facts
    for name, want in (("cns_lymphoma", cns), ("known_brain_tumor", known)):
        fact = facts[name]
        assert fact.status is want, f"{name}: {fact.status.value} ({fact.note}); {[e.text for e in fact.evidence]}"


# c. a PET passed over: (text, pet_same_workup, the PET mention cites study.alternative_not_done; None: not checked)
PET = {
    "not-chosen": ("Plan: MRS requested; PET not chosen.", A, True),
    "was-not-selected": ("MRS requested; amino-acid PET was not selected at conference.", A, True),
    "decided-against": ("MRS requested; the team decided against FET-PET.", A, True),
    "opted-against": ("Plan: MRS requested; we opted against PET.", A, True),
    "has-not-been-chosen": ("MR spectroscopy requested, FDG-PET has not been chosen.", A, True),
    "not-pursued": ("Request: MRS brain; PET was not pursued given cost.", A, None),  # (already read so)
    # near misses: a PET chosen or selected is in the work-up
    "chosen-over": ("Plan: MRS requested; PET chosen over MRS.", P, False),
    "selected-next-week": ("Plan: MRS requested; PET selected for next week.", P, False),
    "trial-not-selected": ("MRS and PET requested; patient not selected for the trial.", P, False),
}


@pytest.mark.parametrize(("text", "status", "cited"), PET.values(), ids=PET.keys())
def test_c_a_pet_passed_over_is_not_in_the_workup(analyze: Any, text: str, status: FactStatus,
                                                  cited: bool | None) -> None:
    fact = _fact(analyze, text, "pet_same_workup")
    assert fact.status is status, f"{fact.status.value} ({fact.note}); evidence {[e.text for e in fact.evidence]}"
    cues = " ".join(e.attributes.get("cue", "") for e in fact.evidence)
    if cited is not None:
        assert ("study.alternative_not_done" in cues) is cited


# d. the purpose told as the decision the result feeds
PURPOSE = {
    "feeds-eligibility": ("Request: MR spectroscopy brain. The result feeds the eligibility decision (transplant vs "
                          "supportive care).", P),
    "drive-choice-between": ("MRS requested. The spectrum will drive the choice between re-resection and "
                             "bevacizumab.", P),
    "informs-whether-list": ("MRS result informs whether to list for HSCT.", P),
    "feeds-into-decision-on": ("The MRS result feeds into the decision on re-irradiation versus hospice.", P),
    "shape-choice-of": ("MR spectroscopy requested; its result will shape the choice of second-line therapy.", P),
    # near misses: no decision fed, or no MRS
    "filed": ("MRS requested. The result will be filed.", N),
    "feeding-tube": ("MRS requested. Feeding tube placement decision pending.", N),
    "drive-the-car": ("MRS requested; the family will drive the car to the appointment.", N),
}


@pytest.mark.parametrize(("text", "status"), PURPOSE.values(), ids=PURPOSE.keys())
def test_d_the_decision_the_result_feeds_is_treatment_planning(analyze: Any, text: str, status: FactStatus) -> None:
    fact = _fact(analyze, text, "mrs_purpose")
    assert fact.status is status, f"{fact.status.value} ({fact.note}); evidence {[e.text for e in fact.evidence]}"
    if status is P:
        assert fact.attributes.get("purpose") == ["treatment_planning"]
