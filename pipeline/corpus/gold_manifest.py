"""The gold set's MANIFEST.yaml and CORRECTIONS.md: what was reviewed, and how the hand pass changed the
bootstrap (by comparison of `spans/` with `spans-bootstrap/`).

Kinds of correction, per bootstrapped span: `assertion` (changed), `verdict` (changed), `boundaries` (the
span was moved: a corrected span of the same concept overlaps it), `concept` (an overlapping corrected span
has another concept), `dropped` (not a mention of its concept); per gold span: `added` (missed by the
pipeline). One span may count under several kinds (assertion and verdict); `corrections` per packet is the
number of spans touched.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..learn.gold import MANIFEST, GoldSpan, by_packet, gold_digest, load_gold

KINDS = ("assertion", "verdict", "boundaries", "concept", "dropped", "added")
CORRECTIONS = "CORRECTIONS.md"


@dataclass
class PacketCorrections:
    spans: int = 0
    bootstrap: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    touched: int = 0


def _overlaps(a: GoldSpan, b: GoldSpan) -> bool:
    return a.start < b.end and b.start < a.end


def compare_packet(bootstrap: list[GoldSpan], gold: list[GoldSpan]) -> PacketCorrections:
    """The corrections that turn one packet's bootstrap into its gold.

    A bootstrapped span is matched to the gold span with its key, else to an overlapping `corrected` gold span
    that is not itself bootstrapped: one of the same concept first (boundaries), then of another (concept)."""
    out = PacketCorrections(spans=len(gold), bootstrap=len(bootstrap))
    by_key = {s.key: s for s in gold}
    boot_keys = {b.key for b in bootstrap}
    free = [s for s in gold if s.origin == "corrected" and s.key not in boot_keys]
    match: dict[tuple[int, int, str], tuple[GoldSpan, str | None]] = {}
    for b in bootstrap:
        if b.key in by_key:
            match[b.key] = (by_key[b.key], None)
    for same_concept, kind in ((True, "boundaries"), (False, "concept")):
        for b in bootstrap:
            if b.key in match:
                continue
            g = next((s for s in free if _overlaps(s, b) and (s.concept == b.concept) == same_concept), None)
            if g is not None:
                free.remove(g)
                match[b.key] = (g, kind)
    used: set[tuple[int, int, str]] = set()
    for b in bootstrap:
        kinds: list[str] = []
        found = match.get(b.key)
        if found is None:
            kinds.append("dropped")
        else:
            g, moved = found
            used.add(g.key)
            if moved:
                kinds.append(moved)
            if g.assertion != b.assertion:
                kinds.append("assertion")
            if g.verdict != b.verdict and g.concept == b.concept:
                kinds.append("verdict")
        out.kinds.update(kinds)
        out.touched += bool(kinds)
    for g in gold:
        if g.key not in used and g.origin == "added":
            out.kinds["added"] += 1
            out.touched += 1
    return out


def read_manifest(directory: Path) -> dict[str, dict[str, object]]:
    path = directory / MANIFEST
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return dict(data.get("packets") or {})


def update_manifest(gold_dir: Path, bootstrap_dir: Path, *, packets: Path | None = None,
                    reviewed: set[str] | frozenset[str] = frozenset()) -> dict[str, PacketCorrections]:
    """Recompute MANIFEST.yaml and CORRECTIONS.md of `gold_dir`; `reviewed` ids are marked reviewed (marks
    already in the manifest stay)."""
    old = read_manifest(gold_dir)
    gold = by_packet(load_gold(gold_dir, packets=packets))
    boot = by_packet(load_gold(bootstrap_dir, packets=packets))
    ids = sorted({p.stem for p in gold_dir.glob("*.jsonl")})
    result = {pid: compare_packet(boot.get(pid, []), gold.get(pid, [])) for pid in ids}
    done = {pid for pid in ids if pid in reviewed or bool((old.get(pid) or {}).get("reviewed"))}
    entries = {pid: {"reviewed": pid in done, "spans": result[pid].spans, "corrections": result[pid].touched,
                     **{k: result[pid].kinds[k] for k in KINDS if result[pid].kinds[k]}} for pid in ids}
    manifest = {"format": "prescreen-gold/1", "digest": gold_digest(gold_dir), "packets_reviewed": len(done),
                "packets": entries}
    (gold_dir / MANIFEST).write_text(
        "# Written by `prescreen annotations manifest`; `reviewed` marks are kept between runs.\n"
        + yaml.safe_dump(manifest, sort_keys=False, allow_unicode=True), encoding="utf-8")
    (gold_dir / CORRECTIONS).write_text(corrections_markdown(result, done), encoding="utf-8")
    return result


def corrections_markdown(result: dict[str, PacketCorrections], reviewed: set[str]) -> str:
    """CORRECTIONS.md: counts by kind over the reviewed packets (dev and held-out apart), then per packet."""
    lines = ["# Corrections of the bootstrapped span gold", "",
             "Written by `prescreen annotations manifest` from `spans/` against `spans-bootstrap/`. Kinds: see",
             "docs/annotation-guidelines.md (span level). Only reviewed packets are summed.", ""]
    header = "| split | packets reviewed | bootstrap spans | gold spans | " + " | ".join(KINDS) + " | spans touched |"
    lines += [header, "|" + "---|" * (header.count("|") - 1)]
    for split in ("dev", "heldout"):
        ids = [p for p in result if p.startswith(split + "-") and p in reviewed]
        total: Counter[str] = Counter()
        for p in ids:
            total.update(result[p].kinds)
        lines.append(f"| {split} | {len(ids)} | {sum(result[p].bootstrap for p in ids)} | "
                     f"{sum(result[p].spans for p in ids)} | " + " | ".join(str(total[k]) for k in KINDS)
                     + f" | {sum(result[p].touched for p in ids)} |")
    lines += ["", "Per reviewed packet:", "", "| packet | bootstrap | gold | " + " | ".join(KINDS) + " |",
              "|" + "---|" * (len(KINDS) + 3)]
    for p, c in result.items():
        if p in reviewed:
            lines.append(f"| {p} | {c.bootstrap} | {c.spans} | " + " | ".join(str(c.kinds[k]) for k in KINDS) + " |")
    return "\n".join(lines) + "\n"
