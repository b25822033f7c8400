"""Hand-made NLP output for table tests of single derivations: text, sections and mentions written by the test.

    p = Packet("IMPRESSION: Glioblastoma versus abscess.", reference="2026-11-20")
    p.section("impression", "IMPRESSION:")
    p.add("GLIOMA", "Glioblastoma")
    p.add("IMAGING_INCONCLUSIVE", "versus")
    p.add("BRAIN_INFECTION", "abscess", kind="abscess")
    fact = p.fact("tumor_vs_nontumor_differential")

Sentences end at a newline or at ". "; a mention's section is the section its start falls in. No NLP runs:
a regression in these tables is the derivation's (or its cue's), never the vocabulary's or ConText's.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from text_to_criteria import OnePageLayout

from pipeline.contracts import Evidence, Fact, ImagingStudy, Mention, NlpResult, SectionSpan
from pipeline.facts.context import CUE_ATTRIBUTE, FactContext
from pipeline.facts.imaging import build_studies
from pipeline.facts.mapper import FactResolver

_SENTENCE = re.compile(r"[^\n]*?(?:\.(?= )|\n|$)")


class Packet:
    def __init__(self, text: str, *, reference: str | None = "2026-11-20") -> None:
        self.text = text
        self.reference = date.fromisoformat(reference) if reference else None
        self.mentions: list[Mention] = []
        self.sections: list[tuple[str, int]] = []
        self.studies: list[ImagingStudy] | None = None

    # ------------------------------------------------------------------ building
    def section(self, category: str, header: str) -> Packet:
        start = self.text.index(header)
        self.sections.append((category, start))
        return self

    def add(self, concept: str, phrase: str, *, nth: int = 0, mods: tuple[str, ...] = (), rule: str | None = None,
            **attrs: str) -> Packet:
        """A mention of `concept` on the nth occurrence of `phrase`, with ConText modifiers `mods`."""
        start = -1
        for _ in range(nth + 1):
            start = self.text.index(phrase, start + 1)
        end = start + len(phrase)
        s_start, s_end = self._sentence(start)
        self.mentions.append(Mention(
            concept=concept, text=phrase, start=start, end=end, rule_id=rule or f"test.{concept.lower()}",
            attrs=attrs, section=None, sentence_start=s_start, sentence_end=s_end,
            modifiers=sorted(mods), modifier_rules=[f"test.{m}" for m in sorted(mods)],
        ))
        return self

    def study(self, modality: str, *, when: str | None = None, verdicts: tuple[str, ...] = (),
              body_part: str | None = "brain") -> Packet:
        """A prior imaging study given directly (instead of assembled from the mentions)."""
        self.studies = [*(self.studies or []), ImagingStudy(modality=modality, date=when, verdicts=sorted(verdicts),
                                                               body_part=body_part)]
        return self

    # ------------------------------------------------------------------ running
    def context(self) -> FactContext:
        sections = sorted(self.sections, key=lambda s: s[1])
        spans = [SectionSpan(category=c, start=s, end=sections[i + 1][1] if i + 1 < len(sections) else len(self.text),
                             header=c) for i, (c, s) in enumerate(sections)]
        mentions = [m.model_copy(update={"section": self._section_at(m.start)}) for m in self.mentions]
        nlp = NlpResult(mentions=sorted(mentions, key=lambda m: (m.start, m.end, m.concept)), sections=spans)
        ctx = FactContext(nlp=nlp, text=self.text, layout=OnePageLayout())
        ctx.reference_date = self.reference
        return ctx

    def fact(self, name: str) -> Fact:
        ctx = self.context()
        studies = self.studies if self.studies is not None else build_studies(ctx)
        return FactResolver(ctx, studies).fact(name)

    # ------------------------------------------------------------------ helpers
    def _sentence(self, offset: int) -> tuple[int, int]:
        for m in _SENTENCE.finditer(self.text):
            if m.start() <= offset < max(m.end(), m.start() + 1):
                return m.start(), m.end()
        return 0, len(self.text)

    def _section_at(self, offset: int) -> str | None:
        current = None
        for category, start in sorted(self.sections, key=lambda s: s[1]):
            if start <= offset:
                current = category
        return current


def cues_of(evidence: list[Evidence]) -> set[str]:
    """Every cue id the evidence cites."""
    return {c for e in evidence for c in e.attributes.get(CUE_ATTRIBUTE, "").split()}


MentionSpec = tuple[str, str] | tuple[str, str, dict[str, Any]]


def packet(text: str, *mentions: MentionSpec, sections: tuple[tuple[str, str], ...] = (),
           reference: str | None = "2026-11-20") -> Packet:
    """A Packet from a table row: mentions are (concept, phrase) or (concept, phrase, {nth, mods, rule, attrs...});
    sections are (category, header text)."""
    p = Packet(text, reference=reference)
    for category, header in sections:
        p.section(category, header)
    for spec in mentions:
        concept, phrase = spec[0], spec[1]
        options: dict[str, Any] = dict(spec[2]) if len(spec) == 3 else {}
        nth = int(options.pop("nth", 0))
        mods = tuple(options.pop("mods", ()))
        rule = options.pop("rule", None)
        p.add(concept, phrase, nth=nth, mods=mods, rule=rule, **{k: str(v) for k, v in options.items()})
    return p
