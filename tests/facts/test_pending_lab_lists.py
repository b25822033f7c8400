"""A pending status that heads a list: a header line that ends in a colon and says the tests are pending, awaited,
outstanding or sent ("Drawn today, results pending:", "Sent today, awaiting results:", "Outstanding labs:") governs
the items on the lines below it, up to a blank line or the next header, so the tests named there have no result
(fact labs_documented; cues labs.pending, labs.list_header, labs.resulted in facts/resources/cues.yaml).

Near misses keep their reading: a header that gives results ("Results (drawn 11/18):" with values below), a mixed
block where each header has its own items ("Pending: mtDNA" then "Resulted: lactate 2.1 (H)"), a value written on
an item line under a pending header (that test is resulted), a blank line or a results header that ends the pending
list, and a plain labs section with values.

Rows are freshly written.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED
HPI = "HPI: 6-year-old boy with developmental regression and episodic ataxia.\n"

ROWS: dict[str, tuple[str, FactStatus]] = {
    # 1. a status header, the tests on the next line(s)
    "drawn-today-results-pending": (HPI + "Drawn today, results pending:\n lactate, pyruvate, CK", N),
    "sent-today-awaiting": (HPI + "Sent today, awaiting results:\n ammonia, lactate", N),
    "pending-caps": (HPI + "LABS PENDING:\n  LACTATE, PYRUVATE, PLASMA AMINO ACIDS", N),
    "sent-out-wrapped": (HPI + "Sent out to the reference lab on 11/17:\n  acylcarnitine profile, urine organic "
                         "acids,\n  plasma amino acids", N),
    "awaited-british": (HPI + "Results awaited (drawn at the GP surgery):\n lactate, creatine kinase and ammonia", N),
    "still-outstanding-no-indent": (HPI + "Still outstanding:\nCK, lactate, pyruvate.", N),
    "ordered-today-paren": (HPI + "Ordered today (fasting, a.m. draw):\n   ammonia, lactate/pyruvate ratio", N),
    "not-yet-resulted": (HPI + "Not yet resulted:\n\tVLCFA, very long chain fatty acids panel", N),
    "pending-tab-header": (HPI + "Metabolic labs - results pending:\n  ammonia and lactate", N),
    # 2. a status header over bulleted or numbered items
    "outstanding-labs-dashes": (HPI + "Outstanding labs:\n - VLCFA\n - plasma amino acids", N),
    "pending-bullets": (HPI + "Pending:\n\u2022 lactate\n\u2022 pyruvate\n\u2022 CK", N),
    "awaiting-numbered": (HPI + "Awaiting results of:\n1. Ammonia\n2. Lactate\n3. Acylcarnitine profile", N),
    "sent-star-items": (HPI + "Sent to Mayo, results to follow:\n* urine organic acids\n* plasma amino acids", N),
    "pending-lower-dash": (HPI + "labs pending:\n- ck\n- lactate", N),
    "outstanding-british-numbered": (HPI + "Investigations outstanding:\n1) serum lactate\n2) creatine kinase", N),
    "awaiting-wrapped-items": (HPI + "Awaiting the following (sent 11/18):\n - acylcarnitine profile and\n   free "
                               "carnitine\n - ammonia", N),
    "ordered-abbrev": (HPI + "Ordered, not back yet:\n - NH3\n - CK\n - lactate", N),
    # near misses: results
    "near-results-drawn-header": (HPI + "Results (drawn 11/18):\n lactate 3.2, CK 450", P),
    "near-mixed-block": (HPI + "Pending: mtDNA\nResulted: lactate 2.1 (H)", P),
    "near-value-under-pending": (HPI + "Pending:\n mtDNA sequencing\n lactate 2.1 (H), drawn last week", P),
    "near-blank-line-ends-list": (HPI + "Results pending:\n mtDNA sequencing\n\nLactate elevated at the outside "
                                  "hospital.", P),
    "near-results-header-ends-list": (HPI + "Pending:\n - mtDNA sequencing\nResults reviewed:\n - CK normal\n - "
                                      "lactate mildly elevated", P),
    "near-labs-values": (HPI + "Labs:\n ammonia 38, lactate 1.4, CK 120", P),
    "near-resulted-header-items": (HPI + "Sent out 11/10, resulted 11/18:\n ammonia normal, lactate 2.8 (H)", P),
    "near-pending-then-result-line": (HPI + "Awaiting:\n plasma amino acids\nLactate: 3.1 (H)", P),
}


@pytest.mark.parametrize(("text", "status"), ROWS.values(), ids=ROWS.keys())
def test_pending_lab_lists(analyze: Any, text: str, status: FactStatus) -> None:
    fact = facts_of(analyze, text + REQUEST_TAIL).facts["labs_documented"]
    assert fact.status is status, (f"{fact.status.value} ({fact.note}); evidence "
                                   f"{[(e.text, e.attributes.get('cue')) for e in fact.evidence]}")
