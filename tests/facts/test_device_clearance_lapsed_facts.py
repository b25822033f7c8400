"""A device whose MR-conditional clearance no longer holds or is still being sought, and slash-joined device rows
answered No with a remark, end to end (text -> NLP -> `mri_contraindication`).

1. A clearance that predates a change to the device clears nothing now: an implanted device (VNS, DBS, RNS, SCS,
   pump, cochlear implant, pacemaker) that had an MRI or an MR-conditional statement earlier, but whose generator or
   leads were replaced, revised or re-implanted since (cue safety.clearance_superseded_by_change), is not documented
   as MR-conditional now: the contraindication reads present, as for any device not documented MR-conditional.
   Near misses: a change followed by the new system's own MR-conditional statement with its source ("new generator
   MR conditional per manufacturer card on file"), a prior MRI under device conditions with no change since.
2. A clearance whose MRI-safety review is still pending, or whose scan waits until the device is cleared ("MR
   safety review still pending", "do not schedule until the device is cleared", "awaiting manufacturer letter"),
   clears nothing (cue safety.clearance_review_pending). Near miss: the pending review then settled ("cleared by MR
   safety 11/20", "letter received: MR conditional") clears as today.
3. A slash-joined (or parenthesised) device row answered No, with a remark that names one of its devices as
   discussed, considered or offered but never placed, reads no device (absent): the remark does not make the
   device a plan that escapes the row's No (form_state: the answer of the row reaches its devices; cue
   safety.device_answered_no). Near misses: a row answered Yes with its conditional card ("VNS/DBS/RNS Y (VNS 2018,
   MR conditional card on file)"), a row split by device ("VNS N / DBS Y").
"""

from __future__ import annotations

import pytest
from text_to_criteria import facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
BRAIN_REQUEST = "REQUEST: MR spectroscopy of the brain (CPT 76390) for a left frontal lesion.\n"
DATE = "\nDate of request: 11/20/2026\n"

