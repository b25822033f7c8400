"""Four classes on short fresh texts, text -> NLP -> facts. Rows marked "near miss" must keep their result.

1. A study only talked about is no study (cues `study.discussed_before` / `study.discussed_after`): a PET discussed,
   considered, raised, offered, weighed against the MRS or passed over is no PET of the work-up, even with the
   talk's date in its sentence; one done (a date right after its name, `study.dated_by_name`; its results), ordered
   or scheduled stays.
2. A diagnosis stated as the patient's on a diagnosis list stays present when an imaging read hedges only its
   structural substrate (targets.yaml `sz.tle_substrate`, cue set `diagnosis.imaging_substrate`), and when the
   read's hedge is followed by "in this patient with ..." (context.yaml `term.conjunction`); hedged mentions of
   the disease itself still make it suspected.
3. A concept word in the name of a study, team, meeting or protocol (targets.yaml `look.named_for_disease`) is
   neither affirmed nor negated: "no tumor on the epilepsy-protocol MRI" negates the tumor only.
4. The payer's question is request talk (context.yaml `hyp.request_talk`), however the reviewer is named and
   however the question is put; a question the clinician asked a consultant is not.
"""

from __future__ import annotations

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED


def _status(analyze, text: str, fact: str):  # type: ignore[no-untyped-def]
    f = facts_of(analyze, text + REQUEST_TAIL).facts[fact]
    return f.status, (f.note, [(e.text, e.assertion, e.attributes.get("cue")) for e in f.evidence])


# 1. case, text, pet_same_workup
PET_TALK = [
    ("discussed at a dated tumor board",
     "HPI: At tumor board on 11/05/2026 an amino-acid PET was discussed; the conference preferred spectroscopy.\n"
     "Plan: MRS 76390.\n", A),
    ("we considered, dated assessment",
     "Assessment 11/10/2026: we considered FDG-PET but chose MR spectroscopy.\nPlan: MRS 76390.\n", A),
    ("raised as an alternative, dated conference heading",
     "Conference 11/12/2026: PET was raised as an alternative to spectroscopy.\nRequest: MRS 76390.\n", A),
    ("weighed against the MRS",
     "Tumor board 11/03/2026 weighed FET-PET against MRS.\nPlan: MRS 76390.\n", A),
    ("passed over",
     "Epilepsy conference 11/09/2026 passed over PET; MR spectroscopy 76390 requested.\n", A),
    ("discussed ordering, then not chosen",
     "Plan: MRS 76390. Discussed ordering a FDG PET instead; not chosen.\n", A),
    ("brought up by the family, dated",
     "11/04/2026 the parents brought up a methionine PET. We recommend MRS (76390).\n", A),
    ("dated note, PET not pursued",
     "11/01/2026: PET brain not pursued.\nRequest: MRS 76390.\n", A),
    # near misses: a PET done, ordered or asked for stays in the work-up
    ("near miss: performed in the window", "Plan: MRS 76390. PET performed 10/02/2026.\n", P),
    ("near miss: FDG-PET showed", "Imaging: FDG-PET on 10/12/2026 showed left temporal hypometabolism.\n"
     "Plan: MRS 76390.\n", P),
    ("near miss: scheduled for next week", "Plan: MRS 76390. PET scheduled for next week.\n", P),
    ("near miss: both requested", "Plan: PET and MRS both requested.\n", P),
    ("near miss: discussed and ordered", "Plan: MRS 76390. PET was discussed and ordered for next week.\n", P),
    ("near miss: the PET of a date was discussed",
     "Plan: MRS 76390. The PET of 10/02/2026 was discussed at tumor board.\n", P),
    ("near miss: its results were discussed",
     "Plan: MRS 76390. The 10/14/2026 FDG-PET results were discussed with the family.\n", P),
]


@pytest.mark.parametrize(("case", "text", "status"), PET_TALK, ids=[c[0] for c in PET_TALK])
def test_a_pet_only_talked_about_is_no_pet_of_the_workup(analyze, case, text, status):  # type: ignore[no-untyped-def]
    got, why = _status(analyze, text, "pet_same_workup")
    assert got is status, why


