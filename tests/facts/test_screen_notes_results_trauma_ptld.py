"""Four classes end to end (text -> NLP -> facts), one table each, with near misses that must not change.

a. A safety-screen row keeps its answer when its note denies something else ("Neurostimulator ... YES - model
   unknown": the device is named, only its model, so its MR-conditional status, is unknown; cue
   safety.device_generic_name limits safety.device_type_unknown to a device named only by its class), and a row
   whose answer is a sentence of denial is a No ("Insulin pump: she has none", "Intravascular stents: patient has no
   stents"; forms.yaml written_answers `denials`, rule form.answer.denial). "not known" answers Unknown.
b. What a result of the requested study would mean is hypothetical, also in a later clause that leaves out its verb
   ("lactate would point to abscess; raised choline with low NAA, tumour"): metabolites are spectral subjects of
   hyp.anticipated_result, and the scope gapped_clause (context.yaml) carries the cue into such clauses.
c. Spine words of emergency and trauma care are no MRS target ("C-spine cleared by CT", "in-line C-spine
   stabilisation", "collar"): cue request.spine_trauma_care.
d. Post-transplant lymphoproliferative disorder (PTLD) is a lymphoma: a CNS lymphoma in the brain, a systemic one at a
   systemic site (targets neo.lymphoma, neo.systemic_lymphoma, neo.lymphoma_cns_involvement; cue lymphoma.bare).
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, check_device_fact, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED


def _facts(analyze: Any, text: str):  # type: ignore[no-untyped-def]
    return facts_of(analyze, text + REQUEST_TAIL).facts


# a. safety-screen rows with notes: (text, mri_contraindication, devices or None)
SCREEN = {
    "yes-model-unknown": ("Neurostimulator ...... YES - left chest, 2021; model unknown", P,
                          ["spinal_cord_stimulator"]),
    "yes-make-not-documented": ("Cochlear implant: Y - bilateral, make not documented", P, ["cochlear_implant"]),
    "yes-manufacturer-in-brackets": ("Insulin pump: yes (manufacturer not known)", P, ["insulin_pump"]),
    "yes-clip-type": ("Aneurysm clip  Y  - clip type not documented", P, ["aneurysm_clip"]),
    "yes-model-tbd": ("DBS: YES, model TBD", P, ["spinal_cord_stimulator"]),
    "yes-no-card": ("Pacemaker ..... Y - no device card with patient", P, ["pacemaker"]),
    "denial-she-has-none": ("Insulin pump: she has none", A, []),
    "denial-restates-item": ("Intravascular stents: patient has no stents", A, []),
    "denial-does-not-have-one": ("Cochlear implant - does not have one", A, []),
    "denial-never-had-any": ("Aneurysm clip: never had any", A, []),
    "denial-restates-two": ("Pacemaker/ICD: the patient has no pacemaker or defibrillator", A, []),
    "denial-none-present": ("Neurostimulator: none present", A, []),
    "denial-leader-not-present": ("Programmable shunt ...... not present", A, []),
    "denial-no-restated": ("Stent: no stent", A, []),
    # near misses: a plain No, an unknown answer, a Yes with a stent, a denial of something else, a device whose
    # class only is named, a plain Yes and a Yes whose note says it is unsafe
    "leader-no": ("Cochlear implant ........ N", A, []),
    "not-known": ("Insulin pump: not known", S, ["insulin_pump"]),
    "yes-recent-stent": ("Stents: yes - carotid stent placed 2 weeks ago", P, ["intravascular_stent"]),
    "denies-other-thing": ("ICD: no shocks since 2022", P, ["icd"]),
    "class-only-type-unknown": ("Cardiac device, model unknown  Y", S, ["unspecified"]),
    "plain-yes": ("Pacemaker: Yes", P, ["pacemaker"]),
    "yes-not-conditional": ("Cochlear implant: Yes - not MR conditional", P, ["cochlear_implant"]),
}


@pytest.mark.parametrize(("text", "status", "devices"), SCREEN.values(), ids=SCREEN.keys())
def test_a_a_screen_row_keeps_its_answer_and_a_denial_answers_no(analyze: Any, text: str, status: FactStatus,
                                                                  devices: list[str] | None) -> None:
    fact = _facts(analyze, text)["mri_contraindication"]
    check_device_fact(fact, status, devices)


# b. what a result would mean: (text, {fact: status})
RESULTS = {
    "ratio-then-gapped-comma": (
        "MRS: a raised choline/NAA ratio would favour high-grade glioma; a lactate doublet with amino acids, abscess.",
        {"glial_neoplasm": N, "brain_infection": N, "known_brain_tumor": N}),
    "metabolite-subject-comma-gap": ("Lactate would point to pyogenic abscess, elevated lipids to lymphoma.",
                                     {"brain_infection": N, "cns_lymphoma": N}),
    "would-suggest-then-gap": ("High choline would suggest metastasis; a lipid peak alone, lymphoma.",
                               {"brain_metastasis": N, "cns_lymphoma": N}),
    "conditional-then-gap": ("If the lactate peak is present, abscess; marked choline elevation, tumour.",
                             {"brain_infection": N, "brain_neoplasm": N}),
    "myo-inositol-then-gap": ("Spectroscopy: elevated myo-inositol would support low-grade glioma, choline with "
                              "lipids glioblastoma.", {"glial_neoplasm": N}),
    "three-halves": ("Raised lipids would mean lymphoma; a lactate doublet, abscess; high choline, metastasis.",
                     {"cns_lymphoma": N, "brain_infection": N, "brain_metastasis": N}),
    "if-low-naa-favours": ("If NAA is depleted, this favours glioma over demyelination.", {"glial_neoplasm": N}),
    "note-raises-them": ("Ring-enhancing lesion: abscess versus necrotic metastasis. Lactate with amino acids would "
                         "point to abscess; raised choline, metastasis.",
                         {"brain_infection": S, "brain_metastasis": S}),
    # near misses: a result read, a read's own hedge, a later clause with its own verb, a clause that is no result
    "prior-mrs-read": ("MRS 10/02/2026 showed raised choline pointing to tumour.", {"brain_neoplasm": P}),
    "read-which-would": ("MRS showed a lactate peak, which would point to abscess.", {"brain_infection": S}),
    "later-clause-own-verb": ("Lactate would point to abscess; biopsy confirmed glioblastoma.",
                              {"glial_neoplasm": P, "brain_infection": N}),
    "later-clause-was": ("A lipid peak would favour lymphoma; the known glioblastoma was resected in 2024.",
                         {"glial_neoplasm": P, "cns_lymphoma": N}),
    "read-two-clauses": ("MRS 09/2026: elevated choline, consistent with tumour; lactate peak suggesting abscess.",
                         {"brain_neoplasm": P, "brain_infection": S}),
}


@pytest.mark.parametrize(("text", "expected"), RESULTS.values(), ids=RESULTS.keys())
def test_b_what_a_result_would_mean_is_hypothetical(analyze: Any, text: str,
                                                    expected: dict[str, FactStatus]) -> None:
    facts = _facts(analyze, text)
    for name, want in expected.items():
        fact = facts[name]
        assert fact.status is want, f"{name}: {fact.status.value} ({fact.note}); {[e.text for e in fact.evidence]}"


# c. spine words of trauma care: (text, spine_indication)
BRAIN_REQUEST = "\nREQUEST: MR spectroscopy of the brain (CPT 76390). Date of request: 11/10/2026.\n"
TRAUMA = {
    "in-line-stabilisation": ("REQUEST: MRS brain for diffuse axonal injury; in-line C-spine stabilisation "
                              "maintained during transfer.\n", N),
    "immobilized-at-scene": ("Indication: fall from a ladder. Cervical spine immobilized at the scene; MR "
                             "spectroscopy of the brain.\n", N),
    "cleared-by-ct": ("Reason for request: TBI after MVC, C-spine cleared by CT; MR spectroscopy of the brain "
                      "requested.\n", N),
    "collar-stays": ("Plan: MRS brain; C-spine collar to stay on until cleared.\n", N),
    "clearance-pending": ("Assessment/Plan: MRS of the brain for DAI; thoracolumbar spine clearance outstanding.\n", N),
    "ct-c-spine-read": ("REQUEST: MRS brain; CT C-spine 11/02: no fracture.\n", N),
    "spinal-motion-restriction": ("Plan: MRS brain tomorrow; spine motion restriction per trauma team.\n", N),
    # near misses: the spine or cord is what the MRS is for
    "cord-lesion": ("REQUEST: MRS of the cervical cord lesion after the fall.\n", P),
    "comma-lumbar-spine": ("REQUEST: MR spectroscopy, lumbar spine; collar removed last week.\n", P),
    "thoracic-spine-target": ("REQUEST: MR spectroscopy of the thoracic spine (trauma patient, cleared for MRI).\n",
                              P),
    "thoracic-spine-comma": ("REQUEST: MR spectroscopy, thoracic spine.\n", P),
}


@pytest.mark.parametrize(("text", "status"), TRAUMA.values(), ids=TRAUMA.keys())
def test_c_trauma_care_of_the_spine_is_no_mrs_target(analyze: Any, text: str, status: FactStatus) -> None:
    fact = facts_of(analyze, text + BRAIN_REQUEST).facts["spine_indication"]
    assert fact.status is status, f"{fact.status.value}: {[e.text for e in fact.evidence]}"


# d. PTLD: (text, cns_lymphoma, brain_neoplasm)
PTLD = {
    "cns-ptld-proven": ("Renal transplant 2018. Biopsy-proven CNS PTLD of the left thalamus.", P, P),
    "monomorphic-brain": ("Heart transplant recipient with monomorphic PTLD involving the brain.", P, P),
    "concern-versus": ("Liver transplant 2020. Periventricular enhancing lesions, concern for PTLD versus "
                       "toxoplasmosis.", S, S),
    "spelled-out-cns": ("Post-transplant lymphoproliferative disorder with CNS involvement.", P, P),
    "rule-out": ("New cerebellar mass; r/o PTLD.", S, S),
    "bare-after-mass": ("Lung transplant 2021; cerebellar mass, PTLD on stereotactic biopsy.", P, P),
    # near misses: a systemic site, a risk, a negation
    "small-bowel": ("PTLD of the small bowel 2023, treated with rituximab.", N, N),
    "cervical-node": ("EBV-positive PTLD in a cervical lymph node.", N, N),
    "at-risk": ("At risk for PTLD given rising EBV viral load.", N, N),
    "no-evidence": ("No evidence of PTLD on the PET/CT.", A, A),
}


@pytest.mark.parametrize(("text", "cns", "neoplasm"), PTLD.values(), ids=PTLD.keys())
def test_d_ptld_is_a_lymphoma(analyze: Any, text: str, cns: FactStatus, neoplasm: FactStatus) -> None:
    facts = _facts(analyze, text)
    for name, want in (("cns_lymphoma", cns), ("brain_neoplasm", neoplasm)):
        fact = facts[name]
        assert fact.status is want, f"{name}: {fact.status.value} ({fact.note}); {[e.text for e in fact.evidence]}"
