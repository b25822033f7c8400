"""Repair typical OCR confusions before matching, toward the rule vocabulary only.

A token is changed only when it is not a word of the rule files and a known OCR confusion turns it into one:
"g1ioma" -> "glioma", "rnetastasis" -> "metastasis", "ep1lepsy" -> "epilepsy"; codes read with letters for
digits are repaired ("7639O" -> "76390", "O609T" -> "0609T"); two vocabulary words run together are split
("gliomaversus" -> "glioma versus"). Clean text is left as it is, because its words are either in the
vocabulary or no confusion maps them into it. Offsets into the source are kept character by character.
"""

from __future__ import annotations

import re
from array import array
from functools import cache, lru_cache
from itertools import product

from .rules import CONTEXT_FILE, SECTIONS_FILE, TARGETS_FILE, read_resource

# OCR reads the left for the right (and the right for the left, where listed both ways)
_CONFUSIONS: dict[str, tuple[str, ...]] = {
    "1": ("l", "i"), "l": ("i", "1"), "i": ("l",), "I": ("l",), "|": ("l", "i"), "0": ("o",), "o": ("0",),
    "O": ("o", "0"), "5": ("s",), "8": ("b",), "rn": ("m",), "m": ("rn",), "vv": ("w",), "cl": ("d",),
    "ii": ("u",), "li": ("h",), "fi": ("fl",), "e": ("c",), "c": ("e",), "v": ("y",), "y": ("v",),
}
_DATE_LIKE = re.compile(r"(?<![A-Za-z0-9])[0-9OolI|]{1,2}/[0-9OolI|]{1,2}/[0-9OolI|]{2,4}(?![A-Za-z0-9])")
_DIGITS = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1"})
# ICD-10 codes whose leading C was read as a currency sign ("€79.31")
_ICD_LIKE = re.compile(r"(?<![A-Za-z0-9])[€£¢]([0-9][0-9AB]\.[0-9A-Z]{1,4})(?![0-9A-Za-z])")
_TOKEN = re.compile(r"[A-Za-z0-9|]+")
_CODE_LIKE = re.compile(r"^[0-9OoIl|]{4,5}[Tt]?$")
_MIN_SPLIT = 3


@cache
def vocabulary() -> frozenset[str]:
    """Lower-case words of the target, ConText and section rule files."""
    words: set[str] = set()

    def add(value: object) -> None:
        if isinstance(value, str):
            words.update(w.lower() for w in re.findall(r"[A-Za-z]{2,}", value))
        elif isinstance(value, list):
            for v in value:
                add(v)
        elif isinstance(value, dict):
            for v in value.values():
                add(v)

    add(read_resource(TARGETS_FILE).get("rules"))
    add(read_resource(TARGETS_FILE).get("lexicon"))
    add(read_resource(CONTEXT_FILE).get("rules"))
    add([s.get("headers") for s in read_resource(SECTIONS_FILE).get("sections", [])])
    return frozenset(w for w in words if len(w) >= 3)


def _variants(token: str) -> set[str]:
    """Spellings reachable by undoing OCR confusions at up to two places."""
    spans = []
    i = 0
    while i < len(token):
        for width in (2, 1):
            piece = token[i:i + width]
            if len(piece) == width and piece in _CONFUSIONS:
                spans.append((i, width, _CONFUSIONS[piece]))
        i += 1
    out: set[str] = set()
    for (i, wi, ri), in ((s,) for s in spans):
        for r in ri:
            out.add(token[:i] + r + token[i + wi:])
    for (i, wi, ri), (j, wj, rj) in ((a, b) for a in spans for b in spans if a[0] + a[1] <= b[0]):
        for r1, r2 in product(ri, rj):
            out.add(token[:i] + r1 + token[i + wi:j] + r2 + token[j + wj:])
    return out


def _match_case(original: str, fixed: str) -> str:
    letters = [c for c in original if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) >= 0.6:
        return fixed.upper()
    if original[:1].isupper():
        return fixed[:1].upper() + fixed[1:]
    return fixed


@lru_cache(maxsize=65536)  # bounded: OCR noise makes the set of distinct tokens of a long run unbounded
def repair_token(token: str) -> str | None:
    """The repaired spelling of one token, or None to keep it."""
    low = token.lower()
    vocab = vocabulary()
    if _CODE_LIKE.match(token) and sum(c.isdigit() for c in token) >= 3 and not token.isdigit():
        code = token.translate(_DIGITS)
        return code if code != token else None
    if low in vocab or len(low) < 4 or low.isdigit():
        return None
    if any(c.isalpha() for c in low):
        hits = {v for v in _variants(low) if v in vocab}
        if len(hits) == 1:
            return _match_case(token, hits.pop())
    if len(low) >= 2 * _MIN_SPLIT and low.isalpha():
        for cut in range(_MIN_SPLIT, len(low) - _MIN_SPLIT + 1):
            if low[:cut] in vocab and low[cut:] in vocab:
                return token[:cut] + " " + token[cut:]
    return None


def repair(text: str, offsets: array) -> tuple[str, array]:
    """Apply repair_token to every token; returns the new text and its source offsets (len(text) + 1)."""
    # dates read with letters for digits ("l0/12/2O26"): same length, so offsets are unchanged
    text = _DATE_LIKE.sub(lambda m: m.group().translate(_DIGITS), text)
    text = _ICD_LIKE.sub(lambda m: "C" + m.group(1), text)
    out: list[str] = []
    new_offsets = array("i")
    pos = 0
    for m in _TOKEN.finditer(text):
        fixed = repair_token(m.group())
        if fixed is None:
            continue
        out.append(text[pos:m.start()])
        new_offsets.extend(offsets[pos:m.start()])
        src = offsets[m.start():m.end()]
        for k, ch in enumerate(fixed):
            out.append(ch)
            # characters of the repaired token map onto the token's source characters in order
            new_offsets.append(src[min(k, len(src) - 1)])
        pos = m.end()
    if not out:
        return text, offsets
    out.append(text[pos:])
    new_offsets.extend(offsets[pos:])
    return "".join(out), new_offsets
