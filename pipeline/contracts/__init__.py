"""Typed contracts shared by every stage. Stages import these, never each other's internals."""

from .determination import (
    CriterionResult,
    Decision,
    Determination,
    ErrorRecord,
    Outcome,
    PolicyRef,
    ScreeningResult,
    TriState,
)
from .document import Box, DocumentInfo, PageInfo, TextSource, TransmissionLine
from .evidence import Evidence
from .facts import ClinicalFacts, Fact, FactStatus, ImagingStudy
from .mention import Mention, ModelOutput, NlpResult, SectionSpan

__all__ = [
    "Box",
    "ClinicalFacts",
    "CriterionResult",
    "Decision",
    "Determination",
    "DocumentInfo",
    "ErrorRecord",
    "Evidence",
    "Fact",
    "FactStatus",
    "ImagingStudy",
    "Mention",
    "ModelOutput",
    "NlpResult",
    "Outcome",
    "PageInfo",
    "PolicyRef",
    "ScreeningResult",
    "SectionSpan",
    "TextSource",
    "TransmissionLine",
    "TriState",
]
