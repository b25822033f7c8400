"""Shared fixtures: the NLP pipeline and a Screener are built once per test session (each takes ~2 s).

run_processes (a plugin) makes sure that no process of the run outlives it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.contracts import Mention, NlpResult
from pipeline.nlp import analyse, build_nlp, nlp_result, normalize

REPO = Path(__file__).resolve().parents[1]
POLICY_DIR = REPO / "policies"

pytest_plugins = ["run_processes"]


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    return build_nlp()


@pytest.fixture(scope="session")
def analyze(nlp) -> Callable[..., NlpResult]:  # type: ignore[no-untyped-def]
    """Text -> NlpResult (mentions and sections) in canonical offsets; `ocr=True` treats the whole text as read
    by OCR (so OCR repairs apply)."""

    def run(text: str, *, ocr: bool = False) -> NlpResult:
        norm = normalize(text, ocr_spans=[(0, len(text))] if ocr else ())
        return nlp_result(analyse(nlp, norm), norm, text)

    return run


@pytest.fixture(scope="session")
def mentions(analyze) -> Callable[..., list[Mention]]:  # type: ignore[no-untyped-def]
    return lambda text, *, ocr=False: analyze(text, ocr=ocr).mentions


@pytest.fixture(scope="session")
def screener():  # type: ignore[no-untyped-def]
    from pipeline.screen import Screener

    return Screener(policy_dir=POLICY_DIR)
