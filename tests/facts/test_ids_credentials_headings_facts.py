"""Numbers inside identifiers, credentials after names, report headings and qualified examination headers, through
the facts (mention-level table: tests/nlp/test_ids_credentials_headings.py).

1. A CPT-like run inside a member, authorization, accession or reference number makes no PET (pet_same_workup), no
   MRS request (mrs_requested) and no requested code; "CPT 78608" and a code line keep working.
2. A credential after a signer's name makes no multiple_sclerosis; "Dx: MS" and "h/o MS" keep it.
3. A heading that names a finding is no mention of it: the content under it decides ("SEIZURES" over "No
   electrographic seizures" is absent, over "None" absent, a template's "TUMOR" over nothing not documented); a
   heading with its finding on its line and a problem-list entry stay present.
4. An examination header with a qualifier in parentheses before its colon is an examination (sections.yaml
   sec.exam_qualified); a qualifier that says it was not done ("Exam (deferred):") documents none, nor does a line
   without the colon ("Exam (not performed - sedated)") or "Exam date (MRI):".

Rows are freshly written.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of

from pipeline.contracts import FactStatus

P, A, N = FactStatus.PRESENT, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
MRS = "\nRequest: MR spectroscopy of the brain for a right frontal lesion, tumour versus demyelination.\n"

CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    # 1. codes inside identifiers
    "member-id-pet-code": ("Member ID: QZB-0058-78815" + MRS, {"pet_same_workup": N}),
    "auth-number-pet-code": ("Authorization no. 2026-78608-X (pending)" + MRS, {"pet_same_workup": N}),
    "accession-mrs-code": ("Accession #: LRH-76390-3\nMRI brain with and without contrast, 10/28/2026.\n",
                           {"mrs_requested": N, "requested_cpt_codes": N}),
    "reference-unlabelled-shape": ("Your reference WBX-3310-78816, please quote it on reply." + MRS,
                                   {"pet_same_workup": N}),
    "near-cpt-pet": ("Member ID: QZB-0058-2231" + MRS + "CPT 78608 brain FDG-PET also requested.\n",
                     {"pet_same_workup": P}),
    "near-code-line-mrs": ("Codes: 76390, 70553\n", {"mrs_requested": P, "requested_cpt_codes": P}),
    # 2. credentials after names
    "physicist-dabr": ("MRS processed and interpreted by Dana Whit, MS, DABR.\n", {"multiple_sclerosis": N}),
    "initialled-signer": ("Electronically signed: J. Moreau, MS (physics) 11/03/2026\n", {"multiple_sclerosis": N}),
    "near-dx-ms": ("Dx: MS, relapsing-remitting, on natalizumab.\n", {"multiple_sclerosis": P}),
    "near-history-of-ms": ("She has a history of MS diagnosed in 2015.\n", {"multiple_sclerosis": P}),
    # 3. headings that name a finding
    "eeg-heading-over-negated": ("EEG REPORT\nBACKGROUND: 9 Hz, reactive.\nSEIZURES\nNo electrographic or "
                                 "electroclinical seizures were recorded.\nIMPRESSION: normal EEG.\n",
                                 {"seizures": A}),
    "eeg-heading-over-none": ("Overnight EEG\nSEIZURES:\nNone.\nINTERICTAL DISCHARGES:\nRare left temporal sharp "
                              "waves.\n", {"seizures": A}),
    "template-headings-over-nothing": ("INTAKE CHECKLIST\nINFECTION\n\nTUMOR\n\nTRAUMA\n\nHPI: 52M with new "
                                       "headaches.\n", {"brain_infection": N, "brain_neoplasm": N}),
    "near-heading-with-finding": ("SEIZURES: two focal impaired-awareness seizures on 11/01\n", {"seizures": P}),
    "near-problem-list-seizures": ("Problem list:\nSeizures\nHypertension\n", {"seizures": P}),
    # 4. examination headers with a qualifier in parentheses
    "exam-day-and-sedation": ("HPI: 2-week-old with apneic spells.\nEXAM (day 9, off midazolam 36 h): T 37.1, HR "
                              "152, anterior fontanelle flat, poor suck, axial hypotonia.\n",
                              {"physical_exam_documented": P}),
    "exam-on-sedation": ("HPI: 58F after cardiac arrest.\nExam (on dexmedetomidine, RASS -3): pupils 4 mm, "
                         "reactive; cough and gag present.\n", {"physical_exam_documented": P}),
    "neuro-exam-post-ictal": ("HPI: 24M with a cluster of seizures.\nNeuro exam (post-ictal, limited): drowsy, "
                              "localises to pain, no gaze preference.\n", {"physical_exam_documented": P}),
    "near-exam-deferred": ("HPI: 24M with a cluster of seizures.\nExam (deferred):\n", {"physical_exam_documented": N}),
    "near-exam-not-performed": ("HPI: 24M with a cluster of seizures.\nExam (not performed - sedated)\n",
                                {"physical_exam_documented": N}),
    "near-exam-date": ("HPI: 24M with a cluster of seizures.\nExam date (MRI): 11/02/2026\n",
                       {"physical_exam_documented": N}),
}


@pytest.mark.parametrize(("text", "expected"), CASES.values(), ids=CASES.keys())
def test_ids_credentials_headings_and_exam_headers(analyze: Any, text: str, expected: dict[str, FactStatus]) -> None:
    check_facts(facts_of(analyze, text + REQUEST_TAIL), expected)
