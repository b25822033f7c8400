"""Train a learned extractor from the annotations folder and write its model folder.

    annotations/spans/*.jsonl        gold spans (pipeline/learn/gold.py); dev packets train, held-out never do
    annotations/packets/*.yaml,.txt  the packet texts and their split
    annotations/external/negex/      the NegEx sentences; the tune half trains the assertion model

`train(name, data, out)` writes `model.json`, `metadata.json` (kind, labels, threshold, training-data digests,
hyperparameters, code version, the dev cross-validation figures) and `MODEL_CARD.md`
(pipeline/learn/card.py). `name` is the kind of model: `assertion` or `verdict`. The same data gives
byte-identical files.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from ..about import __version__, rules_digest
from .dataset import Example, gold_examples, negex_examples
from .features import ASSERTIONS, FOLLOW_ON, WINDOW
from .linear import per_class_f1, train_linear
from .registry import DEFAULT_THRESHOLD, KINDS, METADATA_FILE, MODEL_FILE

VERDICT_LABELS = ("inconclusive", "conclusive", "not_stated")


@dataclass
class Examples:
    """Assertion and verdict examples per split: dev and heldout (gold spans), negex_tune and negex_test."""

    assertion: dict[str, list[Example]] = field(default_factory=dict)
    verdict: dict[str, list[Example]] = field(default_factory=dict)
    digests: dict[str, str] = field(default_factory=dict)
    gold_packets: dict[str, int] = field(default_factory=dict)
    unreviewed_packets: dict[str, int] = field(default_factory=dict)

    def of(self, kind: str) -> dict[str, list[Example]]:
        return self.assertion if kind == "assertion" else self.verdict


def labels_of(kind: str) -> tuple[str, ...]:
    return ASSERTIONS if kind == "assertion" else VERDICT_LABELS


def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""


def reviewed_packets(spans_dir: Path) -> set[str] | None:
    """The packets MANIFEST.yaml marks reviewed (None without a manifest: every packet counts as reviewed)."""
    from .gold import MANIFEST

    path = spans_dir / MANIFEST
    if not path.is_file():
        return None
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(pid) for pid, entry in (data.get("packets") or {}).items() if (entry or {}).get("reviewed")}


def load_examples(data: str | Path, *, nlp: Any = None, negex: bool = True, spans: str | Path | None = None,
                  include_unreviewed: bool = False, verdict_rules: bool = True) -> Examples:
    """Examples of every split from the annotations folder `data` (gold spans from `spans`, default
    `data`/spans, when it exists; the NegEx halves when the NegEx file exists and `negex`).

    Spans of packets the manifest does not mark reviewed are left out unless `include_unreviewed`: they are the
    pipeline's own output, so the rules would score perfectly on them by construction. `verdict_rules` fills in
    the rules' verdict of the verdict examples (it screens their packets)."""
    from ..corpus.annotations import load_corpus
    from ..corpus.negex import NEGEX_FILE, load_negex
    from ..nlp import build_nlp
    from .gold import gold_digest, load_gold

    data = Path(data)
    nlp = nlp or build_nlp()
    out = Examples()
    spans_dir, packets_dir = Path(spans) if spans is not None else data / "spans", data / "packets"
    if spans_dir.is_dir():
        splits = {p.id: p.split for p in load_corpus(packets_dir)}
        gold = load_gold(spans_dir, packets=packets_dir)
        out.digests["gold_spans"] = gold_digest(spans_dir)
        reviewed = None if include_unreviewed else reviewed_packets(spans_dir)
        for split in ("dev", "heldout"):
            chosen = [s for s in gold if splits.get(s.packet) == split]
            if reviewed is not None:
                out.unreviewed_packets[split] = len({s.packet for s in chosen if s.packet not in reviewed})
                chosen = [s for s in chosen if s.packet in reviewed]
            out.gold_packets[split] = len({s.packet for s in chosen})
            out.assertion[split], out.verdict[split] = gold_examples(nlp, chosen, packets_dir)
    if verdict_rules and any(out.verdict.values()):
        rules_verdicts(out.verdict, packets_dir)
    negex_file = data / NEGEX_FILE.relative_to("annotations")
    if negex and negex_file.is_file():
        out.digests["negex"] = _file_digest(negex_file)
        for half in ("tune", "test"):
            out.assertion[f"negex_{half}"] = list(negex_examples(nlp, load_negex(negex_file, half=half)))
    return out


