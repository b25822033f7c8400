"""OCR for pages without a usable text layer: the page image in, words with boxes in PDF points out.

A page that is one embedded image (a received fax) is read from that image as sent, not re-rendered; other
pages are rendered by pypdfium2. Non-square pixels (a standard-mode fax is 204 x 98 dpi) are made square at the
image's higher resolution before anything else. A blank page is recognised from image statistics and never
reaches Tesseract. Clean-up is a 3x3 median filter (speckle) and a deskew found by projection profiles (the
rotation bilinear); Tesseract reads the part of the page that has ink through its C++ API (tesserocr), one engine
per thread; word boxes are rotated back to the page
as received, so evidence boxes land on the page image a reviewer sees. The choices are measured in
docs/measurements.md (`python -m pipeline.bench_ocr`).
"""

from __future__ import annotations

import glob
import math
import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from pipeline.errors import ErrorCode, PipelineError

SKEW_RANGE_DEGREES = 5.0
PAGE_SEGMENTATION = 6
"""Tesseract's page segmentation mode: one uniform block of text (measured: lower CER on faxed forms and
letters than mode 4, a single column of text of variable sizes, and faster)."""
BLANK_INK_FRACTION = 0.0005
"""A page whose despeckled image has less ink than this fraction of its area is blank (not read)."""
MAX_IMAGE_DPI = 300
"""An embedded image finer than this is scaled down to it (Tesseract gains nothing above 300 dpi)."""
READ_DPI = 240
UPSAMPLE_AT_MOST = 1.3
"""An image with square pixels coarser than READ_DPI is enlarged towards it, by UPSAMPLE_AT_MOST at most: a fine-mode
fax (204 x 196) is read at 240 dpi. Against the fax's own 204 dpi this lowered the character error rate on dev faxes
(8 packets: 1.66% -> 1.54%); against 250 dpi it costs 4% less recognition time for the same error rate within
noise (8 packets 1.54% vs 1.55%, 16 packets 1.76% vs 1.74%); 230 dpi read worse (1.58%, 1.80%). A standard-mode fax
(204 x 98) is read at 204 dpi: enlarging its doubled rows further raised the error rate (300 dpi: 2.6% -> 3.3%)."""
CROP_MARGIN_INCHES = 0.1
"""Tesseract reads only the part of the cleaned page that has ink, with this margin: blank margins and the empty
rest of a short page cost layout analysis time and hold no text (7% less recognition time on fine-mode dev faxes)."""
TAIL_BANDS = 2
"""A document's last OCR page is read as this many bands of text lines (cut at blank gaps), so that a second
thread has work while the first reads the last page: a 15-page fax on two threads then ends after 7.5 pages'
time, not 8. The cut is the same at any thread count, so the text does not depend on the threads."""
BAND_GAP_INCHES = 0.03
"""A cut between bands lies in a blank gap between text lines at least this high."""
BAND_SEARCH = 0.5
"""A cut lies where the ink above it is within this share around its even split (for 2 bands: 25%-75%)."""
BAND_BLOCKS = 1000
"""Tesseract's block numbers of band i are offset by i * BAND_BLOCKS, so lines of different bands never merge."""
THREADS_ENV = "PRESCREEN_OCR_THREADS"
"""Environment setting that caps the pages read in parallel (default: every core this process may use)."""
TESSDATA_GLOBS = ("/usr/share/tesseract-ocr/*/tessdata", "/usr/share/tessdata", "/usr/local/share/tessdata")
"""Where Debian's tesseract-ocr-eng (and other installs) put eng.traineddata; TESSDATA_PREFIX comes first."""


@dataclass
class OcrStats:
    """Pages read and seconds spent in OCR by this process (for benchmarks).

    `seconds` is the time of every page's clean-up and recognition added up (CPU-seconds of work when pages
    run in parallel); `blank` counts pages found blank and skipped.
    """

    pages: int = 0
    seconds: float = 0.0
    blank: int = 0


STATS = OcrStats()
_STATS_LOCK = threading.Lock()


