"""A treatment recommended, accepted-if or planned does not make an imaging-only tumour known.

HealthHelp's "Brain tumors are known" needs an established tumour (pipeline/facts/derive/tumor.py): a treatment
only recommended ("Tumour board: radiosurgery recommended": `hyp.treatment_recommended_after`), accepted on a
condition ("he would accept radiotherapy": `hyp.would_consequence`), named by a planning study ("the SRS planning
MRI": `hyp.treatment_planning_study`) or by a protocol ("our protocol: MRS before SRS for every meningioma":
`hyp.treatment_protocol`) is no prior tumour treatment, and a tumour whose aside says it rests on imaging only
("meningioma (presumed on imaging; no biopsy)": `poss.imaging_only_aside`) is suspected. Near misses: treatment
given and a tumour proven by tissue stay known.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

P, S = FactStatus.PRESENT, FactStatus.SUSPECTED
KNOWN = "known_brain_tumor"
READ = "MRI brain: left frontal non-enhancing mass, imaging consistent with a diffuse glioma.\n"

CASES = [
    ("would accept", READ + "He would accept radiotherapy.\n", S),
    ("if, would accept", READ + "If MRS shows high grade, he would accept radiotherapy.\n", S),
    ("board: recommended", READ + "Tumour board: radiosurgery recommended\n", S),
    ("recommended by conference", READ + "SRS recommended by skull-base conference 11/23\n", S),
    ("was recommended", READ + "Resection was recommended at the MDT.\n", S),
    ("SRS planning MRI", READ + "MRS at the SRS planning MRI.\n", S),
    ("Gamma Knife planning scan", READ + "MRS at the Gamma Knife planning scan\n", S),
    ("our protocol", READ + "Our protocol: MRS before SRS for every meningioma.\n", S),
    ("presumed on imaging aside", "MRI brain: dural-based extra-axial mass.\nLeft convexity meningioma (presumed on "
     "imaging; no biopsy).\n", S),
    ("radiological diagnosis aside", "MRI: cerebellopontine angle mass.\nVestibular schwannoma (radiological "
     "diagnosis, not biopsied).\n", S),
    # near misses
    ("near: s/p SRS", READ + "s/p SRS 2024\n", P),
    ("near: underwent", READ + "underwent Gamma Knife 03/2025\n", P),
    ("near: recommended and delivered", READ + "Radiosurgery recommended in 2022 and delivered 03/2023.\n", P),
    ("near: accepted and completed", READ + "The patient accepted radiotherapy and completed 30 fractions.\n", P),
    ("near: biopsy-proven aside", "MRI brain: left frontal mass.\nHer glioma (biopsy-proven 2023).\n", P),
    ("near: GBM resected", READ + "GBM, resected 2024.\n", P),
    ("near: proceed to stays a plan", READ + "Proceed to SRS 12/15\n", S),
]


@pytest.mark.parametrize(("case", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_treatment_not_given_makes_no_tumor_known(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), {KNOWN: expected})
