"""A hedged diagnosis is settled by a verdict later in its clause even when a study's name or a negated generic
word for the same finding stands between them ("r/o DNET (2022 CT) ... RESOLVED - 2024 MRI no lesion, tumor ruled
out"): scope.final_verdict, pass_types and pass_negated_rules. Another claim between them (a different diagnosis,
a lesion that is present) still keeps the hedge. Rows are freshly written; "near miss" rows keep today's reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
R = "Request date: 11/20/2026\n"

CASES = [
    ("problem row with a dot leader", R + "Problem list:\n- R frontal lesion, r/o glioma (2021 MRI) ........ "
     "RESOLVED - 2023 MRI no lesion, tumor ruled out\n", {"glial_neoplasm": A}),
    ("a study and a negated lesion between", R + "Possible metastasis on the 2022 CT; the 2024 MRI showed no "
     "lesion, and metastasis was excluded.\n", {"brain_metastasis": A}),
    ("a negated mass between", R + "Question of lymphoma (outside CT), no mass on MRI, tumor excluded.\n",
     {"cns_lymphoma": A}),
    ("near miss: another diagnosis between", R + "R/o lymphoma, no abscess, toxoplasmosis excluded.\n",
     {"cns_lymphoma": S}),
    ("near miss: a lesion that is present between", R + "R/o glioma, MRI shows an enhancing lesion, abscess ruled "
     "out.\n", {"glial_neoplasm": S}),
    ("near miss: a new sentence", R + "R/o glioma on CT. MRI: no lesion. Tumor board next week.\n",
     {"glial_neoplasm": S}),
]


@pytest.mark.parametrize(("case", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_a_verdict_settles_past_generic_words(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text), expected)
