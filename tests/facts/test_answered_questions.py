"""An earlier hedge, differential or question answered later in other words, through the real NLP stage to the
facts (pipeline/facts/supersession.py, facts/resources/supersession.yaml; pipeline/nlp/resources/context.yaml).

Class: a packet hedges a tumour (a study's differential, a question put to a reader, a preliminary read) and a later
sentence answers it in words the supersession rules did not know: "the differential raised on the CT is resolved by
this MRI", "the cystic tumour is no longer a consideration", "this answers the ED's question: no tumour", "question
of tumour answered - negative", a question put to neuroradiology and answered ("they feel a metastasis is not a
consideration"), a preliminary read ("PRELIMINARY REPORT (resident, 10/02):", "PRELIM READ -") that the final report
of the same study replaces ("FINAL: infarct excluded"). Rule: the answer settles the earlier question (the hedged
tumour stops counting, the older study's inconclusive read no longer counts), as the existing settled and
withdrawal sources do (context.yaml neg.withdrawn / neg.question_closed / scope.question_answered,
supersession.yaml supersede.settling_rules, supersede.inline_addendum, supersede.conclusive_addendum).

Near misses keep their reading: a later note that keeps the question open ("lymphoma remains a real possibility",
"the question is not answered by this MRI"), an answer about another concept ("no abscess" does not settle a tumour
question), an answer dated before the question, a question still pending ("asked neuroradiology; awaiting their
reply"), an addendum on a different study.

Rows: id, text, {fact: expected status or set of statuses}. Rows whose id starts with "near" must keep their
reading.
"""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
GONE = frozenset({A, N})
"""Settled: no longer suspected (absent when the answer says so, else not documented)."""

TUMOUR_SETTLED: dict[str, Any] = {"brain_neoplasm": GONE, "known_brain_tumor": GONE,
                                  "tumor_vs_nontumor_differential": GONE}
"""The tumour question answered in the negative: no tumour suspected, no tumour-vs-non-tumour differential open."""
STUDY_SETTLED: dict[str, Any] = {**TUMOUR_SETTLED, "conventional_imaging_inconclusive": GONE}
"""...and the study that raised it no longer read inconclusive."""
STILL_OPEN: dict[str, Any] = {"brain_neoplasm": S, "conventional_imaging_inconclusive": P}
"""The question stays open: the tumour suspected, the study inconclusive."""

