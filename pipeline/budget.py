"""A wall-clock budget for work done in this process (analysis and decisions of one document).

Reading a file already runs in a child process that is killed at its timeout; analysis runs in the screening
process, so its budget is an interval timer whose signal raises BudgetExceeded in the main thread. The timer
fires between Python bytecodes: a long call inside a C extension ends first (the batch engine's per-item
deadline remains the backstop). Outside the main thread (where signals cannot be delivered) there is no budget.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class BudgetExceeded(Exception):
    """The work took longer than its budget."""


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise BudgetExceeded in the body once `seconds` have passed (None or 0: no budget)."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum: int, frame: FrameType | None) -> None:
        raise BudgetExceeded()

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
