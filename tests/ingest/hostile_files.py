"""Tests only: hostile input files made on the fly (small and deterministic), and stand-in readers for the
isolated worker that hang, crash or eat memory on purpose.

Nothing here is imported by the pipeline; the stand-ins reach the worker only through
`load_document_isolated(..., _target=...)`.
"""

from __future__ import annotations

import io
import os
import random
import signal
import struct
import subprocess
import tempfile
import time
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from pipeline.ingest import IngestedDocument, IngestLimits, load_document
from pipeline.ingest.isolation import temp_prefix

REPO = Path(__file__).resolve().parents[2]
REAL_PDF = REPO / "examples" / "recurrent-gbm-fax.pdf"
"""A real three-page fax packet with a text layer, the base of the truncated and bit-flipped files."""

HANG_ENV = "PRESCREEN_TEST_HANG"
"""Seconds the `hanging_reader` stand-in sleeps before reading (tests only)."""
PID_FILE_ENV = "PRESCREEN_TEST_PID_FILE"
"""Where `reader_with_grandchild` writes the pid of the process it starts (tests only)."""

# ------------------------------------------------------------------------------------------ PDF builder


def build_pdf(objects: list[bytes], *, root: int = 1, trailer_extra: bytes = b"") -> bytes:
    """A PDF whose object i+1 is objects[i], with a correct cross-reference table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R %s>>\n" % (len(objects) + 1, root, trailer_extra))
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def _one_page(page: bytes, *rest: bytes) -> bytes:
    """Catalog (1), Pages (2), the page (3) and further objects from 4 on."""
    return build_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                      page, *rest])


# ---------------------------------------------------------------------------------------- hostile files


def truncated_pdf(tmp: Path) -> Path:
    """The first 40% of a real PDF (as a fax server that dropped the line would leave it)."""
    data = REAL_PDF.read_bytes()
    path = tmp / "truncated.pdf"
    path.write_bytes(data[: len(data) * 4 // 10])
    return path


def bit_flipped_pdf(tmp: Path) -> Path:
    """A real PDF with 300 bits flipped at seeded random places."""
    data = bytearray(REAL_PDF.read_bytes())
    rng = random.Random(20261122)
    for _ in range(300):
        data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    path = tmp / "bit-flipped.pdf"
    path.write_bytes(bytes(data))
    return path


def zlib_of_zeros(megabytes: int) -> bytes:
    """A valid zlib stream of `megabytes` MB of zeros, made in well under a second: deflate blocks of 1 MB
    ended by a full flush are all alike, so one is compressed and repeated; the Adler-32 is computed."""
    chunk = bytes(1024 * 1024)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)  # raw deflate; header and checksum added below
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    end = compressor.flush()
    adler = 1
    for _ in range(megabytes):
        adler = zlib.adler32(chunk, adler)
    return b"\x78\xda" + block * megabytes + end + struct.pack(">I", adler)


def flate_bomb_pdf(tmp: Path, *, megabytes: int = 1024) -> Path:
    """One page whose content stream is FlateDecode of 1 GB of zeros: about 1 MB on disk."""
    content = zlib_of_zeros(megabytes)
    path = tmp / "flate-bomb.pdf"
    path.write_bytes(_one_page(
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        stream(content, b"/Filter /FlateDecode "),
    ))
    return path


def many_pages_pdf(tmp: Path, *, pages: int = 3000) -> Path:
    """A PDF of `pages` empty pages (about 200 KB)."""
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"] * pages
    path = tmp / "many-pages.pdf"
    path.write_bytes(build_pdf(objects))
    return path


def png_bytes(width: int, height: int, *, rows: bytes | None = None) -> bytes:
    """A greyscale PNG; `rows` (filtered scanlines) default to white for small sizes, empty for big ones."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    if rows is None:
        rows = (b"\x00" + b"\xff" * width) * height if width * height <= 1_000_000 else b""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def png_renamed_pdf(tmp: Path) -> Path:
    path = tmp / "scan-image.pdf"
    path.write_bytes(png_bytes(64, 64))
    return path


def zip_renamed_pdf(tmp: Path) -> Path:
    path = tmp / "archive.pdf"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("packet.txt", "Patient note\n" * 100)
    return path


def image_bomb_pdf(tmp: Path) -> Path:
    """One page showing an image XObject that declares 100000 x 100000 pixels (10 gigapixels)."""
    draw = b"q 612 0 0 792 0 0 cm /Im0 Do Q"
    image = stream(zlib.compress(bytes(100_000)),
                   b"/Type /XObject /Subtype /Image /Width 100000 /Height 100000 /ColorSpace /DeviceGray "
                   b"/BitsPerComponent 8 /Filter /FlateDecode ")
    path = tmp / "image-bomb.pdf"
    path.write_bytes(_one_page(
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im0 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        stream(draw),
        image,
    ))
    return path


