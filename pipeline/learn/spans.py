"""Reviewer corrections as span annotations (`prescreen-spans/1`, JSON Lines), and their brat and Label Studio
exports, for the retraining loop.

One line per span:

    {"format": "prescreen-spans/1", "id": "evidence-12", "source": "reviewer", "kind": "added_evidence",
     "document_sha256": "...", "document_path": "...", "start": 120, "end": 151, "text": "...",
     "fact": "brain_neoplasm", "concept": null, "assertion": "present", "verdict": "added",
     "criterion_id": "fb.lesion_tumor_vs_nontumor.lesion.tumor", "payer": "florida-blue",
     "policy_id": "...", "policy_version": "...", "machine_status": "not_met", "reviewer_status": null,
     "reviewer": "nurse1", "at": "2026-12-02T15:40:00+00:00", "note": "..."}

- `start`/`end` are character offsets into the document's canonical text (the text `prescreen screen` reads,
  pages joined by "\\n\\f\\n"; identified by `document_sha256`), `text` is that slice.
- `kind`: `added_evidence` (a reviewer selected the span as evidence for a criterion; `verdict` "added", and
  `assertion` says whether the span shows the finding present, absent or suspected), or `criterion_override`
  (a reviewer overrode a criterion the screen had decided from this span; `verdict` "rejected": the span does
  not support the screen's status; `machine_status`/`reviewer_status` give both). An override of a criterion
  that cited no span is one line with `start`/`end`/`text` null: a document-level label, skipped by the brat and
  Label Studio exports.
- `fact` is the policy's fact for the criterion when it tests one; `concept` the NLP concept of the span.
- Only the judgement in force is exported (a later confirmation replaces an override).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select

from ..store.models import cases, review_criteria, review_evidence, review_items, review_users

FORMAT = "prescreen-spans/1"


def _facts_by_criterion(policy_dir: Path | None) -> dict[str, str]:
    """criterion id -> the fact it tests (policy `fact` nodes), when the policies can be loaded."""
    if policy_dir is None or not policy_dir.is_dir():
        return {}
    try:
        from ..criteria import load_policies
        from ..criteria.loader import iter_nodes, policy_roots
        from ..criteria.schema import FactNode
    except ImportError:  # pragma: no cover
        return {}
    out: dict[str, str] = {}
    try:
        loaded = load_policies(policy_dir)
    except Exception:  # a broken policy folder must not stop an export
        return {}
    for lp in loaded.values():
        for _role, root in policy_roots(lp.policy):
            for node in iter_nodes(root):
                if isinstance(node, FactNode):
                    out[node.id] = node.fact
    return out


def _record(value: Any) -> dict[str, Any]:
    return json.loads(value) if isinstance(value, str) else value


def _determination(record: dict[str, Any], payer: str) -> dict[str, Any]:
    return next((d for d in record.get("determinations") or [] if d.get("payer") == payer), {})


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    from datetime import UTC

    return (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(UTC).isoformat()


def reviewer_spans(engine: Engine, *, policy_dir: Path | None = Path("policies")) -> Iterator[dict[str, Any]]:
    """Every reviewer correction in the store as `prescreen-spans/1` dicts (added evidence, then overrides)."""
    facts = _facts_by_criterion(policy_dir)
    with engine.connect() as conn:
        names = {r.id: r.username for r in conn.execute(select(review_users.c.id, review_users.c.username))}
        added = conn.execute(
            select(review_evidence, review_items.c.payer, review_items.c.case_key, cases.c.path, cases.c.record)
            .join(review_items, review_items.c.id == review_evidence.c.item_id)
            .join(cases, cases.c.key == review_items.c.case_key).order_by(review_evidence.c.id))
        for r in added:
            det = _determination(_record(r.record), r.payer)
            policy = det.get("policy") or {}
            crit: dict[str, Any] = next((c for c in det.get("criteria") or []
                                         if c.get("id") == r.criterion_id), {})
            yield {"format": FORMAT, "id": f"evidence-{r.id}", "source": "reviewer", "kind": "added_evidence",
                   "document_sha256": r.document_sha256, "document_path": r.path, "start": r.start, "end": r.end,
                   "text": r.text, "fact": facts.get(r.criterion_id), "concept": None, "assertion": r.assertion,
                   "verdict": "added", "criterion_id": r.criterion_id, "payer": r.payer,
                   "policy_id": policy.get("id"), "policy_version": policy.get("version"),
                   "machine_status": crit.get("status"), "reviewer_status": None,
                   "reviewer": names.get(r.user_id), "at": _iso(r.at), "note": r.note}
        judgements = conn.execute(
            select(review_criteria, review_items.c.payer, review_items.c.case_key, cases.c.path, cases.c.record,
                   cases.c.document_sha256)
            .join(review_items, review_items.c.id == review_criteria.c.item_id)
            .join(cases, cases.c.key == review_items.c.case_key)
            .order_by(review_criteria.c.item_id, review_criteria.c.criterion_id, review_criteria.c.id))
        latest: dict[tuple[int, str], Any] = {}
        for r in judgements:
            latest[(r.item_id, r.criterion_id)] = r
        for r in latest.values():
            if r.action != "override":
                continue
            det = _determination(_record(r.record), r.payer)
            policy = det.get("policy") or {}
            crit2: dict[str, Any] = next((c for c in det.get("criteria") or []
                                          if c.get("id") == r.criterion_id), {})
            base = {"format": FORMAT, "source": "reviewer", "kind": "criterion_override",
                    "document_sha256": r.document_sha256, "document_path": r.path,
                    "fact": facts.get(r.criterion_id), "verdict": "rejected", "criterion_id": r.criterion_id,
                    "payer": r.payer, "policy_id": policy.get("id"), "policy_version": policy.get("version"),
                    "machine_status": r.machine_status, "reviewer_status": r.reviewer_status,
                    "reviewer": names.get(r.user_id), "at": _iso(r.at), "note": r.reason}
            spans = {(int(e["start"]), int(e["end"])): e for e in crit2.get("evidence") or []}
            if not spans:
                yield {**base, "id": f"override-{r.id}", "start": None, "end": None, "text": None,
                       "concept": None, "assertion": None}
            for (start, end), e in sorted(spans.items()):
                yield {**base, "id": f"override-{r.id}-{start}-{end}", "start": start, "end": end,
                       "text": e.get("text"), "concept": e.get("concept"), "assertion": e.get("assertion")}


def to_jsonl(spans: Iterable[dict[str, Any]]) -> Iterator[str]:
    for span in spans:
        yield json.dumps(span, sort_keys=True, ensure_ascii=False) + "\n"


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Spans from a `prescreen-spans/1` file (lines of another format are refused)."""
    out = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            span = json.loads(line)
            if span.get("format") != FORMAT:
                raise ValueError(f"{path.name} line {n}: not a {FORMAT} span")
            out.append(span)
    return out


