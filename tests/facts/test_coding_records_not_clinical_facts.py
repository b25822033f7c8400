"""Coding and clinical documentation integrity (CDI) records are not clinical documentation: facts.

Class: packets carry pages from a hospital's coding or CDI office (coding abstracts, DRG worksheets, CDI queries to
the physician, coder notes). A code title there is what was coded for billing, not what a clinician documented.
1. A coded diagnosis the record marks as not confirmed, provisional, pending a query, disputed or coded under the
   uncertain-diagnosis convention read present ("C71.2 Malignant neoplasm of temporal lobe - CDI query
   outstanding"); it is suspected at most (context.yaml poss.coded_unconfirmed). The "confirmed" of "not confirmed"
   read as a conclusive imaging word (targets.yaml img.conclusive_confirmed now skips it after a denial).
2. A coding abstract, DRG worksheet, CDI query or coder's note (sections.yaml sec.coding_record) is administrative
   like the request form: its mentions still say what is asked (the diagnosis codes), but count for no clinical
   fact an approval rests on (`facts.documented`; documents.yaml administrative_sections, from the heading to the
   next note's opening or the page's end: pipeline/facts/documents.py administrative_spans).

Near misses keep their reading: a clinician's assessment listing a code with its diagnosis, a pathology report,
"confirmed on biopsy", a CDI query answered in the physician's own note, "not confirmed" said of another diagnosis
on the same line, a code title's "neoplasm of uncertain behavior", a clinical note's "glioma, not confirmed"
without a code (suspected by the note's own hedge, not by the coding rule), a progress note on the page before or after a coding abstract.

Limits: the hedge needs an ICD-10-CM code or a coding word before the mark in its sentence; a coding record is only
recognised by its heading (a coding abstract with no heading is read as a form page or as text); the record runs to
the next note's opening or its page's end (a record running on to a second page without a heading is clinical).

Rows: id, text (pages separated by form feeds), the expected statuses in the facts, the expected statuses in the
documented view (what an approval rests on). Rows whose id starts with "near" keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, paged_facts_of

from pipeline.contracts import ClinicalFacts, FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
NEO, MET, INF = "brain_neoplasm", "brain_metastasis", "brain_infection"
ENC, MITO, MS, IEM, CODES = ("encephalopathy", "mitochondrial_disorder", "multiple_sclerosis",
                             "inborn_error_of_metabolism", "diagnosis_codes")

Row = tuple[str, dict[str, FactStatus], dict[str, FactStatus]]

ROWS: dict[str, Row] = {
    # ------------------------------------------------ rule 1: a coded diagnosis marked unsettled is suspected
    "query-outstanding": ("Principal dx: C71.2 Malignant neoplasm of temporal lobe - CDI query outstanding\n",
                          {NEO: S, CODES: P}, {}),
    "pending-physician-query": ("Secondary diagnoses\nG93.41 Metabolic encephalopathy (pending physician query)\n",
                                {ENC: S, CODES: P}, {}),
    "not-yet-confirmed-per-coder": ("C79.31 Secondary malignant neoplasm of brain (not yet confirmed per coder)\n",
                                    {MET: S}, {}),
    "disputed-query-open": ("G04.90 Encephalitis and encephalomyelitis, unspecified - disputed by attending, "
                            "query open\n", {INF: S}, {}),
    "coded-as-if-established": ("C71.9 Malignant neoplasm of brain, unspecified (coded as if established, "
                                "inpatient convention)\n", {NEO: S}, {}),
    "uncertain-dx-rule": ("E71.41 Primary carnitine deficiency (coded per uncertain-diagnosis rule)\n", {IEM: S}, {}),
    "provisional-per-cdi": ("G93.49 Other encephalopathy - provisional per CDI specialist\n", {ENC: S}, {}),
    "query-in-progress": ("C79.31 Secondary malignant neoplasm of brain - POA Y - query in progress\n", {MET: S}, {}),
    "not-confirmed-no-conclusive-read": (
        "MRI brain 10/2026: enhancing left frontal mass.\nC71.1 Malignant neoplasm of frontal lobe (query pending - "
        "not confirmed)\n", {NEO: S}, {}),
    # ------------------------------------------------ rule 2: a coding or CDI record is not clinical documentation
    "coding-abstract": ("CODING ABSTRACT\nPrincipal diagnosis: C71.1 Malignant neoplasm of frontal lobe\nPOA: Y\n"
                        "MS-DRG 025\n", {NEO: P, CODES: P}, {NEO: N, CODES: P}),
    "drg-worksheet": ("DRG Worksheet\nPrincipal: C79.31 Secondary malignant neoplasm of brain\nSeverity: major\n",
                      {MET: P}, {MET: N, NEO: N}),
    "coder-notes-then-note-page": ("Coder notes\nC71.1 Malignant neoplasm of frontal lobe, POA Y\n\f"
                                   "Progress note\nAssessment: headaches, MRI pending.\n", {NEO: P}, {NEO: N}),
    "cdi-query-clinical-indicators": (
        "Clinical Documentation Integrity Query\nDr. Osei, the record lists G35 Multiple sclerosis. Clinical "
        "indicators: relapsing optic neuritis, oligoclonal bands.\nPlease document your clinical judgement.\n",
        {MS: P}, {MS: N}),
    "physician-query-page-after-note": (
        "Progress note\nAssessment: headaches, MRI ordered.\n\fPhysician query\nDiagnosis coded: C71.0 Malignant "
        "neoplasm of cerebrum, except lobes and ventricles\nPlease confirm in your documentation.\n",
        {NEO: P}, {NEO: N}),
    "abstract-under-note-same-page": (
        "Progress note\nAssessment: new headaches, MRI brain ordered.\nCoding abstract\nPrincipal diagnosis: C71.1 "
        "Malignant neoplasm of frontal lobe\nSecondary: G40.909 Epilepsy, unspecified\n", {NEO: P}, {NEO: N}),
    "drg-worksheet-after-hpi": (
        "HPI: 61-year-old man with new focal seizures.\nDRG worksheet\nMS-DRG 054 Nervous system neoplasms with MCC. "
        "Principal C79.31 Secondary malignant neoplasm of brain.\n", {MET: P}, {MET: N}),
    "cdi-query-with-findings": (
        "CDI query\nFindings: MRI 09/2026 shows a right parietal lesion with ring enhancement.\nCoded: G06.0 Intracranial "
        "abscess and granuloma. Please clarify whether the documentation supports this.\n", {}, {INF: N}),
    # ------------------------------------------------ near misses
    "near_note_names_coding_midline": (
        "Progress note\nAssessment: glioblastoma resected 2025; the coding abstract was reviewed with the family.\n",
        {NEO: P}, {NEO: P}),
    "near_assessment_lists_code": ("Assessment/Plan: C71.0 Glioblastoma, right frontal (resected 01/2026). "
                                   "Continue temozolomide.\n", {NEO: P, CODES: P}, {NEO: P}),
    "near_pathology_report": ("SURGICAL PATHOLOGY REPORT\nFinal diagnosis: Glioblastoma, IDH-wildtype, WHO grade 4, "
                              "left temporal.\n", {NEO: P}, {}),
    "near_confirmed_on_biopsy": ("Oligodendroglioma confirmed on biopsy 2025 (C71.1).\n", {NEO: P}, {NEO: P}),
    "near_query_answered_in_note": (
        "Progress note\nAssessment: In reply to the CDI query, recurrent glioblastoma, confirmed by pathology "
        "10/2026.\n", {NEO: P}, {NEO: P}),
    "near_other_dx_not_confirmed": ("C71.1 Glioblastoma of frontal lobe, biopsy 02/2026; leptomeningeal metastasis "
                                    "not confirmed\n", {NEO: P}, {}),
    "near_uncertain_behavior_title": ("D43.0 Neoplasm of uncertain behavior of brain, supratentorial\n", {NEO: S},
                                      {}),
    # (poss.coded_unconfirmed does not fire without a code; the note's own "not confirmed" hedges it: a diagnosis
    # awaiting confirmation is suspected, poss.not_confirmed_after, tests/nlp/test_diagnosis_not_confirmed.py)
    "near_note_without_code": ("Glioma, not confirmed.\n", {NEO: S}, {}),
    "near_note_page_before_abstract": (
        "Progress note\nAssessment: glioblastoma, left parietal, resected 04/2026.\n\fCoding abstract\n"
        "Principal diagnosis: C71.3 Malignant neoplasm of parietal lobe\n", {NEO: P}, {NEO: P}),
    "near_note_after_coder_notes": (
        "Coder notes\nC71.1 Malignant neoplasm of frontal lobe, POA Y\nProgress note\nAssessment: glioblastoma "
        "resected 2025, stable.\n", {NEO: P}, {NEO: P}),
    "near_clinical_provisional": ("Assessment: brain abscess, provisional diagnosis pending cultures.\n", {INF: S},
                                  {INF: S}),
    "near_mito_hedged_by_note": ("E88.40 Mitochondrial metabolism disorder, unspecified - provisional\n",
                                 {MITO: S}, {}),
}


@pytest.mark.parametrize(("text", "expected", "documented"), ROWS.values(), ids=ROWS.keys())
def test_coding_records_are_not_clinical(analyze: Callable[..., object], text: str,
                                         expected: dict[str, FactStatus], documented: dict[str, FactStatus]) -> None:
    facts: ClinicalFacts = paged_facts_of(analyze, text + REQUEST_TAIL)
    check_facts(facts, expected)
    for name, status in documented.items():
        got = facts.documented[name]
        assert got.status is status, ("documented", name, [(e.text, e.page) for e in got.evidence])
