"""An examination heading whose body only points elsewhere, defers, or says no examination was made: "Examination
on day of discharge: please refer to the attending's final progress note (not included)", "EXAM: see the
neurosurgery consult", "Neuro exam: per ED documentation", "Examination: deferred to the clinic follow-up", "PE:
not performed (phone visit)", "Exam - N/A, video encounter", "Objective: Exam not repeated; see note of 09/14 (not
attached)" documents no examination (facts: documentation.refers_elsewhere, documentation.deferred,
documentation.not_done_answer). Where the packet has a real examination elsewhere, the fact stays present.

Near misses that must not change: a pointer within the note followed by the exam ("Exam: see below"), a pointer
followed by findings ("as per HPI; pupils reactive"), a short real exam ("Exam: unremarkable", "nonfocal"), and
an examination limited but done ("limited by sedation: pupils equal, withdraws to pain").

Rows are freshly written.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED
HPI = "HPI: 61F with a right parietal mass on CT, admitted after a focal seizure.\n"
REAL = "\n\nNeuro: alert, oriented x3, cranial nerves intact, power 5/5 in all limbs.\n"

ROWS: dict[str, tuple[str, FactStatus]] = {
    # pointers to another document
    "discharge-refer-final-note-not-included": (HPI + "Examination on day of discharge: please refer to the "
                                                "attending's final progress note (not included).", N),
    "discharge-see-last-daily-note": (HPI + "Discharge exam: see the hospitalist's last daily note.", N),
    "caps-see-neurosurgery-consult": (HPI + "EXAM: see neurosurgery consultation", N),
    "neuro-exam-per-ed-documentation": (HPI + "Neuro exam: per ED documentation", N),
    "physical-exam-per-admitting-team": (HPI + "Physical exam: per the admitting team's H&P.", N),
    "objective-not-repeated-see-dated-note": (HPI + "Objective: Exam not repeated; see note of 09/14 (not "
                                              "attached)", N),
    "exam-as-in-outside-records": (HPI + "Exam: as documented in the outside hospital records.", N),
    "exam-see-neuro-note-dated-not-enclosed": (HPI + "Exam: see neurology note dated 08/22 - not enclosed", N),
    "discharge-see-overnight-note-not-attached": (HPI + "Exam at discharge: see the resident's overnight note "
                                                  "(that note was not attached).", N),
    "exam-history-and-physical-unavailable": (HPI + "Neurologic exam: refer to the admission history and physical, "
                                              "unavailable.", N),
    # deferrals and no-exam statements
    "exam-deferred-to-clinic": (HPI + "Examination: deferred until the clinic follow-up.", N),
    "pe-not-performed-phone": (HPI + "PE: not performed (phone visit)", N),
    "exam-dash-na-video": (HPI + "Exam - N/A, video encounter", N),
    "pe-not-done-today": (HPI + "Physical examination: not done today.", N),
    "neuro-exam-not-repeated": (HPI + "Neurological exam: not repeated today.", N),
    "exam-not-examined-ec": (HPI + "Exam: patient not examined (e-consult).", N),
    # near misses: a real examination
    "near-pointer-then-real-exam-elsewhere": (HPI + "Exam: see neurology consultation." + REAL, P),
    "near-see-below-then-exam": (HPI + "Exam: see below\nGeneral: alert, no distress. Pupils equal and reactive, "
                                 "no pronator drift.", P),
    "near-as-per-hpi-findings": (HPI + "Physical exam: as per HPI; pupils reactive, no drift.", P),
    "near-exam-unremarkable": (HPI + "Exam: unremarkable.", P),
    "near-normal-neuro-exam": (HPI + "Exam: normal neuro exam", P),
    "near-exam-nonfocal": (HPI + "Exam: nonfocal", P),
    "near-limited-by-sedation": (HPI + "Exam limited by sedation: pupils equal, withdraws to pain.", P),
    "near-per-neurology-findings": (HPI + "Neuro exam: per neurology today: alert, fluent speech, no drift.", P),
    "near-discharge-exam-real": (HPI + "Examination on day of discharge: alert, speech fluent, mild left "
                                 "hemiparesis 4/5.", P),
    "near-deferred-then-real-exam-elsewhere": (HPI + "Exam: deferred until clinic follow-up." + REAL, P),
}


@pytest.mark.parametrize(("text", "status"), ROWS.values(), ids=ROWS.keys())
def test_exam_heading_points_elsewhere(analyze: Any, text: str, status: FactStatus) -> None:
    fact = facts_of(analyze, text + REQUEST_TAIL).facts["physical_exam_documented"]
    assert fact.status is status, (f"{fact.status.value} ({fact.note}); evidence "
                                   f"{[(e.text, e.attributes.get('cue')) for e in fact.evidence]}")
