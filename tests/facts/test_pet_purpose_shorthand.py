"""Three classes on short fresh texts, text -> NLP -> facts. Rows marked "near miss" must keep their result.

1. A PET that is not asked for now is no PET of the work-up (pet_same_workup): one negated by the words after it
   (cue `study.not_requested_after`: "repeat PET is not planned", "PET won't be ordered") or made conditional or
   left for later by them (cue `study.conditional_or_later`: "PET only if the biopsy shows metastasis", "PET to
   follow should the lesion prove malignant", "PET could be ordered later").
2. The MRS purpose in shorthand (rule `purpose.decision_shorthand`, option words in targets.yaml
   `management_option`): "Result decides: continue TMZ vs re-resection", "MRS -> if high Cho: re-op".
3. A grade question in shorthand ("gr 2 vs gr 3/4", "WHO II vs III?", "LGG vs HGG") about the packet's glioma is the
   glioma's grade differential (glioma_differential, alternative `grade`), from a clinical note.
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


# 2. case, text, treatment_planning among the MRS purposes?
SHORTHAND_PURPOSE = [
    ("result decides: continue TMZ vs re-resection",
     "Plan: MRS 76390. Result decides: continue TMZ vs re-resection\n", True),
    ("arrow, spectral branches",
     "A/P:\n- MRS -> if high Cho: treat as progression (re-op); if low Cho: pseudoprogression, continue adjuvant\n",
     True),
    ("outcome determines: SRS vs surveillance, next sentence",
     "MR spectroscopy requested (76390).\nOutcome determines: SRS vs surveillance\n", True),
    ("dispo depends on spectrum",
     "Plan: MRS 76390; dispo depends on spectrum: 2nd line / trial screen vs observe\n", True),
    ("results drive arrow, next sentence",
     "Brain MRS (76390) requested. Results drive -> XRT vs bev.\n", True),
    ("ratio threshold arrow",
     "Plan: MR spectroscopy; if Cho/NAA > 2 -> re-resect, else observe\n", True),
    ("spectrum dictates, dash",
     "Indication: GBM s/p chemoRT. MRS 76390 - spectrum dictates - lomustine vs re-irradiation\n", True),
    ("if lactate peak, then",
     "Plan: spectroscopy 76390 requested; if lactate peak, then start salvage chemo\n", True),
    # near misses: a decision already taken, the purpose of another test, a course in the history
    ("near miss: decided in 2023",
     "Plan: decided on re-resection in 2023. MRS 76390 requested.\n", False),
    ("near miss: the PET will decide, shorthand",
     "Plan: the PET will decide: re-op vs TMZ. MRS 76390 requested.\n", False),
    ("near miss: the PET will decide between",
     "Plan: the amino acid PET will decide between re-resection and TMZ. MR spectroscopy (76390) requested.\n", False),
    ("near miss: history of a decision",
     "History: decision was made 2023: SRS vs observation; chose SRS. Plan: MRS 76390.\n", False),
    ("near miss: result decides in the history of another note",
     "HPI: glioblastoma s/p resection. Result decides: continue TMZ vs re-resection.\n", False),
]


@pytest.mark.parametrize(("case", "text", "planning"), SHORTHAND_PURPOSE, ids=[c[0] for c in SHORTHAND_PURPOSE])
def test_shorthand_purpose_is_an_mrs_purpose(analyze, case, text, planning):  # type: ignore[no-untyped-def]
    fact = facts_of(analyze, text + REQUEST_TAIL).facts["mrs_purpose"]
    got = "treatment_planning" in fact.attributes.get("purpose", [])
    assert got is planning, (fact.note, [(e.text, e.attributes.get("cue")) for e in fact.evidence])


# 3. case, text, glioma_differential has alternative `grade`?, grading_question status (None: not checked)
GRADE_SHORTHAND = [
    ("grading q gr 2 vs gr 3/4, glioma in the assessment",
     "Assessment: left insular astrocytoma, IDH-mutant.\nPlan: MRS 76390. grading q: gr 2 vs evolving gr 3/4\n",
     True, P),
    ("WHO II vs III?",
     "Assessment: oligodendroglioma, left frontal, resected 2022. Plan: MRS 76390; WHO II vs III?\n", True, P),
    ("WHO 2 vs 3, arabic",
     "Dx: diffuse glioma of the right temporal lobe.\nPlan: MR spectroscopy - WHO 2 vs 3?\n", True, P),
    ("gr.2 vs gr.3 without spaces",
     "Dx: astrocytoma. Question is gr.2 vs gr.3 - MRS 76390 requested.\n", True, P),
    ("LGG vs transformation to HGG",
     "Plan: MRS 76390. LGG vs transformation to HGG\n", True, P),
    ("low grade glioma, ?high grade in a later sentence",
     "HPI: low grade glioma followed since 2021. Now new enhancement.\nImpression: ? high grade transformation, "
     "gr 2 vs gr 4. MRS requested.\n", True, P),
    ("grade II or III, letter",
     "Dear colleague, Mr Ames has a right parietal astrocytoma. Imaging raises grade II or III; we ask for MR "
     "spectroscopy.\n", True, P),
    ("WHO gr 2 versus gr 3",
     "Oncology note: known oligodendroglioma. Uncertain WHO gr 2 versus gr 3 on imaging. MRS 76390.\n", True, P),
    # near misses
    ("near miss: grade 2 papilledema",
     "Dx: astrocytoma. Exam: grade 2 papilledema. Plan: MRS 76390.\n", False, N),
    ("near miss: grade 3 hypertension, grade 1 ankle sprain",
     "PMH: grade 3 hypertension, Grade 1 ankle sprain. Dx: glioma. Plan: MRS 76390.\n", False, N),
    ("near miss: a meningioma's grade",
     "Dx: glioma, treated 2019. Assessment: new meningioma, WHO 1 vs 2? Plan: MRS 76390.\n", False, None),
    ("near miss: no glioma in the packet",
     "Assessment: enhancing mass. WHO 2 vs 3? Plan: MRS 76390.\n", False, None),
    ("near miss: a course, not a question",
     "HPI: LGG resected 2015, now HGG on pathology 2025. Plan: MRS 76390.\n", False, None),
    ("near miss: a possible glioblastoma asks the diagnosis",
     "HPI: low grade glioma resected 2019.\nImpression: possible glioblastoma. Plan: MRS 76390.\n", False, None),
    ("near miss: WHO grade 2 glioma, 3 months ago",
     "Dx: WHO grade 2 glioma, 3 months post resection. Plan: MRS 76390.\n", False, N),
]


@pytest.mark.parametrize(("case", "text", "grade", "grading"), GRADE_SHORTHAND, ids=[c[0] for c in GRADE_SHORTHAND])
def test_shorthand_grade_question_is_the_glioma_grade_differential(  # type: ignore[no-untyped-def]
        analyze, case, text, grade, grading):
    facts = facts_of(analyze, text + REQUEST_TAIL).facts
    fact = facts["glioma_differential"]
    got = fact.status is P and "grade" in fact.attributes.get("alternative", [])
    assert got is grade, (fact.note, [(e.text, e.attributes.get("alternative")) for e in fact.evidence])
    if grading is not None:
        assert facts["grading_question"].status is grading, facts["grading_question"].evidence
