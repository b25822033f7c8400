"""A plan held "until" a diagnosis is excluded, addressed or sorted out keeps the diagnosis a suspicion: the
diagnosis is still being weighed.

1. The settling predicate after the diagnosis, in the present, perfect or modal ("is addressed", "has been ruled
   out", "can be excluded", "is sorted out"), where "until", "till", "pending", "before" or "unless" opens the noun
   phrase just before it: suspected (poss.until_excluded); neg.excluded does not hold there, and a negation of the
   plan before "until", "till" or "before" ("no steroids until ...") ends at it (term.until_excluded).
2. The exclusion named by its noun before the diagnosis ("pending exclusion of toxoplasmosis", "until the exclusion
   of an abscess"): suspected (poss.pending_exclusion).

Near misses: an exclusion told in the past after "until" ("held until lymphoma was ruled out", "had been excluded")
or on its own ("lymphoma was excluded on cytology", "ruled out in 2022") stays negated; a course run until a
future event or date ("until tumor progression", "until 11/2027"), or until a finding improves, keeps the reading
of today; an active exclusion by a test after "until" ("until the biopsy, which excluded lymphoma") stays negated.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import check_mention

from pipeline.contracts import Mention

NEG, HEDGE, NONE = {"negated"}, {"uncertain"}, set[str]()
AMONG = {"hypothetical", "uncertain", "negated", "historical"}

# id: (text, concept, mention text, expected modifiers among AMONG)
CASES: dict[str, tuple[str, str, str, set[str]]] = {
    # ------------------------------------------------ held until the diagnosis is settled: suspected
    "on-hold-until-has-been-excluded": ("Dexamethasone is on hold until a CNS lymphoma has been excluded.",
                                        "CNS_LYMPHOMA", "CNS lymphoma", HEDGE),
    "do-not-give-till-ruled-out": ("Please do not give steroids till lymphoma is ruled out.", "CNS_LYMPHOMA",
                                   "lymphoma", HEDGE),
    "deferred-until-sorted-out": ("Natalizumab deferred until PML is sorted out.", "BRAIN_INFECTION", "PML",
                                  HEDGE),
    "no-surgery-until-addressed": ("No surgery until the abscess is addressed.", "BRAIN_INFECTION", "abscess",
                                   HEDGE),
    "withhold-until-definitively-excluded": ("Withhold radiotherapy until metastasis is definitively excluded.",
                                             "BRAIN_METASTASIS", "metastasis", HEDGE),
    "until-ruled-out-by-serology": ("Hold immunosuppression until toxoplasmosis has been ruled out by serology.",
                                    "BRAIN_INFECTION", "toxoplasmosis", HEDGE),
    "avoid-until-can-be-excluded": ("Avoid lumbar puncture until a cerebral abscess can be excluded.",
                                    "BRAIN_INFECTION", "cerebral abscess", HEDGE),
    "on-hold-until-dealt-with": ("Keep the steroid taper on hold until metastatic disease has been dealt with.",
                                 "BRAIN_METASTASIS", "metastatic disease", HEDGE),
    "before-glioma-excluded": ("We will not irradiate before a low-grade glioma is excluded.", "GLIOMA",
                               "low-grade glioma", HEDGE),
    "bare-participle-until": ("Rituximab held until lymphoma excluded.", "CNS_LYMPHOMA", "lymphoma", HEDGE),
    "pending-being-worked-up": ("Fingolimod deferred pending multiple sclerosis being properly worked up.",
                                "MULTIPLE_SCLEROSIS", "multiple sclerosis", HEDGE),
    "pending-exclusion-of": ("Plan: hold chemotherapy pending exclusion of toxoplasmosis.", "BRAIN_INFECTION",
                             "toxoplasmosis", HEDGE),
    "until-the-exclusion-of": ("Biopsy postponed until the exclusion of an abscess.", "BRAIN_INFECTION",
                               "abscess", HEDGE),
    # ------------------------------------------------ near misses: keep their reading
    "near-past-had-been-excluded": ("Steroids were withheld until lymphoma had been excluded; dexamethasone was "
                                    "then started.", "CNS_LYMPHOMA", "lymphoma", NEG),
    "near-past-was-ruled-out": ("Dexamethasone was held until lymphoma was ruled out by biopsy.", "CNS_LYMPHOMA",
                                "lymphoma", NEG),
    "near-excluded-on-cytology": ("Lymphoma was excluded on CSF cytology, so steroids were restarted.",
                                  "CNS_LYMPHOMA", "Lymphoma", NEG),
    "near-until-progression": ("Continue temozolomide until tumor progression.", "RECURRENCE",
                               "tumor progression", NONE),
    "near-until-a-date": ("Glioblastoma, on adjuvant temozolomide until 11/2027.", "GLIOMA", "Glioblastoma",
                          NONE),
    "near-until-edema-improves": ("Dexamethasone until the vasogenic edema improves.", "NONTUMOR_DX",
                                  "vasogenic edema", NONE),
    "near-ruled-out-in-year": ("Toxoplasmosis ruled out in 2022.", "BRAIN_INFECTION", "Toxoplasmosis", NEG),
    "near-excluded-then-until-biopsy": ("Lymphoma has been excluded; hold steroids until the biopsy.",
                                        "CNS_LYMPHOMA", "Lymphoma", NEG),
    "near-excluded-then-until-completion": ("Metastasis excluded. Continue radiotherapy until completion.",
                                            "BRAIN_METASTASIS", "Metastasis", NEG),
    "near-until-test-which-excluded": ("Hold steroids until the biopsy, which excluded lymphoma.", "CNS_LYMPHOMA",
                                       "lymphoma", NEG),
    "near-known-then-until-lab-addressed": ("Leigh syndrome is confirmed; continue until the lactate is addressed.",
                                            "MITOCHONDRIAL", "Leigh syndrome", NONE),
    "near-treatment-still-held": ("Natalizumab deferred until PML is sorted out.", "TREATMENT", "Natalizumab",
                                  NEG),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected"), CASES.values(), ids=CASES.keys())
def test_until_excluded(mentions: Callable[[str], list[Mention]], text: str, concept: str, span: str,
                        expected: set[str]) -> None:
    check_mention(mentions, text, concept, span, expected, among=AMONG)
