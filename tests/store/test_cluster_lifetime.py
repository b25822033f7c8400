"""The throwaway PostgreSQL of the tests leaves nothing behind: not when the session ends, not when the run is
interrupted (Ctrl-C during a test or while the cluster starts, SIGTERM, a failing fixture), not when the test
process is killed outright; a server that does not stop when asked is killed, and that is reported.

Each case runs pytest in a subprocess on a small test file that uses the real `postgres` fixture, with its
clusters in a folder of this test's own, and then looks for any process whose command line or title names the
cluster's folder: only those, never a process found by its program name."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pg_cluster import (
    ENV_PARENT,
    ENV_SWITCH,
    ENV_URL,
    PREFIX,
    Cluster,
    ClusterStopWarning,
    Stopped,
    report_stop,
    sweep_stale_folders,
)
from run_processes import INTERRUPTING, Proc, processes_naming

pytestmark = pytest.mark.postgres
HERE = Path(__file__).resolve().parent

CONFTEST = f"""
import sys
sys.path[:0] = [{str(HERE)!r}, {str(HERE.parent)!r}]
pytest_plugins = ["run_processes", "pg_cluster"]
"""

INNER_TESTS = """
import os
import time
from pathlib import Path

import pytest
from run_processes import processes_naming


def started(postgres):
    assert postgres.url, postgres.skip_reason
    assert processes_naming(postgres.folder.name), "the server runs and is found by its folder"
    report = Path(os.environ["REPORT"])
    partial = report.with_suffix(".partial")
    partial.write_text(str(postgres.folder))
    os.replace(partial, report)  # whole or absent: the outer test never reads a half-written report


@pytest.fixture
def failing(postgres):
    started(postgres)
    raise RuntimeError("a fixture that fails once the cluster runs")


def test_cluster(postgres):
    started(postgres)
    if os.environ.get("THEN") == "hang":
        time.sleep(600)


def test_failing_fixture(failing):
    pass