def label_of(span: dict[str, Any]) -> str:
    """The entity type of a span in brat and Label Studio: the fact, else the concept, else `criterion`."""
    label = span.get("fact") or span.get("concept") or "criterion"
    return "".join(ch if ch.isalnum() or ch == "_" else "_" for ch in str(label))


def brat_fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span cut at line breaks (brat fragments may not contain newlines), blank pieces dropped."""
    out: list[tuple[int, int]] = []
    pos = start
    for piece in text[start:end].split("\n"):
        a, b = pos, pos + len(piece)
        while a < b and text[a] in " \t\f\r":
            a += 1
        while b > a and text[b - 1] in " \t\f\r":
            b -= 1
        if b > a:
            out.append((a, b))
        pos += len(piece) + 1
    return out


def write_brat(spans: Iterable[dict[str, Any]], texts: dict[str, str], out_dir: Path) -> int:
    """brat standoff: OUT/<sha256>.txt (the canonical text) and .ann per document, and annotation.conf.
    `texts` maps document sha256 -> canonical text; returns the number of annotations written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for s in spans:
        if s.get("start") is not None and s["document_sha256"] in texts:
            by_doc.setdefault(s["document_sha256"], []).append(s)
    labels: set[str] = set()
    written = 0
    for sha, doc_spans in sorted(by_doc.items()):
        text = texts[sha]
        lines: list[str] = []
        t = a = n = 0
        for s in doc_spans:
            frags = brat_fragments(text, int(s["start"]), int(s["end"]))
            if not frags:
                continue
            t += 1
            label = label_of(s)
            labels.add(label)
            where = ";".join(f"{x} {y}" for x, y in frags)
            shown = " ".join(text[x:y] for x, y in frags)
            lines.append(f"T{t}\t{label} {where}\t{shown}")
            for attr, value in (("Assertion", s.get("assertion")), ("Verdict", s.get("verdict"))):
                if value:
                    a += 1
                    lines.append(f"A{a}\t{attr} T{t} {value}")
            n += 1
            note = (f"criterion={s.get('criterion_id')} payer={s.get('payer')} reviewer={s.get('reviewer')} "
                    f"at={s.get('at')} machine={s.get('machine_status')} reviewer_status={s.get('reviewer_status')}"
                    + (f" note={s['note']}" if s.get("note") else ""))
            lines.append(f"#{n}\tAnnotatorNotes T{t}\t{' '.join(note.split())}")
            written += 1
        (out_dir / f"{sha}.txt").write_text(text, encoding="utf-8")
        (out_dir / f"{sha}.ann").write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    conf = ["[entities]", *sorted(labels), "", "[relations]", "", "[events]", "", "[attributes]",
            "Assertion Arg:<ENTITY>, Value:present|absent|suspected", "Verdict Arg:<ENTITY>, Value:added|rejected"]
    (out_dir / "annotation.conf").write_text("\n".join(conf) + "\n", encoding="utf-8")
    return written


