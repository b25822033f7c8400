"""Dictated letters and reports (uncorrected speech recognition): the history, examination and report verdict
they speak are found, also when the letter follows a request form's page (a new page that opens a letter or a
note is not the form's request section: section `sec.note_start`)."""

from __future__ import annotations

import pytest
from text_to_criteria import paged_facts_of

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED
FORM = ("PRIOR AUTHORIZATION REQUEST\nMember: Ann Doe\nRequested service: MR spectroscopy, brain\nCPT: 76390\n"
        "Date of request: 11/20/2026\n\f\n")

# id, text, history, examination
LETTERS = [
    ("spoken-headings", "Dear Dr. Vance comma new paragraph history colon this 48 year old man has had three "
     "months of morning headaches and two focal seizures period physical examination colon alert and oriented "
     "comma mild left facial droop period plan colon MR spectroscopy period", P, P),
    ("spoken-headings-after-form", FORM + "Dear Dr. Vance comma new paragraph history colon this 48 year old man "
     "has had three months of morning headaches and two focal seizures period physical examination colon alert "
     "and oriented comma mild left facial droop period plan colon MR spectroscopy period", P, P),
    ("prose-letter-after-form", FORM + "Dear Dr. Osei comma new paragraph I saw Ms. Hart today in clinic period "
     "she has had a six week history of progressive headaches period on examination she was alert with a right "
     "pronator drift period we request MR spectroscopy period", P, P),
    ("note-title-after-form", FORM + "Neurology clinic note\nseen today with her husband period she describes a "
     "two month history of word finding difficulty period on examination there is a mild expressive aphasia "
     "period plan colon MRS period", P, P),
    ("to-whom-it-may-concern", FORM + "To whom it may concern colon new paragraph Mr. Ruiz presented with a "
     "three week history of confusion period on examination he was disoriented to date period new paragraph "
     "regards", P, P),
    ("history-only", FORM + "Dear Dr. Vance comma new paragraph history colon recurrent headaches for two months "
     "period we would be grateful for MR spectroscopy period thank you period", P, N),
    # near misses: a form page alone documents neither; a dictated "exam colon deferred" is no examination
    ("form-page-alone", FORM + "Clinical notes attached separately period", N, N),
    ("exam-deferred", "Dear Dr. Vance comma new paragraph history colon seizures since June period physical "
     "examination colon deferred period plan colon MRS period", P, N),
]


@pytest.mark.parametrize(("text", "history", "exam"), [c[1:] for c in LETTERS], ids=[c[0] for c in LETTERS])
def test_dictated_letter_history_and_exam(analyze, text, history, exam):  # type: ignore[no-untyped-def]
    facts = paged_facts_of(analyze, text)
    assert facts.facts["history_documented"].status is history
    assert facts.facts["physical_exam_documented"].status is exam


TAIL = "\n\nDate of request: 11/20/2026"

# id, dictated report, verdicts of its study
REPORTS = [
    ("cannot-reliably-distinguish", "mri brain with and without contrast 10/02/2026 period new paragraph findings "
     "colon enhancing lesion in the left temporal lobe period new paragraph impression colon differential "
     "considerations include recurrent tumor and radiation necrosis comma and the current study cannot reliably "
     "distinguish between them period", ["inconclusive"]),
    ("indeterminate-spoken", "mri brain 10/02/2026 period findings colon a 1 cm enhancing focus period "
     "impression colon indeterminate enhancing focus period new line recommend follow up period", ["inconclusive"]),
    ("conclusive-spoken", "mri brain 10/02/2026 period findings colon large enhancing mass period impression "
     "colon findings consistent with recurrent glioblastoma period", ["conclusive"]),
    # near miss: a limitation is no doubt about the read; the impression is plain
    ("motion-limited-spoken", "ct head 10/02/2026 period findings colon study limited by motion artifact period "
     "impression colon no evidence of recurrent tumor period", ["conclusive", "technically_limited"]),
]


@pytest.mark.parametrize(("text", "verdicts"), [c[1:] for c in REPORTS], ids=[c[0] for c in REPORTS])
def test_dictated_report_verdict(analyze, text, verdicts):  # type: ignore[no-untyped-def]
    studies = paged_facts_of(analyze, text + TAIL).imaging
    assert [s.verdicts for s in studies] == [verdicts]
    assert any(e.section == "impression" for s in studies for e in s.evidence)
