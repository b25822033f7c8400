"""Benchmark of the reviewer workbench's work queue: 10,000 cases (5 payers each) in a SQLite store, then the
first, a middle and the last queue page under several filters and sorts, timed in the query function and as a
whole HTTP response (Django test client, signed in). Run: `python -m pipeline.bench_review [N]`."""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

PAYERS = ("cohere", "excellus", "florida-blue", "healthhelp", "highmark-wv")
OUTCOMES = ("meets_criteria", "insufficient_documentation", "criteria_not_met", "not_medically_necessary")


def synthetic_records(n: int) -> list[dict[str, Any]]:
    start = datetime(2026, 11, 1, tzinfo=UTC)
    records = []
    for i in range(n):
        dets: list[dict[str, Any]] = []
        for j, payer in enumerate(PAYERS):
            outcome = OUTCOMES[(i + j) % len(OUTCOMES)]
            dets.append({"payer": payer, "decision": "approve" if outcome == "meets_criteria" else "pend",
                         "outcome": outcome, "reasons": [], "missing_documentation": [], "criteria": [],
                         "policy": {"id": f"{payer}-policy", "version": "1", "sha256": "0" * 64}})
        key = f"{i:064x}"
        records.append({
            "kind": "screening", "pipeline_version": "bench",
            "document": {"path": f"/packets/{i}.pdf", "sha256": f"{i:064x}", "n_pages": 3, "pages": []},
            "determinations": dets,
            "batch": {"key": key, "intake": key, "request_id": f"R{i}",
                      "received_at": (start + timedelta(minutes=7 * i)).isoformat(),
                      "priority": "expedited" if i % 9 == 0 else None},
        })
    return records


def main(argv: list[str]) -> None:
    n = int(argv[0]) if argv else 10_000
    from django.test import Client

    from .review.accounts import add_user
    from .review.app import create_app, current
    from .review.queue import QueueFilter, queue_page, sync
    from .store import ResultStore

    with tempfile.TemporaryDirectory(prefix="prescreen-bench-review-") as tmp:
        url = f"sqlite:///{Path(tmp) / 'store.db'}"
        t0 = time.perf_counter()
        create_app(url, cache_dir=Path(tmp) / "cache")
        with ResultStore(url) as store:
            records = synthetic_records(n)
            for i in range(0, n, 1000):
                store.upsert_many(records[i:i + 1000])
        loaded = time.perf_counter() - t0
        engine = current().engine
        t0 = time.perf_counter()
        sync(engine, force=True)
        synced = time.perf_counter() - t0
        added = n * len(PAYERS)
        print(f"{n} cases, {added} queue items: stored in {loaded:.1f} s, first sync {synced:.2f} s")
        cases = {
            "open, by due": QueueFilter(),
            "open, one payer": QueueFilter(payer="cohere"),
            "all, by outcome": QueueFilter(statuses=("pended", "in_review", "escalated", "decided",
                                                     "screen_approved"), sort="outcome"),
            "overdue, by received": QueueFilter(due="overdue", sort="-received"),
        }
        for name, f in cases.items():
            times = []
            for page in (1, 50, 10_000):
                for _ in range(3):
                    t = time.perf_counter()
                    result = queue_page(engine, QueueFilter(**{**f.__dict__, "page": page}))
                    times.append(time.perf_counter() - t)
            print(f"  queue_page {name:24} {result.total:6} items  median {statistics.median(times) * 1000:6.1f} ms"
                  f"  max {max(times) * 1000:6.1f} ms")
        add_user(engine, username="bench", password="queue-timing-pass-1", role="reviewer")
        client = Client(SERVER_NAME="localhost")
        token_page = client.get("/login").content.decode()
        token = token_page.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
        client.post("/login", {"username": "bench", "password": "queue-timing-pass-1", "csrfmiddlewaretoken": token})
        times = []
        for query in ("", "?payer=cohere", "?status=all&sort=outcome&page=200", "?due=overdue&sort=-received"):
            for _ in range(3):
                t = time.perf_counter()
                response = client.get("/queue" + query)
                times.append(time.perf_counter() - t)
                assert response.status_code == 200
        print(f"  HTTP GET /queue (50 rows, signed in, audited): median {statistics.median(times) * 1000:.1f} ms, "
              f"max {max(times) * 1000:.1f} ms")
        engine.dispose()


if __name__ == "__main__":
    main(sys.argv[1:])
