"""Words that look like a diagnosis but are not the patient's disease, at the mention level.

1. A neoplasm of a body site outside the central nervous system is no brain tumour (targets.yaml
   look.extracranial_neoplasm, look.extracranial_finding): a generic neoplasm word whose own phrase names a site of
   the ICD-10-CM chapters outside the CNS (C00-C14 lip, oral cavity and pharynx; C15-C26 digestive organs; C30-C39
   respiratory and intrathoracic organs; C40-C41 bone; C43-C44 skin; C45-C49 mesothelium and soft tissue; C50
   breast; C51-C68 genital and urinary organs; C69 eye; C73-C75 endocrine glands; C76-C77 ill-defined sites and
   lymph nodes; the same sites in D00-D48), also as an ICD description line ("Z85.818 Personal history of malignant
   neoplasm of other sites of lip, oral cavity, and pharynx"), makes no BRAIN_TUMOR, BRAIN_METASTASIS or BRAIN_LESION
   mention. Near misses: a neoplasm of the brain, the cerebral meninges or the cerebellum (C71, C70, C79.31, D43),
   "brain neoplasm", and a cancer of such a site spread to the brain.
2. "MS" that is a credential or the mental-status exam is no multiple sclerosis: a degree among a signer's
   credentials (look.credential, extended with dental, audiology, optometry and arts degrees: "DDS, MS", "AuD,
   MS", "MA, MS"), and "MS" in an examination followed by a normal finding ("MS normal for age", "MS intact", "MS
   grossly nl", "MS A&O x3": look.mental_status_finding). Near misses: "MS diagnosed 2015", "history of MS", "MS
   (relapsing-remitting)", "PMHx: MS, HTN", "r/o MS" (suspected).
3. A patient's feeling about a disease told as an assessment item is no suspicion of it: "Health anxiety focused on
   brain tumour", "Illness anxiety re: glioma", "Fear of MS", "Preoccupation with having a tumour" are hypothetical
   (context.yaml hyp.lay_feeling_item), "Relieved that there was no tumour" and "Reassured regarding tumours"
   hypothetical or negated. Near misses: "Anxiety; glioblastoma on treatment" (two items), a clinician's "concern
   for tumour" (suspected), a known tumour's "tumour-related anxiety" (present).

Rows are freshly written. Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import check_mention

from pipeline.contracts import Mention

AMONG = {"negated", "hypothetical", "uncertain"}
BRAIN = {"BRAIN_TUMOR", "BRAIN_METASTASIS", "BRAIN_LESION", "GLIOMA", "CNS_LYMPHOMA"}

# ------------------------------------------------------------------ 1. a neoplasm of a site outside the CNS
# id: (text, the brain concepts that must be found, neither negated nor hypothetical, anywhere in the text)
NEOPLASM_SITE: dict[str, tuple[str, set[str]]] = {
    "z85-other-sites-oral-pharynx": ("Z85.818 Personal history of malignant neoplasm of other sites of lip, oral "
                                     "cavity, and pharynx", set()),
    "c09-tonsil-unspecified": ("C09.9 Malignant neoplasm of tonsil, unspecified", set()),
    "pmh-base-of-tongue": ("PMH: malignant neoplasm of the base of tongue, s/p chemoradiation 2019.", set()),
    "floor-of-mouth-resected": ("Hx of neoplasm of the floor of mouth (resected).", set()),
    "c77-lymph-nodes-head-neck": ("C77.0 Secondary and unspecified malignant neoplasm of lymph nodes of head, face "
                                  "and neck", set()),
    "secondary-cervical-nodes": ("Secondary malignant neoplasm of cervical lymph nodes, treated 2021.", set()),
    "c32-glottis": ("C32.0 Malignant neoplasm of glottis", set()),
    "capitals-oropharynx": ("DX: MALIGNANT NEOPLASM OF OROPHARYNX", set()),
    "soft-palate-line-wrap": ("Problem list: personal history of malignant neoplasm of the\nsoft palate", set()),
    "hypopharynx-pyriform": ("Malignant neoplasm of pyriform sinus (C12), completed radiotherapy.", set()),
    "upper-lobe-bronchus": ("C34.11 Malignant neoplasm of upper lobe, right bronchus or lung", set()),
    "thymus-parenthesised-code": ("Malignant neoplasm of thymus (C37) - resected 2018.", set()),
    "c76-head-face-neck": ("C76.0 Malignant neoplasm of head, face and neck", set()),
    "benign-salivary-gland": ("D11.9 Benign neoplasm of major salivary gland, unspecified", set()),
    "british-oesophagus": ("History of malignant neoplasm of the oesophagus; no recurrence.", set()),
    "tumour-of-the-tonsil": ("Tumour of the left tonsil, excised 2015.", set()),
    "larynx-z85": ("Z85.21 Personal history of malignant neoplasm of larynx", set()),
    "gum-and-cheek": ("Malignant neoplasm of upper gum and cheek mucosa, treated at an outside hospital.", set()),
    "vallecula-prose": ("She had a neoplasm of the vallecula treated with surgery and radiation.", set()),
    # a history field or aside giving a site outside the CNS (look.extracranial_neoplasm_field)
    "field-hx-yes-breast": ("Neoplasm hx: YES (breast 2020)    Neuro deficit: none", set()),
    "field-aside-site": ("Neoplasm (breast), treated 2019.", set()),
    "field-colon-lung": ("Neoplasm: lung, 2019, lobectomy.", set()),
    "field-tumour-history-british": ("Tumour history: yes (colon, 2018).", set()),
    "field-capitals": ("NEOPLASM HX: Y (PROSTATE 2017)", set()),
    "field-malignancy-kidney": ("Malignancy history: yes (kidney, 2015)", set()),
    "field-equals-skin": ("Neoplasm = skin (melanoma 2012)", set()),
    "field-plus-thyroid": ("Tumor hx + (thyroid 2010)", set()),
    "near-field-brain-primary": ("Brain tumor (breast primary), resected 2024.", {"BRAIN_TUMOR"}),
    "near-field-no-site": ("Neoplasm hx: YES (2020)", {"BRAIN_TUMOR"}),
    # near misses: the brain, the meninges, a spread to the brain
    "near-c71-brain": ("C71.9 Malignant neoplasm of brain, unspecified", {"BRAIN_TUMOR"}),
    "near-c79-secondary-brain": ("C79.31 Secondary malignant neoplasm of brain", {"BRAIN_METASTASIS"}),
    "near-cerebral-meninges": ("Neoplasm of the cerebral meninges, on surveillance.", {"BRAIN_TUMOR"}),
    "near-brain-neoplasm": ("Assessment: brain neoplasm, left parietal.", {"BRAIN_TUMOR"}),
    "near-uncertain-behaviour-brain": ("D43.2 Neoplasm of uncertain behaviour of the brain", {"BRAIN_TUMOR"}),
    "near-nasopharyngeal-to-temporal-lobe": ("Metastatic nasopharyngeal carcinoma to the temporal lobe.",
                                             {"BRAIN_METASTASIS"}),
    "near-cerebellum": ("Malignant neoplasm of the cerebellum (C71.6).", {"BRAIN_TUMOR"}),
}


@pytest.mark.parametrize(("text", "expected"), NEOPLASM_SITE.values(), ids=NEOPLASM_SITE.keys())
def test_a_neoplasm_of_a_site_outside_the_cns_is_no_brain_tumour(mentions: Callable[[str], list[Mention]],
                                                                  text: str, expected: set[str]) -> None:
    found = [m for m in mentions(text) if m.concept in BRAIN]
    present = {m.concept for m in found if not set(m.modifiers) & {"negated", "hypothetical"}}
    if expected:
        assert expected <= present, [(m.concept, m.text, m.rule_id, m.modifiers) for m in found]
    else:
        assert not found, [(m.concept, m.text, m.rule_id) for m in found]


# ------------------------------------------------------------------ 2. "MS" as a credential or the mental status
# id: (text, expected modifiers of the MULTIPLE_SCLEROSIS "MS" among AMONG; None: no such mention)
MS: dict[str, tuple[str, set[str] | None]] = {
    # a degree among a signer's credentials
    "dds-then-ms": ("Periodontal clearance: Jane Roe, DDS, MS", None),
    "ms-then-ccc-slp": ("Swallow evaluation by R. Kim, MS, CCC-SLP.", None),
    "ms-rd-no-commas": ("Nutrition note - Ana Diaz MS RD", None),
    "phd-then-ms": ("Spectroscopy QA: Oleg Ivanov, PhD, MS", None),
    "aud-then-ms": ("Hearing test reviewed by Priya Nair, AuD, MS.", None),
    "ma-then-ms": ("Neuropsych testing: Kwame Mensah, MA, MS", None),
    "dmd-then-ms": ("Oral surgery note signed Lucia Ferraro, DMD, MS", None),
    "ms-then-otr": ("Therapy plan by Grace Obi, MS, OTR/L", None),
    "od-then-ms": ("Visual fields: Hamid Rahimi, OD, MS.", None),
    # "MS" in an examination followed by a normal finding
    "normal-for-age": ("Neuro exam: MS normal for age, CN II-XII intact.", None),
    "intact": ("Exam - MS intact; strength 5/5 throughout.", None),
    "colon-wnl": ("MS: WNL", None),
    "grossly-nl": ("Neuro: MS grossly nl, gait steady.", None),
    "dash-a-and-o": ("MS - A&O x3", None),
    "alert-oriented": ("PE: MS alert and oriented x3, speech fluent.", None),
    "aaox3": ("Neuro: MS AAOx3, no focal deficits.", None),
    "wnl-no-colon": ("MS WNL, CN intact, reflexes 2+.", None),
    "appropriate": ("Exam: MS appropriate, follows commands.", None),
    "nml": ("Neuro - MS nml / CN nml / motor nml", None),
    "clear": ("MS clear and coherent today.", None),
    # near misses: the disease
    "near-diagnosed-year": ("MS diagnosed 2015, on ocrelizumab.", set()),
    "near-history-of": ("She has a history of MS.", set()),
    "near-relapsing-remitting-parens": ("MS (relapsing-remitting), stable.", set()),
    "near-pmhx-list": ("PMHx: MS, HTN", set()),
    "near-rule-out": ("r/o MS", {"uncertain"}),
    "near-known-ms-stable": ("Known MS, clinically stable.", set()),
    "near-name-then-her-ms": ("Jane Roe, 44, with MS since 2010.", set()),
    "near-ms-relapse": ("MS relapse in March treated with steroids.", set()),
    "near-ms-normal-mri": ("MS with a normal MRI in 2024, on natalizumab.", set()),
}


@pytest.mark.parametrize(("text", "expected"), MS.values(), ids=MS.keys())
def test_ms_as_a_credential_or_mental_status_is_no_multiple_sclerosis(mentions: Callable[[str], list[Mention]],
                                                                      text: str, expected: set[str] | None) -> None:
    check_mention(mentions, text, "MULTIPLE_SCLEROSIS", "MS", expected, among=AMONG)


# ------------------------------------------------------------------ 3. a feeling about a disease as an item
H, N, U = {"hypothetical"}, {"negated"}, {"uncertain"}
# id: (text, concept, span, the expected modifiers among AMONG; a set of sets: any of them)
FEELINGS: dict[str, tuple[str, str, str, list[set[str]]]] = {
    "health-anxiety-focused-on": ("Assessment:\n1. Health anxiety focused on brain tumour.\n2. Tension-type "
                                  "headache.", "BRAIN_TUMOR", "brain tumour", [H]),
    "illness-anxiety-re": ("Illness anxiety disorder re: glioma after reading online.", "GLIOMA", "glioma", [H]),
    "fear-of-ms": ("Impression: fear of MS; normal exam.", "MULTIPLE_SCLEROSIS", "MS", [H]),
    "fear-of-multiple-sclerosis": ("# Fear of multiple sclerosis (sister affected)", "MULTIPLE_SCLEROSIS",
                                   "multiple sclerosis", [H]),
    "preoccupation-with-having": ("Preoccupation with having a tumour, reassured.", "BRAIN_TUMOR", "tumour", [H, N]),
    "health-anxiety-about-tumor": ("Dx: health anxiety about a brain tumor", "BRAIN_TUMOR", "brain tumor", [H]),
    "cancer-phobia-lymphoma": ("Cancer phobia regarding lymphoma, longstanding.", "CNS_LYMPHOMA", "lymphoma", [H]),
    "anxiety-wrapped": ("Problem: health\nanxiety, fixated on\nbrain tumour", "BRAIN_TUMOR", "brain tumour", [H]),
    "preoccupied-with-ms": ("- Somatic symptom disorder, preoccupied with MS", "MULTIPLE_SCLEROSIS", "MS", [H]),
    "relieved-no-tumour": ("Relieved that there was no tumour on the scan.", "BRAIN_TUMOR", "tumour", [H, N]),
    "reassured-regarding-tumours": ("Reassured regarding tumours.", "BRAIN_TUMOR", "tumours", [H, N]),
    "reassured-re-brain-tumor": ("Pt reassured re brain tumor; f/u PRN.", "BRAIN_TUMOR", "brain tumor", [H, N]),
    "reassurance-given-re-ms": ("Reassurance given re MS.", "MULTIPLE_SCLEROSIS", "MS", [H, N]),
    "relief-that-not-glioma": ("Great relief that it is not a glioma.", "GLIOMA", "glioma", [H, N]),
    "reassured-about-lymphoma": ("Reassured about lymphoma; clinic follow-up.", "CNS_LYMPHOMA", "lymphoma", [H, N]),
    "relief-re-brain-tumour": ("Relief re: brain tumour after the discussion.", "BRAIN_TUMOR", "brain tumour",
                               [H, N]),
    "reassurance-provided-regarding": ("Reassurance provided regarding tumour.", "BRAIN_TUMOR", "tumour", [H, N]),
    # near misses: two items, the clinician's concern, a known tumour
    "near-anxiety-then-glioblastoma": ("Anxiety; glioblastoma on treatment.", "GLIOMA", "glioblastoma", [set()]),
    "near-concern-for-tumour": ("Concern for tumour given the enhancement.", "BRAIN_TUMOR", "tumour", [U]),
    "near-known-tumour-related-anxiety": ("Right frontal glioblastoma, on temozolomide. Brain tumour-related "
                                          "anxiety, referred to psycho-oncology.", "GLIOMA", "glioblastoma",
                                          [set()]),
    "near-anxiety-item-then-mri": ("Health anxiety.\nMRI: enhancing tumour in the left frontal lobe.",
                                   "BRAIN_TUMOR", "tumour", [set()]),
    "near-fear-of-falling-meningioma": ("Fear of falling; meningioma, stable on imaging.", "BRAIN_TUMOR",
                                        "meningioma", [set()]),
    "near-worry-about-is-suspicion": ("Worry about brain tumour given the new enhancement.", "BRAIN_TUMOR",
                                      "brain tumour", [U]),
    "near-fear-of-her-glioma": ("Fear of her glioma progressing; on temozolomide.", "GLIOMA", "glioma", [set()]),
    "near-anxiety-about-scans-then-gbm": ("Anxiety about scans; GBM on treatment.", "GLIOMA", "GBM", [set()]),
    "near-anxiety-about-mri-that-showed": ("Anxiety about the MRI that showed a glioma.", "GLIOMA", "glioma",
                                           [set()]),
    "near-anxiety-with-glioma": ("Adjustment disorder with anxiety with glioma.", "GLIOMA", "glioma", [set()]),
    "near-clinician-worried-lymphoma": ("We are worried about lymphoma in this host.", "CNS_LYMPHOMA", "lymphoma",
                                        [U]),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected"), FEELINGS.values(), ids=FEELINGS.keys())
def test_a_feeling_about_a_disease_is_no_suspicion(mentions: Callable[[str], list[Mention]], text: str,
                                                   concept: str, span: str, expected: list[set[str]]) -> None:
    found = [m for m in mentions(text) if m.concept == concept and m.text == span]
    assert found, [(m.concept, m.text) for m in mentions(text)]
    carried = set(found[0].modifiers) & AMONG
    assert any(carried == e for e in expected), (found[0].modifiers, found[0].modifier_rules)
