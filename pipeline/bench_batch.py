"""`make bench` (batch part): a generated corpus of text-layer PDF packets through the single-process pipeline,
the local engine with 1 and 2 workers, and the Spark engine in local mode.

The corpus is made from the dev packets: each copy shifts every date by the same random number of days (so
"within 90 days" rules keep their meaning), gets a unique reference line, and is rendered as a PDF.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import date, timedelta
from pathlib import Path

from .contracts import ScreeningResult
from .corpus.annotations import load_corpus
from .corpus.evaluation import fitting_font_size

_DATE = re.compile(r"(?<![0-9/])(\d{1,2})/(\d{1,2})/(\d{4})(?![0-9/])")


def _shift(text: str, days: int) -> str:
    def move(m: re.Match[str]) -> str:
        try:
            d = date(int(m[3]), int(m[1]), int(m[2])) + timedelta(days=days)
        except ValueError:
            return m.group()
        return f"{d.month:02d}/{d.day:02d}/{d.year}"

    return _DATE.sub(move, text)


def _render(args: tuple[str, str]) -> None:
    from .corpus.render import render_text_pdf

    text, target = args
    render_text_pdf(text, target, font_size=fitting_font_size(text))


def generate_corpus(corpus: Path, out: Path, n: int, *, seed: int = 0, workers: int = 2) -> list[Path]:
    """n text-layer PDFs varied from the dev packets."""
    rng = random.Random(seed)
    templates = [p.text_path.read_text(encoding="utf-8") for p in load_corpus(corpus, splits=["dev"])]
    out.mkdir(parents=True, exist_ok=True)
    jobs = []
    for i in range(n):
        text = _shift(templates[i % len(templates)], rng.randrange(-400, 400))
        text += f"\nReference: BATCH-{seed}-{i:06d}\n"
        jobs.append((text, str(out / f"packet-{i:06d}.pdf")))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        list(pool.map(_render, jobs, chunksize=16))
    return [Path(t) for _, t in jobs]


def run(corpus: Path, policy_dir: Path, *, n: int = 2000, spark: bool = True, out_json: Path | None = None
        ) -> dict[str, object]:
    from .batch.local import BatchOptions, run_local
    from .screen import Screener

    figures: dict[str, object] = {"packets": n}
    with tempfile.TemporaryDirectory(prefix="prescreen-bench-batch-") as tmp:
        folder = Path(tmp) / "packets"
        t0 = time.perf_counter()
        paths = generate_corpus(corpus, folder, n)
        figures["generate_seconds"] = round(time.perf_counter() - t0, 1)
        print(f"batch corpus: {n} text-layer PDF packets generated in {figures['generate_seconds']} s")

        screener = Screener(policy_dir=policy_dir)
        t0 = time.perf_counter()
        pages = sum(r.document.n_pages for r in screener.screen(paths) if isinstance(r, ScreeningResult))
        single = time.perf_counter() - t0
        del screener
        figures["pages"] = pages
        rows = {"single_process": _rate(n, pages, single)}
        print(f"  single process (Screener):  {_line(rows['single_process'])}")

        peaks: dict[str, list[float]] = {}
        for workers in (1, 2):
            out = Path(tmp) / f"out-{workers}"
            summary = run_local(folder, BatchOptions(out=out, policy_dir=policy_dir, workers=workers,
                                                     progress="none"))
            rows[f"local_{workers}_workers"] = _rate(n, pages, summary.seconds)
            peaks[str(workers)] = sorted(summary.peak_rss_mb.values())
            print(f"  local engine, {workers} worker(s): {_line(rows[f'local_{workers}_workers'])}; "
                  f"peak memory per worker {', '.join(f'{m:.0f}' for m in peaks[str(workers)])} MB")
        one, two = rows["local_1_workers"]["packets_per_second"], rows["local_2_workers"]["packets_per_second"]
        figures["scaling_efficiency_2_workers"] = round(two / (2 * one), 3) if one else None
        figures["peak_rss_mb_per_worker"] = peaks

        if spark:
            try:
                from .batch.spark import run_spark

                out = Path(tmp) / "out-spark"
                t0 = time.perf_counter()
                run_spark(folder, out, master="local[2]", policy_dir=policy_dir)
                rows["spark_local_2"] = _rate(n, pages, time.perf_counter() - t0)
                print(f"  spark local[2]:             {_line(rows['spark_local_2'])} (includes session start)")
                same = _same_records(Path(tmp) / "out-2" / "results.jsonl", out / "results.jsonl")
                figures["spark_records_equal_local"] = same
                print(f"  spark records equal the local engine's: {same}")
            except Exception as exc:  # an optional engine that is not installed: report, do not fail the bench
                print(f"  spark: skipped ({type(exc).__name__}: {exc})")
        base = rows["single_process"]["packets_per_second"]
        ratios = {k: round(v["packets_per_second"] / base, 2) for k, v in rows.items()}
        figures["rates"] = rows
        figures["ratios_to_single_process"] = ratios
        print("  ratios to the single-process pipeline: " + ", ".join(f"{k} {v}x" for k, v in ratios.items()))
        print(f"  scaling efficiency with 2 workers: {figures['scaling_efficiency_2_workers']}")
        shutil.rmtree(folder, ignore_errors=True)
    if out_json is not None:
        out_json.parent.mkdir(parents=True, exist_ok=True)
        out_json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return figures


def _rate(n: int, pages: int, seconds: float) -> dict[str, float]:
    return {"seconds": round(seconds, 1), "packets_per_second": round(n / seconds, 2),
            "pages_per_second": round(pages / seconds, 2)}


def _line(r: dict[str, float]) -> str:
    return f"{r['packets_per_second']:.2f} packets/s, {r['pages_per_second']:.1f} pages/s ({r['seconds']:.0f} s)"


def _same_records(a: Path, b: Path) -> bool:
    def lines(p: Path) -> list[str]:
        return sorted(p.read_text(encoding="utf-8").splitlines()) if p.exists() else []

    return lines(a) == lines(b) and bool(lines(a))
