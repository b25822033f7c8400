"""Reference material and literature sections are not the patient's record: facts.

Class: offices pad packets with printed reference material (patient-education leaflets, guideline or review
excerpts, drug monographs, order-set or protocol pages, brochures), and physicians send journal-style case
write-ups whose Introduction / Discussion / Learning points / References review diseases in general and other
patients. Their mentions are no fact about the patient:
1. A reference page (documents.yaml `reference_material.page_marks`: a copyright or "all rights reserved" line, a
   publisher's or foundation's URL footer, a leaflet's "for patients and families" title, a protocol or order-set
   page heading) with no patient field of its own: its mentions are set aside like another patient's page, except a
   line the office wrote on it about this patient (`kept_lines`).
2. A write-up's literature sections (sections.yaml sec.literature: Introduction, Literature review, Learning
   points, Take-home points, References ...) and a "Discussion" after a case presentation (sec.case_presentation;
   documents.yaml `reference_material.write_up_headers`) are set aside; the case presentation counts.
3. A numbered citation line ("1. Author A. Title. Journal. 2019;12:34-45.") is set aside wherever it stands.

Near misses keep their reading: a clinic note's "Discussion:" about this patient, "Discussed with the patient's
mother", an assessment citing a paper in one line, a patient-portal print with a URL footer and the patient's own
results, the office's note on a leaflet about this patient.

Limits: see pipeline/facts/reference_material.py.

Rows: id, text (pages separated by form feeds), the expected statuses in the facts. Rows whose id starts with
"near" keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, paged_facts_of

from pipeline.contracts import ClinicalFacts, FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
NEO, GLIAL, MET, LYM, INF, SZ = ("brain_neoplasm", "glial_neoplasm", "brain_metastasis", "cns_lymphoma",
                                 "brain_infection", "seizures")
NOTE = "Progress note\nHPI: 44-year-old woman with headaches for two months. MRI brain ordered.\n"

ROWS: dict[str, tuple[str, dict[str, FactStatus]]] = {
    # ------------------------------------------------ rule 1: reference pages
    "leaflet-copyright-footer": (
        NOTE + "\fLiving with a brain tumour: a guide for patients and families\nAn astrocytoma is a tumour that grows "
        "from glial cells. Many people with glioma have seizures.\n(c) 2024 Neuro Support Society. All rights "
        "reserved. www.neurosupport.example.org\n", {NEO: N, GLIAL: N, SZ: N}),
    "leaflet-title-only": (
        NOTE + "\fPATIENT INFORMATION LEAFLET\nWhat is a brain abscess?\nA brain abscess is a collection of pus "
        "in the brain, usually caused by bacteria.\n", {INF: N}),
    "protocol-page-seizures": (
        NOTE + "\fPaediatric status epilepticus protocol - section 4: treatment of seizures\nIf seizures persist "
        "after 5 minutes give lorazepam; if they continue, give levetiracetam.\n", {SZ: N}),
    "order-set-page": (
        NOTE + "\fSuspected CNS infection order set (version 3)\nFor encephalitis or brain abscess: blood cultures, "
        "LP if safe, start acyclovir.\n", {INF: N}),
    "drug-monograph": (
        NOTE + "\fTemozolomide - drug monograph\nIndicated for newly diagnosed glioblastoma and refractory anaplastic "
        "astrocytoma.\nCopyright 2023 Example Drug Information Inc.\n", {NEO: N, GLIAL: N}),
    # ------------------------------------------------ rule 2: write-up literature sections
    "write-up-discussion": (
        "Case presentation\nA 52-year-old man presented with confusion. MRI showed a ring-enhancing right frontal "
        "lesion.\nDiscussion\nThe differential of a ring-enhancing lesion includes primary CNS lymphoma, abscess and "
        "metastasis. Lymphoma is typically periventricular.\n", {LYM: N, MET: N}),
    "write-up-introduction-learning-points": (
        "Introduction\nBrain metastases are the most common intracranial tumours in adults.\nCase report\nA "
        "60-year-old woman presented with headaches.\nLearning points\n- Abscess can mimic metastasis on MRI.\n",
        {MET: N, INF: N}),
    "references-heading": (
        NOTE + "REFERENCES\n1. Lee K, Park J. Proton MR spectroscopy in glioblastoma. J Neurooncol. "
        "2019;141(2):315-22.\n2. Ortiz M et al. Imaging of brain abscess. Radiology. 2020;294:12-25.\n",
        {NEO: N, INF: N}),
    "citation-lines-without-heading": (
        NOTE + "1. Chen Y, Wu H. Spectroscopy of cerebral abscess versus metastasis. AJNR Am J Neuroradiol. "
        "2018;39(4):700-6.\n", {INF: N, MET: N}),
    # ------------------------------------------------ near misses
    "near_clinic_discussion_about_patient": (
        "Progress note\nHPI: new seizures.\nDiscussion: her MRI shows an enhancing left temporal mass concerning "
        "for glioblastoma.\n", {NEO: S, SZ: P}),
    "near_discussed_with_mother": (
        "Progress note\nDiscussed with the patient's mother: he had two seizures last week.\n", {SZ: P}),
    "near_assessment_cites_paper": (
        "Assessment and plan: recurrent glioblastoma vs radiation necrosis; per Smith 2020, MRS can help - "
        "ordering.\n", {NEO: S}),
    "near_portal_print_url_footer": (
        "MyHealth portal - test results\nPatient: Jane Roe  DOB: 01/02/1980\nMRI brain 10/02/2026: enhancing "
        "right frontal mass, likely glioblastoma.\nhttps://myhealth.example.org/results\n", {NEO: S}),
    "near_office_note_on_leaflet": (
        NOTE + "\fUnderstanding meningioma - a guide for patients and families\nMeningiomas are usually benign "
        "tumours.\nApplies to our patient: glioblastoma on MRI 10/02/2026, see report.\n(c) 2025 Example Brain "
        "Foundation. All rights reserved.\n", {NEO: P}),
    "near_imaging_report_protocol_title": (
        NOTE + "\fEXAM: MRI BRAIN WITH AND WITHOUT CONTRAST, TUMOR PROTOCOL\nIMPRESSION: enhancing left frontal "
        "mass, likely glioblastoma.\n", {NEO: S}),
    "near_protocol_given_line": (
        "ED note\nStatus epilepticus protocol initiated for ongoing seizures.\n", {SZ: P}),
    "case-presentation-counts-discussion-not": (
        "Case presentation\nA 52-year-old man with biopsy-proven primary CNS lymphoma, diagnosed 2025.\nDiscussion\n"
        "Abscess is a rare mimic.\n", {LYM: P, INF: N}),
}


@pytest.mark.parametrize(("text", "expected"), ROWS.values(), ids=ROWS.keys())
def test_reference_material_is_not_the_patients(analyze: Callable[..., object], text: str,
                                                expected: dict[str, FactStatus]) -> None:
    facts: ClinicalFacts = paged_facts_of(analyze, text + REQUEST_TAIL)
    check_facts(facts, expected)
