"""Fixtures of the results-store tests: every test runs against SQLite and against PostgreSQL when one can be had
(the session's PostgreSQL, and the throwaway cluster that cannot outlive the run: pg_cluster.py)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pg_cluster import Postgres, postgres  # noqa: F401  (postgres: the session fixture)
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from pipeline.store import ResultStore

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
