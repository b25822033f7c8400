"""A device whose removal did not happen, a negative family history, and "MS" with a dash after it, end to end
(text -> NLP -> facts).

1. An implanted device whose removal (explant, explantation, extraction, removal, taking it out) was declined,
   deferred, refused, not possible or not done is still implanted: the denial or deferral is the removal's, not the
   device's (context.yaml scope.removal_object; vocabulary: targets.yaml mri_ci.scs "vagal nerve stimulator").
   mri_contraindication stays present. Near misses: a device removed or explanted (absent), a device declined or
   offered and declined (never implanted: not present), an explant planned (present), a screen answered none.
2. A negative family history says nothing about the patient: "Negative family history for MS", "FHx negative for
   brain tumours", "Family hx: negative for epilepsy" are the family's (context.yaml fam.family_history); alone the
   patient's fact is not documented, with other text it stays what that says. "No personal or family history of X"
   is the patient's denial too (neg.personal_or_family). Near misses: "Patient has no history of MS" (absent),
   "Family history negative; patient diagnosed with MS in 2019" (present).
3. "MS" with a dash after it that goes on about the disease ("MS - relapsing-remitting", "MS - dx 2015", "MS-RR") or
   a dash that closes a diagnosis field or list item ("Dx: MS -", "PMHx: HTN; MS - ; DM2") is multiple sclerosis
   (targets.yaml ms.abbreviation_dash, ms.abbreviation_dash_field); the guards of ms.abbreviation stay, and a dose or
   a valve grade is no MS (look.ms_drug_valve). Near misses: "MS - awake, oriented" (mental status), "MS Contin",
   "MS 4 mg IV", "mod MS on echo", "MRS".
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.contracts import ClinicalFacts, FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

# 1. id: (text, mri_contraindication status)
DEVICES: dict[str, tuple[str, FactStatus]] = {
    # the removal named after the device, its verdict after it
    "vns-explant-declined": ("VNS explant declined by family.", P),
    "vns-explantation-declined-by-patient": ("Vagus nerve stimulator explantation was declined by the patient.", P),
    "dbs-hardware-removal-deferred": ("DBS hardware removal: deferred until after the MRS.", P),
    "cochlear-removal-not-pursued": ("The cochlear implant removal was not pursued.", P),
    "cochlear-removal-line-wrap": ("Cochlear implant\nremoval not pursued.", P),
    "icd-extraction-not-done": ("ICD extraction not done - high risk.", P),
    "pacemaker-extraction-not-safe": ("Pacemaker extraction was not felt to be safe (adherent leads).", P),
    "dbs-semicolon-removal-deferred": ("Deep brain stimulator; removal deferred per neurosurgery.", P),
    "vns-generator-explant-postponed": ("VNS generator explant: postponed (family preference).", P),
    "pacemaker-removal-refused": ("Pacemaker removal refused by pt.", P),
    # the verdict, then the removal of the device
    "declined-removal-of-vagal-stimulator": ("Family declined removal of the vagal nerve stimulator.", P),
    "parents-declined-removal-of-vns": ("Parents declined removal of the VNS.", P),
    "refused-explantation-of-dbs": ("Patient refused explantation of her DBS system.", P),
    "removal-of-vns-not-possible": ("Removal of her VNS generator: not possible, leads encased.", P),
    "explantation-of-scs-postponed": ("Explantation of the spinal cord stimulator was postponed.", P),
    "declined-extraction-of-icd": ("He has declined extraction of the ICD.", P),
    "declined-explant-of-cochlear-implant": ("Declined explant of cochlear implant (2024).", P),
    "mother-refuses-removal-of-rns": ("Mother refuses removal of the RNS.", P),
    # the device, then the verdict on its removal or on taking it out
    "scs-dash-refused-removal": ("Spinal cord stimulator - patient refused removal.", P),
    "vns-label-declined-explant": ("VNS (left chest): family declined explant.", P),
    "declined-to-have-it-taken-out": ("She declined to have the cochlear implant taken out.", P),
    "dbs-does-not-want-it-taken-out": ("DBS: patient does not want it taken out.", P),
    "does-not-want-vns-removed": ("The family does not want the VNS removed.", P),
    "scs-refused-explantation": ("SCS - pt refused explantation.", P),
    "icd-declined-removing-it": ("ICD: patient declined removing it before the scan.", P),
    "pacemaker-removal-not-possible-caps": ("PACEMAKER - REMOVAL NOT POSSIBLE.", P),
    # near misses
    "near-vns-explanted": ("VNS explanted 2019.", A),
    "near-dbs-removed": ("DBS removed in 2022.", A),
    "near-vns-removed-infection": ("The VNS was removed in 2021 (infection).", A),
    "near-declined-vns-placement": ("Declined VNS placement.", N),
    "near-vns-offered-family-declined": ("VNS was offered; family declined.", N),
    "near-declined-a-vagal-stimulator": ("Family declined a vagal nerve stimulator.", N),
    "near-explant-planned": ("VNS explant planned for next month.", P),
    "near-screen-none": ("Pacemaker: none.", A),
    "near-no-pacemaker-icd-explanted": ("No pacemaker; ICD explanted 2020.", A),
    "near-denies-devices-requiring-removal": ("Denies pacemaker, ICD or other devices requiring removal.", A),
}


@pytest.mark.parametrize(("text", "status"), DEVICES.values(), ids=DEVICES.keys())
def test_a_device_whose_removal_did_not_happen_is_still_implanted(
        fragment_facts: Callable[[str], ClinicalFacts], text: str, status: FactStatus) -> None:
    fact = fragment_facts(text).facts["mri_contraindication"]
    assert fact.status is status, (fact.status.value, [(e.text, e.assertion) for e in fact.evidence],
                                   [e.text for e in fact.ignored])


# 2. id: (text, fact, status)
FAMILY: dict[str, tuple[str, str, FactStatus]] = {
    "negative-family-history-for-ms": ("Negative family history for MS.", "multiple_sclerosis", N),
    "fhx-negative-for-ms": ("FHx negative for MS.", "multiple_sclerosis", N),
    "family-history-label-negative-for-seizures-or-ms": ("Family history: negative for seizures or MS.",
                                                         "multiple_sclerosis", N),
    "family-history-label-negative-seizures": ("Family history: negative for seizures or MS.", "seizures", N),
    "family-hx-negative-for-multiple-sclerosis": ("Family hx negative for multiple sclerosis.", "multiple_sclerosis",
                                                  N),
    "negative-family-history-for-epilepsy": ("Negative family history for epilepsy.", "epilepsy", N),
    "no-family-history-of-epilepsy": ("no family history of epilepsy", "epilepsy", N),
    "fhx-negative-for-brain-tumours": ("FHx negative for brain tumours.", "brain_neoplasm", N),
    "family-history-is-negative-for-brain-tumors": ("Family history is negative for brain tumors.", "brain_neoplasm",
                                                    N),
    "neg-fhx-of-seizures": ("Neg FHx of seizures.", "seizures", N),
    "negative-fam-hx-epilepsy-ms": ("Negative fam hx for epilepsy, MS and brain tumour.", "epilepsy", N),
    "family-history-was-negative-for-ms": ("Her family history was negative for MS.", "multiple_sclerosis", N),
    "negative-family-history-then-patient-ms": ("Negative family history for MS.\nAssessment: relapsing MS, on "
                                                "ocrelizumab.", "multiple_sclerosis", P),
    "fhx-negative-then-patient-epilepsy": ("FHx negative for epilepsy.\nAssessment: focal epilepsy, on "
                                           "levetiracetam.", "epilepsy", P),
    # near misses
    "near-patient-no-history-of-ms": ("Patient has no history of MS.", "multiple_sclerosis", A),
    "near-no-personal-or-family-history-of-seizures": ("No personal or family history of seizures.", "seizures", A),
    "near-no-personal-or-family-history-of-ms": ("No personal or family history of MS.", "multiple_sclerosis", A),
    "near-family-history-negative-then-patient": ("Family history negative; patient diagnosed with MS in 2019.",
                                                  "multiple_sclerosis", P),
    "near-mother-has-ms": ("Mother has MS.", "multiple_sclerosis", N),
}


@pytest.mark.parametrize(("text", "name", "status"), FAMILY.values(), ids=FAMILY.keys())
def test_a_negative_family_history_says_nothing_of_the_patient(
        fragment_facts: Callable[[str], ClinicalFacts], text: str, name: str, status: FactStatus) -> None:
    fact = fragment_facts(text).facts[name]
    assert fact.status is status, (fact.status.value, [(e.text, e.assertion) for e in fact.evidence])


# 3. id: (text, multiple_sclerosis status)
MS_DASH: dict[str, tuple[str, FactStatus]] = {
    "dash-relapsing-remitting": ("MS - relapsing-remitting, on ocrelizumab.", P),
    "dx-field-dash-at-line-end": ("Dx: MS -\nPlan: MRS.", P),
    "pmhx-list-dash-dx-year": ("PMHx: HTN; MS - dx 2015; DM2", P),
    "hyphen-rr": ("MS-RR, stable on natalizumab.", P),
    "en-dash-spms": ("Diagnosis: MS \u2013 secondary progressive.", P),
    "dash-diagnosed-year": ("Problem list: MS - diagnosed 2012 (Dr. Ames).", P),
    "dash-on-dmt": ("MS - on Ocrevus since 2021.", P),
    "hyphen-ppms": ("Known MS-PPMS, wheelchair user.", P),
    "dash-rrms-abbreviation": ("PMH: migraine; MS - RRMS; asthma.", P),
    "dash-year-only": ("MS - 2016, last relapse 2023.", P),
    "dash-semicolon-field": ("Diagnoses: HTN; MS - ; DM2.", P),
    # near misses
    "near-mental-status-dash": ("Neuro: MS - awake, oriented x3.", N),
    "near-mental-status-colon": ("MS: alert and oriented x3.", N),
    "near-ms-contin": ("MS Contin 15 mg BID.", N),
    "near-ms-dose": ("MS 4 mg IV q4h prn.", N),
    "near-mitral-stenosis-echo": ("Cardiology: mod MS on echo.", N),
    "near-mrs": ("Plan: MRS - single voxel.", N),
    "near-ms-related": ("Fatigue is MS-related.", N),
    "near-known-ms": ("Known MS, on ocrelizumab.", P),
}


@pytest.mark.parametrize(("text", "status"), MS_DASH.values(), ids=MS_DASH.keys())
def test_ms_with_a_dash_after_it_is_multiple_sclerosis(
        fragment_facts: Callable[[str], ClinicalFacts], text: str, status: FactStatus) -> None:
    fact = fragment_facts(text).facts["multiple_sclerosis"]
    assert fact.status is status, (fact.status.value, [(e.text, e.assertion) for e in fact.evidence])