def rules_verdicts(verdicts: dict[str, list[Example]], packets_dir: Path) -> None:
    """Fill in the rules' verdict of each verdict example: the packets are screened with the rules only, and a
    span's verdict is that of the study it anchors (`pipeline.learn.evaluate.study_verdict`)."""
    from .evaluate import screen_packets, study_verdict
    from .registry import ExtractorConfig

    ids = sorted({e.group for items in verdicts.values() for e in items})
    records = screen_packets(ExtractorConfig(), packets_dir, ids)
    for split, items in verdicts.items():
        verdicts[split] = [replace(e, rules=study_verdict(records[e.group], e.start)) for e in items]


def training_set(examples: Examples, kind: str) -> list[Example]:
    """What a model of `kind` trains on: the dev gold spans, and for assertions the NegEx tune half too."""
    sets = examples.of(kind)
    chosen = list(sets.get("dev", []))
    if kind == "assertion":
        chosen += sets.get("negex_tune", [])
    return chosen


def cv_report(train: list[Example], kind: str, c: float) -> dict[str, Any]:
    """Grouped 5-fold cross-validation of the model (fixed C) and of the rules on the training examples."""
    from .linear import cross_validated

    gold = [e.label for e in train]
    predicted = cross_validated([e.features for e in train], gold, [e.group for e in train], c=c)
    report: dict[str, Any] = {"model": per_class_f1(gold, predicted, labels_of(kind))}
    if all(e.rules for e in train):
        report["rules"] = per_class_f1(gold, [e.rules for e in train], labels_of(kind))
    return report


def train(name: str, data: str | Path, out: str | Path, *, examples: Examples | None = None,
          threshold: float = DEFAULT_THRESHOLD, spans: str | Path | None = None) -> dict[str, Any]:
    """Train the model `name` (a kind: assertion | verdict) on `data` and write its folder `out`; returns the
    metadata written."""
    if name not in KINDS:
        raise ValueError(f"unknown model {name!r}; known: {', '.join(KINDS)}")
    examples = examples or load_examples(data, spans=spans, verdict_rules=name == "verdict")
    train_set = training_set(examples, name)
    if not train_set:
        raise ValueError(f"no training examples for {name} in {data}")
    model = train_linear([e.features for e in train_set], [e.label for e in train_set],
                         [e.group for e in train_set])
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    model_json = model.to_json()
    (out / MODEL_FILE).write_text(model_json, encoding="utf-8")
    counts = {label: sum(e.label == label for e in train_set) for label in labels_of(name)}
    meta: dict[str, Any] = {
        "name": name,
        "version": out.name,
        "kind": name,
        "format": "prescreen-linear/1",
        "labels": list(model.labels),
        "threshold": threshold,
        "model_sha256": hashlib.sha256(model_json.encode("utf-8")).hexdigest(),
        "code_version": __version__,
        "rules_digest": rules_digest(),  # the rules whose labels are features: a rule change means retraining
        "training_data": {
            "digests": dict(sorted(examples.digests.items())),
            "sets": ["gold dev spans"] + (["NegEx tune half"] if name == "assertion" else []),
            "dev_packets": examples.gold_packets.get("dev", 0),
            "unreviewed_dev_packets_left_out": examples.unreviewed_packets.get("dev", 0),
            "examples": len(train_set),
            "label_counts": counts,
        },
        "features": {"window_tokens": WINDOW, "follow_on_sentences": FOLLOW_ON,
                     "vocabulary": len(model.vocabulary)},
        "hyperparameters": model.hyperparameters,
        "dev_cv": cv_report(train_set, name, float(model.hyperparameters["C"])),
    }
    (out / METADATA_FILE).write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    from .card import write_card

    write_card(out, meta, evaluation=None)
    return meta
