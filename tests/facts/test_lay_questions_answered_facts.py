"""A family member's question or fear that the clinician answers is no clinical suspicion, through the real NLP
stage to the facts (context.yaml: hyp.lay_quote labels, term.quote_then_answer, scope lay_answer).

1. What a relative asks or fears, told with a label of theirs ('Husband (on the phone): "..."', 'Caregiver's worry
   (in his words): "..."', 'Patient's son: "..."') or a verb of asking, is no suspicion; an answer that denies it
   without naming anything else ("- discussed, not consistent", "; explained, this is unlikely", "Answered: no",
   "nothing of the sort was found") makes it absent (scope.lay_answer).
2. The hedge inside the quoted question ("could it be", its "?") does not reach the clinician's answer after the
   quotation: '"Is it a brain tumour?" (Explained the CT and the MRI show no tumour.)' reads the tumour absent and
   the studies conclusive, not inconclusive.
3. An answer that only tells something else ("- explained the changes are from the hypoxic injury", "reassured,
   serology negative") leaves the question not documented, and no study becomes inconclusive through it.
4. Near misses: a clinician's own hedge, a relative's worry the clinician shares or a question the clinician leaves
   open (suspected, scope.lay_question_taken_up), a relative's report of a symptom (present), a quoted radiology read
   (suspected, the study inconclusive), a relative's own disorder (not the patient's).

Rows: id, text, {fact: expected status}, and a rule id the first fact's evidence must cite (None: no check). Rows
whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
ANSWERED, TAKEN_UP = "scope.lay_answer", "scope.lay_question_taken_up"

CASES: list[tuple[str, str, dict[str, FactStatus], str | None]] = [
    # 1. the question answered by a denial that names nothing else
    ("labelled quote, dash, not consistent", 'Husband (on the phone): "Could it be multiple sclerosis?" - discussed '
     "at length, not consistent.", {"multiple_sclerosis": A}, ANSWERED),
    ("asked whether, semicolon, unlikely", 'His daughter asked whether this might be "some sort of brain '
     'infection"; explained, this is unlikely.', {"brain_infection": A}, ANSWERED),
    ("answered in the next sentence", 'Her sister asked if "a lymphoma" could explain the confusion. Answered: no.',
     {"cns_lymphoma": A}, ANSWERED),
    ("nothing of the sort was found", 'Mum keeps asking whether it is "a tumour like grandad\'s"; we explained that '
     "nothing of the sort was found.", {"brain_neoplasm": A}, ANSWERED),
    ("relative as label, does not fit either", 'Patient\'s son: "Could these be mini-strokes or MS?" - discussed; '
     "the picture does not fit either.", {"multiple_sclerosis": A}, ANSWERED),
    ("next sentence, reassured her", "The patient's wife asked whether this could be MS. Reassured her: this is not "
     "consistent.", {"multiple_sclerosis": A}, ANSWERED),
    ("bare answer as the next sentence", 'Uncle: "Could it be lymphoma?" Not consistent.', {"cns_lymphoma": A},
     ANSWERED),
    ("not consistent with either", 'Wife asked if "a stroke or a tumour" could explain it; not consistent with '
     "either, explained the findings are post-hypoxic.", {"brain_neoplasm": A}, ANSWERED),
    ("worry label with a remark, excluded", 'Caregiver\'s worry (in his words): "what if she has encephalitis?" - '
     "reassured, this has been excluded.", {"brain_infection": A}, None),
    # 2. the quoted hedge stays inside the quotation; the answer names the diagnosis itself
    ("quoted question, parenthesised answer", 'Son\'s question: "Could it be a tumour?" (Explained: MRI shows no '
     "tumour.)", {"brain_neoplasm": A, "conventional_imaging_inconclusive": A}, None),
    ("concerns label with a remark, answered", 'Wife\'s concerns (her words): "it might be cancer in the brain, maybe '
     'a tumour" (Reassured - MRI 10/02 shows no tumour.)', {"brain_neoplasm": A,
                                                           "conventional_imaging_inconclusive": A}, None),
    ("quoted question, two studies answer", 'Daughter\'s question (by phone): "Is it a brain tumour?" (Explained the '
     "CT and the MRI show no tumour.)", {"brain_neoplasm": A, "conventional_imaging_inconclusive": A}, None),
    ("question about a missed glioma", 'Grandmother: "Could the MRI have missed a glioma?" (Discussed: the MRI was '
     "reviewed again and shows no glioma.)", {"glial_neoplasm": A, "conventional_imaging_inconclusive": A}, None),
    ("label of fear, answer names another cause", 'Partner\'s fear: "It\'s a brain tumour, isn\'t it?" - explained '
     "the MRI shows a stroke, not a tumour.", {"brain_neoplasm": A, "conventional_imaging_inconclusive": A}, None),
    # 3. an answer that tells something else: not documented, no inconclusive study
    ("answer tells another cause", 'Son asked whether "a stroke or a tumour" might be behind it - explained the '
     "changes are from the hypoxic injury.", {"brain_neoplasm": N}, None),
    ("answer gives a negative test", "Wife wonders if he has Lyme disease; reassured, serology negative.",
     {"brain_infection": N}, None),
    ("the old tumour coming back, site clear", 'Family asked whether this could be "the old tumour coming back" - '
     "explained that the resection cavity is clear.", {"brain_neoplasm": N, "known_brain_tumor": N}, None),
    ("relative as label, study discussed", 'Husband: "Is it a stroke or a tumour?" - the MRI was discussed with '
     "him.", {"brain_neoplasm": N, "conventional_imaging_inconclusive": N}, None),
    ("relative as label, study normal", 'Patient\'s mother: "Does the scan show a tumour or not?" - explained the '
     "MRI of 10/02 is normal.", {"brain_neoplasm": N, "conventional_imaging_inconclusive": A}, None),
    ("question about a study, reviewed", 'Her husband asked whether the MRI could have missed "a small tumour"; the '
     "MRI 10/02 was reviewed.", {"brain_neoplasm": N, "conventional_imaging_inconclusive": N}, None),
    ("concerns label with a remark, unanswered", 'Caregiver concerns (in his words): "maybe it is lymphoma again"',
     {"cns_lymphoma": N}, None),
    ("answer denies something else", "Son asked whether it could be a tumour - explained there is no bleed.",
     {"brain_neoplasm": N}, None),
    ("near: question only discussed", "Family asked about a tumour; discussed.", {"brain_neoplasm": N}, None),
    # 4. near misses
    ("near: the clinician's own worry", "We are worried this could be a lymphoma.", {"cns_lymphoma": S}, None),
    ("near: the clinician's own hedge", "I suspect this could be a glioma.", {"glial_neoplasm": S}, None),
    ("near: worry shared by the team", "Daughter is worried about a tumour; we share the concern and a tumour must "
     "be excluded.", {"brain_neoplasm": S}, TAKEN_UP),
    ("near: worry the clinician agrees with", "Father fears a brain tumour; we agree that a mass lesion has to be "
     "excluded.", {"brain_neoplasm": S, "brain_lesion": S}, TAKEN_UP),
    ("near: agreed, must be ruled out", "Wife worried about MS; I agree that MS must be ruled out.",
     {"multiple_sclerosis": S}, None),
    ("near: question left to the MRS", "Son asked about a brain tumour; spectroscopy is requested to answer this "
     "question.", {"brain_neoplasm": S}, TAKEN_UP),
    ("near: question left open", "The parents asked whether it could be encephalitis; we cannot yet exclude it.",
     {"brain_infection": S}, TAKEN_UP),
    ("near: unlikely but possible", "Family asked whether this could be lymphoma; answered that this is unlikely "
     "but possible.", {"cns_lymphoma": S}, TAKEN_UP),
    ("agreement on a plan only", "Mother asked about a tumour; we agree to repeat the MRI.", {"brain_neoplasm": N},
     None),
    ("near: agreement that denies", "Mother worried about a tumour; I agree it is not a tumour.",
     {"brain_neoplasm": A}, None),
    ("near: a relative's report of a symptom", "Husband reports three seizures since Sunday.", {"seizures": P}, None),
    ("near: quoted radiology read", 'Radiology impression: "a low-grade glioma cannot be excluded" (MRI 10/02).',
     {"glial_neoplasm": S, "conventional_imaging_inconclusive": P}, None),
    ("near: quoted outside report", 'Outside MRI report: "findings suspicious for lymphoma" - neurology agrees.',
     {"cns_lymphoma": S, "conventional_imaging_inconclusive": P}, None),
    ("near: a relative's own disorder", "Patient's sister: MS diagnosed at age 30.", {"multiple_sclerosis": N}, None),
]


@pytest.mark.parametrize(("text", "expected", "rule"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_lay_questions_answered_facts(analyze, text: str, expected: dict[str, FactStatus],  # type: ignore[no-untyped-def]
                                      rule: str | None) -> None:
    facts = facts_of(analyze, text)
    check_facts(facts, expected)
    if rule is not None:
        first = facts.facts[next(iter(expected))]
        assert any(rule in e.modifier_rules for e in first.evidence), \
            [(e.text, e.modifier_rules) for e in first.evidence]
