"""Every way a file can be unusable ends in a coded PipelineError with a one-line, content-free message."""

from __future__ import annotations

import os
import random
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.corpus.render import render_text_pdf
from pipeline.errors import ErrorCode, PipelineError
from pipeline.ingest import IngestedDocument, load_document

SECRET = "Jane Roe glioblastoma"
"""Document content that must never appear in an error message."""


def _missing(tmp: Path) -> Path:
    return tmp / "missing.pdf"


def _directory(tmp: Path) -> Path:
    folder = tmp / "folder.pdf"
    folder.mkdir()
    return folder


def _zero_bytes(tmp: Path) -> Path:
    path = tmp / "empty.pdf"
    path.write_bytes(b"")
    return path


def _hello_pdf(tmp: Path) -> Path:
    path = tmp / "hello.pdf"
    path.write_text(f"hello {SECRET}")
    return path


def _random_binary(tmp: Path) -> Path:
    path = tmp / "blob.bin"
    path.write_bytes(random.Random(7).randbytes(4096))
    return path


def _random_binary_txt(tmp: Path) -> Path:
    path = tmp / "blob.txt"
    path.write_bytes(random.Random(8).randbytes(4096))
    return path


def _truncated_pdf(tmp: Path) -> Path:
    whole = tmp / "whole.pdf"
    render_text_pdf(f"{SECRET}\n" * 40 + "\f" + f"{SECRET}\n" * 40, whole)
    data = whole.read_bytes()
    path = tmp / "truncated.pdf"
    path.write_bytes(data[: len(data) // 2])
    return path


def _blank_pdf(tmp: Path) -> Path:
    path = tmp / "blank.pdf"
    render_text_pdf("", path)
    return path


def _fifo(tmp: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this platform")
    path = tmp / "pipe.txt"
    os.mkfifo(path)
    return path


GENERATED: list[tuple[str, Callable[[Path], Path], set[ErrorCode]]] = [
    ("missing", _missing, {ErrorCode.E101_NOT_FOUND}),
    ("directory", _directory, {ErrorCode.E102_UNREADABLE}),
    ("fifo", _fifo, {ErrorCode.E102_UNREADABLE}),
    ("zero-bytes", _zero_bytes, {ErrorCode.E104_EMPTY_FILE}),
    ("hello-renamed-pdf", _hello_pdf, {ErrorCode.E105_NOT_A_PDF}),
    ("random-binary", _random_binary, {ErrorCode.E103_UNSUPPORTED_TYPE}),
    ("random-binary-txt", _random_binary_txt, {ErrorCode.E103_UNSUPPORTED_TYPE}),
    ("truncated-pdf", _truncated_pdf, {ErrorCode.E107_MALFORMED_PDF, ErrorCode.E105_NOT_A_PDF}),
    ("pdf-without-text", _blank_pdf, {ErrorCode.E108_NO_TEXT}),
]


def assert_clean_message(error: PipelineError, path: Path) -> None:
    assert "\n" not in error.message and "\n" not in str(error)
    assert SECRET not in str(error) and "Jane" not in str(error)
    assert str(error).startswith(error.code.value + ": ")
    assert path.name in error.message


@pytest.mark.parametrize(("make", "codes"), [g[1:] for g in GENERATED], ids=[g[0] for g in GENERATED])
def test_generated_bad_files(tmp_path: Path, make: Callable[[Path], Path], codes: set[ErrorCode]) -> None:
    path = make(tmp_path)
    with pytest.raises(PipelineError) as caught:
        load_document(path)
    assert caught.value.code in codes
    assert caught.value.stage == "ingest"
    assert_clean_message(caught.value, path)


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can read files without permission"
)
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("text")
    path.chmod(0)
    with pytest.raises(PipelineError) as caught:
        load_document(path)
    assert caught.value.code is ErrorCode.E102_UNREADABLE


def test_page_tree_loop_terminates(robustness_dir: Path) -> None:
    outcome: list[IngestedDocument | BaseException] = []

    def run() -> None:
        # Record whatever happens so the test thread can judge it.
        try:
            outcome.append(load_document(robustness_dir / "qpdf" / "pages-loop.pdf"))
        except BaseException as exc:
            outcome.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=60)
    assert not worker.is_alive(), "load_document hangs on a page tree with a cycle"
    [result] = outcome
    assert isinstance(result, IngestedDocument | PipelineError), repr(result)


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to count open files")
def test_no_file_handles_leak(tmp_path: Path) -> None:
    pdf = tmp_path / "note.pdf"
    render_text_pdf("Alpha Bravo\fCharlie", pdf)
    txt = tmp_path / "note.txt"
    txt.write_text("Alpha Bravo")
    bad = _truncated_pdf(tmp_path)
    before = len(os.listdir("/proc/self/fd"))
    for _ in range(20):
        load_document(pdf)
        load_document(txt)
        with pytest.raises(PipelineError):
            load_document(bad)
    assert len(os.listdir("/proc/self/fd")) == before
