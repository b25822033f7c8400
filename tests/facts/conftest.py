"""Fixtures of the fact tables."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import ClinicalFacts


@pytest.fixture(scope="module")
def fragment_facts(analyze: Any) -> Callable[[str], ClinicalFacts]:
    """A fragment (with a request date appended) -> its clinical facts, through the real NLP stage."""

    def run(body: str) -> ClinicalFacts:
        return facts_of(analyze, body + REQUEST_TAIL)

    return run
