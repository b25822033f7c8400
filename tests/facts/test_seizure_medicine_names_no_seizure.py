"""A drug named by the seizures it prevents names no seizure.

"She never needed seizure medicine", "seizure meds were never started", "levetiracetam for seizure prophylaxis after
the craniotomy", "on anti-seizure medication since surgery" name a treatment (rule tx.other), not a seizure: with no
seizure told elsewhere, seizures is not documented (or absent where denied). Near misses: a seizure told beside the
drug ("two seizures despite seizure medication") stays present; "seizure-free on seizure medication" keeps its
reading (absent).

Rows are freshly written; near misses must not change.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of

from pipeline.contracts import FactStatus

P, A, N = FactStatus.PRESENT, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

ROWS = [
    ("never needed seizure medicine", "Parent letter: she never needed seizure medicine and is meeting milestones.\n", N),
    ("seizure meds never started", "Seizure meds were never started; EEG normal.\n", N),
    ("seizure prophylaxis after surgery", "Levetiracetam for seizure prophylaxis after the craniotomy, stopped at 7 days.\n", N),
    ("anti-seizure medication since surgery", "On anti-seizure medication since surgery, no events.\n", N),
    ("near miss: seizures despite the drug", "Two focal seizures last month despite seizure medication.\n", P),
    ("near miss: seizure-free on the drug", "Seizure-free for two years on seizure medication.\n", A),
]


@pytest.mark.parametrize(("case", "text", "status"), ROWS, ids=[r[0] for r in ROWS])
def test_seizure_medicine_names_no_seizure(analyze: Any, case: str, text: str, status: FactStatus) -> None:
    check_facts(facts_of(analyze, text + REQUEST_TAIL), {"seizures": status})
