"""Bad input cannot break a run: every hostile file ends in one typed outcome, on time, leaving nothing behind.

Three tables:
- CORPUS: every file of the shared PDF robustness corpus with the outcome we expect, read through the
  isolated reader with the production limits;
- HOSTILE: files made here (truncated, bit-flipped, decompression and image bombs, thousands of pages,
  a PNG or zip named .pdf, an unknown password) and stand-in readers that hang, spin, crash or eat memory;
- and one end-to-end run of the Screener over all the hostile files plus one good packet.

After every case: no reader process left alive, and no private temporary folder left behind.
"""

from __future__ import annotations

import csv
import hashlib
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing import active_children
from pathlib import Path
from typing import Any

import hostile_files as hf
import pytest

from pipeline.contracts import ErrorRecord, ScreeningResult
from pipeline.errors import PipelineError, display_name
from pipeline.ingest import IngestedDocument, IngestLimits
from pipeline.ingest.isolation import load_document_isolated, temp_prefix
from pipeline.ingest.ocr import ocr_available

OCR = ocr_available()
SECRET = "Jane Roe"
"""Text that is in the hostile documents and must never appear in a message."""

DOCUMENT = "document"
ERROR = "error"
SCANNED = "document or E108"
"""Image-only or scanned: a document when OCR reads text on it, E108 when it does not (or is not installed)."""


@dataclass(frozen=True)
class Expect:
    outcome: str  # DOCUMENT, ERROR or SCANNED
    codes: frozenset[str] = frozenset()

    def check(self, result: IngestedDocument | PipelineError, path: Path) -> None:
        if isinstance(result, IngestedDocument):
            assert self.outcome in (DOCUMENT, SCANNED), f"expected {self}, got a document"
            assert_document(result, path)
            return
        if self.outcome == SCANNED:
            assert result.code.value == "E108", str(result)
        else:
            assert self.outcome == ERROR, f"expected a document, got {result}"
            assert result.code.value in self.codes, str(result)
        assert_clean_message(result, path)


def error(*codes: str) -> Expect:
    return Expect(ERROR, frozenset(codes))


def with_or_without_ocr(with_ocr: Expect, without_ocr: Expect) -> Expect:
    """An outcome that depends on whether Tesseract is installed on this machine."""
    return with_ocr if OCR else without_ocr


def assert_document(doc: IngestedDocument, path: Path) -> None:
    assert doc.info.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert doc.info.n_pages == len(doc.info.pages) >= 1
    assert len(doc.text) == len(doc.nlp_text) == doc.info.n_chars == len(doc.layout)
    assert doc.text.strip()


def assert_clean_message(exc: PipelineError, path: Path) -> None:
    """One line, names the file, quotes nothing from it, and says which stage failed."""
    assert exc.stage == "ingest"
    assert "\n" not in exc.message and "\r" not in exc.message
    assert display_name(path) in exc.message, exc.message
    assert SECRET not in exc.message and "Traceback" not in exc.message
    assert str(exc) == f"{exc.code.value}: {exc.message}"


def run_isolated(path: Path, limits: IngestLimits, target: hf.Reader | None = None
                 ) -> tuple[IngestedDocument | PipelineError, float]:
    t0 = time.monotonic()
    # The outcome itself is what the tests judge: a document or the coded error.
    try:
        result: IngestedDocument | PipelineError = load_document_isolated(path, limits=limits, _target=target)
    except PipelineError as exc:
        result = exc
    return result, time.monotonic() - t0


def private_temp_dirs() -> set[str]:
    """The readers' temporary folders of this process (other processes on the machine may have theirs)."""
    return {name for name in os.listdir(tempfile.gettempdir()) if name.startswith(temp_prefix())}


@pytest.fixture(autouse=True)
def nothing_left_behind() -> Iterator[None]:
    """Every test here: no reader process alive afterwards, no private temporary folder left over."""
    before = private_temp_dirs()
    yield
    assert active_children() == []
    assert private_temp_dirs() - before == set()


# -------------------------------------------------------------------------------- a) robustness corpus

