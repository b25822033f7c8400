"""The symptom episode that led to a prior study: history, not a symptom since it.

A new or worsening symptom told with its date at or before a brain study named after it (in its sentence, or in
the next sentence of its paragraph) is the episode that brought the patient to that study: "58M with new aphasia
on 10/03/2026 (MRI 10/04: ...)", "admitted 09/12 for worsening headache; MRI 09/13 ...", "Index event: new-onset
seizure 09/30/2026; MRS 10/02/2026 equivocal", "she developed a new left hemiparesis in early October, which
prompted the MRI of 10/08". When a statement of stability or of no new symptoms follows it (the current visit:
"no new symptoms since the September admission", "stable since discharge"), it is not a symptom since the study
(facts.yaml `before_study`). A symptom dated after the study ("new seizures on 11/02, after the MRI of 10/15"), an
undated one, or a study dated after the request date (planned, not prior) is no such episode.

The presenting complaint told further away is history too when the same statement follows
(`told_before_prior_study`): told in a prior brain study's indication ("MRI brain 07/30 / Indication: progressive gait
decline"), dated before the latest prior advanced brain study ("presented in August with regression", MRS
09/18) or only by that study's month ("presented 10/2026 with new diplopia", MRS 10/14/2026, unless its sentence
puts it after a study: "later in 09/2026, following the MRS"), or in a list of the disease's features ("Features:
cognitive decline, ataxia, dystonia"); the statement may stand anywhere in the packet (a prior report's page often
comes after the clinic note that says "stable since the MRS").

The words are data: resources/cues.yaml episode.*.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from ..contracts import ImagingStudy, Mention
from .context import FactContext
from .cues import cue, value_set
from .dates import month_number, parse_date

_DATE = "episode.date"
_STUDY_DATE_LEAD = "episode.study_date_lead"
_STUDY_SAME_DAY = "episode.study_same_day"
_STUDY_OTHER_SITE = "episode.study_other_site"
_FEATURES_LIST = "episode.features_list"
_REASON_SECTIONS = value_set("episode.study_reason_sections")
_BEFORE_LATEST = value_set("episode.before_latest_study")
_MONTH_OF_LATEST = value_set("episode.month_of_latest_study")
_AFTER_STUDY = "episode.after_study"
_AFTER_OBJECT = "course.since_object"
_STUDY_REACH = 40
"""How far (characters) after the study's name its date may be ("MRI brain with and without contrast 09/03")."""

_MONTH_WORDS = re.compile(r"(?:(?:early|mid|late)[\s-]+)?([a-z]{3,9})\.?(?:\s+(\d{1,2})(?:st|nd|rd|th)?)?"
                          r"(?:,?\s+((?:19|20)\d\d))?$", re.I)
_MONTH_YEAR = re.compile(r"(\d{1,2})/((?:19|20)\d\d)$")
_YEAR = re.compile(r"(?:19|20)\d\d$")


def _span(text: str, reference: date | None, day_first: bool) -> tuple[date, date] | None:
    """The first and last day a date string may denote (a month or a year is a span); a month or a day without a
    year is the latest such not after the reference date."""
    t = text.strip()
    if m := _MONTH_YEAR.match(t):
        y, mo = int(m[2]), int(m[1])
        if not 1 <= mo <= 12:
            return None
        return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
    if _YEAR.match(t):
        return date(int(t), 1, 1), date(int(t), 12, 31)
    if (w := _MONTH_WORDS.match(t)) and (month := month_number(w[1])) is not None:
        if w[3]:
            year = int(w[3])
        elif reference is not None:
            later = (month, int(w[2] or 1)) > (reference.month, reference.day)
            year = reference.year - 1 if later else reference.year
        else:
            return None
        if w[2]:
            try:
                day = date(year, month, int(w[2]))
            except ValueError:
                return None
            return day, day
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    parsed = parse_date(t, reference=reference, day_first=day_first)
    return (parsed, parsed) if parsed is not None else None


def _study_date(ctx: FactContext, study: Mention, symptom: tuple[date, date] | None
                ) -> tuple[tuple[date, date], str] | None:
    """The date told right after the study's name ("MRI 10/04", "MRI of 10/08/2026", "brain MRI the same day")
    and the cue that read it."""
    after = ctx.text[study.end:min(study.end + _STUDY_REACH, study.sentence_end)]
    if cue(_STUDY_OTHER_SITE).search(study.text + after[:15]) is not None:
        return None
    same = cue(_STUDY_SAME_DAY).search(after)
    if same is not None and symptom is not None:
        shift = timedelta(days=1) if re.search(r"next|following|after", same.text, re.I) else timedelta(0)
        return (symptom[0] + shift, symptom[1] + shift), same.cue_id
    hit = cue(_DATE).search(after)
    if hit is None or not cue(_STUDY_DATE_LEAD).matches(after[:hit.start]):
        return None
    found = _span(hit.text, ctx.reference_date, False)
    return (found, hit.cue_id) if found is not None else None


def _study_names(ctx: FactContext, studies: list[Mention], start: int, end: int) -> bool:
    """The date at start:end is a study's, not the symptom's: "the September MRI", "MRI 10/04"."""
    for o in studies:
        if o.start >= end and not ctx.text[end:o.start].strip():
            return True
        if o.end <= start and cue(_STUDY_DATE_LEAD).matches(ctx.text[o.end:start]):
            return True
    return False


