"""Changes a reviewer makes to a case: criterion judgements, added evidence, the payer decision.

Every change is one transaction that (1) moves the item's `version` on with `UPDATE ... WHERE version = :seen`
(the version the reviewer's page showed: if someone else changed the item meanwhile, nothing is written and
`Conflict` says who and when), (2) writes the change, and (3) appends its audit event with the state before and
after. Only a physician records an adverse determination, and only with a reason citing a policy criterion; the
screen itself never denies.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, update

from ..store.models import review_criteria, review_evidence, review_items
from .accounts import User, user_names
from .audit import Actor, append
from .db import aware, utcnow, write

TRI_STATES = ("met", "not_met", "unknown")
ASSERTIONS = ("present", "absent", "suspected")
DECISIONS = ("approve", "escalate", "adverse")
MAX_REASON = 4000
MIN_ADVERSE_REASON = 20
MAX_EVIDENCE_CHARS = 2000


class ReviewError(ValueError):
    """A change that is not allowed or not complete; the message is shown to the reviewer."""


class Forbidden(ReviewError):
    """The user's role may not make this change."""


class Conflict(Exception):
    """The item changed since the reviewer's page was loaded."""

    def __init__(self, *, seen: int, current: int, by: str | None, at: datetime | None) -> None:
        super().__init__(f"version {seen} is now {current}")
        self.seen, self.current, self.by, self.at = seen, current, by, at


def item_row(conn: Connection, case_key: str, payer: str) -> Any:
    return conn.execute(select(review_items).where(review_items.c.case_key == case_key,
                                                   review_items.c.payer == payer)).first()


def _state(row: Any) -> dict[str, Any]:
    return {"status": row.status, "decision": row.decision, "version": row.version}


def _bump(conn: Connection, row: Any, seen: int, user: User, **values: Any) -> int:
    """Move the item to version seen + 1, or raise Conflict."""
    done = conn.execute(update(review_items)
                        .where(review_items.c.id == row.id, review_items.c.version == seen)
                        .values(version=seen + 1, updated_at=utcnow(), updated_by=user.id, **values))
    if done.rowcount != 1:
        now = conn.execute(select(review_items.c.version, review_items.c.updated_by, review_items.c.updated_at)
                           .where(review_items.c.id == row.id)).one()
        names = user_names(conn, {now.updated_by} if now.updated_by else set())
        raise Conflict(seen=seen, current=now.version, by=names.get(now.updated_by), at=aware(now.updated_at))
    return seen + 1


def _reason(text: str | None, *, required: bool, what: str) -> str | None:
    value = (text or "").strip()
    if required and not value:
        raise ReviewError(f"{what} needs a reason.")
    if len(value) > MAX_REASON:
        raise ReviewError(f"The reason may have at most {MAX_REASON} characters.")
    return value or None


def _open_status(row: Any) -> str:
    return "in_review" if row.status in ("pended", "screen_approved") else row.status


def review_criterion(engine: Engine, *, case_key: str, payer: str, seen: int, criterion_id: str, action: str,
                     machine_status: str, status: str | None, reason: str | None, user: User, actor: Actor) -> int:
    """Confirm the machine's status of a criterion, or override it with a status and a reason. Returns the new
    version."""
    if not user.can_review:
        raise Forbidden("Your role does not review cases.")
    if action == "confirm":
        new_status, why = machine_status, _reason(reason, required=False, what="A confirmation")
    elif action == "override":
        if status not in TRI_STATES:
            raise ReviewError("Choose met, not met or unknown for the override.")
        if status == machine_status:
            raise ReviewError("That is the screen's own status: confirm it instead of overriding it.")
        new_status, why = status, _reason(reason, required=True, what="An override")
    else:
        raise ReviewError("Unknown action.")
    with write(engine) as conn:
        row = item_row(conn, case_key, payer)
        if row is None:
            raise ReviewError("No such case.")
        before = latest_reviews(conn, row.id).get(criterion_id)
        version = _bump(conn, row, seen, user, status=_open_status(row))
        conn.execute(insert(review_criteria).values(item_id=row.id, criterion_id=criterion_id, action=action,
                                                    machine_status=machine_status, reviewer_status=new_status,
                                                    reason=why, user_id=user.id, at=utcnow()))
        append(conn, actor, f"{action}_criterion", case_key=case_key, payer=payer, target=criterion_id,
               before={"criterion": _judgement(before) or {"status": machine_status, "by": "screen"},
                       **_state(row)},
               after={"criterion": {"action": action, "status": new_status, "reason": why},
                      "status": _open_status(row), "version": version})
    return version


