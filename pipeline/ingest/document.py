"""load_document: one submitted file in, its canonical text, pages, layout and fax lines out."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from pipeline.contracts import DocumentInfo, PageInfo, TextSource
from pipeline.errors import ErrorCode, PipelineError, display_name
from pipeline.logs import silence_readers

from .files import read_regular
from .layout import TextLayout
from .pdf import OcrSettings, extract_pdf
from .plaintext import DecodedText, decode_text, split_pages
from .transmission import blank_lines, find_transmission_lines

PDF_MAGIC = b"%PDF-"
MAGIC_WINDOW = 1024
"""The PDF header may follow some junk; readers accept it within the first 1024 bytes."""
PDF_MEDIA_TYPE = "application/pdf"
TEXT_MEDIA_TYPE = "text/plain"
TEXT_SUFFIXES = frozenset({".txt", ".text"})
DATA_SUFFIXES = {".json": "JSON", ".xml": "XML", ".html": "HTML", ".htm": "HTML", ".xhtml": "HTML",
                 ".rtf": "RTF", ".yaml": "YAML", ".yml": "YAML", ".svg": "SVG", ".csv": "CSV"}
"""Text formats that are data or markup, not a readable packet: refused (E103) although they decode."""


@dataclass(frozen=True, kw_only=True)
class IngestLimits:
    """Limits that protect the pipeline from oversized or hostile input, and the OCR settings.

    max_bytes, max_pages: refused before parsing (E109, E110).
    max_page_pixels: a page rendered for OCR larger than this is refused (E113): image bombs.
    timeout_seconds, max_memory_mb: per document, enforced by the isolated worker (E111, E114).
    analysis_seconds: per document, for analysis and decisions once it is read (E111 at the nlp stage).
    ocr: read pages without a usable text layer with Tesseract; ocr_dpi: the rendering resolution of such pages
    that are not one embedded image (an embedded image is read at its own resolution, at most 300 dpi).
    ocr_threads: pages read in parallel, None for every usable core (capped by PRESCREEN_OCR_THREADS); a batch
    engine with N workers sets cores // N so that workers and their OCR threads do not oversubscribe the cores.
    min_text_chars: a page with fewer non-space characters in its text layer counts as having none.
    low_confidence: mean OCR word confidence (0-100) below which a page's text never approves on its own.
    """

    max_bytes: int = 50 * 1024 * 1024
    max_pages: int = 500
    max_page_pixels: int = 40_000_000
    timeout_seconds: float = 180.0
    analysis_seconds: float = 120.0
    max_memory_mb: int = 2048
    ocr: bool = True
    ocr_dpi: int = 300
    ocr_threads: int | None = None
    min_text_chars: int = 25
    low_confidence: float = 80.0

    def __post_init__(self) -> None:
        numbers: tuple[float, ...] = (self.max_bytes, self.max_pages, self.max_page_pixels, self.timeout_seconds, self.max_memory_mb,
                   self.ocr_dpi, self.analysis_seconds)
        if self.ocr_threads is not None:
            numbers += (self.ocr_threads,)
        if any(n <= 0 for n in numbers) or not 0 <= self.low_confidence <= 100:
            raise ValueError("ingest limits must be positive (low_confidence between 0 and 100)")


@dataclass(frozen=True)
class IngestedDocument:
    """A submitted document as the rest of the pipeline sees it.

    `text` is the canonical text (pages joined by "\\n\\f\\n"); `nlp_text` has the same length and offsets,
    with the characters of fax transmission lines replaced by spaces; `layout` maps every offset to its
    page and box.
    """

    info: DocumentInfo
    text: str
    nlp_text: str
    layout: TextLayout


def load_document(path: str | os.PathLike[str], *, limits: IngestLimits | None = None) -> IngestedDocument:
    """Read a PDF or plain-text file; raise PipelineError (E101-E110) when it cannot be used.

    The type is decided by content: a "%PDF-" header in the first 1024 bytes means PDF, text that decodes
    means plain text; a ".pdf" file that is not a PDF is E105; binary content, or a data or markup file
    (DATA_SUFFIXES: .json, .xml, .html, ...), is E103.
    """
    silence_readers()  # PDF and image libraries log page content: never let them emit
    limits = limits or IngestLimits()
    source = Path(path)
    name = display_name(source)
    data = read_regular(source, name=name, max_bytes=limits.max_bytes)
    sha256 = hashlib.sha256(data).hexdigest()

    # A PDF header may follow some junk in a .pdf (readers accept it); a text file is a PDF only if it starts as one
    is_text_name = source.suffix.lower() in TEXT_SUFFIXES
    if data.startswith(PDF_MAGIC) or (not is_text_name and PDF_MAGIC in data[:MAGIC_WINDOW]):
        extracted = extract_pdf(data, name=name, max_pages=limits.max_pages, ocr=OcrSettings(
            enabled=limits.ocr, dpi=limits.ocr_dpi, min_text_chars=limits.min_text_chars,
            max_page_pixels=limits.max_page_pixels, threads=limits.ocr_threads))
        text, pages, layout, media_type = extracted.text, extracted.pages, extracted.layout, PDF_MEDIA_TYPE
        encoding, replaced = None, 0
    elif source.suffix.lower() == ".pdf":
        raise PipelineError(ErrorCode.E105_NOT_A_PDF, f"{name} is named .pdf but its content is not a PDF")
    elif source.suffix.lower() in DATA_SUFFIXES:
        raise PipelineError(
            ErrorCode.E103_UNSUPPORTED_TYPE,
            f"{name} is a {DATA_SUFFIXES[source.suffix.lower()]} file (only PDF and plain text are accepted)",
        )
    else:
        decoded, pages, layout = _plain_text(data, name=name, max_pages=limits.max_pages, suffix=source.suffix)
        text, media_type = decoded.text, TEXT_MEDIA_TYPE
        encoding, replaced = decoded.encoding, decoded.replaced

    lines = find_transmission_lines(text, pages)
    info = DocumentInfo(
        path=os.fspath(path),
        sha256=sha256,
        media_type=media_type,
        n_pages=len(pages),
        n_chars=len(text),
        pages=pages,
        transmission_lines=lines,
        encoding=encoding,
        undecodable_bytes=replaced,
    )
    return IngestedDocument(info=info, text=text, nlp_text=blank_lines(text, lines), layout=layout)


def _plain_text(
    data: bytes, *, name: str, max_pages: int, suffix: str
) -> tuple[DecodedText, list[PageInfo], TextLayout]:
    decoded = decode_text(data)
    if decoded is None:
        kind = (
            "is named as a text file but contains binary data"
            if suffix.lower() in TEXT_SUFFIXES
            else "is neither a PDF nor a plain-text file"
        )
        raise PipelineError(
            ErrorCode.E103_UNSUPPORTED_TYPE, f"{name} {kind} (only PDF and plain text are accepted)"
        )
    text = decoded.text
    spans = split_pages(text)
    if len(spans) > max_pages:
        raise PipelineError(
            ErrorCode.E110_TOO_MANY_PAGES,
            f"{name} has more than {max_pages} pages, the most one document may have",
        )
    if not text.strip():
        raise PipelineError(ErrorCode.E108_NO_TEXT, f"{name} contains no text, only blank space")
    pages = [
        PageInfo(number=i, start=start, end=end, source=TextSource.PLAIN_TEXT)
        for i, (start, end) in enumerate(spans, start=1)
    ]
    layout = TextLayout.without_boxes(len(text), ((p.number, p.start, p.end) for p in pages))
    return decoded, pages, layout
