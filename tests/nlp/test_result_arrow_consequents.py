"""In a plan, the diagnosis after an arrow from a result is one branch of a conditional: hypothetical.

A plan that says what each possible MRS (or other test) result would mean writes the result, an arrow, and the
diagnosis it would point to: "low choline, lactate -> treat as abscess; high choline -> metastasis, stage as IV",
"Cho/NAA > 2 -> high-grade glioma, resect", "positive -> lymphoma protocol". The diagnosis after the arrow is the
consequent of a result not yet known, not the patient's diagnosis (cue hyp.plan_branch_result in
pipeline/nlp/resources/cues.yaml, read in pipeline/nlp/extract.py beside hyp.plan_branch, which reads the term
BEFORE an arrow). Rule: in a plan section, a target right after an arrow whose left side, back to the clause's start
on that line, names a result (a metabolite, a peak or ratio, a level word, positive/negative, a pattern) and tells
no past finding (showed, revealed, was ...).

Near misses keep their reading: a history's timeline arrow ("02/2021 seizures -> MRI: glioma"); an arrow from a
result that was found ("MRS 2025 showed high choline -> biopsy-proven GBM"); a plan arrow from an action, not a
result ("stop steroids -> repeat MRI"); the term before the arrow in a plan (already a branch); an arrow to the
item's own answer ("r/o metastasis -> closed").
"""

from __future__ import annotations

from typing import Any

import pytest

CASES = [
    # id, text, span, hypothetical
    ("choline after an abscess branch, wrapped",
     "A/P:\n2. MRS ordered: lactate/\namino-acid peaks with low choline -> treat as abscess; high\ncholine -> "
     "metastasis, stage as IV, SRS planning.\n", "metastasis", True),
    ("choline, indented continuation",
     "A/P:\n2. MRS ordered: lactate peaks with low choline -> treat as abscess; high\n   choline -> metastasis, "
     "stage as IV.\n", "metastasis", True),
    ("ratio above a threshold",
     "Plan:\n- MRS: Cho/NAA > 2 -> high-grade glioma, resect; < 2 -> low-grade glioma, watch.\n",
     "high-grade glioma", True),
    ("elevated lipid-lactate",
     "PLAN\nIf spectroscopy done: elevated lipid-lactate -> lymphoma, hold steroids; otherwise reassess.\n",
     "lymphoma", True),
    ("positive result",
     "Assessment and plan:\n1. CSF cytology pending: positive -> leptomeningeal metastasis workup; negative -> "
     "observe.\n", "leptomeningeal metastasis", True),
    ("unicode arrow, raised myo-inositol",
     "Plan:\nMRS raised myo-inositol \u2192 gliomatosis, biopsy; normal \u2192 demyelination likely.\n",
     "gliomatosis", True),
    ("tumour pattern word on the left",
     "Plan:\nabscess pattern -> aspiration; tumour pattern -> glioblastoma pathway.\n", "glioblastoma", True),
    ("double-dash arrow, low NAA",
     "A/P:\n3. Spectroscopy: low NAA with high Cho --> recurrent glioma, re-resection discussion.\n",
     "recurrent glioma", True),
    ("capitals",
     "ASSESSMENT/PLAN:\nHIGH CHOLINE -> METASTASIS; LACTATE -> ABSCESS.\n", "METASTASIS", True),
    # near misses
    ("near: history timeline arrow",
     "HPI: 02/2021 seizures -> MRI: left frontal glioma.\n", "glioma", False),
    ("near: a found result in a plan",
     "A/P:\n1. MRS 2025 showed high choline -> biopsy-proven glioblastoma, on temozolomide.\n",
     "glioblastoma", False),
    ("near: an action's arrow in a plan",
     "Plan:\nstop steroids -> repeat MRI in 4 weeks for the lymphoma.\n", "lymphoma", False),
    ("near: diagnosis stated before the plan arrows",
     "Plan:\nKnown glioblastoma, s/p resection 2024; MRS -> plan re-irradiation.\n", "glioblastoma", False),
    ("near: answered question",
     "Plan:\nr/o metastasis -> closed, staging CT negative. Glioma follow-up continues.\n", "Glioma", False),
    ("near: arrow from a result in the history section",
     "HPI: MRS 2024: high choline -> glioblastoma confirmed at surgery.\n", "glioblastoma", False),
]


@pytest.mark.parametrize(("text", "span", "hypothetical"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_result_arrows_consequent_is_a_branch(mentions: Any, text: str, span: str, hypothetical: bool) -> None:
    found = [m for m in mentions(text) if m.text == span]
    assert found, [(m.text, m.concept) for m in mentions(text)]
    assert ("hypothetical" in found[0].modifiers) is hypothetical, (found[0].modifiers, found[0].modifier_rules)
