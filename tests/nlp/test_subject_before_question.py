"""A question after a colon is about its own subject; a list item's comment after a dash hedges the item.

1. A question told after a colon (or a dash) that names its own alternatives is about them: in "Right occipital
   metastasis after SRS, enlarging: recurrence versus radionecrosis" the "versus" hedges the recurrence and
   the radionecrosis, not the treated metastasis, its treatment or the lesion before the colon (scope
   subject_question); a query mark glued to its word ("Treated GBM: ?recurrence") names its subject right after it.
2. A list item's comment after a dash is the item's own verdict, and a hedge there hedges it: "- thalamic glioma -
   would be atypical for this tempo but cannot be dismissed yet", "- Toxoplasmosis - can't be discounted",
   "- cerebral abscess - possible" at the end of its line (poss.backward, poss.weighed_after, poss.hedge_after).

Near misses that keep today's reading: a hedge right after the colon with no subject of its own is the label's
("Lymphoma: less likely"), a hedge of the subject itself stays ("Probable metastasis, enlarging: recurrence versus
necrosis"), a question before the colon reaches its own alternatives ("Lymphoma vs toxoplasmosis: multiple
ring-enhancing lesions"), an item's verdict ("- glioma - excluded on biopsy", "- lymphoma - unlikely") and record
("- glioma - WHO grade 2, resected 2024"), and a hedge word that goes on to its own noun ("ASSESSMENT: Suspected
mitochondrial disorder").
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import check_mention

from pipeline.contracts import Mention

NEG, HEDGE, NONE = {"negated"}, {"uncertain"}, set[str]()
AMONG = {"negated", "uncertain"}

OCCIPITAL = "Right occipital metastasis after SRS, enlarging: recurrence versus radionecrosis."
DEBULKED = "Debulked glioblastoma with new nodular enhancement: progression vs pseudoprogression\n"
ASTROCYTOMA = "Known astrocytoma (2023) - question: progression or radionecrosis?\n"
PARIETAL = "Right parietal lesion: metastasis vs abscess\n"
QUERIED = "Treated GBM: ?recurrence ?radionecrosis\n"
THALAMIC = "Considerations:\n- thalamic glioma - would be atypical for this tempo but cannot be dismissed yet\n"
ITEMS = ("Other thoughts:\n- Toxoplasmosis - can't be discounted\n- cerebral abscess - possible\n"
         "- CNS lymphoma - favoured\n- metastasis - probable\n")

# id: (text, concept, mention text, expected modifiers among AMONG)
CASES: dict[str, tuple[str, str, str, set[str]]] = {
    # ------------------------------------------------ the subject before the colon keeps its own reading
    "treated-metastasis": (OCCIPITAL, "BRAIN_METASTASIS", "metastasis", NONE),
    "its-treatment-stands": (OCCIPITAL, "PRIOR_RADIATION", "SRS", NONE),
    "its-recurrence-hedged": (OCCIPITAL, "RECURRENCE", "recurrence", HEDGE),
    "its-radionecrosis-hedged": (OCCIPITAL, "TREATMENT_EFFECT", "radionecrosis", HEDGE),
    "debulked-glioblastoma": (DEBULKED, "GLIOMA", "glioblastoma", NONE),
    "debulking-stands": (DEBULKED, "PRIOR_RESECTION", "Debulked", NONE),
    "new-enhancement-stands": (DEBULKED, "BRAIN_LESION", "nodular enhancement", NONE),
    "pseudoprogression-hedged": (DEBULKED, "TREATMENT_EFFECT", "pseudoprogression", HEDGE),
    "dash-question-astrocytoma": (ASTROCYTOMA, "GLIOMA", "astrocytoma", NONE),
    "dash-question-progression-hedged": (ASTROCYTOMA, "RECURRENCE", "progression", HEDGE),
    "dash-question-effect-hedged": (ASTROCYTOMA, "TREATMENT_EFFECT", "radionecrosis", HEDGE),
    "bracket-before-colon": ("Glioblastoma (resected 2025): recurrence vs radiation necrosis\n",
                             "PRIOR_RESECTION", "resected", NONE),
    "less-likely-than": ("Irradiated metastases: recurrence less likely than radiation necrosis\n",
                         "BRAIN_METASTASIS", "metastases", NONE),
    "cannot-be-excluded-after-colon": ("Resected GBM: recurrence cannot be excluded\n", "GLIOMA", "GBM", NONE),
    "nested-tumour-word": ("Operated ependymoma: residual tumour versus postoperative change\n",
                           "GLIOMA", "ependymoma", NONE),
    "lesion-stays": (PARIETAL, "BRAIN_LESION", "Right parietal lesion", NONE),
    "lesion-alternative-hedged": (PARIETAL, "BRAIN_METASTASIS", "metastasis", HEDGE),
    "lesion-other-alternative-hedged": (PARIETAL, "BRAIN_INFECTION", "abscess", HEDGE),
    "grade-question": ("Oligodendroglioma, IDH-mutant: WHO grade 2 vs 3\n", "GLIOMA", "Oligodendroglioma", NONE),
    "query-mark-glued": (QUERIED, "GLIOMA", "GBM", NONE),
    "query-mark-subject-hedged": (QUERIED, "RECURRENCE", "recurrence", HEDGE),
    # ------------------------------------------------ a list item's comment after a dash hedges the item
    "atypical-but-not-dismissed": (THALAMIC, "GLIOMA", "glioma", HEDGE),
    "cannot-be-discounted": (ITEMS, "BRAIN_INFECTION", "Toxoplasmosis", HEDGE),
    "possible-at-line-end": (ITEMS, "BRAIN_INFECTION", "cerebral abscess", HEDGE),
    "favoured-at-line-end": (ITEMS, "CNS_LYMPHOMA", "CNS lymphoma", HEDGE),
    "probable-at-line-end": (ITEMS, "BRAIN_METASTASIS", "metastasis", HEDGE),
    "would-be-unusual-prose": ("A pilocytic astrocytoma would be unusual at her age.", "GLIOMA",
                               "pilocytic astrocytoma", HEDGE),
    "cannot-be-dismissed-prose": ("Demyelination cannot be dismissed.", "DEMYELINATION", "Demyelination", HEDGE),
    # ------------------------------------------------ near misses
    "question-before-colon": ("Lymphoma vs toxoplasmosis: multiple ring-enhancing lesions\n",
                              "CNS_LYMPHOMA", "Lymphoma", HEDGE),
    "question-before-colon-other": ("Lymphoma vs toxoplasmosis: multiple ring-enhancing lesions\n",
                                    "BRAIN_INFECTION", "toxoplasmosis", HEDGE),
    "hedged-subject-stays": ("Probable metastasis, enlarging: recurrence versus necrosis\n",
                             "BRAIN_METASTASIS", "metastasis", HEDGE),
    "label-verdict-less-likely": ("Lymphoma: less likely\n", "CNS_LYMPHOMA", "Lymphoma", HEDGE),
    "label-verdict-not-excluded": ("Glioma: cannot be excluded\n", "GLIOMA", "Glioma", HEDGE),
    "no-subject-before-colon": ("Impression: meningioma versus dural metastasis\n", "BRAIN_TUMOR", "meningioma",
                                HEDGE),
    "item-excluded": ("- glioma - excluded on biopsy\n", "GLIOMA", "glioma", NEG),
    "item-unlikely": ("- lymphoma - unlikely\n", "CNS_LYMPHOMA", "lymphoma", NEG),
    "item-record": ("Problem list:\n- glioma - WHO grade 2, resected 2024\n", "GLIOMA", "glioma", NONE),
    "hedge-word-goes-on": ("ASSESSMENT: Suspected mitochondrial disorder.\n", "MITOCHONDRIAL",
                           "mitochondrial disorder", HEDGE),
    "question-in-its-own-sentence": ("Known glioblastoma. Question: recurrence vs radiation necrosis\n", "GLIOMA", "glioblastoma",
                        NONE),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected"), CASES.values(), ids=CASES.keys())
def test_a_question_after_a_colon_and_an_item_comment(mentions: Callable[..., list[Mention]], text: str,
                                                      concept: str, span: str, expected: set[str]) -> None:
    check_mention(mentions, text, concept, span, expected, among=AMONG)