CORPUS: list[Any] = [  # (path in the corpus, expected outcome) or a pytest.param of one
    ("pdfplumber/empty.pdf", error("E104")),
    ("pdfplumber/password-example.pdf", error("E106")),  # user password we do not know
    ("pdfplumber/malformed-from-issue-932.pdf", Expect(DOCUMENT)),  # pdfminer copes with the bad coordinates
    ("pdfplumber/nics-background-checks-2015-11-rotated.pdf", Expect(DOCUMENT)),
    ("pdfplumber/issue-297-example.pdf", error("E108")),  # no page that pdfminer finds; pdfium: 1 blank page
    ("pypdf/Seige_of_Vicksburg_Sample_OCR.pdf", Expect(DOCUMENT)),  # scanned, with an OCR text layer
    ("pypdf/indirect-rotation.pdf", Expect(DOCUMENT)),
    ("pypdf/SF424_page2.pdf", Expect(DOCUMENT)),
    ("pypdf/crazyones-encrypted-256.pdf", error("E106")),
    ("pypdf/r6-user-password.pdf", Expect(DOCUMENT)),  # the owner password is empty, so it opens
    ("pypdf/r4-aes-user-password.pdf", error("E106")),
    ("pypdf/r2-owner-password.pdf", Expect(DOCUMENT)),  # owner password only: readable without one
    ("py-pdf-sample-files/libreoffice-writer-password.pdf", error("E106")),
    ("py-pdf-sample-files/imagemagick-CCITTFaxDecode.pdf", Expect(SCANNED)),  # fax bitmap, no text layer
    ("py-pdf-sample-files/habibi-rotated.pdf", Expect(DOCUMENT)),
    ("py-pdf-sample-files/libreoffice-form.pdf", Expect(DOCUMENT)),
    ("py-pdf-sample-files/grayscale-image.pdf", Expect(SCANNED)),  # a drawing; OCR finds no text in it
    ("py-pdf-sample-files/GeoTopo-komprimiert.pdf", Expect(DOCUMENT)),  # 117 pages in object streams
    ("py-pdf-sample-files/files.json", error("E103")),  # JSON data, not a packet
    ("qpdf/bad1.pdf", error("E105")),  # 5 bytes, no PDF header
    ("qpdf/issue-141a.pdf", error("E105")),  # header-only fuzz case; no "%PDF-" in its first 1 KB
    ("qpdf/bad-xref.pdf", Expect(DOCUMENT)),  # pdfminer rebuilds the cross-reference table
    # The text operators are lost with the bad xref entry; only OCR of the rendered page reads "Potato".
    ("qpdf/bad-xref-entry.pdf", with_or_without_ocr(Expect(DOCUMENT), error("E108"))),
    ("qpdf/bad-token-startxref.pdf", Expect(DOCUMENT)),
    ("qpdf/xref-errors.pdf", Expect(DOCUMENT)),
    ("qpdf/append-xref-loop.pdf", Expect(DOCUMENT)),  # /Prev loop: pdfminer gives up, pdfium reads all 30 pages
    ("qpdf/pages-loop.pdf", Expect(DOCUMENT)),  # the cycle in the page tree is cut, the page is read
    ("qpdf/no-pages-types.pdf", Expect(DOCUMENT)),  # no /Type on page tree nodes: pdfminer finds no page, pdfium does
    ("qpdf/minimal-rotated.pdf", Expect(DOCUMENT)),
    ("qpdf/inherited-rotate.pdf", Expect(DOCUMENT)),  # rotated text layer kept when OCR reads less
    ("qpdf/encrypted-40-bit-R3.pdf", error("E106")),
    ("qpdf/enc-XI-R6,V5,O=master.pdf", Expect(DOCUMENT)),  # owner password only; odd file name
    ("qpdf/damaged-inline-image.pdf", Expect(SCANNED)),  # only (damaged) images on the page
    ("qpdf/fuzz-16214.pdf", error("E105")),  # over 1 KB of spaces before the header
    ("pdfjs/scan-bad.pdf", Expect(DOCUMENT)),  # scanned page with a 6-character text layer
    ("pdfjs/ccitt_EndOfBlock_false.pdf", Expect(SCANNED)),
    ("pdfjs/xref_command_missing.pdf", Expect(DOCUMENT)),
    ("pdfjs/empty_protected.pdf", error("E108")),  # an empty page: nothing to read, with or without OCR
    ("pdfjs/image-rotated-black-white-ratio.pdf", Expect(SCANNED)),
    ("pdfjs/jbig2_file_header.pdf", Expect(SCANNED)),
    ("pdfjs/prefilled_f1040.pdf", Expect(DOCUMENT)),  # XFA form: pdfminer finds no page, pdfium reads two
]