@dataclass(frozen=True)
class OcrWord:
    text: str
    confidence: float
    box: tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points (page as received)
    line: tuple[int, int, int]  # (block, paragraph, line) as Tesseract numbered them


@dataclass(frozen=True)
class OcrPage:
    words: list[OcrWord]
    confidence: float | None  # mean word confidence, 0-100; None when nothing was read
    skew_degrees: float
    blank: bool = False  # the image had no ink beyond specks: not read

    def lines(self) -> Iterator[list[OcrWord]]:
        current: list[OcrWord] = []
        for word in self.words:
            if current and word.line != current[-1].line:
                yield current
                current = []
            current.append(word)
        if current:
            yield current


@dataclass(frozen=True)
class PageImage:
    """A page as pixels: greyscale image, its horizontal and vertical resolution, and where it sits on the page.

    `left`, `top`: the image's top-left corner in PDF points from the page's top-left corner; `embedded`: the
    pixels are the page's own image (not a rendering).
    """

    image: Any
    dpi_x: float
    dpi_y: float
    left: float = 0.0
    top: float = 0.0
    embedded: bool = False


@cache
def tessdata_dir() -> str | None:
    """The folder holding eng.traineddata (TESSDATA_PREFIX, else the Debian package's), None when none is."""
    candidates = [os.environ.get("TESSDATA_PREFIX", "")]
    for pattern in TESSDATA_GLOBS:
        candidates.extend(sorted(glob.glob(pattern), reverse=True))
    for folder in candidates:
        if folder and os.path.isfile(os.path.join(folder, "eng.traineddata")):
            return folder
    return None


@cache
def ocr_available() -> bool:
    """True when the tesserocr binding and the English model (Debian tesseract-ocr-eng) are installed."""
    try:
        import tesserocr  # noqa: F401
    except ImportError:
        return False
    return tessdata_dir() is not None


