"""What a batch processes: items from a folder or a CSV manifest, their keys, and how one item is screened.

Every engine (local worker processes, Spark) calls `screen_item`, so they produce the same records.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ..about import __version__, rules_digest
from ..contracts import ErrorRecord, ScreeningResult
from ..criteria import LoadedPolicy
from ..errors import ErrorCode, PipelineError, display_name
from ..ingest.files import sha256_regular
from ..learn.registry import read_config

MANIFEST_COLUMNS = ("path", "payer", "request_id", "received_at")
PACKET_SUFFIXES = frozenset({".pdf", ".txt", ".text"})


LISTING_STAGE = "listing"
"""Stage of the error record of a folder that could not be listed (its packets were not screened)."""


@dataclass(frozen=True)
class BatchItem:
    """One packet to screen: its path as listed, the payers to screen it for (None: all), and intake metadata.
    `error`: why the input could not even be listed (a folder that cannot be read): recorded, not screened."""

    path: str
    payers: tuple[str, ...] | None = None
    request_id: str | None = None
    received_at: str | None = None
    error: str | None = None


def iter_folder(folder: Path) -> Iterator[BatchItem]:
    """Packets in a folder tree, streamed as the file system lists them: a directory of a million files is
    never held in memory (only the names of subdirectories still to visit are). Hidden files and files of
    other types are skipped; a folder that cannot be listed becomes an item with its `error`, so it is
    recorded rather than silently skipped. Results are keyed, so the order does not matter for resuming."""
    stack = [folder]
    while stack:
        directory = stack.pop()
        try:
            with os.scandir(directory) as entries:
                for entry in entries:
                    if entry.name.startswith("."):
                        continue
                    if entry.is_dir(follow_symlinks=False):
                        stack.append(Path(entry.path))
                    elif Path(entry.name).suffix.lower() in PACKET_SUFFIXES:
                        yield BatchItem(path=entry.path)
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            yield BatchItem(path=str(directory),
                            error=f"the folder cannot be listed ({reason}); packets in it were not screened")


def _manifest_lines(handle: IO[bytes], name: str) -> Iterator[str]:
    """The manifest's lines as text, strictly UTF-8 (a byte-order mark allowed), naming the first bad line."""
    for number, raw in enumerate(handle, start=1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise PipelineError(ErrorCode.E112_BAD_ENCODING,
                                f"{name} line {number} is not UTF-8 text; save the manifest as UTF-8",
                                stage="batch") from None
        if "\x00" in line:
            raise PipelineError(ErrorCode.E102_UNREADABLE, f"{name} line {number} contains a NUL character",
                                stage="batch")
        yield line.removeprefix("\ufeff") if number == 1 else line


def iter_manifest(manifest: Path) -> Iterator[BatchItem]:
    """Rows of a CSV manifest (columns: path, payer, optional request_id and received_at). Relative paths are
    relative to the manifest's folder; `payer` may list several ids separated by ';' or be empty (all).

    The manifest must be well-formed UTF-8 CSV: a quote that leaves a field open across lines (it would
    swallow every later row), bad quoting, more fields than columns or a non-UTF-8 line stop the run with the
    line number, before anything is screened."""
    name = display_name(manifest)
    try:
        handle = manifest.open("rb")
    except OSError as exc:
        raise PipelineError(ErrorCode.E102_UNREADABLE, f"{name}: the manifest cannot be read "
                                                       f"({exc.strerror or type(exc).__name__})", stage="batch") from None
    with handle:
        reader = csv.reader(_manifest_lines(handle, name), strict=True)
        line = 0
        try:
            header = [h.strip() for h in next(reader, [])]
            missing = {"path", "payer"} - set(header)
            if missing:
                raise PipelineError(ErrorCode.E102_UNREADABLE,
                                    f"{name}: manifest lacks column(s) {', '.join(sorted(missing))}; "
                                    f"expected {', '.join(MANIFEST_COLUMNS)}", stage="batch")
            line = reader.line_num
            for fields in reader:
                start, line = line + 1, reader.line_num
                if not fields or not any(f.strip() for f in fields):
                    continue
                if line > start or any("\n" in f or "\r" in f for f in fields):
                    raise PipelineError(ErrorCode.E102_UNREADABLE,
                                        f"{name} line {start}: a quoted field runs on over {line - start + 1} lines "
                                        "(a stray quote?); fix the quoting", stage="batch")
                if len(fields) > len(header):
                    raise PipelineError(ErrorCode.E102_UNREADABLE,
                                        f"{name} line {start}: {len(fields)} fields for {len(header)} columns",
                                        stage="batch")
                row = dict(zip(header, fields, strict=False))
                raw = (row.get("path") or "").strip()
                if not raw:
                    continue
                path = Path(raw) if Path(raw).is_absolute() else manifest.parent / raw
                payers = tuple(p.strip() for p in (row.get("payer") or "").replace(",", ";").split(";") if p.strip())
                yield BatchItem(path=str(path), payers=payers or None,
                                request_id=(row.get("request_id") or "").strip() or None,
                                received_at=(row.get("received_at") or "").strip() or None)
        except csv.Error as exc:
            what = "a quoted field is never closed (a stray quote?)" if "end of data" in str(exc) else str(exc)
            raise PipelineError(ErrorCode.E102_UNREADABLE, f"{name} line {line + 1}: {what}; fix the quoting",
                                stage="batch") from None


def iter_input(source: Path) -> Iterator[BatchItem]:
    """A folder of packets or a CSV manifest."""
    if source.is_dir():
        return iter_folder(source)
    if source.suffix.lower() == ".csv":
        return iter_manifest(source)
    raise PipelineError(ErrorCode.E101_NOT_FOUND if not source.exists() else ErrorCode.E103_UNSUPPORTED_TYPE,
                        f"{display_name(source)}: batch input must be a folder of packets or a CSV manifest",
                        stage="batch")


def file_sha256(path: str, *, max_bytes: int) -> str | None:
    """The content hash, streamed; None when the file is not a regular file of at most `max_bytes` that can be
    read (the screen will record why). A FIFO or device in the input is never opened for blocking reads."""
    return sha256_regular(path, max_bytes=max_bytes)


def intake_id(path: str, request_id: str | None) -> str:
    """Identity of an intake: the path as listed and the request id. One intake has exactly one current record;
    re-screening it (the packet edited, a policy or the pipeline changed) supersedes the earlier record."""
    return hashlib.sha256(json.dumps([path, request_id]).encode()).hexdigest()


def item_key(item: BatchItem, sha256: str | None, policy_versions: dict[str, str]) -> str:
    """Identity of a unit of work: content hash + payers + their policy versions + pipeline version + the digest
    of the rule files, and the intake (path and request id), so two intakes of the same bytes each get their
    record.

    Re-running a batch skips items whose key already has a record; changing the file, a policy file, a rule
    file or the pipeline version makes new keys, so those packets are screened again.
    """
    payers = item.payers or tuple(sorted(policy_versions))
    parts = {
        "content": sha256 or "unreadable",
        "path": item.path,
        "payers": {p: policy_versions.get(p, "unknown") for p in sorted(payers)},
        "pipeline": __version__,
        "request_id": item.request_id,
        "rules": rules_digest(),
    }
    models = read_config().provenance()
    if models:  # screening with learned extractors: a new model version makes new keys (rules only: none)
        parts["models"] = models
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def batch_record(record: ScreeningResult | ErrorRecord, *, item: BatchItem, key: str) -> dict[str, object]:
    """The record written to results.jsonl: the `prescreen screen --format json` contract plus batch fields,
    with the decision clock (pipeline.clock): `received_at` (the manifest's, else the fax header's time),
    `received_source`, `priority` (expedited | standard; null for an error record) and `due_at` (ISO 8601)."""
    from ..clock import decision_clock

    data: dict[str, object] = json.loads(record.model_dump_json())
    clock = decision_clock(record, received_at=item.received_at)
    data["batch"] = {"key": key, "intake": intake_id(item.path, item.request_id), "request_id": item.request_id,
                     "received_at": clock.received_at, "payers": list(item.payers) if item.payers else None,
                     "received_source": clock.received_source,
                     "priority": clock.priority.value if clock.priority else None, "due_at": clock.due_at}
    return data


def screen_item(screener: object, item: BatchItem, *, key: str) -> dict[str, object]:
    """Screen one item with a Screener restricted to the item's payers; never raises."""
    from ..screen import Screener

    assert isinstance(screener, Screener)
    if item.error:
        error = ErrorRecord(pipeline_version=__version__, path=item.path, code=ErrorCode.E102_UNREADABLE.value,
                            stage=LISTING_STAGE, message=f"{display_name(item.path)}: {item.error}")
        return batch_record(error, item=item, key=key)
    try:
        record = screener.screen_one(item.path, payers=item.payers)
    except PipelineError as exc:  # an unknown payer in the manifest
        record = ErrorRecord(pipeline_version=__version__, path=item.path, code=exc.code.value, stage=exc.stage,
                             message=exc.message)
    return batch_record(record, item=item, key=key)


def dumps(record: dict[str, object]) -> str:
    """One results.jsonl line (sorted keys: identical records serialise identically)."""
    return json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def policy_versions(policies: Mapping[str, LoadedPolicy]) -> dict[str, str]:
    """payer -> "<version>#<hash of the policy file>" (loaded policies, e.g. a Screener's `policies`): a changed
    policy file changes the keys."""
    return {payer: f"{lp.policy.policy.version}#{lp.sha256[:12]}" for payer, lp in policies.items()}
