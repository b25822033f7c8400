"""PDF input: the text layer of every page, each character linked to its box."""

from __future__ import annotations

import io
import itertools
import logging
import statistics
import threading
import unicodedata
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfplumber.page import Page
from pdfplumber.utils.exceptions import PdfminerException

from pipeline.contracts import PageInfo, TextSource
from pipeline.errors import ErrorCode, PipelineError

from .layout import TextLayout
from .ocr import (
    TAIL_BANDS,
    OcrPage,
    OcrWord,
    PageImage,
    assemble,
    bands,
    ocr_available,
    ocr_threads,
    page_image,
    prepare_page,
    read_page,
    recognize,
)

log = logging.getLogger(__name__)

X_TOLERANCE = 3.0
Y_TOLERANCE = 3.0
PAGE_BREAK = "\n\f\n"
"""Joins the text of consecutive pages; the form feed marks the break."""

_SPACE_LIKE = frozenset({"Cc", "Zs", "Zl", "Zp"})
WIDE_GAP = 2
"""A gap between two words of at least this many character widths (rounded) is kept as a run of spaces."""

_Rect = tuple[float, float, float, float]
"""x0, top, x1, bottom in points, top-left origin."""
_Glyph = tuple[str, _Rect | None, _Rect | None]
"""A character of a line: the character, its box for the layout, its extent for measuring gaps (for pdfium the
advance box, for pdfplumber the same box); spaces have neither."""


@dataclass(frozen=True)
class PdfText:
    """The text, page spans and layout extracted from a PDF."""

    text: str
    pages: list[PageInfo]
    layout: TextLayout = field(repr=False)


@dataclass(frozen=True, kw_only=True)
class OcrSettings:
    """When and how pages without a usable text layer are read by OCR (see ocr.py)."""

    enabled: bool = True
    dpi: int = 300  # rendering resolution of pages that are not one embedded image
    min_text_chars: int = 25
    max_page_pixels: int = 40_000_000
    threads: int | None = None  # pages read in parallel; None: every usable core (see ocr.ocr_threads)


def extract_pdf(data: bytes, *, name: str, max_pages: int, ocr: OcrSettings | None = None) -> PdfText:
    """Text of every page of the PDF in `data`; PipelineError E106/E107/E108/E110/E113 on failure.

    Pages whose text layer has fewer than `ocr.min_text_chars` non-space characters are read by OCR.
    `name` (the file name, never content) is used in error messages only.
    """
    ocr = ocr or OcrSettings()
    # pdfminer raises many exception types on malformed input; all of them mean "cannot parse" - unless
    # pdfium, which repairs more damage, can read the file instead.
    try:
        n_pages = _count_pages(data, limit=max_pages + 1)
    except Exception as exc:
        return _recover(exc, data, name=name, max_pages=max_pages, ocr=ocr)
    if n_pages > max_pages:
        raise PipelineError(
            ErrorCode.E110_TOO_MANY_PAGES,
            f"{name} has more than {max_pages} pages, the most one document may have",
        )
    try:
        with io.BytesIO(data) as stream, pdfplumber.open(stream) as pdf:
            result = _extract_pages(pdf, data=data, name=name, ocr=ocr)
    except PipelineError:
        raise
    except Exception as exc:
        return _recover(exc, data, name=name, max_pages=max_pages, ocr=ocr)
    if not result.pages:
        result = _fallback(data, name=name, max_pages=max_pages, ocr=ocr,
                           error=PipelineError(ErrorCode.E108_NO_TEXT, f"{name} is a PDF without any page"))
    if not result.text.strip():
        if ocr.enabled and not ocr_available():
            reason = "and OCR is not installed (Debian packages tesseract-ocr, tesseract-ocr-eng)"
        elif ocr.enabled:
            reason = "and OCR found no text on them"
        else:
            reason = "and OCR is turned off"
        raise PipelineError(ErrorCode.E108_NO_TEXT,
                            f"{name} has no readable text on any of its {len(result.pages)} pages {reason}")
    return result


def _recover(exc: Exception, data: bytes, *, name: str, max_pages: int, ocr: OcrSettings) -> PdfText:
    """pdfminer failed: memory exhaustion propagates (it is not damage), encryption is E106, anything else is
    retried with pdfium before the coded error stands."""
    if _exhausted(exc):
        raise MemoryError from exc
    error = _parse_error(exc, name)
    if error.code is ErrorCode.E106_ENCRYPTED:
        raise error from None
    return _fallback(data, name=name, max_pages=max_pages, ocr=ocr, error=error)


