"""A remote, cured tumor and a lay worry, end to end on short fresh texts: text -> NLP -> facts -> one criterion.

HealthHelp "1. Brain tumors are known" and Excellus "3. Evidence or suspicion of primary or secondary neoplasm" open
on neither a tumor long over (dated far before the request, at a childhood age, care ended, a personal-history code,
the same history told again on a problem list or a form option; five years or more before, or a childhood age beside
a later one, when current imaging states no residual or recurrent tumor) nor a worry voiced by the patient or the
family. A
tumor treated or followed now, or whose recurrence is in question, meets both; a clinician's worry is suspicion.
"""

from __future__ import annotations

import pytest
from text_to_criteria import facts_of, policy_node

from pipeline.contracts import TriState
from pipeline.criteria import Evaluation

MET, NOT = TriState.MET, TriState.NOT_MET

CASES = [
    # case, text, HealthHelp "known", Excellus "evidence or suspicion"
    ("childhood tumor, care ended", "Request date: 11/20/2026\nPMH: pilocytic astrocytoma removed at age 7 (2004), "
     "discharged from neurosurgery follow-up.\nHPI: new daily headaches.\n", NOT, NOT),
    ("tumor dated far before the request", "Request date: 11/20/2026\nPMH: meningioma excised 2010; surveillance "
     "discontinued 2016.\n", NOT, NOT),
    ("code and a problem list", "Dx: Z86.011 Personal history of benign neoplasm of the brain\nProblem list: "
     "hx brain tumor, migraine\n", NOT, NOT),
    ("form option beside a remote history", "Request date: 11/20/2026\nIndication: [X] Tumor evaluation/surveillance"
     "\nPMH: craniopharyngioma resected at age 9, cured.\n", NOT, NOT),
    ("a family's worry", "Parents are worried about a brain tumor; exam is nonfocal.\n", NOT, NOT),
    # a tumor treated long ago whose current imaging states no residual or recurrent tumor: fewer years suffice
    # (resolved_course.remote.confirmed_min_years), also for a childhood age beside a later one
    ("childhood tumor, clean imaging now", "HPI: 16-year-old with new daily headaches.\nPMH: pilocytic "
     "astrocytoma resected age 9, GTR.\nMRI brain 10/2026 impression: no residual or recurrent tumor.\n", NOT, NOT),
    ("history line without a header, clean imaging", "Pilocytic astrocytoma resected at age 8, gross total "
     "resection.\nNow 15 years old with migraines.\nMRI 10/2026: No residual or recurrent tumor.\n", NOT, NOT),
    ("dated seven years back, clean imaging", "Request date: 11/20/2026\nHPI: 58-year-old with a first seizure.\n"
     "PMH: meningioma resected 2019.\nMRI brain 10/2026 impression: no evidence of residual or recurrent "
     "tumor.\n", NOT, NOT),
    ("removed age 6, no recurrence", "History: medulloblastoma removed age 6, then craniospinal radiation.\nHPI: "
     "17-year-old with memory decline.\nMRI 10/2026: no recurrence.\n", NOT, NOT),
    ("near miss: treated now", "Request date: 11/20/2026\nGlioblastoma resected 2024, on adjuvant temozolomide.\n",
     MET, MET),
    ("near miss: recurrence in question", "Request date: 11/20/2026\nMeningioma resected 2012; MRI now shows a "
     "dural-based mass concerning for recurrence.\n", MET, MET),
    ("near miss: resected two years ago, clean imaging", "HPI: 17-year-old with headaches.\nPMH: pilocytic "
     "astrocytoma resected age 15, GTR.\nMRI brain 10/2026 impression: no residual or recurrent tumor.\n", MET, MET),
    ("near miss: childhood tumor, no current read", "HPI: 16-year-old with new daily headaches.\nPMH: pilocytic "
     "astrocytoma resected age 9, GTR.\nMRI brain 10/2026 impression: stable postoperative changes.\n", MET, MET),
    ("near miss: clean imaging on surveillance", "HPI: 16-year-old with headaches.\nPMH: pilocytic astrocytoma "
     "resected age 9, on annual surveillance.\nMRI brain 10/2026 impression: no residual or recurrent tumor.\n",
     MET, MET),
    ("near miss: a clinician's worry", "The radiologist is worried about a tumor in the left thalamus.\n", NOT, MET),
]


@pytest.mark.parametrize(("case", "text", "healthhelp", "excellus"), CASES, ids=[c[0] for c in CASES])
def test_a_remote_tumor_or_a_worry_is_not_a_known_tumor(analyze, case, text, healthhelp, excellus):  # type: ignore[no-untyped-def]
    evaluation = Evaluation(facts_of(analyze, text))
    assert evaluation.run(policy_node("healthhelp", "hh.known_tumor.known")[0], role="indication") is healthhelp
    assert evaluation.run(policy_node("excellus", "exc.neoplasm")[0], role="indication") is excellus
