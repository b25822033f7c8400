"""A device the packet says was never implanted is no device, even after an earlier mention of it, end to end
(text -> NLP -> `mri_contraindication`).

Class: the implanted-device reading (targets.yaml mri_ci.*, facts/derive/safety.py) took a device as present from any
mention of it, an old referral's "DBS leads placed" quoted on one page, even when another page says in so many words
that the patient never had it ("no DBS system was ever implanted", "the cochlear implant was never put in", "spinal
cord stimulator: never placed (trial only)", "VNS discussed in 2022 but never implanted").

Rule: facts cues (pipeline/facts/resources/cues.yaml) safety.device_never_implanted_after (the words after a device,
up to the next device of its sentence: never implanted, placed, put in, inserted or fitted), safety.device_never_had_before
with safety.device_put_in_after ("never had a VNS implanted") and safety.device_none_before with
safety.device_ever_implanted_after ("no ICD has ever been put in"); the derivation (facts/derive/safety.py
`_never_implanted`) makes every mention of that device absent, the statement winning over an earlier or later quoted
or reported mention; for the values that group devices of different names (safety.device_kinds_by_name:
spinal_cord_stimulator holds VNS, DBS, RNS and SCS) only mentions of the same name. Also context.yaml
neg.pseudo_no_trouble_with_own_device: "never had a problem with her DBS" no longer negates the DBS.

Near misses keep their reading: "never" said of something else than the implant (never turned on, never had a
problem or issues with it, never interrogated, never had an MRI with it, never removed, fired, replaced, revised or
programmed), and a device of another kind, or a stimulator of another name, stated never implanted.

Limits: a stimulator named by its full name and by another abbreviation ("dorsal column stimulator" vs "SCS",
"responsive neurostimulator" vs "RNS") is not matched across the two names; a statement that a device was never
implanted "here" or "at our centre" while another page says it was placed elsewhere still reads absent; "no X placed"
without "ever" is left to the existing negation (neg.device_not_implanted), which does not outrank other mentions.

Rows: id -> (text, expected mri_contraindication status). Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
PAGE = "\f"

CASES: dict[str, tuple[str, FactStatus]] = {
    # an explicit never-implanted statement, after (or before) another mention of the device
    "dbs-referral-then-confirmed-never": (
        "Referral letter (2019): essential tremor, bilateral VIM DBS leads placed.\n" + PAGE
        + "Spoke with the patient and the implanting hospital: no DBS system was ever implanted.", A),
    "cochlear-letter-error": (
        "Hearing: left cochlear implant per the 2015 letter. That letter is wrong; no cochlear implant was ever "
        "put in, she wears hearing aids.", A),
    "scs-trial-never-placed": (
        "Back pain, failed laminectomy. Spinal cord stimulator: never placed (trial only, trial leads pulled "
        "2022).", A),
    "vns-discussed-never-implanted": (
        "Refractory focal epilepsy on three drugs. VNS was raised at clinic in 2023 but never implanted.", A),
    "pacemaker-was-never-implanted": (
        "Old problem list: pacemaker. Cardiology confirms the pacemaker was never implanted; the bradycardia "
        "resolved off metoprolol.", A),
    "icd-never-placed": (
        "ICD listed in the discharge summary.\n" + PAGE + "Correction: an ICD was never placed; the patient "
        "declined it.", A),
    "rns-has-never-been-implanted": (
        "Outside note mentions RNS. The RNS has never been implanted; the patient chose resection.", A),
    "dbs-never-actually-implanted": (
        "PMH: Parkinson disease (DBS). DBS was never actually implanted - surgery cancelled in 2021.", A),
    "vns-never-had-one-implanted": (
        "Imaging requisition: VNS.\n" + PAGE + "Patient states she never had a VNS implanted.", A),
    "neurostimulator-not-ever-implanted": (
        "Prior consult: vagus nerve stimulator. The vagus nerve stimulator was not ever implanted.", A),
    "scs-never-inserted": (
        "Chronic pain clinic letter: spinal cord stimulator.\n" + PAGE
        + "Spinal cord stimulator never inserted; the temporary trial failed.", A),
    "cochlear-never-fitted": (
        "Audiology: cochlear implant candidate assessed 2020; the cochlear implant was never fitted.", A),
    "pacemaker-row-never-implanted": (
        "Problem list (2018): sick sinus syndrome, pacemaker.\n" + PAGE
        + "MRI SAFETY SCREENING\nPacemaker: never implanted - confirmed with cardiology", A),
    "icd-no-one-ever-put-in": (
        "Transfer summary: ICD for cardiomyopathy. Electrophysiology clarifies no ICD has ever been put in; he "
        "wears a LifeVest.", A),
    # near misses: "never" speaks of something other than the implant, or of another device
    "near-vns-never-turned-on": ("VNS implanted 2020, but the VNS was never turned on.", P),
    "near-never-problem-with-dbs": ("She has never had a problem with her DBS since 2018.", P),
    "near-pacemaker-never-interrogated": ("Pacemaker placed 2019, never interrogated since.", P),
    "near-never-mri-with-stimulator": ("Spinal cord stimulator in situ; never had an MRI with the stimulator.", P),
    "near-vns-never-removed": ("He has a VNS; it was never removed.", P),
    "near-icd-never-fired": ("ICD implanted 2017 for cardiomyopathy, has never fired.", P),
    "near-dbs-never-replaced": ("DBS implanted 2016; battery never replaced.", P),
    "near-cochlear-never-revised": ("Right cochlear implant placed 2012 and never revised.", P),
    "near-other-device-never": ("Pacemaker placed 2020. An ICD was never implanted.", P),
    "near-other-stimulator-never": ("DBS placed 2018 for tremor. A VNS was never implanted.", P),
    "near-never-issues-with-his-pacemaker": ("Pacemaker since 2015; he has never had any issues with his "
                                             "pacemaker.", P),
    "near-never-programmed": ("RNS system in place but never programmed by the epilepsy team.", P),
}


@pytest.mark.parametrize(("text", "status"), CASES.values(), ids=CASES.keys())
def test_device_never_implanted(analyze: Any, text: str, status: FactStatus) -> None:
    fact = facts_of(analyze, text + REQUEST_TAIL).facts.get("mri_contraindication")
    got = fact.status if fact is not None else N
    assert got is status, (got.value, fact and fact.note, fact and [(e.text, e.assertion.value) for e in fact.evidence],
                           fact and [(e.text, e.attributes.get("cue")) for e in fact.ignored])
