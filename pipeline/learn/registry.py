"""Shipped models and the extractor configuration: which extractors screen (rules, model, rules+model) and with
which model versions.

A model lives in `models/<name>/<version>/`: `model.json` (pipeline.learn.linear), `metadata.json` (its kind,
labels, override threshold, training-data digests, code version) and `MODEL_CARD.md`. The configuration is
`models/extractors.yaml`:

    mode: rules                 # rules | model | rules+model
    assertion: assertion/1.1.0  # models/<name>/<version> of each kind (absent: that kind stays rule-based)
    verdict: verdict/1.1.0

`PRESCREEN_EXTRACTORS` overrides the mode and `PRESCREEN_MODELS_DIR` the models folder. Models are read from the
repository at start-up, never downloaded.

How they combine, per mention: `rules` uses the rules only (the models are not loaded); `model` uses the model's
most probable label for every mention; `rules+model` keeps the rules' label unless the model gives another label
with a probability at or above the model's `threshold` (metadata.json). A label the model gave names the model
(`model: assertion@1.1.0`) and its probability in the mention and its evidence.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from .linear import LinearModel

MODES = ("rules", "model", "rules+model")
KINDS = ("assertion", "verdict")
MODE_ENV = "PRESCREEN_EXTRACTORS"
MODELS_ENV = "PRESCREEN_MODELS_DIR"
CONFIG_FILE = "extractors.yaml"
MODEL_FILE = "model.json"
METADATA_FILE = "metadata.json"
CARD_FILE = "MODEL_CARD.md"
DEFAULT_THRESHOLD = 0.9


class ModelConfigError(ValueError):
    """A configuration or model folder that cannot be used (the message names the file)."""


def default_models_dir() -> Path:
    """`PRESCREEN_MODELS_DIR`, else the repository's models/ folder (next to the package)."""
    env = os.environ.get(MODELS_ENV)
    return Path(env) if env else Path(__file__).resolve().parents[2] / "models"


@dataclass(frozen=True)
class ShippedModel:
    """A loaded model: its id (`name@version`), kind, the classifier, override threshold and file digest."""

    name: str
    version: str
    kind: str
    model: LinearModel
    threshold: float
    sha256: str
    metadata: dict[str, Any]

    @property
    def id(self) -> str:
        return f"{self.name}@{self.version}"

    @property
    def rules_digest(self) -> str | None:
        """The rules digest (pipeline.about.rules_digest) of the rules whose output the model's features hold;
        None when the metadata does not record it."""
        value = self.metadata.get("rules_digest")
        return str(value) if value else None

    def freshness(self, current_rules: str) -> str:
        """`current` when the model was trained on the output of these rules, `stale` when the rules changed
        since, `unrecorded` when its metadata does not say."""
        if self.rules_digest is None:
            return "unrecorded"
        return "current" if self.rules_digest == current_rules else "stale"


def load_model(folder: str | Path) -> ShippedModel:
    """A model folder (model.json + metadata.json); the metadata's digest must match the model file."""
    folder = Path(folder)
    try:
        meta = json.loads((folder / METADATA_FILE).read_text(encoding="utf-8"))
        raw = (folder / MODEL_FILE).read_bytes()
    except (OSError, json.JSONDecodeError) as exc:
        raise ModelConfigError(f"{folder}: not a model folder ({type(exc).__name__})") from None
    sha = hashlib.sha256(raw).hexdigest()
    if meta.get("model_sha256") not in (None, sha):
        raise ModelConfigError(f"{folder}: {MODEL_FILE} does not match the digest in {METADATA_FILE}")
    kind = meta.get("kind")
    if kind not in KINDS:
        raise ModelConfigError(f"{folder}: {METADATA_FILE}: kind must be one of {KINDS}")
    try:
        model = LinearModel.from_json(raw.decode("utf-8"))
    except (ValueError, KeyError, TypeError) as exc:
        raise ModelConfigError(f"{folder}: {MODEL_FILE}: {exc}") from None
    return ShippedModel(name=str(meta.get("name", folder.parent.name)), version=str(meta.get("version", folder.name)),
                        kind=str(kind), model=model, threshold=float(meta.get("threshold", DEFAULT_THRESHOLD)),
                        sha256=sha, metadata=meta)


@dataclass(frozen=True)
class ExtractorConfig:
    """The mode and the model folder of each kind (None: rules only for that kind)."""

    mode: str = "rules"
    assertion: Path | None = None
    verdict: Path | None = None

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ModelConfigError(f"extractor mode must be one of {', '.join(MODES)}, not {self.mode!r}")
        if self.mode != "rules" and self.assertion is None and self.verdict is None:
            raise ModelConfigError(f"extractor mode {self.mode!r} needs at least one model")

    def models(self) -> dict[str, ShippedModel]:
        """kind -> loaded model (none in `rules` mode)."""
        if self.mode == "rules":
            return {}
        return {kind: _load_cached(str(folder)) for kind in KINDS
                if (folder := getattr(self, kind)) is not None}

    def provenance(self) -> dict[str, str]:
        """model id -> sha256 of its model file, as records carry it (empty in `rules` mode)."""
        return {m.id: m.sha256 for m in self.models().values()}


@cache
def _load_cached(folder: str) -> ShippedModel:
    return load_model(folder)


def read_config(models_dir: str | Path | None = None, *, mode: str | None = None) -> ExtractorConfig:
    """The configuration of `models_dir`/extractors.yaml (no file: rules only); `mode` or `PRESCREEN_EXTRACTORS`
    override its mode."""
    root = Path(models_dir) if models_dir is not None else default_models_dir()
    path = root / CONFIG_FILE
    data: dict[str, Any] = {}
    if path.is_file():
        loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(loaded, dict):
            raise ModelConfigError(f"{path}: expected a mapping")
        data = loaded
    chosen = mode or os.environ.get(MODE_ENV) or str(data.get("mode", "rules"))
    folders = {kind: root / str(data[kind]) for kind in KINDS if data.get(kind)}
    return ExtractorConfig(mode=chosen, **folders)
