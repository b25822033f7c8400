"""OCR of image-only pages: the embedded image read as sent, square pixels, blank pages, deskew, parallel pages."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from pipeline.batch.local import worker_limits
from pipeline.contracts import TextSource
from pipeline.corpus.cer import character_error_rate
from pipeline.corpus.fax import FINE, STANDARD, FaxSettings, render_fax_pdf
from pipeline.ingest import IngestLimits, TextLayout, isolation, load_document, ocr
from pipeline.ingest.isolation import load_document_isolated

needs_ocr = pytest.mark.skipif(not ocr.ocr_available(), reason="tesserocr or the English model is not installed")

LETTER = (
    "Harbor View Neurology - Consultation\n"
    "Patient: Test Patient Alpha   DOB: 02/14/1970\n"
    "Reason: new left frontal lesion on MRI 09/30/2026 with mild enhancement.\n"
    "Differential: glioma versus demyelination; spectroscopy is requested.\n"
    "Plan: MR spectroscopy of the left frontal lobe, CPT 76390."
)
SECOND = (
    "Medication list: levetiracetam 750 mg twice daily.\n"
    "Allergies: none known. Follow up in two weeks with the results."
)


def _fax(tmp_path: Path, text: str, settings: FaxSettings, name: str = "fax.pdf") -> Path:
    path = tmp_path / name
    render_fax_pdf(text, path, settings=settings, header=None, font_size=11)
    return path


# ------------------------------------------------------------------------------------------- pure helpers


@pytest.mark.parametrize(("size", "dpi_x", "dpi_y", "max_dpi", "want_size", "want_dpi"), [
    ((1734, 1078), 204, 98, 300, (1734, 2244), 204),   # standard mode: rows stretched to square pixels, no more
    ((1734, 2156), 204, 196, 300, (2040, 2640), 240),  # fine mode: enlarged to 240 dpi
    ((2500, 3300), 250, 250, 300, (2500, 3300), 250),  # square at 250 already: the same image
    ((3400, 4400), 400, 400, 300, (2550, 3300), 300),  # finer than 300 dpi: scaled down
    ((850, 1100), 100, 100, 300, (1105, 1430), 130),   # coarse: enlarged by 1.3 at most
    ((1020, 1100), 120, 100, 300, (1020, 1320), 120),  # non-square: the finer axis sets the resolution
    ((1700, 2200), 200, 200, 200, (1700, 2200), 200),  # never above max_dpi
], ids=["standard", "fine", "square", "fine-scan", "coarse", "wide", "capped"])
def test_square_pixels(size, dpi_x, dpi_y, max_dpi, want_size, want_dpi) -> None:  # type: ignore[no-untyped-def]
    page = ocr.PageImage(image=Image.new("L", size, 255), dpi_x=dpi_x, dpi_y=dpi_y)
    image, dpi = ocr.square_pixels(page, max_dpi=max_dpi)
    assert (image.size, dpi) == (want_size, want_dpi)


@pytest.mark.parametrize(("requested", "env", "cores", "want"), [
    (None, "", 2, 2),      # every usable core
    (None, "1", 2, 1),     # capped by the environment
    (3, "", 2, 3),         # an explicit count (a batch engine's share) is taken as given ...
    (3, "2", 8, 2),        # ... and still capped
    (None, "0", 4, 4),     # a cap of 0 or garbage is ignored
    (None, "many", 4, 4),
    (None, "", 1, 1),
], ids=["auto", "env-cap", "explicit", "explicit-capped", "zero-cap", "bad-cap", "one-core"])
def test_ocr_threads(monkeypatch, requested, env, cores, want) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv(ocr.THREADS_ENV, env)
    monkeypatch.setattr(ocr, "usable_cores", lambda: cores)
    assert ocr.ocr_threads(requested) == want


@pytest.mark.parametrize(("cores", "workers", "given", "want"), [
    (2, 1, None, 2),
    (2, 2, None, 1),
    (2, 4, None, 1),  # more workers than cores: still one page at a time each
    (8, 3, None, 2),
    (8, 2, 1, 1),     # set by the caller: kept
], ids=["one-worker", "worker-per-core", "oversubscribed", "uneven", "explicit"])
def test_batch_workers_share_the_cores(monkeypatch, cores, workers, given, want) -> None:  # type: ignore[no-untyped-def]
    import pipeline.batch.local as local

    monkeypatch.setattr(local, "usable_cores", lambda: cores)
    assert worker_limits(IngestLimits(ocr_threads=given), workers).ocr_threads == want


@pytest.mark.parametrize(("threads", "ocr_on", "want"), [
    (1, True, 65),
    (2, True, 125),  # two OCR threads spend processor time twice as fast as the clock
    (2, False, 65),  # no OCR, no threads
], ids=["one-thread", "two-threads", "no-ocr"])
def test_cpu_limit_grows_with_the_ocr_threads(monkeypatch, threads, ocr_on, want) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv(ocr.THREADS_ENV, raising=False)
    limits = IngestLimits(timeout_seconds=60, ocr_threads=threads, ocr=ocr_on)
    assert isolation.cpu_seconds(limits) == want


def _lines_image(angle: float) -> Image.Image:
    image = Image.new("L", (1200, 1500), 255)
    draw = ImageDraw.Draw(image)
    for y in range(150, 1350, 45):
        for x in range(120, 1050, 70):
            draw.rectangle((x, y, x + 50, y + 14), fill=0)  # words on text lines
    return image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)


@pytest.mark.parametrize("angle", [-3.0, -1.2, 0.0, 0.4, 2.5, 4.5])
def test_skew_is_found(angle: float) -> None:
    # a page rotated by `angle` is put straight by rotating it back
    assert ocr.estimate_skew(_lines_image(angle)) == pytest.approx(-angle, abs=0.15)


def test_skew_of_an_empty_image_is_zero() -> None:
    assert ocr.estimate_skew(Image.new("L", (300, 300), 255)) == 0.0


@pytest.mark.parametrize(("marks", "margin", "want"), [
    ([(100, 200, 300, 240)], 10, (90, 190, 310, 250)),                 # one line of text, widened by the margin
    ([(100, 200, 300, 240), (52, 900, 120, 960)], 0, (52, 200, 300, 960)),  # the span of all ink
    ([(4, 4, 40, 32)], 20, (0, 0, 60, 52)),                             # never beyond the image
    ([], 10, (0, 0, 400, 1000)),                                        # no ink: the whole image
    ([(200, 500, 201, 501)], 10, (0, 0, 400, 1000)),                   # a speck is not ink
], ids=["line", "two-blocks", "clipped", "empty", "speck"])
def test_ink_box(marks, margin, want) -> None:  # type: ignore[no-untyped-def]
    image = Image.new("L", (400, 1000), 255)
    draw = ImageDraw.Draw(image)
    for box in marks:
        draw.rectangle((box[0], box[1], box[2] - 1, box[3] - 1), fill=0)
    assert ocr.ink_box(image, margin=margin) == want


def _prepared(rows: list[tuple[int, int]], height: int = 1000, dpi: float = 200.0) -> ocr.PreparedPage:
    """A prepared page whose ink is the listed row ranges (full-width bars), as bands() sees it."""
    image = Image.new("L", (400, height), 255)
    draw = ImageDraw.Draw(image)
    for top, bottom in rows:
        draw.rectangle((20, top, 380, bottom - 1), fill=0)
    return ocr.PreparedPage(source=ocr.PageImage(image=image, dpi_x=dpi, dpi_y=dpi), image=image, dpi=dpi,
                            angle=0.0, offset=(0, 0), size=image.size)


_TEXT_LINES = [(y, y + 20) for y in range(40, 920, 40)]  # 22 lines 20 px high, 20 px apart (0.1 inch at 200 dpi)


@pytest.mark.parametrize(("rows", "parts", "want"), [
    (_TEXT_LINES, 2, [(0, 470), (470, 1000)]),            # in the middle of the gap after the 11th line: half the ink
    (_TEXT_LINES, 3, [(0, 310), (310, 630), (630, 1000)]),  # after the 7th and the 15th: nearest a third each
    (_TEXT_LINES, 1, [(0, 1000)]),                         # one band asked: the whole page
    ([(40, 960)], 2, [(0, 1000)]),                        # one solid block (a picture): no gap, no cut
    ([(40, 60), (70, 960)], 2, [(0, 1000)]),              # the only gap is far from the middle of the ink
    ([(y, y + 20) for y in range(40, 960, 23)], 2, [(0, 1000)]),  # gaps of 3 px: narrower than a line gap
    ([], 2, [(0, 1000)]),                                 # no ink
    ([(100, 400), (420, 440), (600, 950)], 2, [(0, 520), (520, 1000)]),  # the gap nearer half the ink
], ids=["two", "three", "one", "solid", "gap-at-the-top", "narrow-gaps", "empty", "wide-gap"])
def test_bands_are_cut_between_text_lines(rows, parts, want) -> None:  # type: ignore[no-untyped-def]
    assert ocr.bands(_prepared(rows), parts) == want


@pytest.mark.parametrize(("draw", "blank"), [
    ("nothing", True),
    ("specks", True),             # fax line noise alone
    ("one-short-line", False),    # a page that says only "continued" is read
    ("text-page", False),
], ids=lambda v: str(v))
def test_blank_pages_by_image_statistics(draw: str, blank: bool) -> None:
    rng = np.random.default_rng(7)
    pixels = np.full((2244, 1734), 255, dtype=np.uint8)
    if draw == "specks":
        pixels[rng.random(pixels.shape) < 0.002] = 0
    elif draw == "one-short-line":
        pixels[300:322, 200:520:3] = 0
        pixels[300:322, 201:520:3] = 0
    elif draw == "text-page":
        for top in range(200, 2000, 40):
            pixels[top:top + 18, 150:1600][rng.random((18, 1450)) < 0.3] = 0
    assert ocr.is_blank(Image.fromarray(pixels)) is blank


@pytest.mark.parametrize(("appends"), [
    [("a", 1, (0, 0, 1, 1)), ("\n", 1, None), ("b", 1, (0, 2, 1, 3))],
    [("\n", None, None), ("x", 2, (1, 1, 2, 2))],              # starts outside any page
    [("a", 1, (0, 0, 1, 1)), ("\f", None, None), ("b", 2, None)],
    [],
], ids=["one-page", "leading-break", "two-pages", "empty"])
def test_layout_extend_is_appending(appends) -> None:  # type: ignore[no-untyped-def]
    head = [("h", 1, (5, 5, 6, 6)), ("\n", 1, None)]

    def build(layout: TextLayout, items) -> None:  # type: ignore[no-untyped-def]
        for ch, page, box in items:
            if ch == "\n":
                layout.append_break(page)
            else:
                layout.append(page, box)

    whole, first, second = TextLayout(), TextLayout(), TextLayout()
    build(whole, head + appends)
    build(first, head)
    build(second, appends)
    first.extend(second)
    assert first == whole


def test_layout_extend_without_boxes() -> None:
    merged = TextLayout.without_boxes(3, [(1, 0, 3)])
    merged.extend(TextLayout.without_boxes(2, [(2, 0, 2)]))
    assert merged == TextLayout.without_boxes(5, [(1, 0, 3), (2, 3, 5)]) and not merged.has_boxes


# ----------------------------------------------------------------------------------------- page images


def test_a_faxed_page_is_read_from_its_image(tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    path = _fax(tmp_path, LETTER, STANDARD)
    pdf = pdfium.PdfDocument(str(path))
    try:
        page = ocr.page_image(pdf, 0, dpi=300, max_pixels=40_000_000, name="fax.pdf")
    finally:
        pdf.close()
    assert page.embedded and (round(page.dpi_x), round(page.dpi_y)) == (204, 98)
    assert page.image.size == (1734, 1078)


def test_a_page_with_text_or_a_partial_image_is_rendered(tmp_path: Path, render_pdf) -> None:  # type: ignore[no-untyped-def]
    import pypdfium2 as pdfium

    partial = tmp_path / "partial.pdf"
    stamp = Image.new("L", (400, 200), 0)
    stamp.save(partial, "PDF", resolution=200.0)  # a 2 x 1 inch image alone on a 2 x 1 inch page ...
    pdf = pdfium.PdfDocument(str(partial))
    pdf[0].set_mediabox(0, 0, 612, 792)          # ... now on a letter page: most of it is margin
    pdf.save(str(partial.with_suffix(".letter.pdf")))
    pdf.close()
    for path in (partial.with_suffix(".letter.pdf"), render_pdf(LETTER)):
        pdf = pdfium.PdfDocument(str(path))
        try:
            page = ocr.page_image(pdf, 0, dpi=150, max_pixels=40_000_000, name=path.name)
        finally:
            pdf.close()
        assert not page.embedded and (page.dpi_x, page.dpi_y) == (150, 150)
        assert page.image.size == pytest.approx((612 * 150 / 72, 792 * 150 / 72), abs=1)


def test_an_oversized_embedded_image_is_refused_before_decoding(tmp_path: Path) -> None:
    from pipeline.errors import ErrorCode, PipelineError

    path = _fax(tmp_path, LETTER, FINE)
    with pytest.raises(PipelineError) as err:
        load_document(path, limits=IngestLimits(max_page_pixels=1_000_000))
    assert err.value.code is ErrorCode.E113_IMAGE_TOO_LARGE


# --------------------------------------------------------------------------------------------- end to end


@needs_ocr
@pytest.mark.parametrize("settings", [FINE, STANDARD], ids=["fine", "standard"])
def test_fax_modes_are_read(tmp_path: Path, settings: FaxSettings) -> None:
    doc = load_document(_fax(tmp_path, LETTER, settings))
    assert [p.source for p in doc.info.pages] == [TextSource.OCR]
    assert character_error_rate(LETTER, doc.text) < 0.03
    # each word's box sits on the page, and "76390" is where the last line is
    start = doc.text.index("76390")
    (box,) = doc.layout.boxes_for(start, start + 5)
    assert 0 <= box.x0 < box.x1 <= 612 and 0 <= box.top < box.bottom <= 792
    assert box.top > doc.layout.boxes_for(0, 5)[0].bottom  # below the title line


@needs_ocr
def test_blank_page_is_skipped_and_recorded(tmp_path: Path) -> None:
    path = _fax(tmp_path, "\f".join([LETTER, "", SECOND]), STANDARD)
    doc = load_document(path)
    sources = [p.source for p in doc.info.pages]
    assert sources == [TextSource.OCR, TextSource.BLANK, TextSource.OCR]
    blank = doc.info.pages[1]
    assert blank.start == blank.end and blank.ocr_confidence is None
    assert "levetiracetam" in doc.text[doc.info.pages[2].start:]


@needs_ocr
def test_all_blank_fax_is_no_text(tmp_path: Path) -> None:
    from pipeline.errors import ErrorCode, PipelineError

    path = _fax(tmp_path, "\f".join(["", ""]), FINE)
    with pytest.raises(PipelineError) as err:
        load_document(path)
    assert err.value.code is ErrorCode.E108_NO_TEXT


@needs_ocr
def test_parallel_pages_give_identical_results(tmp_path: Path) -> None:
    pages = [LETTER, SECOND, LETTER.upper(), "", SECOND.replace("two", "three")]
    path = _fax(tmp_path, "\f".join(pages), dataclasses.replace(STANDARD, seed=5))
    docs = [load_document(path, limits=IngestLimits(ocr_threads=n)) for n in (1, 2, 3)]
    for other in docs[1:]:
        assert other.text == docs[0].text
        assert other.layout == docs[0].layout
        assert other.info == docs[0].info
    assert docs[0].info.pages[3].source is TextSource.BLANK


@needs_ocr
@pytest.mark.parametrize("settings", [FINE, STANDARD], ids=["fine", "standard"])
def test_a_page_read_in_bands_reads_like_the_whole_page(tmp_path: Path, settings: FaxSettings) -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(_fax(tmp_path, LETTER + "\n" + SECOND, settings)))
    try:
        image = ocr.page_image(pdf, 0, dpi=300, max_pixels=40_000_000, name="fax.pdf")
    finally:
        pdf.close()
    whole, halves = ocr.read_page(image), ocr.read_page(image, parts=2)
    top = [w for w in halves.words if w.line[0] < ocr.BAND_BLOCKS]
    bottom = [w for w in halves.words if w.line[0] >= ocr.BAND_BLOCKS]
    assert top and bottom  # the page was cut
    def middle(words: list[ocr.OcrWord]) -> float:
        return sum(w.box[1] + w.box[3] for w in words) / (2 * len(words))

    last_top = [w for w in top if w.line == top[-1].line]
    first_bottom = [w for w in bottom if w.line == bottom[0].line]
    assert middle(last_top) + 5 < middle(first_bottom)  # boxes of the bottom band are moved below the cut
    whole_text, halves_text = ("\n".join(" ".join(w.text for w in line) for line in page.lines())
                               for page in (whole, halves))
    assert halves_text.count("\n") == whole_text.count("\n")  # the same lines, in order; Tesseract binarises
    assert character_error_rate(whole_text, halves_text) < 0.01  # each band on its own, so a letter may differ
    assert character_error_rate(LETTER + "\n" + SECOND, halves_text) < 0.03


@needs_ocr
def test_parallel_pages_inside_the_isolated_reader(tmp_path: Path) -> None:
    path = _fax(tmp_path, "\f".join([LETTER, SECOND, LETTER]), FINE)
    inside = load_document_isolated(path, limits=IngestLimits(ocr_threads=2, timeout_seconds=120))
    assert inside.text == load_document(path, limits=IngestLimits(ocr_threads=1)).text
