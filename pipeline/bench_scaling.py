"""`make bench`, part: analysis time against text length, 10 KB to 1 MB.

One packet text repeated to each size and screened in this process (no reader process, no OCR): seconds and
milliseconds per KB for the whole screen, and for ConText the time of medspaCy's own component beside ours on
the same document (medspaCy compares every target with every modifier: quadratic), up to 300 KB.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

from .corpus.annotations import load_corpus
from .nlp import NormalizedText, build_nlp, make_doc, normalize
from .screen import Screener

SIZES_KB = (10, 30, 100, 300, 1000)
MEDSPACY_UP_TO_KB = 300


def _context_seconds(nlp: Any, text: NormalizedText, component: str) -> float:
    doc = make_doc(nlp, text)
    for name, proc in nlp.pipeline:
        if name == component:
            t0 = time.perf_counter()
            proc(doc)
            return time.perf_counter() - t0
        if name not in {"prior_auth_context", "medspacy_context"}:
            doc = proc(doc)
    raise ValueError(component)


def run(corpus: Path, policy_dir: Path) -> dict[str, object]:
    base = "\n\n".join(p.text_path.read_text(encoding="utf-8") for p in load_corpus(corpus, splits=["dev"]))
    screener = Screener(policy_dir=policy_dir, isolate=False)
    theirs = build_nlp()
    context_cfg = dict(theirs.get_pipe_config("prior_auth_context"))
    context_cfg.pop("factory", None)
    theirs.add_pipe("medspacy_context", config=context_cfg)
    ours_context: Any = screener.nlp.get_pipe("prior_auth_context")
    their_context: Any = theirs.get_pipe("medspacy_context")
    their_context.add(ours_context.rules)
    rows = []
    print("analysis time against text length (screen in-process: normalise, NLP, facts, decisions)")
    print(f"  {'size':>7} {'seconds':>8} {'ms/KB':>7}  {'ConText ours':>12} {'medspaCy':>9} {'ratio':>6}")
    with tempfile.TemporaryDirectory(prefix="prescreen-bench-scaling-") as tmp:
        for kb in SIZES_KB:
            text = (base * (1 + kb * 1000 // len(base)))[:kb * 1000]
            path = Path(tmp) / f"{kb}kb.txt"
            path.write_text(text, encoding="utf-8")
            t0 = time.perf_counter()
            record = screener.screen_one(path)
            seconds = time.perf_counter() - t0
            assert record.kind == "screening", record
            norm = normalize(text)
            ours = _context_seconds(screener.nlp, norm, "prior_auth_context")
            medspacy = _context_seconds(theirs, norm, "medspacy_context") if kb <= MEDSPACY_UP_TO_KB else None
            rows.append({"kb": kb, "seconds": round(seconds, 3), "ms_per_kb": round(1000 * seconds / kb, 2),
                         "context_ours_s": round(ours, 3),
                         "context_medspacy_s": None if medspacy is None else round(medspacy, 3)})
            ratio = f"{medspacy / ours:5.1f}x" if medspacy else "     -"
            print(f"  {kb:>5}KB {seconds:>8.2f} {1000 * seconds / kb:>7.2f}  {ours:>11.2f}s "
                  f"{(f'{medspacy:.2f}s' if medspacy else '-'):>9} {ratio:>6}")
    per_kb = [r["ms_per_kb"] for r in rows[1:]]
    print(f"  ms/KB from 30 KB to 1 MB: {min(per_kb):.1f} to {max(per_kb):.1f} "  # type: ignore[type-var]
          f"(flat = linear time)")
    return {"sizes": rows}
