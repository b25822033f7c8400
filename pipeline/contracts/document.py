"""What ingest hands to the rest of the pipeline: the canonical text and where each character sits."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class TextSource(StrEnum):
    """How a page's text was obtained."""

    TEXT_LAYER = "text_layer"
    OCR = "ocr"
    PLAIN_TEXT = "plain_text"
    BLANK = "blank"  # an image-only page found blank by its image statistics: not read, no text


class Box(BaseModel):
    """A rectangle on a page, in PDF points with the origin at the top-left corner (pdfplumber's convention)."""

    model_config = ConfigDict(frozen=True)

    page: int = Field(description="1-based page number")
    x0: float
    top: float
    x1: float
    bottom: float


class PageInfo(BaseModel):
    """One page of the submitted document and the slice of the canonical text it produced."""

    number: int = Field(description="1-based page number")
    width: float | None = None
    height: float | None = None
    start: int = Field(description="offset of the page's first character in the document text")
    end: int = Field(description="offset one past the page's last character")
    source: TextSource
    ocr_confidence: float | None = Field(default=None, description="mean word confidence 0-100 for OCR pages")


class TransmissionLine(BaseModel):
    """A fax transmission header/footer line: metadata about the fax, not clinical content."""

    start: int
    end: int
    page: int
    text: str
    date: str | None = Field(default=None, description="ISO date parsed from the line, when it has one")
    rule_id: str


class DocumentInfo(BaseModel):
    """Identity and shape of a submitted document, as reported in every result."""

    path: str
    sha256: str
    media_type: str
    n_pages: int
    n_chars: int
    pages: list[PageInfo]
    transmission_lines: list[TransmissionLine] = Field(default_factory=list)
    encoding: str | None = Field(default=None, description="plain text: the encoding it was read with")
    undecodable_bytes: int = Field(default=0, description="plain text: invalid bytes replaced by U+FFFD")
