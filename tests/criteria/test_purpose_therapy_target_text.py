"""HealthHelp 1.d (hh.known_tumor.treatment, "Brain tumors are known and ... d. Treatment planning and response")
is met by a treatment-planning purpose of the MRS only when it plans the tumour's therapy or names no therapy and no
disease (mrs_purpose where therapy_of: [tumor, unspecified]; facts/purpose.py therapy_of; cues.yaml
purpose.therapy_tumor, purpose.therapy_infection, purpose.therapy_other, purpose.therapy_leukodystrophy, concept set
purpose.therapy_disease), end to end on short fresh texts: text -> NLP -> facts -> one policy criterion.

1. Another disease's therapy (an antifungal or antibiotic course, anti-amyloid antibody therapy, chelation, enzyme
   replacement, epilepsy surgery, HSCT or gene therapy) in a packet with a known, incidental or stable tumour: 1.d not
   met.
2. Near misses, met: the tumour's own therapy, a treatment response of the lymphoma, "to guide therapy" with no disease,
   a tumour purpose and another disease's therapy in two sentences; and HealthHelp item 4's therapy
   (hh.leukodystrophy.therapy) is still met by "before HSCT for the adrenoleukodystrophy".

Rows: id, text, node id, expected result. Rows whose id starts with "near" must keep their result.
"""

from __future__ import annotations

import pytest
from text_to_criteria import evaluate_node

from pipeline.contracts import TriState

MET, NOT = TriState.MET, TriState.NOT_MET
HH_D, HH_LEUKO = "hh.known_tumor.treatment", "hh.leukodystrophy.therapy"
MENINGIOMA = "History: incidental left parafalcine meningioma, stable for 6 years.\n"
GLIOMA = "Assessment: known right temporal glioblastoma, resected and irradiated 2025.\n"

CASES: list[tuple[str, str, str, TriState]] = [
    # 1. another disease's therapy
    ("antifungal", MENINGIOMA + "MRS (76390) requested to decide whether antifungal treatment can stop.", HH_D, NOT),
    ("antibiotic, caps", MENINGIOMA + "PLAN: MR SPECTROSCOPY TO GUIDE ANTIBIOTIC THERAPY.", HH_D, NOT),
    ("antiparasitic, form field", MENINGIOMA + "Reason for MRS: to guide antiparasitic treatment.", HH_D, NOT),
    ("anti-amyloid", MENINGIOMA + "MRS requested to decide whether to start anti-amyloid antibody therapy.", HH_D,
     NOT),
    ("chelation, British", "Known pituitary macroadenoma, unchanged.\nSpectroscopy is requested to guide chelation "
     "therapy.", HH_D, NOT),
    ("enzyme replacement, parentheses", MENINGIOMA + "MRS (76390) to guide therapy (enzyme replacement).", HH_D, NOT),
    ("epilepsy surgery", "Known low-grade glioma, stable.\nMR spectroscopy requested to decide whether to proceed "
     "to epilepsy surgery.", HH_D, NOT),
    ("HSCT, no disease named", MENINGIOMA + "MRS (76390) requested before HSCT.", HH_D, NOT),
    ("gene therapy, line wrap", MENINGIOMA + "MR spectroscopy to establish eligibility for gene\ntherapy.", HH_D,
     NOT),
    ("antiviral, abbreviation", MENINGIOMA + "MRS req'd to guide the antiviral treatment.", HH_D, NOT),
    # 2. near misses: the tumour's therapy, or none named
    ("near: radiotherapy planning", GLIOMA + "MRS (76390) requested for radiotherapy planning.", HH_D, MET),
    ("near: re-irradiation of the glioma", GLIOMA + "MRS requested to decide on re-irradiation of the glioma.", HH_D,
     MET),
    ("near: response of the lymphoma", "Known primary CNS lymphoma on methotrexate.\nMRS (76390) requested to "
     "assess treatment response of the lymphoma.", HH_D, MET),
    ("near: guide therapy, unspecified", GLIOMA + "MRS (76390) requested to guide therapy.", HH_D, MET),
    ("near: treatment planning, form field", GLIOMA + "Reason for MRS: treatment planning.", HH_D, MET),
    ("near: tumour and antifungal, two sentences", GLIOMA + "MRS (76390) requested for radiotherapy planning. "
     "Spectroscopy will also help us decide whether antifungal treatment can stop.", HH_D, MET),
    ("near: bevacizumab", GLIOMA + "MR spectroscopy is requested to guide therapy (bevacizumab versus lomustine).",
     HH_D, MET),
    ("near: HSCT for the leukodystrophy meets item 4", "MRI indeterminate. MRS requested before HSCT for the "
     "adrenoleukodystrophy.", HH_LEUKO, MET),
    ("near: gene therapy meets item 4", "Metachromatic leukodystrophy suspected; MRI non-diagnostic.\nMR "
     "spectroscopy to establish eligibility for gene therapy.", HH_LEUKO, MET),
]


@pytest.mark.parametrize(("case", "text", "node", "expected"), CASES, ids=[c[0] for c in CASES])
def test_hh_treatment_planning_of_the_tumour(analyze, case, text, node, expected):  # type: ignore[no-untyped-def]
    assert evaluate_node(analyze, text, "healthhelp", node) == expected
