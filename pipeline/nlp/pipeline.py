"""Build the clinical NLP pipeline: a blank English medspaCy pipeline with our rules. No model download."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import components, context_scoped, form_state, scopes  # noqa: F401  (register the factories)
from .components import HL7_MESSAGES, TARGET_GROUP
from .normalize import NormalizedText
from .rules import context_rules, section_rules

if TYPE_CHECKING:
    from ..learn.registry import ExtractorConfig

MAX_CHARS = 3_000_000
"""The longest normalised text analysed (about a thousand dense pages); longer documents are E109. Analysis
time grows linearly with the text, and a per-document time budget bounds it (Screener)."""


def build_nlp(extractors: ExtractorConfig | None = None) -> Language:
    """tokenizer -> clinical_sentences -> sectionizer (+ header sentence starts) -> targets -> ConText (+ cues
    confined to the targets that claim them) -> section and list scopes -> form option state [-> learned extractors,
    when `extractors` is not rules only (pipeline/learn/registry.py)]."""
    import medspacy  # noqa: F401  (registers medspaCy's factories)

    nlp = spacy.blank("en")
    nlp.max_length = MAX_CHARS
    nlp.add_pipe("clinical_sentences")
    sectionizer: Any = nlp.add_pipe(
        "medspacy_sectionizer",
        config={"rules": None, "require_start_line": True, "apply_sentence_boundary": False, "span_attrs": None},
    )
    sectionizer.add(section_rules(nlp.tokenizer))
    nlp.add_pipe("hl7_message_sections")  # a heading inside an HL7 message opens a section that ends with it
    nlp.add_pipe("reheaded_sections")  # "History:" under a report's title is its indication
    nlp.add_pipe("section_sentence_starts")
    nlp.add_pipe("prior_auth_targets")
    context: Any = nlp.add_pipe(  # medspaCy's ConText, comparing only what shares a scope (linear time)
        "prior_auth_context",
        config={
            "rules": None,
            "input_span_type": "group",
            "span_group_name": TARGET_GROUP,
            "span_attrs": None,
            "prune_on_modifier_overlap": True,
        },
    )
    context.add(context_rules())
    nlp.add_pipe("claimed_cues")  # "SRS vs microsurgery": the "versus" cue hedges the two options only
    nlp.add_pipe("section_context")  # "Past Medical History:" makes what is under it historical
    nlp.add_pipe("list_context")  # "Differential diagnosis:" reaches the items listed under it
    nlp.add_pipe("context_extensions")  # "MRS if ...", "no history of", "no enhancement of the mass"
    nlp.add_pipe("form_state")  # "[ ] Spine" says nothing, "Pacemaker [ ] Y [X] N" is negated
    if extractors is not None and extractors.mode != "rules":
        from ..learn import component  # noqa: F401  (registers the factory)

        nlp.add_pipe("learned_extractors", config={
            "mode": extractors.mode, "assertion": str(extractors.assertion or ""),
            "verdict": str(extractors.verdict or "")})
    return nlp


def make_doc(nlp: Language, text: NormalizedText | str) -> Doc:
    """The tokenised Doc of a normalised text, not yet analysed, carrying what normalize() read of the text for the
    components: the spans of its HL7 v2 messages (doc.user_data[HL7_MESSAGES], for hl7_message_sections). A plain
    string carries nothing. Run the pipeline on it with `nlp(doc)`, or use `analyse`."""
    if isinstance(text, str):
        return nlp.make_doc(text)
    doc = nlp.make_doc(text.text)
    if text.hl7_messages:
        doc.user_data[HL7_MESSAGES] = text.hl7_messages
    return doc


def analyse(nlp: Language, text: NormalizedText | str) -> Doc:
    """The analysed Doc of a normalised text (make_doc, then every component of `nlp`)."""
    return nlp(make_doc(nlp, text))


def analyse_all(nlp: Language, texts: Iterable[NormalizedText | str], *, batch_size: int = 16) -> Iterator[Doc]:
    """`analyse` of each text, in order, through `nlp.pipe`."""
    return iter(nlp.pipe((make_doc(nlp, t) for t in texts), batch_size=batch_size))
