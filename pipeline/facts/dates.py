"""Parse the dates providers write, including relative ones ("6 wks ago") against a reference date."""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..contracts import Mention

_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a": 1, "several": 3}

_MDY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{2,4})")
_MDY_DOTTED = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?!\d|\.\d)")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_ISO_SHORT = re.compile(r"(?<![\d-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d-])")  # "2186-10-2" (MIMIC, shifted years)
_MONTH_NAME = re.compile(r"([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_DAY_MONTH_NAME = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Za-z]{3,9})\.?,?\s+(\d{4})")
_MONTH_YEAR = re.compile(r"(\d{1,2})/(\d{4})")
_MONTH_DAY = re.compile(r"(\d{1,2})/(\d{1,2})$")
_RELATIVE = re.compile(r"(\d{1,3}|[a-z]+)\s*(days?|d|weeks?|wks?|w|months?|mos?)\s+ago", re.I)


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def parse_date(text: str, *, reference: date | None = None, day_first: bool = False) -> date | None:
    """The date a date-like string denotes; None when it cannot be read.

    Numeric dates, with slashes or dots ("10/13/26", "10.13.26"), are month first (US) unless `day_first` (a page
    that writes dates day first, see date_order.py); a date that only the other reading makes a date is read that way ("23/09/2026"). Month/year dates take the
    15th; month/day dates and relative dates need `reference`.
    """
    t = text.strip()
    if m := _ISO.search(t):
        return _safe(int(m[1]), int(m[2]), int(m[3]))
    if m := _MDY.search(t) or _MDY_DOTTED.search(t):
        year = int(m[3])
        if year < 100:
            year += 2000 if year < 70 else 1900
        first, second = int(m[1]), int(m[2])
        if day_first or first > 12:
            first, second = second, first
        return _safe(year, first, second) or _safe(year, second, first)  # the other reading when only it is a date
    if m := _ISO_SHORT.search(t):
        return _safe(int(m[1]), int(m[2]), int(m[3]))
    if m := _MONTH_NAME.search(t):
        month = _MONTHS.get(m[1][:3].lower())
        return _safe(int(m[3]), month, int(m[2])) if month else None
    if m := _DAY_MONTH_NAME.search(t):
        month = _MONTHS.get(m[2][:3].lower())
        return _safe(int(m[3]), month, int(m[1])) if month else None
    if m := _MONTH_YEAR.search(t):
        return _safe(int(m[2]), int(m[1]), 15)
    if re.fullmatch(r"(19|20)\d\d", t):
        return _safe(int(t), 7, 1)
    if reference is None:
        return None
    if m := _MONTH_DAY.search(t):
        month, day = (int(m[2]), int(m[1])) if day_first else (int(m[1]), int(m[2]))
        guess = _safe(reference.year, month, day)
        if guess is not None and guess > reference:
            guess = _safe(reference.year - 1, month, day)
        return guess
    if m := _RELATIVE.search(t):
        raw = m[1].lower()
        n = int(raw) if raw.isdigit() else _WORD_NUMBERS.get(raw)
        if n is None:
            return None
        unit = m[2].lower()
        days = n if unit.startswith("d") else 7 * n if unit.startswith("w") else 30 * n
        return reference - timedelta(days=days)
    low = t.lower()
    if low in {"yesterday", "last night"}:
        return reference - timedelta(days=1)
    if low == "today":
        return reference
    if low in {"last week", "past week"}:
        return reference - timedelta(days=7)
    if low in {"last month", "past month"}:
        return reference - timedelta(days=30)
    return None


def month_number(name: str) -> int | None:
    """1-12 for a month's name or its abbreviation ("Sept", "september")."""
    return _MONTHS.get(name[:3].lower())


DAY_FIRST = "day_first"
"""The mention attribute that says its page writes dates day first; its value is the id of the cue that says so."""


READ_AS = "read_as"
"""The mention attribute with a date or an age as the rules read it where it was said in words ("twenty nineteen"
read as "2019"; pipeline/nlp/extract.py)."""


def mention_text(m: Mention) -> str:
    """The text of a date or age mention as the rules read it (its digits where it was said in words)."""
    return m.attrs.get(READ_AS) or m.text


def mention_date(m: Mention, *, reference: date | None = None) -> date | None:
    """The date a date mention denotes, read in its page's date order."""
    return parse_date(mention_text(m), reference=reference, day_first=bool(m.attrs.get(DAY_FIRST)))


_AGE = re.compile(r"(\d{1,3})\s*-?\s*(years?|yrs?|y/o|y\.o\.|yo|y|months?|mos?|mo|weeks?|wks?|wk|days?|d)?", re.I)


def parse_age_days(text: str) -> int | None:
    """Age in days from "45-year-old", "45 yo", "Age: 45", "3-day-old", "6 months"."""
    matches = list(_AGE.finditer(text))
    if not matches:
        return None
    m = matches[-1]  # the last number is the age ("Age: 45")
    n = int(m[1])
    unit = (m[2] or "y").lower()
    if unit.startswith("mo"):
        return n * 30
    if unit.startswith("w"):
        return n * 7
    if unit.startswith("d"):
        return n
    return n * 365
