"""A clinician's correction retracts the statement it calls wrong (rules: resources/retraction.yaml).

An attestation, an addendum or a note corrects an earlier draft, dictation, transcription, template or problem
list: it quotes the wrong text and rejects it ('Draft HPI: "MRI showed an ependymoma." Incorrect - no tissue
diagnosis exists.', 'Transcription error: "history of encephalitis" should read "history of epilepsy".'), or a coded
or listed entry is marked entered in error, voided or struck ("G40.909 epilepsy - entered in error 03/2026",
"[struck] glioma"). The retracted text is found here, on the NLP-normalised text:

- a quoted statement ("...", “...”, ‘...’, '...') with rejecting words right after its closing quote
  (retract.rejected_after) or right before its opening quote on its line (retract.rejected_before), unless the words
  before it make it the correction itself ('should read "..."': retract.replacement_before), and each quote joined to
  a quote so rejected by "and", "or" or a comma within one sentence ('the draft says "A" and the list says "B". This
  is wrong.': retract.quote_joiner): rule retract.quoted_rejected;
- the same words, case and spacing aside, where they stand elsewhere in the document (the draft's own sentence),
  when the quote has at least `MATCH_BACK_WORDS` words: rule retract.quoted_elsewhere;
- an entry marked wrong (retract.entry_marker): the entry is the clause the mark stands in (its line, cut at ";" and
  at sentence ends) up to the mark, or what follows a mark that opens the clause ("[struck] glioma"); a line that
  holds only a status label and the mark ("Status: entered in error", retract.status_label) marks the lines above it
  back to a blank line (at most `STATUS_LINES_UP`). An entry about an order, a schedule or an authorization, or one
  that denies the error, is none (retract.entry_not_a_retraction): rule retract.entry_marked.

What the correction says instead is read normally. Mentions inside a retracted range carry the modifier
`retracted` and the rule id (extract.py); the facts count them for nothing and keep them as ignored evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..cues import load_cue_file

_BOOK = load_cue_file("pipeline.nlp.resources", "retraction.yaml")
REJECTED_AFTER = _BOOK.cue("retract.rejected_after")
REJECTED_BEFORE = _BOOK.cue("retract.rejected_before")
REPLACEMENT_BEFORE = _BOOK.cue("retract.replacement_before")
QUOTE_JOINER = _BOOK.cue("retract.quote_joiner")
ENTRY_MARKER = _BOOK.cue("retract.entry_marker")
ENTRY_NOT = _BOOK.cue("retract.entry_not_a_retraction")
STATUS_LABEL = _BOOK.cue("retract.status_label")

QUOTED_RULE = "retract.quoted_rejected"
ELSEWHERE_RULE = "retract.quoted_elsewhere"
ENTRY_RULE = "retract.entry_marked"
RETRACTED = "retracted"
"""The mention modifier of a retracted statement's mentions."""

MATCH_BACK_WORDS = 3
"""A rejected quote of at least this many words is matched back into the rest of the document; a shorter one
("glioma") would catch every mention of its words."""
STATUS_LINES_UP = 3
_AFTER_REACH = 80
_BEFORE_REACH = 100
_MAX_QUOTE = 400
_QUOTES = re.compile(
    r'"(?P<a>[^"]{2,400}?)"'
    r"|\u201c(?P<b>[^\u201d]{2,400}?)\u201d"
    r"|\u2018(?P<c>[^\u2019]{2,400}?)\u2019"
    r"|(?<![\w'])'(?P<d>[^'\s][^']{0,398}?)'(?!\w)"
)
_CLAUSE_END = re.compile(r"[;\n]|[.!?](?=\s)")
_TRIM = " \t\r\n.,;:!?-\u2013\u2014()[]"


@dataclass(frozen=True)
class Retraction:
    start: int
    end: int
    rule_id: str


def _quotes(text: str) -> list[tuple[int, int, int, int]]:
    """(open, close_end, inner_start, inner_end) of each quotation that stays within one paragraph."""
    out = []
    for m in _QUOTES.finditer(text):
        group = next(g for g in "abcd" if m.group(g) is not None)
        inner = m.group(group)
        if re.search(r"\n[ \t]*\n", inner) or len(inner) > _MAX_QUOTE:
            continue
        out.append((m.start(), m.end(), m.start(group), m.end(group)))
    return out


