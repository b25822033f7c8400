"""A diagnosis in a "whether"/"if" question left open by a word of doubt is suspected (context.yaml
poss.doubt_whether).

"It is not clear whether ...", "not certain if ...", "unclear whether or not ...", "hard to say if ...", "I can't tell if ...", "we don't know as
yet whether ...", "an open question if ...", "it is unknown whether ..." read the diagnosis present (a pseudo cue
"not clear whether" swallowed the hedge), negated and hypothetical (the "not" and the "if" of a condition), or
nothing (the device cue "is unknown"). The whole doubt phrase up to "whether"/"if" is now one hedge.

Near misses keep their reading: a statement that is clear, a "whether or not" about a symptom, an unclear cause of a
symptom, "clear cell", a doubt about something else beside a known tumour, "not clear that" without a question, a
diagnosis said to be clear, a denied tumour beside an open question about another thing, a true condition.

Rows: text, concept, the mention's text, its expected modifiers among negated/uncertain/hypothetical, whether the
evidence must cite poss.doubt_whether.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import find_mention

from pipeline.contracts import Mention

NEG, HEDGE, HYP, NONE = {"negated"}, {"uncertain"}, {"hypothetical"}, set[str]()
AMONG = {"negated", "uncertain", "hypothetical"}
RULE = "poss.doubt_whether"

CASES: dict[str, tuple[str, str, str, set[str], bool]] = {
    # ------------------------------------------------ a word of certainty denied
    "not-clear-whether-dictated": ("Impression: it is not clear whether the right frontal mass is a glioma.",
                                   "GLIOMA", "glioma", HEDGE, True),
    "not-clear-if-terse": ("Not clear if mets.", "BRAIN_METASTASIS", "mets", HEDGE, True),
    "isnt-certain-whether": ("It isn't certain whether the ring lesion is an abscess.", "BRAIN_INFECTION", "abscess",
                             HEDGE, True),
    "not-entirely-sure-if": ("I am not entirely sure if this represents CNS lymphoma.", "CNS_LYMPHOMA",
                             "CNS lymphoma", HEDGE, True),
    "not-yet-known-if": ("Not yet known if the new nodule is a metastasis.", "BRAIN_METASTASIS", "metastasis", HEDGE,
                         True),
    "not-been-established-if-recurrence": ("It has not been established if this is recurrent GBM.",
                                           "RECURRENCE", "recurrent GBM", HEDGE, True),
    # ------------------------------------------------ a word of doubt
    "unknown-whether": ("At present it is unknown whether the lesion is a meningioma.", "BRAIN_TUMOR", "meningioma",
                        HEDGE, True),
    "uncertain-at-this-point-if": ("Uncertain at this point if the enhancement is tumour progression.",
                                   "RECURRENCE", "tumour progression", HEDGE, True),
    "remains-unclear-whether-recurrence": ("Per radiology it remains unclear whether the nodular enhancement is "
                                           "recurrent glioma.", "RECURRENCE", "recurrent glioma", HEDGE, True),
    "unsure-if-ehr": ("ASSESSMENT: Unsure if demyelination or low grade glioma.", "DEMYELINATION", "demyelination",
                      HEDGE, True),
    "debatable-whether": ("It is debatable whether the lesion is an oligodendroglioma.", "GLIOMA",
                          "oligodendroglioma", HEDGE, True),
    # ------------------------------------------------ saying or knowing it is beyond the writer
    "hard-to-say-if-letter": ("Dear Dr Patel, it is hard to say if this is toxoplasmosis at this stage.",
                              "BRAIN_INFECTION", "toxoplasmosis", HEDGE, True),
    "difficult-to-tell-if": ("Difficult to tell if the cerebellar lesion is a hemangioblastoma.", "BRAIN_TUMOR",
                             "hemangioblastoma", HEDGE, True),
    "impossible-to-be-sure-whether": ("On CT alone it is impossible to be sure whether this is a metastasis.",
                                      "BRAIN_METASTASIS", "metastasis", HEDGE, True),
    "cant-tell-if": ("Honestly I can't tell if it's an astrocytoma.", "GLIOMA", "astrocytoma", HEDGE, True),
    "cannot-say-if": ("We cannot say if the thalamic lesion represents lymphoma.", "CNS_LYMPHOMA", "lymphoma", HEDGE,
                      True),
    "dont-know-yet-if": ("We don't know yet if it is a glioblastoma.", "GLIOMA", "glioblastoma", HEDGE, True),
    "did-not-know-if-recurrence": ("The tumor board did not know if this was recurrence.", "RECURRENCE", "recurrence",
                                   HEDGE, True),
    "unable-to-determine-if": ("Unable to determine if the enhancing focus is PML.", "BRAIN_INFECTION", "PML",
                               HEDGE, True),
    # ------------------------------------------------ "whether or not", an EHR field
    "unclear-whether-or-not": ("Unclear whether or not the cystic lesion is a pilocytic astrocytoma.", "GLIOMA",
                               "pilocytic astrocytoma", HEDGE, True),
    "ehr-field-not-certain-if": ("Clinical question: Not certain if recurrence | Priority: routine", "RECURRENCE",
                                 "recurrence", HEDGE, True),
    # ------------------------------------------------ an open question
    "open-question-if": ("Open question if the dural lesion is a meningioma - MRS requested.", "BRAIN_TUMOR",
                         "meningioma", HEDGE, True),
    "nobody-knows-whether": ("Nobody knows whether the signal change is demyelination.", "DEMYELINATION",
                             "demyelination", HEDGE, True),
    # ------------------------------------------------ the question told first (poss.evaluate_for's "whether")
    "whether-is-unclear-after": ("Whether the mass is a glioblastoma is unclear.", "GLIOMA", "glioblastoma", HEDGE,
                                 False),
    # ------------------------------------------------ near misses
    "near-clear-that": ("It is quite clear that this is an anaplastic astrocytoma.", "GLIOMA",
                        "anaplastic astrocytoma", NONE, False),
    "near-whether-or-not-seizures": ("Whether or not he has more seizures, keep lacosamide.", "SEIZURE", "seizures",
                                     NEG, False),
    "near-unclear-cause-seizures": ("Seizures of unclear cause.", "SEIZURE", "Seizures", NONE, False),
    "near-doubt-about-adherence-known-gbm": ("Not clear whether he takes his temozolomide; known glioblastoma.",
                                             "GLIOMA", "glioblastoma", NONE, False),
    "near-not-clear-that-mri": ("It is not clear that a repeat MRI is needed.", "IMAGING", "MRI", NEG, False),
    "near-diagnosis-clear": ("The diagnosis of meningioma is clear.", "BRAIN_TUMOR", "meningioma", NONE, False),
    "near-denied-tumour": ("No tumour seen; unclear if the headaches are migrainous.", "BRAIN_TUMOR", "tumour", NEG,
                           False),
    "near-condition": ("If the biopsy shows lymphoma, start methotrexate.", "CNS_LYMPHOMA", "lymphoma", HYP, False),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected", "cites"), CASES.values(), ids=CASES.keys())
def test_doubt_whether_questions(mentions: Callable[[str], list[Mention]], text: str, concept: str, span: str,
                                 expected: set[str], cites: bool) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & AMONG == expected, (mention.modifiers, mention.modifier_rules)
    if cites:
        assert RULE in mention.modifier_rules, mention.modifier_rules
