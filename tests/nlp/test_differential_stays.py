"""A diagnosis kept on the differential is a hedge; one taken off it is withdrawn.

1. Told after the diagnosis, the differential (or "the ddx") it stays on: "lymphoma must stay on the differential",
   "glioma is to be kept in the ddx", "abscess cannot come off the differential yet", "PCNSL has not been taken off
   the ddx" (poss.kept_on_differential; the longer cue wins over neg.withdrawn's "off the differential").
2. "the list" only where it is the list of possibilities: the clause ends after it or says for how long
   ("metastasis is kept on the list for now": poss.kept_on_list); "she stays on the list for the trial" is no
   weighing.
3. The verb before it, after a subject or an auxiliary: "we will keep lymphoma on the list"
   (poss.kept_on_differential_before).

Near misses: "lymphoma came off the differential" and "glioma was taken off the differential" stay withdrawn,
"not on the differential" stays left out, a diagnosis confirmed on biopsy stays affirmed. A presumptive diagnosis
stays a hedge (poss.presumed). The facts table is tests/facts/test_differential_stays_device_options_facts.py.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import check_mention

from pipeline.contracts import Mention

NEG, HEDGE, NONE = {"negated"}, {"uncertain"}, set[str]()
AMONG = {"negated", "uncertain"}

# id: (text, concept, mention text, expected modifiers among AMONG)
CASES: dict[str, tuple[str, str, str, set[str]]] = {
    # ------------------------------------------------ stays on the differential, told after the diagnosis
    "still-has-to-stay-on": ("Primary CNS lymphoma still has to stay on the differential.", "CNS_LYMPHOMA",
                             "Primary CNS lymphoma", HEDGE),
    "should-stay-in-the-ddx": ("Given the rim, abscess should stay in the ddx.", "BRAIN_INFECTION", "abscess", HEDGE),
    "to-be-kept-on": ("A high-grade glioma is to be kept on the differential.", "GLIOMA", "high-grade glioma", HEDGE),
    "cannot-come-off-list-yet": ("Glioblastoma cannot come off the list yet.", "GLIOMA", "Glioblastoma", HEDGE),
    "cant-be-taken-off": ("Tuberculoma can't be taken off the differential until the CSF results are back.",
                          "BRAIN_INFECTION", "Tuberculoma", HEDGE),
    "has-not-yet-come-off": ("Lymphoma has not yet come off the differential.", "CNS_LYMPHOMA", "Lymphoma", HEDGE),
    "should-not-be-removed-from": ("Abscess should not be removed from the ddx.", "BRAIN_INFECTION", "Abscess",
                                   HEDGE),
    # ------------------------------------------------ the list of possibilities
    "remains-on-list-time-being": ("Metastatic disease remains on the list for the time being.", "BRAIN_METASTASIS",
                                   "Metastatic disease", HEDGE),
    "must-remain-on-our-list-until": ("Lymphoma must remain on our list until cytology is back.", "CNS_LYMPHOMA",
                                      "Lymphoma", HEDGE),
    "is-still-on-the-list": ("Toxoplasmosis is still on the list.", "BRAIN_INFECTION", "Toxoplasmosis", HEDGE),
    # ------------------------------------------------ the verb before it
    "are-keeping-on-list-for-now": ("We are keeping PCNSL on the list for now.", "CNS_LYMPHOMA", "PCNSL", HEDGE),
    "will-keep-in-the-ddx": ("We will keep a metastasis in the ddx pending the chest CT.", "BRAIN_METASTASIS",
                             "metastasis", HEDGE),
    # ------------------------------------------------ a presumptive diagnosis
    "presumptive-leading": ("Presumptive CNS toxoplasmosis remains the leading diagnosis.", "BRAIN_INFECTION",
                            "CNS toxoplasmosis", HEDGE),
    # ------------------------------------------------ near misses
    "came-off": ("Lymphoma came off the differential after the biopsy.", "CNS_LYMPHOMA", "Lymphoma", NEG),
    "taken-off": ("Glioma was taken off the differential.", "GLIOMA", "Glioma", NEG),
    "not-on-the-differential": ("Lymphoma is not on the differential.", "CNS_LYMPHOMA", "Lymphoma", NEG),
    "confirmed-on-biopsy": ("Metastasis was confirmed on biopsy.", "BRAIN_METASTASIS", "Metastasis", NONE),
    "list-for-the-trial": ("Known glioblastoma; she stays on the list for the trial.", "GLIOMA", "glioblastoma",
                           NONE),
    "keep-on-dexamethasone": ("We will keep her on dexamethasone for the glioblastoma.", "GLIOMA", "glioblastoma",
                              NONE),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected"), CASES.values(), ids=CASES.keys())
def test_differential_stays(mentions: Callable[[str], list[Mention]], text: str, concept: str, span: str,
                            expected: set[str]) -> None:
    check_mention(mentions, text, concept, span, expected, among=AMONG)
