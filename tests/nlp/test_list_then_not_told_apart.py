"""A list of diagnoses followed in its sentence by the statement that the findings do not tell them apart is a
differential: each item suspected (context.yaml poss.list_then_not_told_apart).

Misread before: "Necrotic metastasis or cerebral abscess; the two are not separable on this study" read both present
(the "not" of the hedge turns the or-list rules off, and the ";" ended every cue's reach back); "Glioma, lymphoma,
toxoplasmosis: indistinguishable on CT" read all three present (a comma list has no "or" for the list rules); "PCNSL /
tumefactive demyelination / glioblastoma - appearances overlap and a confident distinction is not possible" read all
three present (the slash rule is off for a sentence holding "not").

The rule: the cue opens at the break after the list (";", ":", ",", a dash), takes the list's own subject and verb
("the two are", "these", "which", "the appearances", "MRI can") and ends in the hedge ("not separable", "cannot be
distinguished", "indistinguishable", "do not allow differentiation", "a confident distinction is not possible",
"overlap"); it holds only right after a list of two to five items of a few words joined by "/", commas or "or", with
no negation, history, preposition or verb of prose (an optional label before it), and not where the words after the
cue name the other side ("... not separable from the motor cortex", "overlap with the radiation field"). It reaches
back through the list and no further.

Near misses keep their reading: a known diagnosis before a new finding that is not separable from treatment effect,
one diagnosis with a comment, a pathology line and an overlap in the next sentence, a confirmed abscess, "no other
lesion could be distinguished", a negated or historical list, a margin not told apart from oedema.

Limits: a list in one sentence and the hedge in the next ("Abscess, glioblastoma. Appearances do not permit
differentiation.") is read only where the list rules already read the list line; "versus" lists are poss.versus's; a
subject other than the list's own ("the enhancing rim is indistinguishable", "the lesion cannot be separated") is not
taken.

Rows: id, text, concept, the mention's text, its expected modifiers among negated/uncertain/historical/family, whether
the evidence must cite the rule (or a list rule that already read the list). Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import find_mention

from pipeline.contracts import Mention

NEG, HEDGE, NONE, HIST = {"negated"}, {"uncertain"}, set[str](), {"historical"}
AMONG = {"negated", "uncertain", "historical", "family"}
# a list the or-rules already read may cite them (a cue of the same kind in the list ends this one's reach there)
RULES = {"poss.list_then_not_told_apart", "poss.or_alternatives_in_clause", "poss.bare_alternatives",
         "poss.bare_alternatives_slash"}

SEMI_TWO = "Necrotic metastasis or cerebral abscess; the two are not separable on this study."
COMMAS = "Glioma, lymphoma, toxoplasmosis: indistinguishable on CT."
SLASH_NOT = ("PCNSL / tumefactive demyelination / glioblastoma - appearances overlap and a confident distinction is not "
             "possible.")

CASES: dict[str, tuple[str, str, str, set[str], bool]] = {
    "semicolon-two-first": (SEMI_TWO, "BRAIN_METASTASIS", "metastasis", HEDGE, True),
    "semicolon-two-second": (SEMI_TWO, "BRAIN_INFECTION", "cerebral abscess", HEDGE, True),
    "commas-colon-first": (COMMAS, "GLIOMA", "Glioma", HEDGE, True),
    "commas-colon-middle": (COMMAS, "CNS_LYMPHOMA", "lymphoma", HEDGE, True),
    "commas-colon-last": (COMMAS, "BRAIN_INFECTION", "toxoplasmosis", HEDGE, True),
    "slash-overlap-not-possible-first": (SLASH_NOT, "CNS_LYMPHOMA", "PCNSL", HEDGE, True),
    "slash-overlap-not-possible-last": (SLASH_NOT, "GLIOMA", "glioblastoma", HEDGE, True),
    "do-not-separate-the-two": ("Pyogenic abscess or cystic glioma; the findings do not separate the two.",
                                "GLIOMA", "glioma", HEDGE, True),
    "dash-these-cannot-be-told-apart": ("Tuberculoma or metastasis - these cannot be told apart on MRI.",
                                        "BRAIN_INFECTION", "Tuberculoma", HEDGE, True),
    "label-then-commas-mri-cannot": ("Right frontal mass - glioma, lymphoma, abscess; MRI cannot separate them.",
                                     "BRAIN_INFECTION", "abscess", HEDGE, True),
    "contraction-cant": ("Toxoplasmosis, lymphoma; imaging can't distinguish them.", "BRAIN_INFECTION",
                         "Toxoplasmosis", HEDGE, True),
    "which-not-reliably": ("Impression: lymphoma or toxoplasmosis, which are not reliably distinguished on CT.",
                           "CNS_LYMPHOMA", "lymphoma", HEDGE, True),
    "comma-indistinguishable-then-plan": ("Glioma / metastasis, indistinguishable on MRI, biopsy advised.", "GLIOMA",
                                          "Glioma", HEDGE, True),
    "do-not-allow-differentiation": ("Demyelination, encephalitis or low-grade glioma - the features do not allow "
                                     "differentiation.", "DEMYELINATION", "Demyelination", HEDGE, True),
    "known-label-then-pair": ("Known glioblastoma; recurrence or radiation necrosis, which cannot be separated.",
                              "RECURRENCE", "recurrence", HEDGE, True),
    # ------------------------------------------------ near misses
    "near-known-then-focus-from-treatment": ("Known glioblastoma; the new enhancing focus is not separable from "
                                             "treatment effect.", "GLIOMA", "glioblastoma", NONE, False),
    "near-known-label-before-pair": ("Known glioblastoma; recurrence or radiation necrosis, which cannot be "
                                     "separated.", "GLIOMA", "glioblastoma", NONE, False),
    "near-distinct-from-dura": ("Meningioma, clearly distinct from the adjacent falx on contrast images.",
                                "BRAIN_TUMOR", "Meningioma", NONE, False),
    "near-pathology-then-overlap": ("Glioblastoma, IDH-wildtype (resection histology). Overlap with the previous "
                                    "radiotherapy field noted.", "GLIOMA", "Glioblastoma", NONE, False),
    "near-confirmed-abscess": ("Cerebellar abscess confirmed at stereotactic aspiration.", "BRAIN_INFECTION",
                               "Cerebellar abscess", NONE, False),
    "near-no-other-lesion": ("Solitary metastasis. No other lesion could be distinguished.", "BRAIN_METASTASIS",
                             "metastasis", NONE, False),
    "near-margin-from-oedema": ("Glioblastoma, left frontal; not separable from the motor cortex.", "GLIOMA",
                                "Glioblastoma", NONE, False),
    "near-one-item-comment": ("Glioblastoma, recurrent: margins indistinguishable on CT.", "GLIOMA", "Glioblastoma",
                              NONE, False),
    "near-from-prior-study": ("Lymphoma; indistinguishable from the March study.", "CNS_LYMPHOMA", "Lymphoma", NONE,
                              False),
    "near-negated-list": ("No abscess or metastasis; these cannot be distinguished from artefact.", "BRAIN_METASTASIS",
                          "metastasis", NEG, False),
    "near-history-list": ("History of glioma or lymphoma; indistinguishable on old films.", "CNS_LYMPHOMA",
                          "lymphoma", HIST, False),
    "near-separate-sentence-margins": ("Glioblastoma. The margins cannot be distinguished from oedema.", "GLIOMA",
                                       "Glioblastoma", NONE, False),
    "near-overlap-with-field": ("Meningioma, parasagittal; overlap with the radiation field.", "BRAIN_TUMOR",
                                "Meningioma", NONE, False),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected", "cites"), CASES.values(), ids=CASES.keys())
def test_list_then_not_told_apart(mentions: Callable[[str], list[Mention]], text: str, concept: str, span: str,
                                  expected: set[str], cites: bool) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & AMONG == expected, (mention.modifiers, mention.modifier_rules)
    if cites:
        assert RULES & set(mention.modifier_rules), mention.modifier_rules
