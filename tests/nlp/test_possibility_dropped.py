"""A possibility named by its diagnosis and then dropped is negated (context.yaml neg.possibility_dropped).

"the lymphoma possibility was dropped", "the glioma consideration was abandoned", "abscess hypothesis discarded",
"the tumour question was set aside": a diagnosis before a possibility noun (possibility, consideration, hypothesis,
suspicion, concern, question, theory, idea) that is then dropped, abandoned, discarded, shelved or set aside. The cue
reaches back only over the few words before its noun. Near misses keep their reading: a possibility that remains, a
drop with no possibility noun, a hedge with no drop.

Limits: "dropped" told in a later sentence ("A lymphoma was possible. That idea was dropped.") is not read.
Rows: id, text, concept, the mention's text, its expected modifiers among negated/uncertain.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import find_mention

from pipeline.contracts import Mention

NEG, HEDGE, NONE = {"negated"}, {"uncertain"}, set[str]()
AMONG = {"negated", "uncertain"}

CASES: dict[str, tuple[str, str, str, set[str]]] = {
    "possibility-dropped": ("After the tumor board the lymphoma possibility was dropped.", "CNS_LYMPHOMA",
                            "lymphoma", NEG),
    "consideration-abandoned": ("The glioma consideration was abandoned after the biopsy.", "GLIOMA", "glioma", NEG),
    "hypothesis-discarded": ("Abscess hypothesis discarded once cultures and DWI were reviewed.", "BRAIN_INFECTION",
                             "Abscess", NEG),
    "question-set-aside": ("The metastasis question was set aside after the PET-CT.", "BRAIN_METASTASIS",
                           "metastasis", NEG),
    "bare-dropped": ("Tumor possibility dropped after review.", "BRAIN_TUMOR", "Tumor", NEG),
    "later-shelved": ("The MS concern was later shelved by neurology.", "MULTIPLE_SCLEROSIS", "MS", NEG),
    "has-been-dropped": ("The mitochondrial disease suspicion has been dropped.", "MITOCHONDRIAL",
                         "mitochondrial disease", NEG),
    "put-aside": ("Her leukodystrophy idea was put aside once the enzymes came back.", "LEUKODYSTROPHY",
                  "leukodystrophy", NEG),
    # near misses
    "near-possibility-remains": ("The lymphoma possibility remains open.", "CNS_LYMPHOMA", "lymphoma", HEDGE),
    "near-possibility-of": ("The possibility of glioma was raised by radiology.", "GLIOMA", "glioma", HEDGE),
    "near-no-noun": ("Glioblastoma resected in 2024; the trial follow-up was dropped.", "GLIOMA", "Glioblastoma",
                     NONE),
    "near-foot-drop": ("Known metastasis with a dropped foot since March.", "BRAIN_METASTASIS", "metastasis", NONE),
    "near-concern-raised": ("The abscess concern was raised by ID.", "BRAIN_INFECTION", "abscess", HEDGE),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected"), CASES.values(), ids=CASES.keys())
def test_possibility_dropped(mentions: Callable[[str], list[Mention]], text: str, concept: str, span: str,
                             expected: set[str]) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & AMONG == expected, (mention.modifiers, mention.modifier_rules)
    if expected == NEG:
        assert "neg.possibility_dropped" in mention.modifier_rules, mention.modifier_rules
