"""Screen the annotated corpus (as text, or rendered to PDF) and measure agreement per split."""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..contracts import ScreeningResult
from ..screen import Screener
from .annotations import CorpusReport, compare, load_corpus

if TYPE_CHECKING:
    from .fax import FaxSettings


def evaluate_corpus(directory: str | Path, *, splits: Iterable[str], pdf: bool = False, fax: bool = False,
                    policy_dir: str | Path = "policies", screener: Screener | None = None) -> dict[str, CorpusReport]:
    """One CorpusReport per split; each packet screened as text, as a text-layer PDF, or as a simulated fax."""
    packets = load_corpus(directory, splits=splits)
    screener = screener or Screener(policy_dir=policy_dir)
    with tempfile.TemporaryDirectory(prefix="prescreen-corpus-") as tmp:
        if fax:
            paths = [render_fax(p.text_path, Path(tmp), seed=i) for i, p in enumerate(packets)]
        elif pdf:
            paths = [render_pdf(p.text_path, Path(tmp)) for p in packets]
        else:
            paths = [p.text_path for p in packets]
        records = list(screener.screen(paths))
    reports: dict[str, CorpusReport] = {}
    for packet, record in zip(packets, records, strict=True):
        if not isinstance(record, ScreeningResult):
            raise ValueError(f"{packet.id}: could not be screened: {record.code} {record.message}")
        reports.setdefault(packet.split, CorpusReport([])).agreements.append(compare(record, packet))
    return reports


def fitting_font_size(text: str) -> float:
    """A monospaced font size at which the text's longest line fits a Letter page (as an EHR's print-to-PDF
    would lay it out), between 6.5 and 9.5 points."""
    longest = max((len(line.expandtabs(8)) for line in text.splitlines()), default=80)
    usable = 612 - 2 * 54  # letter width minus the renderer's margins, in points
    return round(max(6.5, min(9.5, usable / (0.6 * max(longest, 1)) - 0.05)), 2)  # glyphs are 0.6 em wide


def render_pdf(text_path: Path, out_dir: Path) -> Path:
    """The packet as a text-layer PDF (one PDF page per form-feed page)."""
    from .render import render_text_pdf

    text = text_path.read_text(encoding="utf-8")
    target = out_dir / (text_path.stem + ".pdf")
    render_text_pdf(text, target, font_size=fitting_font_size(text))
    return target


def render_fax(text_path: Path, out_dir: Path, *, seed: int = 0, settings: FaxSettings | None = None) -> Path:
    """The packet as a simulated received fax: image-only pages, 200 dpi unless `settings` say otherwise (e.g.
    corpus.fax.STANDARD); `seed` varies the skew and noise (see corpus/fax.py)."""
    from .fax import FaxSettings, render_fax_pdf

    target = out_dir / (text_path.stem + ".fax.pdf")
    settings = dataclasses.replace(settings or FaxSettings(), seed=seed)
    render_fax_pdf(text_path.read_text(encoding="utf-8"), target, settings=settings)
    return target
