"""The local batch engine: worker processes on one machine, one record per packet, resumable.

A supervisor streams the input (a folder or a CSV manifest), keys every item (content hash + payers + policy
versions + pipeline version), skips keys already recorded, and hands items to N worker processes, one at a
time. Each worker builds the NLP pipeline once. The supervisor is the only writer of results.jsonl (and of the
results store): a line is appended, flushed and periodically fsynced as each item finishes, so a run killed at
any moment loses at most the items in flight. A worker that dies or overruns its time limit costs that item an
error record (stage "worker") and is replaced; such records are retried by the next run, and at the end the
file is compacted to the latest record per key. Re-running the same command therefore finishes what is left
and ends with the records of an uninterrupted run.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import multiprocessing as mp
import os
import signal
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from ..about import __version__
from ..clock import Clock, system_clock
from ..contracts import ErrorRecord
from ..criteria import load_policies
from ..errors import ErrorCode, display_name
from ..ingest import IngestLimits
from ..ingest.isolation import die_with_parent
from ..ingest.ocr import usable_cores
from .items import (
    BatchItem,
    batch_record,
    dumps,
    file_sha256,
    item_key,
    iter_input,
    policy_versions,
    screen_item,
)
from .outdir import claim_output
from .progress import Progress
from .results import (
    REPORT_STAGE,
    RESULTS,
    SUMMARY,
    WORKER_STAGE,
    ResultsIndex,
    Tally,
    compact,
    final_keys,
    index_results,
    iter_latest,
    write_summary_csv,
)

log = logging.getLogger(__name__)

FSYNC_EVERY_SECONDS = 1.0
WORKER_GRACE_SECONDS = 30.0  # beyond the reader's timeout and the analysis budget


@dataclass(frozen=True, kw_only=True)
class BatchOptions:
    """`worker_grace_seconds`: time a worker may take on one item beyond the reader's timeout and the analysis
    budget (a backstop: both are enforced where the work happens)."""

    out: Path
    policy_dir: Path = Path("policies")
    workers: int = os.cpu_count() or 1
    payers: tuple[str, ...] | None = None  # for folder input (a manifest names payers per row)
    limits: IngestLimits = field(default_factory=IngestLimits)
    html: bool = False
    store_url: str | None = None
    progress: str = "auto"  # auto | bar | lines | none
    isolate: bool = True
    worker_grace_seconds: float = WORKER_GRACE_SECONDS
    clock: Clock = system_clock
    """"Now" for the run report's due-soon and overdue counts (due times themselves never depend on it)."""


@dataclass
class BatchSummary:
    total: int = 0
    already_done: int = 0
    screened: int = 0
    errors: int = 0
    worker_failures: int = 0
    seconds: float = 0.0
    pages: int = 0
    interrupted: bool = False
    peak_rss_mb: dict[int, float] = field(default_factory=dict)
    superseded: int = 0
    """Records of earlier runs that this run's records superseded (moved to superseded.jsonl)."""
    damaged_lines: int = 0
    """Lines of results.jsonl that were not records (moved to damaged.jsonl)."""
    tally: Tally | None = None
    """What the batch's records say (this run's and earlier runs'), set when the run was not interrupted."""


