"""Words about the request rather than the patient make no fact (context.yaml hyp.request_talk): the payer's
policy, the reviewer's question, a word quoted from a form. A radiologist's definite read that "favors" one
diagnosis is no inconclusive study (targets.yaml img.inconclusive_favor: only a preference with an alternative
left open is). Near misses: a study non-diagnostic for a reason, an indeterminate study after the reviewer's words,
a preference between two diagnoses.
"""

from __future__ import annotations

import pytest
from text_to_criteria import facts_of, find_mention

from pipeline.contracts import FactStatus

H = {"hypothetical"}
TALK = "hyp.request_talk"

CASES = [
    ("policy-covers", "As discussed with the family, the insurer's policy covers MR spectroscopy for glioma and "
     "leukodystrophy.", "GLIOMA", "glioma", H, True),
    ("criteria-require", "Payer criteria require an equivocal prior MRI.", "IMAGING_INCONCLUSIVE", "equivocal", H,
     True),
    ("reviewer-asked-whether", "The nurse reviewer asked whether the CT had been inconclusive.",
     "IMAGING_INCONCLUSIVE", "inconclusive", H, True),
    ("payer-wants-to-know", "The plan wants to know if lymphoma was ever confirmed.", "CNS_LYMPHOMA", "lymphoma", H,
     True),
    ("reviewer-question-was", "The reviewer's question was whether metastases are present.",
     "BRAIN_METASTASIS", "metastases", H, True),
    ("quoted-word", "An earlier fax used the term \"astrocytoma\" by mistake.", "GLIOMA", "astrocytoma", H, True),
    ("guideline-lists", "The guideline lists brain abscess among covered indications.", "BRAIN_INFECTION",
     "brain abscess", H, True),
    # near misses
    ("nondiagnostic-motion", "MRI 09/2026 non-diagnostic because of motion.", "IMAGING_INCONCLUSIVE",
     "non-diagnostic", set(), False),
    ("reviewer-concern-valid", "The reviewer's concern is valid: the MRI is indeterminate.", "IMAGING_INCONCLUSIVE",
     "indeterminate", set(), False),
    ("patient-glioma", "Biopsy 08/2026: glioma, WHO grade 2.", "GLIOMA", "glioma", set(), False),
    ("plan-of-care", "Plan: MRS to evaluate the glioma for progression.", "GLIOMA", "glioma", None, False),
]


@pytest.mark.parametrize(("text", "concept", "phrase", "expected", "talk"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_words_about_the_request(mentions, text: str, concept: str, phrase: str,  # type: ignore[no-untyped-def]
                                 expected: set[str] | None, talk: bool) -> None:
    m = find_mention(mentions, text, concept, phrase)
    if expected is not None:
        assert set(m.modifiers) == expected, m.modifier_rules
    assert (TALK in m.modifier_rules) is talk, m.modifier_rules


N, P, S = FactStatus.NOT_DOCUMENTED, FactStatus.PRESENT, FactStatus.SUSPECTED
INCONCLUSIVE = "conventional_imaging_inconclusive"
FACTS = [
    ("policy", "The plan's policy covers spectroscopy for tumor and metabolic indications.", "brain_neoplasm", N),
    ("reviewer", "The reviewer asked whether the MRI had been non-diagnostic.", INCONCLUSIVE, N),
    ("quoted-form", "The original form carried the word 'glioma'.", "brain_neoplasm", N),
    ("favored-read", "MRI brain 10/01/2026: the reading favored Alzheimer disease.", INCONCLUSIVE, N),
    ("favors-read", "MRI head 09/12/2026 impression: favors chronic small vessel ischemic disease.", INCONCLUSIVE,
     N),
    ("favored-to-represent", "CT head: hypodensity favored to represent an old infarct.", INCONCLUSIVE, N),
    # near misses
    ("favor-over", "MRI brain 10/01/2026: findings favor high-grade glioma over lymphoma.", INCONCLUSIVE, P),
    ("favored-though", "MRI: mass favored to be a glioma, though lymphoma cannot be excluded.", INCONCLUSIVE, P),
    ("motion", "MRI brain 09/2026 non-diagnostic because of motion.", INCONCLUSIVE, P),
    ("reviewer-valid", "The reviewer's concern is valid: the MRI brain is indeterminate.", INCONCLUSIVE, P),
]


@pytest.mark.parametrize(("case", "text", "fact", "expected"), FACTS, ids=[c[0] for c in FACTS])
def test_request_talk_facts(analyze, case: str, text: str, fact: str,  # type: ignore[no-untyped-def]
                            expected: FactStatus) -> None:
    assert facts_of(analyze, text).facts[fact].status is expected
