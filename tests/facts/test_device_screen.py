"""The MRI-safety device screen end to end (text -> NLP -> `mri_contraindication`), one table per failure class.

Each row: a short fresh text, the fact's expected status and, where it matters, the device types that stay a
contraindication. Near misses (a real device next to the look-alike, the same device stated in the patient) sit in
each table.
"""

from __future__ import annotations

import pytest
from text_to_criteria import facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED


def _check(analyze, text: str, status: FactStatus, devices: list[str] | None) -> None:  # type: ignore[no-untyped-def]
    fact = facts_of(analyze, text).facts["mri_contraindication"]
    assert fact.status is status, f"{fact.status.value} ({fact.note}); evidence {[e.text for e in fact.evidence]}"
    if devices is not None:
        assert fact.attributes.get("device", []) == devices


# a. "ICD" that labels a diagnosis code is no defibrillator (rule look.icd_code_label)
CODE_LABELS = {
    "icd-then-code": ("Primary diagnosis: ICD C71.1, malignant neoplasm of the frontal lobe.", N, None),
    "icd-10-colon-code": ("Indication (ICD-10: G40.209) - focal epilepsy, intractable.", N, None),
    "icd-10-code-words": ("The ICD 10 code on the order does not match the note.", N, None),
    "icd9-joined": ("Old referral lists ICD9 191.2 for the same lesion.", N, None),
    "icd-code-label": ("ICD code: D43.0; CPT 76390.", N, None),
    "icd-and-cpt": ("Please confirm the ICD/CPT codes before submission.", N, None),
    "icd-numeric-code": ("Coded as ICD 348.89 on the 2014 claim.", N, None),
    "icd-dx": ("ICD dx G93.40 entered by the scheduler.", N, None),
    # near misses: an implanted cardioverter-defibrillator
    "icd-in-situ": ("Cardiology: ICD in situ, last interrogation unremarkable.", P, ["icd"]),
    "has-an-icd-maker": ("He has an ICD (Boston Scientific) for prior VT arrest.", P, ["icd"]),
    "dual-chamber-icd-year": ("Dual-chamber ICD placed 2021 after syncope.", P, ["icd"]),
    "aicd": ("PMH: HTN, CAD, AICD.", P, ["icd"]),
    "icd-and-code-together": ("ICD C71.9 glioma; patient also has an ICD implanted 2019.", P, ["icd"]),
}


@pytest.mark.parametrize(("text", "status", "devices"), CODE_LABELS.values(), ids=CODE_LABELS.keys())
def test_a_diagnosis_code_label_is_no_device(analyze, text: str, status: FactStatus,  # type: ignore[no-untyped-def]
                                             devices: list[str] | None) -> None:
    _check(analyze, text, status, devices)


# b. A device negated in a parenthesis, after a dash or a colon, or in a list of denials
NEGATED = {
    "parenthesis-not-implanted": ("Implants: none (VNS - not implanted)", A, []),
    "dash-no": ("Cardiac pacemaker - no", A, []),
    "devices-colon-none": ("Devices: none", A, []),
    "list-of-nos": ("Safety checklist: no metal, no pacemaker, no shunt.", A, []),
    "implants-nil": ("Metallic implants: nil", A, []),
    "never-placed": ("DBS was never placed (family declined surgery).", A, []),
    "no-longer-in-place": ("Spinal cord stimulator no longer in place.", A, []),
    "no-implanted-devices": ("Patient has no implanted devices.", A, []),
    # near misses: a device that is there
    "dash-yes": ("Cardiac pacemaker - yes", P, ["pacemaker"]),
    "devices-colon-named": ("Devices: cochlear implant (left)", P, ["cochlear_implant"]),
    "one-denied-one-present": ("No pacemaker; VNS implanted 2018.", P, ["spinal_cord_stimulator"]),
}


@pytest.mark.parametrize(("text", "status", "devices"), NEGATED.values(), ids=NEGATED.keys())
def test_b_a_negated_device_is_absent(analyze, text: str, status: FactStatus,  # type: ignore[no-untyped-def]
                                      devices: list[str] | None) -> None:
    _check(analyze, text, status, devices)


# c. A device that is planned, weighed or conditional is not in the patient (cues safety.device_planned_*)
PLANNED = {
    "only-if": ("Plan: VNS only if she is not a resection candidate.", N, None),
    "consider": ("Epilepsy surgery conference: consider DBS.", N, None),
    "discussed-as-option": ("RNS was discussed as an option with the family.", N, None),
    "referred-for-evaluation": ("Referred for pacemaker evaluation by cardiology.", N, None),
    "candidate-for": ("He may be a candidate for a vagus nerve stimulator.", N, None),
    "being-considered": ("Spinal cord stimulator is being considered for the back pain.", N, None),
    "if-seizures-persist": ("Responsive neurostimulation if seizures persist after the next medication trial.", N,
                            None),
    "scheduled-placement": ("Scheduled for ICD placement in January.", N, None),
    # near misses: the device is in the patient
    "implanted-year": ("VNS implanted 2016, settings unchanged.", P, ["spinal_cord_stimulator"]),
    "referred-for-interrogation": ("Referred for pacemaker interrogation before the scan.", P, ["pacemaker"]),
    "in-place-then-plan": ("VNS in place; consider RNS if seizures continue.", P, ["spinal_cord_stimulator"]),
    "status-post-placement": ("Status post DBS placement in 2020.", P, ["spinal_cord_stimulator"]),
    "rns-nerve-test": ("EMG with RNS study showed a decremental response.", N, None),
}


@pytest.mark.parametrize(("text", "status", "devices"), PLANNED.values(), ids=PLANNED.keys())
def test_c_a_planned_device_is_not_implanted(analyze, text: str, status: FactStatus,  # type: ignore[no-untyped-def]
                                             devices: list[str] | None) -> None:
    _check(analyze, text, status, devices)


# d. A pending clearance is no clearance, and a clearance speaks only of the device it names
CLEARANCE = {
    "need-to-confirm": ("Has a pacemaker; need cardiology to confirm MR-conditional status.", P, ["pacemaker"]),
    "awaiting-interrogation": ("Pacemaker in place, awaiting device interrogation.", P, ["pacemaker"]),
    "documented-no": ("Pacemaker present.\nMR-conditional documented? No", P, ["pacemaker"]),
    "status-not-recorded": ("Cochlear implant (right). MR conditional status not recorded.", P,
                            ["cochlear_implant"]),
    "status-unknown": ("Deep brain stimulator; MRI-conditional status unknown.", P, ["spinal_cord_stimulator"]),
    "to-verify": ("ICD present - will verify MR-conditional labeling with the manufacturer.", P, ["icd"]),
    "other-device-cleared": ("Pacemaker and cochlear implant. The cochlear implant is MR-conditional.", P,
                             ["pacemaker"]),
    "other-device-cleared-same-sentence": ("VNS in place, pacemaker is MR-conditional per EP.", P,
                                           ["spinal_cord_stimulator"]),
    # near misses: a clearance that is stated
    "letter": ("Pacemaker is MR-conditional (cardiology letter 11/02).", A, []),
    "safe-mode": ("Pacemaker: device programmed to MRI-safe mode and cleared by EP.", A, []),
    "next-sentence": ("Pacemaker placed 2019. It is an MR-conditional system.", A, []),
    "conditional-device-first": ("MR-conditional pacemaker (Azure), checked 10/2026.", A, []),
}


@pytest.mark.parametrize(("text", "status", "devices"), CLEARANCE.values(), ids=CLEARANCE.keys())
def test_d_only_a_stated_clearance_clears_its_device(analyze, text: str, status: FactStatus,  # type: ignore[no-untyped-def]
                                                     devices: list[str] | None) -> None:
    _check(analyze, text, status, devices)
