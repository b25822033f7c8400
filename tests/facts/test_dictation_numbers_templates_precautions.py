"""Four classes end to end (text -> NLP -> facts), one table each, with near misses that must not change.

a. A paragraph dictated with its punctuation spoken ("comma", "period", "new paragraph", "semicolon") is read with
   those marks, so a negation ends where the spoken mark ends it (pipeline/nlp/dictation.py, nlp cues
   `dictation.*`); a single clinical use of the word ("postictal period", "sigmoid colon") changes nothing.
b. Numbers said in words are read where a rule needs them (pipeline/nlp/spoken_numbers.py, nlp cues `numbers.*`):
   an age ("a thirty four year old"), a year ("stent placed in twenty nineteen"), a stent's stated age ("more than
   six years old", "placed eleven weeks ago": facts cues safety.device_age_*). An age stated of a device is not
   the patient's age.
c. An examination or history header whose fields hold only template placeholders ("Vitals: ***", "General: ___",
   "Neuro: .neuroexam", "HEENT: [ ]", "{exam}", "@EXAM@") documents nothing (facts cues documentation.placeholder,
   documentation.field_label); nor does an exam header that only points elsewhere ("Exam: see attached neurology
   note", documentation.refers_elsewhere) unless that note's exam is in the packet. A filled field beside an
   unfilled one is documented.
d. Return precautions told as what the patient or family knows or was told to do are hypothetical (context rule
   hyp.knows_to_return): "she knows to call for any new weakness"; "she called for new weakness" is an event.

Rows are freshly written.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED


def _check(analyze: Any, text: str, expected: dict[str, Any]) -> None:
    facts = facts_of(analyze, text + REQUEST_TAIL).facts
    for name, want in expected.items():
        fact = facts[name]
        if isinstance(want, FactStatus):
            assert fact.status is want, (f"{name}: {fact.status.value} ({fact.note}); evidence "
                                         f"{[(e.text, e.assertion) for e in fact.evidence]}")
        else:  # an age in whole years
            assert fact.status is P and fact.value is not None and round(fact.value) == want, (name, fact.value)


STUDY = "MRI brain 09/22/2026: unchanged enhancing nodule in the left frontal lobe.\n\n"

# a. dictated punctuation: (text, expected facts)
DICTATED = {
    "period-ends-the-denial": (STUDY + "she denies headache comma nausea period new weakness of the right hand since "
                               "Monday", {"new_or_worsening_symptoms": P}),
    "new-paragraph-ends-no": (STUDY + "no fever new paragraph new seizures over the last week",
                              {"new_or_worsening_symptoms": P, "seizures": P}),
    "full-stop-ends-no": (STUDY + "no vomiting full stop worse headaches since the scan",
                          {"new_or_worsening_symptoms": P}),
    "spoken-heading-after-a-form-line": ("Referral for MR spectroscopy.\n\nhistory colon two months of morning "
                                         "headaches period", {"history_documented": P}),
    # near misses: one clinical use of the word in typed text; the negation that a comma keeps going
    "near-postictal-period": (STUDY + "Postictal period of an hour. No new weakness.",
                              {"new_or_worsening_symptoms": A}),
    "near-comma-list": (STUDY + "denies headache comma new weakness period", {"new_or_worsening_symptoms": A}),
    "near-colon-cancer": (STUDY + "History of colon cancer period No new seizures.", {"seizures": A}),
}


@pytest.mark.parametrize(("text", "expected"), DICTATED.values(), ids=DICTATED.keys())
def test_a_dictated_punctuation(analyze: Any, text: str, expected: dict[str, Any]) -> None:
    _check(analyze, text, expected)


# b. numbers in words: (text, expected facts; an int is the patient's age in years)
NUMBERS = {
    "age-in-words": ("This is a thirty four year old man with new seizures.", {"patient_age": 34}),
    "age-hyphenated-words": ("The patient is a sixty-one-year-old woman with confusion.", {"patient_age": 61}),
    "age-dictated": ("this is a twenty nine year old woman comma seen for headaches period", {"patient_age": 29}),
    "stent-year-in-pairs": ("Coronary stent placed in twenty nineteen.", {"mri_contraindication": A}),
    "stent-year-in-thousands": ("Drug-eluting stent placed in two thousand eighteen.", {"mri_contraindication": A}),
    "stent-older-than-six-years": ("Her coronary stent is more than six years old.",
                                   {"mri_contraindication": A, "patient_age": N}),
    "stent-older-digits": ("His cardiac stent is over 2 years old.", {"mri_contraindication": A, "patient_age": N}),
    "stent-weeks-ago-in-words": ("Coronary stent placed eleven weeks ago.", {"mri_contraindication": A}),
    "stent-months-ago": ("Cardiac stent placed three months ago.", {"mri_contraindication": A}),
    "stent-two-week-old": ("She has a two week old coronary stent.", {"mri_contraindication": P}),
    "patient-and-stent": ("A sixty year old man with a coronary stent placed in twenty twenty.",
                          {"patient_age": 60, "mri_contraindication": A}),
    # near misses: a recent stent stays recent, a bound past the window says nothing, number words that are no age
    "near-stent-three-weeks-ago": ("Coronary stent placed three weeks ago.", {"mri_contraindication": P}),
    "near-stent-less-than-two-years": ("Coronary stent, less than two years old.", {"mri_contraindication": S}),
    "near-stent-undated": ("Coronary stent in place.", {"mri_contraindication": S}),
    "near-one-of-the-lesions": ("One of the lesions enhances; a one-off seizure in May; the second opinion agreed.",
                                {"patient_age": N}),
    "near-age-digits": ("A 45 year old man with a coronary stent placed in 2019.",
                        {"patient_age": 45, "mri_contraindication": A}),
}


@pytest.mark.parametrize(("text", "expected"), NUMBERS.values(), ids=NUMBERS.keys())
def test_b_numbers_in_words(analyze: Any, text: str, expected: dict[str, Any]) -> None:
    _check(analyze, text, expected)


HPI = "HPI: 52 year old woman with two months of headaches and a new focal seizure.\n"
PLAN = "\nAssessment and plan: MR spectroscopy requested.\n"

# c. unfilled templates: (text, physical_exam_documented)
TEMPLATES = {
    "stars-underscores-dot-phrase": (HPI + "PHYSICAL EXAM:\nVitals: ***\nGeneral: ___\nNeuro: .neuroexam" + PLAN, N),
    "empty-box-and-stars": (HPI + "Physical Exam\nHEENT: [ ]\nNeuro: ***" + PLAN, N),
    "smartlink-braces": (HPI + "Exam: {exam}" + PLAN, N),
    "smartlink-at-signs": (HPI + "EXAM: @EXAM@" + PLAN, N),
    "neuro-stars-alone": (HPI + "Neuro: ***" + PLAN, N),
    "vitals-sub-fields-blank": (HPI + "Vital signs: BP ___ HR ___ Temp ___\nNeuro exam: XXX" + PLAN, N),
    "see-attached-note": (HPI + "Exam: see attached neurology note" + PLAN, N),
    "per-outside-records": (HPI + "Physical exam: per outside records." + PLAN, N),
    # a pointer that dates the document and says it is enclosed or attached (documentation.refers_elsewhere)
    "per-consult-dated-enclosed": (HPI + "EXAM: per Neurology consult 11/09/2026 (enclosed)." + PLAN, N),
    "see-note-dated-attached": (HPI + "Exam: see neurology note 10/02, attached." + PLAN, N),
    "per-consult-enclosed-no-date": (HPI + "Physical exam: per neurosurgery consultation (enclosed)" + PLAN, N),
    "documented-in-letter-dated": (HPI + "Exam: as documented in the referral letter dated 10/28/2026." + PLAN, N),
    "see-report-in-chart": (HPI + "Neuro exam: see outside ED report, in chart." + PLAN, N),
    "per-consult-faxed-separately": (HPI + "EXAM: per ophthalmology consult - faxed separately" + PLAN, N),
    "refer-to-note-of-date": (HPI + "Exam: refer to the neurology note of 11/01/2026." + PLAN, N),
    "per-notes-to-follow": (HPI + "Physical exam: per PCP notes (to follow)." + PLAN, N),
    "near-dated-pointer-with-content": (HPI + "Exam: per neurology consult 11/09/2026: nonfocal, gait normal." + PLAN,
                                        P),
    "near-dated-pointer-note-present": (HPI + "EXAM: per Neurology consult 11/09/2026 (enclosed)." + PLAN +
                                       "\f\nNEUROLOGY CONSULT 11/09/2026\nExam: alert, oriented, no pronator drift, "
                                       "reflexes symmetric.", P),
    # near misses: a filled field, also beside unfilled ones; a note that is attached
    "near-neuro-nonfocal": (HPI + "Neuro: nonfocal" + PLAN, P),
    "near-general-nad": (HPI + "Physical exam:\nGeneral: NAD\nHEENT: ***" + PLAN, P),
    "near-filled-beside-unfilled": (HPI + "PHYSICAL EXAM:\nVitals: ***\nNeuro: alert, fluent, no drift" + PLAN, P),
    "near-vitals-filled": (HPI + "Vitals: BP 128/76, HR 70\nNeuro: ***" + PLAN, P),
    "near-as-above": (HPI + "Neuro exam: as above." + PLAN, P),
    "near-per-neurology-with-content": (HPI + "Exam: per neurology, nonfocal with intact strength." + PLAN, P),
    "near-attached-note-present": (HPI + "Exam: see attached neurology note" + PLAN + "\f\nNEUROLOGY CLINIC NOTE\n"
                                   "Exam: alert and oriented, pupils equal, mild right pronator drift.", P),
}


@pytest.mark.parametrize(("text", "status"), TEMPLATES.values(), ids=TEMPLATES.keys())
def test_c_unfilled_template_is_no_exam(analyze: Any, text: str, status: FactStatus) -> None:
    _check(analyze, text, {"physical_exam_documented": status})


def test_c_unfilled_history_is_no_history(analyze: Any) -> None:
    _check(analyze, "HPI: ***\nExam: alert, oriented, no drift.\n", {"history_documented": N})
    _check(analyze, "HPI: {hpi}\nExam: alert, oriented, no drift.\n", {"history_documented": N})


# d. return precautions: (text, expected facts)
PRECAUTIONS = {
    "knows-to-call-for": (STUDY + "She knows to call for any new weakness.", {"new_or_worsening_symptoms": N}),
    "know-to-come-back": (STUDY + "They know to come back for worse headaches.", {"new_or_worsening_symptoms": N}),
    "told-to-return-if": (STUDY + "Was told to return if any new seizures.", {"seizures": N}),
    "knows-to-bring-him-back": (STUDY + "Mother knows to bring him back for new seizures.",
                                {"seizures": N, "new_or_worsening_symptoms": N}),
    "instructed-to-call": (STUDY + "She was instructed to call for worsening headaches.",
                           {"new_or_worsening_symptoms": N}),
    "knows-to-call-911": (STUDY + "Family knows to call 911 for any seizure lasting over 5 minutes.",
                          {"seizures": N}),
    "understands-to-go-to-the-ed": (STUDY + "He understands to go to the ED with any new numbness.",
                                    {"new_or_worsening_symptoms": N}),
    # near misses: what happened
    "near-called-for": (STUDY + "She called for new weakness.", {"new_or_worsening_symptoms": P}),
    "near-came-back": (STUDY + "Came back with worse headaches.", {"new_or_worsening_symptoms": P}),
    "near-brought-back": (STUDY + "Mother brought him back for new seizures.", {"seizures": P}),
}


@pytest.mark.parametrize(("text", "expected"), PRECAUTIONS.values(), ids=PRECAUTIONS.keys())
def test_d_return_precautions_are_hypothetical(analyze: Any, text: str, expected: dict[str, Any]) -> None:
    _check(analyze, text, expected)
