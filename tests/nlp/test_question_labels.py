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
    ("near: a question field answered by tick boxes", "Question:  [ ] glioma   [X] radiation necrosis",
     "TREATMENT_EFFECT", "radiation necrosis", set(), None),
    ("near: the question's known disease", "Question: progression of the right frontal glioma.", "GLIOMA",
     "glioma", set(), None),
    ("the question's progression is asked", "Question: progression of the right frontal glioma.", "RECURRENCE",
     "progression", U, "poss.question_label"),
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


# A question reads no study: beside a conclusive report, a consult question's hedged diagnoses leave the study
# conclusive (facts/imaging.py _verdict_cues, cue verdict.question_rules). Rows: id, text, expected
# conventional_imaging_inconclusive.
_REPORT = ("MRI BRAIN WITHOUT CONTRAST 10/20/2026\nIMPRESSION: Bilateral subdural collections of differing ages. "
           "No features of glutaric aciduria.\n\n")
FACT_CASES = [
    ("question label after a conclusive MRI", _REPORT + "GENETICS E-CONSULT 10/24/2026\nQuestion: metabolic mimics "
     "(GA1, Menkes) after the MRI 10/20?\n", "absent"),
    ("consult question naming the MRI", _REPORT + "Consult question: does the MRI 10/20 leave a leukodystrophy or a "
     "mitochondrial disease open?\n", "absent"),
    ("near: the report itself hedges", "MRI BRAIN 10/20/2026\nIMPRESSION: Subdural collections; glutaric aciduria "
     "cannot be excluded.\n", "present"),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in FACT_CASES], ids=[c[0] for c in FACT_CASES])
def test_a_question_reads_no_study(analyze, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    from text_to_criteria import REQUEST_TAIL, facts_of

    f = facts_of(analyze, text + REQUEST_TAIL).facts["conventional_imaging_inconclusive"]
    assert f.status.value == expected, (f.note, [(e.text, e.attributes) for e in f.evidence])