# id: (text, mri_contraindication status)
CASES: dict[str, tuple[str, FactStatus]] = {
    # ------------------------------------------------ 1. the clearance predates a change to the device
    "vns-generator-replaced-osh": ("VNS placed 2012, MR conditional. Generator replaced 2021 at an outside hospital, "
                                   "model unknown.", P),
    "dbs-leads-revised-no-labelling": ("DBS: brain MRI 2019 done under MR-conditional settings. Leads revised 2023 "
                                       "at OSH; no labelling on file.", P),
    "cochlear-reimplanted": ("Cochlear implant (MR conditional per 2017 card); re-implanted 2022 at another "
                             "hospital.", P),
    "pacemaker-generator-change": ("Pacemaker - MR-conditional system (2015). Generator change 2024, model "
                                   "unknown.", P),
    "rns-neurostimulator-replaced": ("RNS: MRI 2020 under MR conditional protocol; neurostimulator replaced "
                                     "06/2024, no labeling on file.", P),
    "scs-leads-revised-since": ("Spinal cord stimulator, MR conditional at implant (2016); leads since revised at "
                                "an outside hospital.", P),
    "pump-replaced-british": ("Insulin pump - MRI compatible per 2018 letter.\nPump replaced 2023 at another "
                              "centre, new model not known.", P),
    "vns-battery-replaced-wrap": ("VNS - prior MRI 2018 under MR-conditional\nsettings. Generator subsequently "
                                  "replaced (battery end of life),\noutside hospital.", P),
    "dbs-ipg-exchanged": ("Deep brain stimulator (MR-conditional, Medtronic 2014). IPG exchanged 2022 elsewhere - "
                          "no records.", P),
    "cochlear-revision-surgery": ("Left cochlear implant: MRI safe per audiology 2016. Revision surgery 2021 with "
                                  "a new internal device.", P),
    # ------------------------------------------------ 2. the MRI-safety review is still pending
    "dbs-review-still-pending": ("DBS - MR conditional. MR safety review still pending.", P),
    "vns-do-not-schedule": ("VNS: MR-conditional per outside records; do not schedule until the device is "
                            "cleared.", P),
    "cochlear-awaiting-letter": ("Cochlear implant - MR conditional per patient; awaiting manufacturer letter.", P),
    "pacemaker-review-pending-caps": ("PACEMAKER (reported MR conditional) - MRI SAFETY REVIEW PENDING.", P),
    "scs-radiology-review-pending": ("SCS: MR-conditional system. Radiology MR safety review: pending.", P),
    "rns-awaiting-manufacturers-letter": ("RNS, MR conditional per neurosurgery; awaiting the manufacturer's "
                                          "letter.", P),
    "dbs-safety-team-review-outstanding": ("Deep brain stimulator, MR conditional labelling reported; MRI safety "
                                           "team review outstanding.", P),
    "vns-hold-until-cleared": ("VNS (MR conditional per family) - please hold the scan until the device has been "
                               "cleared.", P),
    "pump-not-to-be-booked": ("Insulin pump, MR-safe per patient. Not to be booked until the device is cleared by "
                              "MR safety.", P),
    # ------------------------------------------------ 3. slash-joined device rows answered No with a remark
    "vns-dbs-rns-n-alternative": ("VNS/DBS/RNS N (VNS discussed as an alternative - not implanted)", A),
    "pacemaker-icd-no-considered": ("Pacemaker/ICD: No (pacemaker was considered in 2019, never placed)", A),
    "neurostimulator-none-offered-declined": ("Neurostimulator (VNS, DBS) - none; VNS offered, declined", A),
    "spaced-slashes-option": ("VNS / DBS / RNS: N (RNS discussed as an option, not implanted)", A),
    "icd-pacemaker-dash-no": ("ICD/pacemaker - no (ICD considered 2020, never implanted)", A),
    "dbs-vns-leader-no": ("DBS/VNS ........ No (DBS was discussed; not placed)", A),
    "cochlear-hearing-n-evaluated": ("Cochlear implant / ICD - N (cochlear implant evaluated 2018, not implanted)", A),
    "stimulator-n-offered-declined": ("Stimulator (VNS/RNS/DBS): N; VNS was offered and declined", A),
    "neurostim-none-caps": ("NEUROSTIMULATOR (VNS, DBS, RNS): NONE - VNS OFFERED, FAMILY DECLINED", A),
    "pacemaker-icd-n-considered-lower": ("pacemaker/icd: n (icd considered in 2018 but never placed)", A),
    # ------------------------------------------------ near misses
    "near-new-generator-card-on-file": ("VNS generator replaced 2021; new generator MR conditional per "
                                        "manufacturer card on file.", A),
    "near-revised-system-letter": ("DBS leads revised 2023; revised system MR-conditional per manufacturer letter "
                                   "on file.", A),
    "near-review-then-cleared": ("Pacemaker - MR safety review pending; cleared by MR safety 11/20. MR conditional.",
                                 A),
    "near-review-pending-then-cleared": ("DBS - MR conditional. MR safety review pending; cleared by MR safety "
                                         "11/20.", A),
    "near-replacement-planned": ("Pacemaker, MR-conditional system; generator replacement planned for 2027.", A),
    "near-battery-replacement-due": ("VNS MR conditional per card on file. Battery replacement due next year.", A),
    "near-leads-to-be-revised": ("SCS MR conditional per manufacturer letter; leads to be revised in spring.", A),
    "near-awaiting-then-received": ("Cochlear implant: awaiting manufacturer letter.\nLetter received 11/18: MR "
                                    "conditional at 1.5T.", A),
    "near-prior-mri-no-change": ("VNS MR conditional; prior MRI 2022 under device conditions, no change to the "
                                 "device since.", A),
    "near-replaced-no-clearance": ("VNS generator replaced 2021.", P),
    "near-vns-dbs-rns-y-card": ("VNS/DBS/RNS Y (VNS 2018, MR conditional card on file)", A),
    "near-vns-n-dbs-y": ("VNS N / DBS Y", P),
    "near-row-no-plain": ("Pacemaker/ICD: No", A),
    "near-option-alone": ("VNS discussed as an alternative.", N),
}


@pytest.mark.parametrize(("text", "status"), CASES.values(), ids=CASES.keys())
def test_device_clearance_lapsed(analyze, text: str, status: FactStatus) -> None:  # type: ignore[no-untyped-def]
    fact = facts_of(analyze, BRAIN_REQUEST + text + DATE).facts["mri_contraindication"]
    assert fact.status is status, (f"{fact.status.value} ({fact.note}); evidence "
                                   f"{[(e.text, e.assertion, e.attributes) for e in fact.evidence]}; ignored "
                                   f"{[(e.text, e.attributes) for e in fact.ignored]}")