def _judgement(row: dict[str, Any] | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return {"action": row["action"], "status": row["reviewer_status"], "reason": row["reason"]}


def add_evidence(engine: Engine, *, case_key: str, payer: str, seen: int, criterion_id: str, document_sha256: str,
                 text: str, start: int, end: int, assertion: str, note: str | None, user: User, actor: Actor) -> int:
    """Add a span of the packet text as evidence for a criterion (`text` is the packet's canonical text)."""
    if not user.can_review:
        raise Forbidden("Your role does not review cases.")
    if not (0 <= start < end <= len(text)):
        raise ReviewError("Select the evidence in the packet text first.")
    if end - start > MAX_EVIDENCE_CHARS:
        raise ReviewError(f"Evidence may span at most {MAX_EVIDENCE_CHARS} characters.")
    span = text[start:end]
    if not span.strip():
        raise ReviewError("The selection is blank.")
    if assertion not in ASSERTIONS:
        raise ReviewError("Say whether the text shows the finding present, absent or suspected.")
    why = _reason(note, required=False, what="Evidence")
    with write(engine) as conn:
        row = item_row(conn, case_key, payer)
        if row is None:
            raise ReviewError("No such case.")
        version = _bump(conn, row, seen, user, status=_open_status(row))
        new_id = conn.execute(insert(review_evidence).values(
            item_id=row.id, criterion_id=criterion_id, document_sha256=document_sha256, start=start, end=end,
            text=span, assertion=assertion, note=why, user_id=user.id, at=utcnow())
        ).inserted_primary_key[0]  # type: ignore[index]
        append(conn, actor, "add_evidence", case_key=case_key, payer=payer, target=criterion_id,
               before=_state(row),
               after={"evidence": {"id": new_id, "start": start, "end": end, "text": span, "assertion": assertion,
                                   "note": why}, "status": _open_status(row), "version": version})
    return version


def decide(engine: Engine, *, case_key: str, payer: str, seen: int, decision: str, reason: str | None,
           criterion_id: str | None, criteria_ids: set[str], user: User, actor: Actor) -> int:
    """Record the payer decision: approve, escalate to physician review, or (physicians only) adverse."""
    if not user.can_review:
        raise Forbidden("Your role does not review cases.")
    if decision not in DECISIONS:
        raise ReviewError("Choose approve, escalate or adverse.")
    cited: str | None = None
    if decision == "adverse":
        if not user.is_physician:
            raise Forbidden("Only a physician may record an adverse determination; escalate the case instead.")
        why = _reason(reason, required=True, what="An adverse determination")
        if why is None or len(why) < MIN_ADVERSE_REASON:
            raise ReviewError(f"An adverse determination needs a specific reason (at least {MIN_ADVERSE_REASON} "
                              "characters) citing the policy criterion that is not met.")
        if not criterion_id or criterion_id not in criteria_ids:
            raise ReviewError("An adverse determination must cite the policy criterion that is not met.")
        cited = criterion_id
    elif decision == "escalate":
        why = _reason(reason, required=True, what="An escalation")
    else:
        why = _reason(reason, required=False, what="An approval")
    status = "escalated" if decision == "escalate" else "decided"
    now = utcnow()
    with write(engine) as conn:
        row = item_row(conn, case_key, payer)
        if row is None:
            raise ReviewError("No such case.")
        version = _bump(conn, row, seen, user, status=status, decision=decision, decision_reason=why,
                        decision_criterion=cited, decided_by=user.id, decided_at=now)
        append(conn, actor, "decide", case_key=case_key, payer=payer, target=cited,
               before={**_state(row), "reason": row.decision_reason},
               after={"status": status, "decision": decision, "reason": why, "version": version})
    return version


def latest_reviews(conn: Connection, item_id: int) -> dict[str, dict[str, Any]]:
    """criterion id -> its newest judgement (with `by`, the reviewer's name)."""
    rows = conn.execute(select(review_criteria).where(review_criteria.c.item_id == item_id)
                        .order_by(review_criteria.c.id)).all()
    names = user_names(conn, {r.user_id for r in rows})
    out: dict[str, dict[str, Any]] = {}
    for r in rows:
        out[r.criterion_id] = {**r._mapping, "by": names.get(r.user_id), "at": aware(r.at)}
    return out


def added_evidence(conn: Connection, item_id: int) -> list[dict[str, Any]]:
    rows = conn.execute(select(review_evidence).where(review_evidence.c.item_id == item_id)
                        .order_by(review_evidence.c.id)).all()
    names = user_names(conn, {r.user_id for r in rows})
    return [{**r._mapping, "by": names.get(r.user_id), "at": aware(r.at)} for r in rows]
