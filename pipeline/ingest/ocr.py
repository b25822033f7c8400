"""OCR for pages without a usable text layer: pypdfium2 renders, Tesseract reads, boxes come back in points.

Tesseract (Debian `tesseract-ocr` + `tesseract-ocr-eng`) is driven through pytesseract, which runs the
`tesseract` program on one image and parses its TSV output: word text, box and confidence. Fax clean-up is a
3x3 median filter (speckle) and a deskew found by projection profiles; word boxes are rotated back to the page
as it was received, so evidence boxes land on the page image a reviewer sees.
"""

from __future__ import annotations

import math
import os
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from pipeline.errors import ErrorCode, PipelineError

SKEW_RANGE_DEGREES = 5.0
TESSERACT_CONFIG = "--oem 1 --psm 4"  # LSTM engine; a single column of text of variable sizes


@dataclass
class OcrStats:
    """Pages read and seconds spent in OCR by this process (for benchmarks)."""

    pages: int = 0
    seconds: float = 0.0


STATS = OcrStats()


@dataclass(frozen=True)
class OcrWord:
    text: str
    confidence: float
    box: tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points (page as rendered)
    line: tuple[int, int, int]  # (block, paragraph, line) as Tesseract numbered them


@dataclass(frozen=True)
class OcrPage:
    words: list[OcrWord]
    confidence: float | None  # mean word confidence, 0-100; None when nothing was read
    skew_degrees: float

    def lines(self) -> Iterator[list[OcrWord]]:
        current: list[OcrWord] = []
        for word in self.words:
            if current and word.line != current[-1].line:
                yield current
                current = []
            current.append(word)
        if current:
            yield current


@cache
def ocr_available() -> bool:
    """True when the tesseract program and the pytesseract binding are installed."""
    if shutil.which("tesseract") is None:
        return False
    try:
        import pytesseract  # noqa: F401
    except ImportError:
        return False
    return True


def render_page(pdf: Any, index: int, *, dpi: int, max_pixels: int, name: str) -> Any:
    """Page `index` of a pypdfium2 document as a greyscale PIL image; E113 if it would exceed max_pixels."""
    page = pdf[index]
    try:
        width, height = page.get_size()
        pixels = (width * dpi / 72) * (height * dpi / 72)
        if pixels > max_pixels:
            raise PipelineError(
                ErrorCode.E113_IMAGE_TOO_LARGE,
                f"{name}: page {index + 1} would need {pixels / 1e6:.0f} million pixels to read, more than the "
                f"limit of {max_pixels / 1e6:.0f} million",
            )
        return page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    finally:
        page.close()


def clean(image: Any) -> tuple[Any, float]:
    """Despeckle (3x3 median) and deskew; returns the cleaned image and the rotation applied (degrees)."""
    from PIL import Image, ImageFilter

    image = image.filter(ImageFilter.MedianFilter(3))
    angle = estimate_skew(image)
    if abs(angle) >= 0.1:
        image = image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    return image, angle


def estimate_skew(image: Any) -> float:
    """The rotation (degrees) that makes text lines horizontal: maximise the variance of row ink sums."""
    import numpy as np
    from PIL import Image

    small = image.copy()
    small.thumbnail((900, 900))
    ink = Image.fromarray(np.where(np.asarray(small) < 160, 255, 0).astype("uint8"))

    def score(angle: float) -> float:
        rows = np.asarray(ink.rotate(angle, resample=Image.Resampling.NEAREST, expand=False, fillcolor=0)).sum(axis=1)
        return float(np.var(rows))

    best = max((a / 2 for a in range(int(-2 * SKEW_RANGE_DEGREES), int(2 * SKEW_RANGE_DEGREES) + 1)), key=score)
    fine = [best + d / 10 for d in range(-5, 6)]
    return max(fine, key=score)


def read_page(image: Any, *, dpi: int) -> OcrPage:
    """OCR one page image (as rendered at `dpi`); boxes are returned in PDF points of the unrotated page."""
    import pytesseract

    # Tesseract's OpenMP threads oversubscribe a busy machine (6 s/page instead of 1.4 s here); parallelism
    # comes from one worker process per core instead.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    started = time.perf_counter()
    cleaned, angle = clean(image)
    data = pytesseract.image_to_data(cleaned, lang="eng", config=TESSERACT_CONFIG,
                                     output_type=pytesseract.Output.DICT)
    width, height = cleaned.size
    cx, cy = width / 2, height / 2
    scale = 72 / dpi
    words: list[OcrWord] = []
    for i, text in enumerate(data["text"]):
        text = (text or "").strip()
        conf = float(data["conf"][i])
        if not text or conf < 0:
            continue
        left, top = data["left"][i], data["top"][i]
        box = _unrotate((left, top, left + data["width"][i], top + data["height"][i]), angle, cx, cy)
        words.append(OcrWord(
            text=text,
            confidence=conf,
            box=(box[0] * scale, box[1] * scale, box[2] * scale, box[3] * scale),
            line=(data["block_num"][i], data["par_num"][i], data["line_num"][i]),
        ))
    confidence = sum(w.confidence for w in words) / len(words) if words else None
    STATS.pages += 1
    STATS.seconds += time.perf_counter() - started
    return OcrPage(words=words, confidence=confidence, skew_degrees=angle)


def _unrotate(box: tuple[float, float, float, float], angle: float, cx: float, cy: float
              ) -> tuple[float, float, float, float]:
    """The bounding box, on the page as received, of a box found on the image rotated by `angle` degrees.

    PIL rotates counter-clockwise for positive angles in image coordinates (y down); undo that rotation.
    """
    if abs(angle) < 1e-9:
        return box
    theta = math.radians(angle)
    cos, sin = math.cos(theta), math.sin(theta)
    xs, ys = [], []
    for x, y in ((box[0], box[1]), (box[2], box[1]), (box[0], box[3]), (box[2], box[3])):
        dx, dy = x - cx, y - cy
        # the rotated image at (x, y) shows the original point rotated back by -angle
        xs.append(cx + dx * cos - dy * sin)
        ys.append(cy + dx * sin + dy * cos)
    return min(xs), min(ys), max(xs), max(ys)
