"""A diagnosis still under consideration is suspected, also when the words come after it.

"toxo and lymphoma both still considered", "lymphoma remains under consideration", "glioma is still being
considered" (poss.considered, backward). Near misses: "considered unlikely" (a negation reading elsewhere),
"lymphoma, considered and excluded" and a diagnosis stated plainly.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, S, A = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT

CASES = {
    "both-still-considered": ("Tumor board: toxoplasmosis and lymphoma both still considered.\n", "cns_lymphoma", S),
    "under-consideration": ("Assessment: lymphoma remains under consideration.\n", "cns_lymphoma", S),
    "still-being-considered": ("A low-grade glioma is still being considered.\n", "glial_neoplasm", S),
    "still-in-the-differential": ("Metastasis still in the differential.\n", "brain_metastasis", S),
    # near misses
    "stated": ("Assessment: primary CNS lymphoma, biopsy-proven.\n", "cns_lymphoma", P),
    "considered-and-excluded": ("Lymphoma was considered but has been excluded.\n", "cns_lymphoma", A),
}


@pytest.mark.parametrize(("text", "name", "status"), CASES.values(), ids=CASES.keys())
def test_a_diagnosis_still_considered_is_suspected(analyze: Any, text: str, name: str, status: FactStatus) -> None:
    fact = facts_of(analyze, text + REQUEST_TAIL).facts[name]
    assert fact.status is status, f"{name}: {fact.status.value}: {[e.text for e in fact.evidence]}"
