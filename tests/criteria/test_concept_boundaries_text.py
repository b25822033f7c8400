"""Concept boundaries end to end on short fresh texts: text -> NLP -> facts -> policy criteria.

An acquired leukoencephalopathy (a stated cause: treatment-related, methotrexate, chemotherapy, radiation, toxic,
post-hypoxic, hypertensive or posterior reversible, HIV or PML) is the fact `leukodystrophy` with `cause:
acquired`, and no payer's inborn-error, congenital-condition or leukodystrophy criterion takes it (Highmark WV
"inborn errors of metabolism, including ... leukoencephalopathies of childhood", Excellus "rare inborn errors of
metabolism affecting the CNS", Cohere "inherited metabolic disorders ... leukodystrophies", HealthHelp's eight
listed leukodystrophies; annotations/ADJUDICATIONS.md). Florida Blue's "brain lesion to differentiate brain tumor
from other non-tumor diagnoses" needs a non-tumor diagnosis weighed against the tumor, not an edema or hemorrhage
the lesion shows.
"""

from __future__ import annotations

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of, policy_node

from pipeline.contracts import TriState
from pipeline.criteria import Evaluation

MET, NOT = TriState.MET, TriState.NOT_MET

LEUKO_NODES = [("highmark-wv", "hwv.inborn_error.leukoencephalopathy"),
               ("excellus", "exc.inborn_error.leukodystrophy"),
               ("cohere", "coh.congenital.inherited")]

LEUKOENCEPHALOPATHY = [
    # case, text, Highmark WV / Excellus / Cohere leukodystrophy criteria, HealthHelp's listed leukodystrophy
    ("methotrexate", "Assessment: methotrexate leukoencephalopathy after intrathecal therapy for ALL.", NOT, NOT),
    ("treatment-related, cause after", "Impression: diffuse leukoencephalopathy, treatment-related, following "
     "cranial radiation and high-dose methotrexate.", NOT, NOT),
    ("secondary to", "Leukoencephalopathy secondary to high-dose methotrexate, improving.", NOT, NOT),
    ("likely related to", "MRI: extensive leukoencephalopathy, likely related to prior cranial radiation.", NOT,
     NOT),
    ("treatment-related, cause before", "Treatment-related leukoencephalopathy in a survivor of medulloblastoma.",
     NOT, NOT),
    ("posterior reversible", "Posterior reversible leukoencephalopathy syndrome on cyclosporine.", NOT, NOT),
    ("radiation", "Radiation-induced leukoencephalopathy after whole brain radiation in 2024.", NOT, NOT),
    ("delayed post-hypoxic", "Delayed post-hypoxic leukoencephalopathy after carbon monoxide poisoning.", NOT, NOT),
    ("toxic", "Toxic leukoencephalopathy from inhaled heroin.", NOT, NOT),
    ("hypertensive", "Hypertensive leukoencephalopathy in the setting of eclampsia.", NOT, NOT),
    ("HIV", "HIV-related leukoencephalopathy, viral load rising.", NOT, NOT),
    ("told again on the MRI", "MRI impression: confluent symmetric leukoencephalopathy.\nAssessment: "
     "chemotherapy-induced leukoencephalopathy.", NOT, NOT),
    ("near miss: metachromatic leukodystrophy", "Metachromatic leukodystrophy, ARSA activity low.", MET, MET),
    ("near miss: vanishing white matter disease", "Vanishing white matter disease is suspected.", MET, MET),
    ("near miss: no cause stated", "Leukoencephalopathy of unknown cause in a 3-year-old with regression.", MET,
     NOT),
    # a panel sent alone names no finding (tests/facts/test_pending_screens_known_dx_facts.py); the suspicion does
    ("near miss: a panel sent", "Leukodystrophy suspected; panel sent.", MET, NOT),
    ("near miss: acquired versus inherited", "MRI: diffuse leukoencephalopathy.\nAssessment: methotrexate toxicity "
     "versus an inherited leukodystrophy; panel sent.", MET, NOT),
]


@pytest.mark.parametrize(("case", "text", "inborn", "listed"), LEUKOENCEPHALOPATHY,
                         ids=[c[0] for c in LEUKOENCEPHALOPATHY])
def test_an_acquired_leukoencephalopathy_is_no_inborn_error(analyze, case, text, inborn, listed):  # type: ignore[no-untyped-def]
    evaluation = Evaluation(facts_of(analyze, text + REQUEST_TAIL))
    for payer, node_id in LEUKO_NODES:
        node, role = policy_node(payer, node_id)
        assert evaluation.run(node, role=role) is inborn, (payer, node_id)
    node, role = policy_node("healthhelp", "hh.leukodystrophy.condition")
    assert evaluation.run(node, role=role) is listed


LESION_FEATURES = [
    # case, text, Florida Blue "differentiate brain tumor from other non-tumor diagnoses"
    ("edema around a mass", "MRI: enhancing right frontal mass with surrounding vasogenic edema, suspicious for "
     "metastasis versus primary glioma.", NOT),
    ("perilesional edema", "MRI: ring-enhancing lesion with perilesional edema; metastasis vs high-grade glioma.",
     NOT),
    ("intratumoral hemorrhage", "MRI: parietal mass with intratumoral hemorrhage, glioblastoma versus hemorrhagic "
     "metastasis.", NOT),
    ("near miss: abscess", "MRI: ring-enhancing lesion with surrounding edema, metastasis versus abscess.", MET),
    ("near miss: demyelination", "MRI: enhancing left frontal mass; glioma vs tumefactive demyelination.", MET),
    ("near miss: infarct", "MRI: nonenhancing insular lesion, neoplasm vs subacute infarct.", MET),
]


@pytest.mark.parametrize(("case", "text", "florida_blue"), LESION_FEATURES, ids=[c[0] for c in LESION_FEATURES])
def test_a_feature_of_the_lesion_is_no_nontumor_diagnosis(analyze, case, text, florida_blue):  # type: ignore[no-untyped-def]
    node, role = policy_node("florida-blue", "fb.lesion_tumor_vs_nontumor")
    assert Evaluation(facts_of(analyze, text + REQUEST_TAIL)).run(node, role=role) is florida_blue
