"""Cohere's documentation elements read from their content, end to end on short fresh texts: text -> NLP -> facts
-> one criterion. "Documentation must include a recent and detailed history, physical examination related to the
onset or change in symptoms ...": an empty or deferred section is not the element; an examination or history
written in prose with no header is. Rows marked "near miss" must keep their result."""

from __future__ import annotations

from pathlib import Path

import pytest
from text_to_criteria import evaluate_node

from pipeline.contracts import TriState

REPO = Path(__file__).resolve().parents[2]
MET, UNK = TriState.MET, TriState.UNKNOWN


EXAM = [
    ("EHR export: exam deferred",
     "HPI: 61-year-old man with two weeks of word-finding pauses.\nPHYSICAL EXAM: Deferred.\n"
     "ASSESSMENT/PLAN: indeterminate left temporal lesion; MRS (76390).\n", UNK),
    ("telehealth note: no exam",
     "Subjective: headaches for a month, worse on waking.\nObjective: Video visit - no physical examination.\n"
     "Plan: MR spectroscopy.\n", UNK),
    ("exam to be done at next visit",
     "History of present illness: new focal seizures.\nNeurological examination: to be completed at the next "
     "appointment.\nPlan: MRS (76390).\n", UNK),
    ("referral letter: exam in prose",
     "Dear Colleague, I saw this 47-year-old joiner today with a six-week history of clumsiness of the left hand. "
     "On examination he was alert and orientated, pupils equal and reactive, with a mild left pronator drift and "
     "power 4/5 in the left hand. I would be grateful for MR spectroscopy (76390).\n", MET),
    ("run-on dictation: neuro exam nonfocal",
     "patient seen in clinic today for follow up of headaches neuro exam nonfocal mri shows a ring enhancing "
     "lesion plan mrs 76390\n", MET),
    ("labelled lines with no exam header",
     "Seen today for two months of headaches.\nGeneral: alert and oriented x3, in no distress.\nMotor: power 5/5 "
     "throughout, reflexes symmetric.\nMRS (76390) requested.\n", MET),
    ("near miss: chemotherapy abandoned, nothing examined",
     "Chemotherapy was abandoned because of toxicity in 2025. MRS (76390) requested to grade the tumour.\n", UNK),
    ("near miss: exam section with findings",
     "HPI: seizures for three months.\nEXAM: Alert. Cranial nerves intact. Strength 5/5 throughout.\n"
     "PLAN: MRS (76390).\n", MET),
    ("near miss: exam partly deferred, findings given",
     "HPI: headaches.\nExamination: fundoscopy deferred (no dilating drops). Alert, oriented x3, gait steady.\n"
     "Plan: MRS (76390).\n", MET),
    ("near miss: a radiology report is not an exam",
     "MRI BRAIN 10/01/2026\nFINDINGS: The cranial nerves are unremarkable. Enhancing mass in the left frontal "
     "lobe.\nIMPRESSION: Enhancing mass.\nCPT 76390\n", UNK),
]


@pytest.mark.parametrize(("case", "text", "expected"), EXAM, ids=[c[0] for c in EXAM])
def test_cohere_physical_examination(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    assert evaluate_node(analyze, text, "cohere", "coh.doc.exam") is expected


HISTORY = [
    ("referral letter: history in prose",
     "Dear Dr Osei, thank you for seeing Mrs Hale, whom I reviewed today with a two-month history of "
     "progressive word-finding difficulty. I would be grateful for MR spectroscopy (76390).\n", MET),
    ("terse fax: presented with",
     "Pt presented with first generalized seizure 10/02/2026. MRI: nonenhancing L insular lesion. "
     "Req MRS 76390.\n", MET),
    ("near miss: history section with content",
     "HPI: three weeks of headache and vomiting.\nPlan: MRS (76390).\n", MET),
    ("near miss: a radiology indication is not a history",
     "MRI BRAIN 10/01/2026\nINDICATION: three-week history of headaches.\nFINDINGS: Mass.\nIMPRESSION: Mass.\n"
     "CPT 76390\n", UNK),
]


@pytest.mark.parametrize(("case", "text", "expected"), HISTORY, ids=[c[0] for c in HISTORY])
def test_cohere_history(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    assert evaluate_node(analyze, text, "cohere", "coh.doc.history") is expected
