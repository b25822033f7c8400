"""An orders table row that is pending, ordered, scheduled or cancelled is no study done.

An order row whose status cell (set off by a column gap, a tab or a bar) says the order is pending, ordered,
scheduled, booked, awaiting, on hold or cancelled (cue study.order_row_open, facts/imaging.py in_open_order_row)
holds no study done: neither the row's own study nor a study its comment cell names ("with MRS", "+ MRS": what is
asked for with it) becomes a prior study, so prior_mrs is not present through it and no study carries the row's
date. Near misses: a row whose status cell says it was done (cue study.row_done_status: "Resulted", "Final",
"Completed") is a study done on its date; a pending row of the same table leaves the done row alone.

Rows are freshly written; near misses must not change.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

ROWS: list[tuple[str, str, str, bool, bool]] = [
    # case, text, the row's date (ISO), a study is done on that date, prior_mrs is present
    ("pending cervical spine MRI with MRS in its comment",
     "Orders\nMRI C-SPINE W WO   11/17/2026   Pending   with MRS\n", "2026-11-17", False, False),
    ("scheduled head CT with perfusion",
     "ORDERS\nCT HEAD WO          12/01/2026   Scheduled    with perfusion\n", "2026-12-01", False, False),
    ("ordered brain MRI + MRS",
     "Order list\nMRI BRAIN W WO      11/20/2026   Ordered      + MRS\n", "2026-11-20", False, False),
    ("MR spectroscopy pending authorisation",
     "Imaging orders\nMR SPECTROSCOPY     11/20/2026   Pending auth\n", "2026-11-20", False, False),
    ("pipe row cancelled, claustrophobic",
     "Orders:\nMRI brain | 11/20/2026 | Cancelled | pt claustrophobic\n", "2026-11-20", False, False),
    ("thoracic spine MRI booked, with spectroscopy",
     "Order history\nMRI thoracic spine w/wo contrast   11/24/2026   Booked   w/ spectroscopy\n", "2026-11-24",
     False, False),
    ("tab-separated scheduled row with MRS",
     "Orders\nMRI cervical cord\t11/19/2026\tScheduled\twith MRS\n", "2026-11-19", False, False),
    ("pending lumbar spine MRI, comment MR spectroscopy",
     "PENDING ORDERS\nMRI L-SPINE W/WO   11/21/2026   PENDING   plus MR spectroscopy\n", "2026-11-21", False, False),
    ("awaiting, brain MRI and MRS together",
     "Orders\nMRI brain with and without   11/23/2026   Awaiting   MRS same session\n", "2026-11-23", False, False),
    ("on hold pipe row naming MRS",
     "Orders\n| MRI C spine | 11/18/2026 | On hold | add MRS |\n", "2026-11-18", False, False),
    ("canceled (American spelling) with a reason",
     "Orders\nMRS brain   11/16/2026   Canceled   payer review\n", "2026-11-16", False, False),
    ("ordered row, order date then comment",
     "Orders\nMRI cervical spine w wo   11/15/2026   Ordered   with MRS of cord lesion\n", "2026-11-15", False,
     False),
    # near misses: a row whose status says it was done
    ("near miss: resulted brain MRI",
     "Orders\nMRI BRAIN W WO   10/02/2026   Resulted   enhancing lesion\n", "2026-10-02", True, False),
    ("near miss: final MRS row",
     "Orders\nMRS   08/14/2026   Final   elevated choline\n", "2026-08-14", True, True),
    ("near miss: completed brain MRI row",
     "ORDERS\nMRI BRAIN W WO  70553  10/14/2026  Completed\n", "2026-10-14", True, False),
    ("near miss: done MRS row beside a pending one",
     "Orders\nMR SPECTROSCOPY   09/03/2026   Final   raised choline/NAA\n"
     "MRI C-SPINE W WO   11/17/2026   Pending   with MRS\n", "2026-09-03", True, True),
]


@pytest.mark.parametrize(("case", "text", "row_date", "done", "prior_mrs"), ROWS, ids=[c[0] for c in ROWS])
def test_order_table_rows(analyze: Any, case: str, text: str, row_date: str, done: bool, prior_mrs: bool) -> None:
    facts = facts_of(analyze, text + REQUEST_TAIL)
    on_row = [s for s in facts.imaging if s.date == row_date]
    assert bool(on_row) is done, [(s.modality, s.body_part, s.date, s.verdicts) for s in facts.imaging]
    mrs = facts.facts["prior_mrs"]
    assert (mrs.status is FactStatus.PRESENT) is prior_mrs, (mrs.status, [e.text for e in mrs.evidence])
