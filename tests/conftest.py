"""Shared fixtures: the NLP pipeline and a Screener are built once per test session (each takes ~2 s).

run_processes (a plugin) makes sure that no process of the run outlives it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.contracts import Mention, NlpResult
from pipeline.nlp import build_nlp, nlp_result, normalize

REPO = Path(__file__).resolve().parents[1]
POLICY_DIR = REPO / "policies"

pytest_plugins = ["run_processes"]


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    return build_nlp()


@pytest.fixture(scope="session")
def analyze(nlp) -> Callable[[str], NlpResult]:  # type: ignore[no-untyped-def]
    """Text -> NlpResult (mentions and sections) in canonical offsets."""

    def run(text: str) -> NlpResult:
        norm = normalize(text)
        return nlp_result(nlp(norm.text), norm, text)

    return run


@pytest.fixture(scope="session")
def mentions(analyze) -> Callable[[str], list[Mention]]:  # type: ignore[no-untyped-def]
    return lambda text: analyze(text).mentions


@pytest.fixture(scope="session")
def screener():  # type: ignore[no-untyped-def]
    from pipeline.screen import Screener

    return Screener(policy_dir=POLICY_DIR)
