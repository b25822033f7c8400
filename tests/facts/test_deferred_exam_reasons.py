"""A deferred examination with its reason or its later date: an examination section whose first sentence says the
exam was not done and then tells why or when it will be done ("Exam: not done - record review only; full exam at
the visit next week", "Physical exam: deferred as this was a telephone encounter; will examine at the 12/03 visit",
"Exam: not performed (video visit, patient unable to position camera), to be completed in clinic") documents no
examination, however long the reason (facts: documentation.deferred, documentation.not_done_answer; the deferral is
judged on the first clause of the first sentence, up to ";", a dash, a comma or a parenthesis).

Near misses: a first clause that gives findings ("Not examined formally, but alert, oriented, no drift"), findings
with a later full exam planned ("Neuro exam notable for L pronator drift; full exam at next visit"), a deferral
whose section then gives first-hand findings, and a long first sentence of content that names a later step.

Rows are freshly written.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED
HPI = "HPI: 52F with a left frontal lesion on MRI, seen about new word-finding pauses.\n"

ROWS: dict[str, tuple[str, FactStatus]] = {
    # 1. deferral, then a reason or plan after a semicolon
    "semi-not-done-record-review": (HPI + "EXAM: not done - record review and phone intake only; full exam at the "
                                    "visit next week", N),
    "semi-deferred-phone-daughter": (HPI + "Physical exam: deferred as this was a telephone encounter with the "
                                     "daughter; will examine at the 12/03 visit", N),
    "semi-not-performed-chart": (HPI + "Examination: Not performed today because the referral was triaged from "
                                 "the chart alone; he will be examined in clinic on 12/14.", N),
    "semi-deferred-lower": (HPI + "exam: deferred, the patient was driving during the call and could not stop; "
                            "to be done at the next appointment", N),
    "semi-not-examined-british": (HPI + "Physical examination: not examined as the consultation was by telephone "
                                  "with her husband; we shall examine her at the neurology clinic.", N),
    "semi-deferred-wrapped": (HPI + "Neuro exam: deferred because this visit was a\ntelephone follow-up arranged at "
                              "short notice;\nfull neurological exam at next visit.", N),
    "semi-not-done-abbrev": (HPI + "PE: not done, pt seen via tele-video from the nursing facility w/o staff; "
                             "f/u in person 2 wks for full exam", N),
    "semi-deferred-caps": (HPI + "PHYSICAL EXAMINATION: DEFERRED AS THE PATIENT WAS SEEN BY TELEPHONE ONLY TODAY; "
                           "WILL EXAMINE AT THE NEXT VISIT.", N),
    # 2. deferral, then a reason after a dash
    "dash-not-done-intake": (HPI + "Exam: not done - intake by telephone with the patient's son and a review of "
                             "the outside records only", N),
    "dash-deferred-video": (HPI + "Physical exam: Deferred -- video visit from her car, the connection dropped "
                            "twice and she could not stand up for testing.", N),
    "dash-not-performed-en": (HPI + "Examination: not performed \u2013 the consultation took place by phone while "
                              "he was travelling for work abroad", N),
    "dash-none-phone": (HPI + "EXAM: none - this was a phone encounter with the patient and her partner, who "
                        "answered most of the questions.", N),
    "dash-deferred-form": (HPI + "Physical exam (today): deferred - chart review only as part of an e-consult "
                           "requested by her primary care physician", N),
    "dash-not-examined-wrap": (HPI + "Neurological examination: not examined - telephone consultation; the patient "
                               "was\nat work and unable to talk for long.", N),
    "dash-unable-video": (HPI + "Exam: unable - virtual visit, camera positioned on the ceiling for most of the "
                          "call and the patient declined to move it", N),
    "dash-deferred-colon-reason": (HPI + "PE: deferred - reason: audio-only encounter because the patient has no "
                                   "video device at home or at work.", N),
    # 3. deferral, then a reason in parentheses and a plan
    "paren-not-performed-camera": (HPI + "Exam: not performed (video visit, patient unable to position camera), "
                                   "to be completed in clinic", N),
    "paren-deferred-phone": (HPI + "Physical exam: deferred (telephone encounter with his wife as he was asleep), "
                             "will be examined at the 12/09 appointment.", N),
    "paren-not-done-ecounsult": (HPI + "EXAMINATION: Not done (e-consult, patient not seen in person by the "
                                 "neurologist) and to be done at the first clinic visit.", N),
    "paren-not-examined-british": (HPI + "Examination: not examined (telephone consultation whilst she was "
                                   "abroad visiting family), will be seen in clinic next month", N),
    "paren-deferred-lower": (HPI + "neuro exam: deferred (audio only - no video available at the care home), "
                             "full exam at next visit", N),
    "paren-not-performed-wrap": (HPI + "Physical Exam: not performed (virtual visit; the patient\nwas in bed and "
                                 "could not be positioned), planned for the clinic visit on 12/11.", N),
    "paren-none-reason": (HPI + "Exam: none (phone visit, the patient was at the pharmacy picking up her "
                          "medication), to be completed next week in person", N),
    "paren-deferred-caps": (HPI + "PHYSICAL EXAM: DEFERRED (TELEHEALTH VISIT, POOR CONNECTION THROUGHOUT THE "
                            "ENCOUNTER) - TO BE DONE AT NEXT APPOINTMENT", N),
    # near misses: an examination documented
    "near-not-formally-but-findings": (HPI + "Exam: Not examined formally, but alert, oriented, no drift", P),
    "near-drift-full-exam-later": (HPI + "Neuro exam: notable for L pronator drift; full exam at next visit", P),
    "near-deferred-then-firsthand": (HPI + "Exam: deferred in part as she was tired; on examination she is alert "
                                     "with a mild expressive aphasia and no pronator drift.", P),
    "near-long-content-then-later": (HPI + "Physical exam: alert and oriented, fluent with occasional word-finding "
                                     "pauses, pupils equal, strength full, gait normal; fundi to be checked next "
                                     "visit.", P),
    "near-findings-dash-plan": (HPI + "Exam: mild right facial droop - otherwise nonfocal; full exam with fundoscopy "
                                "at the next appointment", P),
    "near-findings-paren": (HPI + "Exam: alert (somewhat drowsy), right pronator drift, to be repeated in clinic", P),
}


@pytest.mark.parametrize(("text", "status"), ROWS.values(), ids=ROWS.keys())
def test_deferred_exam_reasons(analyze: Any, text: str, status: FactStatus) -> None:
    fact = facts_of(analyze, text + REQUEST_TAIL).facts["physical_exam_documented"]
    assert fact.status is status, (f"{fact.status.value} ({fact.note}); evidence "
                                   f"{[(e.text, e.attributes.get('cue')) for e in fact.evidence]}")
