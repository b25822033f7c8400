"""A prior MRS needs a done study; a body tumour's treatment is no brain-tumour treatment; a review of systems' negatives
and a normal screen's list stay negated, through the real NLP stage.

1. prior_mrs: an MRS its own words deny ("MRS has never been done", "no prior spectroscopy" beside another study's
   date: study.denied_before, study.denied_after, neg.backward), one named by a pre-procedure assessment's title
   (study.preprocedure_title), and one a plan item says would settle a question, after a longer object
   (study.prospect_after), is no prior MRS. Near misses: a dated MRS with a read, a form row answered Yes, a combined
   MRI + MRS, a lapse since the MRS's own date ("no MRS since 09/16/2026").
2. prior_resection / prior_radiation / prior_chemotherapy: treatment of a tumour of the body outside the central
   nervous system (look.body_tumor_treatment, look.body_tumor_treated) is no prior brain-tumour treatment. Near
   misses: a brain tumour's resection, radiosurgery to a brain metastasis, a craniotomy or a treatment of the brain
   told after a body cancer.
3. seizures: a "neg for" written mid-sentence (neg.no), a "Negative:" or "Pertinent negatives:" label (neg.negative_label)
   negate the whole list, across line breaks, to its last item. Near misses: a positive list, a seizure told after
   the list ends.
4. inborn_error_of_metabolism: a normal screen with when it was taken between its name and its verdict ("newborn
   screen on day 2 was normal, including galactosemia": neg.normal_screen) negates the disorders it lists. Near
   misses: an abnormal screen, a normal one with an exception.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of

from pipeline.contracts import FactStatus

P, A, N = FactStatus.PRESENT, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

CASES: dict[str, tuple[str, str, FactStatus]] = {
    # ------------------------------------------------ 1. prior MRS: the study must have been done
    "mrs-never-been-done": ("MRS has never been done for him.\n", "prior_mrs", A),
    "never-performed-mri-after": ("Spectroscopy has never been performed; the MRI of 10/02/2026 showed a thalamic "
                                  "lesion.\n", "prior_mrs", A),
    "never-done-mri-date-aside": ("MR spectroscopy was never done (MRI only, 10/02/2026).\n", "prior_mrs", A),
    "no-prior-after-mri-date": ("Imaging: MRI brain 10/02/2026, no prior spectroscopy.\n", "prior_mrs", A),
    "no-previous-in-parens": ("MRI 10/02/2026 showed bilateral thalamic T2 hyperintensity (no previous MRS).\n",
                              "prior_mrs", A),
    "without-prior-two-studies": ("CT head 09/28/2026 and MRI 10/02/2026, without prior MR spectroscopy.\n",
                                  "prior_mrs", A),
    "preprocedure-title-ga": ("PRE-PROCEDURE ASSESSMENT (MRI / MRS under GA) Date: 11/03/2026\nASA II, airway "
                              "normal.\n", "prior_mrs", N),
    "preanaesthesia-evaluation": ("Pre-anaesthesia evaluation 11/03/2026 for MRI/MRS under sedation: airway normal, "
                                  "NPO from midnight.\n", "prior_mrs", N),
    "sedation-screening-line": ("Sedation screening - MRS brain, 11/04/2026: no OSA, weight 18 kg.\n", "prior_mrs",
                                N),
    "plan-item-long-object": ("(3) MR spectroscopy of the bilateral thalamic and brainstem lesions would support or "
                              "refute the mitochondrial diagnosis suggested by the previous MRI.\n", "prior_mrs", A),
    "plan-item-could-help": ("2. Spectroscopy of the enhancing rim and the surrounding white matter could help "
                             "separate abscess from necrotic tumour, as the prior MRI was equivocal.\n", "prior_mrs",
                             A),
    # near misses: a prior MRS
    "dated-read": ("MRS 09/16/2026: elevated choline.\n", "prior_mrs", P),
    "form-row-yes": ("Prior MRS: YES - 09/16/2026\n", "prior_mrs", P),
    "combined-equivocal": ("MRI + MRS 09/16 equivocal.\n", "prior_mrs", P),
    "no-mrs-since-its-date": ("No MRS since 09/16/2026, when choline was raised.\n", "prior_mrs", P),
    "assessment-then-prior-mrs": ("Anaesthesia pre-assessment 11/03/2026 (MRI under GA); prior MRS 06/2026 under GA "
                                  "was uneventful.\n", "prior_mrs", P),
    # ------------------------------------------------ 2. a body tumour's treatment
    "bcc-mohs-excision": ("PMH: BCC scalp s/p Mohs excision 2019 - no recurrence.\n", "prior_resection", N),
    "breast-lumpectomy-radiation": ("PMH: breast lumpectomy and radiation 2015.\n", "prior_radiation", N),
    "colon-resection-folfox": ("PMH: colon cancer s/p resection and FOLFOX.\n", "prior_resection", N),
    "skin-scc-excised": ("PMH: skin SCC excised.\n", "prior_resection", N),
    "nsclc-lobectomy-carboplatin": ("NSCLC s/p right upper lobectomy and carboplatin/pemetrexed 2021.\n",
                                    "prior_chemotherapy", N),
    "rectal-chemoradiation-lar": ("Stage II rectal adenocarcinoma treated with chemoradiation and low anterior "
                                  "resection (2020).\n", "prior_tumor_treatment", N),
    "radiation-to-breast": ("Radiation to the left breast 2016, no recurrence.\n", "prior_radiation", N),
    "melanoma-back-immunotherapy": ("Melanoma of the back excised 2018, followed by immunotherapy.\n",
                                    "prior_tumor_treatment", N),
    # near misses: the brain's treatment
    "glioma-resection": ("PMH: resection of the left frontal glioma 2019.\n", "prior_resection", P),
    "srs-brain-metastasis": ("SRS to the brain metastasis 08/2026.\n", "prior_radiation", P),
    "brain-mets-craniotomy": ("Breast cancer with brain metastases s/p craniotomy.\n", "prior_resection", P),
    "resection-of-brain-met": ("Breast cancer s/p resection of a brain metastasis 2024.\n", "prior_resection", P),
    "lung-chemo-then-srs": ("Lung cancer s/p chemo and SRS to a right frontal metastasis.\n", "prior_radiation", P),
    "chemo-for-brain-mets": ("Chemotherapy for breast cancer brain metastases.\n", "prior_chemotherapy", P),
    "breast-then-gbm": ("Radiation to the left breast 2016; glioblastoma s/p resection and temozolomide 2023.\n",
                        "prior_tumor_treatment", P),
    # ------------------------------------------------ 3. a review of systems' negatives
    "ros-neg-for-wrapped": ("ROS: neg for headache, focal weakness, numbness,\ngait change, tremor, falls, "
                            "incontinence, weight loss,\nfevers, new seizure,\nsyncope. Positive: hearing loss.\n",
                            "seizures", A),
    "ros-neg-for-mid-sentence": ("10-point ROS neg for headache, focal weakness, numbness, gait change, tremor, "
                                 "falls, incontinence,\nweight loss, fevers, new seizure, syncope.\n", "seizures", A),
    "ros-otherwise-neg-for": ("Review of systems otherwise neg for fevers, chills, weight loss, headache, vision "
                              "change,\nweakness, numbness, gait change, falls, confusion, seizures.\n", "seizures",
                              A),
    "ros-neg-dot-for": ("ROS (12 systems) neg. for headache, dizziness, tremor, syncope, seizure activity.\n",
                        "seizures", A),
    "negative-label-list": ("ROS: Positive: hearing loss. Negative: headache, focal weakness, numbness, gait change, "
                            "tremor,\nfalls, incontinence, weight loss, fevers, new seizure, syncope.\n", "seizures",
                            A),
    "pertinent-negatives": ("Pertinent negatives: headache, vomiting, diplopia, weakness, seizures.\n", "seizures", A),
    # near misses: a seizure told as present
    "positive-after-neg-list": ("ROS: neg for headache, focal weakness, numbness. Positive: two focal seizures last "
                                "week.\n", "seizures", P),
    "pertinent-positives": ("Pertinent positives: seizures, hearing loss. Pertinent negatives: headache, fevers, "
                            "weakness.\n", "seizures", P),
    # ------------------------------------------------ 4. a normal screen's list
    "nbs-colon-normal-including": ("Newborn screen (DOL 2): normal, including amino acids, acylcarnitines, "
                                   "galactosemia and biotinidase.\n", "inborn_error_of_metabolism", A),
    "nbs-on-day-2-was-normal": ("Newborn screen on day 2 was normal, including amino acids, acylcarnitines, "
                                "galactosemia and biotinidase.\n", "inborn_error_of_metabolism", A),
    "nbs-collected-came-back": ("The newborn screen collected at 36 hours came back normal, including MSUD and "
                                "PKU.\n", "inborn_error_of_metabolism", A),
    "nbs-drawn-incl": ("State newborn screening drawn on DOL 3 was reportedly normal, incl. galactosemia, MSUD.\n",
                       "inborn_error_of_metabolism", A),
    # near misses: the screen found something
    "nbs-abnormal": ("Newborn screen on day 2 was abnormal, including galactosemia.\n", "inborn_error_of_metabolism",
                     P),
    "nbs-normal-except": ("Newborn screen on day 2 was normal except elevated C5 (isovaleric acidemia).\n",
                          "inborn_error_of_metabolism", P),
}


@pytest.mark.parametrize(("text", "fact", "status"), CASES.values(), ids=CASES.keys())
def test_prior_mrs_and_history(analyze: Any, text: str, fact: str, status: FactStatus) -> None:
    check_facts(facts_of(analyze, text + REQUEST_TAIL), {fact: status})
