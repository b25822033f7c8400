"""results.jsonl handling: latest line per key, torn lines, compaction, summaries, in bounded memory."""

from __future__ import annotations

import csv
import json
import tracemalloc
from pathlib import Path

import pytest

from pipeline.batch.items import dumps
from pipeline.batch.results import (
    compact,
    final_keys,
    index_results,
    iter_latest,
    read_results,
    run_report,
    write_summary_csv,
)


def _screening(key: str, path: str, decisions: dict[str, str], *, padding: int = 0,
               request_id: str | None = None) -> dict[str, object]:
    dets = [{"payer": p, "decision": d, "outcome": "meets_criteria" if d == "approve" else "criteria_not_met",
             "reasons": [] if d == "approve" else [f"{p} reason"], "policy": {"id": "pol-1", "version": "v7"}}
            for p, d in decisions.items()]
    return {"batch": {"key": key, "request_id": request_id or f"R-{key}"}, "kind": "screening",
            "document": {"path": path, "n_pages": 2, "evidence_text": "x" * padding}, "determinations": dets}


def _error(key: str, path: str, *, stage: str, request_id: str | None = None) -> dict[str, object]:
    return {"batch": {"key": key, "request_id": request_id}, "kind": "error", "path": path, "code": "E114",
            "stage": stage, "message": f"{path}: failed"}


def _write(path: Path, records: list[dict[str, object]], tail: bytes = b"") -> None:
    path.write_bytes("".join(dumps(r) + "\n" for r in records).encode() + tail)


@pytest.fixture
def results(tmp_path: Path) -> Path:
    path = tmp_path / "results.jsonl"
    _write(path, [
        _error("k2", "b.pdf", stage="worker"),  # a killed worker: retried later
        _screening("k3", "c.pdf", {"cohere": "approve", "excellus": "pend"}),
        _screening("k2", "b.pdf", {"cohere": "pend", "excellus": "pend"}),  # the retry
        _error("k1", "a.pdf", stage="ingest"),  # a document error: final
        _error("k4", "d.pdf", stage="worker"),  # still to retry
    ])
    return path


def test_latest_line_per_key_wins(results: Path) -> None:
    index = index_results(results)
    assert sorted(index) == ["k1", "k2", "k3", "k4"]
    assert (index["k2"].error, index["k2"].final) == (False, True)
    assert (index["k1"].error, index["k1"].final) == (True, True)
    assert (index["k4"].error, index["k4"].final) == (True, False)
    assert final_keys(results) == {"k1", "k2", "k3"}
    assert any(entry.error for entry in index.values())
    assert [r["batch"]["key"] for r in iter_latest(results)] == ["k1", "k2", "k3", "k4"]
    assert read_results(results)["k2"]["kind"] == "screening"


def test_a_torn_last_line_is_cut_off(tmp_path: Path) -> None:
    path = tmp_path / "results.jsonl"
    _write(path, [_screening("k1", "a.pdf", {"cohere": "approve"})], tail=b'{"batch":{"key":"k2"')
    complete = path.stat().st_size - len(b'{"batch":{"key":"k2"')
    assert list(index_results(path)) == ["k1"]
    assert path.stat().st_size == complete


def test_compact_keeps_the_latest_bytes_sorted_by_key(results: Path) -> None:
    latest = {k: dumps(r) for k, r in read_results(results).items()}
    compaction = compact(results)
    lines = results.read_text(encoding="utf-8").splitlines()
    assert lines == [latest[k] for k in sorted(latest)]
    assert compaction.index == index_results(results)  # the returned index describes the new file
    assert (compaction.superseded, compaction.damaged) == (0, 0)
    before = results.read_bytes()
    compact(results)
    assert results.read_bytes() == before  # idempotent


def test_summary_csv_one_row_per_packet_and_payer(results: Path, tmp_path: Path) -> None:
    out = tmp_path / "summary.csv"
    tally = write_summary_csv(results, out)
    assert tally.errors == {"E114": 2}
    with out.open(encoding="utf-8") as f:
        rows = [(r["path"], r["payer"], r["decision"], r["outcome"]) for r in csv.DictReader(f)]
    with out.open(encoding="utf-8") as f:
        assert {r["policy_version"] for r in csv.DictReader(f) if r["payer"]} == {"pol-1 v7"}
    assert rows == [("a.pdf", "", "error", "E114"), ("b.pdf", "cohere", "pend", "criteria_not_met"),
                    ("b.pdf", "excellus", "pend", "criteria_not_met"), ("c.pdf", "cohere", "approve", "meets_criteria"),
                    ("c.pdf", "excellus", "pend", "criteria_not_met"), ("d.pdf", "", "error", "E114")]


def test_run_report_counts_latest_records(results: Path, tmp_path: Path) -> None:
    class Figures:
        screened, already_done, errors, worker_failures, seconds = 5, 0, 3, 2, 2.0
        superseded, damaged_lines = 0, 0

    report = run_report(write_summary_csv(results, tmp_path / "summary.csv"), Figures())
    assert "cohere                1        1" in report
    assert "excellus              0        2" in report
    assert "errors                2  E114 x2" in report
    assert "2.50 packets/s" in report


def test_compaction_and_summary_do_not_hold_the_records(tmp_path: Path) -> None:
    """Records are large (evidence); the file is streamed, so memory follows one record, not the run."""
    path = tmp_path / "results.jsonl"
    _write(path, [_screening(f"k{i:04d}", f"p{i}.pdf", {"cohere": "pend"}, padding=100_000) for i in range(300)])
    size = path.stat().st_size
    tracemalloc.start()
    try:
        index = compact(path).index
        write_summary_csv(path, tmp_path / "summary.csv", index)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert size > 30_000_000
    assert peak < size / 20, f"peak {peak} bytes for a {size}-byte file"
    assert json.loads(path.read_text(encoding="utf-8").splitlines()[-1])["batch"]["key"] == "k0299"


