"""ConText on the public NegEx/ConText test set (Chapman lab; 2,376 annotated sentences).

Each sentence names one condition; we mark it as the only target and compare the assertions our rule file gives
with the annotation (negated; historical), next to medspaCy's default ConText rules on the same sentences and
the same sentence splitter. Figures are printed by `make bench`; nothing here is tuned on this set.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from .nlp import build_nlp
from .nlp.components import TARGET_GROUP

DEFAULT_SET = Path(__file__).resolve().parents[1].parent / "shared" / "external" / "negex" / \
    "root_rsAnnotations-1-120-random.txt"


@dataclass(frozen=True)
class Sentence:
    condition: str
    text: str
    negated: bool
    historical: bool


def load_set(path: Path) -> list[Sentence]:
    out = []
    with path.open(encoding="utf-8", errors="replace") as f:
        rows = csv.reader(f, delimiter="\t")
        next(rows)
        for row in rows:
            if len(row) < 5:
                continue
            out.append(Sentence(condition=row[1].strip(), text=row[2], negated=row[3].strip() == "Negated",
                                historical=row[4].strip() == "Historical"))
    return out


def _context_pipeline(default_rules: bool) -> Language:
    nlp = build_nlp()
    if default_rules:
        nlp.remove_pipe("medspacy_context")
        nlp.add_pipe("medspacy_context", config={"rules": "default", "input_span_type": "group",
                                                 "span_group_name": TARGET_GROUP, "span_attrs": None})
    return nlp


def _assert(nlp: Language, s: Sentence) -> tuple[bool, bool] | None:
    doc: Doc = nlp.make_doc(s.text)
    start = s.text.lower().find(" ".join(s.condition.lower().split()))
    if start < 0:
        start = s.text.lower().find(s.condition.lower())
    if start < 0:
        return None
    span = doc.char_span(start, start + len(s.condition), label="TARGET", alignment_mode="expand")
    if span is None:
        return None
    for name, proc in nlp.pipeline:
        if name == "prior_auth_targets":
            doc.spans[TARGET_GROUP] = [span]
        else:
            doc = proc(doc)
    cats = {m.category for m in doc.spans[TARGET_GROUP][0]._.modifiers}
    return "NEGATED_EXISTENCE" in cats, "HISTORICAL" in cats


def _scores(pairs: list[tuple[bool, bool]]) -> dict[str, float]:
    tp = sum(p and g for p, g in pairs)
    fp = sum(p and not g for p, g in pairs)
    fn = sum(g and not p for p, g in pairs)
    acc = sum(p == g for p, g in pairs) / len(pairs) if pairs else 0.0
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"accuracy": round(acc, 3), "precision": round(prec, 3), "recall": round(rec, 3), "f1": round(f1, 3)}


def run(path: Path = DEFAULT_SET, *, echo: Callable[[str], None] = print) -> dict[str, dict[str, dict[str, float]]]:
    if not path.is_file():
        echo(f"NegEx/ConText set not found at {path}; skipped")
        return {}
    sentences = load_set(path)
    figures: dict[str, dict[str, dict[str, float]]] = {}
    for label, default in (("ours", False), ("medspacy_default", True)):
        nlp = _context_pipeline(default)
        neg, hist = [], []
        for s in sentences:
            got = _assert(nlp, s)
            if got is None:
                continue
            neg.append((got[0], s.negated))
            hist.append((got[1], s.historical))
        figures[label] = {"negation": _scores(neg), "historical": _scores(hist)}
    echo(f"ConText on the NegEx/ConText test set ({len(sentences)} sentences; {len(neg)} with the condition found):")
    for label, f in figures.items():
        echo(f"  {label:17} negation  acc {f['negation']['accuracy']:.3f}  P {f['negation']['precision']:.3f}  "
             f"R {f['negation']['recall']:.3f}  F1 {f['negation']['f1']:.3f}   historical F1 {f['historical']['f1']:.3f}")
    return figures