def _symptom_date(ctx: FactContext, m: Mention, until: int) -> tuple[date, date] | None:
    """The date nearest the symptom in its sentence, before the study (not another study's date)."""
    lo = m.sentence_start
    studies = [o for o in ctx.mentions("IMAGING", counted=False) if o.sentence_start == m.sentence_start]
    stretch = ctx.text[lo:until]
    best: tuple[int, tuple[date, date]] | None = None
    for hit in cue(_DATE).regex.finditer(stretch):
        s, e = lo + hit.start(), lo + hit.end()
        if s < m.end and e > m.start or _study_names(ctx, studies, s, e):
            continue
        found = _span(hit.group(0), ctx.reference_date, False)
        if found is None:
            continue
        distance = m.start - e if e <= m.start else s - m.end
        if best is None or distance < best[0]:
            best = (distance, found)
    return best[1] if best is not None else None


def episode_before_study(ctx: FactContext, m: Mention) -> list[str] | None:
    """The cue ids by which the symptom mention is the episode that led to a prior brain study told after it
    (its date at or before the study's); else None."""
    followed = m.sentence_end
    gap = ctx.text[m.sentence_end:]
    nxt = m.sentence_end + (len(gap) - len(gap.lstrip()))
    next_sentence = nxt if "\n\n" not in ctx.text[m.sentence_end:nxt] else None
    for study in ctx.mentions("IMAGING", counted=False):
        if study.start < m.end:
            continue
        if study.sentence_start != m.sentence_start and study.sentence_start != next_sentence:
            continue
        until = min(study.start, followed)
        symptom = _symptom_date(ctx, m, until)
        if symptom is None:
            continue
        told = _study_date(ctx, study, symptom)
        if told is None:
            continue
        (study_lo, study_hi), how = told
        if ctx.reference_date is not None and study_lo > ctx.reference_date:
            return None  # a study after the request date is planned, not prior
        if symptom[0] <= study_hi:
            return [_DATE, how]
        return None
    return None


def _latest_prior(studies: list[ImagingStudy], modalities: frozenset[str], reference: date | None) -> date | None:
    dates = [date.fromisoformat(s.date) for s in studies if s.date and s.modality in modalities
             and s.body_part in (None, "brain")]
    return max((d for d in dates if reference is None or d <= reference), default=None)


def told_before_prior_study(ctx: FactContext, m: Mention, studies: list[ImagingStudy]) -> list[str] | None:
    """The cue ids by which the symptom mention was told before the latest prior advanced brain study: in the
    indication of a prior brain study's report ("MRI brain 07/30/2026 / Indication: progressive gait decline"), or
    dated before that latest study anywhere in its sentence ("presented in August with regression", the MRS in
    September), or in a list of the disease's features ("Features: cognitive decline, ataxia, dystonia"); else
    None."""
    reference = ctx.reference_date
    line_start = ctx.text.rfind("\n", 0, m.start) + 1
    if cue(_FEATURES_LIST).search(ctx.text[line_start:m.start]) is not None:
        return [_FEATURES_LIST]  # a list of the disease's features ("Features: cognitive decline, ataxia")
    if m.section in _REASON_SECTIONS.values:
        heads = [(e.start, s) for s in studies if s.date and s.body_part in (None, "brain") for e in s.evidence
                 if e.start < m.start and "\n\n" not in ctx.text[e.start:m.start]]
        if heads:
            told = date.fromisoformat(max(heads, key=lambda h: h[0])[1].date or "")
            if reference is None or told <= reference:
                return [_REASON_SECTIONS.id]
    latest = _latest_prior(studies, frozenset(_BEFORE_LATEST.values), reference)
    if latest is None:
        return None
    symptom = _symptom_date(ctx, m, m.sentence_end)
    if symptom is None:
        return None
    if symptom[1] < latest:
        return [_DATE, _BEFORE_LATEST.id]
    if symptom[0] <= latest <= symptom[1] and _granularity(symptom) in _MONTH_OF_LATEST.values \
            and not _placed_after_study(ctx, m):
        return [_DATE, _MONTH_OF_LATEST.id]  # "presented 10/2026 with new diplopia", the MRS 10/14/2026
    return None


def told_before_latest_study(ctx: FactContext, m: Mention, studies: list[ImagingStudy]) -> bool:
    """A statement of no new symptoms or stability dated in its sentence before the latest prior advanced brain
    study, with no since-words there ("Visit 07/10/2026: no new symptoms", the MRI in September): it speaks of the
    time before that study, not of the interval since it ("no new symptoms since the 08/15 admission" does)."""
    latest = _latest_prior(studies, frozenset(_BEFORE_LATEST.values), ctx.reference_date)
    if latest is None or cue(_AFTER_STUDY).search(ctx.sentence_text(m)) is not None:
        return False
    told = _symptom_date(ctx, m, m.sentence_end)
    return told is not None and told[1] < latest


def _granularity(span: tuple[date, date]) -> str | None:
    """"day", "month" or "year": what a date span from _span denotes."""
    lo, hi = span
    if lo == hi:
        return "day"
    if lo.day == 1 and (lo.year, lo.month) == (hi.year, hi.month) \
            and hi.day == calendar.monthrange(hi.year, hi.month)[1]:
        return "month"
    if (lo.month, lo.day, hi.month, hi.day) == (1, 1, 12, 31) and lo.year == hi.year:
        return "year"
    return None


def _placed_after_study(ctx: FactContext, m: Mention) -> bool:
    """Words in the symptom's sentence put it after a study named a few words on ("after the 09/05 MRS",
    "following the MRS", "since the scan")."""
    studies = [o for o in ctx.mentions("IMAGING", counted=False) if o.sentence_start == m.sentence_start]
    for hit in cue(_AFTER_STUDY).regex.finditer(ctx.text, m.sentence_start, m.sentence_end):
        study = min((o for o in studies if o.start >= hit.end()), key=lambda o: o.start, default=None)
        if study is not None and cue(_AFTER_OBJECT).matches(ctx.text[hit.end():study.start]):
            return True
    return False
