"""results.jsonl, the source of truth of a batch run: reading, resuming, compacting and summarising it.

One line per record (`dumps`: sorted keys, so identical records are identical bytes); a key may have several
lines (an item retried after a worker failure), the last one counts. One intake (path as listed + request id)
has one current record: the last one written; older records of the intake (the packet was edited, a missing
file supplied, a policy changed) are superseded, and compaction moves them to superseded.jsonl. A line that is
not a record (damaged) is set aside in damaged.jsonl, never taken for the end of the file. Everything here streams the file and
keeps in memory only an index of the keys (offset and length of each key's latest line, and whether it is
final or an error), never the records themselves: a record is a few hundred KB with its evidence, and a run
of many thousand packets must not hold them all at once (in the supervisor, the Spark driver, or at the end
of a run when the file is compacted and summarised).
"""

from __future__ import annotations

import csv
import json
import logging
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from ..clock import clock_state, system_clock
from .items import LISTING_STAGE, intake_id

log = logging.getLogger(__name__)

RESULTS = "results.jsonl"
SUMMARY = "summary.csv"
SUPERSEDED = "superseded.jsonl"
"""Records that a newer record of the same intake replaced (kept, never shown as current)."""
DAMAGED = "damaged.jsonl"
"""Lines of results.jsonl that were not records (set aside by compaction, byte for byte)."""
WORKER_STAGE = "worker"  # errors of the run, not of the document: retried by the next run
REPORT_STAGE = "report"  # the HTML report could not be written (disk full, ...): retried by the next run


@dataclass(frozen=True, slots=True)
class Entry:
    """Where a key's latest line is, and what it says."""

    offset: int
    length: int
    error: bool
    final: bool
    intake: str
    listing: bool = False  # the error record of a folder that could not be listed


class ResultsIndex(dict[str, Entry]):
    """key -> its latest line, for every key of a results file (superseded ones included), and the lines that
    are not records (`damaged`: offset and length)."""

    def __init__(self, entries: dict[str, Entry] | None = None, damaged: list[tuple[int, int]] | None = None):
        super().__init__(entries or {})
        self.damaged: list[tuple[int, int]] = damaged or []

    def current(self) -> dict[str, Entry]:
        """The current record of every intake: the one written last (its line is the furthest in the file)."""
        latest: dict[str, tuple[str, Entry]] = {}
        for key, entry in self.items():
            seen = latest.get(entry.intake)
            if seen is None or entry.offset > seen[1].offset:
                latest[entry.intake] = (key, entry)
        return {key: entry for key, entry in latest.values()}


def is_final(record: dict[str, Any]) -> bool:
    """A record that need not be redone: anything but a failure of the run itself (a killed or hung worker, a
    report that could not be written)."""
    return not (record.get("kind") == "error" and record.get("stage") in (WORKER_STAGE, REPORT_STAGE))


def record_intake(record: dict[str, Any]) -> str:
    """The intake of a batch record (records written before intakes were recorded: from path and request id)."""
    batch = record["batch"]
    if batch.get("intake"):
        return str(batch["intake"])
    path = (record.get("document") or {}).get("path") if record.get("kind") == "screening" else record.get("path")
    return intake_id(str(path or ""), batch.get("request_id"))


def _as_record(raw: bytes) -> dict[str, Any] | None:
    """The batch record on a line, or None when the line is not one (damaged, or foreign)."""
    try:
        record = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(record, dict) or not isinstance(record.get("batch"), dict) \
            or not isinstance(record["batch"].get("key"), str):
        return None
    return record


def _scan(path: Path) -> Iterator[tuple[int, bytes, dict[str, Any] | None]]:
    """(offset, raw line, record or None for a damaged line) for every complete line. Only a torn last line (no
    newline: a killed run) is cut off; a damaged line elsewhere is reported (record None) and the scan goes on."""
    if not path.exists():
        return
    good_end = 0
    with path.open("rb") as f:
        for raw in f:
            if not raw.endswith(b"\n"):
                break
            yield good_end, raw, _as_record(raw)
            good_end += len(raw)
    if good_end < path.stat().st_size:
        with path.open("r+b") as f:
            f.truncate(good_end)
        log.warning("%s: cut a partial last line left by an interrupted run", path.name)


