"""Safety-screen answers in more layouts, and department names that are no examination header, end to end (text ->
NLP -> facts): pipeline/nlp/form_state.py and forms.yaml (dot leaders, one-letter answers inline, an X under a
"Y  N" column header, an arrow answer), pipeline/nlp/rules.py and sections.yaml (a hyphen joined to a word opens no
section), documentation.deferred in cues.yaml (an e-consult that says the patient was not examined).

Each row: a short fresh text and the fact's expected status. Near misses: a real Yes stays present, a blank
stays unknown, an X under the Y column, an exam header followed by findings.
"""

from __future__ import annotations

import pytest
from text_to_criteria import facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
REQUEST = "Date of request: 11/20/2026\nMR spectroscopy of the brain requested.\n"

SCREEN = {
    # (a) dot leaders
    "leader-pacemaker-n": ("mri_contraindication", "Cardiac pacemaker ......................... N", A),
    "leader-question-no": ("mri_contraindication", "Cochlear implant? ........... No", A),
    "leader-spaced-dots-no": ("mri_contraindication", "Aneurysm clip: . . . . . . No", A),
    "leader-no-then-note": ("mri_contraindication", "Insulin pump ......... No (never had one)", A),
    "leader-yes-then-note": ("mri_contraindication", "Deep brain stimulator ........ Y  (see op note)", P),
    "leader-yes-word": ("mri_contraindication", "Implanted defibrillator ...... Yes", P),
    "leader-blank": ("mri_contraindication", "Cardiac pacemaker ...........", N),
    # (answered unknown, a device screen item leaves the contraindication in question: s9-forms,
    # tests/facts/test_questions_forms_lines_exams.py)
    "leader-unknown": ("mri_contraindication", "Vagus nerve stimulator ....... unknown", S),
    "leader-pet-no": ("pet_same_workup", "FDG PET in the last 90 days ....... N", A),
    # (b) one-letter answers inline after each item
    "inline-all-n": ("mri_contraindication", "Safety:  pacemaker N   cochlear implant N   aneurysm clip N", A),
    "inline-n-slash-a": ("mri_contraindication", "Neurostimulator N/A", A),
    "inline-middle-yes": ("mri_contraindication", "Safety:  pacemaker N   cochlear implant Y   aneurysm clip N", P),
    "inline-first-yes": ("mri_contraindication", "pacemaker Y   insulin pump N", P),
    # (c) an X under a "Y  N" column header
    "column-x-under-n": ("mri_contraindication", "MRI SAFETY            Y    N\n  Pacemaker                 X\n", A),
    "column-x-under-y": ("mri_contraindication", "MRI SAFETY            Y    N\n  Pacemaker            X\n", P),
    "column-yes-no-words": ("mri_contraindication",
                            "Implant screen     Yes    No\nCochlear implant            X\nAneurysm clip               X\n",
                            A),
    "column-second-row-yes": ("mri_contraindication",
                              "Implant screen     Yes    No\nCochlear implant            X\nInsulin pump        X\n", P),
    "column-no-title": ("mri_contraindication", "                    Y   N\nICD                     x\n", A),
    "column-pet-no": ("pet_same_workup", "PRIOR STUDIES            Y    N\nPET requested                 X\n", A),
    "column-pet-yes": ("pet_same_workup", "PRIOR STUDIES            Y    N\nPET requested            X\n", P),
    "column-blank-row": ("mri_contraindication",
                         "MRI SAFETY            Y    N\n  Pacemaker                 X\n  Neurostimulator\n", A),
    "column-nothing-ticked": ("mri_contraindication", "MRI SAFETY            Y    N\n  Pacemaker\n  ICD\n", N),
    "options-listed-none-chosen": ("mri_contraindication", "Cochlear implant   Y   N\nReferred by Dr. Lee.", N),
    # (d) an arrow answer
    "arrow-pet-no": ("pet_same_workup", "FDG PET ordered?  Y / N  ->  N", A),
    "arrow-pet-yes": ("pet_same_workup", "FDG PET ordered?  Y / N  ->  Y", P),
    "arrow-device-no": ("mri_contraindication", "Cardiac pacemaker?  Y/N --> N", A),
    "arrow-prior-mrs-yes": ("prior_mrs", "Prior MR spectroscopy?  Y/N -> Y", P),
}


@pytest.mark.parametrize(("fact_name", "text", "status"), SCREEN.values(), ids=SCREEN.keys())
def test_screen_answer_layouts(analyze, fact_name: str, text: str,  # type: ignore[no-untyped-def]
                               status: FactStatus) -> None:
    fact = facts_of(analyze, REQUEST + text).facts[fact_name]
    assert fact.status is status, f"{fact.status.value} ({fact.note}); evidence {[e.text for e in fact.evidence]}"


EXAM = {
    "hyphen-department": ("Neuro-oncology e-consult\nQuestion: is MRS the right next study for the lesion?", N),
    "capital-department": ("NEURO-ONCOLOGY ELECTRONIC CONSULTATION\nChart and images reviewed. MRS advised.", N),
    "hyphen-line-break": ("Discussed with Neuro-\nRadiology about the left frontal lesion.", N),
    "department-heading-alone": ("Neuro-Radiology\nThe lesion was reviewed at tumor board.", N),
    "econsult-not-examined": ("E-consult\nExam: patient not seen or examined; chart review only.", N),
    "telephone-not-examined": ("Telephone visit\nPhysical exam: did not examine, phone encounter.", N),
    # near misses: an exam header followed by findings
    "neuro-colon-findings": ("NEURO: alert, oriented, CN II-XII intact, strength 5/5", P),
    "neuro-dash-findings": ("Neuro - awake, follows commands, no drift", P),
    "neuro-alone-findings": ("Neuro\nAlert, fluent speech, 5/5 throughout", P),
    "exam-not-seen-finding": ("Exam: papilledema not seen on fundoscopy", P),
}


@pytest.mark.parametrize(("text", "status"), EXAM.values(), ids=EXAM.keys())
def test_department_names_open_no_exam(analyze, text: str, status: FactStatus) -> None:  # type: ignore[no-untyped-def]
    fact = facts_of(analyze, text).facts["physical_exam_documented"]
    assert fact.status is status, f"{fact.status.value} ({fact.note}); evidence {[e.text for e in fact.evidence]}"
