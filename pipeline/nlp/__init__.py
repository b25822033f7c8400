"""Clinical NLP stage: sections, target concepts and ConText assertions (medspaCy, rules as data)."""

from .extract import mentions_from_doc, nlp_result, sections_from_doc
from .normalize import NormalizedText, normalize
from .pipeline import build_nlp

__all__ = ["NormalizedText", "build_nlp", "mentions_from_doc", "nlp_result", "normalize", "sections_from_doc"]
