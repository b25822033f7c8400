"""Reasoning toward a diagnosis and an overlap between two diagnoses are hedges, not affirmations.

"the expansion argues for tumor", "findings point toward a glioma", "overlap between tumefactive demyelination and a
glial neoplasm" leave the diagnosis suspected (poss.evaluate_for, poss.between). Near misses: "argues against" (a
negation), a diagnosis stated after its own verdict ("biopsy-proven glioma").
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, S, A = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT

CASES = {
    "argues-for": ("Assessment: I agree - the expansion argues for tumor.\n", "brain_neoplasm", S),
    "would-argue-for": ("The mass effect would argue for a glioma.\n", "glial_neoplasm", S),
    "points-toward": ("Impression: the perfusion pattern points toward lymphoma.\n", "cns_lymphoma", S),
    "leans-toward": ("Neuroradiology leans toward a low-grade glioma.\n", "glial_neoplasm", S),
    "overlap-between": ("MRS indeterminate - overlap between tumefactive demyelination and a glial neoplasm.\n",
                        "glial_neoplasm", S),
    "overlap-of": ("Spectrum shows overlap of lymphoma and toxoplasmosis patterns.\n", "cns_lymphoma", S),
    # near misses
    "argues-against": ("The restricted diffusion argues against lymphoma.\n", "cns_lymphoma", A),
    "proven": ("Assessment: biopsy-proven glioblastoma, left temporal.\n", "glial_neoplasm", P),
}


@pytest.mark.parametrize(("text", "name", "status"), CASES.values(), ids=CASES.keys())
def test_reasoning_and_overlap_are_hedges(analyze: Any, text: str, name: str, status: FactStatus) -> None:
    fact = facts_of(analyze, text + REQUEST_TAIL).facts[name]
    assert fact.status is status, f"{name}: {fact.status.value}: {[e.text for e in fact.evidence]}"
