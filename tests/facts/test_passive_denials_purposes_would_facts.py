"""The facts of a denied passive suspicion, a differential told as a purpose and a "would" consequence, with the rule
each reading cites (table: tests/nlp/test_passive_denials_purposes_would.py)."""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

CASES: list[tuple[str, str, str, FactStatus, str | None]] = [
    ("inborn error denied", "Genetics: no inborn error of metabolism is suspected at present.\n",
     "inborn_error_of_metabolism", A, "scope.denied_suspicion"),
    ("inborn errors neither ... nor", "Neither an organic acidemia nor a urea cycle disorder was suspected.\n",
     "inborn_error_of_metabolism", A, "scope.denied_suspicion"),
    ("inborn error suspected", "An inborn error of metabolism is suspected.\n", "inborn_error_of_metabolism", S,
     None),
    ("differential: separate", "MRS is requested to separate tumour from demyelination.\n",
     "tumor_vs_nontumor_differential", P, None),
    ("differential: tell apart", "Spectroscopy should tell a metastasis apart from an abscess.\n",
     "tumor_vs_nontumor_differential", P, None),
    ("resection would follow", "Should it be a glioma, resection would follow.\n", "prior_resection", N, None),
    ("resection: would go to surgery", "A meningioma would go to neurosurgery for resection.\n", "prior_resection",
     N, None),
    ("resection: would like to discuss", "He would like to discuss resection with neurosurgery.\n",
     "prior_resection", N, None),
    ("resection done", "The tumour was resected in 2024; now new enhancement.\n", "prior_resection", P, None),
]


@pytest.mark.parametrize(("text", "fact", "status", "rule"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_passive_denials_purposes_would_facts(analyze: Any, text: str, fact: str, status: FactStatus,
                                              rule: str | None) -> None:
    f = facts_of(analyze, text + REQUEST_TAIL).facts[fact]
    assert f.status is status, (f.status, [(e.text, e.modifier_rules) for e in f.evidence])
    if rule is not None:
        assert any(rule in e.modifier_rules for e in f.evidence), [(e.text, e.modifier_rules) for e in f.evidence]
