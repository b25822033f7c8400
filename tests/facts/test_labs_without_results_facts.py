"""A lab named only as drawn, sent, ordered, pending, awaited, to be followed up or still to be learned has no result
(fact labs_documented; cues labs.pending, labs.resulted, labs.stated_after, labs.stated_before in
facts/resources/cues.yaml): "Bloods drawn in clinic for CBC and ESR", "Toxo serology sent 11/19, result not back",
"we will decide once the CD4 count is available", "Plan: follow up on the labs", "Pending: viral load".

Near misses keep their reading: a value or a read written for the test ("WBC 14.2", "sodium 128", "CD4 was 90 last
month", "normal CBC and CMP", "lactate elevated at 3.8"), a lab table with values beside a pending line for other
tests, and attached labs with the lab page present.

Rows are freshly written.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED
HPI = "HPI: 38-year-old man with HIV, two weeks of headache and right arm weakness.\n"
HPI2 = "HPI: 4-year-old girl with regression and episodic vomiting.\n"

ROWS: dict[str, tuple[str, FactStatus]] = {
    # 1. drawn or collected, nothing reported
    "drawn-at-visit": (HPI + "Bloods were drawn in clinic today for CBC, CMP, CRP and blood cultures.", N),
    "collected-this-morning": (HPI + "Blood work collected this morning; will call with results.", N),
    "drawn-listed-after": (HPI2 + "We drew ammonia, lactate and pyruvate on arrival.", N),
    # 2. sent, result not back
    "serology-sent-not-back": (HPI + "Toxo IgG sent on 12/01 - result not yet back.", N),
    "sent-to-reference-lab": (HPI2 + "Plasma amino acids and acylcarnitine profile sent to the reference lab.", N),
    "csf-sent-awaiting": (HPI + "CSF sent for cryptococcal antigen and JC virus PCR, awaiting results.", N),
    # 3. a value still to be learned
    "once-cd4-available": (HPI + "Prophylaxis will be decided once the CD4 count is available.", N),
    "until-viral-load-known": (HPI + "Treatment on hold until we know the viral load.", N),
    "depending-on-ammonia": (HPI2 + "Next steps depend on the ammonia level, which has not resulted.", N),
    # 4. plan, follow-up, repeat
    "plan-follow-up-labs": (HPI2 + "Plan: follow up on the outstanding labs; repeat lactate in one week.", N),
    "will-follow-up-results": (HPI + "We will follow up the serology results at the next visit.", N),
    "repeat-next-week": (HPI2 + "Repeat ammonia and CK next week.", N),
    # 5. pending, ordered
    "pending-label": (HPI + "Pending: HIV viral load, CSF cytology.", N),
    "ordered-today-paren": (HPI2 + "Labs ordered today (CMP, ammonia, lactate/pyruvate).", N),
    "have-been-ordered": (HPI + "A CBC and CD4 count have been ordered.", N),
    "awaited-british": (HPI + "Toxoplasma serology results are awaited.", N),
    # near misses: a value or a read is reported
    "near-drawn-with-values": (HPI + "Bloods drawn 12/02: WBC 13.1, CRP 72.", P),
    "near-sent-poc-value": (HPI2 + "CMP sent; serum sodium 129 on the point-of-care meter.", P),
    "near-pending-cd4-last-month": (HPI + "Serology pending, but his CD4 count was 85 last month.", P),
    "near-reviewed-normal": (HPI + "Labs from 11/28 reviewed - normal CBC and CMP.", P),
    "near-lactate-elevated-at": (HPI2 + "Lactate elevated at 4.1 on admission.", P),
    "near-table-and-pending": (HPI2 + "Labs:\n Ammonia 41\n Lactate 2.9 (H)\n CK 210\nPending: mtDNA sequencing", P),
    "near-ammonia-normal-then-order": (HPI2 + "Ammonia normal. Repeat lactate ordered.", P),
    "near-cd4-value": (HPI + "CD4 count 140 cells/uL; viral load pending.", P),
    "near-ordered-resulted": (HPI + "Cryptococcal antigen was ordered and returned negative.", P),
    "near-attached-with-page": (HPI + "Labs: see attached.\n\nLABORATORY RESULTS\nWBC 6.2\nHemoglobin 13.4\n"
                                "Platelets 220", P),
}


@pytest.mark.parametrize(("text", "status"), ROWS.values(), ids=ROWS.keys())
def test_labs_without_results(analyze: Any, text: str, status: FactStatus) -> None:
    fact = facts_of(analyze, text + REQUEST_TAIL).facts["labs_documented"]
    assert fact.status is status, (f"{fact.status.value} ({fact.note}); evidence "
                                   f"{[(e.text, e.attributes.get('cue')) for e in fact.evidence]}")
