"""Health-information-exchange and interface printouts, through the real NLP stage to the facts.

HL7 text segments read as one report (cue layout.hl7_text_segment): a differential split over two OBX segments is
suspected, not present. A comment row under a problem-list row gives the row its status (context poss.row_comment,
neg.row_comment, hist.row_comment). "HIE" for a health information exchange is no hypoxic-ischaemic encephalopathy
(targets look.hie_exchange). Near misses: a row without a comment and a confirming comment stay present; a
neonate's HIE stays an encephalopathy. Limits: see tests/nlp/test_interface_printouts.py.

Rows: id, text, {fact: expected status}. Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
R = "Request date: 08/02/2026\nRequest: MR spectroscopy (CPT 76390).\n"

CASES: list[tuple[str, str, dict[str, FactStatus]]] = [
    ("a differential across OBX segments", R + "OBR|1|||70553^MRI BRAIN|||20260728\n"
     "OBX|1|TX|MR^IMP||Heterogeneous mass of the splenium, glioblastoma versus||||||F\n"
     "OBX|2|TX|MR^IMP||lymphoma. No hydrocephalus.||||||F\n", {"glial_neoplasm": S, "cns_lymphoma": S}),
    ("a comment row makes the entry provisional", R + "Problem list:\n| Brain metastases | C79.31 | Active |\n"
     "|   comment: provisional, from the ED head CT |\n| Hypertension | I10 | Active |\n", {"brain_metastasis": S}),
    ("a comment row rules the entry out", R + "Problem list:\n| Anaplastic astrocytoma | C71.9 | Active |\n"
     "| note: ruled out at resection |\n| GERD | K21.9 | Active |\n", {"glial_neoplasm": A}),
    ("HIE as the exchange", R + "HIE clinical summary retrieved 07/30/2026. Statewide HIE query: no outside MRI.\n",
     {"hypoxic_ischemic_encephalopathy": N}),
    ("near a row without a comment", R + "Problem list:\n| Brain metastases | C79.31 | Active |\n"
     "| Hypertension | I10 | Active |\n", {"brain_metastasis": P}),
    ("near a confirming comment", R + "Problem list:\n| Brain metastases | C79.31 | Active |\n"
     "| comment: biopsy-proven, lung primary |\n", {"brain_metastasis": P}),
    ("near a neonate's HIE", R + "Term male infant, 6 days old, with moderate HIE, cooled for 72 h.\n",
     {"hypoxic_ischemic_encephalopathy": P}),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_interface_printouts_facts(analyze, text: str,  # type: ignore[no-untyped-def]
                                   expected: dict[str, FactStatus]) -> None:
    check_facts(facts_of(analyze, text), expected)
