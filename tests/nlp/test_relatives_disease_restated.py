"""A relative's disease named a second time through a pronoun for the relative stays the relative's (experiencer).

Class: the first mention of a relative's disease is family ("Dad had a glioblastoma"), but its restatement later in
the sentence or in the next one, through a possessive or a pronoun that points back to the relative ("; his tumor was
treated at Duke", ". Her MS was diagnosed at 40"), was read as the patient's (present) whenever the relative cue's own
scope had ended: at a terminator (";", "but", "since", "which", "now", "currently"), past its ten tokens, or at the
sentence's end in a clinical (not first-person) note.

Rule (context.yaml scope `relative_restated`, id scope.relative_restated, over the cues fam.relative_has,
fam.relative_named and fam.relative_possessive): a target of the same disease group as a target the relative's cue
made FAMILY (seizure/epilepsy, MS/demyelination, a brain neoplasm, an inborn error, a brain infection), later in its
sentence or in the next sentence of its paragraph (when the relative opens its own sentence and the next opens with a
pronoun for the relative), is the relative's when the nearest pronoun before it (at most 8 words back, no patient
cue, no other person and no clause end between) stands for the relative: a possessive ("his seizures", "her MS")
always; a subject pronoun that opens its clause ("He had the tumor resected") only when it cannot be the patient
(the relative named after the other sex's possessive, "Her father ... He", or after a lay writer's "my"/"our"). A
possessive or clause-opening subject that cannot stand for the relative (the other sex, the writer) takes such a
target out of the relative's cue in its sentence ("Her father has epilepsy and she has had two seizures herself", "My brother has epilepsy and I take
lamotrigine for my seizures": the patient's).

Also here: a relative's clinician who advises or orders something for the patient ("her sister's doctor recommended
MRS for her") is no relative's possessive (fam.relative_possessive's needs_after), and a blank line ends the
paragraph that a lay letter's relative goes on in (scope.relative_subject: the blank line after a sentence was read
as part of it).

Near misses keep the patient's reading: the patient named between ("she (the patient)", "The patient's seizures",
"the patient's tumor", "he himself"), a patient-subject note ("She reports her seizures are more frequent"), another
section with no relative as subject, "her own seizures", a pronoun of the other sex, a subject pronoun that may be the
patient ("Her mother has epilepsy. She has had two seizures this month"), a next sentence that does not open with the
pronoun ("We are requesting MRS to characterize her tumor"), another disease ("Her sister has MS. Her seizures began
in March"), a new paragraph.

Limits: only the restated disease (a symptom or finding of another group, "Dad had a glioblastoma; his headaches
...", keeps its reading); a subject pronoun restatement whose relative is named without a possessive ("Mother had
epilepsy. She has had seizures since June") is left to the patient, as is one after a same-sex possessive ("Her aunt
has MS; she was found to have demyelination"); one next sentence only; a possessive restatement after a same-sex
relative ("His brother has epilepsy. His seizures ...") is read as the relative's, as the pronoun's nearest antecedent.

Rows: id, text, concept, the mention's text, which occurrence of that text (0 = first), expected modifiers among
{family}. Ids starting "near" must keep the patient's reading. Facts: the FACT_ROWS below.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from text_to_criteria import check_facts, check_mention, facts_of

from pipeline.contracts import FactStatus, Mention

F: set[str] = {"family"}
NONE: set[str] = set()
AMONG = {"family"}

CASES: dict[str, tuple[str, str, str, int, set[str]]] = {
    # ------------------------------------------------ restated in the sentence, past the relative cue's scope
    "semicolon-his-tumor": ("Dad had a glioblastoma; his tumor was treated at Duke.", "BRAIN_TUMOR", "tumor", 0, F),
    "since-semicolon-his-seizures": ("Her brother has had epilepsy since childhood; his seizures are now controlled "
                                     "on levetiracetam.", "SEIZURE", "seizures", 0, F),
    "long-sentence-her-ms": ("Her aunt was diagnosed with multiple sclerosis at age 34 after an episode of optic "
                             "neuritis and her MS has remained mild since.", "MULTIPLE_SCLEROSIS", "MS", 0, F),
    "semicolon-her-cjd": ("Maternal grandmother had CJD; her CJD was confirmed at autopsy.", "BRAIN_INFECTION", "CJD",
                          1, F),
    "semicolon-her-ms-other-sex": ("His mother was diagnosed with relapsing MS in 2001; her MS has been quiet on "
                                   "interferon since.", "MULTIPLE_SCLEROSIS", "MS", 0, F),
    "which-clause-his-tumor": ("Paternal uncle had a medulloblastoma as a child, which was treated with craniospinal "
                               "radiation, and his tumor never came back.", "BRAIN_TUMOR", "tumor", 0, F),
    "but-his-seizures": ("Her brother has epilepsy, but his seizures are well controlled.", "SEIZURE", "seizures", 0,
                         F),
    "she-receives-for-her-ms": ("Sister with multiple sclerosis since 2010; she currently receives ocrelizumab for "
                                "her MS.", "MULTIPLE_SCLEROSIS", "MS", 0, F),
    "their-ald": ("Her two brothers have adrenoleukodystrophy; their ALD was found on newborn screening.",
                  "LEUKODYSTROPHY", "ALD", 0, F),
    "her-metastases": ("His mother had breast cancer with brain metastases; her metastases were treated with "
                       "radiosurgery.", "BRAIN_METASTASIS", "metastases", 0, F),
    "lay-he-then-his-tumour": ("My grandfather had a glioblastoma; he had surgery but his tumour came back within a "
                               "year.", "BRAIN_TUMOR", "tumour", 0, F),
    # ------------------------------------------------ restated in the next sentence
    "next-her-seizures": ("His sister has epilepsy. Her seizures started at age 12.", "SEIZURE", "seizures", 0, F),
    "next-his-melas": ("Her cousin has MELAS. His MELAS was confirmed by mtDNA sequencing.", "MITOCHONDRIAL", "MELAS",
                       1, F),
    "next-he-other-sex": ("Her father had a meningioma. He had the tumor resected in 2015.", "BRAIN_TUMOR", "tumor",
                          0, F),
    "next-her-ms-same-sex": ("Her sister has MS. Her MS was diagnosed at 40.", "MULTIPLE_SCLEROSIS", "MS", 1, F),
    "next-she-then-her-seizures": ("Mother had epilepsy. She was on phenytoin for her seizures for 30 years.",
                                   "SEIZURE", "seizures", 0, F),
    # ------------------------------------------------ the brief's wordings already read so (kept)
    "kept-takes-for-his-seizures": ("My brother has epilepsy and takes lamotrigine for his seizures.", "SEIZURE",
                                    "seizures", 0, F),
    "kept-his-leigh-disease": ("Our son has Leigh syndrome and his Leigh disease was confirmed by exome.",
                               "MITOCHONDRIAL", "Leigh disease", 0, F),
    "kept-dash-her-cjd": ("Grandmother with CJD - her CJD was sporadic.", "BRAIN_INFECTION", "CJD", 1, F),
    # a subject pronoun inside a subordinate clause takes nothing out of the relative's cue
    "kept-after-she-was-born": ("Her father developed epilepsy after she was born and seizures were frequent.",
                                "SEIZURE", "seizures", 0, F),
    # ------------------------------------------------ near misses: the patient's
    "near-patient-in-brackets": ("Her mother had MS; she (the patient) has had two seizures.", "SEIZURE", "seizures",
                                 0, NONE),
    "near-patients-seizures": ("Mother has epilepsy. The patient's seizures began at 14.", "SEIZURE", "seizures", 0,
                               NONE),
    "near-he-himself": ("His father had a meningioma, and he himself now has headaches and a frontal mass.",
                        "BRAIN_LESION", "frontal mass", 0, NONE),
    "near-patient-subject-note": ("She reports her seizures are more frequent.", "SEIZURE", "seizures", 0, NONE),
    "near-another-section": ("Family history: brother epilepsy.\nHPI: her seizures began last year.", "SEIZURE",
                             "seizures", 0, NONE),
    "near-sisters-doctor": ("Her sister's doctor recommended MRS for her.", "MRS_REQUEST", "recommended MRS", 0,
                            NONE),
    "near-other-sex-possessive": ("Her brother has epilepsy, but her seizures are different.", "SEIZURE", "seizures",
                                  0, NONE),
    "near-other-sex-subject": ("Her father has epilepsy and she has had two seizures herself.", "SEIZURE",
                               "seizures", 0, NONE),
    "near-the-writer": ("My brother has epilepsy and I take lamotrigine for my seizures.", "SEIZURE", "seizures", 0,
                        NONE),
    "near-her-own": ("Her mother has epilepsy; her own seizures began at 14.", "SEIZURE", "seizures", 0, NONE),
    "near-same-sex-subject-next": ("Her mother has epilepsy. She has had two seizures this month.", "SEIZURE",
                                   "seizures", 0, NONE),
    "near-bare-relative-subject-next": ("Mother had epilepsy. She has had three seizures since June.", "SEIZURE",
                                        "seizures", 0, NONE),
    "near-she-now-has": ("Her brother had a glioma; she now has a left frontal glioma.", "GLIOMA", "glioma", 1, NONE),
    "near-next-not-opened-by-pronoun": ("Her aunt was diagnosed with a brain tumor. We are requesting MRS to "
                                        "characterize her tumor.", "BRAIN_TUMOR", "tumor", 0, NONE),
    "near-patients-tumor": ("The patient's father had a glioblastoma; the patient's tumor is a low-grade glioma.",
                            "GLIOMA", "low-grade glioma", 0, NONE),
    "near-another-disease": ("Her sister has MS. Her seizures began in March.", "SEIZURE", "seizures", 0, NONE),
    "near-new-paragraph": ("His brother has epilepsy.\n\nHis seizures began last year.", "SEIZURE", "seizures", 0,
                           NONE),
    "near-lay-new-paragraph": ("My brother has epilepsy.\n\nHis seizures began last year.", "SEIZURE", "seizures", 0,
                               NONE),
    "near-third-sentence": ("Her father had a glioma. His glioma was resected. She now presents with a new frontal "
                            "glioma.", "GLIOMA", "glioma", 2, NONE),
}


@pytest.mark.parametrize(("text", "concept", "span", "nth", "expected"), CASES.values(), ids=CASES.keys())
def test_relatives_disease_restated(mentions: Callable[[str], list[Mention]], text: str, concept: str, span: str,
                                    nth: int, expected: set[str]) -> None:
    check_mention(mentions, text, concept, span, expected, among=AMONG, nth=nth)


P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED
R = "Request date: 11/20/2026\nMR spectroscopy requested.\n"

FACT_ROWS: dict[str, tuple[str, dict[str, Any]]] = {
    "semicolon-his-tumor": (R + "Dad had a glioblastoma; his tumor was treated at Duke.\n",
                            {"brain_neoplasm": N, "glial_neoplasm": N}),
    "next-her-ms": (R + "His mother has multiple sclerosis. Her MS was diagnosed at 40.\n",
                    {"multiple_sclerosis": N, "demyelination": N}),
    "but-his-seizures": (R + "Her brother has epilepsy, but his seizures are well controlled.\n",
                         {"seizures": N, "epilepsy": N}),
    "near-other-sex-subject": (R + "Her father has epilepsy and she has had two seizures herself.\n",
                               {"seizures": P}),
    "near-patients-seizures": (R + "Mother has epilepsy. The patient's seizures began at 14.\n", {"seizures": P}),
}


@pytest.mark.parametrize(("text", "expected"), FACT_ROWS.values(), ids=FACT_ROWS.keys())
def test_relatives_disease_restated_facts(analyze: Any, text: str, expected: dict[str, Any]) -> None:
    check_facts(facts_of(analyze, text), expected)
