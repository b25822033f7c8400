"""A lumbar puncture, a lumbar drain or a spinal tap is a procedure, not the spine as the MRS target.

`spine_indication` (the MRS's target is the spine, the spinal cord or a disc) pends every payer's brain indications
(policies: hwv/hh/fb.not_brain, exc.spine), so a procedure named on an order list or a request must not make it:
"LUMBAR PUNCTURE (CSF protein) Cancelled", "LP / lumbar drain placed". Near misses keep the spine target.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import facts_of

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED
BRAIN_REQUEST = "\nREQUEST: MR spectroscopy of the brain (CPT 76390). Date of request: 11/10/2026.\n"

CASES = {
    "lumbar-puncture-on-orders": ("ORDERS\nLUMBAR PUNCTURE (CSF protein)  Cancelled  not needed\n", N),
    "lumbar-puncture-in-request": ("REQUEST: MRS brain; lumbar puncture done 11/02, CSF normal.\n", N),
    "lumbar-drain": ("Plan: lumbar drain placed for CSF leak; MRS brain requested.\n", N),
    "lumbar-tap": ("Orders: lumbar tap for opening pressure.\n", N),
    # near misses: the spine is the target
    "lumbar-disc-mrs": ("REQUEST: MR spectroscopy of the L4-L5 disc for discogenic pain.\n", P),
    "lumbar-spine-on-request": ("REQUEST: MRS of the lumbar spine.\n", P),
}


@pytest.mark.parametrize(("text", "status"), CASES.values(), ids=CASES.keys())
def test_a_procedure_on_the_spine_is_not_the_mrs_target(analyze: Any, text: str, status: FactStatus) -> None:
    fact = facts_of(analyze, text + BRAIN_REQUEST).facts["spine_indication"]
    assert fact.status is status, f"{fact.status.value}: {[e.text for e in fact.evidence]}"


# Back pain as the reason a prior study failed is a symptom's effect, not the MRS target.
ASIDES = {
    "motion-from-back-pain-in-brackets": ("REQUEST: repeat MRS brain: the prior MRS was non-diagnostic (patient motion "
                                          "from back pain and lipid contamination).\n", N),
    "could-not-lie-still": ("REQUEST: repeat MRS brain. The MRS failed: he could not lie still (back pain, "
                            "anxiety).\n", N),
    # near miss: the spine is the target
    "mrs-for-back-pain": ("REQUEST: MR spectroscopy of the lumbar discs for chronic low back pain.\n", P),
}


@pytest.mark.parametrize(("text", "status"), ASIDES.values(), ids=ASIDES.keys())
def test_back_pain_that_spoiled_a_study_is_not_the_target(analyze: Any, text: str, status: FactStatus) -> None:
    fact = facts_of(analyze, text + BRAIN_REQUEST).facts["spine_indication"]
    assert fact.status is status, f"{fact.status.value}: {[e.text for e in fact.evidence]}"
