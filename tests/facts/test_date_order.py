"""Day-first dates: a page that states its date convention, or whose dates show it (a first number above 12, the
month in words beside a date), is read day first; US month first stays the default elsewhere, page by page
(pipeline/facts/date_order.py, cues `dates.*`)."""

from __future__ import annotations

from datetime import date

import pytest
from text_to_criteria import paged_facts_of

from pipeline.facts.dates import parse_date

US_FORM = "PRIOR AUTHORIZATION REQUEST\nDate of request: 10/11/2026\nRequested service: MR spectroscopy\n\f\n"

# id, packet (pages separated by form feeds), reference date, the MRI's date
PACKETS = [
    ("stated-dd-mm-yyyy", "Neurology clinic letter (all dates dd/mm/yyyy)\nMRI brain on 02/09/2026 showed an "
     "indeterminate lesion.\nDate of request: 10/11/2026", "2026-11-10", "2026-09-02"),
    ("stated-upper-case", "DATE FORMAT: DD/MM/YYYY\nMRI brain 05/08/2026: equivocal enhancement.\nRequest date: "
     "01/10/2026", "2026-10-01", "2026-08-05"),
    ("day-above-twelve", "MRI brain on 03/09/2026 showed an indeterminate lesion.\nReviewed in clinic on "
     "23/10/2026.\nDate of request: 04/11/2026", "2026-11-04", "2026-09-03"),
    ("month-in-words-beside", "MRI brain on 02/09/2026 (2 September) showed an indeterminate lesion.\nDate of "
     "request: 10/11/2026", "2026-11-10", "2026-09-02"),
    ("ordinal-month-in-words", "MRI brain 07/08/2026 (7th August 2026) was equivocal.\nDate of request: "
     "01/10/2026", "2026-10-01", "2026-08-07"),
    ("british-letter-after-us-form", US_FORM + "Dear Dr Patel,\nDates in this letter are dd/mm/yyyy.\nMRI brain on "
     "02/09/2026 showed an indeterminate lesion.", "2026-10-11", "2026-09-02"),
    # near misses: month first stays month first
    ("us-packet", "MRI brain on 09/02/2026 showed an indeterminate lesion.\nDate of request: 10/11/2026",
     "2026-10-11", "2026-09-02"),
    ("us-second-above-twelve", "MRI brain on 03/09/2026 showed an indeterminate lesion.\nSeen 10/23/2026.\nDate of "
     "request: 11/04/2026", "2026-11-04", "2026-03-09"),
    ("us-month-in-words", "MRI brain on 09/02/2026 (September 2) showed an indeterminate lesion.\nDate of request: "
     "10/11/2026", "2026-10-11", "2026-09-02"),
    ("us-form-with-british-letter-day-above-twelve", US_FORM + "Dear Dr Patel,\nSeen on 23/09/2026.\nMRI brain on "
     "02/09/2026 showed an indeterminate lesion.", "2026-10-11", "2026-09-02"),
    ("stated-mm-dd-yyyy", "Dates: MM/DD/YYYY\nMRI brain on 05/08/2026 was equivocal.\nDate of request: 10/01/2026",
     "2026-10-01", "2026-05-08"),
]


@pytest.mark.parametrize(("text", "reference", "mri"), [c[1:] for c in PACKETS], ids=[c[0] for c in PACKETS])
def test_page_date_order(analyze, text, reference, mri):  # type: ignore[no-untyped-def]
    facts = paged_facts_of(analyze, text)
    assert facts.reference_date == reference
    assert [s.date for s in facts.imaging if s.modality == "MRI"] == [mri]


def test_us_form_dates_stay_month_first_beside_a_british_page(analyze):  # type: ignore[no-untyped-def]
    text = ("PRIOR AUTHORIZATION REQUEST\nPrior MRI: 04/06/2026\nDate of request: 10/11/2026\n\f\n"
            "Dear Dr Patel,\nAll dates are DD/MM/YYYY.\nMRI brain on 02/09/2026 showed an indeterminate lesion.")
    facts = paged_facts_of(analyze, text)
    assert facts.reference_date == "2026-10-11"
    assert [s.date for s in facts.imaging if s.modality == "MRI"] == ["2026-04-06", "2026-09-02"]


@pytest.mark.parametrize(("text", "day_first", "expected"), [
    ("02/09/2026", True, date(2026, 9, 2)),
    ("02/09/2026", False, date(2026, 2, 9)),
    ("23/09/2026", False, date(2026, 9, 23)),  # only day first is a date
    ("09/23/2026", True, date(2026, 9, 23)),  # only month first is a date
    ("13/45/2026", True, None),
    ("31/12/26", True, date(2026, 12, 31)),
])
def test_parse_date_day_first(text, day_first, expected):  # type: ignore[no-untyped-def]
    assert parse_date(text, day_first=day_first) == expected
