"""How a key-fact label agrees with a screened fact, and how compare() counts the disagreements
(pipeline/corpus/annotations.py fact_agrees, compare)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from pipeline.contracts import Fact, FactStatus
from pipeline.corpus.annotations import AnnotatedPacket, compare, fact_agrees


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


@pytest.mark.parametrize(("label", "status", "value", "mismatches", "silence"), [
    ("present", "present", None, 0, 0),
    ("present", "suspected", None, 1, 0),  # a status disagreement is counted
    ("absent", "not_documented", None, 1, 1),  # and a silence disagreement counted apart as well
    ("31", "present", 31.2, 0, 0),
    ("31", "present", 30.9, 1, 0),  # a numeric label with another age
    ("31", "not_documented", None, 1, 0),
])
def test_compare_counts_key_fact_mismatches(label: str, status: str, value: float | None, mismatches: int,
                                            silence: int) -> None:
    packet = AnnotatedPacket(id="dev-900", split="dev", title="", text_path=Path("x.txt"), expected={},
                             key_facts={"patient_age": label}, exercises=[])
    record = SimpleNamespace(determinations=[],
                             facts=[Fact(name="patient_age", status=FactStatus(status), value=value)])
    agreement = compare(record, packet)  # type: ignore[arg-type]
    assert len(agreement.fact_mismatches) == mismatches
    assert agreement.silence_mismatches == silence
    assert agreement.full is (mismatches == 0)
