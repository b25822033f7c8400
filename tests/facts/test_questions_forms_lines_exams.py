"""Four classes end to end (text -> NLP -> facts), one table each, with near misses that must not change.

a. A questionnaire's question states nothing; its answer does (forms.yaml `questions`, id form.question.asked): a
   question alone on its line is unanswered (no mention), an answer word starting the next line answers it, a
   quoted answer answers it ('..." considered: "No."'); a rhetorical question, a differential put as a question and
   a stated clinical question keep their hedge.
b. Form answers after leader dots (two dots too), a checklist item whose bracketed device list wraps to the next
   line, and answers that leave a device in question: "Pacemaker .... Unknown" (value set
   safety.device_answer_in_question), a device whose type is not known (cue safety.device_type_unknown) are
   suspected.
c. A line that ends mid-clause on a function word goes on on the next line (nlp cue layout.open_clause_end), so
   the negation or the relative still governs it; list lines, headers and form fields stay apart.
d. An examination header with a qualifier, a date or a setting heads a physical examination (sec.exam_qualified).
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, check_device_fact, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED


def _fact(analyze: Any, text: str, name: str):  # type: ignore[no-untyped-def]
    return facts_of(analyze, text + REQUEST_TAIL).facts[name]


def _check(analyze: Any, text: str, name: str, status: FactStatus) -> None:
    fact = _fact(analyze, text, name)
    assert fact.status is status, f"{name}: {fact.status.value} ({fact.note}); evidence {[e.text for e in fact.evidence]}"


# a. questions and their answers: (text, fact, status)
QUESTIONS = {
    "asked-alone-tumor": ("Intake call 11/18:\nAre there any known brain tumors?\n", "brain_neoplasm", N),
    "asked-alone-numbered": ("2. New or progressive neurological deficits since the previous MRI?\n",
                             "new_or_worsening_symptoms", N),
    "asked-alone-patient-have": ("Does the patient have a history of seizures?\n", "seizures", N),
    "asked-then-free-text": ("Is there a suspected brain lesion?\nMRI 10/2026 showed a right temporal mass.\n",
                             "brain_lesion", P),
    "asked-then-no": ("Is there a known or suspected brain tumor?\nNo\n", "brain_neoplasm", A),
    "asked-then-no-dash": ("Q3: Any seizures since the last visit?\nNo - seizure-free on levetiracetam\n",
                           "seizures", A),
    "asked-then-na": ("4. Known CNS lymphoma?\nN/A\n", "cns_lymphoma", A),
    "asked-then-yes": ("Has the patient had seizures?\nYes - two focal seizures in October\n", "seizures", P),
    "quoted-no": ('Staff asked whether the MRI showed an indeterminate lesion: "No."', "brain_lesion", A),
    "quoted-no-single": ("Caller was asked if a tumor is suspected: 'no'", "brain_neoplasm", A),
    # near misses: a clinician's rhetorical question, a differential, a stated clinical question
    "rhetorical-same-line": ("Could this represent a glioma? The diffusion pattern argues for it.", "glial_neoplasm",
                             S),
    "rhetorical-own-line": ("Might this be lymphoma?\nSteroids were held.\n", "cns_lymphoma", S),
    "differential-question": ("Is there recurrent tumor vs radiation necrosis?\n", "recurrence_vs_treatment_effect",
                              P),
    "clinical-question-head": ("Clinical question:\nIs there residual glioma?\n", "glial_neoplasm", S),
    "question-for-mrs": ("Question for MRS: metastasis vs abscess", "brain_metastasis", S),
}


@pytest.mark.parametrize(("text", "name", "status"), QUESTIONS.values(), ids=QUESTIONS.keys())
def test_a_a_question_states_nothing_its_answer_does(analyze: Any, text: str, name: str, status: FactStatus) -> None:
    _check(analyze, text, name, status)


# b. form answers: (text, fact, status, devices or None)
FORMS = {
    "two-dot-leader-no": ("FET-PET within 3 months .. No (not covered by the plan)", "pet_same_workup", A, None),
    "two-dot-leader-device": ("Cochlear implant .. No", "mri_contraindication", A, None),
    "leader-unknown": ("Neurostimulator ........ Unknown", "mri_contraindication", S, ["spinal_cord_stimulator"]),
    "colon-unknown": ("Aneurysm clip: unknown", "mri_contraindication", S, ["aneurysm_clip"]),
    "type-unknown-yes": ("Implanted cardiac device, model unknown  Y - records requested", "mri_contraindication", S,
                         ["unspecified"]),
    "type-not-established": ("Has an implanted cardiac device; device type not yet identified.",
                             "mri_contraindication", S, ["unspecified"]),
    "unidentified-device": ("Unidentified cardiac device in the left chest wall.", "mri_contraindication", S,
                            ["unspecified"]),
    "wrapped-list-no": ("C-4 MRI safety concerns (pacemaker, defibrillator, cochlear implant,\n  aneurysm clip, "
                        "insulin pump) ........ N", "mri_contraindication", A, None),
    "one-line-list-no": ("Item 7 Contraindication to MRI or contrast (pacemaker, ICD, clip, neurostimulator) ..... "
                         "No", "mri_contraindication", A, None),
    # near misses: Yes stays present, a stated MR-conditional device is cleared, a side-by-side printed choice
    "leader-yes": ("Cochlear implant ........ Y", "mri_contraindication", P, ["cochlear_implant"]),
    "wrapped-list-yes": ("C-4 MRI safety concerns (pacemaker, defibrillator, cochlear implant,\n  aneurysm clip) "
                         "........ Y", "mri_contraindication", P, None),
    "mr-conditional": ("ICD ... Yes, MR conditional per device clinic", "mri_contraindication", A, None),
    "status-unknown-not-type": ("Pacemaker - MR conditional status unknown", "mri_contraindication", P, ["pacemaker"]),
    "printed-choice": ("Pacemaker   Unknown   Y", "mri_contraindication", N, None),
    "two-dots-end": ("Headaches and seizures..\nPlan: MRS.", "seizures", P, None),
}


@pytest.mark.parametrize(("text", "name", "status", "devices"), FORMS.values(), ids=FORMS.keys())
def test_b_form_answers_and_devices_in_question(analyze: Any, text: str, name: str, status: FactStatus,
                                               devices: list[str] | None) -> None:
    fact = _fact(analyze, text, name)
    check_device_fact(fact, status, devices)


# c. a line break inside a clause: (text, fact, status)
LINES = {
    "not-then-name": ("Copper studies normal - not\n  Wilson disease.", "inborn_error_of_metabolism", A),
    "no-evidence-of": ("Biopsy: no evidence of\nlymphoma.", "cns_lymphoma", A),
    "negative-for-short": ("CSF cytology negative for\nlymphoma", "cns_lymphoma", A),
    "relative-said-to-have": ("Her grandmother was said to have\n\"mitochondrial disease\".", "mitochondrial_disorder",
                              N),
    "relative-diagnosed-with": ("A cousin was diagnosed with\nleukodystrophy in infancy.", "leukodystrophy", N),
    "without": ("Stable exam without\nseizures since June.", "seizures", A),
    "name-then-a-later-label": ("Copper 60 (nl) - not\n  Wilson disease. Urine tox: neg.", "inborn_error_of_metabolism",
                                A),
    "excluded-then-a-later-label": ("Glioma was excluded by\n  biopsy. CSF 10/31: normal.", "glial_neoplasm", A),
    "open-clause-then-answered-line": ("MRI brain 10/02/2026 reviewed. Asked whether any finding on the MRI is "
                                       "indeterminate or whether a\ndifferent diagnosis is considered: \"No.\"",
                                       "conventional_imaging_inconclusive", N),
    # near misses: after an open clause, a bulleted item or a field label is still a new line
    "open-clause-then-bullet": ("Differential includes\n- glioma\n- abscess", "glial_neoplasm", S),
    "open-clause-then-label": ("Copper studies were sent for\nAssessment: glioma of the left frontal lobe.",
                               "glial_neoplasm", P),
    # near misses: list lines, headers and form fields stay apart
    "problem-list": ("Problem list:\nSeizures\nGlioma\n", "glial_neoplasm", P),
    "impression-header": ("Impression:\nNo mass.\nGlioma, known.", "glial_neoplasm", P),
    "form-field-no": ("Seizures: no\nGlioma of the left frontal lobe.", "glial_neoplasm", P),
    "sentence-ended": ("She has no deficits.\nGlioma progression on MRI.", "glial_neoplasm", P),
    "short-line-noun": ("No headaches\nLymphoma of the CNS, biopsy-proven.", "cns_lymphoma", P),
}


@pytest.mark.parametrize(("text", "name", "status"), LINES.values(), ids=LINES.keys())
def test_c_a_line_break_inside_a_clause_goes_on(analyze: Any, text: str, name: str, status: FactStatus) -> None:
    _check(analyze, text, name, status)


# d. examination headers with a qualifier: (text, status)
EXAMS = {
    "discharge-dated": ("Discharge exam (11/16):\nAwake, moving all limbs, tolerating feeds.", P),
    "exam-at-discharge": ("Exam at discharge:\nAwake, tolerating diet, walking with a walker.", P),
    "neonatal": ("Neonatal exam:\nTone decreased, weak suck, fontanelle soft.", P),
    "newborn-dol": ("Newborn exam DOL 2:\nHypotonic, poor suck, anterior fontanelle flat.", P),
    "neuro-video": ("Neuro exam (video):\nSpeech fluent, no facial droop, moves arms symmetrically.", P),
    "admission-dash": ("Admission exam - drowsy but rousable, moving all four limbs.", P),
    # near misses: an exam not done, a planned exam
    "deferred": ("Exam: deferred", N),
    "not-performed": ("Exam: not performed (telephone visit)", N),
    "discharge-deferred": ("Discharge exam: deferred to PCP", N),
    "planned-hammersmith": ("Plan: Hammersmith exam at 3 mo.", N),
    "repeat-in-weeks": ("Repeat exam in 2 weeks: with PCP", N),
}


@pytest.mark.parametrize(("text", "status"), EXAMS.values(), ids=EXAMS.keys())
def test_d_a_qualified_exam_header_heads_an_examination(analyze: Any, text: str, status: FactStatus) -> None:
    _check(analyze, text, "physical_exam_documented", status)
