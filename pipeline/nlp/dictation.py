"""Spoken punctuation of uncorrected speech-recognition dictation, for the NLP text.

A dictation that nobody corrected writes what the doctor said: "no focal deficits period new paragraph impression
colon ...". The NLP must see the sentence ends and headers that were spoken. Here each spoken mark becomes the
mark ("." "," ":" ";" "(" ")" or a line break), mapped to the characters of the spoken word, so evidence offsets
still point at what was sent. The marks are cues of resources/cues.yaml (`dictation.*`).

Only a mark word used as punctuation is replaced: one used as a noun ("a period of two weeks", "the colon was
normal", "comma-shaped lesion") stays a word, and a page is read as dictated only when it has at least
DICTATED_MIN_MARKS spoken marks. A spoken colon is punctuation only after a short heading that starts its
sentence ("history colon", "physical examination colon"); the heading then starts its own line, as a written
heading does, and a spoken full stop ends its line, so the next sentence starts even in lower case.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from ..cues import Cue, load_cue_file

_CUES = "cues.yaml"
MARKS = (("dictation.new_paragraph", "\n\n"), ("dictation.new_line", "\n"), ("dictation.period", "."),
         ("dictation.comma", ","), ("dictation.semicolon", ";"), ("dictation.colon", ":"),
         ("dictation.open_paren", "("), ("dictation.close_paren", ")"))
DICTATED_MIN_MARKS = 3
"""A page is dictated when it has at least this many spoken marks (one "period" is more likely a word)."""
HEADING_MAX_WORDS = 4
"""A spoken colon follows a heading of at most this many words ("physical examination colon")."""
_ENDS = ".!?\n"
_OPENING = frozenset({"\n", "\n\n", "("})  # marks that need no word before them
_BREAKS = ".!?:;\n"


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
        before = _word_before(text, c.start)
        if c.mark not in _OPENING and (before is None or not before[-1:].isalnum()):
            continue  # a mark closes a word: "Period:" heading a line is a word
        if before is not None and noun_before.matches(before.strip("(")):
            continue  # "a period of", "the colon"
        if noun_after.matches(_word_after(text, c.end)):
            continue  # "period of", "colon was normal"
        out.append(c)
    return out


def _page_breaks(source: str) -> list[int]:
    return [i for i, ch in enumerate(source) if ch == "\f"]


def spoken_punctuation(text: str, offsets: array, source: str) -> tuple[str, array]:
    """`text` (mapped to `source` by `offsets`, len(text) + 1 entries) with the spoken marks of dictated pages
    given as marks; the offsets map every output character to a source character of what it stands for."""
    if not any(cue.regex.search(text) for cue, _ in _cues()[0]):
        return text, offsets
    breaks = _page_breaks(source)
    candidates = _candidates(text)
    per_page: dict[int, int] = {}
    for c in candidates:
        page = bisect_right(breaks, offsets[c.start])
        per_page[page] = per_page.get(page, 0) + 1
    candidates = [c for c in candidates if per_page[bisect_right(breaks, offsets[c.start])] >= DICTATED_MIN_MARKS]
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
