"""A diagnosis first given as the patient's and then said, in a cleft or a "the one" wording, to be a relative's is
the relative's (family history).

Class: a record tells that the patient ticked, listed or reported a disease (or a form states it), and then that
"it was her aunt who had" it, "it's his twin who has" it, "his cousin was the one with" it, "her uncle is the one
who had" it. The correction has no correction word ("on clarification", "explained"), so scope.claim_corrected did
not read it, and "who" ended the scope of fam.relative_has in "her uncle is the one who had the meningioma", so
even the relative's own mention was the patient's.

Rule (context.yaml): scope claim_corrected (id scope.claim_corrected) reads two more `patterns`, a cleft ("it was /
it is / it's RELATIVE who|that" + a verb of having) and "the one" ("RELATIVE was / is the one with", "... the one
who|that" + a verb of having), and its relative words take grandson, granddaughter, stepson, stepdaughter; the new
cue fam.relative_the_one ("her uncle is the one who", needs_after a verb of having, falling ill or dying) makes the
relative's disease FAMILY and is one of the scope's `rules`.

Near misses keep their reading: a relative who notices, drives, brings or films in a cleft or "the one" wording
("It was her mother who first noticed the seizures", "her son is the one who filmed the seizures"), a disease
named after the relative ("It was his brother who drove him to the ED after the seizure"), the patient as "the one"
("The one with the glioma is the patient"), the patient named with a disease after a relative's ("she herself was
diagnosed with MS"), a relative's disease told besides the patient's ("as well"), a disease of another group.

Limits: a spouse ("it belongs to her late husband's history") is no cue of these rules; "the one who had the glioma
was his cousin" (the relative after the disease) is not read; a relative's cue that wrongly reads a witness's
object ("her father who had the video of her seizures", fam.relative_qualified) still carries the correction.

Rows: id, text, concept, the mention's text, which occurrence of that text (0 = first), expected modifiers among
{family}. Ids starting "near" must keep their reading. Facts: the FACT_ROWS below.
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
    # ------------------------------------------------ a cleft: "it was RELATIVE who has ..."
    "cleft-said-nephew": ("On the intake sheet he checked 'seizures'; when asked, he said it was his nephew who has "
                          "seizures, not him.", "SEIZURE", "seizures", 0, F),
    "cleft-said-nephew-restated": ("On the intake sheet he checked 'seizures'; when asked, he said it was his nephew "
                                   "who has seizures, not him.", "SEIZURE", "seizures", 1, F),
    "cleft-its-twin": ("She listed multiple sclerosis under past history; she says it's her twin who has MS.",
                       "MULTIPLE_SCLEROSIS", "multiple sclerosis", 0, F),
    "cleft-in-error-daughter": ("Encephalitis was entered in error - it was her daughter who had encephalitis last "
                                "spring.", "BRAIN_INFECTION", "Encephalitis", 0, F),
    "cleft-actually-grandson": ("The pre-visit form lists epilepsy; it is actually her grandson who has epilepsy.",
                                "EPILEPSY", "epilepsy", 0, F),
    "cleft-sister-diagnosed": ("Questionnaire says MELAS; she said it was her sister who was diagnosed with MELAS.",
                               "MITOCHONDRIAL", "MELAS", 0, F),
    "cleft-but-its-mother-other-word": ("She reported prior demyelinating disease, but it's her mother who has MS, "
                                        "not her.", "DEMYELINATION", "demyelinating disease", 0, F),
    # ------------------------------------------------ "the one": "RELATIVE was the one with / who had ..."
    "one-with-older-brother": ("He wrote 'glioblastoma' on the form; questioned, he said his older brother was the "
                               "one with the glioblastoma.", "GLIOMA", "glioblastoma", 0, F),
    "one-who-uncle": ("Referral mentions a meningioma; the patient told us her uncle is the one who had the "
                      "meningioma.", "BRAIN_TUMOR", "meningioma", 0, F),
    "one-who-uncle-restated": ("Referral mentions a meningioma; the patient told us her uncle is the one who had the "
                               "meningioma.", "BRAIN_TUMOR", "meningioma", 1, F),
    "one-who-father-metastases": ("Brain metastases were recorded on the claim; the claimant explained that his "
                                  "father was the one who had brain metastases.", "BRAIN_METASTASIS",
                                  "Brain metastases", 0, F),
    "one-next-sentence-cousin": ("He ticked 'lymphoma'. His cousin is the one with the lymphoma, he says.",
                                 "CNS_LYMPHOMA", "lymphoma", 0, F),
    "one-really-patients-son": ("Glioma was written on the intake form; the patient's son is really the one who has "
                                "the glioma.", "GLIOMA", "Glioma", 0, F),
    "one-really-patients-son-restated": ("Glioma was written on the intake form; the patient's son is really the one "
                                         "who has the glioma.", "GLIOMA", "glioma", 0, F),
    "belongs-to-late-fathers": ("The lymphoma belongs to her late father's history, not hers.", "CNS_LYMPHOMA",
                                "lymphoma", 0, F),
    # ------------------------------------------------ near misses: as now
    "near-mother-noticed": ("It was her mother who first noticed the seizures.", "SEIZURE", "seizures", 0, NONE),
    "near-brother-drove": ("It was his brother who drove him to the ED after the seizure.", "SEIZURE", "seizure", 0,
                           NONE),
    "near-aunt-brought": ("It was her aunt who brought her in after the seizure.", "SEIZURE", "seizure", 0, NONE),
    "near-she-herself": ("Her sister also has MS, and she herself was diagnosed with MS in 2020.",
                         "MULTIPLE_SCLEROSIS", "MS", 1, NONE),
    "near-one-is-patient": ("The one with the glioma is the patient; his father has none.", "GLIOMA", "glioma", 0,
                            NONE),
    "near-he-was-the-one-asked": ("He was the one who asked about a brain tumour; the MRI showed none.",
                                  "BRAIN_TUMOR", "brain tumour", 0, NONE),
    "near-one-other-group": ("He has a glioblastoma; his uncle was the one with epilepsy.", "GLIOMA", "glioblastoma",
                             0, NONE),
    "near-cleft-other-group": ("She was treated for MS in 2019; it was her cousin who had the seizures, not her.",
                               "MULTIPLE_SCLEROSIS", "MS", 0, NONE),
    "near-cleft-as-well": ("Patient has known epilepsy; it is his father who has epilepsy as well.", "EPILEPSY",
                           "epilepsy", 0, NONE),
    "near-son-filmed": ("Epilepsy confirmed on EEG; her son is the one who filmed the seizures.", "SEIZURE",
                        "seizures", 0, NONE),
    "near-son-filmed-epilepsy": ("Epilepsy confirmed on EEG; her son is the one who filmed the seizures.", "EPILEPSY",
                                 "Epilepsy", 0, NONE),
}


@pytest.mark.parametrize(("text", "concept", "span", "nth", "expected"), CASES.values(), ids=CASES.keys())
def test_claim_cleft_to_relative(mentions: Callable[[str], list[Mention]], text: str, concept: str, span: str,
                                 nth: int, expected: set[str]) -> None:
    check_mention(mentions, text, concept, span, expected, among=AMONG, nth=nth)


P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED
R = "Request date: 11/20/2026\nMR spectroscopy requested.\n"

FACT_ROWS: dict[str, tuple[str, dict[str, Any]]] = {
    "cleft-aunt-brain-cancer": (R + "On the registration form she ticked 'brain cancer'; asked, she said it was her "
                                "aunt who had brain cancer, never her.\n", {"brain_neoplasm": N}),
    "one-with-cousin-glioma": (R + "He put glioma on the questionnaire; questioned, he said his cousin was the one with "
                               "the glioma, not him.\n", {"brain_neoplasm": N, "glial_neoplasm": N}),
    "near-wife-noticed": (R + "It was his wife who noticed the seizures.\n", {"seizures": P}),
}


@pytest.mark.parametrize(("text", "expected"), FACT_ROWS.values(), ids=FACT_ROWS.keys())
def test_claim_cleft_to_relative_facts(analyze: Any, text: str, expected: dict[str, Any]) -> None:
    check_facts(facts_of(analyze, text), expected)