def _rejected(text: str, quotes: list[tuple[int, int, int, int]], k: int) -> bool:
    q_open, q_close, _, _ = quotes[k]
    nxt = quotes[k + 1][0] if k + 1 < len(quotes) else len(text)
    after = text[q_close:min(nxt, q_close + _AFTER_REACH)]
    line_start = text.rfind("\n", 0, q_open) + 1
    lo = max(line_start, q_open - _BEFORE_REACH, quotes[k - 1][1] if k else 0)
    before = text[lo:q_open]
    if REPLACEMENT_BEFORE.matches(before):
        return False  # the correction itself
    return REJECTED_AFTER.matches(after) or REJECTED_BEFORE.matches(before)


def _words_regex(inner: str) -> re.Pattern[str] | None:
    words = inner.strip(_TRIM).split()
    if len(words) < MATCH_BACK_WORDS:
        return None
    body = r"\s+".join(re.escape(w) for w in words)
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


def _entry(text: str, mark: re.Match[str]) -> tuple[int, int] | None:
    """The entry a mark stands on (see the module docstring), or None."""
    lo = 0
    for c in _CLAUSE_END.finditer(text, max(0, mark.start() - 300), mark.start()):
        lo = c.end()
    line_start = text.rfind("\n", 0, mark.start()) + 1
    lo = max(lo, line_start)
    end = _CLAUSE_END.search(text, mark.end())
    hi = end.start() if end is not None else len(text)
    head = text[lo:mark.start()]
    if ENTRY_NOT.matches(text[lo:hi]):
        return None
    if head.strip(_TRIM + "*#>|~"):
        if STATUS_LABEL.matches(head) and lo == line_start:
            return _lines_above(text, line_start)
        return lo, mark.end()
    tail = text[mark.end():hi]
    return (mark.end(), hi) if tail.strip(_TRIM + "*#>|~") else None  # "[struck] glioma"


def _lines_above(text: str, line_start: int) -> tuple[int, int] | None:
    """The lines right above `line_start` back to a blank line (at most STATUS_LINES_UP)."""
    hi = line_start - 1  # the line break that ends the line above
    lo = None
    end = hi
    for _ in range(STATUS_LINES_UP):
        if end < 0:
            break
        start = text.rfind("\n", 0, end) + 1
        if not text[start:end].strip():
            break
        lo, end = start, start - 1
    return (lo, hi) if lo is not None else None


def retractions(text: str) -> list[Retraction]:
    """The retracted ranges of the text (offsets in `text`), each with the rule that found it."""
    out: list[Retraction] = []
    quotes = _quotes(text)
    rejected = [_rejected(text, quotes, k) for k in range(len(quotes))]
    for k in range(len(quotes) - 2, -1, -1):  # a rejection reaches back over the quotes joined to its quote
        if (rejected[k + 1] and not rejected[k]
                and not REPLACEMENT_BEFORE.matches(text[max(0, quotes[k][0] - _BEFORE_REACH):quotes[k][0]])
                and QUOTE_JOINER.matches(text[quotes[k][1]:quotes[k + 1][0]])):
            rejected[k] = True
    for k, (_, _, i_start, i_end) in enumerate(quotes):
        if not rejected[k]:
            continue
        out.append(Retraction(i_start, i_end, QUOTED_RULE))
        regex = _words_regex(text[i_start:i_end])
        if regex is None:
            continue
        for m in regex.finditer(text):
            if not (i_start <= m.start() < i_end):
                out.append(Retraction(m.start(), m.end(), ELSEWHERE_RULE))
    for mark in ENTRY_MARKER.regex.finditer(text):
        entry = _entry(text, mark)
        if entry is not None:
            out.append(Retraction(entry[0], entry[1], ENTRY_RULE))
    return out


def retraction_of(ranges: list[Retraction], start: int, end: int) -> Retraction | None:
    """The retraction whose range holds [start, end), or None."""
    return next((r for r in ranges if r.start <= start and end <= r.end), None)
