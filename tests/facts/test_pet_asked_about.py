"""A question ABOUT a PET is no PET in the work-up: pet_same_workup.

Class: a plan reviewer's comment, a form's question or a checklist row that asks whether a PET is planned, done,
ordered or requested ("Reviewer comment: is a PET planned in addition to the MRS?", "Has a PET been performed or is
one planned?", "Will FDG-PET also be requested?", "Q: PET ordered for the same question? ____", "Please confirm
whether an amino-acid PET is planned.") asserts nothing about a PET; it was read as a PET asked for (the question's
hedge counted as an uncertain PET, or its verb "planned"/"ordered"/"requested" as a request cue).

Rule (facts/resources/cues.yaml, read by derive/imaging.py _pet_asked_about): the PET is named inside a yes/no
question opened by an auxiliary at its sentence's or line's start or after a label's colon or dash
(study.pet_asked_opener), or a checklist row that opens with the PET and a few plain words before its "?"
(study.pet_asked_row, study.pet_asked_row_tail), the "?" after the PET's name on its line; or inside a request to
say whether ("please confirm / clarify / indicate / advise / state whether|if ...": study.pet_asked_confirm); and the
question asks for the PET's status, planned, ordered, requested, scheduled, done, pending (study.pet_asked_status).
Such a PET is no PET in the work-up and no PET mentioned either (pet_same_workup not documented by it), unless a
Yes follows the "?" on its line or the next (study.pet_asked_answered_yes).

Near misses (keep their reading): a PET planned, said so ("FDG-PET planned next week for the same question":
present); a question answered yes with the PET ("Is a PET planned? Yes - FDG-PET 11/20": present); an order told
("PET ordered 11/02; MRS requested as well": present); a question answered no ("Is a PET planned? No": not present);
a row "PET: none" (absent).

Limits: a question without its "?" and without a confirm verb ("Reviewer asks PET planned") is not read; nor one
whose words before the PET cross a comma or hold more than eight words, or whose "?" comes after a ".", ";", "!" or
"|" on its line ("Is a PET (FDG vs. amino acid) planned?"); a question that names the PET with "the" is read the
same, though it may presuppose a PET ordered elsewhere ("Has the PET been done yet?": the other mention must tell
it). A wh-question ("When is a PET scheduled?", "Which PET, if any, is planned?") is left to the NLP stage, which
already reads it as hypothetical. An answer in words other than Yes/Y ("Is a PET planned? Booked for 11/25") is
not taken for a yes.

Rows: id, text (a request date is appended), {fact: expected status}. Rows whose id starts with "near" must keep
their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import ClinicalFacts, FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

NOTE = ("NEURO-ONCOLOGY NOTE 11/12/2026\n"
        "57M, right frontal glioblastoma resected 01/2026, chemoradiation completed 04/2026. MRI brain 11/04/2026: new "
        "enhancement along the cavity; recurrence versus radiation necrosis. MR spectroscopy requested.\n")

NOT_PRESENT = {"pet_same_workup": N}

CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    "reviewer asks if a PET is planned besides the MRS": (
        NOTE + "Utilization reviewer note: Is an FDG-PET planned alongside the spectroscopy?", NOT_PRESENT),
    "has a PET been done or is one planned": (
        NOTE + "Has a brain PET been obtained, or is one planned?", NOT_PRESENT),
    "will a PET also be ordered": (
        NOTE + "Will an amino-acid PET also be ordered?", NOT_PRESENT),
    "checklist row PET ordered blank": (
        NOTE + "Checklist - PET ordered for the same clinical question? ______", NOT_PRESENT),
    "please confirm whether a PET is planned": (
        NOTE + "Kindly confirm whether a FET-PET is being planned for this lesion.", NOT_PRESENT),
    "please clarify if a PET has been requested": (
        NOTE + "Please clarify if a PET/CT of the brain has been requested.", NOT_PRESENT),
    "was a PET ordered question": (
        NOTE + "Was a PET scan ordered for this same question?", NOT_PRESENT),
    "is there a PET pending": (
        NOTE + "Peer reviewer: is there a PET pending as well?", NOT_PRESENT),
    "are you also requesting a PET": (
        NOTE + "Reviewer question to the requesting provider: are you also requesting a FDG PET?", NOT_PRESENT),
    "do you intend to order a PET": (
        NOTE + "Do you intend to order a methionine PET in addition?", NOT_PRESENT),
    "indicate whether a PET is scheduled": (
        NOTE + "Please indicate whether a brain PET is scheduled.", NOT_PRESENT),
    "the plan asks whether a PET was done": (
        NOTE + "The health plan asked whether a PET had been performed for this question.", NOT_PRESENT),
    "state if a PET is planned": (
        NOTE + "State if an FDG-PET is planned: ________", NOT_PRESENT),
    "which PET is planned question": (
        NOTE + "Reviewer: which PET, if any, is planned?", NOT_PRESENT),
    "when will the PET be done question": (
        NOTE + "Q: When is a PET scheduled, if one is planned?", NOT_PRESENT),
    "plan reviewer: has a PET been ordered": (
        NOTE + "Plan reviewer: Has an amino-acid PET been ordered for this lesion?", NOT_PRESENT),
    "numbered checklist row PET requested as well": (
        NOTE + "Q3. FET-PET requested as well? ___", NOT_PRESENT),
    "please advise whether a PET is being requested": (
        NOTE + "Please advise whether a PET is also being requested.", NOT_PRESENT),
    "question with an unknown answer": (
        NOTE + "Is a brain PET scheduled? Unknown at this time.", NOT_PRESENT),
    # near misses
    "near: question answered Y, no PET named again": (
        NOTE + "Is an FDG-PET planned? Y", {"pet_same_workup": P}),
    "near: question answered yes on the next line": (
        NOTE + "Is a PET planned?\nYes - amino-acid PET booked for 11/25.", {"pet_same_workup": P}),
    "near: PET told, then a question of its own": (
        NOTE + "FDG-PET brain ordered 11/15 - will the MRS still be needed?", {"pet_same_workup": P}),
    "near: a PET ordered, then asked why": (
        NOTE + "FDG-PET brain ordered 11/15. Why was the PET ordered before the MRS?", {"pet_same_workup": P}),
    "near: PET planned next week": (
        NOTE + "FDG-PET brain planned next week for the same question.", {"pet_same_workup": P}),
    "near: question answered yes with the PET": (
        NOTE + "Is an FDG-PET planned? Yes - FDG-PET brain scheduled 11/24.", {"pet_same_workup": P}),
    "near: PET ordered, MRS requested too": (
        NOTE + "Amino-acid PET ordered 11/09; MRS requested as well.", {"pet_same_workup": P}),
    "near: question answered no": (
        NOTE + "Is a PET planned? No.", {"pet_same_workup": A}),
    "near: PET none": (
        NOTE + "PET: none.", {"pet_same_workup": A}),
    "near: we will order a PET": (
        NOTE + "We will also order an FDG-PET of the brain to help separate recurrence from necrosis.",
        {"pet_same_workup": P}),
    "near: asked about PET, ordered": (
        NOTE + "The reviewer asked about a PET; FDG-PET brain was ordered 11/15.", {"pet_same_workup": P}),
}


@pytest.mark.parametrize(("text", "expected"), list(CASES.values()), ids=list(CASES))
def test_pet_asked_about(fragment_facts: Callable[[str], ClinicalFacts], text: str,
                         expected: dict[str, FactStatus]) -> None:
    check_facts(fragment_facts(text), expected)
