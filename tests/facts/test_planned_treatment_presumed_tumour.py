"""A treatment planned or scheduled is not a prior treatment; a tumour presumed from imaging alone is not known.

Request date 11/20/2026 (tests/facts/conftest.py REQUEST_TAIL). The treatment rows already held on main (facts/planned.py,
hyp.plan_*); the tumour rows need context.yaml poss.imaging_only_said / poss.imaging_only_lead. A bare code with no
description names no tumour (not documented).
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

P, S, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.NOT_DOCUMENTED
GBM = ("Stereotactic biopsy 10/22/2026: glioblastoma, IDH-wildtype.\nMRI brain 11/05/2026: 3.9 cm ring-enhancing "
       "right frontal mass.\n")
NO_RT = {"prior_radiation": N, "prior_tumor_treatment": N}
NO_CHEMO = {"prior_chemotherapy": N, "prior_tumor_treatment": N}
RT = {"prior_radiation": P, "prior_tumor_treatment": P}
CHEMO = {"prior_chemotherapy": P, "prior_tumor_treatment": P}
KNOWN_S = {"known_brain_tumor": S}
KNOWN_P = {"known_brain_tumor": P}

TREATMENT: dict[str, tuple[str, dict[str, FactStatus]]] = {
    "VMAT with a start date ahead": (
        GBM + "VMAT 59.4 Gy in 33 fractions starting 12/03/2026.\n", NO_RT),
    "radiotherapy begins in the coming week": (GBM + "Radiation therapy begins the coming week.\n", NO_RT),
    "simulation done, treatment from a later day": (
        GBM + "CT simulation completed 11/18, treatment to start 12/01.\n", NO_RT),
    "chemoradiotherapy is planned": (GBM + "Concurrent chemoradiotherapy is planned.\n", NO_RT),
    "will begin temozolomide": (GBM + "She will begin temozolomide with radiation.\n", NO_CHEMO),
    "proton therapy scheduled": (GBM + "Proton beam therapy scheduled to commence 12/08/2026.\n", NO_RT),
    # near misses: treatment given
    "near: radiotherapy finished in a past month": (GBM + "Radiation therapy finished 09/2026.\n", RT),
    "near: status post chemoradiotherapy": (GBM + "Status post chemoradiotherapy.\n", RT),
    "near: radiation years ago, stable since": (GBM + "Whole-brain radiation 2018, stable since.\n", RT),
    "near: began temozolomide before the request": (GBM + "Began temozolomide 11/02/2026.\n", CHEMO),
    "near: IMRT told completed": (GBM + "IMRT to 59.4 Gy (completed).\n", RT),
}

TUMOUR: dict[str, tuple[str, dict[str, FactStatus]]] = {
    "presumed glioma on imaging, no tissue": (
        "Assessment: presumed diffuse midline glioma of the pons on MRI; no tissue obtained.\n", KNOWN_S),
    "imaging-based diagnosis, biopsy declined": (
        "Diagnosis of a tectal glioma is radiographic; the family declined biopsy.\n", KNOWN_S),
    # a bare code names no tumour (codes are read through their descriptions): not known, and no tumour at all
    "bare code line presumptive, imaging only": (
        "Dx: C71.7 - presumptive, imaging only\n", {"known_brain_tumor": N}),
    "coded tumour with presumptive, imaging only": (
        "Dx: C71.7 Malignant neoplasm of brain stem - presumptive, imaging only\n", KNOWN_S),
    "tumour told radiographic, biopsy refused": (
        "Diagnosis of a thalamic glioma is radiographic; the patient refused biopsy.\n", KNOWN_S),
    "imaging diagnosis followed for years": (
        "Right parasagittal meningioma, imaging diagnosis, followed for 12 years.\n", KNOWN_S),
    "diagnosed on MRI, never biopsied": ("Optic pathway glioma, diagnosed on MRI, never biopsied.\n", KNOWN_S),
    "radiographic diagnosis of, tissue not obtained": (
        "Radiographic diagnosis of a diffuse intrinsic pontine glioma. Tissue not obtained.\n", KNOWN_S),
    # near misses
    "near: diagnosed years ago and followed, no imaging-only word": (
        "Right parasagittal meningioma diagnosed 2014 and followed with yearly MRI.\n", KNOWN_P),
    "near: known tumour, no biopsy of a new lesion": (
        "Known glioblastoma s/p resection 2025; no biopsy of the new right frontal nodule.\n", KNOWN_P),
    "near: resected tumour, further surgery declined": (
        "Anaplastic astrocytoma resected 2023; further surgery declined.\n", KNOWN_P),
    "near: biopsy-proven pontine glioma": ("Assessment: biopsy-proven pontine glioma.\n", KNOWN_P),
    "near: known glioblastoma after resection": ("Known glioblastoma s/p resection 2025.\n", KNOWN_P),
    "near: H3 K27M on stereotactic biopsy": (
        "Stereotactic biopsy of the pons: diffuse midline glioma, H3 K27M-altered.\n", KNOWN_P),
}


@pytest.mark.parametrize(("text", "expected"), list(TREATMENT.values()), ids=list(TREATMENT))
def test_planned_treatment_not_prior(fragment_facts: Any, text: str, expected: dict[str, FactStatus]) -> None:
    check_facts(fragment_facts(text), expected)


@pytest.mark.parametrize(("text", "expected"), list(TUMOUR.values()), ids=list(TUMOUR))
def test_presumed_tumour_not_known(fragment_facts: Any, text: str, expected: dict[str, FactStatus]) -> None:
    check_facts(fragment_facts(text), expected)
