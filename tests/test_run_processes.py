"""No process of a test run outlives it: whatever is still running when the session ends (a child, or a
daemon that left the process tree) is killed, listed, and fails the run; Ctrl-C waits for a clean-up."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from run_processes import interrupts_deferred, processes_naming

HERE = Path(__file__).resolve().parent

CONFTEST = f"""
import sys
sys.path.insert(0, {str(HERE)!r})
pytest_plugins = ["run_processes"]
"""

INNER_TESTS = """
import os
import subprocess
import sys

MARK = os.environ["MARK"]


def test_child():
    subprocess.Popen(["sh", "-c", "sleep 600", MARK + "-child"])  # never waited for


def test_daemon():  # forks, starts a session of its own and is adopted by init: no longer in the tree
    code = "import os, time\\nif os.fork(): os._exit(0)\\nos.setsid()\\ntime.sleep(600)"
    subprocess.run([sys.executable, "-c", code, MARK + "-daemon"], check=True)


def test_tidy():
    subprocess.run(["true"], check=True)
"""


@pytest.mark.parametrize(("tests", "left"), [
    (["test_child", "test_daemon", "test_tidy"], ["child", "daemon"]),
    (["test_tidy"], []),
], ids=["a-child-and-a-daemon", "none"])
def test_processes_left_at_the_end_of_the_session_are_killed_and_fail_it(tmp_path, tests, left):  # type: ignore[no-untyped-def]
    mark = f"leftover-{uuid.uuid4().hex}"
    (tmp_path / "conftest.py").write_text(CONFTEST)
    (tmp_path / "test_inner.py").write_text(INNER_TESTS)
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--rootdir",
                           str(tmp_path), *(f"test_inner.py::{t}" for t in tests)],
                          cwd=tmp_path, env={**os.environ, "MARK": mark}, capture_output=True, text=True,
                          timeout=120)
    out = done.stdout + done.stderr
    assert f"{len(tests)} passed" in out, out
    assert processes_naming(mark) == [], out
    reported = [line for line in out.splitlines() if mark in line]
    assert sorted(line.rsplit("-", 1)[1] for line in reported) == left, out
    assert all(line.startswith("killed, 10 s after the session ended: pid ") for line in reported), out
    assert done.returncode == (1 if left else 0), out
    assert ("processes left running by the test run" in out) == bool(left), out


def test_a_deferred_interrupt_arrives_when_the_block_ends() -> None:
    steps = []
    before = signal.signal(signal.SIGINT, signal.default_int_handler)  # also where the run ignores SIGINT
    try:
        with pytest.raises(KeyboardInterrupt):
            with interrupts_deferred():
                os.kill(os.getpid(), signal.SIGINT)
                time.sleep(0.2)  # where the KeyboardInterrupt would otherwise be raised
                steps.append("the block finished")
            steps.append("not reached")
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    finally:
        signal.signal(signal.SIGINT, before)
    assert steps == ["the block finished"]
