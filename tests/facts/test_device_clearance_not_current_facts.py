"""An implanted device whose current MRI clearance is not established stays a contraindication, end to end (text ->
NLP -> `mri_contraindication`).

Class: the packet says the clearance review has not cleared the device - not approved, on hold, a hold until the
device's models, leads or labelling are verified, an MR-safety physician's or physicist's sign-off pending - or that
the clearance it rests on is not in the packet ("under another hospital's clearance (document not sent)"). That
outranks an MR-conditional statement of the device, a prior scan done with it, the device set to its scan mode
("MRI mode") and a future "until ... is confirmed" clause (cues safety.clearance_review_not_cleared,
safety.clearance_review_pending, safety.clearance_unestablished_after in facts/resources/cues.yaml).

Near misses: a device labelled MR-conditional with its card and a sign-off done; a clearance given once the record
arrived; a pacing clinic that will set the scan mode of a verified system; the payer's or insurer's "not approved";
a field-strength limit ("not cleared for 3T"); a hold of a drug until a lab is confirmed; a clearance letter on file
whose copy was only not enclosed; an MR-unsafe lead; no device.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_device_fact, facts_of

from pipeline.contracts import FactStatus

P, A = FactStatus.PRESENT, FactStatus.ABSENT
SCS, PM, CI, ICD, STIM, PUMP = (["spinal_cord_stimulator"], ["pacemaker"], ["cochlear_implant"], ["icd"],
                                ["implanted_stimulator"], ["implanted_pump"])

# id: (text, status, devices that stay a contraindication)
CASES: dict[str, tuple[str, FactStatus, list[str]]] = {
    # ------------------------------------------------ the clearance review says not approved / on hold
    "dbs-not-approved-hold-models": ("Neurostimulator: DBS, placed 2017 at another centre.\nMR conditional per the "
                                     "outside surgeon.\nClearance: NOT APPROVED for 3T - hold until lead models are "
                                     "verified.\n", P, SCS),
    "pacemaker-safety-decision-not-approved": ("Pacemaker: MR conditional system.\nMRI safety decision: not "
                                               "approved - leads unverified.\n", P, PM),
    "icd-clearance-on-hold": ("ICD, MR-conditional. Clearance: on hold until the generator model is confirmed.\n",
                              P, ICD),
    "scs-officer-has-not-approved": ("Spinal cord stimulator: scanned before at 1.5T with MRI mode on; MR safety "
                                     "officer has not approved this request.\n", P, SCS),
    "vns-prior-scan-clearance-not-approved": ("VNS (2016). MRI 2022 at 1.5T with the device, uneventful. "
                                              "MR-conditional clearance for the current request: not approved "
                                              "pending records.\n", P, SCS),
    "pump-old-clearance-current-not-approved": ("Intrathecal pump: MR conditional per previous scan in 2022 under "
                                                "that year's clearance; current clearance not approved.\n",
                                                P, PUMP),
    "pacemaker-sign-off-declined": ("Pacemaker switched to its MRI mode by the rep. MR safety physician sign-off "
                                    "declined - atrial lead model unknown.\n", P, PM),
    # ------------------------------------------------ the review still to come
    "scs-mode-physician-sign-off-pending": ("Spinal cord stimulator placed in MRI mode by the rep. MR conditional at "
                                            "1.5T. Safety physician sign-off: pending.\n", P, SCS),
    "icd-physicist-approval-pending": ("ICD: MR conditional. MR physicist approval: pending.\n", P, ICD),
    "cochlear-hold-until-labelling": ("Cochlear implant, MR conditional per the audiologist.\nHold until the magnet "
                                      "model and labelling are confirmed.\n", P, CI),
    "dbs-conditions-to-be-confirmed": ("Deep brain stimulator: MR-conditional conditions for this system to be "
                                       "confirmed before scanning.\n", P, SCS),
    # ------------------------------------------------ the clearance it rests on is not in the packet
    "sacral-scanned-under-unsent-clearance": ("Sacral nerve stimulator: was scanned in 2020 under another "
                                              "hospital's MR-conditional clearance (document not sent).\n", P, STIM),
    "sacral-mode-letter-not-sent": ("Sacral nerve stimulator set to MRI mode. MR conditional per a 2021 clearance "
                                    "from another centre; that letter was not sent to us.\n", P, STIM),
    "dbs-clearance-not-in-packet": ("DBS: MR conditional clearance from 2019 - document not in packet.\n", P, SCS),
    "pacemaker-clearance-letter-never-sent": ("Pacemaker (2015), MRI mode available. MR-conditional letter from "
                                              "the implanting hospital never sent.\n", P, PM),
    # ------------------------------------------------ near misses: cleared, or not the device's clearance
    "near-cochlear-labelled-card-sign-off": ("Cochlear implant: labelled MR Conditional at 1.5 T, magnet in place, "
                                             "card scanned in; MR safety sign-off 10/28.\n", A, []),
    "near-vns-approved-once-record-arrived": ("Vagus nerve stimulator: approved for scanning by the MR physicist "
                                              "once the implant record arrived; last scan 2024 uneventful.\n",
                                              A, []),
    "near-pacemaker-clinic-sets-mode": ("Pacemaker: MR-conditional system (generator and both leads verified). "
                                        "Device clinic to program the scan mode.\n", A, []),
    "near-payer-not-approved": ("Pacemaker: MRI not approved by insurance; MR-conditional system per device clinic "
                                "letter.\n", A, []),
    "near-prior-auth-not-approved": ("ICD: MR conditional per EP letter on file. Prior auth clearance: not approved, "
                                     "appeal filed.\n", A, []),
    "near-field-strength-limit": ("Cochlear implant, MR conditional at 1.5T (card on file). Not cleared for 3T.\n",
                                  A, []),
    "near-drug-hold-until-lab": ("DBS MR conditional per manufacturer letter; hold metformin until renal function "
                                 "confirmed.\n", A, []),
    "near-letter-on-file-copy-not-enclosed": ("Pacemaker, MR conditional per cardiology letter. Clearance letter on "
                                              "file; copy not enclosed with this referral.\n", A, []),
    "near-mode-and-letter": ("Pacemaker in MRI mode; MR conditional system per device clinic letter 10/10.\n",
                             A, []),
    "near-sign-off-completed": ("VNS: MR conditional, card on file. MRI safety sign-off completed 11/04.\n", A, []),
    "near-mr-unsafe-lead": ("Spinal cord stimulator with an MR-unsafe lead per the manufacturer.\n", P, SCS),
    "near-no-devices": ("Implanted devices: none.\n", A, []),
}


@pytest.mark.parametrize(("text", "status", "devices"), CASES.values(), ids=CASES.keys())
def test_device_clearance_not_current(analyze, text: str, status: FactStatus,  # type: ignore[no-untyped-def]
                                      devices: list[str]) -> None:
    fact = facts_of(analyze, text).facts["mri_contraindication"]
    check_device_fact(fact, status, devices)
