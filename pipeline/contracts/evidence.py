"""Evidence: the exact place in the submitted document that supports a claim."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from .document import Box
from .mention import ModelOutput


class Evidence(BaseModel):
    """A span of the document text, with everything a reviewer needs to find and judge it."""

    model_config = ConfigDict(frozen=True)

    text: str
    start: int = Field(description="character offset in the document text (inclusive)")
    end: int = Field(description="character offset in the document text (exclusive)")
    page: int | None = Field(default=None, description="1-based page of the first character")
    boxes: list[Box] = Field(default_factory=list, description="one rectangle per line the span covers")
    section: str | None = None
    sentence: str | None = None
    concept: str | None = Field(default=None, description="target concept label that matched")
    rule_id: str | None = Field(default=None, description="id of the extraction rule that matched")
    modifiers: list[str] = Field(
        default_factory=list,
        description="ConText assertions on the span: negated, uncertain, historical, hypothetical, family",
    )
    modifier_rules: list[str] = Field(default_factory=list, description="ids of the ConText rules that fired")
    model_outputs: list[ModelOutput] = Field(
        default_factory=list, description="labels of learned extractors on the span (model id, probability)")
    attributes: dict[str, str] = Field(default_factory=dict)
    assertion: str | None = Field(
        default=None, description="what this span asserts for the fact: present, suspected or absent"
    )
