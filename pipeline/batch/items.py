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

from ..about import __version__
from ..contracts import ErrorRecord, ScreeningResult
from ..criteria import LoadedPolicy
from ..errors import ErrorCode, PipelineError, display_name

MANIFEST_COLUMNS = ("path", "payer", "request_id", "received_at")
PACKET_SUFFIXES = frozenset({".pdf", ".txt", ".text"})


@dataclass(frozen=True)
class BatchItem:
    """One packet to screen: its path as listed, the payers to screen it for (None: all), and intake metadata."""

    path: str
    payers: tuple[str, ...] | None = None
    request_id: str | None = None
    received_at: str | None = None


def iter_folder(folder: Path) -> Iterator[BatchItem]:
    """Packets in a folder tree, streamed as the file system lists them: a directory of a million files is
    never held in memory (only the names of subdirectories still to visit are). Hidden files and files of
    other types are skipped. Results are keyed, so the order does not matter for resuming."""
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
        except OSError:
            continue


def iter_manifest(manifest: Path) -> Iterator[BatchItem]:
    """Rows of a CSV manifest (columns: path, payer, optional request_id and received_at). Relative paths are
    relative to the manifest's folder; `payer` may list several ids separated by ';' or be empty (all)."""
    with manifest.open(newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        missing = {"path", "payer"} - set(reader.fieldnames or [])
        if missing:
            raise PipelineError(ErrorCode.E102_UNREADABLE,
                                f"{display_name(manifest)}: manifest lacks column(s) {', '.join(sorted(missing))}; "
                                f"expected {', '.join(MANIFEST_COLUMNS)}", stage="batch")
        for row in reader:
            raw = (row.get("path") or "").strip()
            if not raw:
                continue
            path = Path(raw) if Path(raw).is_absolute() else manifest.parent / raw
            payers = tuple(p.strip() for p in (row.get("payer") or "").replace(",", ";").split(";") if p.strip())
            yield BatchItem(path=str(path), payers=payers or None,
                            request_id=(row.get("request_id") or "").strip() or None,
                            received_at=(row.get("received_at") or "").strip() or None)


def iter_input(source: Path) -> Iterator[BatchItem]:
    """A folder of packets or a CSV manifest."""
    if source.is_dir():
        return iter_folder(source)
    if source.suffix.lower() == ".csv":
        return iter_manifest(source)
    raise PipelineError(ErrorCode.E101_NOT_FOUND if not source.exists() else ErrorCode.E103_UNSUPPORTED_TYPE,
                        f"{display_name(source)}: batch input must be a folder of packets or a CSV manifest",
                        stage="batch")


def file_sha256(path: str) -> str | None:
    """The content hash, streamed; None when the file cannot be read (the screen will record why)."""
    h = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
    except OSError:
        return None
    return h.hexdigest()


def intake_id(path: str, request_id: str | None) -> str:
    """Identity of an intake: the path as listed and the request id. One intake has exactly one current record;
    re-screening it (the packet edited, a policy or the pipeline changed) supersedes the earlier record."""
    return hashlib.sha256(json.dumps([path, request_id]).encode()).hexdigest()


def item_key(item: BatchItem, sha256: str | None, policy_versions: dict[str, str]) -> str:
    """Identity of a unit of work: content hash + payers + their policy versions + pipeline version, and the
    intake (path and request id), so two intakes of the same bytes each get their record.

    Re-running a batch skips items whose key already has a record; changing the file, a policy file or the
    pipeline version makes new keys, so those packets are screened again.
    """
    payers = item.payers or tuple(sorted(policy_versions))
    parts = {
        "content": sha256 or "unreadable",
        "path": item.path,
        "payers": {p: policy_versions.get(p, "unknown") for p in sorted(payers)},
        "pipeline": __version__,
        "request_id": item.request_id,
    }
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
