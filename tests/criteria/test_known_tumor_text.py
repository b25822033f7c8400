"""A "known" brain tumor, end to end on short fresh texts: text -> NLP -> facts -> one policy criterion.

HealthHelp: "1. Brain tumors are known and ANY of the following" needs an established tumor: a suspected one (a
lesion with a differential, "concerned for", a form's "r/o"), an excluded one and a remote, resolved one do not
meet it. Excellus: "3. Evidence or suspicion of primary or secondary neoplasm (pretreatment and posttreatment)"
still opens on suspicion, but not on a tumor the text excludes or one that is long over.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from text_to_criteria import facts_of, policy_node

from pipeline.contracts import TriState
from pipeline.criteria import Evaluation

REPO = Path(__file__).resolve().parents[2]
MET, NOT = TriState.MET, TriState.NOT_MET


CASES = [
    # case, text, HealthHelp "known", Excellus "evidence or suspicion"
    ("a mass with a differential", "MRI: right frontal mass, concerned for a high-grade glioma; lymphoma cannot be "
     "excluded.\n", NOT, MET),
    ("a form code with r/o", "Dx: D49.6 neoplasm of unspecified behavior of brain (r/o GBM)\n", NOT, MET),
    ("remote and resolved", "Pilocytic astrocytoma resected in childhood, no recurrence. MRI now: nonspecific "
     "white matter lesions.\n", NOT, NOT),
    ("a personal-history code", "Diagnoses: Z85.841 Personal history of malignant neoplasm of brain.\n", NOT, NOT),
    ("excluded by the work-up", "Primary CNS lymphoma not supported by CSF flow cytometry; tumefactive "
     "demyelination favored.\n", NOT, NOT),
    ("near miss: treated tumor in question", "Glioblastoma resected 06/2026, on adjuvant temozolomide. New "
     "enhancement: recurrence versus radiation necrosis.\n", MET, MET),
    ("near miss: under surveillance", "Surveillance MRI for her treated GBM.\n", MET, MET),
    ("near miss: a resolved tumor that may have come back", "Remote history of meningioma; now a new dural-based "
     "mass concerning for recurrent meningioma.\n", MET, MET),
]


@pytest.mark.parametrize(("case", "text", "healthhelp", "excellus"), CASES, ids=[c[0] for c in CASES])
def test_a_known_tumor_and_a_suspected_one(analyze, case, text, healthhelp, excellus):  # type: ignore[no-untyped-def]
    facts = facts_of(analyze, text)
    evaluation = Evaluation(facts)
    assert evaluation.run(policy_node("healthhelp", "hh.known_tumor.known")[0], role="indication") is healthhelp
    assert evaluation.run(policy_node("excellus", "exc.neoplasm")[0], role="indication") is excellus


SUSPICION = [
    # case, text, HealthHelp "known", Florida Blue "differentiate brain tumor from other non-tumor diagnoses"
    ("tumor versus abscess", "MRI: ring-enhancing right parietal lesion, glioblastoma versus abscess.\n", NOT, MET),
    ("tumor versus demyelination, form r/o", "Dx: R90.0 intracranial mass (r/o glioma vs tumefactive "
     "demyelination)\nMRI: enhancing left frontal mass; glioma versus tumefactive demyelination.\n", NOT, MET),
    ("near miss: the tumor is excluded", "MRI: ring-enhancing lesion. Glioblastoma excluded on biopsy; abscess "
     "confirmed.\n", NOT, NOT),
]


@pytest.mark.parametrize(("case", "text", "healthhelp", "florida_blue"), SUSPICION, ids=[c[0] for c in SUSPICION])
def test_a_suspected_tumor_opens_the_criteria_that_accept_suspicion(analyze, case, text, healthhelp, florida_blue):  # type: ignore[no-untyped-def]
    facts = facts_of(analyze, text)
    evaluation = Evaluation(facts)
    assert evaluation.run(policy_node("healthhelp", "hh.known_tumor.known")[0], role="indication") is healthhelp
    assert evaluation.run(policy_node("florida-blue", "fb.lesion_tumor_vs_nontumor")[0], role="indication") is florida_blue