def usable_cores() -> int:
    """Cores this process may run on (its CPU affinity), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def ocr_threads(requested: int | None = None) -> int:
    """Pages to read in parallel: `requested`, else every usable core; capped by PRESCREEN_OCR_THREADS."""
    threads = requested if requested is not None else usable_cores()
    cap = os.environ.get(THREADS_ENV, "").strip()
    if cap.isdigit() and int(cap) > 0:
        threads = min(threads, int(cap))
    return max(1, threads)


def page_image(pdf: Any, index: int, *, dpi: int, max_pixels: int, name: str) -> PageImage:
    """Page `index` of a pypdfium2 document as pixels: its one image as sent, else rendered at `dpi`.

    E113 when the page would need more than `max_pixels` pixels (checked before any pixel is decoded).
    """
    page = pdf[index]
    try:
        single = _single_image(page)
        if single is not None:
            obj, left, top, width_pt, height_pt = single
            px_w, px_h = obj.get_px_size()
            _check_pixels(px_w * px_h, index, max_pixels, name)
            image = obj.get_bitmap(render=False).to_pil().convert("L")
            return PageImage(image=image, dpi_x=image.width * 72 / width_pt, dpi_y=image.height * 72 / height_pt,
                             left=left, top=top, embedded=True)
        width, height = page.get_size()
        _check_pixels((width * dpi / 72) * (height * dpi / 72), index, max_pixels, name)
        image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
        return PageImage(image=image, dpi_x=dpi, dpi_y=dpi)
    finally:
        page.close()


def _check_pixels(pixels: float, index: int, max_pixels: int, name: str) -> None:
    if pixels > max_pixels:
        raise PipelineError(
            ErrorCode.E113_IMAGE_TOO_LARGE,
            f"{name}: page {index + 1} would need {pixels / 1e6:.0f} million pixels to read, more than the "
            f"limit of {max_pixels / 1e6:.0f} million",
        )


def _single_image(page: Any) -> tuple[Any, float, float, float, float] | None:
    """(image object, left, top, width, height in points) when the page is one upright image covering it."""
    import pypdfium2.raw as pdfium_c

    if page.get_rotation() % 360:
        return None
    objects = list(page.get_objects(max_depth=2))
    if len(objects) != 1 or objects[0].type != pdfium_c.FPDF_PAGEOBJ_IMAGE:
        return None
    obj = objects[0]
    m = obj.get_matrix()
    if abs(m.b) > 1e-6 or abs(m.c) > 1e-6 or m.a <= 0 or m.d <= 0:
        return None  # rotated or mirrored placement: render the page instead
    box_left, box_bottom, box_right, box_top = page.get_mediabox()
    page_w, page_h = box_right - box_left, box_top - box_bottom
    if page_w <= 0 or page_h <= 0 or m.a * m.d < 0.9 * page_w * page_h:
        return None  # an image on part of the page: render the page, margins and all
    return obj, m.e - box_left, box_top - (m.f + m.d), m.a, m.d


def read_resolution(dpi_x: float, dpi_y: float, *, max_dpi: int = MAX_IMAGE_DPI) -> float:
    """The resolution an image is read at: its finer axis, enlarged towards READ_DPI when its pixels are square
    (by UPSAMPLE_AT_MOST at most), never above `max_dpi`."""
    finer, coarser = max(dpi_x, dpi_y), min(dpi_x, dpi_y)
    target = finer
    if coarser >= 0.9 * finer and finer < READ_DPI:
        target = min(READ_DPI, finer * UPSAMPLE_AT_MOST)
    return min(target, max_dpi)


def square_pixels(page: PageImage, *, max_dpi: int = MAX_IMAGE_DPI) -> tuple[Any, float]:
    """The image with square pixels at its reading resolution (read_resolution), and that resolution.

    A standard-mode fax (204 x 98 dpi) is stretched to 204 x 204 with bilinear interpolation, which gives
    Tesseract grey edges to binarise rather than doubled rows; a fine-mode fax is enlarged to 240 dpi.
    """
    from PIL import Image

    target = read_resolution(page.dpi_x, page.dpi_y, max_dpi=max_dpi)
    width = max(1, round(page.image.width * target / page.dpi_x))
    height = max(1, round(page.image.height * target / page.dpi_y))
    if (width, height) == page.image.size:
        return page.image, target
    return page.image.resize((width, height), Image.Resampling.BILINEAR), target


def ink_fraction(image: Any) -> float:
    """Share of the page that is ink, ignoring isolated specks: 2x2 blocks at least half dark."""
    import numpy as np

    small = np.asarray(image.reduce(2))
    return float((small < 128).mean()) if small.size else 0.0


def is_blank(image: Any) -> bool:
    """True when the page shows nothing but specks (BLANK_INK_FRACTION)."""
    return ink_fraction(image) < BLANK_INK_FRACTION


def ink_box(image: Any, *, margin: int) -> tuple[int, int, int, int]:
    """The part of the page that has ink (left, top, right, bottom), widened by `margin` pixels: 4 x 4 blocks at
    least half dark, so what the median filter left of speckle does not count. The whole image when it has none."""
    import numpy as np

    small = np.asarray(image.reduce(4)) < 128
    rows, cols = np.flatnonzero(small.any(axis=1)), np.flatnonzero(small.any(axis=0))
    if not len(rows):
        return 0, 0, image.width, image.height
    return (max(0, int(cols[0]) * 4 - margin), max(0, int(rows[0]) * 4 - margin),
            min(image.width, int(cols[-1]) * 4 + 4 + margin), min(image.height, int(rows[-1]) * 4 + 4 + margin))


def clean(image: Any) -> tuple[Any, float]:
    """Despeckle (3x3 median) and deskew; returns the cleaned image and the rotation applied (degrees).

    The rotation interpolates bilinearly: half the time of bicubic on a fine-mode page at the same error rate.
    """
    from PIL import Image, ImageFilter

    image = image.filter(ImageFilter.MedianFilter(3))
    angle = estimate_skew(image)
    if abs(angle) >= 0.1:
        image = image.rotate(angle, resample=Image.Resampling.BILINEAR, expand=False, fillcolor=255)
    return image, angle


def estimate_skew(image: Any) -> float:
    """The rotation (degrees) that makes text lines horizontal: maximise the variance of row ink sums.

    The ink pixels of a reduced copy are projected onto rows for each candidate angle (0.5 degree steps within
    +/-SKEW_RANGE_DEGREES, then 0.1 degree steps around the best), a histogram per angle rather than a rotated
    image per angle.
    """
    import numpy as np

    small = image.copy()
    small.thumbnail((900, 900))
    ys, xs = np.nonzero(np.asarray(small) < 160)
    if len(xs) == 0:
        return 0.0
    cx, cy = small.width / 2, small.height / 2
    dx, dy = xs - cx, ys - cy
    size = int(math.hypot(small.width, small.height)) + 2

    def score(angle: float) -> float:
        # PIL's rotate(angle) turns the image counter-clockwise: a point's new row is cy + dy*cos - dx*sin
        theta = math.radians(angle)
        rows = np.floor(dy * math.cos(theta) - dx * math.sin(theta) + size / 2).astype(np.int64)
        return float(np.var(np.bincount(rows, minlength=size)))

    best = max((a / 2 for a in range(int(-2 * SKEW_RANGE_DEGREES), int(2 * SKEW_RANGE_DEGREES) + 1)), key=score)
    fine = [round(best + d / 10, 1) for d in range(-5, 6)]
    return max(fine, key=score)


class _Engines(threading.local):
    """One Tesseract engine per thread (the API is not thread-safe), made again in a forked child."""

    api: Any = None
    pid: int = 0


_ENGINES = _Engines()


def _engine() -> Any:
    import tesserocr

    if _ENGINES.api is None or _ENGINES.pid != os.getpid():
        folder = tessdata_dir()
        if folder is None:
            raise RuntimeError("Tesseract's English model is not installed (Debian package tesseract-ocr-eng)")
        _ENGINES.api = tesserocr.PyTessBaseAPI(path=folder + os.sep, lang="eng", psm=PAGE_SEGMENTATION,
                                               oem=tesserocr.OEM.LSTM_ONLY)
        _ENGINES.pid = os.getpid()
    return _ENGINES.api


@dataclass(frozen=True)
class PreparedPage:
    """A page cleaned and cropped for recognition: `image` is the inked part of the deskewed page."""

    source: PageImage
    image: Any
    dpi: float
    angle: float  # the deskew rotation applied (degrees)
    offset: tuple[int, int]  # the crop's top-left corner on the cleaned image
    size: tuple[int, int]  # the cleaned image's size (the rotation's centre is its middle)


def prepare_page(page: PageImage) -> PreparedPage | OcrPage:
    """Square pixels, blank check, clean-up and crop; a blank page comes back as its (empty) OcrPage."""
    started = time.perf_counter()
    image, dpi = square_pixels(page)
    if is_blank(image):
        with _STATS_LOCK:
            STATS.blank += 1
            STATS.seconds += time.perf_counter() - started
        return OcrPage(words=[], confidence=None, skew_degrees=0.0, blank=True)
    cleaned, angle = clean(image)
    x_off, y_off, x_end, y_end = ink_box(cleaned, margin=round(dpi * CROP_MARGIN_INCHES))
    cropped = (cleaned.crop((x_off, y_off, x_end, y_end)) if (x_end - x_off, y_end - y_off) != cleaned.size
               else cleaned)
    with _STATS_LOCK:
        STATS.seconds += time.perf_counter() - started
    return PreparedPage(source=page, image=cropped, dpi=dpi, angle=angle, offset=(x_off, y_off),
                        size=cleaned.size)


def bands(prepared: PreparedPage, parts: int) -> list[tuple[int, int]]:
    """Row ranges that cut the prepared page into `parts` bands of about equal ink, each cut in the middle of a
    blank gap between text lines (BAND_GAP_INCHES at least) found in the middle BAND_SEARCH share of the page;
    the whole page as one band where no such gap is."""
    import numpy as np

    height = prepared.image.height
    if parts < 2:
        return [(0, height)]
    rows = (np.asarray(prepared.image.reduce(2)) < 128).sum(axis=1).astype(float)
    total = rows.sum()
    if total <= 0:
        return [(0, height)]
    ink_before = np.cumsum(rows) / total
    empty = rows == 0
    min_run = max(1, round(prepared.dpi * BAND_GAP_INCHES / 2))
    gaps: list[tuple[int, float]] = []  # (middle row in reduced pixels, ink share above it)
    start = None
    for i, is_empty in enumerate([*empty.tolist(), False]):
        if is_empty and start is None:
            start = i
        elif not is_empty and start is not None:
            if i - start >= min_run:
                middle = (start + i) // 2
                gaps.append((middle, float(ink_before[middle])))
            start = None
    cuts: list[int] = []
    window = BAND_SEARCH / (2 * (parts - 1))
    for k in range(1, parts):
        target = k / parts
        candidates = [g for g in gaps if abs(g[1] - target) <= window and (not cuts or g[0] * 2 > cuts[-1])]
        if not candidates:
            return [(0, height)]
        cuts.append(min(candidates, key=lambda g: abs(g[1] - target))[0] * 2)
    edges = [0, *cuts, height]
    return [(edges[i], edges[i + 1]) for i in range(len(edges) - 1)]


def recognize(prepared: PreparedPage, band: tuple[int, int] | None = None, part: int = 0) -> list[OcrWord]:
    """Tesseract's words in `band` (rows of the prepared image; None: all of it), boxes in PDF points of the page
    as received; line numbers of band `part` are kept apart from other bands' (block + part * BAND_BLOCKS)."""
    started = time.perf_counter()
    top, bottom = band if band is not None else (0, prepared.image.height)
    image = prepared.image if (top, bottom) == (0, prepared.image.height) else prepared.image.crop(
        (0, top, prepared.image.width, bottom))
    api = _engine()
    api.SetImage(image)
    api.SetSourceResolution(round(prepared.dpi))
    api.Recognize()
    tsv = api.GetTSVText(0)
    api.Clear()
    page, scale = prepared.source, 72 / prepared.dpi
    cx, cy = prepared.size[0] / 2, prepared.size[1] / 2
    x_off, y_off = prepared.offset[0], prepared.offset[1] + top
    words: list[OcrWord] = []
    for row in tsv.splitlines():
        fields = row.split("\t")
        if len(fields) < 12 or fields[0] != "5":  # level 5: a word
            continue
        text, conf = fields[11].strip(), float(fields[10])
        if not text or conf < 0:
            continue
        block, par, line = int(fields[2]), int(fields[3]), int(fields[4])
        left, top_px, w, h = (int(v) for v in fields[6:10])
        left, top_px = left + x_off, top_px + y_off  # boxes on the band -> on the cleaned image
        box = _unrotate((left, top_px, left + w, top_px + h), prepared.angle, cx, cy)
        words.append(OcrWord(
            text=text,
            confidence=conf,
            box=(page.left + box[0] * scale, page.top + box[1] * scale,
                 page.left + box[2] * scale, page.top + box[3] * scale),
            line=(block + part * BAND_BLOCKS, par, line),
        ))
    with _STATS_LOCK:
        STATS.seconds += time.perf_counter() - started
    return words


def assemble(prepared: PreparedPage, parts: list[list[OcrWord]]) -> OcrPage:
    """One page's OcrPage from the words of its bands, top to bottom."""
    words = [word for part in parts for word in part]
    confidence = sum(w.confidence for w in words) / len(words) if words else None
    with _STATS_LOCK:
        STATS.pages += 1
    return OcrPage(words=words, confidence=confidence, skew_degrees=prepared.angle)


def read_page(page: PageImage, parts: int = 1) -> OcrPage:
    """OCR one page image (in `parts` bands, one after another); boxes are in PDF points of the page as received."""
    prepared = prepare_page(page)
    if isinstance(prepared, OcrPage):
        return prepared
    return assemble(prepared, [recognize(prepared, band, i) for i, band in enumerate(bands(prepared, parts))])


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
