"""NF1 signal abnormalities and traumatic lesions are non-tumor diagnoses a tumor may be weighed against.

"atypical UBO vs low-grade glioma" and "transformation vs contusion" are Florida Blue's "brain lesion to
differentiate brain tumor from other non-tumor diagnoses" (`tumor_vs_nontumor_differential`). Near misses: the same
words with no tumor weighed, or the tumor excluded.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, A, N = FactStatus.PRESENT, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

CASES = {
    "ubo-vs-glioma": ("Impression: enlarging enhancing left thalamic lesion, atypical UBO versus low-grade "
                      "glioma.\n", P),
    "fasi-vs-glioma": ("Assessment: NF1; new FASI in the pons vs pilocytic astrocytoma.\n", P),
    "contusion-vs-transformation": ("Impression: new enhancement at the known astrocytoma, higher-grade "
                                    "transformation versus hemorrhagic contusion after the fall.\n", P),
    "shear-vs-metastasis": ("Assessment: punctate lesions, diffuse axonal injury vs metastases.\n", P),
    # near misses
    "ubos-no-tumor-weighed": ("Impression: typical NF1 UBOs in the basal ganglia, unchanged.\n", N),
    "contusion-alone": ("CT head: small right frontal contusion.\n", N),
}


@pytest.mark.parametrize(("text", "status"), CASES.values(), ids=CASES.keys())
def test_nf1_signal_and_trauma_are_nontumor_alternatives(analyze: Any, text: str, status: FactStatus) -> None:
    fact = facts_of(analyze, text + REQUEST_TAIL).facts["tumor_vs_nontumor_differential"]
    assert fact.status is status, f"{fact.status.value}: {[e.text for e in fact.evidence]}"
