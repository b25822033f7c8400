"""A study title's date-of-service label, and a title with a nuclide or tracer prefix.

1. A date of service ("DOS 11/04/2026", "Date of Service: ...", "Svc dt ...") is the date of a study, done or
   planned (a request form's "Requested DOS" or "Scheduled DOS"), never the date of the request: target rule req.date
   no longer reads it as a REQUEST_DATE. Near misses: "Request date", "Date of request", "Date requested" and "Date
   of service request" stay request dates.
2. A report title in capitals is the same title with a nuclide or tracer before its modality ("F-18 FDG PET/CT ...",
   "18F-FDG PET-CT ...", "F18-fluciclovine PET ...", "Ga-68 DOTATATE PET/CT ...") and with its date after a date label
   in any case ("DOS", "Date of Service:", "Exam date", "Study date", "Svc dt"): section rule sec.exam_title_modality.
   Near misses: a sentence that starts with a nuclide and a modality, a capitals line after a word that is no
   nuclide.

Rules: pipeline/nlp/resources/targets.yaml (req.date), pipeline/nlp/resources/sections.yaml (sec.exam_title_modality).
Rows are freshly written; near misses must not change.
"""

from __future__ import annotations

from typing import Any

import pytest

# case, text, the REQUEST_DATE mention's text (None: no request date at all)
LABELS = [
    ("DOS at the end of a PET title", "F-18 FDG PET/CT SKULL BASE TO MID-THIGH WITH DEDICATED BRAIN       DOS "
     "11/04/2026\nFINDINGS: Photopenic right frontal lesion.\n", None),
    ("Date of Service with a colon after an MRI title", "MRI BRAIN W/WO CONTRAST      Date of Service: 10/29/2026\n",
     None),
    ("DOS: on a clinic note's heading", "NEURO-ONCOLOGY CLINIC NOTE                       DOS: 11/12/2026\n", None),
    ("Date of service alone on its line", "Date of service: 10/14/2026\nPatient seen for headaches.\n", None),
    ("Svc dt on a CT title", "CT HEAD WITHOUT CONTRAST    Svc dt 09/30/2026\n", None),
    ("a form's Requested DOS", "Procedure: MR spectroscopy (76390)     Requested DOS: 12/01/2026\n", None),
    ("a form's Scheduled DOS", "Scheduled DOS 12/03/2026 at the outpatient imaging centre.\n", None),
    ("DOS in lower case", "seen in clinic, dos 11/02/2026, for follow-up.\n", None),
    ("near miss: Request date", "Request date 11/19/2026\n", "Request date 11/19/2026"),
    ("near miss: Date of request", "Date of request: 11/18/2026\n", "Date of request: 11/18/2026"),
    ("near miss: Date requested", "Date requested 11/17/2026\n", "Date requested 11/17/2026"),
    ("near miss: Date of service request", "Date of service request: 11/16/2026\n",
     "Date of service request: 11/16/2026"),
    ("near miss: Requested date beside a Requested DOS",
     "Requested date: 11/15/2026      Requested DOS: 12/01/2026\n", "Requested date: 11/15/2026"),
]

# case, text (a title line, then a read), whether the first line is a report title (exam_title section)
TITLES = [
    ("F-18 FDG prefix, DOS label", "F-18 FDG PET/CT SKULL BASE TO MID-THIGH WITH DEDICATED BRAIN       DOS 11/04/2026",
     True),
    ("18F-FDG joined prefix, Date of Service label", "18F-FDG PET-CT WHOLE BODY    Date of Service: 11/04/2026", True),
    ("F18-fluciclovine, Exam date label", "F18-fluciclovine PET SKULL BASE TO THIGH     Exam date 10/21/2026", True),
    ("Ga-68 DOTATATE, Svc dt label", "Ga-68 DOTATATE PET/CT SKULL BASE TO MID-THIGH    Svc dt 10/19/2026", True),
    ("C-11 methionine, Study date label", "C-11 methionine PET BRAIN     Study date: 10/02/2026", True),
    ("no prefix, Study date label", "MRI BRAIN WITH AND WITHOUT CONTRAST    Study date 10/30/2026", True),
    ("no prefix, Exam date label", "CT HEAD WITHOUT CONTRAST      Exam date: 09/28/2026", True),
    ("nuclide prefix, no date", "18F-FET PET BRAIN", True),
    ("near miss: a sentence after a nuclide and a modality", "F-18 FDG PET/CT was obtained on 11/04/2026 for staging.",
     False),
    ("near miss: a capitals line after a word that is no nuclide", "Outside MRI BRAIN reviewed with the family today.",
     False),
    ("near miss: a modality followed by prose and a date", "PET/CT showed no primary, dated 11/04/2026.", False),
]


@pytest.mark.parametrize(("case", "text", "expected"), LABELS, ids=[r[0] for r in LABELS])
def test_a_date_of_service_is_no_request_date(mentions: Any, case: str, text: str, expected: str | None) -> None:
    found = [m.text for m in mentions(text) if m.concept == "REQUEST_DATE"]
    assert found == ([expected] if expected is not None else []), found


@pytest.mark.parametrize(("case", "line", "title"), TITLES, ids=[r[0] for r in TITLES])
def test_title_with_prefix_and_date_label(analyze: Any, case: str, line: str, title: bool) -> None:
    text = line + "\nFINDINGS: Photopenic right frontal lesion.\nIMPRESSION: No primary malignancy.\n"
    sections = analyze(text).sections
    first = [s.category for s in sections if s.start == 0]
    assert (first == ["exam_title"]) is title, [(s.category, text[s.start:s.end][:40]) for s in sections]
