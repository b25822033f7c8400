"""A lab named as not yet resulted, back or available, in process, to be learned before a decision ("once the
ESR is back", "decide on X with the CRP", "decide after the viral load"), to be followed up at a later time
("follow-up labs in 2 weeks"), or with nothing reported so far ("nothing to report so far", "no organisms identified
so far") has no result (fact labs_documented; cue labs.pending, its awaited wordings, in facts/resources/cues.yaml).

Near misses keep their reading: a value or a read written for the test ("CD4 212 cells/uL", "cultures negative
after five days", "CBC unremarkable", "ammonia 142, repeat pending", "follow-up lactate normal").

Rows are freshly written.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED
HPI = "HPI: 44-year-old woman with AIDS, ten days of fever, confusion and left-sided weakness.\n"
HPI2 = "HPI: 7-month-old boy with poor feeding, lethargy and new seizures.\n"

ROWS: dict[str, tuple[str, FactStatus]] = {
    # 1. not yet resulted, back, available
    "not-yet-resulted-analyser-down": (HPI2 + "Lactate and pyruvate not yet resulted because the analyser is down; "
                                       "expected overnight.", N),
    "not-back-yet": (HPI + "Toxoplasma IgG is not back yet.", N),
    "not-available-yet": (HPI + "The CRP is not available yet at the time of this request.", N),
    "has-not-come-back": (HPI2 + "The plasma amino acids have not come back.", N),
    "hasnt-come-back-yet": (HPI + "Her HIV viral load hasn't come back yet.", N),
    # 2. in process, nothing so far
    "csf-in-process": (HPI + "CSF cultures still in process; nothing to report at this time.", N),
    "cultures-nothing-so-far": (HPI + "Blood cultures - nothing to report so far.", N),
    "no-organisms-yet": (HPI + "Blood cultures: no organisms seen so far.", N),
    "no-organisms-isolated-as-yet": (HPI2 + "Blood cultures: no organisms isolated as yet.", N),
    # 3. a decision waiting on the value
    "once-esr-back": (HPI + "Antibiotics to be narrowed once the ESR is back.", N),
    "decide-with-crp": (HPI + "We will decide on dexamethasone with the CRP.", N),
    "decide-after-viral-load": (HPI + "Will decide about ART timing after the viral load.", N),
    "once-known": (HPI2 + "Diet change once the ammonia is known.", N),
    "depending-on-cd4": (HPI + "Prophylaxis depending on the CD4 count.", N),
    # 4. follow up, repeat, decide later
    "follow-up-labs-next-week": (HPI + "Follow up labs in one week.", N),
    "repeat-and-decide": (HPI2 + "We will repeat the CMP and decide then.", N),
    "follow-up-labs-in-weeks": (HPI + "Follow-up labs in 2 weeks.", N),
    "f-u-cbc-tomorrow": (HPI2 + "F/u CBC and CMP tomorrow.", N),
    "followup-bloodwork-pending": (HPI + "Will follow up bloodwork at her next visit.", N),
    # near misses: a value or a read is reported
    "near-cd4-value-date": (HPI + "CD4 88 cells/uL (12/01).", P),
    "near-cultures-negative-after-days": (HPI + "Blood cultures were negative after five days.", P),
    "near-cbc-cmp-normal": (HPI + "CBC normal; CMP unremarkable.", P),
    "near-ammonia-value-repeat-pending": (HPI2 + "Ammonia 168 umol/L, repeat pending.", P),
    "near-lactate-followup-normal": (HPI2 + "Lactate was high at 5.2; follow-up lactate normal.", P),
    "near-crp-value-then-decide": (HPI + "CRP 96 mg/L; we will decide on steroids after the MRI.", P),
    "near-esr-back-elevated": (HPI + "ESR came back elevated at 88.", P),
    "near-cultures-grew": (HPI + "Blood cultures grew Staphylococcus aureus.", P),
    "near-viral-load-value-repeat": (HPI + "Viral load 54,000 copies/mL; repeat in 4 weeks.", P),
    "near-labs-reviewed-wnl": (HPI2 + "Labs reviewed today: electrolytes within normal limits.", P),
}


@pytest.mark.parametrize(("text", "status"), ROWS.values(), ids=ROWS.keys())
def test_labs_awaited_wordings(analyze: Any, text: str, status: FactStatus) -> None:
    fact = facts_of(analyze, text + REQUEST_TAIL).facts["labs_documented"]
    assert fact.status is status, (f"{fact.status.value} ({fact.note}); evidence "
                                   f"{[(e.text, e.attributes.get('cue')) for e in fact.evidence]}")
