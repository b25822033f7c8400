"""An MR-conditional statement whose paperwork is only expected clears nothing, end to end (text -> NLP ->
`mri_contraindication`).

Class: the letter, card or paperwork of a device's MR-conditional status is still to come ("MR-conditional letter
to follow", "implant card will be faxed once the rep finds it", "conditional status - manufacturer to send",
"paperwork to follow once the company sends it"): the clearance is not established (cue
safety.clearance_unestablished_after), and a pending or not-received documentation row of a device keeps that
device uncleared wherever else it is called MR-conditional, unless a later statement settles it (cues
safety.clearance_review_settled, safety.clearance_review_not_settled, safety.clearance_review_subject), for any
clearance, not only a scan protocol (safety.clearance_protocol).

Near misses: the letter received and something else to follow ("EP to follow up", "scan to follow",
"reprogramming to follow"); a pending row later settled ("letter received 11/20"); a pending row of another device.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_device_fact, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
SCS, PM, CI, PUMP = ["spinal_cord_stimulator"], ["pacemaker"], ["cochlear_implant"], ["insulin_pump"]

# id: (text, status, devices that stay a contraindication (None: not checked))
CASES: dict[str, tuple[str, FactStatus, list[str] | None]] = {
    # ------------------------------------------------ the paperwork is only expected
    "letter-to-follow": ("Pacemaker: MR-conditional letter to follow.\n", P, PM),
    "letter-to-follow-caps": ("PACEMAKER - MR CONDITIONAL LETTER TO FOLLOW\n", P, PM),
    "card-will-be-faxed": ("VNS in place; MR conditional - implant card will be faxed once the rep finds it.\n",
                           P, SCS),
    "status-manufacturer-to-send": ("Deep brain stimulator: conditional status - manufacturer to send.\n", P, SCS),
    "paperwork-to-follow-once": ("Cochlear implant, MR-conditional paperwork to follow once the company sends it.\n",
                                 P, CI),
    "documentation-will-follow": ("The patient's pacemaker is MR conditional (documentation will follow).\n", P, PM),
    "letter-to-be-forwarded": ("Spinal cord stimulator - MR-conditional letter to be forwarded by the clinic.\n",
                               P, SCS),
    "card-will-be-sent": ("Cochlear implant: MR conditional, card will be sent by audiology\n", P, CI),
    "wrapped-letter-to-follow": ("Pacemaker - MR-conditional letter\nto follow from cardiology\n", P, PM),
    "british-labelling-to-follow": ("VNS: MR conditional labelling to follow from the manufacturer.\n", P, SCS),
    "rep-to-fax": ("Pacemaker: MR conditional - device rep to fax the card.\n", P, PM),
    "manufacturer-will-send": ("ICD (MR-conditional, the manufacturer will send the letter)\n", P, None),
    "forthcoming": ("DBS - MR conditional letter forthcoming.\n", P, SCS),
    # ------------------------------------------------ a pending row keeps the device uncleared elsewhere
    "pending-row-then-conditional": ("Pacemaker: MR-conditional documentation pending, not received.\n"
                                     "Assessment: pacemaker is MR conditional.\n", P, PM),
    "conditional-then-pending-row": ("Pacemaker - MR conditional.\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n"
                                     "Device documentation\nPacemaker: MR-conditional letter not received\n", P, PM),
    "pending-row-vns-conditional": ("VNS - MR-conditional letter: not yet received.\nPlan: MRS; VNS is MR "
                                    "conditional.\n", P, SCS),
    "awaited-row-then-cleared-statement": ("Cochlear implant - MR conditional status awaited.\nCochlear implant, MR "
                                           "conditional at 1.5T.\n", P, CI),
    # ------------------------------------------------ near misses
    "near-letter-received-ep-follow-up": ("Pacemaker: MR-conditional letter received; EP to follow up.\n", A, []),
    "near-card-on-file-scan-to-follow": ("VNS MR conditional (card on file), scan to follow.\n", A, []),
    "near-reprogramming-to-follow": ("DBS: device clinic confirmed MR-conditional system; reprogramming to "
                                     "follow.\n", A, []),
    "near-pending-then-received": ("Pacemaker: MR-conditional letter pending.\nPacemaker MR conditional; letter "
                                   "received 11/20.\n", A, []),
    "near-pending-then-verified": ("VNS - MR conditional documentation not yet received.\nUpdate 11/22: "
                                   "MR-conditional letter received from the manufacturer, VNS MR conditional.\n",
                                   A, []),
    "near-other-device-pending": ("Pacemaker: MR-conditional letter pending.\nCochlear implant MR conditional "
                                  "(card on file).\n", P, PM),
    "near-letter-on-file-followup": ("Cochlear implant: MR-conditional letter on file; follow-up with audiology "
                                     "in 6 months.\n", A, []),
    "near-unknown-then-documented": ("Pacemaker - MR conditional status unknown.\nPacemaker MR conditional per "
                                     "cardiology letter 10/02.\n", A, []),
    "near-conditional-results-to-follow": ("Pacemaker MR conditional per cardiology letter 10/02. Lab results "
                                           "to follow.\n", A, []),
}


@pytest.mark.parametrize(("text", "status", "devices"), CASES.values(), ids=CASES.keys())
def test_expected_clearances(analyze, text: str, status: FactStatus,  # type: ignore[no-untyped-def]
                             devices: list[str] | None) -> None:
    fact = facts_of(analyze, text).facts["mri_contraindication"]
    check_device_fact(fact, status, devices)