def giant_page_pdf(tmp: Path) -> Path:
    """A blank page of 200 x 200 inches (the largest PDF allows): 3.6 gigapixels when rendered at 300 dpi."""
    path = tmp / "giant-page.pdf"
    path.write_bytes(_one_page(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] >>"))
    return path


def encrypted_pdf(tmp: Path) -> Path:
    """A text PDF encrypted with a user password nobody here knows (reportlab's standard encryption)."""
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    password = "".join(random.Random(99).choice("abcdefghijkmnpqrstuvwxyz23456789") for _ in range(16))
    path = tmp / "locked.pdf"
    encryption = pdfencrypt.StandardEncryption(password, ownerPassword=password + "-owner", strength=128)
    page = canvas.Canvas(str(path), encrypt=encryption, invariant=1)
    page.drawString(72, 720, "Patient: Jane Roe. Request: MR spectroscopy of the brain.")
    page.save()
    return path


def big_text_file(tmp: Path, *, megabytes: int = 4) -> Path:
    """A plain-text packet of a few MB: its answer is far larger than a pipe's buffer."""
    line = "Progress note: MR spectroscopy requested to distinguish tumor recurrence from radiation necrosis.\n"
    pages = 50
    page = line * (megabytes * 1024 * 1024 // pages // len(line))
    path = tmp / "big-packet.txt"
    path.write_text("\f".join([page] * pages), encoding="utf-8")
    return path


# --------------------------------------------------------------------------- stand-in readers (tests only)

Reader = Callable[..., IngestedDocument]
"""The signature of load_document: (path, *, limits) -> IngestedDocument."""


def process_alive(pid: int) -> bool:
    """True while process `pid` runs (a zombie waiting to be reaped by init counts as dead)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")



def hanging_reader(path: str, *, limits: IngestLimits) -> IngestedDocument:
    """Sleeps PRESCREEN_TEST_HANG seconds, then reads: a parser stuck in a loop."""
    time.sleep(float(os.environ.get(HANG_ENV, "3600")))
    return load_document(path, limits=limits)


def spinning_reader(path: str, *, limits: IngestLimits) -> IngestedDocument:
    """Burns CPU for ever: a parser in an endless loop that never sleeps."""
    n = 0
    while True:
        n += 1


def segfaulting_reader(path: str, *, limits: IngestLimits) -> IngestedDocument:
    """A C library that dereferences a bad pointer."""
    os.kill(os.getpid(), signal.SIGSEGV)
    raise AssertionError("unreachable")


def exiting_reader(path: str, *, limits: IngestLimits) -> IngestedDocument:
    """A library that calls exit() from C."""
    os._exit(3)


def memory_hungry_reader(path: str, *, limits: IngestLimits) -> IngestedDocument:
    """Allocates four times the memory budget at once."""
    hoard = bytearray(limits.max_memory_mb * 4 * 1024 * 1024)
    raise AssertionError(f"{len(hoard)} bytes were allocated despite the memory limit")


def creeping_memory_reader(path: str, *, limits: IngestLimits) -> IngestedDocument:
    """Grows memory 16 MB at a time, touching every page, until something stops it."""
    hoard = []
    while True:
        hoard.append(b"\x01" * (16 * 1024 * 1024))


def failing_reader(path: str, *, limits: IngestLimits) -> IngestedDocument:
    """A bug in our own code: an exception whose message quotes the document."""
    raise ValueError("Patient: Jane Roe, DOB 01/02/1960")


def image_bomb_reader(path: str, *, limits: IngestLimits) -> IngestedDocument:
    """Opens the file with PIL first, as OCR code handing a page image over would."""
    from PIL import Image

    with Image.open(path) as image:
        image.load()
    return load_document(path, limits=limits)


def temp_file_reader(path: str, *, limits: IngestLimits) -> IngestedDocument:
    """Leaves temporary files behind (as Tesseract's wrapper can), after checking where they go."""
    private = tempfile.gettempdir()
    assert os.path.basename(private).startswith(temp_prefix(os.getppid())), private
    assert os.environ["TMPDIR"] == private
    fd, _ = tempfile.mkstemp(suffix=".png")
    os.write(fd, b"page image")
    os.close(fd)
    tempfile.mkdtemp()
    return load_document(path, limits=limits)


def reader_with_grandchild(path: str, *, limits: IngestLimits) -> IngestedDocument:
    """Starts a long-running program (as a reader may start a helper program) and hangs waiting for it."""
    child = subprocess.Popen(["sleep", "3600"])
    Path(os.environ[PID_FILE_ENV]).write_text(str(child.pid))
    child.wait()
    return load_document(path, limits=limits)
