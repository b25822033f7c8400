"""Three classes end to end (text -> NLP -> facts), one table each, with near misses that must not change.

a. A negation word at the very end of a line carries on to the next line's first words when the sentence wraps
   there in lower case (nlp cue layout.open_negation_end, pipeline/nlp/normalize.py): "Denies" / "new weakness",
   "no" / "radiation since the MRI". A negation before a verb of starting is no treatment ("has not started any new
   therapy": the verb pattern of tx.other takes no negation word; tx.none reads the statement as no treatment
   given). A line
   that ends its sentence, a form answer ("Allergies: no", a bare "No" under its question), a next line in capitals
   or a checklist row ending on its own answer stay apart.
b. A symptom told as how the illness began is history, not a new or worsening symptom (context rules
   hist.first_presented with a dated past such as "in March 2025" or "on 04/12/2023", and
   hist.original_presentation: "originally presented", "the original presentation was", "at diagnosis", "at the time
   of his diagnosis", "when first diagnosed"); a recent or current presentation stays new.
c. On a request form "Exam:" followed by a procedure code or name names the imaging exam asked for, not a physical
   examination (sections.yaml sec.exam_title_modality); an examination header whose content opens by saying that
   none was done ("none - phone encounter", "not applicable - audio-only visit") documents no examination (facts
   cues documentation.deferred, documentation.not_done_answer). An examination that is limited, partly deferred or
   attached below is documented.

Rows are freshly written.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, A, N = FactStatus.PRESENT, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED


def _check(analyze: Any, text: str, name: str, status: FactStatus) -> None:
    fact = facts_of(analyze, text + REQUEST_TAIL).facts[name]
    assert fact.status is status, (f"{name}: {fact.status.value} ({fact.note}); evidence "
                                   f"{[(e.text, e.assertion) for e in fact.evidence]}")


STUDY = "MRI brain 09/22/2026: unchanged enhancing nodule.\n"

# a. a negation at a line's end: (text, fact, status)
WRAPPED = {
    "no-list-wraps-to-radiation": (STUDY + "No dexamethasone, no\nradiation and no chemotherapy since that MRI.",
                                   "treatment_since_imaging", A),
    "denies-alone-on-its-line": (STUDY + "Denies\nnew weakness or worsening headaches.", "new_or_worsening_symptoms",
                                 A),
    "reports-no-short-line": (STUDY + "Reports no\nseizures since the scan.", "seizures", A),
    "family-denied": ("Family denied\nany further seizures at home.", "seizures", A),
    "never-had-radiation": ("He has never\nhad radiation to the brain.", "prior_radiation", A),
    "had-no-further": ("Mom says he's had no\nfurther seizures.", "seizures", A),
    "denied-past-tense": (STUDY + "At the visit she denied\nnew numbness or worsening gait.",
                          "new_or_worsening_symptoms", A),
    "has-not-started-therapy": (STUDY + "She has not\nstarted any new therapy since the MRI.",
                                "treatment_since_imaging", A),
    "hasnt-begun-treatment": (STUDY + "He hasn't begun further treatment since that scan.", "treatment_since_imaging",
                              A),
    "no-other-treatment": (STUDY + "No steroids and no other treatment since the MRI.", "treatment_since_imaging", A),
    "without-wraps": (STUDY + "Exam stable, without\nnew focal deficits.", "new_or_worsening_symptoms", A),
    # near misses
    "near-field-answer-then-label": (STUDY + "Seizures: no\nNew left arm weakness: yes",
                                     "new_or_worsening_symptoms", P),
    "near-allergies-no-then-item": (STUDY + "Allergies: no\nNew seizures since the MRI.", "new_or_worsening_symptoms",
                                    P),
    "near-sentence-ends-on-no": (STUDY + "Asked about new treatment, she said no.\nnew word-finding difficulty "
                                 "since the MRI.", "new_or_worsening_symptoms", P),
    "near-bare-no-answer": (STUDY + "Any seizures since the MRI?\nNo\nnew right hand weakness noted by her husband.",
                            "new_or_worsening_symptoms", P),
    "near-checklist-rows-lower": (STUDY + "seizures no\nnew headaches yes", "new_or_worsening_symptoms", P),
    "near-treatment-started": (STUDY + "Not a surgical candidate; dexamethasone started after the MRI.",
                               "treatment_since_imaging", P),
    "near-nothing-but-a-drug": (STUDY + "She has not had radiation, but temozolomide was started after the MRI.",
                                "treatment_since_imaging", P),
}


@pytest.mark.parametrize(("text", "name", "status"), WRAPPED.values(), ids=WRAPPED.keys())
def test_a_a_negation_at_a_line_end_reaches_the_next_line(analyze: Any, text: str, name: str,
                                                          status: FactStatus) -> None:
    _check(analyze, text, name, status)


TODAY = "\nMRI 10/05/2026: stable.\nToday: denies new or worsening symptoms.\n"

# b. the presenting symptom of the illness: (text, new_or_worsening_symptoms)
PRESENTATION = {
    "initially-month-year": ("She initially presented in February 2024 with new diplopia." + TODAY, A),
    "first-numeric-date": ("He first presented on 04/12/2023 with a first seizure." + TODAY, A),
    "initially-late-year": ("Initially presented in late 2023 with new-onset seizures; GTR followed." + TODAY, A),
    "at-diagnosis": ("At diagnosis she had progressive right-sided weakness." + TODAY, A),
    "at-the-time-of-his-diagnosis": ("At the time of his diagnosis he had new-onset aphasia." + TODAY, A),
    "when-first-diagnosed": ("When first diagnosed, she had worsening headaches and vomiting." + TODAY, A),
    "original-presentation-was": ("His original presentation was increasing confusion over two weeks." + TODAY, A),
    "original-presentation-in-year": ("Original presentation in 2022: new left hand clumsiness." + TODAY, A),
    "originally-presented": ("She originally presented with new word-finding difficulty." + TODAY, A),
    # near misses
    "near-presents-today": ("She presents today with new confusion." + TODAY, P),
    "near-re-presented": ("He re-presented last week with new seizures." + TODAY, P),
    "near-since-the-mri": ("Since the September MRI she has new word-finding difficulty." + TODAY, P),
    "near-at-diagnosis-last-week": ("At diagnosis last week she had new confusion." + TODAY, P),
    "near-first-presentation-now": ("This is her first presentation; new left arm weakness since Monday." + TODAY, P),
    "near-at-diagnosis-now-new": ("At the time of diagnosis she was well, but she now has new weakness." + TODAY, P),
    "near-diagnosed-then-worse": ("Diagnosed in 2023. She has worsening headaches this month." + TODAY, P),
}


@pytest.mark.parametrize(("text", "status"), PRESENTATION.values(), ids=PRESENTATION.keys())
def test_b_the_presenting_symptom_of_the_illness_is_history(analyze: Any, text: str, status: FactStatus) -> None:
    _check(analyze, text, "new_or_worsening_symptoms", status)


HPI = "HPI: 61F with a treated right frontal glioma, seen for follow-up.\n"

# c. what "Exam:" heads: (text, physical_exam_documented)
EXAMS = {
    "exam-cpt-then-name": (HPI + "Exam: 76390 MR spectroscopy, brain", N),
    "exam-cpt-word-dash": (HPI + "EXAM: CPT 70553 - MRI brain w/wo contrast", N),
    "exam-spectroscopy": (HPI + "Exam: spectroscopy (multivoxel), left temporal", N),
    "exam-requested-code": (HPI + "Exam requested: 76390", N),
    "study-name-code": (HPI + "Study: MR spectroscopy of the brain (76390)", N),
    "exam-none-phone": (HPI + "Exam: none - phone encounter", N),
    "physical-exam-none-audio": (HPI + "Physical exam: none (audio only)", N),
    "exam-not-applicable": (HPI + "Exam: not applicable - audio-only visit", N),
    "neuro-exam-not-done-today": (HPI + "Neuro exam: None today.", N),
    "exam-unable-telephone": (HPI + "Exam: unable - telephone encounter", N),
    # near misses: an examination documented, also limited or attached below
    "near-documented": (HPI + "Exam: alert, oriented, CN II-XII intact, strength 5/5.", P),
    "near-limited-by-sedation": (HPI + "Exam limited by sedation: pupils equal and reactive, withdraws to pain in "
                                 "all limbs.", P),
    "near-deferred-to-attached": (HPI + "PE deferred to neurology; their exam is attached below:\nAlert, fluent, "
                                  "mild right pronator drift.", P),
    "near-unable-to-test-one-part": (HPI + "Exam: unable to test visual fields; pupils equal, EOMI, no drift.", P),
    "near-vitals-first": (HPI + "Exam: BP 132/84, HR 71. Alert, fluent speech.", P),
    "near-strength-numbers": (HPI + "Exam: 5/5 strength throughout, reflexes 2+.", P),
}


@pytest.mark.parametrize(("text", "status"), EXAMS.values(), ids=EXAMS.keys())
def test_c_what_an_exam_header_heads(analyze: Any, text: str, status: FactStatus) -> None:
    _check(analyze, text, "physical_exam_documented", status)
