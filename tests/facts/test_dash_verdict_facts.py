"""A verdict after a dash that names a second diagnosis, through the facts (tests/nlp/test_dash_verdicts.py).

The diagnosis after the dash counts with its own verdict (absent), the one before it keeps its own reading, and an
earlier hedge of the second diagnosis in the same paragraph is settled by it (supersession `settled`), as it is when
the verdict stands in a sentence of its own ("Gliosis. Neoplasm ruled out."). Near misses: "tumour - ruled out",
"lymphoma - suspected", "glioma - WHO grade 2".
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    "gliosis-tumour-excluded": ("Assessment: the committee concluded post-infectious gliosis - tumour excluded.\n",
                                {"brain_neoplasm": A}),
    "demyelination-lymphoma": ("Path review: demyelination - lymphoma ruled out.\n",
                               {"demyelination": P, "cns_lymphoma": A}),
    "toxoplasmosis-lymphoma": ("MDT outcome: toxoplasmosis -- lymphoma not supported.\n",
                               {"brain_infection": P, "cns_lymphoma": A}),
    "necrosis-recurrence": ("Second opinion: radiation necrosis - recurrence considered unlikely.\n",
                            {"treatment_effect": P}),
    "earlier-hedge-settled": ("MRI: enhancing lesion, lymphoma versus demyelination.\n"
                              "Path review: demyelination - lymphoma ruled out.\n",
                              {"cns_lymphoma": A, "demyelination": P}),
    "earlier-glioma-hedge-settled": ("MRI: left frontal lesion, possible low-grade glioma.\n"
                                     "Tumor board concluded gliosis - neoplasm ruled out.\n",
                                     {"brain_neoplasm": A, "glial_neoplasm": N}),
    # near misses
    "tumour-itself": ("Impression: tumour - ruled out.\n", {"brain_neoplasm": A}),
    "suspected": ("Impression: lymphoma - suspected.\n", {"cns_lymphoma": S}),
    "grade": ("Impression: glioma - WHO grade 2.\n", {"glial_neoplasm": P}),
}


@pytest.mark.parametrize(("text", "expected"), CASES.values(), ids=CASES.keys())
def test_a_verdict_after_a_dash_counts_for_its_own_diagnosis(analyze: Any, text: str,
                                                             expected: dict[str, FactStatus]) -> None:
    check_facts(facts_of(analyze, text + REQUEST_TAIL), expected)
