"""A treatment the requested study comes before, or a treatment of another body site, is no prior brain treatment.

Class: prior_resection / prior_radiation (and so prior_tumor_treatment) were read present from
1. a brain treatment that the requested study (MRS, spectroscopy, the scan) is to come before: "Spectroscopy before
   her craniotomy next month", "MR spectroscopy prior to resection", "pre-resection spectroscopy", "MRS ahead of the
   Gamma Knife", a department's rule ("our service images every mass over 3 cm with spectroscopy before a
   craniotomy"), "pre-craniotomy MRS protocol": the treatment is still to come, as in
   tests/facts/test_treatment_not_yet_given_facts.py (hyp.treatment_needed_before / _pre), now with no need word;
2. a treatment of another body site: "radiation to the left breast in 2014", "SBRT to a right lung nodule",
   "brachytherapy for prostate cancer", "chest wall irradiation", "lumpectomy", "sigmoid colectomy",
   "thyroidectomy", "radiotherapy to the pelvis": no brain resection or radiation.

Rules:
- pipeline/nlp/resources/context.yaml `hyp.treatment_study_before`: "before / prior to / ahead of" a treatment when the
  clause before the cue names the study (MRS, 1H-MRS, MR spectroscopy, spectroscopy/spectroscopic/spectra, "this
  study / scan / exam", "the requested study / scan") and is not told done, past, compared or dated (had, underwent,
  was, obtained, showed, compared, since, prior, previous, a year, a month/day date), and the rest of the clause tells
  no result, doing or year (`&not_told_done_after`); `hyp.treatment_study_pre`: "pre-" a treatment with the
  spectroscopy named in its sentence, the same guards ("pre-resection spectroscopy", "Pre-craniotomy MRS protocol").
  Both HYPOTHETICAL, quiet, treatments only, like hyp.treatment_needed_before / hyp.treatment_needed_pre.
- pipeline/nlp/resources/targets.yaml `body_tumor_site` (used by look.body_tumor_treatment and
  look.body_tumor_treated): regions a radiation field or an operation is named by: pelvis, pelvic, neck, abdomen,
  abdominal, mediastinum, mediastinal, groin, inguinal, axilla. Breast, lung, prostate, chest wall, lumpectomy,
  colectomy, hemicolectomy, thyroidectomy, brachytherapy for prostate cancer were already read (rows kept as guards).

Near misses keep today's reading: whole-brain radiotherapy with a year, SRS to a cerebellar metastasis, radiation to
the resection cavity, a craniotomy for a meningioma in a year, proton therapy to the posterior fossa, radiation to a
breast and later SRS to brain metastases (the SRS stays), a resection told done before the MRS was ordered, Gamma
Knife in a year with MRS before re-treatment (the Gamma Knife stays), "MRS before SRS showed ..." (a result), a
baseline MRI before radiosurgery in a year, the prior MRS before a craniotomy, a comparison with the spectroscopy
before SRS, MRS obtained before SRS, a pre-SRS MRS with a year, a pre-resection MRI with no spectroscopy, a
spectroscopy dated before the treatment, pelvic radiation beside whole-brain radiotherapy.

Limits: the study must be named as spectroscopy (or "this study / scan") in the clause before "before": "MRI before
the craniotomy" or "imaging ahead of SRS" keep the treatment given, and so does a spectroscopy clause dated before the
cue with no need word ("MRS 11/18 before craniotomy"; with one, hyp.treatment_needed_before still reads it ahead). A spectroscopy of the past told only by a possessive or an
undated present tense ("her MRS before the craniotomy is on the disc") reads the treatment still ahead. A body region
followed by "for" its disease ("mediastinal radiation for Hodgkin disease", "pelvic radiation for cervical cancer")
keeps prior radiation, as look.body_tumor_treatment's `unless_next` ("of / to / for / into") stops there; "radiation
to the head and neck" and spinal radiation keep their reading (no region word added for them).
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED
GLIOMA = "MRI brain 11/09/2026: 3.1 cm non-enhancing right insular mass, suspected diffuse glioma.\n"
METS = "MRI brain 11/10/2026: two enhancing lesions, suspected brain metastases.\n"
MENINGIOMA = "MRI brain 11/08/2026: 2.4 cm dural-based left frontal mass, suspected meningioma.\n"

NO_RES = {"prior_resection": N, "prior_tumor_treatment": N}
NO_RT = {"prior_radiation": N, "prior_tumor_treatment": N}
NO_TX = {"prior_resection": N, "prior_radiation": N, "prior_tumor_treatment": N}
RES = {"prior_resection": P, "prior_tumor_treatment": P}
RT = {"prior_radiation": P, "prior_tumor_treatment": P}

CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    # ------------------------------------------------------------ 1. the requested study comes before the treatment
    "spectroscopy before her craniotomy next month": (
        GLIOMA + "Spectroscopy before her craniotomy next month.\n", NO_RES),
    "MR spectroscopy prior to resection, for grading": (
        GLIOMA + "MR spectroscopy prior to resection, for grading.\n", NO_RES),
    "pre-resection spectroscopy": (GLIOMA + "Pre-resection spectroscopy of the insular mass.\n", NO_RES),
    "MRS ahead of the Gamma Knife": (METS + "MRS ahead of the Gamma Knife to characterise both lesions.\n", NO_RT),
    "department rule, every mass before a craniotomy": (
        GLIOMA + "Our service images every mass over 3 cm with spectroscopy before a craniotomy.\n", NO_RES),
    "pre-craniotomy MRS protocol": (GLIOMA + "Pre-craniotomy MRS protocol.\n", NO_RES),
    "MRS before SRS to confirm the diagnosis": (METS + "MRS before SRS to confirm the diagnosis.\n", NO_RT),
    "the scan is before debulking": (GLIOMA + "Spectroscopy sequence before debulking surgery.\n", NO_RES),
    "pre-SRS spectroscopy, no request word": (METS + "Pre-SRS spectroscopy of the larger lesion.\n", NO_RT),
    # ------------------------------------------------------------ 2. a treatment of another body site
    "radiation to the left breast in a year": (METS + "Radiation to the left breast in 2014.\n", NO_RT),
    "SBRT to a right lung nodule": (METS + "SBRT to a right lung nodule 2022.\n", NO_RT),
    "brachytherapy for prostate cancer": (METS + "Brachytherapy for prostate cancer 2017.\n", NO_RT),
    "prostate seed brachytherapy": (METS + "PMH: prostate seed brachytherapy 2016.\n", NO_RT),
    "chest wall irradiation after mastectomy": (
        METS + "Chest wall irradiation after mastectomy 2019.\n", NO_TX),
    "lumpectomy alone": (METS + "PSH: lumpectomy 2018.\n", NO_RES),
    "sigmoid colectomy": (METS + "PSH: sigmoid colectomy 2020, appendectomy.\n", NO_RES),
    "right hemicolectomy": (METS + "Right hemicolectomy 2021.\n", NO_RES),
    "total thyroidectomy": (GLIOMA + "PSH: total thyroidectomy 2011.\n", NO_RES),
    "radiotherapy to the pelvis": (METS + "Radiotherapy to the pelvis for cervical cancer 2015.\n", NO_RT),
    "pelvic radiation": (METS + "Pelvic radiation 2013.\n", NO_RT),
    "radiation to the neck": (METS + "Radiation to the neck 2019.\n", NO_RT),
    "radiation to the abdomen": (METS + "Radiation to the abdomen for seminoma 2009.\n", NO_RT),
    "mediastinal radiation": (METS + "Mediastinal radiation in 1998 (Hodgkin disease).\n", NO_RT),
    "wide local excision of a back melanoma": (METS + "Wide local excision of a back melanoma 2020.\n", NO_RES),
    # ------------------------------------------------------------ near misses keep their reading
    "near: whole-brain radiotherapy with a year": (METS + "Whole-brain radiotherapy 2023.\n", RT),
    "near: SRS to a cerebellar metastasis": (METS + "SRS to the right cerebellar metastasis.\n", RT),
    "near: radiation to the resection cavity": (METS + "Radiation to the resection cavity 05/2025.\n", RT | RES),
    "near: craniotomy for meningioma in a year": (MENINGIOMA + "Craniotomy for meningioma 2018.\n", RES),
    "near: proton therapy to the posterior fossa": (GLIOMA + "Proton therapy to the posterior fossa 2021.\n", RT),
    "near: breast radiation and later SRS": (
        METS + "Radiation to the left breast and later SRS to two brain metastases.\n", RT),
    "near: resected before the MRS was ordered": (
        GLIOMA + "The mass was resected before the MRS was ordered.\n", RES),
    "near: gamma knife in a year, MRS before re-treatment": (
        METS + "Gamma Knife 2024; MRS before re-treatment.\n", RT),
    "near: MRS before SRS showed a choline peak": (
        METS + "MRS before SRS showed a choline peak.\n", RT),
    "near: baseline MRI before radiosurgery in a year": (
        METS + "Baseline MRI before radiosurgery in 2021 measured 1.2 cm.\n", RT),
    "near: the prior MRS before her craniotomy": (
        GLIOMA + "The prior MRS before her craniotomy was equivocal.\n", RES),
    "near: compared with the spectroscopy before SRS": (
        METS + "Compared with the spectroscopy before SRS, choline has fallen.\n", RT),
    "near: MRS obtained before SRS": (METS + "MRS obtained before SRS; choline elevated.\n", RT),
    "near: pre-SRS MRS with a year and a result": (
        METS + "Pre-SRS MRS (2021) showed a high choline peak.\n", RT),
    "near: pre-resection MRI with a year, no spectroscopy": (
        GLIOMA + "Pre-resection MRI 2019 measured 4 cm.\n", RES),
    "near: pelvic radiation and whole-brain radiotherapy": (
        METS + "Pelvic radiation 2013 and whole-brain radiotherapy 2024.\n", RT),
    "near: spectroscopy dated before the craniotomy": (
        GLIOMA + "Spectroscopy 03/2024 prior to the craniotomy, choline elevated.\n", RES),
    "near: MRS of a year before resection": (GLIOMA + "MRS 2019 before resection.\n", RES),
    "near: lung cancer s/p chemo and SRS": (METS + "Lung cancer s/p chemo and SRS 2023.\n", RT),
}


@pytest.mark.parametrize(("text", "expected"), list(CASES.values()), ids=list(CASES))
def test_treatment_elsewhere_or_still_ahead(fragment_facts: Any, text: str, expected: dict[str, FactStatus]) -> None:
    check_facts(fragment_facts(text), expected)
