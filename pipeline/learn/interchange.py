"""The span gold (`prescreen-gold/1`) in and out of annotation tools: Label Studio, brat standoff, spaCy DocBin.

- Label Studio (export and import): `tasks.json`, one task per packet with the canonical text, the pipeline's
  mentions as `predictions` (annotators correct rather than start blank) and the gold as `annotations` where
  the packet has gold; `labeling_config.xml` beside it (Labels for concepts; per-region Choices for assertion
  and verdict; a per-region TextArea for the note). Each task's `data.prescreen_regions` records the fields
  of every region it was exported with, so an import knows which regions were left as they were (origin and
  rule kept), changed (`corrected`) or drawn by the annotator (`added`).
- brat standoff (export and import): `<packet>.txt` (the canonical text) and `<packet>.ann` with a T line
  per span (cut at line breaks into fragments), A lines for Assertion, Verdict, Origin and Rule, and an
  AnnotatorNotes line for the note; `annotation.conf` beside them.
- spaCy DocBin (export; `read_docbin` reads it back): one Doc per packet (blank English tokenizer) with the
  spans in `doc.spans["gold"]` (label = concept) and, index-aligned in the group's attrs, `assertion`,
  `verdict`, `origin`, `rule_id`, `note` and `char_spans` (exact offsets when a span does not fall on token
  boundaries); `doc.user_data` holds `packet` and `document_sha256`.

The Label Studio JSON is written here, not with the Label Studio SDK: its converters go from Label Studio to
other formats, not from ours to tasks with predictions, and the SDK would bring a large dependency tree.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

from pydantic import ValidationError

from .gold import (
    GoldError,
    GoldSpan,
    by_packet,
    canonical_text,
    describe_error,
    is_imaging,
    label_sets,
    sha256_of,
)
from .spans import brat_fragments

TASKS_FILE = "tasks.json"
CONFIG_FILE = "labeling_config.xml"
BRAT_CONF = "annotation.conf"
DOCBIN_FILE = "gold.spacy"
SPAN_GROUP = "gold"


def _region_fields(s: GoldSpan) -> dict[str, Any]:
    return {"start": s.start, "end": s.end, "concept": s.concept, "assertion": s.assertion, "verdict": s.verdict,
            "origin": s.origin, "rule_id": s.rule_id, "note": s.note}


# -- Label Studio ---------------------------------------------------------------------------------------------

def label_studio_config() -> str:
    """The labelling config that matches the tasks: concepts, per-region assertion, verdict and note."""
    sets = label_sets()
    labels = "".join(f"\n    <Label value={quoteattr(c)}/>" for c in sorted(sets.concepts))
    assertions = "".join(f"\n    <Choice value={quoteattr(a)}/>" for a in sets.assertions)
    verdicts = "".join(f"\n    <Choice value={quoteattr(v)}/>" for v in sets.verdicts)
    imaging = ",".join(sorted(sets.imaging_concepts))
    return (
        "<View>\n"
        f'  <Labels name="concept" toName="text">{labels}\n  </Labels>\n'
        '  <Text name="text" value="$text"/>\n'
        '  <Choices name="assertion" toName="text" perRegion="true" choice="single" required="true">'
        f"{assertions}\n  </Choices>\n"
        '  <Choices name="verdict" toName="text" perRegion="true" choice="single" visibleWhen="region-selected" '
        f'whenLabelValue="{imaging}">{verdicts}\n  </Choices>\n'
        '  <TextArea name="note" toName="text" perRegion="true" maxSubmissions="1" placeholder="reason"/>\n'
        "</View>\n")


def _ls_result(spans: Sequence[GoldSpan], prefix: str) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    result: list[dict[str, Any]] = []
    regions: dict[str, dict[str, Any]] = {}
    for n, s in enumerate(spans, 1):
        rid = f"{prefix}{n}"
        regions[rid] = _region_fields(s)
        where = {"start": s.start, "end": s.end}
        result.append({"id": rid, "from_name": "concept", "to_name": "text", "type": "labels",
                       "value": {**where, "text": s.text, "labels": [s.concept]}})
        result.append({"id": rid, "from_name": "assertion", "to_name": "text", "type": "choices",
                       "value": {**where, "choices": [s.assertion]}})
        if s.verdict is not None:
            result.append({"id": rid, "from_name": "verdict", "to_name": "text", "type": "choices",
                           "value": {**where, "choices": [s.verdict]}})
        if s.note:
            result.append({"id": rid, "from_name": "note", "to_name": "text", "type": "textarea",
                           "value": {**where, "text": [s.note]}})
    return result, regions


def label_studio_tasks(texts: Mapping[str, str], gold: Iterable[GoldSpan], predictions: Iterable[GoldSpan], *,
                       shas: Mapping[str, str], model_version: str) -> list[dict[str, Any]]:
    """One task per packet of `texts` (packet id -> canonical text; `shas`: packet id -> document hash), in id
    order."""
    gold_by, pred_by = by_packet(gold), by_packet(predictions)
    tasks = []
    for pid, text in sorted(texts.items()):
        preds, pred_regions = _ls_result(pred_by.get(pid, []), "p")
        anns, gold_regions = _ls_result(gold_by.get(pid, []), "g")
        task: dict[str, Any] = {
            "data": {"text": text, "packet": pid, "document_sha256": shas[pid],
                     "prescreen_regions": {**pred_regions, **gold_regions}},
            "predictions": [{"model_version": model_version, "result": preds}],
        }
        if pid in gold_by:
            task["annotations"] = [{"result": anns, "ground_truth": True}]
        tasks.append(task)
    return tasks


def _latest_annotation(task: Mapping[str, Any]) -> Mapping[str, Any] | None:
    done = [a for a in task.get("annotations") or [] if not a.get("was_cancelled")]
    if not done:
        return None
    return max(enumerate(done), key=lambda ia: (str(ia[1].get("updated_at") or ""), ia[0]))[1]


def spans_from_label_studio(task: Mapping[str, Any], *, where: str) -> list[GoldSpan] | None:
    """The gold of one exported task (its latest annotation), or None when it has no annotation."""
    data = task.get("data") or {}
    pid, text, sha = data.get("packet"), data.get("text"), data.get("document_sha256")
    if not isinstance(pid, str) or not isinstance(text, str) or not isinstance(sha, str):
        raise GoldError(f"{where}: a task needs data.packet, data.text and data.document_sha256")
    annotation = _latest_annotation(task)
    if annotation is None:
        return None
    known: Mapping[str, Mapping[str, Any]] = data.get("prescreen_regions") or {}
    regions: dict[str, dict[str, Any]] = {}
    for item in annotation.get("result") or []:
        value = item.get("value") or {}
        if "start" not in value or "end" not in value:
            continue
        region = regions.setdefault(str(item.get("id")), {"start": int(value["start"]), "end": int(value["end"])})
        name = item.get("from_name")
        if name == "concept" and value.get("labels"):
            region["concept"] = value["labels"][0]
        elif name in ("assertion", "verdict") and value.get("choices"):
            region[name] = value["choices"][0]
        elif name == "note" and value.get("text"):
            region["note"] = "\n".join(value["text"])
    spans = []
    for rid, region in regions.items():
        if "concept" not in region:
            raise GoldError(f"{where}: packet {pid} region {rid} has no concept label")
        before = known.get(rid)
        fields = {k: region.get(k) for k in ("start", "end", "concept", "assertion", "verdict", "note")}
        if not is_imaging(str(fields["concept"])):
            fields["verdict"] = None
        elif fields["verdict"] is None:  # a study region drawn or relabelled without a verdict choice
            fields["verdict"] = "not_stated"
        if before is None:
            origin, rule_id = "added", None
        else:
            same = all(before.get(k) == fields[k] for k in ("start", "end", "concept", "assertion", "verdict"))
            origin = before["origin"] if same or before["origin"] == "added" else "corrected"
            rule_id = before.get("rule_id")
        start, end = int(region["start"]), int(region["end"])
        spans.append(_gold(pid, sha, text, start, end, fields, origin, rule_id, where=f"{where}: packet {pid}"))
    return sorted(spans, key=lambda s: s.key)


def _gold(pid: str, sha: str, text: str, start: int, end: int, fields: Mapping[str, Any], origin: str,
          rule_id: str | None, *, where: str) -> GoldSpan:
    if not 0 <= start < end <= len(text):
        raise GoldError(f"{where}: offsets {start}:{end} outside the text")
    try:
        return GoldSpan.model_validate({
            "packet": pid, "document_sha256": sha, "start": start, "end": end, "text": text[start:end],
            "concept": fields["concept"], "assertion": fields.get("assertion"), "verdict": fields.get("verdict"),
            "origin": origin, "rule_id": rule_id, "note": fields.get("note") or None})
    except ValidationError as exc:
        raise GoldError(f"{where}: span {start}:{end}: {describe_error(exc)}") from None


def read_label_studio(path: Path) -> tuple[list[GoldSpan], list[str], dict[str, str]]:
    """Spans, the ids of the packets that had an annotation, and their texts, from a Label Studio JSON export."""
    try:
        tasks = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise GoldError(f"{path.name}: not JSON (line {exc.lineno})") from None
    if not isinstance(tasks, list):
        raise GoldError(f"{path.name}: a Label Studio export is a JSON list of tasks")
    spans: list[GoldSpan] = []
    packets: list[str] = []
    texts: dict[str, str] = {}
    for n, task in enumerate(tasks, 1):
        got = spans_from_label_studio(task, where=f"{path.name} task {n}")
        if got is not None:
            pid = task["data"]["packet"]
            packets.append(pid)
            texts[pid] = task["data"]["text"]
            spans.extend(got)
    return spans, packets, texts


# -- brat ------------------------------------------------------------------------------------------------------

def brat_conf(spans: Iterable[GoldSpan]) -> str:
    sets = label_sets()
    rules = sorted({s.rule_id for s in spans if s.rule_id})
    lines = ["[entities]", *sorted(sets.concepts), "", "[relations]", "", "[events]", "", "[attributes]",
             f"Assertion Arg:<ENTITY>, Value:{'|'.join(sets.assertions)}",
             f"Verdict Arg:<ENTITY>, Value:{'|'.join(sets.verdicts)}",
             f"Origin Arg:<ENTITY>, Value:{'|'.join(sets.origins)}"]
    if rules:
        lines.append(f"Rule Arg:<ENTITY>, Value:{'|'.join(rules)}")
    return "\n".join(lines) + "\n"


def _escape(note: str) -> str:
    """A note on one .ann line: backslash, tab and line breaks escaped (`_unescape` reverses it)."""
    return note.replace("\\", "\\\\").replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n")


def _unescape(note: str) -> str:
    out, i = [], 0
    while i < len(note):
        if note[i] == "\\" and i + 1 < len(note):
            out.append({"n": "\n", "t": "\t", "r": "\r"}.get(note[i + 1], note[i + 1]))
            i += 2
        else:
            out.append(note[i])
            i += 1
    return "".join(out)


def brat_ann(text: str, spans: Sequence[GoldSpan]) -> str:
    """The .ann of one packet."""
    lines: list[str] = []
    a = 0
    for t, s in enumerate(spans, 1):
        frags = brat_fragments(text, s.start, s.end)
        where = ";".join(f"{x} {y}" for x, y in frags)
        shown = " ".join(text[x:y] for x, y in frags)
        lines.append(f"T{t}\t{s.concept} {where}\t{shown}")
        for attr, value in (("Assertion", s.assertion), ("Verdict", s.verdict), ("Origin", s.origin),
                            ("Rule", s.rule_id)):
            if value:
                a += 1
                lines.append(f"A{a}\t{attr} T{t} {value}")
        if s.note:
            lines.append(f"#{t}\tAnnotatorNotes T{t}\t{_escape(s.note)}")
    return "".join(line + "\n" for line in lines)


def write_brat(texts: Mapping[str, str], gold: Iterable[GoldSpan], out: Path) -> int:
    """`<packet>.txt` + `<packet>.ann` for each packet of `texts`, and annotation.conf; returns spans written."""
    out.mkdir(parents=True, exist_ok=True)
    spans = list(gold)
    grouped = by_packet(spans)
    for pid, text in sorted(texts.items()):
        (out / f"{pid}.txt").write_text(text, encoding="utf-8", newline="")
        (out / f"{pid}.ann").write_text(brat_ann(text, grouped.get(pid, [])), encoding="utf-8")
    (out / BRAT_CONF).write_text(brat_conf(spans), encoding="utf-8")
    return sum(len(grouped.get(pid, [])) for pid in texts)


def read_brat_ann(pid: str, sha: str, text: str, ann: str, *, where: str) -> list[GoldSpan]:
    """The spans of one .ann (T lines of annotated concepts with their A and AnnotatorNotes lines)."""
    entities: dict[str, dict[str, Any]] = {}
    for n, line in enumerate(ann.splitlines(), 1):
        if not line.strip():
            continue
        at = f"{where} line {n}"
        parts = line.split("\t")
        if line.startswith("T"):
            if len(parts) < 2:
                raise GoldError(f"{at}: a T line is id, type and offsets, and text")
            head = parts[1].split(" ", 1)
            try:
                offsets = [tuple(int(x) for x in frag.split()) for frag in head[1].split(";")]
            except (IndexError, ValueError):
                raise GoldError(f"{at}: offsets are 'start end' fragments separated by ';'") from None
            if any(len(o) != 2 for o in offsets):
                raise GoldError(f"{at}: offsets are 'start end' fragments separated by ';'")
            entities[parts[0]] = {"concept": head[0], "start": min(o[0] for o in offsets),
                                  "end": max(o[1] for o in offsets)}
        elif line.startswith("A"):
            fields = parts[1].split() if len(parts) > 1 else []
            if len(fields) != 3 or fields[1] not in entities:
                raise GoldError(f"{at}: an A line is 'name T-id value' for a T line above it")
            name, tid, value = fields
            key = {"Assertion": "assertion", "Verdict": "verdict", "Origin": "origin", "Rule": "rule_id"}.get(name)
            if key is not None:
                entities[tid][key] = value
        elif line.startswith("#"):
            fields = parts[1].split() if len(parts) > 1 else []
            if len(fields) == 2 and fields[0] == "AnnotatorNotes" and fields[1] in entities and len(parts) > 2:
                entities[fields[1]]["note"] = _unescape("\t".join(parts[2:]))
    spans = []
    for tid, e in entities.items():
        spans.append(_gold(pid, sha, text, e["start"], e["end"], e, e.get("origin", "added"), e.get("rule_id"),
                           where=f"{where} {tid}"))
    return sorted(spans, key=lambda s: s.key)


def read_brat(folder: Path, packets_dir: Path) -> tuple[list[GoldSpan], list[str]]:
    """Spans and packet ids of every `<packet>.ann` in a brat folder; each packet's text must be in
    `packets_dir` (it gives the document hash) and equal the `.txt` beside the `.ann`."""
    spans: list[GoldSpan] = []
    packets: list[str] = []
    for ann in sorted(folder.glob("*.ann")):
        pid = ann.stem
        txt, source = ann.with_suffix(".txt"), packets_dir / f"{pid}.txt"
        if not txt.is_file():
            raise GoldError(f"{ann.name}: no {txt.name} beside it")
        if not source.is_file():
            raise GoldError(f"{ann.name}: no packet text {source.name} in {packets_dir}")
        text = txt.read_bytes().decode("utf-8")
        check_against_packets({pid: text}, packets_dir)
        spans.extend(read_brat_ann(pid, sha256_of(source), text, ann.read_text(encoding="utf-8"), where=ann.name))
        packets.append(pid)
    return spans, packets


# -- spaCy DocBin ----------------------------------------------------------------------------------------------

def write_docbin(texts: Mapping[str, str], gold: Iterable[GoldSpan], out: Path) -> tuple[int, int]:
    """`gold.spacy` in `out`; returns (spans written, spans whose token-aligned span differs from the exact
    offsets, which `char_spans` keeps)."""
    import spacy
    from spacy.tokens import DocBin, SpanGroup

    nlp = spacy.blank("en")
    grouped = by_packet(gold)
    db = DocBin(store_user_data=True)
    written = inexact = 0
    for pid, text in sorted(texts.items()):
        doc = nlp.make_doc(text)
        spans = grouped.get(pid, [])
        items = []
        for s in spans:
            span = doc.char_span(s.start, s.end, label=s.concept, alignment_mode="expand")
            if span is None:  # pragma: no cover - expand always finds tokens inside the text
                raise GoldError(f"{pid}: span {s.start}:{s.end} has no tokens")
            inexact += (span.start_char, span.end_char) != (s.start, s.end)
            items.append(span)
        doc.spans[SPAN_GROUP] = SpanGroup(doc, name=SPAN_GROUP, spans=items, attrs={
            "assertion": [s.assertion for s in spans], "verdict": [s.verdict for s in spans],
            "origin": [s.origin for s in spans], "rule_id": [s.rule_id for s in spans],
            "note": [s.note for s in spans], "char_spans": [[s.start, s.end] for s in spans]})
        doc.user_data["packet"] = pid
        doc.user_data["document_sha256"] = spans[0].document_sha256 if spans else None
        db.add(doc)
        written += len(spans)
    out.mkdir(parents=True, exist_ok=True)
    db.to_disk(out / DOCBIN_FILE)
    return written, inexact


def read_docbin(path: Path) -> list[GoldSpan]:
    """The gold spans of a DocBin written by `write_docbin` (exact offsets from `char_spans`)."""
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("en")
    out: list[GoldSpan] = []
    for doc in DocBin().from_disk(path).get_docs(nlp.vocab):
        group = doc.spans[SPAN_GROUP]
        attrs = group.attrs
        for i, span in enumerate(group):
            start, end = attrs["char_spans"][i]
            out.append(GoldSpan(packet=doc.user_data["packet"], document_sha256=doc.user_data["document_sha256"],
                                start=start, end=end, text=doc.text[start:end], concept=span.label_,
                                assertion=attrs["assertion"][i], verdict=attrs["verdict"][i],
                                origin=attrs["origin"][i], rule_id=attrs["rule_id"][i], note=attrs["note"][i]))
    return out


# -- the packets -----------------------------------------------------------------------------------------------

def packet_texts(packets_dir: Path, ids: Iterable[str]) -> dict[str, str]:
    """Canonical texts of the given packets."""
    out = {}
    for pid in ids:
        path = packets_dir / f"{pid}.txt"
        if not path.is_file():
            raise GoldError(f"no packet text {path.name} in {packets_dir}")
        out[pid] = canonical_text(path)
    return out


def check_against_packets(texts: Mapping[str, str], packets_dir: Path) -> None:
    """Refuse an import whose text is not the packet's canonical text (offsets would point elsewhere)."""
    for pid, text in texts.items():
        path = packets_dir / f"{pid}.txt"
        if path.is_file() and canonical_text(path) != text:
            raise GoldError(f"{pid}: the imported text differs from {path.name}; offsets would not match")
