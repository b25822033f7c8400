"""The workbench's tables on SQLite and PostgreSQL: accounts, the queue, optimistic locking and the audit chain
under concurrent writers."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select

from pipeline.bench_review import synthetic_records
from pipeline.review import decisions
from pipeline.review.accounts import add_user, authenticate
from pipeline.review.audit import Actor, append, ensure_head, verify
from pipeline.review.db import make_engine, write
from pipeline.review.queue import QueueFilter, queue_page, sync
from pipeline.store import ResultStore
from pipeline.store.models import audit_events


@pytest.fixture
def engine(store_url: str):  # type: ignore[no-untyped-def]
    with ResultStore(store_url) as store:
        store.migrate()
        store.upsert_many(synthetic_records(30))
    engine = make_engine(store_url)
    ensure_head(engine)
    yield engine
    engine.dispose()


def test_review_flow_and_conflict(engine) -> None:  # type: ignore[no-untyped-def]
    from argon2 import PasswordHasher

    from pipeline.review import accounts

    before = accounts._hasher
    accounts.use_hasher(PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    try:
        _flow(engine)
    finally:
        accounts.use_hasher(before)


def _flow(engine) -> None:  # type: ignore[no-untyped-def]
    nurse = add_user(engine, username="nurse", password="rn-secret-pass-1", role="reviewer")
    doctor = add_user(engine, username="doctor", password="md-secret-pass-1", role="physician")
    assert authenticate(engine, username="nurse", password="rn-secret-pass-1", client="127.0.0.1").user == nurse
    sync(engine, force=True)
    page = queue_page(engine, QueueFilter(payer="cohere"))
    assert page.total == sum(1 for r in synthetic_records(30) if r["determinations"][0]["decision"] == "pend")
    assert [r["due_at"] for r in page.rows] == sorted(r["due_at"] for r in page.rows)
    item = page.rows[0]
    common = {"case_key": item["case_key"], "payer": "cohere"}
    assert decisions.decide(engine, seen=1, decision="escalate", reason="MD please", criterion_id=None,
                            criteria_ids=set(), user=nurse, actor=Actor(username="nurse"), **common) == 2
    with pytest.raises(decisions.Conflict) as conflict:
        decisions.decide(engine, seen=1, decision="approve", reason=None, criterion_id=None, criteria_ids=set(),
                         user=doctor, actor=Actor(username="doctor"), **common)
    assert (conflict.value.current, conflict.value.by) == (2, "nurse (nurse)")
    with pytest.raises(decisions.Forbidden):
        decisions.decide(engine, seen=2, decision="adverse", reason="x" * 30, criterion_id="c", criteria_ids={"c"},
                         user=nurse, actor=Actor(username="nurse"), **common)
    assert decisions.decide(engine, seen=2, decision="adverse", reason="criterion c is not documented at all",
                            criterion_id="c", criteria_ids={"c"}, user=doctor, actor=Actor(username="doctor"),
                            **common) == 3
    assert verify(engine).ok


def test_concurrent_writers_keep_the_chain_consecutive(engine) -> None:  # type: ignore[no-untyped-def]
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        try:
            for i in range(15):
                with write(engine) as conn:
                    append(conn, Actor(username=f"w{n}"), "test", target=str(i))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with engine.connect() as conn:
        seqs = list(conn.scalars(select(audit_events.c.seq).order_by(audit_events.c.seq)))
    assert seqs == list(range(1, 61))
    result = verify(engine)
    assert result.ok and result.events == 60
