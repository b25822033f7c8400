"""Wordings that keep a diagnosis on the differential read it suspected, not present.

1. Kept on the list, the differential, the ddx or "in the running": "lymphoma must stay on the list", "glioma cannot
   come off the differential yet", "abscess remains on the ddx", "we are keeping metastasis in the running"
   (poss.kept_on_list, poss.kept_on_differential, poss.kept_on_differential_before, poss.weighed_after).
2. A hedge whose subject refers back to the two or three diagnoses of the sentence or line before it: "Toxoplasmosis
   or lymphoma. Both remain possible.", "Either remains possible", "Neither can be excluded", "All three remain on the
   differential" (poss.reference_back, reached back by scope.reference_back).
3. A parenthesis inside a vs-list does not break the list: "abscess (lymphoma favoured on the labs) vs glioblastoma"
   hedges all three (poss.versus_past_aside; the diagnosis favoured inside it, poss.hedge_after).
4. A leading diagnosis ranked without a confirming result: "lymphoma most likely by pretest probability; toxo cannot
   be excluded", "GBM most likely on clinical grounds" (poss.most_likely_after, extending
   tests/nlp/test_leading_diagnosis_hedges.py's "metastasis is most likely").
5. A label line that calls the diagnosis possible and gives its reasons: "Metastasis: possible (risk factors ...)" is
   suspected, not hypothetical (poss.hedge_after; "(risk factors" is hyp.pseudo_risk_factors, no conditional).
6. What a study should (or cannot) tell apart: "the scan would not separate lymphoma from glioblastoma", "to help
   separate abscess from metastasis", "to distinguish lymphoma from toxoplasmosis" (poss.tell_apart,
   poss.evaluate_for).

Near misses keep their reading: "X was on the differential but biopsy confirmed X" (present), "X has been taken off
the differential" / "X is off the list" (absent), "both lesions remain stable" (no diagnosis list), "X remains the
diagnosis" (present), "X remains likely" (suspected anyway), "Y was excluded; X most likely confirmed by PCR" (X
present), a vs-list with an established diagnosis before it on another line.

Rows: id, text, concept, the mention's text, its expected assertions among ASSERTIONS. Rows whose id starts with
"near" must keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import check_mention

from pipeline.contracts import Mention

ASSERTIONS = {"negated", "uncertain", "hypothetical", "family"}
U, NEG, NONE = {"uncertain"}, {"negated"}, set[str]()

CASES: list[tuple[str, str, str, str, set[str]]] = [
    # ------------------------------------------------ 1. kept on the list / differential / ddx / in the running
    ("must stay on the list", "Lymphoma must stay on the list.", "CNS_LYMPHOMA", "Lymphoma", U),
    ("should stay on our list, British", "A tuberculoma should stay on our list until the CSF is back.",
     "BRAIN_INFECTION", "tuberculoma", U),
    ("cannot come off the differential yet", "Glioblastoma cannot come off the differential yet.", "GLIOMA",
     "Glioblastoma", U),
    ("can't come off the ddx", "PCNSL can't come off the ddx yet.", "CNS_LYMPHOMA", "PCNSL", U),
    ("remains on the ddx", "Abscess remains on the ddx.", "BRAIN_INFECTION", "Abscess", U),
    ("remains on the DDx, capitals", "Toxoplasmosis REMAINS ON THE DDX.", "BRAIN_INFECTION", "Toxoplasmosis", U),
    ("stays on the differential, wrapped", "Metastatic disease stays on the\ndifferential for now.",
     "BRAIN_METASTASIS", "Metastatic disease", U),
    ("keeping in the running", "We are keeping metastasis in the running.", "BRAIN_METASTASIS", "metastasis", U),
    ("still in the running", "Demyelination is still in the running.", "DEMYELINATION", "Demyelination", U),
    ("keep in the running, abbreviation", "We will keep GBM in the running pending the perfusion study.", "GLIOMA",
     "GBM", U),
    ("remains in the running, parenthesis", "Lymphoma (given the steroid response) remains in the running.",
     "CNS_LYMPHOMA", "Lymphoma", U),
    # ------------------------------------------------ 2. a hedge that refers back to the list before it
    ("both remain possible, sentence before", "Toxoplasmosis and lymphoma. Both remain possible.",
     "BRAIN_INFECTION", "Toxoplasmosis", U),
    ("both remain possible, second item", "Toxoplasmosis and lymphoma. Both remain possible.", "CNS_LYMPHOMA",
     "lymphoma", U),
    ("both remain possible, line before", "Assessment: abscess or necrotic metastasis\nBoth remain possible.",
     "BRAIN_INFECTION", "abscess", U),
    ("both still possible, lower case", "Ring lesion: pyogenic abscess, glioblastoma. both still possible.",
     "GLIOMA", "glioblastoma", U),
    ("either remains possible", "Imaging fits tumefactive demyelination or a high-grade glioma. Either remains "
     "possible.", "GLIOMA", "high-grade glioma", U),
    ("either remains possible, first item", "Imaging fits tumefactive demyelination or a high-grade glioma. Either "
     "remains possible.", "DEMYELINATION", "tumefactive demyelination", U),
    ("either could be the answer", "Lymphoma or toxoplasmosis; either could still be the answer.", "CNS_LYMPHOMA",
     "Lymphoma", U),
    ("neither can be excluded", "Glioma, lymphoma, metastasis. Neither can be excluded.", "GLIOMA", "Glioma", U),
    ("neither can be excluded, third item", "Glioma, lymphoma, metastasis. Neither can be excluded.",
     "BRAIN_METASTASIS", "metastasis", U),
    ("neither can be ruled out, semicolon", "Recurrence and radiation necrosis; neither can be ruled out.",
     "RECURRENCE", "Recurrence", U),
    ("neither excluded, line wrap", "Differential: abscess and metastasis.\nNeither has been excluded.",
     "BRAIN_METASTASIS", "metastasis", U),
    ("all three remain on the differential", "MS, lymphoma and glioma were discussed. All three remain on the "
     "differential.", "CNS_LYMPHOMA", "lymphoma", U),
    ("both are still considered", "Abscess vs. tumour. Both are still considerations.", "BRAIN_TUMOR", "tumour", U),
    # ------------------------------------------------ 3. a parenthesis inside a vs-list
    ("aside inside vs-list, first", "Abscess (lymphoma favoured on the labs) vs glioblastoma.", "BRAIN_INFECTION",
     "Abscess", U),
    ("aside inside vs-list, last", "Abscess (lymphoma favoured on the labs) vs glioblastoma.", "GLIOMA",
     "glioblastoma", U),
    ("aside inside vs-list, inside", "Abscess (lymphoma favoured on the labs) vs glioblastoma.", "CNS_LYMPHOMA",
     "lymphoma", U),
    ("aside favoured by the PET", "Metastasis (glioma favored by the PET) versus abscess.", "BRAIN_METASTASIS",
     "Metastasis", U),
    ("aside with vs., British", "Tumefactive demyelination (tumour favoured clinically) vs. lymphoma.",
     "DEMYELINATION", "Tumefactive demyelination", U),
    ("aside, form field", "DDx: toxoplasmosis (lymphoma favoured given the SPECT) vs PCNSL.", "BRAIN_INFECTION",
     "toxoplasmosis", U),
    ("aside in brackets", "Recurrence [necrosis favoured on perfusion] vs radiation necrosis.", "RECURRENCE",
     "Recurrence", U),
    ("aside, line wrap after vs", "GBM (metastasis favoured on the labs) vs\nlymphoma.", "GLIOMA", "GBM", U),
    # ------------------------------------------------ 3b. a weighing aside inside an or-list (poss.or_past_aside)
    ("or-list aside, could be", "The white matter change could be small vessel disease (more likely) or Krabbe "
     "disease.", "LEUKODYSTROPHY", "Krabbe disease", U),
    ("or-list aside, may represent", "The lesion may represent a glioma (more likely) or lymphoma.", "CNS_LYMPHOMA",
     "lymphoma", U),
    ("or-list aside, favoured", "Ring lesion: abscess (favoured) or metastatic disease.", "BRAIN_METASTASIS",
     "metastatic disease", U),
    ("or-list aside, much more likely", "Findings might be ischemic (much more likely) or related to MELAS.",
     "MITOCHONDRIAL", "MELAS", U),
    ("or-list aside, brackets", "Could be demyelination [more likely] or a low-grade glioma.", "GLIOMA",
     "low-grade glioma", U),
    ("or-list aside, capitals", "COULD BE HYPERTENSIVE CHANGE (MORE LIKELY) OR FABRY DISEASE.", "INBORN_ERROR",
     "FABRY DISEASE", U),
    ("or-list aside, and/or", "Possibly toxoplasmosis (more likely) and/or PCNSL.", "CNS_LYMPHOMA", "PCNSL", U),
    ("or-list aside, probable", "The enhancing focus is an abscess (probable) or a tuberculoma.", "BRAIN_INFECTION",
     "tuberculoma", U),
    ("near: or after a plain aside", "Treated with levetiracetam (since 2019) or lacosamide; glioblastoma resected "
     "2024.", "GLIOMA", "glioblastoma", NONE),
    ("near: or-aside before a symptom", "Seizure (more likely) or syncope; no tumour.", "BRAIN_TUMOR", "tumour",
     NEG),
    # ------------------------------------------------ 4. most likely without a confirming result
    ("most likely by pretest probability", "Lymphoma most likely by pretest probability; toxoplasmosis cannot be "
     "excluded.", "CNS_LYMPHOMA", "Lymphoma", U),
    ("most likely by pretest, the other", "Lymphoma most likely by pretest probability; toxoplasmosis cannot be "
     "excluded.", "BRAIN_INFECTION", "toxoplasmosis", U),
    ("most likely by pre-test probability", "Metastasis most likely by pre-test probability.", "BRAIN_METASTASIS",
     "Metastasis", U),
    ("most likely on clinical grounds", "Lymphoma most likely on clinical grounds.", "CNS_LYMPHOMA", "Lymphoma", U),
    ("most likely on clinical grounds, abbreviation", "GBM most likely on clinical grounds, MRS to support.",
     "GLIOMA", "GBM", U),
    ("most likely by prevalence", "Toxoplasmosis most likely by prevalence in this CD4 range.", "BRAIN_INFECTION",
     "Toxoplasmosis", U),
    ("most likely on the history", "Demyelination most likely on the history; tumour not excluded.",
     "DEMYELINATION", "Demyelination", U),
    ("most likely on pretest odds", "Abscess is most likely on pretest odds.", "BRAIN_INFECTION", "Abscess", U),
    ("most likely by probability, capitals", "METASTASIS MOST LIKELY BY PRETEST PROBABILITY.", "BRAIN_METASTASIS",
     "METASTASIS", U),
    ("most likely on epidemiological grounds", "Glioma most likely on epidemiological grounds.", "GLIOMA", "Glioma",
     U),
    # ------------------------------------------------ 5. a label line that calls it possible
    ("label possible, risk factors", "Metastasis: possible (risk factors include smoking).", "BRAIN_METASTASIS",
     "Metastasis", U),
    ("label possible, risk factor singular", "Lymphoma: possible (risk factor: HIV).", "CNS_LYMPHOMA", "Lymphoma",
     U),
    ("label possible, dash", "Abscess - possible (risk factors: dental infection, fever).", "BRAIN_INFECTION",
     "Abscess", U),
    ("label possible, given", "Toxoplasmosis: possible (given the CD4 count).", "BRAIN_INFECTION",
     "Toxoplasmosis", U),
    ("label probable, risk factors", "Metastases: probable (risk factors - 40 pack-years).", "BRAIN_METASTASIS",
     "Metastases", U),
    ("label possible, capitals", "GLIOMA: POSSIBLE (RISK FACTORS: PRIOR RADIATION).", "GLIOMA", "GLIOMA", U),
    ("label possible, abbreviation", "PCNSL: possible (immunosuppressed).", "CNS_LYMPHOMA", "PCNSL", U),
    ("label possible, list item", "- tuberculoma: possible (risk factors: travel, exposure)", "BRAIN_INFECTION",
     "tuberculoma", U),
    # ------------------------------------------------ 6. what the study should or cannot tell apart
    ("would not separate", "The scan would not separate lymphoma from glioblastoma.", "CNS_LYMPHOMA", "lymphoma",
     U),
    ("would not separate, the other", "The scan would not separate lymphoma from glioblastoma.", "GLIOMA",
     "glioblastoma", U),
    ("cannot separate", "Conventional MRI cannot separate recurrence from radiation necrosis.", "RECURRENCE",
     "recurrence", U),
    ("does not separate, British", "Perfusion does not separate tumour from abscess.", "BRAIN_TUMOR", "tumour", U),
    ("couldn't separate", "The CT couldn't separate an abscess from a necrotic metastasis.", "BRAIN_METASTASIS",
     "metastasis", U),
    ("to help separate", "MRS to help separate abscess from metastasis.", "BRAIN_INFECTION", "abscess", U),
    ("to help separate, the other", "MRS to help separate abscess from metastasis.", "BRAIN_METASTASIS",
     "metastasis", U),
    ("to distinguish", "MRS to distinguish lymphoma from toxoplasmosis.", "CNS_LYMPHOMA", "lymphoma", U),
    ("to distinguish, wrapped", "MR spectroscopy is requested to distinguish PCNSL\nfrom toxoplasmosis.", "BRAIN_INFECTION",
     "toxoplasmosis", U),
    ("won't separate", "A repeat MRI won't separate GBM from lymphoma.", "GLIOMA", "GBM", U),
    # ------------------------------------------------ near misses
    ("near: on the differential, biopsy confirmed", "Lymphoma was on the differential but biopsy confirmed "
     "lymphoma.", "CNS_LYMPHOMA", "lymphoma", NONE),
    ("near: taken off the differential", "Glioma has been taken off the differential.", "GLIOMA", "Glioma", NEG),
    ("near: off the list", "Abscess is off the list.", "BRAIN_INFECTION", "Abscess", NEG),
    ("near: both lesions remain stable", "Known meningioma and a cavernoma. Both lesions remain stable.",
     "BRAIN_TUMOR", "meningioma", NONE),
    ("near: both remain stable", "Meningioma resected in 2019 and a cavernoma. Both remain stable.",
     "BRAIN_TUMOR", "Meningioma", NONE),
    ("near: remains the diagnosis", "Glioblastoma remains the diagnosis.", "GLIOMA", "Glioblastoma", NONE),
    ("near: remains likely", "Lymphoma remains likely.", "CNS_LYMPHOMA", "Lymphoma", U),
    ("near: excluded, most likely confirmed", "Lymphoma was excluded; toxoplasmosis most likely confirmed by PCR.",
     "BRAIN_INFECTION", "toxoplasmosis", NONE),
    ("near: excluded, the excluded one", "Lymphoma was excluded; toxoplasmosis most likely confirmed by PCR.",
     "CNS_LYMPHOMA", "Lymphoma", NEG),
    ("near: established diagnosis before a vs-list", "Diagnosis: glioblastoma, resected 2024.\nRecurrence "
     "(perfusion favoured) vs radiation necrosis.", "GLIOMA", "glioblastoma", NONE),
    ("near: established diagnosis before a plain vs-list", "Known glioblastoma (IDH-wildtype).\nRecurrence vs "
     "treatment effect.", "GLIOMA", "glioblastoma", NONE),
    ("near: both excluded", "Abscess and lymphoma were considered. Both have been excluded.", "CNS_LYMPHOMA",
     "lymphoma", NEG),
    ("near: neither is likely", "Glioma or lymphoma? Neither is likely on this read.", "GLIOMA", "Glioma", U),
    ("near: a paragraph between", "Abscess and metastasis.\n\nBoth remain possible.", "BRAIN_METASTASIS",
     "metastasis", NONE),
    ("near: the previous sentence negated", "No abscess or lymphoma on the aspirate. Both remain possible for "
     "the second lesion.", "BRAIN_INFECTION", "abscess", NEG),
    ("near: both treatments remain possible", "Glioblastoma, biopsy-proven. Both resection and radiation remain "
     "possible.", "GLIOMA", "Glioblastoma", NONE),
    ("near: most likely from the tumour", "The headaches are most likely from the glioma.", "GLIOMA", "glioma",
     NONE),
    ("near: seizure risk factors", "Seizure risk (prior seizures, left temporal glioma) remains high.", "GLIOMA",
     "glioma", NONE),
    ("near: separate lesions", "Two separate lesions from the known glioblastoma.", "GLIOMA", "glioblastoma", NONE),
]


@pytest.mark.parametrize(("text", "concept", "span", "expected"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_differential_membership(mentions: Callable[[str], list[Mention]], text: str, concept: str, span: str,
                                 expected: set[str]) -> None:
    check_mention(mentions, text, concept, span, expected, among=ASSERTIONS)
