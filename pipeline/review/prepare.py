"""Packet files for the case view, prepared in a child process (`python -m pipeline.review.prepare`) with a
time limit, so that a hostile PDF cannot take the web server down, and cached by content hash:

    text  PATH SHA256 OUT.json       the canonical text, pages and character layout (re-read like the screen)
    page  PATH SHA256 PAGE DPI OUT.png   one page rendered with pypdfium2

Both refuse (exit 3) when the file's sha256 is no longer the one the case was screened from, and exit 4 when
the file cannot be read. Output is written to a temporary name and renamed, so a reader never sees half a file.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..ingest import IngestedDocument

EXIT_MISMATCH = 3
EXIT_UNREADABLE = 4
TEXT_TIMEOUT = 300.0
PAGE_TIMEOUT = 60.0
MISMATCH = ("The packet file has changed since it was screened (its sha256 differs): it is not shown, so that "
            "nothing is reviewed against the wrong document. Screen the new file again.")
_HASHES: dict[tuple[str, int, int], str] = {}


class PrepareError(Exception):
    """A packet file could not be prepared; the message is for the reviewer (no document content)."""


def _read_verified(path: str, sha256: str) -> bytes:
    try:
        data = Path(path).read_bytes()
    except OSError:
        sys.exit(EXIT_UNREADABLE)
    if hashlib.sha256(data).hexdigest() != sha256:
        sys.exit(EXIT_MISMATCH)
    return data


def _atomic_write(out: Path, data: bytes) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, out)


def _text(path: str, sha256: str, out: Path) -> None:
    from ..errors import PipelineError
    from ..ingest.isolation import load_document_isolated

    _read_verified(path, sha256)
    try:  # default limits and OCR settings, as `prescreen batch` uses
        doc = load_document_isolated(path)
    except PipelineError:
        sys.exit(EXIT_UNREADABLE)
    if doc.info.sha256 != sha256:
        sys.exit(EXIT_MISMATCH)
    _atomic_write(out, text_cache_entry(doc))


def text_cache_entry(doc: IngestedDocument) -> bytes:
    """What the text cache holds for a document: its canonical text, pages and character layout."""
    return json.dumps({"sha256": doc.info.sha256, "text": doc.text,
                       "pages": [p.model_dump(mode="json") for p in doc.info.pages],
                       "layout": doc.layout.to_json()}, ensure_ascii=False).encode()


def _page(path: str, sha256: str, page: int, dpi: int, out: Path) -> None:
    import io

    import pypdfium2 as pdfium

    data = _read_verified(path, sha256)
    pdf = pdfium.PdfDocument(data)
    try:
        if not 1 <= page <= len(pdf):
            sys.exit(EXIT_UNREADABLE)
        image = pdf[page - 1].render(scale=dpi / 72).to_pil()
        buf = io.BytesIO()
        image.save(buf, format="PNG", optimize=True)
    finally:
        pdf.close()
    _atomic_write(out, buf.getvalue())


def main(argv: list[str]) -> None:
    kind = argv[0]
    if kind == "text":
        _text(argv[1], argv[2], Path(argv[3]))
    elif kind == "page":
        _page(argv[1], argv[2], int(argv[3]), int(argv[4]), Path(argv[5]))
    else:
        sys.exit(2)


@dataclass(frozen=True)
class PacketFiles:
    """Where a case's packet lives and where its prepared files are cached."""

    path: str
    sha256: str
    cache_dir: Path

    @property
    def text_file(self) -> Path:
        return self.cache_dir / "text" / f"{self.sha256}.json"

    def page_file(self, page: int, dpi: int) -> Path:
        return self.cache_dir / "pages" / f"{self.sha256}-p{page}-{dpi}.png"

    def verify(self) -> None:
        """Refuse (PrepareError) unless the file at the path still has the sha256 the case was screened from;
        checked before every use, cached files included (the hash is remembered per path, size and mtime)."""
        try:
            st = os.stat(self.path)
        except OSError:
            raise PrepareError("The packet file is no longer at the path it was screened from.") from None
        stamp = (self.path, st.st_size, st.st_mtime_ns)
        digest = _HASHES.get(stamp)
        if digest is None:
            h = hashlib.sha256()
            try:
                with open(self.path, "rb") as f:
                    for block in iter(lambda: f.read(1 << 20), b""):
                        h.update(block)
            except OSError:
                raise PrepareError("The packet file could not be read.") from None
            digest = _HASHES[stamp] = h.hexdigest()
        if digest != self.sha256:
            raise PrepareError(MISMATCH)

    def _run(self, args: list[str], timeout: float) -> None:
        try:
            done = subprocess.run([sys.executable, "-m", "pipeline.review.prepare", *args], capture_output=True,
                                  timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise PrepareError("Reading the packet file took too long.") from None
        if done.returncode == EXIT_MISMATCH:
            raise PrepareError(MISMATCH)
        if done.returncode != 0:
            raise PrepareError("The packet file could not be read.")

    def text(self) -> dict[str, object]:
        """{"text", "pages", "layout"} of the packet, from the cache or read now."""
        self.verify()
        if not self.text_file.is_file():
            self._run(["text", self.path, self.sha256, str(self.text_file)], TEXT_TIMEOUT)
        return json.loads(self.text_file.read_text(encoding="utf-8"))

    def page_png(self, page: int, dpi: int) -> Path:
        self.verify()
        target = self.page_file(page, dpi)
        if not target.is_file():
            self._run(["page", self.path, self.sha256, str(page), str(dpi), str(target)], PAGE_TIMEOUT)
        return target


if __name__ == "__main__":
    main(sys.argv[1:])
