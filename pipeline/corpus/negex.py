"""The NegEx/ConText annotated sentences (annotations/external/negex), split once into a tuning and a test half.

The split is a fixed hash of each line's id: the same sentence is always in the same half, whatever else changes.
Rules and models may be tuned on the tuning half only; figures are reported on the test half only.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..learn.linear import precision_recall_f1

NEGEX_FILE = Path("annotations") / "external" / "negex" / "rsAnnotations-1-120-random.txt"
HALVES = ("tune", "test")
_SALT = b"negex-split-v1"


@dataclass(frozen=True)
class Sentence:
    """One annotated sentence: its line id, the condition it names, and the gold assertions."""

    id: str
    condition: str
    text: str
    negated: bool
    historical: bool
    hypothetical: bool
    family: bool

    @property
    def half(self) -> str:
        return split_of(self.id)


def split_of(line_id: str) -> str:
    """"tune" or "test", by a fixed hash of the line id (about half each)."""
    return HALVES[hashlib.sha256(_SALT + line_id.encode()).digest()[0] & 1]


def load_negex(path: str | Path = NEGEX_FILE, *, half: str | None = None) -> list[Sentence]:
    """The annotated sentences (tab-separated: id, condition, sentence, negation, temporality, experiencer),
    optionally one half only."""
    if half is not None and half not in HALVES:
        raise ValueError(f"half must be one of {HALVES}, not {half!r}")
    out = []
    with Path(path).open(encoding="utf-8", errors="replace", newline="") as f:
        rows = csv.reader(f, delimiter="\t")
        next(rows)
        for row in rows:
            if len(row) < 6:
                continue
            temporality, experiencer = row[4].strip().lower(), row[5].strip().lower()
            sentence = Sentence(id=row[0].strip(), condition=row[1].strip(), text=row[2],
                                negated=row[3].strip().lower() == "negated", historical=temporality == "historical",
                                hypothetical=temporality == "hypothetical", family=experiencer == "other")
            if half is None or sentence.half == half:
                out.append(sentence)
    return out


def _assertions(nlp: object, s: Sentence) -> tuple[bool, bool] | None:
    """(negated, historical) that the pipeline's ConText gives the sentence's condition, marked as the only
    target; None when the condition cannot be found in the sentence."""
    from ..nlp.components import TARGET_GROUP

    doc = nlp.make_doc(s.text)  # type: ignore[attr-defined]
    lowered = s.text.lower()
    start = lowered.find(" ".join(s.condition.lower().split()))
    if start < 0:
        start = lowered.find(s.condition.lower())
    if start < 0:
        return None
    span = doc.char_span(start, start + len(s.condition), label="TARGET", alignment_mode="expand")
    if span is None:
        return None
    for name, proc in nlp.pipeline:  # type: ignore[attr-defined]
        if name == "prior_auth_targets":
            doc.spans[TARGET_GROUP] = [span]
        else:
            doc = proc(doc)
    categories = {m.category for m in doc.spans[TARGET_GROUP][0]._.modifiers}
    return "NEGATED_EXISTENCE" in categories, "HISTORICAL" in categories


def scores(pairs: list[tuple[bool, bool]]) -> dict[str, float]:
    """Accuracy, precision, recall and F1 of (predicted, gold) pairs."""
    tp = sum(p and g for p, g in pairs)
    fp = sum(p and not g for p, g in pairs)
    fn = sum(g and not p for p, g in pairs)
    acc = sum(p == g for p, g in pairs) / len(pairs) if pairs else 0.0
    prec, rec, f1 = precision_recall_f1(tp, fp, fn)
    return {"accuracy": round(acc, 4), "precision": prec, "recall": rec, "f1": f1, "n": len(pairs)}


def context_scores(nlp: object, sentences: list[Sentence]) -> dict[str, dict[str, float]]:
    """Negation and historical scores of the pipeline's ConText on the sentences, and the misses (ids)."""
    negation, historical = [], []
    for s in sentences:
        got = _assertions(nlp, s)
        if got is None:
            continue
        negation.append((got[0], s.negated))
        historical.append((got[1], s.historical))
    return {"negation": scores(negation), "historical": scores(historical)}
