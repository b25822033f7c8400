"""A known tumor must be established when the same packet holds a tumor in question.

HealthHelp's "Brain tumors are known" is an established diagnosis: pathology, prior tumor treatment, or a diagnosis
stated as made (annotations/ADJUDICATIONS.md, dev-003). When a packet weighs a neoplasm (a differential, a hedge, a
tumor against a non-tumor diagnosis) a single affirmed mention elsewhere (a sentence about what a result would
mean, a comparison, a loose summary) does not make the tumor known: `known_brain_tumor` is then suspected unless
tissue, tumor treatment (`prior_tumor_treatment`) or a diagnosis made (cue `tumor.diagnosis_made`) stands behind
an affirmed mention. A packet with no tumor in question reads as before.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

P, S = FactStatus.PRESENT, FactStatus.SUSPECTED
KNOWN = "known_brain_tumor"

# case, text, expected status of known_brain_tumor
CASES = [
    ("a differential, and an affirmed mention in the plan",
     "Assessment: solitary periventricular lesion, toxoplasmosis vs CNS lymphoma.\n"
     "Plan: MRS; the lymphoma workup continues with hematology.\n", S),
    ("a hedged glioma and a bare glioma in the summary line",
     "MRI: expansile T2 lesion of the right insula, possibly a low-grade glioma versus cortical dysplasia.\n"
     "Summary: right insular glioma, for MRS.\n", S),
    ("a metastasis weighed against an abscess, then named plainly",
     "Impression: ring-enhancing lesion; differential includes abscess and metastasis.\n"
     "Oncology note: metastasis workup with CT chest ordered.\n", S),
    ("a suspected tumor, and the plan speaks of tumor treatment to come",
     "A: left temporal mass, neoplasm suspected, versus subacute infarct.\n"
     "P: neurosurgery to see him about tumor surgery if MRS supports it.\n", S),
    ("a future biopsy establishes nothing",
     "Lesion: demyelination vs glioma. If the spectrum favours glioma, the glioma will go to stereotactic biopsy.\n",
     S),
    # established: tissue, treatment or a diagnosis made
    ("biopsy-proven, with a new question of necrosis",
     "Biopsy-proven glioblastoma of the right frontal lobe.\n"
     "New enhancement: recurrence vs radiation necrosis, cannot exclude either.\n", P),
    ("pathology showed, then a grade question",
     "Stereotactic biopsy 2025: pathology showed a diffuse astrocytoma.\n"
     "Now: possible transformation to a high-grade glioma.\n", P),
    ("diagnosed with, and a hedged second lesion",
     "She was diagnosed with a meningioma in 2019.\nA new parietal lesion may represent a second meningioma or a "
     "metastasis.\n", P),
    ("a WHO grade and IDH status, and a differential of progression",
     "Oligodendroglioma, WHO grade 2, IDH-mutant, 1p/19q-codeleted.\n"
     "New FLAIR signal: tumor progression versus treatment-related change.\n", P),
    ("prior resection establishes the tumor",
     "Ependymoma of the fourth ventricle, gross total resection 2023.\n"
     "Current MRI: nodular enhancement, residual tumor vs postoperative change.\n", P),
    ("known metastatic disease to the brain and a hedged new lesion",
     "Known brain metastases from lung adenocarcinoma.\nNew cerebellar focus: possibly another metastasis.\n", P),
    ("her treated tumor, and its recurrence in question",
     "Question: recurrent meningioma versus post-radiation change at the margin of her previously treated "
     "meningioma.\n", P),
    ("a history of the tumor, and a new lesion that may be its return",
     "Hx of pilocytic astrocytoma in childhood. New cerebellar nodule, possibly recurrent astrocytoma.\n", P),
    # near misses: no tumor in question, the reading is unchanged
    ("near miss: a plain glioma with no differential",
     "Assessment: right frontal glioma found on MRI last month.\nPlan: MRS for grading.\n", P),
    ("near miss: a hedge alone stays suspected",
     "MRI: left thalamic lesion, low-grade glioma vs gliosis.\n", S),
]


@pytest.mark.parametrize(("case", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_a_tumor_in_question_is_known_only_when_established(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), {KNOWN: expected})