def _exhausted(exc: BaseException) -> bool:
    """MemoryError anywhere in the exception, its arguments (pdfplumber wraps pdfminer's) or its chain."""
    seen: set[int] = set()
    todo: list[object] = [exc]
    while todo:
        e = todo.pop()
        if not isinstance(e, BaseException) or id(e) in seen:
            continue
        seen.add(id(e))
        if isinstance(e, MemoryError):
            return True
        todo.extend([e.__cause__, e.__context__, *e.args])
    return False


def _fallback(data: bytes, *, name: str, max_pages: int, ocr: OcrSettings, error: PipelineError) -> PdfText:
    """Read the PDF with pdfium when pdfminer cannot (broken xref chains, page trees without /Type ...);
    re-raise pdfminer's error when pdfium cannot either."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except Exception:  # pdfium's own error types: the file is beyond repair for it too
        raise error from None
    try:
        if len(pdf) > max_pages:
            raise PipelineError(ErrorCode.E110_TOO_MANY_PAGES,
                                f"{name} has more than {max_pages} pages, the most one document may have")
        if len(pdf) == 0:
            raise error
        log.info("%s: read with pdfium after pdfminer failed (%s)", name, error.code.value)
        try:
            result = _extract_pdfium_pages(pdf, name=name, ocr=ocr)
        except (PipelineError, MemoryError):
            raise
        except Exception:  # a page pdfium cannot load either: the original verdict stands
            raise error from None
    finally:
        pdf.close()
    if not result.text.strip():
        raise PipelineError(ErrorCode.E108_NO_TEXT, f"{name} has no readable text on any of its pages")
    return result


def _extract_pdfium_pages(pdf: Any, *, name: str, ocr: OcrSettings) -> PdfText:
    chars: list[str] = []
    layout = TextLayout()
    pages: list[PageInfo] = []
    for index in range(len(pdf)):
        if pages:
            for ch in PAGE_BREAK:
                chars.append(ch)
                layout.append_break(None)
        start, number = len(chars), index + 1
        page = pdf[index]
        width, height = page.get_size()
        textpage = page.get_textpage()
        text = textpage.get_text_range()
        lines: list[list[_Glyph]] = [[]]
        for i, ch in enumerate(text):
            if ch == "\r":
                continue
            if ch == "\n":
                lines.append([])
                continue
            if ch.isspace():
                lines[-1].append((" ", None, None))
                continue
            left, bottom, right, top = textpage.get_charbox(i)
            x0, y0, x1, y1 = textpage.get_charbox(i, loose=True)  # advance widths: the gaps between words
            lines[-1].append((_normalise(ch), (left, height - top, right, height - bottom),
                              (x0, height - y1, x1, height - y0)))
        _append_lines(lines, number, chars, layout)
        _drop_trailing_spaces(chars, layout, start, newlines=True)
        textpage.close()
        page.close()
        source, confidence = TextSource.TEXT_LAYER, None
        usable = sum(1 for ch in chars[start:] if not ch.isspace())
        if usable < ocr.min_text_chars and ocr.enabled and ocr_available():
            result = read_page(page_image(pdf, index, dpi=ocr.dpi, max_pixels=ocr.max_page_pixels, name=name))
            if sum(len(w.text) for w in result.words) > usable:
                del chars[start:]
                layout.truncate(start)
                _append_ocr_text(result, number, chars, layout)
                source, confidence = TextSource.OCR, result.confidence
            elif result.blank and not usable:
                source = TextSource.BLANK
        pages.append(PageInfo(number=number, width=float(width), height=float(height), start=start,
                              end=len(chars), source=source,
                              ocr_confidence=round(confidence, 1) if confidence is not None else None))
    return PdfText(text="".join(chars), pages=pages, layout=layout)


def _count_pages(data: bytes, *, limit: int) -> int:
    """Pages in the page tree, counting no further than `limit` (tries the empty password)."""
    with io.BytesIO(data) as stream:
        document = PDFDocument(PDFParser(stream), password="")
        return sum(1 for _ in itertools.islice(PDFPage.create_pages(document), limit))


def _parse_error(exc: Exception, name: str) -> PipelineError:
    """The coded error for an exception raised by pdfminer/pdfplumber (never its message: it may quote
    document content)."""
    cause = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
    if isinstance(cause, PDFPasswordIncorrect):
        return PipelineError(ErrorCode.E106_ENCRYPTED, f"{name} is password-protected and cannot be opened")
    if isinstance(cause, PDFEncryptionError):
        return PipelineError(ErrorCode.E106_ENCRYPTED, f"{name} uses an encryption that cannot be opened")
    log.info("unreadable PDF %s: %s", name, type(cause).__name__)  # the type helps support; no content
    return PipelineError(ErrorCode.E107_MALFORMED_PDF,
                         f"{name} is a damaged or malformed PDF that could not be read; please resend it")


@dataclass
class _Page:
    """One page's text while the document is read: its text layer, and its OCR when it needs one."""

    number: int
    width: float
    height: float
    chars: list[str]
    layout: TextLayout
    ocr: Future[OcrPage] | None = None


def _extract_pages(pdf: pdfplumber.PDF, *, data: bytes, name: str, ocr: OcrSettings) -> PdfText:
    """Every page's text layer; pages without a usable one are read by OCR, several at a time.

    pdfium is not thread-safe: page images are taken here, one after another, and only their clean-up and
    recognition run in the OCR threads. At most two pages per thread wait for OCR (memory stays bounded on
    long faxes), and the text is assembled in page order. The document's last page, when it needs OCR, is read
    in bands (ocr.TAIL_BANDS) that the threads share; it is cut the same way with one thread, so the result
    does not depend on the threads.
    """
    threads = ocr_threads(ocr.threads) if ocr.enabled else 1
    pages: list[_Page] = []
    in_flight: deque[Future[OcrPage]] = deque()
    rendered: Any = None  # the pypdfium2 document, opened on the first page that needs OCR
    pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="ocr") if threads > 1 else None
    try:
        last = len(pdf.pages) - 1
        for index, page in enumerate(pdf.pages):
            chars: list[str] = []
            layout = TextLayout()
            _append_page_text(page, chars, layout)
            _append_form_fields(page, chars, layout)
            entry = _Page(page.page_number, float(page.width), float(page.height), chars, layout)
            usable = sum(1 for ch in chars if not ch.isspace())
            if usable < ocr.min_text_chars and ocr.enabled and ocr_available():
                if rendered is None:
                    import pypdfium2 as pdfium

                    rendered = pdfium.PdfDocument(data)
                image = page_image(rendered, index, dpi=ocr.dpi, max_pixels=ocr.max_page_pixels, name=name)
                entry.ocr = _submit(pool, image, parts=TAIL_BANDS if index == last else 1)
                in_flight.append(entry.ocr)
                while len(in_flight) > 2 * threads or (in_flight and in_flight[0].done()):
                    in_flight.popleft().result()  # wait for the oldest; raises its error here
            pages.append(entry)
            page.close()
        return _assemble(pages)
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
        if rendered is not None:
            rendered.close()


def _submit(pool: ThreadPoolExecutor | None, image: PageImage, *, parts: int = 1) -> Future[OcrPage]:
    """The page's OCR as a future: one task, or (parts > 1, with threads) one task per band, cleaned here."""
    if pool is not None and parts == 1:
        return pool.submit(read_page, image)
    future: Future[OcrPage] = Future()
    if pool is None:
        future.set_result(read_page(image, parts))
        return future
    prepared = prepare_page(image)
    if isinstance(prepared, OcrPage):
        future.set_result(prepared)
        return future
    tasks = [pool.submit(recognize, prepared, band, i) for i, band in enumerate(bands(prepared, parts))]
    remaining = [len(tasks)]
    lock = threading.Lock()

    def band_done(_: Future[list[OcrWord]]) -> None:
        with lock:
            remaining[0] -= 1
            if remaining[0]:
                return
        try:
            future.set_result(assemble(prepared, [task.result() for task in tasks]))
        except BaseException as exc:  # a band's error (or its cancellation) is the page's
            future.set_exception(exc)

    for task in tasks:
        task.add_done_callback(band_done)
    return future


def _assemble(pages: list[_Page]) -> PdfText:
    """The document text and layout from its pages, in order; OCR text replaces a short text layer unless
    OCR read even less (a rotated page with a short text layer keeps it)."""
    chars: list[str] = []
    layout = TextLayout()
    infos: list[PageInfo] = []
    for entry in pages:
        if infos:
            for ch in PAGE_BREAK:
                chars.append(ch)
                layout.append_break(None)
        start = len(chars)
        source, confidence = TextSource.TEXT_LAYER, None
        result = entry.ocr.result() if entry.ocr is not None else None
        usable = sum(1 for ch in entry.chars if not ch.isspace())
        if result is not None and sum(len(w.text) for w in result.words) > usable:
            _append_ocr_text(result, entry.number, chars, layout)
            source, confidence = TextSource.OCR, result.confidence
        else:
            chars.extend(entry.chars)
            layout.extend(entry.layout)
            if result is not None and result.blank and not usable:
                source = TextSource.BLANK
        infos.append(PageInfo(number=entry.number, width=entry.width, height=entry.height, start=start,
                              end=len(chars), source=source,
                              ocr_confidence=round(confidence, 1) if confidence is not None else None))
    return PdfText(text="".join(chars), pages=infos, layout=layout)


