"""The dev corpus as received faxes: image-only pages at 200 dpi, skewed, speckled, a header on every page.

Every packet must reach the same decisions through OCR as from its text; evidence on a scanned page must sit
where the words are on the page image. As standard-mode faxes (204 x 98 dpi), at least STANDARD_MODE_FLOOR of the
packets must (the issue's target, 95%; docs/measurements.md has the figure). Character error rates are printed.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from pipeline.contracts import ScreeningResult, TextSource, TriState
from pipeline.corpus.annotations import load_corpus
from pipeline.corpus.cer import character_error_rate, ocr_text_without_transmission
from pipeline.corpus.evaluation import render_fax
from pipeline.corpus.fax import STANDARD, FaxSettings
from pipeline.ingest import IngestedDocument, IngestLimits, load_document
from pipeline.ingest.ocr import ocr_available

REPO = Path(__file__).resolve().parents[1]
DEV = load_corpus(REPO / "annotations" / "packets", splits=["dev"])

STANDARD_MODE_FLOOR = 0.95
"""Share of dev packets whose standard-mode fax must reach the text version's decisions (measured 43 / 45; the
two that differ pend where the text version approves or pends for another reason, docs/measurements.md)."""

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not ocr_available(), reason="tesseract is not installed (make test installs it)")]


def _ingest(path: str) -> IngestedDocument:
    return load_document(path, limits=IngestLimits(ocr_threads=1))  # one page at a time: a process per core


def _read_faxes(out: Path, settings: FaxSettings | None = None) -> dict[str, IngestedDocument]:
    paths = [str(render_fax(p.text_path, out, seed=i, settings=settings)) for i, p in enumerate(DEV)]
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 2) as pool:  # OCR is per page CPU work
        docs = list(pool.map(_ingest, paths))
    return {p.id: d for p, d in zip(DEV, docs, strict=True)}


@pytest.fixture(scope="module")
def faxed(tmp_path_factory) -> dict[str, IngestedDocument]:  # type: ignore[no-untyped-def]
    return _read_faxes(tmp_path_factory.mktemp("fax"))


@pytest.fixture(scope="module")
def fax_records(screener, faxed) -> dict[str, ScreeningResult]:  # type: ignore[no-untyped-def]
    return {pid: screener.screen_document(doc) for pid, doc in faxed.items()}


@pytest.fixture(scope="module")
def text_records(screener) -> dict[str, ScreeningResult]:  # type: ignore[no-untyped-def]
    records = list(screener.screen(p.text_path for p in DEV))
    return {p.id: r for p, r in zip(DEV, records, strict=True)}  # type: ignore[misc]


@pytest.mark.parametrize("packet", DEV, ids=[p.id for p in DEV])
def test_fax_reaches_the_same_decisions_as_text(packet, fax_records, text_records):  # type: ignore[no-untyped-def]
    fax = fax_records[packet.id]
    assert all(page.source is TextSource.OCR for page in fax.document.pages)
    got = [(d.payer, d.decision.value, d.outcome.value) for d in fax.determinations]
    want = [(d.payer, d.decision.value, d.outcome.value) for d in text_records[packet.id].determinations]
    assert got == want


def test_character_error_rate(faxed):  # type: ignore[no-untyped-def]
    # both sides without fax transmission lines: the source packets carry their own, the simulation adds one
    rates = {p.id: character_error_rate(ocr_text_without_transmission(load_document(p.text_path)),
                                        ocr_text_without_transmission(faxed[p.id])) for p in DEV}
    mean = sum(rates.values()) / len(rates)
    confidences = [pg.ocr_confidence for d in faxed.values() for pg in d.info.pages if pg.ocr_confidence]
    print(f"\nfax CER: mean {mean:.4f}, worst {max(rates.values()):.4f}; "
          f"OCR confidence mean {sum(confidences) / len(confidences):.1f}, min {min(confidences):.1f}")
    assert mean < 0.05  # a fine-mode fax reads at a few percent CER; far worse means OCR is broken


def test_standard_mode_faxes_reach_the_same_decisions(screener, text_records, tmp_path):  # type: ignore[no-untyped-def]
    """Standard mode (204 x 98 dpi), read at its own resolution with square pixels: no fewer packets agree than
    the floor."""
    faxed = _read_faxes(tmp_path, STANDARD)
    differing = []
    for packet in DEV:
        record = screener.screen_document(faxed[packet.id])
        got = [(d.payer, d.decision.value, d.outcome.value) for d in record.determinations]
        want = [(d.payer, d.decision.value, d.outcome.value) for d in text_records[packet.id].determinations]
        if got != want:
            differing.append(packet.id)
    rates = [character_error_rate(ocr_text_without_transmission(load_document(p.text_path)),
                                  ocr_text_without_transmission(faxed[p.id])) for p in DEV]
    print(f"\nstandard-mode fax: {len(DEV) - len(differing)}/{len(DEV)} packets with the same decisions "
          f"(differing: {differing}); CER mean {sum(rates) / len(rates):.4f}, worst {max(rates):.4f}")
    assert len(DEV) - len(differing) >= STANDARD_MODE_FLOOR * len(DEV), differing


def test_evidence_on_a_scanned_page_sits_on_the_words(faxed, fax_records, tmp_path):  # type: ignore[no-untyped-def]
    """Every box of met-criterion evidence on a faxed page covers ink on that page's image (the words)."""
    import numpy as np
    import pypdfium2 as pdfium

    checked = 0
    for packet in DEV[:8]:
        fax = render_fax(packet.text_path, tmp_path, seed=DEV.index(packet))
        pdf = pdfium.PdfDocument(str(fax))
        images = [np.asarray(pdf[k].render(scale=2).to_pil().convert("L")) for k in range(len(pdf))]
        pdf.close()
        for d in fax_records[packet.id].determinations:
            for c in d.criteria:
                if c.status is not TriState.MET:
                    continue
                for e in c.evidence:
                    assert e.page is not None and e.boxes, f"{packet.id} {c.id}: evidence without a box"
                    for b in e.boxes:
                        img = images[b.page - 1]
                        crop = img[int(b.top * 2):int(b.bottom * 2) + 1, int(b.x0 * 2):int(b.x1 * 2) + 1]
                        assert crop.size and (crop < 128).mean() > 0.08, f"{packet.id} {c.id}: {e.text!r} box is blank"
                        checked += 1
    assert checked > 50


