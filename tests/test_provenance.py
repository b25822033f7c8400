"""Every record names what produced it: the rule files' digest changes with any change to any rule file."""

from __future__ import annotations

import pytest

from pipeline.about import digest_files, rule_files, rules_digest

BASE = [("pipeline.nlp.resources/context.yaml", b"rules: []\n"), ("pipeline.nlp.resources/targets.yaml", b"a: 1\n")]

EDITS = {
    "one byte changed": [BASE[0], (BASE[1][0], b"a: 2\n")],
    "a file added": [*BASE, ("pipeline.facts.resources/facts.yaml", b"facts: {}\n")],
    "a file removed": BASE[:1],
    "a file renamed": [BASE[0], ("pipeline.nlp.resources/targets2.yaml", BASE[1][1])],
    "contents swapped between files": [(BASE[0][0], BASE[1][1]), (BASE[1][0], BASE[0][1])],
}


@pytest.mark.parametrize("edited", EDITS.values(), ids=EDITS.keys())
def test_any_edit_changes_the_digest(edited: list[tuple[str, bytes]]) -> None:
    assert digest_files(edited) != digest_files(BASE)


def test_the_digest_ignores_listing_order() -> None:
    assert digest_files(list(reversed(BASE))) == digest_files(BASE)


def test_every_rule_file_is_covered() -> None:
    names = {name.rsplit("/", 1)[1] for name, _ in rule_files()}
    assert {"context.yaml", "targets.yaml", "sections.yaml", "facts.yaml", "transmission_rules.json"} <= names
    assert len(rules_digest()) == 64


def test_screening_records_carry_the_digest(screener, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path

    packet = Path(__file__).resolve().parents[1] / "annotations" / "packets" / "dev-001.txt"
    record = screener.screen_one(packet)
    assert record.rules_digest == rules_digest()
