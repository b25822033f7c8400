"""The local batch engine: one record per packet, nothing lost, resumable after any kind of kill."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.batch.local import BatchOptions, run_local
from pipeline.batch.results import compact, read_results
from pipeline.ingest import IngestLimits

REPO = Path(__file__).resolve().parents[2]
PACKETS = sorted((REPO / "annotations" / "packets").glob("dev-0[0-4]*.txt"))[:10]

pytestmark = pytest.mark.slow


def _input(tmp: Path) -> Path:
    folder = tmp / "in"
    folder.mkdir()
    for p in PACKETS:
        shutil.copy(p, folder / p.name)
    (folder / "broken.pdf").write_bytes(b"not a pdf at all")
    (folder / "sub").mkdir()
    shutil.copy(PACKETS[0], folder / "sub" / "copy-of-first.txt")  # same content, another path
    return folder


def _options(out: Path, **kw) -> BatchOptions:  # type: ignore[no-untyped-def]
    return BatchOptions(out=out, policy_dir=REPO / "policies", workers=2, progress="none", **kw)


def _lines(out: Path) -> list[str]:
    compact(out / "results.jsonl")
    return sorted((out / "results.jsonl").read_text(encoding="utf-8").splitlines())


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> tuple[Path, list[str]]:  # type: ignore[no-untyped-def]
    """An uninterrupted run: the records every interrupted-and-resumed run must end with."""
    tmp = tmp_path_factory.mktemp("ref")
    source = _input(tmp)
    summary = run_local(source, _options(tmp / "out"))
    assert summary.screened == len(PACKETS) + 2 and not summary.interrupted
    return source, _lines(tmp / "out")


def test_one_record_per_input(reference):  # type: ignore[no-untyped-def]
    source, lines = reference
    records = [json.loads(line) for line in lines]
    paths = sorted(r["document"]["path"] if r["kind"] == "screening" else r["path"] for r in records)
    assert paths == sorted(str(p) for p in source.rglob("*") if p.is_file())
    assert [r["code"] for r in records if r["kind"] == "error"] == ["E105"]
    assert len({r["batch"]["key"] for r in records}) == len(records)


def test_rerun_is_idempotent(reference, tmp_path):  # type: ignore[no-untyped-def]
    source, lines = reference
    out = tmp_path / "out"
    run_local(source, _options(out))
    again = run_local(source, _options(out))
    assert again.screened == 0 and again.already_done == len(lines)
    assert _lines(out) == lines


def test_summary_csv_has_a_row_per_packet_and_payer(reference, tmp_path):  # type: ignore[no-untyped-def]
    source, lines = reference
    out = tmp_path / "out"
    run_local(source, _options(out))
    rows = (out / "summary.csv").read_text(encoding="utf-8").splitlines()
    n_screened = sum(1 for line in lines if json.loads(line)["kind"] == "screening")
    assert rows[0] == "path,request_id,payer,policy_version,decision,outcome,top_reason,priority,due_at"
    assert len(rows) - 1 == n_screened * 5 + 1  # five payers per packet, one row for the broken file


def test_rerun_after_changes_keeps_one_current_record_per_packet(tmp_path):  # type: ignore[no-untyped-def]
    """A packet edited and a missing file supplied between runs: the summary shows each packet once, as now,
    and the stale error no longer sets the exit status."""
    from pipeline.batch.local import main_exit_code

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(PACKETS[0], folder / "a.txt")
    manifest = folder / "manifest.csv"
    manifest.write_text("path,payer,request_id\na.txt,,R1\nb.txt,,R2\n", encoding="utf-8")  # b.txt is missing
    out = tmp_path / "out"
    store_url = f"sqlite:///{tmp_path / 'r.db'}"
    first = run_local(manifest, _options(out, store_url=store_url))
    assert main_exit_code(first) == 1
    shutil.copy(PACKETS[1], folder / "a.txt")  # edited
    shutil.copy(PACKETS[2], folder / "b.txt")  # supplied
    second = run_local(manifest, _options(out, store_url=store_url))
    assert (second.screened, second.superseded) == (2, 2)
    assert main_exit_code(second) == 0
    records = read_results(out / "results.jsonl")
    assert sorted(r["batch"]["request_id"] for r in records.values()) == ["R1", "R2"]
    assert all(r["kind"] == "screening" for r in records.values())
    rows = (out / "summary.csv").read_text(encoding="utf-8").splitlines()[1:]
    assert len(rows) == 2 * 5 and not any(",error," in row for row in rows)
    assert len((out / "superseded.jsonl").read_text(encoding="utf-8").splitlines()) == 2
    from pipeline.store import ResultStore

    with ResultStore(f"sqlite:///{tmp_path / 'r.db'}") as store:
        assert store.keys(current=True) == set(records) and len(store.keys()) == 4


def _run_cli(source: Path, out: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "pipeline.cli", "batch", str(source), "--out", str(out),
                             "--workers", "2", "--store", "none", "--progress", "lines", *extra],
                            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for_lines(path: Path, n: int, proc: subprocess.Popen[str], limit: float = 120) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and proc.poll() is None:
        if path.exists() and path.read_text(encoding="utf-8").count("\n") >= n:
            return
        time.sleep(0.05)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["SIGKILL-run", "SIGINT-run"])
def test_killed_run_resumes_to_the_same_records(reference, tmp_path, sig):  # type: ignore[no-untyped-def]
    source, lines = reference
    out = tmp_path / "out"
    proc = _run_cli(source, out)
    _wait_for_lines(out / "results.jsonl", 3, proc)
    os.kill(proc.pid, sig)
    proc.communicate(timeout=60)
    if sig == signal.SIGINT:
        assert proc.returncode == 130
    partial = read_results(out / "results.jsonl")
    assert 0 < len(partial) < len(lines)
    if sig == signal.SIGKILL:  # simulate the torn line a kill in the middle of a write leaves
        with (out / "results.jsonl").open("a", encoding="utf-8") as f:
            f.write('{"kind": "screening", "trunc')
    resumed = _run_cli(source, out)
    stdout, stderr = resumed.communicate(timeout=300)
    assert resumed.returncode == 1, stderr  # 1: the broken file is an error record
    assert f"{len(partial)} already done" in stdout or "already done" in stdout
    assert _lines(out) == lines


def test_killed_worker_costs_one_record_and_is_retried(reference, tmp_path):  # type: ignore[no-untyped-def]
    source, lines = reference
    out = tmp_path / "out"
    proc = _run_cli(source, out)
    _wait_for_lines(out / "results.jsonl", 2, proc)
    children = subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True, text=True).stdout.split()
    assert children, "no worker processes found"
    os.kill(int(children[0]), signal.SIGKILL)
    stdout, stderr = proc.communicate(timeout=300)
    records = read_results(out / "results.jsonl")
    assert len(records) == len(lines)  # nothing lost: every input has a record
    failures = [r for r in records.values() if r.get("stage") == "worker"]
    assert len(failures) <= 1 and all(r["code"] == "E114" for r in failures)
    rerun = _run_cli(source, out)
    rerun.communicate(timeout=300)
    assert _lines(out) == lines  # the failed item was retried and now matches the uninterrupted run


def test_hanging_worker_is_replaced(reference, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """A worker stuck on one item past the limit is killed; that item gets a worker error, the rest finish."""
    import pipeline.batch.local as local

    source, lines = reference
    real = local.screen_item
    stuck = PACKETS[1].name

    def maybe_hang(screener, item, *, key):  # type: ignore[no-untyped-def]
        if item.path.endswith(stuck):
            time.sleep(3600)
        return real(screener, item, key=key)

    monkeypatch.setattr(local, "screen_item", maybe_hang)  # workers are forked: they inherit the patch
    out = tmp_path / "out"
    summary = run_local(source, _options(out, limits=IngestLimits(timeout_seconds=1), worker_grace_seconds=4))
    records = read_results(out / "results.jsonl")
    assert len(records) == len(lines)
    hung = [r for r in records.values() if r.get("stage") == "worker"]
    assert len(hung) == 1 and hung[0]["code"] == "E111" and hung[0]["path"].endswith(stuck)
    assert summary.worker_failures == 1


def test_manifest_with_payers_and_request_ids(tmp_path):  # type: ignore[no-untyped-def]
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("path,payer,request_id,received_at\n"
                        f"{PACKETS[0]},cohere,REQ-1,2026-11-20T09:00\n"
                        f"{PACKETS[1]},excellus;healthhelp,REQ-2,\n"
                        f"{PACKETS[2]},nobody,REQ-3,\n", encoding="utf-8")
    out = tmp_path / "out"
    run_local(manifest, _options(out))
    records = {r["batch"]["request_id"]: r for r in read_results(out / "results.jsonl").values()}
    assert [d["payer"] for d in records["REQ-1"]["determinations"]] == ["cohere"]
    assert records["REQ-1"]["batch"]["received_at"] == "2026-11-20T09:00"
    assert [d["payer"] for d in records["REQ-2"]["determinations"]] == ["excellus", "healthhelp"]
    assert records["REQ-3"]["kind"] == "error" and records["REQ-3"]["code"] == "E203"


def test_results_store_matches_results_file_after_a_resume(reference, tmp_path):  # type: ignore[no-untyped-def]
    from pipeline.store import ResultStore

    source, lines = reference
    out = tmp_path / "out"
    url = f"sqlite:///{tmp_path / 'results.db'}"
    proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "batch", str(source), "--out", str(out),
                             "--workers", "2", "--store", url, "--progress", "none"],
                            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _wait_for_lines(out / "results.jsonl", 3, proc)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)
    run_local(source, _options(out, store_url=url))
    records = read_results(out / "results.jsonl")
    with ResultStore(url) as store:
        extra = {k: {f: (store.get(k) or {}).get(f) for f in ("kind", "stage", "code", "path")}
                 for k in store.keys() - set(records)}
        assert store.keys(current=True) == set(records)
        assert not extra, extra  # a resumed run screens nothing twice: no key of the killed run is replaced
        counts = store.counts()
        assert counts["cases"] == len(lines) and counts["errors"] == 1
        for key, record in records.items():
            assert store.get(key) == record


def test_reading_limits_apply_from_the_command_line(tmp_path):  # type: ignore[no-untyped-def]
    """The batch command takes the same reading limits as `screen`: here a file over --max-mb is an E109."""
    source = tmp_path / "in"
    source.mkdir()
    shutil.copy(PACKETS[0], source / "small.txt")
    (source / "large.txt").write_text(PACKETS[0].read_text(encoding="utf-8") + "x" * 1_200_000, encoding="utf-8")
    out = tmp_path / "out"
    proc = _run_cli(source, out, "--max-mb", "1", "--no-ocr")
    proc.communicate(timeout=300)
    assert proc.returncode == 1  # a packet has an error record
    records = {Path(r.get("path") or r["document"]["path"]).name: r for r in read_results(out / "results.jsonl").values()}
    assert records["large.txt"]["code"] == "E109"
    assert records["small.txt"]["kind"] == "screening"


def test_editing_a_rule_file_rescreens_earlier_records(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """The digest of the rule files is part of every key: after a rule edit every packet is screened again and
    the earlier records are superseded."""
    from pipeline.about import rules_digest

    folder = tmp_path / "in"
    folder.mkdir()
    for p in PACKETS[:3]:
        shutil.copy(p, folder / p.name)
    out = tmp_path / "out"
    first = run_local(folder, _options(out))
    assert first.screened == 3
    digests = {r["rules_digest"] for r in read_results(out / "results.jsonl").values()}
    assert digests == {rules_digest()}
    monkeypatch.setattr("pipeline.batch.items.rules_digest", lambda: "edited-rules")
    monkeypatch.setattr("pipeline.screen.rules_digest", lambda: "edited-rules")
    second = run_local(folder, _options(out))
    assert (second.screened, second.already_done, second.superseded) == (3, 0, 3)
    assert {r["rules_digest"] for r in read_results(out / "results.jsonl").values()} == {"edited-rules"}
