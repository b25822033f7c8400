"""Training and evaluation examples for the learned extractors, from gold spans and from the NegEx sentences.

A gold span (pipeline/learn/gold.py) is placed on the packet's text as a target of the rules-only NLP pipeline,
next to the targets the rules find themselves, so ConText, the section and list scopes and the rule extensions
run over it as over any mention; its features are then read from the Doc (pipeline/learn/features.py). A NegEx
sentence is processed the same way with its condition as the only target. Each example keeps the label the
rules give the same span (`rules`), so rules and model are compared on exactly the same spans.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..nlp.components import TARGET_GROUP
from ..nlp.extract import MODIFIER_NAMES, _is_plan_branch
from ..nlp.normalize import NormalizedText, normalize
from ..nlp.pipeline import make_doc
from .features import assertion_features, rule_assertion, verdict_features

if TYPE_CHECKING:
    from .gold import GoldSpan

VERDICTS = ("inconclusive", "conclusive", "not_stated")


@dataclass(frozen=True)
class Example:
    """One span: its features, gold label, the rules' label for it, and where it comes from."""

    source: str  # "<packet>:<start>-<end>:<concept>" or "negex:<line id>"
    concept: str
    text: str
    features: dict[str, float]
    label: str
    rules: str
    group: str = ""  # the packet (or "negex"): cross-validation never splits a group
    start: int = -1  # the gold span's start in the packet's canonical text (-1 for a NegEx sentence)


def rules_label(span: Span) -> str:
    """The assertion the rules give a processed target span (its ConText modifiers and the plan-branch arrow)."""
    names = [MODIFIER_NAMES[m.category] for m in span._.modifiers if m.category in MODIFIER_NAMES]
    if _is_plan_branch(span):
        names.append("hypothetical")
    return rule_assertion(names)


def to_normalized(norm: NormalizedText, start: int, end: int) -> tuple[int, int]:
    """Map a [start, end) span of the canonical text to the normalised text (the inverse of `to_source`)."""
    offsets = norm.source_offsets
    lo = bisect.bisect_left(offsets, start, 0, len(norm.text))
    hi = bisect.bisect_left(offsets, end, lo, len(norm.text))
    return lo, max(hi, lo + 1) if end > start else lo


def process_with_targets(nlp: Language, text: NormalizedText | str, extra: Iterable[tuple[int, int, str]], *,
                         only_extra: bool = False) -> tuple[Doc, dict[tuple[int, int], Span]]:
    """Run the rules-only pipeline over `text` (a NormalizedText carries its HL7 messages to the Doc: make_doc)
    with the character spans `extra` (start, end, concept) added to
    the targets (or, with `only_extra`, as the only targets). Returns the Doc and each extra span's target Span
    by its character offsets; a span that does not fall on token boundaries is widened to them."""
    doc = make_doc(nlp, text)
    placed: dict[tuple[int, int], Span] = {}
    for name, proc in nlp.pipeline:
        if name == "prior_auth_targets" and only_extra:
            doc.spans[TARGET_GROUP] = []
        else:
            doc = proc(doc)
        if name == "prior_auth_targets":
            spans = list(doc.spans[TARGET_GROUP])
            have = {(s.start, s.end) for s in spans}
            for start, end, concept in extra:
                span = doc.char_span(start, end, label=concept.upper(), alignment_mode="expand")
                if span is None or not len(span):
                    continue
                placed[(start, end)] = span
                if (span.start, span.end) not in have:
                    spans.append(span)
                    have.add((span.start, span.end))
            spans.sort(key=lambda s: (s.start, s.end, s.label_))
            doc.spans[TARGET_GROUP] = spans
    # the processed span (span extensions are per offsets, shared by spans with the same tokens)
    by_tokens = {(s.start, s.end): s for s in doc.spans[TARGET_GROUP]}
    return doc, {k: by_tokens[(s.start, s.end)] for k, s in placed.items()}


