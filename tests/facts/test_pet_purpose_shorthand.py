"""Classes on short fresh texts, text -> NLP -> facts. Rows marked "near miss" must keep their result.

1. A PET that is not asked for now is no PET of the work-up (pet_same_workup): one negated by the words after it
   (cue `study.not_requested_after`: "repeat PET is not planned", "PET won't be ordered") or made conditional or
   left for later by them (cue `study.conditional_or_later`: "PET only if the biopsy shows metastasis", "PET to
   follow should the lesion prove malignant", "PET could be ordered later").
"""

from __future__ import annotations

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, A, N = FactStatus.PRESENT, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

# 1. case, text, pet_same_workup status, the cue the PET's evidence cites (None: not checked)
PET_NOT_ASKED = [
    ("repeat PET not planned",
     "Request: MR spectroscopy, brain (76390). Repeat amino-acid PET is not planned.\n", A,
     "study.not_requested_after"),
    ("PET not to be ordered, dash list",
     "Plan:\n- MR spectroscopy (76390)\n- FDG PET: not to be ordered at this stage\n", A, "study.not_requested_after"),
    ("won't be requested",
     "A/P: MRS brain requested. The FET PET won't be requested this admission.\n", A, "study.not_requested_after"),
    ("will not be scheduled",
     "Impression/plan: spectroscopy ordered (CPT 76390). PET scan will not be scheduled.\n", A,
     "study.not_requested_after"),
    ("no longer needed",
     "Plan: MRS 76390 requested. The methionine PET is no longer needed.\n", A, "study.not_requested_after"),
    ("requested only if the MRS is nondiagnostic",
     "Plan: MRS requested (76390); FDG-PET to be requested if the MRS is nondiagnostic.\n", A,
     "study.conditional_or_later"),
    ("could be ordered later",
     "Plan: brain MRS 76390 requested. Amino acid PET could be ordered later.\n", A, "study.conditional_or_later"),
    ("to follow should the lesion prove malignant, orders line",
     "Orders: MR spectroscopy brain; FDG-PET to follow should the lesion prove malignant\n", A,
     "study.conditional_or_later"),
    ("may be arranged down the line",
     "Plan: MRS 76390 ordered today. A choline PET may be arranged down the line.\n", A,
     "study.conditional_or_later"),
    ("deferred until pathology, request section",
     "Requested studies: MRS brain 76390\nPET/CT: not requested at present, pending pathology\n", A, None),
    # near misses: a PET asked for now, or done in the window, stays in the work-up
    ("near miss: ordered for next week alongside the MRS",
     "Plan: PET ordered for next week alongside the MRS (76390).\n", P, None),
    ("near miss: a PET done in the window",
     "Imaging: FDG-PET 11/02/2026 showed hypometabolism in the left temporal lobe. Plan: MRS 76390.\n", P, None),
    ("near miss: both requested",
     "request: MRS and amino-acid PET\n", P, None),
    ("near miss: requested to see if",
     "Plan: MRS 76390 ordered; PET requested to see if the lesion is hypermetabolic.\n", P, None),
    ("near miss: planned later this week",
     "Plan: MRS 76390 ordered. PET planned later this week.\n", P, None),
    ("near miss: if approved asks for it now",
     "Requested: MR spectroscopy 76390 and FDG-PET brain (if approved)\n", P, None),
    ("near miss: same day if possible",
     "Plan: MRS 76390 requested; amino acid PET on the same day if possible.\n", P, None),
    ("near miss: the condition is the biopsy's",
     "Plan: MRS 76390 and FET-PET requested; biopsy only if both are equivocal.\n", P, None),
]


@pytest.mark.parametrize(("case", "text", "status", "cue"), PET_NOT_ASKED, ids=[c[0] for c in PET_NOT_ASKED])
def test_pet_not_asked_for_now_is_no_pet_of_the_workup(analyze, case, text, status, cue):  # type: ignore[no-untyped-def]
    fact = facts_of(analyze, text + REQUEST_TAIL).facts["pet_same_workup"]
    assert fact.status is status, (fact.note, [(e.text, e.attributes.get("cue")) for e in fact.evidence])
    if cue is not None:
        assert any(cue in (e.attributes.get("cue") or "").split() for e in fact.evidence), fact.evidence
