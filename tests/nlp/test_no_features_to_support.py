"""'No features to support X' denies X, like 'no features to suggest X' (neg.no): a pathologist's or radiologist's
"no features to support grade 3" is no hedge of grade 3. Near misses: "features support X" affirms, "to support the
diagnosis of X" in a request is the test's purpose (a hedge), "no features to support" of one thing leaves the
diagnosis named before it as it was.

Rows: id, text, concept, the mention's text, its expected assertions among ASSERTIONS.
"""

from __future__ import annotations

import pytest
from text_to_criteria import find_mention

ASSERTIONS = {"negated", "uncertain", "hypothetical"}
N, U = {"negated"}, {"uncertain"}

CASES: list[tuple[str, str, str, str, set[str]]] = [
    ("features, grade", "Astrocytoma, CNS WHO grade 2. No features to support grade 3.", "TUMOR_GRADE", "grade 3", N),
    ("features, high-grade glioma", "No features to support a high-grade glioma.", "GLIOMA", "high-grade glioma", N),
    ("findings, lymphoma", "There are no findings to support lymphoma on this study.", "CNS_LYMPHOMA", "lymphoma", N),
    ("feature, abscess", "No imaging feature to support an abscess.", "BRAIN_INFECTION", "abscess", N),
    ("signs, recurrence", "No signs to support recurrence; stable post-treatment change.", "RECURRENCE", "recurrence",
     N),
    # near misses
    ("near: features support", "Imaging features support a high-grade glioma.", "GLIOMA", "high-grade glioma",
     set()),
    ("near: purpose", "MRS requested to support the diagnosis of lymphoma.", "CNS_LYMPHOMA", "lymphoma", U),
    ("near: the diagnosis before", "Glioblastoma, IDH-wildtype. No features to support a second primary.", "GLIOMA",
     "Glioblastoma", set()),
]


@pytest.mark.parametrize(("text", "concept", "span", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_no_features_to_support(mentions, text: str, concept: str, span: str,  # type: ignore[no-untyped-def]
                                expected: set[str]) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & ASSERTIONS == expected, (mention.modifiers, mention.modifier_rules)
