"""A suspicion denied in the passive, a differential told as a purpose, and consequences told with "would".

1. The negation before the noun and the suspicion verb after it deny the suspicion: "No inborn error is suspected",
   "neither a leukodystrophy nor a mitochondrial disorder is suspected" are absent (scope.denied_suspicion), not
   suspected. Near misses: a hedge in another clause ("No tumour is seen, but a low-grade glioma is suspected"), no
   denial ("an inborn error is suspected"), a hedge that is no suspicion verb ("neither ... can be excluded").
2. What the MRS should tell apart is its question: "to separate tumour from gliosis", "to tell a glioma apart from an
   infarct", "would help differentiate lymphoma from toxoplasmosis" (poss.tell_apart, poss.tell_apart_from, and
   hyp.anticipated_result no longer taking "would help differentiate"): both sides suspected. The patient's own
   treated tumour stays known ("recurrence of her resected glioblastoma": scope.own_tumor).
3. What "would" happen is no treatment given: "a tumour would go to the surgeons for resection", "she would like to
   discuss resection of her meningioma" (hyp.would_consequence, hyp.kind_rule_article, hyp.treatment_plan_after).
   Near misses: a resection told as done, a story in the past ("she would later undergo resection").
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

CASES: list[tuple[str, str, dict[str, FactStatus]]] = [
    # ---- 1. a suspicion denied in the passive
    ("no X is suspected", "Metabolic clinic: no inborn error of metabolism is suspected.\n",
     {"inborn_error_of_metabolism": A}),
    ("no X is suspected at this time", "No tumour is suspected at this time; the headaches are tension-type.\n",
     {"brain_neoplasm": A}),
    ("no X was considered likely", "On review, no infection was considered likely given normal CRP.\n",
     {"brain_infection": A}),
    ("neither X nor Y is suspected", "Neither a leukodystrophy nor a mitochondrial disorder is suspected.\n",
     {"leukodystrophy": A, "mitochondrial_disorder": A}),
    ("no X suspected clinically", "No neoplasm suspected clinically.\n", {"brain_neoplasm": A}),
    ("no X or Y is suspected", "No glioma or lymphoma is suspected by the oncology team.\n",
     {"glial_neoplasm": A, "cns_lymphoma": A}),
    ("no definite X is currently suspected", "No definite metastasis is currently suspected.\n",
     {"brain_metastasis": A}),
    ("no X were suspected", "No demyelinating lesions were suspected on the outside read.\n",
     {"demyelination": A}),
    ("no X was suspected", "No mitochondrial disease was suspected by genetics.\n", {"mitochondrial_disorder": A}),
    ("no X is in the differential", "No abscess is in the differential at this point.\n", {"brain_infection": A}),
    ("no X is likely", "No recurrence is likely; the enhancement is radiation necrosis.\n",
     {"recurrent_or_residual_tumor": A, "treatment_effect": P}),
    ("no X has been considered", "No leukodystrophy has been considered so far.\n", {"leukodystrophy": A}),
    # near misses
    ("near miss: a hedge in the next clause", "No tumour is seen, but a low-grade glioma is suspected.\n",
     {"glial_neoplasm": S}),
    ("near miss: no denial", "An inborn error is suspected.\n", {"inborn_error_of_metabolism": S}),
    ("near miss: not suspected to be malignant", "The lesion is not suspected to be malignant - a benign tumour is "
     "likely.\n", {"brain_neoplasm": S}),
    ("near miss: a denial in another clause", "No mass; demyelination is suspected.\n", {"demyelination": S}),
    ("near miss: suspected after a comma", "No edema, an abscess is suspected.\n", {"brain_infection": S}),
    ("near miss: the denial of another noun", "No enhancement is seen and lymphoma is suspected.\n",
     {"cns_lymphoma": S}),
    ("near miss: cannot be excluded", "Lymphoma cannot be excluded.\n", {"cns_lymphoma": S}),
    # ---- 2. a differential told as what the MRS should tell apart
    ("to distinguish X from Y", "Spectroscopy to distinguish neoplasm from cortical dysplasia.\n",
     {"brain_neoplasm": S, "tumor_vs_nontumor_differential": P}),
    ("requested to separate X from Y", "MRS requested to separate tumour from gliosis.\n",
     {"brain_neoplasm": S, "tumor_vs_nontumor_differential": P}),
    ("to tell X apart from Y", "MR spectroscopy to tell a glioma apart from an infarct.\n",
     {"glial_neoplasm": S, "tumor_vs_nontumor_differential": P}),
    ("help us tell X apart from an abscess", "Spectroscopy may help us tell a lymphoma apart from an abscess.\n",
     {"cns_lymphoma": S, "brain_infection": S, "tumor_vs_nontumor_differential": P}),
    ("would help differentiate X from Y", "MRS would help differentiate lymphoma from toxoplasmosis.\n",
     {"cns_lymphoma": S, "brain_infection": S, "tumor_vs_nontumor_differential": P}),
    ("help distinguish", "We hope spectroscopy will help distinguish metastasis from abscess.\n",
     {"brain_metastasis": S, "brain_infection": S, "tumor_vs_nontumor_differential": P}),
    ("to discriminate between", "MRS is needed to discriminate between tumour and demyelination.\n",
     {"brain_neoplasm": S, "demyelination": S, "tumor_vs_nontumor_differential": P}),
    ("separating X from Y", "Request: MRS for separating a glioma from an abscess.\n",
     {"glial_neoplasm": S, "brain_infection": S, "tumor_vs_nontumor_differential": P}),
    # near misses
    ("near miss: her resected glioblastoma", "MRS to distinguish recurrence of her resected glioblastoma from "
     "radiation necrosis.\n", {"glial_neoplasm": P, "prior_resection": P}),
    ("near miss: separate lesions", "MRI shows two separate enhancing lesions from the left frontal lobe.\n",
     {"brain_lesion": P}),
    ("near miss: apart from, except", "No other lesion apart from the known meningioma.\n", {"brain_neoplasm": P}),
    # ---- 3. consequences told with "would"
    ("a tumour would go for resection", "A tumour would go to the surgeons for resection.\n",
     {"brain_neoplasm": N, "prior_resection": N}),
    ("an abscess would need drainage", "An abscess would need drainage.\n", {"brain_infection": N}),
    ("if ..., radiosurgery would follow", "If it is a metastasis, radiosurgery would follow.\n",
     {"brain_metastasis": N, "prior_radiation": N}),
    ("a low-grade lesion would be resected", "A low-grade lesion would be resected.\n",
     {"brain_lesion": N, "prior_resection": N}),
    ("a metastasis would be treated with", "A metastasis would be treated with radiosurgery.\n",
     {"brain_metastasis": N, "prior_radiation": N}),
    ("she would benefit from radiosurgery", "He would benefit from radiosurgery to the metastasis.\n",
     {"prior_radiation": N, "brain_metastasis": P}),
    ("would be resected", "If this proves to be a glioma, it would be resected.\n",
     {"glial_neoplasm": N, "prior_resection": N}),
    ("radiotherapy would then follow", "Resection first; radiotherapy would then follow.\n", {"prior_radiation": N}),
    ("would proceed to resection", "The family would proceed to resection only after the MRS.\n",
     {"prior_resection": N}),
    # near misses
    ("near miss: resected in 2024", "The tumour was resected in 2024.\n", {"prior_resection": P, "brain_neoplasm": P}),
    ("near miss: would like to discuss resection of her meningioma",
     "She would like to discuss resection of her meningioma.\n", {"brain_neoplasm": P, "prior_resection": N}),
    ("near miss: a story in the past", "She was diagnosed in 2019 and would later undergo resection.\n",
     {"prior_resection": P}),
    ("near miss: would go on to have", "She would go on to have radiotherapy in 2021.\n", {"prior_radiation": P}),
    ("near miss: her glioblastoma would need", "Her glioblastoma would need re-resection if it grows.\n",
     {"glial_neoplasm": P, "prior_resection": N}),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_passive_denials_purposes_and_would(analyze: Any, text: str, expected: dict[str, FactStatus]) -> None:
    check_facts(facts_of(analyze, text + REQUEST_TAIL), expected)
