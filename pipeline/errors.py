"""One catalogue of coded errors. Messages never include document content (PHI stays out)."""

from __future__ import annotations

import os
import re
from enum import StrEnum
from pathlib import PurePath

_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff]")
"""Characters a terminal would act on or hide: C0/C1 controls (newlines, escape sequences), zero-width and bidi
formatting characters (which reorder what a reader sees), line separators, lone surrogates (undecodable bytes)."""
MAX_NAME_CHARS = 120


class ErrorCode(StrEnum):
    # ingest
    E101_NOT_FOUND = "E101"
    E102_UNREADABLE = "E102"
    E103_UNSUPPORTED_TYPE = "E103"
    E104_EMPTY_FILE = "E104"
    E105_NOT_A_PDF = "E105"
    E106_ENCRYPTED = "E106"
    E107_MALFORMED_PDF = "E107"
    E108_NO_TEXT = "E108"
    E109_TOO_LARGE = "E109"
    E110_TOO_MANY_PAGES = "E110"
    E111_TIMEOUT = "E111"
    E112_BAD_ENCODING = "E112"
    E113_IMAGE_TOO_LARGE = "E113"
    E114_WORKER_CRASHED = "E114"
    # policies
    E201_POLICY_NOT_FOUND = "E201"
    E202_POLICY_INVALID = "E202"
    E203_UNKNOWN_PAYER = "E203"
    # output and configuration of a run
    E301_OUTPUT_IN_USE = "E301"
    E302_OUTPUT_UNUSABLE = "E302"
    E303_FOREIGN_RESULTS = "E303"
    E304_REPORT_NOT_WRITTEN = "E304"
    E305_STORE_UNAVAILABLE = "E305"
    # internal
    E901_INTERNAL = "E901"


class PipelineError(Exception):
    """An error with a stable code, the stage it happened in, and a message safe to log (no document text)."""

    def __init__(self, code: ErrorCode, message: str, *, stage: str = "ingest") -> None:
        super().__init__(f"{code.value}: {message}")
        self.code = code
        self.message = message
        self.stage = stage


class PolicyError(PipelineError):
    """A policy file that cannot be loaded; the message names the file and the criterion id."""

    def __init__(self, code: ErrorCode, message: str) -> None:
        super().__init__(code, message, stage="criteria")


def printable(text: str) -> str:
    """`text` for a terminal line: every control, bidi or invisible formatting character is written as an escape
    (\\n, \\x1b, \\u202e), so a file name cannot forge lines, send escape codes or read differently from what it is."""
    return _CONTROLS.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in "\n\r\t":
        return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def show_invisible(text: str, *, keep: str = "\n\t") -> str:
    """`text` with every control, bidi or invisible formatting character (but those in `keep`) replaced by a
    visible "[U+202E]", so a reader sees every character that is there (HTML reports)."""
    return _CONTROLS.sub(lambda m: m.group() if m.group() in keep else f"[U+{ord(m.group()):04X}]", text)


def display_name(path: str | os.PathLike[str]) -> str:
    """A file's name as error messages show it: the last path component, on one line (control, bidi and
    invisible formatting characters, line separators and undecodable bytes become "?"), shortened in the middle
    past MAX_NAME_CHARS."""
    text = os.fspath(path)
    name = PurePath(text).name or text
    name = _CONTROLS.sub("?", name) or "?"
    if len(name) > MAX_NAME_CHARS:
        half = (MAX_NAME_CHARS - 3) // 2
        name = f"{name[:half]}...{name[-half:]}"
    return name