CASES: list[tuple[str, str, dict[str, Any]]] = [
    # 1. a later study resolves the differential an earlier one raised
    ("differential raised on the CT resolved by this MRI",
     "CT head 10/02/2026: ring-enhancing lesion, metastasis versus abscess.\nMRI brain 10/05/2026: the differential "
     "raised on the CT is resolved by this MRI - no tumour.", STUDY_SETTLED),
    ("differential resolved, British spelling, abscess",
     "Non-contrast CT (02/10/2026) - possible neoplasm vs cerebritis, L frontal. The differential raised on that CT "
     "has been resolved by the MRI of 06/10/2026, which shows an organising abscess and no tumour.", STUDY_SETTLED),
    ("the MRI resolves the CT's differential",
     "Outside CT 09/28/2026 read '?glioma vs infarct'. The MRI of 10/01/2026 resolves the CT's differential: "
     "subacute infarct, no neoplasm.", STUDY_SETTLED),
    ("line wrap inside the phrase",
     "CT 10/02/2026 - low-grade glioma versus cortical dysplasia.\nMRI 10/09/2026: the differential raised on\nthe "
     "CT is resolved; no tumour.", STUDY_SETTLED),
    ("capitals, form field",
     "Prior CT (10/01/2026): METASTASIS VS ABSCESS.\nMRI 10/04/2026 impression: DIFFERENTIAL FROM CT RESOLVED - "
     "NO TUMOR.", STUDY_SETTLED),
    ("differential settled by today's MRI, abbreviation",
     "CT 09/30/2026: ?met vs abscess R parietal. Today's MRI (10/03/2026) settles the differential raised on the CT: "
     "no metastasis.", STUDY_SETTLED),
    ("parenthesised, differential put to rest",
     "CT brain (10/02/2026): possible tumour versus haemorrhagic contusion. The MRI (10/07/2026) resolved that "
     "differential - chronic contusion, no tumour.", STUDY_SETTLED),
    ("the CT question resolved by the MRI",
     "Head CT 10/02/2026 raised a question of neoplasm, right temporal. The question raised by the CT was resolved "
     "by MRI on 10/06/2026: no tumour.", STUDY_SETTLED),
    # 2. the named hedge is no longer a consideration
    ("the cystic tumour is no longer a consideration",
     "MRI 10/01/2026: cystic lesion, cystic tumour versus abscess. After the aspirate grew streptococcus, the cystic "
     "tumour is no longer a consideration.", TUMOUR_SETTLED),
    ("glioma no longer a consideration, British",
     "Initial impression: possible low-grade glioma. On follow-up, a glioma is no longer a consideration.",
     TUMOUR_SETTLED),
    ("metastasis no longer considered",
     "CT 10/02/2026: ?metastasis. Metastasis is no longer being considered after the MRI of 10/06/2026.",
     TUMOUR_SETTLED),
    ("lymphoma no longer in the differential",
     "Differential on admission included CNS lymphoma. Lymphoma is no longer in the differential.",
     {"brain_neoplasm": GONE}),
    ("tumour no longer a concern, capitals",
     "?TUMOUR on the ED CT. TUMOUR IS NO LONGER A CONSIDERATION.", TUMOUR_SETTLED),
    ("neoplasm no longer a consideration, line wrap",
     "Possible neoplasm was raised. Neoplasm is no longer a\nconsideration.", TUMOUR_SETTLED),
    ("the mass is no longer thought to be a tumour",
     "CT 10/02/2026: mass, ?tumour. The tumour is no longer a consideration (MRI 10/05/2026: resolving haematoma).",
     TUMOUR_SETTLED),
    ("GBM no longer a consideration, abbreviation",
     "Referral query: GBM vs tumefactive MS. GBM is no longer a consideration per neuro-oncology.",
     {"brain_neoplasm": GONE}),
    # 3. this answers the question: no tumour
    ("this answers the ED's question: no tumour",
     "ED CT 10/02/2026: ?mass, possible tumour. MRI brain 10/04/2026: this answers the ED's question: no tumour.",
     STUDY_SETTLED),
    ("this answers the referring question, dash",
     "Referral: question of brain tumour. This MRI answers the referring question - no tumour.", TUMOUR_SETTLED),
    ("which answers the question: no neoplasm",
     "CT 10/01/2026: possible neoplasm L occipital. MRI 10/03/2026 shows a venous angioma, which answers the "
     "question: no neoplasm.", STUDY_SETTLED),
    ("answers the clinical question, British",
     "Indication: ?tumour. Comment: this study answers the clinical question; there is no tumour.",
     TUMOUR_SETTLED),
    ("this answers your question, letter",
     "Dear Dr Patel, you asked whether the CT finding could be a tumour. The MRI answers your question: no tumour.",
     TUMOUR_SETTLED),
    ("answering the ED's question, lower case",
     "ed ct 10/02/2026 ?metastasis. mri 10/04/2026, answering the ed's question: no metastasis.", STUDY_SETTLED),
    ("that answers the neurosurgery question, parenthesis",
     "Neurosurgery asked about a possible glioma (CT 10/01/2026). The MRI (10/03/2026) answers that question: no "
     "glioma.", STUDY_SETTLED),
    ("this answers the question posed, form field",
     "Question posed: ?neoplasm\nAnswer: this answers the question posed - no neoplasm.", TUMOUR_SETTLED),
    # 4. question of tumour answered - negative
    ("question of tumour answered - negative",
     "CT 10/02/2026: possible tumour R frontal. Question of tumour answered - negative (MRI 10/05/2026).",
     STUDY_SETTLED),
    ("question of neoplasm answered: negative",
     "Possible neoplasm on CT 10/02/2026. Question of neoplasm answered: negative.", STUDY_SETTLED),
    ("question of metastasis answered in the negative",
     "CT 10/02/2026 ?metastasis. The question of metastasis was answered in the negative by the MRI.",
     STUDY_SETTLED),
    ("tumour question answered, no",
     "?tumour on the CT. Tumour question answered - no.", TUMOUR_SETTLED),
    ("question of glioma answered negatively, British",
     "Possible low-grade glioma raised on the CT (10/01/2026). Question of glioma answered negatively on MRI.",
     STUDY_SETTLED),
    ("capitals, QUESTION OF TUMOR ANSWERED - NEGATIVE",
     "CT 10/02/2026: ? TUMOR. QUESTION OF TUMOR ANSWERED - NEGATIVE.", STUDY_SETTLED),
    ("question of lymphoma answered, negative, semicolon",
     "CT 10/02/2026: possible lymphoma; question of lymphoma since answered; negative.",
     {"brain_neoplasm": GONE, "conventional_imaging_inconclusive": GONE}),
    ("line wrap, question of neoplasm answered",
     "CT 10/02/2026: possible neoplasm. Question of neoplasm\nanswered - negative.", STUDY_SETTLED),
    # 5. a question put to neuroradiology and answered
    ("asked neuroradiology, not a consideration",
     "MRI 10/02/2026: enhancing lesion, ?metastasis vs infarct. I asked neuroradiology whether this could be a "
     "metastasis; they feel a metastasis is not a consideration.", STUDY_SETTLED),
    ("asked the radiologist, not a tumour",
     "CT 10/02/2026: possible tumour. I asked the radiologist whether this could be a tumour; she feels it is not a "
     "tumour.", STUDY_SETTLED),
    ("discussed with neuroradiology, they do not think",
     "MRI 10/02/2026: ?glioma vs demyelination. Discussed with neuroradiology whether this could be a glioma: they do "
     "not think it is a glioma.", STUDY_SETTLED),
    ("we asked Dr Lee, British",
     "CT 10/02/2026: possible tumour. We asked Dr Lee (neuroradiology) if this could be a tumour; in her opinion "
     "a tumour is not a consideration.", STUDY_SETTLED),
    ("reviewed with radiology, answered no",
     "MRI 10/02/2026: ?lymphoma. Reviewed with radiology whether this could be lymphoma - their answer: lymphoma is "
     "not a consideration.", {"brain_neoplasm": GONE, "conventional_imaging_inconclusive": GONE}),
    ("asked neuroradiology, line wrap",
     "MRI 10/02/2026: ?metastasis. I asked neuroradiology whether this could be a metastasis; they feel a\nmetastasis "
     "is not a consideration.", STUDY_SETTLED),
    ("asked, they feel not a tumour, abbreviation",
     "CT 10/02/2026: ?met. Asked neurorad whether this could be a met; they feel it is not a tumor.", STUDY_SETTLED),
    ("question to neuroradiology answered",
     "MRI 10/02/2026: possible glioma. Question to neuroradiology: could this be a glioma? Answer: a glioma is not a "
     "consideration.", STUDY_SETTLED),
    # 6. a preliminary read replaced by the final report of the same study
    ("PRELIMINARY REPORT (resident) then FINAL",
     "MRI BRAIN 10/02/2026\nPRELIMINARY REPORT (resident, 10/02): metastasis versus subacute infarct.\nFINAL: "
     "subacute infarct; metastasis excluded.", STUDY_SETTLED),
    ("PRELIM READ - then FINAL: infarct excluded",
     "CT HEAD 10/02/2026\nPRELIM READ - possible tumour versus infarct.\nFINAL: tumour excluded; subacute infarct.",
     STUDY_SETTLED),
    ("Preliminary report then Final report, lower case",
     "MRI brain 10/02/2026\nPreliminary report (resident): possible glioma vs infarct.\nFinal report: infarct; no "
     "glioma.", STUDY_SETTLED),
    ("PRELIM then ADDENDUM",
     "MRI BRAIN 10/02/2026\nPRELIM READ - ?metastasis vs abscess.\nADDENDUM: pyogenic abscess; no metastasis.",
     STUDY_SETTLED),
    ("wet read then final read",
     "CT HEAD 10/02/2026\nWET READ (resident, 10/02): possible neoplasm.\nFINAL READ: no neoplasm; chronic infarct.",
     STUDY_SETTLED),
    ("preliminary with date, final attending",
     "MRI BRAIN 10/02/2026\nPRELIMINARY REPORT (resident, 10/02): tumour vs demyelination.\nFINAL (attending, 10/03): "
     "tumour excluded; demyelination.", STUDY_SETTLED),
    ("prelim dash, final report heading",
     "MRI HEAD 10/02/2026\nPrelim read - possible neoplasm vs cerebritis.\nFINAL REPORT: no neoplasm; cerebritis.",
     STUDY_SETTLED),
    ("preliminary interpretation, final impression",
     "CT BRAIN 10/02/2026\nPRELIMINARY INTERPRETATION: ?lymphoma vs toxoplasmosis.\nFINAL IMPRESSION: lymphoma "
     "excluded; toxoplasmosis.", {"brain_neoplasm": GONE, "conventional_imaging_inconclusive": GONE}),
    # near misses: the question kept open, another concept, the answer before the question, pending, another study
    ("near: lymphoma remains a real possibility",
     "MRI 10/02/2026: ?lymphoma vs demyelination. Asked neuroradiology whether this could be lymphoma; they feel "
     "lymphoma remains a real possibility.", STILL_OPEN),
    ("near: the question is not answered by this MRI",
     "CT 10/02/2026: possible tumour. MRI 10/05/2026: the question is not answered by this MRI; a tumour cannot be "
     "excluded.", STILL_OPEN),
    ("near: no abscess does not settle a tumour question",
     "CT 10/02/2026: ?tumour vs abscess. This answers the ED's question: no abscess.", STILL_OPEN),
    ("near: no abscess, question answered - negative",
     "CT 10/02/2026: ?tumour vs abscess. Question of abscess answered - negative.", STILL_OPEN),
    ("near: answer dated before the question",
     "MRI 2019 answered the question of tumour - negative. CT 10/02/2026: new lesion, possible tumour.", STILL_OPEN),
    ("near: asked neuroradiology, awaiting their reply",
     "MRI 10/02/2026: ?metastasis. I asked neuroradiology whether this could be a metastasis; awaiting their reply.",
     STILL_OPEN),
    ("near: the question put, not yet answered",
     "CT 10/02/2026: possible glioma. Question to neuroradiology: could this be a glioma? Answer pending.",
     STILL_OPEN),
    ("near: an addendum on a different study",
     "MRI BRAIN 10/02/2026\nIMPRESSION: metastasis versus subacute infarct.\n\nCT CHEST 10/03/2026\nADDENDUM: no "
     "pulmonary nodule; no metastasis in the chest.", {"brain_neoplasm": S}),
    ("near: the differential still open after the MRI",
     "CT 10/02/2026: metastasis versus abscess. The MRI of 10/05/2026 does not resolve the differential; metastasis "
     "remains a consideration.", STILL_OPEN),
    ("near: preliminary read with no final",
     "MRI BRAIN 10/02/2026\nPRELIMINARY REPORT (resident, 10/02): metastasis versus subacute infarct.\nFinal report "
     "to follow.", {"brain_neoplasm": S}),
    ("near: final keeps it open",
     "MRI BRAIN 10/02/2026\nPRELIM READ - metastasis versus infarct.\nFINAL: metastasis versus subacute infarct; "
     "cannot be distinguished.", STILL_OPEN),
]


