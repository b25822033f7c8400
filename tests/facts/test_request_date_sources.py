"""Where the request date comes from when the form does not say "Date of request".

1. A form's "Submitted:" / "Submitted on:" line is the date of the request (target rule req.date; the colon is
   required, so "submitted to tumor board 10/30/2026" in a note is no request date).
2. Without a request date, the latest day-precise date in the packet stands in; a month and a year ("tentative
   SEEG 12/2026", "recheck MRI 03/2027") is too coarse to be that date and is used only when the packet has no
   day-precise date at all (rule gen.date_month_year carries precision "month").

Rows are freshly written; near misses must not change.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import facts_of

NOTE = ("NEUROLOGY CLINIC NOTE\nVisit: 11/18/2026\nHPI: 34M with drug-resistant focal epilepsy, non-lesional MRI "
        "brain 09/02/2026.\nPlan: {plan}\n")

ROWS = [
    ("form 'Submitted:' line with a later month-year plan",
     "PRE-SERVICE REQUEST - ADVANCED IMAGING\nSubmitted: 11/20/2026   By: coordinator\nCPT 76390 MR spectroscopy\n\n"
     + NOTE.format(plan="hippocampal MRS; tentative SEEG implantation 01/2027."), "2026-11-20"),
    ("form 'Submitted on:' line",
     "AUTHORIZATION REQUEST\nSubmitted on: 11/21/2026\nService: MR spectroscopy (76390)\n\n"
     + NOTE.format(plan="MRS of both hippocampi."), "2026-11-21"),
    ("no request date: a month-year plan after the visit is not the latest date",
     NOTE.format(plan="MRS now; possible laser ablation 02/2027 depending on the result."), "2026-11-18"),
    ("no request date: a month-year follow-up MRI is not the latest date",
     NOTE.format(plan="MR spectroscopy, then recheck MRI 03/2027."), "2026-11-18"),
    ("near miss: only month-year dates: the latest one stands in",
     "NEUROLOGY NOTE\nHPI: focal epilepsy; MRI 08/2026 non-lesional.\nPlan: MRS, SEEG 10/2026.\n", "2026-10-15"),
    ("near miss: 'submitted to' in a note is no form line",
     NOTE.format(plan="case submitted to epilepsy conference 11/25/2026; MRS of both hippocampi."), "2026-11-25"),
    ("near miss: a day-precise later date still stands in",
     NOTE.format(plan="MRS; surgical conference on 11/30/2026."), "2026-11-30"),
]


@pytest.mark.parametrize(("case", "text", "requested"), ROWS, ids=[r[0] for r in ROWS])
def test_request_date_sources(analyze: Any, case: str, text: str, requested: str) -> None:
    assert facts_of(analyze, text).reference_date == requested
