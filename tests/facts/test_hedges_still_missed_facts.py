"""Hedged diagnoses that read present, through the real NLP stage to the facts (context.yaml poss.most_likely_bare,
neg.doubted, poss.leading, poss.workup_for, poss.versus; table tests/nlp/test_hedges_still_missed.py): a bare
"most likely" or a ranked "dx" heading leaves the neoplasm suspected, a doubt makes it absent, a work-up for
lymphoma suspects it. Near misses: a plain impression stays present; "no doubt" affirms.

Rows: id, text, {fact: expected status}. Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts, facts_of

from pipeline.contracts import FactStatus

S, A, P = FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.PRESENT

CASES: list[tuple[str, str, dict[str, FactStatus]]] = [
    ("most likely bare", "MRI brain: 3 cm enhancing right thalamic mass. Impression: most likely high-grade "
     "thalamic glioma.", {"brain_neoplasm": S}),
    ("leading dx", "Assessment: periventricular enhancing lesion. Leading dx: primary CNS lymphoma.",
     {"cns_lymphoma": S}),
    ("doubt", "Assessment: solitary non-enhancing lesion. Doubt lymphoma - no systemic disease.",
     {"cns_lymphoma": A}),
    ("work-up for", "Assessment: deep white matter lesion. Plan: CSF cytology and CT chest for lymphoma.",
     {"cns_lymphoma": S}),
    ("near plain impression", "MRI brain: 3 cm enhancing right thalamic mass. Impression: high-grade thalamic "
     "glioma.", {"brain_neoplasm": P}),
    ("near no doubt", "Assessment: enlarging enhancement in the resection bed. No doubt this is a recurrence of "
     "the glioma.", {"brain_neoplasm": P}),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_hedges_still_missed_facts(analyze, text: str,  # type: ignore[no-untyped-def]
                                   expected: dict[str, FactStatus]) -> None:
    check_facts(facts_of(analyze, text), expected)
