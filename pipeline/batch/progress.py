"""Progress for long runs: a bar with rate and ETA on a terminal, plain periodic lines otherwise (logs, CI)."""

from __future__ import annotations

import sys
import time
from typing import TextIO

BAR_WIDTH = 30
LINE_EVERY_SECONDS = 10.0
BAR_EVERY_SECONDS = 0.25


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
    if seconds >= 60:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds}s"


class Progress:
    """`mode`: auto (a bar on a terminal, lines otherwise), bar, lines, none."""

    def __init__(self, *, total: int, mode: str = "auto", stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        if mode == "auto":
            mode = "bar" if self.stream.isatty() else "lines"
        self.mode = mode
        self.total = total
        self.done = 0
        self.skipped = 0
        self.errors = 0
        self.started = time.monotonic()
        self._last = 0.0

    def advance(self, *, skipped: bool = False, error: bool = False) -> None:
        self.done += 1
        self.skipped += skipped
        self.errors += error
        now = time.monotonic()
        every = BAR_EVERY_SECONDS if self.mode == "bar" else LINE_EVERY_SECONDS
        if now - self._last >= every or self.done == self.total:
            self._last = now
            self._show(final=False)

    def _figures(self) -> tuple[float, str]:
        elapsed = time.monotonic() - self.started
        worked = self.done - self.skipped
        rate = worked / elapsed if elapsed > 0 else 0.0
        left = self.total - self.done
        eta = _duration(left / rate) if rate > 0 and left > 0 else "-"
        return rate, eta

    def _show(self, *, final: bool) -> None:
        if self.mode == "none":
            return
        rate, eta = self._figures()
        pct = self.done / self.total if self.total else 1.0
        text = (f"{self.done}/{self.total} ({100 * pct:.0f}%) {rate:.2f} packets/s ETA {eta} "
                f"[{self.skipped} already done, {self.errors} errors]")
        if self.mode == "bar":
            filled = int(BAR_WIDTH * pct)
            self.stream.write("\r[" + "#" * filled + "." * (BAR_WIDTH - filled) + "] " + text + ("\n" if final else ""))
        else:
            self.stream.write(text + "\n")
        self.stream.flush()

    def close(self) -> None:
        self._show(final=True)
