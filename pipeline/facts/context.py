"""Everything a fact derivation reads: mentions indexed by concept and sentence, sections, dates, evidence."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Protocol

from ..contracts import Box, Evidence, FactStatus, Mention, NlpResult, SectionSpan
from .cues import cue
from .dates import mention_date

if TYPE_CHECKING:
    from .site import BodyTable, OutsideBrain, SiteRead
    from .supersession import Supersession

CLAUSE_DATE_REACH = 60
"""How far (characters) from a mention in its clause a date is its own (FactContext.clause_date)."""
_MONTH_YEAR_ONLY = re.compile(r"\s*(\d{1,2})/(\d{4})\s*$")

# Sections whose content is the request itself or the reason for it.
REQUEST_SECTIONS = frozenset({"request", "indication", "assessment_plan", "chief_complaint", "diagnosis"})
_STRENGTH = {FactStatus.PRESENT: 3, FactStatus.SUSPECTED: 2, FactStatus.ABSENT: 1, FactStatus.NOT_DOCUMENTED: 0}
OTHER_PATIENT_NOTE = "another patient's page"
"""What the evidence of a mention on another patient's page says (never the names)."""
REFERENCE_NOTE = "reference material, not the patient's record"
"""What the evidence of a mention in reference material says (facts/reference_material.py)."""
_MAX_EVIDENCE = 40
_MAX_SENTENCE = 400
_WS = re.compile(r"\s+")
_NOTE_WRAPS = cue("dates.form_note_wraps")
NOTE_WRAPS_CUE = _NOTE_WRAPS.id
_NOTE_WRAP_END = cue("dates.form_note_wrap_end")
_QUESTION_YES = cue("dates.question_answered_yes")
QUESTION_YES_CUE = _QUESTION_YES.id
_QUESTION_ANSWER_END = cue("dates.question_answer_end")
CUE_ATTRIBUTE = "cue"
"""The evidence attribute that names the cues (ids in facts/resources/cues.yaml) that produced the evidence."""


def _add_cues(attrs: dict[str, str], cue_ids: Iterable[str]) -> None:
    cited = [*attrs.get(CUE_ATTRIBUTE, "").split(), *cue_ids]
    if cited:
        attrs[CUE_ATTRIBUTE] = " ".join(dict.fromkeys(cited))


def cite_cues(e: Evidence, *cue_ids: str) -> Evidence:
    """A copy of the evidence that also names these cues."""
    if not cue_ids:
        return e
    attrs = dict(e.attributes)
    _add_cues(attrs, cue_ids)
    return e.model_copy(update={"attributes": attrs})


def _month_start(year: int, month: int) -> date | None:
    """The first day of a month, or None when the numbers name no month."""
    return date(year, month, 1) if 1 <= month <= 12 and 1900 <= year <= 2100 else None


class Layout(Protocol):
    def page_of(self, offset: int) -> int | None: ...

    def boxes_for(self, start: int, end: int) -> list[Box]: ...


def within(mentions: list[Mention], lo: int, hi: int) -> list[Mention]:
    """The mentions (sorted by start) that start in [lo, hi), found by binary search."""
    return mentions[bisect_left(mentions, lo, key=lambda m: m.start):bisect_left(mentions, hi, key=lambda m: m.start)]


def first_lines_end(text: str, start: int, end: int, lines: int) -> int:
    """The end of the first `lines` lines of text[start:end] (a section's heading lines), never past `end`."""
    out = start
    for _ in range(lines):
        nl = text.find("\n", out + 1)
        out = end if nl < 0 else min(nl, end)
    return out


def stronger(a: FactStatus, b: FactStatus) -> FactStatus:
    return a if _STRENGTH[a] >= _STRENGTH[b] else b


def best_status(statuses: Iterable[FactStatus]) -> FactStatus:
    out = FactStatus.NOT_DOCUMENTED
    for s in statuses:
        out = stronger(out, s)
    return out


def status_rank(status: FactStatus) -> int:
    return _STRENGTH[status]


def is_ignored(m: Mention) -> bool:
    """Family and hypothetical mentions never count for the patient, nor a statement a clinician's correction
    retracted (nlp/retraction.py: 'the dictation reads "VNS explanted"; this is wrong')."""
    return m.has("family") or m.has("hypothetical") or m.has("retracted") or m.section == "family_history"


