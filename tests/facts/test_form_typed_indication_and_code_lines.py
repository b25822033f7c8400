"""A request form's typed indication or an ICD code's description is no clinical documentation of a known tumour.

Class: a request or order form says what is asked; an approval rests on clinical documentation (notes, reports). A
field whose label says its value was typed, keyed or picked ("Reason for request (typed):", "Indication (free
text):") or that it is the request's or order's own reason ("Reason for order:", "Order diagnosis:"), and a line that
is an ICD-10-CM code with its description ("D32.0 Benign neoplasm of cerebral meninges", "Dx - C71.1 ...") outside a
clinical section, made the known-tumour facts documented when the form page held prose enough not to count as a
form page, or when such a line sat in an order block of a clinical page. They now count for no clinical fact an
approval rests on (`facts.documented`; documents.yaml request_fields form.request_reason / form.typed_entry, and
code_lines); the facts as read keep them (what is asked).

Near misses keep their documented reading and its source: a pathology report, a progress note's assessment or
history, a note's problem list, an imaging report's impression, a form's attached clinical note, a field a named
clinician typed, and prose that speaks of the request's reason.

Rows: id, text (pages separated by form feeds), the expected statuses in the facts, the expected statuses in the
documented view, and a page the documented evidence lies on (None: no documented evidence).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, paged_facts_of

from pipeline.contracts import ClinicalFacts, FactStatus

P, S, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.NOT_DOCUMENTED
NEO, KNOWN, MET = "brain_neoplasm", "known_brain_tumor", "brain_metastasis"

FORM = ("OUTPATIENT IMAGING PRE-CERTIFICATION - MR SPECTROSCOPY\nMember: Alvarez, Rosa   DOB 04/11/1968\n"
        "Procedure: 76390 MR spectroscopy, brain\n")
"""A request form's opening (the form page also holds prose below, so the page is not a whole form page)."""

PROSE = ("Please return the determination by fax to the ordering office as soon as it has been made, thank you.\n"
         "The member has been told that the study needs review and agrees to wait for the decision before booking.\n")

NOTE = ("\fNEUROLOGY PROGRESS NOTE 11/02/2026\nHPI: 58-year-old woman with morning headaches and unsteadiness for "
        "three months, worse on bending.\nExam: mild left pronator drift.\nAssessment: headaches and drift; "
        "spectroscopy requested by neurosurgery.\n")
"""A clinical page that documents no tumour."""

NOTE_HEAD = ("Progress note 11/02/2026\nHPI: 58-year-old woman with morning headaches and unsteadiness for three "
             "months.\nAssessment: headaches, MRS requested.\n")
"""A clinical note's opening on the same page as what follows."""

Row = tuple[str, dict[str, FactStatus], dict[str, FactStatus], int | None]

