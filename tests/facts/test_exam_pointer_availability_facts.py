"""An examination heading whose body only points to another note, with a qualifier before the heading's colon
("Examination before transfer:", "Neuro exam (clinic day):", "PE - day of admission:") or an availability note
worded freely after the pointer ("see the last progress note (not among the faxed pages)", "per the discharging
physician's note, which we do not have", "as documented in the ED chart (copy not sent)", "per clinic note, to be
faxed under separate cover"), documents no examination when nothing else in the packet does (facts:
documentation.refers_elsewhere, documentation.pointer_availability).

Near misses that must not change: a pointer followed by findings, "see above", a real exam with a pointer only for
vitals, the pointed-to note present in the packet with its own exam, a referral in the plan, "Exam: deferred".

Rows are freshly written.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED
HPI = "HPI: 54M with new left arm weakness; MRI shows a right frontal enhancing lesion.\n"
HPI2 = "HPI: 38F with chronic daily headache and papilledema, referred for lumbar puncture and MRV.\n"

ROWS: dict[str, tuple[str, FactStatus]] = {
    # qualifier before the colon, with a free availability note
    "exam-before-transfer-final-note-not-in-pages": (
        HPI + "Examination before transfer: see the final progress note (not among the enclosed pages).", N),
    "exam-at-admission-hospitalist-not-part-of-records": (
        HPI + "Exam at admission: refer to the hospitalist's admission note - not part of these records.", N),
    "neuro-exam-clinic-day-paren-qualifier": (
        HPI2 + "Neuro exam (clinic day): per the neuro-ophthalmology note, which we do not have.", N),
    "pe-dash-day-of-transfer-ed-chart-copy-not-sent": (
        HPI + "PE - day of transfer: as documented in the ED chart (copy not sent).", N),
    "physical-exam-discharge-consult-unavailable-when-sent": (
        HPI2 + "Physical examination on discharge: see consult note; unavailable when this request was sent.", N),
    "exam-per-clinic-note-separate-cover": (
        HPI + "Exam: per clinic note, to be faxed under separate cover.", N),
    "exam-per-pcp-note-will-be-sent-later": (
        HPI2 + "Examination: per the PCP's office note, will be sent later.", N),
    "neuro-exam-see-consult-not-received": (
        HPI + "Neurological examination at follow-up: see the neurology consult (not yet received).", N),
    "exam-per-attending-note-missing-from-packet": (
        HPI2 + "Exam (ward round): per the attending's note, missing from this packet.", N),
    "objective-see-er-record-not-provided": (
        HPI + "Exam on arrival: refer to the emergency department record, not provided.", N),
    "pe-see-surgery-note-we-dont-have": (
        HPI2 + "PE on the day of admission: see the neurosurgery note which we don't have.", N),
    "exam-documented-in-hp-not-included-in-fax": (
        HPI + "Physical exam: documented in the H&P, not included in this fax.", N),
    "exam-refer-to-discharge-summary-pending": (
        HPI2 + "Exam at discharge: refer to the discharge summary (pending, will forward).", N),
    # near misses: a real examination somewhere, or no examination heading at all
    "near-pointer-then-findings": (
        HPI + "Exam at admission: refer to stroke team note: awake, no drift, gait steady.", P),
    "near-per-discharge-note-dash-findings": (
        HPI2 + "Examination on discharge: per discharge note - nonfocal, cranial nerves intact.", P),
    "near-see-above-within-note": (
        HPI + "On examination he was alert, oriented, left pronator drift, power 4/5 left arm.\n"
        "Exam at follow-up: see above.", P),
    "near-real-exam-vitals-pointer": (
        HPI2 + "Exam: strength full in all four limbs, reflexes symmetric, fundi show bilateral disc swelling; "
        "vitals per flowsheet.", P),
    "near-pointed-note-in-packet": (
        HPI + "Exam at admission: see the neurology consult note (not included).\n\nNeurology consult note\n"
        "Neuro: alert, oriented x3, cranial nerves intact, mild left drift, power 4/5 left arm.", P),
    "near-plan-refer-to-neurosurgery": (
        HPI2 + "Neuro exam: alert, pupils equal and reactive, visual fields full, gait normal.\n"
        "Plan: refer to neurosurgery; records to follow.", P),
    "near-exam-deferred-stays": (HPI + "Exam: deferred.", N),
    "near-exam-deferred-then-real-exam": (
        HPI2 + "Exam: deferred.\n\nNeuro: alert, oriented x3, pupils equal, power 5/5 in all limbs.", P),
    "near-qualified-heading-real-exam": (
        HPI + "Examination on day of transfer: drowsy but rousable, left hemiparesis 3/5, upgoing left toe.", P),
    "near-pointer-unavailable-then-real-exam-elsewhere": (
        HPI2 + "Exam at admission: per ED chart (copy not sent).\n\nNeuro: alert, cranial nerves intact, "
        "power 5/5 throughout, gait steady.", P),
    "near-pointer-then-absent-reflexes": (
        HPI2 + "Neuro exam at discharge: see ED note; ankle jerks absent, plantars flexor.", P),
    "near-pointer-findings-then-pending": (
        HPI + "Exam: per hospitalist note - drowsy, left facial droop, formal visual fields pending.", P),
    "near-paren-qualifier-with-findings": (
        HPI + "Neuro exam (today's visit): alert, fluent speech, mild left pronator drift.", P),
}


@pytest.mark.parametrize(("text", "status"), ROWS.values(), ids=ROWS.keys())
def test_exam_pointer_availability(analyze: Any, text: str, status: FactStatus) -> None:
    fact = facts_of(analyze, text + REQUEST_TAIL).facts["physical_exam_documented"]
    assert fact.status is status, (f"{fact.status.value} ({fact.note}); evidence "
                                   f"{[(e.text, e.attributes.get('cue')) for e in fact.evidence]}")
