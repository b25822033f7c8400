"""A consult's or referral's question label opening its line hedges the diagnoses it asks about (context.yaml
poss.question_label): "Question: metabolic mimics of abusive head trauma (GA1, Menkes)." asks; it does not affirm
Menkes disease. Near misses: a label that is not a question ("Reason for consult: glioblastoma follow-up"), a
question word inside a sentence that affirms ("The question is settled: glioblastoma on biopsy" is read by other
rules and is not this rule's), and an answer line after the question keep their readings.

Rows: id, text, concept, the mention's text, its expected assertions among ASSERTIONS, a rule id it must cite.
"""

from __future__ import annotations

import pytest
from text_to_criteria import find_mention

ASSERTIONS = {"negated", "uncertain", "hypothetical", "family"}
U: set[str] = {"uncertain"}

CASES: list[tuple[str, str, str, str, set[str], str | None]] = [
    ("question label, list in parentheses", "Question: metabolic mimics of abusive head trauma (GA1, Menkes).",
     "INBORN_ERROR", "Menkes", U, "poss.question_label"),
    ("consult question, versus", "Consult question: toxoplasmosis vs lymphoma - empiric therapy?", "BRAIN_INFECTION",
     "toxoplasmosis", U, "poss.question_label"),
    ("clinical question with a dash", "Clinical question - leukodystrophy? Please advise on testing.",
     "LEUKODYSTROPHY", "leukodystrophy", U, None),
    ("referral question, lower case", "referral question: could this be a low-grade glioma", "GLIOMA",
     "low-grade glioma", U, "poss.question_label"),
    ("main question, no question mark", "Main question: mitochondrial disease, given the lactate.", "MITOCHONDRIAL",
     "mitochondrial disease", U, "poss.question_label"),
    ("e-consult question", "E-consult question: is this recurrent tumour or radiation necrosis",
     "TREATMENT_EFFECT", "radiation necrosis", U, "poss.question_label"),
    ("questions, plural", "Questions: (1) metastasis? (2) need for biopsy?", "BRAIN_METASTASIS", "metastasis", U,
     "poss.question_label"),
    ("specific question, abbreviation", "Specific question: r/o MELAS vs other mitochondrial cytopathy",
     "MITOCHONDRIAL", "MELAS", U, None),
    # near misses
    ("near: reason for consult is no question", "Reason for consult: glioblastoma, on temozolomide.", "GLIOMA",
     "glioblastoma", set(), None),
    ("near: answer line after the question", "Question: lymphoma?\nAnswer: biopsy-proven glioblastoma.", "GLIOMA",
     "glioblastoma", set(), None),
    ("near: question word mid-sentence", "She has a known glioblastoma; her question: when is the next scan?",
     "GLIOMA", "glioblastoma", set(), None),
]


@pytest.mark.parametrize(("text", "concept", "span", "expected", "rule"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_question_label(mentions, text: str, concept: str, span: str, expected: set[str],  # type: ignore[no-untyped-def]
                        rule: str | None) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & ASSERTIONS == expected, (mention.modifiers, mention.modifier_rules)
    if rule is not None:
        assert rule in mention.modifier_rules