def _corpus_id(entry: Any) -> str:
    values = entry.values if hasattr(entry, "values") else entry  # pytest.param or a plain tuple
    return str(values[0])


def test_corpus_table_covers_the_manifest(robustness_dir: Path) -> None:
    with (robustness_dir / "MANIFEST.csv").open(encoding="utf-8", newline="") as manifest:
        listed = {row["path"] for row in csv.DictReader(manifest)}
    assert {_corpus_id(entry) for entry in CORPUS} == listed


@pytest.mark.parametrize(("relpath", "expect"), CORPUS, ids=[_corpus_id(e) for e in CORPUS])
def test_robustness_corpus(robustness_dir: Path, relpath: str, expect: Expect) -> None:
    limits = IngestLimits()
    path = robustness_dir / relpath
    result, seconds = run_isolated(path, limits)
    expect.check(result, path)
    assert seconds < limits.timeout_seconds + 5


# ------------------------------------------------------------------------------------ b) hostile set

LIMITS = IngestLimits(timeout_seconds=20, max_memory_mb=512)
"""The production limits with a shorter clock and a smaller memory budget, so that the tests run fast."""
SHORT = IngestLimits(timeout_seconds=2, max_memory_mb=512)
"""For the stand-ins that hang or spin: the test waits for the timeout."""


def good_packet(tmp: Path) -> Path:
    path = tmp / "good-packet.txt"
    path.write_text(
        "FAX 10/02/2026 09:14 FROM NEURO-ONC CLINIC PAGE 1/1\n"
        "Patient: Jane Roe. DOB 01/02/1960.\n"
        "Diagnosis: glioblastoma, status post resection and chemoradiation.\n"
        "MRI brain 09/28/2026: new enhancing lesion at the resection margin.\n"
        "Request: MR spectroscopy (CPT 76390) to distinguish tumor recurrence from radiation necrosis.\n",
        encoding="utf-8",
    )
    return path


def png_bomb(tmp: Path) -> Path:
    """A 100 000 x 100 000 pixel PNG header with (almost) no data: small on disk, 10 gigapixels declared."""
    path = tmp / "page-scan.png"
    path.write_bytes(hf.png_bytes(100_000, 100_000))
    return path


@dataclass(frozen=True)
class Case:
    make: Callable[[Path], Path]
    expect: Expect
    limits: IngestLimits = LIMITS
    target: hf.Reader | None = None
    max_seconds: float = 10.0


HOSTILE: dict[str, Case] = {
    "truncated-40-percent": Case(hf.truncated_pdf, error("E107")),
    "bit-flipped": Case(hf.bit_flipped_pdf, error("E107")),
    "flate-bomb-1GB": Case(hf.flate_bomb_pdf, error("E109"), max_seconds=15),  # > 512 MB: out of budget
    "3000-pages": Case(hf.many_pages_pdf, error("E110"), max_seconds=5),  # counted up to 501, not parsed
    "png-named-pdf": Case(hf.png_renamed_pdf, error("E105")),
    "zip-named-pdf": Case(hf.zip_renamed_pdf, error("E105")),
    # pdfium declines to decode the 10-gigapixel image, so the page renders blank and OCR finds nothing.
    "image-bomb-xobject": Case(hf.image_bomb_pdf, error("E108", "E113")),
    "giant-page": Case(hf.giant_page_pdf, with_or_without_ocr(error("E113"), error("E108"))),
    "unknown-password": Case(hf.encrypted_pdf, error("E106")),
    "4MB-text": Case(hf.big_text_file, Expect(DOCUMENT)),  # an answer far larger than the pipe's buffer
    "hanging-reader": Case(good_packet, error("E111"), SHORT, hf.hanging_reader, max_seconds=2 + 5),
    "spinning-reader": Case(good_packet, error("E111"), SHORT, hf.spinning_reader, max_seconds=2 + 5),
    "hanging-grandchild": Case(good_packet, error("E111"), SHORT, hf.reader_with_grandchild, max_seconds=2 + 5),
    "segfaulting-reader": Case(good_packet, error("E114"), target=hf.segfaulting_reader),
    "exiting-reader": Case(good_packet, error("E114"), target=hf.exiting_reader),
    "memory-hog": Case(good_packet, error("E109"), target=hf.memory_hungry_reader),
    "memory-creep": Case(good_packet, error("E109"), target=hf.creeping_memory_reader),
    "reader-bug": Case(good_packet, error("E901"), target=hf.failing_reader),
    "pil-image-bomb": Case(png_bomb, error("E113"), target=hf.image_bomb_reader),
    "temp-file-litter": Case(good_packet, Expect(DOCUMENT), target=hf.temp_file_reader),
}


