"""Simulate a faxed packet: an image-only PDF at fax resolution, bilevel, slightly skewed, speckled,
with a transmission header on every page. Deterministic for a given seed (tests and benchmarks)."""

from __future__ import annotations

import random
import tempfile
from dataclasses import dataclass
from pathlib import Path

DEFAULT_HEADER = "11/20/2026 09:{minute:02d} FROM: CLINIC FAX 555-0100 TO: UM INTAKE 555-0199 PAGE {page}/{pages}"


@dataclass(frozen=True, kw_only=True)
class FaxSettings:
    """How a simulated fax is sampled and degraded; FINE and STANDARD below are the two ITU-T T.4 modes."""

    dpi: int = 200                 # horizontal resolution; fine and standard mode faxes are 204 dpi across
    vertical_dpi: int | None = None  # None: as `dpi`; fine mode is 196, standard mode 98 (non-square pixels)
    max_skew_degrees: float = 1.5  # each page is rotated by a random angle in [-max, max]
    speckle: float = 0.0015        # fraction of pixels flipped to black (salt) ...
    dropout: float = 0.02          # ... and of black pixels flipped to white (toner/line dropout)
    threshold: int = 150           # grey level below which a pixel prints black
    seed: int = 0


def render_fax_pdf(text: str, out_path: str | Path, *, settings: FaxSettings | None = None,
                   header: str | None = DEFAULT_HEADER, font_size: float | None = None) -> None:
    """Write `text` (pages split by form feeds) as an image-only PDF that looks like a received fax."""
    import numpy as np
    import pypdfium2 as pdfium
    from PIL import Image

    from .evaluation import fitting_font_size
    from .render import render_text_pdf

    s = settings or FaxSettings()
    vertical = s.vertical_dpi or s.dpi
    rng = random.Random(s.seed)
    np_rng = np.random.default_rng(s.seed)
    with tempfile.TemporaryDirectory(prefix="prescreen-fax-") as tmp:
        clean = Path(tmp) / "clean.pdf"
        stamp = header.replace("{minute:02d}", f"{rng.randrange(60):02d}") if header else None
        render_text_pdf(text, clean, font_size=font_size or fitting_font_size(text), fax_header=stamp)
        pdf = pdfium.PdfDocument(str(clean))
        pages: list[Image.Image] = []
        try:
            for i in range(len(pdf)):
                page = pdf[i]
                grey = page.render(scale=s.dpi / 72, grayscale=True).to_pil().convert("L")
                page.close()
                angle = rng.uniform(-s.max_skew_degrees, s.max_skew_degrees)
                grey = grey.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
                if vertical != s.dpi:  # the scanner samples fewer lines per inch: each row averages a band
                    rows = max(1, round(grey.height * vertical / s.dpi))
                    grey = grey.resize((grey.width, rows), Image.Resampling.BOX)
                ink = np.asarray(grey) < s.threshold
                ink ^= (np_rng.random(ink.shape) < s.speckle) & ~ink
                ink &= ~((np_rng.random(ink.shape) < s.dropout) & ink)
                pages.append(Image.fromarray(np.where(ink, 0, 255).astype("uint8")).convert("1"))
        finally:
            pdf.close()
    pages[0].save(out_path, "PDF", save_all=True, append_images=pages[1:], dpi=(float(s.dpi), float(vertical)))


FINE = FaxSettings(dpi=204, vertical_dpi=196)
"""Fine mode: 204 x 196 dpi."""
STANDARD = FaxSettings(dpi=204, vertical_dpi=98)
"""Standard mode: 204 x 98 dpi, half the lines of fine mode; the mode many fax machines send by default."""
