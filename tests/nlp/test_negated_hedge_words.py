"""A negation that denies hedge words keeps its scope: "no atypical or indeterminate features".

The hedge adjectives after "no"/"without" are what is denied, not hedges that end the negation
(neg.no_hedged_features), so a report reading "classic features; no atypical or indeterminate features" is conclusive.
Near misses: the same words affirmed, or in a later clause the negation does not reach.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, A, N = FactStatus.PRESENT, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
MRI = "MRI BRAIN 10/02/2026\nIMPRESSION: "

CASES = {
    "no-atypical-or-indeterminate": (MRI + "Left vestibular schwannoma, classic features; no atypical or "
                                     "indeterminate features.\n", A),
    "without-suspicious-or-atypical": (MRI + "Right convexity meningioma without suspicious or atypical "
                                       "features.\n", A),
    "no-aggressive-atypical-or-indeterminate": (MRI + "Typical meningioma: no aggressive, atypical or indeterminate "
                                                "features.\n", A),
    # near misses
    "affirmed": (MRI + "Left frontal mass with atypical and indeterminate features.\n", P),
    "later-clause": (MRI + "No mass effect; enhancement pattern indeterminate.\n", P),
}


@pytest.mark.parametrize(("text", "status"), CASES.values(), ids=CASES.keys())
def test_a_negation_of_hedge_words_keeps_its_scope(analyze: Any, text: str, status: FactStatus) -> None:
    fact = facts_of(analyze, text + REQUEST_TAIL).facts["conventional_imaging_inconclusive"]
    assert fact.status is status, f"{fact.status.value}: {[e.text for e in fact.evidence]}"
