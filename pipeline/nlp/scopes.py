"""Assertions whose scope is larger than a sentence, added after ConText as ordinary ConText modifiers.

In pipeline order:

- ``section_context``: every target under a section header listed in context.yaml's `section_assertions`
  carries that assertion (everything under "Past Medical History:" is historical).
- ``list_context``: a cue that heads a list ("Differential diagnosis:", "Denies:", "History of:") reaches every
  item of the list under it, one item per line or numbered on the cue's own line. Each item stays its own
  sentence, so an item's own cues never leak into the next one; the header's cue is added to an item only when
  the item does not assert the same thing, or the opposite (negation against suspicion), itself.
- ``context_extensions`` (RuleExtensions): what some rules assert beyond medspaCy's model: a conditional cue
  reaching back to the order before it, a cue asserting two things, a negated change that does not negate its
  object, an ongoing or recurring condition that stays current under "history of", a remote or resolved tumor
  history that is over, a hedge a later verdict settles, a condition that reaches the end of its clause.

All three add medspaCy `ConTextModifier`s to `span._.modifiers` (the last may also drop one), so everything
downstream reads them like any other; their rules carry the cue's id and, under "via", the id of the scope rule
that extended it. Each looks at a bounded number of tokens per cue or target, so the work stays linear in the text.
"""


import re
from bisect import bisect_left
from collections.abc import Callable
from functools import cache
from typing import Any

from medspacy.context import ConTextModifier, ConTextRule
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..cues import wrap_fit
from .components import TARGET_GROUP, target_info
from .form_state import holds_option_mark, option_line_starts
from .intervals import SpansByStart
from .rules import (
    CONTEXT_FILE,
    RuleFileError,
    cue_needs_after,
    read_resource,
    scope_rules,
    section_assertion_rules,
)

_ENUMERATOR = re.compile(r"^(\d{1,2}|[a-zA-Z])$")
_BULLETS = frozenset({"-", "*", "+", "•", "o", "--", ">"})
_ENUM_CLOSERS = frozenset({".", ")"})
_SENTENCE_END = frozenset({".", ";", "!", "?"})
_OPPOSED = frozenset({"NEGATED_EXISTENCE", "POSSIBLE_EXISTENCE"})
_NEIGHBOURS = 8  # how many earlier targets are looked at for the one before a target (overlaps are few)
_DEAD = frozenset({"NEGATED_EXISTENCE", "HYPOTHETICAL", "FAMILY"})  # says nothing current about the patient
_YEAR_IN = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2}|[0-9]{2})(?![0-9])\s*$")
_NUMBER = re.compile(r"[0-9]{1,3}")
# a new line that opens with a label ("HPI:", "Social history:"): another paragraph
_LABELLED_LINE = re.compile(r"\n[ \t]*[A-Za-z][A-Za-z0-9 /&().-]{0,30}:")
# A relative's disorder the patient's own test rules out for the patient (scope patient_tested): extract.py gives
# such a target a second mention, the patient's, negated.
PATIENT_NEGATED = "PATIENT_NEGATED"


class _PacketTime:
    """The packet's date (the request date's year, else its latest year) and the patient's age now (the oldest age
    stated, or from the date of birth), for telling how long ago a dated history was."""

    def __init__(self, doc: Doc, targets: list[Span], year: "re.Pattern[str] | None") -> None:
        def years(label: str) -> list[int]:
            out = []
            for t in targets:
                if t.label_ == label:
                    found = [int(m.group(0)) for m in year.finditer(t.text)] if year is not None else []
                    if not found and (m := _YEAR_IN.search(t.text)) is not None:
                        found = [2000 + int(m.group(1)) if len(m.group(1)) == 2 else int(m.group(1))]
                    out.extend(found)
            return out

        requested = years("REQUEST_DATE")
        dated = requested or years("DATE")
        self.year: int | None = max(dated) if dated else None
        ages = [int(n.group(0)) for t in targets if t.label_ == "AGE" and not _in_months(t.text)
                for n in [_NUMBER.search(t.text)] if n is not None]
        born = years("DOB")
        if born and self.year is not None:
            ages.append(self.year - min(born))
        self.age: int | None = max(ages) if ages else None
        self.confirmed = False  # the packet states there is no residual or recurrent tumor now


def _in_months(text: str) -> bool:
    return re.search(r"\b(?:months?|mos?|weeks?|wks?|days?)\b|[0-9](?:mo|wk|d)\b", text, re.IGNORECASE) is not None


def _targets(doc: Doc) -> list[Span]:
    return list(doc.spans[TARGET_GROUP]) if TARGET_GROUP in doc.spans else []


def _line_start(text: str, offset: int) -> int:
    """The offset where the line holding `offset` starts."""
    return text.rfind("\n", 0, offset) + 1


def _rule_id(target: Span) -> str | None:
    """The id of the rule that matched a target; None for a span set without one (gold spans in training)."""
    try:
        return target_info(target).rule_id
    except KeyError:
        return None


def _add(target: Span, modifier: ConTextModifier) -> None:
    target._.modifiers = (*target._.modifiers, modifier)


class SectionContext:
    """Targets under a listed section header carry the section's assertion."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self._rules: dict[str, ConTextRule] = {}
        for rule in section_assertion_rules(read_resource(CONTEXT_FILE)):
            for section in rule.metadata["sections"]:
                self._rules[section] = rule

    def __call__(self, doc: Doc) -> Doc:
        if not self._rules:
            return doc
        for target in _targets(doc):
            section = target[0]._.section
            rule = self._rules.get(section.category) if section is not None else None
            if rule is None or not _allows(rule, target):
                continue
            if any(m.category == rule.category for m in target._.modifiers):
                continue
            h_start, h_end = section.title_span
            end = _inline_section_end(doc, h_end, section.section_span[1])
            if target.start >= end:
                continue
            _add(target, ConTextModifier(rule, h_start, h_end, doc, scope_start=h_end, scope_end=end))
        return doc


@cache
def _assertion_sections() -> frozenset[str]:
    """The section categories that give their targets an assertion: past history, and family history (whose
    mentions the fact mapper never counts for the patient)."""
    return frozenset(str(c) for rule in section_assertion_rules(read_resource(CONTEXT_FILE))
                     for c in rule.metadata["sections"]) | {"family_history"}


def section_category(span: Span) -> str | None:
    """The category of the section a target lies in; none when it lies past the paragraph of an assertion
    section whose header has its content on its own line (a letter's paragraph after "Family history: ...")."""
    section = span[0]._.section
    if section is None:
        return None
    if section.category in _assertion_sections() \
            and span.start >= _inline_section_end(span.doc, section.title_span[1], section.section_span[1]):
        return None
    return str(section.category) if section.category is not None else None


def _inline_section_end(doc: Doc, header_end: int, section_end: int) -> int:
    """Where a section's assertion ends: a header with its content on its own line ("Family history: mother's
    cousin with MELAS.") heads that paragraph only, up to the first blank line (a letter's next paragraph is not
    family history); a header alone on its line heads the whole section."""
    if header_end >= section_end or header_end >= len(doc):
        return section_end
    line_end = doc.text.find("\n", doc[header_end - 1].idx if header_end else 0)
    first = doc[header_end]
    inline = first.idx < line_end if line_end >= 0 else True
    if not inline or not doc[header_end:section_end].text.strip():
        return section_end
    blank = doc.text.find("\n\n", first.idx, doc[section_end - 1].idx + len(doc[section_end - 1].text))
    if blank < 0:
        return section_end
    for i in range(header_end, section_end):
        if doc[i].idx >= blank:
            return i
    return section_end


def _allows(rule: ConTextRule, target: Span) -> bool:
    label = target.label_.upper()
    if rule.allowed_types is not None:
        return label in rule.allowed_types
    return rule.excluded_types is None or label not in rule.excluded_types


# ------------------------------------------------------------------ lists
def _starting_in(targets: list[Span], index: SpansByStart, start: int, end: int) -> list[Span]:
    return [targets[k] for k in index.candidates(start, end) if start <= targets[k].start < end]


def _text_end(sent: Span) -> int:
    """Where a sentence's words end (the line breaks after them may be tokens of the sentence: a blank line after
    its last word is no part of it)."""
    last = next((t for t in reversed(sent) if not t.is_space), sent[-1])
    return last.idx + len(last.text)


def _is_line_break(token: Token) -> bool:
    return token.is_space and "\n" in token.text


def _breaks_after(token: Token) -> bool:
    return "\n" in token.whitespace_


def _line_end(doc: Doc, i: int, limit: int) -> int:
    """The index of the token that ends the line containing token i (a line-break token or the end of the doc),
    looking at most `limit` tokens ahead (a line longer than that ends there)."""
    n = min(len(doc), i + limit)
    while i < n and not _is_line_break(doc[i]):
        if _breaks_after(doc[i]):
            return i + 1
        i += 1
    return i


def _starts_line(doc: Doc, i: int) -> bool:
    """Token i is the first word of its line (after a list marker, if any)."""
    j = i - 1
    while j >= 0 and not _is_line_break(doc[j]) and not _breaks_after(doc[j]):
        if not (doc[j].is_space or doc[j].text in _BULLETS or doc[j].text in _ENUM_CLOSERS
                or _ENUMERATOR.match(doc[j].text)):
            return False
        j -= 1
    return True


def _item_marker(doc: Doc, i: int) -> int:
    """The length of a list-item marker at token i ("1." "2)" "a)" "-" "*"), 0 when there is none."""
    if i >= len(doc):
        return 0
    tok = doc[i]
    if tok.text in _BULLETS:
        return 1
    if _ENUMERATOR.match(tok.text) and i + 1 < len(doc) and doc[i + 1].text in _ENUM_CLOSERS:
        return 2
    if re.match(r"^\d{1,2}[.)]$", tok.text):
        return 1
    return 0


class ListContext:
    """A cue heading a list reaches the list's items."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        config = scope_rules(read_resource(CONTEXT_FILE)).get("list_items", {})
        self._scope_id: str | None = config.get("id")
        self._max_lines = int(config.get("max_lines", 40))
        self._max_header_words = int(config.get("max_header_words", 4))
        self._max_unmarked_words = int(config.get("max_unmarked_words", 6))
        self._max_tokens = int(config.get("max_tokens", 400))
        self._categories = frozenset(config.get("categories", ()))
        self._title_rules = frozenset(str(r) for r in config.get("title_rules", ()))
        self._rules: dict[int, ConTextRule] = {}
        marks = config.get("inline_marks") or {}
        self._marks = _compiled(str(marks.get("id", self._scope_id)), marks.get("patterns", ()))
        self._inline_ends = _compiled(self._scope_id, config.get("inline_ends", ()))
        self._inline_last_ends = _compiled(self._scope_id, config.get("inline_last_ends", ()))

    def __call__(self, doc: Doc) -> Doc:
        graph = getattr(doc._, "context_graph", None)
        targets = _targets(doc)
        if self._scope_id is None or graph is None or not targets:
            return doc
        targets.sort(key=lambda t: t.start)
        index = SpansByStart([(t.start, t.end) for t in targets])
        titles = {s.title_span[0]: s.title_span[1] for s in doc._.sections if s.category is not None}
        header_starts = set(titles)
        for modifier in graph.modifiers:
            if modifier.category not in self._categories or modifier.direction.upper() not in {
                    "FORWARD", "BIDIRECTIONAL"}:
                continue
            if not _cue_holds(doc, modifier):
                continue  # a cue whose words around it are not there ("A" of "A/P:" is no article) heads nothing
            cue_start, cue_end = modifier.modifier_span
            title = titles.get(cue_start) if (modifier.rule.metadata or {}).get("id") in self._title_rules else None
            block = self._block(doc, cue_start, cue_end, targets, index, header_starts, title_end=title)
            if block is None:
                continue
            start, end = block
            rule = self._via(modifier.rule)
            for target in _starting_in(targets, index, start, end):
                if not _allows(rule, target):
                    continue
                held = {m.category for m in target._.modifiers}
                if modifier.category in held or (modifier.category in _OPPOSED and held & _OPPOSED):
                    continue
                _add(target, ConTextModifier(rule, *modifier.modifier_span, doc, scope_start=start, scope_end=end))
        return doc

    def _via(self, rule: ConTextRule) -> ConTextRule:
        """The cue's rule, marked as reaching through the list scope (one copy per cue rule)."""
        key = id(rule)
        if key not in self._rules:
            metadata = dict(rule.metadata or {})
            metadata["via"] = self._scope_id
            self._rules[key] = ConTextRule(
                literal=rule.literal, category=rule.category, direction=rule.direction,
                allowed_types=rule.allowed_types, excluded_types=rule.excluded_types, metadata=metadata)
        return self._rules[key]

    def _block(self, doc: Doc, cue_start: int, cue_end: int, targets: list[Span], index: SpansByStart,
               header_starts: set[int], *, title_end: int | None = None) -> tuple[int, int] | None:
        """The token range of the list a cue ending at `cue_end` heads, or None when the cue heads no list.

        A heading is the cue, at most a few more words and no target, then a colon at the end of its line or
        before numbered items; or the cue alone on its line with numbered or bulleted lines below it. A cue of
        `title_rules` that opens a section heading (ending at `title_end`) heads the rest of the heading's line
        instead, up to that sentence's end or its first ";" ("Working diagnosis: primary CNS lymphoma; biopsy
        booked"). At most `max_tokens` tokens are read for one heading, so the work stays proportional to the text."""
        n = len(doc)
        limit = min(n, cue_end + self._max_tokens)
        inline = self._inline(doc, cue_end, limit, targets, index)
        if inline is not None:
            return inline
        if title_end is not None:
            rest = title_end
            while rest < limit and doc[rest].is_space and not _is_line_break(doc[rest]):
                rest += 1
            if rest < limit and not _is_line_break(doc[rest]) and not _item_marker(doc, rest):
                # the heading's own line: its content up to the end of that sentence
                stop = min(doc[rest].sent.end, _line_end(doc, rest, limit - rest))
                stop = next((k for k in range(rest, stop) if doc[k].text == ";"), stop)  # its first clause
                while stop > rest and (doc[stop - 1].is_space or doc[stop - 1].text in _SENTENCE_END):
                    stop -= 1
                return (rest, stop) if stop > rest else None
        i, words = cue_end, 0
        while i < limit and doc[i].text != ":" and not _is_line_break(doc[i]):
            if not doc[i].is_space and not doc[i].is_punct:
                words += 1
                if words > self._max_header_words:
                    return None  # prose, not a heading
            i += 1
        if _starting_in(targets, index, cue_end, i):
            return None
        colon = i < limit and doc[i].text == ":"
        rest = i + 1 if colon else i
        while rest < limit and doc[rest].is_space and not _is_line_break(doc[rest]):
            rest += 1
        if not colon and (not _starts_line(doc, cue_start)
                          or any(doc[k].text in _SENTENCE_END for k in range(cue_end, i))):
            return None  # without a colon, only a cue standing alone as its line's title heads a list
        start = end = rest
        if rest < limit and not _is_line_break(doc[rest]):
            # the colon is followed on its line by numbered items (one sentence each), or this is no list
            if not colon or not _item_marker(doc, rest) or doc[rest].text in _BULLETS:
                return None
            while end < limit and _item_marker(doc, end) and doc[end].text not in _BULLETS:
                item_end = min(doc[end].sent.end, limit)
                stop = next((k for k in range(end, item_end) if _is_line_break(doc[k]) or doc[k].text == ":"),
                            item_end)
                end = stop
                if stop < item_end:
                    break
            if end < limit and not _is_line_break(doc[end]):
                return start, end  # the line goes on after its items (or a new heading): the list ends there
        # the lines below: items while they are marked (or, under a colon, short), and their indented tails
        lines, marked_list, previous_item, pos = 0, False, False, end
        while pos < limit and lines < self._max_lines:
            brk = doc[pos]
            if not _is_line_break(brk) or brk.text.count("\n") > 1:
                break  # a blank line ends the list
            indented = not brk.text.endswith("\n")
            first = pos + 1
            if first >= limit or first in header_starts:
                break
            stop = _line_end(doc, first, limit - first)
            marker = _item_marker(doc, first)
            words = sum(1 for t in doc[first:stop] if not t.is_space and not t.is_punct)
            last = next((t for t in reversed(doc[first:stop]) if not t.is_space), None)
            if marker:
                marked_list = True
            elif previous_item and indented:
                pass  # the wrapped tail of the item above
            elif colon and not marked_list and 0 < words <= self._max_unmarked_words and (
                    last is None or last.text != ":"):
                pass  # a short unmarked item under "Header:"
            else:
                break
            previous_item = True
            end = pos = stop
            lines += 1
        if end <= start:
            return None
        return start, end

    def _marks_at(self, text: str, pos: int, endpos: int) -> list[tuple[str, int, int]]:
        """The readings (kind, value, end) of an enumeration mark of `inline_marks` starting at `pos`."""
        out: list[tuple[str, int, int]] = []
        for pattern in self._marks:
            m = pattern.match(text, pos, endpos)
            if m is not None:
                out.extend((kind, _mark_value(kind, value), m.end()) for kind, value in m.groupdict().items() if value)
        return out

    def _next_mark(self, text: str, pos: int, endpos: int, after: set[tuple[str, int]]
                   ) -> tuple[int, int, set[tuple[str, int]]] | None:
        """The first mark in text[pos:endpos] counting on from one of `after`: (start, end, its readings)."""
        best: tuple[int, int, set[tuple[str, int]]] | None = None
        for pattern in self._marks:
            for m in pattern.finditer(text, pos, endpos):
                if best is not None and m.start() > best[0]:
                    break
                readings = {(kind, _mark_value(kind, value)) for kind, value in m.groupdict().items() if value}
                follows = {(kind, value) for kind, value in readings if (kind, value - 1) in after}
                if follows:
                    if best is None or m.start() < best[0]:
                        best = (m.start(), m.end(), follows)
                    elif m.start() == best[0]:
                        best = (best[0], max(best[1], m.end()), best[2] | follows)
                    break
        return best

    def _inline(self, doc: Doc, cue_end: int, limit: int, targets: list[Span], index: SpansByStart
                ) -> tuple[int, int] | None:
        """The token range of items enumerated on the cue's own line and sentence ("Differential includes (1) GBM;
        (2) abscess; (3) lymphoma"), or None: the cue, at most max_header_words words (no target, no clause end),
        then a mark of `inline_marks` and at least one more counting on from it."""
        if not self._marks or cue_end >= limit:
            return None
        text = doc.text
        stop_char = doc[limit - 1].idx + len(doc[limit - 1].text)
        i, words, first = cue_end, 0, None
        while i < limit and not _is_line_break(doc[i]):
            first = self._marks_at(text, doc[i].idx, stop_char)
            if first:
                break
            if doc[i].text in _SENTENCE_END:
                return None
            if not doc[i].is_space and not doc[i].is_punct:
                words += 1
                if words > self._max_header_words:
                    return None
            i += 1
        if not first or _starting_in(targets, index, cue_end, i):
            return None
        start_char, pos = doc[i].idx, max(end for _, _, end in first)
        state = {(kind, value) for kind, value, _ in first}
        items = 1
        while True:
            nxt = self._next_mark(text, pos, stop_char, state)
            bound = nxt[0] if nxt is not None else stop_char
            hard = min((m for m in (p.search(text, pos, bound) for p in self._inline_ends) if m is not None),
                       key=lambda m: m.start(), default=None)
            if nxt is not None and (hard is None or not text[hard.end():nxt[0]].strip(" \t")):
                items += 1
                pos, state = nxt[1], nxt[2]
                continue
            end_char = hard.start() if hard is not None else bound
            soft = [m.start() for m in (p.search(text, pos, end_char) for p in self._inline_last_ends) if m is not None]
            end_char = min([end_char, *soft])
            break
        if items < 2:
            return None
        while end_char > pos and text[end_char - 1].isspace():
            end_char -= 1
        span = doc.char_span(start_char, end_char, alignment_mode="expand")
        return (span.start, span.end) if span is not None and span.end > span.start else None


_ROMAN = {"i": 1, "v": 5, "x": 10}


def _mark_value(kind: str, mark: str) -> int:
    """The place an enumeration mark counts: 3 for "3", 2 for "b", 4 for "iv"."""
    if kind == "num":
        return int(mark)
    if kind == "letter":
        return ord(mark.lower()) - ord("a") + 1
    values = [_ROMAN.get(c, 0) for c in mark.lower()]
    return sum(-v if k + 1 < len(values) and v < values[k + 1] else v for k, v in enumerate(values))


def _compiled(scope_id: str | None, patterns: Any) -> list[re.Pattern[str]]:
    """A scope's patterns, compiled case-insensitively; one that does not compile names the scope."""
    try:
        return [re.compile(str(p), re.IGNORECASE) for p in patterns]
    except re.error as exc:
        raise RuleFileError(f"{CONTEXT_FILE}: scope {scope_id!r}: a pattern does not compile: {exc}") from exc


def _phrases(words: Any) -> re.Pattern[str] | None:
    """One case-insensitive pattern for a list of words and phrases (whole words; spaces match any whitespace)."""
    listed = sorted(dict.fromkeys(" ".join(str(w).lower().split()) for w in words or ()), key=len, reverse=True)
    if not listed:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in listed) + r")(?!\w)",
                      re.IGNORECASE)


def _cue_holds(doc: Doc, modifier: ConTextModifier) -> bool:
    """The cue's `needs_after` pattern, if it has one, matches the text after it in its sentence (and its
    `needs_in_sentence` pattern is found in its sentence, and its `needs_before` pattern before it)."""
    start, end = modifier.modifier_span
    sent = doc[start].sent
    return cue_needs_after(modifier.rule.metadata or {}, doc.text, doc[end - 1].idx + len(doc[end - 1].text),
                           sent.end_char, sent.start_char, doc[start].idx)


def _reaches(doc: Doc, modifier: ConTextModifier, target: Span) -> bool:
    """The cue's `needs_between` and `needs_before_target` patterns (if any) hold for this target."""
    start, end = modifier.modifier_span
    sent = doc[start].sent
    return cue_needs_after(modifier.rule.metadata or {}, doc.text, doc[end - 1].idx + len(doc[end - 1].text),
                           sent.end_char, sent.start_char, doc[start].idx, (target.start_char, target.end_char))


def _back_allows(meta: dict[str, Any], label: str) -> bool:
    if "back_types" in meta:
        return label in meta["back_types"]
    return label not in meta.get("back_excluded_types", ())


class _SubjectSeparator:
    """A cue after a separator standing apart (a dash, a colon) that names a subject of its own between the separator
    and the cue is about that subject: it does not reach the targets before the separator.

    - the `dash_subject` scope: a backward verdict after a dash ("gliosis - tumour excluded", "demyelination -
      lymphoma ruled out") is the second diagnosis's; the one before the dash keeps its own reading.
    - the `subject_question` scope: a question after a colon or a dash ("Debulked glioblastoma with new nodular
      enhancement: progression vs pseudoprogression", "Known astrocytoma (2023) - question: progression or
      radionecrosis?") is about the alternatives it names; the subject before it keeps its own reading. A query mark
      glued to its word (`hedge_marks`: "Treated GBM: ?recurrence") names its subject right after it.

    A target before the separator names the same finding as a subject (one concept, or two concepts of one
    `same_findings` group: "PCNSL - lymphoma excluded" says one thing twice) keeps the cue, and so does a list of
    bare targets joined by the separators ("lymphoma - metastasis - abscess excluded": the list is excluded whole).
    """

    def __init__(self, scope_id: str | None, rules: frozenset[str], separators: frozenset[str],
                 subjects: frozenset[str], same: list[frozenset[str]], query_marks: frozenset[str],
                 directions: tuple[str, ...]) -> None:
        self.scope_id = scope_id
        self.rules = rules
        self.separators = separators
        self.subjects = subjects
        self.same = same
        self.query_marks = query_marks
        self.directions = frozenset(directions)

    @classmethod
    def load(cls, raw: dict[str, Any], *, directions: tuple[str, ...]) -> "_SubjectSeparator":
        return cls(raw.get("id"), frozenset(str(r) for r in raw.get("rules", ())),
                   frozenset(str(k) for k in raw.get("separators", ())),
                   frozenset(str(t) for t in raw.get("subjects", ())),
                   [frozenset(str(t) for t in group) for group in raw.get("same_findings", ())],
                   frozenset(str(k) for k in raw.get("hedge_marks", ())), directions)

    @property
    def active(self) -> bool:
        return self.scope_id is not None and bool(self.rules) and bool(self.separators) and bool(self.subjects)

    def _same_finding(self, a: Span, b: Span) -> bool:
        x, y = a.label_, b.label_
        return x == y or any(x in group and y in group for group in self.same)

    def _separator(self, doc: Doc, i: int) -> bool:
        """Token i is a separator standing apart (not a hyphen joined to words on both sides); a bracket closed
        right before it is the tokenizer's ("(resected 2025):")."""
        text = doc[i].text
        if text not in self.separators and text.lstrip(")]") not in self.separators:
            return False
        return i == 0 or bool(doc[i - 1].whitespace_) or bool(doc[i].whitespace_) or text != text.lstrip(")]")

    def _query_mark(self, doc: Doc, m: ConTextModifier) -> bool:
        """The cue is a query mark glued to the word after it and apart from the word before it ("?recurrence")."""
        start, end = m.modifier_span
        return (end - start == 1 and doc[start].text in self.query_marks and doc[start].whitespace_ == ""
                and end < len(doc) and doc[end].is_alpha and (start == 0 or doc[start - 1].whitespace_ != ""))

    def release(self, doc: Doc, modifiers: list[ConTextModifier], targets: list[Span]) -> None:
        for m in modifiers:
            if (m.rule.metadata or {}).get("id") not in self.rules or m.direction.upper() not in self.directions:
                continue
            lo, cue = m.scope_span[0], m.modifier_span[0]
            # a query mark's subject is the word it is glued to, right after it
            subject_end = cue
            if self.query_marks and self._query_mark(doc, m):
                subject_end = m.modifier_span[1]
            inside = [t for t in targets if t.start < cue and t.end > lo]
            after = [t for t in targets if subject_end > cue and t.start == subject_end]
            separators = [i for i in range(lo, cue) if self._separator(doc, i)
                          and not any(t.start <= i < t.end for t in inside)]
            for k in range(len(separators) - 1, -1, -1):
                sep = separators[k]
                subjects = [t for t in (*inside, *after) if sep < t.start and (t.end <= cue or t in after)
                            and t.label_ in self.subjects and any(x is m for x in t._.modifiers)]
                if subjects:
                    break
            else:
                continue
            items = [t for t in inside if t.label_ in self.subjects]
            if k and any(t.start == separators[k - 1] + 1 and t.end == sep for t in items) \
                    and any(t.end == separators[k - 1] for t in items):
                continue  # bare items between separators: a list ("lymphoma - metastasis - abscess excluded")
            # a word inside a longer subject ("tumour" of "residual tumour") names that subject, not a finding of its own
            named = [t for t in subjects
                     if not any(o is not t and o.start <= t.start and t.end <= o.end for o in subjects)]
            for target in inside:
                if target.end <= sep and any(x is m for x in target._.modifiers) \
                        and not any(self._same_finding(target, s) for s in named):
                    target._.modifiers = tuple(x for x in target._.modifiers if x is not m)


