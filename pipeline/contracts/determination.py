"""Determinations: the per-payer answer, with a trace of every criterion."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, Field

from .document import DocumentInfo
from .evidence import Evidence
from .facts import Fact, ImagingStudy


class Decision(StrEnum):
    """Never deny: either the criteria are met with evidence, or a clinician reviews."""

    APPROVE = "approve"
    PEND = "pend"


class Outcome(StrEnum):
    """The policy's own category for the request."""

    MEETS_CRITERIA = "meets_criteria"
    NOT_MEDICALLY_NECESSARY = "not_medically_necessary"
    INVESTIGATIONAL = "investigational"
    CONTRAINDICATED = "contraindicated"
    INSUFFICIENT_DOCUMENTATION = "insufficient_documentation"
    CRITERIA_NOT_MET = "criteria_not_met"


class TriState(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"


class CriterionResult(BaseModel):
    """The result of one node of a policy's criteria tree."""

    id: str
    parent: str | None = None
    role: str = Field(description="scope, contraindication, exclusion, documentation, indication")
    op: str
    status: TriState
    quote: str | None = Field(default=None, description="the policy sentence this node encodes")
    explanation: str
    evidence: list[Evidence] = Field(default_factory=list)


class PolicyRef(BaseModel):
    id: str
    payer: str
    title: str
    number: str | None = None
    version: str
    effective_date: str | None = None
    source_file: str
    sha256: str = Field(description="hash of the policy YAML that was evaluated")


class Determination(BaseModel):
    payer: str
    decision: Decision
    outcome: Outcome
    reasons: list[str]
    missing_documentation: list[str] = Field(default_factory=list)
    policy: PolicyRef
    pipeline_version: str
    document_sha256: str
    criteria: list[CriterionResult]


class ScreeningResult(BaseModel):
    """One submitted document screened against one or more payers."""

    kind: str = "screening"
    pipeline_version: str
    rules_digest: str = Field(default="", description="sha256 of the rule, cue and catalogue files used")
    extractors: str = Field(default="rules", description="rules, model or rules+model (pipeline/learn/registry.py)")
    models: dict[str, str] = Field(default_factory=dict, description="model id -> sha256 of its model file")
    document: DocumentInfo
    reference_date: str | None = None
    facts: list[Fact]
    imaging: list[ImagingStudy] = Field(default_factory=list)
    determinations: list[Determination]


class ErrorRecord(BaseModel):
    """A document that could not be screened: what went wrong, in words a reviewer understands."""

    kind: str = "error"
    pipeline_version: str
    path: str
    sha256: str | None = None
    code: str = Field(description="stable error code, e.g. E101")
    stage: str = Field(description="ingest, nlp, facts, criteria, report")
    message: str