def _check(facts: Any, expected: dict[str, Any]) -> None:
    for name, want in expected.items():
        f = facts.facts[name]
        ok = f.status in want if isinstance(want, frozenset) else f.status is want
        assert ok, (name, f.status, f.note, [(e.text, e.assertion, e.modifier_rules) for e in f.evidence],
                    [(e.text, e.attributes.get("superseded_by")) for e in f.ignored])


LIMITS = {
    "differential settled by today's MRI, abbreviation": "'?met' is no metastasis mention (targets.yaml vocabulary)",
    "question of glioma answered negatively, British": "a negated glioma does not end the hedged grade of the CT's "
    "'low-grade glioma' (TUMOR_GRADE), so the CT stays inconclusive",
    "capitals, QUESTION OF TUMOR ANSWERED - NEGATIVE": "'? TUMOR' with a space after the mark is read affirmed",
    "reviewed with radiology, answered no": "poss.evaluate_for of 'whether this could be' reaches past 'their "
    "answer:' onto the answer's lymphoma, which stays hedged",
}
"""Rows this fix does not reach (reported as limits), each for the reason given: strict xfail."""


def _params() -> list[Any]:
    return [pytest.param(*c[1:], id=c[0], marks=[pytest.mark.xfail(reason=LIMITS[c[0]], strict=True)]
                         if c[0] in LIMITS else []) for c in CASES]


@pytest.mark.parametrize(("text", "expected"), _params())
def test_answered_questions(fragment_facts, text: str, expected: dict[str, Any]) -> None:  # type: ignore[no-untyped-def]
    _check(fragment_facts(text), expected)
