"""A question after a colon about a treated tumour, and a list item's hedged comment, through the facts
(tests/nlp/test_subject_before_question.py).

The treated, resected or known tumour before the colon stays present (and known); the alternatives after it are the
differential (recurrence and treatment effect suspected; a lesion's alternatives suspected and weighed). A list
item whose comment after a dash hedges it ("- thalamic glioma - would be atypical for this tempo but cannot be
dismissed yet", "- cerebral abscess - possible") is suspected. Near misses: a question before the colon, a hedged
subject ("Probable metastasis, enlarging: ..."), an item's verdict or record.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    "irradiated-metastasis": ("Assessment:\n1. Left occipital metastasis treated with SRS in 03/2025, enlarging: "
                              "recurrence versus radionecrosis.\n",
                              {"brain_metastasis": P, "known_brain_tumor": P, "recurrent_or_residual_tumor": S,
                               "treatment_effect": S}),
    "debulked-glioblastoma": ("Impression: debulked glioblastoma, new nodular enhancement along the cavity: "
                              "progression vs pseudoprogression.\n",
                              {"glial_neoplasm": P, "known_brain_tumor": P, "recurrent_or_residual_tumor": S,
                               "treatment_effect": S}),
    "known-dash-question": ("Known astrocytoma (2023) - question: progression or radionecrosis?\n",
                            {"glial_neoplasm": P, "known_brain_tumor": P, "recurrent_or_residual_tumor": S,
                             "treatment_effect": S}),
    "resected-with-bracket": ("Glioblastoma (resected 2025): recurrence vs radiation necrosis.\n",
                              {"glial_neoplasm": P, "known_brain_tumor": P, "recurrent_or_residual_tumor": S,
                               "treatment_effect": S}),
    "irradiated-less-likely": ("Irradiated metastases: recurrence less likely than radiation necrosis.\n",
                               {"brain_metastasis": P, "known_brain_tumor": P, "treatment_effect": S}),
    "resected-not-excluded": ("Resected GBM: recurrence cannot be excluded.\n",
                              {"glial_neoplasm": P, "known_brain_tumor": P, "recurrent_or_residual_tumor": S}),
    "lesion-with-alternatives": ("Right parietal lesion: metastasis vs abscess.\n",
                                 {"brain_metastasis": S, "known_brain_tumor": S,
                                  "tumor_vs_nontumor_differential": P}),
    "items-on-the-differential": ("The following remain on the differential:\n"
                                  "- thalamic glioma - would be atypical for this tempo but cannot be dismissed yet\n"
                                  "- cerebral abscess - possible\n- CNS lymphoma - favoured\n",
                                  {"glial_neoplasm": S, "known_brain_tumor": S, "brain_infection": S,
                                   "cns_lymphoma": S}),
    "item-not-discounted": ("- bilateral thalamic glioma - can't be discounted until neuroradiology review\n",
                            {"glial_neoplasm": S, "known_brain_tumor": S}),
    "unusual-at-this-age": ("A pilocytic astrocytoma would be unusual at this age.\n",
                            {"glial_neoplasm": S, "known_brain_tumor": S}),
    # near misses
    "question-before-colon": ("Lymphoma vs toxoplasmosis: multiple ring-enhancing lesions.\n",
                              {"cns_lymphoma": S, "brain_infection": S, "tumor_vs_nontumor_differential": P}),
    "hedged-subject": ("Probable metastasis, enlarging: recurrence versus necrosis.\n",
                       {"brain_metastasis": S, "known_brain_tumor": S}),
    "item-record": ("Problem list:\n- glioma - WHO grade 2, resected 2024\n",
                    {"glial_neoplasm": P, "known_brain_tumor": P}),
    "item-excluded": ("- glioma - excluded on biopsy\n", {"glial_neoplasm": A}),
    "item-less-likely": ("- CNS lymphoma - less likely, but still not excluded\n", {"cns_lymphoma": S}),
}


@pytest.mark.parametrize(("text", "expected"), CASES.values(), ids=CASES.keys())
def test_subject_before_question_and_item_comments(analyze: Any, text: str, expected: dict[str, FactStatus]) -> None:
    check_facts(facts_of(analyze, text + REQUEST_TAIL), expected)
