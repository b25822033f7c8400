"""A ConText cue's `needs_after` / `needs_before` / `needs_in_sentence` / `needs_between` / `needs_before_target` /
`needs_in_lines` check reads the same text and matches it the same way whether ConText runs it (the rule's `on_modifies` callback) or a scope asks it
(`cue_needs_after`, used by pipeline/nlp/scopes.py and context_scoped.py): both go through one helper,
`needs_holds` in pipeline/nlp/rules.py (the text window of each check, `needs_window`, then the match), so a change
to one check cannot miss the other.

Each row: the check, its pattern, a text with the cue in [brackets] and its target in {braces}, and whether the
check holds. `|` marks a line wrap; every row is read on one line, wrapped with a newline and an indentation, and
with a double space. A wrap-proof pattern (a whitespace lookbehind: pipeline/cues.py `wrap_proof`) reads a wrap as
one space, so all layouts agree. Near misses (the check must fail) are marked `near-`.

Rows are freshly written.
"""

from __future__ import annotations

import re

import pytest
import spacy

from pipeline.cues import spaced_match, wrap_proof
from pipeline.nlp.rules import NEEDS_KINDS, context_rules, cue_needs_after, needs_holds, needs_window

LAYOUTS = {"one-line": " ", "indented": "\n    ", "double-space": "  "}

# name: (kind, pattern, text, holds)
ROWS: dict[str, tuple[str, str, str, bool]] = {
    # needs_after: matches at the start of the text after the cue, in its sentence
    "after-were-seizures": ("needs_after", r"\s+(?:the\s+)?(?:seizures?|headaches?|spells?)\b",
                            "[Were] the|seizures to recur, we would repeat the {EEG}.", True),
    "near-after-were-parents": ("needs_after", r"\s+(?:the\s+)?(?:seizures?|headaches?|spells?)\b",
                                "[Were] the parents told about the {MRI} result?", False),
    "after-not-yet-resulted": ("needs_after", r"[^.]*?(?<!\bnot\s)(?<!\byet\s)\bresulted\b",
                               "The {ammonia} [level] was|resulted at noon.", True),
    "near-after-not-resulted-wrapped": ("needs_after", r"[^.]*?(?<!\bnot\s)(?<!\byet\s)\bresulted\b",
                                        "The {lactate} [level] is not|resulted.", False),
    "near-after-next-sentence": ("needs_after", r"\s+(?:the\s+)?(?:seizures?|headaches?|spells?)\b",
                                 "Ask about {epilepsy} [were]. Seizures were not seen.", False),
    # needs_before: found in the text before the cue, in its sentence
    "before-a-meningioma": ("needs_before", r"(?<!\bher\s)(?<!\bhis\s)\b(?:glioma|meningioma)\s+\Z",
                            "A|meningioma [requires] a {biopsy} when it grows.", True),
    "near-before-her-glioma-wrapped": ("needs_before", r"(?<!\bher\s)(?<!\bhis\s)\b(?:glioma|meningioma)\s+\Z",
                                       "Her|glioma [requires] {radiotherapy} next month.", False),
    "near-before-previous-sentence": ("needs_before", r"\b(?:glioma|meningioma)\b",
                                      "An oligodendroglioma. Follow-up [requires] {MRI}.", False),
    # needs_in_sentence: found anywhere in the cue's sentence
    "in-sentence-if-choline": ("needs_in_sentence", r"(?<!\beven\s)\bif\b",
                               "If the choline is high, we will [treat it as] {lymphoma}.", True),
    "near-in-sentence-even-if-wrapped": ("needs_in_sentence", r"(?<!\beven\s)\bif\b",
                                         "Even|if it shrinks we will [treat it as] {lymphoma}.", False),
    "near-in-sentence-other-sentence": ("needs_in_sentence", r"(?<!\beven\s)\bif\b",
                                        "Ask if she is pregnant. We will [treat it as] {abscess}.", False),
    # needs_in_lines: found in the cue's line or the line before or after it (the neighbouring items of a list)
    "in-lines-next-item": ("needs_in_lines", r"(?m)^\s*2\.",
                           "1. {Schwannoma}: [observe] or radiosurgery\n2. Metastasis: SRS", True),
    "near-in-lines-two-lines-away": ("needs_in_lines", r"(?m)^\s*2\.",
                                     "1. {Schwannoma}: [observe] or radiosurgery\nSeen today.\nNext visit.\n"
                                     "2. Metastasis: SRS", False),
    # needs_between: matches the whole text between the cue and its target (either side)
    "between-verdict-after-test": ("needs_between", r"(?![\s\S]*\b(?:and|but)\b)[^;,]*(?<!\bnot\s)",
                                   "Testing for {Krabbe disease} was|[normal] last spring.", True),
    "near-between-and-clause": ("needs_between", r"(?![\s\S]*\b(?:and|but)\b)[^;,]*(?<!\bnot\s)",
                                "{Glioma} was suspected and the panel was [normal].", False),
    "near-between-not-wrapped": ("needs_between", r"(?![\s\S]*\b(?:and|but)\b)[^;,]*(?<!\bnot\s)",
                                 "{Toxoplasmosis} is not|[excluded] by this test.", False),
    "between-cue-first-colon": ("needs_between", r"[:\s]*",
                                "[Ruled out]:|{abscess} on the second scan.", True),
    "near-between-cue-first-words": ("needs_between", r"[:\s]*",
                                     "[Ruled out] recurrence of {glioma} on imaging.", False),
    # needs_before_target: matches the whole text of the target's line before it (within the cue's sentence)
    "before-target-chain-opener": ("needs_before_target", r"(?:(?!->|\u2192)[^\n])*",
                                   "Query {MS} -> OCB neg|-> [dropped]", True),
    "near-before-target-later-link": ("needs_before_target", r"(?:(?!->|\u2192)[^\n])*",
                                      "Abscess -> aspirate: {lymphoma}|-> [dropped]", False),
}


