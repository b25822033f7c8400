"""The extractor configuration (rules, model, rules+model) changes assertions and verdicts as documented in
pipeline/learn/registry.py, and whatever a model decides names the model in mentions, evidence and records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from model_fixtures import constant_model

from pipeline.learn.registry import ExtractorConfig, ModelConfigError, load_model, read_config
from pipeline.nlp import analyse, build_nlp, nlp_result, normalize

ASSERT_LABELS = ("negated", "present")
TEXT = "ASSESSMENT:\nBiopsy confirmed a glioblastoma of the left temporal lobe.\nShe has had no seizures.\n"


def _mentions(config: ExtractorConfig, text: str = TEXT) -> dict[str, object]:
    nlp = build_nlp(config)
    norm = normalize(text)
    return {m.text: m for m in nlp_result(analyse(nlp, norm), norm, text).mentions}


@pytest.fixture(scope="module")
def negating(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An assertion model that says `negated` of everything with probability 0.9997."""
    return constant_model(tmp_path_factory.mktemp("m") / "assertion" / "9.9.9", kind="assertion",
                          labels=ASSERT_LABELS, favoured="negated")


@pytest.mark.parametrize("mode, threshold, glioma_modifiers, applied", [
    ("rules", 0.9, [], None),  # the model is not even loaded
    ("model", 0.9, ["negated"], True),  # the model's label, whatever its probability
    ("model", 1.0, ["negated"], True),
    ("rules+model", 0.9, ["negated"], True),  # above the threshold the model overrides
    ("rules+model", 1.0, [], False),  # below it the rules stand (the output is kept, not applied)
])
def test_mode_and_threshold_decide_whose_assertion_counts(tmp_path: Path, mode: str, threshold: float,
                                                          glioma_modifiers: list[str], applied: bool | None) -> None:
    folder = constant_model(tmp_path / "assertion" / "9.9.9", kind="assertion", labels=ASSERT_LABELS,
                            favoured="negated", threshold=threshold)
    config = ExtractorConfig(mode=mode, assertion=folder)
    glioma = _mentions(config)["glioblastoma"]
    assert glioma.modifiers == glioma_modifiers  # type: ignore[attr-defined]
    outputs = glioma.model_outputs  # type: ignore[attr-defined]
    if applied is None:
        assert outputs == []
        return
    assert [(o.model, o.kind, o.label, o.applied) for o in outputs] == [("assertion@9.9.9", "assertion", "negated",
                                                                          applied)]
    assert outputs[0].probability == pytest.approx(0.9997, abs=1e-4)
    rules = glioma.modifier_rules  # type: ignore[attr-defined]
    assert (rules == ["model:assertion@9.9.9"]) is applied


def test_a_model_that_agrees_with_the_rules_changes_nothing(negating: Path) -> None:
    rules = _mentions(ExtractorConfig())["seizures"]
    learned = _mentions(ExtractorConfig(mode="model", assertion=negating))["seizures"]
    assert learned.modifiers == rules.modifiers == ["negated"]  # type: ignore[attr-defined]
    assert learned.modifier_rules == rules.modifier_rules  # type: ignore[attr-defined]  # the rule ids stay
    assert [o.applied for o in learned.model_outputs] == [False]  # type: ignore[attr-defined]


def test_evidence_and_record_name_the_model(negating: Path, tmp_path: Path) -> None:
    from pipeline.screen import Screener

    packet = tmp_path / "packet.txt"
    packet.write_text(TEXT, encoding="utf-8")
    screener = Screener(extractors=ExtractorConfig(mode="model", assertion=negating), isolate=False)
    record = screener.screen_one(packet)
    model = load_model(negating)
    assert record.extractors == "model"  # type: ignore[union-attr]
    assert record.models == {"assertion@9.9.9": model.sha256}  # type: ignore[union-attr]
    evidence = [e for f in record.facts for e in f.evidence if e.text == "glioblastoma"]  # type: ignore[union-attr]
    assert evidence and all(e.modifier_rules == ["model:assertion@9.9.9"] for e in evidence)
    assert all(e.model_outputs[0].model == "assertion@9.9.9" for e in evidence)
    neoplasm = next(f for f in record.facts if f.name == "brain_neoplasm")  # type: ignore[union-attr]
    assert neoplasm.status.value == "absent"  # the model negated the only glioma: the fact follows it
    from pipeline.report.fhir import build_bundle

    dated = screener.screen_one(Path(__file__).resolve().parents[2] / "annotations" / "packets" / "dev-001.txt")
    (device,) = [e["resource"] for e in build_bundle(dated)["entry"]  # type: ignore[arg-type]
                 if e["resource"]["resourceType"] == "Device"]
    assert {"type": {"text": "model assertion@9.9.9"}, "value": f"sha256:{model.sha256}"} in device["version"]
    assert "learned extractors (model)" in device["type"]["text"]
    rules_record = Screener(extractors=ExtractorConfig(), isolate=False).screen_one(packet)
    assert rules_record.extractors == "rules" and rules_record.models == {}  # type: ignore[union-attr]
    assert next(f for f in rules_record.facts if f.name == "brain_neoplasm").status.value == "present"  # type: ignore[union-attr]