def _append_form_fields(page: Page, chars: list[str], layout: TextLayout) -> None:
    """Filled form fields (AcroForm text and choice widgets) as "Field: value" lines after the page text.

    The value's characters share the widget's box, so evidence found in a field points at it on the page.
    """
    from pdfminer.psparser import PSLiteral
    from pdfminer.utils import decode_text

    def text_of(value: object) -> str:
        if isinstance(value, bytes):
            return decode_text(value)
        if isinstance(value, PSLiteral):
            return str(value.name)
        return value if isinstance(value, str) else ""

    number = page.page_number
    try:
        annots = page.annots or []
    except Exception:  # malformed annotation arrays: the page's text is still good, only fields are lost
        log.info("page %d: form fields unreadable", number)
        return
    for annot in annots:
        if not isinstance(annot, dict):
            continue
        data = annot.get("data") or {}
        value = " ".join(text_of(data.get("V")).split())
        if not value or value in {"Off", "None"}:
            continue
        label = " ".join((text_of(data.get("TU")) or text_of(data.get("T")) or "Field").split())
        box = (float(annot["x0"]), float(annot["top"]), float(annot["x1"]), float(annot["bottom"]))
        chars.append("\n")
        layout.append_break(number)
        for ch in f"{label}: ":
            chars.append(_normalise(ch))
            layout.append(number)
        step = (box[2] - box[0]) / max(len(value), 1)
        for k, ch in enumerate(value):
            chars.append(_normalise(ch))
            layout.append(number, (box[0] + k * step, box[1], box[0] + (k + 1) * step, box[3]))


def _append_ocr_text(result: OcrPage, number: int, chars: list[str], layout: TextLayout) -> None:
    """OCR words as lines of text; each character gets an equal slice of its word's box."""
    for i, line in enumerate(result.lines()):
        if i:
            chars.append("\n")
            layout.append_break(number)
        for j, word in enumerate(line):
            if j:
                chars.append(" ")
                layout.append(number)
            x0, top, x1, bottom = word.box
            step = (x1 - x0) / max(len(word.text), 1)
            for k, ch in enumerate(word.text):
                chars.append(_normalise(ch))
                layout.append(number, (x0 + k * step, top, x0 + (k + 1) * step, bottom))


def _append_page_text(page: Page, chars: list[str], layout: TextLayout) -> None:
    """Append the page's text flow to `chars`/`layout`, without trailing spaces on any line."""
    textmap = page.get_textmap(
        layout=False, use_text_flow=True, x_tolerance=X_TOLERANCE, y_tolerance=Y_TOLERANCE
    )
    start = len(chars)
    lines: list[list[_Glyph]] = [[]]
    for ch, obj in textmap.tuples:
        if ch == "\n" and obj is None:
            lines.append([])
        elif obj is None:
            lines[-1].append((_normalise(ch), None, None))
        else:
            box = (obj["x0"], obj["top"], obj["x1"], obj["bottom"])
            lines[-1].append((_normalise(ch), box, box))
    _append_lines(lines, page.page_number, chars, layout)
    _drop_trailing_spaces(chars, layout, start, newlines=True)


def _append_lines(lines: list[list[_Glyph]], number: int, chars: list[str], layout: TextLayout) -> None:
    """Append a page's lines, without trailing spaces; a line laid out in columns keeps its spacing
    (_spread)."""
    left, unit = _page_metrics(lines)
    blank_before = _paragraph_breaks(lines)
    start = len(chars)
    for i, line in enumerate(lines):
        if i:
            _drop_trailing_spaces(chars, layout, start)
            chars.append("\n")
            layout.append_break(number)
            if i in blank_before:
                chars.append("\n")
                layout.append_break(number)
        for ch, box in _spread(line, left, unit):
            chars.append(ch)
            layout.append(number, box)


