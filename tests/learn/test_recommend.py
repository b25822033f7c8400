"""The recommended default: the best held-out decision agreement among configurations that add no false approval."""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.learn.evaluate import added_false_approvals, recommend


def _d(agreement: float, heldout_fa: list[str], dev_fa: list[str] | None = None) -> dict[str, Any]:
    def split(a: float, cases: list[str]) -> dict[str, Any]:
        return {"decision_agreement": a, "false_approvals": len(cases), "false_approval_cases": cases,
                "payer_decisions": 100, "packets": 20}
    return {"dev": split(1.0, dev_fa or []), "heldout": split(agreement, heldout_fa)}


@pytest.mark.parametrize("decisions, expected", [
    # better agreement, and its false approvals are a subset of the rules': chosen
    ({"rules": _d(0.80, ["h1:a", "h2:b"]), "model": _d(0.78, ["h1:a", "h2:b"]), "rules+model": _d(0.85, ["h1:a"])},
     "rules+model"),
    # better agreement and fewer false approvals, but one new: refused (removing others does not buy it)
    ({"rules": _d(0.80, ["h1:a", "h2:b"]), "model": _d(0.78, ["h1:a"]), "rules+model": _d(0.85, ["h3:c"])},
     "rules"),
    # a new false approval on dev counts too
    ({"rules": _d(0.80, []), "model": _d(0.90, [], dev_fa=["d1:a"]), "rules+model": _d(0.80, [])}, "rules"),
    # a tie goes to the simpler configuration
    ({"rules": _d(0.80, []), "model": _d(0.80, []), "rules+model": _d(0.80, [])}, "rules"),
    ({"rules": _d(0.80, []), "model": _d(0.82, []), "rules+model": _d(0.82, [])}, "rules+model"),
])
def test_recommend(decisions: dict[str, Any], expected: str) -> None:
    mode, why = recommend(decisions)
    assert mode == expected
    for other, figures in decisions.items():
        assert f"{other} {figures['heldout']['decision_agreement']:.4f}" in why
        if added_false_approvals(decisions, other):
            assert f"{other} adds false approvals" in why