def _parenthesized(text: str, target: Span, max_chars: int) -> tuple[int, int, int, int] | None:
    """The parentheses around `target` on its own line, as (opened, closed, line_start, line_end): the "(" before it
    and the ")" after it with no other parenthesis between, at most `max_chars` apart; None when there are none."""
    line_start = _line_start(text, target.start_char)
    line_end = text.find("\n", target.end_char)
    line_end = len(text) if line_end < 0 else line_end
    opened = text.rfind("(", line_start, target.start_char)
    if opened < 0 or ")" in text[opened:target.start_char]:
        return None
    closed = text.find(")", target.end_char, line_end)
    if closed < 0 or "(" in text[target.end_char:closed] or closed - opened > max_chars:
        return None
    return opened, closed, line_start, line_end


class _TestPurposeAside:
    """The `test_purpose_aside` scope: a test named with its purpose in parentheses that also carry other remarks,
    with a negative result after them ("ABCD1 analysis (to exclude X-ALD, Invitae, 06/2025) - negative") or before
    them ("no pathogenic variant (test sent for POLG disease at OSH)"), rules the purpose's disease out; a target of
    `types` that names the test right before the parentheses is ruled out with it. The patterns are context.yaml's."""

    _KEYS = ("test", "imaging", "name", "opening", "after_opening", "tail", "verdict", "genetic_verdict",
             "after_verdict", "unless")

    def __init__(self, raw: dict[str, Any]) -> None:
        self.scope_id: str | None = raw.get("id")
        self.types = frozenset(str(t) for t in raw.get("types", ()))
        self.max_chars = int(raw.get("max_chars", 160))
        try:
            self.patterns = {k: re.compile(str(raw[k]), re.IGNORECASE) for k in self._KEYS if raw.get(k)}
        except re.error as exc:
            raise RuleFileError(f"{CONTEXT_FILE}: scope {self.scope_id!r}: a pattern does not compile: {exc}") \
                from exc
        self._rules = {d: ConTextRule(literal="<test purpose aside>", category="NEGATED_EXISTENCE", direction=d,
                                      metadata={"id": self.scope_id}) for d in ("BACKWARD", "FORWARD")}

    @property
    def active(self) -> bool:
        return self.scope_id is not None and bool(self.types) and len(self.patterns) == len(self._KEYS)

    def apply(self, doc: Doc, targets: list[Span]) -> None:
        text = doc.text
        for target in targets:
            if target.label_ not in self.types:
                continue
            aside = _parenthesized(text, target, self.max_chars)
            if aside is None:
                continue
            opened, closed, line_start, line_end = aside
            if self.patterns["tail"].fullmatch(text, target.end_char, closed + 1) is None:
                continue
            found = self._before(text, targets, target, opened, closed, line_start, line_end) \
                or self._after(text, target, opened, closed, line_start, line_end)
            if found is None:
                continue
            (start, end), direction, named = found
            cue = doc.char_span(start, end, alignment_mode="expand")
            if cue is None:
                continue
            inside = doc.char_span(opened, target.start_char, alignment_mode="expand")
            lo = inside.start if inside is not None else target.start
            # a name the test_name scope has already ruled out keeps that reading
            named = [t for t in named if not any(m.category == "NEGATED_EXISTENCE" for m in t._.modifiers)]
            for span in (target, *named):
                kept = tuple(m for m in span._.modifiers if not (span is target and m.category == "POSSIBLE_EXISTENCE"
                                                                and lo <= m.modifier_span[0] < target.start))
                span._.modifiers = (*kept, ConTextModifier(self._rules[direction], cue.start, cue.end, doc,
                                                           scope_start=min(span.start, cue.start),
                                                           scope_end=max(span.end, cue.end)))

    def _before(self, text: str, targets: list[Span], target: Span, opened: int, closed: int, line_start: int,
                line_end: int) -> "tuple[tuple[int, int], str, list[Span]] | None":
        """The test's name before the parentheses, the purpose inside, the negative verdict after them."""
        p = self.patterns
        head = max(line_start, *(text.rfind(c, line_start, opened) + 1 for c in ".;:"))
        name = text[head:opened]
        if p["test"].search(name) is None or p["imaging"].search(name) is not None \
                or p["opening"].fullmatch(text, opened, target.start_char) is None:
            return None
        verdict = p["verdict"].match(text, closed + 1, line_end)
        if verdict is None or p["unless"].match(text, verdict.end(), line_end) is not None:
            return None
        named = [t for t in targets if t.label_ in self.types and head <= t.start_char and t.end_char <= opened
                 and p["name"].fullmatch(text, t.end_char, opened) is not None]
        start = verdict.start() + len(verdict.group()) - len(verdict.group().lstrip())
        return (start, verdict.end()), "BACKWARD", named

    def _after(self, text: str, target: Span, opened: int, closed: int, line_start: int,
               line_end: int) -> "tuple[tuple[int, int], str, list[Span]] | None":
        """The negative verdict before the parentheses, which tell what the test was sent for."""
        p = self.patterns
        if p["after_opening"].fullmatch(text, opened, target.start_char) is None \
                or p["unless"].match(text, closed + 1, line_end) is not None:
            return None
        head = max(line_start, *(text.rfind(c, line_start, opened) + 1 for c in ".;"))
        before = text[head:opened]
        verdict = p["genetic_verdict"].search(before)
        if verdict is None:
            verdict = p["after_verdict"].search(before)
            if verdict is None or p["test"].search(before[:verdict.start()]) is None \
                    or p["imaging"].search(before) is not None:
                return None
        return (head + verdict.start(), head + verdict.start() + len(verdict.group().rstrip())), "FORWARD", []


class _PendingTestList:
    """The `pending_test_list` scope: a disease named by a test not yet resulted ("Newborn screen (initial): pending,
    including PKU", "Epilepsy gene panel ordered") is hypothetical: the test looks for it, the patient need not have
    it. The cue is the clause's status word ("pending", "sent"); the patterns are context.yaml's."""

    _KEYS = ("status", "verdict", "listed", "name", "unless", "unless_after", "item", "heading")

    def __init__(self, raw: dict[str, Any]) -> None:
        self.scope_id: str | None = raw.get("id")
        self.types = frozenset(str(t) for t in raw.get("types", ()))
        self.categories = frozenset(str(c) for c in raw.get("categories", ()))
        self.max_lines = int(raw.get("max_lines", 12))
        try:
            self.patterns = {k: re.compile(str(raw[k]), re.IGNORECASE) for k in self._KEYS if raw.get(k)}
        except re.error as exc:
            raise RuleFileError(f"{CONTEXT_FILE}: scope {self.scope_id!r}: a pattern does not compile: {exc}") \
                from exc
        self._rule = ConTextRule(literal="<pending test list>", category="HYPOTHETICAL", direction="BIDIRECTIONAL",
                                 metadata={"id": self.scope_id})

    @property
    def active(self) -> bool:
        return self.scope_id is not None and bool(self.types) and len(self.patterns) == len(self._KEYS)

    def apply(self, doc: Doc, targets: list[Span]) -> None:
        text = doc.text
        p = self.patterns
        for target in targets:
            if target.label_ not in self.types or any(m.category in self.categories for m in target._.modifiers):
                continue
            sent = target.sent
            lo = max(sent.start_char, text.rfind(";", sent.start_char, target.start_char) + 1)
            hi = text.find(";", target.end_char, sent.end_char)
            hi = sent.end_char if hi < 0 else hi
            clause = text[lo:hi]
            if p["verdict"].search(clause) is not None:
                continue
            status = p["status"].search(clause)
            at = lo
            if status is None:  # an item of a list whose heading line says it is pending ("Pending at discharge:")
                found = self._heading_status(text, target.start_char)
                if found is None:
                    continue
                status, at = found
            before = text[lo:target.start_char]
            if p["unless"].search(before) is not None or p["unless_after"].match(text, target.end_char, hi) is not None:
                continue
            if p["listed"].search(before) is None and p["name"].match(text, target.end_char, hi) is None:
                continue
            cue = doc.char_span(at + status.start(), at + status.end(), alignment_mode="expand")
            if cue is None:
                continue
            target._.modifiers = (*target._.modifiers,
                                  ConTextModifier(self._rule, cue.start, cue.end, doc,
                                                  scope_start=min(target.start, cue.start),
                                                  scope_end=max(target.end, cue.end)))

    def _heading_status(self, text: str, offset: int) -> "tuple[re.Match[str], int] | None":
        """The status word of the heading of the list whose item holds `offset`: the first line above the item's
        run of `item` lines (at most max_lines), when it is a `heading` with a status word and no verdict."""
        p = self.patterns
        start = _line_start(text, offset)
        for _ in range(self.max_lines):
            end = text.find("\n", start)
            if p["item"].match(text, start, len(text) if end < 0 else end) is None or start == 0:
                return None
            start = _line_start(text, start - 1)
            end = text.find("\n", start)
            line = text[start:len(text) if end < 0 else end]
            if p["item"].match(line) is not None:
                continue
            if p["heading"].fullmatch(line) is None or p["verdict"].search(line) is not None:
                return None
            status = p["status"].search(line)
            return (status, start) if status is not None else None
        return None


class _KnownAside:
    """The `known_aside` scope: a diagnosis given in parentheses as the patient's own ("Urine organic acids (known
    MMA): normal today", "Ammonia (h/o OTC deficiency): 38, normal") keeps its status: the assertions of
    `categories` made by cues outside the parentheses are dropped. The pattern is context.yaml's."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.scope_id: str | None = raw.get("id")
        self.types = frozenset(str(t) for t in raw.get("types", ()))
        self.categories = frozenset(str(c) for c in raw.get("categories", ()))
        self.max_chars = int(raw.get("max_chars", 120))
        try:
            self.opening = re.compile(str(raw["opening"]), re.IGNORECASE) if raw.get("opening") else None
        except re.error as exc:
            raise RuleFileError(f"{CONTEXT_FILE}: scope {self.scope_id!r}: a pattern does not compile: {exc}") \
                from exc

    @property
    def active(self) -> bool:
        return self.scope_id is not None and bool(self.types) and bool(self.categories) and self.opening is not None

    def apply(self, doc: Doc, targets: list[Span]) -> None:
        assert self.opening is not None
        text = doc.text
        for target in targets:
            if target.label_ not in self.types \
                    or not any(m.category in self.categories for m in target._.modifiers):
                continue
            aside = _parenthesized(text, target, self.max_chars)
            if aside is None:
                continue
            opened, closed = aside[:2]
            if self.opening.fullmatch(text, opened, target.start_char) is None:
                continue
            inside = doc.char_span(opened, closed + 1, alignment_mode="expand")
            if inside is None:
                continue
            kept = tuple(m for m in target._.modifiers if m.category not in self.categories
                         or (inside.start <= m.modifier_span[0] and m.modifier_span[1] <= inside.end))
            if len(kept) != len(target._.modifiers):
                target._.modifiers = kept


class _ItemOwnTest:
    """The `item_own_test` scope: a differential item (a target hedged by one of `hedges`) whose own test is
    reported negative or normal after it, in its sentence or the next one of its paragraph, is settled: "DDx:
    toxoplasmosis vs lymphoma. Toxo IgG negative", "? Wilson disease vs AIH - ceruloplasmin and urine copper
    normal". Each entry of `tests` pairs an item (`item`, searched in the target's text) with the tests named for it,
    its abbreviation or its enzyme (`test`, also in the words right before a target: "cryptococcal meningitis"); the
    result must follow the first test so named in its clause (`result`, with no word of `blockers` between) and no
    `unless_after` may follow it there (an abnormal, open or relative's result: "ceruloplasmin low", "GALC pending",
    "negative in mother"). The target keeps a negation that cites the entry's id through this scope; the other items,
    whose tests were not named, keep their hedge. The patterns are context.yaml's."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.scope_id: str | None = raw.get("id")
        self.hedges = frozenset(str(r) for r in raw.get("hedges", ()))
        self.max_between = int(raw.get("max_between", 60))
        self.item_break = re.compile(r"[,;:()/\n\-\u2013\u2014?.]|\b(?:vs|versus|or|and|nor|with|from|of)\b|^\S*\s",
                                     re.IGNORECASE)
        self.rules: list[tuple[ConTextRule, re.Pattern[str], re.Pattern[str]]] = []
        try:
            self.result = re.compile(str(raw.get("result", "")), re.IGNORECASE) if raw.get("result") else None
            self.blockers = re.compile(str(raw.get("blockers", "")), re.IGNORECASE) if raw.get("blockers") else None
            self.unless_after = re.compile(str(raw["unless_after"]), re.IGNORECASE) \
                if raw.get("unless_after") else None
            self.clause_end = re.compile(str(raw.get("clause_end", r"[;\n]|\.(?=\s|$)")))
            for entry in raw.get("tests", ()):
                rule = ConTextRule(literal=f"<{entry['id']}>", category="NEGATED_EXISTENCE", direction="BACKWARD",
                                   metadata={"id": str(entry["id"]), "via": self.scope_id})
                self.rules.append((rule, re.compile(str(entry["item"]), re.IGNORECASE),
                                   re.compile(str(entry["test"]), re.IGNORECASE)))
        except re.error as exc:
            raise RuleFileError(f"{CONTEXT_FILE}: scope {self.scope_id!r}: a pattern does not compile: {exc}") \
                from exc

    @property
    def active(self) -> bool:
        return self.scope_id is not None and bool(self.hedges) and bool(self.rules) and self.result is not None \
            and self.blockers is not None

    def _hedged(self, target: Span) -> bool:
        for m in target._.modifiers:
            meta = m.rule.metadata or {}
            if m.category == "POSSIBLE_EXISTENCE" and (meta.get("id") in self.hedges or meta.get("via") in self.hedges):
                return True
        return False

    def _named(self, text: str, target: Span) -> str:
        """The target's text with the words that qualify it right before it ("cryptococcal" of "cryptococcal
        meningitis" when the two are two targets), up to a separator or another item ("vs", "or")."""
        before = text[max(0, target.start_char - 40):target.start_char]
        cut = list(self.item_break.finditer(before))
        return (before[cut[-1].end():] if cut else before) + target.text

    def _windows(self, doc: Doc, target: Span) -> list[tuple[int, int]]:
        sent = target[0].sent
        windows = [(target.end_char, sent.end_char)]
        if sent.end < len(doc):
            nxt = doc[sent.end].sent
            if not re.search(r"\n\s*\n", doc.text[target.end_char:nxt.start_char]):
                windows.append((nxt.start_char, nxt.end_char))
        return windows

    def _settles(self, text: str, test: re.Pattern[str], lo: int, hi: int,
                 renamed: list[tuple[int, int]]) -> tuple[int, int] | None:
        """The span of the first clean negative result of the item's test in [lo, hi); None when there is none or
        the first named test has an abnormal or open result."""
        assert self.result is not None and self.blockers is not None
        for m in test.finditer(text, lo, hi):
            if any(a <= m.start() < b for a, b in renamed):
                continue  # the item named again by its test's name ("Krabbe disease (GALC deficiency)")
            stop = self.clause_end.search(text, m.end(), hi)
            end = stop.start() if stop else hi
            found = self.result.search(text, m.end(), end)
            if found is None or found.start() - m.end() > self.max_between \
                    or self.blockers.search(text, m.end(), found.start()) \
                    or (self.unless_after is not None and self.unless_after.match(text, found.end(), end)):
                return None
            return m.start(), found.end()
        return None

    def apply(self, doc: Doc, targets: list[Span]) -> None:
        text = doc.text
        for target in targets:
            if not self._hedged(target):
                continue
            for rule, item, test in self.rules:
                if item.search(self._named(text, target)) is None:
                    continue
                renamed = [(t.start_char, t.end_char) for t in targets if t.label_ == target.label_
                           and self._hedged(t)]
                span = None
                for lo, hi in self._windows(doc, target):
                    span = self._settles(text, test, lo, hi, renamed)
                    if span is not None:
                        break
                cue = doc.char_span(*span, alignment_mode="expand") if span is not None else None
                if cue is None:
                    continue
                kept = tuple(m for m in target._.modifiers
                             if m.category not in {"POSSIBLE_EXISTENCE", "NEGATED_EXISTENCE"})
                target._.modifiers = (*kept, ConTextModifier(rule, cue.start, cue.end, doc, scope_start=target.start,
                                                             scope_end=cue.end))
                break