@pytest.mark.parametrize("case", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: Case) -> None:
    path = case.make(tmp_path)
    pid_file = tmp_path / "grandchild.pid"
    monkeypatch.setenv(hf.HANG_ENV, "3600")
    monkeypatch.setenv(hf.PID_FILE_ENV, str(pid_file))
    result, seconds = run_isolated(path, case.limits, case.target)
    case.expect.check(result, path)
    assert seconds < case.max_seconds
    if pid_file.exists():  # whatever the reader started is killed along with it
        assert not hf.process_alive(int(pid_file.read_text()))


def test_errors_of_the_reader_process_in_words(tmp_path: Path) -> None:
    path = good_packet(tmp_path)
    messages = {
        target.__name__: str(run_isolated(path, limits, target)[0])
        for target, limits in [(hf.hanging_reader, SHORT), (hf.segfaulting_reader, LIMITS),
                               (hf.exiting_reader, LIMITS), (hf.memory_hungry_reader, LIMITS),
                               (hf.failing_reader, LIMITS)]
    }
    assert messages == {
        "hanging_reader": "E111: good-packet.txt took longer than 2 s to read and was abandoned",
        "segfaulting_reader": "E114: the reader process crashed (signal 11, segmentation fault) while reading "
                              "good-packet.txt",
        "exiting_reader": "E114: the reader process stopped without an answer (exit code 3) while reading "
                          "good-packet.txt",
        "memory_hungry_reader": "E109: good-packet.txt needs more than 512 MB of memory to read, the most one "
                                "document may use",
        "failing_reader": "E901: internal error while reading good-packet.txt (ValueError); please report",
    }


def test_isolated_document_equals_in_process_document(tmp_path: Path) -> None:
    from pipeline.ingest import load_document

    for path in (hf.REAL_PDF, good_packet(tmp_path), hf.big_text_file(tmp_path)):
        assert load_document_isolated(path, limits=LIMITS) == load_document(path, limits=LIMITS)


def test_errors_raised_by_the_reader_keep_code_message_and_stage(tmp_path: Path) -> None:
    path = hf.encrypted_pdf(tmp_path)
    with pytest.raises(PipelineError) as caught:
        load_document_isolated(path, limits=LIMITS)
    assert (caught.value.code.value, caught.value.stage) == ("E106", "ingest")
    assert caught.value.message == "locked.pdf is password-protected and cannot be opened"


def _read_in_daemon(path: str, queue: Any) -> None:
    queue.put(load_document_isolated(path, limits=LIMITS).info.n_pages)


