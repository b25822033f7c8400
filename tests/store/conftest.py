"""Fixtures of the results-store tests: every test runs against SQLite and against PostgreSQL when one can be had.

PostgreSQL comes from, in order:
  (a) $PRESCREEN_TEST_POSTGRES_URL (a SQLAlchemy URL; the role needs CREATE on the database: each test gets
      its own schema, dropped afterwards). Set but unreachable is an error, not a skip.
  (b) a throwaway cluster of Debian's PostgreSQL: initdb in a temporary folder (as the `postgres` user when
      running as root, since initdb refuses root), started on a free loopback port with its unix socket in that
      folder, stopped and removed at the end of the session. When the server binaries are missing and we are
      root, `apt-get install postgresql` is tried first.
  (c) otherwise the PostgreSQL tests are skipped, saying why.
Set PRESCREEN_TEST_POSTGRES=0 to skip them without trying.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import re
import shlex
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from pipeline.store import ResultStore

ENV_URL = "PRESCREEN_TEST_POSTGRES_URL"
ENV_SWITCH = "PRESCREEN_TEST_POSTGRES"
DBNAME = "prescreen_test"


@dataclass
class Postgres:
    """A reachable PostgreSQL (url) or why there is none (skip_reason)."""

    url: str | None = None
    skip_reason: str | None = None
    cleanup: list[Callable[[], object]] = field(default_factory=list)


# -- finding and starting a throwaway cluster ----------------------------------------------------------------


def _version_key(path: Path) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", path.parent.parent.name)) or (0,)


def _bindir() -> Path | None:
    """The folder of initdb and pg_ctl: Debian's /usr/lib/postgresql/<newest>/bin, else initdb on PATH."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=_version_key)
    if found:
        return found[-1].parent
    initdb = shutil.which("initdb")
    if initdb and (Path(initdb).resolve().parent / "pg_ctl").exists():
        return Path(initdb).resolve().parent
    return None


def _apt_install() -> str | None:
    """Install Debian's postgresql (root only); None on success, else why not."""
    if os.geteuid() != 0:
        return "PostgreSQL server binaries (initdb, pg_ctl) not found, and not root to apt-get install postgresql"
    if not shutil.which("apt-get"):
        return "PostgreSQL server binaries (initdb, pg_ctl) not found and there is no apt-get"
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


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _throwaway_cluster() -> Postgres:
    if _bindir() is None:
        reason = _apt_install()
        if reason:
            return Postgres(skip_reason=reason)
    bindir = _bindir()
    if bindir is None:
        return Postgres(skip_reason="PostgreSQL server binaries (initdb, pg_ctl) not found after install")

    root = os.geteuid() == 0
    prefix: list[str] = []
    if root:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            return Postgres(skip_reason="running as root and there is no `postgres` user to run initdb as")
        prefix = ["runuser", "-u", "postgres", "--"] if shutil.which("runuser") else []

    def run(cmd: list[str], timeout: float = 60) -> subprocess.CompletedProcess[str]:
        if root and not prefix:  # no runuser: su
            cmd = ["su", "postgres", "-s", "/bin/sh", "-c", shlex.join(cmd)]
        return subprocess.run(prefix + cmd, capture_output=True, text=True, timeout=timeout)

    # /tmp rather than pytest's tmp_path: that sits in a root-only folder the postgres user cannot enter
    tmp = Path(tempfile.mkdtemp(prefix="prescreen-pg-", dir="/tmp"))
    pg = Postgres()
    pg.cleanup.append(lambda: shutil.rmtree(tmp, ignore_errors=True))
    if root:
        os.chown(tmp, owner.pw_uid, owner.pw_gid)
    data, log = tmp / "data", tmp / "server.log"
    try:
        done = run([str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                    "--no-locale", "--no-sync"])
        if done.returncode != 0:
            pg.skip_reason = f"initdb failed: {(done.stderr or done.stdout).strip()[-300:]}"
            return pg
        for _attempt in range(3):
            port = _free_port()
            options = (f"-p {port} -k {shlex.quote(str(tmp))} -c listen_addresses=127.0.0.1 -c fsync=off "
                       "-c synchronous_commit=off -c full_page_writes=off -c max_connections=40")
            done = run([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options, "-w", "-t", "30",
                        "start"])
            if done.returncode == 0:
                break
            run([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"])
        else:
            tail = log.read_text(errors="replace")[-300:] if log.exists() else done.stderr
            pg.skip_reason = f"the throwaway PostgreSQL did not start: {tail.strip()}"
            return pg
        pg.cleanup.insert(0, lambda: run([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w",
                                          "stop"]))
        admin = create_engine(f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres",
                              isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as conn:
                conn.execute(text(f"CREATE DATABASE {DBNAME}"))
        finally:
            admin.dispose()
        pg.url = f"postgresql+psycopg://postgres@127.0.0.1:{port}/{DBNAME}"
    except Exception as exc:  # any failure here is a reason to skip, not to error every test
        pg.skip_reason = f"could not set up a throwaway PostgreSQL: {type(exc).__name__}: {exc}"
    return pg


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
        engine = create_engine(url, connect_args={"connect_timeout": 10})
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except Exception as exc:
            pytest.fail(f"{ENV_URL} is set but PostgreSQL is not reachable there: {exc}")
        finally:
            engine.dispose()
        yield Postgres(url=url)
        return
    pg = _throwaway_cluster()
    try:
        yield pg
    finally:
        for step in pg.cleanup:
            with contextlib.suppress(Exception):  # cleanup is best effort
                step()


# -- per-test databases --------------------------------------------------------------------------------------


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database: a SQLite file in tmp_path, or a fresh schema (first on search_path) in PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'results.db'}"
        return
    pg: Postgres = request.getfixturevalue("postgres")
    if pg.url is None:
        pytest.skip(f"PostgreSQL not available: {pg.skip_reason}")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(pg.url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f"CREATE SCHEMA {schema}"))
        url = make_url(pg.url)
        url = url.update_query_dict({"options": f"{url.query.get('options', '')} -csearch_path={schema}".strip()})
        yield url.render_as_string(hide_password=False)
        with admin.connect() as conn:
            conn.execute(text("SET lock_timeout = '10s'"))
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    finally:
        admin.dispose()


@pytest.fixture
def make_store(store_url: str) -> Iterator[Callable[[], ResultStore]]:
    """A factory of ResultStores on the test's database (all closed at teardown)."""
    made: list[ResultStore] = []

    def make() -> ResultStore:
        made.append(ResultStore(store_url))
        return made[-1]

    yield make
    for store in made:
        store.close()


@pytest.fixture
def store(make_store: Callable[[], ResultStore]) -> ResultStore:
    """A migrated, empty store."""
    s = make_store()
    s.migrate()
    return s
