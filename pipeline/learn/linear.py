"""A calibrated linear classifier over named binary features, persisted as JSON (no pickle), predicted with numpy.

Training (`train_linear`, scikit-learn): multinomial logistic regression on the feature names (DictVectorizer),
its inverse regularisation C chosen by grouped cross-validation (macro F1; folds never split a packet), then
calibrated with Platt scaling one-vs-rest on out-of-fold decision scores (`CalibratedClassifierCV(method=
"sigmoid", ensemble=False)`: the calibrators are fitted on scores of examples the classifier did not see; the
classifier itself is then refitted on all the data). Every random choice has a fixed seed, so the same examples
give byte-identical model files.

Prediction (`LinearModel.predict_proba`) needs only numpy and the JSON: scores = x . W + b; for each class
p_k = 1 / (1 + exp(A_k s_k + B_k)) (for two classes one calibrator on the positive class), normalised to sum to
one, exactly as scikit-learn's calibrated classifier does.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

FORMAT = "prescreen-linear/1"
_DIGITS = 10  # significant digits kept in the JSON (the same on every platform)


def _round(x: float) -> float:
    return float(f"{x:.{_DIGITS}g}")


@dataclass(frozen=True)
class LinearModel:
    """Labels, feature vocabulary, weights (features x classes, or one column for two classes), intercepts and
    Platt calibrators (A, B) per column."""

    labels: tuple[str, ...]
    vocabulary: tuple[str, ...]
    weights: tuple[tuple[float, ...], ...]  # one row per feature
    intercept: tuple[float, ...]
    calibration: tuple[tuple[float, float], ...]
    hyperparameters: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        index = {name: i for i, name in enumerate(self.vocabulary)}
        object.__setattr__(self, "_index", index)
        object.__setattr__(self, "_w", np.asarray(self.weights, dtype=np.float64).reshape(len(self.vocabulary), -1))
        object.__setattr__(self, "_b", np.asarray(self.intercept, dtype=np.float64))
        object.__setattr__(self, "_cal", np.asarray(self.calibration, dtype=np.float64).reshape(-1, 2))

    def scores(self, features: Sequence[dict[str, float]]) -> np.ndarray:
        """Decision scores, one row per example (features not in the vocabulary are ignored)."""
        index: dict[str, int] = self._index  # type: ignore[attr-defined]
        w: np.ndarray = self._w  # type: ignore[attr-defined]
        out = np.tile(self._b, (len(features), 1))  # type: ignore[attr-defined]
        for row, f in enumerate(features):
            for name, value in f.items():
                i = index.get(name)
                if i is not None:
                    out[row] += value * w[i]
        return out

    def predict_proba(self, features: Sequence[dict[str, float]]) -> np.ndarray:
        """Calibrated probabilities, one row per example, columns in `labels` order."""
        s = self.scores(features)
        cal: np.ndarray = self._cal  # type: ignore[attr-defined]
        p = 1.0 / (1.0 + np.exp(cal[:, 0] * s + cal[:, 1]))
        if len(self.labels) == 2:
            p1 = p[:, 0]
            return np.column_stack([1.0 - p1, p1])
        total = p.sum(axis=1, keepdims=True)
        uniform = np.full_like(p, 1.0 / len(self.labels))
        return np.where(total == 0, uniform, p / np.where(total == 0, 1.0, total))

    def predict(self, features: Sequence[dict[str, float]]) -> list[tuple[str, float]]:
        """(label, probability) of the most probable class of each example."""
        proba = self.predict_proba(features)
        best = proba.argmax(axis=1)
        return [(self.labels[k], float(proba[i, k])) for i, k in enumerate(best)]

    def contributions(self, features: dict[str, float], label: str, top: int = 5) -> list[tuple[str, float]]:
        """The features that push one example towards `label` most (name, weight x value), for error analysis
        (for two classes the single column's weights, signed towards the positive label)."""
        index: dict[str, int] = self._index  # type: ignore[attr-defined]
        w: np.ndarray = self._w  # type: ignore[attr-defined]
        column = 0 if w.shape[1] == 1 else self.labels.index(label)
        sign = (1.0 if label == self.labels[1] else -1.0) if w.shape[1] == 1 else 1.0
        scored = [(name, round(sign * value * float(w[index[name], column]), 4))
                  for name, value in features.items() if name in index]
        return sorted(scored, key=lambda x: -x[1])[:top]

    def to_json(self) -> str:
        data = {
            "format": FORMAT,
            "labels": list(self.labels),
            "hyperparameters": self.hyperparameters,
            "intercept": [_round(b) for b in self.intercept],
            "calibration": [[_round(a), _round(b)] for a, b in self.calibration],
            "weights": {name: [_round(w) for w in row] for name, row in zip(self.vocabulary, self.weights,
                                                                                strict=True)},
        }
        return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> LinearModel:
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} model file")
        weights = data["weights"]
        vocabulary = tuple(sorted(weights))
        return cls(labels=tuple(data["labels"]), vocabulary=vocabulary,
                   weights=tuple(tuple(float(w) for w in weights[name]) for name in vocabulary),
                   intercept=tuple(float(b) for b in data["intercept"]),
                   calibration=tuple((float(a), float(b)) for a, b in data["calibration"]),
                   hyperparameters=dict(data.get("hyperparameters") or {}))

    def save(self, path: str | Path) -> None:
        Path(path).write_text(self.to_json(), encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> LinearModel:
        return cls.from_json(Path(path).read_text(encoding="utf-8"))


C_GRID = (0.1, 0.3, 1.0, 3.0, 10.0)
FOLDS = 5
SEED = 13
MIN_EXAMPLES = 3


def _folds(labels: Sequence[str], groups: Sequence[str], n: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """Deterministic folds that keep each group together (StratifiedGroupKFold with a fixed seed); with fewer
    groups than folds, stratified folds over the examples."""
    from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold

    y = np.asarray(labels)
    if len(set(groups)) >= n:
        return list(StratifiedGroupKFold(n_splits=n, shuffle=True, random_state=SEED).split(y, y, groups))
    return list(StratifiedKFold(n_splits=n, shuffle=True, random_state=SEED).split(y, y))


def _estimator(c: float) -> Any:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, max_iter=5000, solver="lbfgs", class_weight="balanced", random_state=SEED)


def cross_validated(features: Sequence[dict[str, float]], labels: Sequence[str], groups: Sequence[str], *,
                    c: float, folds: int = FOLDS) -> list[str]:
    """Out-of-fold predictions of a calibrated model trained with C = c (each example predicted by a model that
    did not see its group)."""
    out = [""] * len(labels)
    for train, test in _folds(labels, groups, folds):
        model = train_linear([features[i] for i in train], [labels[i] for i in train], c_grid=(c,))
        for i, (label, _) in zip(test, model.predict([features[i] for i in test]), strict=True):
            out[i] = label
    return out


def train_linear(features: Sequence[dict[str, float]], labels: Sequence[str],
                 groups: Sequence[str] | None = None, *, c_grid: Sequence[float] = C_GRID,
                 folds: int = FOLDS) -> LinearModel:
    """Fit the calibrated classifier (C by grouped CV over `c_grid` on macro F1 when it has several values).
    Classes with fewer than MIN_EXAMPLES examples cannot be calibrated and are left out (listed in the model's
    hyperparameters as `dropped_classes`)."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(1):  # small sparse fits: threads only contend (and one thread is reproducible)
        return _train(features, labels, groups, c_grid=c_grid, folds=folds)


def _train(features: Sequence[dict[str, float]], labels: Sequence[str], groups: Sequence[str] | None, *,
           c_grid: Sequence[float], folds: int) -> LinearModel:
    from sklearn.metrics import f1_score

    groups = list(groups) if groups is not None else [str(i) for i in range(len(labels))]
    counts = {k: list(labels).count(k) for k in sorted(set(labels))}
    dropped = sorted(k for k, n in counts.items() if n < MIN_EXAMPLES)
    if dropped:
        keep = [i for i, k in enumerate(labels) if k not in dropped]
        features, labels, groups = [features[i] for i in keep], [labels[i] for i in keep], [groups[i] for i in keep]
    if len(set(labels)) < 2:
        raise ValueError("training needs at least two classes with examples")
    if len(c_grid) > 1:
        best, best_f1 = c_grid[0], -1.0
        for c in c_grid:
            predicted = cross_validated(features, labels, groups, c=c, folds=folds)
            f1 = float(f1_score(labels, predicted, average="macro", zero_division=0))
            if f1 > best_f1 + 1e-9:
                best, best_f1 = c, f1
        c_grid = (best,)
    c = c_grid[0]
    vectorizer, calibrated = fit_calibrated(features, labels, c=c, folds=folds)
    fitted = calibrated.calibrated_classifiers_[0]
    base = fitted.estimator
    coef = base.coef_.T  # features x columns
    vocabulary = tuple(vectorizer.get_feature_names_out())
    model = LinearModel(
        labels=tuple(str(k) for k in base.classes_), vocabulary=vocabulary,
        weights=tuple(tuple(_round(float(w)) for w in row) for row in coef),
        intercept=tuple(_round(float(b)) for b in base.intercept_),
        calibration=tuple((_round(float(cal.a_)), _round(float(cal.b_))) for cal in fitted.calibrators),
        hyperparameters={"C": c, "class_weight": "balanced", "calibration": "sigmoid (Platt), out-of-fold",
                         "calibration_folds": calibrated.cv.n_splits, "seed": SEED, "solver": "lbfgs",
                         "dropped_classes": dropped},
    )
    if not isfinite_model(model):
        raise ValueError("the fit diverged (a weight is not finite)")
    return model


def fit_calibrated(features: Sequence[dict[str, float]], labels: Sequence[str], *, c: float,
                   folds: int = FOLDS) -> tuple[Any, Any]:
    """The fitted DictVectorizer and CalibratedClassifierCV (Platt scaling on out-of-fold scores, the classifier
    refitted on everything) that `train_linear` turns into a LinearModel."""
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.model_selection import StratifiedKFold

    vectorizer = DictVectorizer(sort=True)
    x = vectorizer.fit_transform(features)
    y = np.asarray(labels)
    n_folds = max(2, min(folds, int(min(np.unique(y, return_counts=True)[1]))))
    calibrated = CalibratedClassifierCV(_estimator(c), method="sigmoid", ensemble=False,
                                        cv=StratifiedKFold(n_splits=n_folds, shuffle=True, random_state=SEED))
    calibrated.fit(x, y)
    return vectorizer, calibrated


def precision_recall_f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0.0 where a ratio has no denominator), rounded to 4 places."""
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return round(prec, 4), round(rec, 4), round(f1, 4)


def per_class_f1(gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str]) -> dict[str, dict[str, float]]:
    """Precision, recall, F1 and support per label, and the macro F1 over labels with support."""
    out: dict[str, dict[str, float]] = {}
    for label in labels:
        tp = sum(g == label and p == label for g, p in zip(gold, predicted, strict=True))
        fp = sum(g != label and p == label for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, predicted, strict=True))
        prec, rec, f1 = precision_recall_f1(tp, fp, fn)
        out[label] = {"precision": prec, "recall": rec, "f1": f1, "support": tp + fn}
    supported = [v["f1"] for v in out.values() if v["support"]]
    accuracy = sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold) if gold else 0.0
    out["macro"] = {"f1": round(sum(supported) / len(supported), 4) if supported else 0.0,
                    "accuracy": round(accuracy, 4), "support": len(gold)}
    return out


def isfinite_model(model: LinearModel) -> bool:
    """Every number of the model is finite (a diverged fit is refused)."""
    return all(math.isfinite(v) for row in model.weights for v in row) and all(
        math.isfinite(v) for v in model.intercept)
