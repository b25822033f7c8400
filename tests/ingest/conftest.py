"""Fixtures of the ingest tests: PDFs rendered from text, and the shared PDF robustness corpus."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pipeline.corpus.render import render_text_pdf

REPO = Path(__file__).resolve().parents[2]
ROBUSTNESS_DIR = (REPO / ".." / "shared" / "external" / "pdf-robustness").resolve()

RenderPdf = Callable[..., Path]


@pytest.fixture
def render_pdf(tmp_path: Path) -> RenderPdf:
    """A factory: render_pdf(text, name=None, **render_text_pdf options) -> path of the rendered PDF."""
    counter = itertools.count(1)

    def render(text: str, name: str | None = None, **options: Any) -> Path:
        path = tmp_path / (name or f"rendered-{next(counter)}.pdf")
        render_text_pdf(text, path, **options)
        return path

    return render


@pytest.fixture
def robustness_dir() -> Path:
    """The read-only shared corpus of odd and broken PDFs; the test is skipped when it is not there."""
    if not ROBUSTNESS_DIR.is_dir():
        pytest.skip(f"shared PDF robustness corpus not found at {ROBUSTNESS_DIR}")
    return ROBUSTNESS_DIR
