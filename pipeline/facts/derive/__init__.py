"""Derived facts, one module per clinical question; each registers its derivations under the name facts.yaml
gives in `derive:`.

    patient        patient_age, neonate
    request        requested_cpt_codes, diagnosis_codes, mrs_requested, spine_indication, non_brain_target,
                   technical_repeat
    tumor          known_brain_tumor, grading_question, recurrence_vs_treatment_effect,
                   tumor_vs_nontumor_differential, glioma_differential
    imaging        conventional_imaging_inconclusive, mri_nondiagnostic, prior_imaging_indeterminate,
                   prior_imaging_technically_limited, prior_imaging_nonlesional, prior_imaging_documented, prior_mrs,
                   pet_same_workup, treatment_since_imaging
    safety         mri_contraindication
    documentation  history_documented, physical_exam_documented, labs_documented, treatment_history_documented

Their cues (phrases, patterns, concept and code sets) are data in facts/resources/cues.yaml.
"""

from . import documentation, imaging, patient, request, safety, tumor  # noqa: F401  (register the derivations)
from .base import DERIVATIONS, Derivation, Resolver, derivation

__all__ = ["DERIVATIONS", "Derivation", "Resolver", "derivation"]
