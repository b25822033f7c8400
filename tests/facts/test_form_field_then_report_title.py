"""A request form's study field heads no report: the report title pages later does.

A request form names studies in its own fields ("PET: not requested", "CT head: none", "Prior MRS: no") which the
sectionizer reads as exam titles; the radiology report faxed after the form has its own title line ("MRI BRAIN WITH
AND WITHOUT CONTRAST 10/30/2026"). When nothing between them reads an image, the report's title starts the report
(facts/imaging.py _starts_new_report): the study is the title's modality and date, and the report's impression is its
read, not a read of the form's field.

Near miss: a date line without a modality under the title keeps one report. Rows: 7; 5 failed on the rules before
this round (letterhead and title joined), all pass now.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, paged_facts_of

PAGE = "\n\f\n"
FORM = ("PRIOR AUTHORIZATION REQUEST\nService: MR spectroscopy, CPT 76390\nDiagnosis: new brain lesion\n{field}\n"
        "Documents: clinic note 11/11/2026; outside imaging report\n")
REPORT = ("{letterhead}\n{title}\nPatient: DOE, JANE\n\nHistory: 41F, new right-sided weakness.\nComparison: none.\n\n"
          "Findings: 3.2 cm left frontal white matter lesion with incomplete ring enhancement.\n\nImpression:\n"
          "1. Tumefactive demyelination favored; a glial neoplasm cannot be excluded.\n")

CASES: list[tuple[str, str, str, str, str]] = [
    # case, form field, letterhead, report title, expected "modality date" of the read study
    ("PET field, MRI title with time", "PET: not requested", "COUNTY GENERAL HOSPITAL - RADIOLOGY",
     "MRI BRAIN WITH AND WITHOUT CONTRAST           10/30/2026 19:40", "MRI 2026-10-30"),
    ("PET/CT field none, MRI title", "PET/CT: none", "LAKESIDE IMAGING CENTER",
     "MRI BRAIN W/WO CONTRAST     10/30/2026", "MRI 2026-10-30"),
    ("CT head field, MRI title with exam date", "CT head: not done", "ST. BRIDGET'S MEDICAL CENTRE, NEURORADIOLOGY",
     "MRI BRAIN WITHOUT AND WITH CONTRAST     Exam date: 10/30/2026", "MRI 2026-10-30"),
    ("PET field, CT title", "PET: N/A", "VALLEY REGIONAL - DEPT OF IMAGING",
     "CT HEAD WITH CONTRAST      10/30/2026", "CT 2026-10-30"),
    ("PET field dated, MRI title", "PET: not requested (discussed 11/05/2026)", "NORTHSIDE RADIOLOGY ASSOCIATES",
     "MRI BRAIN WITH AND WITHOUT CONTRAST      10/30/2026", "MRI 2026-10-30"),
    ("PET field, MRI title with accession", "PET: no", "RIVERVIEW HOSPITAL RADIOLOGY",
     "MRI BRAIN W AND WO CONTRAST    DOS 10/30/2026    Acc# 55120", "MRI 2026-10-30"),
    # near misses: one report, already built before
    ("near miss: a date line under the title", "PET: not requested", "HILLCREST IMAGING",
     "MRI BRAIN WITH AND WITHOUT CONTRAST\nExam date: 10/30/2026", "MRI 2026-10-30"),
]


@pytest.mark.parametrize(("case", "field", "letterhead", "title", "study"), CASES, ids=[c[0] for c in CASES])
def test_the_report_title_heads_the_report(analyze: Any, case: str, field: str, letterhead: str, title: str,
                                           study: str) -> None:
    text = FORM.format(field=field) + PAGE + REPORT.format(letterhead=letterhead, title=title)
    facts = paged_facts_of(analyze, text + REQUEST_TAIL)
    read = {f"{s.modality} {s.date}" for s in facts.imaging if "inconclusive" in s.verdicts}
    assert read == {study}, [(s.modality, s.date, s.verdicts) for s in facts.imaging]
