"""Two readings, through the real NLP stage and fact mapper.

1. An intramedullary lesion is a spinal-cord lesion however many words stand before its head ("intramedullary
   expansile T2-hyperintense lesion"), and a lesion at a vertebral level needs no preposition ("lesion C3-C5"):
   no brain lesion (look.spinal_cord_lesion).
2. "Surveillance for" and "monitoring for" a disease look for it: the disease is in question, not present
   (poss.evaluate_for; "watch for" is a return precaution, hypothetical); "surveillance of the metastases" is of a
   disease the patient has.

Rows are freshly written; "near miss" rows keep today's reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
R = "Request date: 11/20/2026\n"

CASES = [
    ("intramedullary with four words before the head", R + "MRI C-spine: intramedullary expansile "
     "T2-hyperintense enhancing lesion, 3 cm.\n", {"brain_lesion": N}),
    ("lesion at a level with no preposition", R + "Findings: enhancing lesion C5-C6 within the cord.\n",
     {"brain_lesion": N}),
    ("thoracic level", R + "Findings: expansile mass T8-T9, cord signal abnormal.\n", {"brain_lesion": N}),
    ("near miss: a brain lesion", R + "Findings: enhancing lesion in the left frontal lobe.\n",
     {"brain_lesion": P}),
    ("near miss: T2 names a sequence", R + "Findings: a lesion on T2 in the right thalamus.\n",
     {"brain_lesion": P}),
    ("surveillance for metastases", R + "Indication: lung cancer, surveillance for brain metastases.\n",
     {"brain_metastasis": S}),
    ("monitoring for recurrence of a glioma", R + "MRI for monitoring for glioma in a patient with NF1.\n",
     {"glial_neoplasm": S}),
    ("watch for, in a plan (a plan item is hypothetical)", R + "Plan: watch for lymphoma with serial MRI.\n",
     {"cns_lymphoma": N}),
    ("near miss: surveillance of known metastases", R + "Indication: surveillance of the treated brain "
     "metastases after radiosurgery.\n", {"brain_metastasis": P}),
]


@pytest.mark.parametrize(("case", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_cord_phrases_and_surveillance(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text), expected)
