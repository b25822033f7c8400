"""An EHR template placeholder nobody expanded (a smart-link "@LABRCNT(48)@", a wildcard "***", a SmartList
"{Blank single:19197::"***"}", a bracketed token "[[LAB-RESULTS]]" or "<<lab panel>>") is no value and no result:
a number inside the token (a look-back window, an id) is the token's argument, and a label followed only by a
placeholder is a field left empty (fact labs_documented; cue text.template_placeholder, in
facts/resources/cues.yaml, masked where labs.result_value and labs.stated_after look for a value).

Near misses keep their reading: a real value on the same or the next line ("Labs: Na 134, ammonia 61 @TODAY@",
"Ammonia 127 ***", "Labs: ***" then "Creatinine 1.4"), a window written in plain words ("CBC (last 24 h): WBC
11.2"), an e-mail address, and a pending test that stays not documented ("Ammonia: pending ***").

Rows are freshly written.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED
HPI = "HPI: 58-year-old man with alcohol-related cirrhosis, two days of confusion and a right parietal lesion.\n"
HPI2 = "HPI: 4-year-old boy with motor regression, spasticity and recurrent vomiting with illness.\n"
HPI3 = "HPI: 44-year-old woman after renal transplant on tacrolimus, new left hemiparesis and a cortical lesion.\n"

ROWS: dict[str, tuple[str, FactStatus]] = {
    # 1. a smart-link whose argument is a look-back window or an id
    "smartlink-recent-labs-window": (HPI + "Labs: @RECENTLABS(48)@", N),
    "smartlink-alone-under-header": (HPI3 + "LABS:\n@LABRCNT(72)@\n\nAssessment: possible PML.", N),
    "smartlink-cmp-window": (HPI + "CMP: @CMPRESULT(24)@", N),
    "smartlink-window-label": (HPI3 + "CBC (last 24 h): @LASTCBC(24)@", N),
    "smartlink-named-analyte": (HPI + "Ammonia level: @LASTLAB(NH3:3)@", N),
    # 2. a wildcard left in a field
    "wildcard-cbc": (HPI3 + "CBC: ***", N),
    "wildcard-ammonia-dash": (HPI + "Ammonia - ***", N),
    "wildcard-labs-spaced": (HPI2 + "Labs: * * *", N),
    "blank-line-field-lactate": (HPI2 + "Lactate: ______", N),
    # 3. a SmartList or a SmartText token
    "smartlist-blank-single-bmp": (HPI + 'BMP: {Blank single:19197::"***"}', N),
    "smartlist-labs-last-window": (HPI2 + "Lab results: {Labs last 36h:40112}", N),
    "smartlist-cbc-diff": (HPI3 + "CBC with diff: {CBC (last 48 hours):29871}", N),
    # 4. bracketed tokens
    "double-bracket-results-window": (HPI3 + "Results: [[LABRESULTS-96H]]", N),
    "double-bracket-labs-reviewed": (HPI + "Labs reviewed: [[LAB-RESULTS]]", N),
    "angle-bracket-lab-panel": (HPI2 + "Labs: <<lab panel>>", N),
    "angle-bracket-bloodwork": (HPI + "Blood work: <<insert 24 hr labs>>", N),
    # near misses: a real value beside the token, a window in words, an address, a pending test
    "near-values-then-today-token": (HPI + "Labs: Na 131, ammonia 74 @TODAY@", P),
    "near-window-in-words": (HPI3 + "CBC (last 24 h): WBC 12.6, platelets 88.", P),
    "near-value-then-wildcard": (HPI + "Ammonia 127 ***", P),
    "near-wildcard-value-next-line": (HPI3 + "Labs: ***\nCreatinine 1.9, potassium 5.4", P),
    "near-header-token-values-next-line": (HPI + "LABS: @LABRCNT(24)@\nNa 129, K 3.3, INR 2.0", P),
    "near-token-then-values-same-line": (HPI + "Labs: @RECENTLABS(72)@ Na 133, INR 1.8", P),
    "near-value-then-bracket-token": (HPI3 + "CBC: WBC 3.2 [[RESULTS]]", P),
    "near-angle-token-values-next-line": (HPI2 + "Labs: <<lab panel>>\nLactate 4.4, ammonia 96", P),
    "near-email-address": (HPI + "Ammonia 88. Questions to lab.desk@mercyhealth.org", P),
    "near-handle-at-sign": (HPI2 + "Lactate 3.9 (called to @neuro_oncall).", P),
    "near-normal-then-wildcard": (HPI3 + "BMP unremarkable ***", P),
    "near-pending-wildcard": (HPI + "Ammonia: pending ***", N),
    "near-labs-none-wildcard": (HPI2 + "Labs: none available ***", N),
}


@pytest.mark.parametrize(("text", "status"), ROWS.values(), ids=ROWS.keys())
def test_template_placeholders(analyze: Any, text: str, status: FactStatus) -> None:
    fact = facts_of(analyze, text + REQUEST_TAIL).facts["labs_documented"]
    assert fact.status is status, (f"{fact.status.value} ({fact.note}); evidence "
                                   f"{[(e.text, e.attributes.get('cue')) for e in fact.evidence]}")
