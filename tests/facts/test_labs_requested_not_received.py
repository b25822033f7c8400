"""A records-tracking table or log whose row names laboratory tests with a status of not received, requested,
pending, "2nd request" or outstanding is no laboratory result: labs_documented (facts/derive/documentation.py;
cue labs.tracking_status in facts/resources/cues.yaml, besides labs.records_requested and labs.pending).

Such a row (a pipe table, a tab- or space-aligned log, a "date | source | item | status" line) tracks a document the
office asked for: "10/30 | Outside hospital | discharge summary, all labs | not rec'd". When such rows are the
packet's only lab mentions, labs_documented is not documented.

Near misses keep their reading: a row whose status is received and that gives values, a lab line with values
("labs 11/02: Na 138, K 4.1"), a received row beside a pending one when the received row gives its result.

Rows: id, text, expected labs_documented status. Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED

CASES: dict[str, tuple[str, FactStatus]] = {
    # ------------------------------------------------ a tracking row whose status says the labs are not in hand
    "pipe-not-recd": ("10/30 | Outside hospital | discharge summary, all labs | not rec'd\n", N),
    "pipe-header-and-row-requested": ("| Date | Source | Records | Status |\n| 11/02 | Mercy Lab | CBC, CMP | "
                                      "requested |\n", N),
    "pipe-second-request": ("11/05 | St. Luke's | metabolic labs (ammonia, lactate) | 2nd request\n", N),
    "pipe-outstanding-capitals": ("11/01 | REFERRING PCP | LABS, BMP | OUTSTANDING\n", N),
    "pipe-pending-receipt": ("| 10/28/2026 | Children's Hospital | plasma amino acids | pending |\n", N),
    "tab-log-not-received": ("10/29\tCounty General\tCBC and CMP\tnot received\n", N),
    "spaces-log-not-yet-received": ("11/03/2026    Dr. Patel's office    thyroid panel, B12    not yet "
                                    "received\n", N),
    "dash-log-rec-abbrev": ("Records log: 10/30 - Outside hospital - all labs - not rec'd\n", N),
    "pipe-resent-request": ("11/06 | Valley Clinic | hemoglobin A1c | request re-sent\n", N),
    "pipe-awaiting-british": ("04/11 | District General | bloods (FBC, U&Es) | awaiting receipt\n", N),
    "pipe-third-request-wrapped": ("11/09 | University Hospital | discharge summary,\nall labs | 3rd request\n", N),
    "pipe-still-outstanding-lower": ("10/31 | outside lab | csf studies | still outstanding\n", N),
    # ------------------------------------------------ near misses: results in hand
    "near-pipe-received-values": ("10/30 | Outside hospital | ammonia 88, lactate 2.1 | received\n", P),
    "near-pipe-received-normal": ("| 11/02 | Mercy Lab | CBC, CMP normal | rec'd |\n", P),
    "near-labs-line-values": ("labs 11/02: Na 138, K 4.1\n", P),
    "near-table-received-then-values": ("| 10/30 | Mercy Lab | CBC | received |\nCBC 10/30: WBC 7.2, Hgb 13.1\n",
                                        P),
    "near-pending-beside-resulted": ("11/02 | Mercy Lab | ammonia 142 (H) | received\n11/05 | Mercy Lab | "
                                     "lactate | pending\n", P),
    "near-lab-table-values": ("LABS 10/29/2026\nAmmonia   88\nLactate   2.1\n", P),
    "near-pending-words-then-value": ("Ammonia pending | lactate 3.2 (H)\n", P),
    "near-outside-labs-normal": ("Outside labs received 10/30: CBC and CMP unremarkable.\n", P),
}


@pytest.mark.parametrize(("text", "status"), CASES.values(), ids=CASES.keys())
def test_labs_requested_not_received(analyze: Any, text: str, status: FactStatus) -> None:
    fact = facts_of(analyze, text + REQUEST_TAIL).facts["labs_documented"]
    assert fact.status is status, [(e.text, e.attributes.get("cue")) for e in fact.evidence]
