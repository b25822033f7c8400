"""Plain-text input: decoding, newline normalisation and form-feed pages."""

from __future__ import annotations

import codecs
import re

MAX_CONTROL_SHARE = 0.10
"""A text with a larger share of control characters (other than tab, newline, carriage return, form feed)
is binary, not text."""

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode_text(data: bytes) -> str | None:
    """The text of `data` with newlines normalised to LF, or None when the bytes are not text.

    Tries UTF-8 (a BOM is dropped; a UTF-16 BOM selects UTF-16), then cp1252, then latin-1. NUL bytes in
    8-bit text, or more than 10% control characters, mean binary.
    """
    text = _decode(data)
    if text is None or _looks_binary(text):
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _try_decode(data, encoding)
    if b"\x00" in data:
        return None
    for encoding in ("utf-8", "cp1252"):
        text = _try_decode(data, encoding)
        if text is not None:
            return text
    return data.decode("latin-1")


def _try_decode(data: bytes, encoding: str) -> str | None:
    # The codec API only reports failure by raising.
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    controls = sum(1 for _ in _CONTROL.finditer(text))
    return controls > MAX_CONTROL_SHARE * max(len(text), 1)


def split_pages(text: str) -> list[tuple[int, int]]:
    """(start, end) of each form-feed separated page; a blank tail after the last form feed is no page."""
    spans: list[tuple[int, int]] = []
    start = 0
    while True:
        ff = text.find("\f", start)
        if ff < 0:
            spans.append((start, len(text)))
            break
        spans.append((start, ff))
        start = ff + 1
    if len(spans) > 1 and not text[spans[-1][0] : spans[-1][1]].strip():
        spans.pop()
    return spans
