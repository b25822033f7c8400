"""A device the patient does not have, and a normal screen listing what it covered, in the wordings real notes use,
end to end (text -> NLP -> facts).

1. A device said not to be indicated, offered, ordered or prescribed, declined or refused, or one the patient is no
   candidate for, counts for no contraindication (cues safety.device_planned_before, safety.device_planned_after),
   also after a colon or dashes, with the device's abbreviation in parentheses ("responsive neurostimulation (RNS) -
   declined": safety.device_coordination) or with the line wrapped inside the sentence. A wearable defibrillator
   ("LifeVest", "defibrillator vest") is a defibrillator (target mri_ci.icd). Near misses: a device worn, in place,
   implanted or not MR conditional stays present; one implanted and cleared is absent.
2. A normal screen that lists what it covered names no disease (neg.normal_screen): also with a long parenthesis
   after the screen's name, when it was taken set off by dashes or commas, "WNL" or "within normal limits" as its
   verdict, or the line wrapped inside the sentence. Near misses: a screen positive or abnormal for a disease, a
   disease confirmed, a screen sent or pending.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
BRAIN_REQUEST = "REQUEST: MR spectroscopy of the brain (CPT 76390) for a left frontal lesion.\n"
DATE = "\nDate of request: 11/20/2026\n"

# 1. (text, mri_contraindication status, devices)
DEVICES = {
    "not-currently-a-candidate-lifevest": ("Per EP, he is not currently a candidate for a LifeVest (nonambulatory).",
                                           N, []),
    "double-dash-not-indicated": ("Cardiology: ICD -- not indicated presently.", N, []),
    "implantable-not-recommended": ("Implantable defibrillator not recommended at this time.", N, []),
    "family-declined-placement": ("Family declined pacemaker placement.", N, []),
    "colon-not-offered-reason": ("VNS: not offered given family preference.", N, []),
    "was-not-offered": ("Deep brain stimulation was not offered.", N, []),
    "abbreviation-in-parentheses-declined": ("Responsive neurostimulation (RNS) - declined by parents.", N, []),
    "subcutaneous-deferred-until-echo": ("Subcutaneous ICD deferred until repeat echo.", N, []),
    "lifevest-considered-not-prescribed": ("LifeVest considered but not prescribed.", N, []),
    "colon-no-candidacy-per-team": ("Vagus nerve stimulator: no candidacy per epilepsy team.", N, []),
    "parents-declined-a": ("The parents declined a VNS.", N, []),
    "wcd-considered-not-ordered": ("wearable cardioverter-defibrillator (WCD) was considered -- not ordered", N, []),
    "s-icd-colon-deferred": ("S-ICD: deferred pending repeat EF.", N, []),
    "wrapped-not-indicated": ("Cardiology reviewed the telemetry again today and a permanent pacemaker\n"
                              "is not indicated at this time.", N, []),
    "wrapped-not-offered": ("Epilepsy surgery conference 11/02 discussed the options; vagus nerve\n"
                            "stimulation was not offered given family preference.", N, []),
    "no-indication-for": ("No indication for an AICD at this time per EP.", N, []),
    "vest-colon-not-ordered": ("Defibrillator vest: not ordered (patient bedbound).", N, []),
    "ppm-refused": ("PPM refused by patient.", N, []),
    # "in place" of another item in the sentence is not the device's (safety.device_phrase_end ends its phrase)
    "not-candidate-other-lines-in-place": ("Not a candidate for wearable defibrillator at present (bedbound, trach, "
                                           "telemetry in place).", N, []),
    "icd-deferred-picc-in-place": ("ICD deferred until EF recheck, PICC line in place.", N, []),
    "declined-vns-since": ("Parents declined a VNS; seizure-free on two drugs since June.", N, []),
    # near misses
    "wearing-lifevest-since": ("Wearing a LifeVest since 10/02.", P, ["icd"]),
    "lifevest-worn-since": ("LifeVest worn since discharge.", P, ["icd"]),
    "aicd-in-situ": ("AICD in situ, interrogated 10/01.", P, ["icd"]),
    "implanted-cleared": ("Pacemaker implanted 2020, MR conditional, cleared by cardiology.", A, []),
    "not-mr-conditional": ("Pacemaker not MR conditional.", P, ["pacemaker"]),
    "not-functioning": ("Pacemaker not functioning per interrogation.", P, ["pacemaker"]),
    "implanted-upgrade-declined": ("ICD implanted 2019; CRT upgrade declined.", P, ["icd"]),
    "mri-candidate-device-in-place": ("Not a candidate for MRI without sedation; pacemaker in place.", P,
                                      ["pacemaker"]),
    "device-parenthesis-in-place": ("ICD (in place since 2019, interrogated 10/01).", P, ["icd"]),
    "abbreviation-in-parentheses-in-place": ("Responsive neurostimulation (RNS) in place.", P,
                                             ["spinal_cord_stimulator"]),
}


@pytest.mark.parametrize(("text", "status", "devices"), DEVICES.values(), ids=DEVICES.keys())
def test_a_device_not_indicated_offered_or_declined_is_none(analyze: Any, text: str, status: FactStatus,
                                                            devices: list[str]) -> None:
    fact = facts_of(analyze, BRAIN_REQUEST + text + DATE).facts["mri_contraindication"]
    assert fact.status is status, f"{fact.status.value}: {[(e.text, e.assertion) for e in fact.evidence]}"
    assert sorted(fact.attributes.get("device", [])) == devices


# 2. (text, inborn_error_of_metabolism status)
SCREENS = {
    "dashes-around-day": ("Newborn screen - DOL 3 - normal, including MSUD and galactosemia.", A),
    "within-normal-limits": ("NBS: within normal limits, including PKU and MCAD.", A),
    "double-dash-wnl": ("Newborn screening -- WNL, including amino acid disorders and fatty acid oxidation "
                        "defects.", A),
    "wrapped-long-parenthesis": ("Newborn screen (collected on day of life 2 prior to the first transfusion)\n"
                                 "returned normal, including MSUD, PKU and galactosemia.", A),
    "commas-around-day-wnl-incl": ("NBS, DOL 2, WNL incl. PKU and galactosemia.", A),
    "wrapped-commas-around-when": ("The state newborn screen, drawn on day of life two before any feeds,\n"
                                   "was normal - including PKU, MSUD and galactosemia.", A),
    "parenthesis-three-parts": ("Newborn screen (DOL 1, drawn before the transfusion, state lab): normal incl. "
                                "MSUD.", A),
    "parenthesis-then-dash-wnl-dash": ("NBS (36 h, on TPN) - WNL - incl. PKU, tyrosinemia", A),
    "parenthesis-within-normal-limits": ("Expanded NBS (repeat at 2 wks, after cooling): within normal limits, "
                                         "including galactosemia and MSUD.", A),
    "parenthesis-long-dash-normal": ("Newborn screen (day of life 2, while on hypothermia protocol) - normal, incl. "
                                     "biotinidase deficiency and galactosemia.", A),
    "parenthesis-repeat-negative": ("State NBS (repeat, DOL 14): negative incl. galactosemia, biotinidase "
                                    "deficiency.", A),
    "panel-all-normal-excluded": ("Metabolic work-up (lactate, ammonia, plasma amino acids) - all normal; MSUD and "
                                  "urea cycle defects excluded.", A),
    # near misses
    "positive-for": ("Newborn screen positive for galactosemia.", P),
    "abnormal-analyte": ("NBS abnormal (C5-OH elevated).", N),
    "confirmed-by-enzyme": ("Classic galactosemia confirmed (GALT activity 0%).", P),
    "normal-except-then-confirmed": ("Newborn screen: normal except elevated C5-OH; propionic acidemia confirmed.",
                                     P),
    "dash-abnormal-for": ("NBS - abnormal for MSUD (leucine elevated)", P),
    "parenthesis-positive-for": ("Newborn screen (DOL 2): positive for PKU; confirmed on repeat.", P),
    "dashes-around-repeat-abnormal": ("Newborn screen - repeat - abnormal, including elevated leucine; MSUD "
                                      "confirmed.", P),
    "dashes-around-sent": ("Newborn screen - sent - including MSUD.", N),
    "pending-list": ("Newborn screen pending (incl. MSUD, PKU).", N),
}


@pytest.mark.parametrize(("text", "status"), SCREENS.values(), ids=SCREENS.keys())
def test_a_normal_screen_listing_what_it_covered_names_no_disease(analyze: Any, text: str,
                                                                   status: FactStatus) -> None:
    fact = facts_of(analyze, BRAIN_REQUEST + text + DATE).facts["inborn_error_of_metabolism"]
    assert fact.status is status, f"{fact.status.value}: {[(e.text, e.assertion) for e in fact.evidence]}"