def worker_limits(limits: IngestLimits, workers: int) -> IngestLimits:
    """The limits each of `workers` workers reads with: unless set, OCR reads cores // workers pages in
    parallel (at least 1), so that the workers' OCR threads together do not oversubscribe the cores."""
    if limits.ocr_threads is not None:
        return limits
    return dataclasses.replace(limits, ocr_threads=max(1, usable_cores() // max(1, workers)))


# ---------------------------------------------------------------------------------------------- workers
@dataclass(frozen=True, slots=True)
class Finished:
    """One item's results.jsonl line, serialised by the worker (a record is a few hundred KB: sending the line
    rather than the record saves pickling it, and the supervisor parses it only for a results store), and
    what the run summary counts."""

    key: str
    line: str
    error: bool
    stage: str | None
    pages: int


def _finished(key: str, record: dict[str, Any]) -> Finished:
    error = record.get("kind") == "error"
    pages = 0 if error else int((record.get("document") or {}).get("n_pages", 0))
    return Finished(key=key, line=dumps(record), error=error, stage=record.get("stage"), pages=pages)


def _worker_main(conn: Connection, policy_dir: str, limits: IngestLimits, isolate: bool, html_dir: str | None
                 ) -> None:
    """A worker: build the Screener once, then screen the items the supervisor sends, one at a time."""
    import resource

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the supervisor decides when to stop
    supervisor = os.getppid()
    die_with_parent()
    from ..screen import Screener

    screener = Screener(policy_dir=policy_dir, limits=limits, isolate=isolate)
    conn.send(("ready", None))
    while True:
        # a forked worker also holds the supervisor's end of its pipe, so it would never see EOF: watch the parent
        while not conn.poll(1.0):
            if os.getppid() != supervisor:
                return
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            conn.send(("bye", rss))
            return
        item, key = task
        record = screen_item(screener, item, key=key) if not html_dir else _screen_with_html(screener, item, key,
                                                                                                html_dir)
        conn.send(("done", _finished(key, record)))


def _screen_with_html(screener: Any, item: BatchItem, key: str, html_dir: str) -> dict[str, Any]:
    """Screen the item and write its HTML report; a report that cannot be written makes the item an error record
    (stage "report", retried by the next run), so the run never claims a report it does not have."""
    from ..report.html import write_html

    if item.error:
        return screen_item(screener, item, key=key)
    pairs = list(screener.screen_items([(item.path, item.payers)]))
    record, document = pairs[0]
    if document is not None and record.kind == "screening":
        try:
            write_html(record, document.text, Path(html_dir))
        except OSError as exc:
            record = ErrorRecord(pipeline_version=__version__, path=item.path, sha256=record.document.sha256,
                                 code=ErrorCode.E304_REPORT_NOT_WRITTEN.value, stage=REPORT_STAGE,
                                 message=f"{display_name(item.path)}: its HTML report could not be written "
                                         f"({exc.strerror or type(exc).__name__}); it will be retried by the next run")
    return batch_record(record, item=item, key=key)


@dataclass
class _Worker:
    process: Any
    conn: Connection
    ready: bool = False
    task: tuple[BatchItem, str] | None = None
    started: float = 0.0


class _Pool:
    """N workers; each holds at most one item; a dead or overdue worker is replaced."""

    def __init__(self, n: int, args: tuple[Any, ...], limit_seconds: float) -> None:
        self._ctx = mp.get_context("fork")
        self._args = args
        self.limit_seconds = limit_seconds
        self.workers: list[_Worker] = [self._spawn() for _ in range(max(1, n))]
        self.peak_rss_mb: dict[int, float] = {}

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(target=_worker_main, args=(child, *self._args), daemon=False)
        process.start()
        child.close()
        return _Worker(process=process, conn=parent)

    def idle(self) -> list[_Worker]:
        return [w for w in self.workers if w.ready and w.task is None]

    def busy(self) -> int:
        return sum(1 for w in self.workers if w.task is not None)

    def submit(self, worker: _Worker, item: BatchItem, key: str) -> None:
        worker.task = (item, key)
        worker.started = time.monotonic()
        worker.conn.send((item, key))

    def poll(self, timeout: float) -> Iterator[Finished]:
        """Finished items; failures of dead or overdue workers come back as error records."""
        conns = [w.conn for w in self.workers]
        sentinels = [w.process.sentinel for w in self.workers]
        for ready in wait(conns + sentinels, timeout=timeout):
            worker = next((w for w in self.workers if ready in (w.conn, w.process.sentinel)), None)
            if worker is None:
                continue
            if ready is worker.conn:
                try:
                    kind, payload = worker.conn.recv()
                except (EOFError, OSError):
                    yield from self._replace(worker, "the worker process died while screening it")
                    continue
                if kind == "ready":
                    worker.ready = True
                elif kind == "done":
                    worker.task = None
                    yield payload
            elif not worker.process.is_alive():
                yield from self._replace(worker, f"the worker process died (exit code {worker.process.exitcode}) "
                                                 "while screening it")
        now = time.monotonic()
        for worker in list(self.workers):
            if worker.task is not None and now - worker.started > self.limit_seconds:
                os.kill(worker.process.pid, signal.SIGKILL)
                worker.process.join()
                yield from self._replace(worker, f"screening took longer than {self.limit_seconds:.0f} s")

    def _replace(self, worker: _Worker, reason: str) -> Iterator[Finished]:
        task = worker.task
        worker.process.join(timeout=5)
        worker.conn.close()
        self.workers[self.workers.index(worker)] = self._spawn()
        if task is not None:
            item, key = task
            code = ErrorCode.E111_TIMEOUT if "longer than" in reason else ErrorCode.E114_WORKER_CRASHED
            error = ErrorRecord(pipeline_version=__version__, path=item.path, code=code.value, stage=WORKER_STAGE,
                                message=f"{display_name(item.path)}: {reason}; it will be retried by the next run")
            yield _finished(key, batch_record(error, item=item, key=key))

    def close(self) -> None:
        for worker in self.workers:
            try:
                worker.conn.send(None)
            except (OSError, ValueError):
                continue
        deadline = time.monotonic() + 10
        for worker in self.workers:
            try:
                if worker.conn.poll(max(0.0, deadline - time.monotonic())):
                    kind, payload = worker.conn.recv()
                    if kind == "bye":
                        self.peak_rss_mb[worker.process.pid] = round(payload, 1)
            except (EOFError, OSError):
                pass
            worker.process.join(timeout=max(0.1, deadline - time.monotonic()))
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()

    def kill(self) -> None:
        for worker in self.workers:
            if worker.process.is_alive():
                worker.process.kill()
            worker.process.join()


# ---------------------------------------------------------------------------------------------- the run
def _keyed_items(source: Path, payers: tuple[str, ...] | None, versions: dict[str, str], *, max_bytes: int,
                 listing_errors: set[str]) -> Iterator[tuple[BatchItem, str]]:
    """The input's items with their keys; the keys of folder-listing errors are also added to `listing_errors`."""
    for item in iter_input(source):
        if payers and item.payers is None:
            item = dataclasses.replace(item, payers=payers)
        key = item_key(item, None if item.error else file_sha256(item.path, max_bytes=max_bytes), versions)
        if item.error:
            listing_errors.add(key)
        yield item, key


def count_items(source: Path) -> int:
    """How many items the input holds (streamed, for the progress ETA)."""
    return sum(1 for _ in iter_input(source))


def run_local(source: Path, options: BatchOptions) -> BatchSummary:
    """Screen every packet of `source` that has no final record yet in options.out; see the module docstring.
    One run at a time per output folder (E301 otherwise, see outdir.claim_output)."""
    with claim_output(options.out):
        return _run_local(source, options)


def _run_local(source: Path, options: BatchOptions) -> BatchSummary:
    out = options.out
    results_path = out / RESULTS
    policies = load_policies(options.policy_dir)
    versions = policy_versions(policies)
    done = final_keys(results_path)
    store = _open_store(options.store_url, results_path)
    summary = BatchSummary(total=count_items(source))
    progress = Progress(total=summary.total, mode=options.progress)
    html_dir = str(out / "reports") if options.html else None
    limit = options.limits.timeout_seconds + options.limits.analysis_seconds + options.worker_grace_seconds
    limits = worker_limits(options.limits, options.workers)
    pool = _Pool(options.workers, (str(options.policy_dir), limits, options.isolate, html_dir), limit)
    started = time.monotonic()
    listing_errors: set[str] = set()
    pending = _keyed_items(source, options.payers, versions, max_bytes=options.limits.max_bytes,
                           listing_errors=listing_errors)
    exhausted = False
    interrupted = False
    previous_handler = signal.getsignal(signal.SIGINT)

    def on_sigint(signum: int, frame: object) -> None:
        nonlocal interrupted
        interrupted = True

    signal.signal(signal.SIGINT, on_sigint)
    last_sync = time.monotonic()
    try:
        with results_path.open("a", encoding="utf-8") as results:
            while not interrupted:
                for worker in pool.idle():
                    while not exhausted:
                        try:
                            item, key = next(pending)
                        except StopIteration:
                            exhausted = True
                            break
                        if key in done:
                            summary.already_done += 1
                            progress.advance(skipped=True)
                            continue
                        done.add(key)  # in flight: a duplicate packet in the input is screened once
                        pool.submit(worker, item, key)
                        break
                if exhausted and pool.busy() == 0:
                    break
                for finished in pool.poll(timeout=0.2):
                    results.write(finished.line + "\n")
                    results.flush()
                    if store is not None:
                        store.upsert(json.loads(finished.line))
                    _count(summary, finished)
                    progress.advance(error=finished.error)
                if time.monotonic() - last_sync > FSYNC_EVERY_SECONDS:
                    os.fsync(results.fileno())
                    last_sync = time.monotonic()
            os.fsync(results.fileno())
    finally:
        signal.signal(signal.SIGINT, previous_handler)
        if interrupted:
            pool.kill()
        else:
            pool.close()
        progress.close()
    summary.seconds = time.monotonic() - started
    summary.interrupted = interrupted
    summary.peak_rss_mb = pool.peak_rss_mb
    if not interrupted:
        finish_run(results_path, summary, store, listing_errors=listing_errors, clock=options.clock)
    return summary


def finish_run(results_path: Path, summary: BatchSummary, store: Any = None, *,
               listing_errors: set[str] | None = None, clock: Clock = system_clock) -> ResultsIndex:
    """After a complete run: compact results.jsonl (retiring folder-listing errors the run no longer met, when
    `listing_errors` says which it met), write summary.csv (the decision clock counted at `clock()`), bring the
    store up to date."""
    compaction = compact(results_path, listing_errors=listing_errors)
    summary.superseded = compaction.superseded + len(compaction.retired)
    summary.damaged_lines = compaction.damaged
    summary.tally = write_summary_csv(results_path, results_path.with_name(SUMMARY), compaction.index,
                                      now=clock())
    if store is not None:
        store.retire(compaction.retired)
        store.sync(compaction.index)
    return compaction.index


def _count(summary: BatchSummary, finished: Finished) -> None:
    summary.screened += 1
    summary.pages += finished.pages
    if finished.error:
        summary.errors += 1
        summary.worker_failures += finished.stage == WORKER_STAGE


def _open_store(url: str | None, results_path: Path) -> Any:
    """The results store, synchronised with results.jsonl (the file is the source of truth)."""
    if url is None:
        return None
    from ..store import open_store

    return _SyncingStore(open_store(url), results_path)


class _SyncingStore:
    """Writes to the store after the file, and brings the store up to date with the file on start and end."""

    CHUNK = 200  # records per transaction when catching up

    def __init__(self, store: Any, results_path: Path) -> None:
        self.store = store
        self.results_path = results_path
        self.sync(index_results(results_path))

    def upsert(self, record: dict[str, Any]) -> None:
        self.store.upsert(record)

    def retire(self, keys: list[str]) -> None:
        self.store.supersede(keys)

    def sync(self, index: ResultsIndex) -> None:
        """Write the file's current records that are not current in the store (and the not-final ones, which may
        have changed); writing a record makes it its intake's current case there too."""
        have = self.store.keys(current=True)
        missing = {k: e for k, e in index.current().items() if k not in have or not e.final}
        chunk: list[dict[str, Any]] = []
        for record in iter_latest(self.results_path, missing) if missing else ():
            chunk.append(record)
            if len(chunk) == self.CHUNK:
                self.store.upsert_many(chunk)
                chunk = []
        if chunk:
            self.store.upsert_many(chunk)


def sync_store(url: str, results_path: Path) -> None:
    """Bring the results store up to date with results.jsonl (after a Spark run, or to rebuild a store)."""
    _open_store(url, results_path)


def main_exit_code(summary: BatchSummary) -> int:
    """130 interrupted; 1 if any packet of the batch (this run or an earlier one) has an error record; else 0."""
    if summary.interrupted or summary.tally is None:
        return 130
    return 1 if summary.tally.errors else 0


__all__ = ["BatchOptions", "BatchSummary", "count_items", "main_exit_code", "run_local", "sync_store"]
