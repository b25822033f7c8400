"""Concept boundaries as the facts see them: what a packet says must not turn into the wrong fact.

Each row: a short synthetic packet, a fact, and its expected status. Near misses sit next to the case they must
not be confused with.
"""

from __future__ import annotations

import pytest

from pipeline.contracts import FactStatus
from pipeline.facts.mapper import map_facts
from pipeline.ingest.layout import TextLayout

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
REQUEST = "Date of request: 10/20/2026\n"

CASES = {
    # a bare recurrence or progression is a tumor's only when the packet documents a tumor
    "ms-relapse": (REQUEST + "Relapsing-remitting multiple sclerosis. Clinical relapse in March with new lesions.\n",
                   "recurrent_or_residual_tumor", N),
    "gbm-relapse": (REQUEST + "Glioblastoma s/p resection and chemoradiation. Relapse on the last MRI.\n",
                    "recurrent_or_residual_tumor", P),
    "white-matter-progression": (REQUEST + "Suspected leukodystrophy. Interval progression of white matter "
                                 "abnormalities on MRI.\n", "recurrent_or_residual_tumor", N),
    "tumor-progression": (REQUEST + "Anaplastic astrocytoma. Interval progression of the enhancing mass.\n",
                          "recurrent_or_residual_tumor", P),
    "named-recurrence-needs-nothing": (REQUEST + "MRI concerning for tumor recurrence.\n",
                                       "recurrent_or_residual_tumor", S),
    "enlarging-ms-lesions": (REQUEST + "Multiple sclerosis with new or enlarging T2 lesions.\n",
                             "recurrent_or_residual_tumor", N),
    # studies of the chest or spine are not brain imaging
    "ct-chest-indeterminate": (REQUEST + "CT chest 10/01/2026 showed an indeterminate pulmonary nodule.\n",
                               "conventional_imaging_inconclusive", N),
    "mri-brain-indeterminate": (REQUEST + "MRI brain 10/01/2026 showed an indeterminate enhancing lesion.\n",
                                "conventional_imaging_inconclusive", P),
    "mri-spine-equivocal": (REQUEST + "MRI C-spine 09/15/2026 was equivocal for a cord lesion.\n",
                            "conventional_imaging_inconclusive", N),
    "ct-chest-not-prior-brain-imaging": (REQUEST + "CT chest 10/01/2026 showed a nodule.\n",
                                         "prior_imaging_documented", N),
    "pet-body-not-same-workup": (REQUEST + "PET/CT chest 09/20/2026 showed hilar uptake.\n", "pet_same_workup", A),
    "pet-brain-same-workup": (REQUEST + "FDG-PET brain 09/20/2026 showed a hypometabolic focus.\n",
                              "pet_same_workup", P),
    # the spectroscopy's own target
    "spinal-cord-mrs": (REQUEST + "Procedure requested: spinal cord MRS (CPT 76390).\n", "spine_indication", P),
    "disc-mrs": (REQUEST + "Requesting MR spectroscopy of the L4-L5 and L5-S1 discs.\n", "spine_indication", P),
    "brain-mrs": (REQUEST + "Procedure requested: MRS brain (CPT 76390).\n", "spine_indication", N),
    # concept boundaries
    "pml-is-infection": (REQUEST + "Progressive multifocal leukoencephalopathy in a patient with AIDS.\n",
                         "brain_infection", P),
    "pml-is-no-leukodystrophy": (REQUEST + "Progressive multifocal leukoencephalopathy in a patient with AIDS.\n",
                                 "leukodystrophy", N),
    "pml-is-no-inborn-error": (REQUEST + "Progressive multifocal leukoencephalopathy in a patient with AIDS.\n",
                               "inborn_error_of_metabolism", N),
    "autoimmune-encephalitis-no-infection": (REQUEST + "Autoimmune encephalitis, NMDA receptor antibodies pending.\n",
                                             "brain_infection", N),
    "metabolic-disorder-alone": (REQUEST + "History of a metabolic disorder, on metformin.\n",
                                 "inborn_error_of_metabolism", N),
    "inborn-error-kept": (REQUEST + "Infant with suspected inborn error of metabolism and lactic acidosis.\n",
                          "inborn_error_of_metabolism", S),
    "mtx-for-ra": (REQUEST + "Methotrexate for rheumatoid arthritis since 2015.\n", "prior_chemotherapy", N),
    "tmz-kept": (REQUEST + "Completed temozolomide in 2025.\n", "prior_chemotherapy", P),
    "papilledema-grade": (REQUEST + "Grade 1 papilledema on fundoscopy.\n", "tumor_grade", N),
    "orbital-pseudotumor": (REQUEST + "Orbital pseudotumor on steroids.\n", "brain_neoplasm", N),
    "orbital-mass": (REQUEST + "Left orbital mass found on exam.\n", "brain_lesion", N),
}


@pytest.mark.parametrize(("text", "fact", "expected"), CASES.values(), ids=CASES.keys())
def test_fact_status(analyze, text: str, fact: str, expected: FactStatus) -> None:  # type: ignore[no-untyped-def]
    facts = map_facts(analyze(text), text=text, layout=TextLayout.without_boxes(len(text), [(1, 0, len(text))]))
    got = facts.facts[fact]
    assert got.status is expected, f"{fact}: {got.status.value} ({got.note}); evidence {[e.text for e in got.evidence]}"


def test_unsupported_recurrence_is_kept_for_the_reviewer(analyze) -> None:  # type: ignore[no-untyped-def]
    text = REQUEST + "Relapsing-remitting multiple sclerosis. Clinical relapse in March.\n"
    fact = map_facts(analyze(text), text=text, layout=TextLayout.without_boxes(len(text), [(1, 0, len(text))])
                     ).facts["recurrent_or_residual_tumor"]
    assert [e.text for e in fact.ignored] == ["relapse"]
    assert "brain neoplasm" in fact.note
