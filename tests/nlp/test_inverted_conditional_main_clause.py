"""An inverted conditional opening a sentence reaches its whole main clause (facts:
tests/facts/test_inverted_conditional_plan_facts.py).

Class: a sentence opened by an inverted or set-phrase condition ("Should X ...", "Were X to ...", "Had X ...", "In the
event that X ...", "If and when X ...") tells a plan that exists only if the condition comes true. The condition's
cue (context.yaml hyp.conditional_should_opening, hyp.conditional_inverted, hyp.conditional_had, hyp.conditional)
reaches past the comma that ends the condition into the main clause up to the sentence's end (scope
`scope.conditional_clause`, `main_clause`): the purposes, treatments and studies told there are hypothetical, not
only the condition's own first tokens.

Near misses keep their reading: the sentence after a conditional one; a condition told after a stated plan ("MRS is
requested now ...; should it be denied, ..."); "should" as advice ("MRS should be done ...").

Each row: a text, a concept, the span, which of its mentions with that span (0: the first), and the assertions it
is hypothetical or not (H: hypothetical; an empty set: not hypothetical, whatever else it carries).
"""

from __future__ import annotations

import pytest

H: set[str] = {"hypothetical"}
AMONG = {"hypothetical"}

ROWS = [
    ("should-opening, purpose before choosing",
     "Should the follow-up study demonstrate enlargement, spectroscopy would then be reasonable to look for "
     "upgrading before choosing between surgery and radiation.",
     "PURPOSE", "before choosing", 0, H),
    ("should-opening, purpose to look for upgrading",
     "Should the follow-up study demonstrate enlargement, spectroscopy would then be reasonable to look for "
     "upgrading before choosing between surgery and radiation.",
     "PURPOSE", "upgrading", 0, H),
    ("were-inverted, purpose to plan resection",
     "Were the nodule to grow, we would request MRS to plan resection.", "PURPOSE", "plan resection", 0, H),
    ("were-inverted, the request",
     "Were the nodule to grow, we would request MRS to plan resection.", "MRS_REQUEST", "request MRS", 0, H),
    ("in the event that, surgical planning",
     "In the event that seizures recur, an MRS for surgical planning would follow.",
     "PURPOSE", "surgical planning", 0, H),
    ("had-opening, the request",
     "Had the lesion enlarged, we would have requested MRS to plan radiosurgery of the metastasis.",
     "MRS_REQUEST", "requested MRS", 0, H),
    ("if and when, purpose to guide biopsy",
     "If and when the mass enlarges, MR spectroscopy would be obtained to guide biopsy targeting.",
     "PURPOSE", "guide biopsy", 0, H),
    # near misses
    ("near miss: the next sentence is not conditional",
     "Should you have questions, call 555-0100. MRS is requested to plan resection.",
     "PURPOSE", "plan resection", 0, set()),
    ("near miss: a plan stated before the condition",
     "MRS is requested now to plan resection; should it be denied, we will appeal.",
     "PURPOSE", "plan resection", 0, set()),
    # a main clause in the present tells what the study does when its result comes (a result branch: its purpose)
    ("near miss: a present-tense main clause",
     "Were the lactate to rise, the spectroscopy avoids a second biopsy of the nodule.", "PURPOSE",
     "avoids a second biopsy", 0, set()),
    ("near miss: should as advice",
     "MRS should be done to plan resection.", "PURPOSE", "plan resection", 0, set()),
]


@pytest.mark.parametrize(("case", "text", "concept", "span", "nth", "expected"), ROWS, ids=[c[0] for c in ROWS])
def test_inverted_condition_reaches_main_clause(mentions, case, text, concept, span, nth, expected):  # type: ignore[no-untyped-def]
    found = [m for m in mentions(text + "\n") if m.concept == concept and m.text.startswith(span)]
    assert len(found) > nth, [(m.concept, m.text, m.modifiers) for m in mentions(text + "\n")]
    assert set(found[nth].modifiers) & AMONG == expected, (found[nth].modifiers, found[nth].modifier_rules)
