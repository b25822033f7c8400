"""ConText on the public NegEx/ConText sentences (Chapman lab; 2,376 annotated sentences), test half.

Each sentence names one condition; we mark it as the only target and compare the assertions our pipeline gives
(ConText with our rule file, section assertions, list scopes and rule extensions) with the annotation (negated;
historical), next to medspaCy's default ConText rules alone on the same sentences, sentence splitter and sections. The rules may be tuned on the tuning half only (pipeline/corpus/negex.py); figures
are reported on the test half. Printed by `make bench`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from spacy.language import Language

from .corpus.negex import NEGEX_FILE, context_scores, load_negex
from .nlp import build_nlp
from .nlp.components import TARGET_GROUP

# Our components after ConText (scopes wider than a sentence, rule extensions): part of "ours" only.
SCOPE_COMPONENTS = ("section_context", "list_context", "context_extensions")


def _context_pipeline(default_rules: bool) -> Language:
    nlp = build_nlp()
    if default_rules:
        nlp.replace_pipe("prior_auth_context", "medspacy_context",
                         config={"rules": "default", "input_span_type": "group", "span_group_name": TARGET_GROUP,
                                 "span_attrs": None})
        for name in SCOPE_COMPONENTS:
            nlp.remove_pipe(name)
    return nlp


def run(path: Path = NEGEX_FILE, *, half: str = "test", echo: Callable[[str], None] = print
        ) -> dict[str, dict[str, dict[str, float]]]:
    if not Path(path).is_file():
        echo(f"NegEx/ConText set not found at {path}; skipped")
        return {}
    sentences = load_negex(path, half=half)
    figures = {label: context_scores(_context_pipeline(default), sentences)
               for label, default in (("ours", False), ("medspacy_default", True))}
    echo(f"ConText on the NegEx/ConText sentences, {half} half ({len(sentences)} sentences; "
         f"{figures['ours']['negation']['n']} with the condition found):")
    for label, f in figures.items():
        echo(f"  {label:17} negation  acc {f['negation']['accuracy']:.3f}  P {f['negation']['precision']:.3f}  "
             f"R {f['negation']['recall']:.3f}  F1 {f['negation']['f1']:.3f}   historical F1 {f['historical']['f1']:.3f}")
    return figures


if __name__ == "__main__":
    run()
