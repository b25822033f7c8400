"""Two or three diagnoses joined by "and" / "or" in prose, then a hedge that weighs them together ("both", "each",
"either", "equally", "all"): each item suspected (context.yaml poss.list_then_each_possible).

Misread before: "Recurrent tumour and radiation necrosis are both quite possible" read the recurrence present (the
"and" list is no "or" list, and poss.hedge_after reaches only the diagnosis next to it); "Lymphoma and toxoplasmosis
both remain quite plausible", "Pyogenic abscess and cystic metastasis could each explain the ring enhancement",
"Recurrence and pseudoprogression are equally likely", "Tuberculoma and neurocysticercosis are both reasonable
considerations" read both present (no cue of that wording).

The rule: the cue is the predicate, from its verb to the hedge ("are both quite possible", "seem equally probable",
"could each explain", "are both realistic possibilities", "both remain in contention", "are all possible"); it holds
only right after a list of two or three items of a few words joined by "and", "or" or commas, with no negation,
history, family word, preposition or verb of prose (an optional label before it), and not where "possible" goes on
to a purpose or a non-diagnostic noun. It reaches back through the list and no further.

Near misses keep their reading: a list "well controlled", "excluded", "ruled out", "confirmed", "present"; a known
diagnosis before a label or in the sentence before; "both parents are possible carriers"; a history list; symptoms
listed as possible side effects after a known diagnosis; "its treatment" as the second item.

Limits: "would both fit" stays hyp.would_subject's; a list opened by "both" ("Both lymphoma and glioma are possible")
is not this rule's; "both possible targets for radiosurgery" is still hedged by poss.both_weighed's literal.

Rows: id, text, concept, the mention's text, its expected modifiers among negated/uncertain/historical/family, whether
the evidence must cite the rule (or a hedge rule that already read the item). Rows whose id starts with "near" must
keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import find_mention

from pipeline.contracts import Mention

NEG, HEDGE, NONE, HIST = {"negated"}, {"uncertain"}, set[str](), {"historical"}
AMONG = {"negated", "uncertain", "historical", "family"}
# an item another hedge rule already read (the one next to the cue, an "or" pair) may cite that rule
RULES = {"poss.list_then_each_possible", "poss.hedge_after", "poss.both_weighed", "poss.or_alternatives_in_clause"}

RECUR_NECROSIS = "Recurrent tumour and radiation necrosis are both quite possible; perfusion is not decisive."
RING = "Pyogenic abscess and cystic metastasis could each explain the ring enhancement."
KNOWN_LABEL = "Known glioblastoma; recurrence or radiation necrosis, both plausible."

CASES: dict[str, tuple[str, str, str, set[str], bool]] = {
    "and-pair-both-quite-possible-first": (RECUR_NECROSIS, "RECURRENCE", "Recurrent tumour", HEDGE, True),
    "and-pair-both-quite-possible-second": (RECUR_NECROSIS, "TREATMENT_EFFECT", "radiation necrosis", HEDGE, True),
    "both-remain-quite-plausible": ("Lymphoma and toxoplasmosis both remain quite plausible at this stage.",
                                    "CNS_LYMPHOMA", "Lymphoma", HEDGE, True),
    "could-each-explain-first": (RING, "BRAIN_INFECTION", "Pyogenic abscess", HEDGE, True),
    "could-each-explain-second": (RING, "BRAIN_METASTASIS", "metastasis", HEDGE, True),
    "equally-likely": ("Recurrence and pseudoprogression are equally likely on this study.", "RECURRENCE",
                       "Recurrence", HEDGE, True),
    "seem-equally-probable": ("Toxoplasmosis and lymphoma seem equally probable here.", "BRAIN_INFECTION",
                              "Toxoplasmosis", HEDGE, True),
    "both-reasonable-considerations": ("Tuberculoma and neurocysticercosis are both reasonable considerations.",
                                       "BRAIN_INFECTION", "Tuberculoma", HEDGE, True),
    "both-realistic-possibilities": ("Recurrent glioma and treatment effect are both realistic possibilities.",
                                     "TREATMENT_EFFECT", "treatment effect", HEDGE, True),
    "could-both-explain": ("Lymphoma and demyelination could both explain the findings.", "DEMYELINATION",
                           "demyelination", HEDGE, True),
    "both-remain-in-contention": ("Abscess and necrotic glioblastoma both remain in contention.", "BRAIN_INFECTION",
                                  "Abscess", HEDGE, True),
    "equally-plausible-explanations": ("Progression and radiation necrosis are equally plausible explanations.",
                                       "RECURRENCE", "Progression", HEDGE, True),
    "three-all-possible": ("Lymphoma, toxoplasmosis and PML are all possible.", "CNS_LYMPHOMA", "Lymphoma", HEDGE,
                           True),
    "each-stay-on-the-table": ("Encephalitis and glioma each stay on the table for now.", "BRAIN_INFECTION",
                               "Encephalitis", HEDGE, True),
    "each-plausible-given": ("Lymphoma and glioblastoma are each plausible given the periventricular spread.",
                             "GLIOMA", "glioblastoma", HEDGE, True),
    "realistic-diagnoses-child": ("Ependymoma and medulloblastoma are both realistic diagnoses in this child.",
                                  "GLIOMA", "Ependymoma", HEDGE, True),
    "known-label-then-or-pair": (KNOWN_LABEL, "TREATMENT_EFFECT", "radiation necrosis", HEDGE, True),
    "or-pair-could-equally-account": ("Meningioma or dural metastasis could equally account for the dural tail.",
                                      "BRAIN_METASTASIS", "dural metastasis", HEDGE, True),
    # ------------------------------------------------ near misses
    "near-both-well-controlled": ("Oligodendroglioma and epilepsy are both well controlled on current therapy.",
                                  "GLIOMA", "Oligodendroglioma", NONE, False),
    "near-each-ruled-out": ("Abscess and metastasis were each ruled out on aspiration.", "BRAIN_INFECTION",
                            "Abscess", NEG, False),
    "near-both-excluded": ("Metastasis and abscess were both excluded by the biopsy.", "BRAIN_METASTASIS",
                           "Metastasis", NEG, False),
    "near-both-present": ("Brain metastasis and a second lung primary are both present on the PET-CT.",
                          "BRAIN_METASTASIS", "Brain metastasis", NONE, False),
    "near-known-before-label": (KNOWN_LABEL, "GLIOMA", "glioblastoma", NONE, False),
    "near-known-sentence-before": ("Known glioblastoma. Recurrence and necrosis are both possible.", "GLIOMA",
                                   "glioblastoma", NONE, False),
    "near-parents-possible-carriers": ("Both parents are possible carriers; our patient has a glioblastoma.", "GLIOMA",
                                       "glioblastoma", NONE, False),
    "near-history-list": ("History of lymphoma and toxoplasmosis, both possibly relevant.", "CNS_LYMPHOMA",
                          "lymphoma", HIST, False),
    "near-side-effects-after-known": ("Resected glioblastoma; seizures and headache are both possible side effects "
                                      "of temozolomide.", "GLIOMA", "glioblastoma", NONE, False),
    "near-its-treatment": ("Glioblastoma and its treatment could each explain the fatigue.", "GLIOMA",
                           "Glioblastoma", NONE, False),
    "near-both-confirmed": ("Glioblastoma and meningioma both confirmed at surgery.", "BRAIN_TUMOR", "meningioma",
                            NONE, False),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected", "cites"), CASES.values(), ids=CASES.keys())
def test_both_possible_post_hedge(mentions: Callable[[str], list[Mention]], text: str, concept: str, span: str,
                                  expected: set[str], cites: bool) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & AMONG == expected, (mention.modifiers, mention.modifier_rules)
    if cites:
        assert RULES & set(mention.modifier_rules), mention.modifier_rules
