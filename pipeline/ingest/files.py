"""Opening submitted files safely: only regular files are read, never more than the byte limit.

A FIFO, a device or a socket named like a packet would block a reader for ever (a FIFO's open waits for a
writer, /dev/zero never ends), so the type is checked before opening, the file is opened non-blocking, and
the type is checked again on the open descriptor (the path may have been swapped in between).
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from pipeline.errors import ErrorCode, PipelineError

_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
_BLOCK = 1 << 20


def _kind(mode: int) -> str | None:
    """Why a file of this mode cannot be read as a packet (None: a regular file)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    return "is not an ordinary file (it is a pipe, device or socket)"


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def open_regular(path: str | os.PathLike[str], *, name: str) -> int:
    """A descriptor open for reading on a regular file; PipelineError E101 (missing) or E102 otherwise."""
    try:
        kind = _kind(os.stat(path).st_mode)
    except FileNotFoundError:
        raise PipelineError(ErrorCode.E101_NOT_FOUND, f"{name} does not exist") from None
    except OSError as exc:
        raise PipelineError(ErrorCode.E102_UNREADABLE, f"{name} cannot be read ({_reason(exc)})") from None
    except ValueError:  # a NUL character in the path
        raise PipelineError(ErrorCode.E102_UNREADABLE, f"{name} is not a valid file name") from None
    if kind:
        raise PipelineError(ErrorCode.E102_UNREADABLE, f"{name} {kind}")
    try:
        fd = os.open(path, _FLAGS)
    except FileNotFoundError:
        raise PipelineError(ErrorCode.E101_NOT_FOUND, f"{name} does not exist") from None
    except OSError as exc:
        raise PipelineError(ErrorCode.E102_UNREADABLE, f"{name} cannot be read ({_reason(exc)})") from None
    kind = _kind(os.fstat(fd).st_mode)
    if kind:
        os.close(fd)
        raise PipelineError(ErrorCode.E102_UNREADABLE, f"{name} {kind}")
    os.set_blocking(fd, True)
    return fd


def read_regular(path: str | os.PathLike[str], *, name: str, max_bytes: int) -> bytes:
    """The bytes of a regular file, at most `max_bytes` (E109 beyond, E104 when empty)."""
    fd = open_regular(path, name=name)
    try:
        if os.fstat(fd).st_size > max_bytes:
            raise PipelineError(ErrorCode.E109_TOO_LARGE, too_large(name, max_bytes))
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise PipelineError(ErrorCode.E102_UNREADABLE, f"{name} cannot be read ({_reason(exc)})") from None
    finally:
        os.close(fd)
    if not data:
        raise PipelineError(ErrorCode.E104_EMPTY_FILE, f"{name} is empty (0 bytes)")
    if len(data) > max_bytes:
        raise PipelineError(ErrorCode.E109_TOO_LARGE, too_large(name, max_bytes))
    return data


def sha256_regular(path: str | os.PathLike[str], *, max_bytes: int) -> str | None:
    """The content hash of a regular file of at most `max_bytes`, streamed; None for anything else (missing,
    unreadable, not a regular file, too large): screening it will record why."""
    try:
        fd = open_regular(path, name=Path(path).name)
    except PipelineError:
        return None
    h = hashlib.sha256()
    seen = 0
    try:
        with os.fdopen(fd, "rb") as handle:
            for block in iter(lambda: handle.read(_BLOCK), b""):
                seen += len(block)
                if seen > max_bytes:
                    return None
                h.update(block)
    except OSError:
        return None
    return h.hexdigest()


def too_large(name: str, max_bytes: int) -> str:
    mb = 1024 * 1024
    limit = f"{max_bytes / mb:g} MB" if max_bytes >= mb else f"{max_bytes} bytes"
    return f"{name} is larger than {limit}, the largest file accepted"


__all__ = ["open_regular", "read_regular", "sha256_regular", "too_large"]
