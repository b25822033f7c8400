"""load_document in a throw-away process, so that no single document can take the caller down.

A PDF library that segfaults, a page that makes a parser loop for ever, a decompression or image bomb that
eats all memory: each ends in a coded PipelineError for that one document, and the run goes on.

    doc = load_document_isolated("packet.pdf", limits=IngestLimits(timeout_seconds=60))

Per document, a fresh child process (forked on Linux, so it starts with the parent's imports already
loaded) runs `load_document` under these limits:

- wall clock: the parent waits `limits.timeout_seconds`, then kills the child's whole process group
  (the child and anything it started, e.g. `tesseract`) with SIGKILL: E111;
- CPU time: RLIMIT_CPU a little above the timeout times the pages OCR may read in parallel (the threads
  share the process's CPU time), a backstop should the parent's clock be late;
- memory: RLIMIT_AS of `limits.max_memory_mb` MB on top of the address space the child inherits from its
  parent at fork (the budget is what reading the document may add); running out is E109, a child killed
  by the kernel (or dead of any other signal or exit without an answer) is E114;
- images: PIL's MAX_IMAGE_PIXELS is `limits.max_page_pixels` and its decompression-bomb warning is an
  error there: E113;
- temporary files: TMPDIR and tempfile.tempdir point at a private folder (temp_prefix()) that the
  parent creates before and removes after the child, whatever happened; core dumps are off.

The answer comes back pickled through a pipe that the parent reads while it waits (no deadlock on large
documents), and the child is always reaped (no zombies).
"""

from __future__ import annotations

import contextlib
import functools
import logging
import math
import multiprocessing
import os
import resource
import shutil
import signal
import tempfile
import time
import warnings
from collections.abc import Callable
from multiprocessing.connection import Connection, wait
from typing import Any

from pipeline.errors import ErrorCode, PipelineError, display_name

from .document import IngestedDocument, IngestLimits, load_document
from .ocr import ocr_threads

try:  # imported here, once, rather than in every reader process (it costs ~20 ms)
    from PIL import Image
except ImportError:  # pragma: no cover - pdfplumber depends on Pillow
    Image = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

TEMP_PREFIX = "prescreen-ingest-"
"""Prefix of the private temporary folder of each reader process (removed when the document is done); the
full prefix, temp_prefix(), adds the pid of the parent process, so a leftover can be traced to its owner."""
CPU_GRACE_SECONDS = 5
"""RLIMIT_CPU is the timeout plus this much: the wall clock normally decides first."""
EXIT_GRACE_SECONDS = 5.0
"""How long a reader that closed its end of the pipe without answering may take to exit before it is killed."""

Target = Callable[..., IngestedDocument]
"""What the child runs: `load_document`, or a stand-in with the same signature (tests)."""

_MB = 1024 * 1024
_TIMED_OUT = ("timed_out",)


def load_document_isolated(
    path: str | os.PathLike[str],
    *,
    limits: IngestLimits | None = None,
    _target: Target | None = None,
) -> IngestedDocument:
    """`load_document(path, limits=limits)` in a separate process; PipelineError for anything that fails.

    Besides the errors of load_document: E111 when reading takes longer than `limits.timeout_seconds`,
    E109 when it needs more than `limits.max_memory_mb` MB, E113 for an image bomb, E114 when the reader
    process dies, E901 for an unexpected exception in it (only its type is reported). `_target` replaces
    load_document (tests only).

    multiprocessing forbids a daemonic process (e.g. a multiprocessing.Pool worker) to start children: there
    the document is read in the calling process, without these protections, and a warning is logged once.
    """
    limits = limits or IngestLimits()
    target = _target or load_document
    if multiprocessing.current_process().daemon:
        _warn_not_isolated()
        return target(path, limits=limits)
    name = display_name(path)
    context = _context()
    tmpdir: str | None = None
    reader: Connection | None = None
    writer: Connection | None = None
    process: Any = None  # the BaseProcess subclass depends on the start method
    reply: tuple[Any, ...] | None = None
    grace = 0.0
    exit_code: int | None = None
    try:
        try:
            tmpdir = tempfile.mkdtemp(prefix=temp_prefix())
            reader, writer = context.Pipe(duplex=False)
            process = context.Process(
                target=_child,
                args=(writer, target, os.fspath(path), limits, tmpdir),
                name=f"{TEMP_PREFIX}reader",
                daemon=True,
            )
            process.start()
        except OSError as exc:  # no process, pipe or folder to be had: out of memory, processes or disk
            raise PipelineError(
                ErrorCode.E114_WORKER_CRASHED,
                f"the reader process for {name} could not be started ({exc.strerror or type(exc).__name__})",
            ) from None
        # Also from the parent side, so that a timeout can never come before the child's own setpgid.
        with contextlib.suppress(OSError):
            os.setpgid(process.pid, process.pid)
        writer.close()
        reply = _wait_for_reply(reader, process, timeout=limits.timeout_seconds)
        grace = EXIT_GRACE_SECONDS if reply is None else 0.0
    finally:
        for end in (reader, writer):
            if end is not None:
                end.close()
        if process is not None and process.pid is not None:
            exit_code = _stop(process, grace=grace)
        if tmpdir is not None:
            shutil.rmtree(tmpdir, ignore_errors=True)
    if reply is _TIMED_OUT:
        raise PipelineError(
            ErrorCode.E111_TIMEOUT, f"{name} took longer than {limits.timeout_seconds:g} s to read and was abandoned"
        )
    if reply is None:
        raise _no_reply_error(exit_code, name, limits)
    return _result(reply, name, limits)


