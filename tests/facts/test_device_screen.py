"""The MRI-safety device screen end to end (text -> NLP -> `mri_contraindication`), one table per failure class.

Each row: a short fresh text, the fact's expected status and, where it matters, the device types that stay a
contraindication. Near misses (a real device next to the look-alike, the same device stated in the patient) sit in
each table.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_device_fact, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED


def _check(analyze, text: str, status: FactStatus, devices: list[str] | None) -> None:  # type: ignore[no-untyped-def]
    fact = facts_of(analyze, text).facts["mri_contraindication"]
    check_device_fact(fact, status, devices)


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
    "icd-o-registry": ("Morphology (ICD-O-3.2) 9401/3, astrocytoma; topography C71.0.", N, None),
    "icd-o3-spaced": ("Site per ICD O3: C71.6 cerebellum.", N, None),
    "icd-o-bare": ("Histology coded to ICD-O by the registrar.", N, None),
    "icd-o-lower": ("abstracted with icd-o-3 codes 9380/3", N, None),
    # near misses: an implanted cardioverter-defibrillator
    "icd-in-situ": ("Cardiology: ICD in situ, last interrogation unremarkable.", P, ["icd"]),
    "has-an-icd-maker": ("He has an ICD (Boston Scientific) for prior VT arrest.", P, ["icd"]),
    "dual-chamber-icd-year": ("Dual-chamber ICD placed 2021 after syncope.", P, ["icd"]),
    "aicd": ("PMH: HTN, CAD, AICD.", P, ["icd"]),
    "icd-and-code-together": ("ICD C71.9 glioma; patient also has an ICD implanted 2019.", P, ["icd"]),
    "icd-o-and-device": ("ICD-O-3 9440/3 glioblastoma; he also has an ICD since 2022.", P, ["icd"]),
    "icd-off-for-scan": ("ICD off for the scan per cardiology.", P, ["icd"]),
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


# e. An MR-conditional status that is not established is no clearance (cues safety.clearance_unestablished_after,
#    safety.clearance_unestablished_before): unconfirmed, unverifiable, requested, awaited, still to be obtained. A
#    "not confirmed" about another device leaves a cleared one cleared; a stated clearance still clears.
UNESTABLISHED = {
    "status-of-generator-not-confirmed": (
        "Dual-chamber pacemaker (2018). MR conditional status of the generator has not been confirmed.", P,
        ["pacemaker"]),
    "labelling-could-not-be-verified": (
        "Cochlear implant (left). Conditional labelling could not be verified with the audiology team.", P,
        ["cochlear_implant"]),
    "letter-requested": (
        "Vagus nerve stimulator in situ; MR-conditional letter requested from the manufacturer 11/03.", P,
        ["spinal_cord_stimulator"]),
    "awaiting-confirmation-that": (
        "ICD present, awaiting confirmation from the device clinic that the system is MR conditional.", P, ["icd"]),
    "safe-status-unknown": ("Insulin pump worn continuously - MRI-safe status unknown.", P, ["insulin_pump"]),
    "status-to-be-obtained": ("Deep brain stimulator: MR conditional status to be obtained before scheduling.", P,
                              ["spinal_cord_stimulator"]),
    "status-pending": ("Programmable VP shunt; MR conditional status pending manufacturer review.", P,
                       ["programmable_shunt"]),
    "unable-to-confirm-whether": (
        "Aneurysm clip (2012, outside hospital): unable to confirm whether the clip is MR conditional.", P,
        ["aneurysm_clip"]),
    "card-requested": ("Pacemaker in place. MR conditional pacemaker card requested.", P, ["pacemaker"]),
    "labeling-has-been-requested": ("DBS placed 2019. MR conditional labeling has been requested from the vendor.", P,
                                    ["spinal_cord_stimulator"]),
    # a "not confirmed" about another device: the cleared one stays cleared, the other one stays
    "other-device-not-confirmed": (
        "Pacemaker is MR conditional per the EP letter. The cochlear implant's MR-conditional status has not been "
        "confirmed.", P, ["cochlear_implant"]),
    "other-device-cannot-be-verified": (
        "Spinal cord stimulator cleared for MRI by the manufacturer. Pacemaker MR conditional status cannot be "
        "verified.", P, ["pacemaker"]),
    "device-not-confirmed-as": (
        "Pacemaker and cochlear implant in place. The pacemaker is MR conditional; the cochlear implant has not been "
        "confirmed as MR conditional.", P, ["cochlear_implant"]),
    # near misses: a clearance that is stated
    "status-confirmed": ("Pacemaker: MR-conditional status confirmed with Medtronic on 10/28.", A, []),
    "card-on-file": ("Cochlear implant is MR conditional (manufacturer card on file).", A, []),
    "letter-received": ("DBS system: manufacturer letter received - MR conditional at 1.5 T only.", A, []),
    "status-verified": ("VNS: MR-conditional status verified by neurology 11/02.", A, []),
    "card-then-mri-mode": (
        "Pacemaker: MR conditional (model card on file), will be placed in MRI mode for the scan.", A, []),
    "requested-then-received": (
        "Pacemaker MR-conditional status requested 10/30. Update 11/05: letter received, pacemaker is MR "
        "conditional.", A, []),
    "cleared-then-other-request": ("Pacemaker placed 2016; MR conditional per cardiology. Awaiting interrogation "
                                   "report.", A, []),
    "clearance-then-mrs-requested": ("MR-conditional pacemaker, MRS requested to assess recurrence.", A, []),
    "compatibility-unknown-no-clearance": ("Insulin pump. MR compatibility unknown.", P, ["insulin_pump"]),
}


@pytest.mark.parametrize(("text", "status", "devices"), UNESTABLISHED.values(), ids=UNESTABLISHED.keys())
def test_e_an_unestablished_clearance_clears_nothing(analyze, text: str, status: FactStatus,  # type: ignore[no-untyped-def]
                                                     devices: list[str] | None) -> None:
    _check(analyze, text, status, devices)


# f. A negation in one item of a coded diagnosis list does not reach the next item (context rule
#    term.diagnosis_code; a line that opens with a dotted code is never joined to the line before)
CODED_LISTS = {
    "next-line-pacemaker": (
        "Dx:\nG40.909 Epilepsy, unspecified, without status epilepticus\nZ95.0 Presence of cardiac pacemaker", P,
        ["pacemaker"]),
    "next-line-cochlear": (
        "Problem list:\nG43.909 Migraine, unspecified, not intractable, without status migrainosus\n"
        "Z96.21 Cochlear implant status", P, ["cochlear_implant"]),
    "same-line-comma": ("ICD-10: G43.909 migraine without aura, Z96.21 cochlear implant status", P,
                        ["cochlear_implant"]),
    "same-line-semicolon-vns": ("Diagnoses: G40.209 focal epilepsy, not intractable, without status epilepticus; "
                                "Z96.89 presence of vagus nerve stimulator", P, ["spinal_cord_stimulator"]),
    # near misses: the negation inside its own item still negates
    "same-item-negation": ("G40.909 epilepsy, no VNS implanted", A, []),
    "denied-in-prose": ("Epilepsy without status epilepticus and without a vagus nerve stimulator.", A, []),
}


@pytest.mark.parametrize(("text", "status", "devices"), CODED_LISTS.values(), ids=CODED_LISTS.keys())
def test_f_a_coded_item_does_not_negate_the_next(analyze, text: str, status: FactStatus,  # type: ignore[no-untyped-def]
                                                 devices: list[str] | None) -> None:
    _check(analyze, text, status, devices)


# g. A Y/N row whose line goes on after its answer keeps its answer (forms.yaml written_answers.next_fields; the
#    label-before-mark layout when the first mark follows an answer word): blank stays unknown
ROWS_THAT_GO_ON = {
    "written-no-then-weight": ("Insulin pump: N   Weight 68 kg", A, []),
    "written-no-then-bmi": ("Aneurysm clip: No   BMI 31.4", A, []),
    "boxes-no-then-next-question": ("Cochlear implant  Yes \u2610 No \u2612   Shunt: No", A, []),
    "label-before-yes-then-free-text": ("Spinal cord stimulator  Y [X]  N [ ]  lower back, placed 2021", P,
                                        ["spinal_cord_stimulator"]),
    "two-rows-label-before-then-note": ("Pacemaker Y [X] N [ ]  Insulin pump Y [ ] N [X]  see attached note", P,
                                        ["pacemaker"]),
    "label-after-two-questions": ("Cochlear implant [ ]Y [X]N  Pacemaker [ ]Y [X]N", A, []),
    # near misses: a device really ticked yes; an answer left blank; words an answer does not end
    "written-yes-then-height": ("Pacemaker: Yes   Ht 165 cm", P, ["pacemaker"]),
    "blank-then-free-text": ("Neurostimulator  Y [ ]  N [ ]  left chest", N, None),
    "no-then-lowercase-words": ("ICD: no shocks since 2022", P, ["icd"]),
}


@pytest.mark.parametrize(("text", "status", "devices"), ROWS_THAT_GO_ON.values(), ids=ROWS_THAT_GO_ON.keys())
def test_g_a_row_that_goes_on_keeps_its_answer(analyze, text: str, status: FactStatus,  # type: ignore[no-untyped-def]
                                               devices: list[str] | None) -> None:
    _check(analyze, text, status, devices)
