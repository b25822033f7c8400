"""An examination that is planned, scheduled or only promised is no examination: exam words in a plan, an order,
a booked or future visit or a referral to examine ("return next week for fundoscopy", "optometry to check the fundi
on 12/09", "will need a formal neuro exam once she is back") do not document one, least of all in a note that says
no examination was made (facts cue documentation.exam_planned). Near misses: an examination written in the note,
today's findings beside a recheck planned for later (present from today), a planned repeat after a documented
exam, and an enclosed earlier visit whose examination is in the packet.

Rows are freshly written.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED
HPI = "HPI: 52F with a left frontal lesion on surveillance, headaches for six weeks.\n"
VISIT = "\n\nNeurology clinic visit 10/28/2026\nExam: alert, fundi with early papilloedema, no pronator drift.\n"

ROWS: dict[str, tuple[str, FactStatus]] = {
    # a planned, scheduled or promised examination
    "plan-return-with-fundoscopy": (HPI + "Plan: return to clinic 12/08 for a full neurological examination "
                                    "including fundoscopy.", N),
    "we-will-see-for-fields-and-fundi": (HPI + "We will see him next week for fundoscopy and formal visual "
                                         "fields.", N),
    "booked-in-person-reflexes-gait": (HPI + "In-person appointment booked for 12/10, when reflexes and gait will "
                                       "be checked.", N),
    "optometry-to-check-fundi": (HPI + "Optometry to check the fundi on 12/09.", N),
    "needs-formal-exam-after-travel": (HPI + "She needs a formal neurological exam with reflexes and Romberg once "
                                       "she returns from abroad.", N),
    "plan-list-visit-with-exam": (HPI + "Plan:\n- clinic visit 12/15 with full neuro exam incl. fundi\n- MRS as "
                                  "requested", N),
    "followup-assess-tandem-gait": (HPI + "Follow-up: neurology to assess reflexes and tandem gait at her next "
                                    "appointment.", N),
    "will-need-fundoscopy-when-back": (HPI + "Will need fundoscopy when she is back in town.", N),
    "face-to-face-pupils-fundi-examined": (HPI + "Scheduled for a face-to-face visit on 12/07, at which point "
                                           "pupils and fundi will be examined.", N),
    "recommend-ophthalmology-fundoscopy": (HPI + "Recommend formal visual fields and fundoscopy by "
                                           "ophthalmology.", N),
    "ask-gp-to-check-fundi": (HPI + "Please ask the GP to check her fundi and reflexes before the scan.", N),
    "exam-to-be-done-list": (HPI + "Exam to be done at her in-person visit on 12/11: fundi, power, reflexes.", N),
    "arrange-review-cranial-nerves": (HPI + "Arrange an in-person review to examine the cranial nerves and "
                                      "gait.", N),
    # ... in a note that says there was no examination
    "none-phone-then-plan-fundoscopy": (HPI + "EXAM: none - phone visit.\nPlan: clinic review next week with "
                                        "fundoscopy and cranial nerves.", N),
    "no-exam-today-check-pupils": (HPI + "No exam today. Will check pupils, cranial nerves and pronator drift at "
                                   "the clinic visit on 12/04.", N),
    "deferred-fundi-by-optometry": (HPI + "Exam deferred. Fundi to be checked by optometry on 12/02.", N),
    "audio-only-arrange-neuro-exam": (HPI + "Audio-only encounter. Arrange in-person review for a neurological "
                                      "exam (cranial nerves, reflexes, gait).", N),
    "video-plan-to-examine-gait": (HPI + "Video visit. Plan to examine cranial nerves and gait at the next clinic "
                                   "visit.", N),
    "telephone-booked-fundoscopy": (HPI + "Telephone review; he is booked for fundoscopy on 12/06.", N),
    "phone-gait-assessed-when-seen": (HPI + "Phone call only. Gait and Romberg will be assessed when she is seen "
                                      "in person.", N),
    # near misses: an examination documented in the note or enclosed
    "near-exam-in-note": (HPI + "Exam: fundi sharp bilaterally, no pronator drift.", P),
    "near-today-then-recheck": (HPI + "At today's visit the fundi showed papilloedema; recheck fundi at the next "
                                "visit.", P),
    "near-on-exam-then-repeat-fundoscopy": (HPI + "On examination today pupils equal and reactive. Plan: repeat "
                                            "fundoscopy at follow-up in 3 months.", P),
    "near-exam-then-reexamine": (HPI + "Exam: cranial nerves intact, reflexes symmetric. Will re-examine at the "
                                 "next visit.", P),
    "near-nonfocal-then-dilated-exam-planned": (HPI + "Neuro exam nonfocal. Ophthalmology to do a dilated fundus "
                                                "exam on 12/05.", P),
    "near-exam-section-and-plan-repeat": (HPI + "Exam: alert, oriented x3, gait steady.\nPlan: clinic visit 12/01 "
                                          "with a repeat exam including fundi.", P),
    "near-phone-enclosed-visit": (HPI + "Telephone follow-up, no exam today; the examination at the visit of "
                                  "10/28 (enclosed) showed papilloedema." + VISIT, P),
    "near-findings-then-followup-scheduled": (HPI + "Pupils equal, fundi sharp. Follow-up examination scheduled "
                                              "for 12/03.", P),
}


@pytest.mark.parametrize(("text", "status"), ROWS.values(), ids=ROWS.keys())
def test_planned_exam_is_no_exam(analyze: Any, text: str, status: FactStatus) -> None:
    fact = facts_of(analyze, text + REQUEST_TAIL).facts["physical_exam_documented"]
    assert fact.status is status, (f"{fact.status.value} ({fact.note}); evidence "
                                   f"{[(e.text, e.attributes.get('cue')) for e in fact.evidence]}")
