"""The workbench's connection to the results store: one engine per process, and write transactions that
serialise where they must (SQLite takes its write lock at BEGIN, so two writers never dead-lock on a lock
upgrade; PostgreSQL locks the rows it updates)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, event
from sqlalchemy.engine import make_url

from ..store.store import _make_engine


def make_engine(url: str) -> Engine:
    """An engine on the store; on SQLite, transactions opened by `write()` begin IMMEDIATE."""
    engine = _make_engine(url)
    if make_url(url).get_backend_name() == "sqlite":

        @event.listens_for(engine, "connect")
        def _autocommit_driver(dbapi_connection: Any, _record: Any) -> None:
            # let SQLAlchemy emit BEGIN itself (pysqlite's own transaction handling defers it)
            dbapi_connection.isolation_level = None

        @event.listens_for(engine, "begin")
        def _begin(conn: Connection) -> None:
            immediate = conn.get_execution_options().get("immediate", False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


@contextmanager
def write(engine: Engine) -> Iterator[Connection]:
    """A transaction that will write: committed at the end, rolled back on an exception."""
    with engine.connect() as conn:
        conn = conn.execution_options(immediate=True)
        with conn.begin():
            yield conn


def utcnow() -> datetime:
    return datetime.now(UTC)


def aware(value: datetime | None) -> datetime | None:
    """A stored time as an aware UTC datetime (SQLite returns them naive)."""
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)
