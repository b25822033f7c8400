"""The test run's own processes, and the guarantee that none outlives the run (a pytest plugin).

A process belongs to this run when it descends from the pytest process, or when its environment carries the
run's id in $PRESCREEN_TEST_RUN (set at start-up and inherited by everything the run starts, including servers
that detach themselves). A nested pytest run appends its own id, so the outer run still recognises its
processes. Only such processes, or processes whose command line names a folder of the run's own, are ever
signalled: never anything found by a program name.

As a plugin (tests/conftest.py lists it in pytest_plugins):
- SIGTERM and SIGHUP (a cancelled CI job, a closed terminal) end the run the way Ctrl-C does, so fixtures are
  torn down (pytest itself dies on them at once);
- at the end of the session, after every fixture is torn down, any process of the run still alive is waited for
  briefly, then killed, and reported: the run fails.

Linux only (/proc); elsewhere nothing is found and nothing is checked.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

RUN_ENV = "PRESCREEN_TEST_RUN"
LEFTOVER_GRACE_SECONDS = 10.0
"""How long processes still alive at the end of the session may take to exit before they are killed."""
INTERRUPTING = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)

_leftovers = pytest.StashKey[list[str]]()
_run_id = pytest.StashKey[str]()


@dataclass(frozen=True)
class Proc:
    """One process: pid and start time (clock ticks after boot) together name it across pid reuse."""

    pid: int
    ppid: int
    start: int
    uid: int
    cmdline: str

    def alive(self) -> bool:
        found = _read(self.pid)
        return found is not None and found.start == self.start

    def kill(self) -> bool:
        """SIGKILL, if it is still this process; True when it was sent."""
        if not self.alive():
            return False
        try:
            os.kill(self.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            return False
        return True

    def describe(self) -> str:
        return f"pid {self.pid}: {' '.join(self.cmdline.split())[:160] or '?'}"


def _read(pid: int) -> Proc | None:
    """The process `pid`, or None when there is none (a zombie counts as none)."""
    try:
        uid = os.stat(f"/proc/{pid}").st_uid
        stat = Path(f"/proc/{pid}/stat").read_text()
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()  # after "pid (comm)": state, ppid, ..., starttime is the 20th
    if fields[0] in ("Z", "X"):
        return None
    return Proc(pid=pid, ppid=int(fields[1]), start=int(fields[19]), uid=uid,
                cmdline=raw.replace(b"\0", b" ").decode(errors="replace").strip())


def all_processes() -> list[Proc]:
    """Every live process but this one."""
    me = os.getpid()
    found = (_read(int(entry.name)) for entry in os.scandir("/proc") if entry.name.isdigit()) \
        if os.path.isdir("/proc") else iter(())
    return [p for p in found if p is not None and p.pid != me]


def processes_naming(text: str, *, uid: int | None = None) -> list[Proc]:
    """Live processes whose command line (or, for PostgreSQL, process title) contains `text`; of user `uid`
    only, when given."""
    return [p for p in all_processes() if text in p.cmdline and uid in (None, p.uid)]


def _carries(pid: int, run_id: str) -> bool:
    try:
        environ = Path(f"/proc/{pid}/environ").read_bytes()
    except OSError:  # gone, or another user's
        return False
    prefix = RUN_ENV.encode() + b"="
    for entry in environ.split(b"\0"):
        if entry.startswith(prefix):
            return run_id in entry[len(prefix):].decode(errors="replace").split()
    return False


def processes_of_run(run_id: str) -> list[Proc]:
    """Live processes that descend from this one or carry `run_id` in $PRESCREEN_TEST_RUN."""
    procs = all_processes()
    children: dict[int, list[Proc]] = {}
    for p in procs:
        children.setdefault(p.ppid, []).append(p)
    mine: dict[int, Proc] = {}
    todo = [os.getpid()]
    while todo:
        for child in children.get(todo.pop(), []):
            if child.pid not in mine:
                mine[child.pid] = child
                todo.append(child.pid)
    for p in procs:
        if p.pid not in mine and _carries(p.pid, run_id):
            mine[p.pid] = p
    return sorted(mine.values(), key=lambda p: p.pid)


def end_processes(find: Callable[[], list[Proc]], *, grace_seconds: float) -> tuple[list[Proc], list[Proc]]:
    """Give the processes `find()` returns up to `grace_seconds` to exit, then SIGKILL those left.

    Returns (killed, survivors): what had to be killed, and what is still alive 5 s after SIGKILL."""
    deadline = time.monotonic() + grace_seconds
    left = find()
    while left and time.monotonic() < deadline:
        time.sleep(0.1)
        left = find()
    killed = [p for p in left if p.kill()]
    deadline = time.monotonic() + 5
    survivors = [p for p in killed if p.alive()]
    while survivors and time.monotonic() < deadline:
        time.sleep(0.05)
        survivors = [p for p in survivors if p.alive()]
    return killed, survivors


@contextlib.contextmanager
def interrupts_deferred() -> Iterator[None]:
    """Hold Ctrl-C, SIGTERM and SIGHUP until the block is done (a clean-up must not be cut in half), then
    deliver them. Only the main thread can do this; elsewhere the block runs as it is."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held: list[int] = []

    def hold(signum: int, frame: FrameType | None) -> None:
        held.append(signum)

    before: dict[int, Any] = {}
    for sig in INTERRUPTING:
        if signal.getsignal(sig) not in (signal.SIG_IGN, None):
            before[sig] = signal.signal(sig, hold)
    try:
        yield
    finally:
        for sig, handler in before.items():
            signal.signal(sig, handler)
        for sig in dict.fromkeys(held):  # to the restored handler: KeyboardInterrupt, pytest.exit, death
            handler = before[sig]
            if callable(handler):
                handler(sig, None)
            else:
                os.kill(os.getpid(), sig)


# -- the plugin ------------------------------------------------------------------------------------------------


def _end_run_on(signum: int, main_pid: int) -> None:
    def handler(sig: int, frame: FrameType | None) -> None:
        if os.getpid() != main_pid:  # a forked child inherited this handler: die of the signal, as before
            signal.signal(sig, signal.SIG_DFL)
            os.kill(os.getpid(), sig)
            return
        pytest.exit(f"{signal.Signals(sig).name} received: the run was ended", returncode=128 + sig)

    if signal.getsignal(signum) == signal.SIG_DFL:  # nohup's SIG_IGN, or a handler of someone else, is kept
        signal.signal(signum, handler)


def pytest_configure(config: pytest.Config) -> None:
    run_id = uuid.uuid4().hex
    config.stash[_run_id] = run_id
    os.environ[RUN_ENV] = f"{os.environ.get(RUN_ENV, '')} {run_id}".strip()
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGTERM, signal.SIGHUP):
            _end_run_on(sig, os.getpid())


@pytest.hookimpl(trylast=True)  # after pytest's own pytest_sessionfinish, which tears the fixtures down
def pytest_sessionfinish(session: pytest.Session) -> None:
    run_id = session.config.stash.get(_run_id, None)
    if run_id is None:
        return
    killed, survivors = end_processes(lambda: processes_of_run(run_id), grace_seconds=LEFTOVER_GRACE_SECONDS)
    report = [f"killed, {LEFTOVER_GRACE_SECONDS:g} s after the session ended: {p.describe()}" for p in killed]
    report += [f"still alive after SIGKILL: {p.describe()}" for p in survivors]
    if report:
        session.config.stash[_leftovers] = report
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    report = config.stash.get(_leftovers, None)
    if report:
        terminalreporter.section("processes left running by the test run", sep="=", red=True, bold=True)
        for line in report:
            terminalreporter.line(line)
