"""A relative's disease makes no diagnosis fact of the patient's, however the sentence is built (fresh texts through
the real NLP stage). Classes and rule ids: tests/nlp/test_relatives_named.py.

Rows cover a family statement broken across a line, a relative followed by a name or an age, a lay letter whose next
sentence goes on about the relative with a pronoun, "runs in the family", a relative's line label and a family
history denied; near misses (an informant, a relative present, a relative's line before the patient's, a relative
who is a nurse, the patient's own diagnosis after a denied family history, a note about a female patient) keep the
patient's reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
R = "Request date: 11/20/2026\nMR spectroscopy requested.\n"

ROWS = [
    ("died / of, across a line", R + "Her mother died\nof a glioblastoma at 61.\n",
     {"glial_neoplasm": N, "brain_neoplasm": N}),
    ("diagnosed / with, across a line", R + "Patient's father was diagnosed\nwith a brain tumour in his 50s.\n",
     {"brain_neoplasm": N, "known_brain_tumor": N}),
    ("a named mother in a letter", R + "My mother Jane had a glioma; I have had headaches for a month.\n",
     {"glial_neoplasm": N, "brain_neoplasm": N}),
    ("a named brother with his age", R + "His brother Tom (41) has epilepsy.\n", {"seizures": N, "epilepsy": N}),
    ("a sister's age and colon", R + "Sister, age 30: MS\n",
     {"multiple_sclerosis": N, "demyelination": N, "patient_age": N}),
    ("a named nephew with his age", R + "Our nephew Sam, 6, has a brain tumour.\n", {"brain_neoplasm": N}),
    ("a lay letter goes on with 'she'", R + "My sister has multiple sclerosis. She was diagnosed at 25 and her MS "
     "is stable on treatment.\n", {"multiple_sclerosis": N, "demyelination": N}),
    ("runs in the family, then cousins", R + "Epilepsy runs in the family: two cousins with seizures.\n",
     {"seizures": N, "epilepsy": N}),
    ("a maternal grandmother's dash", R + "Maternal grandmother - dementia, seizures in her 70s\n", {"seizures": N}),
    ("no family history of", R + "No family history of brain tumours.\n", {"brain_neoplasm": N}),
    ("near miss: the mother informs", R + "Mother reports the patient had a seizure on Sunday.\n", {"seizures": P}),
    ("near miss: the mother at bedside", R + "Mother at bedside. Patient has a glioma.\n", {"glial_neoplasm": P}),
    ("near miss: the father's label, then the patient's", R + "Father: healthy. Patient: GBM\n",
     {"glial_neoplasm": P, "brain_neoplasm": P}),
    ("near miss: the mother who brought her in", R + "Her mother, who brought her in, says her headaches are "
     "worse.\n", {"new_or_worsening_symptoms": P}),
    ("near miss: a sister who is a nurse", R + "Sister is a nurse.\nShe has had two seizures this month.\n",
     {"seizures": P}),
    ("near miss: the patient's glioma after a denied history", R + "No family history of brain tumours. MRI: "
     "enhancing left frontal glioma.\n", {"glial_neoplasm": P, "brain_neoplasm": P}),
    ("near miss: a note about a female patient", R + "She has MS. Her MS is stable on ocrelizumab.\n",
     {"multiple_sclerosis": P}),
    ("near miss: the writer's seizures after the brother's MS", R + "My brother has MS. He thinks my seizures are "
     "stress.\n", {"multiple_sclerosis": N, "seizures": P}),
]


@pytest.mark.parametrize(("case", "text", "expected"), ROWS, ids=[r[0] for r in ROWS])
def test_a_relatives_disease_is_no_fact_of_the_patients(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text), expected)
