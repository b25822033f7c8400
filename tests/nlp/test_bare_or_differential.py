"""A differential written without a hedge word is still a differential (context.yaml poss.bare_alternatives; the
"versus" of poss.versus no longer swallowed by hist.old; the slash: poss.bare_alternatives_slash).

An impression line that does nothing but name two or three diagnoses joined by "or" or "/" ("Haemorrhagic metastasis
or cavernoma.", "Abscess / necrotic metastasis.", "Glioma, lymphoma or encephalitis.", after a label: "Left thalamic
lesion: glioma or demyelinating plaque.") weighs them: each is suspected, none present. Before this rule the bare
"or" hedged nothing, so the tumour read as present. A "versus" before "old" ("Tumour versus old infarct.") was lost
too: hist.old's pattern took the word before "old" into its cue ("versus old"), and the longer cue won over
poss.versus; hist.old now matches "old" alone and checks the word before it as text (`needs_before`).

The rule: the cue is "or" or "/" (not "and/or", not the slash of a one-letter shorthand "s/p", "h/o"), in a sentence
that is, past a list marker and an optional label ending in a colon or a dash, only a few words on each side (commas
allowed on the left for a list), with no word that makes it something else: a negation ("no", "not", "without"), a
history or treatment ("history", "status post", "known", "treated", "prior"), a preposition or verb that makes it
prose ("of", "to", "with", "for", "and", "is", "has", "include"). It modifies the diagnoses of its sentence (not a
BRAIN_LESION: "Enhancing lesion: glioma or demyelination" keeps its lesion), and none across the label's colon or
dash. Two tumours ("Metastasis or primary glioma.") are both suspected too: a differential among tumours, though no
tumour-versus-non-tumour differential (the fact table checks that).

Near misses keep their reading: "No metastasis or cavernoma." (negated both), "Glioblastoma, status post resection or
biopsy.", "History of stroke or TIA.", "Known metastasis, now with haemorrhage.", "Metastases to brain and/or bone.",
treatments weighed ("surgery or radiosurgery"), and "old" after "year"/"years" ("45-year-old") is still no history.

Limits: prose with a verb ("The lesion is a metastasis or a cavernoma") is not this rule's; a trailing aside after the
pair ("... or cavernoma (see comment)") breaks the shape; a slash after a primary cancer's name ("Stage IV NSCLC/brain
metastases") is no cue (poss.bare_alternatives_slash), but a tumour and its spread joined by "or", or by a slash
without such a word, would read as weighed; a diagnosis named in the label before the colon keeps its own reading
("Known glioblastoma: recurrence or radiation necrosis").

Rows: id, text, concept, the mention's text, its expected modifiers among negated/uncertain/historical, whether the
evidence must cite this class's rule. Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import find_mention

from pipeline.contracts import Mention

NEG, HEDGE, NONE, HIST = {"negated"}, {"uncertain"}, set[str](), {"historical"}
AMONG = {"negated", "uncertain", "historical"}
RULES = {"poss.bare_alternatives", "poss.bare_alternatives_slash"}

CASES: dict[str, tuple[str, str, str, set[str], bool]] = {
    # ------------------------------------------------ "or" between a tumour and a non-tumour
    "or-tumour-first": ("Cystic metastasis or abscess.", "BRAIN_METASTASIS", "metastasis", HEDGE, True),
    "or-nontumour-side": ("Cystic metastasis or abscess.", "BRAIN_INFECTION", "abscess", HEDGE, True),
    "or-nontumour-first": ("Subacute infarct or low-grade glioma.", "GLIOMA", "low-grade glioma", HEDGE, True),
    "or-caps": ("METASTASIS OR CAVERNOUS MALFORMATION.", "BRAIN_METASTASIS", "METASTASIS", HEDGE, True),
    "or-numbered": ("IMPRESSION:\n1. Meningioma or dural-based granuloma.\n2. No hydrocephalus.", "BRAIN_TUMOR",
                    "Meningioma", HEDGE, True),
    "or-bullet": ("- Tumour or cerebritis", "BRAIN_TUMOR", "Tumour", HEDGE, True),
    "or-label-colon": ("Left thalamic lesion: glioma or demyelinating plaque.", "GLIOMA", "glioma", HEDGE, True),
    "or-label-lesion-kept": ("Left thalamic lesion: glioma or demyelinating plaque.", "BRAIN_LESION",
                             "Left thalamic lesion", NONE, False),
    "or-label-comma": ("Solitary ring-enhancing lesion, metastasis or abscess.", "BRAIN_METASTASIS", "metastasis",
                       HEDGE, True),
    "or-three-list": ("Glioma, lymphoma or encephalitis.", "GLIOMA", "Glioma", HEDGE, True),
    "or-three-list-last": ("Glioma, lymphoma or encephalitis.", "BRAIN_INFECTION", "encephalitis", HEDGE, True),
    "or-dysplasia": ("Glioma or cortical dysplasia.", "GLIOMA", "Glioma", HEDGE, True),
    "or-demyelination-first": ("Demyelination or lymphoma.", "CNS_LYMPHOMA", "lymphoma", HEDGE, True),
    # ------------------------------------------------ a slash
    "slash-spaced": ("Necrotic glioblastoma / abscess.", "GLIOMA", "glioblastoma", HEDGE, True),
    "slash-unspaced": ("Lymphoma/toxoplasmosis.", "CNS_LYMPHOMA", "Lymphoma", HEDGE, True),
    # ------------------------------------------------ two tumours: weighed, both suspected
    "two-tumours": ("Metastasis or primary glioma.", "BRAIN_METASTASIS", "Metastasis", HEDGE, True),
    # ------------------------------------------------ "versus" before "old" (hist.old no longer takes "versus")
    "versus-old": ("Neoplasm versus old infarct.", "BRAIN_TUMOR", "Neoplasm", HEDGE, False),
    "versus-old-infarct-side": ("Neoplasm versus old infarct.", "NONTUMOR_DX", "infarct", HEDGE | HIST, False),
    "vs-old-label": ("Impression: low-grade glioma vs. old contusion.", "GLIOMA", "low-grade glioma", HEDGE, False),
    # ------------------------------------------------ already read uncertain (kept)
    "vs-kept": ("Enhancing lesion: glioma vs demyelination", "GLIOMA", "glioma", HEDGE, False),
    "either-kept": ("Either a metastasis or a cavernoma.", "BRAIN_METASTASIS", "metastasis", HEDGE, False),
    "question-kept": ("Glioblastoma or tumefactive MS?", "GLIOMA", "Glioblastoma", HEDGE, False),
    # ------------------------------------------------ near misses
    "near-negated": ("No metastasis or cavernoma.", "BRAIN_METASTASIS", "metastasis", NEG, False),
    "near-negated-other": ("No metastasis or cavernoma.", "NONTUMOR_DX", "cavernoma", NEG, False),
    "near-status-post": ("Glioblastoma, status post resection or biopsy.", "GLIOMA", "Glioblastoma", HIST, False),
    "near-s-slash-p": ("Glioblastoma s/p resection or biopsy.", "GLIOMA", "Glioblastoma", HIST, False),
    "near-history": ("History of stroke or TIA.", "NONTUMOR_DX", "stroke", HIST, False),
    "near-known-haemorrhage": ("Known metastasis, now with haemorrhage.", "BRAIN_METASTASIS", "metastasis", NONE,
                               False),
    "near-and-or": ("Metastases to brain and/or bone.", "BRAIN_METASTASIS", "Metastases to brain", NONE, False),
    "near-treatments": ("Options: surgery or radiosurgery for the metastasis.", "BRAIN_METASTASIS", "metastasis",
                        NONE, False),
    "near-primary-slash": ("Stage IV NSCLC/brain metastases.", "BRAIN_METASTASIS", "brain metastases", NONE, False),
    "near-patient-with": ("Patient with glioma or stroke.", "GLIOMA", "glioma", NONE, False),
    "near-denies-or": ("Denies seizures or stroke.", "NONTUMOR_DX", "stroke", NEG, False),
    "near-prose-with": ("Metastasis with or without haemorrhage.", "BRAIN_METASTASIS", "Metastasis", NONE, False),
    "near-year-old": ("A 45-year-old man with glioma and an old infarct.", "GLIOMA", "glioma", NONE, False),
    "near-old-infarct": ("A 45-year-old man with glioma and an old infarct.", "NONTUMOR_DX", "infarct", HIST, False),
    "near-years-old": ("Glioma diagnosed when 30 years old.", "GLIOMA", "Glioma", NONE, False),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected", "cites"), CASES.values(), ids=CASES.keys())
def test_bare_or_differential(mentions: Callable[[str], list[Mention]], text: str, concept: str, span: str,
                              expected: set[str], cites: bool) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & AMONG == expected, (mention.modifiers, mention.modifier_rules)
    if cites:
        assert RULES & set(mention.modifier_rules), mention.modifier_rules
