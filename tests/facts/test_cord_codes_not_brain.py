"""An ICD description of the spinal cord, its meninges or the other parts of the nervous system is no brain tumour.

ICD-10-CM C79.49 "Secondary malignant neoplasm of other parts of nervous system" names the nervous system outside
the brain and the cerebral meninges (target look.other_nervous_system_neoplasm, pipeline/nlp/resources/targets.yaml),
when its parenthesis gives a site of the cord or the nerves (a vertebral level too); the codes of the cord, the cauda equina, the spinal meninges and
the peripheral nerves (C72.0, C72.1, C70.1, D32.1, D33.4, D42.1, D43.4, C47.x, D36.1x) are no brain tumour either.
So brain_neoplasm and known_brain_tumor are not documented through them. Near misses: the brain's own codes (C79.31,
C79.32, C71.x, D33.0) and a C79.49 whose parenthesis names the brain ("(leptomeningeal, brain)") stay brain tumours, and so does C79.49 with no site (the ICD checklist row) and C79.40.

Rows are freshly written; near misses must not change.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED

ROWS: list[tuple[str, str, FactStatus]] = [
    ("C79.49 with an intramedullary cervical cord site",
     "Diagnosis: C79.49 Secondary malignant neoplasm of other parts of nervous system (intramedullary, cervical cord)",
     N),
    ("C79.49 after a dash, spinal cord",
     "Dx: C79.49 - Secondary malignant neoplasm of other parts of nervous system (spinal cord)", N),
    ("C79.49 lower case with 'the' and a level",
     "ICD-10: C79.49 secondary malignant neoplasm of other parts of the nervous system (spinal cord, T8)", N),
    ("C79.49 in capitals, conus",
     "Problem list: C79.49 SECONDARY MALIGNANT NEOPLASM OF OTHER PARTS OF NERVOUS SYSTEM (CONUS)", N),
    ("C79.49 description wrapped over two lines",
     "Diagnosis codes:\nC79.49 Secondary malignant neoplasm of other parts of\nnervous system (thoracic cord)", N),
    ("C79.49 with a nerve root site",
     "Indication: C79.49 Secondary malignant neoplasm of other parts of nervous system (L5 nerve root)", N),
    ("D33.4 benign neoplasm of spinal cord", "Dx: D33.4 Benign neoplasm of spinal cord", N),
    ("C72.0 malignant neoplasm of spinal cord", "C72.0 Malignant neoplasm of spinal cord", N),
    ("C72.1 cauda equina", "Diagnosis: C72.1 Malignant neoplasm of cauda equina", N),
    ("C70.1 spinal meninges", "Diagnosis code: C70.1 Malignant neoplasm of spinal meninges", N),
    ("D43.4 uncertain behaviour of spinal cord", "D43.4 Neoplasm of uncertain behavior of spinal cord", N),
    ("C47.9 peripheral nerves", "C47.9 Malignant neoplasm of peripheral nerves and autonomic nervous system, "
     "unspecified", N),
    # near misses: the brain's own codes, and C79.49 naming the brain
    ("near miss: C79.31 brain", "C79.31 Secondary malignant neoplasm of brain", P),
    ("near miss: C71.9 brain unspecified", "Dx: C71.9 Malignant neoplasm of brain, unspecified", P),
    ("near miss: D33.0 supratentorial", "D33.0 Benign neoplasm of brain, supratentorial", P),
    ("near miss: C79.32 cerebral meninges", "C79.32 Secondary malignant neoplasm of cerebral meninges", P),
    ("near miss: C79.49 naming the brain",
     "Indication: C79.49 Secondary malignant neoplasm of other parts of nervous system (leptomeningeal, brain)", P),
    ("near miss: C79.49 with no site (the ICD checklist row)",
     "Dx: C79.49 - Secondary malignant neoplasm of other parts of nervous system", P),
    ("near miss: C79.40 unspecified part", "C79.40 Secondary malignant neoplasm of unspecified part of nervous system",
     P),
]


@pytest.mark.parametrize(("case", "text", "status"), ROWS, ids=[c[0] for c in ROWS])
def test_cord_codes_not_brain(analyze: Any, case: str, text: str, status: FactStatus) -> None:
    facts = facts_of(analyze, text + "\n" + REQUEST_TAIL)
    check_facts(facts, {"brain_neoplasm": status, "known_brain_tumor": status})
