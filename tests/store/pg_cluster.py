"""The session's PostgreSQL for the results-store tests, and the throwaway cluster behind it.

PostgreSQL comes from, in order:
  (a) $PRESCREEN_TEST_POSTGRES_URL (a SQLAlchemy URL; the role needs CREATE on the database: each test gets
      its own schema, dropped afterwards). Set but unreachable is an error, not a skip.
  (b) a throwaway cluster of Debian's PostgreSQL (below). When the server binaries are missing and we are root,
      `apt-get install postgresql` is tried first.
  (c) otherwise the PostgreSQL tests are skipped, saying why.
Set PRESCREEN_TEST_POSTGRES=0 to skip them without trying.

The throwaway cluster lives in a folder /tmp/prescreen-pg-* ($PRESCREEN_TEST_PG_PARENT instead of /tmp) and
cannot outlive the test process:
- `postgres` runs as a child of the test process, not daemonized by `pg_ctl start` (which detaches the server
  into a session of its own under init, so that only a best-effort `pg_ctl stop` could ever end it). As root it
  runs as the `postgres` user (initdb and postgres refuse root), switched to by the child itself.
- It has a session of its own, so a Ctrl-C in the terminal interrupts pytest but not the server: the teardown
  still finds it running and stops it.
- The kernel sends it SIGQUIT (immediate shutdown) when the test process dies without a teardown (SIGKILL,
  the OOM killer): PR_SET_PDEATHSIG, set after the switch of user, which would clear it.
- Every process of the cluster names its folder: the postmaster's command line has `-D <folder>/data`, and
  cluster_name=<folder name> puts the name in each child's title ("postgres: prescreen-pg-xxxx: checkpointer").
Cluster.stop() sends SIGQUIT, kills the postmaster if it has not exited after a grace period, then waits for
(and at last kills) any other process of the cluster's user that names the folder, and only then removes the
folder. What it had to force is reported as a warning; anything it could not end fails the session. A run
holds an flock on <folder>/run.lock while it lives; a folder whose lock nobody holds (its run was killed
outright) is removed by the next run that starts a cluster.
"""

from __future__ import annotations

import ctypes
import fcntl
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from run_processes import end_processes, interrupts_deferred, processes_naming

ENV_URL = "PRESCREEN_TEST_POSTGRES_URL"
ENV_SWITCH = "PRESCREEN_TEST_POSTGRES"
ENV_PARENT = "PRESCREEN_TEST_PG_PARENT"
PREFIX = "prescreen-pg-"
LOCK = "run.lock"
DBNAME = "prescreen_test"
START_SECONDS = 60.0
STOP_GRACE_SECONDS = 30.0


class ClusterStopWarning(UserWarning):
    """The throwaway cluster did not stop when asked and had to be killed."""


@dataclass
class Postgres:
    """A reachable PostgreSQL (url) or why there is none (skip_reason); folder: the throwaway cluster's."""

    url: str | None = None
    skip_reason: str | None = None
    folder: Path | None = None


@dataclass
class Stopped:
    """What Cluster.stop() had to force (forced), and what it could not end or remove (left)."""

    forced: list[str] = field(default_factory=list)
    left: list[str] = field(default_factory=list)


# -- finding the binaries, and who runs them -------------------------------------------------------------------


def _version_key(path: Path) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", path.parent.parent.name)) or (0,)


def _bindir() -> Path | None:
    """The folder of initdb and postgres: Debian's /usr/lib/postgresql/<newest>/bin, else initdb on PATH."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=_version_key)
    if found and (found[-1].parent / "postgres").exists():
        return found[-1].parent
    initdb = shutil.which("initdb")
    if initdb and (Path(initdb).resolve().parent / "postgres").exists():
        return Path(initdb).resolve().parent
    return None


def _apt_install() -> str | None:
    """Install Debian's postgresql (root only); None on success, else why not."""
    if os.geteuid() != 0:
        return "PostgreSQL server binaries (initdb, postgres) not found, and not root to apt-get install postgresql"
    if not shutil.which("apt-get"):
        return "PostgreSQL server binaries (initdb, postgres) not found and there is no apt-get"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "-q", "--no-install-recommends", "postgresql"]
    try:
        if subprocess.run(install, env=env, capture_output=True, timeout=600).returncode != 0:
            subprocess.run(["apt-get", "update", "-q"], env=env, capture_output=True, timeout=300)
            done = subprocess.run(install, env=env, capture_output=True, text=True, timeout=600)
            if done.returncode != 0:
                return f"apt-get install postgresql failed: {done.stderr.strip()[-300:]}"
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"apt-get install postgresql failed: {exc}"
    return None


