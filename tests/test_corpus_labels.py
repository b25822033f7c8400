"""How a key-fact label agrees with a screened fact (pipeline/corpus/annotations.py fact_agrees)."""

from __future__ import annotations

import pytest

from pipeline.contracts import Fact, FactStatus
from pipeline.corpus.annotations import fact_agrees


@pytest.mark.parametrize(("status", "value", "label", "agrees"), [
    # a status label: the status must match
    ("present", None, "present", True),
    ("suspected", None, "present", False),
    ("not_documented", None, "absent", False),
    ("absent", None, "absent", True),
    # a whole-number label (patient_age): present, with that many completed years
    ("present", 31.565, "31", True),
    ("present", 2.141, "2", True),
    ("present", 65.0, "65", True),
    ("present", 64.999, "65", False),  # not yet 65
    ("present", 7, "7", True),
    ("present", 8.2, "7", False),
    ("not_documented", None, "31", False),  # no age at all
    ("present", None, "4", False),  # present but no value to check
    ("present", 3.5, "present", True),  # a status label still only checks the status
])
def test_key_fact_label_agreement(status: str, value: float | None, label: str, agrees: bool) -> None:
    fact = Fact(name="patient_age", status=FactStatus(status), value=value)
    assert fact_agrees(fact, label) is agrees
