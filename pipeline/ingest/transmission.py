"""Fax transmission lines: headers and footers that describe the fax, not the patient.

The recognition rules are data (resources/transmission_rules.json); each needs at least two fax signals on
one line (page counter, FROM:/TO:, fax number, date+time stamp, fax keyword), or a page counter alone.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from pipeline.contracts import PageInfo, TransmissionLine

MAX_LINE_CHARS = 200
"""Longer lines are running text, never a transmission line (also bounds the regex work)."""

_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTHS = {m: i for i, m in enumerate(_MONTH_NAMES, start=1)}
_MON = "(?:" + "|".join(_MONTHS) + ")"
_DATE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?![\d/])"), "mdy"),
    (re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?![\d-])"), "ymd"),
    (re.compile(rf"(?i)\b({_MON})-(\d{{1,2}})-(\d{{4}})\b"), "mon_d_y"),
    (re.compile(rf"(?i)(?<!\d)(\d{{1,2}})-({_MON})-(\d{{4}})\b"), "d_mon_y"),
)
_LINE = re.compile(r"[^\n\f]+")


@dataclass(frozen=True)
class TransmissionRule:
    """One recognition rule of transmission_rules.json: a stable id, its compiled pattern, what it means."""

    id: str
    pattern: re.Pattern[str]
    description: str


@cache
def load_rules() -> tuple[TransmissionRule, ...]:
    """The packaged rules, in priority order (the first rule that matches a line names it)."""
    source = resources.files("pipeline.ingest.resources").joinpath("transmission_rules.json")
    raw = json.loads(source.read_text(encoding="utf-8"))
    rules = tuple(
        TransmissionRule(id=item["id"], pattern=re.compile(item["pattern"]), description=item["description"])
        for item in raw
    )
    ids = [rule.id for rule in rules]
    if len(set(ids)) != len(ids):
        raise ValueError("transmission_rules.json has duplicate rule ids")
    return rules


def match_line(line: str) -> str | None:
    """The id of the first rule that recognises `line` as a transmission line, else None."""
    line = line.strip()
    if not line or len(line) > MAX_LINE_CHARS:
        return None
    for rule in load_rules():
        if rule.pattern.search(line):
            return rule.id
    return None


def parse_date(line: str) -> str | None:
    """The first valid date on the line as ISO yyyy-mm-dd (11/18/2026, 2026-11-18, NOV-18-2026, 18-Nov-2026,
    11/18/26), else None."""
    found: list[tuple[int, str]] = []
    for pattern, order in _DATE_PATTERNS:
        for m in pattern.finditer(line):
            iso = _to_iso(m.groups(), order)
            if iso is not None:
                found.append((m.start(), iso))
                break
    return min(found)[1] if found else None


_TIME_AFTER_DATE = re.compile(r"[\s,]+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?m?\.?)?(?![\w:])", re.I)


def parse_timestamp(line: str) -> str | None:
    """The first date on the line with the time written right after it, as ISO yyyy-mm-ddThh:mm:ss without a
    zone ("11/17/2026 17:20", "NOV-18-2026 3:41 PM"); None when the first date has no valid time."""
    found: list[tuple[int, int, str]] = []
    for pattern, order in _DATE_PATTERNS:
        for m in pattern.finditer(line):
            iso = _to_iso(m.groups(), order)
            if iso is not None:
                found.append((m.start(), m.end(), iso))
                break
    if not found:
        return None
    _, end, iso = min(found)
    t = _TIME_AFTER_DATE.match(line, end)
    if t is None:
        return None
    hour, minute, second = int(t[1]), int(t[2]), int(t[3] or 0)
    if t[4]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if t[4].lower() == "p" else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return f"{iso}T{hour:02d}:{minute:02d}:{second:02d}"


def _to_iso(groups: tuple[str | None, ...], order: str) -> str | None:
    a, b, c = (g or "" for g in groups)
    if order == "mdy":
        month, day, year = int(a), int(b), int(c)
        if len(c) == 2:
            year += 2000
    elif order == "ymd":
        year, month, day = int(a), int(b), int(c)
    elif order == "mon_d_y":
        month, day, year = _MONTHS[a.lower()], int(b), int(c)
    else:
        day, month, year = int(a), _MONTHS[b.lower()], int(c)
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1900 <= year <= 2999):
        return None
    if day > calendar.monthrange(year, month)[1]:
        return None
    return dt.date(year, month, day).isoformat()


def find_transmission_lines(text: str, pages: list[PageInfo]) -> list[TransmissionLine]:
    """Every transmission line of every page; offsets span the line without surrounding whitespace."""
    found: list[TransmissionLine] = []
    for page in pages:
        for m in _LINE.finditer(text, page.start, page.end):
            raw = m.group()
            stripped = raw.strip()
            if not stripped:
                continue
            rule_id = match_line(stripped)
            if rule_id is None:
                continue
            start = m.start() + (len(raw) - len(raw.lstrip()))
            end = start + len(stripped)
            found.append(
                TransmissionLine(
                    start=start,
                    end=end,
                    page=page.number,
                    text=stripped,
                    date=parse_date(stripped),
                    rule_id=rule_id,
                )
            )
    return found


def blank_lines(text: str, lines: list[TransmissionLine]) -> str:
    """`text` with the characters of each transmission line replaced by spaces (same length)."""
    if not lines:
        return text
    chars = list(text)
    for line in lines:
        chars[line.start : line.end] = " " * (line.end - line.start)
    return "".join(chars)