def mention_status(m: Mention) -> FactStatus:
    """present (affirmed), suspected (hedged) or absent (negated); hedging wins over negation.

    A rule may state the assertion itself (`attrs: {assertion: absent}` for "no prior treatment", `suspected` for
    "empiric anti-toxoplasma therapy").
    """
    if m.attrs.get("assertion") == "absent":
        return FactStatus.ABSENT
    if m.attrs.get("assertion") == "suspected":  # "empiric anti-toxoplasma therapy": a verdict on it still holds
        return FactStatus.ABSENT if m.has("negated") else FactStatus.SUSPECTED
    if m.has("uncertain"):
        return FactStatus.SUSPECTED
    if m.has("negated"):
        return FactStatus.ABSENT
    return FactStatus.PRESENT


@dataclass
class FactContext:
    """Indexed NLP output for one document."""

    nlp: NlpResult
    text: str
    layout: Layout
    reference_date: date | None = None
    reference_note: str | None = None
    by_concept: dict[str, list[Mention]] = field(default_factory=lambda: defaultdict(list))
    by_sentence: dict[int, list[Mention]] = field(default_factory=lambda: defaultdict(list))
    superseded: dict[tuple[int, int, str], Supersession] = field(default_factory=dict)
    """Mentions a later read superseded (facts/supersession.py): they count for no fact."""
    site: SiteRead | None = None
    """The lesion outside the brain the MRS is aimed at, if any (facts/site.py)."""
    outside_brain: dict[tuple[int, int, str], OutsideBrain | BodyTable] = field(default_factory=dict)
    """Brain findings that are that lesion told again, or the tumour rows of a body site's pathology table
    (facts/site.py): they count for no fact."""
    other_patient: dict[tuple[int, int, str], tuple[Mention, str]] = field(default_factory=dict)
    """Mentions on another patient's page (facts/patient_pages.py), with the rule id that found the page: they are
    not in `nlp` (nothing reads them) and stay as ignored evidence."""
    reference: dict[tuple[int, int, str], tuple[Mention, str]] = field(default_factory=dict)
    """Mentions in reference material (facts/reference_material.py: a leaflet or protocol page, a write-up's
    literature section, a citation), with the rule id that found it: not in `nlp`, kept as ignored evidence."""
    dated_by_wrapped_note: set[tuple[int, int, str]] = field(default_factory=set)
    """Mentions `date_of` dated from their form row's wrapped note on the next line (cue dates.form_note_wraps)."""
    dated_by_answer: set[tuple[int, int, str]] = field(default_factory=set)
    """Mentions `date_of` dated from the Yes answer's note on their question's line (cue
    dates.question_answered_yes)."""

    def __post_init__(self) -> None:
        for m in self.nlp.mentions:
            self.by_concept[m.concept].append(m)
            self.by_sentence[m.sentence_start].append(m)

    def apply_supersession(self) -> None:
        """Find the mentions that later reads supersede (once the reference date is set)."""
        from .supersession import find_supersessions  # it reads mentions the way this module does

        self.superseded = find_supersessions(self.text, self.nlp.mentions, self.nlp.sections, self.reference_date)

    def supersession_of(self, m: Mention) -> Supersession | None:
        return self.superseded.get((m.start, m.end, m.concept)) if self.superseded else None

    def apply_site(self, read: SiteRead | None = None) -> None:
        """Find the lesion outside the brain the MRS is aimed at (after supersession), or take one already read
        from the whole packet (the clinical-documentation context reads its findings the same way)."""
        from .site import read_body_tables, read_site  # they read mentions the way this module does

        if read is None:
            body = read_body_tables(self)
            self.outside_brain = dict(body)  # a body site's table first: its rows are no brain finding
            read = read_site(self)
            read.body_tables = body
        self.site = read
        self.outside_brain = {**read.body_tables, **read.told_again}

    def outside_brain_of(self, m: Mention) -> OutsideBrain | BodyTable | None:
        return self.outside_brain.get((m.start, m.end, m.concept)) if self.outside_brain else None

    def _ignored(self, m: Mention) -> bool:
        return is_ignored(m) or self.supersession_of(m) is not None or self.outside_brain_of(m) is not None

    # ------------------------------------------------------------------ lookups
    # (mention lists are sorted by start: `within` cuts the window of a part of the text in log time)
    def mentions(self, *concepts: str, counted: bool = True) -> list[Mention]:
        out = [m for c in concepts for m in self.by_concept.get(c, [])]
        if counted:
            out = [m for m in out if not self._ignored(m)]
        return sorted(out, key=lambda m: (m.start, m.end))

    def ignored(self, *concepts: str) -> list[Mention]:
        return sorted((m for c in concepts for m in self.by_concept.get(c, []) if self._ignored(m)),
                      key=lambda m: m.start)

    def other_patient_mentions(self, *concepts: str) -> list[Mention]:
        """The mentions of these concepts on another patient's page (kept for the reviewer only)."""
        return sorted((m for m, _ in self.other_patient.values() if m.concept in concepts), key=lambda m: m.start)

    def reference_mentions(self, *concepts: str) -> list[Mention]:
        """The mentions of these concepts in reference material (kept for the reviewer only)."""
        return sorted((m for m, _ in self.reference.values() if m.concept in concepts), key=lambda m: m.start)

    def same_sentence(self, m: Mention, *concepts: str, counted: bool = True) -> list[Mention]:
        out = [o for o in self.by_sentence.get(m.sentence_start, []) if o.concept in concepts and o is not m]
        if counted:
            out = [o for o in out if not self._ignored(o)]
        return out

    def sentence_text(self, m: Mention) -> str:
        return self.text[m.sentence_start:m.sentence_end]

    def sections(self, *categories: str) -> list[SectionSpan]:
        return [s for s in self.nlp.sections if s.category in categories]

    def section_at(self, offset: int) -> SectionSpan | None:
        for s in self.nlp.sections:
            if s.start <= offset < s.end:
                return s
        return None

    def is_mrs_sentence(self, m: Mention) -> bool:
        """The sentence talks about the MR spectroscopy itself (by name, request or code)."""
        for o in self.by_sentence.get(m.sentence_start, []):
            if o.concept == "MRS_REQUEST" or (o.concept == "IMAGING" and o.attrs.get("modality") == "MRS"):
                return True
            if o.concept == "CPT_CODE" and "76390" in o.text:
                return True
        return False

    def in_request_context(self, m: Mention) -> bool:
        return m.section in REQUEST_SECTIONS or self.is_mrs_sentence(m)

    def date_of(self, m: Mention, *, window: int = 60, relative: bool = True,
                skip: Sequence[tuple[int, int]] = ()) -> date | None:
        """The date written nearest to a mention in its clause (after it first), resolved to a calendar date;
        dates inside the `skip` spans belong to something else.

        Clauses end at ";" so list items ("craniotomy 03/2024; PCI/stent") do not lend each other dates.
        """
        lo, hi = self.clause_of(m)

        def counts(d: Mention) -> bool:
            return (relative or d.attrs.get("precision") != "relative") and not any(a <= d.start < b for a, b in skip)

        dates = [d for d in self.same_sentence(m, "DATE", counted=False)
                 if d.concept == "DATE" and lo <= d.start and d.end <= hi and counts(d)]
        after = [d for d in dates if d.start >= m.end and d.start - m.end <= window]
        before = [d for d in dates if d.end <= m.start and m.start - d.end <= window]
        answered = [] if after else [d for d in self._answer_dates(m) if counts(d)]
        wrapped = [] if after or answered else [d for d in self._wrapped_note_dates(m) if counts(d)]
        if not (after or before or wrapped or answered):
            return None
        ordered = sorted(after, key=lambda d: d.start) + answered + wrapped + sorted(before, key=lambda d: -d.start)
        for d in ordered:
            parsed = mention_date(d, reference=self.reference_date)
            if parsed is not None and self.reference_date is not None and parsed > self.reference_date:
                continue  # after the request: a plan ("f/u 12/2026") or a misread year ("2926"), not this event
            if parsed is not None:
                if any(d is w for w in wrapped):
                    self.dated_by_wrapped_note.add((m.start, m.end, m.concept))
                if any(d is a for a in answered):
                    self.dated_by_answer.add((m.start, m.end, m.concept))
                return parsed
        return None

    def _answer_dates(self, m: Mention) -> list[Mention]:
        """The dates of the Yes answer's note on the mention's line when the line is a form question or row about
        it answered Yes ("Has spectroscopy been done before?  Yes - post-op, Lucknow, 07/2022", "Previous MR
        spectroscopy ........ Yes, done at the regional cancer centre before the first operation, 04/2023"; cue
        dates.question_answered_yes): the "?" ends the question's sentence, or the note runs past the clause's
        reach. The note runs to the line's end, a field separator (dates.question_answer_end) or the next mention
        of the same concept on the line; the question names no other item of the mention's concept before it."""
        text = self.text
        line_lo, line_hi = self.line_of(m)
        answer = _QUESTION_YES.search(text[m.end:line_hi])
        if answer is None:
            return []
        start = m.end + answer.end
        same = [o for o in self.by_concept.get(m.concept, []) if o is not m and line_lo <= o.start < line_hi]
        if any(o.start < start for o in same):
            return []  # "MRS or MRI within 3 months? Yes - 10/2026": the answer may be the other item's
        cut = _QUESTION_ANSWER_END.search(text[start:line_hi])
        end = min([start + cut.start if cut is not None else line_hi, *(o.start for o in same if o.start >= start)])
        return sorted((d for d in self.by_concept.get("DATE", []) if start <= d.start and d.end <= end),
                      key=lambda d: d.start)

    def _wrapped_note_dates(self, m: Mention) -> list[Mention]:
        """The dates at the start of the next line when the mention's line is a form row that answers it Yes with
        a note the line break cut ("coronary stent  Y  DES x2" / "LAD 04/2023 | cochlear implant N"), up to the
        continuation's first field separator (cues dates.form_note_wraps, dates.form_note_wrap_end)."""
        text = self.text
        line_end = text.find("\n", m.end)
        if line_end < 0 or not _NOTE_WRAPS.matches(text[m.end:line_end]):
            return []
        start = line_end + 1
        nxt = text.find("\n", start)
        nxt = len(text) if nxt < 0 else nxt
        while start < nxt and text[start] in " \t":
            start += 1
        if m.sentence_end > start:
            return []  # the lines were read as one sentence: its clause has the dates
        cut = _NOTE_WRAP_END.search(text[start:nxt])
        end = start + cut.start if cut is not None else nxt
        return sorted((d for d in self.by_concept.get("DATE", []) if start <= d.start and d.end <= end),
                      key=lambda d: d.start)

    def clause_of(self, m: Mention) -> tuple[int, int]:
        """The [start, end) of the mention's clause: its sentence cut at ";" and "|"."""
        text = self.text
        lo = max(text.rfind(";", m.sentence_start, m.start), text.rfind("|", m.sentence_start, m.start)) + 1
        ends = [i for i in (text.find(";", m.end, m.sentence_end), text.find("|", m.end, m.sentence_end)) if i >= 0]
        hi = min(ends) if ends else m.sentence_end
        return max(lo, m.sentence_start), hi

    def clause_date(self, m: Mention, *, month_day_ahead: int, skip: Sequence[tuple[int, int]] = (),
                    month_year_ahead: bool = False) -> date | None:
        """The day of the date written nearest the mention in its clause (within CLAUSE_DATE_REACH characters, after
        it first), its spans in `skip` passed over; a month/day date without a year is read as its occurrence within
        `month_day_ahead` days after the request date. None when there is no request date, when the nearest date
        names no day (a year, a month and year, a relative date), or when no date there parses; with
        `month_year_ahead`, a month and year whose whole month is after the request date's month is read as that
        month's first day ("SRS 12/2026" in a request of 11/20/2026)."""
        ref = self.reference_date
        if ref is None:
            return None
        lo, hi = self.clause_of(m)
        dates = [d for d in self.same_sentence(m, "DATE", counted=False)
                 if lo <= d.start and d.end <= hi and not any(a <= d.start < b for a, b in skip)]
        after = sorted((d for d in dates if d.start >= m.end and d.start - m.end <= CLAUSE_DATE_REACH),
                       key=lambda d: d.start)
        before = sorted((d for d in dates if d.end <= m.start and m.start - d.end <= CLAUSE_DATE_REACH),
                        key=lambda d: -d.start)
        for d in after + before:
            precision = d.attrs.get("precision")
            if month_year_ahead and (month := _MONTH_YEAR_ONLY.match(d.text)) is not None:
                first = _month_start(int(month[2]), int(month[1]))
                return first if first is not None and first > ref else None
            if precision in {"relative", "year"} or _MONTH_YEAR_ONLY.match(d.text):
                return None
            reading = ref + timedelta(days=month_day_ahead) if precision == "month_day" else ref
            parsed = mention_date(d, reference=reading)
            if parsed is not None:
                return parsed
        return None

    def line_of(self, m: Mention) -> tuple[int, int]:
        """The [start, end) of the text line that holds the mention (without its newline)."""
        end = self.text.find("\n", m.end)
        return self.text.rfind("\n", 0, m.start) + 1, len(self.text) if end < 0 else end

    # ------------------------------------------------------------------ evidence
    def evidence(self, m: Mention, *, assertion: FactStatus | None = None,
                 attributes: dict[str, str] | None = None, cues: Iterable[str] = ()) -> Evidence:
        """The mention as evidence; `cues`: ids of the cues (cues.yaml) that made it count, cited in
        `attributes["cue"]` (space-separated)."""
        sentence = sentence_window(self.text, m.sentence_start, m.sentence_end, m.start, m.end)
        attrs = dict(m.attrs)
        if attributes:
            attrs.update(attributes)
        superseded = self.supersession_of(m)
        if superseded is not None:  # the reviewer sees why this mention did not count
            attrs.update(superseded.attributes())
            cues = [*cues, *superseded.rule_ids()]
        outside = self.outside_brain_of(m)
        if outside is not None:  # a brain finding that is the lesion outside the brain told again
            attrs.update(outside.attributes())
            cues = [*cues, *outside.cues]
        aside = self.other_patient.get((m.start, m.end, m.concept))
        if aside is not None:  # a mention on another patient's page
            attrs["other_patient"] = OTHER_PATIENT_NOTE
            cues = [*cues, aside[1]]
        reference = self.reference.get((m.start, m.end, m.concept))
        if reference is not None:  # a mention in reference material
            attrs["reference_material"] = REFERENCE_NOTE
            cues = [*cues, reference[1]]
        _add_cues(attrs, cues)
        return Evidence(
            text=m.text,
            start=m.start,
            end=m.end,
            page=self.layout.page_of(m.start),
            boxes=self.layout.boxes_for(m.start, m.end),
            section=m.section,
            sentence=sentence,
            concept=m.concept,
            rule_id=m.rule_id,
            modifiers=list(m.modifiers),
            modifier_rules=list(m.modifier_rules),
            model_outputs=list(m.model_outputs),
            attributes=attrs,
            assertion=assertion.value if assertion is not None else None,
        )

    def section_evidence(self, s: SectionSpan, *, assertion: FactStatus = FactStatus.PRESENT) -> Evidence:
        end = min(s.end, s.start + max(len(s.header), 1))
        return Evidence(
            text=self.text[s.start:end],
            start=s.start,
            end=end,
            page=self.layout.page_of(s.start),
            boxes=self.layout.boxes_for(s.start, end),
            section=s.category,
            concept="SECTION",
            rule_id=s.rule_id,
            assertion=assertion.value,
        )


