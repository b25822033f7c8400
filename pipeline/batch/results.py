"""results.jsonl, the source of truth of a batch run: reading, resuming, compacting and summarising it.

One line per record (`dumps`: sorted keys, so identical records are identical bytes); a key may have several
lines (an item retried after a worker failure), the last one counts. Everything here streams the file and
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
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

log = logging.getLogger(__name__)

RESULTS = "results.jsonl"
SUMMARY = "summary.csv"
WORKER_STAGE = "worker"  # errors of the run, not of the document: retried by the next run


@dataclass(frozen=True, slots=True)
class Entry:
    """Where a key's latest line is, and what it says."""

    offset: int
    length: int
    error: bool
    final: bool


def is_final(record: dict[str, Any]) -> bool:
    """A record that need not be redone: anything but a failure of the run itself (a killed or hung worker)."""
    return not (record.get("kind") == "error" and record.get("stage") == WORKER_STAGE)


def _scan(path: Path) -> Iterator[tuple[int, bytes, dict[str, Any]]]:
    """(offset, raw line, record) for every complete line; a torn last line (a killed run) is cut off."""
    if not path.exists():
        return
    good_end = 0
    with path.open("rb") as f:
        for raw in f:
            if not raw.endswith(b"\n"):
                break
            try:
                record = json.loads(raw)
            except ValueError:
                break
            yield good_end, raw, record
            good_end += len(raw)
    if good_end < path.stat().st_size:
        with path.open("r+b") as f:
            f.truncate(good_end)
        log.warning("%s: cut a partial last line left by an interrupted run", path.name)


def index_results(path: Path) -> dict[str, Entry]:
    """key -> its latest line, for a results file of any size (memory grows with the keys, not the records)."""
    index: dict[str, Entry] = {}
    for offset, raw, record in _scan(path):
        index[record["batch"]["key"]] = Entry(offset, len(raw), record.get("kind") == "error", is_final(record))
    return index


def final_keys(path: Path) -> set[str]:
    """Keys that a resumed run skips."""
    return {key for key, entry in index_results(path).items() if entry.final}


def iter_latest(path: Path, index: dict[str, Entry] | None = None) -> Iterator[dict[str, Any]]:
    """The latest record of every key, one at a time, in key order."""
    index = index_results(path) if index is None else index
    with path.open("rb") as f:
        for key in sorted(index):
            entry = index[key]
            f.seek(entry.offset)
            yield json.loads(f.read(entry.length))


def read_results(path: Path) -> dict[str, dict[str, Any]]:
    """key -> latest record, all in memory: for tests and small runs; runs use index_results / iter_latest."""
    return {r["batch"]["key"]: r for r in iter_latest(path)} if path.exists() else {}


def compact(path: Path) -> dict[str, Entry]:
    """Rewrite results.jsonl with the latest line per key, sorted by key (lines copied byte for byte; atomic
    replace); returns the index of the new file."""
    index = index_results(path)
    tmp = path.with_suffix(".jsonl.tmp")
    new: dict[str, Entry] = {}
    offset = 0
    with path.open("rb") as src, tmp.open("wb") as dst:
        for key in sorted(index):
            entry = index[key]
            src.seek(entry.offset)
            dst.write(src.read(entry.length))
            new[key] = Entry(offset, entry.length, entry.error, entry.final)
            offset += entry.length
        dst.flush()
        os.fsync(dst.fileno())
    os.replace(tmp, path)
    return new


@dataclass
class Tally:
    """What the records of a run say, counted while summary.csv is written: decisions per payer, the outcomes of
    pending determinations (payer: outcome), and error codes."""

    decisions: dict[str, Counter[str]] = field(default_factory=dict)
    pend_outcomes: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)


def write_summary_csv(results: Path, path: Path, index: dict[str, Entry] | None = None) -> Tally:
    """One row per packet and payer (errors: one row with the error), sorted by path then payer; returns the
    counts of the same records (one pass over the file)."""
    tally = Tally()
    rows: list[tuple[str, str, str, str, str, str]] = []
    for record in iter_latest(results, index):
        batch = record.get("batch") or {}
        screening = record.get("kind") == "screening"
        path_ = str((record.get("document") or {}).get("path") if screening else record.get("path"))
        request_id = batch.get("request_id") or ""
        if not screening:
            tally.errors[str(record.get("code"))] += 1
            rows.append((path_, request_id, "", "error", record.get("code", ""), record.get("message", "")))
            continue
        for d in record["determinations"]:
            tally.decisions.setdefault(d["payer"], Counter())[d["decision"]] += 1
            if d["decision"] == "pend":
                tally.pend_outcomes[f"{d['payer']}: {d['outcome']}"] += 1
            rows.append((path_, request_id, d["payer"], d["decision"], d["outcome"], (d["reasons"] or [""])[0]))
    rows.sort(key=lambda r: (r[0], r[2]))
    tmp = path.with_suffix(".csv.tmp")
    with tmp.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["path", "request_id", "payer", "decision", "outcome", "top_reason"])
        writer.writerows(rows)
    os.replace(tmp, path)
    return tally


class RunFigures(Protocol):
    screened: int
    already_done: int
    errors: int
    worker_failures: int
    seconds: float


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
    return "\n".join(lines)


__all__ = ["RESULTS", "SUMMARY", "WORKER_STAGE", "Entry", "Tally", "compact", "final_keys", "index_results",
           "is_final", "iter_latest", "read_results", "run_report", "write_summary_csv"]