# 2. case, text, fact, status
SUBSTRATE = [
    ("diagnosis header, equivocal MTS in the impression",
     "DIAGNOSIS:\nLeft mesial temporal lobe epilepsy, drug-resistant\n\nMRI BRAIN 10/01/2026\n"
     "IMPRESSION: Equivocal for left mesial temporal sclerosis.\n", "temporal_lobe_epilepsy", P),
    ("problem list, possible hippocampal sclerosis",
     "Problem list:\n1. Right temporal lobe epilepsy, intractable\n"
     "Imaging: MRI 10/2026 possible right hippocampal sclerosis.\n", "temporal_lobe_epilepsy", P),
    ("diagnoses header, questionable MTS, epilepsy fact",
     "Diagnoses:\nLeft mTLE, refractory\n\nMRI 3T 09/2026: questionable left MTS.\n", "epilepsy", P),
    ("dx with code, hedged substrate in HPI",
     "Dx: G40.219 left temporal lobe epilepsy\nHPI: MRI was equivocal for hippocampal sclerosis.\n",
     "temporal_lobe_epilepsy", P),
    ("hedge followed by in this patient with",
     "Impression: equivocal for left mesial temporal sclerosis in this patient with drug-resistant left temporal "
     "lobe epilepsy.\n", "temporal_lobe_epilepsy", P),
    ("in a patient with known, negated finding",
     "Impression: no hippocampal sclerosis in a patient with known right temporal lobe epilepsy.\n", "epilepsy", P),
    ("assessment states it, report hedges substrate",
     "Assessment: left mesial temporal lobe epilepsy, drug-resistant.\nMRI brain 10/01/2026 impression: equivocal "
     "for left mesial temporal sclerosis.\n", "temporal_lobe_epilepsy", P),
    ("conference conclusion, possible HS",
     "Conference conclusion: right temporal lobe epilepsy, medically refractory. MRI 09/2026: possible right "
     "hippocampal sclerosis.\n", "temporal_lobe_epilepsy", P),
    # near misses: only hedged mentions of the disease, or a coded diagnosis the notes hedge
    ("near miss: possible TLE and equivocal MTS",
     "Assessment: possible temporal lobe epilepsy. MRI: equivocal for mesial temporal sclerosis.\n",
     "temporal_lobe_epilepsy", S),
    ("near miss: r/o TLE", "Assessment: r/o TLE. MRI brain: possible hippocampal sclerosis.\n",
     "temporal_lobe_epilepsy", S),
    ("near miss: coded diagnosis, the notes hedge the disease",
     "Dx: G40.219 left temporal lobe epilepsy\nHPI: possible temporal lobe epilepsy; MRI equivocal for MTS.\n",
     "temporal_lobe_epilepsy", S),
    ("near miss: diagnosis list, assessment hedges the disease",
     "Diagnosis:\nLeft TLE\n\nAssessment: r/o TLE.\n", "temporal_lobe_epilepsy", S),
]


@pytest.mark.parametrize(("case", "text", "fact", "status"), SUBSTRATE, ids=[c[0] for c in SUBSTRATE])
def test_a_hedged_substrate_leaves_the_diagnosis(analyze, case, text, fact, status):  # type: ignore[no-untyped-def]
    got, why = _status(analyze, text, fact)
    assert got is status, why


