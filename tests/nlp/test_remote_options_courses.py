"""A remote tumor stays over when the rest of the packet only seems to reopen it, through the real NLP stage.

1. A request form's indication options ("___ Tumor evaluation/surveillance", "[ ] Recurrence vs treatment
   effect", even a ticked one) name what may be asked, no finding: they neither reopen a remote tumor nor count as
   a current tumor that keeps its other mentions current (scope.resolved_course, form_state.option_line_starts).
2. A bare progression or recurrence whose clause names a non-tumor finding as its subject ("white matter
   hyperintensities (Fazekas 2) ... with mild interval progression") is that finding's course: in a packet whose
   tumors are all past, it is no recurrent tumor. Where a tumor is current, the same words may be the tumor's
   signal and keep today's reading (reopened_about_tumor.nontumor_subject).
3. The reviewer's second question after "and" ("the reviewer asked what the study would answer and whether the
   request concerned the old tumor") is request talk (hyp.request_talk); a clinician's own question to a
   consultant is read as written.

Rows are freshly written; rows marked "near miss" must keep today's reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
R = "Request date: 11/20/2026\n"
REMOTE = ("PMH: pilocytic astrocytoma of the cerebellum resected in 2003, annual MRI until 2013, then discharged "
          "from neurosurgical follow-up.\n")
# the expected change after the old operation, which counts as a post-treatment change
CHANGES = "MRI 10/2026: remote postoperative changes of the suboccipital craniotomy. "
OVER = {"known_brain_tumor": A, "recurrent_or_residual_tumor": N}

# ------------------------------------------------------------------ 1. form options
FORM_OPTIONS = [
    ("blank options, one other ticked", R + "Indication (check one):\n  ___ Tumor evaluation/surveillance\n"
     "  ___ Recurrence vs treatment effect\n  _X_ Other: memory loss\n" + REMOTE, OVER),
    ("empty boxes", R + "Reason for study:\n[ ] Tumor follow-up\n[ ] Recurrence vs radiation necrosis\n"
     "[X] Dementia work-up\n" + REMOTE, OVER),
    ("a ticked recurrence option does not reopen it", R + "Reason:\n[X] Recurrence vs treatment effect\n"
     "[ ] Metabolic\n" + REMOTE, {"known_brain_tumor": A}),
    ("round brackets", R + "Category: ( ) tumor surveillance  ( ) recurrence  (x) seizure work-up\n" + REMOTE,
     OVER),
    ("near miss: a new nodule in a note reopens it", R + "Indication:\n  ___ Tumor evaluation\n  _X_ Other\n"
     + REMOTE + "MRI 10/2026: new enhancing nodule at the resection cavity, concerning for recurrence.\n",
     {"recurrent_or_residual_tumor": S}),
    ("near miss: a tumor under treatment now", R + "Indication:\n[ ] Tumor surveillance\n[X] Other\n"
     "Assessment: glioblastoma, on adjuvant temozolomide cycle 4.\n", {"known_brain_tumor": P}),
]


@pytest.mark.parametrize(("case", "text", "expected"), FORM_OPTIONS, ids=[c[0] for c in FORM_OPTIONS])
def test_form_options_do_not_reopen_a_remote_tumor(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text), expected)


# ------------------------------------------------------------------ 2. a non-tumor finding's course
NONTUMOR_COURSE = [
    ("white matter disease with interval progression", R + REMOTE + CHANGES + "Patchy periventricular white "
     "matter hyperintensities (Fazekas grade 2), in keeping with chronic small vessel disease, with mild interval "
     "progression since 2013.\n", OVER),
    ("atrophy with interval progression", R + REMOTE + CHANGES + "Generalized volume loss, hippocampi more than "
     "expected for age, with interval progression compared with 2013.\n", OVER),
    ("microbleeds increased", R + REMOTE + CHANGES + "SWI: scattered lobar microbleeds, with interval progression in "
     "number.\n", OVER),
    ("leukoaraiosis with interval growth", R + REMOTE + CHANGES + "Leukoaraiosis and old lacunes, with interval "
     "progression.\n", OVER),
    ("near miss: the residual tumor progressed", R + REMOTE + CHANGES + "Interval progression of the enhancing nodule "
     "at the resection cavity.\n", {"recurrent_or_residual_tumor": P}),
    ("near miss: a current glioma's signal", R + "Known left temporal low-grade glioma on surveillance. MRI: "
     "increasing T2/FLAIR hyperintensity in the left temporal lobe with interval progression.\n",
     {"recurrent_or_residual_tumor": P}),
    ("near miss: enhancement in the clause", R + REMOTE + CHANGES + "New FLAIR hyperintensity with nodular "
     "enhancement, with interval progression.\n", {"recurrent_or_residual_tumor": P}),
]


@pytest.mark.parametrize(("case", "text", "expected"), NONTUMOR_COURSE, ids=[c[0] for c in NONTUMOR_COURSE])
def test_a_nontumor_findings_course_is_no_recurrence(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text), expected)


# ------------------------------------------------------------------ 3. the reviewer's second question
REVIEW_QUESTIONS = [
    ("what ... and whether", R + "Peer-to-peer: the reviewer asked what the spectroscopy would change and whether "
     "the request concerned the old brain tumor.\n", {"brain_neoplasm": N}),
    ("which ... or whether", R + "The plan's medical director asked which decision hinged on the study or "
     "whether it was really about a glioma.\n", {"glial_neoplasm": N}),
    ("how ... and if", R + "The insurer's nurse asked how the result would be used and if a tumor was "
     "suspected.\n", {"brain_neoplasm": N}),
    ("near miss: the clinician's own question", R + "I asked neuroradiology what the lesion was and whether a "
     "glioma was possible; they could not exclude one.\n", {"glial_neoplasm": S}),
    ("near miss: a sentence later the clinician states it", R + "The reviewer asked what the study would answer. "
     "MRI shows an enhancing mass concerning for glioblastoma.\n", {"glial_neoplasm": S}),
]


@pytest.mark.parametrize(("case", "text", "expected"), REVIEW_QUESTIONS, ids=[c[0] for c in REVIEW_QUESTIONS])
def test_the_reviewers_second_question_is_request_talk(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text), expected)
