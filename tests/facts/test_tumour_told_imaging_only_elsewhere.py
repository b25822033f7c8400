"""A tumour the packet says rests on imaging alone stays suspected wherever else it is named.

Class: a patient's tumour hedged in one place by an imaging-only / no-tissue rule (context.yaml
poss.imaging_only_aside, poss.imaging_only_said, poss.imaging_only_lead, poss.imaging_only_not_done) is the packet's
own statement that this tumour has no tissue diagnosis. Its other affirmed mentions (a radiology impression, a slide's
or a summary's "Dx:" line) name the same tumour and do not establish it: the concept facts (glial_neoplasm,
brain_neoplasm ...) and so known_brain_tumor are suspected, citing the imaging-only statement (facts/resources/cues.yaml
tumor.rests_on_imaging, tumor.tissue_or_treatment; pipeline/facts/imaging_only.py).

Near misses: tissue or treatment for the tumour (biopsy-proven, resected, s/p chemoradiation; the imaging-only words
about a new nodule), a read with no imaging-only statement anywhere, a systemic cancer with tissue beside a brain
lesion presumed metastatic, and an imaging-only statement about a relative's or a reported case's tumour.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

P, S, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.NOT_DOCUMENTED

CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    "impression read, then a note says no biopsy": (
        "MRI brain 10/02/2026\nImpression: expansile lesion of the pons, appearance typical for a brainstem "
        "glioma.\n\nClinic note 11/10/2026\nAssessment: pontine glioma, diagnosed on MRI alone; no tissue "
        "obtained.\n", {"glial_neoplasm": S, "known_brain_tumor": S, "brain_neoplasm": S}),
    "schwannoma read, then never sampled": (
        "MRI IAC 09/14/2026\nImpression: enhancing intracanalicular mass consistent with a vestibular "
        "schwannoma.\n\nENT letter 10/30/2026\nRight schwannoma presumed radiographically, never sampled.\n",
        {"brain_neoplasm": S, "known_brain_tumor": S}),
    "summary line, then a radiographic diagnosis": (
        "Tumor board slide\nDx: optic pathway glioma\n\nLetter 11/01/2026\nThe glioma of the optic chiasm is a "
        "radiographic diagnosis, no tissue.\n", {"glial_neoplasm": S, "known_brain_tumor": S}),
    "problem list, then not biopsied": (
        "Problem list:\n1. Tectal glioma\n2. Hydrocephalus s/p ETV\n\nNeurosurgery note: tectal glioma, not "
        "biopsied given its location; followed with MRI.\n", {"glial_neoplasm": S, "known_brain_tumor": S}),
    "meningioma read, then an imaging diagnosis aside": (
        "MRI brain: dural-based mass over the left convexity with a dural tail, in keeping with meningioma.\n"
        "Assessment: left convexity meningioma (imaging diagnosis), annual MRI.\n",
        {"brain_neoplasm": S, "known_brain_tumor": S}),
    # near misses
    "near: biopsy-proven, imaging words about a new nodule": (
        "Glioblastoma, biopsy-proven 2024, s/p chemoradiation. New nodule not biopsied, imaging diagnosis of "
        "recurrence.\n", {"glial_neoplasm": P, "known_brain_tumor": P}),
    "near: resected tumour named elsewhere": (
        "MRI: enhancing right frontal mass, typical for a glioblastoma.\nOperative note: glioblastoma resected "
        "10/2026.\nAssessment: glioblastoma, never biopsied before surgery.\n",
        {"glial_neoplasm": P, "known_brain_tumor": P}),
    "near: read with no imaging-only statement": (
        "MRI brain: extra-axial mass, consistent with meningioma.\nAssessment: meningioma, follow-up MRI.\n",
        {"brain_neoplasm": P}),
    "near: lung cancer with tissue, brain lesion presumed on MRI": (
        "Metastatic lung cancer (biopsy of the lung mass). Brain lesion presumed metastatic on MRI alone.\n",
        {"brain_metastasis": N, "brain_neoplasm": N, "known_brain_tumor": N}),
    "near: a relative's tumour diagnosed on imaging only": (
        "Assessment: right frontal glioblastoma, s/p biopsy 09/2026.\nFamily history: his mother had a glioma, "
        "diagnosed on imaging alone, never biopsied.\n", {"glial_neoplasm": P, "known_brain_tumor": P}),
    "near: a reported case diagnosed on imaging": (
        "Impression: left temporal glioma, biopsy-proven 08/2026.\nReferences:\n1. Smith J. A pontine glioma "
        "diagnosed on MRI alone: case report. J Neurooncol. 2019.\n",
        {"glial_neoplasm": P, "known_brain_tumor": P}),
}


@pytest.mark.parametrize(("text", "expected"), list(CASES.values()), ids=list(CASES))
def test_tumour_told_imaging_only_elsewhere(fragment_facts, text: str,  # type: ignore[no-untyped-def]
                                            expected: dict[str, FactStatus]) -> None:
    check_facts(fragment_facts(text), expected)
