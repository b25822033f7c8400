"""The Apache Spark engine: the records of the local engine, computed on a Spark cluster (or local[N]).

    summary = run_spark(Path("packets"), Path("out"), master="local[2]", policy_dir=Path("policies"))

The driver lists the items (iter_input: it reads paths, never document contents) and distributes them with
`sc.parallelize`. Each Python worker process builds ONE Screener (loading the spaCy pipeline takes ~2 s), on
its first partition, and keeps it for the next partitions (Spark reuses Python workers); partitions hold at
most ITEMS_PER_PARTITION (100) items, and at least one per core, `sc.defaultParallelism`, unless `partitions`
says otherwise. Per item an executor does what the local engine does:

    key = item_key(item, file_sha256(path, max_bytes=limits.max_bytes), policy_versions(screener.policies))
    line = dumps(screen_item(screener, item, key=key))      # sent to the driver zlib-compressed (~7x smaller)

The job's output stays on the executors (persisted to their disks) until every partition is done; the driver
then streams it, one partition at a time, into a staging file beside results.jsonl, so the driver holds an
index of the keys but never all the records. It appends this run's lines to `out/results.jsonl` and compacts
it exactly as the local engine does (latest record per key, sorted by key; a packet that appears twice in the
input, same content and payers, is kept once: its first occurrence in input order), then writes
`out/summary.csv` (as the local engine) and `out/results.parquet` (columns key, path, kind, sha256, record:
the JSON line), both streamed from results.jsonl.

Reading documents:
- shared filesystem (default): executors open each item's path; a relative path is resolved against the
  driver's working directory when the executor's differs, and records keep the path string as listed;
- `binary=True`, for clusters without a shared filesystem: `sc.binaryFiles(folder)` reads the bytes through
  Hadoop's filesystem layer (a local folder in local mode; an hdfs://, s3a://... folder URI on a cluster);
  each executor writes each file to a private temporary file of the same name, screens that, and puts the
  original path string back into the record, so records equal the local engine's.

Resuming: keys that already have a final record in `out/results.jsonl` are skipped. Keys are computed on
the executors (they need the file's hash, i.e. its contents, which the driver does not read, and the policy
versions of the executor's Screener), so a re-run still loads one Screener per non-empty partition but
screens only what is missing. The driver writes results once, after the Spark job: an interrupted job adds
nothing (re-run it), and a torn last line left by an interrupted local run is cut off as the local engine does.

PySpark is an optional dependency (`pip install 'mrs-prescreen[spark]'`); this module imports without it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import math
import os
import re
import sys
import tempfile
import time
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..criteria import load_policies
from .items import (
    PACKET_SUFFIXES,
    BatchItem,
    dumps,
    file_sha256,
    intake_id,
    item_key,
    iter_folder,
    iter_input,
    policy_versions,
)
from .local import BatchSummary, finish_run
from .outdir import claim_output
from .results import RESULTS, final_keys, iter_latest

if TYPE_CHECKING:
    from ..ingest import IngestLimits

log = logging.getLogger(__name__)


def _one_ocr_thread(limits: IngestLimits | None) -> IngestLimits:
    from ..ingest import IngestLimits

    limits = limits or IngestLimits()
    return limits if limits.ocr_threads is not None else dataclasses.replace(limits, ocr_threads=1)

INSTALL_HINT = "pyspark is not installed; install the spark extra: pip install 'mrs-prescreen[spark]'"
PARQUET = "results.parquet"
PARQUET_SCHEMA = "key string, path string, kind string, sha256 string, record string"
_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:/")
_RECURSIVE = "mapreduce.input.fileinputformat.input.dir.recursive"

# A row sent to an executor: (input position, item, the file's bytes or None, whether the bytes were shipped).
Row = tuple[int, BatchItem, bytes | None, bool]
# A row coming back: (what, input position, path, key, results.jsonl line zlib-compressed, seconds); what is
# "load" (a Python worker built its Screener: the build time), "skipped" (key already done) or "record".
Result = tuple[str, int, str, str, bytes | None, float]

ITEMS_PER_PARTITION = 100
"""Default partition size: a partition's records (about 25 KB each, compressed) pass through the JVM's heap as
one block on their way to the driver, so partitions stay small; Screeners are cached per Python worker process
(Spark reuses them), so many partitions do not mean many pipeline loads."""


class SparkUnavailableError(RuntimeError):
    """PySpark, or the Java it needs, is missing; the message is one line, fit for a CLI."""


@dataclass
class SparkSummary(BatchSummary):
    """The local engine's summary (total, already_done, screened, errors, pages, seconds; run_report and
    main_exit_code accept it) plus where a Spark run's time went."""

    partitions: int = 0
    session_seconds: float = 0.0
    """Starting the Spark session (0 when an existing one was used)."""
    load_seconds: list[float] = field(default_factory=list)
    """Building the Screener, per non-empty partition."""
    screen_seconds: float = 0.0
    """Hashing and screening the screened items, summed over items (executor time, not wall clock)."""
    job_seconds: float = 0.0
    """The Spark job, wall clock: workers starting, Screeners loading, items screened, results collected."""
    write_seconds: float = 0.0
    """Writing results.jsonl and results.parquet."""
    records: int = 0
    """Records in results.jsonl after the run."""
    parquet: str = ""


