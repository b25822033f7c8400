"""A rule-out of recurrence answered by the current study it rests on, through the real NLP stage to the facts
(pipeline/facts/supersession.py `_answered_by_study`, facts/resources/supersession.yaml supersede.study_answer*).

Class: a request or order line asks "r/o recurrence" ("eval for recurrence", "? recurrence", "rule out recurrent
tumor", "recurrence?") while the latest brain MRI or CT of the packet, dated on or before the request, reads
definitely "no evidence of recurrence", "no recurrent tumor" or "stable post-operative changes, no new enhancement".
The r/o line made recurrent_or_residual_tumor suspected, which met "residual or recurrent tumour after treatment"
for a tumour resected years ago with no finding.

Rule: the question put on a line outside any imaging report (rule-out words before the recurrence, or a "?" after
it: supersede.study_answer_question) is answered, and stops counting, when the packet's latest dated brain MRI or CT
(a report's title date, or a full date in a sentence that names the study), no older than twelve months before the
request, reads recurrence negated or no new finding (supersede.study_answer_no_new), keeps nothing open in its read
(no hedged lesion or recurrence, no new or growing finding: tumor.new_finding) and nothing in the packet tells a
new or growing lesion or an affirmed recurrence. The study's negated recurrence then stands: absent.

Near misses keep their reading (suspected): a later note describing a new enhancing nodule; a read that "cannot
exclude early recurrence"; an only MRI older than twelve months with new seizures described; an r/o line with no
study in the packet; a later study with increasing enhancement after the negative one; a clinician's "concern for
recurrence" (a suspicion, not a rule-out); a negative study dated after the request; a negative spine MRI.

Limits: a study older than twelve months never answers, with or without new symptoms; a new symptom after a recent
negative MRI ("new seizures since last week") does not reopen the question; an undated study answers nothing; a
hedge inside an older report's read ("cannot exclude recurrence" in 2025) is not closed by a later negative study
here.

Rows: id -> (text, expected status of recurrent_or_residual_tumor); a request date (11/20/2026) is appended. Rows
whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import ClinicalFacts, FactStatus

S, A = FactStatus.SUSPECTED, FactStatus.ABSENT

CASES: dict[str, tuple[str, FactStatus]] = {
    # ------------------------------------------------------------ answered by the latest negative study
    "report-no-evidence-of-recurrence-then-ro-line": (
        "HPI: 61-year-old woman, right parietal meningioma resected in 2018, no radiation.\n\n"
        "MRI BRAIN W/WO 10/28/2026\nImpression: Stable post-operative changes of the right parietal craniotomy. "
        "No evidence of recurrence.\n\nReason for request: r/o recurrence.", A),
    "eval-for-recurrence-no-recurrent-tumor": (
        "History: oligodendroglioma, left frontal, gross total resection 2017.\n\n"
        "MRI BRAIN WITH AND WITHOUT CONTRAST 09/14/2026\nFindings: Resection cavity unchanged.\n"
        "Impression: No recurrent tumor.\n\nIndication for MRS: eval for recurrence.", A),
    "question-mark-recurrence-no-new-enhancement": (
        "PMH: pilocytic astrocytoma of the cerebellum, resected 2015.\n\n"
        "MRI BRAIN 10/02/2026\nImpression: Stable postoperative changes, no new enhancement.\n\nDx: ? recurrence", A),
    "rule-out-recurrent-tumor-order-line": (
        "Hx: left temporal ganglioglioma resected 2016, seizure free.\n\n"
        "MRI BRAIN W/WO 11/03/2026\nIMPRESSION: No evidence of recurrent tumor. Postsurgical changes unchanged.\n\n"
        "Order comment: please rule out recurrent tumor.", A),
    "inline-hpi-read-then-request": (
        "HPI: 47-year-old man with a right frontal meningioma resected in 2020. MRI brain 08/12/2026 showed stable "
        "post-surgical changes and no evidence of recurrence.\n\nRequest: MR spectroscopy to r/o recurrence.", A),
    "latest-study-ct": (
        "Background: falcine meningioma excised 2019.\n\n"
        "CT HEAD WITH CONTRAST 11/05/2026\nImpression: Expected post-craniotomy appearance. No evidence of "
        "recurrent tumour.\n\nReason for MRS: r/o recurrence.", A),
    "capitals-form-line": (
        "DIAGNOSIS: HEMANGIOBLASTOMA, CEREBELLAR, RESECTED 2014.\n\n"
        "MRI BRAIN W/WO 09/30/2026\nIMPRESSION: NO EVIDENCE OF RECURRENCE.\n\nCLINICAL QUESTION: R/O RECURRENCE", A),
    "residual-or-recurrent-asked-and-denied": (
        "Problem list: 1. Atypical meningioma, left convexity, resected 2021.\n\n"
        "MRI BRAIN 10/19/2026\nImpression: No residual or recurrent tumour. Stable dural thickening.\n\n"
        "Reason: assess for residual/recurrent tumour.", A),
    "clinic-note-after-the-mri": (
        "MRI BRAIN W/WO 10/01/2026\nImpression: Stable postoperative changes. No recurrent tumor.\n\n"
        "Clinic 11/12/2026: history of resected right frontal glioma (2016); well, examination normal.\n"
        "Plan: MRS, r/o recurrence.", A),
    "recurrence-question-mark-after": (
        "Hx meningioma s/p resection 2012.\n\nMRI BRAIN 10/22/2026\nImpression: No evidence of recurrence.\n\n"
        "Clinical question: recurrence?", A),
    "to-exclude-recurrent-disease": (
        "Right frontal meningioma, Simpson grade I resection 2019.\n\n"
        "MRI BRAIN W/WO 10/10/2026\nImpression: No recurrent disease. Stable encephalomalacia.\n\n"
        "MRS requested to exclude recurrent disease.", A),
    "tumour-recurrence-british": (
        "Hx: left parafalcine meningioma, excised 2017.\n\n"
        "MRI BRAIN 09/25/2026\nImpression: No evidence of tumour recurrence; appearances stable.\n\n"
        "Reason for referral: rule out tumour recurrence.", A),
    "two-mris-latest-negative": (
        "Hx: right occipital meningioma, resected 2016.\n\n"
        "MRI BRAIN 03/02/2026\nImpression: Stable postoperative appearance.\n\n"
        "MRI BRAIN 10/15/2026\nImpression: No evidence of recurrence.\n\nReason for request: eval for recurrence.", A),
    "impression-heading-apart-numbered-no-new": (
        "Hx: left frontal meningioma resected 2019.\n\nMRI BRAIN W/WO 10/30/2026\nImpression:\n\n"
        "1. Stable post-operative changes, no new enhancement.\n\nOrder: please rule out recurrent tumor.", A),
    # ------------------------------------------------------------ near misses: the question stays open
    "near-later-note-new-enhancing-nodule": (
        "Hx: right frontal glioma resected 2019.\n\n"
        "MRI BRAIN 09/10/2026\nImpression: No evidence of recurrence.\n\n"
        "Clinic 11/10/2026: the outside MRI review describes a new enhancing nodule at the resection margin.\n"
        "Reason for request: r/o recurrence.", S),
    "near-read-cannot-exclude-early-recurrence": (
        "Hx: left temporal glioma resected 2020.\n\n"
        "MRI BRAIN 10/20/2026\nImpression: Stable post-operative changes. Cannot exclude early recurrence.\n\n"
        "Reason for request: r/o recurrence.", S),
    "near-only-mri-older-than-a-year-new-seizures": (
        "Hx: right frontal meningioma resected 2018. New seizures since August.\n\n"
        "MRI BRAIN 03/15/2025\nImpression: No evidence of recurrence.\n\nReason for request: r/o recurrence.", S),
    "near-no-study-in-the-packet": (
        "Hx: left frontal meningioma resected 2018.\n\nReason for request: r/o recurrence.", S),
    "near-later-study-increasing-enhancement": (
        "Hx: right temporal glioma resected 2019.\n\n"
        "MRI BRAIN 06/01/2026\nImpression: No evidence of recurrence.\n\n"
        "MRI BRAIN 11/01/2026\nImpression: Increasing nodular enhancement along the cavity.\n\n"
        "Reason for request: r/o recurrence.", S),
    "near-concern-for-recurrence-not-a-rule-out": (
        "Hx: left frontal glioma resected 2019.\n\n"
        "MRI BRAIN 10/01/2026\nImpression: No evidence of recurrence.\n\n"
        "Clinic 11/12/2026: concern for recurrence given progressive word-finding difficulty.", S),
    "near-negative-study-after-the-request": (
        "Hx: right frontal meningioma resected 2018.\n\n"
        "MRI BRAIN 11/25/2026\nImpression: No evidence of recurrence.\n\nReason for request: r/o recurrence.", S),
    "near-negative-read-with-growing-finding": (
        "Hx: left parietal glioma resected 2017.\n\n"
        "MRI BRAIN 10/05/2026\nImpression: No evidence of recurrence. Slowly enlarging FLAIR signal posterior to "
        "the cavity.\n\nReason for request: r/o recurrence.", S),
}


@pytest.mark.parametrize(("text", "expected"), list(CASES.values()), ids=list(CASES))
def test_rule_out_answered_by_its_study(fragment_facts: Callable[[str], ClinicalFacts], text: str,
                                        expected: FactStatus) -> None:
    check_facts(fragment_facts(text), {"recurrent_or_residual_tumor": expected})
