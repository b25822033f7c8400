"""Build the clinical NLP pipeline: a blank English medspaCy pipeline with our rules. No model download."""

from __future__ import annotations

from typing import Any

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers the factories)
from .components import TARGET_GROUP
from .rules import context_rules, section_rules


def build_nlp() -> Language:
    """tokenizer -> clinical_sentences -> sectionizer -> targets -> ConText."""
    import medspacy  # noqa: F401  (registers medspaCy's factories)

    nlp = spacy.blank("en")
    nlp.add_pipe("clinical_sentences")
    sectionizer: Any = nlp.add_pipe(
        "medspacy_sectionizer",
        config={"rules": None, "require_start_line": True, "apply_sentence_boundary": True, "span_attrs": None},
    )
    sectionizer.add(section_rules(nlp.tokenizer))
    nlp.add_pipe("prior_auth_targets")
    context: Any = nlp.add_pipe(
        "medspacy_context",
        config={
            "rules": None,
            "input_span_type": "group",
            "span_group_name": TARGET_GROUP,
            "span_attrs": None,
            "prune_on_modifier_overlap": True,
        },
    )
    context.add(context_rules())
    return nlp
