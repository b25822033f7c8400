"""Span-level gold annotations (`prescreen-gold/1`): the model, reading, writing and validation.

`annotations/spans/<packet-id>.jsonl` holds one span per line, sorted by (start, end, concept):

    {"format": "prescreen-gold/1", "packet": "dev-001", "document_sha256": "<sha256 of the .txt bytes>",
     "start": 120, "end": 132, "text": "glioblastoma", "concept": "GLIOMA", "assertion": "present",
     "verdict": null, "origin": "pipeline", "rule_id": "glioma.histology", "note": null}

- `start`/`end` are character offsets into the packet's canonical text (annotations/packets/<id>.txt decoded
  as `prescreen screen` decodes it: `canonical_text`); `text` is that slice.
- `concept` is a target concept of pipeline/nlp/resources/targets.yaml (the annotated set and the other label
  sets are data: pipeline/learn/resources/gold.yaml).
- `assertion`: present | negated | possible | historical | hypothetical | family (`assertion_of` maps the
  pipeline's ConText modifiers with the precedence of gold.yaml).
- `verdict`: inconclusive | conclusive | not_stated for an imaging-study mention, null for any other concept.
- `origin`: pipeline (bootstrapped, checked, unchanged), corrected (changed by hand), added (missed by the
  pipeline); `rule_id` is the target rule of a pipeline mention, null for an added one.

Errors name the file and line (and the field), never the document's words.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from ..ingest.plaintext import decode_text

FORMAT: Literal["prescreen-gold/1"] = "prescreen-gold/1"
Assertion = Literal["present", "negated", "possible", "historical", "hypothetical", "family"]
Verdict = Literal["inconclusive", "conclusive", "not_stated"]
Origin = Literal["pipeline", "corrected", "added"]
MANIFEST = "MANIFEST.yaml"


@dataclass(frozen=True)
class LabelSets:
    """The label sets of pipeline/learn/resources/gold.yaml."""

    concepts: frozenset[str]
    imaging_concepts: frozenset[str]
    assertions: tuple[str, ...]
    verdicts: tuple[str, ...]
    origins: tuple[str, ...]
    precedence: tuple[tuple[str, str], ...]  # (ConText modifier, assertion), strongest first


@cache
def label_sets() -> LabelSets:
    data = yaml.safe_load(resources.files("pipeline.learn.resources").joinpath("gold.yaml").read_text("utf-8"))
    return LabelSets(
        concepts=frozenset(data["concepts"]), imaging_concepts=frozenset(data["imaging_concepts"]),
        assertions=tuple(data["assertions"]), verdicts=tuple(data["verdicts"]), origins=tuple(data["origins"]),
        precedence=tuple((p["modifier"], p["assertion"]) for p in data["assertion_precedence"]))


def assertion_of(modifiers: Iterable[str]) -> str:
    """The one gold assertion for a mention's ConText modifiers (family > hypothetical > negated > possible >
    historical > present)."""
    present = set(modifiers)
    return next((assertion for modifier, assertion in label_sets().precedence if modifier in present), "present")


def is_imaging(concept: str) -> bool:
    """Whether mentions of `concept` are brain imaging studies (and so carry a verdict)."""
    return concept in label_sets().imaging_concepts


class GoldSpan(BaseModel):
    """One gold mention: a concept at character offsets of a packet's canonical text, with its assertion."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    format: Literal["prescreen-gold/1"] = FORMAT
    packet: str
    document_sha256: str
    start: int
    end: int
    text: str
    concept: str
    assertion: Assertion
    verdict: Verdict | None = None
    origin: Origin = "pipeline"
    rule_id: str | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> GoldSpan:
        if not 0 <= self.start < self.end:
            raise ValueError("start/end: need 0 <= start < end")
        if len(self.text) != self.end - self.start:
            raise ValueError("text: its length differs from end - start")
        if self.text != self.text.strip():
            raise ValueError("text: a span never starts or ends with white space")
        if self.concept not in label_sets().concepts:
            raise ValueError(f"concept: {self.concept!r} is not an annotated concept (see learn/resources/gold.yaml)")
        if is_imaging(self.concept) != (self.verdict is not None):
            raise ValueError("verdict: required for an imaging study, null for every other concept")
        if len(self.document_sha256) != 64 or any(c not in "0123456789abcdef" for c in self.document_sha256):
            raise ValueError("document_sha256: not a lowercase hex sha256")
        return self

    @property
    def key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.concept)

    def to_json(self) -> str:
        return json.dumps(self.model_dump(), ensure_ascii=False, sort_keys=False)


class GoldError(ValueError):
    """A gold file that does not follow the format; the message names the file and line, never the text."""


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def canonical_text(path: Path) -> str:
    """A packet's canonical text: its .txt decoded and newline-normalised as the screener reads it."""
    decoded = decode_text(path.read_bytes())
    if decoded is None:
        raise GoldError(f"{path.name}: not a text file")
    return decoded.text


