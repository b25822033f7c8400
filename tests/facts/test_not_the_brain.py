"""Three boundary classes that put the spine or another body site where the brain belongs.

1. A neoplasm-related pain syndrome is no brain tumour (target look.neoplasm_related_pain, nlp/resources/targets.yaml):
   ICD-10-CM G89.3 "Neoplasm related pain (acute) (chronic)", "neoplasm-related pain", "tumour-associated pain",
   "malignancy related bone pain", "pain related to neoplasm" name a pain, not a tumour of the brain: no
   brain_neoplasm, no known_brain_tumor. Near misses: "D33.2 Benign neoplasm of brain, unspecified", "pain from her
   brain tumour", "brain tumor-related headache", "tumor-related epilepsy" keep the tumour.
2. A metastasis named with a site outside the brain is no brain metastasis (target look.body_site_metastasis): a
   vertebral level ("T8 metastasis", "metastasis at T11", "T12 and L1 metastases", "T10 vertebral body metastasis"),
   a bone or a region of the spine ("iliac metastasis", "bony mets", "lumbar metastasis", "femoral mets"), a lytic or
   blastic metastasis. The other body sites ("liver mets", "adrenal metastasis", "metastasis to the sacrum",
   "osseous metastases") were already read so (look.extracranial_finding) and are kept as rows. Near misses:
   "metastasis" alone in a brain MRI report, "brain mets", "cerebellar metastasis", "dural metastasis", "calvarial
   metastasis with dural extension" (read a brain metastasis before, kept), "metastatic disease" in a brain report.
3. The MRS target (spine_indication, non_brain_target; facts/derive/request.py):
   (a) brain anatomy named as the MRS's target ("MR spectroscopy of the parieto-occipital white matter and
   splenium", "MRS, corpus callosum genu", "MRS of the right hippocampus") names the brain (cue
   request.brain_mrs_after), so a spine word in a plan line that does not name the MRS is not its target;
   (b) a spine word that is the object of another procedure or service ("hold spine injections", "spine
   interventions", "continue spine PT", "physical therapy for the lumbar spine"; cue request.spine_other_service)
   is not the MRS target whatever the request names.
   Near misses keep the spine target: "MRS of the cervical cord lesion", "Body part: lumbar spine" on the MRS form,
   "spectroscopy of the C4 intramedullary lesion", "MR spectroscopy L4-5 disc" (these two were not read as the spine
   before: spine.mrs_target now takes a level before "intramedullary" and a level right after the MRS's name).

Limits: a metastasis with no site in a spine MRI report ("MRI T-spine. Impression: new metastasis") is still read
by the report's words alone; a vertebral level T1/T2 right before "metastasis" is not taken (MRI sequence names)
unless a vertebral word follows; "tumor pain" and "pain from the tumor" (no "related"/"associated") keep the tumour.
Rows are freshly written; ids starting "near" must keep their reading.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of

from pipeline.contracts import FactStatus

P, S, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.NOT_DOCUMENTED

PAIN: dict[str, tuple[str, FactStatus]] = {
    "icd G89.3 on a problem list": ("Problem list:\n1. G89.3 Neoplasm related pain (acute) (chronic)\n", N),
    "hyphenated, assessment": ("Assessment: chronic neoplasm-related pain, on long-acting morphine.\n", N),
    "tumour-associated, British": ("Tumour-associated pain of the left hip, improving with dexamethasone.\n", N),
    "tumor related bone pain": ("Plan: tumor related bone pain - add naproxen.\n", N),
    "malignancy-related pain": ("Palliative care note: malignancy-related pain, fentanyl patch increased.\n", N),
    "pain related to neoplasm": ("Dx: pain related to neoplasm, controlled.\n", N),
    "icd row with a dash": ("ICD-10: G89.3 - Neoplasm related pain\n", N),
    "near: D33.2 benign neoplasm of brain": ("Dx: D33.2 Benign neoplasm of brain, unspecified\n", P),
    "near: pain from her brain tumour": ("She reports headache and pain from her brain tumour.\n", P),
    "near: brain tumor-related headache": ("Brain tumor-related headache, worse in the mornings.\n", P),
    "near: tumor-related epilepsy": ("Tumor-related epilepsy, on levetiracetam.\n", P),
}

METASTASIS: dict[str, tuple[str, FactStatus]] = {
    "T8 metastasis": ("Dx: metastatic breast cancer. T8 metastasis with cord compression, s/p SBRT.\n", N),
    "vertebral body with its level": ("T10 vertebral body metastasis, s/p kyphoplasty.\n", N),
    "metastasis at a level": ("Lung adenocarcinoma with a metastasis at T9.\n", N),
    "metastasis of a level": ("Metastasis of T11 with epidural extension.\n", N),
    "two levels joined": ("T12 and L1 metastases, painful.\n", N),
    "level range": ("L2-L3 metastases treated with 20 Gy.\n", N),
    "lumbar metastasis": ("Known lumbar metastasis, on denosumab.\n", N),
    "iliac metastasis": ("Right iliac metastasis, biopsy-proven.\n", N),
    "bony mets": ("Bony mets throughout the axial skeleton on bone scan.\n", N),
    "femoral mets": ("Femoral mets, prophylactic nailing planned.\n", N),
    "lytic metastasis": ("Lytic metastasis in the right humerus.\n", N),
    "metastatic lesion in a vertebral body": ("Metastatic lesion in the T6 vertebral body.\n", N),
    "vertebral metastasis (kept)": ("Known vertebral metastasis at L1.\n", N),
    "osseous metastases (kept)": ("Osseous metastases in the pelvis.\n", N),
    "liver mets (kept)": ("Liver mets stable on CT.\n", N),
    "adrenal metastasis (kept)": ("Adrenal metastasis noted on PET.\n", N),
    "metastasis to the sacrum (kept)": ("Biopsy-proven metastasis to the sacrum.\n", N),
    "near: metastasis alone in a brain MRI": ("MRI BRAIN WITH AND WITHOUT CONTRAST\nIMPRESSION: New 7 mm "
                                              "enhancing metastasis.\n", P),
    "near: brain mets": ("History of brain mets, s/p SRS.\n", P),
    "near: cerebellar metastasis": ("Cerebellar metastasis, 6 mm.\n", P),
    "near: dural metastasis": ("Dural metastasis along the falx.\n", P),
    "near: calvarial metastasis with dural extension": ("Calvarial metastasis with dural extension.\n", P),
    "near: metastatic disease in a brain report": ("MRI BRAIN W WO\nIMPRESSION: Multiple enhancing lesions, "
                                                   "consistent with metastatic disease.\n", P),
    "near: metastasis in the frontal lobe": ("Metastasis in the left frontal lobe, 9 mm.\n", P),
}

# request, spine_indication (= non_brain_target)
TARGET: dict[str, tuple[str, FactStatus]] = {
    "white matter and splenium, spine interventions held": (
        "Request: MR spectroscopy of the parieto-occipital white matter and splenium.\n"
        "Plan: Hold further spine interventions.\n", N),
    "corpus callosum, spine PT": (
        "Order: single-voxel MRS, corpus callosum genu.\nPlan: continue spine PT twice weekly.\n", N),
    "thalami, spine injections held": (
        "Request: MR spectroscopy of the bilateral thalami.\nPlan: hold spine injections until after the study.\n", N),
    "cerebellum, physical therapy for the lumbar spine": (
        "Request: MR spectroscopy of the cerebellum.\nPlan: physical therapy for the lumbar spine.\n", N),
    "hippocampus, spine referral": (
        "Request: MRS of the right hippocampus.\nPlan: spine surgery referral deferred.\n", N),
    "no brain word, spine procedures": (
        "Request: MR spectroscopy (76390).\nPlan: lumbar spine procedures on hold; spine rehab continues.\n", N),
    "near: cervical cord lesion": ("Request: MR spectroscopy of the cervical cord lesion.\n", P),
    "near: body part lumbar spine": ("Procedure: MR spectroscopy 76390\nBody part: lumbar spine\n", P),
    "near: spinal cord white matter": ("Request: MRS of the thoracic spinal cord white matter.\n", P),
    "near: cord lesion beside spine PT": ("Request: MR spectroscopy of the cervical cord lesion.\n"
                                          "Plan: continue spine PT.\n", P),
    # named near misses in the brief that were not read as the spine before (spine.mrs_target widened)
    "spine target: C4 intramedullary lesion": ("Request: spectroscopy of the C4 intramedullary lesion.\n", P),
    "spine target: L4-5 disc": ("Request: MR spectroscopy L4-5 disc.\n", P),
}


@pytest.mark.parametrize(("text", "status"), PAIN.values(), ids=PAIN.keys())
def test_neoplasm_related_pain_is_no_brain_tumour(analyze: Any, text: str, status: FactStatus) -> None:
    check_facts(facts_of(analyze, text + REQUEST_TAIL), {"brain_neoplasm": status, "known_brain_tumor": status})


@pytest.mark.parametrize(("text", "status"), METASTASIS.values(), ids=METASTASIS.keys())
def test_metastasis_at_a_body_site_is_no_brain_metastasis(analyze: Any, text: str, status: FactStatus) -> None:
    check_facts(facts_of(analyze, text + REQUEST_TAIL), {"brain_metastasis": status})


@pytest.mark.parametrize(("text", "status"), TARGET.values(), ids=TARGET.keys())
def test_spine_words_that_are_not_the_mrs_target(analyze: Any, text: str, status: FactStatus) -> None:
    check_facts(facts_of(analyze, text + REQUEST_TAIL), {"spine_indication": status, "non_brain_target": status})
