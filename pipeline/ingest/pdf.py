"""PDF input: the text layer of every page, each character linked to its box."""

from __future__ import annotations

import io
import itertools
import unicodedata
from dataclasses import dataclass, field

import pdfplumber
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfplumber.page import Page
from pdfplumber.utils.exceptions import PdfminerException

from pipeline.contracts import PageInfo, TextSource
from pipeline.errors import ErrorCode, PipelineError

from .layout import TextLayout

X_TOLERANCE = 3.0
Y_TOLERANCE = 3.0
PAGE_BREAK = "\n\f\n"
"""Joins the text of consecutive pages; the form feed marks the break."""

_SPACE_LIKE = frozenset({"Cc", "Zs", "Zl", "Zp"})


@dataclass(frozen=True)
class PdfText:
    """The text, page spans and layout extracted from a PDF."""

    text: str
    pages: list[PageInfo]
    layout: TextLayout = field(repr=False)


def extract_pdf(data: bytes, *, name: str, max_pages: int) -> PdfText:
    """Text of every page of the PDF in `data`; PipelineError E106/E107/E108/E110 on failure.

    `name` (the file name, never content) is used in error messages only.
    """
    # pdfminer raises many exception types on malformed input; all of them mean "cannot parse".
    try:
        n_pages = _count_pages(data, limit=max_pages + 1)
    except Exception as exc:
        raise _parse_error(exc, name) from None
    if n_pages > max_pages:
        raise PipelineError(
            ErrorCode.E110_TOO_MANY_PAGES,
            f"{name} has more than {max_pages} pages, the most one document may have",
        )
    try:
        with io.BytesIO(data) as stream, pdfplumber.open(stream) as pdf:
            result = _extract_pages(pdf)
    except Exception as exc:
        raise _parse_error(exc, name) from None
    if not result.pages:
        raise PipelineError(ErrorCode.E108_NO_TEXT, f"{name} is a PDF without any page")
    if not result.text.strip():
        raise PipelineError(
            ErrorCode.E108_NO_TEXT,
            f"{name} has no text layer on any of its {len(result.pages)} pages "
            "(scanned images need OCR, which is not available yet)",
        )
    return result


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
    kind = type(cause).__name__
    return PipelineError(ErrorCode.E107_MALFORMED_PDF, f"{name} is a damaged or malformed PDF ({kind})")


def _extract_pages(pdf: pdfplumber.PDF) -> PdfText:
    chars: list[str] = []
    layout = TextLayout()
    pages: list[PageInfo] = []
    for page in pdf.pages:
        if pages:
            for ch in PAGE_BREAK:
                chars.append(ch)
                layout.append_break(None)
        start = len(chars)
        _append_page_text(page, chars, layout)
        pages.append(
            PageInfo(
                number=page.page_number,
                width=float(page.width),
                height=float(page.height),
                start=start,
                end=len(chars),
                source=TextSource.TEXT_LAYER,
            )
        )
        page.close()
    return PdfText(text="".join(chars), pages=pages, layout=layout)


def _append_page_text(page: Page, chars: list[str], layout: TextLayout) -> None:
    """Append the page's text flow to `chars`/`layout`, without trailing spaces on any line."""
    textmap = page.get_textmap(
        layout=False, use_text_flow=True, x_tolerance=X_TOLERANCE, y_tolerance=Y_TOLERANCE
    )
    number = page.page_number
    start = len(chars)
    for ch, obj in textmap.tuples:
        if ch == "\n" and obj is None:
            _drop_trailing_spaces(chars, layout, start)
            chars.append("\n")
            layout.append_break(number)
            continue
        ch = _normalise(ch)
        chars.append(ch)
        if obj is None:
            layout.append(number)
        else:
            layout.append(number, (obj["x0"], obj["top"], obj["x1"], obj["bottom"]))
    _drop_trailing_spaces(chars, layout, start, newlines=True)


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
