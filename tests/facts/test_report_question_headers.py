"""An imaging report's own question under a header the section lexicon read otherwise, through the real NLP stage.

Class: a radiology report in a packet (after a clinic note) whose title line carries other fields than its date
("CT HEAD WITHOUT CONTRAST   DOS 03/02/2026   Acc# 12345", "MRI BRAIN W/WO   Accession: 556677"), or whose question
stands under a header that elsewhere starts a clinic note's history or a request form's reason ("History:",
"Reason for study:", "Clinical question:", "Clinical summary:", "Reason for referral:"), was not seen as a report
starting there: its question inherited the clinic note's assessment/plan or history and stayed the clinician's live
suspicion, and the report's impression ("not typical of X; consistent with Y") never answered it.

Rules: nlp sections.yaml sec.exam_title_modality (a capitals title with labelled fields: accession, MRN, date of
service, in any order after the title), sections.yaml `reheaded` sec.report_question_header (a header right under a
report title and before its read is the report's indication); facts supersede.report_question, supersede.report_answer,
supersede.cause_questions (pipeline/facts/resources/supersession.yaml). Short headers ("Clinical:", "Hx:", "Clinical
info -") are no headers: under a recognised title they stay in the title's section, a report question already.

Near misses keep their reading: a "Clinical:", "Hx:" or "History:" line in a clinic note (no report title before
it) stays the clinician's question; an impression that leaves the question open ("cannot exclude") keeps it
suspected; an epilepsy work-up's "r/o lesion" answered only by "No lesion" stays suspected
(supersede.lesion_of_a_kind); a note line that names a study and a date ("MRI brain 11/02/2026 showed ...") is no
title; a request form's "Reason for study:" under "Exam: 76390 MR spectroscopy" stays the request's.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

NOTE = ("Neurology clinic note 10/20/2026\nHPI: {age} with subacute confusion and gait change.\n"
        "Assessment: confusion, imaging below.\nPlan: MR spectroscopy requested.\n\n")
LEUKO_READ = ("Findings: Confluent periventricular white matter T2 hyperintensity.\n"
              "Impression: Not typical of leukodystrophy; consistent with chronic small vessel ischemic disease.\n")
LEUKO_OPEN = ("Findings: Confluent periventricular white matter T2 hyperintensity.\n"
              "Impression: Nonspecific white matter disease; leukodystrophy cannot be excluded.\n")
TUMOR_READ = ("Findings: Restricted diffusion in the left MCA territory.\n"
              "Impression: Not typical of a neoplasm; consistent with subacute infarct.\n")


def _note(age: str = "70F") -> str:
    return NOTE.format(age=age)


# ------------------------------------------------------------------ 1. a title line with other fields
TITLES = [
    ("CT HEAD WITHOUT CONTRAST   DOS 03/02/2026   Acc# 12345", "Clinical: 70F, confusion, r/o stroke; ?leukodystrophy"),
    ("MRI BRAIN W/WO CONTRAST   Accession: 556677   Date: 11/02/2026", "Clinical: query leukodystrophy"),
    ("MRI BRAIN WITHOUT CONTRAST | Exam date 11/02/2026 | Acc 99812", "Hx: ?leukodystrophy"),
    ("MR BRAIN WITH AND WITHOUT CONTRAST  Acc #: 44-5566", "Clinical info - query leukodystrophy"),
    ("MRI HEAD W/O CONTRAST    ACCESSION 7781123", "Clinical: ? leukodystrophy, ataxia"),
    ("MRI BRAIN (WITHOUT AND WITH CONTRAST)   Date of service: 11/02/2026   Accn: RA55102",
     "Clinical: confusion; ?leukodystrophy."),
    ("CT HEAD   Acc. 120045   DOS 02.11.2026", "Hx: gait change, possible leukodystrophy"),
    ("MRI BRAIN W/WO   MRN: 8839201   Acc#: 3390012", "Clinical:  78M,  falls;\nr/o leukodystrophy"),
    ("MRI BRAIN   Acc# 00991  Exam date: 11/02/2026", "Clinical info - query leucodystrophy"),
]
TITLE_ROWS = [(f"title {t!r} / {q!r}", _note() + f"{t}\n{q}\n" + LEUKO_READ, {"leukodystrophy": A})
              for t, q in TITLES]

# ------------------------------------------------------------------ 2. a question header under the title
HEADERS = [
    ("MRI BRAIN WITHOUT AND WITH CONTRAST 11/02/2026", "History: ?leukodystrophy", LEUKO_READ, {"leukodystrophy": A}),
    ("MRI BRAIN W/WO 11/02/2026", "HISTORY: 70F confusion, r/o leukodystrophy", LEUKO_READ, {"leukodystrophy": A}),
    ("MRI BRAIN 11/02/2026", "Reason for study: ?leukodystrophy", LEUKO_READ, {"leukodystrophy": A}),
    ("MRI BRAIN WITHOUT CONTRAST  DOS 11/02/2026", "REASON FOR STUDY: query leukodystrophy (gait change)", LEUKO_READ,
     {"leukodystrophy": A}),
    ("MRI BRAIN 11/02/2026", "Clinical question: leukodystrophy?", LEUKO_READ, {"leukodystrophy": A}),
    ("CT HEAD WITHOUT CONTRAST 11/02/2026", "Clinical summary: confusion; ?tumour", TUMOR_READ, {"brain_neoplasm": A}),
    ("MRI BRAIN W/WO CONTRAST 11/02/2026", "Reason for referral: r/o mass lesion", TUMOR_READ, {"brain_neoplasm": A}),
    ("MRI BRAIN W/WO 11/02/2026", "History: new aphasia, ? neoplasm", TUMOR_READ, {"brain_neoplasm": A}),
    ("EXAM: MRI brain with and without contrast", "History: 70 y/o, confusion; possible leukodystrophy",
     LEUKO_READ, {"leukodystrophy": A}),
    ("MRI BRAIN 11/02/2026", "History -  ?leukodystrophy", "Technique: Multiplanar multisequence MRI.\n" + LEUKO_READ,
     {"leukodystrophy": A}),
]
HEADER_ROWS = [(f"header {q!r} under {t!r}", _note() + f"{t}\n{q}\n" + read, expected)
               for t, q, read, expected in HEADERS]

# ------------------------------------------------------------------ near misses
NEAR = [
    ("near: a clinic note's 'Clinical:' line stays the clinician's question",
     "Neurology clinic note 10/20/2026\nClinical: 70F, confusion; ?leukodystrophy\nPlan: MR spectroscopy.\n",
     {"leukodystrophy": S}),
    ("near: a clinic note's 'Hx:' line stays the clinician's question",
     "Progress note\nHx: ?demyelination, optic neuritis last year\nAssessment: MS not excluded; MRS planned.\n",
     {"demyelination": S}),
    ("near: a clinic note's 'History:' line with its own impression stays the clinician's",
     "Clinic note 10/20/2026\nHistory: 6 months of gait change, ?leukodystrophy\n"
     "Impression: possible leukodystrophy; no alternative cause found.\nPlan: MRS.\n",
     {"leukodystrophy": S}),
    ("near: the impression leaves the question open (title with fields)",
     _note() + "MRI BRAIN W/WO   Acc# 55012   DOS 11/02/2026\nClinical: ?leukodystrophy\n" + LEUKO_OPEN,
     {"leukodystrophy": S}),
    ("near: the impression leaves the question open (History: under the title)",
     _note() + "MRI BRAIN 11/02/2026\nHistory: ?leukodystrophy\n" + LEUKO_OPEN, {"leukodystrophy": S}),
    ("near: an epilepsy work-up's lesion question answered only by 'No lesion.'",
     _note("19M") + "MRI BRAIN SEIZURE PROTOCOL   Acc# 88123\nHistory: refractory focal seizures, r/o lesion\n"
     "Findings: Hippocampi symmetric.\nImpression: No lesion.\n", {"brain_lesion": S}),
    ("near: a note line naming a study and a date is no title",
     "Clinic note 10/20/2026\nAssessment: gait change, ?leukodystrophy\nMRI brain 11/02/2026 showed periventricular "
     "change.\nImpression: leukodystrophy not excluded.\n",
     {"leukodystrophy": S}),
    ("near: a request form's reason for study under the requested exam stays the request's",
     "PRIOR AUTHORIZATION REQUEST\nExam: 76390 MR spectroscopy\nReason for study: ?leukodystrophy, gait change\n"
     "Ordering provider: Dr. Amal Reyes\n",
     {"leukodystrophy": S}),
    ("near: a History: header after a request form's exam line and a plan stays a history",
     "Exam: CPT 76390 MRS\nHistory: 6 months of confusion; ?leukodystrophy\nPlan: MRS.\n", {"leukodystrophy": S}),
]

ROWS = TITLE_ROWS + HEADER_ROWS + NEAR


@pytest.mark.parametrize(("case", "text", "expected"), ROWS, ids=[r[0] for r in ROWS])
def test_a_reports_question_under_its_header_is_its_own(fragment_facts, case, text, expected
                                                        ):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), expected)