def index_results(path: Path) -> ResultsIndex:
    """key -> its latest line, for a results file of any size (memory grows with the keys, not the records)."""
    index = ResultsIndex()
    for offset, raw, record in _scan(path):
        if record is None:
            index.damaged.append((offset, len(raw)))
            continue
        index[record["batch"]["key"]] = Entry(offset, len(raw), record.get("kind") == "error", is_final(record),
                                              record_intake(record), record.get("stage") == LISTING_STAGE)
    if index.damaged:
        log.warning("%s: %d line(s) are not records; compaction sets them aside in %s", path.name,
                    len(index.damaged), DAMAGED)
    return index


def final_keys(path: Path) -> set[str]:
    """Keys that a resumed run skips: final records that are their intake's current one (a superseded key is
    screened again if its input comes back, and so becomes current again)."""
    return {key for key, entry in index_results(path).current().items() if entry.final}


def iter_latest(path: Path, index: dict[str, Entry] | None = None) -> Iterator[dict[str, Any]]:
    """The latest record of every key of `index` (default: the current record of every intake), one at a time,
    in key order."""
    index = index_results(path).current() if index is None else index
    with path.open("rb") as f:
        for key in sorted(index):
            entry = index[key]
            f.seek(entry.offset)
            yield json.loads(f.read(entry.length))


def read_results(path: Path) -> dict[str, dict[str, Any]]:
    """key -> current record, all in memory: for tests and small runs; runs use index_results / iter_latest."""
    return {r["batch"]["key"]: r for r in iter_latest(path)} if path.exists() else {}


@dataclass(frozen=True)
class Compaction:
    """The index of the compacted file, and how many lines went to the archive files."""

    index: ResultsIndex
    superseded: int
    damaged: int
    retired: list[str] = field(default_factory=list)
    """Keys of folder-listing errors that the run no longer met (the folder can be listed now): archived."""


def _append_lines(src: BinaryIO, spans: Iterable[tuple[int, int]], target: Path) -> int:
    spans = sorted(spans)
    if not spans:
        return 0
    with target.open("ab") as dst:
        for offset, length in spans:
            src.seek(offset)
            dst.write(src.read(length))
        dst.flush()
        os.fsync(dst.fileno())
    return len(spans)


def compact(path: Path, *, listing_errors: set[str] | None = None) -> Compaction:
    """Rewrite results.jsonl with the current record of every intake, sorted by key (lines copied byte for byte;
    atomic replace). Superseded records go to superseded.jsonl and damaged lines to damaged.jsonl beside it
    (appended, before the replace: a crash can duplicate an archived line, never lose one). `listing_errors`:
    the keys of the folder-listing errors a complete run met; older listing errors are retired (archived as
    superseded), so a folder that became readable no longer counts as an error."""
    index = index_results(path)
    current = index.current()
    retired = sorted(k for k, e in current.items() if e.listing and listing_errors is not None
                     and k not in listing_errors)
    for key in retired:
        del current[key]
    tmp = path.with_suffix(".jsonl.tmp")
    new = ResultsIndex()
    offset = 0
    with path.open("rb") as src:
        superseded = _append_lines(src, [(e.offset, e.length) for k, e in index.items() if k not in current],
                                   path.with_name(SUPERSEDED))
        damaged = _append_lines(src, index.damaged, path.with_name(DAMAGED))
        with tmp.open("wb") as dst:
            for key in sorted(current):
                entry = current[key]
                src.seek(entry.offset)
                dst.write(src.read(entry.length))
                new[key] = Entry(offset, entry.length, entry.error, entry.final, entry.intake)
                offset += entry.length
            dst.flush()
            os.fsync(dst.fileno())
    os.replace(tmp, path)
    return Compaction(new, superseded, damaged, retired)


@dataclass
class Tally:
    """What the records of a run say, counted while summary.csv is written: decisions per payer, the outcomes of
    pending determinations (payer: outcome), and error codes."""

    decisions: dict[str, Counter[str]] = field(default_factory=dict)
    pend_outcomes: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    clock: Counter[str] = field(default_factory=Counter)
    """Current cases by decision clock (pipeline.clock.clock_state at `now`): overdue, due_soon; no_due_time."""
    now: datetime | None = None
    """The time the clock counts were taken at."""