@dataclass(frozen=True)
class _Task:
    """What every partition needs (pickled to the executors)."""

    policy_dir: str
    payers: tuple[str, ...] | None
    limits: IngestLimits | None
    isolate: bool
    driver_cwd: str
    done: Any  # a Broadcast of the frozenset of keys already recorded


# ---------------------------------------------------------------- executors


def _replace_path(value: Any, physical: str, original: str) -> Any:
    """Every occurrence of the screened file's path in a record put back to the path string as listed."""
    if isinstance(value, str):
        return value.replace(physical, original)
    if isinstance(value, dict):
        return {k: _replace_path(v, physical, original) for k, v in value.items()}
    if isinstance(value, list):
        return [_replace_path(v, physical, original) for v in value]
    return value


def screen_partition(task: _Task, rows: Iterable[Row]) -> Iterator[Result]:
    """One partition: one Screener (none for an empty partition), then per item its key and, unless that
    key is already done, its record. `content`, when shipped, is written to a private temporary file of the
    same name; otherwise the executor opens the path."""
    from .items import screen_item

    rows = iter(rows)
    first = next(rows, None)
    if first is None:
        return
    t0 = time.perf_counter()
    screener, built = _screener(task.policy_dir, task.limits, task.isolate)
    versions = policy_versions(screener.policies)
    from ..ingest import IngestLimits

    max_bytes = (task.limits or IngestLimits()).max_bytes
    if built:
        yield "load", -1, "", "", None, time.perf_counter() - t0
    done: frozenset[str] = task.done.value
    with tempfile.TemporaryDirectory(prefix="prescreen-spark-") as tmp:
        for n, (index, item, content, shipped) in enumerate(_chain(first, rows)):
            t1 = time.perf_counter()
            if task.payers and item.payers is None:  # as the local engine: folder items get the run's payers
                item = dataclasses.replace(item, payers=task.payers)
            physical = item.path
            if shipped and content is not None:
                os.mkdir(os.path.join(tmp, str(n)))
                physical = os.path.join(tmp, str(n), os.path.basename(item.path) or "packet")
                with open(physical, "wb") as f:
                    f.write(content)
            elif not os.path.isabs(item.path) and os.getcwd() != task.driver_cwd:
                physical = os.path.join(task.driver_cwd, item.path)
            key = item_key(item, file_sha256(physical, max_bytes=max_bytes), versions)
            if key in done:
                yield "skipped", index, item.path, key, None, 0.0
            else:
                record = screen_item(screener, dataclasses.replace(item, path=physical), key=key)
                if physical != item.path:
                    record = _replace_path(record, physical, item.path)
                    record["batch"]["intake"] = intake_id(item.path, item.request_id)  # the intake as listed
                line = zlib.compress(dumps(record).encode("utf-8"), 1)
                yield "record", index, item.path, key, line, time.perf_counter() - t1
            if physical.startswith(tmp + os.sep):
                with contextlib.suppress(OSError):
                    os.remove(physical)
                    os.rmdir(os.path.dirname(physical))


_SCREENERS: dict[tuple[str, IngestLimits | None, bool], Any] = {}


