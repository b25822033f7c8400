"""Spoken punctuation of uncorrected speech-recognition dictation, for the NLP text.

A dictation that nobody corrected writes what the doctor said: "no focal deficits period new paragraph impression
colon ...". The NLP must see the sentence ends and headers that were spoken. Here each spoken mark becomes the
mark ("." "," ":" ";" "(" ")" or a line break), mapped to the characters of the spoken word, so evidence offsets
still point at what was sent. The marks are cues of resources/cues.yaml (`dictation.*`).

Only a mark word used as punctuation is replaced: one used as a noun ("a period of two weeks", "the colon was
normal", "postictal period", "comma-shaped lesion", "sigmoid colon:") stays a word, and only where the text is
dictated that way: a paragraph (text between blank lines; a page break is one) is read as dictated when it has at
least DICTATED_MIN_MARKS spoken marks, or one mark that has no other use (`dictation.unambiguous`: "new
paragraph", "semicolon", "open paren"), and so is a page with at least PAGE_MIN_MARKS of them; elsewhere a mark word counts alone only at the end of its line before a
line that starts with a capital ("impression colon" / "Indeterminate focus"), where it can only be punctuation. A
single "period" or "colon" inside a typed paragraph is a word. A spoken colon is punctuation only after a short
heading that starts its sentence ("history colon", "physical examination colon"); the heading then starts its own
line, as a written heading does, and a spoken full stop ends its line, so the next sentence starts even in lower
case.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from ..cues import Cue, load_cue_file

_CUES = "cues.yaml"
MARKS = (("dictation.new_paragraph", "\n\n"), ("dictation.new_line", "\n"), ("dictation.period", "."),
         ("dictation.comma", ","), ("dictation.semicolon", ";"), ("dictation.colon", ":"),
         ("dictation.open_paren", "("), ("dictation.close_paren", ")"))
DICTATED_MIN_MARKS = 2
"""A paragraph is dictated when it has at least this many spoken marks (one "period" is more likely a word)."""
PAGE_MIN_MARKS = 3
"""A page is dictated when it has at least this many spoken marks, however its paragraphs share them (a letter
dictated one short paragraph at a time)."""
HEADING_MAX_WORDS = 4
"""A spoken colon follows a heading of at most this many words ("physical examination colon")."""
_ENDS = ".!?\n"
_OPENING = frozenset({"\n", "\n\n", "("})  # marks that need no word before them
_BREAKS = ".!?:;\n"
_TYPED_AFTER = ".,;:"  # a mark word followed by a typed mark is a word ("the postop period.", "sigmoid colon:")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    cue_id: str
    mark: str


@cache
def _cues() -> tuple[tuple[tuple[Cue, str], ...], Cue, Cue]:
    file = load_cue_file("pipeline.nlp.resources", _CUES)
    return (tuple((file.cue(cue_id), mark) for cue_id, mark in MARKS), file.cue("dictation.noun_before"),
            file.cue("dictation.noun_after"))


@cache
def _cue(cue_id: str) -> Cue:
    """`dictation.unambiguous`: a mark word that has no other use than spoken punctuation ("new paragraph",
    "semicolon"); `dictation.duration_before`: the words that make a "period" a span of time ("a two week")."""
    return load_cue_file("pipeline.nlp.resources", _CUES).cue(cue_id)


def _word_before(text: str, i: int) -> str | None:
    """The word that ends right before position i on the same line (spaces between), or None."""
    j = i
    while j > 0 and text[j - 1] == " ":
        j -= 1
    k = j
    while k > 0 and not text[k - 1].isspace():
        k -= 1
    return text[k:j] if k < j else None


def _word_after(text: str, i: int) -> str:
    j = i
    while j < len(text) and text[j] == " ":
        j += 1
    k = j
    while k < len(text) and not text[k].isspace():
        k += 1
    return text[j:k].strip(".,;:()")


def _candidates(text: str) -> list[_Mark]:
    """Spoken-mark words used as punctuation, in text order (not yet the colon's heading test)."""
    marks, noun_before, noun_after = _cues()
    found: list[_Mark] = []
    for cue, mark in marks:
        for m in cue.regex.finditer(text):
            found.append(_Mark(m.start(), m.end(), cue.id, mark))
    found.sort(key=lambda c: (c.start, -c.end))
    out: list[_Mark] = []
    for c in found:
        if out and c.start < out[-1].end:
            continue
        if c.end < len(text) and text[c.end] in "-'\u2019":
            continue  # "comma-shaped", "colon's"
        if c.mark != ")" and c.end < len(text) and text[c.end] in _TYPED_AFTER:
            continue  # "over the postictal period.", "Sigmoid colon: normal": typed text around a word
        before = _word_before(text, c.start)
        if c.mark not in _OPENING and (before is None or not before[-1:].isalnum()):
            continue  # a mark closes a word: "Period:" heading a line is a word
        if before is not None and noun_before.matches(before.strip("(")):
            continue  # "a period of", "the colon"
        if c.cue_id == "dictation.period" and \
                _cue("dictation.duration_before").matches(text[max(0, c.start - 40):c.start]):
            continue  # "over a two week period"
        if noun_after.matches(_word_after(text, c.end)):
            continue  # "period of", "colon was normal"
        out.append(c)
    return out


def _ends_line_before_capital(text: str, c: _Mark) -> bool:
    """The mark word (not a spoken line break) ends its line and the next line with text starts with a capital:
    punctuation by position ("history colon" / "Two months of headaches")."""
    if c.mark in _OPENING:
        return False
    i = c.end
    while i < len(text) and text[i] in " \t":
        i += 1
    if i >= len(text) or text[i] != "\n":
        return False
    while i < len(text) and text[i].isspace():
        i += 1
    return i < len(text) and text[i].isupper()


def _dictated(text: str, offsets: array, source: str, candidates: list[_Mark]) -> list[_Mark]:
    """The candidates of the paragraphs dictated with spoken punctuation (at least DICTATED_MIN_MARKS of them, or
    one `dictation.unambiguous` mark) and of the pages that have at least PAGE_MIN_MARKS of them, and elsewhere
    those that end their line before a capitalised line. A paragraph ends at a blank line and at a page break of
    the source."""
    breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)]
    pages = [i for i, ch in enumerate(source) if ch == "\f"]
    unambiguous = _cue("dictation.unambiguous")

    def where(c: _Mark) -> tuple[int, int]:
        return bisect_right(pages, offsets[c.start]), bisect_right(breaks, c.start)

    per_paragraph: dict[tuple[int, int], int] = {}
    per_page: dict[int, int] = {}
    for c in candidates:
        page, paragraph = where(c)
        strong = unambiguous.matches(text[c.start:c.end])
        per_paragraph[page, paragraph] = per_paragraph.get((page, paragraph), 0) + (
            DICTATED_MIN_MARKS if strong else 1)
        per_page[page] = per_page.get(page, 0) + 1
    return [c for c in candidates if per_paragraph[where(c)] >= DICTATED_MIN_MARKS
            or per_page[where(c)[0]] >= PAGE_MIN_MARKS or _ends_line_before_capital(text, c)]


