"""A disease named as a statistic, or a treatment named as a standard of care, makes no fact of this patient.

Class: a tumour-board slide's background bullets ("~15% of paediatric brain tumours", "RT = standard of care") made a
known brain tumour or a prior treatment. The mentions are hypothetical (context.yaml: hyp.generic_share_of,
hyp.treatment_standard_after and the rules beside them; mention-level table
tests/nlp/test_disease_statistic_statements.py), so they count for no fact. Near misses: the patient's own tumour and
treatment told in the same words stay present.

Rows: id -> (text, fact, expected status). Rows whose id starts with "near" must keep their reading. Rows are invented.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED

CASES: dict[str, tuple[str, str, FactStatus]] = {
    "share-of-brain-tumours": ("Background: ependymoma, ~8% of paediatric brain tumours.", "known_brain_tumor", N),
    "radiotherapy-standard-of-care": ("Background: RT = standard of care.", "prior_radiation", N),
    "near-received-standard": ("She received the standard-of-care radiotherapy in 2024.", "prior_radiation", P),
    "near-her-tumour-resected": ("Assessment: 90% of her brain tumour was resected in 2023.", "known_brain_tumor", P),
}


@pytest.mark.parametrize(("text", "fact", "status"), list(CASES.values()), ids=list(CASES))
def test_disease_statistic_statement_facts(analyze: Any, text: str, fact: str, status: FactStatus) -> None:
    check_facts(facts_of(analyze, text + "\n" + REQUEST_TAIL), {fact: status})
