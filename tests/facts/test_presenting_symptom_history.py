"""The presenting symptom of a course that began long before the prior imaging is history, not a new symptom: with
the current visit denying new symptoms, new_or_worsening_symptoms is absent ("she presented in March 2025 with a
first seizure, underwent resection ..."). A first symptom that is recent, or new since the study, stays present.

Rules: hist.presented_dated, hist.first_presented (pipeline/nlp/resources/context.yaml). Rows are freshly written.
"""

from __future__ import annotations

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of

from pipeline.contracts import FactStatus

P, A, N = FactStatus.PRESENT, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

DENIAL = "Today: denies new or worsening symptoms.\n"

CASES = [
    ("dated presentation, resection after it",
     "He presented in June 2024 with new right arm weakness, underwent gross total resection and chemoradiation. "
     "MRI 10/01/2026: stable cavity.\n" + DENIAL, A),
    ("presentation with a numeric date, then biopsy",
     "Pt presented on 02/11/2023 with a first seizure and was diagnosed with glioma at biopsy.\n"
     "MRI 09/30/2026: unchanged.\n" + DENIAL, A),
    ("initially presented, a past year",
     "She initially presented with new headaches in 2022; MRI 10/05/2026 showed a stable lesion.\n" + DENIAL, A),
    ("originally presented years ago",
     "Originally presented three years ago with a first focal seizure; MRI 10/05/2026 stable.\n" + DENIAL, A),
    ("first presentation was, then radiotherapy",
     "Her first presentation was new-onset aphasia, treated with resection and radiotherapy.\n"
     "MRI brain 10/12/2026: no change.\n" + DENIAL, A),
    ("letter style: presented back in 2021, then surgery",
     "Dear colleague, Mr. B presented back in 2021 with new left-sided numbness and underwent surgery. "
     "His MRI of 10/03/2026 was stable.\n" + DENIAL, A),
    ("a course years ago, months ago variant with treatment",
     "He presented 18 months ago with a first seizure and was treated with temozolomide. MRI 10/01/2026 stable.\n"
     + DENIAL, A),
    ("dictated: first presented, in 2020",
     "patient first presented in 2020 with new diplopia period MRI 10/04/2026 stable period\n" + DENIAL, A),
    # near misses
    ("near miss: a first seizure last week", "She had a first seizure last week. MRI 11/02/2026 showed a mass.\n", P),
    ("near miss: new seizures since the MRI",
     "MRI 10/02/2026: stable postoperative changes. He reports new seizures since the October MRI.\n", P),
    ("near miss: presented last week, no course",
     "She presented last week with a first seizure. MRI 11/12/2026 showed a mass.\n", P),
    ("near miss: first presented last week",
     "He first presented last week with new word-finding difficulty; MRI 11/10/2026 showed a lesion.\n", P),
    ("near miss: a dated presentation without a course told",
     "He presented on 11/10/2026 with a first seizure. MRI 11/12/2026 showed a mass.\n", P),
    ("near miss: old presentation, but new symptoms now",
     "She presented in 2023 with a first seizure and underwent resection. MRI 10/01/2026 stable. Since then new "
     "word-finding difficulty.\n", P),
]


@pytest.mark.parametrize(("case", "text", "status"), CASES, ids=[c[0] for c in CASES])
def test_new_or_worsening_symptoms(analyze, case, text, status):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text + REQUEST_TAIL), {"new_or_worsening_symptoms": status})
