"""The Spark engine (local[2]) writes the records the local engine writes for the same input, resumes, and
gives the same records when it reads the documents as bytes (binary=True)."""

from __future__ import annotations

import contextlib
import dataclasses
import importlib.util
import json
import os
import shutil
import signal
import subprocess
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest

from pipeline.batch import spark as spark_engine
from pipeline.batch.items import dumps, file_sha256, item_key, iter_input, policy_versions, screen_item
from pipeline.batch.results import index_results
from pipeline.batch.spark import _slices, screen_partition, uri_to_local
from pipeline.ingest import IngestLimits

REPO = Path(__file__).resolve().parents[2]
POLICY_DIR = REPO / "policies"
PACKETS = sorted((REPO / "annotations" / "packets").glob("dev-0*.txt"))[:6]

_java = shutil.which("java") or (os.environ.get("JAVA_HOME") and Path(os.environ["JAVA_HOME"], "bin", "java"))
needs_spark = pytest.mark.skipif(
    importlib.util.find_spec("pyspark") is None or not _java,
    reason="the Spark engine needs pyspark (pip install 'mrs-prescreen[spark]') and Java 17 on PATH")


@contextlib.contextmanager
def cwd(path: Path) -> Iterator[None]:
    before = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


def reference(source: Path, screener, payers: tuple[str, ...] | None = None) -> list[str]:  # type: ignore[no-untyped-def]
    """What the local engine does, in this process: per item in input order, key, record, line (a key seen
    before is screened once). Sorted lines."""
    versions = policy_versions(screener.policies)
    lines: dict[str, str] = {}
    for item in iter_input(source):
        if payers and item.payers is None:
            item = dataclasses.replace(item, payers=payers)
        key = item_key(item, file_sha256(item.path, max_bytes=IngestLimits().max_bytes), versions)
        if key not in lines:
            lines[key] = dumps(screen_item(screener, item, key=key))
    return sorted(lines.values())


def path_of(line: str) -> str:
    record = json.loads(line)
    return str(record["document"]["path"] if record["kind"] == "screening" else record["path"])


def lines_of(out: Path) -> list[str]:
    return sorted((out / "results.jsonl").read_text(encoding="utf-8").splitlines())


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    """base/packets: six dev packets (one in a subfolder, one in a folder whose name Hadoop hides), a broken
    PDF and a text file named .pdf."""
    base = tmp_path_factory.mktemp("spark")
    folder = base / "packets"
    (folder / "sub").mkdir(parents=True)
    (folder / "_faxes").mkdir()
    for p in PACKETS[:4]:
        shutil.copy(p, folder / p.name)
    shutil.copy(PACKETS[4], folder / "sub" / PACKETS[4].name)
    shutil.copy(PACKETS[5], folder / "_faxes" / PACKETS[5].name)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage\x00\xff")
    shutil.copy(PACKETS[0], folder / "notes.pdf")
    return base


def end_jvm(seconds: float = 60) -> None:
    """End the JVM that pyspark started for this process, and wait for it. SparkSession.stop() leaves it
    running for the next session; it exits when the pipe on its stdin closes (at the latest when this
    process does), then runs its shutdown hooks. A later session starts a new one."""
    from pyspark import SparkContext

    gateway, SparkContext._gateway, SparkContext._jvm = SparkContext._gateway, None, None
    if gateway is None:
        return
    with contextlib.suppress(Exception):
        gateway.shutdown()
    proc = getattr(gateway, "proc", None)
    if proc is None:
        return
    if proc.stdin is not None:
        with contextlib.suppress(OSError):
            proc.stdin.close()
    try:
        proc.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        raise RuntimeError(f"the Spark JVM (pid {proc.pid}) had not exited {seconds:g} s after its stdin "
                           "closed and was killed") from None


@pytest.fixture(scope="module")
def spark():  # type: ignore[no-untyped-def]
    from pipeline.batch.spark import spark_session

    session = None
    on_ctrl_c = signal.getsignal(signal.SIGINT)  # a SparkContext replaces it, and no stop() puts it back
    try:
        session = spark_session("local[2]", "prescreen-test")
        yield session
    finally:
        if session is not None:
            session.stop()
        end_jvm()
        signal.signal(signal.SIGINT, on_ctrl_c)


@pytest.fixture(scope="module")
def full(base, spark, screener):  # type: ignore[no-untyped-def]
    """An uninterrupted run on the relative input "packets", and the in-process reference for it."""
    from pipeline.batch.spark import run_spark

    with cwd(base):
        expected = reference(Path("packets"), screener)
        summary = run_spark(Path("packets"), base / "out", policy_dir=POLICY_DIR, spark=spark)
    return expected, summary


def test_uri_to_local() -> None:
    assert uri_to_local("file:/tmp/a b/é%20x.txt") == "/tmp/a b/é%20x.txt"  # Hadoop lists paths unencoded
    assert uri_to_local("file:///tmp/x.pdf") == "/tmp/x.pdf"
    assert uri_to_local("file://localhost/tmp/x.pdf") == "/tmp/x.pdf"
    with pytest.raises(ValueError):
        uri_to_local("hdfs://nn/x.pdf")


