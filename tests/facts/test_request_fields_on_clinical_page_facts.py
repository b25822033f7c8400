"""The request's own fields on a clinical page say what is asked, not what a clinician documented: facts.

Class: a packet page carries a clinical note (HPI, exam, assessment) and, on the same page, fields of the request or
order itself: the codes submitted with the order or copied from the requisition, a category ticked by the front
desk, a reason typed by scheduling or keyed by registration. Whole request-form pages and request or diagnosis
sections were already left out of the documented view; these fields, under labels the section rules do not know,
were read as clinical documentation and could approve. A field whose label says it holds the codes submitted (on the
order, the requisition, the claim) or that non-clinical staff filled it (office, front desk, scheduling,
registration, intake, call center) is the request's (documents.yaml request_fields: form.submitted_codes,
form.staff_entered): its mentions still say what is asked, but count for no clinical fact an approval rests on
(`facts.documented`). The note's own facts on the same page keep their reading.

Near misses keep their reading: a note's assessment listing a code with its diagnosis, review-of-systems checkboxes in
an exam, a pathology report's final diagnosis, an ordering physician's indication inside a note, an EHR problem list,
a note's prose that names the front desk, a history taken from an office note, an attending's diagnosis line.

Limits: only the line of the field, and the code or checkbox lines (or one value quoted on its own line) right under
a label with no value, are the request's; a staff word in brackets counts ("(front desk staff)"), but "(office)"
alone does not (an exam in the office); a field whose label names no codes-submitted or staff word ("Indication:" alone on a note page) keeps
being read as the note's.

Rows: id, text (pages separated by form feeds), the expected statuses in the facts, the expected statuses in the
documented view (what an approval rests on). Rows whose id starts with "near" keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, paged_facts_of

from pipeline.contracts import ClinicalFacts, FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
NEO, MET, INF, SEIZ = "brain_neoplasm", "brain_metastasis", "brain_infection", "seizures"
ENC, MITO, MS, LEUKO = "encephalopathy", "mitochondrial_disorder", "multiple_sclerosis", "leukodystrophy"

NOTE = "Progress note\nHPI: 52-year-old man with two weeks of new focal seizures and word-finding pauses.\n"
"""A clinical note's opening whose own fact (seizures) must stay documented."""

Row = tuple[str, dict[str, FactStatus], dict[str, FactStatus]]

