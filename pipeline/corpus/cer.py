"""Character error rate of OCR text against the packet's source text (needs the dev dependency rapidfuzz)."""

from __future__ import annotations

import re

from ..ingest import IngestedDocument

_WS = re.compile(r"\s+")


def flatten(text: str) -> str:
    """Whitespace runs (line breaks, page breaks, indentation) as single spaces: CER counts characters read."""
    return _WS.sub(" ", text).strip()


def character_error_rate(reference: str, hypothesis: str) -> float:
    """Levenshtein distance / reference length, on whitespace-flattened text."""
    from rapidfuzz.distance import Levenshtein

    ref, hyp = flatten(reference), flatten(hypothesis)
    return Levenshtein.distance(ref, hyp) / max(len(ref), 1)


def ocr_text_without_transmission(doc: IngestedDocument) -> str:
    """The document text minus fax transmission lines (a received fax adds them; the source has none)."""
    text = doc.text
    for line in sorted(doc.info.transmission_lines, key=lambda t: t.start, reverse=True):
        text = text[: line.start] + text[line.end:]
    return text
