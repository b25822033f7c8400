"""Shared fixtures: the NLP pipeline and a Screener are built once per test session (each takes ~2 s).

run_processes (a plugin) makes sure that no process of the run outlives it.

`make test` runs the suite on two pytest-xdist workers with `--dist loadgroup`: every test carries a group, and
one worker runs all the tests of a group, so module fixtures are built once. A test's group is its file, except
that PostgreSQL tests share one group (one throwaway cluster), browser tests another (one chromium), and the
annotated corpus groups its tests by split and held-out generation (tests/test_corpus.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.contracts import Mention, NlpResult
from pipeline.nlp import analyse, build_nlp, nlp_result, normalize

REPO = Path(__file__).resolve().parents[1]
POLICY_DIR = REPO / "policies"

pytest_plugins = ["run_processes"]


SHARED_RESOURCES = ("postgres", "browser")
"""Markers whose tests share one worker, so that the resource is started once."""


LONGEST_FIRST = ("tests/test_notebooks.py", "tests/test_fax_corpus.py")
"""Files whose group runs longest (a notebook evaluates the whole corpus): collected first, so that a worker starts
them while the other works through the rest, instead of one worker finishing them alone at the end."""


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {path: i for i, path in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::", 1)[0], len(rank)))  # stable: order kept within
    for item in items:
        if item.get_closest_marker("xdist_group"):
            continue
        shared = next((m for m in SHARED_RESOURCES if item.get_closest_marker(m)), None)
        item.add_marker(pytest.mark.xdist_group(shared or item.nodeid.split("::", 1)[0]))


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
