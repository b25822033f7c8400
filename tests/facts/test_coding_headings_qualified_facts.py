"""Coding and CDI record headings with a qualifier, an id, a date or a parenthetical: facts.

Class: sections.yaml sec.coding_record knew its headings only bare ("Coding summary", "CDI query", "Physician
query"). A heading with a qualifier word before or between those words ("HIM final coding summary", "CDI follow-up
query", "Concurrent physician documentation query") or an id, date, request number or parenthetical after them
("Physician query #Q-3310 (multiple choice)   Sent 09/14/2026", "Retrospective coding review - encounter 6620",
"Inpatient coding abstract (preliminary)") was missed, so the codes and ticked answers under it counted as clinical
documentation. Such a heading now starts a coding record (sec.coding_record `qualified`: qualifier words before and
between the heading's words, and an id / date / parenthetical / request number tail, alone on its line or closed by
a colon or a dash): its mentions still say what is asked, but document no disease for an approval
(`facts.documented`; documents.yaml administrative_sections).

Near misses keep their reading: a pathology report or discharge summary marked final, a clinician's note opening
after the query (it ends the coding record), "Physician summary:" with a disease, "coding" said in an HPI without a
heading, "Coding summary reviewed with ..." in running text, "Final diagnosis:", a clinical summary marked final,
a note on the page before a qualified query heading.

Limits: the qualifier and tail words are a closed list (sections.yaml); a heading with free words after its
phrase ("Coding summary for Dr. Amari's patient") is still missed; a coding record with no heading at all stays
clinical; a note opening that sec.note_start does not know does not end the record, so that note's disease stays
undocumented until its page ends (hyphenated services such as "Neuro-oncology" and "Heme-onc" are known: their first
part is a token of its own).

Rows: id, text (pages separated by form feeds; LEAD opens the first page), the expected statuses in the documented view (what an approval
rests on). Rows whose id starts with "near" keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import REQUEST_TAIL, paged_facts_of

from pipeline.contracts import ClinicalFacts, FactStatus

P, S, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.NOT_DOCUMENTED
NEO, MET, INF = "brain_neoplasm", "brain_metastasis", "brain_infection"
ENC, MITO, MS, IEM = "encephalopathy", "mitochondrial_disorder", "multiple_sclerosis", "inborn_error_of_metabolism"

# every row opens its first page with a clinician's line, so the page is clinical documentation (not a request form)
LEAD = "HPI: 52-year-old seen today in follow-up.\n"

ROWS: dict[str, tuple[str, dict[str, FactStatus]]] = {
    # ------------------------------------------------ a qualified coding or CDI heading starts a coding record
    "him-final-summary-acct": (
        "HIM final coding summary - acct 77120\nPrincipal diagnosis: C71.3 Malignant neoplasm of parietal lobe\n"
        "POA: Y\n", {NEO: N}),
    "cdi-physician-query-id-choice-date": (
        "CDI physician query #Q-2290 (multiple choice)   Sent 11/03/2026\nBased on the clinical indicators please "
        "clarify the diagnosis:\n[X] Glioblastoma, left temporal lobe\n[ ] Other\n", {NEO: N}),
    "retrospective-review-encounter": (
        "Retrospective coding review - encounter 40213\nC79.31 Secondary malignant neoplasm of brain, POA Y\n",
        {MET: N}),
    "concurrent-cdi-query-second-request": (
        "Concurrent CDI query (second request)\nDr. Haddad, the record lists G35 Multiple sclerosis. Clinical "
        "indicators: optic neuritis, oligoclonal bands.\n", {MS: N}),
    "final-drg-validation-summary": (
        "Final MS-DRG validation summary\nPrincipal: G04.90 Encephalitis and encephalomyelitis, unspecified\n",
        {INF: N}),
    "documentation-query-third-request": (
        "Physician documentation query, 3rd request\nPlease specify the type of encephalopathy.\n"
        "[X] G93.41 Metabolic encephalopathy\n", {ENC: N}),
    "inpatient-abstract-preliminary": (
        "Inpatient coding abstract (preliminary)\nPrincipal diagnosis: E88.40 Mitochondrial metabolism disorder, "
        "unspecified\n", {MITO: N}),
    "prebill-summary-dated-colon": (
        "Pre-bill coding summary 10/14/2026:\nC71.1 Malignant neoplasm of frontal lobe\nMS-DRG 026\n", {NEO: N}),
    "provider-query-open-ended-dated": (
        "Provider query (open-ended) - dated 09/30/2026\nDr. Lindqvist, please document the clinical significance "
        "of: E71.41 Primary carnitine deficiency\n", {IEM: N}),
    "cdi-follow-up-query-number": (
        "CDI follow-up query #5531\nThe discharge abstract lists C79.31 Secondary malignant neoplasm of brain.\n",
        {MET: N}),
    "outpatient-worksheet-dos": (
        "Outpatient coding worksheet, DOS 08/12/2026\nE71.41 Primary carnitine deficiency\n", {IEM: N}),
    "him-validation-page-after-note": (
        "Progress note\nAssessment: new headaches, MRI brain ordered.\n\fHIM coding validation (final)\n"
        "C71.9 Malignant neoplasm of brain, unspecified\n", {NEO: N}),
    "query-upper-case-mrn": (
        "CDI CLINICAL DOCUMENTATION QUERY #2 - MRN 4410928 - RESPONSE REQUESTED\nThe abstract lists G35 Multiple "
        "sclerosis; please confirm.\n", {MS: N}),
    # ------------------------------------------------ near misses: keep their reading
    "near_final_pathology_report": (
        "FINAL SURGICAL PATHOLOGY REPORT\nDiagnosis: Glioblastoma, IDH-wildtype, WHO grade 4, right frontal.\n",
        {NEO: P}),
    "near_note_after_query_ends_it": (
        "CDI physician query #Q-871 (yes/no)\n[X] C79.31 Secondary malignant neoplasm of brain\n"
        "Neurosurgery progress note\nAssessment: glioblastoma resected 2024, stable on surveillance MRI.\n",
        {NEO: P}),
    "near_hyphenated_service_note_ends_it": (
        "HIM coding summary (final)\nC71.9 Malignant neoplasm of brain, unspecified\n"
        "Neuro-oncology progress note\nAssessment: anaplastic astrocytoma, resected 2025, on temozolomide.\n",
        {NEO: P}),
    "near_heme_onc_note_ends_it": (
        "Concurrent CDI query #5120\n[X] C83.39 Diffuse large B-cell lymphoma\n"
        "Heme-onc progress note\nAssessment: primary CNS lymphoma diagnosed on biopsy 08/2026, on methotrexate.\n",
        {NEO: P}),
    "near_physician_summary": ("Physician summary: oligodendroglioma, resected 2023, on surveillance.\n", {NEO: P}),
    "near_hpi_mentions_coding": (
        "HPI: 9-year-old girl with focal seizures. Seizure coding came up when we met with her parents; MRI "
        "showed a right temporal ganglioglioma.\n", {NEO: P}),
    "near_discharge_summary_final": (
        "Discharge summary (final)\nDiagnosis: brain abscess, drained 10/2026, on ceftriaxone.\n", {INF: P}),
    "near_coding_summary_in_running_text": (
        "Coding summary reviewed with the parents today. Assessment: recurrent glioblastoma, on bevacizumab.\n",
        {NEO: P}),
    "near_final_diagnosis": ("Final diagnosis: multiple sclerosis, relapsing-remitting.\n", {MS: P}),
    "near_clinical_summary_final": (
        "Clinical summary (final)\nRelapsing-remitting multiple sclerosis diagnosed 2021, on ocrelizumab.\n",
        {MS: P}),
    "near_note_page_before_query": (
        "Progress note\nAssessment: glioblastoma, left parietal, resected 04/2026.\n\fCDI follow-up query #77\n"
        "C71.3 Malignant neoplasm of parietal lobe\n", {NEO: P}),
    "near_final_progress_note_dated": (
        "Final progress note - 10/02/2026\nAssessment: brain abscess drained, on ceftriaxone.\n", {INF: P}),
}


@pytest.mark.parametrize(("text", "documented"), ROWS.values(), ids=ROWS.keys())
def test_qualified_coding_headings(analyze: Callable[..., object], text: str,
                                   documented: dict[str, FactStatus]) -> None:
    facts: ClinicalFacts = paged_facts_of(analyze, LEAD + text + REQUEST_TAIL)
    for name, status in documented.items():
        got = facts.documented[name]
        assert got.status is status, ("documented", name, [(e.text, e.page) for e in got.evidence])