def _screener(policy_dir: str, limits: IngestLimits | None, isolate: bool) -> tuple[Any, bool]:
    """This Python worker's Screener for these settings, built on first use: (screener, whether built now)."""
    from ..screen import Screener

    key = (policy_dir, limits, isolate)
    if key in _SCREENERS:
        return _SCREENERS[key], False
    _SCREENERS.clear()  # another run's settings: keep one pipeline per process
    _configure_worker_logging()
    _SCREENERS[key] = Screener(policy_dir=policy_dir, limits=limits, isolate=isolate)
    return _SCREENERS[key], True


def _configure_worker_logging() -> None:
    """A Python worker is not forked from the CLI: give it the handler that withholds libraries' messages."""
    from ..logs import configure_logging

    try:
        configure_logging()
    except ValueError:  # the driver already refused a bad level; never fail a task over it
        configure_logging("WARNING")


def _slices(requested: int | None, parallelism: int, n_items: int | None) -> int:
    """Partitions: as requested, else enough of them for every core and at most ITEMS_PER_PARTITION items each."""
    if requested:
        return max(1, requested)
    if n_items is None:
        return max(1, parallelism)
    return max(1, min(n_items, max(parallelism, math.ceil(n_items / ITEMS_PER_PARTITION))))


def _chain(first: Row, rest: Iterator[Row]) -> Iterator[Row]:
    yield first
    yield from rest


def uri_to_local(uri: str) -> str:
    """A file: URI as Hadoop lists it ("file:/abs/path", not percent-encoded) -> "/abs/path"."""
    if not uri.startswith("file:"):
        raise ValueError(f"not a file: URI: {uri!r}")
    path = uri[len("file:"):]
    if path.startswith("//"):  # file:///abs/path, file://localhost/abs/path
        rest = path[2:]
        path = rest[rest.index("/"):] if "/" in rest else "/"
    return path


def _is_packet_uri(root: str, uri: str) -> bool:
    """For a folder given as a URI, iter_folder's selection: packet suffixes, no hidden parts."""
    rel = uri[len(root):] if uri.startswith(root) else uri.rsplit("/", 1)[-1]
    parts = [p for p in rel.split("/") if p]
    return bool(parts) and not any(p.startswith(".") for p in parts) \
        and os.path.splitext(parts[-1])[1].lower() in PACKET_SUFFIXES


# ---------------------------------------------------------------- driver


def _require_pyspark() -> None:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise SparkUnavailableError(INSTALL_HINT) from None


def spark_session(master: str | None = "local[2]", app_name: str = "prescreen") -> Any:
    """A new (or the running) SparkSession with quiet logs. In local mode the Python workers run this
    interpreter; otherwise PYSPARK_PYTHON is only defaulted to it, so a cluster's own setting (a packed
    virtualenv's ./environment/bin/python) wins. `master=None`: as spark-submit or spark-defaults.conf say."""
    _require_pyspark()
    from pyspark.sql import SparkSession

    local = master is not None and master.startswith("local")
    for var in ("PYSPARK_PYTHON", "PYSPARK_DRIVER_PYTHON"):
        if local:
            os.environ[var] = sys.executable
        else:
            os.environ.setdefault(var, sys.executable)
    builder = SparkSession.builder.appName(app_name).config("spark.ui.showConsoleProgress", "false")
    if master is not None:
        builder = builder.master(master)
    if local:
        builder = builder.config("spark.ui.enabled", "false")
    try:
        spark = builder.getOrCreate()
    except Exception as exc:  # no Java: the gateway exits before it answers
        if "JAVA_GATEWAY_EXITED" in str(exc) or "Java gateway process exited" in str(exc):
            raise SparkUnavailableError("Spark could not start its JVM: install Java 17 (JAVA_HOME or java on "
                                        "PATH)") from None
        raise
    spark.sparkContext.setLogLevel("WARN")
    return spark


def record_row(record: dict[str, Any]) -> tuple[str, str, str, str | None, str]:
    """(key, path, kind, sha256, record as its results.jsonl line): one row of results.parquet."""
    doc = record.get("document") or {}
    path = doc.get("path", record.get("path", ""))
    sha = doc.get("sha256", record.get("sha256"))
    return record["batch"]["key"], path, str(record.get("kind", "")), sha, dumps(record)


def _local_uri(path: str | Path) -> str:
    """A driver-local path as a Hadoop file: URI (not percent-encoded: Hadoop's Path takes it as it is)."""
    return "file://" + os.path.abspath(path)


