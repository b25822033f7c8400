"""Repair typical OCR confusions before matching, toward the rule vocabulary only, and only in OCR text.

Only text read by OCR is repaired (`ocr_spans`: the character ranges of OCR pages); a text layer or a plain-text
file is never changed. There, a token is changed only when it is not a word of the rule files, not a word of a
real English or medical dictionary (pipeline/nlp/dictionary.py: "notable", "gentle", "intrasellar" are words
someone wrote), and a known OCR confusion turns it into exactly one vocabulary word: "g1ioma" -> "glioma",
"rnetastasis" -> "metastasis", "ep1lepsy" -> "epilepsy"; codes read with letters for digits are repaired
("7639O" -> "76390", "O609T" -> "0609T"; an ICD-10 code only toward an ICD-10-CM code: "R9O.0" -> "R90.0"); a
section heading misread at a line start is restored ("Exam;" -> "Exam:", "ICO-10:" -> "ICD-10:"); two vocabulary
words run together are split ("gliomaversus" -> "glioma versus"). A repair never creates a ConText trigger word ("not", "had", "dad", "no"...): a negation,
history or family cue must be in what was sent, not made by the repair. Offsets into the source are kept
character by character.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Callable, Sequence
from functools import cache, lru_cache
from itertools import product

from .dictionary import dictionaries_available, is_word
from .icd10cm import is_icd10cm
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
# ICD-10-CM codes read with a letter for a digit or a comma for the dot ("R9O.0", "G20.Al", "P94,2"); ICD-10-CM
# writes no lower-case letter and no O or I after the first character
_ICD_MISREAD = re.compile(r"(?<![A-Za-z0-9.])[A-TV-Z][0-9OoIl|][0-9OoIl|AB][.,][0-9A-Zl|]{1,4}(?![0-9A-Za-z])")
_CODE_DIGITS = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1", ",": "."})
# a line-initial label before a colon or semicolon and a space: "Exam; BP 112/70", "MS; oriented", "ICO-10: R90.0"
_LABEL = re.compile(r"(?m)^([ \t]*)([A-Za-z][A-Za-z0-9 &/-]{0,40}?)([:;])(?=[ \t])")
# single characters OCR reads for others in headings (besides _CONFUSIONS): a D read as O or 0 ("ICO-10")
_HEADING_CONFUSIONS = {"O": ("D",), "0": ("D",)}
_ABBREVIATION = re.compile(r"[A-Z]{2,5}")
_TOKEN = re.compile(r"[A-Za-z0-9|]+")
_CODE_LIKE = re.compile(r"^[0-9OoIl|]{4,5}[Tt]?$")
_MIN_SPLIT = 3


def _words(value: object) -> set[str]:
    if isinstance(value, str):
        return {w.lower() for w in re.findall(r"[A-Za-z]{2,}", value)}
    if isinstance(value, list):
        return set().union(*(_words(v) for v in value)) if value else set()
    if isinstance(value, dict):
        return set().union(*(_words(v) for v in value.values())) if value else set()
    return set()


@cache
def vocabulary() -> frozenset[str]:
    """Lower-case words of the target, ConText and section rule files: what a repair may produce."""
    words = _clinical_words() | _words(read_resource(CONTEXT_FILE).get("rules"))
    return frozenset(w for w in words if len(w) >= 3)


@cache
def _clinical_words() -> frozenset[str]:
    targets = read_resource(TARGETS_FILE)
    return frozenset(_words(targets.get("rules")) | _words(targets.get("lexicon"))
                     | _words([s.get("headers") for s in read_resource(SECTIONS_FILE).get("sections", [])]))


@cache
def trigger_words() -> frozenset[str]:
    """Words a repair may never produce: every one-word ConText trigger ("not", "versus", "without"), and every
    word of the ConText rules that is not also clinical vocabulary of the target and section rules ("had",
    "dad", "denies"). A negation, hedge, history or family cue must be in what was sent, never made by the
    repair."""
    rules = read_resource(CONTEXT_FILE).get("rules", [])
    one_word = {str(p).lower() for r in rules for p in r.get("literals") or [] if re.fullmatch(r"[A-Za-z]+", str(p))}
    return frozenset(one_word | (_words(rules) - _clinical_words()))


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


@cache
def _headings() -> frozenset[str]:
    """The section headings of the rules, lower case ("exam", "physical examination")."""
    sections = read_resource(SECTIONS_FILE).get("sections", [])
    return frozenset(str(h).lower() for s in sections for h in s.get("headers") or [])


def _heading_label(m: re.Match[str]) -> str:
    """A line-initial label as OCR read it, repaired when it is a section heading of the rules misread: a semicolon
    for its colon ("Exam;", and "MS;" for a capitals abbreviation), or one character of a heading that is not a
    word read for another ("ICO-10:"). Same length; other labels stay as read."""
    lead, label, mark = m.groups()
    key = label.strip()
    headings = _headings()
    if key.lower() in headings or (mark == ";" and _ABBREVIATION.fullmatch(key)):
        return lead + label + ":"
    if len(key) >= 4 and not (dictionaries_available() and is_word(key)) and not any(
            w.lower() in trigger_words() for w in re.findall(r"[A-Za-z]+", key)):
        hits = set()
        for i, ch in enumerate(label):
            for other in _HEADING_CONFUSIONS.get(ch, ()) + tuple(c for c in _CONFUSIONS.get(ch, ()) if len(c) == 1):
                variant = label[:i] + other + label[i + 1:]
                if variant.strip().lower() in headings:
                    hits.add(variant)
        if len(hits) == 1:
            return lead + hits.pop() + ":"
    return m.group()


def misread_icd10_codes(text: str) -> list[str]:
    """The ICD-10-CM codes in `text` that OCR read with letters for digits ("R9O.0" -> "R90.0")."""
    read = [m.group() for m in _ICD_MISREAD.finditer(text)]
    return [fixed for token, fixed in zip(read, map(repair_icd10, read), strict=True) if fixed != token]


def repair_icd10(token: str) -> str:
    """An ICD-10 code as read by OCR, with letters read for digits (and a comma for the dot) undone when that
    gives an ICD-10-CM code and the token as read is not one; else the token unchanged (same length either way)."""
    fixed = token[:1] + token[1:].translate(_CODE_DIGITS)
    if fixed == token or is_icd10cm(token) or not is_icd10cm(fixed):
        return token
    return fixed


@lru_cache(maxsize=65536)  # bounded: OCR noise makes the set of distinct tokens of a long run unbounded
def repair_token(token: str) -> str | None:
    """The repaired spelling of one OCR token, or None to keep it."""
    low = token.lower()
    vocab = vocabulary()
    if _CODE_LIKE.match(token) and sum(c.isdigit() for c in token) >= 3 and not token.isdigit():
        code = token.translate(_DIGITS)
        return code if code != token else None
    if low in vocab or len(low) < 4 or low.isdigit():
        return None
    if not dictionaries_available() or is_word(token):
        return None  # a real word is never rewritten (and without a dictionary nothing can tell)
    triggers = trigger_words()
    if any(c.isalpha() for c in low):
        hits = {v for v in _variants(low) if v in vocab and v not in triggers}
        if len(hits) == 1:
            return _match_case(token, hits.pop())
    if len(low) >= 2 * _MIN_SPLIT and low.isalpha():
        for cut in range(_MIN_SPLIT, len(low) - _MIN_SPLIT + 1):
            head, tail = low[:cut], low[cut:]
            if head in vocab and tail in vocab and head not in triggers and tail not in triggers:
                return token[:cut] + " " + token[cut:]
    return None


def repair(text: str, offsets: array, ocr_spans: Sequence[tuple[int, int]] = ()) -> tuple[str, array]:
    """Apply the repairs to the tokens whose source characters lie in `ocr_spans` ([start, end) ranges of the
    source text that OCR read); returns the new text and its source offsets (len(text) + 1)."""
    if not ocr_spans:
        return text, offsets
    spans = sorted(ocr_spans)
    starts = [s for s, _ in spans]

    def in_ocr(start: int, end: int) -> bool:
        first, last = offsets[start], offsets[max(start, end - 1)]
        i = bisect_right(starts, first) - 1
        return i >= 0 and spans[i][0] <= first and last < spans[i][1]

    def fix(pattern: re.Pattern[str], fixer: Callable[[re.Match[str]], str], text: str) -> str:
        return pattern.sub(lambda m: fixer(m) if in_ocr(m.start(), m.end()) else m.group(), text)

    # dates read with letters for digits ("l0/12/2O26"): same length, so offsets are unchanged
    text = fix(_DATE_LIKE, lambda m: m.group().translate(_DIGITS), text)
    text = fix(_ICD_LIKE, lambda m: "C" + m.group(1), text)
    text = fix(_ICD_MISREAD, lambda m: repair_icd10(m.group()), text)
    text = fix(_LABEL, _heading_label, text)
    out: list[str] = []
    new_offsets = array("i")
    pos = 0
    for m in _TOKEN.finditer(text):
        if not in_ocr(m.start(), m.end()):
            continue
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