VERDICT_TEXT = "HISTORY OF PRESENT ILLNESS:\nKnown glioblastoma.\nMRI brain on 10/02/2026 showed recurrent glioblastoma.\n"


@pytest.mark.parametrize("mode, threshold, verdicts, by_model", [
    ("rules", 0.9, ["conclusive"], False),
    ("model", 0.9, ["inconclusive"], True),
    ("rules+model", 0.9, ["inconclusive"], True),
    ("rules+model", 1.0, ["conclusive"], False),
])
def test_a_verdict_model_replaces_the_rules_verdict(tmp_path: Path, mode: str, threshold: float,
                                                   verdicts: list[str], by_model: bool) -> None:
    from pipeline.screen import Screener

    folder = constant_model(tmp_path / "verdict" / "9.9.9", kind="verdict", labels=("conclusive", "inconclusive"),
                            favoured="inconclusive", threshold=threshold)
    packet = tmp_path / "packet.txt"
    packet.write_text(VERDICT_TEXT, encoding="utf-8")
    config = ExtractorConfig(mode=mode, verdict=folder) if mode != "rules" else ExtractorConfig()
    record = Screener(extractors=config, isolate=False).screen_one(packet)
    (study,) = record.imaging  # type: ignore[union-attr]
    assert study.verdicts == verdicts
    from_model = [e for e in study.evidence if e.attributes.get("model") == "verdict@9.9.9"]
    assert bool(from_model) is by_model
    if by_model:  # the rules' verdict evidence stays, marked as superseded by the model
        assert from_model[0].attributes["verdict"] == "inconclusive"
        assert any(e.attributes.get("superseded_by") == "verdict@9.9.9" for e in study.evidence)


def test_configuration_file_and_environment(tmp_path: Path, negating: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PRESCREEN_EXTRACTORS", raising=False)
    assert read_config(tmp_path).mode == "rules"  # no file: rules only
    (tmp_path / "extractors.yaml").write_text(f"mode: rules+model\nassertion: {negating}\n", encoding="utf-8")
    config = read_config(tmp_path)
    assert (config.mode, config.assertion, config.verdict) == ("rules+model", negating, None)
    assert config.provenance() == {"assertion@9.9.9": load_model(negating).sha256}
    monkeypatch.setenv("PRESCREEN_EXTRACTORS", "rules")
    assert read_config(tmp_path).mode == "rules" and read_config(tmp_path).provenance() == {}


@pytest.mark.parametrize("make, message", [
    (lambda f: ExtractorConfig(mode="learned", assertion=f), "extractor mode must be one of"),
    (lambda f: ExtractorConfig(mode="model"), "needs at least one model"),
])
def test_bad_configurations_are_refused(negating: Path, make, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ModelConfigError, match=message):
        make(negating)


def test_a_model_file_that_does_not_match_its_metadata_is_refused(negating: Path, tmp_path: Path) -> None:
    folder = tmp_path / "assertion" / "9.9.9"
    folder.mkdir(parents=True)
    (folder / "metadata.json").write_text((negating / "metadata.json").read_text(), encoding="utf-8")
    data = json.loads((negating / "model.json").read_text())
    data["intercept"] = [1.0]
    (folder / "model.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ModelConfigError, match="does not match the digest"):
        load_model(folder)
    with pytest.raises(ModelConfigError, match="not a model folder"):
        load_model(tmp_path / "missing")


def test_batch_keys_change_with_the_models_and_not_without(negating: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.batch.items import BatchItem, item_key

    (tmp_path / "extractors.yaml").write_text(f"mode: rules\nassertion: {negating}\n", encoding="utf-8")
    monkeypatch.setenv("PRESCREEN_MODELS_DIR", str(tmp_path))
    monkeypatch.delenv("PRESCREEN_EXTRACTORS", raising=False)
    item = BatchItem(path="a.pdf")
    rules_key = item_key(item, "0" * 64, {"payer": "1"})
    monkeypatch.delenv("PRESCREEN_MODELS_DIR")
    assert item_key(item, "0" * 64, {"payer": "1"}) == rules_key  # rules only: the models do not matter
    monkeypatch.setenv("PRESCREEN_MODELS_DIR", str(tmp_path))
    monkeypatch.setenv("PRESCREEN_EXTRACTORS", "rules+model")
    assert item_key(item, "0" * 64, {"payer": "1"}) != rules_key