def _owner() -> dict[str, Any] | str:
    """Popen arguments that run a program as the cluster's owner: the `postgres` user when we are root, with
    no supplementary groups of ours; else nothing to change. A str: why there can be no owner."""
    if os.geteuid() != 0:
        return {}
    try:
        owner = pwd.getpwnam("postgres")
    except KeyError:
        return "running as root and there is no `postgres` user to run initdb as"
    return {"user": owner.pw_uid, "group": owner.pw_gid, "extra_groups": []}


_libc = ctypes.CDLL(None, use_errno=True) if sys.platform.startswith("linux") else None
"""Loaded here, in the parent: a child between fork and exec must not load libraries."""


def _quit_with_parent() -> None:
    """In the server's child, after the switch of user: SIGQUIT (immediate shutdown) when the test process
    dies (PR_SET_PDEATHSIG; strictly, when the thread that started it ends: pytest's main thread)."""
    if _libc is not None:
        _libc.prctl(1, signal.SIGQUIT)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# -- folders ---------------------------------------------------------------------------------------------------


def parent_folder() -> Path:
    """Where cluster folders go. Not pytest's tmp_path: that sits in a root-only folder the postgres user
    cannot enter."""
    return Path(os.environ.get(ENV_PARENT) or "/tmp")


def _hold_lock(folder: Path) -> int:
    """Create <folder>/run.lock already locked (under a temporary name, renamed once locked), so that no
    sweep ever sees it unlocked while this process lives. Returns the descriptor that holds the lock."""
    temporary = folder / f".{LOCK}.{os.getpid()}"
    fd = os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_RDWR, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX)
    os.rename(temporary, folder / LOCK)
    return fd


def sweep_stale_folders(parent: Path) -> list[Path]:
    """Remove cluster folders under `parent` whose run is gone (nobody holds their run.lock) and that no
    process names. Folders without a lock (being created, or another user's) are left alone. Returns what
    was removed."""
    removed = []
    for folder in sorted(parent.glob(f"{PREFIX}*")):
        try:
            fd = os.open(folder / LOCK, os.O_RDONLY)
        except OSError:
            continue
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                continue  # its run is alive
            if processes_naming(folder.name):
                continue  # not ours to end: leave it
            shutil.rmtree(folder, ignore_errors=True)
            if not folder.exists():
                removed.append(folder)
        finally:
            os.close(fd)
    return removed


# -- the cluster -----------------------------------------------------------------------------------------------


