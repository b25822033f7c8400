""""Stable since discharge" is a statement of clinical stability (STABLE_SYMPTOMS, rule course.stable), the current
visit's answer to an admission told before it ("admitted 09/12 for worsening headache; ... Seen today, stable since
discharge"). Near misses: a lesion or a finding stable since a date, or "discharged stable", are no such statement.

Rows are freshly written (tests/facts/test_symptom_episode_before_imaging.py uses it end to end).
"""

from __future__ import annotations

import pytest

CASES = [
    ("clinic line", "Seen in clinic today, stable since discharge.", True),
    ("interval label", "Interval history: stable since discharge, no complaints.", True),
    ("lower case dictation", "pt stable since discharge per mother", True),
    ("near miss: lesion stable since 2024", "The lesion has been stable since 2024.", False),
    ("near miss: discharged stable", "She was discharged home in stable condition.", False),
]


@pytest.mark.parametrize(("case", "text", "stable"), CASES, ids=[c[0] for c in CASES])
def test_stable_since_discharge(analyze, case, text, stable):  # type: ignore[no-untyped-def]
    found = [m for m in analyze(text).mentions if m.concept == "STABLE_SYMPTOMS"]
    assert bool(found) is stable, [(m.concept, m.text) for m in analyze(text).mentions]