def _shipped(sc: Any, rows: Sequence[tuple[int, BatchItem]], slices: int) -> Any:
    """Items whose bytes the driver reads and sends (None when it cannot: the executor then tries the path
    itself and records why it fails, as the local engine would)."""
    shipped: list[Row] = []
    for index, item in rows:
        try:
            content: bytes | None = Path(item.path).read_bytes()
        except OSError:
            content = None
        shipped.append((index, item, content, content is not None))
    return sc.parallelize(shipped, max(1, min(slices, len(shipped))))


@contextlib.contextmanager
def _hadoop_recursive(sc: Any) -> Iterator[None]:
    """sc.binaryFiles descends into subfolders, as iter_folder does (restored afterwards)."""
    conf = sc._jsc.hadoopConfiguration()
    before = conf.get(_RECURSIVE)
    conf.set(_RECURSIVE, "true")
    try:
        yield
    finally:
        if before is None:
            conf.unset(_RECURSIVE)
        else:
            conf.set(_RECURSIVE, before)


def _binary_rdd(sc: Any, input: str | Path, partitions: int | None) -> tuple[Any, list[BatchItem] | None]:
    """(RDD of rows read by sc.binaryFiles, the items iter_folder lists, or None for a folder URI).

    For a local folder the driver lists it with iter_folder (paths only) to map each file: URI back to the
    very path string iter_folder gives (a relative folder stays relative); files that Hadoop's input formats
    never deliver (a name starting with "_", file or folder) the driver reads and ships. For a folder URI
    (hdfs://...) the path is the URI as Hadoop lists it, and "_" names are not seen at all."""
    if isinstance(input, str) and _URI.match(input) and not input.startswith("file:"):
        root = input.rstrip("/") + "/"
        slices = _slices(partitions, sc.defaultParallelism, None)
        rdd = sc.binaryFiles(input, minPartitions=slices).filter(lambda kv: _is_packet_uri(root, kv[0]))
        return rdd.map(lambda kv: (0, BatchItem(path=kv[0]), kv[1], True)), None
    folder = Path(uri_to_local(input)) if isinstance(input, str) and input.startswith("file:") else Path(input)
    if not folder.is_dir():
        from ..errors import ErrorCode, PipelineError, display_name

        raise PipelineError(ErrorCode.E101_NOT_FOUND if not folder.exists() else ErrorCode.E103_UNSUPPORTED_TYPE,
                            f"{display_name(folder)}: binary input must be a folder of packets (a CSV manifest "
                            "needs a shared filesystem)", stage="batch")
    listed = list(iter_folder(folder))
    hidden = [(i, item) for i, item in enumerate(listed)
              if any(p.startswith("_") for p in Path(os.path.relpath(item.path, folder)).parts)]
    skip = {item.path for _, item in hidden}
    by_abs = sc.broadcast({os.path.normpath(os.path.abspath(item.path)): (i, item.path)
                           for i, item in enumerate(listed) if item.path not in skip})

    def match(kv: tuple[str, bytes]) -> list[Row]:
        hit = by_abs.value.get(os.path.normpath(uri_to_local(kv[0])))
        return [(hit[0], BatchItem(path=hit[1]), kv[1], True)] if hit else []

    slices = _slices(partitions, sc.defaultParallelism, len(listed))
    rdd = sc.binaryFiles(_local_uri(folder), minPartitions=slices).flatMap(match)
    if hidden:
        rdd = rdd.union(_shipped(sc, hidden, slices))
    return rdd, listed


def run_spark(input: Path | str, out: Path, *, master: str | None = "local[2]", policy_dir: Path | str,
              payers: Sequence[str] | None = None, partitions: int | None = None, app_name: str = "prescreen",
              binary: bool = False, limits: IngestLimits | None = None, isolate: bool = True,
              parquet: str | None = None, spark: Any = None) -> SparkSummary:
    """Screen a folder or CSV manifest on Spark; write out/results.jsonl, summary.csv and results.parquet.

    master: "local[2]", "spark://host:7077", "yarn", ...; None leaves it to spark-submit/spark-defaults.
    policy_dir: as the executors see it (a relative path resolves in each executor's working directory,
    where spark-submit's --files/--archives put shipped files). payers: for folder items (a manifest row
    names its own), as the local engine's --payer. partitions: default one per ITEMS_PER_PARTITION items
    and at least sc.defaultParallelism; each Python worker process loads one Screener (~2 s). limits,
    isolate: as for the Screener (and the local engine: the same limits give the same records).
    binary: read documents with sc.binaryFiles (no shared filesystem needed); input must be a folder, or a
    folder URI such as hdfs://nn/packets. parquet: where results.parquet goes (default out/results.parquet
    as a file: URI; on a cluster without a shared filesystem give an hdfs://... or s3a://... URI).
    spark: the SparkSession to use, left running; by default the active one if any (also left running),
    else one is started with `master` and `app_name` and stopped at the end.
    """
    _require_pyspark()
    from pyspark.sql import SparkSession

    started = time.perf_counter()
    summary = SparkSummary()
    items = None if binary else list(iter_input(Path(input)))  # paths only: no document is read here
    if Path(policy_dir).is_dir():  # visible here too: a bad policy file fails now, in one line, not in a task
        load_policies(policy_dir)
    with claim_output(out):  # one run per output folder
        results_path = out / RESULTS
        done = frozenset(final_keys(results_path))

        own = False
        if spark is None:
            spark = SparkSession.getActiveSession()
            if spark is None:
                spark = spark_session(master, app_name)
                own = True
                summary.session_seconds = time.perf_counter() - started
        try:
            sc = spark.sparkContext
            t_job = time.perf_counter()
            slices = _slices(partitions, sc.defaultParallelism, None if items is None else len(items))
            # each executor core runs one task at a time: its OCR reads one page at a time (no oversubscription)
            limits = _one_ocr_thread(limits)
            task = _Task(policy_dir=str(policy_dir), payers=tuple(payers) if payers else None, limits=limits,
                         isolate=isolate, driver_cwd=os.getcwd(), done=sc.broadcast(done))

            def screen(rows: Iterable[Row]) -> Iterator[Result]:
                return screen_partition(task, rows)

            with _RunLines(results_path.with_suffix(".jsonl.run"), summary) as run:
                if items is None:
                    with _hadoop_recursive(sc):
                        rdd, listed = _binary_rdd(sc, input, partitions)
                        summary.partitions = rdd.getNumPartitions()
                        run.add_all(_fetch(rdd.mapPartitions(screen)))
                    if listed is not None:  # anything iter_folder lists that Hadoop did not deliver: the driver ships it
                        missing = [(i, item) for i, item in enumerate(listed) if item.path not in run.paths]
                        if missing:
                            log.warning("%d packet(s) not delivered by sc.binaryFiles: shipped by the driver",
                                        len(missing))
                            run.add_all(_fetch(_shipped(sc, missing, slices).mapPartitions(screen)))
                else:
                    summary.partitions = slices
                    rows: list[Row] = [(i, item, None, False) for i, item in enumerate(items)]
                    run.add_all(_fetch(sc.parallelize(rows, slices).mapPartitions(screen)))
                t_write = time.perf_counter()
                summary.job_seconds = t_write - t_job
                run.append_to(results_path)
            index = finish_run(results_path, summary)
            summary.records = len(index)
            summary.parquet = parquet or _local_uri(out / PARQUET)
            _write_parquet(spark, results_path, index, summary.parquet)
            summary.write_seconds = time.perf_counter() - t_write
        finally:
            if own:
                spark.stop()
        summary.seconds = time.perf_counter() - started
        return summary


def _fetch(rdd: Any) -> Iterator[Result]:
    """The rows of a job, computed by all executors at once (kept on their disks), then streamed to the driver
    one partition at a time (toLocalIterator alone would compute the partitions one after another)."""
    from pyspark import StorageLevel

    rdd = rdd.persist(StorageLevel.DISK_ONLY)
    try:
        rdd.count()
        yield from rdd.toLocalIterator()
    finally:
        rdd.unpersist()


class _RunLines:
    """This run's results.jsonl lines, staged in a file as they arrive; per key the first occurrence in input
    order is kept (a packet twice in the input is screened once, as the local engine does)."""

    def __init__(self, staging: Path, summary: SparkSummary) -> None:
        self.staging = staging
        self.summary = summary
        self.paths: set[str] = set()
        self._first: dict[str, tuple[int, int, int, bool, int]] = {}  # key -> (index, offset, length, error, pages)
        self._file = staging.open("w+b")

    def __enter__(self) -> _RunLines:
        return self

    def __exit__(self, *exc: object) -> None:
        self._file.close()
        self.staging.unlink(missing_ok=True)

    def add_all(self, results: Iterable[Result]) -> None:
        for what, index, item_path, key, line, seconds in results:
            if what == "load":
                self.summary.load_seconds.append(seconds)
                continue
            self.paths.add(item_path)
            self.summary.total += 1
            if what == "skipped":
                self.summary.already_done += 1
                continue
            assert line is not None
            self.summary.screen_seconds += seconds
            previous = self._first.get(key)
            if previous is not None:
                self.summary.already_done += 1
                if previous[0] < index:
                    continue
            data = zlib.decompress(line) + b"\n"
            record = json.loads(data)
            pages = int((record.get("document") or {}).get("n_pages", 0))
            self._file.seek(0, os.SEEK_END)
            self._first[key] = (index, self._file.tell(), len(data), record.get("kind") == "error", pages)
            self._file.write(data)

    def append_to(self, path: Path) -> None:
        """Append the kept lines to results.jsonl in input order (fsynced) and count them in the summary."""
        with path.open("ab") as f:
            for _, offset, length, error, pages in sorted(self._first.values()):
                self._file.seek(offset)
                f.write(self._file.read(length))
                self.summary.screened += 1
                self.summary.errors += error
                self.summary.pages += pages
            f.flush()
            os.fsync(f.fileno())


PARQUET_CHUNK_BYTES = 32 * 1024 * 1024
"""results.parquet is written in chunks of about this many bytes of records: a chunk is one task, and its rows
pass through the JVM heap at once (1,000 records, ~200 MB, exhausted the default 1 GB heap of local mode)."""


def _write_parquet(spark: Any, results: Path, index: dict[str, Any], uri: str) -> None:
    """results.parquet from results.jsonl (every latest record, by key), written in chunks."""
    chunk: list[tuple[str, str, str, str | None, str]] = []
    size = 0
    mode = "overwrite"
    for record in iter_latest(results, index):
        row = record_row(record)
        chunk.append(row)
        size += len(row[-1])
        if size >= PARQUET_CHUNK_BYTES:
            spark.createDataFrame(chunk, schema=PARQUET_SCHEMA).write.mode(mode).parquet(uri)
            chunk, size, mode = [], 0, "append"
    if chunk or mode == "overwrite":
        spark.createDataFrame(chunk, schema=PARQUET_SCHEMA).write.mode(mode).parquet(uri)


def main(argv: Sequence[str] | None = None) -> int:
    """The driver program for spark-submit (see docs/spark.md); prints the summary as JSON. Exit 0, or 1
    when some packet has an error record, 2 when Spark is unavailable."""
    import argparse

    parser = argparse.ArgumentParser(prog="prescreen-spark", description="Screen packets on Spark.")
    parser.add_argument("input", help="folder of packets, CSV manifest, or (with --binary) a folder URI")
    parser.add_argument("--out", type=Path, required=True, help="output folder (results.jsonl, results.parquet)")
    parser.add_argument("--policies", default="policies", help="policy folder as the executors see it")
    parser.add_argument("--payer", action="append", help="payer for folder input (repeatable; default all)")
    parser.add_argument("--partitions", type=int, help="default: the cluster's default parallelism")
    parser.add_argument("--binary", action="store_true", help="read packets with sc.binaryFiles")
    parser.add_argument("--parquet", help="results.parquet location (default OUT/results.parquet)")
    parser.add_argument("--master", help="default: as spark-submit says")
    args = parser.parse_args(argv)
    from ..logs import configure_logging

    try:
        configure_logging()
    except ValueError as exc:
        print(f"prescreen: {exc}", file=sys.stderr)
        return 2
    try:
        summary = run_spark(args.input if args.binary else Path(args.input), args.out, master=args.master,
                            policy_dir=args.policies, payers=args.payer, partitions=args.partitions,
                            binary=args.binary, parquet=args.parquet)
    except SparkUnavailableError as exc:
        print(f"prescreen: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(dataclasses.asdict(summary), default=str, indent=2))
    return 1 if summary.tally is not None and summary.tally.errors else 0


if __name__ == "__main__":  # python -m pipeline.batch.spark: use the module's functions, not __main__'s copies
    from pipeline.batch.spark import main as _main

    raise SystemExit(_main())
