"""The CMS-0057-F decision clock: when a payer's prior-authorization decision on a request is due.

A request received at `received_at` is due 72 hours later when it is expedited and 7 days (168 hours) later when
it is standard (the windows are data: facts/resources/priority.yaml). The due time depends only on those two,
never on the time a screen runs; "now" matters only for counting what is due soon or overdue, and every
function that needs it takes it as an argument (a `Clock`), so runs can be replayed and tests are deterministic.

- received_at: as the manifest gives it; else the time stamp of the packet's fax header (the earliest one).
  Times written without a zone are taken in the zone named by PRESCREEN_INTAKE_TZ (an IANA name such as
  America/New_York; default UTC); a date without a time is the start of that day (the earliest the request can
  have arrived, so a deadline is never late for want of the hour).
- priority: the request form's (fact `request_priority`); standard when the form says nothing. An error record
  has no readable form: its priority is unknown and its due time uses the expedited window, the shorter one.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .contracts import ErrorRecord, FactStatus, ScreeningResult, TransmissionLine
from .facts.priority import Priority, load_priority_rules
from .ingest.transmission import parse_timestamp

INTAKE_TZ_ENV = "PRESCREEN_INTAKE_TZ"
DUE_SOON = timedelta(hours=24)
"""A case is due soon when its decision is due within this long from now (and is not yet overdue)."""
PRIORITY_FACT = "request_priority"
_FORMATS = ("%m/%d/%Y %H:%M", "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %I:%M %p", "%m/%d/%Y")

Clock = Callable[[], datetime]
"""What "now" is (an aware datetime); injected wherever due-soon and overdue are counted."""


def system_clock() -> datetime:
    """The machine's clock, in UTC (the default Clock of a run)."""
    return datetime.now(UTC)


def intake_zone() -> tzinfo:
    """The zone of received times written without one (PRESCREEN_INTAKE_TZ, default UTC); ValueError when the
    variable names no known zone."""
    name = os.environ.get(INTAKE_TZ_ENV, "").strip()
    if not name or name.upper() == "UTC":
        return UTC
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"{INTAKE_TZ_ENV}={name!r} is not a known time zone (use an IANA name such as "
                         "America/New_York)") from exc


def parse_received_at(value: str, *, zone: tzinfo | None = None) -> datetime | None:
    """An aware datetime from an ISO 8601 time or date ("2026-11-02T09:30:00Z", "2026-11-02 09:30",
    "2026-11-02") or a US one ("11/02/2026 09:30", "11/02/2026 9:30 AM", "11/02/2026"); None when unreadable."""
    text = value.strip()
    if not text:
        return None
    parsed: datetime | None = None
    try:
        if len(text) == 10 and text[4] == "-":
            parsed = datetime.combine(date.fromisoformat(text), time())
        else:
            parsed = datetime.fromisoformat(text)
    except ValueError:
        for fmt in _FORMATS:
            try:
                parsed = datetime.strptime(text, fmt)
                break
            except ValueError:
                continue
    if parsed is None:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=zone or intake_zone())


def fax_received_at(lines: Iterable[TransmissionLine], *, zone: tzinfo | None = None) -> datetime | None:
    """The earliest date-and-time stamp of the packet's fax transmission lines (when the fax started to
    arrive), in `zone`; None when no line has a time."""
    stamps = sorted(s for s in (parse_timestamp(line.text) for line in lines) if s is not None)
    if not stamps:
        return None
    return datetime.fromisoformat(stamps[0]).replace(tzinfo=zone or intake_zone())


def due_at(received: datetime, priority: Priority | None) -> datetime:
    """When the decision is due, in UTC: received + the priority's window (unknown priority: expedited)."""
    window = load_priority_rules().windows[priority or Priority.EXPEDITED]
    return received.astimezone(UTC) + window


def record_priority(record: ScreeningResult | ErrorRecord) -> Priority | None:
    """The priority the request form asks for; standard when it says nothing; None for an error record."""
    if isinstance(record, ErrorRecord):
        return None
    for fact in record.facts:
        if fact.name == PRIORITY_FACT and fact.status is FactStatus.PRESENT and isinstance(fact.value, str):
            return Priority(fact.value)
    return Priority.STANDARD


@dataclass(frozen=True)
class DecisionClock:
    """A request's clock: when it was received (as given, and from where), its priority and when it is due."""

    received_at: str | None = None
    """As the manifest gives it, else the fax header's time as ISO 8601 with the intake zone's offset."""
    received_source: str | None = None
    """manifest | fax_header (None when neither gives a time)."""
    priority: Priority | None = None
    due_at: str | None = None
    """ISO 8601 in UTC; None when the received time is unknown or unreadable."""

    def due(self) -> datetime | None:
        return datetime.fromisoformat(self.due_at) if self.due_at else None


def decision_clock(record: ScreeningResult | ErrorRecord, *, received_at: str | None = None,
                   zone: tzinfo | None = None) -> DecisionClock:
    """The clock of one screened request; `received_at` is the manifest's (None: read the fax header)."""
    priority = record_priority(record)
    received: datetime | None
    given: str | None
    source: str | None
    if received_at and received_at.strip():
        given, source = received_at, "manifest"
        received = parse_received_at(received_at, zone=zone)
    else:
        lines = record.document.transmission_lines if isinstance(record, ScreeningResult) else []
        received = fax_received_at(lines, zone=zone)
        given = received.isoformat() if received else None
        source = "fax_header" if received else None
    due = due_at(received, priority).isoformat() if received is not None else None
    return DecisionClock(received_at=given, received_source=source, priority=priority, due_at=due)


def clock_state(due: datetime | None, now: datetime) -> str | None:
    """overdue (due before now), due_soon (due within DUE_SOON of now) or None (later, or no due time)."""
    if due is None:
        return None
    if due < now:
        return "overdue"
    if due < now + DUE_SOON:
        return "due_soon"
    return None
