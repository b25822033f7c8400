"""The calibrated linear model: JSON round trip without pickle, numpy prediction equal to scikit-learn's, and
deterministic training (same data -> same bytes) from gold spans and NegEx sentences."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from model_fixtures import write_annotations

from pipeline.learn.linear import LinearModel, fit_calibrated, per_class_f1, train_linear

WORDS = {"negated": ["no", "denies", "without"], "present": ["shows", "has", "with"],
         "historical": ["history", "prior", "remote"]}


def _toy(n: int = 12, labels: tuple[str, ...] = ("negated", "present", "historical")
         ) -> tuple[list[dict[str, float]], list[str]]:
    features, y = [], []
    for i in range(n):
        for label in labels:
            words = WORDS[label]
            f = {"bias": 1.0, f"pre:{words[i % 3]}": 1.0, f"noise:{i % 4}": 1.0}
            if i % 5 == 0:  # some overlap so the classes are not separable by one word
                f[f"pre:{WORDS[labels[(labels.index(label) + 1) % len(labels)]][0]}"] = 1.0
            features.append(f)
            y.append(label)
    return features, y


@pytest.mark.parametrize("labels", [("negated", "present", "historical"), ("negated", "present")])
def test_numpy_prediction_equals_scikit_learn(labels: tuple[str, ...]) -> None:
    features, y = _toy(labels=labels)
    model = train_linear(features, y, c_grid=(1.0,))
    vectorizer, calibrated = fit_calibrated(features, y, c=1.0)
    probe = features[:7] + [{"bias": 1.0, "pre:no": 1.0, "unseen": 1.0}]
    expected = calibrated.predict_proba(vectorizer.transform(probe))
    got = model.predict_proba(probe)
    assert list(model.labels) == [str(c) for c in calibrated.classes_]
    np.testing.assert_allclose(got, expected, atol=1e-6)
    np.testing.assert_allclose(got.sum(axis=1), 1.0)


def test_json_round_trip_without_pickle(tmp_path: Path) -> None:
    features, y = _toy()
    model = train_linear(features, y, c_grid=(0.3, 1.0))
    path = tmp_path / "model.json"
    model.save(path)
    data = json.loads(path.read_text(encoding="utf-8"))  # plain JSON: weights per feature name
    assert data["format"] == "prescreen-linear/1" and set(data["weights"]) == set(model.vocabulary)
    loaded = LinearModel.load(path)
    assert loaded.predict(features) == model.predict(features)
    assert loaded.to_json() == path.read_text(encoding="utf-8")
    assert model.hyperparameters["C"] in (0.3, 1.0)


@pytest.mark.parametrize("text", ['{"format": "something-else"}', "[1, 2]"])
def test_a_foreign_file_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="prescreen-linear/1"):
        LinearModel.from_json(text)


def test_rare_classes_are_left_out_and_named() -> None:
    features, y = _toy()
    features.append({"bias": 1.0, "pre:mother": 1.0})
    y.append("family")
    model = train_linear(features, y, c_grid=(1.0,))
    assert "family" not in model.labels and model.hyperparameters["dropped_classes"] == ["family"]


def test_per_class_f1() -> None:
    scores = per_class_f1(["a", "a", "b", "b"], ["a", "b", "b", "b"], ["a", "b", "c"])
    assert scores["a"] == {"precision": 1.0, "recall": 0.5, "f1": 0.6667, "support": 2}
    assert scores["b"]["precision"] == 0.6667 and scores["b"]["recall"] == 1.0
    assert scores["c"]["support"] == 0
    assert scores["macro"]["f1"] == round((0.6667 + 0.8) / 2, 4) and scores["macro"]["accuracy"] == 0.75


@pytest.fixture(scope="module")
def annotations(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_annotations(tmp_path_factory.mktemp("annotations"))


@pytest.fixture(scope="module")
def examples(annotations: Path, nlp):  # type: ignore[no-untyped-def]
    from pipeline.learn.train import load_examples

    return load_examples(annotations, nlp=nlp)


def test_examples_from_gold_spans_and_negex(examples) -> None:  # type: ignore[no-untyped-def]
    dev = {e.text: e for e in examples.assertion["dev"]}
    assert set(dev) == {"glioblastoma", "hydrocephalus", "MRI brain", "glioma", "meningioma", "CT head"}
    assert dev["meningioma"].label == "family" and dev["hydrocephalus"].label == "negated"
    assert dev["hydrocephalus"].rules == "negated"  # the rules' label of the same span, for the comparison
    assert {e.text for e in examples.assertion["heldout"]} == {"glioma", "Biopsy", "MRI brain"}
    assert [(e.text, e.label) for e in examples.verdict["dev"]] == [("MRI brain", "inconclusive"),
                                                                    ("CT head", "conclusive")]
    halves = examples.assertion["negex_tune"], examples.assertion["negex_test"]
    assert all(halves) and not {e.source for e in halves[0]} & {e.source for e in halves[1]}
    assert {"gold_spans", "negex"} == set(examples.digests)


def test_training_is_deterministic_and_cites_its_data(annotations: Path, examples, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from pipeline.learn.train import train

    first, second = tmp_path / "a" / "assertion" / "0.1.0", tmp_path / "b" / "assertion" / "0.1.0"
    meta = train("assertion", annotations, first, examples=examples)
    train("assertion", annotations, second, examples=examples)
    for name in ("model.json", "metadata.json", "MODEL_CARD.md"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    assert meta["training_data"]["digests"] == examples.digests
    assert meta["version"] == "0.1.0" and meta["kind"] == "assertion"
    card = (first / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert examples.digests["gold_spans"] in card and "## Known limits" in card
    assert set(meta["dev_cv"]) == {"model", "rules"}


def test_a_changed_packet_text_is_refused(annotations: Path, nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from pipeline.learn.dataset import gold_examples
    from pipeline.learn.gold import load_gold

    spans = load_gold(annotations / "spans", packets=annotations / "packets")
    moved = tmp_path / "packets"
    moved.mkdir()
    for path in (annotations / "packets").iterdir():
        (moved / path.name).write_text(path.read_text(encoding="utf-8") + "\nAddendum.\n", encoding="utf-8")
    with pytest.raises(ValueError, match="another version of the text"):
        gold_examples(nlp, spans, moved)


@pytest.mark.parametrize("tp, fp, fn, expected", [
    (8, 2, 2, (0.8, 0.8, 0.8)),
    (1, 0, 3, (1.0, 0.25, 0.4)),
    (0, 0, 0, (0.0, 0.0, 0.0)),       # nothing predicted, nothing gold: no division by zero
    (0, 5, 0, (0.0, 0.0, 0.0)),
    (2, 1, 0, (0.6667, 1.0, 0.8)),
])
def test_precision_recall_f1_from_counts(tp: int, fp: int, fn: int, expected: tuple[float, float, float]) -> None:
    from pipeline.learn.linear import precision_recall_f1

    assert precision_recall_f1(tp, fp, fn) == expected
