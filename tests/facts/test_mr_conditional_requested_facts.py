"""MR-conditional labelling only asked for, requested or still to be gathered clears nothing, end to end (text ->
NLP -> `mri_contraindication`).

Class: a sentence names the device's MR-conditional labelling, card or letter as an item requested, needed or still to
collect ("Additional information requested: DBS model, MR-conditional labelling", "Need: the VNS's MR-conditional
letter", "We have asked the manufacturer for the MR-conditional card", "conditional-labelling papers still to
collect"): the labelling is an open request, not a clearance, so the device stays a contraindication (cues
safety.clearance_unestablished_before: the request before the labelling; safety.clearance_unestablished_after: the
request right after it), unless a later statement in the packet clears it.

Near misses: the labelling in hand ("MR conditional (model 1000, labelling attached)"), a request then answered
("requested the card; received 11/14: MR Conditional 1.5T"), a request for something else beside a stated clearance
("we requested the op notes; the SCS is MR conditional per the card enclosed"), a device removed.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_device_fact, facts_of

from pipeline.contracts import FactStatus

P, A = FactStatus.PRESENT, FactStatus.ABSENT
SCS, PM, CI, DBS = ["spinal_cord_stimulator"], ["pacemaker"], ["cochlear_implant"], ["spinal_cord_stimulator"]

# id: (text, status, devices that stay a contraindication)
CASES: dict[str, tuple[str, FactStatus, list[str]]] = {
    # ------------------------------------------------ the labelling is asked for, needed or still to gather
    "info-requested-list": ("Deep brain stimulator in situ (bilateral GPi).\nFurther information requested: "
                            "stimulator model, MR-conditional labeling, intended field strength.\n", P, DBS),
    "papers-still-to-collect": ("Spinal cord stimulator: conditional-labelling documents still to collect before "
                                "the study (phone Boston Scientific).\n", P, SCS),
    "asked-manufacturer-for-card": ("Pacemaker placed 2018. We have asked the manufacturer for the MR conditional "
                                    "card and will pass it on.\n", P, PM),
    "need-label": ("Vagus nerve stimulator implanted 2015.\nNeeded: the stimulator's MR-conditional letter.\n", P,
                   SCS),
    "items-to-be-gathered": ("Cochlear implant (right). Items to be gathered: MR conditional card, audiology "
                             "letter.\n", P, CI),
    "to-obtain-label": ("DBS (bilateral STN), placed 2020. To obtain: MR conditional letter from neurosurgery.\n",
                        P, DBS),
    "still-needed-before-booking": ("Cochlear implant, left ear. Still needed before booking: the implant's "
                                    "MRI-conditional card.\n", P, CI),
    "paperwork-to-be-gathered": ("Pacemaker in situ - MR conditional paperwork to be gathered by the referring "
                                 "office.\n", P, PM),
    "missing-items-requested": ("Spinal cord stimulator. Missing items requested from the pain clinic: "
                                "MR-conditional labelling and lead model.\n", P, SCS),
    "request-sent-for-documentation": ("VNS placed 2014. Request sent to the manufacturer for MR conditional "
                                       "documentation.\n", P, SCS),
    "documents-requested-list": ("Pacemaker (dual chamber). Documents requested: operative note; MR-conditional "
                                 "card.\n", P, PM),
    "i-have-requested-labelling": ("DBS for tremor. I have requested the MR conditional labelling from the "
                                   "surgeon's office.\n", P, DBS),
    "please-provide-card": ("Cochlear implant. Please provide the MR-conditional card for the implant before the "
                            "appointment.\n", P, CI),
    "we-need-the-letter": ("Pacemaker since 2016; we need the MR conditional letter from cardiology.\n", P, PM),
    "caps-requested-from-cardiology": ("PACEMAKER IN SITU. REQUESTED FROM CARDIOLOGY: MR CONDITIONAL LETTER.\n", P,
                                       PM),
    "bare-statement-then-requested": ("Pacemaker, MR conditional.\nRequested from cardiology: the MR-conditional "
                                      "card.\n", P, PM),
    # ------------------------------------------------ near misses: the labelling is in hand or nothing to clear
    "near-labelling-attached": ("Vagus nerve stimulator is MR conditional (model 1000, manufacturer labelling "
                                "attached).\n", A, []),
    "near-requested-then-received": ("Pacemaker: we requested the MR-conditional card; received 11/14: MR "
                                     "Conditional at 1.5T.\n", A, []),
    "near-requested-other-records": ("We requested the operative notes; the spinal cord stimulator is MR "
                                     "conditional per the manufacturer card enclosed.\n", A, []),
    "near-removed": ("Pacemaker explanted 2023. Requested: prior MRI reports.\n", A, []),
    "near-other-info-requested": ("DBS placed 2019. Information requested: planned field strength.\nDBS MR "
                                  "conditional per manufacturer letter on file.\n", A, []),
    "near-later-update-clears": ("Pacemaker. Requested: MR conditional card.\nUpdate 11/20: card received - MR "
                                 "Conditional, 1.5T.\n", A, []),
    "near-card-obtained": ("Cochlear implant: MR-conditional card obtained from audiology and scanned into the "
                           "chart.\n", A, []),
    "near-requested-received-cleared": ("Spinal cord stimulator. The MR conditional letter we requested has been "
                                        "received (on file); cleared for 1.5T.\n", A, []),
    "near-order-requested-card-on-file": ("Pacemaker. Order requested: MR spectroscopy; MR-conditional card on "
                                          "file.\n", A, []),
    "near-the-requested-letter-on-file": ("DBS: the requested MR-conditional letter is on file - MR conditional at "
                                          "1.5T.\n", A, []),
    "near-no-device": ("No implanted devices. Requested: outside MRI images.\n", A, []),
}


@pytest.mark.parametrize(("text", "status", "devices"), CASES.values(), ids=CASES.keys())
def test_mr_conditional_requested(analyze, text: str, status: FactStatus,  # type: ignore[no-untyped-def]
                                  devices: list[str]) -> None:
    fact = facts_of(analyze, text).facts["mri_contraindication"]
    check_device_fact(fact, status, devices)
