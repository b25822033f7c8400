"""A minus sign or "neg" written right after a diagnosis marks it negative: absent.

Work-up notes mark a diagnosis ruled out with a trailing sign: "lymphoma (-) on flow", "Brain metastases ( - ) per
PET-CT", "Metastasis: (-)", "CNS lymphoma neg", "Metastasis (neg)", and in a list of results a bare dash that closes
its item ("Abscess -, toxo -, lymphoma -"). The sign right after the diagnosis (or its label colon) is
neg.sign_after_diagnosis, kept beside neg.test_result_short's equally long "(-)" and "neg" (`shares_words`: each reads
its own targets, so an infection keeps that rule's reach); the closing dash is neg.dash_after_diagnosis. A test of
JC virus told with a sign ("JC virus PCR (-)") names the infection it tests for, negated; "(+)" keeps a diagnosis.

Near misses that keep their reading: a receptor's or marker's sign ("ER (-), PR (-) breast cancer with a brain
metastasis", "triple-negative", "ER-/PR-", "Glioblastoma IDH (-)", "lymphoma neg for EBV", "Meningioma neg margins"), a sign after a test
that names no diagnosis ("Gram stain (-), culture pending"), a table's dash after a sequence ("T2/FLAIR -"), a dash
as a separator ("Seizures - 3 this week", "Glioblastoma - resected", a dash at a line's end before its next line),
a sign after a number ("CD4 200 (-)"), "(+)".
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import check_mention

from pipeline.contracts import Mention

NEG, HEDGE, NONE = {"negated"}, {"uncertain"}, set[str]()
AMONG = {"negated", "uncertain"}

# id: (text, concept, mention text, expected modifiers among AMONG; None: no such mention)
CASES: dict[str, tuple[str, str, str, set[str] | None]] = {
    # ------------------------------------------------ "(-)" / "( - )" right after the diagnosis
    "dictated-lymphoma-on-sample": ("Flow cytometry of the CSF was sent; lymphoma (-) on that sample.",
                                    "CNS_LYMPHOMA", "lymphoma", NEG),
    "terse-ddx-workup": ("DDx w/u: toxo (-), lymphoma (-), GBM favored", "CNS_LYMPHOMA", "lymphoma", NEG),
    "spaced-sign-metastases": ("Brain metastases ( - ) per PET-CT 03/2026.", "BRAIN_METASTASIS", "Brain metastases",
                               NEG),
    "glioma-on-bx": ("Glioma (-) on stereotactic bx; gliosis only.", "GLIOMA", "Glioma", NEG),
    "demyelination-pair": ("Demyelination (-), vasculitis (-)", "DEMYELINATION", "Demyelination", NEG),
    "vasculitis-pair": ("Demyelination (-), vasculitis (-)", "NONTUMOR_DX", "vasculitis", NEG),
    "letter-summary": ("To summarise the work-up for Ms Rahman: metastasis (-), lymphoma (-), and the lesion is most "
                       "consistent with a low-grade glioma.", "CNS_LYMPHOMA", "lymphoma", NEG),
    "mito-on-muscle": ("Mitochondrial disease (-) on muscle bx", "MITOCHONDRIAL", "Mitochondrial disease", NEG),
    "meningioma-on-path": ("Meningioma (-) on path; hemangiopericytoma", "BRAIN_TUMOR", "Meningioma", NEG),
    "necrosis-then-progression": ("Radiation necrosis (-)\nTumor progression (+)", "TREATMENT_EFFECT",
                                  "Radiation necrosis", NEG),
    "ehr-row-leukodystrophy": ("Leukodystrophy (-) per VLCFA and panel", "LEUKODYSTROPHY", "Leukodystrophy", NEG),
    "label-colon-metastasis": ("Metastasis: (-)", "BRAIN_METASTASIS", "Metastasis", NEG),
    "label-colon-glioma": ("Tumour board 4/2026\nGlioma: (-)\nAbscess: (+)", "GLIOMA", "Glioma", NEG),
    # ------------------------------------------------ "neg" / "(neg)" / "-ve" right after it
    "lymphoma-neg-flow": ("Lymphoma neg on flow x2", "CNS_LYMPHOMA", "Lymphoma", NEG),
    "metastasis-bracket-neg": ("Metastasis (neg) - body CT clear", "BRAIN_METASTASIS", "Metastasis", NEG),
    "cns-lymphoma-minus-ve": ("CNS lymphoma -ve on repeat LP", "CNS_LYMPHOMA", "CNS lymphoma", NEG),
    # ------------------------------------------------ a bare dash that closes the item of a result list
    "dash-list-lymphoma": ("Abscess -, toxo -, lymphoma -", "CNS_LYMPHOMA", "lymphoma", NEG),
    "dash-list-abscess": ("Abscess -, toxo -, lymphoma -", "BRAIN_INFECTION", "Abscess", NEG),
    "dash-then-comma": ("Recurrence - , stable post-treatment change", "RECURRENCE", "Recurrence", NEG),
    "dash-ros-seizures": ("Seizures -, headaches +", "SEIZURE", "Seizures", NEG),
    # ------------------------------------------------ a test of JC virus with its sign
    "jc-pcr-minus": ("JC virus PCR (-) in CSF", "BRAIN_INFECTION", "JC virus PCR", NEG),
    "jc-pcr-spaced": ("CSF JC virus PCR ( - ) x2", "BRAIN_INFECTION", "JC virus PCR", NEG),
    "jc-pcr-plus": ("CSF JC virus PCR (+), copies 4,200/mL", "BRAIN_INFECTION", "JC virus PCR", NONE),
    # ------------------------------------------------ infections keep neg.test_result_short's reading
    "hiv-minus": ("HIV (-)", "HIV", "HIV", NEG),
    "toxo-igg-minus": ("Toxoplasmosis IgG (-)", "BRAIN_INFECTION", "Toxoplasmosis", NEG),
    "pml-spaced": ("PML ( - )", "BRAIN_INFECTION", "PML", NEG),
    # ------------------------------------------------ near misses
    "er-pr-receptors": ("ER (-), PR (-), HER2+ breast cancer with a new brain metastasis", "BRAIN_METASTASIS",
                        "brain metastasis", NONE),
    "triple-negative": ("Triple-negative breast cancer; two brain metastases on MRI.", "BRAIN_METASTASIS",
                        "brain metastases", NONE),
    "er-pr-slash": ("ER-/PR- breast ca, now with cerebellar metastasis", "BRAIN_METASTASIS", "cerebellar metastasis",
                    NONE),
    "gram-stain": ("Right frontal abscess drained; Gram stain (-), culture pending.", "BRAIN_INFECTION", "abscess",
                   NONE),
    "table-sequence-dash": ("T2/FLAIR - | DWI - | enhancement +", "IMAGING_SEQUENCE", "T2/FLAIR", NONE),
    "seizure-count-dash": ("Seizures - 3 this week, on LEV", "SEIZURE", "Seizures", NONE),
    "hiv-plus": ("HIV (+), CD4 180", "HIV", "HIV", NONE),
    "cd4-value-sign": ("CD4 200 (-)", "LAB", "CD4", NONE),
    "idh-marker": ("Glioblastoma IDH (-)", "GLIOMA", "Glioblastoma", NONE),
    "idh-marker-comma": ("Glioblastoma, IDH (-), MGMT methylated", "GLIOMA", "Glioblastoma", NONE),
    "lymphoma-plus": ("Lymphoma (+) on flow", "CNS_LYMPHOMA", "Lymphoma", NONE),
    "neg-qualifies-next-noun": ("Meningioma neg margins, Simpson grade 1", "BRAIN_TUMOR", "Meningioma", NONE),
    "neg-for-marker": ("Primary CNS lymphoma neg for EBV by ISH", "CNS_LYMPHOMA", "Primary CNS lymphoma", NONE),
    "dash-line-end-wrap": ("Dx: Glioblastoma -\nresected 3/2024, on TMZ", "GLIOMA", "Glioblastoma", NONE),
    "dash-see-below": ("lymphoma - see below", "CNS_LYMPHOMA", "lymphoma", NONE),
    "abscess-plus-after-minus": ("Metastases (-), abscess (+)", "BRAIN_INFECTION", "abscess", NONE),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected"), CASES.values(), ids=CASES.keys())
def test_minus_after_diagnosis(mentions: Callable[..., list[Mention]], text: str, concept: str, span: str,
                               expected: set[str] | None) -> None:
    check_mention(mentions, text, concept, span, expected, among=AMONG)
