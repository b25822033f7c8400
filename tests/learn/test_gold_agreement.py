"""Agreement between two annotation passes: Cohen's kappa by hand-computed tables, span matching."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.corpus.gold_agreement import agreement, cohen_kappa, match_spans
from pipeline.learn.gold import GoldSpan, write_gold


def _pairs(table: dict[tuple[str, str], int]) -> list[tuple[str, str]]:
    return [pair for pair, n in table.items() for _ in range(n)]


@pytest.mark.parametrize(("table", "expected"), [
    # po = 0.8; both marginals 6/4: pe = 0.52; kappa = 0.28 / 0.48
    ({("present", "present"): 5, ("present", "negated"): 1, ("negated", "negated"): 3,
      ("negated", "present"): 1}, 0.28 / 0.48),
    # 3 labels, n = 50: po = 39/50; pe = (25*23 + 20*21 + 5*6) / 2500 = 0.41; kappa = 0.37 / 0.59
    ({("p", "p"): 20, ("p", "n"): 5, ("n", "p"): 3, ("n", "n"): 15, ("n", "s"): 2, ("s", "n"): 1,
      ("s", "s"): 4}, 0.37 / 0.59),
    # perfect agreement on two labels
    ({("a", "a"): 4, ("b", "b"): 2}, 1.0),
    # systematic disagreement: po = 0, pe = 0.5
    ({("a", "b"): 3, ("b", "a"): 3}, -1.0),
    # agreement no better than chance: po = 0.5 = pe
    ({("a", "a"): 1, ("a", "b"): 1, ("b", "a"): 1, ("b", "b"): 1}, 0.0),
])
def test_cohen_kappa_matches_hand_computed_values(table: dict[tuple[str, str], int], expected: float) -> None:
    kappa = cohen_kappa(_pairs(table))
    assert kappa == pytest.approx(expected)


@pytest.mark.parametrize("pairs", [[], [("present", "present")] * 5])
def test_kappa_is_undefined_without_variation(pairs: list[tuple[str, str]]) -> None:
    assert cohen_kappa(pairs) is None


TEXT = "MRI brain: ring-enhancing lesion, abscess vs glioma. No seizures. Mother had MS.\n"
SHA = hashlib.sha256(TEXT.encode()).hexdigest()


def _s(phrase: str, concept: str, assertion: str, verdict: str | None = None, *, packet: str = "dev-900",
       cut: int = 0) -> GoldSpan:
    start = TEXT.index(phrase) + cut
    end = TEXT.index(phrase) + len(phrase)
    return GoldSpan(packet=packet, document_sha256=SHA, start=start, end=end, text=TEXT[start:end],
                    concept=concept, assertion=assertion, verdict=verdict)  # type: ignore[arg-type]


A = [_s("MRI brain", "IMAGING", "present", "inconclusive"), _s("ring-enhancing lesion", "BRAIN_LESION", "present"),
     _s("abscess", "BRAIN_INFECTION", "possible"), _s("glioma", "GLIOMA", "possible"),
     _s("seizures", "SEIZURE", "negated"), _s("MS", "MULTIPLE_SCLEROSIS", "family")]
B = [_s("MRI brain", "IMAGING", "present", "conclusive"), _s("ring-enhancing lesion", "BRAIN_LESION", "present", cut=5),
     _s("abscess", "BRAIN_INFECTION", "possible"), _s("glioma", "BRAIN_TUMOR", "possible"),
     _s("seizures", "SEIZURE", "negated"), _s("MS", "MULTIPLE_SCLEROSIS", "present"),
     _s("lesion", "BRAIN_LESION", "present")]


def test_matching_is_one_to_one_by_concept_and_overlap() -> None:
    pairs, only_a, only_b = match_spans(A, B)
    assert [(x.text, y.text) for x, y in pairs] == [
        ("MRI brain", "MRI brain"), ("ring-enhancing lesion", "enhancing lesion"), ("abscess", "abscess"),
        ("seizures", "seizures"), ("MS", "MS")]
    assert [x.concept for x in only_a] == ["GLIOMA"]
    assert sorted((y.concept, y.text) for y in only_b) == [("BRAIN_LESION", "lesion"), ("BRAIN_TUMOR", "glioma")]


def test_agreement_report_counts_and_kappas() -> None:
    other = _s("MRI brain", "IMAGING", "present", "not_stated", packet="dev-901")
    report = agreement(A + [other], B)
    s = report.summary()
    assert (s["packets"], s["matched_spans"], s["only_a"], s["only_b"]) == (1, 5, 1, 2)
    # assertions: present, present, possible, negated agree; family vs present does not
    assert s["assertion_agreement"] == 0.8
    assert s["assertion_kappa"] == pytest.approx(cohen_kappa(report.assertion_pairs), abs=1e-3)
    assert report.verdict_pairs == [("inconclusive", "conclusive")]
    assert s["verdict_kappa"] == 0.0


def test_agreement_command(tmp_path: Path) -> None:
    packets = tmp_path / "packets"
    packets.mkdir()
    (packets / "dev-900.txt").write_text(TEXT, encoding="utf-8")
    write_gold(A, tmp_path / "a")
    write_gold(B, tmp_path / "b")
    result = CliRunner().invoke(app, ["annotations", "agreement", str(tmp_path / "a"), str(tmp_path / "b"),
                                      "--packets", str(packets), "--confusion"])
    assert result.exit_code == 0, result.output
    assert "matched_spans=5" in result.output and "assertion_agreement=0.8" in result.output
    assert "assertion family / present: 1" in result.output
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "dev-901.jsonl").write_text("", encoding="utf-8")
    (packets / "dev-901.txt").write_text("x\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["annotations", "agreement", str(tmp_path / "a"), str(tmp_path / "c"),
                                      "--packets", str(packets)])
    assert result.exit_code == 2 and "share no packet" in result.output
