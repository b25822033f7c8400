"""An implanted device whose MR-conditional documentation is missing from the chart stays an MRI contraindication,
end to end (text -> NLP -> `mri_contraindication`).

Class: the packet names the device and its MR-conditional card, letter, labelling or paperwork, and says that
documentation is not in hand: missing, lacking, absent from or not in the chart, records or file, not located,
not seen, not supplied, not with the patient, asked for or sought ("Model / MR-conditional card not in our chart;
requested from the implant center - awaiting", "MR-conditional card: missing", "MR conditional labelling sought
from the manufacturer", "Missing MR-conditional documentation", "we have not seen the MR-conditional card"). The
words "MR-conditional" then clear nothing (cues safety.clearance_unestablished_after, after the statement, and
safety.clearance_unestablished_before, before it), and, as for documentation pending (safety.clearance_awaited),
a device whose documentation is missing stays uncleared wherever else the packet calls it MR-conditional, unless a
later statement settles it ("card received from the implant center"). HealthHelp treats an implanted device as a
contraindication until it is documented MR-safe; prior uneventful scans document nothing.

Near misses (keep today's reading): the card on file or in the chart ("MR Conditional 1.5T, implant card on
file", "card scanned into chart 11/08"); documentation received; a missing card later received; no implant;
a candidacy evaluation, not implanted; a hearing aid removed for the scan; something else missing in another
clause; a removed device whose card is missing.

Limits: an intrathecal (baclofen) drug pump is not in the device vocabulary at all (another class); a missing
card told without naming MR-conditional status or labelling ("implant card not in chart") is read by the device
model rules only when the model is said to be unknown.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_device_fact, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
SCS, PM, CI, SH = ["spinal_cord_stimulator"], ["pacemaker"], ["cochlear_implant"], ["programmable_shunt"]

# id: (text, status, devices that stay a contraindication (None: not checked))
CASES: dict[str, tuple[str, FactStatus, list[str] | None]] = {
    # ------------------------------------------------ the documentation is not in hand
    "row-card-not-in-chart-awaiting": ("MRI SAFETY QUESTIONNAIRE\nCochlear implant ......... Y (left, 2019)\n"
                                       "Model / MR-conditional card: not in our chart - requested from the implant "
                                       "clinic 10/28, awaiting\n", P, None),
    "card-not-in-chart-semicolon": ("Cochlear implant, right, implanted 2021. Model / MR-conditional card not in our "
                                    "chart; requested from implant center 10/30 - awaiting\n", P, None),
    "card-missing": ("Cochlear implant: Y. MR-conditional card: missing.\n", P, CI),
    "documentation-not-in-records": ("Pacemaker (2017): MR-conditional documentation not in our records.\n", P, PM),
    "letter-asked-for": ("DBS placed 2020. MR-conditional letter asked for from the neurosurgery office.\n", P, SCS),
    "labelling-sought": ("Vagus nerve stimulator - MR conditional labelling sought from the manufacturer.\n",
                         P, SCS),
    "card-not-located": ("Cochlear implant - MR-conditional card has not been located.\n", P, CI),
    "documentation-lacking": ("Spinal cord stimulator; MR conditional documentation lacking.\n", P, SCS),
    "paperwork-not-supplied": ("Pacemaker - MR conditional paperwork not supplied by the referring practice.\n",
                               P, PM),
    "card-not-with-patient": ("Cochlear implant: MR-conditional card not with the patient today.\n", P, CI),
    "status-dash-card-not-in-chart": ("Cochlear implant (right); MR-conditional status - card not in chart.\n",
                                      P, CI),
    "shunt-card-not-in-hand": ("Programmable VP shunt: MR conditional card not in hand.\n", P, SH),
    "missing-before": ("Cochlear implant, bilateral. Missing MR-conditional documentation.\n", P, CI),
    "have-not-seen-card": ("Cochlear implant since 2016; we have not seen the MR-conditional card.\n", P, CI),
    "letter-not-yet-in-chart": ("VNS - manufacturer MR-conditional letter: not yet in chart.\n", P, SCS),
    "documentation-missing-from-file": ("Deep brain stimulator - MR-conditional documentation missing from our "
                                        "file.\n", P, SCS),
    "screen-conditional-note-missing": ("Devices: cochlear implant (MR conditional)\n\nClinic note: cochlear "
                                        "implant placed 2021. The MR-conditional card is not in our records; "
                                        "requested from the implant centre.\n", P, CI),
    "prior-scans-card-missing": ("Cochlear implant (2015). Several 1.5T MRIs without incident; MR-conditional "
                                 "card missing.\n", P, CI),
    # ------------------------------------------------ near misses
    "near-card-on-file": ("Cochlear implant (MR Conditional 1.5T, implant card on file)\n", A, []),
    "near-documentation-received": ("Cochlear implant. MR-conditional documentation received 11/10 from audiology: "
                                    "1.5T with magnet in place.\n", A, []),
    "near-card-in-chart": ("Cochlear implant; MR-conditional card in chart.\n", A, []),
    "near-card-scanned-into-chart": ("Pacemaker: MR-conditional card scanned into chart 11/08.\n", A, []),
    "near-missing-later-received": ("Cochlear implant. MR-conditional card not in our chart, requested 11/02.\n"
                                    "Update 11/09: MR conditional card received from the implant center.\n", A, []),
    "near-other-thing-missing": ("Cochlear implant, MR conditional per manufacturer card; audiogram missing from "
                                 "the chart.\n", A, []),
    "near-no-implant": ("No cochlear implant.\n", A, []),
    "near-candidacy": ("Cochlear implant candidacy evaluation booked; not implanted.\n", N, None),
    "near-hearing-aid": ("Hearing aids removed for the scan.\n", N, None),
    "near-explanted-card-missing": ("Cochlear implant explanted 2022; MR-conditional card missing.\n", A, []),
}


@pytest.mark.parametrize(("text", "status", "devices"), CASES.values(), ids=CASES.keys())
def test_device_documentation_missing(analyze, text: str, status: FactStatus,  # type: ignore[no-untyped-def]
                                      devices: list[str] | None) -> None:
    fact = facts_of(analyze, text).facts["mri_contraindication"]
    check_device_fact(fact, status, devices)
