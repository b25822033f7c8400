"""Order tables with a status column; outside studies known only second-hand.

1. An order list or table row with a status: a cancelled, discontinued, voided or declined order is no study
   asked for and no study done (study.cancelled_order, facts/imaging.py cancelled_order): pet_same_workup does not
   become present through it, and the CPT code on its row is no requested code (request.py
   requested_code_mentions, cue study.cancelled_order on the code's row). A completed row is a study done on its
   date (PET within 90 days: present); a signed, pending or scheduled row is an order (a PET asked for: present),
   not a result. A form row "PET in last 90 days? Y / N -> N" answers No. Near misses: an active PET order, a
   completed PET within 90 days, a PET cancelled by the plan and resubmitted (asked for again: present).
2. An outside study known only second-hand (a phone call, a transfer sheet, a nurse's note, a referral letter) whose
   written report the packet says has not arrived establishes no read (study.report_unavailable, also when the
   absence is said before the read, in another sentence of the same paragraph, or on a cover sheet's enclosure line
   "Outside CT report - NOT ENCLOSED"; a read given with "?"): conventional_imaging_inconclusive is not documented.
   Near misses: the outside report attached later in the packet, "report reviewed" (the read counts).

Rows are freshly written; near misses must not change.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

MRI = "MRI brain 10/09/2026: enhancing left temporal nodule, indeterminate, glioma versus metastasis.\n"
PLAN = "Plan: MR spectroscopy (CPT 76390).\n"

ORDERS: list[tuple[str, str, dict[str, FactStatus], str | None]] = [
    # case, text, expected facts, a PET code that must not be requested (None: not checked)
    ("row: code, date, Cancelled with its date",
     MRI + "ORDERS\nNM PET BRAIN FDG     78608     11/02/26     Cancelled 11/09/26\n", {"pet_same_workup": A},
     "78608"),
    ("row: PET/CT, code, Discontinued",
     MRI + "Order history\nPET/CT skull base to thigh with brain     78816     Discontinued\n",
     {"pet_same_workup": A}, "78816"),
    ("dash status: cancelled (not needed)",
     MRI + "FDG PET brain - status: cancelled (not needed)\n", {"pet_same_workup": A}, None),
    ("row: VOIDED in capitals",
     MRI + "Imaging orders:\nPET BRAIN METABOLIC 78608 | 10/28/2026 | VOIDED\n", {"pet_same_workup": A}, "78608"),
    ("row: declined by the payer",
     MRI + "Pending orders\nAmino-acid PET brain   78608   11/01/2026   Declined\n", {"pet_same_workup": A}, "78608"),
    ("status field: Canceled (American spelling)",
     MRI + "Order: FDG-PET brain (CPT 78608)   Status: Canceled\n", {"pet_same_workup": A}, "78608"),
    ("row: D/C'd status",
     MRI + "ORDER LIST\nNM brain PET     78608     10/30/2026     D/C'd\n", {"pet_same_workup": A}, "78608"),
    ("row: discontinued with a reason in parentheses",
     MRI + "PET brain FDG  11/03/2026  Discontinued (MRS preferred)\n", {"pet_same_workup": A}, None),
    ("row: cancelled by the ordering provider",
     MRI + "Orders\nFET PET brain   78608   Cancelled by ordering provider   11/05/2026\n",
     {"pet_same_workup": A}, "78608"),
    ("form row: PET in the last 90 days -> N",
     MRI + "PET in last 90 days?  Y / N  -> N\n", {"pet_same_workup": A}, None),
    ("form row: PET within 90 days, answered No",
     MRI + "PET scan within the past 90 days? Y / N -> No\n", {"pet_same_workup": A}, None),
    # a completed row is a study done on its date
    ("row: MRI completed is a study done",
     "ORDERS\nMRI BRAIN W WO  70553  10/14/26  Completed\n", {"prior_imaging_documented": P}, None),
    ("row: PET completed within 90 days",
     MRI + "NM PET BRAIN FDG     78608     10/20/2026     Completed\n", {"pet_same_workup": P}, None),
    # signed / pending / scheduled: an order, not a result
    ("row: PET scheduled is an order",
     MRI + "PET BRAIN FDG     78608     Scheduled 11/25/2026\n", {"pet_same_workup": P}, None),
    ("row: PET signed is an order",
     MRI + "Orders: FDG PET brain - Signed 11/18/2026\n", {"pet_same_workup": P}, None),
    # near misses
    ("near miss: active PET order for the same question",
     MRI + "FDG-PET brain ordered 11/18/2026 for the same lesion, pending.\n", {"pet_same_workup": P}, None),
    ("near miss: completed PET within 90 days",
     MRI + "FDG PET brain 10/22/2026 completed: hypometabolic left temporal nodule.\n", {"pet_same_workup": P}, None),
    ("near miss: PET cancelled by the plan, resubmitted",
     MRI + "FDG-PET brain was cancelled by the plan, resubmitted 11/20/2026.\n", {"pet_same_workup": P}, None),
    ("near miss: scan discontinued early for motion is a done study",
     "PET brain FDG 10/20/2026: scan discontinued early because of motion; hypometabolic left temporal nodule.\n",
     {"pet_same_workup": P}, None),
    ("near miss: form row PET in the last 90 days -> Y",
     MRI + "PET in last 90 days?  Y / N  -> Y\n", {"pet_same_workup": P}, None),
]

SECONDHAND: list[tuple[str, str, FactStatus]] = [
    # case, text, conventional_imaging_inconclusive
    ("absence said before the read",
     "Outside MRI report not received. Per the referring neurologist's call, the MRI brain of 11/02/2026 showed an "
     "indeterminate left frontal lesion, glioma versus demyelination.\n", N),
    ("absence in a later sentence of the paragraph",
     "Transfer sheet: CT head 11/10/2026 at Riverside showed an indeterminate right parietal hypodensity, "
     "metastasis versus infarct. Patient is otherwise stable overnight. Final report pending from the outside "
     "hospital.\n", N),
    ("cover sheet enclosure line: NOT ENCLOSED",
     "ENCLOSURES:\nClinic note 11/12/2026\nOutside CT report - NOT ENCLOSED\n\n"
     "Clinic note: outside CT head 11/01/2026 showed an indeterminate left temporal lesion, tumour versus "
     "infarct.\n", N),
    ("images on a CD not yet uploaded",
     "Nursing note: outside MRI brain 10/30/2026 read as an equivocal right frontal mass, glioma vs abscess; images "
     "on a CD, not yet uploaded, and report not received.\n", N),
    ("per the transferring ED's verbal read",
     "Per the transferring ED's verbal read, CT head 11/08/2026 showed an indeterminate hypodense left occipital "
     "lesion, metastasis versus subacute infarct.\n", N),
    ("a read given with ?",
     "Referral letter: outside CT head 11/03/2026 - ? mass vs old infarct in the left frontal lobe. Written report "
     "to follow.\n", N),
    ("report not yet arrived, said first, British spelling",
     "The formal report has not yet arrived; by telephone the outside radiologist described the MRI brain of "
     "11/04/2026 as an indeterminate enhancing right temporal lesion, tumour versus haemorrhage.\n", N),
    ("enclosure line: report not enclosed, lower case",
     "Enclosed: referral letter, medication list.\nOutside MRI brain report: not enclosed.\n\n"
     "Referral letter: outside MRI brain 10/25/2026 showed an indeterminate left parietal lesion, glioma versus "
     "demyelination.\n", N),
    ("report outstanding, two sentences later",
     "Outside MRI brain 11/06/2026. Per the phone call from the outside hospital it showed an equivocal right "
     "frontal lesion, tumour versus cerebritis. The report remains outstanding.\n", N),
    ("absence said first, then the read in its own sentence",
     "Outside MRI report not received. The MRI brain of 11/02/2026 showed an indeterminate left frontal lesion, "
     "glioma versus demyelination.\n", N),
    ("a read given with ?, report said missing first",
     "Written CT report not yet received; outside CT head 11/03/2026: ? mass vs old infarct, left frontal.\n", N),
    ("a ? read on a nurse's note, report to follow next sentence",
     "RN note: CT head at Mercy 11/09/2026 - ?? metastasis vs abscess in the right\ncerebellum. Official report to "
     "follow.\n", N),
    ("enclosure line: MRI report (outside) to follow",
     "Documents enclosed:\n- Office note\n- MRI brain report (outside) - to follow\n\nOffice note: MRI brain "
     "10/28/2026 at an outside centre: equivocal right insular lesion, low-grade glioma versus cortical "
     "dysplasia.\n", N),
    # near misses: the read counts
    ("near miss: the outside report attached later in the packet",
     "Per the referring office, outside MRI brain 10/25/2026 showed an indeterminate left parietal lesion; report "
     "not received at the time of the call.\n"
     "\nMRI BRAIN WITH AND WITHOUT CONTRAST 10/25/2026\nFINDINGS: Nonenhancing left parietal lesion.\n"
     "IMPRESSION: Indeterminate left parietal lesion; low-grade glioma versus demyelination.\n", P),
    ("near miss: report reviewed",
     "Outside MRI brain 10/25/2026, report reviewed: indeterminate left parietal lesion, glioma versus "
     "demyelination.\n", P),
    ("near miss: outside report received and reviewed",
     "The outside CT head report of 11/01/2026 was received and reviewed: indeterminate left temporal lesion, "
     "tumour versus infarct.\n", P),
]


@pytest.mark.parametrize(("case", "text", "expected", "code"), ORDERS, ids=[c[0] for c in ORDERS])
def test_order_rows_with_a_status(analyze: Any, case: str, text: str, expected: dict[str, FactStatus],
                                  code: str | None) -> None:
    facts = facts_of(analyze, text + PLAN + REQUEST_TAIL)
    check_facts(facts, expected)
    if code is not None:
        assert code not in (facts.facts["requested_cpt_codes"].value or [])


@pytest.mark.parametrize(("case", "text", "inconclusive"), SECONDHAND, ids=[c[0] for c in SECONDHAND])
def test_a_secondhand_read_without_its_report(analyze: Any, case: str, text: str,
                                              inconclusive: FactStatus) -> None:
    facts = facts_of(analyze, text + PLAN + REQUEST_TAIL)
    check_facts(facts, {"conventional_imaging_inconclusive": inconclusive})
