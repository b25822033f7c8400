"""A patient's or parent's worry written as a questionnaire answer is a lay worry (context.yaml
hyp.lay_worry_answer, scope answer_line): not a suspected tumor, not an imaging verdict. Near misses: a clinician's
concern stays suspicion; the next line, or a clinician's field, is read as written.
"""

from __future__ import annotations

import pytest
from text_to_criteria import facts_of, find_mention

from pipeline.contracts import FactStatus

H = {"hypothetical"}
RULE = "hyp.lay_worry_answer"

CASES = [
    ("question-then-quote", "What worries you most? \"That the brain tumor is growing again\"", "BRAIN_TUMOR",
     "brain tumor", H, True),
    ("parent-concern-label", "Parent concern: glioma returning", "GLIOMA", "glioma", H, True),
    ("possessive-main-worry", "Mother's main worry - a brain tumour", "BRAIN_TUMOR", "brain tumour", H, True),
    ("family-fears-label", "Family fears: lymphoma", "CNS_LYMPHOMA", "lymphoma", H, True),
    ("afraid-of-question", "What are you most afraid of?  That it is MS.", "MULTIPLE_SCLEROSIS", "MS", H, True),
    ("your-biggest-concern", "Your biggest concern: metastases to the brain", "BRAIN_METASTASIS", "metastases to the brain", H,
     True),
    ("answer-next-line", "What concerns you most about your child's health?\n  that the glioma came back",
     "GLIOMA", "glioma", H, True),
    ("caregiver-questions", "Caregiver questions/concerns - a brain tumor", "BRAIN_TUMOR", "brain tumor", H,
     True),
    ("patient-reported-worry-inconclusive", "Patient concern: the MRI was inconclusive", "IMAGING_INCONCLUSIVE",
     "inconclusive", H, True),
    # near misses
    ("clinician-concern", "Concern for glioma recurrence.", "GLIOMA", "glioma", {"uncertain"}, False),
    ("clinician-field", "Clinical concern: glioma", "GLIOMA", "glioma", None, False),
    ("next-line-after-answer", "What worries you most? seizures\nMRI 10/2026: glioblastoma, left temporal", "GLIOMA",
     "glioblastoma", set(), False),
    ("radiologist-question", "Radiology question: metastasis vs abscess?", "BRAIN_METASTASIS", "metastasis",
     {"uncertain"}, False),
]


@pytest.mark.parametrize(("text", "concept", "phrase", "expected", "lay"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_a_worry_answer_is_lay(mentions, text: str, concept: str, phrase: str,  # type: ignore[no-untyped-def]
                               expected: set[str] | None, lay: bool) -> None:
    m = find_mention(mentions, text, concept, phrase)
    if expected is not None:
        assert set(m.modifiers) == expected, m.modifier_rules
    assert (RULE in m.modifier_rules) is lay, m.modifier_rules


N, S, P = FactStatus.NOT_DOCUMENTED, FactStatus.SUSPECTED, FactStatus.PRESENT
FACTS = [
    ("worry-answer", "What worries you most? 'That the brain tumor came back'", "brain_neoplasm", N),
    ("parent-concern", "Parent concern: tumor returning", "brain_neoplasm", N),
    ("imaging-worry", "Patient's main worry: the MRI was non-diagnostic", "conventional_imaging_inconclusive", N),
    ("clinician-concern", "Assessment: concern for tumor recurrence.", "brain_neoplasm", S),
]


@pytest.mark.parametrize(("case", "text", "fact", "expected"), FACTS, ids=[c[0] for c in FACTS])
def test_worry_answer_facts(analyze, case: str, text: str, fact: str,  # type: ignore[no-untyped-def]
                            expected: FactStatus) -> None:
    assert facts_of(analyze, text).facts[fact].status is expected