@dataclass
class Cluster:
    """A throwaway cluster: its folder (data/, server.log, the unix socket, run.lock) and its server."""

    folder: Path
    bindir: Path
    owner: dict[str, Any]
    lock_fd: int | None = None
    server: subprocess.Popen[bytes] | None = None
    port: int | None = None

    @property
    def data(self) -> Path:
        return self.folder / "data"

    @property
    def log(self) -> Path:
        return self.folder / "server.log"

    @property
    def uid(self) -> int:
        """Whose processes the cluster's are."""
        return int(self.owner.get("user", os.geteuid()))

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{DBNAME}"

    @classmethod
    def prepare(cls) -> Cluster | str:
        """A new, empty cluster folder (nothing runs yet), or why there can be none."""
        if _bindir() is None:
            reason = _apt_install()
            if reason:
                return reason
        bindir = _bindir()
        if bindir is None:
            return "PostgreSQL server binaries (initdb, postgres) not found after install"
        owner = _owner()
        if isinstance(owner, str):
            return owner
        parent = parent_folder()
        sweep_stale_folders(parent)
        folder = Path(tempfile.mkdtemp(prefix=PREFIX, dir=parent))
        try:
            cluster = cls(folder=folder, bindir=bindir, owner=owner, lock_fd=_hold_lock(folder))
            if owner:
                os.chown(folder, owner["user"], owner["group"])
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        return cluster

    def start(self) -> Postgres:
        """initdb, the server, the test database: Postgres(url), or Postgres(skip_reason). Either way (and
        when this raises, e.g. on Ctrl-C) the caller calls stop()."""
        pg = Postgres(folder=self.folder)
        try:
            done = subprocess.run([str(self.bindir / "initdb"), "-D", str(self.data), "-U", "postgres", "-A",
                                   "trust", "-E", "UTF8", "--no-locale", "--no-sync"],
                                  capture_output=True, text=True, timeout=120, cwd=self.folder, **self.owner)
            if done.returncode != 0:
                pg.skip_reason = f"initdb failed: {(done.stderr or done.stdout).strip()[-300:]}"
                return pg
            for _attempt in range(3):
                why = self._serve(_free_port())
                if why is None:
                    self._create_database()
                    pg.url = self.url
                    return pg
                if "could not bind" not in why and "already in use" not in why:
                    break  # not a port taken in the meantime: trying again will not help
            pg.skip_reason = f"the throwaway PostgreSQL did not start: {why}"
        except Exception as exc:  # any failure here is a reason to skip, not to error every test
            pg.skip_reason = f"could not set up a throwaway PostgreSQL: {type(exc).__name__}: {exc}"
        return pg

    def _serve(self, port: int) -> str | None:
        """Start the server on `port` and wait until it accepts connections: None, else why not."""
        import psycopg

        self.port = port
        logged = self.log.stat().st_size if self.log.exists() else 0
        command = [str(self.bindir / "postgres"), "-D", str(self.data), "-p", str(port), "-k", str(self.folder),
                   "-c", "listen_addresses=127.0.0.1", "-c", f"cluster_name={self.folder.name}",
                   "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                   "-c", "max_connections=40"]
        with open(self.log, "ab") as log, interrupts_deferred():  # no Ctrl-C between fork and self.server
            self.server = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                           cwd=self.folder, start_new_session=True, preexec_fn=_quit_with_parent,
                                           **self.owner)
        deadline = time.monotonic() + START_SECONDS
        while True:
            if self.server.poll() is not None:
                with open(self.log, "rb") as log:
                    log.seek(logged)
                    tail = log.read().decode(errors="replace").strip()[-300:]
                return f"the server exited ({self.server.returncode}): {tail}"
            try:
                with psycopg.connect(host="127.0.0.1", port=port, user="postgres", dbname="postgres",
                                     connect_timeout=5):
                    return None
            except psycopg.OperationalError as exc:
                if time.monotonic() > deadline:
                    return f"not accepting connections after {START_SECONDS:g} s: {exc}"
            time.sleep(0.1)

    def _create_database(self) -> None:
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=self.port, user="postgres", dbname="postgres",
                             autocommit=True, connect_timeout=10) as conn:
            conn.execute(f"CREATE DATABASE {DBNAME}")

    def stop(self, *, grace_seconds: float = STOP_GRACE_SECONDS) -> Stopped:
        """End every process of the cluster, then remove its folder (Ctrl-C waits until this is done)."""
        report = Stopped()
        with interrupts_deferred():
            server = self.server
            if server is not None and server.poll() is None:
                server.send_signal(signal.SIGQUIT)  # immediate shutdown, what `pg_ctl -m immediate stop` sends
                try:
                    server.wait(timeout=grace_seconds)
                except subprocess.TimeoutExpired:
                    server.kill()
                    server.wait()
                    report.forced.append(f"the postmaster (pid {server.pid}) had not exited {grace_seconds:g} s "
                                         "after SIGQUIT (immediate shutdown) and was killed")
            # what else names the folder: the children of a killed postmaster (they exit when they notice it
            # is gone), an initdb cut short, a server whose start was interrupted
            killed, survivors = end_processes(lambda: processes_naming(self.folder.name, uid=self.uid),
                                              grace_seconds=10)
            report.forced += [f"still running after the postmaster had exited, killed: {p.describe()}"
                              for p in killed]
            report.left += [f"still running after SIGKILL: {p.describe()}" for p in survivors]
            if survivors:
                report.left.append(f"{self.folder} is kept while they run")
            else:
                try:
                    shutil.rmtree(self.folder)
                except FileNotFoundError:
                    pass
                except OSError as exc:
                    report.left.append(f"could not remove {self.folder}: {exc}")
            if self.lock_fd is not None:
                os.close(self.lock_fd)
                self.lock_fd = None
        return report


def report_stop(stopped: Stopped, folder: Path) -> None:
    """A forced stop is a warning; anything left running (or a folder left behind) is an error."""
    if stopped.left:
        raise RuntimeError(f"the throwaway PostgreSQL in {folder} was not cleaned up: "
                           + "; ".join(stopped.forced + stopped.left))
    if stopped.forced:
        warnings.warn(ClusterStopWarning(f"the throwaway PostgreSQL in {folder} did not stop cleanly: "
                                         + "; ".join(stopped.forced)), stacklevel=2)


# -- the fixture -----------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def postgres() -> Iterator[Postgres]:
    """The session's PostgreSQL, started lazily (only when a PostgreSQL test runs)."""
    if os.environ.get(ENV_SWITCH, "").strip().lower() in ("0", "no", "false", "off"):
        yield Postgres(skip_reason=f"PostgreSQL tests switched off by {ENV_SWITCH}")
        return
    try:
        import psycopg  # noqa: F401
    except ImportError:
        yield Postgres(skip_reason="psycopg is not installed (pip install -e '.[postgres]')")
        return
    url = os.environ.get(ENV_URL, "").strip()
    if url:
        yield _external(url)
        return
    cluster = Cluster.prepare()
    if isinstance(cluster, str):
        yield Postgres(skip_reason=cluster)
        return
    try:
        yield cluster.start()
    finally:
        report_stop(cluster.stop(), cluster.folder)


def _external(url: str) -> Postgres:
    from sqlalchemy import create_engine, text

    engine = create_engine(url, connect_args={"connect_timeout": 10})
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:
        pytest.fail(f"{ENV_URL} is set but PostgreSQL is not reachable there: {exc}")
    finally:
        engine.dispose()
    return Postgres(url=url)
