"""A clinician's denied suspicion, and a later exclusion that settles an earlier hedge, through the real NLP stage.

1. Denying a suspicion negates ("I do not suspect a neoplasm", "I have no real suspicion of lymphoma", "I am not
   suspicious of a glioma", "nothing here suggests a glioma"), every item of a list after it too
   (`neg.denied_suspicion`). Near misses stay suspected: a suspicion stated, "cannot exclude", a hedge after the
   denial ("I do not suspect an abscess, but a glioma remains possible").
2. A later statement that rules a diagnosis out settles the earlier hedge about it: also when the exclusion is told
   in the active voice with its object after it ("staging ruled out metastatic disease", "the tumour board later
   ruled out a glioma": scope `object_reach`), when the hedge was a past suspicion ("lymphoma was suspected in 2022
   but was later excluded": `poss.considered`), and when the verdict refers back across a semicolon ("an abscess
   had been suspected; it was excluded by aspiration"). Near misses stay suspected: an exclusion before a new
   suspicion, the exclusion of another diagnosis, "could not be excluded", a planned exclusion, "not yet excluded",
   and a ruling-out whose object is no diagnosis.

Rows are fresh fragments in varied styles; each names the facts it checks.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

# case, text, {fact: expected status}
DENIED = [
    ("I do not suspect", "Impression: I do not suspect a primary brain neoplasm.\n", {"brain_neoplasm": A}),
    ("we don't suspect", "On balance we don't suspect demyelinating disease.\n", {"demyelination": A}),
    ("did not suspect, third person", "Neuro-oncology did not suspect lymphoma at that visit.\n",
     {"cns_lymphoma": A}),
    ("would not really suspect", "I would not really suspect a metastasis given the negative staging.\n",
     {"brain_metastasis": A}),
    ("no particular suspicion of", "I have no particular suspicion of an abscess.\n", {"brain_infection": A}),
    ("no real suspicion for, after a clause", "She is afebrile, and I have no real suspicion for infection.\n",
     {"brain_infection": A}),
    ("no strong suspicion of", "There is no strong suspicion of multiple sclerosis.\n", {"multiple_sclerosis": A}),
    ("not suspicious of", "I am not suspicious of a glioma.\n", {"glial_neoplasm": A}),
    ("nothing here suggests", "Nothing here suggests a glioma.\n", {"glial_neoplasm": A}),
    ("dont without an apostrophe", "We dont suspect a tumour.\n", {"brain_neoplasm": A}),
    ("every item of a list after the denial",
     "I do not suspect chronic traumatic encephalopathy, a glioma, a demyelinating process or an abscess.\n",
     {"glial_neoplasm": A, "demyelination": A, "brain_infection": A}),
    ("a list joined by nor", "We do not suspect metastatic disease nor lymphoma.\n",
     {"brain_metastasis": A, "cns_lymphoma": A}),
    # near misses: a suspicion stated or left open, or a hedge after the denial
    ("near miss: I suspect", "I suspect a low-grade glioma.\n", {"glial_neoplasm": S}),
    ("near miss: strongly suspect", "We strongly suspect lymphoma.\n", {"cns_lymphoma": S}),
    ("near miss: cannot exclude", "We cannot exclude a demyelinating process.\n", {"demyelination": S}),
    ("near miss: a hedge after the denial",
     "I do not suspect an abscess, but a glioma remains possible.\n", {"brain_infection": A, "glial_neoplasm": S}),
    ("near miss: another diagnosis still on the differential",
     "I don't suspect demyelination; metastasis is still on the differential.\n",
     {"demyelination": A, "brain_metastasis": S}),
    ("near miss: not only do we suspect", "Not only do we suspect a glioma, we think it is high grade.\n",
     {"glial_neoplasm": S}),
    ("near miss: the radiologist suspects, I do not",
     "The radiologist suspects lymphoma; I do not suspect infection.\n",
     {"cns_lymphoma": S, "brain_infection": A}),
]


@pytest.mark.parametrize(("case", "text", "expected"), DENIED, ids=[c[0] for c in DENIED])
def test_a_denied_suspicion_is_a_negation(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), expected)


LATER_EXCLUSION = [
    ("staging ruled out metastatic disease (active voice)",
     "CT 2019: hypodense focus, metastasis cannot be excluded. Staging PET-CT in 2019 ruled out metastatic "
     "disease.\n", {"brain_metastasis": A}),
    ("the tumour board later ruled out a glioma",
     "Low-grade glioma was queried on the 2017 MRI. The tumour board later ruled out a glioma after serial "
     "imaging.\n", {"glial_neoplasm": A}),
    ("suspected in a year, later excluded in the same sentence",
     "Lymphoma was suspected in 2022 but was later excluded.\n", {"cns_lymphoma": A}),
    ("had been suspected; it was excluded",
     "A pyogenic abscess had been suspected; it was excluded by aspiration.\n", {"brain_infection": A}),
    ("follow-up excluded one side of a differential",
     "Initial differential: glioma versus demyelination. Follow-up excluded demyelination and the biopsy showed "
     "astrocytoma.\n", {"demyelination": A, "glial_neoplasm": P}),
    ("aspiration and cultures ruled out an abscess",
     "Abscess vs necrotic tumour on the first CT. Aspiration and cultures ruled out an abscess.\n",
     {"brain_infection": A}),
    ("a list of tests excluded the diagnosis",
     "Toxoplasmosis vs lymphoma initially. Serology, CSF and the response to therapy excluded lymphoma.\n",
     {"cns_lymphoma": A}),
    ("subsequently ruled out, after a semicolon",
     "Concern for metastasis on the 2020 MRI; whole-body staging subsequently ruled out metastasis and a primary "
     "tumour.\n", {"brain_metastasis": A}),
    # near misses: nothing settles the hedge
    ("near miss: ruled out years before a new concern",
     "Glioma was ruled out in 2015. MRI 10/2026: new enhancing mass, concern for glioma.\n", {"glial_neoplasm": S}),
    ("near miss: the other diagnosis was ruled out",
     "Lymphoma versus toxoplasmosis; serology ruled out toxoplasmosis.\n", {"cns_lymphoma": S}),
    ("near miss: could not be excluded", "Metastasis was suspected in 2021 but could not be excluded.\n",
     {"brain_metastasis": S}),
    ("near miss: a planned exclusion", "Glioma was suspected in 2020; a biopsy is planned to exclude it.\n",
     {"glial_neoplasm": S}),
    ("near miss: not yet excluded", "Lymphoma has not yet been excluded.\n", {"cns_lymphoma": S}),
    ("near miss: ruled out by, then another diagnosis",
     "Tumour ruled out by biopsy, lymphoma remains possible.\n", {"cns_lymphoma": S}),
    ("near miss: a ruling-out whose object is no diagnosis",
     "The team ruled out the use of contrast; glioma remains the leading concern.\n", {"glial_neoplasm": S}),
    ("near miss: a passive verdict does not reach past its comma", "Glioma ruled out, lesion stable.\n",
     {"brain_lesion": P}),
]


@pytest.mark.parametrize(("case", "text", "expected"), LATER_EXCLUSION, ids=[c[0] for c in LATER_EXCLUSION])
def test_a_later_exclusion_settles_the_earlier_hedge(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), expected)


def test_an_object_of_an_exclusion_names_the_scope(fragment_facts) -> None:  # type: ignore[no-untyped-def]
    facts = fragment_facts("Staging PET-CT in 2019 ruled out metastatic disease.\n")
    [e] = facts.facts["brain_metastasis"].evidence
    assert e.assertion == "absent" and {"neg.excluded", "scope.object_reach"} <= set(e.modifier_rules)
