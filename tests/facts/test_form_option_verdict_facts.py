"""An imaging verdict or a purpose named as a form option is no imaging read and no request (context.yaml
hyp.form_option_label, hyp.form_option_label_after, hyp.form_option_box), through the real NLP stage and the fact
mapper.

Class: a sentence names an option of a referral or order form by its label - "the requisition box 'CT
inconclusive' was ticked", "Scheduling picked 'equivocal findings' from the drop-down", "chose 'Presurgical
evaluation' on the portal", "the 'tumour grading' option circled" - and the verdict word (targets.yaml
img.inconclusive) or the purpose (purpose.presurgical, purpose.grading, purpose.treatment_planning) inside the label
was read as the study's verdict or the request's purpose. Such a mention is HYPOTHETICAL with a form rule's id and
makes no fact; a verdict word anywhere inside a quoted label before a form noun counts as the label's ("the
'Indeterminate outside imaging' checkbox": hyp.form_option_label reaches any word inside the quotation).

Near misses keep their reading: a study read as not diagnostic, a report quoted from a form's field ("Box 3 of the
form, 'Impression', reads: equivocal enhancement"), a quoted impression with no form noun, a verdict outside the
quoted label beside a form option ("equivocal lesion; the 'urgent' box is checked"), a pre-surgical evaluation and
an MRS purpose told in the note's own words beside a form's box.

Limits known: only a label quoted right before a form noun or right after a form verb or noun, and the unquoted
"the X box" with the verdict right before "box"; a form told of in other words ("the scheduler wrote inconclusive
on the order") is read as written.

Rows: case, text, {fact: expected status}, the verdict or purpose mention (concept, text) that must be
HYPOTHETICAL by a form rule (None for the near misses, whose ids start with "near").
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, find_mention

from pipeline.contracts import FactStatus

P, A, N = FactStatus.PRESENT, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
CII, NONDX, PRE = "conventional_imaging_inconclusive", "mri_nondiagnostic", "presurgical_evaluation"
FORM_RULES = {"hyp.form_option_label", "hyp.form_option_label_after", "hyp.form_option_box"}

CASES: list[tuple[str, str, dict[str, FactStatus], tuple[str, str] | None]] = [
    # ------------------------------------------------ an imaging verdict named as a form option
    ("requisition box then quoted verdict",
     "CT head 08/03/2026: hyperdense left temporal mass typical of meningioma. The requisition box \"CT "
     "inconclusive\" was ticked by the booking clerk.\n", {CII: A}, ("IMAGING_INCONCLUSIVE", "inconclusive")),
    ("quoted verdict before a tick box",
     "MRI brain 07/22/2026. The 'non-diagnostic MRI' tick box on the referral was marked.\n", {CII: N, NONDX: N},
     ("IMAGING_INCONCLUSIVE", "non-diagnostic")),
    ("verdict first in a longer quoted label",
     "MRI brain 07/22/2026: right parietal enhancing mass. The \u201cIndeterminate outside imaging\u201d checkbox "
     "comes pre-ticked on that clinic's template.\n", {CII: N, NONDX: N}, ("IMAGING_INCONCLUSIVE", "Indeterminate")),
    ("picked from the drop-down",
     "MRI brain 05/10/2026: small enhancing focus. Scheduling picked \"equivocal findings\" from the drop-down.\n",
     {CII: N}, ("IMAGING_INCONCLUSIVE", "equivocal")),
    ("referral field then quoted verdict",
     "MRI brain 06/30/2026: the referral field 'MRI nondiagnostic' was filled in automatically.\n",
     {CII: N, NONDX: N}, ("IMAGING_INCONCLUSIVE", "nondiagnostic")),
    ("unquoted the X box",
     "MRI brain 04/01/2026. Nobody completed the MRI inconclusive box on the outside order.\n", {CII: N},
     ("IMAGING_INCONCLUSIVE", "inconclusive")),
    ("quoted verdict alone before box",
     "MRI brain 04/01/2026 reviewed. \u201cIndeterminate\u201d box ticked on the outside order.\n", {CII: N},
     ("IMAGING_INCONCLUSIVE", "Indeterminate")),
    ("selection left on",
     "MRI brain 03/03/2026: the order's 'Ambiguous findings' selection was left on from a prior patient.\n",
     {CII: N}, ("IMAGING_INCONCLUSIVE", "Ambiguous")),
    ("a differential as the option's label",
     "MRS request: the 'recurrence vs radiation necrosis' option was pre-selected by the portal.\n", {CII: N},
     ("IMAGING_INCONCLUSIVE", "vs")),
    # ------------------------------------------------ a purpose named as a form option
    ("chose the presurgical option", "Front office chose 'Presurgical evaluation' on the order portal.\n",
     {PRE: N}, ("PRESURGICAL_EVAL", "Presurgical evaluation")),
    ("quoted work-up before option",
     "The 'pre-surgical work-up' option was highlighted on the scanned intake form.\n", {PRE: N},
     ("PRESURGICAL_EVAL", "pre-surgical work-up")),
    ("ticked work-up on the order", "Clerk ticked \u201cpresurgical work-up\u201d on the MRS order.\n", {PRE: N},
     ("PRESURGICAL_EVAL", "presurgical work-up")),
    ("grading option circled", "MRS request: the requisition has the 'tumour grading' option circled.\n",
     {"grading_question": N, "mrs_purpose": N}, ("PURPOSE", "grading")),
    ("checked the box for grading", "MRS request: the clerk checked the box for \"grading of glioma\".\n",
     {"grading_question": N}, ("PURPOSE", "grading")),
    ("template button", "MRS request: the template button \"treatment response\" was clicked by default.\n",
     {"mrs_purpose": N}, ("PURPOSE", "treatment response")),
    # ------------------------------------------------ near misses
    ("near: degraded by motion, not diagnostic", "MRI brain 10/02/2026 degraded by motion, not diagnostic.\n",
     {CII: P, NONDX: P}, None),
    ("near: a form's field quoting the report",
     "MRI brain 09/14/2026: Box 3 of the form, 'Impression', reads: equivocal enhancement, cannot exclude tumor.\n",
     {CII: P, NONDX: P}, None),
    ("near: presurgical evaluation under way",
     "Presurgical evaluation for drug-resistant temporal lobe epilepsy is under way.\n", {PRE: P}, None),
    ("near: grading asked in the note's words", "MRS request: grading of the left frontal glioma.\n",
     {"grading_question": P, "mrs_purpose": P}, None),
    ("near: indeterminate lesion, box left blank",
     "MRI brain 08/11/2026: indeterminate enhancing lesion in the left thalamus; the referral box was left blank.\n",
     {CII: P}, None),
    ("near: quoted impression, no form noun",
     "MRI brain 08/11/2026 impression: 'equivocal enhancement, cannot exclude recurrence'.\n", {CII: P}, None),
    ("near: quoted read, then the options",
     "MRI brain 08/11/2026 read as 'nondiagnostic' by the outside radiologist; the options are a repeat MRI or a "
     "CT.\n", {CII: P, NONDX: P}, None),
    ("near: box ticked, then the read",
     "The referral box was ticked. MRI brain 08/11/2026: findings are inconclusive.\n", {CII: P}, None),
    ("near: verdict outside the quoted option",
     "MRI brain 08/11/2026: equivocal lesion; the 'urgent' box is checked.\n", {CII: P, NONDX: P}, None),
    ("near: presurgical beside a consent box",
     "She is in presurgical evaluation; the 'consent' box is signed.\n", {PRE: P}, None),
    ("near: purpose beside an urgent option",
     "MRS request: to separate recurrence from radiation necrosis; the 'urgent' option was chosen.\n",
     {"mrs_purpose": P}, None),
]


@pytest.mark.parametrize(("case", "text", "expected", "mention"), CASES, ids=[c[0] for c in CASES])
def test_form_option_verdict_facts(fragment_facts: Any, analyze: Any, case: str, text: str,
                                   expected: dict[str, FactStatus], mention: tuple[str, str] | None) -> None:
    check_facts(fragment_facts(text), expected)
    if mention is not None:
        m = find_mention(lambda t: analyze(t).mentions, text + REQUEST_TAIL, *mention)
        assert "hypothetical" in m.modifiers and FORM_RULES & set(m.modifier_rules), (m.modifiers, m.modifier_rules)
