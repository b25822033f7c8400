"""Corrections of the bootstrap counted by kind, and the manifest's reviewed marks."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml

from pipeline.corpus.gold_manifest import compare_packet, update_manifest
from pipeline.learn.gold import GoldSpan, write_gold

TEXT = "Rim-enhancing frontal lesion; no seizures. MRI brain equivocal. Mother had MS.\n"
SHA = hashlib.sha256(TEXT.encode()).hexdigest()


def _s(phrase: str, concept: str, assertion: str = "present", verdict: str | None = None, *,
       origin: str = "pipeline", cut: int = 0) -> GoldSpan:
    start = TEXT.index(phrase) + cut
    end = TEXT.index(phrase) + len(phrase)
    return GoldSpan(packet="dev-900", document_sha256=SHA, start=start, end=end, text=TEXT[start:end],
                    concept=concept, assertion=assertion, verdict=verdict, origin=origin)  # type: ignore[arg-type]


BOOT = [_s("Rim-enhancing frontal lesion", "BRAIN_LESION", cut=3), _s("seizures", "SEIZURE", "negated"),
        _s("MRI brain", "IMAGING", verdict="not_stated"), _s("MS", "MULTIPLE_SCLEROSIS", "family"),
        _s("Rim-enhancing", "IMAGING_SEQUENCE", verdict="not_stated")]


@pytest.mark.parametrize(("gold", "expected", "touched"), [
    (BOOT, {}, 0),
    # boundaries fixed, the sequence dropped, the verdict corrected, an added span
    ([_s("Rim-enhancing frontal lesion", "BRAIN_LESION", origin="corrected"), BOOT[1],
      _s("MRI brain", "IMAGING", verdict="inconclusive", origin="corrected"), BOOT[3],
      _s("frontal lesion", "BRAIN_TUMOR", "possible", origin="added")],
     {"boundaries": 1, "dropped": 1, "verdict": 1, "added": 1}, 4),
    # assertion corrected; a span moved to another concept
    ([BOOT[0], _s("seizures", "SEIZURE", "present", origin="corrected"), BOOT[2], BOOT[3],
      _s("Rim-enhancing frontal", "BRAIN_LESION", origin="corrected")],
     {"assertion": 1, "concept": 1}, 2),
    ([], {"dropped": 5}, 5),
])
def test_compare_packet_counts_kinds(gold: list[GoldSpan], expected: dict[str, int], touched: int) -> None:
    got = compare_packet(BOOT, gold)
    assert {k: v for k, v in got.kinds.items() if v} == expected
    assert got.touched == touched and got.bootstrap == 5 and got.spans == len(gold)


def test_manifest_keeps_reviewed_marks_and_digest(tmp_path: Path) -> None:
    packets = tmp_path / "packets"
    packets.mkdir()
    (packets / "dev-900.txt").write_text(TEXT, encoding="utf-8")
    boot, gold = tmp_path / "boot", tmp_path / "spans"
    write_gold(BOOT, boot)
    write_gold([s for s in BOOT if s.concept != "IMAGING_SEQUENCE"], gold)
    update_manifest(gold, boot, reviewed={"dev-900"})
    update_manifest(gold, boot)
    manifest = yaml.safe_load((gold / "MANIFEST.yaml").read_text(encoding="utf-8"))
    assert manifest["packets"]["dev-900"] == {"reviewed": True, "spans": 4, "corrections": 1, "dropped": 1}
    assert manifest["packets_reviewed"] == 1 and len(manifest["digest"]) == 64
    assert "| dev | 1 | 5 | 4 | 0 | 0 | 0 | 0 | 1 | 0 | 1 |" in (gold / "CORRECTIONS.md").read_text(encoding="utf-8")
