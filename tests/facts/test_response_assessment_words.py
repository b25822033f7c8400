"""Following a treatment's response is response assessment, not a treatment-related change.

"treatment response" (a protocol that follows disease course and response to therapy) is a monitoring purpose; the
fact `treatment_effect` (radiation necrosis, pseudoprogression, post-treatment change) and the question
`recurrence_vs_treatment_effect` need a change caused by treatment. Near misses keep the post-treatment question.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED

CASES = {
    "protocol-follows-response": ("Assessment: metachromatic leukodystrophy. The protocol requires baseline MRI with "
                                  "quantitative MRS to follow disease course and treatment response.\n",
                                  "treatment_effect", N),
    "response-after-hsct": ("Plan: MRS to assess treatment response after HSCT for cerebral ALD.\n",
                            "treatment_effect", N),
    "response-no-question": ("Assessment: GBM on TMZ. MRS to follow treatment response; recurrence is not "
                             "suspected.\n", "recurrence_vs_treatment_effect", FactStatus.ABSENT),
    # near misses: a change caused by treatment
    # (a bare "recurrence" is a tumour's only in a packet that names one: tests/facts/test_recurrence_without_tumour.py)
    "treatment-effect-weighed": ("Assessment: glioblastoma s/p chemoradiation.\nImpression: new enhancement, "
                                 "recurrence versus treatment effect.\n",
                                 "recurrence_vs_treatment_effect", P),
    "post-treatment-change": ("Impression: enhancement likely post-treatment change; recurrent GBM not excluded.\n",
                              "treatment_effect", FactStatus.SUSPECTED),
}


@pytest.mark.parametrize(("text", "name", "status"), CASES.values(), ids=CASES.keys())
def test_response_assessment_is_not_a_treatment_effect(analyze: Any, text: str, name: str,
                                                       status: FactStatus) -> None:
    fact = facts_of(analyze, text + REQUEST_TAIL).facts[name]
    assert fact.status is status, f"{name}: {fact.status.value}: {[e.text for e in fact.evidence]}"
