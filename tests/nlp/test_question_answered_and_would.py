"""A tumour named only in a question that is answered no, or in what a result or a diagnosis would do, is no tumour.

The class: a brain tumour read suspected or present (brain_neoplasm, glial_neoplasm, brain_metastasis, cns_lymphoma;
the asked item a differential's side) where the note only asked about it and answered no, or only told what it
would lead to.

1. A question another asks (the referring team, oncology, a surgeon, "the question ... was whether"), answered
   after it in its sentence or at the start of the next (context.yaml scope `asked_answer`, the mechanism of
   scope `lay_answer`): an answer that denies it bare ("It is not: the lesion is a cavernoma", "we do not think
   so", "- not a consideration") or names it again negated ("A metastasis is not a consideration", "This is not a
   tumour", the same concept or a generic tumour for a tumour kind) makes it absent (`scope.asked_answer`).
   The lay voice's answer (scope `lay_answer`) now also takes the bare "it is not" ("Family asked if it might be a
   brain tumour; I reassured them that it is not") and a colon or a dash after the answer ("No - ...").
2. A bare or indefinite tumour as the subject of a verb of reasoning whose object is a course of action ("a glioma
   would argue for resection", "a high-grade glioma would favour resection over surveillance", "lymphoma would
   support biopsy", "a metastasis would point toward radiosurgery") is hypothetical (`hyp.would_subject_argue`,
   extending hyp.would_subject of tests/nlp/test_tumour_in_what_a_result_would_mean.py: poss.evaluate_for's longer
   "would argue for", "would favor" took the "would" and reached forward only).

Near misses (keep their reading): a question taken up ("this cannot be excluded": suspected), answered "possibly",
left unanswered, or a query mark ("? metastasis"); a later sentence that names the finding elsewhere ("MRI shows no
other metastasis"); a result as subject ("restriction would argue for lymphoma": the diagnosis after the verb stays
suspected); the patient's own tumour ("her glioma would argue for resection", "the glioblastoma would argue for
re-resection"); a hedged read ("this would be most consistent with a low-grade glioma": suspected); a tumour
established earlier ("MRI shows a left frontal glioma. Resection of the glioma would be the next step": present).

Limits known: a negation that reaches past "It is not:" or "it is not lymphoma," into the explanation after it
("... the lesion is a cavernoma" negated too) is neg.no's and is left as it was; an answer in the sentence after
next, or one that opens with other words ("On review of the old films, this is not a metastasis") is not read;
the object of a verb of reasoning must be a course of action of the listed words ("would favour a wait-and-see
policy" is not read); a question asked without an asking verb ("Metastasis? Oncology would like to know.") is not
one of this scope.

Rows: id -> (text, concept, the mention's text (its first occurrence), expected assertions among ASSERTIONS, a rule
id it must cite or None). Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of, find_mention

from pipeline.contracts import FactStatus, Mention

ASSERTIONS = {"negated", "uncertain", "hypothetical"}
NEG, U, H, HU, NONE = {"negated"}, {"uncertain"}, {"hypothetical"}, {"hypothetical", "uncertain"}, set[str]()
ASKED, LAY, ARGUE = "scope.asked_answer", "scope.lay_answer", "hyp.would_subject_argue"

CASES: dict[str, tuple[str, str, str, set[str], str | None]] = {
    # ------------------------------------------------ 1. a question another asks, answered no
    "asked-named-again-next-sentence": (
        "The neurosurgical registrar asked whether the dural-based lesion might be a metastasis. A metastasis is not a "
        "consideration: it has not changed since 2017.", "BRAIN_METASTASIS", "metastasis", NEG, ASKED),
    "asked-bare-it-is-not-colon": (
        "Oncology asked whether the new lesion could be a metastasis. It is not: the appearance is of a cavernoma.",
        "BRAIN_METASTASIS", "metastasis", NEG, ASKED),
    "asked-question-was-whether": (
        "The question from the referring neurologist was whether this is lymphoma. It is not.", "CNS_LYMPHOMA",
        "lymphoma", NEG, ASKED),
    "asked-if-semicolon-it-is-not": (
        "Dr Alvarez asked if this could be a glioma; it is not, in our view.", "GLIOMA", "glioma", NEG, ASKED),
    "asked-we-do-not-think-so": (
        "Neurosurgery asked whether this might be a low-grade glioma. We do not think so: the signal is that of "
        "gliosis.", "GLIOMA", "low-grade glioma", NEG, ASKED),
    "asked-generic-tumour-answer": (
        "The surgeon queried whether this could be a glioma. This is not a tumour.", "GLIOMA", "glioma", NEG, ASKED),
    "asked-named-again-same-sentence": (
        "Haematology wondered whether this might be lymphoma; this is not lymphoma.", "CNS_LYMPHOMA", "lymphoma",
        NEG, ASKED),
    "asked-dash-not-a-consideration": (
        "The GP asked whether the lesion might be a metastasis - not a consideration given nine years of stability.",
        "BRAIN_METASTASIS", "metastasis", NEG, ASKED),
    "lay-reassured-it-is-not": (
        "Family asked if it might be a brain tumour; I reassured them that it is not.", "BRAIN_TUMOR", "brain tumour",
        NEG, LAY),
    # ------------------------------------------------ 2. what a diagnosis would argue for
    "argue-for-resection": ("A glioma would argue for resection.", "GLIOMA", "glioma", H, ARGUE),
    "favour-resection-over-surveillance": (
        "A high-grade glioma would favour early resection over surveillance.", "GLIOMA", "high-grade glioma", H,
        ARGUE),
    "argue-for-biopsy-rather": ("Lymphoma would argue for biopsy rather than resection.", "CNS_LYMPHOMA", "Lymphoma",
                                H, ARGUE),
    "support-radiosurgery": ("A solitary metastasis would support radiosurgery.", "BRAIN_METASTASIS", "metastasis", H,
                             ARGUE),
    "favor-watchful-waiting": ("An incidental meningioma would favor watchful waiting.", "BRAIN_TUMOR", "meningioma",
                               H, ARGUE),
    "point-toward-radiosurgery": ("A metastasis would point toward radiosurgery.", "BRAIN_METASTASIS", "metastasis",
                                  H, ARGUE),
    # ------------------------------------------------ already read, kept
    "kept-form-question-no": ("Could this represent lymphoma? No - the imaging is typical of a tumefactive plaque.",
                              "CNS_LYMPHOMA", "lymphoma", NEG, None),
    "kept-push-us-to-resection": ("A feature of a higher-grade tumour on MRS would push us to resection.",
                                  "BRAIN_TUMOR", "tumour", H, None),
    "kept-if-proves-lymphoma": ("If it proves to be lymphoma we would start methotrexate.", "CNS_LYMPHOMA",
                                "lymphoma", H, None),
    "kept-choline-would-favour-tumour": ("A high choline peak would favour tumour.", "BRAIN_TUMOR", "tumour", H,
                                         None),
    # ------------------------------------------------ near misses
    "near-asked-cannot-be-excluded": (
        "The referring team asked whether this could be a dural metastasis; this cannot be excluded.",
        "BRAIN_METASTASIS", "dural metastasis", U, None),
    "near-asked-possibly": (
        "Oncology asked whether it could be a metastasis - possibly, given the history.", "BRAIN_METASTASIS",
        "metastasis", U, None),
    "near-asked-unanswered": (
        "Oncology asked whether the lesion could be a metastasis.", "BRAIN_METASTASIS", "metastasis", U, None),
    "near-query-mark": ("? metastasis", "BRAIN_METASTASIS", "metastasis", U, None),
    "near-named-elsewhere-next": (
        "Oncology asked whether this could be a metastasis. MRI shows no other metastasis.", "BRAIN_METASTASIS",
        "metastasis", U, None),
    "near-asked-other-finding-denied": (
        "Oncology asked whether this could be a metastasis. It is not a glioma.", "BRAIN_METASTASIS", "metastasis", U,
        None),
    "near-result-argues-for-lymphoma": ("Restriction would argue for lymphoma.", "CNS_LYMPHOMA", "lymphoma", U, None),
    "near-her-glioma-argue": ("Her glioma would argue for resection.", "GLIOMA", "glioma", NONE, None),
    "near-the-glioblastoma-argue": ("The glioblastoma would argue for re-resection.", "GLIOMA", "glioblastoma", NONE,
                                    None),
    "near-most-consistent-with": ("This would be most consistent with a low-grade glioma.", "GLIOMA",
                                  "low-grade glioma", U, None),
    "near-established-then-would": (
        "MRI shows a left frontal glioma. Resection of the glioma would be the next step.", "GLIOMA", "glioma", NONE,
        None),
    "near-lesion-argues-for-metastasis": ("A ring-enhancing lesion would argue for metastasis.", "BRAIN_METASTASIS",
                                          "metastasis", U, None),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected", "rule"), CASES.values(), ids=CASES.keys())
def test_question_answered_and_would(mentions: Callable[[str], list[Mention]], text: str, concept: str, span: str,
                                     expected: set[str], rule: str | None) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & ASSERTIONS == expected, (mention.modifiers, mention.modifier_rules)
    if rule is not None:
        assert rule in mention.modifier_rules, mention.modifier_rules


P, S, A, ND = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
DIFF = "tumor_vs_nontumor_differential"

FACT_CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    "facts-asked-named-again": (
        "MRI brain: 14 mm left parietal dural-based lesion, unchanged since 2017.\nThe referring team asked whether "
        "this could be a dural metastasis. A metastasis is not a consideration: it has been stable for nine years.\n",
        {"brain_metastasis": A, "brain_neoplasm": A, DIFF: ND}),
    "facts-asked-we-do-not-think-so": (
        "Neurosurgery asked whether this might be a glioma. We do not think so: the lesion is a cavernoma.\n",
        {"glial_neoplasm": A, DIFF: ND}),
    "facts-lay-reassured": (
        "Family asked if it might be a brain tumour; I reassured them that it is not.\n", {"brain_neoplasm": A}),
    "facts-argue-for-resection": (
        "Oncology note: a glioma would argue for resection; lymphoma would argue for biopsy.\n",
        {"glial_neoplasm": ND, "cns_lymphoma": ND, "known_brain_tumor": ND}),
    "near-facts-asked-cannot-exclude": (
        "The referring team asked whether this could be a dural metastasis; this cannot be excluded.\n",
        {"brain_metastasis": S}),
    "near-facts-established-glioma": (
        "MRI shows a left frontal glioma. Resection of the glioma would be the next step.\n", {"glial_neoplasm": P}),
}


@pytest.mark.parametrize(("text", "expected"), FACT_CASES.values(), ids=FACT_CASES.keys())
def test_question_answered_and_would_facts(analyze: Any, text: str, expected: dict[str, FactStatus]) -> None:
    check_facts(facts_of(analyze, text + REQUEST_TAIL), expected)
