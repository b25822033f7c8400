"""A clinician's stated uncertainty about a diagnosis is suspicion, not a negation (context.yaml
poss.not_certain_that, neg.not_certain_that_order, poss.doubt_whether, neg.doubted).

"I'm not sure that this is X", "we are not convinced it is X", "not confident this represents X" (a word of personal
certainty denied, then the claim): the "not" denies the writer's certainty, not the diagnosis, and neg.no read it as
negated. "It is doubtful whether X", "doubtful if X" (a doubt that leaves a question open) read negated through
neg.doubted. Both now read uncertain ("doubtful"/"dubious" joined poss.doubt_whether's doubt words; "unsure
if"/"not sure whether" were already that rule's).

Near misses keep their reading: a plain denial ("no X", "not an X", "certainly not X", "not consistent with X"),
"doubtful that X"/"doubtful for X" (a doubt stated without a question: neg.doubted), "X is not likely" (poss.hedge_after, unchanged),
the certainty word about something else ("not sure that the MRI is needed"), and an affirmed certainty.

Rows: text, concept, the mention's text, its expected modifiers among negated/uncertain/hypothetical.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import find_mention

from pipeline.contracts import Mention

NEG, HEDGE, NONE = {"negated"}, {"uncertain"}, set[str]()
AMONG = {"negated", "uncertain", "hypothetical"}

CASES: dict[str, tuple[str, str, str, set[str]]] = {
    # ------------------------------------------------ a word of personal certainty denied, then the claim
    "im-not-certain-that-represents": ("Impression: I'm not certain that the enhancing focus represents a "
                                       "metastatic deposit.", "BRAIN_METASTASIS", "metastatic deposit", HEDGE),
    "not-entirely-sure-that": ("We are not entirely sure that the cerebellar lesion is a hemangioblastoma.",
                               "BRAIN_TUMOR", "hemangioblastoma", HEDGE),
    "not-convinced-it-is": ("Neurosurgery not convinced it is a meningioma.", "BRAIN_TUMOR", "meningioma", HEDGE),
    "not-convinced-of": ("Radiology remains not convinced of recurrence at this stage.", "RECURRENCE",
                         "recurrence", HEDGE),
    "isnt-sure-bare-claim": ("Dr Okafor isn't sure this is CNS lymphoma.", "CNS_LYMPHOMA", "CNS lymphoma", HEDGE),
    "not-confident-represents": ("I am not confident the ring lesion represents toxoplasmosis.", "BRAIN_INFECTION",
                                 "toxoplasmosis", HEDGE),
    "not-fully-convinced-that": ("Not fully convinced that the events are seizures.", "SEIZURE", "seizures", HEDGE),
    # ------------------------------------------------ doubt that leaves a question open
    "doubtful-whether": ("It remains doubtful whether the thalamic mass is a glioblastoma.", "GLIOMA",
                         "glioblastoma", HEDGE),
    "doubtful-if-terse": ("Doubtful if demyelination.", "DEMYELINATION", "demyelination", HEDGE),
    "dubious-whether": ("Dubious whether the dural tail is a meningioma.", "BRAIN_TUMOR", "meningioma", HEDGE),
    # ------------------------------------------------ already a question (poss.doubt_whether), kept
    "unsure-whether-kept": ("Unsure whether the new focus is an abscess.", "BRAIN_INFECTION", "abscess", HEDGE),
    "not-sure-if-kept": ("Not sure if this is recurrent glioma.", "RECURRENCE", "recurrent glioma", HEDGE),
    # ------------------------------------------------ near misses: denials keep their reading
    "near-no": ("No metastatic deposit identified.", "BRAIN_METASTASIS", "metastatic deposit", NEG),
    "near-not-a": ("The lesion is not a meningioma.", "BRAIN_TUMOR", "meningioma", NEG),
    "near-certainly-not": ("This is certainly not lymphoma.", "CNS_LYMPHOMA", "lymphoma", NEG),
    "near-not-consistent": ("Appearance not consistent with an abscess.", "BRAIN_INFECTION", "abscess", NEG),
    # ("X is not likely" already reads suspected through poss.hedge_after; kept as it is)
    "near-not-likely-after": ("A metastasis is not likely.", "BRAIN_METASTASIS", "metastasis", HEDGE),
    "near-doubtful-that": ("It is doubtful that the lesion is a glioblastoma.", "GLIOMA", "glioblastoma", NEG),
    "near-doubtful-for": ("Appearance doubtful for demyelination.", "DEMYELINATION", "demyelination", NEG),
    "near-i-doubt": ("I doubt this is an abscess.", "BRAIN_INFECTION", "abscess", NEG),
    "near-sure-not": ("I am sure this is not a meningioma.", "BRAIN_TUMOR", "meningioma", NEG),
    "near-not-sure-mri-needed": ("Not sure that a repeat MRI is needed.", "IMAGING", "MRI", NEG),
    "near-certain-affirmed": ("I am certain that this is a meningioma.", "BRAIN_TUMOR", "meningioma", NONE),
    "near-not-certain-then-denied": ("Not certain of the cause; no abscess seen.", "BRAIN_INFECTION", "abscess", NEG),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected"), CASES.values(), ids=CASES.keys())
def test_stated_uncertainty_is_no_negation(mentions: Callable[[str], list[Mention]], text: str, concept: str,
                                           span: str, expected: set[str]) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & AMONG == expected, (mention.modifiers, mention.modifier_rules)