"""


@pytest.fixture
def parent() -> Iterator[Path]:
    """A folder for this test's clusters, which the postgres user can enter."""
    if os.environ.get(ENV_SWITCH, "").strip().lower() in ("0", "no", "false", "off"):
        pytest.skip(f"PostgreSQL tests switched off by {ENV_SWITCH}")
    folder = Path(tempfile.mkdtemp(prefix="prescreen-lifetime-", dir="/tmp"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def cluster_folders(parent: Path) -> list[Path]:
    return sorted(parent.glob(f"{PREFIX}*"))


def wait_for(found: Callable[[], object], what: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not found():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.01)


def reported_folder(report: Path) -> Path:
    """The cluster folder the inner run reported; never an empty name, which every process would match."""
    folder = Path(report.read_text().strip())
    assert folder.name.startswith(PREFIX), f"the inner run reported {str(folder)!r}, not a cluster folder"
    return folder


def postmaster(parent: Path) -> list[Proc]:
    return [p for p in processes_naming(str(parent)) if "cluster_name=" in p.cmdline]


def initdb(parent: Path) -> list[Proc]:
    return [p for p in processes_naming(str(parent)) if "initdb" in p.cmdline]


def inner_pytest(tmp_path: Path, parent: Path, test: str, *, then: str = "") -> subprocess.Popen[str]:
    (tmp_path / "conftest.py").write_text(CONFTEST)
    (tmp_path / "test_inner.py").write_text(INNER_TESTS)
    env = {k: v for k, v in os.environ.items() if k not in (ENV_URL, ENV_SWITCH)}
    env.update({ENV_PARENT: str(parent), "REPORT": str(tmp_path / "folder.txt"), "THEN": then})
    return subprocess.Popen([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--rootdir",
                             str(tmp_path), f"test_inner.py::{test}"],
                            cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True,  # its own process group: a Ctrl-C here reaches it alone
                            preexec_fn=interruptible)


def interruptible() -> None:
    """In the child: the default action for Ctrl-C, SIGTERM and SIGHUP, even where this run ignores them (a
    background job of a non-interactive shell ignores SIGINT; nohup, SIGHUP), as a terminal's run would."""
    for sig in INTERRUPTING:
        signal.signal(sig, signal.SIG_DFL)


def ctrl_c(proc: subprocess.Popen[str]) -> None:
    """What a Ctrl-C in a terminal does: SIGINT to the whole foreground process group."""
    os.killpg(proc.pid, signal.SIGINT)


def sigterm(proc: subprocess.Popen[str]) -> None:
    os.kill(proc.pid, signal.SIGTERM)


# (test, THEN, when to act, what to do, pytest's exit code): when it is None, the run is left to finish
CASES = {
    "session-ends": ("test_cluster", "", None, None, 0),
    "failing-fixture": ("test_failing_fixture", "", None, None, 1),
    "ctrl-c-in-a-test": ("test_cluster", "hang", "test", ctrl_c, 2),
    "sigterm-in-a-test": ("test_cluster", "hang", "test", sigterm, 128 + signal.SIGTERM),
    "ctrl-c-while-the-server-starts": ("test_cluster", "hang", "postmaster", ctrl_c, 2),
    "ctrl-c-during-initdb": ("test_cluster", "hang", "initdb", ctrl_c, 2),
}


@pytest.mark.parametrize(("test", "then", "when", "act", "exit_code"), CASES.values(), ids=CASES.keys())
def test_nothing_outlives_the_run(tmp_path, parent, test, then, when, act, exit_code):  # type: ignore[no-untyped-def]
    report = tmp_path / "folder.txt"
    proc = inner_pytest(tmp_path, parent, test, then=then)
    try:
        seen: list[Path] = []

        def reached() -> bool:
            seen[:] = seen or cluster_folders(parent)
            return bool({"test": report.exists, "postmaster": lambda: postmaster(parent),
                         "initdb": lambda: initdb(parent)}[when]())

        if when is not None:
            wait_for(reached, f"the inner run to reach: {when}")
            act(proc)
        out, _ = proc.communicate(timeout=180)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    folders = seen or [reported_folder(report)]
    assert len(folders) == 1, folders
    folder = folders[0]
    assert proc.returncode == exit_code, out
    assert processes_naming(folder.name) == [], out
    assert not folder.exists(), out
    assert "processes left running" not in out, out


def test_a_killed_run_leaves_no_server_and_its_folder_is_swept(tmp_path, parent):  # type: ignore[no-untyped-def]
    """SIGKILL leaves no teardown: the kernel ends the server (parent-death signal); the next run that starts
    a cluster removes the folder, whose lock nobody holds any more."""
    report = tmp_path / "folder.txt"
    proc = inner_pytest(tmp_path, parent, "test_cluster", then="hang")
    try:
        wait_for(report.exists, "the inner test to start")
        folder = reported_folder(report)
        assert sweep_stale_folders(parent) == [] and folder.exists()  # a running cluster is not swept
        proc.kill()
        proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    wait_for(lambda: not processes_naming(folder.name), "the killed run's server to exit", seconds=60)
    assert folder.exists()
    assert sweep_stale_folders(parent) == [folder]
    assert not folder.exists()


def test_a_server_that_does_not_stop_is_killed_and_reported(parent, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv(ENV_PARENT, str(parent))
    cluster = Cluster.prepare()
    if isinstance(cluster, str):
        pytest.skip(cluster)
    try:
        assert cluster.start().url is not None
        assert cluster.server is not None
        os.kill(cluster.server.pid, signal.SIGSTOP)  # a postmaster that does not act on SIGQUIT
        stopped = cluster.stop(grace_seconds=1)
    finally:
        cluster.stop()
    assert stopped.forced[0] == (f"the postmaster (pid {cluster.server.pid}) had not exited 1 s after SIGQUIT "
                                 "(immediate shutdown) and was killed")
    assert stopped.left == []
    assert processes_naming(cluster.folder.name) == []
    assert not cluster.folder.exists()
    with pytest.warns(ClusterStopWarning, match="did not stop cleanly: the postmaster"):
        report_stop(stopped, cluster.folder)
    with pytest.raises(RuntimeError, match="was not cleaned up: still running after SIGKILL: pid 1"):
        report_stop(Stopped(left=["still running after SIGKILL: pid 1"]), cluster.folder)
