"""The output folder of a batch run: one run at a time, and only a batch's own results file.

`claim_output(out)` creates the folder and takes an exclusive lock (flock on OUT/.prescreen-batch.lock) for the
run: a second run on the same folder is refused at once, naming the run that holds it. The kernel releases the
lock when the holding process ends, however it ends, so a killed run never leaves a stale lock behind. (flock
is local to one machine: on a network file system shared by several hosts, give each host its own --out.)

A results.jsonl that another command wrote (`prescreen screen --format json --out`) is refused rather than
mixed in; and `prescreen screen --out` refuses a folder that holds a batch run.
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import ErrorCode, PipelineError, display_name
from .results import RESULTS

LOCK = ".prescreen-batch.lock"


def _unusable(out: Path, exc: OSError) -> PipelineError:
    return PipelineError(ErrorCode.E302_OUTPUT_UNUSABLE,
                         f"cannot use {display_name(out)} as the output folder ({exc.strerror or type(exc).__name__})",
                         stage="batch")


def make_output_folder(out: Path) -> None:
    """Create the output folder (and parents); E302 when it cannot be (a file there, read-only, ...)."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise PipelineError(ErrorCode.E302_OUTPUT_UNUSABLE,
                            f"cannot use {display_name(out)} as the output folder (a file of that name exists)",
                            stage="batch") from None
    except OSError as exc:
        raise _unusable(out, exc) from None
    if not os.access(out, os.W_OK | os.X_OK):
        raise PipelineError(ErrorCode.E302_OUTPUT_UNUSABLE,
                            f"cannot use {display_name(out)} as the output folder (not writable)", stage="batch")


@contextmanager
def claim_output(out: Path) -> Iterator[None]:
    """Hold the output folder for one batch run (see the module docstring); E301 when another run holds it."""
    make_output_folder(out)
    lock_path = out / LOCK
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError as exc:
        raise _unusable(out, exc) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(fd)
            raise PipelineError(ErrorCode.E301_OUTPUT_IN_USE,
                                f"{display_name(out)} is in use by another batch run{holder}; wait for it to end or "
                                "choose another --out", stage="batch") from None
        os.ftruncate(fd, 0)
        os.write(fd, json.dumps({"pid": os.getpid(), "host": socket.gethostname(),
                                 "started": time.strftime("%Y-%m-%dT%H:%M:%S%z")}).encode())
        check_results_file(out / RESULTS)
        yield
    finally:
        os.close(fd)  # releases the lock


def _holder(fd: int) -> str:
    try:
        info = json.loads(os.pread(fd, 4096, 0) or b"{}")
        return f" (pid {int(info['pid'])} on {info['host']}, started {info['started']})"
    except (OSError, ValueError, KeyError, TypeError):
        return ""


def check_results_file(path: Path) -> None:
    """Refuse a results file that is not a batch's own (E303): not a regular file, or records without batch keys."""
    if not path.exists() and not path.is_symlink():
        return
    if path.is_symlink() or not path.is_file():
        raise PipelineError(ErrorCode.E303_FOREIGN_RESULTS,
                            f"{display_name(path)} in the output folder is not an ordinary file; move it away",
                            stage="batch")
    with path.open("rb") as f:
        first = f.readline(1 << 24)
    try:
        record = json.loads(first) if first.endswith(b"\n") else None
    except ValueError:
        return  # a damaged line: set aside by the run, as any other
    if isinstance(record, dict) and "kind" in record and not isinstance(record.get("batch"), dict):
        raise PipelineError(ErrorCode.E303_FOREIGN_RESULTS,
                            f"{display_name(path)} in the output folder was not written by prescreen batch (it holds "
                            "prescreen screen output); move it away or choose another --out", stage="batch")


def is_batch_folder(folder: Path) -> bool:
    """Whether a folder holds (or held) a batch run: `prescreen screen --out` must not write into it."""
    if (folder / LOCK).exists():
        return True
    results = folder / RESULTS
    try:
        with results.open("rb") as f:
            record = json.loads(f.readline(1 << 24))
    except (OSError, ValueError):
        return False
    return isinstance(record, dict) and isinstance(record.get("batch"), dict)