def test_imports_and_explains_without_pyspark() -> None:
    code = ("import sys; sys.modules['pyspark'] = None\n"
            "from pathlib import Path\n"
            "from pipeline.batch.spark import SparkUnavailableError, run_spark\n"
            "try:\n"
            "    run_spark(Path('.'), Path('out'), policy_dir=Path('policies'))\n"
            "except SparkUnavailableError as exc:\n"
            "    print(exc)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "pyspark is not installed; install the spark extra: pip install 'mrs-prescreen[spark]'"


def test_executor_resolves_relative_paths_against_the_driver_folder(base, screener, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """An executor whose working directory is not the driver's still reads "packets/x", and records keep
    the relative path (what the local engine writes when run from the driver's folder)."""
    with cwd(base):
        expected = {path_of(line): line for line in reference(Path("packets"), screener)}
    items = [i for i in iter_input(base / "packets") if i.path.endswith((PACKETS[0].name, "broken.pdf"))]
    rows = [(n, dataclasses.replace(i, path=os.path.relpath(i.path, base)), None, False) for n, i in enumerate(items)]
    monkeypatch.chdir(tmp_path)
    task_done = SimpleNamespace(value=frozenset())
    from pipeline.batch.spark import _Task

    task = _Task(policy_dir=str(POLICY_DIR), payers=None, limits=None, isolate=True, driver_cwd=str(base),
                 done=task_done)
    got = [r for r in screen_partition(task, rows) if r[0] == "record"]
    assert len(got) == 2
    for _, _, path, _, line, _ in got:
        assert zlib.decompress(line).decode("utf-8") == expected[path]
    again = list(screen_partition(task, rows[:1]))  # the next partition in this process: no second pipeline
    assert [r[0] for r in again] == ["record"]


@pytest.mark.parametrize(("requested", "parallelism", "n_items", "expected"), [
    (None, 2, 8, 2),        # small input: one partition per core
    (None, 2, 2000, 20),    # large input: at most ITEMS_PER_PARTITION (100) items per partition
    (None, 8, 50, 8),       # more cores than items need: still one per core
    (None, 4, 3, 3),        # never more partitions than items
    (None, 2, None, 2),     # unknown count (a folder URI): the default parallelism
    (7, 2, 2000, 7),        # asked for
])
def test_partitions(requested, parallelism, n_items, expected) -> None:  # type: ignore[no-untyped-def]
    assert _slices(requested, parallelism, n_items) == expected


@needs_spark
def test_records_equal_the_in_process_reference(full):  # type: ignore[no-untyped-def]
    expected, summary = full
    assert len(expected) == 8
    assert (summary.total, summary.screened, summary.already_done, summary.errors) == (8, 8, 0, 2)
    assert summary.partitions == 2
    assert len(summary.load_seconds) <= 2  # at most one Screener per Python worker of local[2]
    out = Path(uri_to_local(summary.parquet)).parent
    assert lines_of(out) == expected
    keys = [json.loads(line)["batch"]["key"] for line in (out / "results.jsonl").read_text().splitlines()]
    assert keys == sorted(keys)  # compacted as the local engine does: by key
    paths = sorted(path_of(line) for line in expected)
    assert paths[0] == "packets/_faxes/" + PACKETS[5].name  # relative input, relative paths


@needs_spark
def test_parquet_has_one_row_per_item(full, spark):  # type: ignore[no-untyped-def]
    expected, summary = full
    rows = spark.read.parquet(summary.parquet).collect()
    assert sorted(r["record"] for r in rows) == expected
    assert all(json.loads(r["record"])["batch"]["key"] == r["key"] for r in rows)
    kinds = sorted(r["kind"] for r in rows)
    assert kinds == ["error"] * 2 + ["screening"] * 6
    assert all(r["sha256"] for r in rows if r["kind"] == "screening")


@needs_spark
def test_parquet_written_in_chunks_has_every_record(full, spark, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """Large runs write results.parquet in several chunks (append after the first): nothing lost or repeated."""
    expected, summary = full
    results = Path(uri_to_local(summary.parquet)).parent / "results.jsonl"
    monkeypatch.setattr(spark_engine, "PARQUET_CHUNK_BYTES", 1)  # one record per chunk
    uri = "file://" + str(tmp_path / "chunked.parquet")
    spark_engine._write_parquet(spark, results, index_results(results), uri)
    assert sorted(r["record"] for r in spark.read.parquet(uri).collect()) == expected


@needs_spark
def test_resume_recomputes_only_missing_records(full, base, spark, tmp_path):  # type: ignore[no-untyped-def]
    from pipeline.batch.spark import run_spark

    expected, summary = full
    out = tmp_path / "out"
    out.mkdir()
    kept = (Path(uri_to_local(summary.parquet)).parent / "results.jsonl").read_text().splitlines()
    del kept[1], kept[4]
    (out / "results.jsonl").write_text("\n".join(kept) + "\n" + '{"kind": "screening", "trunc', encoding="utf-8")
    with cwd(base):
        again = run_spark(Path("packets"), out, policy_dir=POLICY_DIR, spark=spark)
    assert (again.screened, again.already_done, again.total) == (2, 6, 8)
    assert lines_of(out) == expected
    assert spark.read.parquet(again.parquet).count() == 8


@needs_spark
@pytest.mark.parametrize("form", ["relative", "absolute"])
def test_binary_input_gives_identical_records(full, base, spark, screener, form):  # type: ignore[no-untyped-def]
    """sc.binaryFiles lists "file:/abs/..." URIs; records carry the path string iter_folder gives for the same
    folder argument, also for the file Hadoop never lists (in "_faxes"), which the driver ships."""
    from pipeline.batch.spark import run_spark

    out = base / f"out-binary-{form}"
    if form == "relative":
        expected = full[0]
        with cwd(base):
            summary = run_spark("packets", out, policy_dir=POLICY_DIR, binary=True, spark=spark)
    else:
        payers = ("cohere", "excellus")  # and --payer applies to folder items as in the local engine
        expected = reference(base / "packets", screener, payers)
        summary = run_spark(base / "packets", out, policy_dir=POLICY_DIR, binary=True, spark=spark,
                            payers=list(payers))
        assert all(str(base) in line for line in expected)
    assert (summary.total, summary.screened) == (8, 8)
    assert lines_of(out) == expected
