"""A device an MRI safety office or radiologist has not cleared, end to end (text -> NLP -> `mri_contraindication`).

A device review's explicit verdict that the patient's device is not cleared ("Status: NOT CLEARED", "pacemaker: NOT
CLEARED - lead model unknown", "not cleared for MRI"), or that its clearance, its card or letter or the conditional
labelling of its parts cannot be verified ("the 2021 EP clearance cannot be confirmed", "a letter we are unable to
verify", "lead configuration cannot be verified": cue safety.clearance_review_not_cleared), or that the scan waits for
the implant record ("do not scan until the implant record is received": safety.clearance_review_pending), outranks
every MR-conditional statement of that device elsewhere in the packet, an earlier scan done with the device or under
an old clearance, and a safety questionnaire's "MRI before? Yes": the contraindication reads present. The labelling
of a combination of parts not found ("conditional labelling for this lead/extension combination not yet found")
establishes no clearance either (safety.clearance_unestablished_after).

Near misses: a review that clears ("CLEARED for 1.5T under the conditions on the implant card"); a review that first
says not cleared and a later note that clears ("cleared after record received 11/20": the device is cleared,
safety.clearance_review_reversed); a limit of field strength ("not cleared for 3T; cleared for 1.5T"); a device
removed ("VNS explanted 2022"); a review of another device; the payer's approval ("not cleared by the payer"); a
C-spine not cleared in trauma care; unrelated records received.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_device_fact, paged_facts_of

from pipeline.contracts import FactStatus

P, A = FactStatus.PRESENT, FactStatus.ABSENT
SCS, PM, CI = ["spinal_cord_stimulator"], ["pacemaker"], ["cochlear_implant"]
BRAIN_REQUEST = "REQUEST: brain MRS, CPT 76390, left frontal lesion.\n"
DATE = "\nDate of request: 11/20/2026\n"
H = ("\n\nHISTORY: 58-year-old with a right temporal lesion found on CT after a fall; focal seizures since 2020 on "
     "levetiracetam. Examination non-focal. Family history non-contributory. Retired bus driver, lives with his "
     "daughter. No recent admissions. Allergies: penicillin (rash). Medications reconciled at this visit.\n\n")
"""Unrelated text between a device's statement and the review told on another page."""

