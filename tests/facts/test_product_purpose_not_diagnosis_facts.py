"""A product's or a drug's purpose, in general, is no diagnosis of the patient.

Class: a disease named as what a product is taken to prevent ("curcumin capsules (for tumour prevention)"), or as a
drug's label indication told of the drug in general (a label or monograph sentence, a pharmacy form's "FDA-approved
indication", a drug-information leaflet pasted into the chart), was read as the patient's present disease.

Rule (context.yaml, HYPOTHETICAL, next to the generic-statement rules hyp.generic_*):
- `hyp.purpose_prevention`: a prevention word right after a tumour's word ("glioma prevention", "tumour-prevention",
  "brain tumour preventive"); `hyp.purpose_protect_against`: "to protect against / ward off" a tumour. Tumours only.
- `hyp.label_indication`: "is/are (FDA-)indicated / approved / licensed ... for|in", "is/are used to treat", the subject
  a drug in general (no person, pronoun, study, procedure or treatment-in-general word before the cue), the patient
  not named after it.
- `hyp.label_indication_heading`: the indication qualified as the label's ("FDA-approved indication:", "Labelled
  indications:", "Indications and usage:"), with no plan, policy, payer or study in its clause.
- `hyp.label_dosing`: a label's dosing section opening its line or sentence ("Dosing for X:", "Usual adult dose for X").

The label rules read metabolic, mitochondrial and white-matter diseases as well ("label indication is urea cycle
disorders", "sodium phenylacetate-benzoate is indicated for acute hyperammonemia in urea cycle enzyme deficiencies").

Near misses keep their reading: the patient's own treatment or order ("temozolomide 140 mg daily for her
glioblastoma", "Indication: GBM, cycle 4 of 6", "on everolimus for SEGA, which is shrinking"), a drug for a
consequence of the tumour ("dexamethasone for edema around the metastasis", "anti-seizure medication for her
tumour-related epilepsy"), the prevention of the patient's recurrence ("prevention of recurrence after resection of
her meningioma"), and a study or a person as the subject ("MRS is indicated for her glioblastoma follow-up", "she was
approved for bevacizumab for her recurrent glioblastoma").

Limits known: a label line without "is/are" or a qualified heading ("temozolomide - indicated for GBM") is not caught;
"Dosing for GBM: ..." opening a line of the patient's own order reads as the label's (hypothetical); the drug named
by a pasted label still counts as a treatment given (prior_chemotherapy); a label warning "use caution in patients
with brain tumours" is not covered; prevention is read for tumours only ("seizure prevention" is left as it was).

Rows are freshly written.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED

CASES: dict[str, tuple[str, str, FactStatus]] = {
    # prevention or protection purposes
    "supplement-tumour-prevention-paren": (
        "Medications: curcumin softgels (for tumour prevention), vitamin D 1000 IU.", "brain_neoplasm", N),
    "brain-tumor-prevention": ("Home meds: ginger root capsules for brain tumor prevention.", "brain_neoplasm", N),
    "glioma-prevention": ("Takes a reishi supplement for glioma prevention.", "brain_neoplasm", N),
    "hyphen-prevention-product": ("OTC: tumor-prevention mushroom capsules, one daily.", "brain_neoplasm", N),
    "as-a-preventive": ("Drinks an herbal tea daily as a brain tumour preventive.", "brain_neoplasm", N),
    "protect-against": ("Uses a herbal tincture to protect against brain tumours.", "brain_neoplasm", N),
    "to-prevent-growth": ("Husband gives her green tea extract to prevent tumor growth.", "brain_neoplasm", N),
    # label and monograph sentences
    "indicated-for-adults-with": (
        "Lomustine is indicated for adults with newly diagnosed anaplastic oligodendroglioma.", "glial_neoplasm", N),
    "indicated-for-treatment-of-patients": (
        "Carmustine is indicated for the treatment of patients with recurrent glioblastoma after surgery.",
        "glial_neoplasm", N),
    "approved-for-recurrent": (
        "Bevacizumab is approved for progressive glioblastoma in adults.", "glial_neoplasm", N),
    "approved-for-recurrent-no-recurrence": (
        "Bevacizumab is FDA approved for recurrent glioblastoma in adults.", "recurrent_or_residual_tumor", N),
    "indicated-in-lymphoma": ("High-dose methotrexate is indicated in primary CNS lymphoma.", "cns_lymphoma", N),
    "used-to-treat": ("Carmustine wafers are used to treat glioblastoma multiforme.", "glial_neoplasm", N),
    "leaflet-used-to-treat": (
        "Patient leaflet: Temodal contains temozolomide and is used to treat certain brain tumours in adults.",
        "brain_neoplasm", N),
    "labelled-indication-heading": (
        "Labelled indication: anaplastic astrocytoma refractory to nitrosourea.", "glial_neoplasm", N),
    "fda-approved-indication-form": (
        "Pharmacy form - everolimus 4.5 mg/m2. FDA-approved indication: subependymal giant cell astrocytoma "
        "associated with tuberous sclerosis.", "glial_neoplasm", N),
    "indications-and-usage": ("Indications and usage: refractory anaplastic astrocytoma.", "glial_neoplasm", N),
    "dosing-section": ("Dosing for anaplastic astrocytoma: 150 mg/m2 once daily for 5 days.", "glial_neoplasm", N),
    "usual-adult-dose": (
        "Usual adult dose for glioblastoma: 75 mg/m2 daily with radiotherapy.", "glial_neoplasm", N),
    "drug-information-indicated": (
        "Drug information: everolimus is indicated for SEGA in patients with TSC who are not surgical candidates.",
        "glial_neoplasm", N),
    # near misses: the patient's own disease keeps its reading
    "near_dose-for-her-glioblastoma": ("Temozolomide 140 mg daily for her glioblastoma.", "glial_neoplasm", P),
    "near_order-indication": ("Indication: GBM, cycle 4 of 6.", "glial_neoplasm", P),
    "near_on-everolimus-for-sega": ("On everolimus for SEGA, which is shrinking.", "glial_neoplasm", P),
    "near_dexamethasone-edema": ("Dexamethasone for edema around the metastasis.", "brain_metastasis", P),
    # a label's indication that is a metabolic disease, and a label heading after another clause
    "label-indication-metabolic": (
        "Sodium benzoate (given here; label indication is urea cycle disorders).", "inborn_error_of_metabolism", N),
    "indicated-metabolic": (
        "Sodium phenylacetate-benzoate is indicated for acute hyperammonemia in urea cycle enzyme deficiencies.",
        "inborn_error_of_metabolism", N),
    "labelled-indication-msud": ("Thiamine 100 mg (labelled indication: MSUD).", "inborn_error_of_metabolism", N),
    "near_metabolic-her-own": ("Sodium phenylbutyrate for her OTC deficiency.", "inborn_error_of_metabolism", P),
    "near_plans-approved-indication": (
        "This meets the plan's approved indication: known glioblastoma.", "glial_neoplasm", P),
    "near_antiseizure-tumour-epilepsy": (
        "Anti-seizure medication for her tumour-related epilepsy.", "brain_neoplasm", P),
    "near_prevention-of-recurrence": (
        "Prevention of recurrence after resection of her meningioma.", "brain_neoplasm", P),
    "near_study-indicated-for-her": ("MRS is indicated for her glioblastoma follow-up.", "glial_neoplasm", P),
    "near_drug-indicated-for-her": ("Temozolomide is indicated for her glioblastoma.", "glial_neoplasm", P),
    "near_she-was-approved": (
        "She was approved for bevacizumab for her recurrent glioblastoma.", "glial_neoplasm", P),
    "near_radiotherapy-indicated": (
        "Radiotherapy is indicated for the residual glioblastoma.", "glial_neoplasm", P),
}


@pytest.mark.parametrize(("text", "fact", "status"), list(CASES.values()), ids=list(CASES))
def test_product_purpose_not_diagnosis(analyze: Any, text: str, fact: str, status: FactStatus) -> None:
    check_facts(facts_of(analyze, text + "\n" + REQUEST_TAIL), {fact: status})
