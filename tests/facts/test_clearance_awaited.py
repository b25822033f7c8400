"""A device clearance stated as a condition still to be met clears nothing, end to end (text -> NLP ->
`mri_contraindication`).

Class: the scan waits for the clearance ("MRS to be done only after the manufacturer's MR-conditional letter is
received", "scan once the cardiology clearance is back", "will schedule when device clearance obtained",
"Pending: MR-conditional confirmation from the implant team"): the MR-conditional words inside such a condition
are no clearance (cue safety.clearance_unestablished_before: the condition before them; safety.clearance_unestablished_after:
the documentation's source before "not yet received"), and the condition is an MRI-safety review still to come that
keeps the device uncleared wherever else the packet calls it MR-conditional (cue safety.clearance_review_pending),
unless a later statement settles it (safety.clearance_review_settled).

Near misses: the clearance in hand ("letter received 11/12; cleared for 1.5T", "per manufacturer card (on file)",
"cleared by cardiology on 11/03" after an MR-conditional statement); a condition met in the past ("scanned after the
letter was received"); a scan waiting for something else (authorization, a slot, anticoagulation); a condition
later settled.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_device_fact, facts_of

from pipeline.contracts import FactStatus

P, A = FactStatus.PRESENT, FactStatus.ABSENT
SCS, PM, CI = ["spinal_cord_stimulator"], ["pacemaker"], ["cochlear_implant"]

# id: (text, status, devices that stay a contraindication)
CASES: dict[str, tuple[str, FactStatus, list[str]]] = {
    # ------------------------------------------------ the clearance is a condition still to be met
    "only-after-letter-received": ("Pacemaker in situ. MRS to be done at 1.5T only after the manufacturer's "
                                   "MR-conditional letter is received.\n", P, PM),
    "scan-once-clearance-back": ("Pacemaker placed 2019, MR conditional. Scan once the cardiology clearance is "
                                 "back.\n", P, PM),
    "schedule-when-clearance-obtained": ("Spinal cord stimulator (MR conditional). Will schedule when device "
                                         "clearance obtained.\n", P, SCS),
    "pending-label-confirmation": ("Cochlear implant (left). Pending: MR-conditional confirmation from the implant "
                                   "team (not yet received).\n", P, CI),
    "book-once-paperwork-arrives": ("VNS: will book the MRS once the MR conditional paperwork arrives from the "
                                    "manufacturer.\n", P, SCS),
    "proceed-when-labelling-confirmed": ("DBS - proceed with MRI when the MRI-conditional labelling is confirmed "
                                         "by neurosurgery.\n", P, SCS),
    "wrapped-only-after": ("Pacemaker. Scan to go ahead only after the EP team's MR-conditional\nclearance is "
                           "received.\n", P, PM),
    "caps-once-card-received": ("COCHLEAR IMPLANT - MRS TO BE BOOKED ONCE MR CONDITIONAL CARD IS RECEIVED\n", P, CI),
    "upon-receipt-of-letter": ("Pacemaker in situ; MRI upon receipt of the manufacturer's MR-conditional "
                               "letter.\n", P, PM),
    "british-once-clearance-received": ("Cochlear implant, MR conditional. MRS to be booked once the audiology "
                                        "clearance has been received.\n", P, CI),
    "we-will-scan-once-back": ("Pacemaker - MR conditional per clinic note. We will scan once clearance from the "
                               "device clinic is back.\n", P, PM),
    "scan-when-clearance-in": ("Spinal cord stimulator, MR-conditional. Scan when the pain clinic clearance is "
                               "in.\n", P, SCS),
    "pending-label-requested": ("VNS in situ.\nPending: MR conditional documentation (requested from the "
                                "manufacturer 11/10)\n", P, SCS),
    "until-letter-received": ("Pacemaker, MR conditional. Hold the MRS until the MR-conditional letter is "
                              "received.\n", P, PM),
    # ------------------------------------------------ near misses: the clearance is in hand
    "near-letter-received-cleared": ("Pacemaker: MR-conditional letter received 11/12; cleared for 1.5T\n", A, []),
    "near-card-on-file": ("Cochlear implant. Implant is MR Conditional per manufacturer card (on file)\n", A, []),
    "near-cleared-by-cardiology": ("Pacemaker, MR conditional. Device cleared by cardiology on 11/03.\n", A, []),
    "near-past-condition-met": ("Pacemaker MR conditional. Scanned 2024 after the manufacturer's MR-conditional "
                                "letter was received.\n", A, []),
    "near-after-clearance-obtained-past": ("Pacemaker MR conditional. MRI done 2024 after clearance obtained from "
                                           "cardiology.\n", A, []),
    "near-card-in-chart": ("VNS MR conditional; scanned 2023 when the implant card in the chart was checked.\n",
                           A, []),
    "near-scan-once-slot": ("Pacemaker MR conditional; letter received 11/20. Scan once the slot is "
                            "confirmed.\n", A, []),
    "near-once-authorized": ("VNS MR conditional (card on file). MRS once authorization is approved.\n", A, []),
    "near-once-insurance-clearance": ("VNS MR conditional (card on file). MRS once insurance clearance is "
                                      "obtained.\n", A, []),
    "near-once-off-anticoagulation": ("DBS MR conditional, verified by radiology 11/20; scan once the patient is "
                                      "off anticoagulation.\n", A, []),
    "near-condition-then-settled": ("Spinal cord stimulator: will schedule when device clearance obtained.\n"
                                    "Update 11/18: cleared by the device clinic, MR conditional at 1.5T.\n", A, []),
}


@pytest.mark.parametrize(("text", "status", "devices"), CASES.values(), ids=CASES.keys())
def test_clearance_awaited(analyze, text: str, status: FactStatus,  # type: ignore[no-untyped-def]
                           devices: list[str]) -> None:
    fact = facts_of(analyze, text).facts["mri_contraindication"]
    check_device_fact(fact, status, devices)
