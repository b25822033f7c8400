"""A question about what a scan could show names no study.

A family's or a clinician's question about what imaging might tell ("whether a scan can tell Alzheimer's from small
strokes", "asks if imaging could show a tumour or scarring") holds an IMAGING mention hedged by the question itself,
with no modality and no date. It is no citation of a study done, so the differential it weighs is no study's open
read and cannot join the packet's latest MRI (facts/imaging.py _citation_drafts): conventional_imaging_inconclusive
keeps the verdict of the report in the packet.

Near misses keep their reading: a hedged study that names its modality and date ("?CT 10/02/2026 ... glioma versus
infarct"), a clinician's statement that the done MRI cannot tell two diagnoses apart.

Limit: a direct question without "whether" or "if" ("Can a scan tell dementia from mini strokes?") carries no
hedge on the scan and is not covered.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, paged_facts_of

from pipeline.contracts import FactStatus

A, P = FactStatus.ABSENT, FactStatus.PRESENT
PAGE = "\n\f\n"
REPORT = ("MRI BRAIN WITHOUT CONTRAST 10/14/2026\nIndication: memory loss\nFindings: Generalized volume loss with "
          "hippocampal atrophy. Mild periventricular white matter change.\nIMPRESSION: Atrophy pattern typical of "
          "Alzheimer disease. No mass. No acute infarct.\n")
PLAN = "\nPlan: MR spectroscopy (CPT 76390).\n"

CASES: list[tuple[str, str, FactStatus]] = [
    ("daughter asks whether a scan can tell",
     "Her son asks whether a scan could tell Alzheimer's from \"little strokes.\"", A),
    ("wife wonders if imaging could show",
     "Wife wonders if imaging could show a tumour versus scarring.", A),
    ("patient asks if any test could separate",
     "Patient asks whether any scan might separate vascular dementia from Alzheimer disease.", A),
    ("husband asked, lower case",
     "husband asked whether imaging can tell infarcts from a growth.", A),
    ("asks about a scan to tell apart, British",
     "Daughter asked whether a scan would tell Alzheimer's apart from small strokes or a tumour.", A),
    ("the caller asks if a brain scan could say",
     "The caller asks if a brain scan could say whether this is a stroke or a tumor.", A),
    ("clinician wonders whether imaging could help",
     "I wonder whether imaging could help separate a neurodegenerative process from vascular injury.", A),
    # near misses
    ("near miss: a dated hedged CT",  # after the MRI: a later definite MRI would answer it (test_later_read_settles_study)
     "?CT head 10/20/2026 read as possible glioma versus subacute infarct.", P),
    ("near miss: the done MRI cannot tell",
     "The MRI of 10/14/2026 cannot distinguish low-grade glioma from infarct.", P),
]


@pytest.mark.parametrize(("case", "note", "inconclusive"), CASES, ids=[c[0] for c in CASES])
def test_a_question_about_a_scan_names_no_study(analyze: Any, case: str, note: str, inconclusive: FactStatus) -> None:
    text = "HPI: 81-year-old with three years of progressive memory loss.\n" + note + "\n" + PAGE + REPORT + PLAN
    facts = paged_facts_of(analyze, text + REQUEST_TAIL)
    fact = facts.facts["conventional_imaging_inconclusive"]
    assert fact.status == inconclusive, (fact.note, [(e.text, e.attributes.get("verdict")) for e in fact.evidence])