@functools.cache
def _warn_not_isolated() -> None:
    log.warning("documents are read without isolation: this is a daemonic process, which cannot start a "
                "reader process (use concurrent.futures.ProcessPoolExecutor rather than multiprocessing.Pool)")


def temp_prefix(pid: int | None = None) -> str:
    """The name prefix of the private temporary folders of the readers started by process `pid` (this one)."""
    return f"{TEMP_PREFIX}{os.getpid() if pid is None else pid}-"


def _context() -> Any:
    """fork where there is one (fast: the child shares the parent's loaded modules), else spawn."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


# ---------------------------------------------------------------------------------------------- parent


def _wait_for_reply(reader: Connection, process: Any, *, timeout: float) -> tuple[Any, ...] | None:
    """The child's answer; _TIMED_OUT when it has none after `timeout` s; None when it exited without one.

    The pipe is read as soon as it has data, so a child writing a large answer never blocks on a full pipe.
    """
    deadline = time.monotonic() + timeout
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return _TIMED_OUT
        ready = wait([reader, process.sentinel], timeout=remaining)
        if reader in ready or (ready and reader.poll(0)):
            try:
                reply: tuple[Any, ...] = reader.recv()
            except (EOFError, OSError):
                return None  # died before or while answering
            except MemoryError:
                return ("memory",)
            except Exception as exc:  # an answer that does not unpickle here
                return ("exception", type(exc).__name__)
            return reply
        if process.sentinel in ready:
            return None


def _stop(process: Any, *, grace: float) -> int | None:
    """End the child and everything it started, reap it, and return its exit code (None if unknown).

    The group is killed before the child is reaped: until then its pid, which is the group's id, cannot be
    reused by an unrelated process. A child that has answered or timed out gets no grace.
    """
    if grace > 0:
        wait([process.sentinel], timeout=grace)
    with contextlib.suppress(OSError):
        os.killpg(process.pid, signal.SIGKILL)  # the child, if still alive, and e.g. a tesseract it started
    with contextlib.suppress(OSError, ValueError):
        process.kill()  # should it not lead its own process group
    process.join()
    exit_code: int | None = process.exitcode
    with contextlib.suppress(ValueError):
        process.close()
    return exit_code


def _no_reply_error(code: int | None, name: str, limits: IngestLimits) -> PipelineError:
    if code == -signal.SIGXCPU:
        return PipelineError(
            ErrorCode.E111_TIMEOUT,
            f"{name} needed more than {limits.timeout_seconds:g} s of processor time to read and was abandoned",
        )
    if code is not None and code < 0:
        signum = -code
        if signum == signal.SIGKILL:
            why = "signal 9, killed: most likely out of memory"
        else:
            why = f"signal {signum}, {_signal_words(signum)}"
        return PipelineError(
            ErrorCode.E114_WORKER_CRASHED, f"the reader process crashed ({why}) while reading {name}"
        )
    return PipelineError(
        ErrorCode.E114_WORKER_CRASHED,
        f"the reader process stopped without an answer (exit code {code}) while reading {name}",
    )


def _signal_words(signum: int) -> str:
    try:
        words = signal.strsignal(signum)
    except ValueError:
        words = None
    return (words or "unknown signal").lower()


def _result(reply: tuple[Any, ...], name: str, limits: IngestLimits) -> IngestedDocument:
    kind = reply[0]
    if kind == "document":
        document: IngestedDocument = reply[1]
        return document
    if kind == "pipeline_error":
        _, code, message, stage = reply
        raise PipelineError(ErrorCode(code), message, stage=stage)
    if kind == "memory":
        raise PipelineError(
            ErrorCode.E109_TOO_LARGE,
            f"{name} needs more than {limits.max_memory_mb} MB of memory to read, the most one document may use",
        )
    if kind == "image_bomb":
        raise PipelineError(
            ErrorCode.E113_IMAGE_TOO_LARGE,
            f"{name} contains an image larger than {limits.max_page_pixels / 1e6:g} million pixels, "
            "the largest accepted",
        )
    raise PipelineError(
        ErrorCode.E901_INTERNAL,
        f"internal error while reading {name} ({reply[1] if len(reply) > 1 else 'unknown'}); please report",
    )


# ----------------------------------------------------------------------------------------------- child


def die_with_parent() -> None:
    """Linux: have the kernel SIGKILL this process when its parent dies, so a killed run leaves no orphans."""
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: the parent's own clean-up still applies


def _child(conn: Connection, target: Target, path: str, limits: IngestLimits, tmpdir: str) -> None:
    """Runs in the reader process: limits, private temp folder, the read, one answer through `conn`."""
    with contextlib.suppress(OSError):
        os.setpgid(0, 0)
    die_with_parent()
    os.environ["TMPDIR"] = tmpdir
    tempfile.tempdir = tmpdir
    _limit_resources(limits)
    image_error = _limit_images(limits)
    reply: tuple[Any, ...]
    try:
        reply = ("document", target(path, limits=limits))
    except BaseException as exc:
        reply = _classify(exc, image_error)
    try:
        conn.send(reply)
    except MemoryError:
        _send_quietly(conn, ("memory",))
    except Exception as exc:  # e.g. a result that does not pickle: report its type, never its content
        _send_quietly(conn, ("exception", type(exc).__name__))
    finally:
        conn.close()


def _send_quietly(conn: Connection, reply: tuple[Any, ...]) -> None:
    with contextlib.suppress(Exception):
        conn.send(reply)


def cpu_seconds(limits: IngestLimits) -> int:
    """RLIMIT_CPU of a reader: the timeout times the pages OCR reads in parallel, plus CPU_GRACE_SECONDS."""
    threads = ocr_threads(limits.ocr_threads) if limits.ocr else 1
    return math.ceil(limits.timeout_seconds * threads) + CPU_GRACE_SECONDS


def _limit_resources(limits: IngestLimits) -> None:
    cpu = cpu_seconds(limits)
    _set_limit(resource.RLIMIT_CPU, cpu, cpu + CPU_GRACE_SECONDS)
    _set_limit(resource.RLIMIT_CORE, 0, 0)
    budget = _address_space_in_use() + limits.max_memory_mb * _MB
    _set_limit(resource.RLIMIT_AS, budget, budget)


def _set_limit(kind: int, soft: int, hard: int) -> None:
    """Lower a resource limit; never raise one above what the process already has."""
    old_soft, old_hard = resource.getrlimit(kind)
    if old_hard != resource.RLIM_INFINITY:
        hard = min(hard, old_hard)
        soft = min(soft, hard)
    if old_soft != resource.RLIM_INFINITY and old_soft < soft:
        soft = old_soft
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(kind, (soft, hard))


def _address_space_in_use() -> int:
    """Bytes of virtual address space this process has mapped (VmSize), 0 when unknown."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _limit_images(limits: IngestLimits) -> tuple[type[BaseException], ...]:
    """PIL refuses images over max_page_pixels; returns the exception types that mean an image bomb."""
    if Image is None:
        return ()
    Image.MAX_IMAGE_PIXELS = limits.max_page_pixels
    warnings.simplefilter("error", Image.DecompressionBombWarning)
    return (Image.DecompressionBombError, Image.DecompressionBombWarning)


def _classify(exc: BaseException, image_error: tuple[type[BaseException], ...]) -> tuple[Any, ...]:
    """The answer for an exception raised by the read. Readers turn library errors into PipelineError
    `from None`, which keeps the original as __context__: a memory or image-bomb error behind it wins."""
    chain = list(_chain(exc))
    if any(isinstance(e, MemoryError) for e in chain):
        return ("memory",)
    if image_error and any(isinstance(e, image_error) for e in chain):
        return ("image_bomb",)
    if isinstance(exc, PipelineError):
        return ("pipeline_error", exc.code.value, exc.message, exc.stage)
    return ("exception", type(exc).__name__)


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and all(current is not e for e in seen) and len(seen) < 50:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen

