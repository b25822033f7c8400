"""An examination stated as not done: a note that says no examination was made (a telephone, audio-only or video
visit, "deferred", "not examined") documents none, and the findings it then gives as the patient's or family's
report ("she says her pupils looked equal") or as another clinician's earlier examination ("fundi normal per the
eye clinic in 2024", "at her last visit reflexes were brisk") do not make one (facts cue
documentation.exam_secondhand). Near misses: an examination written in the note, also one taken over with a pointer
and no old date ("per neurology: nonfocal"), and a telephone note that points to an enclosed visit whose
examination is in the packet (present from that visit).

Rows are freshly written.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED
HPI = "HPI: 47M with a right temporal glioma on surveillance, calls about headaches.\n"
VISIT = "\n\nNeuro-oncology clinic visit 11/02/2026\nExam: alert, bilateral papilloedema, no pronator drift.\n"

ROWS: dict[str, tuple[str, FactStatus]] = {
    "exam-none-phone-parenthesis": (HPI + "PHYSICAL EXAM: none (phone visit)", N),
    "exam-deferred-video": (HPI + "Exam: deferred - video visit, patient not examined", N),
    "no-exam-audio-only": (HPI + "No physical examination was performed; audio-only visit.", N),
    "exam-not-done-this-visit": (HPI + "Examination not done at this visit.", N),
    "neuro-not-examined-telehealth": (HPI + "Neurological exam: not examined (telehealth)", N),
    "phone-then-patient-reports-pupils": (HPI + "Telephone visit, no exam. She says her pupils looked equal in the "
                                          "mirror.", N),
    "phone-then-fundi-per-eye-clinic": (HPI + "Phone encounter; no exam. Fundi were normal per the eye clinic in "
                                        "2024.", N),
    "deferred-then-old-clinician-exam": (HPI + "Exam: not performed (video visit). Reflexes were brisk per "
                                         "Dr Alvarez in March 2025.", N),
    "deferred-then-wife-reports": (HPI + "Exam deferred - telephone call. His wife reports his gait is steady.", N),
    "audio-then-last-visit-exam": (HPI + "Audio-only encounter, not examined. At his last visit in 2025 cranial "
                                   "nerves were intact per neurology.", N),
    "video-then-self-reported": (HPI + "Physical exam: not done, video visit. Per patient, no pronator drift "
                                 "noted by her daughter.", N),
    "phone-then-previously-documented": (HPI + "Phone follow-up without examination. Previously documented by "
                                         "ophthalmology in 2023: fundi normal.", N),
    # near misses: an examination documented
    "near-exam-in-note": (HPI + "Exam: alert, fundi sharp, no drift.", P),
    "near-prose-exam": (HPI + "On examination she is alert, pupils equal and reactive, power 5/5.", P),
    "near-per-neurology-today": (HPI + "Exam: per neurology: nonfocal, cranial nerves intact.", P),
    "near-phone-enclosed-visit": (HPI + "Telephone follow-up; the exam at the visit of 11/02 (enclosed) showed "
                                  "papilloedema." + VISIT, P),
    "near-patient-reports-then-exam": (HPI + "She reports blurred vision. On exam, fundi show bilateral "
                                       "papilloedema.", P),
    "near-reports-and-exam-one-clause": (HPI + "He reports double vision, on examination a left sixth nerve palsy "
                                         "and papilloedema.", P),
    "near-deferred-attached-below": (HPI + "Exam deferred to neurology; their exam is attached below:\nAlert, "
                                     "fluent, mild left pronator drift.", P),
}


@pytest.mark.parametrize(("text", "status"), ROWS.values(), ids=ROWS.keys())
def test_exam_not_done(analyze: Any, text: str, status: FactStatus) -> None:
    fact = facts_of(analyze, text + REQUEST_TAIL).facts["physical_exam_documented"]
    assert fact.status is status, (f"{fact.status.value} ({fact.note}); evidence "
                                   f"{[(e.text, e.attributes.get('cue')) for e in fact.evidence]}")
