"""Normalise document text for matching while keeping a map back to the canonical offsets.

Rules see "radiation necrosis" even when a fax wrapped it as "radia-\\ntion necrosis" or a line break fell
between the words; evidence still points at the characters the provider sent.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass

_CHAR_MAP = {
    "\u00a0": " ", "\u2009": " ", "\u200a": " ", "\u2002": " ", "\u2003": " ", "\f": "\n", "\r": "\n",
    "\t": " ", "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2010": "-", "\u2011": "-",
    "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2022": "*", "\u00b7": "*",
}
_EXPANSIONS = {"\ufb01": "fi", "\ufb02": "fl", "\ufb00": "ff", "\ufb03": "ffi", "\ufb04": "ffl"}
_SENTENCE_END = re.compile(r"[.:;!?]\s*$")
_LIST_START = re.compile(r"^\s*(?:[-*+>]|\d{1,2}[.)]|[a-z][.)]\s|[A-Z][A-Za-z /&]{1,40}:)")
# A line shorter than this is not prose that wrapped at the margin.
_MIN_WRAPPED_LINE = 38


@dataclass(frozen=True)
class NormalizedText:
    """Text for the NLP pipeline plus, for each of its characters, the offset in the canonical text."""

    text: str
    source_offsets: array  # len(text) + 1 entries; the last maps the end of the text

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the normalised text to the canonical text."""
        src_start = self.source_offsets[start]
        src_end = self.source_offsets[end - 1] + 1 if end > start else src_start
        return src_start, src_end


def _is_soft_break(prev_line: str, next_line: str) -> bool:
    """A newline inside a wrapped sentence (prose that hit the margin), not a structural break."""
    prev = prev_line.rstrip()
    nxt = next_line.lstrip()
    if not prev or not nxt or len(prev) < _MIN_WRAPPED_LINE:
        return False
    if _SENTENCE_END.search(prev) or _LIST_START.match(next_line):
        return False
    return nxt[0].islower() or nxt[0] in "(,"


def normalize(text: str) -> NormalizedText:
    """Build the NLP text: unify look-alike characters, collapse runs of spaces, join wrapped lines and
    hyphenated line breaks."""
    out: list[str] = []
    offsets = array("i")
    lines = text.split("\n")
    pos = 0
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        joined_hyphen = (
            nxt is not None
            and line.rstrip().endswith("-")
            and len(line.rstrip()) > 1
            and line.rstrip()[-2].isalpha()
            and nxt.lstrip()[:1].islower()
        )
        body_end = len(line.rstrip()) - 1 if joined_hyphen else len(line)
        for j, ch in enumerate(line[:body_end]):
            rep = _EXPANSIONS.get(ch)
            if rep is not None:
                out.extend(rep)
                offsets.extend([pos + j] * len(rep))
            else:
                mapped = _CHAR_MAP.get(ch, ch)
                if mapped == " " and out and out[-1] == " ":
                    continue  # runs of spaces become one, so multi-word phrases match across alignment padding
                out.append(mapped)
                offsets.append(pos + j)
        if nxt is not None:
            newline_pos = pos + len(line)
            if joined_hyphen:
                # drop the hyphen, the newline and the next line's indentation
                lines[i + 1] = nxt.lstrip()
                pos = newline_pos + 1 + (len(nxt) - len(lines[i + 1]))
                continue
            if _is_soft_break(line, nxt):
                if not out or out[-1] != " ":
                    out.append(" ")
                    offsets.append(newline_pos)
                # the continuation's indentation joins the single space
                indent = len(nxt) - len(nxt.lstrip(" \t"))
                lines[i + 1] = nxt[indent:]
                pos = newline_pos + 1 + indent
                continue
            out.append("\n")
            offsets.append(newline_pos)
        pos += len(line) + 1
    offsets.append(len(text))
    return NormalizedText("".join(out), offsets)
