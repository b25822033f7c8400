"""Real words: the English and medical word lists that veto OCR repairs of correctly spelled words.

A token found in a maintained dictionary is a word someone wrote, never an OCR slip to rewrite ("notable",
"gentle", "intrasellar", "neurosurgical"). The lists come from Debian packages the Makefile installs
(`wamerican-large`, `wbritish-large`, `hunspell-en-med`); their paths are data in
`resources/dictionaries.yaml`. Without any of them, OCR repair rewrites nothing but codes and dates (logged
once): a missing dictionary must never let clean words be changed.
"""

from __future__ import annotations

import logging
import re
from functools import cache
from pathlib import Path

from .rules import read_resource

log = logging.getLogger(__name__)

DICTIONARIES_FILE = "dictionaries.yaml"
_WORD = re.compile(r"^[A-Za-z][A-Za-z'-]*")


def _read_words(path: Path) -> set[str]:
    words: set[str] = set()
    with path.open(encoding="utf-8", errors="replace") as f:
        for line in f:
            m = _WORD.match(line.strip())  # hunspell entries carry "/FLAGS"; word lists one word per line
            if m:
                words.add(m.group().lower().replace("'", ""))
    return words


@cache
def dictionary_words() -> frozenset[str]:
    """Lower-case words of every dictionary file that is present (empty when none is)."""
    words: set[str] = set()
    found = []
    for entry in read_resource(DICTIONARIES_FILE)["files"]:
        path = Path(entry["path"])
        if path.is_file():
            words |= _read_words(path)
            found.append(entry["id"])
    if not found:
        log.warning("no dictionary word list found (see pipeline/nlp/resources/%s); OCR repair will only fix codes "
                    "and dates", DICTIONARIES_FILE)
    return frozenset(words)


def dictionaries_available() -> bool:
    return bool(dictionary_words())


def is_word(token: str) -> bool:
    """A dictionary word, also with a plural or possessive ending ("gliomas", "patient's")."""
    words = dictionary_words()
    low = token.lower().replace("'", "")
    return low in words or any(low.endswith(suffix) and low[: -len(suffix)] in words for suffix in ("s", "es"))