def test_a_daemonic_caller_reads_in_process(tmp_path: Path) -> None:
    """A multiprocessing.Pool worker may not start processes: the document is still read (in process)."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    worker = context.Process(target=_read_in_daemon, args=(str(good_packet(tmp_path)), queue), daemon=True)
    worker.start()
    assert queue.get(timeout=30) == 1
    worker.join(timeout=30)
    assert worker.exitcode == 0


def test_file_name_with_a_line_break_stays_one_line(tmp_path: Path) -> None:
    path = tmp_path / "scan\nJane.pdf"
    path.write_bytes(b"not a pdf")
    with pytest.raises(PipelineError) as caught:
        load_document_isolated(path, limits=LIMITS)
    assert caught.value.message == "scan?Jane.pdf is named .pdf but its content is not a PDF"


# ------------------------------------------------------------------------------------ c) end to end

FILE_CASES = {name: case for name, case in HOSTILE.items() if case.target is None}
NLP_LIMIT = {"4MB-text"}
"""Read fine, but longer than the 1,000,000 characters spaCy analyses: E109 at the nlp stage."""


@pytest.fixture(scope="module")
def screener() -> Any:
    from pipeline.screen import Screener

    return Screener(policy_dir=Path(__file__).resolve().parents[2] / "policies", limits=LIMITS, batch_size=4,
                    isolate=True)


def test_screener_gives_one_record_per_input_in_order(tmp_path: Path, screener: Any) -> None:
    paths: list[Path] = []
    expected: list[tuple[Expect, str]] = []  # (outcome, stage of an error)
    for name, case in FILE_CASES.items():
        folder = tmp_path / name
        folder.mkdir()
        paths.append(case.make(folder))
        expected.append((error("E109"), "nlp") if name in NLP_LIMIT else (case.expect, "ingest"))
    paths += [tmp_path / "missing.pdf", good_packet(tmp_path)]
    expected += [(error("E101"), "ingest"), (Expect(DOCUMENT), "")]

    assert screener.isolate
    records = list(screener.screen(paths))

    assert len(records) == len(paths)
    for path, record, (expect, stage) in zip(paths, records, expected, strict=True):
        if expect.outcome == DOCUMENT:
            assert isinstance(record, ScreeningResult), record
            assert record.document.path == str(path)
        else:
            assert isinstance(record, ErrorRecord), record
            assert (record.path, record.stage) == (str(path), stage), record
            assert record.code in expect.codes, record
            assert display_name(path) in record.message and "\n" not in record.message
            assert SECRET not in record.message
    assert isinstance(records[-1], ScreeningResult) and records[-1].determinations


class NlpFailingOn:
    """The screener's NLP, except that it raises (quoting the text) on any text that contains `marker`."""

    def __init__(self, nlp: Any, marker: str) -> None:
        self.nlp, self.marker, self.max_length = nlp, marker, nlp.max_length

    def make_doc(self, text: str) -> Any:
        return self.nlp.make_doc(text)

    def pipe(self, texts: Any, batch_size: int) -> Any:
        texts = list(texts)
        if any(self.marker in (t if isinstance(t, str) else t.text) for t in texts):
            raise ValueError(f"cannot analyse {self.marker}")
        return self.nlp.pipe(texts, batch_size=batch_size)

    def __call__(self, doc: Any) -> Any:
        if self.marker in (doc if isinstance(doc, str) else doc.text):
            raise ValueError(f"cannot analyse {self.marker}")
        return self.nlp(doc)


def reader_failing_on(marker: str) -> hf.Reader:
    """load_document, except that it raises an unexpected exception for files whose name has `marker`."""
    from pipeline.ingest import load_document

    def read(path: str, *, limits: IngestLimits | None = None) -> IngestedDocument:
        if marker in os.fspath(path):
            raise RuntimeError(f"reader bug on {SECRET}")
        return load_document(path, limits=limits)

    return read


@pytest.mark.parametrize("isolate", [True, False], ids=["isolated", "in-process"])
@pytest.mark.parametrize(
    ("failure", "code", "stage"),
    [("reader", "E901", "ingest"), ("nlp", "E901", "nlp")],
)
def test_a_failure_costs_one_record_not_the_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, screener: Any,
                                                  isolate: bool, failure: str, code: str, stage: str) -> None:
    """Three packets in one batch; the middle one breaks the reader or the NLP: the other two are screened."""
    paths = []
    for name in ("first", "poison", "last"):
        folder = tmp_path / name
        folder.mkdir()
        path = good_packet(folder)
        if name == "poison":
            path.write_text(path.read_text(encoding="utf-8") + "POISON-MARKER\n", encoding="utf-8")
        paths.append(path)
    monkeypatch.setattr(screener, "isolate", isolate)
    if failure == "reader":
        monkeypatch.setattr("pipeline.screen.load_document", reader_failing_on("poison"))
        monkeypatch.setattr("pipeline.screen.load_document_isolated",
                            lambda path, *, limits: load_document_isolated(
                                path, limits=limits, _target=reader_failing_on("poison")))
    else:
        monkeypatch.setattr(screener, "nlp", NlpFailingOn(screener.nlp, "POISON-MARKER"))

    first, poison, last = screener.screen(paths)

    assert isinstance(first, ScreeningResult) and isinstance(last, ScreeningResult)
    assert isinstance(poison, ErrorRecord)
    assert (poison.code, poison.stage, poison.path) == (code, stage, str(paths[1]))
    assert "POISON" not in poison.message and SECRET not in poison.message
    assert "good-packet.txt" in poison.message