ROWS: dict[str, Row] = {
    # ------------------------------------------------ typed or request-reason fields on a request form
    "reason-for-request-typed": (
        FORM + "Reason for request (typed): h/o glioma of the brain\n" + PROSE + NOTE,
        {NEO: P}, {NEO: N, KNOWN: N}, None),
    "indication-free-text": (
        FORM + "Clinical indication (free text): KNOWN MENINGIOMA, ANNUAL F/U\n" + PROSE + NOTE,
        {NEO: P}, {NEO: N, KNOWN: N}, None),
    "reason-for-order": (
        FORM + "Reason for order: known low grade glioma, surveillance\n" + PROSE + NOTE,
        {NEO: P}, {NEO: N, KNOWN: N}, None),
    "order-diagnosis-ehr": (
        FORM + "Order diagnosis: Ependymoma of brain\n" + PROSE + NOTE,
        {NEO: P}, {NEO: N, KNOWN: N}, None),
    "keyed-in-terse": (
        FORM + "Indication (keyed in): hx GBM\n" + PROSE + NOTE,
        {NEO: P}, {NEO: N, KNOWN: N}, None),
    "dropdown-on-note-page": (
        NOTE_HEAD + "Diagnosis (selected from drop-down): Glioblastoma\n",
        {NEO: P}, {NEO: N, KNOWN: N}, None),
    "typed-reason-for-requested-study-note-page": (
        NOTE_HEAD + "Reason for requested study (typed): meningioma follow-up\n",
        {NEO: P}, {NEO: N, KNOWN: N}, None),
    "front-desk-caps": (
        FORM + "CLINICAL INDICATION (ENTERED BY FRONT DESK): KNOWN MENINGIOMA - FOLLOW UP\n" + PROSE + NOTE,
        {NEO: P}, {NEO: N, KNOWN: N}, None),
    # ------------------------------------------------ ICD-10-CM code lines with their descriptions
    "bare-code-line-on-form": (
        FORM + "D32.0 Benign neoplasm of cerebral meninges\n" + PROSE + NOTE,
        {NEO: P}, {NEO: N, KNOWN: N}, None),
    "bulleted-code-line": (
        FORM + "- C71.9 Malignant neoplasm of brain, unspecified\n" + PROSE + NOTE,
        {NEO: P}, {NEO: N, KNOWN: N}, None),
    "dx-dash-code": (
        FORM + "Dx - C71.1 Malignant neoplasm of frontal lobe\n" + PROSE + NOTE,
        {NEO: P}, {NEO: N, KNOWN: N}, None),
    "icd-equals-code": (
        FORM + "ICD10 = D33.2 Benign neoplasm of brain, unspecified\n" + PROSE + NOTE,
        {NEO: P}, {NEO: N, KNOWN: N}, None),
    "code-hyphen-description-metastasis": (
        FORM + "C79.31 - Secondary malignant neoplasm of brain\n" + PROSE + NOTE,
        {MET: P}, {MET: N}, None),
    "order-block-on-note-page": (
        NOTE_HEAD + "\nORDER\nStudy: MR spectroscopy 76390\nD32.0 Benign neoplasm of cerebral meninges\n",
        {NEO: P}, {NEO: N, KNOWN: N}, None),
    "whole-form-page": (
        "PRIOR AUTHORIZATION REQUEST\nMember: Alvarez, Rosa\nCPT: 76390\nICD-10: D32.0 Benign neoplasm of "
        "cerebral meninges\n" + NOTE, {NEO: P}, {NEO: N, KNOWN: N}, None),
    # ------------------------------------------------ near misses: clinical documentation stays documented
    "near_pathology_page": (
        FORM + "D32.0 Benign neoplasm of cerebral meninges\n" + PROSE + "\fSURGICAL PATHOLOGY\nFinal diagnosis: "
        "dura and tumour, right convexity, resection: meningioma, WHO grade 2.\n",
        {NEO: P}, {NEO: P, KNOWN: P}, 2),
    "near_assessment_with_code": (
        NOTE_HEAD + "Assessment: 1. Glioblastoma (C71.1), resected 03/2025, on temozolomide.\n",
        {NEO: P}, {NEO: P, KNOWN: P}, 1),
    "near_assessment_code_line": (
        "Clinic letter\nHPI: seen for review of her brain tumour.\nAssessment:\nC71.9 Malignant neoplasm of brain, "
        "unspecified - glioblastoma, resected 2024, on surveillance\n",
        {NEO: P}, {NEO: P, KNOWN: P}, 1),
    "near_problem_list_in_note": (
        NOTE_HEAD + "Problem list\nD32.0 Benign neoplasm of cerebral meninges\n",
        {NEO: P}, {NEO: P, KNOWN: P}, 1),
    "near_hpi_names_code": (
        "Office visit\nHPI: followed for a D32.0 convexity meningioma, resected 2022, now regrowing.\n",
        {NEO: P}, {NEO: P, KNOWN: P}, 1),
    "near_imaging_impression": (
        FORM + "Reason for request (typed): meningioma\n" + PROSE + "\fMRI BRAIN WITH AND WITHOUT CONTRAST "
        "10/20/2026\nFindings: 2.1 cm extra-axial dural-based mass over the right convexity.\nImpression: right "
        "convexity meningioma, enlarged since 2025.\n", {NEO: P}, {NEO: P, KNOWN: P}, 2),
    "near_form_attached_clinical_note": (
        FORM + "Clinical notes:\nSeen in clinic 10/02/2026. Grade 1 meningioma resected 2022, now regrowth along "
        "the falx on the last MRI.\n", {NEO: P}, {NEO: P, KNOWN: P}, 1),
    "near_note_page_after_typed_form": (
        FORM + "Reason for request (typed): glioma\n" + PROSE + "\fProgress note\nHPI: 44-year-old man with a left "
        "frontal oligodendroglioma resected in 2023, now new seizures.\n", {NEO: P}, {NEO: P, KNOWN: P}, 2),
    "near_clinician_typed_field": (
        NOTE_HEAD + "Diagnosis (typed by Dr. Rao, neurosurgery): right convexity meningioma, resected 2022\n",
        {NEO: P}, {NEO: P, KNOWN: P}, 1),
    "near_prose_reason_for_request": (
        "Office visit\nHPI: The reason for the request is her known glioma, resected in 2024, with new seizures.\n",
        {NEO: P}, {NEO: P, KNOWN: P}, 1),
}


@pytest.mark.parametrize(("text", "expected", "documented", "page"), ROWS.values(), ids=ROWS.keys())
def test_form_typed_indication_and_code_lines(analyze: Callable[..., object], text: str,
                                              expected: dict[str, FactStatus], documented: dict[str, FactStatus],
                                              page: int | None) -> None:
    facts: ClinicalFacts = paged_facts_of(analyze, text + REQUEST_TAIL)
    check_facts(facts, expected)
    for name, status in documented.items():
        got = facts.documented[name]
        assert got.status is status, ("documented", name, [(e.text, e.page, e.section) for e in got.evidence])
    if page is not None:
        got = facts.documented[NEO]
        pages = {e.page for e in got.evidence if e.assertion == "present"}
        assert page in pages, [(e.text, e.page, e.section) for e in got.evidence]