def write_summary_csv(results: Path, path: Path, index: dict[str, Entry] | None = None, *,
                      now: datetime | None = None) -> Tally:
    """One row per current record and payer (errors: one row with the error), sorted by path, request id and
    payer, naming the policy and version each determination applied and the request's priority and due time;
    returns the counts of the same records (one pass over the file), the decision clock counted at `now`
    (default: the system clock)."""
    at = now or system_clock()
    tally = Tally(now=at)
    rows: list[tuple[str, ...]] = []
    for record in iter_latest(results, index):
        batch = record.get("batch") or {}
        screening = record.get("kind") == "screening"
        path_ = str((record.get("document") or {}).get("path") if screening else record.get("path"))
        request_id = batch.get("request_id") or ""
        clock = (batch.get("priority") or "", batch.get("due_at") or "")
        tally.clock[_clock_state(batch.get("due_at"), at)] += 1
        if not screening:
            tally.errors[str(record.get("code"))] += 1
            rows.append((path_, request_id, "", "", "error", record.get("code", ""), record.get("message", ""),
                         *clock))
            continue
        for d in record["determinations"]:
            tally.decisions.setdefault(d["payer"], Counter())[d["decision"]] += 1
            if d["decision"] == "pend":
                tally.pend_outcomes[f"{d['payer']}: {d['outcome']}"] += 1
            policy = d.get("policy") or {}
            version = f"{policy.get('id', '')} {policy.get('version', '')}".strip()
            rows.append((path_, request_id, d["payer"], version, d["decision"], d["outcome"],
                         (d["reasons"] or [""])[0], *clock))
    rows.sort(key=lambda r: (r[0], r[1], r[2]))
    tmp = path.with_suffix(".csv.tmp")
    with tmp.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["path", "request_id", "payer", "policy_version", "decision", "outcome", "top_reason",
                         "priority", "due_at"])
        writer.writerows(rows)
    os.replace(tmp, path)
    return tally


def _clock_state(due_at: object, now: datetime) -> str:
    """A record's clock state at `now`: overdue, due_soon, later, or no_due_time (absent or unreadable)."""
    if not isinstance(due_at, str) or not due_at:
        return "no_due_time"
    try:
        due = datetime.fromisoformat(due_at)
    except ValueError:
        return "no_due_time"
    return (clock_state(due, now) or "later") if due.tzinfo else "no_due_time"


class RunFigures(Protocol):
    screened: int
    already_done: int
    errors: int
    worker_failures: int
    seconds: float
    superseded: int
    damaged_lines: int


def run_report(tally: Tally, summary: RunFigures) -> str:
    """Counts of approve / pend / error per payer, the most common pend reasons, throughput."""
    lines = [f"{'payer':14} {'approve':>8} {'pend':>8}"]
    lines += [f"{p:14} {c['approve']:>8} {c['pend']:>8}" for p, c in sorted(tally.decisions.items())]
    lines.append(f"{'errors':14} {sum(tally.errors.values()):>8}  "
                 + ", ".join(f"{k} x{v}" for k, v in tally.errors.most_common()))
    lines.append("most common pend outcomes: "
                 + "; ".join(f"{k} ({v})" for k, v in tally.pend_outcomes.most_common(5)))
    rate = summary.screened / summary.seconds if summary.seconds else 0.0
    lines.append(f"{summary.screened} screened this run ({summary.already_done} already done, {summary.errors} "
                 f"errors, {summary.worker_failures} worker failures) in {summary.seconds:.1f} s: {rate:.2f} packets/s")
    if tally.now is not None and tally.clock:
        lines.append(f"decision clock at {tally.now.isoformat(timespec='minutes')}: {tally.clock['due_soon']} due "
                     f"within 24 h, {tally.clock['overdue']} overdue"
                     + (f", {tally.clock['no_due_time']} without a received time" if tally.clock['no_due_time']
                        else ""))
    if summary.superseded:
        lines.append(f"{summary.superseded} earlier record(s) superseded by a newer record of the same intake "
                     f"(kept in {SUPERSEDED})")
    if summary.damaged_lines:
        lines.append(f"{summary.damaged_lines} damaged line(s) of {RESULTS} set aside in {DAMAGED}")
    return "\n".join(lines)


__all__ = ["DAMAGED", "RESULTS", "SUMMARY", "SUPERSEDED", "WORKER_STAGE", "Compaction", "Entry", "ResultsIndex",
           "Tally", "compact", "final_keys", "index_results", "is_final", "iter_latest", "read_results",
           "record_intake", "run_report", "write_summary_csv"]
