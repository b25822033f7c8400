"""A neoplasm of another organ, and a tumour named as the reading of a result branch, at the mention level.

1. "Malignant neoplasm of <site>" whose site is an organ outside the brain and its coverings is no brain tumour
   (targets.yaml look.extracranial_neoplasm): the site words follow the ICD-10-CM chapter C00-D49 descriptions part
   by part - digestive organs ("pyloric antrum", "gastroesophageal junction", "small intestine"), respiratory
   ("vocal cord", "accessory sinuses"), bone ("short bones of lower limb", "mandible"), soft tissue and limbs,
   genital ("corpus uteri", "endocervix", "spermatic cord"), urinary ("urachus", "ureteric orifice"), endocrine
   ("carotid body") and lymph nodes ("inguinal lymph nodes"). Near misses keep the brain tumour: the brain, a lobe,
   the cerebral meninges, the cerebellum, the pituitary and pineal glands, "corpus callosum", a cranial meningeal
   neoplasm.
2. A tumour named as the reading of a result branch of a plan ("High Cho/low NAA -> manage as tumor") is
   hypothetical, like "if ... then ..." (context.yaml hyp.result_branch_treat_as). Near misses: a past resection or
   treatment "as a GBM", a chain of past results joined by arrows, "Known metastasis -> SRS planned".

Rows are freshly written. Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.contracts import Mention

BRAIN = {"BRAIN_TUMOR", "BRAIN_METASTASIS", "BRAIN_LESION", "GLIOMA", "CNS_LYMPHOMA"}
H = {"hypothetical"}

# ------------------------------------------------------------------ 1. a neoplasm of another organ
# id: (text, the brain concepts that must be found neither negated nor hypothetical; empty: no brain mention at all)
ORGAN: dict[str, tuple[str, set[str]]] = {
    "pyloric-antrum": ("PMH: malignant neoplasm of pyloric antrum, partial gastrectomy 2017.", set()),
    "gastroesophageal-junction": ("Hx of malignant neoplasm of the gastroesophageal junction (C16.0).", set()),
    "small-intestine": ("Problem list: malignant neoplasm of small intestine, on surveillance.", set()),
    "corpus-uteri": ("History of malignant neoplasm of corpus uteri; TAH-BSO 2015.", set()),
    "endocervix": ("Malignant neoplasm of endocervix, completed chemoradiation.", set()),
    "vocal-cord": ("Prior malignant neoplasm of the left vocal cord treated with radiation.", set()),
    "accessory-sinuses": ("Malignant neoplasm of the accessory sinuses, resected 2020.", set()),
    "short-bones-lower-limb": ("C40.31 Malignant neoplasm of short bones of right lower limb", set()),
    "tibia": ("Osteosarcoma: malignant neoplasm of the tibia, age 15.", set()),
    "spermatic-cord": ("Malignant neoplasm of the spermatic cord, excised.", set()),
    "ureteric-orifice": ("Malignant neoplasm of ureteric orifice - TURBT 2022.", set()),
    "carotid-body": ("Benign neoplasm of carotid body, followed by ENT.", set()),
    "inguinal-nodes": ("Secondary malignant neoplasm of inguinal lymph nodes.", set()),
    "lesser-curvature": ("Malignant neoplasm of lesser curvature of stomach, s/p resection.", set()),
    "islets": ("Malignant neoplasm of islets of Langerhans (C25.4), on octreotide.", set()),
    "extrahepatic-duct": ("Hx malignant neoplasm of extrahepatic bile duct.", set()),
    "upper-extremity-soft-tissue": ("Malignant neoplasm of the right upper extremity soft tissue, 2019.", set()),
    # near misses: the brain and its coverings, the sellar and pineal glands
    "near-brain-unspecified": ("Dx: malignant neoplasm of brain, unspecified, on temozolomide.", {"BRAIN_TUMOR"}),
    "near-temporal-lobe": ("Neoplasm of the left temporal lobe, biopsy pending.", {"BRAIN_TUMOR"}),
    "near-cerebellum": ("Neoplasm of the cerebellum, resected 2021.", {"BRAIN_TUMOR"}),
    "near-pituitary": ("Benign neoplasm of the pituitary gland, on cabergoline.", {"BRAIN_TUMOR"}),
    "near-pineal": ("Malignant neoplasm of the pineal gland (C75.3).", {"BRAIN_TUMOR"}),
    "near-corpus-callosum": ("Neoplasm of the corpus callosum, butterfly pattern.", {"BRAIN_TUMOR"}),
    "near-meninges-cranial": ("Benign meningeal neoplasm, cranial - convexity, stable.", {"BRAIN_TUMOR"}),
}


@pytest.mark.parametrize(("text", "expected"), ORGAN.values(), ids=ORGAN.keys())
def test_a_neoplasm_of_another_organ_is_no_brain_tumour(mentions: Callable[[str], list[Mention]], text: str,
                                                        expected: set[str]) -> None:
    found = [m for m in mentions(text) if m.concept in BRAIN]
    present = {m.concept for m in found if not set(m.modifiers) & {"negated", "hypothetical"}}
    if expected:
        assert expected <= present, [(m.concept, m.text, m.rule_id, m.modifiers) for m in found]
    else:
        assert not found, [(m.concept, m.text, m.rule_id) for m in found]


# ------------------------------------------------------------------ 2. a tumour named in a result branch
# id: (text, concept, span, whether the mention must be hypothetical)
BRANCH: dict[str, tuple[str, str, str, bool]] = {
    "cho-naa-manage-as-tumour": ("MRS plan: raised Cho/low NAA \u2192 manage as tumour; lactate + amino acids "
                                 "\u2192 aspirate as abscess.", "BRAIN_TUMOR", "tumour", True),
    "ascii-arrow-treat-as-lymphoma": ("If MRS done: Cho/Cr > 2 -> treat as lymphoma, otherwise observe.",
                                      "CNS_LYMPHOMA", "lymphoma", True),
    "double-arrow-glioma": ("Plan: elevated choline => treat it as glioma.", "GLIOMA", "glioma", True),
    "pattern-resect-as": ("Neoplastic pattern \u2192 resect as tumor.", "BRAIN_TUMOR", "tumor", True),
    "then-manage-as-metastasis": ("2HG absent, lipid peak -> then manage as metastasis", "BRAIN_METASTASIS",
                                  "metastasis", True),
    "profile-approach-as": ("Spectral profile of high-grade tumour \u2192 approach as GBM.", "GLIOMA", "GBM", True),
    "if-arrow-treat-as": ("if spectrum neoplastic \u2192 treat as metastatic disease", "BRAIN_METASTASIS",
                          "metastatic disease", True),
    # near misses: what happened, past treatment, a chain of past results, a plan for a known tumour
    "near-resected-as-gbm": ("Resected 2023 as a GBM; now on TMZ.", "GLIOMA", "GBM", False),
    "near-treated-as-tumour-past": ("Treated as tumour with RT in 2022.", "BRAIN_TUMOR", "tumour", False),
    "near-chain-of-results": ("CT \u2192 ring-enhancing lesion \u2192 biopsy \u2192 glioblastoma.", "GLIOMA",
                              "glioblastoma", False),
    "near-known-metastasis-srs": ("Known metastasis \u2192 SRS planned.", "BRAIN_METASTASIS", "metastasis", False),
    "near-biopsy-then-treated": ("Biopsy 2022 -> treated as GBM with chemoradiation.", "GLIOMA", "GBM", False),
}


@pytest.mark.parametrize(("text", "concept", "span", "hypothetical"), BRANCH.values(), ids=BRANCH.keys())
def test_a_tumour_named_in_a_result_branch_is_hypothetical(mentions: Callable[[str], list[Mention]], text: str,
                                                          concept: str, span: str, hypothetical: bool) -> None:
    found = [m for m in mentions(text) if m.concept == concept and m.text == span]
    assert found, [(m.concept, m.text) for m in mentions(text)]
    assert ("hypothetical" in found[0].modifiers) is hypothetical, (found[0].modifiers, found[0].modifier_rules)
