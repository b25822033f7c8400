"""An adverb inside "X cannot be excluded / ruled out" keeps the hedge, through the real NLP stage to the facts
(context.yaml poss.exclusion_withheld, poss.exclusion_withheld_before): the neoplasm is suspected, not present
and not absent. Near misses: an exclusion without a negation stays absent.

Rows: id, text, {fact: expected status}. Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts, facts_of

from pipeline.contracts import FactStatus

S, A = FactStatus.SUSPECTED, FactStatus.ABSENT

CASES: list[tuple[str, str, dict[str, FactStatus]]] = [
    ("still cannot", "MRI brain: 2 cm non-enhancing left insular lesion. A low-grade glioma still cannot be "
     "excluded.", {"brain_neoplasm": S}),
    ("cannot yet be ruled out", "Impression: right frontal lesion; tumour cannot yet be ruled out.",
     {"brain_neoplasm": S}),
    ("can still not", "Assessment: enlarging periventricular lesion. Lymphoma can still not be excluded.",
     {"brain_neoplasm": S}),
    ("before, colon", "Impression:\n- Cannot entirely be excluded: metastasis.", {"brain_neoplasm": S}),
    ("near has been excluded", "Assessment: the left temporal lesion was biopsied. Glioma has been excluded.",
     {"brain_neoplasm": A}),
    ("near now excluded", "Impression: the tumour is now excluded by the follow-up MRI.", {"brain_neoplasm": A}),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_adverb_inside_hedge_facts(analyze, text: str,  # type: ignore[no-untyped-def]
                                   expected: dict[str, FactStatus]) -> None:
    check_facts(facts_of(analyze, text), expected)
