"""A question raised about a finding and answered later in its sentence, mention by mention.

A target that a question word names ('the "structural lesion / tumor" question', "the question of a tumour",
"concern for a mass", "worry about a tumor") is negated when, however many words later in its sentence, a closing
("is answered", "was addressed", "has been settled", "was put to rest") is followed by a negation of the same finding
(scope.question_answered). "The tumour question" names a suspected tumour (poss.topic_question). Near misses: a
question not answered, or to be answered, stays suspected. The facts: tests/facts/test_study_boundaries_facts.py.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import find_mention

from pipeline.contracts import Mention

NEG, POSS = {"negated"}, {"uncertain"}
AMONG = {"negated", "uncertain"}

# id: (text, concept, mention text (its first occurrence), expected modifiers among AMONG, the rule that must be named)
CASES: dict[str, tuple[str, str, str, set[str], str | None]] = {
    "quoted-question-answered-by-this-mri": (
        'Follow-up: the "structural lesion / tumor" question raised at the June visit by the family and the outside '
        "neurologist is answered by this MRI: no tumor.\n", "BRAIN_TUMOR", "tumor", NEG, "scope.question_answered"),
    "question-of-a-tumour-now-answered": (
        "The question of a tumour raised by the outside CT in August has now been answered by the repeat MRI with "
        "contrast: there is no tumour.\n", "BRAIN_TUMOR", "tumour", NEG, "scope.question_answered"),
    "concern-for-a-mass-addressed": (
        "The concern for a mass from the ED CT was addressed by the MRI, which shows no mass.\n", "BRAIN_LESION",
        "mass", NEG, "scope.question_answered"),
    "recurrence-question-settled-by-perfusion": (
        "Known glioblastoma; the recurrence question raised by the new enhancement on the July scan was settled by "
        "perfusion and spectroscopy, with no recurrence.\n", "RECURRENCE", "recurrence", NEG,
        "scope.question_answered"),
    "worry-about-lymphoma-put-to-rest": (
        "The family's long-standing worry about lymphoma, first raised by the hematologist at the time of her "
        "original diagnosis in 2019, was put to rest by the CSF cytology and the MRI, which show no lymphoma.\n", "CNS_LYMPHOMA", "lymphoma", NEG,
        "scope.question_answered"),
    "tumour-question-names-a-suspicion": (
        "The tumour question will be answered by the biopsy.\n", "BRAIN_TUMOR", "tumour", POSS,
        "poss.topic_question"),
    # near misses
    "near-miss-remains-open": (
        "The tumour question remains open.\n", "BRAIN_TUMOR", "tumour", POSS, None),
    "near-miss-not-answered": (
        "The question of a tumour raised at the June visit has not been answered by the MRI; no tumour is seen on it "
        "but a biopsy is planned.\n", "BRAIN_TUMOR", "tumour", POSS, None),
    "near-miss-to-be-addressed": (
        "The concern for a tumour raised by the family at the June visit will be addressed by the MRI next week, "
        "and no tumour was seen on the CT.\n", "BRAIN_TUMOR", "tumour", POSS, None),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected", "rule"), CASES.values(), ids=CASES.keys())
def test_question_answered_in_sentence(mentions: Callable[..., list[Mention]], text: str, concept: str, span: str,
                                       expected: set[str], rule: str | None) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & AMONG == expected, (mention.modifiers, mention.modifier_rules)
    if rule is not None:
        assert rule in mention.modifier_rules, mention.modifier_rules


# A topic question that the sentence itself denies names no suspicion: the negation stands alone.
DENIED: dict[str, tuple[str, str, str, set[str]]] = {
    "no-tumour-question-here": (
        "Remote postoperative change only and no residual meningioma, so there is no tumor question here.\n",
        "BRAIN_TUMOR", "tumor", NEG),
    "not-a-lymphoma-question": (
        "This is not a lymphoma question; the request is about the dementia subtype.\n", "CNS_LYMPHOMA", "lymphoma",
        NEG),
    "no-real-recurrence-question": (
        "With a stable cavity for six years there is no real recurrence question.\n", "RECURRENCE", "recurrence", NEG),
    # near misses: the question stands
    "near-miss-the-tumor-question-stands": (
        "The tumor question stands until the biopsy.\n", "BRAIN_TUMOR", "tumor", POSS),
    "near-miss-no-longer-only": (
        "Headache persists, and a new tumor question arises from the CT.\n", "BRAIN_TUMOR", "tumor", POSS),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected"), DENIED.values(), ids=DENIED.keys())
def test_denied_topic_question(mentions: Callable[..., list[Mention]], text: str, concept: str, span: str,
                               expected: set[str]) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & AMONG == expected, (mention.modifiers, mention.modifier_rules)
