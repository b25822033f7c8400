"""A hedge word inside a sentence that denies or settles the finding makes no suspicion of it.

1. A finding denied with a hedge word after it: "no enhancing lesion suggestive of a high-grade glioma", "scan
   without any features concerning for lymphoma", "the MRI did not show any lesion suggesting a tumour", "no areas
   of enhancement that would suggest recurrence". The diagnosis after the hedge word is NEGATED (what would suggest
   it is absent), not suspected: context.yaml neg.no_finding_suggestive (an adjective: "suggestive of", "concerning
   for", "worrisome for", "suspicious for", "that would suggest", after a denied finding of `no`, `without`, `not
   any`, "did not show (any)") and neg.no_finding_suggesting (the participle "suggesting"/"indicating", only after a
   finding noun: lesion, finding, feature, abnormality, area, focus, mass, signal, "abnormal enhancement", ...). Both
   are quiet patterns that win over poss.evaluate_for's literal of the same words where the denial stands before
   them; elsewhere the hedge stays.
2. A topic question that an active verb before it tells answered or settled ("MRI 10/02/2026 answers the tumour
   question: no recurrence", "closes the question of metastasis", "answered the lymphoma question:
   toxoplasmosis", "settled the glioma question"): no open question, so the disease is not suspected through it and
   the study is no inconclusive read. The finding the question names is negated, as neg.question_closed negates the
   passive "the tumour question is settled" (scope.question_answered, its `before` patterns; a settling rule for
   supersession), and the question's own hedge cue ("query") does not hedge the answer after it. Left as it is when
   the answer names the same finding again (that mention is the answer; supersede.answered_question settles the
   hedge: tests/facts/test_topic_question_answered_inline.py) or keeps one of its family hedged ("glioma versus
   gliosis").

Near misses keep their reading: a plain hedge ("findings suggesting a low-grade glioma"), a denial in another clause
("no mass; FLAIR signal suggesting gliosis", "no mass but ..."), a denied change or an absent sign that is itself the
reason for the hedge ("no interval growth suggesting an indolent glioma", "no enhancement suggesting a low-grade
glioma", "no change in the lesion suspicious for ..."), "not suggestive of tumour" (absent already); a question left
open ("the tumour question remains open", "does not answer", "would settle", "to answer", "only partly answers"),
"the question is whether this is a tumour".

Limits: a denial with a verb between ("no lesion is seen suggesting a tumour"), a list with commas ("no mass, edema
or abnormal enhancement suggestive of ..."), a hedge word broken by a line; a question closed by a phrase after it
in the active voice ("put the tumour question to rest") or by "addresses".

Rows of CASES (mention level): id, text, concept, the mention's text, expected modifiers among negated/uncertain,
whether the evidence must cite one of this class's rules. Rows of FACTS (fact level): id, text, {fact: status}.
Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import check_facts, facts_of, find_mention

from pipeline.contracts import FactStatus, Mention

NEG, HEDGE, NONE = {"negated"}, {"uncertain"}, set[str]()
AMONG = {"negated", "uncertain"}
RULES = {"neg.no_finding_suggestive", "neg.no_finding_suggesting", "scope.question_answered"}
P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
INC = "conventional_imaging_inconclusive"

CASES: dict[str, tuple[str, str, str, set[str], bool]] = {
    # ------------------------------------------------ 1. a denied finding, an adjective hedge word after it
    "enhancing-lesion-suggestive": ("There is no enhancing lesion suggestive of a high-grade glioma.", "GLIOMA",
                                    "high-grade glioma", NEG, True),
    "abnormal-signal-worrisome": ("No abnormal signal worrisome for demyelination.", "DEMYELINATION",
                                  "demyelination", NEG, True),
    "without-features-concerning": ("Scan without any features concerning for lymphoma.", "CNS_LYMPHOMA",
                                    "lymphoma", NEG, True),
    "new-lesion-suspicious": ("No new lesion suspicious for metastatic disease.", "BRAIN_METASTASIS",
                              "metastatic disease", NEG, True),
    "abnormality-concerning-first": ("No abnormality concerning for tumour or abscess.", "BRAIN_TUMOR", "tumour", NEG,
                                     True),
    "abnormality-concerning-second": ("No abnormality concerning for tumour or abscess.", "BRAIN_INFECTION",
                                      "abscess", NEG, True),
    "capitals": ("NO FINDING SUGGESTIVE OF METASTASIS.", "BRAIN_METASTASIS", "METASTASIS", NEG, True),
    "that-would-suggest": ("No areas of enhancement that would suggest recurrence.", "RECURRENCE", "recurrence", NEG,
                           True),
    "enhancement-suspicious": ("No enhancement suspicious for a high-grade tumour.", "BRAIN_TUMOR", "tumour", NEG,
                               True),
    "nothing-on-this-study": ("Nothing on this study suspicious for lymphoma.", "CNS_LYMPHOMA", "lymphoma", NEG,
                              True),
    # ------------------------------------------------ 1. the participle after a finding noun
    "did-not-show-lesion": ("The MRI did not show any lesion suggesting a tumour.", "BRAIN_TUMOR", "tumour", NEG,
                            True),
    "focus-of-diffusion": ("No focus of restricted diffusion suggesting an abscess.", "BRAIN_INFECTION", "abscess",
                           NEG, True),
    "flair-signal": ("No abnormal FLAIR signal suggesting demyelination.", "DEMYELINATION", "demyelination", NEG,
                     True),
    "mass-or-abnormal-enhancement": ("No mass or abnormal enhancement suggesting glioma or lymphoma.", "CNS_LYMPHOMA",
                                     "lymphoma", NEG, True),
    "evidence-of-a-mass-lesion": ("No evidence of a mass lesion suggesting a glioma.", "GLIOMA", "glioma", NEG, True),
    # ------------------------------------------------ near misses (keep their reading)
    "near-findings-suggesting": ("Findings suggesting a low-grade glioma.", "GLIOMA", "low-grade glioma", HEDGE,
                                 False),
    "near-no-mass-semicolon": ("No mass; FLAIR signal suggesting gliosis.", "NONTUMOR_DX", "gliosis", HEDGE, False),
    "near-no-mass-semicolon-mass": ("No mass; FLAIR signal suggesting gliosis.", "BRAIN_LESION", "mass", NEG, False),
    "near-no-mass-but": ("No mass but FLAIR signal suggestive of gliosis.", "NONTUMOR_DX", "gliosis", HEDGE, False),
    "near-interval-growth": ("No interval growth suggesting an indolent low-grade glioma.", "GLIOMA",
                             "low-grade glioma", HEDGE, False),
    "near-absent-enhancement": ("No enhancement suggesting a low-grade glioma.", "GLIOMA", "low-grade glioma", HEDGE,
                                False),
    "near-enhancement-comma": ("No contrast enhancement, suggesting a low-grade glioma.", "GLIOMA",
                               "low-grade glioma", HEDGE, False),
    "near-change-in-lesion": ("No change in the lesion suspicious for a low-grade glioma.", "GLIOMA",
                              "low-grade glioma", HEDGE, False),
    "near-hydrocephalus-and-lesion": ("No hydrocephalus and a lesion suspicious for lymphoma.", "CNS_LYMPHOMA",
                                      "lymphoma", HEDGE, False),
    "near-biopsy-of-lesion": ("No biopsy of the lesion suspicious for lymphoma was done.", "CNS_LYMPHOMA",
                              "lymphoma", HEDGE, False),
    "near-not-suggestive": ("Not suggestive of tumour.", "BRAIN_TUMOR", "tumour", NEG, False),
    "near-question-is-whether": ("The question is whether this is a tumour.", "BRAIN_TUMOR", "tumour", HEDGE, False),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected", "cites"), CASES.values(), ids=CASES.keys())
def test_hedge_word_in_a_denial(mentions: Callable[[str], list[Mention]], text: str, concept: str, span: str,
                                expected: set[str], cites: bool) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & AMONG == expected, (mention.modifiers, mention.modifier_rules)
    if cites:
        assert RULES & set(mention.modifier_rules), mention.modifier_rules


FACTS: dict[str, tuple[str, dict[str, FactStatus]]] = {
    # ------------------------------------------------ 2. a question an active verb tells answered
    "answers-no-recurrence": ("MRI 10/02/2026 answers the tumour question: no recurrence.",
                              {"brain_neoplasm": A, INC: A}),
    "closes-question-of": ("Today's MRI 10/02/2026 closes the question of a metastasis.",
                           {"brain_metastasis": A, INC: A}),
    "answered-other-diagnosis": ("MRI 10/02/2026 answered the lymphoma question: toxoplasmosis.",
                                 {"cns_lymphoma": A, "brain_infection": P, "tumor_vs_nontumor_differential": N,
                                  INC: A}),
    "settled-no-answer": ("The 10/02/2026 MRI settled the glioma question.", {"glial_neoplasm": A, INC: A}),
    "has-answered-ms": ("MRI 10/02/2026 has answered the MS question: small vessel disease.",
                        {"multiple_sclerosis": A, INC: A}),
    "query-resolved-earlier-hedge": ("CT 09/20/2026: ?metastasis.\nMRI 10/02/2026 resolved the metastasis query: "
                                     "cavernoma.", {"brain_metastasis": A, "tumor_vs_nontumor_differential": N}),
    "positive-answer": ("MRI 10/02/2026 answers the tumour question: glioblastoma.",
                        {"glial_neoplasm": P, "brain_neoplasm": P, INC: A}),
    "known-tumour-no-recurrence": ("Glioblastoma resected in 2024.\nMRI 10/02/2026 answers the tumour question: no "
                                   "recurrence.", {"glial_neoplasm": P, "recurrent_or_residual_tumor": A, INC: A}),
    "answered-form-no": ("MRI 10/02/2026 answered the demyelination question (no).", {"demyelination": A, INC: A}),
    # ------------------------------------------------ near misses (keep their reading)
    "near-remains-open": ("MRI 10/02/2026: the tumour question remains open.", {"brain_neoplasm": S, INC: P}),
    "near-does-not-answer": ("MRI 10/02/2026 does not answer the lymphoma question.", {"cns_lymphoma": S, INC: P}),
    "near-would-settle": ("Spectroscopy would settle the glioma question.", {"glial_neoplasm": S}),
    "near-to-answer": ("MRS is requested to answer the tumour question.", {"brain_neoplasm": S}),
    "near-only-partly": ("MRI 10/02/2026 only partly answers the tumour question.", {"brain_neoplasm": S, INC: P}),
    "near-answer-keeps-open": ("MRI 10/02/2026 answers the tumour question: glioma versus gliosis.",
                               {"glial_neoplasm": S, "brain_neoplasm": S}),
    "near-plain-hedge": ("MRI 10/02/2026: findings suggesting a low-grade glioma.", {"glial_neoplasm": S, INC: P}),
    "near-denied-mass-gliosis": ("MRI 10/02/2026: no mass; FLAIR signal suggesting gliosis.",
                                 {"brain_lesion": A, INC: P}),
}


@pytest.mark.parametrize(("text", "expected"), FACTS.values(), ids=FACTS.keys())
def test_question_settled_facts(analyze, text: str,  # type: ignore[no-untyped-def]
                                expected: dict[str, FactStatus]) -> None:
    check_facts(facts_of(analyze, text), expected)
