"""Concept boundaries on short fresh texts: what a word names decides which fact it may give.

A symptom that comes back is not tumor recurrence ("seizures recurred", "Sz recurred", "recurrence of headaches":
target rule look.symptom_recurrence, concept SYMPTOM_COURSE). What a lesion shows is not a diagnosis weighed
against it ("mass with surrounding vasogenic edema", "intratumoral hemorrhage": ddx.lesion_feature, concept
LESION_FEATURE), so a differential of tumor versus tumor is no tumor-versus-non-tumor differential. A
leukoencephalopathy with a stated acquired cause is the fact `leukodystrophy` with `cause: acquired`
(leuko.acquired), also where the packet tells it again bare (facts.yaml `restated`, cue leukodystrophy.restated).
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

PRESENT, SUSPECTED, ABSENT, ND = (FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT,
                                  FactStatus.NOT_DOCUMENTED)

SYMPTOM_RECURRENCE = [
    # case, text, recurrent_or_residual_tumor
    ("seizures recurred, dated", "Known glioma. Seizures recurred in 2018 after levetiracetam was tapered.", ND),
    ("abbreviated Sz", "Oligodendroglioma resected 2022. Sz recurred last week; levetiracetam increased.", ND),
    ("have recurred", "Glioblastoma on temozolomide. Her headaches have recurred and are worse on waking.", ND),
    ("recurrence of a symptom", "Low-grade astrocytoma, biopsied 2024. Recurrence of focal seizures since "
     "October.", ND),
    ("symptom recurrence", "Meningioma resected 2021; seizure recurrence after a missed dose.", ND),
    ("relapse of auras", "Brain metastasis from melanoma, s/p SRS. Relapse of the auras this month.", ND),
    ("syncope recurred", "Ependymoma resected 2020. Syncope recurred twice in November.", ND),
    ("migraines then recurred", "Glioma s/p resection 2019. The migraines then recurred in 2023.", ND),
    ("near miss: tumor recurred", "Glioblastoma resected 2023; tumor recurred in 2025 and was re-resected.",
     PRESENT),
    ("near miss: recurrent GBM beside a symptom", "Recurrent GBM, on bevacizumab; seizures recurred last week.",
     PRESENT),
    ("near miss: recurrence at the margin", "Astrocytoma resected 2019. New nodular enhancement concerning for "
     "recurrence at the resection margin.", SUSPECTED),
    ("near miss: bare recurred of a glioma", "Oligodendroglioma resected 2015, recurred 2021 (glioma), "
     "re-resected.", PRESENT),
    ("near miss: both in one sentence", "Glioma resected 2020. Seizures recurred, and MRI shows tumor "
     "recurrence.", PRESENT),
]


@pytest.mark.parametrize(("case", "text", "expected"), SYMPTOM_RECURRENCE, ids=[c[0] for c in SYMPTOM_RECURRENCE])
def test_a_symptom_that_comes_back_is_not_tumor_recurrence(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), {"recurrent_or_residual_tumor": expected})


@pytest.mark.parametrize("text", ["Seizures recurred in 2018.", "Sz recurred after the taper.",
                                  "Recurrence of seizures since October."])
def test_the_symptom_whose_course_it_is_stays(fragment_facts, text):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), {"seizures": PRESENT})


LESION_FEATURES = [
    # case, text, tumor_vs_nontumor_differential, its alternatives when present
    ("edema around a mass, tumor versus tumor", "Enhancing right frontal mass with surrounding vasogenic edema, "
     "suspicious for metastasis versus primary glioma.", ND, None),
    ("perilesional edema and mass effect", "Ring-enhancing lesion with perilesional edema and mass effect; "
     "metastasis vs high-grade glioma.", ND, None),
    ("peritumoral edema in a list", "Left temporal mass, peritumoral edema, differential includes glioblastoma and "
     "lymphoma.", ND, None),
    ("intratumoral hemorrhage", "Large parietal mass with intratumoral hemorrhage: glioblastoma vs hemorrhagic "
     "metastasis.", ND, None),
    ("hemorrhage into a tumor", "Heterogeneous occipital mass; cannot exclude hemorrhage into a primary tumor "
     "versus a metastasis.", ND, None),
    ("edema after a comma", "Cerebellar mass, vasogenic edema and effacement of the fourth ventricle; metastasis "
     "versus hemangioblastoma.", ND, None),
    ("associated edema, favoring one tumor", "Thalamic lesion with associated edema, favor glioblastoma over "
     "lymphoma.", ND, None),
    ("near miss: abscess beside the edema", "Enhancing lesion with edema, metastasis versus abscess.", PRESENT,
     ["abscess"]),
    ("near miss: tumefactive demyelination", "Left frontal mass: glioma vs tumefactive demyelination.", PRESENT,
     None),
    ("near miss: infarct", "Nonenhancing insular lesion, neoplasm vs subacute infarct.", PRESENT, ["other"]),
    ("near miss: hemorrhage is the diagnosis", "Parietal lesion consistent with hemorrhage versus hemorrhagic "
     "metastasis.", PRESENT, ["other"]),
    ("near miss: edema weighed as the finding", "Possible tumor versus vasogenic edema from the adjacent "
     "cavernoma.", PRESENT, None),
]


@pytest.mark.parametrize(("case", "text", "expected", "alternatives"), LESION_FEATURES,
                         ids=[c[0] for c in LESION_FEATURES])
def test_a_feature_of_the_lesion_is_not_its_nontumor_alternative(fragment_facts, case, text, expected, alternatives):  # type: ignore[no-untyped-def]
    facts = fragment_facts(text)
    check_facts(facts, {"tumor_vs_nontumor_differential": expected})
    if alternatives is not None:
        assert facts.facts["tumor_vs_nontumor_differential"].attributes.get("alternative") == alternatives


ACQUIRED_LEUKOENCEPHALOPATHY = [
    # case, text, leukodystrophy status, the causes its counted evidence carries
    ("methotrexate, cause before", "Methotrexate leukoencephalopathy after intrathecal chemotherapy for ALL.",
     PRESENT, {"acquired"}),
    ("treatment-related", "Treatment-related leukoencephalopathy, first seen on MRI 09/2026.", PRESENT,
     {"acquired"}),
    ("cause after: secondary to", "Diffuse leukoencephalopathy secondary to high-dose methotrexate.", PRESENT,
     {"acquired"}),
    ("cause after, hedged", "Confluent leukoencephalopathy, likely related to prior cranial radiation.", PRESENT,
     {"acquired"}),
    ("delayed post-hypoxic", "Delayed post-hypoxic leukoencephalopathy three weeks after a cardiac arrest.",
     PRESENT, {"acquired"}),
    ("toxic", "Toxic leukoencephalopathy from heroin vapor inhalation.", PRESENT, {"acquired"}),
    ("posterior reversible", "Posterior reversible leukoencephalopathy syndrome on tacrolimus.", PRESENT,
     {"acquired"}),
    ("HIV", "HIV-associated leukoencephalopathy, CD4 count 40.", PRESENT, {"acquired"}),
    ("near miss: PML is an infection", "Progressive multifocal leukoencephalopathy in a patient on natalizumab.",
     ND, set()),
    ("told again bare", "MRI impression: symmetric confluent leukoencephalopathy.\nAssessment: chemotherapy-induced "
     "leukoencephalopathy.", PRESENT, {"acquired"}),
    ("near miss: named leukodystrophy", "Metachromatic leukodystrophy confirmed by low ARSA enzyme activity.",
     PRESENT, {"inherited"}),
    ("near miss: vanishing white matter", "Vanishing white matter disease suspected.", SUSPECTED, {"inherited"}),
    ("near miss: no cause stated", "Leukoencephalopathy of unknown cause in a 3-year-old.", PRESENT, {"unstated"}),
    ("near miss: a toxin weighed against an inherited one", "MRI: diffuse leukoencephalopathy.\nAssessment: "
     "methotrexate toxicity versus an inherited leukodystrophy; panel sent.", PRESENT, {"unstated"}),
]


@pytest.mark.parametrize(("case", "text", "expected", "causes"), ACQUIRED_LEUKOENCEPHALOPATHY,
                         ids=[c[0] for c in ACQUIRED_LEUKOENCEPHALOPATHY])
def test_an_acquired_leukoencephalopathy_carries_its_cause(fragment_facts, case, text, expected, causes):  # type: ignore[no-untyped-def]
    facts = fragment_facts(text)
    check_facts(facts, {"leukodystrophy": expected})
    assert set(facts.facts["leukodystrophy"].attributes.get("cause", [])) == causes
