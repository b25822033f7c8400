"""A disease that only names a test is what the test was sent for, not a finding (context.yaml poss.test_named):
"Leukodystrophy panel: no pathogenic variant; one VUS, not explanatory" leaves leukodystrophy a suspicion at most,
never affirmed. Near misses: a negative result still negates the name (scope.test_name), a diagnosis stated in its
own words stays affirmed, and a test word that does not follow the disease changes nothing.

Rows: id, text, concept, the mention's text, its expected assertions among ASSERTIONS, a rule id it must cite.
"""

from __future__ import annotations

import pytest
from text_to_criteria import find_mention

ASSERTIONS = {"negated", "uncertain", "hypothetical", "family"}
U, NEG = {"uncertain"}, {"negated"}

CASES: list[tuple[str, str, str, str, set[str], str | None]] = [
    ("panel, VUS not explanatory", "Leukodystrophy panel: no pathogenic variant; one VUS, not explanatory.",
     "LEUKODYSTROPHY", "Leukodystrophy", U, "poss.test_named"),
    ("table row, wide gap, VUS", "Results:\n Leukodystrophy panel    no pathogenic variant; 1 VUS (heterozygous)\n",
     "LEUKODYSTROPHY", "Leukodystrophy", U, "poss.test_named"),
    ("gene panel, VUS", "Epilepsy gene panel: VUS in SCN1A, not explanatory.", "EPILEPSY", "Epilepsy", U,
     "poss.test_named"),
    ("panel with gene count", "Leukodystrophy panel (72 genes): 1 VUS, not explanatory.", "LEUKODYSTROPHY",
     "Leukodystrophy", U, "poss.test_named"),
    ("enzyme assay, borderline", "Krabbe enzyme assay: borderline low GALC, repeat advised.", "LEUKODYSTROPHY",
     "Krabbe", U, "poss.test_named"),
    ("disease panel, VUS", "Mitochondrial disease panel: one VUS in POLG, uncertain significance.",
     "MITOCHONDRIAL", "Mitochondrial disease", U, "poss.test_named"),
    ("near: negative panel stays negated", "Leukodystrophy panel: negative.", "LEUKODYSTROPHY", "Leukodystrophy",
     NEG, None),
    ("near: diagnosis in its own words", "Metachromatic leukodystrophy, confirmed by ARSA enzyme activity.",
     "LEUKODYSTROPHY", "Metachromatic leukodystrophy", set(), None),
    ("near: epilepsy stated, panel later", "Drug-resistant epilepsy since age 4; gene panel pending.", "EPILEPSY",
     "Drug-resistant epilepsy", set(), None),
]


@pytest.mark.parametrize(("text", "concept", "span", "expected", "rule"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_test_named_disease(mentions, text: str, concept: str, span: str, expected: set[str],  # type: ignore[no-untyped-def]
                            rule: str | None) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & ASSERTIONS == expected, (mention.modifiers, mention.modifier_rules)
    if rule is not None:
        assert rule in mention.modifier_rules
