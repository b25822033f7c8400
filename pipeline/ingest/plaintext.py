"""Plain-text input: decoding, newline normalisation and form-feed pages."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

MAX_CONTROL_SHARE = 0.10
"""A text with a larger share of control characters (other than tab, newline, carriage return, form feed)
is binary, not text."""

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


@dataclass(frozen=True)
class DecodedText:
    """A plain-text file's text (newlines normalised to LF), the encoding it was read with, and how many bytes
    could not be decoded (replaced by U+FFFD)."""

    text: str
    encoding: str
    replaced: int = 0


def decode_text(data: bytes) -> DecodedText | None:
    """The text of `data`, or None when the bytes are not text.

    A BOM decides (UTF-8, UTF-16). Otherwise UTF-8: a few invalid bytes in a file that is UTF-8 elsewhere are
    replaced (U+FFFD), never a reason to read the whole file in another encoding; bytes that are not UTF-8 at
    all (no valid multi-byte sequence, or more invalid bytes than valid sequences) are cp1252, else latin-1.
    NUL bytes in 8-bit text, or more than 10% control characters, mean binary.
    """
    decoded = _decode(data)
    if decoded is None or _looks_binary(decoded.text):
        return None
    return DecodedText(decoded.text.replace("\r\n", "\n").replace("\r", "\n"), decoded.encoding, decoded.replaced)


_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _decode(data: bytes) -> DecodedText | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _try_decode(data, encoding)
            return None if text is None else DecodedText(text, encoding.removesuffix("-sig"))
    if b"\x00" in data:
        return None
    text = _try_decode(data, "utf-8")
    if text is not None:
        return DecodedText(text, "utf-8")
    replaced = data.decode("utf-8", errors="replace")
    invalid = replaced.count("\ufffd") - data.count("\ufffd".encode())
    if len(_UTF8_MULTIBYTE.findall(data)) > invalid:
        return DecodedText(replaced, "utf-8", invalid)
    text = _try_decode(data, "cp1252")
    if text is not None:
        return DecodedText(text, "cp1252")
    return DecodedText(data.decode("latin-1"), "latin-1")


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
