"""Logging that never carries document content, in every process of a run.

Our own loggers (`pipeline.*`) log file names (display_name), codes and counts, never document text. Other
libraries are not so careful: pdfminer logs every token of a page at DEBUG and quotes content-stream operands
in its warnings, SQLAlchemy quotes statement parameters (record content) in its errors. So:

- the libraries that read documents (PDF, image, OCR, fonts) are silenced outright (`silence_readers`), in
  whatever process builds a Screener or reads a file, whatever the application's log configuration;
- the handler that `configure_logging` installs lets every other library's record through at WARNING and
  above only, with its message withheld (the logger name, level and exception type remain).

Forked children (batch workers, isolated readers) inherit both; Spark's Python workers call
`configure_logging` themselves.
"""

from __future__ import annotations

import logging
import os
import sys

LOG_LEVEL_ENV = "PRESCREEN_LOG_LEVEL"
OWN = "pipeline"
READERS = ("pdfminer", "pdfplumber", "pypdfium2", "PIL", "tesserocr", "pytesseract", "fontTools", "reportlab")
"""Loggers of the libraries that parse document content: never emit (their records can quote the text)."""
WITHHELD = "message withheld: a library's log may quote document content"
LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
_SILENT = logging.CRITICAL + 10


class WithholdForeign(logging.Filter):
    """Passes `pipeline.*` records as they are; other loggers' records only from WARNING up, message withheld."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name == OWN or record.name.startswith(OWN + "."):
            return True
        if record.levelno < logging.WARNING:
            return False
        kind = f" ({record.exc_info[0].__name__})" if record.exc_info and record.exc_info[0] else ""
        record.msg, record.args = WITHHELD + kind, ()
        record.exc_info, record.exc_text, record.stack_info = None, None, None
        return True


def silence_readers() -> None:
    """Stop the document-reading libraries' loggers from emitting anything (idempotent, cheap)."""
    for name in READERS:
        logging.getLogger(name).setLevel(_SILENT)


def parse_level(value: str | None) -> int:
    """A level name in any case ("debug", "INFO"); ValueError naming the valid ones otherwise."""
    name = (value or "WARNING").strip().upper()
    if name not in LEVELS:
        raise ValueError(f"{LOG_LEVEL_ENV}={value!r} is not a log level; use one of {', '.join(LEVELS)}")
    return int(logging.getLevelName(name))


def configure_logging(value: str | None = None) -> None:
    """One stderr handler on the root logger, filtered by WithholdForeign, at the level `value` (default:
    $PRESCREEN_LOG_LEVEL, else WARNING); replaces handlers it installed before. Raises ValueError for a bad
    level name."""
    level = parse_level(os.environ.get(LOG_LEVEL_ENV) if value is None else value)
    root = logging.getLogger()
    for handler in list(root.handlers):
        if any(isinstance(f, WithholdForeign) for f in handler.filters):
            root.removeHandler(handler)
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(WithholdForeign())
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    silence_readers()


__all__ = ["LOG_LEVEL_ENV", "READERS", "WithholdForeign", "configure_logging", "parse_level", "silence_readers"]
