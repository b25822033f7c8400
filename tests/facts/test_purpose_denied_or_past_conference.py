"""What the MRS result is not for: a treatment-planning purpose stated and denied, and a past meeting about the case.

Class: the MRS's treatment-planning purpose (fact mrs_purpose, purpose treatment_planning: what HealthHelp's known
tumour item 1.d, hh.known_tumor.treatment, and its leukodystrophy "therapy evaluation/planning" item,
hh.leukodystrophy.therapy, read) was read as present from sentences that deny it or that are not about the MRS:
1. A purpose stated negatively is absent: "No change in management is anticipated from the result", "no change to the
   treatment plan is expected" (targets.yaml purpose.management_unchanged: the "no" stands inside the phrase, where
   ConText cannot reach it, and "no change" is a pseudo-trigger, so the rule states the assertion); "treatment
   planning will not be affected by the MRS", "treatment decisions won't depend on the spectroscopy", "the plan of
   care will remain unchanged regardless" (context.yaml neg.purpose_unaffected, backward over the purpose named as
   the clause's subject); "the MRS is unlikely to alter management" (neg.purpose_unlikely; before, "unlikely" hedged
   the purpose and a hedged purpose counts as stated). "would not change management", "will not affect the
   treatment plan" were read as absent already (neg.no) and are rows here so that they stay so.
2. A meeting that was held is no purpose of the MRS: "Reviewed at neuro-oncology conference 09/30", "Case presented
   at tumour board last spring", "Taken to MDT in August" (purpose.result_to_conference now takes a past participle
   only after "to be", "will be", "once", ...; its base and present forms, "goes to", "will present the spectroscopy
   at", "take ... to the MDT", are a presentation to come as before).

Near misses keep their reading (treatment planning present): "the result will change management: re-resection
versus bevacizumab", "MR spectroscopy results to be discussed at tumour board", "we will take the spectroscopy to the
MDT", "would change management if recurrent tumour is shown" (a conditional on the result is its purpose), "needed
to plan radiotherapy", "to be presented at tumour board once the spectroscopy is back", "no change in management
until the MRS result is available" and "treatment decisions will not be changed until the spectroscopy is back"
(management waits on the result), "to guide treatment, as the lesion has not changed" (the denial is the lesion's),
a leukodystrophy's HSCT decided with the MRS.

Limits known: a denial with no purpose word of its own ("Management will not be altered by the spectroscopy",
"nothing in the MRS will change management") reads no purpose, not an absent one (the node is not met either way);
a past meeting whose verb is not a participle ("went to tumour board in 2023") was never read; a past participle
with the MRS as its subject and no word of the future ("MRS results discussed at tumour board") is now read as no
purpose, which is right for an earlier MRS but would miss a note written after the meeting; "no change in
management" followed by more words before "until" ("no change in management is planned until ...") is denied.

Rows: id -> (text, policy node, the status of the mrs_purpose evidence that node reads: the best of those matching
its `where`, as pipeline/criteria/evaluate.py takes it). Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import facts_of, policy_node

from pipeline.contracts import FactStatus

P, A, N = FactStatus.PRESENT, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
HEAD = "PRIOR AUTHORIZATION REQUEST\nDate of request: 11/20/2026\nCPT 76390\n\nASSESSMENT AND PLAN:\n"
TUMOUR = HEAD + "Known right temporal glioblastoma, resected 2025, now new enhancement. "
LEUKO = HEAD + "Suspected metachromatic leukodystrophy; MRI indeterminate. "
KT, LD = "hh.known_tumor.treatment", "hh.leukodystrophy.therapy"
_RANK = {"present": 3, "suspected": 2, "absent": 1}

CASES: dict[str, tuple[str, str, FactStatus]] = {
    # ---------------------------------------------------------------- 1. the purpose stated and denied
    "no change anticipated from the result": (TUMOUR + "MR spectroscopy (76390) requested. No change in management is "
                                              "anticipated from the result.\n", KT, A),
    "no change to the treatment plan": (TUMOUR + "MRS requested by radiology. No change to the treatment plan is "
                                        "expected whatever the spectrum shows.\n", KT, A),
    "no impact on management": (TUMOUR + "Spectroscopy added to the MRI; it will have no impact on management.\n", KT,
                                A),
    "planning not affected": (TUMOUR + "Treatment planning will not be affected by the MRS.\n", KT, A),
    "decisions won't depend on it": (TUMOUR + "MRS requested. Treatment decisions won't depend on the spectroscopy.\n",
                                     KT, A),
    "plan of care unchanged regardless": (TUMOUR + "MRS requested. The plan of care will remain unchanged regardless "
                                          "of the spectroscopy.\n", KT, A),
    "unlikely to alter management": (TUMOUR + "The MRS is unlikely to alter management; requested per radiology.\n",
                                     KT, A),
    "would not change our treatment": (TUMOUR + "Whatever it shows, the spectroscopy would not change our "
                                       "treatment.\n", KT, A),
    "will not affect the treatment plan": (TUMOUR + "MRS requested. It will not affect the treatment plan.\n", KT, A),
    "leukodystrophy: no change in the transplant plan": (LEUKO + "MRS requested. No change in the transplant plan is "
                                                         "expected from it.\n", LD, A),
    "leukodystrophy: HSCT decision not affected": (LEUKO + "The HSCT decision is not affected by the "
                                                   "spectroscopy.\n", LD, A),
    # ---------------------------------------------------------------- 2. a meeting that was held
    "reviewed at conference, dated": (TUMOUR + "Reviewed at neuro-oncology conference 09/30; surveillance agreed.\n",
                                      KT, N),
    "case presented at tumour board last spring": (TUMOUR + "Case presented at tumour board last spring and "
                                                   "radiotherapy was chosen.\n", KT, N),
    "taken to MDT in August": (TUMOUR + "Taken to MDT in August - watch and wait.\n", KT, N),
    "was brought to skull base conference": (TUMOUR + "She was brought to skull base conference in 2024; observation "
                                             "recommended.\n", KT, N),
    "discussed at palliative care conference": (TUMOUR + "Discussed at palliative care conference 10/12.\n", KT, N),
    "leukodystrophy: discussed at board": (LEUKO + "Discussed at the leukodystrophy board 10/05/2026.\n", LD, N),
    # ---------------------------------------------------------------- near misses: the purpose stays
    "near: result changes management, options": (TUMOUR + "MRS requested. The result will change management: "
                                                  "re-resection versus bevacizumab.\n", KT, P),
    "near: results to be discussed at tumour board": (TUMOUR + "MR spectroscopy results to be discussed at "
                                                      "neuro-oncology tumour board on 12/03/2026.\n", KT, P),
    "near: we will take the spectroscopy to the MDT": (TUMOUR + "We will take the spectroscopy to the MDT next "
                                                       "week.\n", KT, P),
    "near: would change management if shown": (TUMOUR + "MRS requested; would change management if recurrent tumour "
                                               "is shown.\n", KT, P),
    "near: needed to plan radiotherapy": (TUMOUR + "MRS needed to plan radiotherapy of the recurrence.\n", KT, P),
    "near: presented once the spectroscopy is back": (TUMOUR + "To be presented at tumour board once the "
                                                      "spectroscopy is back.\n", KT, P),
    "near: no change in management until the result": (TUMOUR + "MRS requested. No change in management until the "
                                                       "MRS result is available.\n", KT, P),
    "near: decisions not changed until it is back": (TUMOUR + "MRS requested. Treatment decisions will not be "
                                                     "changed until the spectroscopy is back.\n", KT, P),
    "near: the lesion has not changed": (TUMOUR + "MRS to guide treatment, as the enhancing lesion has not "
                                         "changed.\n", KT, P),
    "near: leukodystrophy HSCT decided with the MRS": (LEUKO + "MRS needed to decide on HSCT.\n", LD, P),
}


@pytest.mark.parametrize(("text", "node_id", "expected"), list(CASES.values()), ids=list(CASES))
def test_purpose_denied_or_past_conference(analyze: Any, text: str, node_id: str, expected: FactStatus) -> None:
    node, _ = policy_node("healthhelp", node_id)
    assert getattr(node, "fact", None) == "mrs_purpose", node_id
    where = getattr(node, "where", None) or {}
    read = [e for e in facts_of(analyze, text).facts["mrs_purpose"].evidence
            if all(e.attributes.get(k) in v for k, v in where.items())]
    best = max((_RANK.get(e.assertion or "", 0) for e in read), default=0)
    got = {3: P, 2: P, 1: A}.get(best, N)  # a suspected purpose counts as stated (facts/mapper.py)
    assert got is expected, [(e.text, e.assertion, e.attributes.get("therapy_of"), e.modifier_rules) for e in read]
