"""Three of the language forms of tests/nlp/test_negation_forms.py as facts, on fresh short texts through the real
NLP stage: the patient's own negative test rules out the relative's disorder for the patient; a preference is a
suspicion, not a diagnosis; a purpose word in the question of the patient or the family is not the MRS's purpose.
Rows named "near miss" must keep their result."""

from __future__ import annotations

import pytest
from text_to_criteria import facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
TAIL = "\n\nDate of request: 11/20/2026\n"

# case, text, fact, expected status
RELATIVE_AND_PATIENT = [
    ("sibling's X-ALD, the patient's VLCFA and ABCD1 testing negative",
     "Sibling with X-ALD; patient's VLCFA and ABCD1 testing negative.", "leukodystrophy", A),
    ("brothers with MELAS, the patient tested negative",
     "Two brothers with MELAS, the patient tested negative.", "mitochondrial_disorder", A),
    ("older sister's PKU, the patient's newborn screen normal",
     "Older sister with PKU; the patient's newborn screen was normal.", "inborn_error_of_metabolism", A),
    ("the patient's own mention written out",
     "Brother with X-ALD, patient negative for X-ALD on ABCD1 testing.", "leukodystrophy", A),
    ("near miss: the relative's disease alone", "Her brother has cerebral ALD.", "leukodystrophy", N),
    ("near miss: a relative's glioblastoma", "His mother's glioblastoma was resected in 2015.", "glial_neoplasm", N),
    ("near miss: an MRI is no test for the disorder", "Brother with X-ALD; patient's MRI normal.", "leukodystrophy",
     N),
    ("near miss: the patient's test is abnormal", "Brother with X-ALD; patient's VLCFA elevated.", "leukodystrophy",
     N),
    ("near miss: the patient's test is pending", "Brother with X-ALD; patient's VLCFA pending.", "leukodystrophy", N),
    ("near miss: patient and brother both affected", "She and her brother both have MELAS.",
     "mitochondrial_disorder", P),
]

PREFERENCE = [
    ("now favored but not proven", "Lymphoma now favored but not proven.", "cns_lymphoma", S),
    ("the leading alternative", "Primary CNS lymphoma is the leading alternative.", "cns_lymphoma", S),
    ("steroids would obscure it", "Steroids would obscure a lymphoma diagnosis.", "cns_lymphoma", S),
    ("near miss: biopsy-proven", "Biopsy-proven lymphoma.", "cns_lymphoma", P),
]


@pytest.mark.parametrize(("case", "text", "fact", "expected"), RELATIVE_AND_PATIENT + PREFERENCE,
                         ids=[c[0] for c in RELATIVE_AND_PATIENT + PREFERENCE])
def test_relatives_tests_and_preferences(analyze, case, text, fact, expected):  # type: ignore[no-untyped-def]
    f = facts_of(analyze, text + TAIL).facts[fact]
    assert f.status is expected, (f.note, [(e.text, e.assertion) for e in f.evidence])


# case, text, whether "prognosis" is among the MRS purposes
ASKED = [
    ("the family asks, next sentence",
     "Plan: MR spectroscopy (76390) requested for recurrence versus necrosis. The family asks about prognosis.\n",
     False),
    ("the daughter wants to know",
     "Plan: MRS (76390) requested to distinguish tumor from necrosis. The daughter wants to know the prognosis.\n",
     False),
    ("parents asked, after a semicolon",
     "A/P: brain MRS for tumor grading; parents asked about prognosis today.\n", False),
    ("a husband's questions",
     "Plan: MR spectroscopy requested for grading. Her husband had questions regarding prognosis.\n", False),
    ("the patient wonders",
     "Assessment/plan: MRS requested for glioma grading. Patient is wondering about her prognosis.\n", False),
    ("near miss: MRS to assess prognosis",
     "Assessment and plan: brain MRS to assess prognosis after hypoxic injury.\n", True),
    ("near miss: for prognostication, MRS requested", "Plan: for prognostication, MRS requested.\n", True),
    ("near miss: the question is the MRS's reason, same clause",
     "Plan: MRS requested because the family wants to know the prognosis.\n", True),
    ("near miss: prognostic evaluation", "Plan: MR spectroscopy (76390) requested for prognostic evaluation.\n",
     True),
]


@pytest.mark.parametrize(("case", "text", "prognosis"), ASKED, ids=[c[0] for c in ASKED])
def test_a_question_of_the_family_is_not_the_mrs_purpose(analyze, case, text, prognosis):  # type: ignore[no-untyped-def]
    fact = facts_of(analyze, text + TAIL).facts["mrs_purpose"]
    assert ("prognosis" in fact.attributes.get("purpose", [])) is prognosis, fact.evidence
