"""Plain-text ingest: encodings, newline normalisation, form-feed pages, no boxes."""

from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

import pytest

from pipeline.contracts import TextSource
from pipeline.errors import ErrorCode, PipelineError
from pipeline.ingest import IngestLimits, TextLayout, load_document

SMART = "\u201cGlioma\u201d \u2013 caf\u00e9 \u20ac5 \u2122"  # characters cp1252 has and latin-1 lacks


@pytest.mark.parametrize(
    ("name", "data", "text"),
    [
        ("crlf.txt", b"line one\r\nline two\rline three\r\n", "line one\nline two\nline three\n"),
        ("bom.txt", codecs.BOM_UTF8 + "Caf\u00e9 note\n".encode(), "Caf\u00e9 note\n"),
        ("utf8.text", "Dx: glioma \u2013 WHO grade 4\n".encode(), "Dx: glioma \u2013 WHO grade 4\n"),
        ("cp1252.txt", SMART.encode("cp1252"), SMART),
        (
            "latin1.txt",
            b"Patient note with an odd byte \x81 and caf\xe9 in it",
            "Patient note with an odd byte \x81 and caf\u00e9 in it",
        ),
        ("utf16.txt", codecs.BOM_UTF16_LE + "MRS request\r\n".encode("utf-16-le"), "MRS request\n"),
        ("no-suffix", b"Plain words without a suffix\n", "Plain words without a suffix\n"),
        ("note.md", b"# Note\n\nMRI 10/02/2026\n", "# Note\n\nMRI 10/02/2026\n"),
    ],
)
def test_decoding_and_newlines(tmp_path: Path, name: str, data: bytes, text: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    doc = load_document(path)
    assert doc.text == text
    assert doc.nlp_text == text
    assert doc.info.media_type == "text/plain"
    assert doc.info.sha256 == hashlib.sha256(data).hexdigest()
    assert doc.info.n_chars == len(text)
    assert doc.info.n_pages == 1
    page = doc.info.pages[0]
    assert (page.start, page.end, page.source) == (0, len(text), TextSource.PLAIN_TEXT)
    assert page.width is None and page.height is None


@pytest.mark.parametrize(
    ("raw", "pages"),
    [
        ("one\ftwo\fthree", ["one", "two", "three"]),
        ("one\r\n\ftwo\r\n\fthree\r\n\f", ["one\n", "two\n", "three\n"]),  # trailing blank page dropped
        ("one\f\fthree", ["one", "", "three"]),  # an empty page in the middle stays a page
        ("only one page", ["only one page"]),
    ],
)
def test_form_feeds_split_pages(tmp_path: Path, raw: str, pages: list[str]) -> None:
    path = tmp_path / "packet.txt"
    path.write_bytes(raw.encode())
    doc = load_document(path)
    assert doc.info.n_pages == len(pages)
    assert [doc.text[p.start : p.end] for p in doc.info.pages] == pages
    for page in doc.info.pages:
        assert "\f" not in doc.text[page.start : page.end]
        for offset in range(page.start, page.end):
            assert doc.layout.page_of(offset) == page.number
    for offset, ch in enumerate(doc.text):
        if ch == "\f":
            assert doc.layout.page_of(offset) is None


def test_plain_text_has_no_boxes(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("Alpha Bravo\fCharlie Delta\n")
    doc = load_document(path)
    layout = doc.layout
    assert len(layout) == len(doc.text)
    assert layout.boxes_for(0, len(doc.text)) == []
    assert all(layout.box_of(i) is None for i in range(len(doc.text)))
    assert layout.page_of(doc.text.index("Delta")) == 2
    assert TextLayout.from_json(layout.to_json()) == layout


@pytest.mark.parametrize(
    ("name", "data", "limits", "code"),
    [
        ("binary.txt", b"MRI\x00\x01\x02 report", None, ErrorCode.E103_UNSUPPORTED_TYPE),
        ("controls.txt", bytes(range(1, 9)) * 20 + b"some text", None, ErrorCode.E103_UNSUPPORTED_TYPE),
        ("blank.txt", b"  \r\n\t\f \n", None, ErrorCode.E108_NO_TEXT),
        ("pages.txt", b"a\fb\fc", IngestLimits(max_pages=2), ErrorCode.E110_TOO_MANY_PAGES),
        ("big.txt", b"x" * 2048, IngestLimits(max_bytes=2047), ErrorCode.E109_TOO_LARGE),
    ],
)
def test_plain_text_errors(
    tmp_path: Path, name: str, data: bytes, limits: IngestLimits | None, code: ErrorCode
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(PipelineError) as caught:
        load_document(path, limits=limits)
    assert caught.value.code is code
    assert caught.value.stage == "ingest"


ENCODINGS = {
    # bytes, the text read, the encoding recorded, invalid bytes replaced
    "utf-8": ("M\u00fcller \u2013 glioma\n".encode(), "M\u00fcller \u2013 glioma\n", "utf-8", 0),
    "utf-8 with one bad byte": ("M\u00fcller \u2013 ".encode() + b"\xff" + "caf\u00e9\n".encode(),
                                "M\u00fcller \u2013 \ufffdcaf\u00e9\n", "utf-8", 1),
    "utf-8 cut mid-character": ("Gr\u00f6\u00dfe ".encode() + "\u2013".encode()[:2] + b" end\n",
                                "Gr\u00f6\u00dfe \ufffd end\n", "utf-8", 1),
    "utf-8 already holding U+FFFD": ("a \ufffd b \u00e9 ".encode() + b"\xfe\n", "a \ufffd b \u00e9 \ufffd\n",
                                     "utf-8", 1),
    "cp1252": (SMART.encode("cp1252"), SMART, "cp1252", 0),
    "latin-1": (b"odd \x81 and caf\xe9", "odd \x81 and caf\u00e9", "latin-1", 0),
    "utf-16": (codecs.BOM_UTF16_LE + "MRS\n".encode("utf-16-le"), "MRS\n", "utf-16", 0),
}


@pytest.mark.parametrize(("data", "text", "encoding", "replaced"), ENCODINGS.values(), ids=ENCODINGS.keys())
def test_encoding_is_recorded_and_a_bad_byte_stays_local(tmp_path: Path, data: bytes, text: str, encoding: str,
                                                         replaced: int) -> None:
    path = tmp_path / "note.txt"
    path.write_bytes(data)
    doc = load_document(path)
    assert doc.text == text
    assert (doc.info.encoding, doc.info.undecodable_bytes) == (encoding, replaced)


PDF_SNIFFING = {
    # name, content, read as PDF?
    "text mentioning the PDF header": ("notes.txt", b"Fax cover.\nAttachment: scan.pdf (%PDF-1.4 export)\n", False),
    "text file that is a PDF": ("scan.txt", None, True),
    "pdf with junk before the header": ("scan.pdf", b"junk\n", True),
}


@pytest.mark.parametrize(("name", "content", "is_pdf"), PDF_SNIFFING.values(), ids=PDF_SNIFFING.keys())
def test_pdf_sniffing(tmp_path: Path, render_pdf, name: str, content: bytes | None, is_pdf: bool) -> None:  # type: ignore[no-untyped-def]
    pdf = render_pdf("MR spectroscopy request\n").read_bytes()
    path = tmp_path / name
    path.write_bytes(pdf if content is None else content + (pdf if name.endswith(".pdf") else b""))
    doc = load_document(path)
    assert (doc.info.media_type == "application/pdf") == is_pdf
