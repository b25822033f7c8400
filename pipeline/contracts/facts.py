"""Structured clinical facts: what the policies consume, each linked to its evidence."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, Field

from .evidence import Evidence


class FactStatus(StrEnum):
    PRESENT = "present"
    SUSPECTED = "suspected"
    ABSENT = "absent"
    NOT_DOCUMENTED = "not_documented"


class Fact(BaseModel):
    """One clinical fact about the patient or the request."""

    name: str
    status: FactStatus
    value: str | int | float | list[str] | None = Field(
        default=None, description="typed value for facts that carry one (age, codes, date, kinds)"
    )
    attributes: dict[str, list[str]] = Field(default_factory=dict, description="e.g. kind, grade, laterality")
    evidence: list[Evidence] = Field(default_factory=list, description="evidence that set the status")
    ignored: list[Evidence] = Field(
        default_factory=list,
        description="mentions that did not count (family, hypothetical, ...), kept for the reviewer",
    )
    note: str | None = Field(default=None, description="how the status was derived, in one line")


class ImagingStudy(BaseModel):
    """A prior (or requested) imaging study described in the packet."""

    modality: str = Field(description="MRI, CT, PET, MRS, ...")
    body_part: str | None = Field(default=None, description="brain, spine, ... when stated")
    date: str | None = Field(default=None, description="ISO date of the study, when stated")
    verdicts: list[str] = Field(
        default_factory=list, description="inconclusive, conclusive, nonlesional, technically_limited, "
                                           "technically_adequate (from the report or a citation)"
    )
    evidence: list[Evidence] = Field(default_factory=list)


class ClinicalFacts(BaseModel):
    """Everything the criteria evaluator reads about one packet."""

    facts: dict[str, Fact]
    imaging: list[ImagingStudy] = Field(default_factory=list)
    reference_date: str | None = Field(
        default=None, description="ISO date the request was made (anchors 'within 3 months' style rules)"
    )
    low_confidence_pages: list[int] = Field(default_factory=list)
    documented: dict[str, Fact] = Field(
        default_factory=dict,
        description="the same facts resolved from clinical documentation alone (not request-form pages or fields, "
                    "not low-confidence OCR pages; request facts as in `facts`): what an approval must rest on")
    request_form_pages: list[int] = Field(default_factory=list)

    def get(self, name: str) -> Fact:
        """The named fact, or a not-documented placeholder when nothing was extracted for it."""
        fact = self.facts.get(name)
        if fact is None:
            return Fact(name=name, status=FactStatus.NOT_DOCUMENTED)
        return fact
