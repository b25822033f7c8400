"""Dates written with dots, month first ("MRI 9.28.26", "seen 4.6.2026"), are dates like slashed ones.

1. parse_date reads month.day.year with a two- or four-digit year as it reads month/day/year (pipeline/facts/dates.py),
   a first number above 12 read day first as for slashes; an impossible date is none.
2. The NLP reads such a date as a date (target rules gen.date, req.date, pt.dob), so a prior study, a report title,
   the request date and a date of birth keep their dates, and the 3-month window counts from them. A page whose
   dotted dates show day first ("24.10.2026") reads them day first, as with slashes (cue dates.day_above_twelve).
   Near misses: decimals, values, versions, codes, section numbers, ranges, IP-like numbers and times are no dates.

Rules: pipeline/nlp/resources/targets.yaml (gen.date, req.date, pt.dob), pipeline/facts/dates.py.
Rows are freshly written; near misses must not change.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from text_to_criteria import evaluate_node, facts_of

from pipeline.contracts import TriState
from pipeline.facts.dates import parse_date

REF = date(2026, 11, 20)

# text, the date it denotes
PARSED = [
    ("9.28.26", date(2026, 9, 28)),
    ("09.28.2026", date(2026, 9, 28)),
    ("4.6.2026", date(2026, 4, 6)),
    ("11.3.25", date(2025, 11, 3)),
    ("12.31.1999", date(1999, 12, 31)),
    ("seen 7.15.2026 in clinic", date(2026, 7, 15)),
    ("24.08.2026", date(2026, 8, 24)),          # a first number above 12 is the day, as for slashes
    ("near miss: 14.52.26", None),
    ("near miss: 2.1.3", None),
    ("near miss: 1.2", None),
    ("near miss: 10.30", None),
    ("near miss: 3.5 x 2.1 cm", None),
    ("near miss: 4.5-11.0", None),
]


@pytest.mark.parametrize(("text", "expected"), PARSED, ids=[r[0] for r in PARSED])
def test_parse_dotted_date(text: str, expected: date | None) -> None:
    assert parse_date(text.removeprefix("near miss: "), reference=REF) == expected


# case, text, the date-like mentions as (concept, text)
MENTIONS = [
    ("dictated: MRI with a two-digit year", "MRI of the brain 9.28.26 showed a left insular mass.",
     [("DATE", "9.28.26")]),
    ("terse: seen with a four-digit year", "f/u seen 4.6.2026, sz free.", [("DATE", "4.6.2026")]),
    ("EHR export: a dotted date in a field", "Exam Date: 08.19.2026   Accession: 55120\n",
     [("DATE", "08.19.2026")]),
    ("letter: at the sentence's end", "I last saw her in clinic on 10.02.2026.", [("DATE", "10.02.2026")]),
    ("request date written with dots", "Date of request: 11.19.2026\n",
     [("REQUEST_DATE", "Date of request: 11.19.2026"), ("DATE", "11.19.2026")]),
    ("date of birth written with dots", "Patient: Lorna Vey   DOB: 03.07.1958\n",
     [("DOB", "DOB: 03.07.1958"), ("DATE", "03.07.1958")]),
    ("near miss: creatinine", "Cr 1.3, BUN 18.", []),
    ("near miss: a software version", "Scanner software version 3.2.1 (VE11).", []),
    ("near miss: a measurement", "Lesion measures 2.4 x 1.7 x 1.1 cm.", []),
    ("near miss: a release number with a two-digit last part", "Post-processing on workstation release 4.2.11.", []),
    ("near miss: a section number with a two-digit last part", "See section 3.1.12 of the guideline.", []),
    ("near miss: a sequence name", "Hyperintense on T2.1 weighted images.", []),
    ("near miss: a dose", "Dexamethasone 4.5 mg bid.", []),
    ("near miss: ICD codes", "Dx: C71.1, G40.919\n", []),
    ("near miss: a section number", "Per policy section 2.4.1, criteria are met.", []),
    ("near miss: a lab range", "WBC 6.2 (ref 4.5-11.0)", []),
    ("near miss: an IP-like number", "PACS node 10.12.24.107 unreachable.", []),
    ("near miss: a time", "Scan started at 10.45 and ended at 11.20.", []),
    ("near miss: an impossible date", "Marker 14.52.26 on the film.", []),
]


@pytest.mark.parametrize(("case", "text", "expected"), MENTIONS, ids=[r[0] for r in MENTIONS])
def test_dotted_date_mentions(mentions: Any, case: str, text: str, expected: list[tuple[str, str]]) -> None:
    found = [(m.concept, m.text) for m in mentions(text) if m.concept in ("DATE", "REQUEST_DATE", "DOB")]
    assert sorted(found) == sorted(expected), found


READ = ("FINDINGS: 2.6 cm rim-enhancing lesion in the right parietal lobe with surrounding edema.\n"
        "IMPRESSION: Necrotic high-grade glioma versus abscess.\n\n")
FORM = "PRIOR AUTHORIZATION REQUEST\nDate of request: {req}\nMR spectroscopy of the right parietal lesion.\n"

# case, text, the record's request date, the MRI studies' dates
PACKETS = [
    ("report title dated with dots",
     "MRI BRAIN WITH AND WITHOUT CONTRAST      10.29.2026\n" + READ + FORM.format(req="11/20/2026"),
     "2026-11-20", ["2026-10-29"]),
    ("report title, Exam date label, two-digit year",
     "MRI BRAIN W/WO CONTRAST     Exam date: 10.29.26\n" + READ + FORM.format(req="11/20/2026"),
     "2026-11-20", ["2026-10-29"]),
    ("a note cites the prior MRI with a dotted date",
     "NEUROSURGERY NOTE\nHPI: 52M, right parietal ring-enhancing lesion on MRI brain 10.21.26.\n"
     "Plan: MR spectroscopy.\n\n" + FORM.format(req="11/20/2026"), "2026-11-20", ["2026-10-21"]),
    ("the request date written with dots",
     "MRI BRAIN WITH AND WITHOUT CONTRAST      10/29/2026\n" + READ + FORM.format(req="11.20.2026"),
     "2026-11-20", ["2026-10-29"]),
    ("a page that shows day first with dots reads its dotted dates day first",
     "NEUROLOGY LETTER\nSeen in clinic 24.10.2026. MRI brain 03.11.2026 showed a right parietal ring-enhancing "
     "lesion.\nPlan: MR spectroscopy.\n", "2026-11-03", ["2026-11-03"]),
    ("a page that shows month first with dots keeps month first",
     "NEUROLOGY NOTE\nSeen in clinic 10.24.2026. MRI brain 03.11.2026 showed a right parietal ring-enhancing "
     "lesion.\nPlan: MR spectroscopy.\n", "2026-10-24", ["2026-03-11"]),
    ("near miss: slashed title date",
     "MRI BRAIN WITH AND WITHOUT CONTRAST      10/29/2026\n" + READ + FORM.format(req="11/20/2026"),
     "2026-11-20", ["2026-10-29"]),
]


@pytest.mark.parametrize(("case", "text", "requested", "mri"), PACKETS, ids=[r[0] for r in PACKETS])
def test_prior_study_dated_with_dots(analyze: Any, case: str, text: str, requested: str, mri: list[str]) -> None:
    facts = facts_of(analyze, text)
    assert facts.reference_date == requested
    assert [s.date for s in facts.imaging if s.modality == "MRI"] == mri, \
        [(s.modality, s.date, [e.text for e in s.evidence]) for s in facts.imaging]


# case, text, whether advanced imaging lies within the 3 months before the request (cohere)
WINDOW = [
    ("a dotted MRI five weeks before", "NEURO-ONCOLOGY NOTE\nMRI brain 10.14.2026: enlarging left frontal mass.\n"
     "Plan: MRS.\nDate of request: 11/20/2026\n", TriState.MET),
    ("a dotted MRI eight months before", "NEURO-ONCOLOGY NOTE\nMRI brain 3.12.26: enlarging left frontal mass.\n"
     "Plan: MRS.\nDate of request: 11/20/2026\n", TriState.NOT_MET),
    ("near miss: a slashed MRI five weeks before", "NEURO-ONCOLOGY NOTE\nMRI brain 10/14/2026: enlarging left frontal "
     "mass.\nPlan: MRS.\nDate of request: 11/20/2026\n", TriState.MET),
]


@pytest.mark.parametrize(("case", "text", "expected"), WINDOW, ids=[r[0] for r in WINDOW])
def test_three_month_window_with_dotted_dates(analyze: Any, case: str, text: str, expected: TriState) -> None:
    assert evaluate_node(analyze, text, "cohere", "coh.doc.recent_justified.recent") is expected
