"""The audit trail: every view and every change in the workbench is one append-only event in the store.

An event's `body` is canonical JSON (sorted keys) of who (actor, role, client address), when (UTC), what (action,
case, payer, target) and the state before and after. Events are numbered 1, 2, 3, ... and chained: each event's
`hash` is sha256 of the previous event's hash and its own body, so changing, removing or re-ordering any event
breaks every hash after it. `verify()` walks the chain; `prescreen audit verify` runs it and prints the head
(sequence number and hash) to keep outside the database: with that, cutting events off the end is detected too.

Appending locks the one-row `audit_head` table inside the caller's transaction, so the change and its event
commit together, and concurrent writers get consecutive numbers.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, update
from sqlalchemy.exc import IntegrityError

from ..store.models import audit_events, audit_head
from .db import aware, utcnow

GENESIS = "0" * 64
EXPORT_FIELDS = ("seq", "at", "actor", "role", "client", "action", "case_key", "payer", "target", "before",
                 "after", "prev_hash", "hash")


def canonical(obj: object) -> str:
    return json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def chain_hash(prev_hash: str, body: str) -> str:
    return hashlib.sha256(f"{prev_hash}\n{body}".encode()).hexdigest()


def _iso(at: datetime) -> str:
    return aware(at).astimezone(UTC).isoformat(timespec="microseconds")  # type: ignore[union-attr]


def ensure_head(engine: Engine) -> None:
    """Create the chain's head row when the trail is new (safe when several processes start at once)."""
    with engine.begin() as conn:
        if conn.scalar(select(audit_head.c.id).where(audit_head.c.id == 1)) is not None:
            return
    try:
        with engine.begin() as conn:
            conn.execute(insert(audit_head).values(id=1, seq=0, hash=GENESIS))
    except IntegrityError:
        pass  # another process created it


@dataclass(frozen=True, kw_only=True)
class Actor:
    """Who did it: the signed-in user (or the command line), their role and client address."""

    username: str | None
    role: str | None = None
    client: str | None = None


def append(conn: Connection, actor: Actor, action: str, *, case_key: str | None = None, payer: str | None = None,
           target: str | None = None, before: Any = None, after: Any = None) -> int:
    """Append one event in the caller's (write) transaction; returns its sequence number."""
    conn.execute(update(audit_head).where(audit_head.c.id == 1).values(seq=audit_head.c.seq + 1))
    head = conn.execute(select(audit_head.c.seq, audit_head.c.hash).where(audit_head.c.id == 1)).first()
    if head is None:
        raise RuntimeError("the audit trail has no head row; start the workbench once (it creates it)")
    seq, prev = int(head.seq), str(head.hash)
    at = utcnow()
    body = canonical({"seq": seq, "at": _iso(at), "actor": actor.username, "role": actor.role,
                      "client": actor.client, "action": action, "case_key": case_key, "payer": payer,
                      "target": target, "before": before, "after": after})
    digest = chain_hash(prev, body)
    conn.execute(insert(audit_events).values(seq=seq, at=at, actor=actor.username, action=action,
                                             case_key=case_key, payer=payer, body=body, prev_hash=prev,
                                             hash=digest))
    conn.execute(update(audit_head).where(audit_head.c.id == 1).values(hash=digest))
    return seq


