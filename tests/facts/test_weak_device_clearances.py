"""MR-conditional clearances from sources that establish nothing, and unestablished-status wordings, end to end
(text -> NLP -> `mri_contraindication`).

Class: a device's MR-conditional or MRI-safe statement whose only source is the patient or family, another plan's
or insurer's reviewer (cue safety.clearance_weak_source), or a prior scan that went well
(safety.clearance_from_prior_scan) clears nothing: the device stays an MRI contraindication. A scan protocol
(safety.clearance_protocol) yields to the device's status said to be unconfirmed or not cleared elsewhere in the
packet (safety.clearance_unestablished_after, now also "not cleared"). An unestablished status is read across a
line break and past an adverb ("status therefore cannot be confirmed": safety.clearance_unestablished_after), and
a clearance with a condition of pairing ("MR conditional when paired with approved leads":
safety.clearance_conditional_on) clears nothing unless the packet documents the condition as met
(safety.clearance_condition_met).

Near misses: a manufacturer card on file with the model, "MR conditional per operative note", a device clinic's
clearance with the protocol, a removed device, a protocol with nothing pending, a conditional whose leads are
documented as approved, a patient's report next to a documented source, and "patient" in another role.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_device_fact, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
SCS, PM, CI, DBS = ["spinal_cord_stimulator"], ["pacemaker"], ["cochlear_implant"], ["spinal_cord_stimulator"]
ICD = ["icd"]

# id: (text, status, devices that stay a contraindication (None: not checked))
CASES: dict[str, tuple[str, FactStatus, list[str] | None]] = {
    # ------------------------------------------------ the patient's or family's word
    "per-patient": ("Pacemaker - MRI-safe per patient.\n", P, PM),
    "patient-says": ("VNS in place; patient says the implant is MRI compatible.\n", P, SCS),
    "pt-reports": ("Cochlear implant (L). Pt reports it is MR conditional.\n", P, CI),
    "per-pt-parens": ("DBS (MR-safe per pt)\n", P, DBS),
    "mother-states": ("Spinal cord stimulator placed 2018; his mother states the device is MRI safe.\n", P, SCS),
    "according-to-patient": ("Pacemaker: MR conditional according to the patient\n", P, PM),
    "self-reported": ("Implanted pacemaker, self-reported MRI compatible.\n", P, PM),
    "patient-believes-caps": ("VAGUS NERVE STIMULATOR - PATIENT BELIEVES IT IS MR CONDITIONAL\n", P, SCS),
    "form-field-per-patient": ("Implanted device: cochlear implant\nMR status: MR conditional (per patient)\n", P, CI),
    "family-told": ("Deep brain stimulator. Family were told the system is MRI-safe.\n", P, DBS),
    # ------------------------------------------------ another plan's or insurer's reviewer
    "other-plan-reviewer": ("Deep brain stimulator. Another plan's reviewer said the device is MRI compatible.\n",
                            P, DBS),
    "previous-insurer": ("Pacemaker; per the previous insurer, MR conditional.\n", P, PM),
    "other-payer-review": ("VNS: deemed MRI compatible by another payer's reviewer in 2023.\n", P, SCS),
    "prior-plan-determination": ("Cochlear implant - MR-conditional per prior health plan determination\n", P, CI),
    "outside-insurance-reviewer": ("Spinal cord stimulator. An outside insurance reviewer\nsaid it was MR safe.\n",
                                   P, SCS),
    "other-carrier": ("Pacemaker (MRI-safe per other carrier's UM review)\n", P, PM),
    "former-plan-nurse": ("DBS in situ; former plan's nurse reviewer stated MR conditional.\n", P, DBS),
    "other-payor-caps": ("ICD - MR CONDITIONAL PER ANOTHER PAYOR'S REVIEWER\n", P, ICD),
    # ------------------------------------------------ an earlier scan that went well
    "outside-centre-scan": ("Cochlear implant; scanned at an outside centre in 2024 without problems, MR "
                            "conditional.\n", P, CI),
    "outside-center-us": ("Pacemaker - MRI safe, had a brain MRI at an outside center 2024 without problems.\n",
                          P, PM),
    "tolerated-prior": ("VNS: MR conditional since she tolerated a 1.5T MRI in 2022.\n", P, SCS),
    "previous-uneventful": ("DBS considered MRI-safe; previous MRIs uneventful.\n", P, DBS),
    "scanned-no-issues": ("Spinal cord stimulator (scanned 2021 with no issues) - MR compatible\n", P, SCS),
    "presumably-safe": ("Pacemaker, presumably MR safe as he had MRI in 2019 without incident.\n", P, PM),
    "outside-scan-caps": ("COCHLEAR IMPLANT - MRI COMPATIBLE, SCANNED AT OUTSIDE CENTRE 2024 WITHOUT PROBLEMS\n",
                          P, CI),
    "scanned-safely": ("VNS - MRI safe, previously scanned safely at 3T\n", P, SCS),
    # ------------------------------------------------ a scan protocol, the status unconfirmed or not cleared
    "protocol-unconfirmed": ("VNS placed 2015. Brain MRI 2023 done under the VNS MR-conditional protocol. "
                             "MR-conditional status unconfirmed.\n", P, SCS),
    "protocol-not-cleared": ("VNS placed 2015. Brain MRI 2023 done under the VNS MR-conditional protocol. "
                             "MR conditional status: not cleared.\n", P, SCS),
    "protocol-documentation-pending": ("DBS. Outside MRI 2024 per DBS MR-conditional protocol.\n"
                                       "MR conditional documentation pending.\n", P, DBS),
    "protocol-not-yet-cleared": ("VNS. Prior scan done under the VNS MR conditional protocol; MR-conditional "
                                 "labelling not yet cleared.\n", P, SCS),
    "protocol-status-not-confirmed": ("Pacemaker placed 2017. MRI 2022 under pacemaker MR-conditional protocol. "
                                      "MR conditional status not confirmed.\n", P, PM),
    "protocol-cannot-confirm": ("Spinal cord stimulator. 2023 MRI done per SCS MR-conditional protocol. Cannot "
                                "confirm MR conditional status of the current system.\n", P, SCS),
    "protocol-unknown": ("VNS (2014). Scanned 2021 under the VNS MR-conditional protocol.\nMR-conditional status: "
                         "unknown\n", P, SCS),
    "protocol-caps-pending": ("DBS - PRIOR MRI UNDER DBS MR-CONDITIONAL PROTOCOL. MR CONDITIONAL LETTER: "
                              "PENDING.\n", P, DBS),
    # ------------------------------------------------ the unestablished status across a line break
    "wrap-full-system": ("Spinal cord stimulator placed 2019. MR-conditional status of the full system\n"
                         "not confirmed.\n", P, SCS),
    "wrap-colon": ("Pacemaker: MR-conditional status of the full system\nnot confirmed\n", P, PM),
    "wrap-status-word": ("VNS - MR conditional\nstatus not confirmed.\n", P, SCS),
    "wrap-labelling": ("Cochlear implant: MR-conditional labelling of the\nimplant not verified.\n", P, CI),
    "wrap-documentation": ("DBS: MR conditional documentation\nnot yet received.\n", P, DBS),
    "wrap-pending": ("Pacemaker. MR conditional status\npending.\n", P, PM),
    "wrap-system-caps": ("SCS - MR CONDITIONAL STATUS OF THE ENTIRE SYSTEM\nNOT CONFIRMED\n", P, SCS),
    "wrap-remains": ("ICD: MRI-conditional status of the whole system remains\nunconfirmed.\n", P, ICD),
    # ------------------------------------------------ past an adverb
    "adverb-therefore": ("Spinal cord stimulator: MR conditional status therefore cannot be confirmed.\n", P, SCS),
    "adverb-thus": ("Pacemaker - MR-conditional status thus not confirmed.\n", P, PM),
    "adverb-hence": ("VNS: MR conditional labelling hence cannot be verified.\n", P, SCS),
    "adverb-consequently": ("DBS. MR-conditional status consequently remains unknown.\n", P, DBS),
    "adverb-currently-wrap": ("Cochlear implant: MR conditional status therefore\ncannot be confirmed\n", P, CI),
    "adverb-so": ("Leads replaced elsewhere. Pacemaker MR conditional status so far cannot be verified.\n", P, PM),
    "adverb-unfortunately": ("VNS - MR conditional status unfortunately cannot be established.\n", P, SCS),
    "adverb-caps": ("SPINAL CORD STIMULATOR - MR CONDITIONAL STATUS THEREFORE CANNOT BE CONFIRMED\n", P, SCS),
    # ------------------------------------------------ a condition of pairing
    "paired-approved-leads": ("Spinal cord stimulator generator is MR conditional when paired with approved "
                              "leads.\n", P, SCS),
    "only-when-paired": ("Pacemaker: MR conditional only when paired with MR-conditional leads\n", P, PM),
    "if-paired": ("VNS generator - MRI conditional if paired with compatible leads.\n", P, SCS),
    "provided-used-with": ("DBS IPG is MR-conditional provided it is used with approved extensions.\n", P, DBS),
    "when-combined": ("ICD generator MR conditional when combined with approved leads\n", P, ICD),
    "when-implanted-with": ("Pacemaker (MR-conditional when implanted with approved leads)\n", P, PM),
    "paired-wrap": ("Spinal cord stimulator: IPG is MR conditional when\npaired with approved leads.\n", P, SCS),
    "as-part-of-system": ("Pacemaker generator MR conditional only as part of an approved system.\n", P, PM),
    # ------------------------------------------------ near misses
    "near-card-in-chart": ("Pacemaker (Medtronic Azure XT, model W1DR01): MR Conditional, card in chart.\n",
                           A, []),
    "near-card-on-file": ("Cochlear implant - manufacturer card on file, model CI632, MR conditional at 1.5T.\n",
                          A, []),
    "near-operative-note": ("DBS - MR conditional per operative note.\n", A, []),
    "near-operative-note-vns": ("VNS in place; MR-conditional per op note 2019.\n", A, []),
    "near-device-clinic": ("Pacemaker - device clinic cleared for MRI at 1.5T with the protocol.\n", A, []),
    "near-removed": ("Pacemaker removed in 2020.\n", A, []),
    "near-protocol-alone": ("VNS placed 2015. Brain MRI 2023 done under the VNS MR-conditional protocol.\n",
                            A, []),
    "near-paired-documented": ("Spinal cord stimulator generator is MR conditional when paired with approved "
                               "leads; approved leads documented in the operative note.\n", A, []),
    "near-patient-and-card": ("Pacemaker: MR conditional per manufacturer card; patient also reports it is MRI "
                              "safe.\n", A, []),
    "near-patient-in-other-role": ("Patient has a VNS, MR conditional per manufacturer letter on file.\n", A, []),
    "near-verified": ("DBS MR-conditional, verified by radiology 11/20\n", A, []),
    "near-not-cleared-3t": ("Cochlear implant (model CI512): MR conditional per manufacturer card, not cleared "
                            "for 3T.\n", A, []),
    "near-next-row-pending": ("VNS - MR conditional per manufacturer letter\nPending: repeat EEG\n", A, []),
    "near-patients-card": ("DBS: MR conditional per patient's implant card\n", A, []),
    "near-status-confirmed-wrap": ("Spinal cord stimulator: MR-conditional status of the full system\n"
                                   "confirmed by the vendor.\n", A, []),
}


@pytest.mark.parametrize(("text", "status", "devices"), CASES.values(), ids=CASES.keys())
def test_weak_device_clearances(analyze, text: str, status: FactStatus,  # type: ignore[no-untyped-def]
                                devices: list[str] | None) -> None:
    fact = facts_of(analyze, text).facts["mri_contraindication"]
    check_device_fact(fact, status, devices)
