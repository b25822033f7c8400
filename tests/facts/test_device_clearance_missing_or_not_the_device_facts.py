"""An implanted device whose MR-conditional documentation is named only as missing, whose "removal" is a code's or a
claim line's, or whose device review says it is not cleared stays a contraindication, end to end (text -> NLP ->
`mri_contraindication`).

Class: three statements that clear nothing but read as a clearance (targets.yaml mri_ci.cleared): a labelled field
whose label names the MR-conditional documentation and whose value says it is missing ("MR Conditional card /
implant record:  none on file", "MR-conditional paperwork ... could not be found in the chart"); "removed" said of a
diagnosis code, a claim line or a chart entry, not of the device ("duplicate code removed on resubmission"); a device
review's "Status: NOT CLEARED" or "Clearance: not granted" while another page says the device was set to its scan
mode for an earlier scan done under a clearance the chart lacks (cues safety.clearance_unestablished_after,
safety.clearance_not_the_device, safety.clearance_review_not_cleared in facts/resources/cues.yaml).

Near misses: an MR-conditional system with its card and a sign-off; a device removed or explanted; a cochlear magnet
removed for the scan of an MR-conditional implant; a clearance given by the safety physicist with the scan mode to be
set; a field that says the card is on file; a review that then clears the device; no device.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_device_fact, facts_of

from pipeline.contracts import FactStatus

P, A = FactStatus.PRESENT, FactStatus.ABSENT
SCS, PM, ICD = ["spinal_cord_stimulator"], ["pacemaker"], ["icd"]

# id: (text, status, devices that stay a contraindication; None: not checked)
CASES: dict[str, tuple[str, FactStatus, list[str] | None]] = {
    # ------------------------------------------------ the documentation's label, its value missing
    "scs-card-record-none-on-file": ("Spinal cord stimulator (Boston Scientific, 2019).\nMR-conditional card / "
                                     "implant record:   none on file - requested from the implanting surgeon 10/03, "
                                     "still outstanding.\n", P, SCS),
    "vns-paperwork-could-not-be-found": ("VNS implanted 2014 for refractory epilepsy. MR conditional paperwork for "
                                         "this generator and lead combination could not be located in the chart.\n",
                                         P, SCS),
    "pacemaker-documentation-none-in-chart": ("Permanent pacemaker (2018).\nMR Conditional documentation:  none in "
                                              "chart.\n", P, PM),
    "dbs-labelling-documents-not-found": ("Deep brain stimulator, bilateral STN.\nMR conditional labeling documents: "
                                          "not found in the records we received.\n", P, SCS),
    "icd-card-nothing-on-file": ("ICD placed 2020 at an outside hospital.\nMRI conditional card / manufacturer "
                                 "letter: nothing on file.\n", P, ICD),
    "pacemaker-system-documentation-no-record": ("Pacemaker, dual chamber.\nMR conditional system documentation: no "
                                                 "record in chart; patient asked to bring the card.\n", P, PM),
    # ------------------------------------------------ "removed" said of a code, a claim line, a chart entry
    "scs-code-removed-from-claim": ("Spinal cord stimulator in place since 2020 for failed back syndrome.\nBilling: "
                                    "G89.29 dropped from the claim; the duplicate code removed on resubmission.\n",
                                    P, SCS),
    "vns-claim-line-removed": ("Vagus nerve stimulator for epilepsy, generator left chest.\nCoding note: claim line 3 "
                                "removed (duplicate CPT 70553).\n", P, SCS),
    "pacemaker-problem-list-entry-removed": ("Pacemaker for complete heart block (2017).\nProblem list: outdated "
                                             "entry 'syncope NOS' removed 10/02.\n", P, PM),
    "dbs-diagnosis-code-removed": ("DBS implanted 2021 for Parkinson disease. ICD-10 code G20.A1 was removed from "
                                   "the order and replaced with G20.B1.\n", P, SCS),
    # ------------------------------------------------ a review not clearing it; a scan mode under a missing clearance
    "dbs-review-not-cleared-mode-earlier": ("MRI SAFETY DEVICE REVIEW\nDevice: deep brain stimulator\nStatus: NOT "
                                            "CLEARED.\n\nNeurology progress note\nDBS placed in MRI mode for a 2022 "
                                            "scan done under an outside hospital's clearance (no copy in our "
                                            "chart).\n", P, SCS),
    "vns-mode-earlier-then-review-not-granted": ("Neurology note: VNS switched to MRI mode in 2023; that scan was "
                                                 "done under another centre's clearance, copy not on file.\n\nDevice "
                                                 "review\nVNS\nClearance: not granted.\n", P, SCS),
    "scs-review-not-cleared-mode-earlier": ("Device review - spinal cord stimulator\nStatus: NOT CLEARED\n\nPain "
                                            "clinic: SCS set to MRI mode for the 2021 lumbar MRI under an outside "
                                            "clearance (we have no copy).\n", P, SCS),
    "scs-mode-under-clearance-no-copy": ("Spinal cord stimulator switched to MRI mode; the 2023 scan ran under a "
                                         "clearance from another centre (we have no copy).\n", P, SCS),
    "vns-not-cleared-for-the-scan": ("VNS not cleared for the scan - lead impedance out of range.\n", P, SCS),
    "pacemaker-entry-removed-from-list": ("Pacemaker for sick sinus syndrome. 'Atrial flutter' removed 10/02 from the "
                                          "problem list.\n", P, PM),
    # ------------------------------------------------ near misses: cleared, removed, or no device
    "near-pacemaker-card-enclosed-sign-off": ("Pacemaker generator and both leads: MR Conditional (card copy "
                                              "attached); MR safety sign-off 11/02.\n", A, []),
    "near-scs-explanted": ("Spinal cord stimulator removed 2023 (explanted, leads out).\n", A, []),
    "near-vns-removed": ("Vagus nerve stimulator removed in 2022 with its lead.\n", A, []),
    "near-cochlear-magnet-removed-labelled": ("Cochlear implant magnet removed for the scan per audiology protocol; "
                                              "implant labelled MR Conditional at 1.5 tesla.\n", A, None),
    "near-vns-physicist-cleared-mode-to-set": ("VNS: cleared for the 1.5T scan by the MR physicist 11/14; neurology "
                                               "to switch the generator to scan mode.\n", A, []),
    "near-card-field-on-file": ("Deep brain stimulator (2019).\nMR-conditional card / implant record:  on file, "
                                "scanned to media 10/30.\n", A, []),
    "near-review-cleared": ("MRI SAFETY DEVICE REVIEW\nDevice: spinal cord stimulator\nStatus: CLEARED for 1.5T "
                            "under MR conditional labelling.\n", A, []),
    "near-pacemaker-mode-and-letter": ("Pacemaker set to MRI mode by the device clinic; MR conditional system per "
                                       "the EP letter on file.\n", A, []),
    "near-dbs-explanted-code-removed": ("DBS explanted 2021 with both leads; its code removed from the problem "
                                        "list.\n", A, []),
    "near-pacemaker-leads-removed": ("Pacemaker generator and leads removed in 2020 (pocket infection), not "
                                     "replaced.\n", A, []),
    "near-icd-cleared-for-the-3t-mri": ("ICD: MR conditional system, cleared for the 3T MRI by the safety physicist "
                                        "11/02.\n", A, []),
    "near-devices-none": ("Devices: none.\n", A, []),
    "near-no-implants-code-removed": ("No implanted devices. Billing: duplicate code removed from the claim.\n",
                                      A, []),
}


@pytest.mark.parametrize(("text", "status", "devices"), CASES.values(), ids=CASES.keys())
def test_device_clearance_missing_or_not_the_device(analyze, text: str,  # type: ignore[no-untyped-def]
                                                    status: FactStatus, devices: list[str] | None) -> None:
    fact = facts_of(analyze, text).facts["mri_contraindication"]
    check_device_fact(fact, status, devices)
