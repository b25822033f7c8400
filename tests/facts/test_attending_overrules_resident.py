"""In a teaching-hospital note, the attending's attestation or final plan that CHANGES the trainee's assessment or plan
settles the item it changes, through the real NLP stage to the facts (facts/resources/supersession.yaml:
supersede.attending_overrules_trainee, supersede.attending_statement, supersede.attending_drops,
supersede.attending_final_plan, supersede.attending_disagrees; superseded_by `attending`, or `settled` when the
attending only rules a diagnosis out).

1. A plan item the attending drops: a resident's (fellow's, student's, NP/PA draft's) plan names a study, and the
   attending's statement after it in the same note drops that study ("agree with the plan except that the PET is not
   needed", "we will not obtain the PET", "I would skip the PET", "MRS rather than PET") or an attending final plan
   lists the studies and leaves it out: the trainee's plan mentions of that modality stop counting (pet_same_workup is
   no longer present through them).
2. A differential the attending settles: the attending disagrees ("I disagree", "I do not agree", "I don't think")
   and reads the lesion definitely ("this is a typical meningioma"): the trainee's hedged diagnoses and inconclusive
   words in the same note stop counting (the dural metastasis is no longer suspected; the MRI the trainee's
   differential made inconclusive is not). An attending who disagrees by ruling one diagnosis out ("I disagree - this
   is not lymphoma") ends only that diagnosis's hedges (source `settled`).
3. A teaching point stated in general ("Teaching point: advanced imaging is for the atypical lesion, not the typical
   one") is no read of this patient's study (context.yaml hyp.teaching_point).

Near misses (keep their reading): an attestation that agrees ("agree with the plan as above"); an attending who adds
an item ("agree; also add perfusion"); "I agree the differential includes lymphoma" (still suspected); a resident's
differential with no attending text; a consultant who disagrees in another, earlier document; an attending who drops
another study than the PET; a final plan that keeps the PET; a PET done within 90 days told in the history, beside an
attending who says no repeat PET is needed (the done PET is no plan item).

Limits: the attending's text must carry its label at a line start ("ATTENDING ATTESTATION:", "Attending:",
"Attending addendum (Dr X):", "Teaching physician statement:", "ATTENDING FINAL PLAN:") and come after the trainee's
text in the same note (no imaging report, pathology report, request form or note heading between); an attestation
written before the trainee's text, or an override with no label ("I saw the patient with the resident; I would skip
the PET"), is not read. A final plan that names no study drops none. Only studies (plan items) and diagnoses
(differentials) are settled, not treatments ("I would not hold TMZ").

Rows: id, text (a request date is appended), {fact: expected status}. Rows whose id starts with "near" must keep
their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import ClinicalFacts, FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

RECURRENCE_NOTE = ("NEURO-ONCOLOGY PROGRESS NOTE 11/16/2026\n"
                   "62F, left parietal glioblastoma resected 02/2026, chemoradiation completed 05/2026. MRI brain "
                   "11/05/2026: new nodular enhancement at the resection margin; recurrence versus radiation "
                   "necrosis.\n")
DURAL_NOTE = ("NEUROSURGERY CLINIC 11/12/2026\n"
              "58M with headaches. MRI brain 11/03/2026 shows a 2.8 cm dural-based enhancing mass over the right "
              "convexity with a dural tail.\n")

CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    # 1. a plan item the attending drops
    "attestation except the PET not needed": (
        RECURRENCE_NOTE + "Resident plan: MR spectroscopy; FDG-PET brain; continue levetiracetam.\n"
        "ATTENDING ATTESTATION: I saw and examined the patient with the resident and agree with the plan except that "
        "the PET is not needed.", {"pet_same_workup": A}),
    "attending will not obtain the PET": (
        RECURRENCE_NOTE + "Plan (resident, PGY-3): MRS of the enhancing margin; FDG PET brain; dexamethasone taper.\n"
        "Attending addendum: Case discussed with the resident. We will not obtain the PET; "
        "the MRS should answer the question.", {"pet_same_workup": A}),
    "attending would skip the amino-acid PET": (
        RECURRENCE_NOTE + "Fellow's recommendations: spectroscopy and FET-PET of the brain.\n"
        "Attending note: I would skip the PET and proceed with spectroscopy alone.", {"pet_same_workup": A}),
    "teaching physician: no need for a PET": (
        RECURRENCE_NOTE + "NP draft plan: order MRS; order brain PET/CT.\n"
        "Teaching physician statement: I personally evaluated the patient. There is no need for a PET/CT.",
        {"pet_same_workup": A}),
    "attending: MRS rather than PET": (
        RECURRENCE_NOTE + "Student note - plan: MRS and FDG-PET to separate recurrence from necrosis.\n"
        "Attending: agree with the assessment; MRS rather than PET.", {"pet_same_workup": A}),
    "attending final plan lists only the MRS": (
        RECURRENCE_NOTE + "Resident assessment and plan: order MR spectroscopy; order FDG-PET brain; continue levetiracetam.\n"
        "ATTENDING FINAL PLAN:\n1. MR spectroscopy\n2. Continue levetiracetam", {"pet_same_workup": N}),
    "attending: agree with the MRS, no PET": (
        RECURRENCE_NOTE + "Resident plan: MRS, FDG-PET, follow up after both.\n"
        "Attending: Seen and examined. Agree with the MRS. No PET.", {"pet_same_workup": A}),
    "attending final plan: the PET weighed and not ordered": (
        RECURRENCE_NOTE + "Resident's suggested plan: (1) MR spectroscopy, (2) amino-acid PET, (3) steroid taper.\n"
        "ATTENDING FINAL PLAN\n - MRS of the margin.\n - Amino-acid PET weighed and not ordered: the MRS is the one "
        "further study.", {"pet_same_workup": A}),
    "attending: the PET was not requested": (
        RECURRENCE_NOTE + "Plan (resident): MRS; brain FDG-PET.\n"
        "ATTENDING ATTESTATION: Agree with the assessment. The FDG-PET was not requested; MRS only.",
        {"pet_same_workup": A}),
    # 2. a differential the attending settles
    "attending disagrees: typical meningioma": (
        DURAL_NOTE + "Resident's differential: meningioma vs dural metastasis vs solitary fibrous tumour.\n"
        "Attending: I disagree; this is a typical meningioma and the MRI is diagnostic; no further characterization "
        "needed.", {"brain_metastasis": N, "brain_neoplasm": P, "conventional_imaging_inconclusive": A}),
    "attending disagrees, differential in the MRI sentence": (
        "NEUROSURGERY CLINIC 11/12/2026\nResident's assessment: MRI brain 11/03/2026 shows a 2.8 cm dural-based mass; "
        "differential meningioma vs dural metastasis vs hemangiopericytoma.\n"
        "Attending attestation: I do not agree with the differential; the appearance is typical of a meningioma.",
        {"brain_metastasis": N, "brain_neoplasm": P, "conventional_imaging_inconclusive": N}),
    "attending reads abscess over the fellow's necrotic metastasis": (
        "ID CONSULT 11/10/2026\nMRI brain 11/08/2026: 2 cm ring-enhancing right frontal lesion.\n"
        "Fellow's impression: pyogenic abscess versus necrotic metastasis.\n"
        "Attending comment: I disagree with the fellow. The central diffusion restriction is diagnostic of a "
        "pyogenic abscess.", {"brain_metastasis": N, "brain_infection": P}),
    "attending rules lymphoma out of the resident's differential": (
        "NEUROLOGY INPATIENT NOTE 11/09/2026\nMRI brain 11/07/2026: periventricular enhancing lesion.\n"
        "Resident assessment: primary CNS lymphoma vs tumefactive demyelination.\n"
        "Attending addendum: I disagree - this is not lymphoma; the open-ring enhancement is typical of tumefactive "
        "demyelination.", {"cns_lymphoma": A, "demyelination": P}),
    # 3. a teaching point stated in general
    "teaching point in general": (
        DURAL_NOTE + "Teaching point: advanced imaging is for the atypical lesion, not the typical one.\n"
        "Assessment: typical convexity meningioma; observation.", {"conventional_imaging_inconclusive": N}),
    # near misses: the reading stays
    "near: attestation agrees with the plan as above": (
        RECURRENCE_NOTE + "Resident plan: MR spectroscopy; FDG-PET brain; continue levetiracetam.\n"
        "ATTENDING ATTESTATION: I saw and examined the patient and agree with the plan as above.",
        {"pet_same_workup": P}),
    "near: attending adds perfusion": (
        RECURRENCE_NOTE + "Resident plan: MR spectroscopy; FDG-PET brain.\n"
        "Attending: agree; also add perfusion imaging.", {"pet_same_workup": P}),
    "near: attending agrees the differential includes lymphoma": (
        "NEUROLOGY INPATIENT NOTE 11/09/2026\nMRI brain 11/07/2026: periventricular enhancing lesion.\n"
        "Resident assessment: primary CNS lymphoma vs tumefactive demyelination.\n"
        "Attending attestation: I agree the differential includes lymphoma.", {"cns_lymphoma": S}),
    "near: resident's differential, no attending text": (
        "NEUROSURGERY CLINIC 11/12/2026\nResident's assessment: MRI brain 11/03/2026 shows a 2.8 cm dural-based mass; "
        "differential meningioma vs dural metastasis vs hemangiopericytoma.",
        {"brain_metastasis": S, "conventional_imaging_inconclusive": P}),
    "near: consultant disagrees in an earlier document": (
        "NEURORADIOLOGY CONSULT 10/02/2026\nAttending: I disagree with the outside read; this is a typical meningioma.\n\n"
        "MRI BRAIN 11/03/2026\nImpression: Dural-based mass; meningioma versus dural metastasis.\n\n"
        "NEUROSURGERY CLINIC 11/12/2026\nResident's differential: meningioma vs dural metastasis.",
        {"brain_metastasis": S}),
    "near: attending drops another study": (
        RECURRENCE_NOTE + "Resident plan: MR spectroscopy; FDG-PET brain; perfusion MRI.\n"
        "ATTENDING ATTESTATION: agree with the plan except that perfusion is not needed.",
        {"pet_same_workup": P}),
    "near: attending final plan keeps the PET": (
        RECURRENCE_NOTE + "Resident plan: MR spectroscopy; FDG-PET brain.\n"
        "ATTENDING FINAL PLAN: MR spectroscopy and FDG-PET brain; follow up in two weeks.", {"pet_same_workup": P}),
    "near: attending says the PET is not ordered yet": (
        RECURRENCE_NOTE + "Resident plan: MRS; FDG-PET brain.\n"
        "ATTENDING ATTESTATION: Agree. The FDG-PET is ordered for next week.", {"pet_same_workup": P}),
    "near: a PET done last month, no repeat needed": (
        RECURRENCE_NOTE.replace("necrosis.\n", "necrosis. FDG-PET brain 10/28/2026 showed equivocal uptake.\n")
        + "Resident plan: MR spectroscopy; repeat FDG-PET in 3 months.\n"
        "Attending: I would not repeat the PET.", {"pet_same_workup": P}),
    "near: teaching point, then the patient's indeterminate MRI": (
        "NEUROLOGY CLINIC 11/12/2026\nTeaching point: spectroscopy is for the atypical lesion.\n"
        "MRI brain 11/03/2026 was indeterminate: a nonenhancing right insular lesion, low-grade glioma versus "
        "cortical dysplasia.", {"conventional_imaging_inconclusive": P, "glial_neoplasm": S}),
    "near: attending disagrees about a treatment only": (
        RECURRENCE_NOTE + "Resident plan: MR spectroscopy; FDG-PET brain; hold temozolomide.\n"
        "Attending attestation: I disagree with holding temozolomide; otherwise agree.", {"pet_same_workup": P}),
}


@pytest.mark.parametrize(("text", "expected"), list(CASES.values()), ids=list(CASES))
def test_attending_overrules_resident(fragment_facts: Callable[[str], ClinicalFacts], text: str,
                                      expected: dict[str, FactStatus]) -> None:
    check_facts(fragment_facts(text), expected)
