"""A statement about a disease or a group of patients in general makes no fact of this patient.

Class: a packet padded with reference text (a textbook's, a review's, a slide's or a leaflet's sentence about a disease
class, about other patients or about a published series) made the disease present. The sentences are hypothetical
(context.yaml: hyp.generic_plural_verb, hyp.generic_plural_property, hyp.generic_population_habit,
hyp.generic_population_in, hyp.reference_citation, hyp.reference_reported, hyp.generic_trait; mention-level table
tests/nlp/test_generic_subject_statements.py), so they count for no fact. Near misses: the patient's own disease told
in the same packets stays present.

Rows: id -> (text, fact, expected status). Rows whose id starts with "near" must keep their reading. Rows are invented.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED

CASES: dict[str, tuple[str, str, FactStatus]] = {
    "plural-lymphomas-show": ("Background: lymphomas show marked choline elevation and restricted diffusion.",
                              "cns_lymphoma", N),
    "plural-meningiomas-have": ("Meningiomas have a dural tail and an alanine peak.", "brain_neoplasm", N),
    "population-nf1-gliomas": ("Children with neurofibromatosis type 1 may develop optic pathway gliomas.",
                               "glial_neoplasm", N),
    "population-seizures": ("In adults with this syndrome, seizures are common.", "seizures", N),
    "series-of-toxoplasmosis": ("In a series of 40 patients with toxoplasmosis, thallium uptake was low.",
                                "brain_infection", N),
    "reported-in-hosts": ("Ring-enhancing lymphoma has been reported in immunocompetent hosts.", "cns_lymphoma", N),
    "commonest-mimic": ("Lymphoma is a classic mimic of demyelination on MRI.", "cns_lymphoma", N),
    "near-she-has": ("Assessment: she has a glioma in the left frontal lobe.", "glial_neoplasm", P),
    "near-one-line-summary": ("Patient with glioblastoma, here for follow-up.", "glial_neoplasm", P),
    "near-findings": ("Impression: metastases seen left parietal and in the right thalamus.", "brain_metastasis", P),
    "near-her-seizures": ("Her seizures typically occur at night.", "seizures", P),
    "near-reference-and-her-own": ("Lymphomas show marked choline elevation. Biopsy showed her lymphoma.",
                                   "cns_lymphoma", P),
}


@pytest.mark.parametrize(("text", "fact", "status"), list(CASES.values()), ids=list(CASES))
def test_generic_subject_statement_facts(analyze: Any, text: str, fact: str, status: FactStatus) -> None:
    check_facts(facts_of(analyze, text + "\n" + REQUEST_TAIL), {fact: status})