class _RelativeRestated:
    """The `relative_restated` scope: a relative's disease named again, in its sentence or the next, through a
    pronoun that stands for the relative is the relative's ("Dad had a glioblastoma; his tumor was treated at Duke",
    "Her cousin has MELAS. His MELAS was confirmed by sequencing"); a pronoun that cannot stand for the relative
    ("Her father has epilepsy and she has had two seizures herself") takes a disease of `groups` out of the
    relative's cue. The words, groups and patterns are context.yaml's."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.scope_id: str | None = raw.get("id")
        self.rules = frozenset(str(r) for r in raw.get("rules", ()))
        self.groups: dict[str, int] = {}  # concept -> its group (the same disease named again)
        for k, group in enumerate(raw.get("groups", ())):
            for concept in group:
                self.groups[str(concept)] = k
        self.pronouns: dict[str, frozenset[str]] = {}  # relative word -> the pronouns that stand for it
        for group in raw.get("pronouns", ()):
            words = frozenset(str(w).lower() for w in group.get("words", ()))
            for relative in group.get("relatives", ()):
                key = str(relative).lower()
                self.pronouns[key] = self.pronouns.get(key, frozenset()) | words
        self.persons = frozenset(str(w).lower() for w in raw.get("persons", ()))
        self.determiners = frozenset(str(w).lower() for w in raw.get("determiners", ()))
        self.releases = frozenset(str(w).lower() for w in raw.get("releases", ()))
        self.openers = frozenset(str(w).lower() for w in raw.get("openers", ()))
        self.qualifiers = frozenset(str(w).lower() for w in raw.get("qualifiers", ()))
        self.stops = frozenset(str(w).lower() for w in raw.get("stops", ()))
        self.stop_categories = frozenset(str(c) for c in raw.get("stop_categories", ()))
        self.max_gap = int(raw.get("max_gap", 8))
        self.max_tokens = int(raw.get("max_tokens", 60))
        self.subjects = _compiled(self.scope_id, raw.get("patterns", ()))
        if any("relative" not in p.groupindex for p in self.subjects):
            raise RuleFileError(f"{CONTEXT_FILE}: scope {self.scope_id!r}: a pattern has no group 'relative'")

    @property
    def active(self) -> bool:
        return self.scope_id is not None and bool(self.rules) and bool(self.groups) and bool(self.pronouns)

    def _patient_words(self, doc: Doc, relative: Token) -> frozenset[str] | None:
        """The pronouns that may stand for the patient, told by the possessive before the relative ("Her aunt": she,
        her; "my brother": none of the third person); None when nothing tells (a bare "Mother", "the patient's")."""
        i = relative.i - 1
        while i >= 0 and doc[i].lower_ in self.qualifiers:
            i -= 1
        if i < 0 or doc[i].lower_ not in self.determiners:
            return None
        word = doc[i].lower_
        sides = [words for words in self.pronouns.values() if word in words]
        return min(sides, key=len) if sides else frozenset()

    def _governor(self, doc: Doc, start: int, target: Span, blocked: set[int]) -> Token | None:
        """The pronoun nearest before the target, back to `start`, at most max_gap words away with no stop word,
        another person's cue or a clause's end between; None when there is none."""
        gap = 0
        for i in range(target.start - 1, start - 1, -1):
            token = doc[i]
            if token.lower_ in self.persons:
                return token
            if (i in blocked or token.lower_ in self.stops or token.text in {";", ".", ":", "?", "!", "(", ")"}
                    or "\n" in token.text):
                return None
            if not token.is_space and not token.is_punct:
                gap += 1
                if gap > self.max_gap:
                    return None
        return None

    def apply(self, doc: Doc, modifiers: list[ConTextModifier], targets: list[Span],
              extend: Callable[[Doc, ConTextModifier, list[Span], int, int, str | None], None]) -> None:
        index = SpansByStart([(t.start, t.end) for t in targets])
        text = doc.text
        patients = sorted(m.modifier_span[0] for m in modifiers if m.category in self.stop_categories)
        family = [m for m in modifiers if m.category == "FAMILY"]
        for modifier in family:
            if (modifier.rule.metadata or {}).get("id") not in self.rules:
                continue
            cue_start, cue_end = modifier.modifier_span
            relative = next((t for t in doc[cue_start:cue_end] if t.lower_ in self.pronouns), None)
            if relative is None:
                continue
            words = self.pronouns[relative.lower_]
            patient = self._patient_words(doc, relative)
            # the tokens of the other relatives' cues: a pronoun beyond one of them is that relative's
            blocked = {i for m in family if tuple(m.modifier_span) != (cue_start, cue_end)
                       for i in range(*m.modifier_span)}
            sent = doc[cue_start].sent
            here = _starting_in(targets, index, cue_end, min(sent.end, cue_end + self.max_tokens))
            own = [t for t in here if t.label_ in self.groups and any(
                m.category == "FAMILY" and tuple(m.modifier_span) == (cue_start, cue_end) for m in t._.modifiers)]
            if not own:
                continue
            for target in here:
                group = self.groups.get(target.label_)
                if group is None:
                    continue
                k = bisect_left(patients, cue_end)
                if k < len(patients) and patients[k] < target.start:
                    continue  # the patient named between
                governor = self._governor(doc, cue_end, target, blocked)
                if governor is None:
                    continue
                said = governor.lower_
                if target in own:
                    if said not in words and said in self.releases and self._heads_clause(doc, governor):
                        kept = tuple(m for m in target._.modifiers if not (
                            m.category == "FAMILY" and tuple(m.modifier_span) == (cue_start, cue_end)))
                        target._.modifiers = kept
                    continue
                if not any(t.end <= target.start and self.groups[t.label_] == group for t in own):
                    continue  # not the relative's disease named again
                if self._stands_for(doc, governor, words, patient):
                    extend(doc, modifier, [target], cue_end, target.end, self.scope_id)
            self._next_sentence(doc, modifier, relative, words, patient, own, targets, index, patients, blocked,
                                text, extend)

    def _heads_clause(self, doc: Doc, pronoun: Token) -> bool:
        """A possessive, or a subject that opens its clause (its sentence, or after a word of `openers`: "; he had
        the tumor resected", "and she has had two seizures"; not "after she was born")."""
        if pronoun.lower_ in self.determiners:
            return True
        i = pronoun.i - 1
        while i >= 0 and doc[i].is_space:
            i -= 1
        return i < 0 or pronoun.is_sent_start or doc[i].lower_ in self.openers

    def _stands_for(self, doc: Doc, pronoun: Token, words: frozenset[str], patient: frozenset[str] | None) -> bool:
        """A possessive for the relative always; a subject only when it opens its clause and cannot be the
        patient."""
        said = pronoun.lower_
        if said not in words or not self._heads_clause(doc, pronoun):
            return False
        return said in self.determiners or (patient is not None and said not in patient)

    def _next_sentence(self, doc: Doc, modifier: ConTextModifier, relative: Token, words: frozenset[str],
                       patient: frozenset[str] | None, own: list[Span], targets: list[Span], index: SpansByStart,
                       patients: list[int], blocked: set[int], text: str,
                       extend: Callable[[Doc, ConTextModifier, list[Span], int, int, str | None], None]) -> None:
        """The next sentence of the paragraph, when the relative opens its own and the next opens with a pronoun
        for the relative, names the relative's disease again through that pronoun."""
        sent = relative.sent
        head = text[sent.start_char:relative.idx + len(relative.text)]
        if not any((m := p.match(head)) is not None and sent.start_char + m.start("relative") == relative.idx
                   for p in self.subjects):
            return
        i = sent.end
        while i < len(doc) and doc[i].is_space:
            i += 1
        if i >= len(doc) or re.search(r"\n[ \t]*\n", text[_text_end(sent):doc[i].idx]):
            return  # the next paragraph
        nxt = doc[i].sent
        opening = next((t for t in nxt if not t.is_space and not t.is_punct), None)
        if opening is None or opening.lower_ not in words:
            return
        groups = {self.groups[t.label_] for t in own}
        k = bisect_left(patients, nxt.start)
        first_patient = patients[k] if k < len(patients) else len(doc)
        for target in _starting_in(targets, index, nxt.start, nxt.end):
            if target.start >= first_patient:
                break
            if self.groups.get(target.label_) not in groups:
                continue
            governor = self._governor(doc, nxt.start, target, blocked)
            if governor is not None and self._stands_for(doc, governor, words, patient):
                extend(doc, modifier, [target], nxt.start, target.end, self.scope_id)


class _ClaimCorrected:
    """The `claim_corrected` scope: a diagnosis first given as the patient's and then corrected to a relative's is
    the relative's ("She ticked 'brain tumor'; on clarification it was her grandmother's meningioma", "Form states
    lymphoma; per the claimant this was his father's diagnosis"). The words, groups and patterns are context.yaml's."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.scope_id: str | None = raw.get("id")
        self.rules = frozenset(str(r) for r in raw.get("rules", ()))
        self.types = frozenset(str(t) for t in raw.get("types", ()))
        self.groups: dict[str, int] = {}  # concept -> its group (the same disease named again)
        for k, group in enumerate(raw.get("groups", ())):
            for concept in group:
                self.groups[str(concept)] = k
        relatives = sorted({str(w).lower() for w in raw.get("words", ())}, key=len, reverse=True)
        words = "|".join(re.escape(w) for w in relatives)
        self.patterns = _compiled(self.scope_id, [str(p).replace("{relative}", words)
                                                  for p in raw.get("patterns", ())])
        if any("relative" not in p.groupindex for p in self.patterns):
            raise RuleFileError(f"{CONTEXT_FILE}: scope {self.scope_id!r}: a pattern has no group 'relative'")
        owner_tail = raw.get("tail")
        unless = raw.get("unless")
        self.owner_tail = _compiled(self.scope_id, [owner_tail])[0] if owner_tail else None
        self.unless = _compiled(self.scope_id, [unless])[0] if unless else None

    @property
    def active(self) -> bool:
        return self.scope_id is not None and bool(self.rules) and bool(self.types) and bool(self.patterns)

    def apply(self, doc: Doc, modifiers: list[ConTextModifier], targets: list[Span],
              extend: Callable[[Doc, ConTextModifier, list[Span], int, int, str | None], None]) -> None:
        cues = [m for m in modifiers if m.category == "FAMILY" and (m.rule.metadata or {}).get("id") in self.rules]
        if not cues:
            return
        text = doc.text
        index = SpansByStart([(t.start, t.end) for t in targets])
        for sent in doc.sents:
            said = text[sent.start_char:_text_end(sent)]
            for pattern in self.patterns:
                for match in pattern.finditer(said):
                    start = sent.start_char + match.start("relative")
                    end = sent.start_char + match.end("relative")
                    self._correct(doc, sent, start, end, cues, targets, index, extend)

    def _correct(self, doc: Doc, sent: Span, start: int, end: int, cues: list[ConTextModifier],
                 targets: list[Span], index: SpansByStart,
                 extend: Callable[[Doc, ConTextModifier, list[Span], int, int, str | None], None]) -> None:
        """The correction whose relative spans the characters [start, end) of `sent`."""
        text = doc.text
        cue = next((m for m in cues
                    if doc[m.modifier_span[0]].idx < end
                    and doc[m.modifier_span[1] - 1].idx + len(doc[m.modifier_span[1] - 1].text) > start), None)
        if cue is None:
            return
        clause_end = sent.end_char
        stop = re.search(r"[;.!?]", text[end:sent.end_char])
        if stop is not None:
            clause_end = end + stop.start()
        if self.unless is not None and self.unless.search(text[end:clause_end]):
            return  # a relative's disease told besides the patient's
        span = tuple(cue.modifier_span)
        named = {self.groups[t.label_] for t in _starting_in(targets, index, span[1], sent.end)
                 if t.label_ in self.groups and doc[t.start].idx < clause_end
                 and any(m.category == "FAMILY" and tuple(m.modifier_span) == span for m in t._.modifiers)}
        before = [t for t in targets if t.label_ in self.types and t.label_ in self.groups
                  and doc[t.start].sent == sent and t.end <= span[0] and doc[t.start].idx < start]
        if not before:
            previous = doc[sent.start - 1].sent if sent.start > 0 else None
            if previous is None or _next_in_paragraph(doc, previous) != sent:
                return
            before = [t for t in targets if t.label_ in self.types and t.label_ in self.groups
                      and doc[t.start].sent == previous]
        before = [t for t in before if not any(m.category in {"FAMILY", "NEGATED_EXISTENCE"}
                                               for m in t._.modifiers)]
        if not before:
            return
        if not named:
            if self.owner_tail is None or not self.owner_tail.match(text[end:clause_end]):
                return
            named = {self.groups[before[-1].label_]}
        claims = [t for t in before if self.groups[t.label_] in named]
        if claims:
            extend(doc, cue, claims, claims[0].start, span[1], self.scope_id)


class _ParentWriter:
    """The `parent_writer` scope: in a letter that says which of the writer's children is the patient ("I am writing
    about my son Leo", "our daughter (the patient)", "my son, Leo," with Leo the patient's name, signed "mother of
    Noah" for "my child"), a FAMILY cue of `rules` on that child word after "my"/"our" ("my son has had seizures")
    is no relative's: the targets it made FAMILY lose it. The patterns are context.yaml's."""

    _NAME_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")

    def __init__(self, raw: dict[str, Any]) -> None:
        self.scope_id: str | None = raw.get("id")
        self.rules = frozenset(str(r) for r in raw.get("rules", ()))
        self.children = frozenset(str(w).lower() for w in raw.get("children", ()))
        self.generic = frozenset(str(w).lower() for w in raw.get("generic", ()))
        try:
            self._about = self._pattern(raw, "writes_about")
            self._aside = self._pattern(raw, "patient_aside")
            self._named = self._pattern(raw, "named_child")
            self._signed = self._pattern(raw, "signed")
            self._field = self._pattern(raw, "patient_field")
            owner = raw.get("owner")
            self._owner = re.compile(str(owner), re.IGNORECASE) if owner else None
        except re.error as exc:
            raise RuleFileError(f"{CONTEXT_FILE}: scope {self.scope_id!r}: a pattern does not compile: {exc}") \
                from exc

    @staticmethod
    def _pattern(raw: dict[str, Any], key: str) -> "re.Pattern[str] | None":
        return re.compile(str(raw[key])) if raw.get(key) else None

    @property
    def active(self) -> bool:
        return self.scope_id is not None and bool(self.rules) and bool(self.children) and self._owner is not None

    def _patient_names(self, text: str) -> set[str]:
        if self._field is None:
            return set()
        return {w.lower() for m in self._field.finditer(text) for w in self._NAME_WORD.findall(m.group("names"))}

    def _established(self, text: str) -> set[str]:
        """The child words the letter says are the patient."""
        names = self._patient_names(text)
        found: set[str] = set()
        for m in self._about.finditer(text) if self._about is not None else ():
            name = m.group("name")
            if name is None or not names or name.lower() in names:
                found.add(m.group("child").lower())
        for m in self._aside.finditer(text) if self._aside is not None else ():
            found.add(m.group("child").lower())
        if names:
            for m in self._named.finditer(text) if self._named is not None else ():
                if m.group("name").lower() in names:
                    found.add(m.group("child").lower())
            for m in self._signed.finditer(text) if self._signed is not None else ():
                if (m.group("name") or m.group("name2") or "").lower() in names:
                    found |= self.generic
        return found & self.children

    def apply(self, doc: Doc, modifiers: list[ConTextModifier], targets: list[Span]) -> None:
        assert self._owner is not None
        text = doc.text
        cues = [m for m in modifiers if m.category == "FAMILY" and (m.rule.metadata or {}).get("id") in self.rules
                and any(t.lower_ in self.children for t in doc[m.modifier_span[0]:m.modifier_span[1]])]
        if not cues:
            return
        established = self._established(text)
        if not established:
            return
        dropped: set[tuple[int, int]] = set()
        for modifier in cues:
            start, end = modifier.modifier_span
            word = next(t for t in doc[start:end] if t.lower_ in self.children)
            if word.lower_ not in established:
                continue
            if self._owner.search(text[_line_start(text, word.idx):word.idx]) is None:
                continue
            dropped.add((start, end))
        if not dropped:
            return
        for target in targets:
            kept = tuple(m for m in target._.modifiers
                         if not (m.category == "FAMILY" and tuple(m.modifier_span) in dropped))
            if len(kept) != len(target._.modifiers):
                target._.modifiers = kept


class _LayAnswer:
    """The `lay_answer` scope: a lay person's question or worry (a HYPOTHETICAL cue of `rules`) that the clinician
    answers after it. A target of `types` that only the lay voice makes hypothetical is negated by an answer that
    denies it without naming anything else ("Son asked whether it could be MS - discussed, not consistent"), or by a
    negation cue of its own standing in the answer, and suspected when the clinician takes the question up ("Mother
    worried about a tumour; I agree a mass must be excluded"); the later of the two wins, and the question's own
    hedges and hypotheticals give way. The answer is the rest of the target's sentence past the question (past the
    closing quotation mark when the target is inside one) and the next sentence of its paragraph when that one opens
    with an answer (`lead`). The patterns are context.yaml's."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.scope_id: str | None = raw.get("id")
        self.taken_up_id: str | None = raw.get("taken_up_id")
        self.rules = frozenset(str(r) for r in raw.get("rules", ()))
        self.types = frozenset(str(t) for t in raw.get("types", ()))
        # the categories of the question's cues (the lay voice's: HYPOTHETICAL); a question another asks (scope
        # asked_answer) is a hedge of `rules` after an asking verb and its "whether"/"if" (`asker`, matched to the
        # end of the text from the sentence's start to the target)
        self.categories = frozenset(str(c) for c in raw.get("categories", ("HYPOTHETICAL",)))
        # an answer that names the finding again, negated ("... whether this could be a metastasis. A metastasis is
        # not a consideration"): a target of the same concept (or a `generic` one for a question of `family`) in the
        # answer, with only the words of `named_before` between the answer's start and it
        self.family = frozenset(str(t) for t in raw.get("family", ()))
        self.generic = frozenset(str(t) for t in raw.get("generic", ()))
        self._denial: re.Pattern[str] | None = None
        self._taken: re.Pattern[str] | None = None
        opening, lead, end = raw.get("opening"), raw.get("lead"), raw.get("clause_end")
        denials, taken = [str(d) for d in raw.get("denials", ())], [str(t) for t in raw.get("taken_up", ())]
        try:
            self._lead = re.compile(str(lead), re.IGNORECASE) if lead else None
            # an answer that opens between the question and a target: the target is the answer's, not the question's
            self._answer_opens = re.compile(f"{opening}{lead}", re.IGNORECASE) if opening and lead else None
            if opening and lead and end and denials:
                self._denial = re.compile(f"{opening}(?:{lead})?(?P<answer>{'|'.join(f'(?:{d})' for d in denials)})"
                                          f"(?={end})", re.IGNORECASE)
            if opening and lead and taken:
                self._taken = re.compile(f"{opening}(?:{lead})?(?P<answer>{'|'.join(f'(?:{t})' for t in taken)})",
                                         re.IGNORECASE)
            self._unless = [re.compile(str(p), re.IGNORECASE) for p in raw.get("unless", ())]
            asker, named = raw.get("asker"), raw.get("named_before")
            self._asker = re.compile(str(asker), re.IGNORECASE) if asker else None
            self._named_before = re.compile(str(named), re.IGNORECASE) if named else None
            left_open = raw.get("denial_unless")
            self._left_open = re.compile(str(left_open), re.IGNORECASE) if left_open else None
        except re.error as exc:
            raise RuleFileError(f"{CONTEXT_FILE}: scope {self.scope_id!r}: a pattern does not compile: {exc}") \
                from exc
        self._negated = ConTextRule(literal=f"<{self.scope_id}>", category="NEGATED_EXISTENCE",
                                    direction="BACKWARD", metadata={"id": self.scope_id})
        self._suspected = ConTextRule(literal=f"<{self.taken_up_id}>", category="POSSIBLE_EXISTENCE",
                                      direction="BACKWARD", metadata={"id": self.taken_up_id})

    @property
    def active(self) -> bool:
        return self.scope_id is not None and self.taken_up_id is not None and bool(self.rules) \
            and bool(self.types) and self._denial is not None and self._taken is not None

    def apply(self, doc: Doc, targets: list[Span]) -> None:
        for target in targets:
            if target.label_ not in self.types or any(m.category == "FAMILY" for m in target._.modifiers):
                continue
            lay = [m for m in target._.modifiers
                   if m.category in self.categories and (m.rule.metadata or {}).get("id") in self.rules
                   and self._asks(doc, target, m)]
            if not lay:
                continue
            cue_at = min(m.modifier_span[0] for m in lay)
            opens = None if self._answer_opens is None else \
                self._answer_opens.search(doc.text[doc[cue_at].idx:target.start_char])
            if opens is not None:
                # "Aisha asked about a tumour - explained the MRI shows no tumour": the second tumour is the answer's,
                # and the question's hedges before the answer ("whether") do not reach it
                open_at = doc[cue_at].idx + opens.start()
                target._.modifiers = tuple(
                    m for m in target._.modifiers if m not in lay and not (
                        m.category in {"HYPOTHETICAL", "POSSIBLE_EXISTENCE"} and doc[m.modifier_span[0]].idx < open_at))
                continue
            start, parts = self._answer(doc, target, cue_at)
            if not parts:
                continue
            found = self._last_answer(doc, target, parts, targets)
            if found is None:
                continue
            (at, cue_end), rule, own = found
            cue = doc.char_span(at, cue_end, alignment_mode="expand")
            if cue is None:
                continue
            dropped = {"HYPOTHETICAL", "POSSIBLE_EXISTENCE"} if rule is self._negated else {"HYPOTHETICAL"}
            # the question's own hedges go, also its "?" after the target ("Pt asked: could this be a tumour?")
            until = at if rule is self._negated else start
            kept = tuple(m for m in target._.modifiers
                         if not (m.category in dropped and doc[m.modifier_span[0]].idx < until))
            if own:
                target._.modifiers = kept
            else:
                target._.modifiers = (*kept, ConTextModifier(rule, cue.start, cue.end, doc,
                                                             scope_start=min(target.start, cue.start),
                                                             scope_end=max(target.end, cue.end)))

    def _asks(self, doc: Doc, target: Span, modifier: ConTextModifier) -> bool:
        """The cue is a question's: any cue of `rules` for the lay voice; for a question another asks, a cue after
        the asking verb (`asker`) that stands before the target in its sentence ("Oncology asked whether the lesion
        could be a metastasis": "whether", "could be")."""
        if self._asker is None:
            return True
        start = target.sent.start_char
        asked = self._asker.search(doc.text[start:target.start_char])
        return asked is not None and start + asked.start() <= doc[modifier.modifier_span[0]].idx < target.start_char

    def _answer(self, doc: Doc, target: Span, cue_start: int) -> tuple[int, list[tuple[int, int, bool]]]:
        """Where the question ends, and the character spans of the answer after it, each with whether an answer may
        stand anywhere in it: from the target's end (or the closing quotation mark after it, when the target is inside a quotation)
        to its sentence's end; then the next sentence of the paragraph, anywhere in it when it opens with an answer
        (`lead`: "Explained ..."), else only at its start ("Not consistent.")."""
        text = doc.text
        start = target.end_char
        before = text[doc[cue_start].idx:target.start_char]
        if before.count('"') % 2 == 1 or before.rfind("\u201c") > before.rfind("\u201d"):
            line_end = text.find("\n", target.end_char)
            line_end = len(text) if line_end < 0 else line_end
            close = min((i for i in (text.find('"', target.end_char, line_end),
                                     text.find("\u201d", target.end_char, line_end)) if i >= 0), default=-1)
            if close < 0:
                return start, []
            start = close + 1
        token = doc.char_span(start - 1, start, alignment_mode="expand")
        if start >= len(text) or token is None:
            return start, []
        sent = doc[token.end - 1].sent
        parts = [(start, sent.end_char, True)] if sent.end_char > start else []
        if sent.end < len(doc):
            nxt = doc[sent.end].sent
            gap = text[sent.end_char:nxt.start_char]
            if "\n\n" not in gap and "\f" not in gap:
                whole = self._lead is not None and self._lead.match(nxt.text) is not None
                parts.append((nxt.start_char, nxt.end_char, whole))
        return start, parts

    def _last_answer(self, doc: Doc, target: Span, parts: list[tuple[int, int, bool]], targets: list[Span]
                     ) -> "tuple[tuple[int, int], ConTextRule, bool] | None":
        """The last answer in the answer's spans: a denial (or a negation cue on the target standing there: `own`),
        the finding named again and negated right at the answer's start (`named_before`), or the question taken
        up, with its character span and the rule it is read by."""
        assert self._denial is not None and self._taken is not None
        text = doc.text
        found: list[tuple[tuple[int, int], ConTextRule, bool]] = []
        for start, end, whole in parts:
            part = text[start:end]
            denials = self._denial.finditer(part) if whole else filter(None, [self._denial.match(part)])
            for m in denials:
                if self._left_open is None or self._left_open.match(part, m.end()) is None:
                    found.append(((start + m.start("answer"), start + m.end("answer")), self._negated, False))
            taken = self._taken.finditer(part) if whole else filter(None, [self._taken.match(part)])
            for m in taken:
                stop = re.compile(r"[.;?!]|$").search(part, m.end())
                rest = part[m.end():stop.start() if stop is not None else len(part)]
                if not any(p.search(rest) for p in self._unless):
                    found.append(((start + m.start("answer"), start + m.end("answer")), self._suspected, False))
            for m in target._.modifiers:
                at = doc[m.modifier_span[0]].idx
                if m.category == "NEGATED_EXISTENCE" and start <= at < end and whole:
                    last = doc[m.modifier_span[1] - 1]
                    found.append(((at, last.idx + len(last.text)), self._negated, True))
            if self._named_before is not None:
                found.extend(self._named_again(doc, target, start, end, targets))
        return max(found, key=lambda f: f[0][0], default=None)

    def _named_again(self, doc: Doc, target: Span, start: int, end: int, targets: list[Span]
                     ) -> "list[tuple[tuple[int, int], ConTextRule, bool]]":
        """The question's finding named again at the start of an answer span and negated there by a cue of its own
        ("A metastasis is not a consideration", "- this is not lymphoma")."""
        assert self._named_before is not None
        found: list[tuple[tuple[int, int], ConTextRule, bool]] = []
        for other in targets:
            if other is target or not start <= other.start_char < end:
                continue
            same = other.label_ == target.label_ or (other.label_ in self.generic and target.label_ in self.family)
            if not same or self._named_before.search(doc.text[start:other.start_char]) is None:
                continue
            for m in other._.modifiers:
                at = doc[m.modifier_span[0]].idx
                if m.category == "NEGATED_EXISTENCE" and start <= at < end:
                    last = doc[m.modifier_span[1] - 1]
                    found.append(((at, last.idx + len(last.text)), self._negated, False))
        return found


class _AskedRead:
    """The `asked_read` scope: a question another asks about a lesion's nature ("Haematology asked if this might
    represent lymphoma"), settled by a definite read in a following sentence of its paragraph ("The re-read is
    diagnostic of a cavernoma"). A read of another diagnosis negates the asked one; a read of the asked one (or of a
    kind of an asked generic tumour) confirms it; the question's hedges go either way, and the asked concept named
    again in the window and only dismissed ("a metastasis is not favoured") is negated too. Nothing is settled when
    the window keeps the doubt, the read is hedged, denied, of another lesion or names no diagnosis. The patterns and
    word lists are context.yaml's."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.scope_id: str | None = raw.get("id")
        self.decided = frozenset(str(r) for r in raw.get("decided", ()))
        self.answered = frozenset(str(r) for r in raw.get("answered", ()))
        self.rules = frozenset(str(r) for r in raw.get("rules", ()))
        self.categories = frozenset(str(c) for c in raw.get("categories", ("POSSIBLE_EXISTENCE", "HYPOTHETICAL")))
        self.types = frozenset(str(t) for t in raw.get("types", ()))
        self.family = frozenset(str(t) for t in raw.get("family", ()))
        self.generic = frozenset(str(t) for t in raw.get("generic", ()))
        self.vague_rules = frozenset(str(r) for r in raw.get("vague_rules", ()))
        self.read_types = frozenset(str(t) for t in raw.get("read_types", ()))
        self.open_types = frozenset(str(t) for t in raw.get("open_types", ()))
        self.subject_types = frozenset(str(t) for t in raw.get("subject_types", ()))
        self.max_sentences = int(raw.get("max_sentences", 2))
        self.subject_words = frozenset(str(w).lower() for w in raw.get("subject_words", ()))
        try:
            def compiled(key: str) -> re.Pattern[str] | None:
                value = raw.get(key)
                return re.compile(str(value), re.IGNORECASE) if value else None

            self._asker = compiled("asker")
            self._reads = compiled("reads")
            self._heading = re.compile(str(raw["heading"])) if raw.get("heading") else None  # case matters
            self._phrases = compiled("subject_phrases")
            self._hedged = compiled("hedged")
            self._gap = compiled("gap")
            self._dismissals = compiled("dismissals")
            self._bare_answer = compiled("bare_answer")
            self._keeps = [re.compile(str(k), re.IGNORECASE) for k in raw.get("keeps", ())]
        except re.error as exc:
            raise RuleFileError(f"{CONTEXT_FILE}: scope {self.scope_id!r}: a pattern does not compile: {exc}") \
                from exc
        self._negated = ConTextRule(literal=f"<{self.scope_id}>", category="NEGATED_EXISTENCE",
                                    direction="BACKWARD", metadata={"id": self.scope_id})

    @property
    def active(self) -> bool:
        return self.scope_id is not None and bool(self.rules) and bool(self.types) and bool(self.read_types) \
            and self._asker is not None and self._reads is not None and self._gap is not None

    def apply(self, doc: Doc, targets: list[Span]) -> None:
        for target in targets:
            if target.label_ not in self.types:
                continue
            mods = target._.modifiers
            # a question asked_answer denied ("It is not", "No -"): the read after it settles the lesion asked about
            answered = any(m.category == "NEGATED_EXISTENCE" and (m.rule.metadata or {}).get("id") in self.answered
                           for m in mods)
            if any(m.category == "FAMILY" for m in mods) or not answered and any(
                    m.category == "NEGATED_EXISTENCE" or (m.rule.metadata or {}).get("id") in self.decided
                    for m in mods):
                continue
            sent = target.sent
            asked = [m for m in mods if m.category in self.categories
                     and (m.rule.metadata or {}).get("id") in self.rules and self._asks(doc, target, m)]
            if not asked and not answered:
                continue
            window = self._window(doc, sent)
            if not window:
                continue
            found = self._read(doc, sent, window, targets)
            if found is None:
                continue
            cue, entity = found
            vague = _rule_id(entity) in self.vague_rules
            asked_vague = _rule_id(target) in self.vague_rules
            confirmed = entity.label_ == target.label_ and (not vague or asked_vague) \
                or (asked_vague and entity.label_ in self.family)
            if confirmed and entity.label_ == target.label_ and target.label_ in self.generic and not vague \
                    and not asked_vague and entity[-1].lower_ != target[-1].lower_:
                confirmed = False  # "a meningioma?" answered "typical of a schwannoma": another tumour of the kind
            if vague and not confirmed:
                continue  # "typical of a tumour" answers no question about lymphoma
            if answered and confirmed:
                continue  # "It is not: ... typical of a metastasis" contradicts itself: left as read
            text = doc.text
            span_text = text[window[0].start_char:window[-1].end_char]
            if any(k.search(wrap_fit(k, span_text)) for k in self._keeps):
                continue
            inside = [t for t in targets if window[0].start_char <= t.start_char < window[-1].end_char]
            if any(t.label_ in self.open_types for t in inside):
                continue
            dismissed: list[Span] = []
            kept_open = False
            for other in inside:
                if other is entity or not self._same(target, other):
                    continue
                if any(m.category == "NEGATED_EXISTENCE" for m in other._.modifiers):
                    continue
                hedges = [m for m in other._.modifiers if m.category in {"POSSIBLE_EXISTENCE", "HYPOTHETICAL"}]
                if hedges and self._dismissals is not None and all(
                        self._dismissals.match(doc[m.modifier_span[0]:m.modifier_span[1]].text) for m in hedges):
                    dismissed.append(other)
                elif not (confirmed and not hedges):
                    kept_open = True
            if kept_open:
                continue
            q_start, q_end = sent.start_char, sent.end_char
            cues = {tuple(m.modifier_span) for m in asked}
            for other in targets:
                if other is not target and other.start < target.end and target.start < other.end \
                        and other.label_ not in self.types:
                    self._release(doc, other, q_start, q_end)  # "high-grade" of "high-grade glioma"
                    if not confirmed:
                        self._negate(doc, other, cue)
                elif other.label_ in self.subject_types and q_start <= other.start_char < target.start_char:
                    # the lesion asked about ("whether the lesion could be a glioma") is there; its nature is read
                    other._.modifiers = tuple(m for m in other._.modifiers if not (
                        tuple(m.modifier_span) in cues or ((m.rule.metadata or {}).get("id") in self.rules
                                                           and q_start <= doc[m.modifier_span[0]].idx < target.start_char)))
            self._release(doc, target, q_start, q_end)
            if not confirmed and not answered:
                self._negate(doc, target, cue)
            for other in dismissed:
                other._.modifiers = tuple(m for m in other._.modifiers
                                          if m.category not in {"POSSIBLE_EXISTENCE", "HYPOTHETICAL"})
                self._negate(doc, other, cue)

    @staticmethod
    def _release(doc: Doc, target: Span, start: int, end: int) -> None:
        """The question's hedges (its cues in [start, end)) no longer reach the target."""
        target._.modifiers = tuple(m for m in target._.modifiers if not (
            m.category in {"POSSIBLE_EXISTENCE", "HYPOTHETICAL"} and start <= doc[m.modifier_span[0]].idx < end))

    def _negate(self, doc: Doc, target: Span, cue: Span) -> None:
        target._.modifiers = (*target._.modifiers, ConTextModifier(
            self._negated, cue.start, cue.end, doc, scope_start=min(target.start, cue.start),
            scope_end=max(target.end, cue.end)))

    def _same(self, target: Span, other: Span) -> bool:
        """The asked concept named again: the same concept, or a kind of the asked bare tumour."""
        return other.label_ == target.label_ or (_rule_id(target) in self.vague_rules and other.label_ in self.family)

    def _asks(self, doc: Doc, target: Span, modifier: ConTextModifier) -> bool:
        """The cue stands after the asking words (`asker`) before the target in its sentence."""
        assert self._asker is not None
        start = target.sent.start_char
        asked = self._asker.search(doc.text[start:target.start_char])
        return asked is not None and start + asked.start() <= doc[modifier.modifier_span[0]].idx < target.start_char

    def _window(self, doc: Doc, sent: Span) -> list[Span]:
        """The next max_sentences sentences of the question's paragraph (no blank line, page break or heading
        between)."""
        text = doc.text
        window: list[Span] = []
        end, last = sent.end, sent.start_char + len(sent.text.rstrip())
        while len(window) < self.max_sentences and end < len(doc):
            nxt = doc[end].sent
            # from the previous sentence's last word (a sentence keeps the blank line after it) to this one's start
            gap, body = text[last:nxt.start_char], nxt.text.strip()
            if "\n\n" in gap or "\f" in gap or "\n\n" in body or "\f" in body:
                break  # another paragraph or page (also a sentence that runs over the break)
            if self._heading is not None and self._heading.search(gap + nxt.text[:60]) is not None:
                break  # "Comparison: ...": another section
            window.append(nxt)
            end, last = nxt.end, nxt.start_char + len(nxt.text.rstrip())
        return window

    def _read(self, doc: Doc, question: Span, window: list[Span], targets: list[Span]
              ) -> "tuple[Span, Span] | None":
        """The first definite read in the window: its cue and the diagnosis it names."""
        assert self._reads is not None and self._gap is not None
        text = doc.text
        asked_words = {w.lower() for w in re.findall(r"[\w'-]+", question.text)}
        for sent in window:
            answer = self._bare_answer.match(sent.text) if self._bare_answer is not None else None
            for m in self._reads.finditer(sent.text):
                at, cue_end = sent.start_char + m.start(), sent.start_char + m.end()
                clause = max(text.rfind(c, sent.start_char, at) for c in ";:")
                start = max(clause + 1, sent.start_char)
                # the reasons right after a bare answer ("It is not: the dural tail ... are characteristic of")
                reasons = answer is not None and start <= sent.start_char + answer.end() <= at
                subject = text[sent.start_char + answer.end():at] if reasons and answer is not None \
                    else text[start:at]
                if self._hedged is not None and self._hedged.search(subject):
                    continue
                bare = self._phrases.sub(" ", subject) if self._phrases is not None else subject
                if not reasons and any(w.lower() not in self.subject_words and w.lower() not in asked_words
                                       for w in re.findall(r"[\w-]+", bare)):
                    continue  # "The small falcine lesion is characteristic of ...": another lesion
                entity = next((t for t in targets if t.start_char >= cue_end and t.label_ in self.read_types
                               and t.start_char < sent.end_char), None)
                if entity is None or self._gap.match(text[cue_end:entity.start_char]) is None:
                    continue
                if any(x.category in {"NEGATED_EXISTENCE", "POSSIBLE_EXISTENCE", "HYPOTHETICAL", "FAMILY"}
                       for x in entity._.modifiers):
                    continue
                cue = doc.char_span(at, cue_end, alignment_mode="expand")
                if cue is not None:
                    return cue, entity
        return None


def _next_in_paragraph(doc: Doc, sent: Span) -> Span | None:
    """The sentence after `sent` when it goes on in the same paragraph (no blank line or page break between)."""
    if sent.end >= len(doc):
        return None
    nxt = doc[sent.end].sent
    gap = doc.text[sent.end_char:nxt.start_char]
    return None if "\n\n" in gap or "\f" in gap else nxt


class RuleExtensions:
    """What some ConText rules assert beyond medspaCy's model, read from their metadata in context.yaml.

    - `back_scope`/`back_types`: a forward cue also reaches a few tokens back, to targets of those concepts only
      ("MR spectroscopy if the next MRI is equivocal": the order before "if" is conditional). Not across ; : .
      A cue with `needs_after` reaches back (or to its clause end) only where its pattern holds.
    - `also`: more categories the cue asserts ("no history of" is negated and historical).
    - the `change_objects` scope: a negated change ("no significant enhancement of", "no growth of") negates
      the change, not the lesion named as its object ("... of the right temporal mass").
    - the `current_course` scope: "history of" an ongoing or recurring condition ("last episode 2 weeks ago",
      "ongoing seizures") is current: the historical assertion of a "history of" cue, header or list is dropped.
    - the `final_verdict` scope: a hedge gives way to a verdict after it in its clause ("previously suspected
      lymphoma, now excluded", "lymphoma was considered and is not supported", "glioma was entertained but excluded
      by biopsy") or to a verdict that refers back ("the differential included lymphoma; this has since been
      excluded"); a withdrawal after a hedge wins over it, and so does a row's own resolution after its hedged item
      ("R/O glioma - RESOLVED: MRI diagnostic of toxoplasmosis", "? lymphoma - ruled out by biopsy"), unless it
      affirms the item or tells a course under treatment ("- resolved with steroids").
    - the `question_answered` scope: a question raised about a finding and answered later in its sentence, however
      far ('the "structural lesion / tumor" question raised at the June visit is answered by this MRI: no tumor'),
      negates the finding the question names; so does an active verb before the question ("MRI 10/02 answers the
      tumour question: no recurrence", "closes the question of metastasis"), unless the answer names the finding
      again or keeps it open.
    - the `claim_before` scope: a backward exclusion does not reach a claim before it in its clause ("MRI diagnostic
      of toxoplasmosis, glioma excluded": only the glioma is excluded).
    - the `dash_subject` and `subject_question` scopes (`_SubjectSeparator`): a verdict after a dash, or a question
      after a colon or a dash, that names a diagnosis of its own is about that diagnosis ("gliosis - tumour
      excluded", "Resected GBM: recurrence cannot be excluded": the GBM keeps its reading).
    - the `pending_subject` scope: "pending" is its nearest study's or test's ("R/O glioma - MRI pending": the glioma
      stays a suspicion).
    - the `alternative_clause` scope: the alternative not taken ("rather than", "instead of") is negated up to its
      own end only ("rather than waiting for sequencing, and gives a baseline ...": the later clause is not).
    - the `conditional_clause` scope: a condition reaches the end of its clause ("Should the spectrum show ...
      typical of glioma, ...").
    - the `conditional_aside` scope: a condition reaches a parenthesis after it that tells its consequence ("If the
      wean fails, a shunt would be placed (a programmable valve would then need an MRI check)").
    - the `lay_answer` scope (`_LayAnswer`): a lay person's question or worry that the clinician answers after it
      is negated by an answer that denies it without naming anything else ("Son asked whether it could be MS -
      discussed, not consistent") and suspected when the clinician takes it up ("I agree a mass must be excluded").
    - the `answer_line` scope: a questionnaire's question reaches its answer, the rest of its line past its "?"
      or the next line ("What worries you most? 'That the tumor came back'").
    - the `relative_line` scope: a relative named as its line's label ("Brother (Tomas, 10 y): NF1; optic pathway
      glioma ...", "Mat. aunt: GBM at 52") owns the whole line, up to the patient named again.
    - the `relative_subject` scope: a lay letter's relative ("My sister has multiple sclerosis.") goes on as the
      subject of the next sentences that open with a pronoun standing for that relative ("She was diagnosed at 25
      and her MS is stable"), up to the writer or the patient named again.
    - the `relative_restated` scope (`_RelativeRestated`): a relative's disease named again in its sentence or the
      next through a pronoun for the relative ("Dad had a glioblastoma; his tumor was treated at Duke") is the
      relative's; a pronoun that cannot be the relative ("Her father has epilepsy and she has had two seizures
      herself") takes the disease out of the relative's cue.
    - the `claim_corrected` scope (`_ClaimCorrected`): a diagnosis first given as the patient's and then corrected
      to a relative's ("She ticked 'brain tumor'; on clarification it was her grandmother's meningioma") is the
      relative's.
    - the `own_tumor` scope: the patient's own tumor ("recurrence versus necrosis of her treated GBM") is not
      hedged or made hypothetical by the cues around it.
    - the `inner_cue` scope: a cue inside a target's own words ("atypical" in "atypical features") does not end
      the scope of the negation before the target ("no mass effect, no atypical features").
    - the `denied_question` scope: a differential said not to be in question ("no question of glioma vs
      lymphoma", "abscess or metastasis is not in question") loses the hedge of its own "vs" or "question of".
    - the `test_result` scope: a test result stated right after its organism ("(JCV neg) vs referral") is not
      hedged by the cues around it.
    - the `test_purpose_aside` scope (`_TestPurposeAside`): a test whose purpose sits in parentheses with other
      remarks, and a negative result after or before them, rules the purpose's disease out ("ABCD1 analysis (to
      exclude X-ALD, Invitae, 06/2025) - negative").
    - the `pending_test_list` scope (`_PendingTestList`): a disease named by a test not yet resulted, in its list or
      purpose or as its name ("Newborn screen (initial): pending, including PKU", "Epilepsy gene panel ordered", an
      item under "Pending at discharge:"), is hypothetical: the test looks for it.
    - the `known_aside` scope (`_KnownAside`): a diagnosis given in parentheses as the patient's own ("Urine organic
      acids (known MMA): normal today") keeps its status: the cues outside the parentheses do not reach it.
    - the `reference_back` scope: a hedge whose subject refers back and opens its sentence ("Toxoplasmosis or
      lymphoma. Both remain possible.", "Neither can be excluded.") reaches the two or three diagnoses of the
      sentence or line before it.
    - the `patient_tested` scope: a relative's disorder followed in its sentence by the patient's own negative test
      ("sibling with X-ALD; patient's VLCFA and ABCD1 testing negative") is also the patient's, negated
      (a PATIENT_NEGATED modifier; the relative's reading stays).
    - the `resolved_course` scope: a historical tumor whose stretch says it is over ("resected in childhood, no
      recurrence", "remote history of", "personal history of", "discharged from follow-up", also in the next
      sentence of its paragraph: "We discharged him from clinic") or dates it far before the packet ("excised in
      2009", "removed at age 8") is also negated, unless it is followed or treated now, a new lesion follows it in
      its sentence, or the document raises a recurrence, a treatment effect or a lesion at the old tumor's site
      (not the progression of a non-tumor finding); then the same history told again ("Problem list: hx brain
      tumor", a form option "[X] Tumor evaluation", a copied "Diagnosis: pilocytic astrocytoma, resected 2006") is
      negated too when no other tumor is current.
    """

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self._rules: dict[tuple[int, str, str], ConTextRule] = {}
        config = scope_rules(read_resource(CONTEXT_FILE))
        change = config.get("change_objects", {})
        self._change_id: str | None = change.get("id")
        self._heads = frozenset(str(h).lower() for h in change.get("heads", ()))
        self._links = frozenset(str(k).lower() for k in change.get("links", ()))
        self._object_types = frozenset(change.get("types", ()))
        self._max_gap = int(change.get("max_gap", 4))
        relative = config.get("relative_clause", {})
        self._relative_id: str | None = relative.get("id")
        self._relative_categories = frozenset(str(c).upper() for c in relative.get("categories", ()))
        self._relative_opening = re.compile(str(relative["opening"]), re.IGNORECASE) \
            if relative.get("opening") else None
        qualifier = config.get("patient_qualifier", {})
        self._qualifier_id: str | None = qualifier.get("id")
        self._qualifier_categories = frozenset(str(c).upper() for c in qualifier.get("categories", ()))
        self._qualifier_types = frozenset(str(t) for t in qualifier.get("types", ()))
        self._qualifier_reach = int(qualifier.get("max_tokens", 30))
        self._qualifier_opening = re.compile(str(qualifier["opening"]), re.IGNORECASE) \
            if qualifier.get("opening") else None
        back = config.get("reach_back", {})
        self._back_id: str | None = back.get("id")
        self._back_stops = frozenset(str(k).lower() for k in back.get("stops", ()))
        self._coded_rules = frozenset(str(r) for r in back.get("coded_rules", ()))
        self._coded_marks = _compiled(self._back_id, back.get("coded_marks", ()))
        self._coded_types = frozenset(str(t) for t in back.get("coded_types", ()))
        self._coded_closers = frozenset(str(k) for k in back.get("coded_closers", ()))
        self._coded_stops = frozenset(str(k).lower() for k in back.get("coded_stops", back.get("stops", ())))
        current = config.get("current_course", {})
        self._current_id: str | None = current.get("id")
        self._releases = frozenset(str(r) for r in current.get("releases", ()))
        self._pass_types = frozenset(str(t) for t in current.get("pass_types", ()))
        self._current_stops = frozenset(str(k).lower() for k in current.get("stops", ()))
        self._denials = frozenset(str(k).lower() for k in current.get("heads", ()))
        self._current_links = frozenset(str(k).lower() for k in current.get("links", ()))
        self._current_reach = int(current.get("max_tokens", 14))
        self._current = _compiled(self._current_id, current.get("patterns", ()))
        resolved = config.get("resolved_course", {})
        self._resolved_id: str | None = resolved.get("id")
        self._resolved_types = frozenset(str(t) for t in resolved.get("types", ()))
        self._reopened_by = frozenset(str(t) for t in resolved.get("reopened_by", ()))
        self._resolved_stops = frozenset(str(k).lower() for k in resolved.get("stops", ()))
        try:
            self._care_ended = [re.compile(str(p), re.IGNORECASE) for p in resolved.get("care_ended", ())]
            self._resolution = [re.compile(str(p), re.IGNORECASE) for p in resolved.get("patterns", ())]
            self._resolution += self._care_ended
            self._active = [re.compile(str(p), re.IGNORECASE) for p in resolved.get("active", ())]
            remote = resolved.get("remote") or {}
            self._remote_years = int(remote.get("min_years", 0))
            self._childhood_below = int(remote.get("childhood_below", 0))
            self._confirmed_by = frozenset(str(t) for t in remote.get("confirmed_by", ()))
            self._confirmed_years = int(remote.get("confirmed_min_years", self._remote_years))
            self._year = re.compile(str(remote["year"])) if remote.get("year") else None
            self._age_at = [re.compile(str(p), re.IGNORECASE) for p in remote.get("age_at", ())]
            same = resolved.get("same_history") or {}
            self._generic_rules = frozenset(str(r) for r in same.get("generic_rules", ()))
            self._topic_labels = [re.compile(str(p), re.IGNORECASE) for p in same.get("topic_labels", ())]
            self._told_marks = [re.compile(str(p), re.IGNORECASE) for p in same.get("told_marks", ())]
            self._reopened_near = [re.compile(str(p), re.IGNORECASE) for p in resolved.get("reopened_near", ())]
            about = resolved.get("reopened_about_tumor") or {}
            self._unstated_rules = frozenset(str(r) for r in about.get("rules", ()))
            self._expected_rules = frozenset(str(r) for r in about.get("expected_rules", ()))
            self._tumor_types = frozenset(str(t) for t in about.get("tumor_types", ()))
            self._nontumor_subject = [re.compile(str(p), re.IGNORECASE) for p in about.get("nontumor_subject", ())]
            self._tumor_signs = [re.compile(str(p), re.IGNORECASE) for p in about.get("tumor_signs", ())]
            self._look_back = bool(about.get("look_back", False))
        except re.error as exc:
            raise RuleFileError(f"{CONTEXT_FILE}: scope {self._resolved_id!r}: a pattern does not compile: {exc}") \
                from exc
        if any("age" not in p.groupindex for p in self._age_at):
            raise RuleFileError(f"{CONTEXT_FILE}: scope {self._resolved_id!r}: an age_at pattern has no group 'age'")
        self._reopened_in_sentence = frozenset(str(t) for t in resolved.get("reopened_in_sentence", ()))
        reach = config.get("object_reach", {})
        self._object_id: str | None = reach.get("id")
        self._object_rules = frozenset(str(r) for r in reach.get("rules", ()))
        self._object_words = frozenset(" ".join(str(w).lower().split()) for w in reach.get("words", ()))
        self._object_auxiliaries = frozenset(str(k).lower() for k in reach.get("auxiliaries", ()))
        self._object_determiners = frozenset(str(k).lower() for k in reach.get("determiners", ()))
        self._object_separators = frozenset(str(k).lower() for k in reach.get("separators", ()))
        self._object_types = frozenset(str(t) for t in reach.get("types", ()))
        self._object_reach = int(reach.get("max_tokens", 16))
        verdict = config.get("final_verdict", {})
        self._verdict_id: str | None = verdict.get("id")
        self._verdict_hedges = frozenset(str(r) for r in verdict.get("hedges", ()))
        self._back_hedges = frozenset(str(r) for r in verdict.get("back_hedges", ()))
        self._withdrawals = frozenset(str(r) for r in verdict.get("withdrawals", ()))
        self._verdict_stops = frozenset(str(k).lower() for k in verdict.get("stops", ()))
        self._verdict_pass_types = frozenset(str(t) for t in verdict.get("pass_types", ()))
        self._verdict_pass_negated = frozenset(str(r) for r in verdict.get("pass_negated_rules", ()))
        self._verdicts = frozenset(" ".join(str(v).lower().split()) for v in verdict.get("verdicts", ()))
        self._hedge_marks = frozenset(str(k).lower() for k in verdict.get("hedge_marks", ()))
        self._resolutions = frozenset(str(r) for r in verdict.get("resolutions", ()))
        self._status_words = frozenset(" ".join(str(w).lower().split()) for w in verdict.get("status_words", ()))
        claim = config.get("claim_before", {})
        self._claim_id: str | None = claim.get("id")
        self._claim_rules = frozenset(str(r) for r in claim.get("rules", ()))
        self._claim_separators = frozenset(str(k) for k in claim.get("separators", ()))
        self._dash = _SubjectSeparator.load(config.get("dash_subject", {}), directions=("BACKWARD",))
        self._question = _SubjectSeparator.load(config.get("subject_question", {}),
                                                directions=("BACKWARD", "BIDIRECTIONAL"))
        owner = config.get("clearance_owner", {})
        self._owner_id: str | None = owner.get("id")
        self._owner_rules = frozenset(str(r) for r in owner.get("rules", ()))
        self._owner_subjects = frozenset(str(t) for t in owner.get("subjects", ()))
        self._owners = frozenset(str(t) for t in owner.get("owners", ()))
        self._owner_words = frozenset(str(k).lower() for k in owner.get("words", ()))
        self._owner_gap = int(owner.get("max_gap", 3))
        pending = config.get("pending_subject", {})
        self._pending_id: str | None = pending.get("id")
        self._pending_rules = frozenset(str(r) for r in pending.get("rules", ()))
        self._pending_words = frozenset(" ".join(str(k).lower().split()) for k in pending.get("words", ()))
        self._pending_subjects = frozenset(str(t) for t in pending.get("subjects", ()))
        self._pending_gap = int(pending.get("max_gap", 0))
        try:
            unless = verdict.get("resolution_unless_after")
            self._resolution_unless = re.compile(str(unless), re.IGNORECASE) if unless else None
            status_end = verdict.get("status_end")
            self._status_end = re.compile(str(status_end), re.IGNORECASE) if status_end else None
            self._claims = _phrases(claim.get("words", ()))
        except re.error as exc:
            raise RuleFileError(f"{CONTEXT_FILE}: scope {self._verdict_id!r}: a pattern does not compile: {exc}") \
                from exc
        self._references = frozenset(" ".join(str(v).lower().split()) for v in verdict.get("references", ()))
        self._reference_len = max((len(r.split()) for r in self._references), default=0)
        self._reference_reach = int(verdict.get("reference_reach", 5))
        self._reference_after = frozenset(str(k).lower() for k in verdict.get("reference_after", ()))
        aside = config.get("set_aside", {})
        self._aside_id: str | None = aside.get("id")
        self._aside_types = frozenset(str(t) for t in aside.get("types", ()))
        self._aside_later = frozenset(str(t) for t in aside.get("later_types", ()))
        self._aside_excluded = frozenset(str(r) for r in aside.get("excluded_rules", ()))
        self._aside_same = [frozenset(str(t) for t in group) for group in aside.get("same_findings", ())]
        self._aside_generic = frozenset(str(t) for t in aside.get("generic", ()))
        self._aside_family = frozenset(str(t) for t in aside.get("family", ()))
        try:
            self._aside_earlier = [re.compile(str(p), re.IGNORECASE) for p in aside.get("patterns", ())]
            self._aside_unless = [re.compile(str(p), re.IGNORECASE) for p in aside.get("unless", ())]
            self._aside_turns = _phrases(aside.get("words", ()))
            # `turn_marks` turn only before an explanation or a negation of the same finding; a mark is no word:
            # no word boundary around it ("lymphoma; the MRI is in keeping with ...")
            marks = [re.escape(str(m)) for m in aside.get("turn_marks", ()) or ()]
            self._aside_marked_turns = self._aside_turns
            if marks and self._aside_turns is not None:
                self._aside_marked_turns = re.compile(f"{self._aside_turns.pattern}|{'|'.join(marks)}",
                                                      re.IGNORECASE)
            self._aside_raised_before = _compiled(aside.get("id"), aside.get("raised_before", ()))
            self._aside_raised_after = _compiled(aside.get("id"), aside.get("raised_after", ()))
            self._aside_co_item = _compiled(aside.get("id"), aside.get("co_item", ()))
            self._aside_revisions = _phrases(aside.get("verbs", ()))
            self._aside_explained = _phrases(aside.get("explanations", ()))
            self._aside_closing = _phrases(aside.get("closing_words", ()))
            self._aside_open = [re.compile(str(p), re.IGNORECASE) for p in aside.get("explanation_unless", ())]
        except re.error as exc:
            raise RuleFileError(f"{CONTEXT_FILE}: scope {self._aside_id!r}: a pattern does not compile: {exc}") \
                from exc
        self._aside_rule: ConTextRule | None = None
        if self._aside_id is not None:
            self._aside_rule = ConTextRule(literal="<set aside>", category="NEGATED_EXISTENCE", direction="FORWARD",
                                           metadata={"id": self._aside_id})
        # `dismissals`: a later result, reading or decision that sets a weighed diagnosis aside ("... urine organic
        # acids normal", "a later MRI did not show it", "thought to be artefact", "dropped"), each with its own id
        self._aside_dismissals: list[tuple[ConTextRule, re.Pattern[str], frozenset[str]]] = []
        for entry in aside.get("dismissals", ()) or ():
            did = str(entry["id"])
            self._aside_dismissals.append((
                ConTextRule(literal=f"<{did}>", category="NEGATED_EXISTENCE", direction="FORWARD",
                            metadata={"id": did}),
                _compiled(did, [entry["pattern"]])[0],
                frozenset(str(t) for t in entry.get("types", aside.get("types", ())))))
        self._dismissal_unless = _compiled(self._aside_id, aside.get("dismissal_unless", ()))
        self._dismissal_skip = frozenset(str(r) for r in aside.get("dismissal_skip_rules", ()))
        topic = config.get("topic_settled", {})
        self._topic_id: str | None = topic.get("id")
        self._topic_rules = frozenset(str(r) for r in topic.get("rules", ()))
        self._topic_family = frozenset(str(t) for t in topic.get("family", ()))
        self._topic_answers = frozenset(str(t) for t in topic.get("later_types", ()))
        self._topic_excluded = frozenset(str(r) for r in topic.get("excluded_rules", ()))
        self._topic_open = _compiled(self._topic_id, topic.get("unless", ()))
        self._topic_rule: ConTextRule | None = None
        if self._topic_id is not None:
            self._topic_rule = ConTextRule(literal="<topic settled>", category="NEGATED_EXISTENCE",
                                           direction="FORWARD", metadata={"id": self._topic_id})
        answered = config.get("question_answered", {})
        self._answered_id: str | None = answered.get("id")
        self._answered_types = frozenset(str(t) for t in answered.get("types", ()))
        self._answered_family = frozenset(str(t) for t in answered.get("family", ()))
        self._question_words = frozenset(str(k).lower() for k in answered.get("words", ()))
        self._question_links = frozenset(str(k).lower() for k in answered.get("links", ()))
        self._question_gap = int(answered.get("max_gap", 8))
        self._closings = _compiled(self._answered_id, answered.get("patterns", ()))
        self._closings_before = _compiled(self._answered_id, answered.get("before", ()))
        self._before_unless = _compiled(self._answered_id, answered.get("before_unless", ()))
        self._before_left_open = _compiled(self._answered_id, answered.get("before_left_open", ()))
        self._before_words = frozenset(str(k).lower() for k in answered.get("before_words", ()))
        self._answered_rule: ConTextRule | None = None
        if self._answered_id is not None:
            self._answered_rule = ConTextRule(literal="<question answered>", category="NEGATED_EXISTENCE",
                                              direction="FORWARD", metadata={"id": self._answered_id})
        tested = config.get("patient_tested", {})
        self._tested_id: str | None = tested.get("id")
        self._tested_types = frozenset(str(t) for t in tested.get("types", ()))
        self._relative_rules = frozenset(str(r) for r in tested.get("rules", ()))
        self._tested = _compiled(self._tested_id, tested.get("patterns", ()))
        self._untested = _compiled(self._tested_id, tested.get("unless", ()))
        self._tested_rule: ConTextRule | None = None
        if self._tested_id is not None:
            self._tested_rule = ConTextRule(literal="<patient tested>", category=PATIENT_NEGATED,
                                            direction="BACKWARD", metadata={"id": self._tested_id})
        conditional = config.get("conditional_clause", {})
        self._conditional_id: str | None = conditional.get("id")
        self._conditional_rules = frozenset(str(r) for r in conditional.get("rules", ()))
        self._conditional_stops = frozenset(str(k).lower() for k in conditional.get("stops", ()))
        self._conditional_reach = int(conditional.get("max_tokens", 24))
        consequence = conditional.get("consequence", {})
        self._consequence_past = frozenset(str(k).lower() for k in consequence.get("past", ()))
        self._consequence_words = frozenset(str(k).lower() for k in consequence.get("words", ()))
        self._consequence_stops = frozenset(str(k).lower() for k in consequence.get("stops", ()))
        self._consequence_owners = frozenset(str(k).lower() for k in consequence.get("owners", ()))
        self._consequence_types = frozenset(str(t) for t in consequence.get("types", ()))
        self._consequence_yield = frozenset(str(r) for r in consequence.get("yield_to", ()))
        main = conditional.get("main_clause", {})
        self._main_id: str | None = main.get("id")
        self._main_rules = frozenset(str(r) for r in main.get("rules", ()))
        self._main_phrases = frozenset(str(k).lower() for k in main.get("phrases", ()))
        self._main_past = frozenset(str(k).lower() for k in main.get("past", ()))
        self._main_stops = frozenset(str(k).lower() for k in main.get("stops", ()))
        self._main_types = frozenset(str(t) for t in main.get("types", ()))
        self._main_modals = frozenset(str(k).lower() for k in main.get("modals", ()))
        aside = config.get("conditional_aside", {})
        self._cond_aside_id: str | None = aside.get("id")
        self._cond_aside_rules = frozenset(str(r) for r in aside.get("rules", ()))
        self._cond_aside_stops = frozenset(str(k).lower() for k in aside.get("stops", ()))
        self._cond_aside_consequence = frozenset(str(k).lower() for k in aside.get("consequence", ()))
        self._cond_aside_asserts = frozenset(str(k).lower() for k in aside.get("asserts", ()))
        gapped = config.get("gapped_clause", {})
        self._gapped_id: str | None = gapped.get("id")
        self._gapped_rules = frozenset(str(r) for r in gapped.get("rules", ()))
        self._gapped_types = frozenset(str(t) for t in gapped.get("types", ()))
        self._gapped_separators = frozenset(str(k).lower() for k in gapped.get("separators", ()))
        self._gapped_stops = frozenset(str(k).lower() for k in gapped.get("stops", ()))
        self._gapped_subjects = frozenset(str(k).lower() for k in gapped.get("subjects", ()))
        self._gapped_verbs = frozenset(str(k).lower() for k in gapped.get("verbs", ()))
        self._gapped_reach = int(gapped.get("max_tokens", 40))
        within = config.get("within_cue", {})
        self._within_id: str | None = within.get("id")
        self._within_rules = frozenset(str(r) for r in within.get("rules", ()))
        self._within_types = frozenset(str(t) for t in within.get("types", ()))
        self._within_owners = frozenset(str(k).lower() for k in within.get("owners", ()))
        listed = config.get("list_reach", {})
        self._list_id: str | None = listed.get("id")
        self._list_categories = frozenset(str(c) for c in listed.get("categories", ()))
        self._list_separators = frozenset(str(k).lower() for k in listed.get("separators", ()))
        self._list_stops = frozenset(str(k).lower() for k in listed.get("stops", ()))
        self._list_min_items = int(listed.get("min_items", 3))
        self._list_item_words = int(listed.get("max_item_words", 4))
        self._list_reach = int(listed.get("max_tokens", 60))
        self._list_openers = frozenset(str(k).lower() for k in listed.get("openers", ()))
        self._list_back_rules = frozenset(str(r) for r in listed.get("back_rules", ()))
        self._list_back_skip = frozenset(str(k).lower() for k in listed.get("back_skip", ()))
        self._list_back_bounds = frozenset(str(k).lower() for k in listed.get("back_bounds", ()))
        self._list_back_stops = frozenset(str(k).lower() for k in listed.get("back_stops", ()))
        alternative = config.get("alternative_clause", {})
        self._alternative_rules = frozenset(str(r) for r in alternative.get("rules", ()))
        self._alternative_stops = frozenset(str(k).lower() for k in alternative.get("stops", ()))
        self._alternative_links = frozenset(str(k).lower() for k in alternative.get("coordinators", ()))
        self._alternative_subjects = frozenset(str(k).lower() for k in alternative.get("subjects", ()))
        self._alternative_determiners = frozenset(str(k).lower() for k in alternative.get("determiners", ()))
        self._alternative_auxiliaries = frozenset(str(k).lower() for k in alternative.get("auxiliaries", ()))
        answer = config.get("answer_line", {})
        self._answer_id: str | None = answer.get("id")
        self._answer_rules = frozenset(str(r) for r in answer.get("rules", ()))
        self._answer_reach = int(answer.get("max_tokens", 30))
        labelled = config.get("relative_line", {})
        self._label_id: str | None = labelled.get("id")
        self._label_rules = frozenset(str(r) for r in labelled.get("rules", ()))
        self._label_stops = frozenset(str(c) for c in labelled.get("stop_categories", ()))
        self._label_reach = int(labelled.get("max_tokens", 80))
        self._label_words = frozenset(str(k).lower() for k in labelled.get("stops", ()))
        self._labels = _compiled(self._label_id, labelled.get("patterns", ()))
        self._label_unless = _compiled(self._label_id, labelled.get("unless", ()))
        if any("relative" not in p.groupindex for p in self._labels):
            raise RuleFileError(f"{CONTEXT_FILE}: scope {self._label_id!r}: a pattern has no group 'relative'")
        subject = config.get("relative_subject", {})
        self._subject_id: str | None = subject.get("id")
        self._subject_rules = frozenset(str(r) for r in subject.get("rules", ()))
        self._subject_stops = frozenset(str(k).lower() for k in subject.get("stops", ()))
        self._subject_stop_categories = frozenset(str(c) for c in subject.get("stop_categories", ()))
        self._subject_sentences = int(subject.get("max_sentences", 2))
        self._pronouns: dict[str, frozenset[str]] = {}  # relative word -> the pronouns that stand for it
        for group in subject.get("pronouns", ()):
            words = frozenset(str(w).lower() for w in group.get("words", ()))
            for relative in group.get("relatives", ()):
                key = str(relative).lower()
                self._pronouns[key] = self._pronouns.get(key, frozenset()) | words
        self._subjects = _compiled(self._subject_id, subject.get("patterns", ()))
        if any("relative" not in p.groupindex for p in self._subjects):
            raise RuleFileError(f"{CONTEXT_FILE}: scope {self._subject_id!r}: a pattern has no group 'relative'")
        own = config.get("own_tumor", {})
        self._own_id: str | None = own.get("id")
        self._own_heads = frozenset(str(h).lower() for h in own.get("heads", ()))
        self._own_types = frozenset(str(t) for t in own.get("types", ()))
        self._own_categories = frozenset(str(c) for c in own.get("categories", ()))
        self._own_gap = int(own.get("max_gap", 3))
        self._own_qualifiers = frozenset(str(q).lower() for q in own.get("qualifiers", ()))
        self._own_inner_types = frozenset(str(t) for t in own.get("pass_types", ()))
        inner = config.get("inner_cue", {})
        self._inner_id: str | None = inner.get("id")
        self._inner_categories = frozenset(str(c) for c in inner.get("categories", ()))
        result = config.get("test_result", {})
        self._result_id: str | None = result.get("id")
        self._result_types = frozenset(str(t) for t in result.get("types", ()))
        self._result_rules = frozenset(str(r) for r in result.get("rules", ()))
        self._result_words = frozenset(" ".join(str(w).lower().split()) for w in result.get("words", ()))
        self._result_categories = frozenset(str(c) for c in result.get("categories", ()))
        self._result_gap = int(result.get("max_gap", 3))
        question = config.get("denied_question", {})
        self._question_denials = frozenset(str(r) for r in question.get("rules", ()))
        self._question_hedges = frozenset(str(r) for r in question.get("hedges", ()))
        self._question_stops = frozenset(str(k).lower() for k in question.get("stops", ()))
        denied = config.get("denied_suspicion", {})
        self._denied_id: str | None = denied.get("id")
        self._denied_heads = frozenset(str(k).lower() for k in denied.get("heads", ()))
        self._denied_rules = frozenset(str(r) for r in denied.get("rules", ()))
        self._denied_words = frozenset(" ".join(str(w).lower().split()) for w in denied.get("words", ()))
        self._denied_links = frozenset(str(k).lower() for k in denied.get("links", ()))
        self._denied_stops = frozenset(str(k).lower() for k in denied.get("stops", ()))
        self._denied_types = frozenset(str(t) for t in denied.get("types", ()))
        self._denied_gap = int(denied.get("max_gap", 3))
        self._denied_rule: ConTextRule | None = None
        if self._denied_id is not None:
            self._denied_rule = ConTextRule(literal="<denied suspicion>", category="NEGATED_EXISTENCE",
                                            direction="BACKWARD", metadata={"id": self._denied_id})
        named = config.get("test_name", {})
        self._named_id: str | None = named.get("id")
        self._named_types = frozenset(str(t) for t in named.get("types", ()))
        self._named_rules = frozenset(str(r) for r in named.get("rules", ()))
        try:
            self._named_opening = re.compile(str(named["opening"]), re.IGNORECASE) if named.get("opening") else None
            self._named_purpose = re.compile(str(named.get("purpose", "")), re.IGNORECASE)
        except re.error as exc:
            raise RuleFileError(f"{CONTEXT_FILE}: scope {self._named_id!r}: a pattern does not compile: {exc}") \
                from exc
        self._purpose_aside = _TestPurposeAside(config.get("test_purpose_aside", {}))
        self._pending_list = _PendingTestList(config.get("pending_test_list", {}))
        self._known_aside = _KnownAside(config.get("known_aside", {}))
        self._item_own_test = _ItemOwnTest(config.get("item_own_test", {}))
        self._parent_writer = _ParentWriter(config.get("parent_writer", {}))
        self._restated = _RelativeRestated(config.get("relative_restated", {}))
        self._corrected = _ClaimCorrected(config.get("claim_corrected", {}))
        self._lay_answer = _LayAnswer(config.get("lay_answer", {}))
        self._asked_answer = _LayAnswer(config.get("asked_answer", {}))
        self._asked_read = _AskedRead(config.get("asked_read", {}))
        referred = config.get("reference_back", {})
        self._referred_id: str | None = referred.get("id")
        self._referred_rules = frozenset(str(r) for r in referred.get("rules", ()))
        self._referred_types = frozenset(str(t) for t in referred.get("types", ()))
        self._referred_min = int(referred.get("min_items", 2))
        self._referred_max = int(referred.get("max_items", 3))
        removal = config.get("removal_object", {})
        self._removal_id: str | None = removal.get("id")
        self._removal_categories = frozenset(str(c) for c in removal.get("categories", ()))
        self._removal_types = frozenset(str(t) for t in removal.get("types", ()))
        self._removal_between = _compiled(self._removal_id, removal.get("between", ()))
        self._removal_after = _compiled(self._removal_id, removal.get("after", ()))
        self._removal_before = _compiled(self._removal_id, removal.get("before", ()))
        cleared = config.get("clearance_object", {})
        self._cleared_id: str | None = cleared.get("id")
        self._cleared_categories = frozenset(str(c) for c in cleared.get("categories", ()))
        self._cleared_types = frozenset(str(t) for t in cleared.get("types", ()))
        self._cleared_between = _compiled(self._cleared_id, cleared.get("between", ()))
        self._cleared_after = _compiled(self._cleared_id, cleared.get("after", ()))
        self._cleared_before = _compiled(self._cleared_id, cleared.get("before", ()))
        self._resolved_rule: ConTextRule | None = None
        if self._resolved_id is not None:
            self._resolved_rule = ConTextRule(literal="<resolved course>", category="NEGATED_EXISTENCE",
                                              direction="BACKWARD", metadata={"id": self._resolved_id})

    def __call__(self, doc: Doc) -> Doc:
        targets = _targets(doc)
        graph = getattr(doc._, "context_graph", None)
        if not targets:
            return doc
        targets.sort(key=lambda t: t.start)
        if self._unstated_rules and self._nontumor_subject:
            targets = self._drop_nontumor_courses(doc, targets)
        if graph is not None and self._alternative_rules:
            self._end_alternatives(doc, graph.modifiers, targets)
        if graph is not None and self._back_id is not None:
            self._reach_back(doc, graph.modifiers, targets)
        if graph is not None and self._relative_id is not None and self._relative_opening is not None:
            self._reach_relative_subject(doc, graph.modifiers, targets)
        if graph is not None and self._qualifier_id is not None and self._qualifier_opening is not None:
            self._reach_past_patient_qualifier(doc, graph.modifiers, targets)
        if graph is not None and self._claim_id is not None and self._claims is not None:
            self._release_claims(doc, graph.modifiers, targets)
        for separated in (self._dash, self._question):
            if graph is not None and separated.active:
                separated.release(doc, graph.modifiers, targets)
        if graph is not None and self._pending_id is not None and self._pending_words:
            self._release_pending_subjects(doc, graph.modifiers, targets)
        if graph is not None and self._owner_id is not None and self._owner_rules and self._owners:
            self._release_clearance_owners(doc, graph.modifiers, targets)
        if graph is not None and self._object_id is not None and self._object_rules and self._object_words:
            self._reach_objects(doc, graph.modifiers, targets)
        if graph is not None and self._inner_id is not None and self._inner_categories:
            self._reach_past_inner_cues(doc, graph.modifiers, targets)
        if graph is not None and self._denied_rule is not None and self._denied_heads and self._denied_words:
            self._deny_suspicion(doc, graph.modifiers, targets)
        if self._named_id is not None and self._named_opening is not None and self._named_types:
            self._name_the_test(doc, targets)
        if self._purpose_aside.active:
            self._purpose_aside.apply(doc, targets)
        if self._change_id is not None and self._heads:
            starts = {t.start for t in targets}
            for target in targets:
                self._release_change_object(doc, target, starts)
        for target in targets:
            self._add_also(doc, target)
        if graph is not None and self._conditional_id is not None and self._conditional_rules:
            self._reach_clause_end(doc, graph.modifiers, targets)
        if graph is not None and self._cond_aside_id is not None and self._cond_aside_rules:
            self._reach_conditional_aside(doc, graph.modifiers, targets)
        if graph is not None and self._gapped_id is not None and self._gapped_rules:
            self._reach_gapped(doc, graph.modifiers, targets)
        if graph is not None and self._within_id is not None and self._within_rules:
            self._reach_within(doc, graph.modifiers, targets)
        if graph is not None and self._list_id is not None and self._list_categories:
            self._reach_list_end(doc, graph.modifiers, targets)
        if graph is not None and self._list_id is not None and self._list_back_rules:
            self._reach_list_start(doc, graph.modifiers, targets)
        if graph is not None and self._answer_id is not None and self._answer_rules:
            self._reach_answer(doc, graph.modifiers, targets)
        if graph is not None and self._label_id is not None and self._label_rules and self._labels:
            self._reach_line_end(doc, graph.modifiers, targets)
        if graph is not None and self._subject_id is not None and self._subject_rules and self._subjects:
            self._reach_next_sentences(doc, graph.modifiers, targets)
        if graph is not None and self._restated.active:
            self._restated.apply(doc, graph.modifiers, targets, self._extend)
        if graph is not None and self._corrected.active:
            self._corrected.apply(doc, graph.modifiers, targets, self._extend)
        if graph is not None and self._referred_id is not None and self._referred_rules:
            self._reach_referred(doc, graph.modifiers, targets)
        if graph is not None and self._tested_rule is not None and self._tested:
            self._patient_tested(doc, graph.modifiers, targets)
        if self._own_id is not None and self._own_heads:
            by_start = SpansByStart([(t.start, t.end) for t in targets])
            for target in targets:
                self._own_tumor(doc, target, targets, by_start)
        if self._result_id is not None and self._result_types:
            for target in targets:
                self._test_result(target)
        if self._question_denials and self._question_hedges:
            for target in targets:
                self._denied_question(target)
        if self._verdict_id is not None and self._verdicts:
            starts = {t.start for t in targets if t.label_ not in self._pass_types}
            # between a hedged target and its verdict, a study's name or a negated generic word for the same
            # finding ("r/o DNET ... 2024 MRI no lesion, tumor ruled out") is no other claim
            between = {t.start for t in targets if t.label_ in self._verdict_pass_types
                       or (_rule_id(t) in self._verdict_pass_negated
                           and any(m.category == "NEGATED_EXISTENCE" for m in t._.modifiers))}
            verdicts = sorted((m for m in (graph.modifiers if graph is not None else ()) if self._is_verdict(doc, m)),
                              key=lambda m: m.modifier_span[0])
            for target in targets:
                self._settle(doc, target, starts - between, verdicts)
            if self._references:
                for modifier in verdicts:
                    self._settle_reference(doc, modifier, targets, starts)
        if self._item_own_test.active:
            self._item_own_test.apply(doc, targets)
        # a question answered in its own sentence is settled by that answer before a set-aside reads the sentence
        if self._answered_rule is not None and self._question_words and self._closings:
            self._answer_questions(doc, targets)
        if self._aside_rule is not None and self._aside_turns is not None and self._aside_earlier:
            self._set_aside(doc, targets)
        if self._topic_rule is not None and self._topic_rules:
            self._settle_topics(doc, targets)
        if self._lay_answer.active:
            self._lay_answer.apply(doc, targets)
        if self._asked_answer.active:
            self._asked_answer.apply(doc, targets)
        if self._asked_read.active:
            self._asked_read.apply(doc, targets)
        if self._aside_dismissals:  # after the other settling scopes, which keep their own ids
            self._dismissed(doc, targets)
        if self._removal_id is not None and self._removal_categories and self._removal_types:
            # `removal_object`: a cue that denies, defers or doubts a device's removal leaves the device in the
            # patient ("VNS explant declined", "declined removal of the VNS", "DBS - refused removal")
            self._release_device_objects(doc, targets, self._removal_types, self._removal_categories,
                                         self._names_removal)
        if self._cleared_id is not None and self._cleared_categories and self._cleared_types:
            # `clearance_object`: a cue whose object is a device's MRI clearance negates or doubts the clearance,
            # not the device ("Pacemaker - MRI clearance not obtained", "EP did not clear the ICD for MRI")
            self._release_device_objects(doc, targets, self._cleared_types, self._cleared_categories,
                                         self._names_clearance)
        if self._current_id is not None and self._current:
            clinical = [t for t in targets if t.label_ not in self._pass_types]  # sorted by start
            clinical_starts = [t.start for t in clinical]
            for k, target in enumerate(clinical):
                if not any(m.category == "HISTORICAL" for m in target._.modifiers):
                    continue
                nxt = bisect_left(clinical_starts, target.end)
                after = clinical[nxt] if nxt < len(clinical) else None
                # the nearest earlier target that ends before this one starts (overlapping ones are skipped)
                earlier = [t for t in clinical[max(0, k - _NEIGHBOURS):k] if t.end <= target.start]
                before = max(earlier, key=lambda t: t.end, default=None)
                self._keep_current(doc, target, before, after)
        if self._resolved_rule is not None and self._resolution and not self._reopened(doc, targets):
            tumors = [t for t in targets if t.label_ in self._resolved_types]
            when = _PacketTime(doc, targets, self._year) if tumors else None
            if when is not None:
                when.confirmed = self._confirmed_clean(targets)
            over: list[Span] = []
            for k, target in enumerate(tumors):
                before, after = tumors[k - 1] if k else None, tumors[k + 1] if k + 1 < len(tumors) else None
                if self._mark_resolved(doc, target, before, after, when, targets):
                    over.append(target)
            if over:
                self._same_history(doc, tumors, over, when)
        if self._pending_list.active:
            self._pending_list.apply(doc, targets)
        if self._known_aside.active:
            self._known_aside.apply(doc, targets)
        if graph is not None and self._parent_writer.active:
            self._parent_writer.apply(doc, graph.modifiers, targets)
        return doc

    def _is_verdict(self, doc: Doc, m: ConTextModifier) -> bool:
        """A negation cue whose words settle a question ("now excluded", "is not supported"), or a withdrawal; a cue
        whose `needs_*` text is missing settles nothing ("answered: yes")."""
        if m.category != "NEGATED_EXISTENCE" or not _cue_holds(doc, m):
            return False
        start, end = m.modifier_span
        words = " ".join(t.lower_ for t in doc[start:end] if not t.is_space)
        return words in self._verdicts or (m.rule.metadata or {}).get("id") in self._withdrawals

    def _settle(self, doc: Doc, target: Span, starts: set[int], verdicts: list[ConTextModifier]) -> None:
        """A hedge gives way to a verdict after it in its clause, with no other target between ("suspected lymphoma,
        now excluded", "lymphoma was considered and is not supported"; not "r/o lymphoma, CSF cytology negative"),
        and to a withdrawal after it: the target keeps the negation only."""
        hedges = [m for m in target._.modifiers if m.category == "POSSIBLE_EXISTENCE"]
        if not hedges:
            return
        hedge_end = max(m.modifier_span[1] for m in hedges)
        for m in target._.modifiers:
            withdrawal = m.category == "NEGATED_EXISTENCE" and (m.rule.metadata or {}).get("id") in self._withdrawals
            if m.modifier_span[0] >= hedge_end and (withdrawal or self._resolves(doc, m)):
                self._settled(doc, target, m)
                return

        def rule_of(m: ConTextModifier) -> Any:
            return (m.rule.metadata or {}).get("id")

        def forward_hedge(m: ConTextModifier) -> bool:
            start, end = m.modifier_span
            return rule_of(m) in self._verdict_hedges or doc[start:end].text.lower() in self._hedge_marks

        before = all(forward_hedge(m) and m.modifier_span[1] <= target.start for m in hedges)
        after = all(rule_of(m) in self._back_hedges and m.modifier_span[0] >= target.end for m in hedges)
        if not (before or after):
            return
        sent_end = target[0].sent.end
        own = [m for m in target._.modifiers if m.category == "NEGATED_EXISTENCE" and self._is_verdict(doc, m)]
        for m in sorted({id(m): m for m in [*own, *verdicts]}.values(), key=lambda m: m.modifier_span[0]):
            start = m.modifier_span[0]
            if start < max(target.end, hedge_end if after else target.end):
                continue
            if start >= sent_end:
                return
            if any(doc[i].lower_ in self._verdict_stops or i in starts for i in range(target.end, start)
                   if not (after and any(h.modifier_span[0] <= i < h.modifier_span[1] for h in hedges))):
                return
            if not _reaches(doc, m, target):
                continue  # a verdict whose words do not reach this target ("?abscess -> aspirate: GBM -> dropped")
            self._settled(doc, target, m)
            return

    def _same_finding(self, a: Span, b: Span) -> bool:
        """Two targets name the same finding for the `set_aside` scope: one concept, two concepts of one
        `same_findings` group, or a generic word and a diagnosis of its family ("tumour" and "glioblastoma")."""
        x, y = a.label_, b.label_
        if x == y or any(x in group and y in group for group in self._aside_same):
            return True
        return (x in self._aside_generic or y in self._aside_generic) and x in self._aside_family \
            and y in self._aside_family

    def _set_aside(self, doc: Doc, targets: list[Span]) -> None:
        """A diagnosis weighed at an earlier stage and set aside for a later one ("a glioma was first suspected, but
        the biopsy showed demyelination"): the hedged target of `types`, in a sentence that tells an earlier stage
        before the turn, followed by a turn and an affirmed diagnosis of `later_types` that names another finding, is
        negated (an unhedged one only by a revision: "initially diagnosed as MS, later revised to MOGAD")."""
        assert self._aside_rule is not None and self._aside_turns is not None
        text = doc.text
        for target in targets:
            if target.label_ not in self._aside_types or any(m.category in _DEAD for m in target._.modifiers):
                continue
            sent = doc[target.start].sent
            # an earlier reader's suggestion not hedged by its own words is weighed like a hedge here
            # (`raised_before`, `raised_after`: "the outside CT suggested a low-grade neoplasm, but ...")
            raised = any(p.search(text[sent.start_char:target.start_char]) for p in self._aside_raised_before) \
                or any(p.search(text[target.end_char:sent.end_char]) for p in self._aside_raised_after)
            hedged = raised or any(m.category == "POSSIBLE_EXISTENCE" for m in target._.modifiers)
            if not hedged and self._aside_revisions is None:
                continue
            reach = sent.end
            nxt = _next_in_paragraph(doc, sent)
            if nxt is not None and self._aside_turns.match(nxt.text.lstrip()):
                reach = nxt.end  # "A glioma was first suspected. However, the biopsy showed demyelination."
            told_again = False
            for later in targets:
                if later.start < target.end or later.end > reach:
                    continue
                if self._same_finding(target, later) and not any(m.category in _DEAD for m in later._.modifiers):
                    told_again = True
                    break  # the same finding told again ("... and the biopsy confirmed a glioma")
                if hedged and self._same_finding(target, later) \
                        and (later.label_ == target.label_ or later.label_ in self._aside_generic) \
                        and any(m.category == "NEGATED_EXISTENCE" for m in later._.modifiers) \
                        and self._aside_negated_later(doc, target, later, sent):
                    break  # "the outside CT suggested a tumour, but ... a tumour is no longer suspected"
                if later.label_ not in self._aside_later or _rule_id(later) in self._aside_excluded \
                        or self._same_finding(target, later) \
                        or any(m.category in _DEAD or m.category == "POSSIBLE_EXISTENCE" for m in later._.modifiers):
                    continue
                between = text[target.end_char:later.start_char]
                turn = self._aside_revisions.search(between) if self._aside_revisions is not None else None
                if turn is None and hedged:
                    turn = self._aside_turns.search(between)
                if turn is None and hedged and any(p.match(between) for p in self._aside_co_item):
                    continue  # another item of the same raised differential ("suggested glioma or abscess, but ...")
                if turn is None:
                    break
                at = target.end_char + turn.start()
                if not any(p.search(text[sent.start_char:at]) for p in self._aside_earlier) \
                        or any(p.search(text[at:later.end_char]) for p in self._aside_unless):
                    break
                cue = doc.char_span(at, target.end_char + turn.end(), alignment_mode="expand")
                if cue is None:
                    break
                kept = tuple(m for m in target._.modifiers if m.category != "POSSIBLE_EXISTENCE")
                target._.modifiers = (*kept, ConTextModifier(self._aside_rule, cue.start, cue.end, doc,
                                                             scope_start=target.start, scope_end=later.end))
                break
            if hedged and not told_again and self._aside_explained is not None \
                    and all(m.category == "POSSIBLE_EXISTENCE" or m.category not in _DEAD
                            for m in target._.modifiers) \
                    and (raised or any(m.category == "POSSIBLE_EXISTENCE" for m in target._.modifiers)):
                self._explained_aside(doc, target, sent, reach, targets)

    def _aside_negated_later(self, doc: Doc, target: Span, later: Span, sent: Span) -> bool:
        """A hedged (or raised) target of an earlier stage that a turn and then a negation of the same finding
        follow in its sentence ("the admission CT suggested a metastasis, though ... a tumour is no longer
        suspected"; the later one the same concept or a generic word of its family) is set aside: negated (via the
        `set_aside` scope), as a withdrawal in a later sentence settles it."""
        assert self._aside_rule is not None and self._aside_marked_turns is not None
        text = doc.text
        turn = self._aside_marked_turns.search(text, target.end_char, later.start_char)
        if turn is None or not any(p.search(text[sent.start_char:turn.start()]) for p in self._aside_earlier) \
                or any(p.search(text[turn.start():later.end_char]) for p in self._aside_unless):
            return False
        cue = doc.char_span(turn.start(), turn.end(), alignment_mode="expand")
        if cue is None:
            return False
        kept = tuple(m for m in target._.modifiers if m.category != "POSSIBLE_EXISTENCE")
        target._.modifiers = (*kept, ConTextModifier(self._aside_rule, cue.start, cue.end, doc,
                                                     scope_start=target.start, scope_end=later.end))
        return True

    def _dismissed(self, doc: Doc, targets: list[Span]) -> None:
        """A diagnosis weighed (hedged) and then set aside by what follows in its sentence or the next one of its
        paragraph ("organic acidemia screened because of the acidosis: urine organic acids normal", "possible DNET on
        the 2015 MRI; the 2019 MRI did not show it", "an abscess was suspected; cultures excluded it"): a dismissal
        of `dismissals` after the hedged target, with no other diagnosis of `types` before the dismissal's end (the
        same words told again are fine; "suspected MLD; enzyme testing for Krabbe disease was normal" is Krabbe's)
        and nothing of `dismissal_unless` between the target and the dismissal's end (a result still pending, the
        suspicion confirmed or seen again), negates it under the dismissal's id."""
        text = doc.text
        for target in targets:
            # (a hedge also negated, "possible meningioma ... absent on the 2022 scan", is settled too)
            if not any(m.category == "POSSIBLE_EXISTENCE" for m in target._.modifiers) \
                    or any(m.category in ("HYPOTHETICAL", "FAMILY") for m in target._.modifiers) \
                    or any((m.rule.metadata or {}).get("id") in self._dismissal_skip for m in target._.modifiers):
                continue
            sent = doc[target.start].sent
            nxt = _next_in_paragraph(doc, sent)
            reach = nxt.end if nxt is not None else sent.end
            end_char = doc[reach - 1].idx + len(doc[reach - 1].text)
            for rule, pattern, types in self._aside_dismissals:
                if target.label_ not in types:
                    continue
                found = pattern.search(text, target.end_char, end_char)
                if found is None:
                    continue
                # another diagnosis (of the dismissal's types or the scope's) between the hedge and the dismissal's end:
                # the dismissal is that one's ("suspected MLD; enzyme testing for Krabbe disease was normal"); not
                # the same words told again, nor a generic word of its family itself negated ("possible pilocytic
                # astrocytoma. ... no mass - neoplasm no longer suspected")
                if any(target.end <= other.start and other.end_char <= found.end()
                       and (other.label_ in types or other.label_ in self._aside_types)
                       and not (self._same_finding(target, other) and other.text.lower() == target.text.lower())
                       and not (self._same_finding(target, other) and other.label_ in self._aside_generic
                                and any(m.category == "NEGATED_EXISTENCE" for m in other._.modifiers))
                       for other in targets if other is not target):
                    continue
                if any(p.search(wrap_fit(p, text[target.end_char:found.end()])) for p in self._dismissal_unless):
                    continue
                cue = doc.char_span(found.start(), found.end(), alignment_mode="expand")
                if cue is None:
                    continue
                kept = tuple(m for m in target._.modifiers if m.category != "POSSIBLE_EXISTENCE")
                target._.modifiers = (*kept, ConTextModifier(rule, cue.start, cue.end, doc,
                                                             scope_start=target.start, scope_end=cue.end))
                break

    def _explained_aside(self, doc: Doc, target: Span, sent: Span, reach: int, targets: list[Span]) -> None:
        """A hedge of an earlier stage that the note explains otherwise after a turn ("a mitochondrial disorder was
        considered initially, but the course fits hypoxic injury", "leukodystrophy was raised at first; the pattern
        is typical of toxic exposure instead"): set aside like one a later diagnosis replaces, when the explanation
        (`explanations`) follows a turn (`words`) or is followed in its clause by a closing turn (`closing_words`),
        names nothing the explanation cannot be (`explanation_unless`: a hedge, a reference to the same diagnosis)
        and no target between the hedge and the clause's end is the same finding."""
        assert self._aside_explained is not None and self._aside_marked_turns is not None \
            and self._aside_rule is not None
        text = doc.text
        end_char = doc[reach - 1].idx + len(doc[reach - 1].text)
        found = self._aside_explained.search(text, target.end_char, end_char)
        if found is None:
            return
        stop = re.compile(r"[.;]|$").search(text, found.end(), end_char)
        clause_end = stop.start() if stop is not None and stop.start() < end_char else end_char
        turn = self._aside_marked_turns.search(text, target.end_char, found.start())
        if turn is not None:
            at, cue_end = turn.start(), turn.end()
        else:
            closing = self._aside_closing.search(text, found.end(), clause_end) \
                if self._aside_closing is not None else None
            if closing is None:
                return
            at, cue_end = found.start(), found.end()
        if not any(p.search(text[sent.start_char:at]) for p in self._aside_earlier) \
                or any(p.search(text[at:clause_end]) for p in (*self._aside_unless, *self._aside_open)):
            return
        if any(target.end <= other.start and other.end_char <= clause_end and self._same_finding(target, other)
               for other in targets if other is not target):
            return
        cue = doc.char_span(at, cue_end, alignment_mode="expand")
        if cue is None:
            return
        last = doc.char_span(found.start(), clause_end, alignment_mode="expand")
        kept = tuple(m for m in target._.modifiers if m.category != "POSSIBLE_EXISTENCE")
        target._.modifiers = (*kept, ConTextModifier(self._aside_rule, cue.start, cue.end, doc,
                                                     scope_start=target.start,
                                                     scope_end=last.end if last is not None else cue.end))

    def _settle_topics(self, doc: Doc, targets: list[Span]) -> None:
        """A topic row that raises its topic as a question and settles it in the same row ("Tumour: queried on CT;
        MRI is diagnostic of abscess and neuroradiology excludes neoplasm"): the topic, hedged by its row's question
        word, is negated when a later target of its row negates the same finding or affirms another diagnosis, and
        nothing in the row keeps the question open."""
        assert self._topic_rule is not None
        text = doc.text
        for target in targets:
            queried = [m for m in target._.modifiers if m.category == "POSSIBLE_EXISTENCE"
                       and (m.rule.metadata or {}).get("id") in self._topic_rules]
            if not queried or any(m.category in _DEAD for m in target._.modifiers):
                continue
            asked = max(m.modifier_span[1] for m in queried)
            row_end = text.find("\n", doc[asked - 1].idx)
            row_end = len(text) if row_end < 0 else row_end
            rest = text[doc[asked - 1].idx + len(doc[asked - 1].text):row_end]
            if any(p.search(rest) for p in self._topic_open):
                continue
            answer: Span | None = None
            for later in targets:
                if later.start < asked or later.start_char >= row_end:
                    continue
                cats = {m.category for m in later._.modifiers}
                same = later.label_ == target.label_ or (
                    later.label_ in self._topic_family and target.label_ in self._topic_family)
                if same:
                    if "NEGATED_EXISTENCE" not in cats:
                        answer = None
                        break  # the finding told again, affirmed or hedged: the question stays
                    answer = answer or later
                elif later.label_ in self._topic_answers and _rule_id(later) not in self._topic_excluded:
                    if cats & _DEAD:
                        continue
                    if "POSSIBLE_EXISTENCE" in cats:
                        answer = None
                        break  # another diagnosis weighed, not found
                    answer = answer or later
            if answer is None:
                continue
            kept = tuple(m for m in target._.modifiers if m.category != "POSSIBLE_EXISTENCE")
            target._.modifiers = (*kept, ConTextModifier(self._topic_rule, answer.start, answer.end, doc,
                                                         scope_start=target.start, scope_end=answer.end))

    def _names_question(self, doc: Doc, target: Span, inside: set[int]) -> bool:
        """A question word names the target as its topic (`_question_word`)."""
        return self._question_word(doc, target, inside) is not None

    def _question_word(self, doc: Doc, target: Span, inside: set[int]) -> int | None:
        """The index of the question word that names the target as its topic: right after it, past quotes, slashes,
        joining words and the other findings it lists ('the "structural lesion / tumor" question'), or right before
        it past `links` ("the question of a tumour", "concern for a mass"); None when there is none."""
        i, limit = target.end, min(target.sent.end, target.end + self._question_gap)
        while i < limit:
            token = doc[i]
            if token.lower_ in self._question_words:
                return i
            if not (token.is_space or token.is_punct or token.lower_ in {"or", "and", "vs", "versus"} or i in inside):
                break
            i += 1
        j, lowest = target.start - 1, max(target.sent.start, target.start - self._question_gap)
        while j >= lowest:
            token = doc[j]
            if token.lower_ in self._question_words:
                return j
            if not (token.is_space or token.lower_ in self._question_links):
                return None
            j -= 1
        return None

    def _answer_questions(self, doc: Doc, targets: list[Span]) -> None:
        """A question raised about a finding and answered later in its sentence ('the "structural lesion / tumor"
        question raised at the June visit is answered by this MRI: no tumor'): the target a question word names is
        negated when a closing after it in its sentence is followed by a negation of the same finding, and no mention
        of that finding after the closing is affirmed or hedged."""
        assert self._answered_rule is not None
        text = doc.text
        inside = {i for t in targets for i in range(t.start, t.end)}

        def same(a: Span, b: Span) -> bool:
            return a.label_ == b.label_ or (a.label_ in self._answered_family and b.label_ in self._answered_family)

        for target in targets:
            if target.label_ not in self._answered_types or any(m.category in _DEAD for m in target._.modifiers):
                continue
            if self._closings_before and self._answer_before(doc, target, targets, inside, same):
                continue
            sent = target.sent
            closing = min((hit for hit in (p.search(text, target.end_char, sent.end_char) for p in self._closings)
                           if hit is not None), key=lambda hit: hit.start(), default=None)
            if closing is None or not self._names_question(doc, target, inside):
                continue
            answer: Span | None = None
            for later in targets:
                if later.start_char < closing.end() or later.end > sent.end or not same(target, later):
                    continue
                if not any(m.category == "NEGATED_EXISTENCE" for m in later._.modifiers):
                    answer = None
                    break  # the finding found after all ("... answered by the MRI: glioblastoma")
                answer = answer or later
            if answer is None:
                continue
            cue = doc.char_span(closing.start(), closing.end(), alignment_mode="expand")
            if cue is None:
                continue
            kept = tuple(m for m in target._.modifiers if m.category != "POSSIBLE_EXISTENCE")
            target._.modifiers = (*kept, ConTextModifier(self._answered_rule, cue.start, cue.end, doc,
                                                         scope_start=target.start, scope_end=answer.end))

    def _answer_before(self, doc: Doc, target: Span, targets: list[Span], inside: set[int],
                       same: Any) -> bool:
        """A question that an active verb before it tells answered or settled ("MRI 10/02 answers the tumour
        question: no recurrence", "this closes the question of metastasis", "the MRI settled the glioma question"):
        no open question. The target the question word names is negated (as "the tumour question is settled" is), and
        the hedge cues inside the question ("the metastasis query: cavernoma") hedge no answer after it. Left as it
        is when the verb is denied, planned or partial (`before_unless`: "does not answer", "would settle", "to
        answer", "only partly answers"), when the sentence keeps the question open (`before_left_open`), or when a
        later target of the sentence names the same finding (that answer settles the question: facts
        supersede.answered_question) or one of its family hedged ("... question: glioma versus gliosis")."""
        assert self._answered_rule is not None
        q = self._question_word(doc, target, inside)
        if q is None or doc[q].lower_ not in self._before_words:
            return False
        sent = target.sent
        text = doc.text
        before = text[sent.start_char:doc[q].idx]  # up to the question word ("answers the tumour ", "closes the ")
        verb = next((hit for hit in (p.search(before) for p in self._closings_before) if hit is not None), None)
        if verb is None or any(p.search(text[sent.start_char:sent.start_char + verb.start()])
                               for p in self._before_unless):
            return False
        question_end = doc[q].idx + len(doc[q].text)
        after = text[max(question_end, target.end_char):sent.end_char]
        if any(p.search(after) for p in self._before_left_open):
            return False
        answers = [t for t in targets if t.start_char >= max(question_end, target.end_char) and t.end <= sent.end]
        if any(t.label_ == target.label_ or (same(target, t) and any(m.category == "POSSIBLE_EXISTENCE"
                                                                      for m in t._.modifiers)) for t in answers):
            return False
        cue = doc.char_span(sent.start_char + verb.start(), sent.start_char + verb.end(), alignment_mode="expand")
        if cue is None:
            return False
        lo, hi = cue.start, max(q + 1, target.end)
        kept = tuple(m for m in target._.modifiers if m.category != "POSSIBLE_EXISTENCE")
        target._.modifiers = (*kept, ConTextModifier(self._answered_rule, cue.start, cue.end, doc,
                                                     scope_start=min(lo, target.start), scope_end=hi))
        for t in answers:  # the question's own hedge ("query", "question of") is no hedge of its answer
            t._.modifiers = tuple(m for m in t._.modifiers if not (m.category == "POSSIBLE_EXISTENCE"
                                                                   and lo <= m.modifier_span[0] < hi))
        return True

    def _resolves(self, doc: Doc, m: ConTextModifier) -> bool:
        """A row's own resolution ("- RESOLVED: MRI ...", ": resolved (...)", a status column: "...... resolved
        2023", "| Historical |", and a negation of `status_words` that ends its row but for a date, "r/o lymphoma
        resolved 2023"), not followed by words that affirm the item or tell a lesion's course under treatment
        ("- resolved: confirmed", "- resolved with steroids")."""
        start, end = m.modifier_span
        listed = (m.rule.metadata or {}).get("id") in self._resolutions
        if not listed and (m.category != "NEGATED_EXISTENCE" or self._status_end is None
                           or " ".join(t.lower_ for t in doc[start:end] if not t.is_space) not in self._status_words):
            return False
        after = doc.text[doc[end - 1].idx + len(doc[end - 1].text):doc[end - 1].sent.end_char]
        if not listed and self._status_end is not None and self._status_end.match(after) is None:
            return False
        return self._resolution_unless is None or self._resolution_unless.match(after) is None

    def _release_claims(self, doc: Doc, modifiers: list[ConTextModifier], targets: list[Span]) -> None:
        """A backward exclusion of the `claim_before` rules does not reach a part of its scope, before its own part,
        that states a claim ("MRI diagnostic of toxoplasmosis, glioma excluded": the toxoplasmosis and the MRI's
        read keep their own reading); a dash is a separator only when it stands apart."""
        assert self._claims is not None
        for m in modifiers:
            if (m.rule.metadata or {}).get("id") not in self._claim_rules or m.direction.upper() != "BACKWARD":
                continue
            lo, cue = m.scope_span[0], m.modifier_span[0]
            cuts = [i for i in range(lo, cue) if doc[i].text in self._claim_separators
                    and (doc[i].text == "," or i == 0 or bool(doc[i - 1].whitespace_))]
            if not cuts:
                continue
            starts = [lo, *(i + 1 for i in cuts[:-1])]
            for a, b in zip(starts, cuts, strict=True):  # every part before the cue's own
                if b <= a or not self._claims.search(doc[a:b].text):
                    continue
                for target in targets:
                    if a <= target.start and target.end <= b and any(x is m for x in target._.modifiers):
                        target._.modifiers = tuple(x for x in target._.modifiers if x is not m)

    def _release_pending_subjects(self, doc: Doc, modifiers: list[ConTextModifier], targets: list[Span]) -> None:
        """A pending cue of the `pending_subject` rules is its nearest study's or test's ("R/O glioma - MRI pending"):
        the targets before that study keep their own reading."""
        for m in modifiers:
            start, end = m.modifier_span
            if (m.rule.metadata or {}).get("id") not in self._pending_rules \
                    or " ".join(doc[start:end].text.lower().split()) not in self._pending_words:
                continue
            subjects = [t.start for t in targets if t.label_ in self._pending_subjects
                        and m.scope_span[0] <= t.start and t.end <= start]
            if not subjects:
                # a study named right after the cue ("... in the running pending the perfusion study"): the
                # diagnoses already hedged before the cue wait on it, and keep their hedge only
                if any(t.label_ in self._pending_subjects and end <= t.start <= end + self._pending_gap
                       and doc[t.start].sent == doc[start].sent for t in targets):
                    for target in targets:
                        if target.end <= start and any(x is m for x in target._.modifiers) and any(
                                x.category == "POSSIBLE_EXISTENCE" for x in target._.modifiers):
                            target._.modifiers = tuple(x for x in target._.modifiers if x is not m)
                continue
            nearest = max(subjects)
            for target in targets:
                if target.end <= nearest and any(x is m for x in target._.modifiers):
                    target._.modifiers = tuple(x for x in target._.modifiers if x is not m)

    def _release_clearance_owners(self, doc: Doc, modifiers: list[ConTextModifier], targets: list[Span]) -> None:
        """A hedge after a device's clearance is the clearance's (the `clearance_owner` scope: "VNS MR safety not yet
        confirmed"): a backward cue of `rules` that hedges a subject does not reach the owner right before it."""
        for m in modifiers:
            if (m.rule.metadata or {}).get("id") not in self._owner_rules or m.direction.upper() != "BACKWARD":
                continue
            subjects = [t for t in targets if t.label_ in self._owner_subjects and t.end <= m.modifier_span[0]
                        and any(x is m for x in t._.modifiers)]
            for subject in subjects:
                for owner in targets:
                    if owner.label_ not in self._owners or owner.end > subject.start \
                            or subject.start - owner.end > self._owner_gap \
                            or not any(x is m for x in owner._.modifiers):
                        continue
                    if all(t.is_space or t.is_punct or t.lower_ in self._owner_words
                           for t in doc[owner.end:subject.start]):
                        owner._.modifiers = tuple(x for x in owner._.modifiers if x is not m)

    def _settle_reference(self, doc: Doc, verdict: ConTextModifier, targets: list[Span], starts: set[int]) -> None:
        """A verdict whose subject refers back ("this has since been excluded", "which was ruled out") settles the
        hedged targets of the clause before the reference."""
        cue = verdict.modifier_span[0]
        sent = doc[cue].sent
        ref = None
        for j in range(cue - 1, max(sent.start, cue - self._reference_reach - self._reference_len) - 1, -1):
            if doc[j].lower_ in self._verdict_stops or j in starts:
                return
            for n in range(min(self._reference_len, cue - j), 0, -1):
                if " ".join(t.lower_ for t in doc[j:j + n]) in self._references:
                    ref = j
                    break
            if ref is not None:
                break
        if ref is None or cue - ref > self._reference_reach + self._reference_len:
            return
        prev = ref - 1
        while prev >= sent.start and doc[prev].is_space:
            prev -= 1
        if prev < sent.start:  # the reference opens its sentence: the last clause of the sentence before
            if sent.start == 0:
                return
            before = doc[sent.start - 1].sent
            lo, hi = before.start, before.end
        elif doc[prev].lower_ in self._reference_after:
            lo, hi = sent.start, prev
        else:
            return
        while hi > lo and (doc[hi - 1].is_space or doc[hi - 1].lower_ in self._verdict_stops):
            hi -= 1  # the sentence's own end
        for k in range(hi - 1, lo - 1, -1):
            if doc[k].lower_ in self._verdict_stops:
                lo = k + 1  # the clause before the reference only
                break
        for target in targets:
            # a negation other than the verdict's own (which may reach back across the ";") is another reading
            if lo <= target.start and target.end <= hi and not any(
                    m.category == "NEGATED_EXISTENCE" and m.modifier_span != verdict.modifier_span
                    for m in target._.modifiers) and any(
                    m.category == "POSSIBLE_EXISTENCE" for m in target._.modifiers):
                self._settled(doc, target, verdict)

    def _settled(self, doc: Doc, target: Span, verdict: ConTextModifier) -> None:
        """The target keeps the verdict's negation only, marked as settled through this scope."""
        assert self._verdict_id is not None
        rule = self._derived(verdict.rule, "NEGATED_EXISTENCE", self._verdict_id)
        kept = tuple(m for m in target._.modifiers if m.category not in {"POSSIBLE_EXISTENCE", "NEGATED_EXISTENCE"}
                     or (m.category == "NEGATED_EXISTENCE" and m is not verdict))
        target._.modifiers = (*kept, ConTextModifier(rule, *verdict.modifier_span, doc,
                                                     scope_start=verdict.scope_span[0],
                                                     scope_end=verdict.scope_span[1]))

    def _reach_clause_end(self, doc: Doc, modifiers: list[ConTextModifier], targets: list[Span]) -> None:
        """A condition's cue reaches the end of its clause (the first stop or terminator), past its max_scope."""
        index = SpansByStart([(t.start, t.end) for t in targets])
        terminators = {m.modifier_span[0] for m in modifiers if m.category == "TERMINATE"}
        for modifier in modifiers:
            meta = modifier.rule.metadata or {}
            if meta.get("id") not in self._conditional_rules:
                continue
            cue_end = modifier.modifier_span[1]
            if not _cue_holds(doc, modifier):
                continue
            limit = min(doc[modifier.modifier_span[0]].sent.end, cue_end + self._conditional_reach)
            end = next((i for i in range(cue_end, limit)
                        if doc[i].lower_ in self._conditional_stops or i in terminators), limit)
            self._extend(doc, modifier, _starting_in(targets, index, cue_end, end), cue_end, end, self._conditional_id)
            if end < limit and doc[end].lower_ in self._consequence_past:
                self._reach_consequence(doc, modifier, targets, index, end + 1, terminators)
            if end < limit and doc[end].lower_ in self._main_past and self._opens_main_clause(doc, modifier):
                self._reach_main_clause(doc, modifier, targets, index, end + 1, terminators)

    def _opens_main_clause(self, doc: Doc, modifier: ConTextModifier) -> bool:
        """The cue is an inverted or set-phrase condition opening its sentence ("Should ...", "Were ... to",
        "Had ...", "In the event that ...", "If and when ..."): a rule of `main_clause.rules`, or a cue whose words
        are a phrase of `main_clause.phrases`, at the sentence's opening."""
        start, end = modifier.modifier_span
        if not doc[start]._.opens_sentence:
            return False
        if (modifier.rule.metadata or {}).get("id") in self._main_rules:
            return True
        return " ".join(t.lower_ for t in doc[start:end]) in self._main_phrases

    def _reach_main_clause(self, doc: Doc, modifier: ConTextModifier, targets: list[Span], index: SpansByStart,
                           start: int, terminators: set[int]) -> None:
        """Past the comma that ends a condition opening its sentence, the main clause is what would follow from it
        ("Should the scan show growth, MRS would be requested to plan resection"): its targets of `main_clause.types`
        (purposes, requests, studies, treatments) to the sentence's end (a `main_clause.stops` token or terminator)
        are the condition's, whatever the cue's own excluded types."""
        assert self._main_id is not None
        if start >= len(doc):
            return
        limit = doc[start].sent.end
        end = next((i for i in range(start, limit) if doc[i].lower_ in self._main_stops or i in terminators), limit)
        if self._main_modals and not any(doc[i].lower_ in self._main_modals for i in range(start, end)):
            return  # told in the present ("..., the spectroscopy spares him a craniotomy"): what the study does
        for target in _starting_in(targets, index, start, end):
            if target.end > end or target.label_ not in self._main_types or any(
                    m.category == modifier.category for m in target._.modifiers):
                continue
            rule = self._derived(modifier.rule, modifier.category, self._main_id)
            _add(target, ConTextModifier(rule, *modifier.modifier_span, doc, scope_start=start, scope_end=end))

    def _reach_consequence(self, doc: Doc, modifier: ConTextModifier, targets: list[Span], index: SpansByStart,
                           start: int, terminators: set[int]) -> None:
        """Past the comma that ends a condition, the clause that tells what would follow from it ("If he is
        irradiated later, this MRS would be the baseline for any recurrence") is the condition's too: to the
        clause's end (a `consequence.stops` token or terminator, at most max_tokens), when it holds a word of
        `consequence.words`, for targets of `consequence.types` that no cue of `consequence.yield_to` reads
        ("..., steroids would delay a tumor diagnosis" stays suspected); a target right after an owner word ("her
        glioblastoma would be followed") stays."""
        limit = min(doc[start].sent.end if start < len(doc) else start, start + self._conditional_reach)
        end = next((i for i in range(start, limit)
                    if doc[i].lower_ in self._consequence_stops or i in terminators), limit)
        if not any(doc[i].lower_ in self._consequence_words for i in range(start, end)):
            return
        reached = [t for t in _starting_in(targets, index, start, end) if t.label_ in self._consequence_types
                   and not any((m.rule.metadata or {}).get("id") in self._consequence_yield for m in t._.modifiers)
                   and (t.start == 0 or doc[t.start - 1].lower_ not in self._consequence_owners)]
        self._extend(doc, modifier, reached, start, end, self._conditional_id)

    def _reach_conditional_aside(self, doc: Doc, modifiers: list[ConTextModifier], targets: list[Span]) -> None:
        """A condition's cue reaches into a parenthesis after it in its sentence that tells its consequence ("If
        the wean fails, a shunt would be placed (a programmable valve would then need an MRI check)"): a consequence
        word between the cue and the parenthesis's end, and no statement of the parenthesis's own (no assertion
        word, no date)."""
        index = SpansByStart([(t.start, t.end) for t in targets])
        for modifier in modifiers:
            if (modifier.rule.metadata or {}).get("id") not in self._cond_aside_rules or \
                    not _cue_holds(doc, modifier):
                continue
            sent = doc[modifier.modifier_span[0]].sent
            i = modifier.modifier_span[1]
            while i < sent.end and doc[i].lower_ not in self._cond_aside_stops:
                if doc[i].text != "(":
                    i += 1
                    continue
                close = next((j for j in range(i + 1, sent.end) if doc[j].text in {")", "("}), sent.end)
                words = [t.lower_ for t in doc[i + 1:close]]
                told = {t.lower_ for t in doc[modifier.modifier_span[1]:close]}  # the consequence up to its end
                if told & self._cond_aside_consequence and not set(words) & self._cond_aside_asserts \
                        and not any(re.search(r"\d[/.-]\d|^(?:19|20)\d\d$", w) for w in words):
                    self._extend(doc, modifier, _starting_in(targets, index, i + 1, close), i + 1, close,
                                 self._cond_aside_id)
                i = close + 1

    def _reach_gapped(self, doc: Doc, modifiers: list[ConTextModifier], targets: list[Span]) -> None:
        """A cue reaches on into the later clauses of its sentence that leave out its verb ("lactate would point to
        abscess; raised choline with low NAA to tumour"): each target of `types` whose stretch from the target before
        it crosses a separator, names a subject word and holds no verb; the first stretch that fails, a stop, a line
        break or a target with a cue of its own in its stretch ends the reach."""
        index = SpansByStart([(t.start, t.end) for t in targets])
        for modifier in modifiers:
            if (modifier.rule.metadata or {}).get("id") not in self._gapped_rules or not _cue_holds(doc, modifier):
                continue
            cue_start, cue_end = modifier.modifier_span
            limit = min(doc[cue_start].sent.end, cue_end + self._gapped_reach)
            at = cue_end
            for target in _starting_in(targets, index, cue_end, limit):
                if target.label_ not in self._gapped_types or target.start < at:
                    continue
                if any(m.modifier_span == modifier.modifier_span for m in target._.modifiers):
                    at = target.end  # in the cue's own scope
                    continue
                words = [t.lower_ for t in doc[at:target.start]]
                if any(w in self._gapped_stops for w in words) or any(_is_line_break(t) for t in doc[at:target.start]):
                    break
                if not any(w in self._gapped_separators for w in words):
                    at = target.end  # the same clause as the target before it: its own cues decide
                    continue
                if (any(w in self._gapped_verbs for w in words) or not any(w in self._gapped_subjects for w in words)
                        or any(at <= m.modifier_span[0] < target.start for m in target._.modifiers)):
                    break
                self._extend(doc, modifier, [target], at, target.end, self._gapped_id)
                at = target.end

    def _reach_within(self, doc: Doc, modifiers: list[ConTextModifier], targets: list[Span]) -> None:
        """A target of `types` inside the words of a cue of `rules` ("a lipid peak typical of lymphoma would prompt
        biopsy": the lymphoma lies between the result word and "would") takes the cue's assertion, unless a word of
        `owners` stands right before it ("the spectrum of her glioma would ...")."""
        index = SpansByStart([(t.start, t.end) for t in targets])
        for modifier in modifiers:
            if (modifier.rule.metadata or {}).get("id") not in self._within_rules or not _cue_holds(doc, modifier):
                continue
            start, end = modifier.modifier_span
            inside = [t for t in _starting_in(targets, index, start, end) if t.label_ in self._within_types
                      and (t.start == 0 or doc[t.start - 1].lower_ not in self._within_owners)]
            self._extend(doc, modifier, inside, start, end, self._within_id)

    def _reach_list_end(self, doc: Doc, modifiers: list[ConTextModifier], targets: list[Span]) -> None:
        """A forward negation that opens a list of short items reaches the list's end, past its own scope."""
        index = SpansByStart([(t.start, t.end) for t in targets])
        enders = {m.modifier_span[0] for m in modifiers
                  if m.category in {"TERMINATE", "NEW_CLAIM", "POSSIBLE_EXISTENCE"}}
        for modifier in modifiers:
            if modifier.category not in self._list_categories:
                continue
            cue_end, scope_end = modifier.modifier_span[1], modifier.scope_span[1]
            if modifier.rule.direction != "FORWARD":
                # a field answer that opens its own list ("Neuro: negative for headache, ..."): its "for" follows
                if cue_end >= len(doc) or doc[cue_end].lower_ not in self._list_openers:
                    continue
                cue_end = scope_end = cue_end + 1
            if cue_end >= len(doc):
                continue
            limit = min(doc[cue_end].sent.end, cue_end + self._list_reach)
            if (modifier.rule.metadata or {}).get("id") in self._alternative_rules:
                limit = self._alternative_end(doc, cue_end, limit)  # a list of alternatives ends with them
            if scope_end >= limit or not _cue_holds(doc, modifier):
                continue
            items, words, end, closed = 0, 0, cue_end, True
            for i in range(cue_end, limit):
                token = doc[i]
                if token.lower_ in self._list_stops or i in enders or _is_line_break(token):
                    break
                if token.lower_ in self._list_separators:
                    if words:
                        items, words, end = items + 1, 0, i
                elif not token.is_space:
                    words += 1
                    if words > self._list_item_words:
                        closed = False  # a clause, not an item: the list ended at the separator before it
                        break
            else:
                i = limit
            if closed and words:
                items, end = items + 1, i  # the last item, closed by a stop or the sentence's end
            if items < self._list_min_items or end <= scope_end:
                continue
            for target in _starting_in(targets, index, scope_end, end):
                if target.end > end or not _allows(modifier.rule, target):
                    continue
                if any(m.category == modifier.category for m in target._.modifiers):
                    continue
                assert self._list_id is not None
                rule = self._derived(modifier.rule, modifier.category, self._list_id)
                _add(target, ConTextModifier(rule, *modifier.modifier_span, doc, scope_start=cue_end, scope_end=end))

    def _reach_list_start(self, doc: Doc, modifiers: list[ConTextModifier], targets: list[Span]) -> None:
        """A backward negation of `back_rules` that closes a list of short items ("MSUD, NKH, sulfite oxidase
        deficiency and PKU are excluded") reaches the list's first item, past its own scope. The list opens at its
        sentence's or line's start or at one of `back_bounds`; a stop word (a claim, "showed"), another cue or an
        item too long to be one ends it at the separator after it, that item keeping its own reading."""
        index = SpansByStart([(t.start, t.end) for t in targets])
        for modifier in modifiers:
            if modifier.category not in self._list_categories or modifier.rule.direction != "BACKWARD":
                continue
            if (modifier.rule.metadata or {}).get("id") not in self._list_back_rules or not _cue_holds(doc, modifier):
                continue
            cue, scope_start = modifier.modifier_span[0], modifier.scope_span[0]
            others = {i for m in modifiers if m is not modifier and m.rule.direction != "PSEUDO"
                      for i in range(*m.modifier_span)}  # (a comma's clause mark is no cue here)
            floor = max(doc[cue].sent.start, cue - self._list_reach) if cue < len(doc) else cue
            i = cue - 1
            while i >= floor and (doc[i].lower_ in self._list_back_skip or doc[i].is_space):
                i -= 1  # "are", "have been", "all" between the list and its verdict
            items, words, start, last_sep = 0, 0, i + 1, None
            while True:
                token = doc[i] if i >= floor else None
                clean = token is None or token.lower_ in self._list_back_bounds or _is_line_break(token)
                glued = token is not None and not token.whitespace_ and i > 0 and not doc[i - 1].whitespace_
                if clean or token is None or (token.lower_ in self._list_back_stops and not glued) or i in others:
                    if clean and words:
                        items, start = items + 1, i + 1
                    elif last_sep is not None:
                        start = last_sep + 1  # the item holding the stop is no item of the list
                    break
                if token.lower_ in self._list_separators:
                    if words:
                        items, words, start, last_sep = items + 1, 0, i + 1, i
                elif any(c.isalnum() for c in token.text):
                    words += 1
                    if words > self._list_item_words:
                        if last_sep is not None:
                            start = last_sep + 1
                        break
                i -= 1
            if items < self._list_min_items or start >= scope_start:
                continue
            assert self._list_id is not None
            for target in _starting_in(targets, index, start, scope_start):
                if target.end > cue or not _allows(modifier.rule, target):
                    continue
                if any(m.category == modifier.category for m in target._.modifiers):
                    continue
                rule = self._derived(modifier.rule, modifier.category, self._list_id)
                _add(target, ConTextModifier(rule, *modifier.modifier_span, doc, scope_start=start, scope_end=cue))

    def _reach_answer(self, doc: Doc, modifiers: list[ConTextModifier], targets: list[Span]) -> None:
        """A questionnaire's question reaches its answer: the rest of its line, past the question's "?", or the next
        line when nothing with letters follows it on its own (at most max_tokens)."""
        index = SpansByStart([(t.start, t.end) for t in targets])
        text = doc.text
        for modifier in modifiers:
            if (modifier.rule.metadata or {}).get("id") not in self._answer_rules:
                continue
            cue_end = modifier.modifier_span[1]
            at = doc[cue_end - 1].idx + len(doc[cue_end - 1].text)
            line_end = text.find("\n", at)
            line_end = len(text) if line_end < 0 else line_end
            if not re.search(r"[^\W\d_]", text[at:line_end]) and line_end < len(text):
                line_end = text.find("\n", line_end + 1)  # the answer on the next line
                line_end = len(text) if line_end < 0 else line_end
            end = cue_end
            while end < min(len(doc), cue_end + self._answer_reach) and doc[end].idx < line_end:
                end += 1
            self._extend(doc, modifier, _starting_in(targets, index, cue_end, end), cue_end, end, self._answer_id)

    def _reach_line_end(self, doc: Doc, modifiers: list[ConTextModifier], targets: list[Span]) -> None:
        """A relative named as its line's label owns the line: a relative cue whose relative word is the label at
        the line's start reaches on to the end of its line (at most max_tokens), up to the first cue of
        `stop_categories` or word of `stops` there (the patient named again)."""
        index = SpansByStart([(t.start, t.end) for t in targets])
        text = doc.text
        stops = sorted(m.modifier_span[0] for m in modifiers if m.category in self._label_stops)
        for modifier in modifiers:
            if (modifier.rule.metadata or {}).get("id") not in self._label_rules:
                continue
            cue_start, cue_end = modifier.modifier_span
            first, last = doc[cue_start].idx, doc[cue_end - 1].idx + len(doc[cue_end - 1].text)
            line_start = _line_start(text, first)
            line_end = text.find("\n", first)
            line_end = len(text) if line_end < 0 else line_end
            line = text[line_start:line_end]
            label = next((m for p in self._labels if (m := p.match(line)) is not None
                          and first <= line_start + m.start("relative") < last), None)
            if label is None or any(p.match(line, label.end()) for p in self._label_unless):
                continue
            end = cue_end
            while (end < min(len(doc), cue_end + self._label_reach) and doc[end].idx < line_end
                   and doc[end].lower_ not in self._label_words):
                end += 1
            k = bisect_left(stops, cue_end)
            if k < len(stops) and stops[k] < end:
                end = stops[k]
            self._extend(doc, modifier, _starting_in(targets, index, cue_end, end), cue_end, end, self._label_id)

    def _reach_next_sentences(self, doc: Doc, modifiers: list[ConTextModifier], targets: list[Span]) -> None:
        """A lay letter's relative goes on as the subject of the next sentences: a relative cue of `rules` whose
        relative word opens its sentence after "my"/"our" (a `patterns` match) and that makes a target of that
        sentence the relative's reaches each next sentence of the paragraph (at most max_sentences) that opens with
        a pronoun standing for that relative, up to a word of `stops` or a cue of `stop_categories` there."""
        index = SpansByStart([(t.start, t.end) for t in targets])
        text = doc.text
        patients = sorted(m.modifier_span[0] for m in modifiers if m.category in self._subject_stop_categories)
        for modifier in modifiers:
            if modifier.category != "FAMILY" or (modifier.rule.metadata or {}).get("id") not in self._subject_rules:
                continue
            cue_start, cue_end = modifier.modifier_span
            sent = doc[cue_start].sent
            first, last = doc[cue_start].idx, doc[cue_end - 1].idx + len(doc[cue_end - 1].text)
            head = text[sent.start_char:last]
            found = next((m for p in self._subjects if (m := p.match(head)) is not None
                          and first <= sent.start_char + m.start("relative") < last), None)
            pronouns = self._pronouns.get(found.group("relative").lower()) if found is not None else None
            if not pronouns:
                continue
            if not any(any(m is modifier for m in t._.modifiers)
                       for t in _starting_in(targets, index, sent.start, sent.end)):
                continue  # the sentence names no disease of the relative's
            i, before = sent.end, _text_end(sent)
            for _ in range(self._subject_sentences):
                while i < len(doc) and doc[i].is_space:
                    i += 1
                if i >= len(doc) or re.search(r"\n[ \t]*\n", text[before:doc[i].idx]):
                    break  # the letter's next paragraph
                nxt = doc[i].sent
                opening = next((t for t in nxt if not t.is_space and not t.is_punct), None)
                if opening is None or opening.lower_ not in pronouns:
                    break
                end = nxt.start
                while end < nxt.end and doc[end].lower_ not in self._subject_stops:
                    end += 1
                k = bisect_left(patients, nxt.start)
                if k < len(patients) and patients[k] < end:
                    end = patients[k]
                assert self._subject_id is not None
                self._extend(doc, modifier, _starting_in(targets, index, nxt.start, end), nxt.start, end,
                             self._subject_id)
                if end < nxt.end:
                    break  # the writer or the patient again
                i, before = nxt.end, _text_end(nxt)

    def _reach_referred(self, doc: Doc, modifiers: list[ConTextModifier], targets: list[Span]) -> None:
        """A hedge whose subject refers back and opens its sentence ("Both remain possible.") reaches the two or
        three diagnoses of the sentence or line before it (the `reference_back` scope), when its own sentence names
        none and no blank line stands between."""
        index = SpansByStart([(t.start, t.end) for t in targets])
        for modifier in modifiers:
            if (modifier.rule.metadata or {}).get("id") not in self._referred_rules:
                continue
            cue_start = modifier.modifier_span[0]
            sent = doc[cue_start].sent
            if not doc[cue_start]._.opens_sentence or sent.start == 0:
                continue
            if any(t.label_ in self._referred_types for t in _starting_in(targets, index, sent.start, sent.end)):
                continue  # the sentence names its own diagnoses
            i = sent.start - 1
            while i > 0 and doc[i].is_space:
                i -= 1
            if re.search(r"\n[ \t]*\n", doc.text[doc[i].idx:doc[sent.start].idx]):
                continue  # a paragraph before it
            before = doc[i].sent
            listed = [t for t in _starting_in(targets, index, before.start, before.end)
                      if t.label_ in self._referred_types
                      and not any(m.category == "NEGATED_EXISTENCE" for m in t._.modifiers)]
            if self._referred_min <= len(listed) <= self._referred_max:
                self._extend(doc, modifier, listed, before.start, before.end, self._referred_id)

    def _patient_tested(self, doc: Doc, modifiers: list[ConTextModifier], targets: list[Span]) -> None:
        """A relative's disorder (FAMILY by a relative cue of `rules` in its sentence) followed, in that sentence, by
        the patient named again and a negative test of the patient's (a `patterns` match on the text after the
        patient, no `unless` match) is the patient's too, negated, unless the patient's own mention is written."""
        assert self._tested_rule is not None
        patients = [m for m in modifiers if m.category == "PATIENT_EXPERIENCER"]
        if not patients:
            return
        for target in targets:
            if target.label_ not in self._tested_types or not any(
                    m.category == "FAMILY" and (m.rule.metadata or {}).get("id") in self._relative_rules
                    for m in target._.modifiers):
                continue
            sent = target.sent
            patient = next((m for m in patients if target.end <= m.modifier_span[0] < sent.end), None)
            if patient is None:
                continue
            cue_end = patient.modifier_span[1]
            if any(t.label_ == target.label_ and cue_end <= t.start < sent.end for t in targets):
                continue  # the patient's own mention is written out ("patient negative for X-ALD")
            after = doc.text[doc[cue_end - 1].idx + len(doc[cue_end - 1].text):sent.end_char]
            if any(p.search(after) for p in self._untested) or not any(p.match(after) for p in self._tested):
                continue
            _add(target, ConTextModifier(self._tested_rule, *patient.modifier_span, doc, scope_start=target.start,
                                         scope_end=sent.end))

    def _reopened(self, doc: Doc, targets: list[Span]) -> bool:
        """The document raises a recurrence or treatment effect, or a new lesion at the old tumor's site (neither
        negated, hypothetical nor a relative's, nor a form's option)."""
        options: frozenset[int] | None = None
        for t in targets:
            if any(m.category in _DEAD for m in t._.modifiers):
                continue
            if t.label_ in self._reopened_by or t.label_ in self._reopened_in_sentence:
                # a form's indication option ("___ Recurrence vs treatment effect", "[X] Recurrence") names what
                # may be asked, no finding: it reopens nothing (the form_state component reads it later)
                options = option_line_starts(doc.text) if options is None else options
                if _line_start(doc.text, t.start_char) in options:
                    continue
            if t.label_ in self._reopened_by and self._about_tumor(doc, t, targets):
                return True
            if t.label_ in self._reopened_in_sentence and any(p.search(t.sent.text) for p in self._reopened_near):
                return True
        return False

    def _about_tumor(self, doc: Doc, t: Span, targets: list[Span]) -> bool:
        """A reopening target speaks of a tumor: not the expected change after an old resection (`expected_rules`:
        "remote postoperative changes"), nor a bare progression or recurrence (`rules`) whose clause names a non-tumor
        subject ("disc desiccation with interval progression", "progression of white matter disease") and no
        tumor or lesion (`tumor_types`). With `look_back`, a clause that names no subject at all is read with the rest
        of its sentence, then with the sentence before it in the same paragraph."""
        rule = target_info(t).rule_id
        if rule in self._expected_rules:
            return False
        if rule not in self._unstated_rules:
            return True
        sent = t.sent
        lo = next((i + 1 for i in range(t.start - 1, sent.start - 1, -1) if doc[i].text == ";"), sent.start)
        hi = next((i for i in range(t.end, sent.end) if doc[i].text == ";"), sent.end)
        said = self._subject_of(doc, t, lo, hi, targets)
        if said is None and self._look_back:
            # a bare "interval progression": the rest of its sentence, then the sentence before it in its paragraph
            # ("Periventricular white matter hyperintensities. Interval progression since 2019.")
            said = self._subject_of(doc, t, sent.start, sent.end, targets)
            before = doc[sent.start - 1].sent if said is None and sent.start > 0 else None
            if before is not None:
                gap = doc.text[before.end_char:sent.start_char]
                if "\n\n" not in gap.strip(" \t") and not _LABELLED_LINE.search(gap + doc.text[sent.start_char:t.start_char]):
                    said = self._subject_of(doc, t, before.start, before.end, targets)
        return True if said is None else said

    def _subject_of(self, doc: Doc, t: Span, lo: int, hi: int, targets: list[Span]) -> bool | None:
        """What the tokens lo..hi (the target left out) name as the subject of a bare progression or recurrence:
        True for a tumor, a sign of one or the old tumor's site, False for a non-tumor finding, None for neither."""
        if any(o is not t and o.label_ in self._tumor_types and lo <= o.start < hi
               and not any(m.category in _DEAD for m in o._.modifiers) and not self._nontumor_finding(o)
               for o in targets):
            return True
        clause = " ".join(doc[a:b].text for a, b in ((lo, min(hi, t.start)), (max(lo, t.end), hi)) if b > a)
        if any(p.search(wrap_fit(p, clause)) for p in (*self._tumor_signs, *self._reopened_near)):
            return True  # "FLAIR hyperintensity around the resection cavity has progressed"
        if any(p.search(clause) for p in self._nontumor_subject):
            return False
        return None

    def _drop_nontumor_courses(self, doc: Doc, targets: list[Span]) -> list[Span]:
        """A bare progression or recurrence (`reopened_about_tumor.rules`) whose clause names a non-tumor finding
        as its subject ("white matter hyperintensities ... with mild interval progression", "disc bulge with interval
        progression") is that finding's course, no tumor's: the target is dropped, as a look-alike is. Only in a
        document whose tumors are all past, negated or hypothetical: where a tumor is current, a bare progression
        of its signal ("increasing FLAIR hyperintensity with interval progression") may be the tumor's own."""
        if not any(_rule_id(t) in self._unstated_rules for t in targets) \
                or not any(t.label_ in self._resolved_types for t in targets):
            return targets  # no bare course, or no tumor at all (the fact mapper keeps such a course for review)
        options = option_line_starts(doc.text)
        if any(t.label_ in self._resolved_types
               and not any(m.category in _DEAD or m.category == "HISTORICAL" for m in t._.modifiers)
               and _line_start(doc.text, t.start_char) not in options  # a form's "___ Tumor evaluation"
               for t in targets):
            return targets
        dropped = {(t.start, t.end, t.label_) for t in targets
                   if _rule_id(t) in self._unstated_rules and self._about_tumor(doc, t, targets) is False}
        if not dropped:
            return targets
        doc.spans[TARGET_GROUP] = [t for t in doc.spans[TARGET_GROUP] if (t.start, t.end, t.label_) not in dropped]
        return [t for t in targets if (t.start, t.end, t.label_) not in dropped]

    def _nontumor_finding(self, o: Span) -> bool:
        """A lesion target whose own words name a non-tumor finding and no sign of tumor ("white matter
        hyperintensities", "chronic microbleeds"): no tumor subject for a progression."""
        return (any(p.search(o.text) for p in self._nontumor_subject)
                and not any(p.search(wrap_fit(p, o.text)) for p in self._tumor_signs))

    def _mark_resolved(self, doc: Doc, target: Span, before: Span | None, after: Span | None,
                       when: "_PacketTime | None", targets: list[Span]) -> bool:
        """Negate a historical tumor whose stretch says it is over (and does not say it is followed or treated now,
        nor goes on with a new lesion in its sentence); True when it did."""
        held = {m.category for m in target._.modifiers}
        if "HISTORICAL" not in held or held & {"NEGATED_EXISTENCE", "POSSIBLE_EXISTENCE", "HYPOTHETICAL", "FAMILY"}:
            return False
        sent = target[0].sent
        lo = max(sent.start, before.end if before is not None and before.end <= target.start else sent.start)
        for i in range(target.start - 1, lo - 1, -1):
            if doc[i].lower_ in self._resolved_stops:
                lo = i + 1
                break
        hi = min(sent.end, after.start if after is not None and after.start >= target.end else sent.end)
        hi = next((i for i in range(target.end, hi) if doc[i].lower_ in self._resolved_stops), hi)
        stretch = " ".join(w for w in (doc[lo:target.start].text, doc[target.end:hi].text) if w)
        if not (any(p.search(stretch) for p in self._resolution) or (when is not None and self._remote(stretch, when))):
            nxt = self._next_sentence(doc, target, after, hi, targets)
            if nxt is None or not any(p.search(nxt) for p in self._care_ended):
                return False
            stretch = f"{stretch} {nxt}"  # "Meningioma resected 2020. We discharged him from clinic follow-up."
        # what is current is read past the stops too, up to the next tumor: "resected 2012, currently on
        # surveillance MRI", "removed in 2009 but now recurrent"
        end = min(target.sent.end, after.start if after is not None and after.start >= target.end else sent.end)
        rest = " ".join(w for w in (stretch, doc[hi:end].text if end > hi else "") if w)
        for p in self._resolution:
            rest = p.sub(" ", rest)
        if any(p.search(rest) for p in self._active):
            return False  # "no recurrence on surveillance MRI", "resected 2019, currently on temozolomide"
        sent = target.sent
        if any(t.label_ in self._reopened_in_sentence and t.start >= target.end and t.end <= sent.end
               and not any(m.category in _DEAD for m in t._.modifiers) for t in targets):
            return False  # "oligodendroglioma resected 2008, now new enhancement"
        assert self._resolved_rule is not None
        historical = next(m for m in target._.modifiers if m.category == "HISTORICAL")
        _add(target, ConTextModifier(self._resolved_rule, *historical.modifier_span, doc, scope_start=lo,
                                     scope_end=hi))
        return True

    def _next_sentence(self, doc: Doc, target: Span, after: Span | None, hi: int,
                       targets: list[Span]) -> str | None:
        """The sentence after the target's, in the same paragraph (no blank line, no new labelled line), when the
        target is the last tumor of its own sentence, its stretch runs to the sentence end and the next sentence
        names no tumor that is not negated."""
        sent = target.sent
        if hi != sent.end or sent.end >= len(doc) or (after is not None and after.start < sent.end):
            return None
        nxt = doc[sent.end].sent
        gap = doc.text[sent.end_char:nxt.end_char]
        if "\n\n" in gap.strip() or _LABELLED_LINE.search(gap):
            return None
        if any(t.label_ in self._resolved_types and nxt.start <= t.start < nxt.end
               and not any(m.category in _DEAD for m in t._.modifiers) for t in targets):
            return None
        return nxt.text

    def _confirmed_clean(self, targets: list[Span]) -> bool:
        """The packet states there is no residual or recurrent tumor: a negated target of `confirmed_by` (not a
        hypothetical or a relative's)."""
        return any(t.label_ in self._confirmed_by
                   and any(m.category == "NEGATED_EXISTENCE" for m in t._.modifiers)
                   and not any(m.category in {"HYPOTHETICAL", "FAMILY"} for m in t._.modifiers) for t in targets)

    def _remote(self, stretch: str, when: "_PacketTime") -> bool:
        """The stretch dates the tumor far before the packet: its latest year, or an age at the time (a childhood
        age when the packet gives no later age); fewer years suffice when the packet states no residual or recurrent
        tumor now (`confirmed_min_years`)."""
        least = self._confirmed_years if when.confirmed else self._remote_years
        if self._year is not None and when.year is not None:
            years = [int(y.group(0)) for y in self._year.finditer(stretch)]
            if years and when.year - max(years) >= least:
                return True
        ages = [int(m.group("age")) for p in self._age_at for m in p.finditer(stretch)]
        if not ages:
            return False
        then = max(ages)
        if when.age is not None and when.age > then:
            return when.age - then >= least
        return then < self._childhood_below

    def _same_history(self, doc: Doc, tumors: list[Span], over: list[Span], when: "_PacketTime | None") -> None:
        """The history that is over, told again: negate its other historical mentions (a generic word, the same
        words or their last words, nothing current in their stretch) and a form option that only names it as a topic, when no other
        tumor of the document is current."""
        names = {t.text.lower() for t in over}
        # the over tumor's last words name it too ("astrocytoma" of "pilocytic astrocytoma")
        names |= {" ".join(w[k:]) for w in (n.split() for n in names) for k in range(1, len(w))}
        again: list[Span] = []
        for t in tumors:
            held = {m.category for m in t._.modifiers}
            if t in over or held & _DEAD or "POSSIBLE_EXISTENCE" in held:
                continue
            generic = target_info(t).rule_id in self._generic_rules
            if "HISTORICAL" in held:
                told_again = (generic or t.text.lower() in names) and not self._current_near(doc, t)
            elif t.text.lower() in names:
                told_again = self._told_as_record(doc, t, tumors, when) and not self._current_near(doc, t)
            else:
                told_again = generic and self._topic_of_option(doc, t)
            if not told_again:
                return  # another tumor is current: the history told again may be about it
            again.append(t)
        assert self._resolved_rule is not None
        cue = next(m for m in over[0]._.modifiers if m.category == "HISTORICAL")
        for t in again:
            _add(t, ConTextModifier(self._resolved_rule, *cue.modifier_span, doc, scope_start=over[0].start,
                                    scope_end=over[0].end))

    def _current_near(self, doc: Doc, target: Span) -> bool:
        """Its own sentence says the tumor is followed or treated now (what the
        resolution patterns say is over, "no residual", "completed surveillance", does not count)."""
        sent = target.sent
        text = f"{doc[sent.start:target.start].text} {doc[target.end:sent.end].text}"
        for p in self._resolution:
            text = p.sub(" ", text)
        return any(p.search(text) for p in self._active)

    def _told_as_record(self, doc: Doc, target: Span, tumors: list[Span], when: "_PacketTime | None") -> bool:
        """A mention of the same tumor as a record of the past: its line, up to the next tumor, has a `told_marks`
        match (a pathology or diagnosis label, a past operation) or dates it far before the packet (a remote year
        or age)."""
        text = doc.text
        line_start = text.rfind("\n", 0, target.start_char) + 1
        line_end = text.find("\n", target.end_char)
        line_end = line_end if line_end >= 0 else len(text)
        nxt = next((t.start_char for t in tumors if t.start_char >= target.end_char), line_end)
        line = text[line_start:min(line_end, nxt)]
        return any(p.search(line) for p in self._told_marks) or (when is not None and self._remote(line, when))

    def _topic_of_option(self, doc: Doc, target: Span) -> bool:
        """A form option that names the tumor as a topic ("[X] Tumor evaluation/surveillance")."""
        text = doc.text
        line_start = text.rfind("\n", 0, target.start_char) + 1
        line_end = text.find("\n", target.end_char)
        line = text[line_start:line_end if line_end >= 0 else len(text)]
        after = text[target.end_char:line_end if line_end >= 0 else len(text)]
        on_option = holds_option_mark(line) or line_start in option_line_starts(text)
        return on_option and any(p.search(after) for p in self._topic_labels)

    def _keep_current(self, doc: Doc, target: Span, before: Span | None, after: Span | None) -> None:
        """Drop the historical assertion of a target whose condition goes on now or had a recent episode."""
        historical = [m for m in target._.modifiers if m.category == "HISTORICAL"]
        if not historical or any(m.category == "NEGATED_EXISTENCE" for m in target._.modifiers):
            return
        if any((m.rule.metadata or {}).get("id") not in self._releases for m in historical):
            return  # a remote, treated or resolved history ("as a child", "resected 2012") stays historical
        sent = target[0].sent
        reach = min(sent.end, target.end + self._current_reach)
        stop = next((i for i in range(target.end, reach) if doc[i].lower_ in self._current_stops), reach)
        if any(doc[i].lower_ in self._denials for i in range(target.end, stop)):
            return  # "history of seizures, currently seizure-free", "none since"
        end = stop
        if after is not None and after.start < stop and any(
                not (t.is_punct or t.is_space or t.lower_ in self._current_links) for t in doc[target.end:after.start]):
            end = after.start  # another condition's stretch begins ("meningioma, seizures ongoing")
        cue_ends = [m.modifier_span[1] for m in historical if sent.start <= m.modifier_span[1] <= target.start]
        lo = max([sent.start, *cue_ends, before.end if before is not None else 0])
        if any(doc[i].lower_ in self._current_stops | self._denials for i in range(lo, target.start)):
            lo = target.start
        windows = [doc[target.end:end].text, doc[lo:target.start].text]
        if any(p.search(w) for p in self._current for w in windows if w):
            target._.modifiers = tuple(m for m in target._.modifiers if m.category != "HISTORICAL")

    def _end_alternatives(self, doc: Doc, modifiers: list[ConTextModifier], targets: list[Span]) -> None:
        """The alternative not taken ("rather than", "instead of") is negated up to its own end only: the cue's scope
        ends at the alternative's end (`_alternative_end`), and the targets after it lose the cue's negation."""
        index = SpansByStart([(t.start, t.end) for t in targets])
        for modifier in modifiers:
            if (modifier.rule.metadata or {}).get("id") not in self._alternative_rules:
                continue
            scope_start, scope_end = modifier.scope_span
            end = self._alternative_end(doc, modifier.modifier_span[1], scope_end)
            if end >= scope_end:
                continue
            modifier.update_scope(doc[scope_start:end])
            for target in _starting_in(targets, index, end, scope_end):
                if any(m is modifier for m in target._.modifiers):
                    target._.modifiers = tuple(m for m in target._.modifiers if m is not modifier)

    def _alternative_end(self, doc: Doc, start: int, limit: int) -> int:
        """The token where the alternative after a cue ends: a stop; a comma before a new clause's subject or
        determiner, or before a coordinator when the alternative has no comma of its own (else it is a list); a
        coordinator before a subject or an auxiliary ("and it will", "and will")."""
        def next_word(i: int) -> str:
            j = i + 1
            while j < limit and doc[j].is_space:
                j += 1
            return doc[j].lower_ if j < limit else ""

        listed = False
        for i in range(start, limit):
            word = doc[i].lower_
            if word in self._alternative_stops:
                return i
            if word == ",":
                after = next_word(i)
                if after in self._alternative_subjects or after in self._alternative_determiners \
                        or (after in self._alternative_links and not listed):
                    return i
                listed = True
            elif word in self._alternative_links and i > start:
                after = next_word(i)
                if after in self._alternative_subjects or after in self._alternative_auxiliaries:
                    return i
        return limit

    def _reach_back(self, doc: Doc, modifiers: list[ConTextModifier], targets: list[Span]) -> None:
        index = SpansByStart([(t.start, t.end) for t in targets])
        for modifier in modifiers:
            meta = modifier.rule.metadata or {}
            back = meta.get("back_scope")
            if not back or not _cue_holds(doc, modifier):
                continue
            cue = modifier.modifier_span[0]
            reach = max(doc[cue].sent.start, cue - int(back))
            lo = reach
            while lo < cue and any(t.lower_ in self._back_stops for t in doc[lo:cue]):
                lo += 1  # the reach ends at the nearest stop before the cue
            for target in _starting_in(targets, index, lo, cue):
                if target.end > cue or not _back_allows(meta, target.label_):
                    continue
                if any(m.category == modifier.category for m in target._.modifiers):
                    continue
                rule = self._derived(modifier.rule, modifier.category, self._back_id)
                _add(target, ConTextModifier(rule, *modifier.modifier_span, doc, scope_start=lo, scope_end=cue))
            if meta.get("id") in self._coded_rules:
                # a code's description is one phrase: only the `coded_stops` end it ("G06.0 Intracranial abscess and
                # granuloma (r/o)" reaches past its "and")
                while reach < cue and any(t.lower_ in self._coded_stops for t in doc[reach:cue]):
                    reach += 1
                self._reach_code_description(doc, modifier, targets, index, reach)

    def _reach_relative_subject(self, doc: Doc, modifiers: list[ConTextModifier], targets: list[Span]) -> None:
        """A backward cue of the listed categories that opens a relative clause after a comma ("a metastasis, which
        cannot be excluded") reaches the target just before the comma, the clause's subject, that the relative
        pronoun (a terminator) kept it from: only that target, no earlier one, and none that a negation reads."""
        assert self._relative_opening is not None
        index = SpansByStart([(t.start, t.end) for t in targets])
        for modifier in modifiers:
            if modifier.direction.upper() != "BACKWARD" or modifier.category.upper() not in self._relative_categories:
                continue
            cue = modifier.modifier_span[0]
            sent_start = doc[cue].sent.start
            if cue - sent_start < 3 or not _cue_holds(doc, modifier):
                continue
            cue_char = doc[cue].idx
            for target in _starting_in(targets, index, max(sent_start, cue - 12), cue):
                if target.end >= cue or not _allows(modifier.rule, target) \
                        or self._relative_opening.fullmatch(doc.text[target.end_char:cue_char]) is None:
                    continue
                if any(m.category in {modifier.category, "NEGATED_EXISTENCE"} for m in target._.modifiers):
                    continue
                rule = self._derived(modifier.rule, modifier.category, self._relative_id)
                _add(target, ConTextModifier(rule, *modifier.modifier_span, doc, scope_start=target.start,
                                             scope_end=cue))

    def _reach_past_patient_qualifier(self, doc: Doc, modifiers: list[ConTextModifier], targets: list[Span]) -> None:
        """A backward hedge of the listed categories told after a diagnosis and a qualifier of the patient ("a
        cerebellar metastasis in this man with melanoma cannot be excluded") reaches that diagnosis (the text between
        them matched whole by `opening`), and leaves the qualifier's own targets (the melanoma, the age) as they were
        read without it."""
        assert self._qualifier_opening is not None
        index = SpansByStart([(t.start, t.end) for t in targets])
        for modifier in modifiers:
            if modifier.direction.upper() != "BACKWARD" \
                    or modifier.category.upper() not in self._qualifier_categories:
                continue
            cue = modifier.modifier_span[0]
            sent_start = doc[cue].sent.start
            if cue - sent_start < 5 or not _cue_holds(doc, modifier):
                continue
            cue_char = doc[cue].idx
            for target in _starting_in(targets, index, max(sent_start, cue - self._qualifier_reach), cue):
                if target.end >= cue or target.label_ not in self._qualifier_types or not _allows(modifier.rule, target):
                    continue
                if self._qualifier_opening.fullmatch(doc.text[target.end_char:cue_char]) is None:
                    continue
                if any(m.category == "NEGATED_EXISTENCE" for m in target._.modifiers):
                    break
                if not any(m.category == modifier.category for m in target._.modifiers):
                    rule = self._derived(modifier.rule, modifier.category, self._qualifier_id)
                    _add(target, ConTextModifier(rule, *modifier.modifier_span, doc, scope_start=target.start,
                                                 scope_end=cue))
                for inner in _starting_in(targets, index, target.end, cue):
                    if inner.end <= cue:
                        inner._.modifiers = tuple(m for m in inner._.modifiers if m is not modifier)
                break

    def _reach_code_description(self, doc: Doc, modifier: ConTextModifier, targets: list[Span],
                                index: SpansByStart, lo: int) -> None:
        """A code line's parenthetical hedge that names nothing else hedges the code's own description: "G35
        Multiple sclerosis (r/o tumefactive MS)", "E75.25 Metachromatic leukodystrophy (?)". The description is a
        target of `coded_types` between a target of `coded_marks` (the code) and the cue; the parenthesis (to its
        closer or the line's end) names no target of another concept. "G40.909 Epilepsy (r/o tumour)" keeps its
        epilepsy."""
        cue, cue_end = modifier.modifier_span
        close = cue_end
        while close < doc[cue].sent.end and doc[close].text not in self._coded_closers \
                and not _is_line_break(doc[close]):
            close += 1
        line = _line_start(doc.text, doc[cue].idx)
        before = [t for t in _starting_in(targets, index, lo, cue) if t.end <= cue]
        inside = {t.label_ for t in _starting_in(targets, index, cue_end, close) if t.end <= close}
        for target in before:
            if target.label_ not in self._coded_types or target.start_char < line:
                continue
            prefix = doc.text[line:target.start_char]
            if not any(p.search(prefix) for p in self._coded_marks):
                continue
            if inside - {target.label_} or any(m.category == modifier.category for m in target._.modifiers):
                continue
            assert self._back_id is not None
            rule = self._derived(modifier.rule, modifier.category, self._back_id)
            _add(target, ConTextModifier(rule, *modifier.modifier_span, doc, scope_start=lo, scope_end=cue))

    def _reach_objects(self, doc: Doc, modifiers: list[ConTextModifier], targets: list[Span]) -> None:
        """An exclusion told in the active voice ("staging ruled out metastatic disease", "the tumour board ruled out
        a glioma") also negates its object, the targets right after the cue (see the `object_reach` scope)."""
        diagnoses = [t for t in targets if t.label_ in self._object_types]  # sorted by start
        by_start: dict[int, Span] = {}  # the longest diagnosis starting at each token
        for t in diagnoses:
            if t.start not in by_start or t.end > by_start[t.start].end:
                by_start[t.start] = t
        diagnosis_ends = {t.end for t in diagnoses}
        for modifier in modifiers:
            if modifier.category != "NEGATED_EXISTENCE" \
                    or (modifier.rule.metadata or {}).get("id") not in self._object_rules:
                continue
            start, end = modifier.modifier_span
            if " ".join(t.lower_ for t in doc[start:end] if not t.is_space) not in self._object_words:
                continue
            sent = doc[start].sent
            prev = start - 1
            while prev >= sent.start and doc[prev].is_space:
                prev -= 1
            if prev >= sent.start and (doc[prev].lower_ in self._object_auxiliaries or prev + 1 in diagnosis_ends):
                continue  # the passive ("glioma was ruled out"), or the finding it reads ("tumour ruled out")
            reached: list[Span] = []
            i, limit, joined = end, min(sent.end, end + self._object_reach), False
            while i < limit:
                token = doc[i]
                target = by_start.get(i)
                if token.is_space:
                    i += 1
                elif target is not None:  # with the diagnoses inside it ("recurrent glioblastoma")
                    reached.extend(t for t in diagnoses if i <= t.start < target.end)
                    i, joined = target.end, False
                elif not reached and token.lower_ in self._object_determiners:
                    i += 1
                elif reached and not joined and token.lower_ in self._object_separators:
                    i, joined = i + 1, token.lower_ == ","
                elif reached and joined and token.lower_ in self._object_separators and token.lower_ != ",":
                    i += 1  # ", and", ", or"
                else:
                    break
            self._extend(doc, modifier, reached, end, i, self._object_id)

    def _own_tumor(self, doc: Doc, target: Span, targets: list[Span], by_start: SpansByStart) -> None:
        """The patient's own tumor ("of her treated GBM"): drop the assertions of the `own_tumor` categories made by
        cues outside the possessive phrase; so does a treatment of `pass_types` told inside it ("her resected
        glioblastoma")."""
        if target.label_ not in self._own_types:
            return
        lo = max(target.sent.start, target.start - 1 - self._own_gap)
        head = next((i for i in range(target.start - 1, lo - 1, -1) if doc[i].lower_ in self._own_heads), None)
        if head is None or any(t.lower_ not in self._own_qualifiers for t in doc[head + 1:target.start]):
            return
        inner = [targets[k] for k in by_start.candidates(head + 1, target.start)
                 if targets[k].label_ in self._own_inner_types
                 and head < targets[k].start and targets[k].end <= target.start]
        for span in (target, *inner):
            kept = [m for m in span._.modifiers
                    if m.category not in self._own_categories
                    or (head <= m.modifier_span[0] and m.modifier_span[1] <= target.end)]
            if len(kept) != len(span._.modifiers):
                span._.modifiers = tuple(kept)

    def _deny_suspicion(self, doc: Doc, modifiers: list[ConTextModifier], targets: list[Span]) -> None:
        """A suspicion verb after its noun that a denying word before the noun denies ("No inborn error is
        suspected", "neither a leukodystrophy nor a mitochondrial disorder is suspected"): the targets between lose
        that hedge and are negated (the `denied_suspicion` scope)."""
        assert self._denied_rule is not None
        by_token: dict[int, list[Span]] = {}
        for t in targets:
            for i in range(t.start, t.end):
                by_token.setdefault(i, []).append(t)
        for hedge in modifiers:
            if (hedge.rule.metadata or {}).get("id") not in self._denied_rules:
                continue
            start, end = hedge.modifier_span
            if " ".join(doc[start:end].text.lower().split()) not in self._denied_words:
                continue
            first = doc[start].sent.start
            reached: list[Span] = []
            gap, head, i, after_noun = 0, None, start - 1, False
            while i >= first:
                word = doc[i].lower_
                if word in self._denied_heads:
                    head = i
                    break
                if i in by_token and not gap:
                    reached.extend(by_token[i])
                    i = min(t.start for t in by_token[i]) - 1
                    after_noun = True
                    continue
                if word in self._denied_stops or doc[i].is_space:
                    break
                # other words only right before a noun, its qualifiers ("no definite underlying tumour", "neither an
                # inherited leukodystrophy nor a primary mitochondrial disorder")
                if word not in self._denied_links:
                    if not after_noun or gap >= self._denied_gap or i in by_token:
                        break
                    gap += 1
                else:
                    after_noun, gap = False, 0
                i -= 1
            if head is None:
                continue
            for target in reached:
                if target.label_ not in self._denied_types:
                    continue
                # an item the hedge's own scope did not reach ("Neither X nor Y is felt likely": the hedge word at the
                # clause's end reaches Y only) is denied too, unless another cue tells of it
                if not any(m is hedge for m in target._.modifiers) \
                        and any(m.category != "NEGATED_EXISTENCE" for m in target._.modifiers):
                    continue
                target._.modifiers = tuple(m for m in target._.modifiers if m is not hedge)
                if not any((m.rule.metadata or {}).get("id") == self._denied_id for m in target._.modifiers):
                    _add(target, ConTextModifier(self._denied_rule, start, end, doc, scope_start=head,
                                                 scope_end=end))

    def _name_the_test(self, doc: Doc, targets: list[Span]) -> None:
        """A target that names a test whose purpose names a disease ("Leukodystrophy gene panel (for adult-onset
        leukodystrophy): negative") takes the negation a cue of `rules` gives that purpose's target (the `test_name`
        scope); targets are sorted by start."""
        assert self._named_opening is not None
        for k, target in enumerate(targets):
            if target.label_ not in self._named_types \
                    or any(m.category == "NEGATED_EXISTENCE" for m in target._.modifiers):
                continue
            sent_end = target.sent.end_char
            opening = self._named_opening.match(doc.text, target.end_char, sent_end)
            if opening is None:
                continue
            purpose = next((t for t in targets[k + 1:] if t.start_char >= opening.end()
                            and t.label_ in self._named_types), None)
            if purpose is None or purpose.start_char >= sent_end \
                    or self._named_purpose.fullmatch(doc.text, opening.end(), purpose.start_char) is None:
                continue
            verdict = next((m for m in purpose._.modifiers if m.category == "NEGATED_EXISTENCE"
                            and m.modifier_span[0] >= purpose.end
                            and (m.rule.metadata or {}).get("id") in self._named_rules), None)
            if verdict is None:
                continue
            rule = self._derived(verdict.rule, verdict.category, self._named_id)
            _add(target, ConTextModifier(rule, *verdict.modifier_span, doc, scope_start=target.start,
                                         scope_end=verdict.modifier_span[1]))

    def _reach_past_inner_cues(self, doc: Doc, modifiers: list[ConTextModifier], targets: list[Span]) -> None:
        """A forward cue of the `inner_cue` categories whose scope was ended by a cue of another category inside a
        target's own words ("no" ended by "atypical" in "no atypical features") reaches that target."""
        index = SpansByStart([(t.start, t.end) for t in targets])
        ending: dict[int, list[ConTextModifier]] = {}
        for modifier in modifiers:
            if modifier.category in self._inner_categories \
                    and modifier.direction.upper() in ("FORWARD", "BIDIRECTIONAL"):
                ending.setdefault(modifier.scope_span[1], []).append(modifier)
        for cutter in modifiers:
            lo, hi = cutter.modifier_span
            if cutter.direction.upper() == "TERMINATE" or lo not in ending:
                continue
            for k in index.candidates(lo, hi):
                target = targets[k]
                if not (target.start <= lo and hi <= target.end):
                    continue
                for modifier in ending[lo]:
                    reach = modifier.rule.max_scope
                    if modifier.category == cutter.category or modifier.modifier_span[1] > target.start \
                            or modifier.modifier_span[0] < target.sent.start \
                            or (reach is not None and target.end - modifier.modifier_span[1] > reach) \
                            or not _allows(modifier.rule, target) \
                            or any(m.category == modifier.category for m in target._.modifiers):
                        continue
                    rule = self._derived(modifier.rule, modifier.category, self._inner_id)
                    _add(target, ConTextModifier(rule, *modifier.modifier_span, doc,
                                                 scope_start=modifier.scope_span[0], scope_end=target.end))

    def _test_result(self, target: Span) -> None:
        """A result stated right after its organism or test ("JCV neg", "toxo IgG neg"): drop the assertions of the
        `test_result` categories made by cues outside the phrase from the target to its result."""
        if target.label_ not in self._result_types or not target._.modifiers:
            return
        results = [m for m in target._.modifiers if m.category == "NEGATED_EXISTENCE"
                   and target.end <= m.modifier_span[0] <= target.end + self._result_gap
                   and ((m.rule.metadata or {}).get("id") in self._result_rules
                        or " ".join(target.doc[m.modifier_span[0]:m.modifier_span[1]].text.lower().split())
                        in self._result_words)]
        if not results:
            return
        end = max(m.modifier_span[1] for m in results)
        kept = [m for m in target._.modifiers if m.category not in self._result_categories
                or (target.start <= m.modifier_span[0] and m.modifier_span[1] <= end)]
        if len(kept) != len(target._.modifiers):
            target._.modifiers = tuple(kept)

    def _denied_question(self, target: Span) -> None:
        """A differential said not to be in question ("no question of glioma vs lymphoma", "abscess or metastasis is
        not in question"): drop the `denied_question` hedges inside the denial's reach, with no stop between the hedge
        and the denial, from a target the denial negates."""
        doc = target.doc
        denials = [m for m in target._.modifiers if (m.rule.metadata or {}).get("id") in self._question_denials]
        if not denials:
            return

        def denied(hedge: ConTextModifier) -> bool:
            if (hedge.rule.metadata or {}).get("id") not in self._question_hedges:
                return False
            h_start, h_end = hedge.modifier_span
            for denial in denials:
                d_start, d_end = denial.modifier_span
                lo, hi = denial.scope_span
                if not (min(lo, d_start) <= h_start and h_end <= max(hi, d_end)):
                    continue
                gap = doc[min(d_end, h_end):max(d_start, h_start)]
                if not any(t.lower_ in self._question_stops for t in gap):
                    return True
            return False

        kept = [m for m in target._.modifiers if not denied(m)]
        if len(kept) != len(target._.modifiers):
            target._.modifiers = tuple(kept)

    @staticmethod
    def _release_device_objects(doc: Doc, targets: list[Span], types: frozenset[str], categories: frozenset[str],
                                names_object: Callable[[Doc, str, ConTextModifier, Span, list[Span]], bool]) -> None:
        """Drop from each device target of `types` the modifiers of `categories` whose cue speaks of another object
        of the device (`names_object`: its removal, its MRI clearance), not of the device itself."""
        text = doc.text
        for target in targets:
            if target.label_ not in types or not target._.modifiers:
                continue
            kept = [m for m in target._.modifiers
                    if m.category not in categories or not names_object(doc, text, m, target, targets)]
            if len(kept) != len(target._.modifiers):
                target._.modifiers = tuple(kept)

    def _names_clearance(self, doc: Doc, text: str, modifier: ConTextModifier, target: Span,
                         targets: list[Span]) -> bool:
        """Whether `modifier`'s cue speaks of `target`'s clearance (see `clearance_object`): a clearance word between
        the device and a cue after it, with no other device between them; a clearance word right after a cue after
        the device; or a clearing verb (and a determiner) alone between a cue before the device and the device."""
        first, last = doc[modifier.modifier_span[0]], doc[modifier.modifier_span[1] - 1]
        cue_start, cue_end = first.idx, last.idx + len(last.text)
        dev_start, dev_end = target.start_char, target.end_char
        if cue_start < dev_end and dev_start < cue_end:
            return False
        if cue_end <= dev_start:
            return any(p.fullmatch(text, cue_end, dev_start) for p in self._cleared_before)
        if any(t is not target and t.label_ in self._cleared_types and dev_end <= t.start_char < cue_start
               for t in targets):
            return False
        if any(p.search(text, dev_end, cue_start) for p in self._cleared_between):
            return True
        return any(p.match(text, cue_end, last.sent.end_char) for p in self._cleared_after)

    def _names_removal(self, doc: Doc, text: str, modifier: ConTextModifier, target: Span,
                       targets: list[Span]) -> bool:
        """Whether a removal word names what `modifier`'s cue speaks of about `target` (see `removal_object`)."""
        cue_start, cue_end = doc[modifier.modifier_span[0]].idx, doc[modifier.modifier_span[1] - 1].idx + len(
            doc[modifier.modifier_span[1] - 1].text)
        dev_start, dev_end = target.start_char, target.end_char
        if cue_start < dev_end and dev_start < cue_end:
            return False
        sent = target.sent
        lo, hi = min(sent.start_char, doc[modifier.modifier_span[0]].sent.start_char), max(
            sent.end_char, doc[modifier.modifier_span[1] - 1].sent.end_char)
        gap_lo, gap_hi = (cue_end, dev_start) if cue_end <= dev_start else (dev_end, cue_start)
        others = [(t.start_char, t.end_char) for t in targets if t is not target]
        for pattern in self._removal_between:
            for found in pattern.finditer(text, gap_lo, gap_hi):
                # no other target between the removal word and the device: "declined tumour removal and VNS" is no
                # removal of the VNS
                a, b = (found.end(), dev_start) if cue_end <= dev_start else (dev_end, found.start())
                if not any(a <= s < b or a < e <= b for s, e in others):
                    return True
        later_end = max(cue_end, dev_end)
        if any(p.match(text[later_end:hi]) for p in self._removal_after):
            return True
        if dev_start < cue_start:
            return any(p.search(text[lo:dev_start]) for p in self._removal_before)
        return False

    def _release_change_object(self, doc: Doc, target: Span, starts: set[int]) -> None:
        if target.label_ not in self._object_types:
            return
        kept = []
        for modifier in target._.modifiers:
            if modifier.category == "NEGATED_EXISTENCE" and modifier.modifier_span[1] <= target.start \
                    and self._object_of_change(doc, modifier.modifier_span[1], target, starts):
                continue
            kept.append(modifier)
        if len(kept) != len(target._.modifiers):
            target._.modifiers = tuple(kept)

    def _object_of_change(self, doc: Doc, cue_end: int, target: Span, starts: set[int]) -> bool:
        """Between the cue and the target: a change word, a link word, and then at most `max_gap` tokens with no
        other target, up to the target."""
        for j in range(target.start - 2, max(cue_end, target.start - 2 - self._max_gap) - 1, -1):
            if doc[j].lower_ in self._heads and doc[j + 1].lower_ in self._links:
                return not any(k in starts for k in range(j + 2, target.start))
        return False

    def _add_also(self, doc: Doc, target: Span) -> None:
        held = {m.category for m in target._.modifiers}
        for modifier in target._.modifiers:
            for category in (modifier.rule.metadata or {}).get("also", ()):
                if category in held:
                    continue
                held.add(category)
                rule = self._derived(modifier.rule, category, None)
                _add(target, ConTextModifier(rule, *modifier.modifier_span, doc, scope_start=modifier.scope_span[0],
                                             scope_end=modifier.scope_span[1]))

    def _extend(self, doc: Doc, modifier: ConTextModifier, candidates: list[Span], start: int, end: int,
                via: str | None) -> None:
        """Give `modifier`'s category, reached through the scope `via`, to each candidate target that lies in
        [start, end), that the cue's rule allows and that has no modifier of that category yet."""
        assert via is not None
        for target in candidates:
            if target.end > end or not _allows(modifier.rule, target):
                continue
            if any(m.category == modifier.category for m in target._.modifiers):
                continue
            rule = self._derived(modifier.rule, modifier.category, via)
            _add(target, ConTextModifier(rule, *modifier.modifier_span, doc, scope_start=start, scope_end=end))

    def _derived(self, rule: ConTextRule, category: str, via: str | None) -> ConTextRule:
        """A copy of a cue's rule with another category or marked as reaching through a scope (cached)."""
        key = (id(rule), category, via or "")
        if key not in self._rules:
            metadata = {k: v for k, v in (rule.metadata or {}).items()
                        if k not in {"also", "back_scope", "back_types", "back_excluded_types"}}
            if via:
                metadata["via"] = via
                metadata["also"] = (rule.metadata or {}).get("also", [])
            self._rules[key] = ConTextRule(literal=rule.literal, category=category, direction=rule.direction,
                                           metadata=metadata)
        return self._rules[key]


@Language.factory("context_extensions", assigns=["span._.modifiers"])
def make_context_extensions(nlp: Language, name: str) -> RuleExtensions:
    return RuleExtensions(nlp, name)


@Language.factory("section_context", assigns=["span._.modifiers"])
def make_section_context(nlp: Language, name: str) -> SectionContext:
    return SectionContext(nlp, name)


@Language.factory("list_context", assigns=["span._.modifiers"])
def make_list_context(nlp: Language, name: str) -> ListContext:
    return ListContext(nlp, name)


__all__: list[Any] = ["ListContext", "RuleExtensions", "SectionContext"]
