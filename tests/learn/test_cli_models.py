"""`prescreen train` and `prescreen evaluate-model` in-process, on the synthetic annotations folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from model_fixtures import write_annotations
from typer.testing import CliRunner

from pipeline.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def annotations(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_annotations(tmp_path_factory.mktemp("annotations"))


@pytest.fixture(scope="module")
def trained(annotations: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("models") / "assertion" / "0.1.0"
    result = runner.invoke(app, ["train", "assertion", "--data", str(annotations), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "dev CV macro F1" in result.output
    return out


def test_train_writes_a_model_folder(trained: Path) -> None:
    assert sorted(p.name for p in trained.iterdir()) == ["MODEL_CARD.md", "metadata.json", "model.json"]
    meta = json.loads((trained / "metadata.json").read_text(encoding="utf-8"))
    assert meta["name"] == "assertion" and meta["version"] == "0.1.0"
    assert meta["training_data"]["sets"] == ["gold dev spans", "NegEx tune half"]


def test_evaluate_model_reports_heldout_and_negex_test(trained: Path, annotations: Path) -> None:
    result = runner.invoke(app, ["evaluate-model", str(trained), "--data", str(annotations), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert set(figures["spans"]) == {"heldout", "negex_test"}
    assert figures["spans"]["heldout"]["model"]["macro"]["support"] == 3


def test_compare_puts_the_configurations_side_by_side_and_writes_the_card(trained: Path, annotations: Path) -> None:
    result = runner.invoke(app, ["evaluate-model", str(trained), "--data", str(annotations), "--compare", "--card"])
    assert result.exit_code == 0, result.output
    assert "rules  " in result.output and "rules+model" in result.output
    assert "[decisions heldout] rules+model" in result.output and "recommended default:" in result.output
    card = (trained / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert "## Default configuration" in card and "NegEx test half" in card


@pytest.mark.parametrize("args, message", [
    (["train", "sentiment", "--out", "{tmp}/x"], "unknown model"),
    (["evaluate-model", "{tmp}/not-a-model"], "not a model folder"),
    (["train", "assertion", "--data", "{tmp}/empty", "--out", "{tmp}/y"], "no training examples"),
])
def test_errors_are_one_line_and_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "empty").mkdir()
    result = runner.invoke(app, [a.format(tmp=tmp_path) for a in args])
    assert result.exit_code == 2
    assert message in result.output


def _models_dir(root: Path, trained: Path, mode: str, recorded: str | None) -> Path:
    """A models folder whose configuration names a copy of `trained` carrying `recorded` as its rules digest."""
    import shutil

    folder = root / "assertion" / "9.9.9"
    shutil.copytree(trained, folder)
    meta = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    if recorded is None:
        meta.pop("rules_digest", None)
    else:
        meta["rules_digest"] = recorded
    (folder / "metadata.json").write_text(json.dumps(meta), encoding="utf-8")
    (root / "extractors.yaml").write_text(f"mode: {mode}\nassertion: assertion/9.9.9\n", encoding="utf-8")
    return root


def test_train_records_the_rules_the_features_came_from(trained: Path) -> None:
    from pipeline.about import rules_digest

    meta = json.loads((trained / "metadata.json").read_text(encoding="utf-8"))
    assert meta["rules_digest"] == rules_digest()


@pytest.mark.parametrize("mode, recorded, exit_code, state", [
    ("rules+model", "current", 0, "current"),
    ("rules+model", "0" * 64, 1, "stale"),
    ("model", None, 1, "unrecorded"),
    ("rules", "0" * 64, 0, "stale"),          # the rules-only mode loads no model: nothing blocks
])
def test_check_models_flags_a_model_trained_on_other_rules(tmp_path: Path, trained: Path, mode: str,
                                                           recorded: str | None, exit_code: int, state: str) -> None:
    from pipeline.about import rules_digest

    digest = rules_digest() if recorded == "current" else recorded
    root = _models_dir(tmp_path / "models", trained, mode, digest)
    result = runner.invoke(app, ["check-models", "--models", str(root)])
    assert result.exit_code == exit_code, result.output
    assert "assertion@0.1.0" in result.output and result.output.rstrip().splitlines()[1].endswith(state)
    assert ("retrain before screening in mode" in result.output) == (exit_code == 1)