def describe_error(exc: ValidationError) -> str:
    """A pydantic error without the offending input (it may be document text)."""
    parts = []
    for err in exc.errors(include_input=False, include_url=False):
        where = ".".join(str(x) for x in err.get("loc", ()))
        msg = str(err.get("msg", "invalid"))
        parts.append(f"{where}: {msg}" if where else msg)
    return "; ".join(parts)


def parse_line(line: str, *, where: str) -> GoldSpan:
    """One JSON line as a GoldSpan (shape and label checks only); `where` is `file line N` for errors."""
    try:
        data: Any = json.loads(line)
    except json.JSONDecodeError as exc:
        raise GoldError(f"{where}: not JSON (column {exc.colno})") from None
    if not isinstance(data, dict):
        raise GoldError(f"{where}: not a JSON object")
    if data.get("format") != FORMAT:
        raise GoldError(f"{where}: format must be {FORMAT!r}")
    try:
        return GoldSpan.model_validate(data)
    except ValidationError as exc:
        raise GoldError(f"{where}: {describe_error(exc)}") from None


def read_gold_file(path: Path, *, packets: Path | None) -> list[GoldSpan]:
    """The spans of one `<packet>.jsonl`, checked against its packet text in `packets` (when given): packet
    name, document hash, offsets inside the text, `text` equal to the slice, order and uniqueness."""
    text: str | None = None
    sha: str | None = None
    if packets is not None:
        text_path = packets / f"{path.stem}.txt"
        if not text_path.is_file():
            raise GoldError(f"{path.name}: no packet text {text_path.name} in {packets}")
        text, sha = canonical_text(text_path), sha256_of(text_path)
    spans: list[GoldSpan] = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            where = f"{path.name} line {n}"
            span = parse_line(line, where=where)
            if span.packet != path.stem:
                raise GoldError(f"{where}: packet must equal the file name {path.stem!r}")
            if sha is not None and span.document_sha256 != sha:
                raise GoldError(f"{where}: document_sha256 does not match {path.stem}.txt")
            if text is not None:
                if span.end > len(text):
                    raise GoldError(f"{where}: end {span.end} is past the end of the text ({len(text)})")
                if text[span.start:span.end] != span.text:
                    raise GoldError(f"{where}: text is not the slice start:end of the packet text")
            if spans and span.key <= spans[-1].key:
                raise GoldError(f"{where}: spans must be sorted by (start, end, concept) without duplicates")
            spans.append(span)
    return spans


def default_packets_dir(directory: Path) -> Path:
    """annotations/spans -> annotations/packets (the packet texts next to the gold folder)."""
    return directory.parent / "packets"


def gold_files(directory: Path) -> list[Path]:
    return sorted(p for p in Path(directory).glob("*.jsonl") if p.is_file())


def load_gold(directory: str | Path, *, packets: str | Path | None = None, check_text: bool = True,
              ids: Sequence[str] | None = None) -> list[GoldSpan]:
    """Every span of every `<packet>.jsonl` in `directory`, in (packet, start, end, concept) order.

    Spans are validated against the packet texts in `packets` (default: the `packets` folder next to
    `directory`) unless `check_text` is false. `ids` restricts the packets read."""
    directory = Path(directory)
    if not directory.is_dir():
        raise GoldError(f"{directory}: no such gold directory")
    texts = (Path(packets) if packets is not None else default_packets_dir(directory)) if check_text else None
    wanted = set(ids) if ids is not None else None
    out: list[GoldSpan] = []
    for path in gold_files(directory):
        if wanted is None or path.stem in wanted:
            out.extend(read_gold_file(path, packets=texts))
    return out


def by_packet(spans: Iterable[GoldSpan]) -> dict[str, list[GoldSpan]]:
    out: dict[str, list[GoldSpan]] = {}
    for s in spans:
        out.setdefault(s.packet, []).append(s)
    return out


def write_gold(spans: Iterable[GoldSpan], directory: str | Path, *,
               packets: Sequence[str] = ()) -> list[Path]:
    """Write one sorted `<packet>.jsonl` per packet of `spans` (and an empty file for each id of `packets`
    without spans); returns the files written. Duplicate (start, end, concept) in a packet is an error."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    grouped = by_packet(spans)
    for pid in packets:
        grouped.setdefault(pid, [])
    written = []
    for pid, items in sorted(grouped.items()):
        items = sorted(items, key=lambda s: s.key)
        for a, b in zip(items, items[1:], strict=False):
            if a.key == b.key:
                raise GoldError(f"{pid}: two spans at {a.start}:{a.end} with concept {a.concept}")
        path = directory / f"{pid}.jsonl"
        path.write_text("".join(s.to_json() + "\n" for s in items), encoding="utf-8")
        written.append(path)
    return written


def gold_digest(directory: str | Path) -> str:
    """sha256 over the sorted gold files (name and bytes of each): the identity of a gold set models cite."""
    h = hashlib.sha256()
    for path in gold_files(Path(directory)):
        data = path.read_bytes()
        h.update(path.name.encode() + b"\0" + str(len(data)).encode() + b"\0" + data)
    return h.hexdigest()
