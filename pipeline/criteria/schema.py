"""The policy file format: a typed criteria tree (pydantic, discriminated on `op`).

See docs/policies.md for the format as a policy author sees it.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..contracts import FactStatus, Outcome

_ID = re.compile(r"^[a-z][a-z0-9_\-]*(\.[a-z0-9_\-]+)*$")


class _Strict(BaseModel):
    """Policy files are strict: unknown keys are errors, loaded models are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class _Node(_Strict):
    id: str
    label: str | None = None
    quote: str | None = Field(default=None, description="the policy sentence this node encodes (verbatim)")
    missing: str | None = Field(default=None, description="documentation that would resolve this node")
    note: str | None = Field(default=None, description="how the policy text was read, for reviewers")

    @field_validator("id")
    @classmethod
    def _valid_id(cls, v: str) -> str:
        if not _ID.match(v):
            raise ValueError(f"criterion id {v!r} must be lower-case words joined by dots")
        return v


class AllNode(_Node):
    op: Literal["all"]
    of: list[Node] = Field(min_length=1)


class AnyNode(_Node):
    op: Literal["any"]
    of: list[Node] = Field(min_length=1)


class NotNode(_Node):
    op: Literal["not"]
    of: Node


class FactNode(_Node):
    """Met when the fact's status is one of `status` (and, with `where`, among the evidence that carries a listed
    value for every attribute `where` names)."""

    op: Literal["fact"]
    fact: str
    status: list[FactStatus] = Field(min_length=1)
    where: dict[str, list[str]] | None = None
    unknown_if: list[FactStatus] = Field(default_factory=list)
    if_not_documented: Literal["not_met", "unknown"] = "not_met"


class CodesNode(_Node):
    """Met when a requested code is in `codes` (ranges such as "0609T-0612T" allowed)."""

    op: Literal["codes"]
    field: Literal["requested_cpt", "diagnosis"]
    codes: list[str] = Field(min_length=1)
    if_not_documented: Literal["not_met", "unknown"] = "not_met"


class RecentImagingNode(_Node):
    """Met when a prior study of a listed modality is dated within `within_days` days, or `within_months`
    calendar months, before the request date (exactly one of the two)."""

    op: Literal["recent_imaging"]
    modalities: list[Literal["MRI", "CT", "PET", "MRS"]] = Field(min_length=1)
    within_days: int | None = Field(default=None, gt=0)
    within_months: int | None = Field(default=None, gt=0)

    @model_validator(mode="after")
    def _one_window(self) -> RecentImagingNode:
        if (self.within_days is None) == (self.within_months is None):
            raise ValueError("give exactly one of within_days and within_months")
        return self


class ReviewerNode(_Node):
    """A criterion only a person can judge: always unknown, with the question to ask."""

    op: Literal["reviewer"]
    ask: str


Node = Annotated[
    AllNode | AnyNode | NotNode | FactNode | CodesNode | RecentImagingNode | ReviewerNode,
    Field(discriminator="op"),
]
for _cls in (AllNode, AnyNode, NotNode):
    _cls.model_rebuild()


class PolicyMeta(_Strict):
    id: str
    title: str
    number: str | None = None
    version: str
    effective_date: str | None = None
    source_file: str
    cpt_codes: list[str] = Field(min_length=1)
    lines_of_business: list[str] = Field(default_factory=list)


class Otherwise(_Strict):
    outcome: Outcome
    quote: str


class Exclusion(_Strict):
    outcome: Outcome
    criterion: Node


class ReviewerNote(_Strict):
    quote: str
    note: str


class Policy(_Strict):
    """One payer's medical policy for MRS, as data."""

    schema_version: Literal[1]
    payer: str
    policy: PolicyMeta
    otherwise: Otherwise
    indications: Node
    contraindications: Node | None = None
    exclusions: list[Exclusion] = Field(default_factory=list)
    documentation: Node | None = None
    reviewer_notes: list[ReviewerNote] = Field(default_factory=list)

    @field_validator("payer")
    @classmethod
    def _valid_payer(cls, v: str) -> str:
        if not re.match(r"^[a-z][a-z0-9\-]*$", v):
            raise ValueError(f"payer id {v!r} must be lower-case letters, digits and hyphens")
        return v
