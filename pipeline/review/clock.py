"""The decision clock of a prior-authorization request: 72 hours when expedited, 7 calendar days when standard.

The clock starts when the request was received: the manifest's `received_at` when it parses as a date or a
time, else when the case was first stored. A case's own `due_at` (set at intake from the request form or the
fax header) always wins over the computed one.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

EXPEDITED = timedelta(hours=72)
STANDARD = timedelta(days=7)
_FORMATS = ("%Y-%m-%d", "%m/%d/%Y", "%m/%d/%y", "%Y-%m-%d %H:%M", "%m/%d/%Y %H:%M")


def parse_received(value: str | None) -> datetime | None:
    """A `received_at` as given in a manifest (ISO 8601, or a US date), as UTC; None when it does not parse."""
    if not value or not value.strip():
        return None
    text = value.strip()
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        for fmt in _FORMATS:
            try:
                parsed = datetime.strptime(text, fmt)
                break
            except ValueError:
                continue
        else:
            return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def allowance(priority: str | None) -> timedelta:
    """How long a decision may take: 72 hours for an expedited request, else 7 calendar days."""
    return EXPEDITED if (priority or "").strip().lower() == "expedited" else STANDARD


def clock(*, received_at: str | None, created_at: datetime, priority: str | None, due_at: datetime | None
          ) -> tuple[datetime, datetime]:
    """(start, due) of a case's decision clock, in UTC."""
    start = parse_received(received_at) or (created_at if created_at.tzinfo else created_at.replace(tzinfo=UTC))
    if due_at is not None:
        return start, due_at if due_at.tzinfo else due_at.replace(tzinfo=UTC)
    return start, start + allowance(priority)


def describe_age(start: datetime, now: datetime) -> str:
    """'3 d 4 h' style age of a request."""
    return _span(now - start)


def describe_due(due: datetime, now: datetime) -> tuple[str, str]:
    """(text, class): 'due in 5 h' / 'overdue by 2 d'; class is overdue, due-soon (under 24 h) or ok."""
    left = due - now
    if left < timedelta(0):
        return f"overdue by {_span(-left)}", "overdue"
    return f"due in {_span(left)}", "due-soon" if left < timedelta(hours=24) else "ok"


def _span(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return f"{days} d {hours} h"
    if hours:
        return f"{hours} h {mins} min"
    return f"{mins} min"


def now_utc() -> datetime:
    return datetime.now(UTC)