def spoken_punctuation(text: str, offsets: array, source: str) -> tuple[str, array]:
    """`text` (mapped to `source` by `offsets`, len(text) + 1 entries) with the spoken marks of dictated
    paragraphs given as marks; the offsets map every output character to a source character of what it stands
    for."""
    if not any(cue.regex.search(text) for cue, _ in _cues()[0]):
        return text, offsets
    candidates = _dictated(text, offsets, source, _candidates(text))
    if not candidates:
        return text, offsets

    line_breaks = {c.start for c in candidates if c.mark.startswith("\n")}
    out: list[str] = []
    out_offsets = array("i")
    clause = 0  # the index in `out` where the current clause starts

    def emit(ch: str, src: int) -> None:
        out.append(ch)
        out_offsets.append(src)

    def trim() -> None:
        while out and out[-1] == " ":
            out.pop()
            out_offsets.pop()

    i = 0
    for c in candidates:
        for j in range(i, c.start):
            emit(text[j], offsets[j])
            if text[j] in _BREAKS:
                clause = len(out)
        i = c.end
        last = offsets[c.end - 1]
        if c.mark == ":":
            heading = "".join(out[clause:]).split()
            opened = "".join(out[:clause]).rstrip(" ")
            if not heading or len(heading) > HEADING_MAX_WORDS or (opened and opened[-1] not in _ENDS):
                for j in range(c.start, c.end):  # "colon" inside a sentence: the organ
                    emit(text[j], offsets[j])
                continue
            lead = clause
            while lead < len(out) and out[lead] == " ":
                lead += 1
            if lead > 0 and out[lead - 1] == " ":
                out[lead - 1] = "\n"  # the heading starts its line
        if c.mark == "(":
            emit("(", last)
        elif c.mark in _OPENING:
            trim()
            for k, ch in enumerate(c.mark):
                emit(ch, offsets[c.start + k])
        else:
            trim()
            emit(c.mark, last)
        if c.mark in _OPENING or c.mark == ".":
            while i < len(text) and text[i] == " ":
                i += 1  # no space after "(" or a line break
            if c.mark == "." and i < len(text) and text[i] != "\n" and i not in line_breaks:
                emit("\n", offsets[i - 1])  # a spoken full stop ends its line (on the space after it)
        if c.mark != "," and c.mark != ")":
            clause = len(out)
    for j in range(i, len(text)):
        emit(text[j], offsets[j])
    out_offsets.append(offsets[len(text)])
    return "".join(out), out_offsets