# id: (text, status, devices that stay a contraindication (None: not checked)); pages separated by form feeds
CASES: dict[str, tuple[str, FactStatus, list[str] | None]] = {
    # ------------------------------------------------ a review that does not clear the device outranks the rest
    "dbs-labelling-not-located-review-not-cleared": (
        "Implants: DBS (2018, outside centre). MR-conditional labelling for this lead/extension pairing not yet located;"
        " records requested.\f" + H + "MRI SAFETY REVIEW - device: DBS, IPG model unknown. Earlier scan 2022 performed "
        "under a letter we are unable to verify. Status: NOT CLEARED. Do not scan until the implant record is received."
        "\fSafety questionnaire: Implants? Yes - brain stimulator. Prior MRI? Yes, 2022.", P, SCS),
    "vns-card-then-review-not-cleared": (
        "VNS (2016), MR conditional per the 2016 card." + H + "\fRadiologist device review: VNS - not cleared for MRI; "
        "the 2016 card cannot be matched to the current generator.", P, SCS),
    "pacemaker-old-ep-clearance-unconfirmed": (
        "Permanent pacemaker; MRI 2021 done in MRI mode, MR conditional per EP at the time." + H
        + "\fMR safety office: the 2021 EP clearance cannot be confirmed. Status: not cleared.", P, PM),
    "cochlear-hold-until-implant-record": (
        "Cochlear implant (left), MR conditional at 1.5T per audiology." + H
        + "\fMR SAFETY OFFICE - cochlear implant: do not scan until the implant record is received.", P, CI),
    "scs-caps-status-not-cleared": (
        "Spinal cord stimulator - MR conditional (full body eligible)." + H + "\fMRI SAFETY: SCS STATUS: NOT CLEARED",
        P, SCS),
    "dbs-questionnaire-then-review-extension-unverified": (
        "Patient safety questionnaire: Implants? Yes - DBS. Previous MRI? Yes, 2021, no problems.\f" + H
        + "MRI safety review 11/12: DBS is MR conditional only if the extension model can be verified; it cannot be "
        "verified. Not cleared - do not scan until the operative note is received.", P, SCS),
    "vns-letter-then-radiologist-could-not-confirm": (
        "VNS placed 2014; MR conditional per the 2014 letter." + H
        + "\fMR safety radiologist: VNS generator and lead labelling could not be confirmed. Scan not cleared.", P, SCS),
    "pacemaker-device-clinic-then-office-not-cleared": (
        "Pacemaker, MR-conditional by the device clinic." + H
        + "\fDevice review (MRI safety office) - pacemaker: NOT CLEARED - lead model unknown.", P, PM),
    "rns-protocol-scan-hold-until-records-arrive": (
        "RNS; MRI 2023 completed under the RNS MR-conditional protocol." + H
        + "\fMR safety review: RNS - hold the scan until the implant records arrive.", P, SCS),
    "vns-questionnaire-conditional-yes-review-not-cleared": (
        "Safety questionnaire: Any implants? Yes - VNS. MRI before? Yes, 2022. MR conditional? Yes\f" + H
        + "MRI SAFETY REVIEW: VNS lead configuration unverifiable. Verdict: not cleared.", P, SCS),
    "scs-team-conditional-parts-unconfirmed": (
        "Spinal cord stimulator (Boston Scientific), MR conditional full-body per rep." + H
        + "\fMRI safety team: conditional labelling of the SCS leads cannot be confirmed - not cleared.", P, SCS),
    "pacemaker-2019-clearance-not-verified-not-cleared": (
        "Pacemaker. MR conditional; scanned 2019 under EP supervision." + H
        + "\fMR safety: the 2019 EP clearance cannot be verified; pacemaker not cleared to scan for now.", P, PM),
    "cochlear-review-not-cleared-pending-magnet-record": (
        "Cochlear implant, MRI compatible per outside audiology letter (2017)." + H
        + "\fMRI safety officer review: cochlear implant NOT CLEARED until the device record is received.", P, CI),
    "dbs-conditional-combination-not-found": (
        "Deep brain stimulator 2019. Conditional labelling for this lead/extension combination not yet found; "
        "records requested.", P, SCS),
    # ------------------------------------------------ near misses
    "near-cleared-1p5t-implant-card": (
        "DBS, MR conditional per implant card." + H + "\fMRI SAFETY REVIEW: DBS - Status: CLEARED for 1.5T under the "
        "conditions on the implant card.", A, []),
    "near-not-cleared-then-cleared-after-record": (
        "VNS, MR conditional per 2015 card." + H + "\fMRI safety review: VNS not cleared - do not scan until the "
        "implant record is received.\fAddendum 11/20: MR safety cleared the VNS after the implant record was "
        "received.", A, []),
    "near-not-cleared-3t-cleared-1p5t": (
        "Cochlear implant, MR conditional at 1.5T per audiology card." + H
        + "\fMR safety office: cochlear implant not cleared for 3T; cleared for 1.5T with head wrap.", A, []),
    "near-vns-explanted": (
        "VNS explanted 2022; leads removed." + H + "\fSafety questionnaire: implants? None now. MRI before? Yes, 2023.",
        A, None),
    "near-office-cleared-pacemaker": (
        "Pacemaker, MR-conditional (2024 letter, device clinic)." + H
        + "\fMRI safety office review: pacemaker cleared; scan in MRI mode.", A, []),
    "near-other-device-not-cleared": (
        "Cochlear implant MR conditional per audiology card on file. Pacemaker placed 2020." + H
        + "\fMR safety review: pacemaker - not cleared.", P, PM),
    "near-payer-not-cleared": (
        "DBS MR conditional (card seen)." + H + "\fUtilization review: request not cleared by the payer yet; "
        "do not schedule until prior authorization approved.", A, []),
    "near-not-cleared-then-letter-received": (
        "Spinal cord stimulator MR conditional per rep." + H + "\fMRI safety review: SCS not cleared - awaiting the "
        "manufacturer's letter.\fMR conditional letter received 11/19; SCS cleared for 1.5T by MR safety.", A, []),
    "near-combination-labelling-on-file": (
        "Deep brain stimulator 2019. MR conditional labelling for this lead/extension combination on file.", A, []),
    "near-dbs-removed-review-cleared": (
        "DBS removed 2021 (hardware explanted)." + H + "\fMR safety review: no implanted hardware remains; cleared.",
        A, None),
    "near-records-received-unrelated": (
        "VNS MR conditional (manufacturer card seen)." + H + "\fOutside records received 11/02; not cleared "
        "by the tumour board for surgery.", A, []),
    "near-not-cleared-then-dated-cleared-after-record": (
        "DBS, MR conditional per outside card (2019)." + H + "\fMRI SAFETY REVIEW: DBS. Status: NOT CLEARED - do not "
        "scan until the implant record is received.\fSafety office note 11/20: cleared after record received 11/20.",
        A, []),
    "near-dbs-cleared-after-record-brief-form": (
        "Deep brain stimulator; conditional labelling for this lead/extension combination not yet found." + H
        + "\fMRI safety review: DBS not cleared.\f11/21: DBS cleared after implant record received 11/20; 1.5T head "
        "coil only.", A, []),
    "near-cspine-not-cleared-trauma": (
        "Pacemaker, MR conditional (letter from device clinic)." + H + "\fED note: C-spine not cleared; collar "
        "kept on.", A, []),
    "near-cleared-1p5t-not-3t-order": (
        "VNS, MR conditional (manufacturer card seen)." + H + "\fMR safety office: VNS cleared for 1.5T; not "
        "cleared for 3T.", A, []),
}


@pytest.mark.parametrize(("text", "status", "devices"), CASES.values(), ids=CASES.keys())
def test_device_not_cleared(analyze, text: str, status: FactStatus,  # type: ignore[no-untyped-def]
                            devices: list[str] | None) -> None:
    fact = paged_facts_of(analyze, BRAIN_REQUEST + text + DATE).facts["mri_contraindication"]
    check_device_fact(fact, status, devices)
