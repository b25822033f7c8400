"""A lab field that holds no result: a label (with units or extra words) whose value is an unexpanded dot-phrase
(".RECENTLABS", ".LASTLAB(72)") or a wildcard after a wide gap, a "no results returned / found" marker the EHR
printed in place of the values, or an order-status row that says the test was cancelled or discontinued (fact
labs_documented; cues text.template_placeholder, labs.no_results_marker, labs.order_cancelled in
facts/resources/cues.yaml). Such a test stays as ignored evidence citing the cue.

Near misses keep their reading: a dot-phrase that expanded into values on its line, a resulted order row, a test
cancelled and then re-sent with its result, a labelled field with a real value, a "Cancelled: none" line above a
value, a drug discontinued because of a lab value, and a negative finding ("oligoclonal bands: none found").

Rows are freshly written.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED
HPI = "HPI: 61-year-old woman with hepatitis C cirrhosis, fluctuating confusion and a left frontal lesion.\n"
HPI2 = "HPI: 9-year-old girl with subacute ataxia, headache and a cerebellar T2 lesion after a tick bite.\n"
HPI3 = "HPI: 37-year-old man on valproate for epilepsy with new lethargy and a thalamic lesion.\n"

ROWS: dict[str, tuple[str, FactStatus]] = {
    # 1. a label with units or extra words, a wide gap, then a wildcard
    "wildcard-after-units-label": (HPI + "Ammonia, plasma / umol/L:        ***", N),
    "wildcard-after-paren-units-gap": (HPI3 + "Lactate (arterial, mmol/L)      ***", N),
    "wildcard-after-comma-label": (HPI2 + "CK, total, U/L:   * * *", N),
    # 2. an unexpanded dot-phrase, alone or with a "no results" marker
    "dotphrase-alone": (HPI3 + "CMP:   .CMPLAST", N),
    "dotphrase-with-args": (HPI + "Ammonia level: .LASTLAB(NH3,48)", N),
    "dotphrase-no-results-found": (HPI + "LFT/INR:    .RECENTLABS  [no results found]", N),
    "dotphrase-none-returned": (HPI3 + "Metabolic panel: .LABSLAST(96) - none returned", N),
    "dotphrase-labs-header": (HPI2 + "Labs: .LABS24H (no results returned)", N),
    # 3. the "no results" marker alone
    "marker-no-results-found": (HPI3 + "Valproic acid level:   No results found.", N),
    "marker-no-results-returned-paren": (HPI + "Creatinine (last 72 h): (no results returned)", N),
    # 4. an order-status row that is cancelled or discontinued
    "cancelled-row-with-reason-date": (HPI2 + "HSV PCR, CSF         Canceled (no LP)      11/04/2026", N),
    "discontinued-bare": (HPI3 + "Ammonia   Discontinued", N),
    "cancelled-dash-by-lab": (HPI + "Lactate - cancelled by lab, specimen hemolyzed", N),
    "cancelled-order-label": (HPI3 + "CK: order cancelled", N),
    "discontinued-caps-level-row": (HPI2 + "Vitamin B12 level      DISCONTINUED     11/03", N),
    "cancelled-pipe-row": (HPI + "HIV 1/2 antigen/antibody | cancelled | 10/14/2026", N),
    "was-cancelled": (HPI2 + "The repeat ammonia was cancelled.", N),
    # near misses: a value beside the token, a resulted row, a re-sent test, a real value, other cancellations
    "near-dotphrase-expanded": (HPI + "CMP/CBC: .LABSRECENT -> Na 133, WBC 11.4", P),
    "near-resulted-row": (HPI3 + "Ammonia     Resulted     88 (H)", P),
    "near-cancelled-resent-result": (HPI2 + "HSV PCR cancelled, then re-sent and resulted negative.", P),
    "near-units-label-value": (HPI + "Ammonia, plasma / umol/L:     71", P),
    "near-cancelled-none-header": (HPI3 + "Cancelled: none\nAmmonia 102 (H)", P),
    "near-drug-discontinued-after-value": (HPI3 + "Valproate discontinued after an ammonia of 141.", P),
    "near-ammonia-high-drug-stopped": (HPI3 + "Ammonia high, valproate discontinued.", P),
    "near-final-row": (HPI + "Ammonia      Final      96 (H)      11/02/2026", P),
    "near-oligoclonal-none-found": (HPI2 + "CSF oligoclonal bands: none found; CSF protein 41.", P),
    "near-dot-after-sentence": (HPI + "Labs reviewed.CBC normal.", P),
}


@pytest.mark.parametrize(("text", "status"), ROWS.values(), ids=ROWS.keys())
def test_labs_field_placeholder_cancelled(analyze: Any, text: str, status: FactStatus) -> None:
    fact = facts_of(analyze, text + REQUEST_TAIL).facts["labs_documented"]
    assert fact.status is status, (f"{fact.status.value} ({fact.note}); evidence "
                                   f"{[(e.text, e.attributes.get('cue')) for e in fact.evidence]}")
