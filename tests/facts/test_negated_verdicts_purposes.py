"""Negated verdict and purpose words, changes named only as future triggers, non-epileptic events and differentials
told as considerations, through the real NLP stage.

1. A verdict word denied is no verdict: "there is nothing indeterminate here", "nothing equivocal about it"
   (targets.yaml img.inconclusive, `unless_prev`); "no equivocal findings", "not inconclusive" stay denied. Near
   misses: "indeterminate lesion" and "nothing conclusive", "nothing definitive" (img.inconclusive_nothing) are
   inconclusive reads.
2. A question the request says it does not ask says nothing: "not asked to grade the tumour", "not requested for
   grading", "not asked to distinguish recurrence from radiation necrosis" make no grading question (purpose.not_asked
   in facts/purpose.py) and no recurrence-versus-necrosis question (hyp.not_asked_purpose); "grading is not the
   question" denies the purpose (neg.not_the_question), and a denied grading purpose asks no grade (grading_question).
   Near misses: "asked to grade the tumour", "MRS to separate recurrence from radiation necrosis", "not requested to
   look for a tumour" (neg.not_asked: absent).
3. A change named only as what would bring the next review forward is no change now (hyp.sooner_trigger):
   "re-evaluation in 2 years or sooner with clinical change", "earlier with any new symptoms". Near misses: "clinical
   change since September: new aphasia", "came back sooner with new weakness".
4. Non-epileptic events are no seizures: "non-epileptic per EEG", "nonepileptic spells" (look.nonepileptic), "her
   seizures were non-epileptic on video-EEG" (neg.nonepileptic_predicate). Near misses: "epileptic seizures", "focal
   seizures", epileptic seizures beside non-epileptic events, "focal seizures and her other events are
   non-epileptic".
5. A differential told as considerations or possibilities is suspected, each item: "Leading considerations are ...",
   "the main diagnostic considerations include ..." (poss.weighed_before), "Principal considerations: ...", a list under
   "Main considerations:" (poss.considerations_label), "X is a strong consideration" (poss.weighed_after), "X and
   Y both remain possible" over a long first subject (poss.both_weighed); a tumour weighed against a mitochondrial
   disease is a tumour-versus-non-tumour differential ("diffuse midline glioma vs Leigh-spectrum mitochondrial
   disease": tumor.nontumor_alternatives, mito.leigh). Near misses: "the diagnosis is glioblastoma (pathology)",
   "lymphoma was considered and excluded", a known tumour beside a known mitochondrial disease.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

# case, text, {fact: expected status}
CASES: list[tuple[str, str, dict[str, FactStatus]]] = [
    # ---- 1. a verdict word denied
    ("nothing indeterminate here",
     "MRI brain 09/14/2026: enhancing left parietal mass. There is nothing indeterminate here.\n",
     {"conventional_imaging_inconclusive": N, "mri_nondiagnostic": N}),
    ("nothing equivocal, then the read",
     "MRI brain 09/14/2026: nothing equivocal; the extra-axial mass is a typical meningioma.\n",
     {"conventional_imaging_inconclusive": A, "mri_nondiagnostic": A}),
    ("nothing indeterminate about the lesion",
     "CT head 08/30/2026: there was nothing indeterminate about the lesion, which is typical of a meningioma.\n",
     {"conventional_imaging_inconclusive": A}),
    ("no equivocal findings", "MRI brain 09/14/2026: no equivocal findings; enhancing mass typical of glioblastoma.\n",
     {"conventional_imaging_inconclusive": A}),
    ("not equivocal", "MRI BRAIN 09/14/2026\nIMPRESSION: Not equivocal. Enhancing right frontal mass typical of "
     "glioblastoma.\n", {"conventional_imaging_inconclusive": A, "mri_nondiagnostic": A}),
    ("not inconclusive", "MRI brain 09/14/2026: the study is not inconclusive: it shows clear progression.\n",
     {"conventional_imaging_inconclusive": A}),
    ("near miss: indeterminate lesion", "MRI brain 09/14/2026: indeterminate lesion in the right insula.\n",
     {"conventional_imaging_inconclusive": P, "mri_nondiagnostic": P}),
    ("near miss: nothing conclusive", "MRI brain 09/14/2026 showed nothing conclusive.\n",
     {"conventional_imaging_inconclusive": P, "mri_nondiagnostic": P}),
    ("near miss: nothing definitive", "CT head 08/30/2026 showed nothing definitive.\n",
     {"conventional_imaging_inconclusive": P}),
    # ---- 2. a purpose denied
    ("not asked to grade, nor to separate",
     "MRS request: we are not asked to grade the tumour and not asked to separate tumour from necrosis; the "
     "question is drug effect.\n",
     {"grading_question": N, "brain_neoplasm": N, "tumor_vs_nontumor_differential": N}),
    ("not requested for grading", "MRS request: spectroscopy is not requested for grading of the glioma.\n",
     {"grading_question": N, "mrs_purpose": N}),
    ("not intended to grade, but to assess response",
     "MRS request: the spectroscopy is not intended to grade the lesion but to assess treatment response.\n",
     {"grading_question": N, "mrs_purpose": P}),
    ("not asked to distinguish recurrence from necrosis",
     "MRS request: we were not asked to distinguish recurrence from radiation necrosis; the question is drug "
     "effect.\n",
     {"recurrence_vs_treatment_effect": N, "treatment_effect": N, "recurrent_or_residual_tumor": N}),
    ("not asking us to separate",
     "MRS request: oncology is not asking us to separate recurrence from radiation necrosis.\n",
     {"recurrence_vs_treatment_effect": N, "treatment_effect": N}),
    ("MRS is not for grading", "MRS request: MRS is not for grading.\n",
     {"grading_question": N, "mrs_purpose": A}),
    ("grading is not the question", "MRS request: grading is not the question; treatment response is.\n",
     {"grading_question": N, "mrs_purpose": P}),
    ("near miss: asked to grade", "MRS request: asked to grade the tumour.\n",
     {"grading_question": P, "mrs_purpose": P, "brain_neoplasm": P}),
    # (a bare "recurrence" is a tumour's only in a packet that names one: tests/facts/test_recurrence_without_tumour.py)
    ("near miss: to separate recurrence from necrosis", "Glioblastoma s/p chemoradiation. MRS to separate recurrence "
     "from radiation necrosis.\n", {"recurrence_vs_treatment_effect": P}),
    ("near miss: requested to distinguish", "Glioblastoma s/p chemoradiation. MRS requested to distinguish recurrence "
     "from radiation necrosis.\n", {"recurrence_vs_treatment_effect": P, "mrs_purpose": P}),
    ("near miss: not requested to look for", "MRS request: not requested to look for a tumour.\n",
     {"brain_neoplasm": A}),
    # ---- 3. a change named only as a future trigger
    ("or sooner with clinical change", "Plan: re-evaluation in 2 years or sooner with clinical change.\n",
     {"new_or_worsening_symptoms": N}),
    ("earlier with any new symptoms", "Follow-up MRI in 6 months, earlier with any new symptoms.\n",
     {"new_or_worsening_symptoms": N}),
    ("or sooner for new deficits", "Clinic visit in 3 months or sooner for new deficits.\n",
     {"new_or_worsening_symptoms": N}),
    ("sooner opening its sentence", "Next MRI in 1 year. Sooner with any new weakness.\n",
     {"new_or_worsening_symptoms": N}),
    ("sooner if new deficits", "Repeat imaging sooner if new deficits.\n", {"new_or_worsening_symptoms": N}),
    ("call with any new symptoms", "Call with any new symptoms.\n", {"new_or_worsening_symptoms": N}),
    ("near miss: clinical change since September", "Clinical change since September: new aphasia.\n",
     {"new_or_worsening_symptoms": P}),
    ("near miss: came back sooner", "She came back sooner with new weakness.\n", {"new_or_worsening_symptoms": P}),
    # ---- 4. non-epileptic events
    ("non-epileptic per EEG", "Events are non-epileptic per EEG.\n", {"seizures": N, "epilepsy": N}),
    ("nonepileptic spells", "Video-EEG captured three typical spells, all nonepileptic.\n", {"seizures": N}),
    ("seizures were non-epileptic", "Her seizures were non-epileptic on video-EEG monitoring.\n",
     {"seizures": A, "epilepsy": N}),
    ("seizures proved psychogenic", "The seizures captured on video-EEG proved to be psychogenic.\n",
     {"seizures": A}),
    ("PNES", "Diagnosis: PNES, followed by psychology.\n", {"seizures": N}),
    ("near miss: epileptic seizures", "Epileptic seizures since June.\n", {"seizures": P}),
    ("near miss: focal seizures", "Focal seizures with impaired awareness.\n", {"seizures": P}),
    ("near miss: epileptic seizures beside non-epileptic events",
     "She has epileptic seizures and non-epileptic events.\n", {"seizures": P}),
    ("near miss: other events non-epileptic", "She has focal seizures and her other events are non-epileptic.\n",
     {"seizures": P}),
    # ---- 5. a differential told as considerations
    ("leading considerations are", "Leading considerations are primary CNS lymphoma and high-grade glioma.\n",
     {"cns_lymphoma": S, "glial_neoplasm": S}),
    ("principal considerations:", "Principal considerations: glioblastoma, lymphoma.\n",
     {"glial_neoplasm": S, "cns_lymphoma": S}),
    ("the main diagnostic considerations include",
     "The main diagnostic considerations include metastasis and abscess.\n",
     {"brain_metastasis": S, "tumor_vs_nontumor_differential": P}),
    ("a list under 'Main considerations:'", "Main considerations:\n1. Glioblastoma\n2. Lymphoma\n",
     {"glial_neoplasm": S, "cns_lymphoma": S}),
    ("considerations include", "Considerations include glioblastoma and lymphoma.\n",
     {"glial_neoplasm": S, "cns_lymphoma": S}),
    ("both remain possible, a long first subject",
     "A diffuse low-grade glioma (IDH-mutant astrocytoma or oligodendroglioma) and a tumefactive demyelinating "
     "lesion both remain possible.\n",
     {"glial_neoplasm": S, "demyelination": S, "tumor_vs_nontumor_differential": P}),
    ("a strong consideration", "Lymphoma is a strong consideration.\n", {"cns_lymphoma": S}),
    ("remains an important consideration", "Glioblastoma remains an important consideration.\n",
     {"glial_neoplasm": S}),
    ("both considerations", "Lymphoma and toxoplasmosis are both considerations.\n",
     {"cns_lymphoma": S, "tumor_vs_nontumor_differential": P}),
    ("glioma vs Leigh-spectrum mitochondrial disease",
     "Differential: diffuse midline glioma vs Leigh-spectrum mitochondrial disease.\n",
     {"tumor_vs_nontumor_differential": P, "mitochondrial_disorder": S, "glial_neoplasm": S}),
    ("DIPG versus Leigh-like disease", "Pontine lesion: DIPG versus Leigh-like disease.\n",
     {"tumor_vs_nontumor_differential": P, "mitochondrial_disorder": S}),
    ("near miss: the diagnosis is glioblastoma", "The diagnosis is glioblastoma (pathology).\n",
     {"glial_neoplasm": P}),
    ("near miss: considered and excluded", "Lymphoma was considered and excluded.\n", {"cns_lymphoma": A}),
    ("near miss: safety considerations", "Safety considerations: known epilepsy, VNS in place.\n",
     {"epilepsy": P}),
    ("near miss: a known tumour beside a known mitochondrial disease",
     "Resected pilocytic astrocytoma in 2024. MELAS confirmed genetically in 2019.\n",
     {"tumor_vs_nontumor_differential": N, "mitochondrial_disorder": P}),
]


@pytest.mark.parametrize(("case", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_negated_verdicts_purposes(fragment_facts: Any, case: str, text: str,
                                   expected: dict[str, FactStatus]) -> None:
    check_facts(fragment_facts(text), expected)


def test_a_denied_purpose_leaves_the_purpose_asked(fragment_facts: Any) -> None:
    """The purpose the request does ask stays, the one it does not ask is gone."""
    f = fragment_facts("MRS request: we are not asked to grade the tumour; the question is treatment response.\n")
    purpose = f.facts["mrs_purpose"]
    assert purpose.status is P and purpose.attributes.get("purpose") == ["treatment_planning"], purpose.attributes


def test_a_leigh_spectrum_differential_names_leigh(fragment_facts: Any) -> None:
    f = fragment_facts("Differential: diffuse midline glioma vs Leigh-spectrum mitochondrial disease.\n")
    assert f.facts["mitochondrial_disorder"].attributes.get("disease") == ["leigh"]
    assert f.facts["tumor_vs_nontumor_differential"].attributes.get("alternative") == ["mitochondrial"]
