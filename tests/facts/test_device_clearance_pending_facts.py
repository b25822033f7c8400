"""A device whose MR-conditional documentation or clearance is pending stays an MRI contraindication, end to end
(text -> NLP -> `mri_contraindication`).

The row or sentence says the documentation or clearance is not yet in hand: pending, awaited, requested, to be
confirmed, not yet received, or a form row "MR-conditional documentation on file" answered "not yet" or "in
progress" (cue safety.clearance_unestablished_after); the words "MR-conditional" alone clear nothing then. A study
done under the device's MR-conditional protocol (cue safety.clearance_protocol) yields to the device's current
documentation said to be pending: the pending row wins.

Near misses: documentation stated on file or verified clears as today, also when "not yet" speaks of something
else; a device in a relative; a removed device; a protocol statement with nothing pending; a pending row of
another device leaves a cleared one cleared; a device whose own placement is pending is a plan.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_device_fact, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
SCS, PM, CI = ["spinal_cord_stimulator"], ["pacemaker"], ["cochlear_implant"]

# id: (text, status, devices that stay a contraindication (None: not checked))
CASES: dict[str, tuple[str, FactStatus, list[str] | None]] = {
    # ------------------------------------------------ the documentation or clearance is not yet in hand
    "not-yet-received": ("VNS - MR-conditional documentation: NOT YET RECEIVED\n", P, SCS),
    "letter-requested-pending": ("DBS: manufacturer MR-conditional letter requested, pending\n", P, SCS),
    "clinic-clearance-awaiting": ("Spinal cord stimulator - clearance from pain clinic: awaiting\n", P, SCS),
    "model-unknown-to-confirm": ("Cochlear implant (model unknown) - conditional status to be confirmed\n", P, CI),
    "colon-pending": ("Pacemaker - MR conditional: pending\n", P, PM),
    "documentation-pending": ("VNS - MR conditional documentation pending\n", P, SCS),
    "dash-query-not-verified": ("DBS - MR conditional? not yet verified\n", P, SCS),
    "row-on-file-not-yet": ("MRI SAFETY SCREEN\nNeurostimulator (DBS): yes\n"
                            "MR-conditional documentation on file: not yet\n", P, SCS),
    "leader-on-file-not-yet": ("Spinal cord stimulator ........ Y\nMR conditional letter on file ....... not yet\n",
                               P, SCS),
    "column-on-file-in-progress": ("Cochlear implant                      Y\n"
                                   "MR-conditional documentation on file  in progress\n", P, CI),
    "row-on-file-pending": ("Deep brain stimulator: yes\nMR-conditional letter on file ....... pending\n", P, SCS),
    # ------------------------------------------------ a prior study's protocol yields to the pending row
    "protocol-then-pending": ("Brain MRI 05/2024 performed under the VNS MR-conditional protocol. Current "
                              "MR-conditional documentation: pending.\n", P, SCS),
    "protocol-then-not-received": ("VNS placed 2016. Prior MRI 2023 was done under the VNS MR-conditional protocol. "
                                   "MR-conditional documentation for the current generator: not yet received.\n",
                                   P, SCS),
    "outside-report-protocol": ("Outside MRI 03/2024 (performed per DBS MR-conditional protocol): stable.\n"
                                "DBS - MR conditional letter: requested, pending.\n", P, SCS),
    # ------------------------------------------------ near misses
    "on-file-manufacturer-conditions": ("VNS: MR-conditional documentation on file, scan under manufacturer "
                                        "conditions\n", A, []),
    "verified-by-radiology": ("DBS MR-conditional, verified by radiology 11/20\n", A, []),
    "on-file-not-yet-scanned": ("VNS: MR-conditional documentation on file, not yet scanned at this site\n", A, []),
    "letter-received": ("Pacemaker: MR-conditional letter received 11/15 from cardiology.\n", A, []),
    "relative-device-pending": ("Father has a DBS; MR-conditional letter pending.\n", N, None),
    "explanted": ("VNS explanted 2022\n", A, []),
    "explanted-documentation-pending": ("VNS explanted 2022; MR-conditional documentation not yet received.\n",
                                        A, []),
    "protocol-alone": ("Outside MRI 03/2024 performed per DBS MR-conditional protocol, stable.\n", A, []),
    "other-device-pending": ("VNS in situ. Prior MRI done under the VNS MR-conditional protocol. Pacemaker: "
                             "MR-conditional letter pending.\n", P, PM),
    "placement-pending": ("Pacemaker placement pending cardiology review.\n", N, None),
}


@pytest.mark.parametrize(("text", "status", "devices"), CASES.values(), ids=CASES.keys())
def test_device_clearance_pending(analyze, text: str, status: FactStatus,  # type: ignore[no-untyped-def]
                                  devices: list[str] | None) -> None:
    fact = facts_of(analyze, text).facts["mri_contraindication"]
    check_device_fact(fact, status, devices)