# 3. case, text, {fact: status}
NAMED = [
    ("no tumor on the epilepsy-protocol study",
     "Focal epilepsy. No tumor on the 3T epilepsy-protocol study.\n", {"epilepsy": P, "brain_neoplasm": A}),
    ("tumor-protocol MRI is no tumor",
     "Focal epilepsy. Tumor-protocol MRI excluded a DNET.\n", {"brain_neoplasm": A}),
    ("tumor protocol study alone",
     "Headaches. MRI brain, tumor protocol, 10/02/2026: unremarkable.\n", {"brain_neoplasm": N}),
    ("no mass at the epilepsy surgery conference",
     "Focal epilepsy. No mass seen at the epilepsy surgery conference review.\n", {"epilepsy": P}),
    ("seizure clinic then no seizures",
     "Seen in seizure clinic: no seizures since March. Focal epilepsy remains the diagnosis.\n", {"epilepsy": P}),
    ("stroke-team note, no stroke, epilepsy stated",
     "Stroke team note 11/01/2026: not a stroke. Known epilepsy.\n", {"epilepsy": P}),
    ("not confirmed on epilepsy protocol MRI",
     "Drug-resistant epilepsy. Outside read of possible FCD, not confirmed on epilepsy protocol MRI.\n",
     {"epilepsy": P}),
    ("glioma board name alone", "Presented at the glioma board 11/03/2026. Headaches, MRI pending.\n",
     {"brain_neoplasm": N}),
    # near misses: the disease itself negated or withdrawn
    ("no tumor on the epilepsy-protocol MRI, seizures only",
     "New seizures. No tumor on the epilepsy-protocol MRI 10/02/2026.\n", {"epilepsy": N, "brain_neoplasm": A}),
    ("clinic name, then not epilepsy", "Epilepsy clinic note. Not epilepsy; the events are syncope.\n",
     {"epilepsy": A}),
    ("near miss: not epilepsy", "EEG normal. Not epilepsy.\n", {"epilepsy": A}),
    ("near miss: not supported by the EEG", "Spells; epilepsy was not supported by the EEG.\n", {"epilepsy": A}),
    ("near miss: no longer considered", "Epilepsy is no longer considered; the events are syncopal.\n",
     {"epilepsy": A}),
    ("near miss: the DNET withdrawn, the epilepsy stays",
     "Assessment: left temporal lobe epilepsy. A possible DNET was raised in 2019; this was not supported on the "
     "epilepsy-protocol study.\n", {"epilepsy": P, "brain_neoplasm": A}),
]


@pytest.mark.parametrize(("case", "text", "expected"), NAMED, ids=[c[0] for c in NAMED])
def test_a_word_in_a_name_is_not_the_condition(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    for fact, status in expected.items():
        got, why = _status(analyze, text, fact)
        assert got is status, (fact, why)


# 4. case, text, fact, status
REVIEW_TALK = [
    ("health plan requested clarification on whether",
     "The health plan requested clarification on whether a glioma is suspected.\n", "brain_neoplasm", N),
    ("reviewer requested documentation of whether",
     "Denial letter: reviewer requested documentation of whether the prior CT was nondiagnostic.\n",
     "conventional_imaging_inconclusive", N),
    ("insurance asked whether", "Insurance asked whether this is for a brain tumor.\n", "brain_neoplasm", N),
    ("UM nurse asked, quoted question", "The UM nurse asked: is a tumor suspected?\n", "brain_neoplasm", N),
    ("reviewer comment quoted", "Reviewer comment: \"Is there a suspected neoplasm?\"\n", "brain_neoplasm", N),
    ("insurance company sought confirmation",
     "The insurance company sought confirmation as to whether lymphoma is in the differential.\n",
     "brain_neoplasm", N),
    ("payer's nurse reviewer needs to know if",
     "The payer's nurse reviewer needs to know if the MRI was equivocal.\n", "conventional_imaging_inconclusive", N),
    ("plan's case manager asked regarding",
     "The plan's case manager asked regarding whether metastases were seen.\n", "brain_neoplasm", N),
    # near misses: the clinician's question to a consultant, and a finding after the question's clause
    ("near miss: I asked radiology",
     "I asked radiology whether this could be a tumor; they could not exclude it.\n", "brain_neoplasm", S),
    ("near miss: we asked neurosurgery",
     "We asked neurosurgery whether this could be a glioma; they felt it likely.\n", "brain_neoplasm", S),
    ("near miss: the plan requested: heads the request",
     "Plan: MRS 76390 requested. MRI brain 10/01/2026 indeterminate for glioma versus demyelination.\n",
     "conventional_imaging_inconclusive", P),
]


@pytest.mark.parametrize(("case", "text", "fact", "status"), REVIEW_TALK, ids=[c[0] for c in REVIEW_TALK])
def test_the_reviewers_question_is_request_talk(analyze, case, text, fact, status):  # type: ignore[no-untyped-def]
    got, why = _status(analyze, text, fact)
    assert got is status, why
