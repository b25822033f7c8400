"""A normal test for one disease of a family settles that disease only, and it is a test, not a read.

"GALC activity (Krabbe): normal" ends a suspected Krabbe disease; it neither ends the family's own question ("the
pattern suggests a leukodystrophy", supersession._narrower) nor another member (a suspected MLD), and since a
laboratory result settles it the MRI that weighed the differential stays inconclusive (cue value set
`verdict.test_result_rules`, imaging.settled_by_test). Near misses: a biopsy that answers the read does settle the
study; a normal test with nothing else open leaves the named disease absent.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

P, S, A = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT
INCONCLUSIVE = "conventional_imaging_inconclusive"

MRI = ("MRI BRAIN 09/02/2026\nIMPRESSION: Confluent deep white matter signal, suggestive of a leukodystrophy; "
       "{first} is the main consideration, with the other in the differential. Not specific on imaging alone.\n\n")

CASES = [
    ("an enzyme normal for the disease in the differential",
     MRI.format(first="Krabbe disease") + "ARSA activity (MLD): normal range 10/06.\n",
     {INCONCLUSIVE: P, "leukodystrophy": S}),
    ("an enzyme normal for the main consideration",
     MRI.format(first="metachromatic leukodystrophy") + "ARSA activity (MLD): normal range 10/06.\n",
     {INCONCLUSIVE: P}),
    ("the other enzyme, a bare date after normal",
     MRI.format(first="Krabbe disease") + "GALC activity (Krabbe): normal 10/14.\n", {INCONCLUSIVE: P}),
    ("the other enzyme beside the other main consideration",
     MRI.format(first="metachromatic leukodystrophy") + "GALC activity (Krabbe): normal 10/14.\n",
     {INCONCLUSIVE: P, "leukodystrophy": S}),
    ("a test for a disease outside the differential",
     MRI.format(first="Krabbe disease") + "VLCFA (ALD): normal range 10/12.\n", {INCONCLUSIVE: P}),
    # near miss: tissue answers the read, the study is settled
    ("near miss: a biopsy answers the read",
     "MRI BRAIN 09/02/2026\nIMPRESSION: Ring-enhancing right frontal lesion, abscess versus necrotic glioma.\n\n"
     "Stereotactic biopsy 09/10/2026: pathology showed an abscess; no tumour.\n", {INCONCLUSIVE: A}),
]


@pytest.mark.parametrize(("case", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_a_normal_test_settles_only_its_disease(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), expected)
