"""A treatment someone is referred for is not yet given (context rule hyp.referred_for).

"referral for endoscopic biopsy/resection", "refer to neurosurgery for resection", "referred for radiosurgery": the
treatment is hypothetical, so it is no prior resection, radiation or chemotherapy. Near misses keep the treatment:
one said to have been done after the referral ("which was performed", "completed 06/2023"), one the text says was
given before or without a referral.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import check_mention

# case, text, concept, span, expected modifiers
ROWS = [
    ("referral for after a choice", "The spectrum decides between interval imaging vs referral for endoscopic "
     "resection.", "PRIOR_RESECTION", "resection", {"hypothetical"}),
    ("referred to a service for", "He was referred to neurosurgery for resection of the nodule.", "PRIOR_RESECTION",
     "resection", {"hypothetical"}),
    ("refer for radiosurgery", "Refer for radiosurgery once the MRS is back.", "PRIOR_RADIATION", "radiosurgery",
     {"hypothetical"}),
    ("referral to a named clinic for", "Referral to the Gamma Knife clinic for stereotactic radiosurgery.",
     "PRIOR_RADIATION", "stereotactic radiosurgery", {"hypothetical"}),
    ("referring back for", "We are referring her back to oncology for chemotherapy.", "PRIOR_CHEMOTHERAPY",
     "chemotherapy", {"hypothetical"}),
    # near misses: done after the referral, or given without one
    ("near miss: performed after the referral", "Referred for resection, which was performed on 03/02/2025.",
     "PRIOR_RESECTION", "resection", set()),
    ("near miss: completed after the referral", "Referred to radiation oncology for adjuvant radiotherapy, completed "
     "06/2023.", "PRIOR_RADIATION", "radiotherapy", set()),
    ("near miss: underwent, then a referral", "He underwent resection in 2024 and was referred to oncology.",
     "PRIOR_RESECTION", "resection", set()),
]


@pytest.mark.parametrize(("case", "text", "concept", "span", "expected"), ROWS, ids=[r[0] for r in ROWS])
def test_referred_for_treatment(mentions: Any, case: str, text: str, concept: str, span: str,
                                expected: set[str]) -> None:
    check_mention(mentions, text, concept, span, expected)
