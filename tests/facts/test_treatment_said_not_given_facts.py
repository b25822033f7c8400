"""A treatment said not given, or discussed and then put off or turned down, is no prior treatment.

`prior_resection` / `prior_radiation` / `prior_chemotherapy` and `prior_tumor_treatment` read a treatment as not
given when the sentence says so: "not" / "never" before the participle (neg.no, beside the quiet
`poss.imaging_only_not_done`), or a treatment discussed, offered or proposed and then put off or turned down
(`neg.treatment_put_off_after`). Near misses: a treatment given beside one not given stays prior.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

P, A, ND = FactStatus.PRESENT, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
READ = "MRI brain: left frontal non-enhancing mass, imaging consistent with a diffuse glioma.\n"

CASES = [
    ("not resected", READ + "Not resected (deep location, eloquent cortex).\n",
     {"prior_resection": A, "prior_tumor_treatment": A}),
    ("never resected", READ + "Never resected; followed with MRI.\n", {"prior_resection": A}),
    ("talked about, rather wait", READ + "Talked about lomustine; she would rather wait.\n",
     {"prior_chemotherapy": A, "prior_tumor_treatment": A}),
    ("offered; declined", READ + "Radiosurgery offered; declined.\n", {"prior_radiation": A}),
    ("discussed, prefers to postpone", READ + "Vorasidenib discussed; patient prefers to postpone therapy while "
     "the lesion is stable.\n", {"prior_chemotherapy": A, "prior_tumor_treatment": A}),
    # near misses
    ("near: resected, not irradiated", READ + "Resected 2019, not irradiated.\n",
     {"prior_resection": P, "prior_tumor_treatment": P}),
    ("near: completed radiotherapy, declined chemo", READ + "Completed radiotherapy, declined further chemotherapy.\n",
     {"prior_radiation": P, "prior_tumor_treatment": P}),
    ("near: s/p resection, discussing chemo", READ + "s/p resection, now discussing chemotherapy.\n",
     {"prior_resection": P, "prior_tumor_treatment": P}),
    ("near: started after discussion", READ + "Started temozolomide after discussion.\n",
     {"prior_chemotherapy": P}),
]


@pytest.mark.parametrize(("case", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_treatment_said_not_given_facts(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), expected)
