"""The CMS-0057-F decision clock: received time + priority -> due time; due-soon / overdue at an injected now."""

from __future__ import annotations

import csv
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from pipeline.about import __version__
from pipeline.batch.items import BatchItem, batch_record, dumps
from pipeline.batch.results import run_report, write_summary_csv
from pipeline.clock import (
    INTAKE_TZ_ENV,
    clock_state,
    decision_clock,
    due_at,
    intake_zone,
    parse_received_at,
)
from pipeline.contracts import (
    Decision,
    Determination,
    DocumentInfo,
    ErrorRecord,
    Fact,
    FactStatus,
    Outcome,
    PageInfo,
    PolicyRef,
    ScreeningResult,
    TextSource,
    TransmissionLine,
)
from pipeline.facts.priority import Priority
from pipeline.ingest.transmission import parse_timestamp

E, S = Priority.EXPEDITED, Priority.STANDARD
FAX = "11/17/2026 17:20 FROM: HARBORVIEW 206 555 0152 TO: UM INTAKE        PAGE 1/3"


def _record(priority: str | None, *, fax_lines: tuple[str, ...] = ()) -> ScreeningResult:
    lines = [TransmissionLine(start=0, end=len(t), page=i + 1, text=t, rule_id="tx.page_of")
             for i, t in enumerate(fax_lines)]
    facts = [Fact(name="request_priority", status=FactStatus.PRESENT if priority else FactStatus.NOT_DOCUMENTED,
                  value=priority)]
    doc = DocumentInfo(path="p.txt", sha256="a" * 64, media_type="text/plain", n_pages=1, n_chars=10,
                       pages=[PageInfo(number=1, start=0, end=10, source=TextSource.PLAIN_TEXT)],
                       transmission_lines=lines)
    det = Determination(payer="cohere", decision=Decision.PEND, outcome=Outcome.CRITERIA_NOT_MET, reasons=["r"],
                        policy=PolicyRef(id="pol", payer="cohere", title="t", version="1", source_file="p.yaml",
                                         sha256="b" * 64),
                        pipeline_version=__version__, document_sha256="a" * 64, criteria=[])
    return ScreeningResult(pipeline_version=__version__, document=doc, facts=facts, determinations=[det])


@pytest.mark.parametrize(("line", "expected"), [
    (FAX, "2026-11-17T17:20:00"),
    ("NOV-18-2026 3:41 PM FROM: CLINIC TO: UM p.1", "2026-11-18T15:41:00"),
    ("Received: 2026-11-18, 09:05:33 Fax ID 5551234", "2026-11-18T09:05:33"),
    ("11/18/26 12:30am P.002/003", "2026-11-18T00:30:00"),
    ("P.001/003", None),
    ("11/17/2026 FROM: CLINIC TO: UM PAGE 1/3", None),  # a date without a time
    ("11/17/2026 25:10 FROM: CLINIC", None),
    ("11/17/2026 13:10 PM FROM: CLINIC", None),
])
def test_fax_header_time(line: str, expected: str | None) -> None:
    assert parse_timestamp(line) == expected


EST = timezone(timedelta(hours=-5))


@pytest.mark.parametrize(("value", "expected"), [
    ("2026-11-02T09:30:00Z", datetime(2026, 11, 2, 9, 30, tzinfo=UTC)),
    ("2026-11-02T09:30:00-05:00", datetime(2026, 11, 2, 9, 30, tzinfo=EST)),
    ("2026-11-02 09:30", datetime(2026, 11, 2, 9, 30, tzinfo=UTC)),
    ("2026-11-02", datetime(2026, 11, 2, tzinfo=UTC)),  # a date: the start of the day
    ("11/02/2026 9:30 PM", datetime(2026, 11, 2, 21, 30, tzinfo=UTC)),
    ("11/02/2026", datetime(2026, 11, 2, tzinfo=UTC)),
    ("next tuesday", None),
    ("", None),
])
def test_received_at_formats(value: str, expected: datetime | None) -> None:
    assert parse_received_at(value, zone=UTC) == expected


@pytest.mark.parametrize(("priority", "window"), [
    (E, timedelta(hours=72)), (S, timedelta(days=7)), (None, timedelta(hours=72))])
def test_due_time_is_received_plus_the_window(priority: Priority | None, window: timedelta) -> None:
    received = datetime(2026, 11, 2, 9, 30, tzinfo=EST)
    due = due_at(received, priority)
    assert due == received + window and due.tzinfo is UTC


