"""Fuzzing the ingest entry point: whatever the bytes, load_document returns a consistent document or raises
PipelineError with a clean message; never any other exception.

Inputs: arbitrary bytes (some behind a "%PDF-" header, to reach the PDF parser), and random mutations of a
small valid PDF and of a small text file, each written with a .pdf and a .txt suffix. OCR is off here (the
pages of mutated PDFs would each cost a Tesseract run); the hostile-input tests cover it. On CI the examples
are derandomized, so that a run is repeatable; elsewhere every run explores new ones.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from pipeline.corpus.render import render_text_pdf
from pipeline.errors import ErrorCode, PipelineError, display_name
from pipeline.ingest import IngestedDocument, IngestLimits, load_document

LIMITS = IngestLimits(ocr=False, max_pages=50)
SUFFIXES = st.sampled_from([".pdf", ".txt"])
FUZZ = settings(
    max_examples=200,
    deadline=None,
    derandomize=bool(os.environ.get("CI")),
    suppress_health_check=[HealthCheck.too_slow],
)
SEED_TEXT = (
    "FAX 10/02/2026 09:14 FROM NEURO-ONC PAGE 1/2\r\n"
    "Patient: Jane Roe  DOB 01/02/1960\r\n"
    "Diagnosis: glioblastoma, caf\u00e9 au lait \u2013 grade IV\r\n"
    "\fMRI 09/28/2026: enhancing lesion; MRS (CPT 76390) requested.\r\n"
)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@pytest.fixture(scope="module")
def seed_pdf(workdir: Path) -> bytes:
    path = workdir / "seed.pdf"
    render_text_pdf(SEED_TEXT.replace("\r\n", "\n"), path, font="Courier")
    return path.read_bytes()


@st.composite
def mutations(draw: st.DrawFn, seed: bytes) -> bytes:
    """`seed` with 1 to 8 random edits: bit flips, overwritten, deleted, inserted or repeated runs, a cut."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 8))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        size = draw(st.integers(1, 64))
        edit = draw(st.sampled_from(["flip", "overwrite", "delete", "insert", "repeat", "truncate"]))
        if edit == "flip":
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif edit == "overwrite":
            data[at : at + size] = draw(st.binary(min_size=size, max_size=size))
        elif edit == "delete":
            del data[at : at + size]
        elif edit == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=size))
        elif edit == "repeat":
            data[at:at] = data[at : at + size] * draw(st.integers(2, 50))
        else:
            del data[at:]
    return bytes(data)


def check(path: Path, data: bytes) -> None:
    """Write `data` to `path` and load it: a document whose invariants hold, or a clean PipelineError."""
    path.write_bytes(data)
    try:
        doc = load_document(path, limits=LIMITS)
    except PipelineError as exc:
        event(f"outcome: {exc.code.value}")  # shown by pytest --hypothesis-show-statistics
        assert isinstance(exc.code, ErrorCode) and exc.stage == "ingest"
        assert "\n" not in exc.message and display_name(path) in exc.message
        assert "Jane" not in exc.message
        return
    event(f"outcome: {doc.info.media_type}")
    assert_invariants(doc, data)


def assert_invariants(doc: IngestedDocument, data: bytes) -> None:
    text, info = doc.text, doc.info
    assert info.sha256 == hashlib.sha256(data).hexdigest()
    assert len(text) == len(doc.nlp_text) == info.n_chars == len(doc.layout)
    assert all(n == t or n == " " for n, t in zip(doc.nlp_text, text, strict=True))
    assert info.n_pages == len(info.pages) >= 1
    assert [p.number for p in info.pages] == list(range(1, info.n_pages + 1))
    previous_end = 0
    for page in info.pages:
        assert previous_end <= page.start <= page.end <= len(text)
        previous_end = page.end
        if page.end > page.start:
            assert doc.layout.page_of(page.start) == page.number
            assert doc.layout.page_of(page.end - 1) == page.number
    for line in info.transmission_lines:
        assert 0 <= line.start <= line.end <= len(text)
    assert info.media_type in ("application/pdf", "text/plain")


@FUZZ
@given(data=st.one_of(st.binary(max_size=2048), st.binary(max_size=2048).map(lambda b: b"%PDF-1.4\n" + b)),
       suffix=SUFFIXES)
def test_arbitrary_bytes(workdir: Path, data: bytes, suffix: str) -> None:
    check(workdir / f"arbitrary{suffix}", data)


@FUZZ
@given(data=st.data(), suffix=SUFFIXES)
def test_mutated_pdf(workdir: Path, seed_pdf: bytes, data: st.DataObject, suffix: str) -> None:
    check(workdir / f"mutated-pdf{suffix}", data.draw(mutations(seed_pdf)))


@FUZZ
@given(data=st.data(), suffix=SUFFIXES)
def test_mutated_text(workdir: Path, data: st.DataObject, suffix: str) -> None:
    check(workdir / f"mutated-text{suffix}", data.draw(mutations(SEED_TEXT.encode("utf-8"))))


def test_the_seeds_themselves_load(workdir: Path, seed_pdf: bytes) -> None:
    """The mutations start from files that are read in full (so they explore near valid input)."""
    for name, data in (("seed.pdf", seed_pdf), ("seed.txt", SEED_TEXT.encode("utf-8"))):
        path = workdir / name
        path.write_bytes(data)
        doc = load_document(path, limits=LIMITS)
        assert doc.info.n_pages == 2 and "glioblastoma" in doc.text
        assert_invariants(doc, data)
