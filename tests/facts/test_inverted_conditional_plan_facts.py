"""A plan told in the main clause of a sentence opened by an inverted conditional is no stated purpose (mentions:
tests/nlp/test_inverted_conditional_main_clause.py).

Class: "Should the follow-up study demonstrate enlargement, spectroscopy would then be reasonable ... before choosing
between surgery and radiation" states a treatment-planning purpose that exists only if a future scan changes; the
condition (context.yaml hyp.conditional_should_opening, hyp.conditional_inverted, hyp.conditional_had, and the phrases
"in the event that", "if and when" of hyp.conditional) now reaches the whole main clause (scope
`scope.conditional_main_clause`), so the fact mrs_purpose reads no treatment-planning purpose from it and a payer's
treatment-planning criterion is not met by it.

Near misses keep their reading: the next sentence after a conditional one, a plan stated before "should it be
denied", "MRS should be done to plan resection" (advice).

Rows: id -> (text, whether the mrs_purpose fact carries a treatment-planning purpose).
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import facts_of

NOTE = "PRIOR AUTHORIZATION REQUEST\nDate of request: 11/20/2026\nCPT 76390\n\nCLINIC NOTE\nKnown left frontal glioma.\n"

CASES: dict[str, tuple[str, bool]] = {
    "should-opening, before choosing surgery or radiation": (
        NOTE + "Should the follow-up study demonstrate enlargement, spectroscopy would then be reasonable to look for "
        "upgrading before choosing between surgery and radiation.\n", False),
    "were-inverted, to plan resection": (
        NOTE + "Were the nodule to grow, we would request MRS to plan resection.\n", False),
    "in the event that, surgical planning": (
        NOTE + "In the event that seizures recur, an MRS for surgical planning would follow.\n", False),
    "had-opening, to plan resection": (
        NOTE + "Had the lesion enlarged, we would have requested MR spectroscopy to plan resection.\n", False),
    # near misses
    "near miss: the next sentence plans resection": (
        NOTE + "Should you have questions, call 555-0100. MRS is requested to plan resection.\n", True),
    "near miss: plan stated before should it be denied": (
        NOTE + "MRS is requested now to plan resection; should it be denied, we will appeal.\n", True),
    "near miss: should as advice": (NOTE + "MRS should be done to plan resection.\n", True),
}


@pytest.mark.parametrize(("text", "expected"), list(CASES.values()), ids=list(CASES))
def test_inverted_conditional_plan_is_no_purpose(analyze: Any, text: str, expected: bool) -> None:
    fact = facts_of(analyze, text).facts["mrs_purpose"]
    read = [(e.text, e.attributes.get("purpose"), e.attributes.get("cue")) for e in fact.evidence]
    assert any(p == "treatment_planning" for _, p, _ in read) == expected, read
