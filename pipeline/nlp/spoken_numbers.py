"""Numbers and years said in words, for the NLP text.

A dictated note says its numbers: "a twenty nine year old woman", "stent placed in twenty nineteen", "more than six
years old", "a nine millimeter focus", "two point five centimeters". The rules read digits ("29 year old", "2019"),
so here a number said in words becomes its digits where a rule needs a number, each digit mapped to the characters
of the words it stands for (evidence still points at what was sent):

- a year said in pairs or in thousands ("twenty nineteen", "nineteen ninety eight", "twenty oh five", "two thousand
  eighteen") after a word that introduces a year (cue `numbers.year_before`: "in", "since", a month's name);
- an age, a time counted back or a size (cue `numbers.unit_after`: "twenty-nine-year-old", "more than six years
  old", "three weeks ago", "nine millimeter", "two point five centimeters", "two by three centimeters").

Any other number word stays a word: "one of the lesions", "a one-off seizure", "two lesions", "the second opinion",
"for two weeks".
The values of the words are the value set `numbers.word_values` of resources/cues.yaml.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass
from functools import cache

from ..cues import Cue, load_cue_file

_CUES = "cues.yaml"
_WORD = re.compile(r"[A-Za-z]+")
_JOINER = re.compile(r"[ \t]+|[ \t]*-[ \t]*")  # what may stand between the words of one number
_DECIMAL_POINT = "point"
_AND = "and"
_SIZE_BY = re.compile(r"[ \t]+(?:by|x)[ \t]+", re.IGNORECASE)
_UNIT_REACH = 40  # characters after a number where its unit is read
YEARS = range(1900, 2100)
"""A number said as a year is read as one only in this range."""


@dataclass(frozen=True)
class _Run:
    start: int
    end: int
    words: tuple[str, ...]


@cache
def _data() -> tuple[dict[str, int], Cue, Cue]:
    file = load_cue_file("pipeline.nlp.resources", _CUES)
    values = {}
    for item in file.value_set("numbers.word_values").values:
        word, _, value = item.partition("=")
        values[word] = int(value)
    return values, file.cue("numbers.year_before"), file.cue("numbers.unit_after")


@cache
def _any_number_word() -> re.Pattern[str]:
    values, _, _ = _data()
    return re.compile(r"\b(?:" + "|".join(sorted(values, key=len, reverse=True)) + r")\b", re.IGNORECASE)


def says_number(text: str) -> bool:
    """The text holds a number word ("twenty", "nine")."""
    return _any_number_word().search(text) is not None


def _runs(text: str) -> list[_Run]:
    """Maximal runs of number words (with "and" and "point" inside them) joined by spaces or hyphens."""
    values, _, _ = _data()
    runs: list[_Run] = []
    words: list[tuple[int, int, str]] = []

    def close() -> None:
        while words and words[-1][2] in (_AND, _DECIMAL_POINT):
            words.pop()
        if words:
            runs.append(_Run(words[0][0], words[-1][1], tuple(w for _, _, w in words)))
        words.clear()

    for m in _WORD.finditer(text):
        word = m.group(0).lower()
        joined = bool(words) and _JOINER.fullmatch(text[words[-1][1]:m.start()]) is not None
        if word in values or (word in (_AND, _DECIMAL_POINT) and joined):
            if words and not joined:
                close()
            words.append((m.start(), m.end(), word))
        else:
            close()
    close()
    return runs


def _below_hundred(words: tuple[str, ...]) -> int | None:
    """1-99 said as "nine", "nineteen", "forty", "forty two"; None otherwise."""
    values, _, _ = _data()
    if not words or any(w not in values or values[w] >= 100 for w in words) or words[0] in ("zero", "oh"):
        return None
    if len(words) == 1:
        return values[words[0]]
    tens, unit = values[words[0]], values[words[1]]
    if len(words) == 2 and tens >= 20 and tens % 10 == 0 and 1 <= unit <= 9:
        return tens + unit
    return None


def _split_at(words: tuple[str, ...], unit: str) -> tuple[int | None, tuple[str, ...]]:
    """The value of the words before `unit` ("thousand", "hundred") and the words after it, less a leading "and"."""
    i = words.index(unit)
    rest = words[i + 1:]
    if rest[:1] == (_AND,):
        rest = rest[1:]
    return _below_hundred(words[:i]), rest


def cardinal(words: tuple[str, ...]) -> int | None:
    """The value of a cardinal said in words ("twenty nine", "one hundred and five", "two thousand eighteen")."""
    if not words:
        return None
    if "thousand" in words:
        head, rest = _split_at(words, "thousand")
        tail = cardinal(rest) if rest else 0
        return None if head is None or tail is None or tail >= 1000 else head * 1000 + tail
    if "hundred" in words:
        head, rest = _split_at(words, "hundred")
        tail = _below_hundred(rest) if rest else 0
        return None if head is None or head > 9 or tail is None else head * 100 + tail
    if words == ("zero",):
        return 0
    return _below_hundred(words)


def year(words: tuple[str, ...]) -> int | None:
    """A year said in words: in pairs ("twenty nineteen", "nineteen ninety eight", "twenty oh five") or in
    thousands ("two thousand eighteen", "two thousand and eight"); None when the words are no year."""
    values, _, _ = _data()
    if "thousand" in words:
        found = cardinal(words)
        return found if found is not None and found in YEARS else None
    if len(words) < 2 or words[0] not in values or not 19 <= values[words[0]] <= 20:
        return None
    century, rest = values[words[0]], words[1:]
    if rest[0] == "oh" and len(rest) == 2 and 1 <= values.get(rest[1], 0) <= 9:
        pair = values[rest[1]]
    else:
        found = _below_hundred(rest)
        if found is None or found < 10:
            return None
        pair = found
    return century * 100 + pair


def _number(words: tuple[str, ...]) -> str | None:
    """A count said in words as digits, with its decimals ("two point five" -> "2.5")."""
    values, _, _ = _data()
    if _DECIMAL_POINT in words:
        i = words.index(_DECIMAL_POINT)
        whole = cardinal(words[:i])
        decimals = words[i + 1:]
        if whole is None or not decimals or any(values.get(w, 10) > 9 for w in decimals):
            return None
        return f"{whole}." + "".join(str(values[w]) for w in decimals)
    found = cardinal(words)
    return None if found is None else str(found)


def _word_before(text: str, i: int) -> str:
    j = i
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    k = j
    while k > 0 and not text[k - 1].isspace():
        k -= 1
    return text[k:j]


def _reading(text: str, run: _Run, runs: dict[int, _Run]) -> str | None:
    """The digits a run stands for where a rule needs them, else None."""
    _, year_before, unit_after = _data()
    if year_before.matches(_word_before(text, run.start)):
        found = year(run.words)
        if found is not None:
            return str(found)
    if unit_after.matches(text[run.end:run.end + _UNIT_REACH]):
        return _number(run.words)
    by = _SIZE_BY.match(text, run.end)  # "two by three centimeters": the first of two sizes
    nxt = runs.get(by.end()) if by else None
    if nxt is not None and unit_after.matches(text[nxt.end:nxt.end + _UNIT_REACH]):
        return _number(run.words)
    return None


def spoken_numbers(text: str, offsets: array) -> tuple[str, array]:
    """`text` (mapped to the source by `offsets`, len(text) + 1 entries) with the numbers said in words that a
    rule reads given as digits; each digit maps to a character of the words it stands for, the first one to their
    first character and the last one (of two or more) to their last character."""
    if not _any_number_word().search(text):
        return text, offsets
    runs = _runs(text)
    by_start = {r.start: r for r in runs}
    replaced: list[tuple[_Run, str]] = []
    for run in runs:
        digits = _reading(text, run, by_start)
        if digits is not None:
            replaced.append((run, digits))
    if not replaced:
        return text, offsets
    out: list[str] = []
    out_offsets = array("i")
    i = 0
    for run, digits in replaced:
        out.append(text[i:run.start])
        out_offsets.extend(offsets[i:run.start])
        span = run.end - run.start
        for k, ch in enumerate(digits):  # the first digit on the first letter, the last on the last letter
            at = run.end - 1 if 0 < k == len(digits) - 1 else run.start + k * span // len(digits)
            out.append(ch)
            out_offsets.append(offsets[at])
        i = run.end
    out.append(text[i:])
    out_offsets.extend(offsets[i:])
    return "".join(out), out_offsets