LABEL_STUDIO_CONFIG = """<View>
  <Labels name="label" toName="text">{labels}
  </Labels>
  <Choices name="assertion" toName="text" perRegion="true">
    <Choice value="present"/><Choice value="absent"/><Choice value="suspected"/>
  </Choices>
  <Text name="text" value="$text"/>
</View>
"""


def label_studio_tasks(spans: Iterable[dict[str, Any]], texts: dict[str, str]) -> tuple[list[dict[str, Any]], str]:
    """Label Studio import: one task per document (its text) with the reviewer spans as a pre-made annotation,
    and the labeling config that matches it."""
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for s in spans:
        if s.get("start") is not None and s["document_sha256"] in texts:
            by_doc.setdefault(s["document_sha256"], []).append(s)
    tasks: list[dict[str, Any]] = []
    labels: set[str] = set()
    for sha, doc_spans in sorted(by_doc.items()):
        result: list[dict[str, Any]] = []
        for s in doc_spans:
            label = label_of(s)
            labels.add(label)
            value = {"start": s["start"], "end": s["end"], "text": s.get("text")}
            meta = {"text": [f"{s.get('verdict')} for {s.get('criterion_id')} by {s.get('reviewer')} at {s.get('at')}"
                             + (f": {s['note']}" if s.get("note") else "")]}
            result.append({"id": s["id"], "from_name": "label", "to_name": "text", "type": "labels",
                           "value": {**value, "labels": [label]}, "meta": meta})
            if s.get("assertion"):
                result.append({"id": s["id"], "from_name": "assertion", "to_name": "text", "type": "choices",
                               "value": {**value, "choices": [s["assertion"]]}})
        tasks.append({"data": {"text": texts[sha], "document_sha256": sha},
                      "annotations": [{"result": result, "ground_truth": False,
                                       "completed_by_reviewers": sorted({str(s.get('reviewer')) for s in doc_spans})}]})
    config = LABEL_STUDIO_CONFIG.format(labels="".join(f'\n    <Label value="{x}"/>' for x in sorted(labels)))
    return tasks, config
