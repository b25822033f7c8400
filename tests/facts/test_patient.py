"""Derivations of facts/derive/patient.py on hand-made mentions: patient_age and neonate."""

from __future__ import annotations

import pytest
from handmade import packet

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

AGE_CASES = [
    # id, packet, expected age in days (None: not documented)
    ("dob-and-request-date", packet("DOB: 01/01/2026. Seen today.", ("DOB", "DOB: 01/01/2026"),
                                    reference="2026-01-15"), 14),
    ("dob-after-request-date-is-ignored", packet("DOB: 02/01/2026.", ("DOB", "DOB: 02/01/2026"),
                                                 reference="2026-01-15"), None),
    ("stated-age", packet("A 7-year-old boy with headaches.", ("AGE", "7-year-old")), 7 * 365),
    ("stated-age-in-days", packet("A 10-day-old girl with seizures.", ("AGE", "10-day-old")), 10),
    # cue patient.relative_after_age: the relative's age is skipped, the patient's is taken
    ("relative-age-skipped", packet("Born to a 31 year old mother. Now 5 days old.",
                                    ("AGE", "31 year old"), ("AGE", "5 days old")), 5),
    ("relative-age-only", packet("Born to a 31 year old mother.", ("AGE", "31 year old")), None),
    ("age-not-followed-by-relative", packet("A 31 year old man with a mass.", ("AGE", "31 year old")), 31 * 365),
    ("dob-wins-over-stated-age", packet("DOB: 01/01/2020. A 9 yo girl.", ("DOB", "DOB: 01/01/2020"),
                                        ("AGE", "9 yo"), reference="2026-01-01"), 2192),
    ("nothing", packet("Seen in clinic."), None),
]


@pytest.mark.parametrize(("p", "days"), [c[1:] for c in AGE_CASES], ids=[c[0] for c in AGE_CASES])
def test_patient_age(p, days):  # type: ignore[no-untyped-def]
    fact = p.fact("patient_age")
    if days is None:
        assert fact.status is N
    else:
        assert fact.status is P
        assert fact.attributes["days"] == [str(days)]


NEONATE_CASES = [
    ("28-days-is-a-neonate", packet("A 28-day-old infant.", ("AGE", "28-day-old")), P),
    ("29-days-is-not", packet("A 29-day-old infant.", ("AGE", "29-day-old")), A),
    ("newborn-word", packet("Newborn with apneas.", ("NEONATE", "Newborn")), P),
    ("newborn-hedged", packet("Possibly a neonatal onset.", ("NEONATE", "neonatal", {"mods": ("uncertain",)})), S),
    ("age-beats-the-word", packet("Ex-newborn, now 3 months old.", ("NEONATE", "newborn"),
                                  ("AGE", "3 months old")), A),
    ("nothing", packet("Adult clinic."), N),
]


@pytest.mark.parametrize(("p", "status"), [c[1:] for c in NEONATE_CASES], ids=[c[0] for c in NEONATE_CASES])
def test_neonate(p, status):  # type: ignore[no-untyped-def]
    assert p.fact("neonate").status is status