_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")
_GAP = re.compile(r"\s*")
NEXT_SENTENCE_REACH = 300
"""The longest stretch (characters) read as the sentence after a mention's sentence."""


def next_sentence(text: str, end: int) -> tuple[int, int] | None:
    """The [start, end) of the sentence after offset `end` in its paragraph (a blank line or a page break ends the
    paragraph), whether or not it holds a target; None when the paragraph ends first."""
    gap = _GAP.match(text, end)
    lo = gap.end() if gap else end
    between = text[end:lo]
    if lo >= len(text) or "\f" in between or between.replace("\r", "").count("\n") > 1:
        return None
    stop = _SENTENCE_END.search(text, lo, min(len(text), lo + NEXT_SENTENCE_REACH))
    return lo, stop.end() if stop else min(len(text), lo + NEXT_SENTENCE_REACH)


def sentence_window(text: str, s_start: int, s_end: int, start: int, end: int, *, limit: int = _MAX_SENTENCE
                    ) -> str:
    """The sentence [s_start, s_end) around the span [start, end), whitespace collapsed; a sentence longer than
    `limit` is cut to a window centred on the span (marked "..." where cut), so the span is always inside it."""
    whole = _WS.sub(" ", text[s_start:s_end]).strip()
    if len(whole) <= limit:
        return whole
    span_lo, span_hi = min(max(start, s_start), s_end), min(max(end, s_start), s_end)
    room = max(0, limit - 6 - (span_hi - span_lo))  # 6: the two "..." marks
    lo, hi = span_lo - room // 2, span_hi + room - room // 2
    if lo < s_start:  # the sentence starts close before the span: give the room to the right
        lo, hi = s_start, hi + (s_start - lo)
    if hi > s_end:
        lo, hi = max(s_start, lo - (hi - s_end)), s_end
    window = _WS.sub(" ", text[lo:hi]).strip()
    return ("..." if lo > s_start else "") + window + ("..." if hi < s_end else "")


def cap_evidence(items: list[Evidence]) -> list[Evidence]:
    """Strongest assertions first, then document order; unique spans; at most a fixed number."""
    seen: set[tuple[int, int, str | None]] = set()
    out: list[Evidence] = []
    rank = {"present": 0, "suspected": 1, "absent": 2, None: 3}
    for e in sorted(items, key=lambda e: (rank.get(e.assertion, 3), e.start, e.end)):
        key = (e.start, e.end, e.concept)
        if key in seen:
            continue
        seen.add(key)
        out.append(e)
        if len(out) >= _MAX_EVIDENCE:
            break
    return out
