"""A diagnosis called plausible or conceivable after it is hedged like one called possible or likely
(context.yaml poss.hedge_after): "Metastasis equally plausible.", "lymphoma (conceivable)". Near misses: a diagnosis
affirmed before an unrelated "plausible" clause keeps its reading, and "implausible" is no hedge of this rule.

Rows: id, text, concept, the mention's text, its expected assertions among ASSERTIONS, a rule id it must cite.
"""

from __future__ import annotations

import pytest
from text_to_criteria import find_mention

ASSERTIONS = {"negated", "uncertain", "hypothetical", "family"}
U = {"uncertain"}

CASES: list[tuple[str, str, str, str, set[str], str | None]] = [
    ("equally plausible", "Abscess favoured by ID. Metastasis equally plausible.", "BRAIN_METASTASIS", "Metastasis",
     U, "poss.hedge_after"),
    ("is plausible", "Lymphoma is plausible.", "CNS_LYMPHOMA", "Lymphoma", U, "poss.hedge_after"),
    ("also plausible, comma", "Glioma, also plausible, given the age.", "GLIOMA", "Glioma", U, "poss.hedge_after"),
    ("conceivable, parenthesis", "Tumefactive MS (conceivable) - CSF pending.", "MULTIPLE_SCLEROSIS", "Tumefactive MS", U,
     "poss.hedge_after"),
    ("dash list item, plausible", "DDx:\n- toxoplasmosis - plausible\n- lymphoma\n", "BRAIN_INFECTION",
     "toxoplasmosis", U, "poss.hedge_after"),
    ("lower case, conceivable", "leptomeningeal metastasis conceivable.", "BRAIN_METASTASIS",
     "leptomeningeal metastasis", U, "poss.hedge_after"),
    ("near: affirmed, plausible about something else", "Known glioblastoma. Pseudoprogression is plausible.",
     "GLIOMA", "glioblastoma", set(), None),
]


@pytest.mark.parametrize(("text", "concept", "span", "expected", "rule"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_plausible_hedge(mentions, text: str, concept: str, span: str, expected: set[str],  # type: ignore[no-untyped-def]
                         rule: str | None) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & ASSERTIONS == expected, (mention.modifiers, mention.modifier_rules)
    if rule is not None:
        assert rule in mention.modifier_rules
