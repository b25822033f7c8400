"""Screen the annotated corpus (as text, or rendered to PDF) and measure agreement per split."""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from pathlib import Path

from ..contracts import ScreeningResult
from ..screen import Screener
from .annotations import CorpusReport, compare, load_corpus


def evaluate_corpus(directory: str | Path, *, splits: Iterable[str], pdf: bool = False,
                    policy_dir: str | Path = "policies", screener: Screener | None = None) -> dict[str, CorpusReport]:
    """One CorpusReport per split."""
    packets = load_corpus(directory, splits=splits)
    screener = screener or Screener(policy_dir=policy_dir)
    with tempfile.TemporaryDirectory(prefix="prescreen-corpus-") as tmp:
        paths = [render_pdf(p.text_path, Path(tmp)) if pdf else p.text_path for p in packets]
        records = list(screener.screen(paths))
    reports: dict[str, CorpusReport] = {}
    for packet, record in zip(packets, records, strict=True):
        if not isinstance(record, ScreeningResult):
            raise ValueError(f"{packet.id}: could not be screened: {record.code} {record.message}")
        reports.setdefault(packet.split, CorpusReport([])).agreements.append(compare(record, packet))
    return reports


def render_pdf(text_path: Path, out_dir: Path) -> Path:
    """The packet as a text-layer PDF (one PDF page per form-feed page), in a monospaced font small enough that
    its longest line fits the page, as an EHR's print-to-PDF would lay it out."""
    from .render import render_text_pdf

    text = text_path.read_text(encoding="utf-8")
    longest = max((len(line.expandtabs(8)) for line in text.splitlines()), default=80)
    usable = 612 - 2 * 54  # letter width minus the renderer's margins, in points
    font_size = max(6.5, min(9.5, usable / (0.6 * max(longest, 1)) - 0.05))  # Courier glyphs are 0.6 em wide
    target = out_dir / (text_path.stem + ".pdf")
    render_text_pdf(text, target, font_size=round(font_size, 2))
    return target