@pytest.mark.parametrize(("record", "given", "expected"), [
    (_record("expedited"), "2026-11-02T09:30:00Z", ("2026-11-02T09:30:00Z", "manifest", E,
                                                    "2026-11-05T09:30:00+00:00")),
    (_record(None), "2026-11-02T09:30:00Z", ("2026-11-02T09:30:00Z", "manifest", S, "2026-11-09T09:30:00+00:00")),
    (_record("standard", fax_lines=(FAX, FAX.replace("17:20", "17:21"))), None,
     ("2026-11-17T17:20:00+00:00", "fax_header", S, "2026-11-24T17:20:00+00:00")),
    (_record("standard", fax_lines=(FAX,)), "2026-11-16", ("2026-11-16", "manifest", S,
                                                           "2026-11-23T00:00:00+00:00")),  # manifest wins
    (_record("expedited"), None, (None, None, E, None)),  # no received time: no due time
    (_record("expedited"), "sometime", ("sometime", "manifest", E, None)),  # kept as given, unreadable
    (ErrorRecord(pipeline_version=__version__, path="x.pdf", code="E105", stage="ingest", message="not a PDF"),
     "2026-11-02T09:30:00Z", ("2026-11-02T09:30:00Z", "manifest", None, "2026-11-05T09:30:00+00:00")),
], ids=["manifest-expedited", "form-silent-standard", "fax-earliest-stamp", "manifest-over-fax", "no-time",
        "unreadable", "error-record-shorter-window"])
def test_decision_clock(record, given, expected) -> None:  # type: ignore[no-untyped-def]
    clock = decision_clock(record, received_at=given, zone=UTC)
    assert (clock.received_at, clock.received_source, clock.priority, clock.due_at) == expected


def test_fax_time_is_in_the_intake_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(INTAKE_TZ_ENV, "America/New_York")
    clock = decision_clock(_record("expedited", fax_lines=(FAX,)))
    assert clock.received_at == "2026-11-17T17:20:00-05:00"
    assert clock.due_at == "2026-11-20T22:20:00+00:00"
    monkeypatch.setenv(INTAKE_TZ_ENV, "Mars/Olympus_Mons")
    with pytest.raises(ValueError, match="not a known time zone"):
        intake_zone()


NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(("due", "state"), [
    (NOW - timedelta(minutes=1), "overdue"),
    (NOW, "due_soon"),
    (NOW + timedelta(hours=23, minutes=59), "due_soon"),
    (NOW + timedelta(hours=24), None),
    (None, None),
])
def test_clock_state_at_an_injected_now(due: datetime | None, state: str | None) -> None:
    assert clock_state(due, NOW) == state


def test_batch_record_summary_and_run_report_carry_the_clock(tmp_path: Path) -> None:
    items = [
        ("a.txt", _record("expedited"), "2026-11-18T08:00:00Z"),   # due 11-21 08:00: within 24 h of NOW
        ("b.txt", _record(None), "2026-11-10T09:00:00Z"),          # standard, due 11-17: overdue
        ("c.txt", _record("expedited", fax_lines=(FAX,)), None),   # fax 11-17 17:20 + 72 h: 11-20 17:20, due soon
        ("d.txt", _record(None), None),                            # no received time
    ]
    results = tmp_path / "results.jsonl"
    with results.open("w", encoding="utf-8") as f:
        for i, (path, record, received) in enumerate(items):
            record = record.model_copy(update={"document": record.document.model_copy(update={"path": path})})
            item = BatchItem(path=path, request_id=f"R{i}", received_at=received)
            f.write(dumps(batch_record(record, item=item, key=f"k{i}")) + "\n")
    tally = write_summary_csv(results, tmp_path / "summary.csv", now=NOW)
    assert dict(tally.clock) == {"due_soon": 2, "overdue": 1, "no_due_time": 1}
    with (tmp_path / "summary.csv").open(encoding="utf-8") as f:
        rows = {r["path"]: (r["priority"], r["due_at"]) for r in csv.DictReader(f)}
    assert rows == {"a.txt": ("expedited", "2026-11-21T08:00:00+00:00"),
                    "b.txt": ("standard", "2026-11-17T09:00:00+00:00"),
                    "c.txt": ("expedited", "2026-11-20T17:20:00+00:00"), "d.txt": ("standard", "")}

    class Figures:
        screened, already_done, errors, worker_failures, seconds = 4, 0, 0, 0, 1.0
        superseded, damaged_lines = 0, 0

    report = run_report(tally, Figures())
    assert "decision clock at 2026-11-20T12:00+00:00: 2 due within 24 h, 1 overdue, 1 without a received time" \
        in report
