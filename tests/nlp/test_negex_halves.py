"""The NegEx/ConText sentences: one fixed split into a tuning and a test half; the test half does not regress."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pipeline.corpus.negex import HALVES, load_negex, split_of

REPO = Path(__file__).resolve().parents[2]
NEGEX = REPO / "annotations" / "external" / "negex" / "rsAnnotations-1-120-random.txt"


def test_the_split_is_fixed_disjoint_and_balanced() -> None:
    every = load_negex(NEGEX)
    halves = {h: load_negex(NEGEX, half=h) for h in HALVES}
    assert len(every) == 2376
    ids = {h: {s.id for s in sentences} for h, sentences in halves.items()}
    assert not ids["tune"] & ids["test"] and ids["tune"] | ids["test"] == {s.id for s in every}
    assert 0.45 < len(ids["test"]) / len(every) < 0.55
    assert all(s.half == "test" for s in halves["test"])


@pytest.mark.parametrize("line_id, half", [("1", "tune"), ("2", "test"), ("3", "test"), ("100", "tune"),
                                           ("2376", "tune")])
def test_the_split_never_moves_a_sentence(line_id: str, half: str) -> None:
    """Pinned: a change to the split function would move sentences between the halves (and leak test into tune)."""
    assert split_of(line_id) == half


def test_test_half_does_not_regress(nlp) -> None:  # type: ignore[no-untyped-def]
    from pipeline.corpus.negex import context_scores

    baseline = yaml.safe_load((REPO / "annotations" / "negex_baseline.yaml").read_text(encoding="utf-8"))
    figures = context_scores(nlp, load_negex(NEGEX, half="test"))
    print("NegEx test half:", figures)
    assert figures["negation"]["f1"] >= baseline["negation_f1"]
    assert figures["historical"]["f1"] >= baseline["historical_f1"]
