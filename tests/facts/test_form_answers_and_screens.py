"""Form answers, safety screens and the request's own study, end to end (text -> NLP -> facts), one table per class.

1. An answer after an arrow or a dash that follows a printed "Y / N" choice decides the prompt, and a prompt line
   with its own answer is never joined to the line before it (pipeline/nlp/normalize.py with
   form_state.answers_in_words; forms.yaml written_answers). A "Y / N" prompt answered Y about a PET "in the last
   90 days" is a PET in the window (cues.yaml study.recent_window).
2. A screen's "No" followed by a note after a dash ("No - removed 2023") is still the answer (forms.yaml
   written_answers.note_openers).
3. A device ticked Yes stays present when an MR-conditional or MRI-safe status is only inferred from a prior MRI
   tolerated "without incident" (cues.yaml safety.clearance_from_prior_scan); a documented status clears it.
4. A device named only as a future or conditional option is not in the patient (cues.yaml
   safety.device_planned_after, and a plan after a pair of devices reaches both: safety.device_coordination).
5. The requested MRS is no prior MRS: a date or a done-word in a parenthesis that names another study is that
   study's (pipeline/facts/imaging.py).

Each row: a short fresh text and the expected status of the facts named. Near misses sit in each table.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import check_facts, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
TAIL = "\n\nDate of request: 11/20/2026\n"


def _run(analyze: Any, text: str, expected: dict[str, FactStatus]) -> None:
    check_facts(facts_of(analyze, text + TAIL), expected)


# 1. arrow or dash answers after a printed "Y / N", and prompt lines never joined to the line above
ARROW_ANSWERS = {
    "pet-no-after-indication-line": (
        "Indication: enhancing right temporal mass after chemoradiation, progression versus radiation necrosis\n"
        "PET in last 90 days?  Y / N  -> N", {"pet_same_workup": A, "treatment_effect": S}),
    "pet-no-after-prior-mrs-yes-line": (
        "Prior MRS in this work-up?  Y -> 09/22/2026 (outside) - equivocal\nPET in last 90 days?  Y / N  -> N",
        {"prior_mrs": P, "pet_same_workup": A}),
    "mrs-no-after-summary-line": (
        "Summary: left parietal metastasis treated with radiosurgery in June, now enlarging on MRI\n"
        "Prior spectroscopy?  Yes/No - No", {"brain_metastasis": P, "prior_radiation": P}),
    "device-no-after-history-line": (
        "History: seizures since 2019 on levetiracetam and lacosamide, lesion in the left insula\n"
        "VNS in place?  Y/N => N", {"seizures": P, "mri_contraindication": A}),
    "double-arrow-pet-no": ("FDG-PET within the past 90 days?  Yes / No  =>  No", {"pet_same_workup": A}),
    "long-arrow-device-no": ("Cochlear implant?  Y / N  --> N", {"mri_contraindication": A}),
    "pet-yes-in-window": ("PET in the last 90 days?  Y / N  -> Y", {"pet_same_workup": P}),
    "pet-yes-three-months": ("Amyloid or FDG PET within the past 3 months?  Yes/No - Yes", {"pet_same_workup": P}),
    "device-yes-after-line": (
        "Reason for study: recurrent glioblastoma versus pseudoprogression after temozolomide\n"
        "Pacemaker?  Y / N  -> Y", {"mri_contraindication": P, "treatment_effect": S}),
    # near misses: a PET outside the window; a prose line that wraps is still joined; an unanswered prompt
    "pet-yes-six-months": ("FDG PET in the last 6 months?  Y / N  -> Y", {"pet_same_workup": A}),
    "prose-wraps": ("The neurosurgeon reviewed the outside study and felt the enhancing\n"
                    "lesion was not typical of a glioma", {"brain_lesion": P}),
    "prompt-unanswered": ("Cochlear implant?  Y / N", {"mri_contraindication": N}),
}


@pytest.mark.parametrize(("text", "expected"), ARROW_ANSWERS.values(), ids=ARROW_ANSWERS.keys())
def test_1_an_arrow_answer_decides_its_own_prompt(analyze, text: str,  # type: ignore[no-untyped-def]
                                                  expected: dict[str, FactStatus]) -> None:
    _run(analyze, text, expected)


# 2. a screen's "No" followed by a note that names the device as removed or old
NO_THEN_NOTE = {
    "pump-removed-dash": ("Insulin pump: No - taken off 2022, now on multiple daily injections",
                          {"mri_contraindication": A}),
    "stimulator-explanted-dash": ("Spinal cord stimulator: No - explanted 2021", {"mri_contraindication": A}),
    "icd-old-device-dash": ("ICD: No - old device removed 2020", {"mri_contraindication": A}),
    "pacemaker-explanted-paren": ("Pacemaker: No (explanted 2018)", {"mri_contraindication": A}),
    "stent-old-paren": ("Recent stent (<6 wk): No (coronary stent placed 04/2024)", {"mri_contraindication": A}),
    "neurostimulator-en-dash": ("Neurostimulator? N \u2013 removed in 2017 for infection", {"mri_contraindication": A}),
    "cochlear-removed-dash": ("Cochlear implant: No - device removed 2015", {"mri_contraindication": A}),
    "question-n-dash-note": ("Deep brain stimulator?  N - leads and generator removed 2019",
                             {"mri_contraindication": A}),
    # the next field's label holds a symbol: "(<6 wk)", "(>3T)", "%"
    "no-then-field-with-symbol": ("Neurostimulator: No    Recent stent (<6 wk): No", {"mri_contraindication": A}),
    "no-then-field-with-gt": ("Cochlear implant: N    Weight >150 kg?: N", {"mri_contraindication": A}),
    # near misses: a Yes with its note; a recent stent
    "yes-then-field-with-symbol": ("Neurostimulator: Yes    Recent stent (<6 wk): No", {"mri_contraindication": P}),
    "pacemaker-yes-placed": ("Pacemaker: Yes (placed 2019)", {"mri_contraindication": P}),
    "stent-yes-recent": ("Stent: Yes, 2 weeks ago", {"mri_contraindication": P}),
    "pump-yes-dash-note": ("Insulin pump: Yes - removes it for scans", {"mri_contraindication": P}),
    "no-then-lowercase-words": ("ICD: no shocks since 2022", {"mri_contraindication": P}),
}


@pytest.mark.parametrize(("text", "expected"), NO_THEN_NOTE.values(), ids=NO_THEN_NOTE.keys())
def test_2_a_no_with_a_note_stays_no(analyze, text: str,  # type: ignore[no-untyped-def]
                                     expected: dict[str, FactStatus]) -> None:
    _run(analyze, text, expected)


# 3. a prior MRI tolerated is no proof of MR-conditional status
PRIOR_SCAN = {
    "considered-compatible-after-mri": (
        "Aneurysm clip?  Y [X]  N [ ]\nHas had a brain MRI since the clipping without incident; considered MRI "
        "compatible.", {"mri_contraindication": P}),
    "safe-because-tolerated": (
        "Aneurysm clip: Yes\nPresumably MR safe since she tolerated a 1.5T MRI in 2022.", {"mri_contraindication": P}),
    "cleared-given-prior-scan": (
        "Cochlear implant: Y\nDeemed safe for MRI given prior MRI in 2021 without complication.",
        {"mri_contraindication": P}),
    "compatible-prior-uneventful": (
        "Programmable shunt valve. MRI compatible - previous MRIs uneventful.", {"mri_contraindication": P}),
    "mr-safe-prior-scans-no-problems": (
        "Pacemaker  Y [X]  N [ ]\nMR safe: multiple prior MRIs without problems.", {"mri_contraindication": P}),
    "tolerated-alone": ("Aneurysm clip?  Y [X]  N [ ]\nPrior MRI 2019 tolerated without incident.",
                        {"mri_contraindication": P}),
    "without-incident-then-safe": (
        "Neurostimulator: Yes. Scanned at 3T in 2020 without incident, so MRI safe.", {"mri_contraindication": P}),
    "mr-safe-per-patient-prior-scan": (
        "Aneurysm clip: Y\nClip is MRI safe per patient, who had an MRI in 2018 without issues.",
        {"mri_contraindication": P}),
    # near misses: a documented status clears, with or without a prior scan beside it
    "letter-attached": ("Aneurysm clip?  Y [X]  N [ ]\nClip documented MR-conditional (manufacturer letter attached).",
                        {"mri_contraindication": A}),
    "letter-and-prior-scan": (
        "Aneurysm clip: Yes\nClip is MR conditional per the manufacturer letter; prior MRI 2022 without incident.",
        {"mri_contraindication": A}),
    "card-on-file": ("Cochlear implant: Y\nMR conditional (implant card on file).", {"mri_contraindication": A}),
    "removed-device": ("Pacemaker: No (explanted 2019)", {"mri_contraindication": A}),
}


@pytest.mark.parametrize(("text", "expected"), PRIOR_SCAN.values(), ids=PRIOR_SCAN.keys())
def test_3_a_tolerated_scan_clears_no_device(analyze, text: str,  # type: ignore[no-untyped-def]
                                             expected: dict[str, FactStatus]) -> None:
    _run(analyze, text, expected)


# 4. a device named only as a future or conditional option
FUTURE_DEVICE = {
    "mentioned-as-alternative": (
        "A vagus nerve stimulator was mentioned as an alternative if she is not a surgical candidate.",
        {"mri_contraindication": N}),
    "pair-would-be-discussed": ("RNS or VNS would be discussed later.", {"mri_contraindication": N}),
    "may-be-considered": ("DBS may be considered.", {"mri_contraindication": N}),
    "raised-as-possibility": ("Responsive neurostimulation was raised as a possibility for the future.",
                              {"mri_contraindication": N}),
    "pair-could-be-revisited": ("VNS and DBS could be revisited at the next visit.", {"mri_contraindication": N}),
    "consider-pair": ("Plan: consider VNS or RNS after the MRS.", {"mri_contraindication": N}),
    "will-be-discussed": ("A spinal cord stimulator will be discussed with pain management.",
                          {"mri_contraindication": N}),
    "brought-up-as-option": ("Deep brain stimulation was brought up as an option by neurosurgery.",
                             {"mri_contraindication": N}),
    # near misses: a device in the patient
    "implanted-year": ("VNS implanted 2018.", {"mri_contraindication": P}),
    "has-one-off": ("Has a VNS (off).", {"mri_contraindication": P}),
    "pair-implanted": ("RNS and VNS implanted 2020.", {"mri_contraindication": P}),
    "in-place-then-other-plan": ("VNS in place; DBS could be discussed later.", {"mri_contraindication": P}),
}


@pytest.mark.parametrize(("text", "expected"), FUTURE_DEVICE.values(), ids=FUTURE_DEVICE.keys())
def test_4_a_future_device_is_not_implanted(analyze, text: str,  # type: ignore[no-untyped-def]
                                            expected: dict[str, FactStatus]) -> None:
    _run(analyze, text, expected)


# 5. the requested MRS is no prior MRS
REQUESTED_MRS = {
    "standalone-session-mri-date": (
        "Add-on to:  [ ] new MRI   [X] standalone MRS session (MRI done 10/12/2026)", {"prior_mrs": A}),
    "separate-visit-mri-completed": (
        "Requested: [X] MR spectroscopy as a separate visit (brain MRI completed 10/05/2026)", {"prior_mrs": N}),
    "order-mri-performed": ("Order: single-voxel MRS (MRI performed 10/08/2026 at an outside center)",
                            {"prior_mrs": A}),
    "spectroscopy-mri-obtained": ("Study: MR spectroscopy of the left temporal lesion (MRI obtained on 10/14/2026)",
                                  {"prior_mrs": A}),
    "mrs-only-mri-done": ("MRS only - no new MRI needed (MRI was done 10/01/2026)", {"prior_mrs": A}),
    "standalone-ct-date": ("Requested study: standalone MRS (CT head 10/11/2026 showed the lesion)",
                           {"prior_mrs": A}),
    "mrs-add-on-mri-dated": ("Please add MRS to the existing exam (MRI brain 10/09/2026)", {"prior_mrs": A}),
    "request-mrs-pet-in-paren": ("MRS requested (FDG PET done 10/20/2026, indeterminate)", {"prior_mrs": A}),
    # near misses: prior spectroscopy studies
    "prior-mrs-dated": ("Prior MRS 08/2026 - equivocal", {"prior_mrs": P}),
    "mri-plus-mrs-dated": ("MRI + MRS 09/14/2026 (report attached)", {"prior_mrs": P}),
    "mrs-own-date-in-paren": ("Prior MRS (done 09/02/2026) non-diagnostic", {"prior_mrs": P}),
    "mrs-dated-mri-in-paren": ("MRS 09/30/2026 (with the MRI of the same day): choline elevated",
                               {"prior_mrs": P}),
}


@pytest.mark.parametrize(("text", "expected"), REQUESTED_MRS.values(), ids=REQUESTED_MRS.keys())
def test_5_the_requested_mrs_is_no_prior_mrs(analyze, text: str,  # type: ignore[no-untyped-def]
                                             expected: dict[str, FactStatus]) -> None:
    _run(analyze, text, expected)
