"""An MR-conditional status only pointed to is no clearance, end to end (text -> NLP -> `mri_contraindication`).

Class: a device's MR-conditional status or MRI compatibility that is only named, as a topic that another document
or a later heading holds ("refer to the cardiology note regarding MR conditional status", "MR conditional status:
see below", "MR-conditional info on the attached card", "MRI compatibility per audiology letter to follow"), states
no clearance: the device stays an MRI contraindication (cue safety.clearance_pointer, read beside
safety.clearance_topic_stated for the topic rule targets.yaml mri_ci.clearance_topic). An explicit statement that
the same device's status is not established ("MR-conditional status not confirmed", "compatibility not yet
established") vetoes a clearance of that device elsewhere in the packet (cue safety.clearance_not_established), so
the same-device propagation clears nothing.

Near misses keep their clearance: "VNS, MR conditional.", "MR-conditional per manufacturer card (scanned,
attached)", "cleared by the MRI safety officer 11/03", a status confirmed after its topic word, a pointer about
another matter; "MR conditional status unknown" stays not cleared.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_device_fact, facts_of

from pipeline.contracts import FactStatus

P, A = FactStatus.PRESENT, FactStatus.ABSENT
SCS, PM, CI, ICD = ["spinal_cord_stimulator"], ["pacemaker"], ["cochlear_implant"], ["icd"]

# id: (text, status, devices that stay a contraindication (None: not checked))
CASES: dict[str, tuple[str, FactStatus, list[str] | None]] = {
    # ------------------------------------------------ a pointer before the status ("regarding", "re", "see ... for")
    "refer-regarding": ("Pacemaker - refer to cardiology note regarding MR conditional status\n", P, PM),
    "see-note-re": ("Permanent pacemaker; see EP note re MR-conditional status.\n", P, PM),
    "question-regarding": ("VNS in place. Question regarding MRI-conditional labelling sent to neurology.\n", P, SCS),
    "refer-for": ("ICD (refer to device clinic letter for MR conditional status)\n", P, ICD),
    "see-about": ("Cochlear implant: please see the audiology report about MR conditional status.\n", P, CI),
    "regarding-caps": ("DEEP BRAIN STIMULATOR - SEE NEUROSURGERY NOTE REGARDING MR CONDITIONAL STATUS\n", P, SCS),
    "concerning-wrap": ("Spinal cord stimulator, refer to the pain clinic note concerning\nMR-conditional status\n",
                        P, SCS),
    "form-field-re": ("Implanted device: pacemaker\nMR status: see cardiology letter re MR conditional status\n",
                      P, PM),
    # ------------------------------------------------ a pointer after the status ("see below", "on the attached")
    "status-see-below": ("VNS (MR conditional status: see below)\n", P, SCS),
    "info-attached-card": ("DBS; MR-conditional info on the attached card\n", P, SCS),
    "status-see-above": ("Pacemaker, MR-conditional status - see above.\n", P, PM),
    "details-enclosed": ("Cochlear implant. MR conditional details in the enclosed letter.\n", P, CI),
    "information-following": ("Neurostimulator - MRI-conditional information on the following page\n", P, SCS),
    "status-see-attached": ("ICD: MR conditional status, see attached.\n", P, ICD),
    "labelling-see-letter": ("Vagus nerve stimulator; MR-conditional labelling: see manufacturer letter\n", P, SCS),
    "status-refer": ("Pacemaker (MR-conditional status: refer to EP clinic)\n", P, PM),
    # ------------------------------------------------ compatibility per a letter still to come
    "compat-letter-follow": ("Cochlear implant - MRI compatibility per audiology letter to follow\n", P, CI),
    "compat-card-follow": ("Pacemaker: MRI compatibility per device card, to follow.\n", P, PM),
    "conditional-per-letter-follow": ("VNS - MR conditional per neurology letter to follow\n", P, SCS),
    "compat-report-forthcoming": ("DBS, MRI compatibility per neurosurgery report (forthcoming)\n", P, SCS),
    "safety-per-rep-pending": ("Spinal cord stimulator. MR safety per rep letter, pending.\n", P, SCS),
    "compat-letter-to-come": ("Cochlear implant: MRI compatibility as per audiology letter to follow.\n", P, CI),
    "compat-per-caps": ("ICD - MRI COMPATIBILITY PER EP LETTER TO FOLLOW\n", P, ICD),
    "conditional-per-fax-follow": ("Pacemaker, MR-conditional per cardiology fax to follow.\n", P, PM),
    # ------------------------------------------------ a pointer, and the status said not established later
    "pointer-then-not-confirmed": ("Pacemaker - refer to cardiology note regarding MR conditional status.\n"
                                   "Cardiology note: MR-conditional status not confirmed.\n", P, PM),
    "pointer-then-pacemaker-again": ("Pacemaker - refer to cardiology note regarding MR conditional status\n"
                                     "PMH: HTN, pacemaker 2015\n", P, PM),
    # ------------------------------------------------ a clearance vetoed by the same device's status not established
    "veto-not-confirmed": ("VNS, MR conditional.\nVNS MR-conditional status not confirmed.\n", P, SCS),
    "veto-not-established": ("Pacemaker - MR conditional.\nPacemaker MRI compatibility not yet established.\n",
                             P, PM),
    "veto-cannot-verify": ("Cochlear implant, MR conditional.\nAudiology: cochlear implant MR conditional "
                           "labelling cannot be verified.\n", P, CI),
    "veto-dbs": ("DBS - MR conditional (2019).\nDBS: MR conditional status not confirmed by neurosurgery.\n",
                 P, SCS),
    "veto-scs-unverified": ("Spinal cord stimulator MR-conditional.\nSpinal cord stimulator: MR-conditional "
                            "status unverified.\n", P, SCS),
    "veto-icd-before": ("ICD: MR conditional per device card.\nICD MRI compatibility has not been established.\n",
                        P, ICD),
    "veto-not-confirmed-caps": ("PACEMAKER - MR CONDITIONAL\nPACEMAKER MR CONDITIONAL STATUS NOT CONFIRMED\n", P, PM),
    "veto-neurostim-yet": ("Neurostimulator (MR conditional).\nNeurostimulator MR compatibility not yet confirmed.\n",
                           P, SCS),
    # ------------------------------------------------ near misses: keep the clearance, or the status unknown
    "near-vns-conditional": ("VNS, MR conditional.\n", A, []),
    "near-card-attached": ("Pacemaker - MR-conditional per manufacturer card (scanned, attached)\n", A, []),
    "near-safety-officer": ("Cochlear implant, MR conditional; cleared by the MRI safety officer 11/03\n", A, []),
    "near-status-unknown": ("DBS - MR conditional status unknown\n", P, SCS),
    "near-status-confirmed": ("Pacemaker: MR conditional status confirmed with the manufacturer.\n", A, []),
    "near-pointer-other-matter": ("VNS, MR conditional. See neurology note regarding seizure frequency.\n", A, []),
    "near-card-on-file": ("ICD - MR conditional (card on file).\n", A, []),
    "near-compat-confirmed": ("Cochlear implant: MRI compatibility confirmed by audiology\n", A, []),
    "near-other-device-unconfirmed": ("Pacemaker, MR conditional.\nVNS MR-conditional status not confirmed.\n",
                                      P, SCS),
    "near-per-letter-received": ("DBS - MR conditional per neurosurgery letter (received 10/02)\n", A, []),
}


@pytest.mark.parametrize(("text", "status", "devices"), CASES.values(), ids=CASES.keys())
def test_device_clearance_pointers(analyze, text: str, status: FactStatus,  # type: ignore[no-untyped-def]
                                   devices: list[str] | None) -> None:
    fact = facts_of(analyze, text).facts["mri_contraindication"]
    check_device_fact(fact, status, devices)
