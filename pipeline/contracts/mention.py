"""Mentions: what the NLP stage found, as plain data (picklable, no spaCy objects)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class ModelOutput(BaseModel):
    """What a learned extractor said about a mention: the model (`assertion@1.1.0`), its label and probability,
    and whether that label replaced the rules' (`applied`; see pipeline/learn/registry.py for how they combine)."""

    model_config = ConfigDict(frozen=True)

    model: str
    kind: str = Field(description="assertion or verdict")
    label: str
    probability: float
    applied: bool = False


class Mention(BaseModel):
    """One target concept matched in the document, with its ConText assertions.

    Offsets are in the canonical document text (ingest's `text`), not in the NLP-normalised text.
    """

    model_config = ConfigDict(frozen=True)

    concept: str
    text: str
    start: int
    end: int
    rule_id: str
    attrs: dict[str, str] = Field(default_factory=dict)
    section: str | None = None
    sentence_start: int
    sentence_end: int
    modifiers: list[str] = Field(
        default_factory=list, description="negated, uncertain, historical, hypothetical, family"
    )
    modifier_rules: list[str] = Field(default_factory=list)
    model_outputs: list[ModelOutput] = Field(default_factory=list, description="learned extractors' labels")

    def has(self, modifier: str) -> bool:
        return modifier in self.modifiers


class SectionSpan(BaseModel):
    """A section of the document (from a header to the next header), in canonical-text offsets."""

    model_config = ConfigDict(frozen=True)

    category: str
    start: int
    end: int
    header: str
    rule_id: str | None = None


class NlpResult(BaseModel):
    """What the NLP stage hands to the fact mapper."""

    mentions: list[Mention]
    sections: list[SectionSpan]
