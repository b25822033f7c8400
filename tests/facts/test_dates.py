from __future__ import annotations

from datetime import date

import pytest

from pipeline.facts.dates import parse_age_days, parse_date

REF = date(2026, 11, 10)


@pytest.mark.parametrize(("text", "expected"), [
    ("10/02/2026", date(2026, 10, 2)),
    ("10/2/26", date(2026, 10, 2)),
    ("2026-10-02", date(2026, 10, 2)),
    ("October 2, 2026", date(2026, 10, 2)),
    ("Oct 2 2026", date(2026, 10, 2)),
    ("2 Oct 2026", date(2026, 10, 2)),
    ("03/2025", date(2025, 3, 15)),
    ("9/30", date(2026, 9, 30)),
    ("12/15", date(2025, 12, 15)),            # month/day after the request date -> last year
    ("6 wks ago", date(2026, 9, 29)),
    ("two weeks ago", date(2026, 10, 27)),
    ("3 months ago", date(2026, 8, 12)),
    ("yesterday", date(2026, 11, 9)),
    ("13/45/2026", None),
    ("not a date", None),
])
def test_parse_date(text, expected):  # type: ignore[no-untyped-def]
    assert parse_date(text, reference=REF) == expected


def test_relative_dates_need_a_reference():  # type: ignore[no-untyped-def]
    assert parse_date("6 wks ago") is None


@pytest.mark.parametrize(("text", "days"), [
    ("58-year-old", 58 * 365), ("45 yo", 45 * 365), ("45 y/o", 45 * 365), ("Age: 45", 45 * 365),
    ("3-day-old", 3), ("6 months", 180), ("2 wk old", 14),
])
def test_parse_age(text, days):  # type: ignore[no-untyped-def]
    assert parse_age_days(text) == days
