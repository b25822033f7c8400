"""Clinical NLP stage: sections, target concepts and ConText assertions (medspaCy, rules as data)."""

from .extract import mentions_from_doc, nlp_result, sections_from_doc
from .normalize import NormalizedText, normalize
from .pipeline import analyse, analyse_all, build_nlp, make_doc

__all__ = ["NormalizedText", "analyse", "analyse_all", "build_nlp", "make_doc", "mentions_from_doc", "nlp_result",
           "normalize", "sections_from_doc"]
