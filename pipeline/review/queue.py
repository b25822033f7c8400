"""The work queue: one row per payer determination of a current case (`review_items`), filtered, sorted and
paginated in SQL.

`sync()` adds the review rows of newly stored cases (status `pended` when the screen pended, `screen_approved`
when it approved), takes the open items of superseded cases out of the queue (status `superseded`), and
refreshes the due time of cases whose own `due_at` is set later; it runs when the `cases` table has new rows
since the last look (row count and newest `created_at`, both from indexes), and at least once a minute.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, and_, func, insert, select, update

from ..store.models import cases, determinations, review_items
from .clock import clock
from .db import aware, utcnow, write

STATUSES = ("pended", "in_review", "escalated", "decided", "screen_approved")  # what the queue filters on
SUPERSEDABLE = ("pended", "in_review", "escalated", "screen_approved")
OPEN_STATUSES = ("pended", "in_review", "escalated")
SORTS = {
    "due": (review_items.c.due_at, review_items.c.id),
    "-due": (review_items.c.due_at.desc(), review_items.c.id.desc()),
    "received": (review_items.c.received_at, review_items.c.id),
    "-received": (review_items.c.received_at.desc(), review_items.c.id.desc()),
    "payer": (review_items.c.payer, review_items.c.due_at, review_items.c.id),
    "outcome": (review_items.c.outcome, review_items.c.due_at, review_items.c.id),
    "status": (review_items.c.status, review_items.c.due_at, review_items.c.id),
}
PAGE_SIZE = 50

_sync_lock = threading.Lock()
_last_seen: dict[str, tuple[tuple[Any, ...], float]] = {}
RESYNC_SECONDS = 60.0  # also catch cases rewritten in place (a new due time) without a new row
_facets: dict[str, tuple[tuple[Any, ...], list[str], list[str]]] = {}  # payers and outcomes per store


def sync(engine: Engine, *, force: bool = False) -> tuple[Any, ...]:
    """Create missing review rows for current screened cases (when `cases` changed since the last look, or
    `force`); returns the mark of the `cases` table it is in step with."""
    with engine.connect() as conn:  # both answered from indexes
        mark = tuple(conn.execute(select(func.count(), func.max(cases.c.created_at)).select_from(cases)).one())
    key = str(engine.url)
    with _sync_lock:
        seen, when = _last_seen.get(key, ((), 0.0))
        if force or seen != mark or time.monotonic() - when > RESYNC_SECONDS:
            _sync(engine)
            _last_seen[key] = (mark, time.monotonic())
        return mark


def _sync(engine: Engine) -> int:
    missing = (
        select(determinations.c.case_key, determinations.c.payer, determinations.c.decision,
               determinations.c.outcome, cases.c.received_at, cases.c.created_at, cases.c.priority,
               cases.c.due_at)
        .join(cases, cases.c.key == determinations.c.case_key)
        .outerjoin(review_items, and_(review_items.c.case_key == determinations.c.case_key,
                                      review_items.c.payer == determinations.c.payer))
        .where(review_items.c.id.is_(None), cases.c.superseded_at.is_(None), cases.c.kind == "screening")
    )
    now = utcnow()
    added = 0
    with write(engine) as conn:
        rows = []
        for r in conn.execute(missing):
            start, due = clock(received_at=r.received_at, created_at=aware(r.created_at) or now,
                               priority=r.priority, due_at=aware(r.due_at))
            rows.append({"case_key": r.case_key, "payer": r.payer, "machine_decision": r.decision,
                         "outcome": r.outcome, "status": "pended" if r.decision == "pend" else "screen_approved",
                         "received_at": start, "due_at": due, "version": 1, "updated_at": now})
        for i in range(0, len(rows), 1000):
            conn.execute(insert(review_items), rows[i:i + 1000])
        added = len(rows)
        # a superseded case leaves the queue: its open items become `superseded` (decided ones stay decided)
        old = select(cases.c.key).where(cases.c.superseded_at.is_not(None))
        conn.execute(update(review_items).where(review_items.c.status.in_(SUPERSEDABLE),
                                                review_items.c.case_key.in_(old)).values(status="superseded"))
        # a case whose own due time was set (or changed) after its review rows were made
        stale = (select(review_items.c.id, cases.c.due_at)
                 .join(cases, cases.c.key == review_items.c.case_key)
                 .where(cases.c.due_at.is_not(None), cases.c.due_at != review_items.c.due_at))
        for item_id, due in conn.execute(stale).all():
            conn.execute(update(review_items).where(review_items.c.id == item_id).values(due_at=due))
    return added


@dataclass(frozen=True, kw_only=True)
class QueueFilter:
    statuses: tuple[str, ...] = OPEN_STATUSES
    payer: str | None = None
    outcome: str | None = None
    due: str | None = None  # overdue | 24h | None
    sort: str = "due"
    page: int = 1

    @classmethod
    def from_query(cls, q: Any) -> QueueFilter:
        """From request.GET; unknown values fall back to the defaults (never an error)."""
        wanted = [s for s in q.getlist("status") if s in STATUSES or s == "all"]
        statuses = STATUSES if "all" in wanted else tuple(wanted) or OPEN_STATUSES
        try:
            page = max(1, min(int(q.get("page", "1")), 100_000))
        except ValueError:
            page = 1
        sort = q.get("sort", "due")
        due = q.get("due")
        return cls(statuses=statuses, payer=(q.get("payer") or None), outcome=(q.get("outcome") or None),
                   due=due if due in ("overdue", "24h") else None, sort=sort if sort in SORTS else "due",
                   page=page)

    def query_items(self, **change: Any) -> list[tuple[str, str]]:
        """The filter as query-string pairs (for links), with `change` applied."""
        values: dict[str, Any] = {"status": list(self.statuses), "payer": self.payer, "outcome": self.outcome,
                                  "due": self.due, "sort": self.sort, "page": self.page}
        values.update(change)
        pairs: list[tuple[str, str]] = []
        for k, v in values.items():
            if v is None or (k == "page" and v == 1) or (k == "sort" and v == "due"):
                continue
            for one in (v if isinstance(v, list) else [v]):
                pairs.append((k, str(one)))
        return pairs


@dataclass(frozen=True)
class QueuePage:
    rows: list[dict[str, Any]]
    total: int
    page: int
    pages: int
    payers: list[str]
    outcomes: list[str]
    counts: dict[str, int]


def _where(f: QueueFilter, now: datetime) -> list[Any]:
    clauses: list[Any] = [review_items.c.status.in_(f.statuses)]
    if f.payer:
        clauses.append(review_items.c.payer == f.payer)
    if f.outcome:
        clauses.append(review_items.c.outcome == f.outcome)
    if f.due == "overdue":
        clauses.append(review_items.c.due_at < now)
    elif f.due == "24h":
        from datetime import timedelta

        clauses.append(review_items.c.due_at < now + timedelta(hours=24))
    return clauses


def queue_page(engine: Engine, f: QueueFilter, *, page_size: int = PAGE_SIZE) -> QueuePage:
    """One page of the queue and the numbers around it (total, counts per status, the payers and outcomes)."""
    mark = sync(engine)
    now = utcnow()
    where = _where(f, now)
    with engine.connect() as conn:
        total = int(conn.scalar(select(func.count()).select_from(review_items).where(*where)) or 0)
        pages = max(1, -(-total // page_size))
        page = min(f.page, pages)
        ids = (select(review_items.c.id).where(*where).order_by(*SORTS[f.sort]).limit(page_size)
               .offset((page - 1) * page_size).subquery())
        stmt = (select(review_items, cases.c.path, cases.c.request_id, cases.c.priority, cases.c.n_pages)
                .join(ids, ids.c.id == review_items.c.id).join(cases, cases.c.key == review_items.c.case_key)
                .order_by(*SORTS[f.sort]))
        rows = [dict(r._mapping) for r in conn.execute(stmt)]
        cached = _facets.get(str(engine.url))
        if cached is None or cached[0] != mark:
            payers = list(conn.scalars(select(review_items.c.payer).distinct().order_by(review_items.c.payer)))
            outcomes = list(conn.scalars(select(review_items.c.outcome).distinct().order_by(review_items.c.outcome)))
            cached = _facets[str(engine.url)] = (mark, payers, outcomes)
        counts = {str(s): int(n) for s, n in conn.execute(
            select(review_items.c.status, func.count()).group_by(review_items.c.status))}
    return QueuePage(rows=rows, total=total, page=page, pages=pages, payers=cached[1], outcomes=cached[2],
                     counts=counts)


def next_item(engine: Engine, after_id: int, *, statuses: tuple[str, ...] = ("pended", "in_review")
              ) -> tuple[str, str] | None:
    """(case key, payer) of the open item due next after item `after_id` (wrapping to the first), or None."""
    sync(engine)
    with engine.connect() as conn:
        current = conn.execute(select(review_items.c.due_at, review_items.c.id)
                               .where(review_items.c.id == after_id)).first()
        base = (select(review_items.c.case_key, review_items.c.payer)
                .where(review_items.c.status.in_(statuses), review_items.c.id != after_id)
                .order_by(review_items.c.due_at, review_items.c.id).limit(1))
        row = None
        if current is not None:
            row = conn.execute(base.where(
                (review_items.c.due_at > current.due_at)
                | ((review_items.c.due_at == current.due_at) & (review_items.c.id > current.id)))).first()
        if row is None:
            row = conn.execute(base).first()
    return (row.case_key, row.payer) if row is not None else None
