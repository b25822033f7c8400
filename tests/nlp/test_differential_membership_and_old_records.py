"""A diagnosis told joining or leaving the differential with a verb, one known only from old records, and a question
or a concern laid to rest.

1. Membership told with a verb is a hedge: "because lymphoma entered the differential", "glioma was added to the
   differential", "once abscess came into consideration", "metastasis moved onto the list", "we added demyelination
   to the differential" (poss.joined_differential, poss.joined_differential_before); leaving it negates ("lymphoma
   left the differential", "fell off the list": neg.withdrawn). The "was added" of "was added to the differential"
   is no treatment added (target look.added_to_differential claims it); "dexamethasone was added" stays one.
2. A diagnosis seen only as mentioned in old records is second-hand, a hedge: "I see a DNET mentioned in the old
   records", "an old chart note mentions a meningioma" (poss.old_records_mention, poss.old_records_mention_before);
   not when the sentence gives its tissue or treatment ("the old records confirm a resected DNET (pathology 2015)").
3. A question or a concern laid to rest negates what it names: "the lymphoma concern was laid to rest", "our worry
   about a glioma has been put to rest", "the suspicion of abscess was dispelled" (neg.concern_laid_to_rest); "the
   tumour question was closed" (neg.question_closed). The facts table (tests/facts/
   test_differential_placement_and_requested_mrs.py) shows these settle an earlier hedge of the same finding.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import check_mention

from pipeline.contracts import Mention

NEG, HEDGE, NONE = {"negated"}, {"uncertain"}, set[str]()
AMONG = {"negated", "uncertain"}

# id: (text, concept, mention text, expected modifiers among AMONG; None: no such mention)
CASES: dict[str, tuple[str, str, str, set[str] | None]] = {
    # ------------------------------------------------ joining the differential, told with a verb
    "entered-the-differential": ("MRS requested because lymphoma entered the differential after the CSF result.",
                                 "CNS_LYMPHOMA", "lymphoma", HEDGE),
    "has-entered-given": ("Toxoplasmosis has entered the differential given the CD4 count.",
                          "BRAIN_INFECTION", "Toxoplasmosis", HEDGE),
    "was-added-to-the-differential": ("A high-grade glioma was added to the differential at tumour board.",
                                      "GLIOMA", "high-grade glioma", HEDGE),
    "added-to-the-ddx": ("Glioblastoma has been added to the ddx.", "GLIOMA", "Glioblastoma", HEDGE),
    "came-into-consideration": ("Once a pyogenic abscess came into consideration, antibiotics were started.",
                                "BRAIN_INFECTION", "pyogenic abscess", HEDGE),
    "moved-onto-the-list": ("After the PET, metastasis moved onto the list.", "BRAIN_METASTASIS", "metastasis",
                            HEDGE),
    "joined-the-differential": ("PCNSL joined the differential after the steroid response.",
                                "CNS_LYMPHOMA", "PCNSL", HEDGE),
    "became-a-consideration": ("Metastatic disease became a consideration when the lung nodule was found.",
                               "BRAIN_METASTASIS", "Metastatic disease", HEDGE),
    "we-added-to-the-differential": ("We added demyelination to the differential.", "DEMYELINATION",
                                     "demyelination", HEDGE),
    "raised-the-possibility": ("The repeat scan raised the possibility of lymphoma.", "CNS_LYMPHOMA", "lymphoma",
                               HEDGE),
    "added-is-no-treatment": ("A high-grade glioma was added to the differential at tumour board.",
                              "TREATMENT", "was added", None),
    # ------------------------------------------------ leaving it, and near misses
    "left-the-differential": ("Lymphoma left the differential after the biopsy.", "CNS_LYMPHOMA", "Lymphoma", NEG),
    "dropped-from-the-differential": ("Glioma was dropped from the differential.", "GLIOMA", "Glioma", NEG),
    "fell-off-the-list": ("Metastasis fell off the list once the PET was negative.", "BRAIN_METASTASIS",
                          "Metastasis", NEG),
    "confirmed-on-biopsy": ("Lymphoma, confirmed on biopsy.", "CNS_LYMPHOMA", "Lymphoma", NONE),
    "dexamethasone-was-added": ("Dexamethasone was added to the regimen.", "TREATMENT", "was added", NONE),
    # ------------------------------------------------ second-hand from old records
    "mentioned-in-the-old-records": ("I see a DNET mentioned in the old records.", "BRAIN_TUMOR", "DNET", HEDGE),
    "old-chart-note-mentions": ("An old chart note mentions a meningioma.", "BRAIN_TUMOR", "meningioma", HEDGE),
    "outside-records-refer-to": ("Outside records refer to a low-grade glioma.", "GLIOMA", "low-grade glioma",
                                 HEDGE),
    "listed-in-previous-notes": ("A pilocytic astrocytoma is listed in her previous notes.", "GLIOMA",
                                 "pilocytic astrocytoma", HEDGE),
    "old-records-confirm-resected": ("The old records confirm a resected DNET (pathology 2015).", "BRAIN_TUMOR",
                                     "DNET", NONE),
    # ------------------------------------------------ a question or a concern laid to rest
    "concern-laid-to-rest": ("The lymphoma concern was laid to rest.", "CNS_LYMPHOMA", "lymphoma", NEG),
    "worry-put-to-rest": ("Our worry about a glioma has been put to rest.", "GLIOMA", "glioma", NEG),
    "suspicion-dispelled": ("The suspicion of abscess was dispelled by the aspirate.", "BRAIN_INFECTION", "abscess",
                            NEG),
    "question-closed": ("The tumour question was closed.", "BRAIN_TUMOR", "tumour", NEG),
    "question-still-open": ("The lymphoma question remains open.", "CNS_LYMPHOMA", "lymphoma", HEDGE),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected"), CASES.values(), ids=CASES.keys())
def test_membership_old_records_and_concerns_laid_to_rest(mentions: Callable[..., list[Mention]], text: str,
                                                          concept: str, span: str, expected: set[str] | None) -> None:
    check_mention(mentions, text, concept, span, expected, among=AMONG)
