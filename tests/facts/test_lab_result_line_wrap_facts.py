"""A lab result whose line wraps between the test's name, its verb and its value is still a result: a faxed note
breaks its lines in the middle of a sentence or a panel row ("Serum lactate drawn at noon,\\nresulted 3.4 (H)",
"CSF glucose\\n   31 mg/dL").

Misread: the sentence and clause readers cut the test's sentence at the line break, so the value or the "resulted"
verb on the next line was read in a sentence of its own, and the test, alone on its line with "sent" or "drawn",
read as a test awaited (labs_documented not documented).

Near misses keep their reading: a test sent out and still pending on the next line, one ordered and not drawn, one
cancelled, an empty "Labs:" header, a wildcard field, and a wrapped plan to check a test.

Rows are freshly written.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED
HPI = "HPI: 7-month-old boy with episodic vomiting, lethargy and a bilateral basal ganglia T2 signal.\n"
HPI2 = "HPI: 44-year-old woman with subacute confusion, fever and a right temporal lesion.\n"
HPI3 = "HPI: 3-year-old girl with developmental regression, seizures and symmetric brainstem lesions on a prior scan.\n"

ROWS: dict[str, tuple[str, FactStatus]] = {
    # the verb and value wrap onto the next line
    "drawn-comma-newline-resulted": (HPI + "Plasma ammonia drawn in the ED,\nresulted 121 umol/L (H).", P),
    "sent-reference-lab-indented-returned": (HPI3 + "Serum pyruvate sent to the reference lab;\n    returned "
                                             "0.31 mmol/L.", P),
    "sent-out-wrapped-resulted-date-finding": (HPI3 + "Urine organic acids: sent\nout, resulted 11/14, "
                                               "lactic aciduria and ketosis.", P),
    "collected-newline-showed": (HPI2 + "CSF collected at the outside hospital\nshowed 48 white cells "
                                    "and a protein of 112.", P),
    "drawn-and-newline-showed": (HPI + "Acylcarnitine profile drawn on admission and\n  showed elevated C8 "
                                 "and C10.", P),
    "ordered-wrapped-returned-negative": (HPI2 + "HSV PCR ordered by the ED team,\nreturned negative on 11/12.", P),
    "sent-newline-indent-resulted-value": (HPI3 + "Lactate sent from clinic this morning,\n\tresulted 4.2 "
                                           "mmol/L.", P),
    # the value alone wraps onto the next line
    "name-newline-value-units": (HPI2 + "CSF glucose\n   29 mg/dL (serum 102)", P),
    "name-newline-value-flag": (HPI + "Serum ammonia\n  188 (H)", P),
    "name-colon-newline-value": (HPI3 + "CK:\n    2,340 U/L", P),
    "name-newline-negative": (HPI2 + "Cryptococcal antigen\n  negative (drawn 11/10).", P),
    "panel-row-wrapped-value": (HPI + "Plasma amino acids:\n      alanine 712 (H), glutamine 980 (H)", P),
    "sent-out-newline-level-was": (HPI3 + "Ammonia sent\nout; level was 62 umol/L.", P),
    # near misses: nothing resulted, whatever the wrap
    "near-sent-out-pending": (HPI + "Ammonia sent\nout, pending.", N),
    "near-ordered-not-drawn": (HPI3 + "Lactate ordered,\nnot yet drawn.", N),
    "near-csf-cancelled": (HPI2 + "CSF studies: cancelled\n(LP deferred for coagulopathy).", N),
    "near-labs-header-empty": (HPI + "Labs:\n\nPlan: admit for MRI under sedation.", N),
    "near-field-wildcard": (HPI3 + "Pyruvate: ***", N),
    "near-will-check-wrapped": (HPI2 + "Will check\nlactate and CK at the next visit.", N),
    "near-sent-wrapped-awaiting": (HPI + "Acylcarnitines and carnitine sent\n   this morning, results to "
                                   "follow.", N),
    "near-drawn-newline-not-back": (HPI2 + "CSF cultures drawn 11/09,\nnot yet back.", N),
    "near-to-be-drawn-wrapped": (HPI3 + "Ammonia and lactate to be\ndrawn before sedation.", N),
    "near-sent-newline-will-fax": (HPI + "Urine organic acids sent to the state lab;\n  will fax when "
                                   "resulted.", N),
}


@pytest.mark.parametrize(("text", "status"), [pytest.param(t, s, id=k) for k, (t, s) in ROWS.items()])
def test_lab_result_wrapped_over_a_line(analyze: Any, text: str, status: FactStatus) -> None:
    fact = facts_of(analyze, text + REQUEST_TAIL).facts["labs_documented"]
    assert fact.status is status, (f"{fact.status.value} ({fact.note}); evidence "
                                   f"{[(e.text, e.attributes.get('cue')) for e in fact.evidence]}")
