"""PDF ingest: text round trip through the renderer, page spans, boxes, layout serialisation."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.contracts import TextSource
from pipeline.corpus.render import render_text_pdf
from pipeline.errors import ErrorCode, PipelineError
from pipeline.ingest import IngestedDocument, IngestLimits, TextLayout, load_document

RenderPdf = Callable[..., Path]

NOTE = (
    "Lakeside Neurology Associates - Office Note\n"
    "Patient: Jane Roe   DOB: 04/12/1961   MRN: 00412345\n"
    "History: 64-year-old woman with new-onset focal seizures since 09/2026.\n"
    "MRI brain 10/02/2026: 2.1 cm enhancing left temporal lesion; differential includes "
    "high-grade glioma versus radiation necrosis versus abscess. Findings are indeterminate "
    "and MR spectroscopy (CPT 76390) is requested to characterise the lesion before biopsy.\n"
    "\n"
    "Plan: levetiracetam 500 mg twice daily; neuro-oncology referral; MRS of the left temporal lobe."
)
THREE_PAGES = [
    "Page one: referral letter. Alpha Bravo Charlie Delta Echo\nFoxtrot Golf Hotel",
    "Page two: office note. India Juliett Kilo\nLima Mike November",
    "Page three: MRI report. Oscar Papa Quebec\nRomeo Sierra Tango",
]


def words(text: str) -> str:
    return " ".join(text.split())


def word_span(doc: IngestedDocument, word: str, *, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(word, start + 1)
    return start, start + len(word)


@pytest.mark.parametrize(
    ("text", "options"),
    [
        (NOTE, {}),
        (NOTE, {"font": "Helvetica", "font_size": 11}),
        (NOTE, {"font": "Times-Roman", "font_size": 8, "margin": 36}),
        ("\f".join(THREE_PAGES), {}),
        ("word " * 900, {}),  # one very long line: wrapped over many lines
        ("\n".join(f"line {i} of a long document" for i in range(150)), {}),  # overflows onto 3 pages
        ('Temp 37.2 C; Na 139 mmol/L; e.g. "quoted" (paren) [bracket] 50% caf\u00e9', {}),
    ],
    ids=["courier", "helvetica", "times-small-margin", "three-pages", "wrapped", "overflow", "punctuation"],
)
def test_round_trip_keeps_words_in_order(render_pdf: RenderPdf, text: str, options: dict) -> None:
    doc = load_document(render_pdf(text, **options))
    assert words(doc.text) == words(text)
    assert doc.info.media_type == "application/pdf"
    assert doc.info.n_chars == len(doc.text) == len(doc.nlp_text) == len(doc.layout)
    assert all(p.source is TextSource.TEXT_LAYER for p in doc.info.pages)


@pytest.mark.parametrize(("n_lines", "n_pages"), [(10, 1), (59, 1), (60, 2), (150, 3)])
def test_long_text_continues_on_new_pages(render_pdf: RenderPdf, n_lines: int, n_pages: int) -> None:
    text = "\n".join(f"row {i}" for i in range(n_lines))
    doc = load_document(render_pdf(text))
    assert doc.info.n_pages == n_pages
    assert words(doc.text) == words(text)


def test_three_page_offsets(render_pdf: RenderPdf) -> None:
    path = render_pdf("\f".join(THREE_PAGES))
    doc = load_document(path)
    pages = doc.info.pages
    assert doc.info.n_pages == 3
    assert [p.number for p in pages] == [1, 2, 3]
    assert pages[0].start == 0 and pages[-1].end == len(doc.text)
    for page, source in zip(pages, THREE_PAGES, strict=True):
        assert words(doc.text[page.start : page.end]) == words(source)
        assert (page.width, page.height) == (612.0, 792.0)
        assert doc.layout.page_of(page.start) == page.number
        assert doc.layout.page_of(page.end - 1) == page.number
    for before, after in zip(pages, pages[1:], strict=False):
        assert doc.text[before.end : after.start] == "\n\f\n"
        assert doc.layout.page_of(before.end + 1) is None  # the form feed belongs to no page
    assert doc.text.count("\f") == 2
    assert doc.info.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert doc.info.path == str(path)


def test_no_trailing_spaces_on_any_line(render_pdf: RenderPdf) -> None:
    doc = load_document(render_pdf("Trailing spaces here    \nand here \t \nend"))
    assert all(line == line.rstrip(" ") for line in doc.text.split("\n"))


@pytest.mark.parametrize(
    ("left", "right", "page"),
    [("Alpha", "Charlie", 1), ("Bravo", "Echo", 1), ("India", "Kilo", 2), ("Oscar", "Quebec", 3)],
)
def test_boxes_of_words_on_the_same_line(render_pdf: RenderPdf, left: str, right: str, page: int) -> None:
    doc = load_document(render_pdf("\f".join(THREE_PAGES)))
    width, height = doc.info.pages[page - 1].width, doc.info.pages[page - 1].height
    assert width is not None and height is not None
    [left_box] = doc.layout.boxes_for(*word_span(doc, left))
    [right_box] = doc.layout.boxes_for(*word_span(doc, right))
    for box in (left_box, right_box):
        assert box.page == page
        assert 0 <= box.x0 < box.x1 <= width
        assert 0 <= box.top < box.bottom <= height
    assert left_box.x1 <= right_box.x0  # further right on the line
    assert left_box.top == pytest.approx(right_box.top)
    assert doc.layout.page_of(word_span(doc, right)[0]) == page


def test_boxes_for_a_span_over_two_lines_and_two_pages(render_pdf: RenderPdf) -> None:
    doc = load_document(render_pdf("\f".join(THREE_PAGES)))
    start = word_span(doc, "Echo")[0]
    end = word_span(doc, "Foxtrot")[1]
    first, second = doc.layout.boxes_for(start, end)
    assert first.page == second.page == 1
    assert first.bottom <= second.top  # one rectangle per line, the second below the first
    start = word_span(doc, "Hotel")[0]
    end = word_span(doc, "India")[1]
    boxes = doc.layout.boxes_for(start, end)
    assert [b.page for b in boxes] == [1, 2]  # "Hotel"; "Page two: office note. India"
    assert doc.layout.boxes_for(start, start) == []


def test_layout_json_round_trip(render_pdf: RenderPdf) -> None:
    doc = load_document(render_pdf("\f".join(THREE_PAGES)))
    restored = TextLayout.from_json(doc.layout.to_json())
    assert restored == doc.layout
    assert len(restored) == len(doc.text)
    for offset in range(0, len(doc.text), 7):
        assert restored.page_of(offset) == doc.layout.page_of(offset)
        assert restored.box_of(offset) == doc.layout.box_of(offset)
    assert restored.boxes_for(0, len(doc.text)) == doc.layout.boxes_for(0, len(doc.text))


@pytest.mark.parametrize(
    "garbage",
    [
        '{"format": "other"}',
        "[]",
        '{"format": "text-layout/1", "n_chars": 3, '
        '"run_starts": "", "run_pages": "", "x0": "AAAAAA==", "top": "", '
        '"x1": "", "bottom": "", "breaks": ""}',
    ],
)
def test_layout_from_json_rejects_other_data(garbage: str) -> None:
    with pytest.raises(ValueError):
        TextLayout.from_json(garbage)


def test_layout_columns_built_by_hand() -> None:
    layout = TextLayout()
    for x in (10.0, 16.0, 22.0):  # "abc" on page 1
        layout.append(1, (x, 100.0, x + 6, 110.0))
    layout.append(1)  # an inserted space
    layout.append(1, (40.0, 100.0, 46.0, 110.0))  # "d"
    layout.append_break(1)
    layout.append(1, (10.0, 112.0, 16.0, 122.0))  # "e" on the next line
    for _ in "\f":
        layout.append_break(None)
    layout.append(2, (10.0, 50.0, 16.0, 60.0))
    assert [layout.page_of(i) for i in range(len(layout))] == [1, 1, 1, 1, 1, 1, 1, None, 2]
    assert layout.box_of(3) is None and layout.box_of(0) is not None
    [line] = layout.boxes_for(0, 5)
    assert (line.page, line.x0, line.top, line.x1, line.bottom) == (1, 10.0, 100.0, 46.0, 110.0)
    assert [(b.page, b.top) for b in layout.boxes_for(0, len(layout))] == [(1, 100.0), (1, 112.0), (2, 50.0)]
    layout.truncate(5)
    assert len(layout) == 5 and layout.page_of(6) is None
    assert TextLayout.from_json(layout.to_json()) == layout


def test_rendering_is_deterministic(tmp_path: Path) -> None:
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    render_text_pdf(NOTE, first, fax_header="FROM: 5552013344 PAGE {page}/{pages}")
    render_text_pdf(NOTE, second, fax_header="FROM: 5552013344 PAGE {page}/{pages}")
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.parametrize(
    ("name", "prefix"),
    [("packet.txt", b""), ("packet", b""), ("packet.pdf", b"junk before the header\n" * 10)],
    ids=["pdf-named-txt", "no-suffix", "junk-before-header"],
)
def test_pdf_is_recognised_by_content(
    render_pdf: RenderPdf, tmp_path: Path, name: str, prefix: bytes
) -> None:
    source = render_pdf(NOTE)
    target = tmp_path / name
    target.write_bytes(prefix + source.read_bytes())
    doc = load_document(target)
    assert doc.info.media_type == "application/pdf"
    assert words(doc.text) == words(NOTE)


@pytest.mark.parametrize(
    ("limits", "code"),
    [
        (IngestLimits(max_pages=2), ErrorCode.E110_TOO_MANY_PAGES),
        (IngestLimits(max_bytes=1000), ErrorCode.E109_TOO_LARGE),
        (IngestLimits(max_pages=3), None),
    ],
)
def test_limits(render_pdf: RenderPdf, limits: IngestLimits, code: ErrorCode | None) -> None:
    path = render_pdf("\f".join(THREE_PAGES))
    if code is None:
        assert load_document(path, limits=limits).info.n_pages == 3
        return
    with pytest.raises(PipelineError) as caught:
        load_document(path, limits=limits)
    assert caught.value.code is code


def test_limits_are_frozen_keyword_only() -> None:
    limits = IngestLimits()
    assert (limits.max_bytes, limits.max_pages) == (50 * 1024 * 1024, 500)
    with pytest.raises(TypeError):
        IngestLimits(10)  # type: ignore[call-arg]
    with pytest.raises(AttributeError):
        limits.max_pages = 3  # type: ignore[misc]