def test_a_poor_fax_pends_and_says_why(screener, tmp_path):  # type: ignore[no-untyped-def]
    """Standard-mode, heavily speckled fax: OCR confidence falls below the limit, so nothing approves alone."""
    from pipeline.corpus.fax import FaxSettings, render_fax_pdf

    packet = next(p for p in DEV if p.expected["highmark-wv"][0] == "approve")
    bad = tmp_path / "poor.pdf"
    render_fax_pdf(packet.text_path.read_text(encoding="utf-8"), bad,
                   settings=FaxSettings(dpi=100, speckle=0.02, dropout=0.12, seed=3))
    record = screener.screen_one(bad)
    assert isinstance(record, ScreeningResult)
    confidences = [p.ocr_confidence for p in record.document.pages]
    assert all(c is not None and c < 80 for c in confidences), confidences
    assert all(d.decision.value == "pend" for d in record.determinations)
    assert any("confidence" in r for d in record.determinations for r in d.reasons)


def test_scanned_packet_from_the_cli_has_boxes_on_its_page():  # type: ignore[no-untyped-def]
    import json
    import subprocess
    import sys

    packet = REPO / "examples" / "scanned-fax-leukodystrophy.pdf"
    res = subprocess.run([sys.executable, "-m", "pipeline.cli", "screen", str(packet), "--format", "json"],
                         capture_output=True, text=True, cwd=REPO, timeout=300)
    assert res.returncode == 0, res.stderr
    record = json.loads(res.stdout)
    assert [p["source"] for p in record["document"]["pages"]] == ["ocr"]
    met = [e for d in record["determinations"] for c in d["criteria"] if c["status"] == "met" for e in c["evidence"]]
    assert met and all(e["page"] == 1 and e["boxes"] and e["boxes"][0]["page"] == 1 for e in met)
    assert any(d["decision"] == "approve" for d in record["determinations"])
