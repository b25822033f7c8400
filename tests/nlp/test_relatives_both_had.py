"""Relatives joined and then "both / each / all / also / too / later" before the verb: the disease is theirs
(context.yaml fam.relative_has, fam.pseudo_patient_and_relative).

The class: fam.relative_has reads a relative word followed at once by its verb ("His father and uncle had brain
tumours"); a quantifier or an adverb between the relatives and the verb broke the cue, and the disease read as the
patient's: "Her mother and sister both had glioma", "His two brothers each had a meningioma removed", "Her sisters
all developed MS", "Her father later had a glioma", "Her parents were both diagnosed with MS".

The rule: fam.relative_has takes any run of "both", "each", "all", "also", "too", "later" ("later on", with commas:
"her brother, too, had") between the relative word and a verb of having, falling ill or dying (has, had, have,
with, developed, died, diagnosed, suffered, carried, underwent, dx), or before or after "was/were/is/are" followed
by diagnosed / affected / treated / operated. "Both" before the first relative needs nothing new: the last relative
stands right before its verb ("Both her mother and her aunt had MS").

Near misses keep the patient's reading: the patient in the pair (fam.pseudo_patient_and_relative: "She and her
mother both had seizures as children", "he and his brother both have epilepsy": longer than the relative cue, so it
wins; "She and her father had absence seizures", without an adverb, read as family before and is the patient's
now), the patient after the relative ("My sister and I both have MS", "Her father and she both had ..."), a
relative who notices, says or brings ("Her parents both noticed the seizures"), no relative ("Both hemispheres had
lesions"), and the patient named after the relative's clause ("... ; she herself also had a seizure").

Limits: a relative who "too has been a support since her glioma" is read as the relative's, as "her sister has been
..." already was (fam.relative_has has no informant exclusions); a pronoun for the patient after a relative's
clause ("His brother also has a glioma, and he had a glioma resected") does not end the relative's scope (as before).

Rows: id, text, concept, the mention's text, whether it is the family's. Rows whose id starts with "near" must keep
the patient's reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import find_mention

from pipeline.contracts import Mention

F, NONE = {"family"}, set[str]()

CASES: dict[str, tuple[str, str, str, set[str]]] = {
    # ------------------------------------------------ a quantifier after joined relatives
    "both-had": ("His father and brother both had glioblastoma.", "GLIOMA", "glioblastoma", F),
    "both-have": ("Her aunt and grandmother both have multiple sclerosis.", "MULTIPLE_SCLEROSIS",
                  "multiple sclerosis", F),
    "each-had": ("Her three sisters each had a meningioma resected in their fifties.", "BRAIN_TUMOR", "meningioma",
                 F),
    "all-developed": ("His brothers all developed epilepsy as teenagers.", "EPILEPSY", "epilepsy", F),
    "both-with": ("Mother and maternal aunt both with MS.", "MULTIPLE_SCLEROSIS", "MS", F),
    "both-died": ("Her grandfather and uncle both died of brain tumours.", "BRAIN_TUMOR", "tumours", F),
    "both-before-first": ("Both his uncle and his cousin also had glioma.", "GLIOMA", "glioma", F),
    "were-both-diagnosed": ("Her parents were both diagnosed with multiple sclerosis.", "MULTIPLE_SCLEROSIS",
                            "multiple sclerosis", F),
    "both-were-treated": ("His cousins both were treated for CNS lymphoma.", "CNS_LYMPHOMA", "CNS lymphoma", F),
    "both-diagnosed": ("Two nephews both diagnosed with epilepsy.", "EPILEPSY", "epilepsy", F),
    # ------------------------------------------------ an adverb after one relative
    "too-commas": ("Her grandmother, too, had a glioma.", "GLIOMA", "glioma", F),
    "too-bare": ("His uncle too has epilepsy.", "EPILEPSY", "epilepsy", F),
    "later-had": ("Her brother later had a meningioma removed.", "BRAIN_TUMOR", "meningioma", F),
    "later-on-developed": ("Their father later on developed MS.", "MULTIPLE_SCLEROSIS", "MS", F),
    "also-both": ("Her sisters also both have epilepsy.", "EPILEPSY", "epilepsy", F),
    # ------------------------------------------------ near misses: the patient's
    "near-she-and-mother": ("She and her mom both had febrile seizures as toddlers.", "SEIZURE", "febrile seizures",
                            NONE),
    "near-she-and-father-no-adverb": ("She and her father had absence seizures as children.", "SEIZURE",
                                      "absence seizures", NONE),
    "near-he-and-brother": ("He and his younger brother both have epilepsy.", "EPILEPSY", "epilepsy", NONE),
    "near-patient-and-sister": ("The patient and her sister both had seizures in childhood.", "SEIZURE", "seizures",
                                NONE),
    "near-sister-and-i": ("My brother and I both have MS.", "MULTIPLE_SCLEROSIS", "MS", NONE),
    "near-hemispheres": ("Both hemispheres had white matter lesions.", "BRAIN_LESION", "lesions", NONE),
    "near-herself-also": ("Her father had a meningioma; she herself also had a seizure on Monday.", "SEIZURE",
                          "seizure", NONE),
    "near-parents-noticed": ("Her parents both noticed the seizures at night.", "SEIZURE", "seizures", NONE),
    "near-parents-were-worried": ("His parents were both worried about the seizures.", "SEIZURE", "seizures", NONE),
    "near-patient-named-after": ("His sister also has epilepsy, and the patient had a glioma resected in 2020.",
                                 "GLIOMA", "glioma", NONE),
    "near-sisters-brought": ("Her sisters both brought her in after the seizure.", "SEIZURE", "seizure", NONE),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected"), CASES.values(), ids=CASES.keys())
def test_relatives_both_had(mentions: Callable[[str], list[Mention]], text: str, concept: str, span: str,
                            expected: set[str]) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & {"family"} == expected, (mention.modifiers, mention.modifier_rules)
