"""A treatment named as a planned option does not make an imaging-only tumour known.

HealthHelp's "Brain tumors are known" needs an established tumour: a tumour named only by an imaging read is
suspected unless tissue, a diagnosis made, or tumour treatment (`prior_tumor_treatment`) stands behind it
(pipeline/facts/derive/tumor.py). A treatment in a plan or a list of options ("resection (if feasible) or LITT",
"will plan craniotomy", "Options discussed with family - SRS or re-resection") is no treatment given (context.yaml
cues `hyp.treatment_alternatives_past_aside`, `hyp.treatment_planned`, `hyp.treatment_options_label`), so
`known_brain_tumor` stays suspected; treatment given (near misses) still makes it known.

"c/w" is an imaging read like "consistent with" (facts cue `tumor.imaging_read`): "imaging c/w diffuse glioma"
alone is suspected, as "imaging consistent with diffuse glioma" is.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

P, S = FactStatus.PRESENT, FactStatus.SUSPECTED
KNOWN = "known_brain_tumor"
READ = "MRI brain: left frontal non-enhancing mass, imaging consistent with a diffuse glioma.\n"

# case, text, expected status of known_brain_tumor
CASES = [
    ("aside before vs", READ + "Craniotomy (awake) vs stereotactic biopsy first.\n", S),
    ("aside before or", READ + "Resection (if feasible) or LITT.\n", S),
    ("bracket aside, radiosurgery", READ + "Radiosurgery [Gamma Knife] or craniotomy - tumour board to decide.\n", S),
    ("will plan", READ + "Will plan resection next month pending MRS.\n", S),
    ("we will plan", READ + "We will plan craniotomy after the MRS.\n", S),
    ("plan for", READ + "Plan for gross total resection in January.\n", S),
    ("planning", READ + "Neurosurgery is planning re-resection after the spectroscopy.\n", S),
    ("plan, vs, to be decided", READ + "Plan: maximal safe resection vs biopsy, to be decided at tumour board\n", S),
    ("options discussed, colon", READ + "Options discussed: Gamma Knife, observation, or open surgery.\n", S),
    ("options with family, dash", READ + "Options discussed with family - SRS, WBRT or re-resection.\n", S),
    ("options reviewed include", READ + "Treatment options reviewed with the patient include radiosurgery and "
     "craniotomy.\n", S),
    ("surgical options", READ + "Surgical options: craniotomy (awake) vs stereotactic biopsy first.\n", S),
    # c/w is an imaging read
    ("c/w", "MRI brain: left frontal mass, imaging c/w diffuse glioma.\n", S),
    ("most c/w", "MRI: right temporal T2 hyperintense lesion, most c/w a low-grade glioma.\n", S),
    ("C/W capitals", "IMPRESSION: DURAL-BASED MASS C/W MENINGIOMA.\n", S),
    ("near: consistent with", "MRI brain: left frontal mass, imaging consistent with diffuse glioma.\n", S),
    ("near: c/w and biopsy-proven", "MRI brain: left frontal mass c/w glioma, biopsy-proven in 2024.\n", P),
    # near misses: treatment given makes the tumour known
    ("near: s/p resection with an aside", READ + "s/p resection (GTR) 2024.\n", P),
    ("near: resected with an aside", READ + "Glioma resected (awake) in 2023.\n", P),
    ("near: status post and now on", READ + "Status post craniotomy and radiation, now on TMZ.\n", P),
    ("near: underwent", READ + "Underwent Gamma Knife 03/2025.\n", P),
    ("near: proceed to stays a plan", READ + "Proceed to resection 12/15\n", S),
]


@pytest.mark.parametrize(("case", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_a_planned_treatment_makes_no_tumor_known(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), {KNOWN: expected})
