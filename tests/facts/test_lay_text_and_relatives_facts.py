"""Educational text, a family's questions and relatives named in lay writing, through the real NLP stage.

1. A study described in general, as a leaflet or a web page does ("MRS is also used for conditions such as ...",
   "spectroscopy is sometimes used when the appearance is uncertain, e.g. X versus Y", "spectroscopy can help tell
   a tumour from an abscess"), makes no fact and no inconclusive read (hyp.general_use, hyp.general_use_can).
   Near misses: the patient named after the cue ("in her case"), "MRS would help differentiate ..." (the request's
   question), the patient's own uncertain appearance.
2. A question the family raised with the clinician is no finding, also about a symptom (hyp.lay_question); a lay
   belief told in the past ("we were sure they were seizures") is at most suspected (poss.lay_belief). Near misses:
   what they report, their question about his own seizures, a clinician's confirmation.
3. A relative named by a given name in first-person lay writing is family (fam.relative_has); a family mention
   whose disease wraps onto the next line as an acronym ("her mother died of" / "GBM)") stays the relative's
   (normalize: a closing acronym after an open clause is no heading). Near misses: "my sister says I have MS", the
   writer's son or daughter (the patient the letter is about), a relative named beside the patient's own disease.

Rows are fresh fragments in varied styles; each names the facts it checks.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
R = "Request date: 11/20/2026\nMR spectroscopy requested.\n"

GENERAL_TEXT = [
    ("a leaflet's list of conditions", R + "Leaflet text: MR spectroscopy is often used in conditions such as "
     "epilepsy, multiple sclerosis and brain tumours.\n",
     {"multiple_sclerosis": N, "brain_neoplasm": N, "seizures": N}),
    ("a web page's uncertain appearance", R + "From the hospital website: spectroscopy is sometimes used when a "
     "scan is unclear, for instance glioma versus lymphoma.\n",
     {"glial_neoplasm": N, "cns_lymphoma": N, "conventional_imaging_inconclusive": N}),
    ("can help distinguish", R + "Spectroscopy can help distinguish a brain tumour from an abscess.\n",
     {"brain_neoplasm": N, "brain_infection": N}),
    ("may help differentiate", R + "MRS may help differentiate lymphoma from toxoplasmosis.\n",
     {"cns_lymphoma": N}),
    ("are useful for telling", R + "Perfusion imaging and MRS are useful for telling a glioma from a "
     "metastasis.\n", {"glial_neoplasm": N, "brain_metastasis": N}),
    ("a printed page quoted", R + "The printed page says MRS is also used in multiple sclerosis.\n",
     {"multiple_sclerosis": N}),
    ("techniques used when uncertain, e.g.", R + "Advanced techniques such as spectroscopy are used when the "
     "appearance is uncertain, e.g. meningioma or metastasis.\n",
     {"brain_neoplasm": N, "conventional_imaging_inconclusive": N}),
    ("near miss: in her case", R + "In her case the appearance is uncertain: meningioma versus metastasis.\n",
     {"brain_neoplasm": S, "brain_metastasis": S}),
    ("near miss: would help differentiate", R + "MRS would help differentiate lymphoma from toxoplasmosis.\n",
     {"cns_lymphoma": S}),
    ("near miss: useful in her case", R + "Spectroscopy is useful in her case to separate glioma from "
     "lymphoma.\n", {"glial_neoplasm": S, "cns_lymphoma": S}),
    ("near miss: can help, then her biopsy", R + "MR spectroscopy (choline, NAA) can help differentiate a "
     "demyelinating lesion from a glioma and may spare her a biopsy.\n", {"glial_neoplasm": S}),
]

FAMILY_QUESTIONS = [
    ("mum asked about, discussed", R + "Mum asked about epilepsy and autism; discussed at length.\n",
     {"seizures": N}),
    ("parents enquired about", R + "The parents enquired about febrile seizures.\n", {"seizures": N}),
    ("husband wanted to know about", R + "Her husband wanted to know about seizures after surgery.\n",
     {"seizures": N}),
    ("grandma asked us about", R + "Grandma asked us about MS; she has read about it online.\n",
     {"multiple_sclerosis": N}),
    ("family asked whether, a symptom", R + "The family asked whether these could be seizures.\n",
     {"seizures": N}),
    ("wife enquired whether", R + "His wife enquired whether it might be a brain tumour.\n", {"brain_neoplasm": N}),
    ("a lay belief, convinced", R + "I was convinced these were seizures.\n", {"seizures": S}),
    ("a lay belief, we were sure", R + "Mum's letter: we were absolutely sure they were seizures.\n",
     {"seizures": S}),
    ("near miss: parents report", R + "Mother reports three seizures this week, seen by the school nurse.\n",
     {"seizures": P}),
    ("near miss: asked about his seizures", R + "Parents asked about his seizures; they are now daily.\n",
     {"seizures": P}),
    ("near miss: a belief the EEG confirmed", R + "We were sure they were seizures, and the EEG confirmed focal "
     "seizures.\n", {"seizures": P}),
    ("near miss: asked about the test", R + "The family asked about the MRS; he has epilepsy since 2019.\n",
     {"seizures": P}),
]

LAY_RELATIVES = [
    ("my cousin Anna has", R + "My cousin Anna has multiple sclerosis.\n", {"multiple_sclerosis": N}),
    ("my older brother Sam had", R + "My older brother Sam had a lymphoma at 40.\n", {"cns_lymphoma": N}),
    ("our uncle Pete died of", R + "Our uncle Pete died of a glioblastoma in 2015.\n", {"glial_neoplasm": N}),
    ("my grandma Rose, who had", R + "My grandma Rose, who had a brain tumour, lived with us.\n",
     {"brain_neoplasm": N}),
    ("my sister Ruth has MS and an MRS", R + "My sister Ruth has MS and had a spectroscopy for it.\n",
     {"multiple_sclerosis": N}),
    ("an acronym wrapped in a parenthesis", R + "FHx diabetes (her mother died of\nGBM).\n",
     {"glial_neoplasm": N}),
    ("an acronym wrapped after 'had a'", R + "Anxious since her father had a\nGBM.\n", {"glial_neoplasm": N}),
    ("a parenthesised relative", R + "Back pain; (sister: MS at 25).\n", {"multiple_sclerosis": N}),
    ("near miss: my sister says I have", R + "My sister says I have MS.\n", {"multiple_sclerosis": P}),
    ("near miss: a parent's letter about Tom", R + "Dear Doctor,\nMy son Tom has seizures every night and I am "
     "asking for the scan.\n", {"seizures": P}),
    ("near miss: my daughter Mia", R + "My daughter Mia has had seizures since March.\n", {"seizures": P}),
    ("near miss: a sister who drove", R + "My sister Ruth drove me in; I have had two seizures.\n",
     {"seizures": P}),
    ("near miss: a brother, then my glioma", R + "My brother Ben came with me. I have a glioma.\n",
     {"glial_neoplasm": P}),
]


@pytest.mark.parametrize(("case", "text", "expected"), GENERAL_TEXT, ids=[c[0] for c in GENERAL_TEXT])
def test_general_text_is_not_the_patients(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text), expected)


@pytest.mark.parametrize(("case", "text", "expected"), FAMILY_QUESTIONS, ids=[c[0] for c in FAMILY_QUESTIONS])
def test_a_familys_question_is_no_finding(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text), expected)


@pytest.mark.parametrize(("case", "text", "expected"), LAY_RELATIVES, ids=[c[0] for c in LAY_RELATIVES])
def test_a_relative_named_in_lay_writing(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text), expected)