# -- one current record per intake (path + request id) ------------------------------------------------------------

SUPERSESSIONS = {
    # earlier records of an intake, then its newest: only the newest is current
    "packet edited": ([_screening("old", "a.pdf", {"cohere": "approve"}, request_id="R1")],
                      _screening("new", "a.pdf", {"cohere": "pend"}, request_id="R1")),
    "missing file supplied": ([_error("old", "a.pdf", stage="ingest", request_id="R1")],
                              _screening("new", "a.pdf", {"cohere": "pend"}, request_id="R1")),
    "policy changed twice": ([_screening("v1", "a.pdf", {"cohere": "approve"}, request_id="R1"),
                              _screening("v2", "a.pdf", {"cohere": "pend"}, request_id="R1")],
                             _screening("v3", "a.pdf", {"cohere": "approve"}, request_id="R1")),
    "file reverted to an earlier version": ([_screening("k1", "a.pdf", {"cohere": "approve"}, request_id="R1"),
                                             _screening("k2", "a.pdf", {"cohere": "pend"}, request_id="R1")],
                                            _screening("k1", "a.pdf", {"cohere": "approve"}, request_id="R1")),
}


@pytest.mark.parametrize("earlier, newest", SUPERSESSIONS.values(), ids=SUPERSESSIONS.keys())
def test_an_intake_has_one_current_record(tmp_path: Path, earlier: list[dict[str, object]],
                                          newest: dict[str, object]) -> None:
    path = tmp_path / "results.jsonl"
    other = _screening("other", "a.pdf", {"cohere": "pend"}, request_id="R2")  # same file, another request
    _write(path, [other, *earlier, newest])
    newest_key = newest["batch"]["key"]  # type: ignore[index]
    assert set(index_results(path).current()) == {"other", newest_key}
    assert final_keys(path) == {"other", newest_key}
    tally = write_summary_csv(path, tmp_path / "summary.csv")
    assert tally.decisions["cohere"].total() == 2 and not tally.errors  # a stale error no longer counts
    with (tmp_path / "summary.csv").open(encoding="utf-8") as f:
        assert [(r["request_id"], r["decision"]) for r in csv.DictReader(f)] == [
            ("R1", newest["determinations"][0]["decision"]), ("R2", "pend")]  # type: ignore[index]
    compaction = compact(path)
    assert set(compaction.index) == {"other", newest_key}
    archived = [json.loads(line)["batch"]["key"] for line in (tmp_path / "superseded.jsonl").read_text().splitlines()]
    assert compaction.superseded == len(archived) == len({r["batch"]["key"] for r in earlier} - {newest_key})  # type: ignore[index]


def test_records_without_an_intake_field_are_grouped_by_path_and_request_id(tmp_path: Path) -> None:
    """Results files written before intakes were recorded still supersede correctly."""
    path = tmp_path / "results.jsonl"
    _write(path, [_screening("old", "a.pdf", {"cohere": "pend"}, request_id="R1"),
                  _screening("new", "a.pdf", {"cohere": "approve"}, request_id="R1"),
                  _screening("b", "b.pdf", {"cohere": "pend"}, request_id="R1")])
    assert set(index_results(path).current()) == {"new", "b"}


# -- a damaged line is set aside, never taken for the end of the file ---------------------------------------------

DAMAGED_LINES = {
    "not json": b"{not json at all\n",
    "json but not a record": b"[1, 2, 3]\n",
    "a record without a key": b'{"kind": "screening", "batch": {}}\n',
    "binary garbage": b"\x00\xff\xfe garbage \x00\n",
    "two records run together": b'{"batch":{"key":"x"}{"batch":{"key":"y"}}\n',
}


@pytest.mark.parametrize("bad", DAMAGED_LINES.values(), ids=DAMAGED_LINES.keys())
def test_a_damaged_middle_line_is_set_aside(tmp_path: Path, bad: bytes) -> None:
    path = tmp_path / "results.jsonl"
    before = [_screening("k1", "a.pdf", {"cohere": "approve"})]
    after = [_screening("k2", "b.pdf", {"cohere": "pend"}), _screening("k3", "c.pdf", {"cohere": "pend"})]
    path.write_bytes("".join(dumps(r) + "\n" for r in before).encode() + bad
                     + "".join(dumps(r) + "\n" for r in after).encode())
    size = path.stat().st_size
    index = index_results(path)
    assert sorted(index) == ["k1", "k2", "k3"]  # every later record survives
    assert len(index.damaged) == 1 and path.stat().st_size == size  # nothing cut
    compaction = compact(path)
    assert compaction.damaged == 1 and sorted(compaction.index) == ["k1", "k2", "k3"]
    assert (tmp_path / "damaged.jsonl").read_bytes() == bad  # kept byte for byte for inspection
    assert not compact(path).damaged  # the compacted file is clean


def test_run_report_names_superseded_and_damaged(results: Path, tmp_path: Path) -> None:
    class Figures:
        screened, already_done, errors, worker_failures, seconds = 1, 0, 0, 0, 1.0
        superseded, damaged_lines = 2, 1

    report = run_report(write_summary_csv(results, tmp_path / "summary.csv"), Figures())
    assert "2 earlier record(s) superseded" in report
    assert "1 damaged line(s) of results.jsonl set aside in damaged.jsonl" in report