PARAGRAPH_GAP = 1.6
"""A line whose top lies this many times the page's usual line pitch below the previous line's starts a paragraph:
the text gets the blank line between them that the PDF shows as space (the text layer drops it)."""


def _paragraph_breaks(lines: list[list[_Glyph]]) -> set[int]:
    """The indexes of the lines that follow a vertical gap wider than PARAGRAPH_GAP line pitches."""
    tops = [min((b[1] for _, b, _ in line if b is not None), default=None) for line in lines]
    heights = [b[3] - b[1] for line in lines for ch, b, _ in line if b is not None and ch != " " and b[3] > b[1]]
    placed = [(i, t) for i, t in enumerate(tops) if t is not None]
    if not heights:
        return set()
    floor = 0.5 * statistics.median(heights)  # runs of one line set a little apart are no line steps
    steps = sorted(b - a for (_, a), (_, b) in zip(placed, placed[1:], strict=False) if b - a > floor)
    if not steps:
        return set()
    # the usual pitch: the median of the narrower half of the steps (a page of short paragraphs has many wide ones;
    # a page of one step has no gap to find)
    pitch = statistics.median(steps[:max(1, len(steps) // 2)])
    return {j for (i, a), (j, b) in zip(placed, placed[1:], strict=False)
            if j == i + 1 and b - a > PARAGRAPH_GAP * pitch}


def _page_metrics(lines: list[list[_Glyph]]) -> tuple[float, float]:
    """The page's left text edge and its median character width (0.0 without measurable characters)."""
    extents = [e for line in lines for ch, _, e in line if e is not None and ch != " " and e[2] > e[0]]
    if not extents:
        return 0.0, 0.0
    return min(e[0] for e in extents), statistics.median(e[2] - e[0] for e in extents)


def _spread(line: list[_Glyph], left: float, unit: float) -> list[tuple[str, _Rect | None]]:
    """The line's characters with their boxes; when a gap between two words is WIDE_GAP character widths or more
    (the line's median width), the line is laid out in columns: each word after a wide gap starts at its column
    on the page (its distance from the page's left text edge in page character widths, `unit`), at least
    WIDE_GAP spaces after the word before it, and the line keeps its indentation the same way. Other lines,
    and the single-space gaps of a laid-out line, come out as the extractor gives them. Spaces carry no box."""
    plain = [(ch, box) for ch, box, _ in line]
    widths = [e[2] - e[0] for ch, _, e in line if e is not None and ch != " " and e[2] > e[0]]
    if len(widths) < 2 or unit <= 0:
        return plain
    width = statistics.median(widths)
    wide: set[int] = set()  # indexes of the first character of a word after a wide gap
    before: _Rect | None = None
    for k, (ch, _, extent) in enumerate(line):
        if ch == " " or extent is None:
            continue
        if before is not None and k and line[k - 1][0] == " " and _same_line(before, extent) and \
                round((extent[0] - before[2]) / width) >= WIDE_GAP:
            wide.add(k)
        before = extent
    if not wide:
        return plain
    out: list[tuple[str, _Rect | None]] = []
    k = 0
    while k < len(line) and line[k][0] == " ":
        k += 1  # the indentation, replaced by the measured one
    first = line[k][2] if k < len(line) else None
    if first is not None:
        out.extend([(" ", None)] * max(0, round((first[0] - left) / unit)))
    spaces: list[tuple[str, _Rect | None]] = []
    for j in range(k, len(line)):
        ch, box, extent = line[j]
        if ch == " ":
            spaces.append((ch, box))
            continue
        if j in wide and extent is not None:
            column = round((extent[0] - left) / unit)
            spaces = [(" ", None)] * max(WIDE_GAP, column - len(out))
        out.extend(spaces)
        spaces = []
        out.append((ch, box))
    out.extend(spaces)
    return out


def _same_line(a: _Rect, b: _Rect) -> bool:
    """The two boxes overlap vertically."""
    return min(a[3], b[3]) > max(a[1], b[1])


def _drop_trailing_spaces(
    chars: list[str], layout: TextLayout, start: int, *, newlines: bool = False
) -> None:
    strip = " \n" if newlines else " "
    n = len(chars)
    while n > start and chars[n - 1] in strip:
        n -= 1
    if n < len(chars):
        del chars[n:]
        layout.truncate(n)


def _normalise(ch: str) -> str:
    """One character for one character: spaces, controls and line separators inside a PDF become spaces."""
    if ch == " " or unicodedata.category(ch) not in _SPACE_LIKE:
        return ch
    return " "
