"""Ingest: a submitted PDF or text file becomes canonical text, page spans, a character layout and the
list of fax transmission lines."""

from .document import IngestedDocument, IngestLimits, load_document
from .layout import TextLayout

__all__ = ["IngestLimits", "IngestedDocument", "TextLayout", "load_document"]