ROWS: dict[str, Row] = {
    # ------------------------------------------------ codes submitted with the order / on the requisition or claim
    "codes-submitted-with-order": (
        NOTE + "Diagnosis codes submitted with the order: C71.2 Malignant neoplasm of temporal lobe; R56.9 Seizures\n",
        {NEO: P}, {NEO: N, SEIZ: P}),
    "icd-per-requisition": (
        NOTE + "ICD-10 per requisition: C79.31 Secondary malignant neoplasm of brain\n", {MET: P}, {MET: N, SEIZ: P}),
    "icd-paren-from-requisition": (
        NOTE + "ICD-10-CM codes (from the requisition): C71.0 Malignant neoplasm of cerebrum\n",
        {NEO: P}, {NEO: N, SEIZ: P}),
    "codes-on-order-between-sections": (
        "Physical exam: alert, fluent, no focal deficit.\nCodes on the order: C71.9 Malignant neoplasm of brain, "
        "unspecified\nPlan: spectroscopy as ordered.\n", {NEO: P}, {NEO: N}),
    "label-alone-codes-below": (
        NOTE + "Dx codes as submitted on requisition:\nC71.1 Malignant neoplasm of frontal lobe\n"
        "G93.40 Encephalopathy, unspecified\n", {NEO: P}, {NEO: N, ENC: N, SEIZ: P}),
    "diagnoses-submitted-on-claim": (
        "Office visit 10/14/2026\nChief complaint: numbness of both hands.\nDiagnoses submitted on the claim: G35 "
        "Multiple sclerosis\n", {MS: P}, {MS: N}),
    # ------------------------------------------------ fields filled by non-clinical staff
    "front-desk-checkboxes": (
        NOTE + "Category ticked by front desk:  [X] Brain tumor   [ ] Seizure   [ ] Other\n", {}, {NEO: N, SEIZ: P}),
    "scheduling-reason-quoted": (
        NOTE + "Reason for study (entered by scheduling from the referral): 'glioblastoma - spectroscopy before "
        "resection'\n", {NEO: P}, {NEO: N, SEIZ: P}),
    "registration-keyed-indication": (
        NOTE + "Order indication keyed by registration: known metastatic disease to the brain\n", {},
        {MET: N, SEIZ: P}),
    "office-staff-typed": (
        "Neurology clinic note\nHPI: 34-year-old woman with blurred vision in the right eye for a week.\n"
        "Indication typed by office staff: multiple sclerosis flare\n", {MS: P}, {MS: N}),
    "intake-coordinator-reason": (
        NOTE + "Reason for visit per intake coordinator: brain abscess follow-up\n", {}, {INF: N, SEIZ: P}),
    "receptionist-selected": (
        "Metabolic clinic note\nHPI: 6-year-old girl with exercise intolerance and lactic acidosis on two draws.\n"
        "Visit type selected by receptionist: [x] Mitochondrial disorder  [ ] Other\n", {}, {MITO: N}),
    "registrar-entered-hyphen": (
        "History of present illness: 9-year-old boy with declining school performance and gait change.\n"
        "Registrar-entered diagnosis: leukodystrophy\n", {}, {LEUKO: N}),
    "call-center-indication": (
        NOTE + "Indication as entered by call center staff: recurrent glioma\n", {}, {NEO: N, SEIZ: P}),
    "scheduler-field-after-assessment": (
        "Assessment/Plan: new seizures, MRI brain with spectroscopy.\nScheduler's reason for exam: encephalitis\n",
        {}, {INF: N, SEIZ: P}),
    "staff-in-parentheses-checkboxes-below": (
        NOTE + "Request category (front desk staff):\n  [X] Brain tumour   [ ] Seizures   [ ] Other\n", {},
        {NEO: N, SEIZ: P}),
    "office-staff-parenthetical-codes-below": (
        NOTE + "Diagnosis (office staff):\nC71.3 Malignant neoplasm of parietal lobe\n", {NEO: P}, {NEO: N, SEIZ: P}),
    "quoted-value-under-staff-label": (
        NOTE + "Reason for imaging (as keyed by registration from the ED paperwork):\n\"right parietal glioblastoma - "
        "spectroscopy to plan the biopsy\"\n", {NEO: P}, {NEO: N, SEIZ: P}),
    # ------------------------------------------------ near misses: the note's own documentation
    "near_assessment_lists_code": (
        NOTE + "Assessment: 1. Glioblastoma (C71.1), resected 03/2025, on temozolomide.\n", {NEO: P},
        {NEO: P, SEIZ: P}),
    "near_assessment_beside_submitted_codes": (
        NOTE + "Assessment: anaplastic astrocytoma, right frontal, resected 06/2025.\nCodes submitted with order: "
        "C71.1 Malignant neoplasm of frontal lobe\n", {NEO: P}, {NEO: P, SEIZ: P}),
    "near_ros_checkboxes": (
        "Office visit\nReview of systems: [x] seizures  [ ] vomiting  [ ] fever\nAssessment: spells, workup "
        "ongoing.\n", {SEIZ: P}, {SEIZ: P}),
    "near_pathology_final_diagnosis": (
        "SURGICAL PATHOLOGY REPORT\nFinal diagnosis: brain, right cerebellum, resection: metastatic "
        "adenocarcinoma to the brain.\n", {MET: P}, {MET: P}),
    "near_ordering_physician_indication": (
        NOTE + "Indication (ordering physician): known left temporal glioma, progression vs necrosis\n", {NEO: S},
        {NEO: S}),
    "near_problem_list": (
        NOTE + "Assessment: seizures, on levetiracetam.\nProblem list\nC71.9 Glioma of brain - active\n",
        {NEO: P}, {NEO: P}),
    "near_prose_names_front_desk": (
        "HPI: The front desk called her back; she reports new seizures and has a known glioblastoma resected "
        "in 2024.\n", {NEO: P}, {NEO: P, SEIZ: P}),
    "near_history_per_office_note": (
        NOTE + "History per office note: glioblastoma, resected 2025, on temozolomide.\n", {NEO: P}, {NEO: P}),
    "near_attending_diagnosis": (
        NOTE + "Diagnosis (attending): brain abscess, improving on antibiotics.\n", {INF: P}, {INF: P}),
    "near_exam_in_office_parenthesis": (
        NOTE + "Exam (office):\n'alert, oriented; mild right hemiparesis'\nAssessment: known glioblastoma, resected "
        "2025.\n", {NEO: P}, {NEO: P, SEIZ: P}),
    "near_quoted_line_after_note_label": (
        NOTE + "Impression:\n\"enlarging left frontal glioblastoma\"\n", {NEO: P}, {NEO: P, SEIZ: P}),
    "near_plan_names_scheduling": (
        NOTE + "Plan: scheduling to book the MRS for 11/30. Known glioblastoma, resected 2025.\n", {NEO: P},
        {NEO: P}),
}


@pytest.mark.parametrize(("text", "expected", "documented"), ROWS.values(), ids=ROWS.keys())
def test_request_fields_on_a_clinical_page(analyze: Callable[..., object], text: str,
                                           expected: dict[str, FactStatus],
                                           documented: dict[str, FactStatus]) -> None:
    facts: ClinicalFacts = paged_facts_of(analyze, text + REQUEST_TAIL)
    check_facts(facts, expected)
    for name, status in documented.items():
        got = facts.documented[name]
        assert got.status is status, ("documented", name, [(e.text, e.page) for e in got.evidence])