@dataclass
class Verification:
    """What `verify` found: `ok` when every event and the head agree."""

    events: int = 0
    head_seq: int = 0
    head_hash: str = GENESIS
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(engine: Engine, *, expect_head: str | None = None, max_problems: int = 20) -> Verification:
    """Walk the chain from event 1: consecutive numbers, each `prev_hash` the previous `hash`, each `hash`
    recomputed from its body, the searchable columns equal to the body, and the head row at the last event.
    `expect_head` ("SEQ:HASH" or "HASH" printed by an earlier verify) must still be in the chain."""
    result = Verification()
    prev, expected_seq, seen_expected = GENESIS, 1, expect_head is None
    want_seq, want_hash = _parse_head(expect_head)

    def problem(text: str) -> None:
        if len(result.problems) < max_problems:
            result.problems.append(text)

    with engine.connect() as conn:
        rows = conn.execution_options(yield_per=1000).execute(select(audit_events).order_by(audit_events.c.seq))
        for row in rows:
            result.events += 1
            if row.seq != expected_seq:
                problem(f"event {row.seq}: expected event {expected_seq} (events missing or renumbered)")
            if row.prev_hash != prev:
                problem(f"event {row.seq}: prev_hash does not match the hash of the event before it")
            if chain_hash(row.prev_hash, row.body) != row.hash:
                problem(f"event {row.seq}: hash does not match its content (the event was changed)")
            try:
                body = json.loads(row.body)
            except ValueError:
                problem(f"event {row.seq}: body is not JSON")
                body = {}
            columns = {"seq": row.seq, "actor": row.actor, "action": row.action, "case_key": row.case_key,
                       "payer": row.payer}
            if any(body.get(k) != v for k, v in columns.items()) or body.get("at") != _iso(row.at):
                problem(f"event {row.seq}: its columns differ from its recorded content")
            if row.hash == want_hash and (want_seq is None or want_seq == row.seq):
                seen_expected = True
            prev, expected_seq = row.hash, row.seq + 1
        head = conn.execute(select(audit_head.c.seq, audit_head.c.hash).where(audit_head.c.id == 1)).first()
    result.head_seq, result.head_hash = expected_seq - 1, prev
    if head is None:
        if result.events:
            problem("the audit head row is missing")
    elif (int(head.seq), str(head.hash)) != (result.head_seq, prev):
        problem(f"the head says event {head.seq}, the chain ends at event {result.head_seq} "
                "(events removed from the end, or added outside the workbench)")
    if not seen_expected:
        problem(f"the expected head {expect_head} is not in the chain (events removed or rewritten)")
    return result


def _parse_head(value: str | None) -> tuple[int | None, str | None]:
    if not value:
        return None, None
    if ":" in value:
        seq, digest = value.split(":", 1)
        return int(seq), digest.strip()
    return None, value.strip()


def event_dicts(conn: Connection, *, case_key: str | None = None, limit: int | None = None,
                offset: int = 0, newest_first: bool = False) -> Iterator[dict[str, Any]]:
    """Events as dicts (the body plus prev_hash and hash), oldest first unless `newest_first`."""
    stmt = select(audit_events.c.body, audit_events.c.prev_hash, audit_events.c.hash)
    if case_key is not None:
        stmt = stmt.where(audit_events.c.case_key == case_key)
    stmt = stmt.order_by(audit_events.c.seq.desc() if newest_first else audit_events.c.seq)
    if limit is not None:
        stmt = stmt.limit(limit).offset(offset)
    for row in conn.execution_options(yield_per=1000).execute(stmt):
        event = json.loads(row.body)
        event["prev_hash"], event["hash"] = row.prev_hash, row.hash
        yield event


def _cell(value: Any) -> str:
    if value is None:
        return ""
    text = value if isinstance(value, str) else canonical(value)
    # a cell a spreadsheet would run as a formula is quoted (CSV injection)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def csv_lines(events: Iterator[dict[str, Any]]) -> Iterator[str]:
    """The events as CSV, header first; JSON-valued fields (before, after) as compact JSON."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(EXPORT_FIELDS)
    yield buf.getvalue()
    for event in events:
        buf.seek(0)
        buf.truncate()
        writer.writerow([_cell(event.get(k)) if k != "seq" else event["seq"] for k in EXPORT_FIELDS])
        yield buf.getvalue()


def json_lines(events: Iterator[dict[str, Any]]) -> Iterator[str]:
    """The events as JSON Lines, one event per line."""
    for event in events:
        yield canonical(event) + "\n"
