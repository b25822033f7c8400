"""The models shipped in models/: the configuration names loadable models, each with a complete card, and they
label plain fresh sentences the way a reader would."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.learn.dataset import process_with_targets
from pipeline.learn.features import assertion_features
from pipeline.learn.registry import CARD_FILE, read_config

MODELS = Path(__file__).resolve().parents[2] / "models"


@pytest.fixture(scope="module")
def shipped():  # type: ignore[no-untyped-def]
    config = read_config(MODELS, mode="rules+model")
    return {kind: model for kind, model in config.models().items()}


def test_the_configuration_names_loadable_models_with_cards(shipped) -> None:  # type: ignore[no-untyped-def]
    assert set(shipped) == {"assertion", "verdict"}
    for kind, model in shipped.items():
        assert model.kind == kind and 0.5 <= model.threshold <= 1.0
        folder = MODELS / model.name / model.version
        card = (folder / CARD_FILE).read_text(encoding="utf-8")
        for heading in ("## Intended use", "## Training data", "## Model and features", "## Metrics",
                        "## Known limits", "## Default configuration"):
            assert heading in card, (kind, heading)
        assert model.sha256 in card and model.metadata["training_data"]["digests"]["gold_spans"] in card


def test_the_shipped_default_is_the_one_the_cards_recommend(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PRESCREEN_EXTRACTORS", raising=False)
    config = read_config(MODELS)
    for kind, model in read_config(MODELS, mode="model").models().items():
        card = (MODELS / model.name / model.version / CARD_FILE).read_text(encoding="utf-8")
        recommended = re.search(r"Recommended: \*\*([a-z+]+)\*\*", card)
        assert recommended, kind
        # a model's recommendation is either the configured mode or "rules" (the model does not earn a change)
        assert recommended.group(1) in {"rules", config.mode}, kind


@pytest.mark.parametrize("text, word, concept, expected", [
    ("She denies any seizures since the last visit.", "seizures", "SEIZURE", "negated"),
    ("His father had a glioblastoma at 60.", "glioblastoma", "GLIOMA", "family"),
    ("New left-sided weakness and a known glioblastoma.", "glioblastoma", "GLIOMA", "present"),
    ("Findings are concerning for a high-grade glioma.", "glioma", "GLIOMA", "possible"),
])
def test_the_assertion_model_reads_plain_sentences(nlp, shipped, text: str, word: str, concept: str,  # type: ignore[no-untyped-def]
                                                   expected: str) -> None:
    start = text.index(word)
    _, placed = process_with_targets(nlp, text, [(start, start + len(word), concept)])
    ((label, probability),) = shipped["assertion"].model.predict([assertion_features(placed[(start, start + len(word))])])
    assert label == expected and probability > 0.5