def packet_text(packets_dir: Path, packet: str) -> tuple[str, str, str]:
    """(canonical text, NLP text, sha256) of an annotated packet, read exactly as `prescreen evaluate` reads it."""
    from ..ingest import load_document

    doc = load_document(Path(packets_dir) / f"{packet}.txt")
    return doc.text, doc.nlp_text, doc.info.sha256


def gold_examples(nlp: Language, spans: Iterable[GoldSpan], packets_dir: str | Path
                  ) -> tuple[list[Example], list[Example]]:
    """(assertion examples, verdict examples) of the gold spans, packet by packet. A span whose packet text has
    changed since it was annotated (its document hash differs) is an error, not a silent misalignment."""
    by_packet: dict[str, list[GoldSpan]] = {}
    for s in spans:
        by_packet.setdefault(s.packet, []).append(s)
    assertions: list[Example] = []
    verdicts: list[Example] = []
    for packet in sorted(by_packet):
        text, nlp_text, sha = packet_text(Path(packets_dir), packet)
        items = sorted(by_packet[packet], key=lambda s: (s.start, s.end, s.concept))
        stale = [s for s in items if s.document_sha256 and s.document_sha256 != sha]
        if stale:
            raise ValueError(f"{packet}: {len(stale)} gold spans were annotated on another version of the text")
        norm = normalize(nlp_text)
        mapped = [(*to_normalized(norm, s.start, s.end), s.concept) for s in items]
        doc, placed = process_with_targets(nlp, norm, mapped)
        targets = list(doc.spans[TARGET_GROUP])
        for s, (n_start, n_end, _) in zip(items, mapped, strict=True):
            span = placed.get((n_start, n_end))
            if span is None:
                continue
            source = f"{packet}:{s.start}-{s.end}:{s.concept}"
            surface = text[s.start:s.end]
            assertions.append(Example(source=source, concept=s.concept, text=surface,
                                      features=_with_concept(assertion_features(span), s.concept),
                                      label=s.assertion, rules=rules_label(span), group=packet, start=s.start))
            if s.verdict is not None:
                verdicts.append(Example(source=source, concept=s.concept, text=surface,
                                        features=_with_concept(verdict_features(span, targets), s.concept),
                                        label=s.verdict, rules="", group=packet, start=s.start))
    return assertions, verdicts


def _with_concept(features: dict[str, float], concept: str) -> dict[str, float]:
    """The gold concept replaces the concept the rules gave the span's tokens (it may differ for added spans)."""
    out = {k: v for k, v in features.items() if not k.startswith("concept=")}
    out[f"concept={concept.upper()}"] = 1.0
    return out


def negex_label(sentence: object) -> str:
    """One label for a NegEx sentence's assertions, by the same precedence as the gold spans."""
    names = [name for name, flag in (("family", "family"), ("hypothetical", "hypothetical"),
                                     ("negated", "negated"), ("historical", "historical"))
             if getattr(sentence, flag)]
    return rule_assertion(names)


def negex_examples(nlp: Language, sentences: Iterable[object]) -> Iterator[Example]:
    """Assertion examples of NegEx sentences (pipeline.corpus.negex.Sentence), the condition as the only target;
    sentences whose condition cannot be found in the text are skipped."""
    for s in sentences:
        text: str = s.text  # type: ignore[attr-defined]
        condition: str = s.condition  # type: ignore[attr-defined]
        lowered = text.lower()
        start = lowered.find(" ".join(condition.lower().split()))
        if start < 0:
            start = lowered.find(condition.lower())
        if start < 0:
            continue
        doc, placed = process_with_targets(nlp, text, [(start, start + len(condition), "NEGEX_CONDITION")],
                                           only_extra=True)
        span = placed.get((start, start + len(condition)))
        if span is None:
            continue
        line_id: str = s.id  # type: ignore[attr-defined]
        yield Example(source=f"negex:{line_id}", concept="NEGEX_CONDITION", text=condition,
                      features=assertion_features(span), label=negex_label(s), rules=rules_label(span),
                      group="negex")
