"""A device whose MRI safety is still under review anywhere in the packet, and a prior MRI done with the device,
end to end (text -> NLP -> `mri_contraindication`).

1. A pending MRI-safety review reaches the whole packet: the packet says the device's MR safety is still being
   established ("MR SAFETY FLAG: VNS - do not schedule until cleared", "MRI safety review pending", "awaiting the
   manufacturer's letter", "we do not have the model or labelling of the new generator": cue
   safety.clearance_review_pending), before the MR-conditional statement, after it beyond its own stretch, on
   another page, in a workqueue or scheduling note; no statement after the review settles it (cue
   safety.clearance_review_settled in a statement about the device's MR safety, not denied or awaited: cue
   safety.clearance_review_not_settled). Every MR-conditional statement of the device the review speaks of (the
   device named in its sentence, else the device named just before it, else every device) clears nothing then:
   the contraindication reads present, as for any device not documented MR-conditional.
2. A prior MRI done with the device in place ("MRI brain 10/14/2026 (1.5T, VNS conditions)", "had an MRI in 2023
   without problems", "MRI 2021 done with the DBS in place, tolerated") is no clearance by itself: having had an
   MRI proves nothing about the device's MR-conditional status (annotation guidelines), and with a review pending
   a scan under the device's MR-conditional protocol clears nothing either.

Near misses: an MR-conditional statement with its source and no pending review anywhere (absent); a review
pending then settled ("cleared by MR safety 11/20", "MR conditional letter received") (absent); a pending review
for a device that was removed (absent); a safety flag for another device than the one cleared (only that device
stays); a review pending with no device in the patient (not documented); a scan under the device's MR-conditional
protocol with nothing pending (absent, as today: tests/facts/test_device_clearance_pending_facts.py protocol-alone);
a hold until the payer, insurance or authorization approves is no safety review; an unrelated "received" or "not yet
cleared" settles nothing.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_device_fact, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
SCS, PM, CI, PUMP = ["spinal_cord_stimulator"], ["pacemaker"], ["cochlear_implant"], ["insulin_pump"]
BRAIN_REQUEST = "REQUEST: MR spectroscopy of the brain (CPT 76390) for a left frontal lesion.\n"
DATE = "\nDate of request: 11/20/2026\n"
HISTORY = ("\n\nHISTORY: 34-year-old with a left frontal lesion on MRI, seizures since 2019 treated with "
           "levetiracetam and lacosamide. Neurological examination is non-focal. Family history non-contributory. "
           "She works as a teacher and lives with her partner. No recent hospital admissions. Allergies: none "
           "known. Medications reviewed and reconciled at this visit.\n\n")
"""Unrelated text (over 320 characters) between a statement and a review told elsewhere in the packet."""

# id: (text, status, devices that stay a contraindication (None: not checked))
CASES: dict[str, tuple[str, FactStatus, list[str] | None]] = {
    # ------------------------------------------------ 1. a pending review elsewhere in the packet
    "flag-before-vns": ("MR SAFETY FLAG: VNS - do not schedule until cleared." + HISTORY
                        + "VNS placed 2015, MR conditional per neurology note.", P, SCS),
    "workqueue-before-pacemaker": ("Workqueue: MRI safety review pending (implanted device)." + HISTORY
                                   + "Pacemaker - MR-conditional system per cardiology.", P, PM),
    "scheduling-note-dbs-page": ("Scheduling note - please hold: do not book the MRI until the DBS has been "
                                 "reviewed.\f" + HISTORY + "Deep brain stimulator (MR conditional, Medtronic).",
                                 P, SCS),
    "awaiting-letter-before-cochlear": ("Awaiting the manufacturer's letter for the cochlear implant." + HISTORY
                                        + "Cochlear implant: MRI compatible per patient.", P, CI),
    "sign-off-outstanding-british": ("MRI safety sign-off outstanding for the spinal cord stimulator." + HISTORY
                                     + "SCS - MR conditional labelling reported by the family.", P, SCS),
    "caps-review-pending-rns": ("MR SAFETY REVIEW: PENDING" + HISTORY + "RNS - MR CONDITIONAL.", P, SCS),
    "review-far-after-pump": ("Insulin pump, MR-safe per patient." + HISTORY
                              + "Radiology: MRI safety team review outstanding.", P, PUMP),
    "flag-after-wrapped": ("VNS (MR conditional per outside\nrecords)." + HISTORY + "MR SAFETY FLAG - VNS:\ndo "
                           "not schedule until the device is cleared.", P, SCS),
    "no-model-labelling-new-generator": ("VNS generator replaced 2024 elsewhere; we do not have the model or "
                                         "labelling of the new generator." + HISTORY + "Prior MRI 2023 performed "
                                         "under the VNS MR-conditional protocol.", P, SCS),
    "dont-have-labelling-pacemaker": ("Pacemaker: we don't have the make or model." + HISTORY
                                      + "Pacemaker MR conditional per the patient's recollection.", P, PM),
    # ------------------------------------------------ 2. a prior MRI done with the device clears nothing by itself
    "prior-mri-vns-conditions": ("VNS in place. MRI brain 10/14/2026 (1.5T, VNS conditions).", P, SCS),
    "prior-mri-without-problems": ("VNS. Had an MRI in 2023 without problems.", P, SCS),
    "prior-mri-dbs-in-place": ("DBS. Brain MRI 2021 done with the DBS in place, tolerated well.", P, SCS),
    "prior-mri-cochlear-magnet": ("Cochlear implant; MRI head 2020 at 1.5T with the magnet in place, no "
                                  "complications.", P, CI),
    "prior-mri-pacemaker-uneventful-safe": ("Pacemaker. MRI 2021 uneventful, so presumably MR safe.", P, PM),
    "prior-mri-scs-switched-off": ("Spinal cord stimulator - lumbar MRI 2022 with the stimulator switched off.",
                                   P, SCS),
    "prior-mri-then-pending": ("VNS (left chest). MRI brain 10/14/2026 (1.5T, VNS conditions)." + HISTORY
                               + "MR safety review still pending.", P, SCS),
    "protocol-scan-then-flag": ("Brain MRI 2022 done in MRI mode under the pacemaker protocol." + HISTORY
                                + "Do not schedule until the pacemaker is cleared by cardiology.", P, PM),
    "protocol-scan-then-awaiting": ("Cochlear implant - prior MRI at 1.5T under MR conditional settings." + HISTORY
                                    + "Awaiting the manufacturer's letter.", P, CI),
    # ------------------------------------------------ near misses
    "near-card-on-file-no-review": ("VNS MR conditional per manufacturer card on file.", A, []),
    "near-review-then-cleared-far": ("MRI safety review pending (VNS)." + HISTORY
                                     + "Cleared by MR safety 11/20: VNS MR conditional at 1.5T.", A, []),
    "near-flag-then-letter-received": ("MR SAFETY FLAG: DBS - do not schedule until cleared." + HISTORY
                                       + "MR conditional letter received 11/18 for the DBS.", A, []),
    "near-review-approved-officer": ("MRI safety review pending; approved by the MR safety officer 11/19." + HISTORY
                                     + "SCS MR conditional per card.", A, []),
    "near-removed-review-pending": ("VNS explanted 2022. MR safety review pending.", A, []),
    "near-removed-flag-far": ("MR safety review pending." + HISTORY + "DBS removed 2021.", A, []),
    "near-other-device-flag": ("MR SAFETY FLAG: pacemaker - do not schedule until cleared." + HISTORY
                               + "VNS: MR conditional per manufacturer card on file.", P, PM),
    "near-other-device-awaiting-letter": ("Awaiting the manufacturer's letter for the insulin pump." + HISTORY
                                          + "Cochlear implant MR conditional per audiology card on file.", P, PUMP),
    "near-review-no-device": ("MRI safety review pending.", N, None),
    "near-relative-device-review": ("Father has a DBS; MR safety review pending for him." + HISTORY
                                    + "No implanted devices.", A, None),
    "near-protocol-alone": ("Outside MRI 03/2024 performed per the VNS MR-conditional protocol, stable.", A, []),
    "near-hold-until-authorization": ("Do not schedule until prior authorization approved." + HISTORY
                                      + "Pacemaker MR conditional per card on file.", A, []),
    "near-hold-until-insurance": ("Please hold scheduling until approved by insurance.\n\nVNS - MR conditional per "
                                  "manufacturer card on file.", A, []),
    "near-hold-until-payer": ("Do not book the MRS until the payer has approved the request. DBS MR conditional "
                              "(card on file).", A, []),
    "near-records-received-no-settle": ("MR safety review pending.\nCochlear implant MR conditional per card. "
                                        "Records received 11/02.", P, CI),
    "near-review-not-yet-cleared": ("MR safety review pending." + HISTORY + "DBS MR conditional per card; "
                                    "not yet cleared by MR safety.", P, SCS),
}


@pytest.mark.parametrize(("text", "status", "devices"), CASES.values(), ids=CASES.keys())
def test_safety_review_pending(analyze, text: str, status: FactStatus,  # type: ignore[no-untyped-def]
                               devices: list[str] | None) -> None:
    fact = facts_of(analyze, BRAIN_REQUEST + text + DATE).facts["mri_contraindication"]
    check_device_fact(fact, status, devices)