def _layout(text: str, gap: str) -> tuple[str, tuple[int, int], tuple[int, int]]:
    """The text in a layout, without its marks, and the cue's and the target's character offsets."""
    text = text.replace("|", gap)
    spans: dict[str, tuple[int, int]] = {}
    out = ""
    for piece in re.split(r"([\[\]{}])", text):
        if piece in "[{":
            spans[piece] = (len(out), len(out))
        elif piece in "]}":
            opener = "[" if piece == "]" else "{"
            spans[opener] = (spans[opener][0], len(out))
        else:
            out += piece
    return out, spans["["], spans["{"]


@pytest.fixture(scope="module")
def nlp() -> spacy.Language:
    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    return blank


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("name", ROWS)
def test_needs_check(nlp: spacy.Language, name: str, layout: str) -> None:
    kind, pattern_text, marked, holds = ROWS[name]
    text, cue, target = _layout(marked, LAYOUTS[layout])
    doc = nlp(text)
    modifier, span = doc.char_span(*cue), doc.char_span(*target)
    assert modifier is not None and span is not None, "marks must fall on token boundaries"
    sent = (modifier.sent.start_char, modifier.sent.end_char)

    (rule,) = context_rules({"rules": [{"id": "test.needs", "category": "NEGATED_EXISTENCE", "literals": ["x"],
                                        kind: pattern_text}]})
    pattern = rule.metadata[kind]
    if "|" in marked and "(?<" in pattern_text:
        assert wrap_proof(pattern.pattern) and spaced_match(pattern), "a lookbehind pattern is matched one-spaced"
    window = needs_window(kind, text, cue, sent, target)
    assert window is not None

    direct = needs_holds(kind, pattern, text, cue, sent, target)
    assert direct is holds, f"{kind} on {window!r}"
    # the ConText path: the rule's on_modifies callback (not_inside_target, then the check)
    assert rule.on_modifies(span, modifier, doc[0:0]) is direct
    # the scope path
    assert cue_needs_after(rule.metadata, text, cue[1], sent[1], sent[0], cue[0], target) is direct


def test_every_kind_has_a_row_and_a_near_miss() -> None:
    for kind in NEEDS_KINDS:
        rows = [(name, row) for name, row in ROWS.items() if row[0] == kind]
        assert any(row[3] for _, row in rows) and any(name.startswith("near-") for name, _ in rows), kind
