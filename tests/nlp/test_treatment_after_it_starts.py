"""A treatment named in a clause about the time after it starts, or in a study or visit to come after it, is not
yet given.

A treatment inside a temporal clause that looks ahead - "after / once / when / until / before / as soon as" the
treatment "starts / begins / is done / is completed / is finished" (present tense), or "once she starts" it - and a
treatment that names a study or visit still to come ("post-radiotherapy scans", "the first post-chemo visit", "the
first MRI after radiosurgery") in a future statement (will, to be, plan, expect, would, should, next) is planned,
not past treatment (facts prior_radiation / prior_chemotherapy / prior_resection / prior_tumor_treatment). Cues:

- `hyp.treatment_once_begun`: the subordinator before the treatment, the present-tense verb of its start or end
  right after it ("once radiotherapy starts", "until the resection is done") or the subject's before it ("until she
  starts temozolomide");
- `hyp.treatment_post_study_ahead`: "post-" a treatment followed by a study or visit, and
  `hyp.treatment_first_study_after`: "the first / next scan after" a treatment, each in a sentence with a future
  word and nothing dated, shown or done after it.

Rows: id, text, concept, the mention's text, its expected assertions among ASSERTIONS, a rule id it must cite.
Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import find_mention

ASSERTIONS = {"hypothetical", "uncertain", "negated", "historical"}
H, HIST, NONE = {"hypothetical"}, {"historical"}, set()
BEGUN, POST, FIRST = ("hyp.treatment_once_begun", "hyp.treatment_post_study_ahead",
                      "hyp.treatment_first_study_after")
RAD, RES, CHEMO = "PRIOR_RADIATION", "PRIOR_RESECTION", "PRIOR_CHEMOTHERAPY"

CASES: list[tuple[str, str, str, str, set[str], str | None]] = [
    # a temporal clause: after / once / when / until / before the treatment starts or is done
    ("once it starts", "Taper the dexamethasone once radiotherapy starts.", RAD, "radiotherapy", H, BEGUN),
    ("until it is done", "Seizure prophylaxis until the resection is done.", RES, "resection", H, BEGUN),
    ("after it begins", "Repeat MRS four weeks after proton therapy begins.", RAD, "proton therapy", H, None),
    ("until it is completed", "Continue levetiracetam until the craniotomy is completed.", RES, "craniotomy", H,
     BEGUN),
    ("when it begins", "Lower the steroid dose when chemotherapy begins.", CHEMO, "chemotherapy", H, BEGUN),
    ("as soon as it commences", "PJP prophylaxis as soon as temozolomide commences.", CHEMO, "temozolomide", H,
     BEGUN),
    ("before it is done", "Stop clopidogrel before the craniotomy is done.", RES, "craniotomy", H, BEGUN),
    ("once it is finished", "Driving may resume once whole brain radiotherapy is finished.", RAD,
     "whole brain radiotherapy", H, BEGUN),
    ("until she starts", "Keep the dose stable until she starts temozolomide.", CHEMO, "temozolomide", H, BEGUN),
    ("once it is over", "He can return to work once the chemotherapy is over.", CHEMO, "chemotherapy", H, BEGUN),
    ("capitals", "TAPER DEXAMETHASONE ONCE RADIOTHERAPY STARTS.", RAD, "RADIOTHERAPY", H, BEGUN),
    ("line wrap", "Taper the dexamethasone once radiotherapy\nstarts.", RAD, "radiotherapy", H, BEGUN),
    # a study or visit to come after it, in a future statement
    ("post- scans, will", "We will compare the spectrum with the post-radiotherapy scans.", RAD, "radiotherapy", H,
     POST),
    ("post- visit, expect", "Expect fatigue at the first post-chemo visit.", CHEMO, "chemo", H, POST),
    ("post- MRI, next", "Review the post-SRS MRI at the next visit.", RAD, "SRS", H, POST),
    ("post- imaging, to be", "Post-resection imaging to be obtained within 48 hours.", RES, "resection", H, None),
    ("first scan after, will", "The first scan after radiosurgery will be at three months.", RAD, "radiosurgery",
     H, FIRST),
    ("first MRI following, would", "Would expect pseudoprogression on the first MRI following chemoradiation.",
     RAD, "chemoradiation", H, FIRST),
    # near misses keep their reading
    ("near: ended, past", "Dexamethasone was tapered after radiotherapy ended in May.", RAD, "radiotherapy", NONE,
     None),
    ("near: post- MRI dated, showed", "Post-radiotherapy MRI 03/2025 showed new enhancement.", RAD, "radiotherapy",
     NONE, None),
    ("near: since it started", "Since chemotherapy started in June she has lost weight.", CHEMO, "chemotherapy",
     NONE, None),
    ("near: post-operative MRI showed", "Her post-operative MRI showed a gross total resection.", RES,
     "gross total resection", NONE, None),
    ("near: starts Monday; completed", "Radiotherapy starts Monday; she completed temozolomide in 2023.", CHEMO,
     "temozolomide", HIST, None),
    ("near: once it was completed", "Seizures stopped once radiotherapy was completed.", RAD, "radiotherapy", NONE,
     None),
    ("near: when it started, comma", "When chemotherapy started, her counts dropped.", CHEMO, "chemotherapy", NONE,
     None),
    ("near: post- MRI from a date", "We will compare the spectrum with the post-radiotherapy MRI from 03/2025.", RAD,
     "radiotherapy", NONE, None),
    ("near: post- MRI, no future", "The post-SRS MRI showed a smaller lesion.", RAD, "SRS", NONE, None),
    ("near: after it, the lesion begins", "After radiotherapy the lesion begins to shrink.", RAD, "radiotherapy",
     NONE, None),
]


@pytest.mark.parametrize(("text", "concept", "span", "expected", "rule"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_treatment_after_it_starts(mentions, text: str, concept: str, span: str,  # type: ignore[no-untyped-def]
                                   expected: set[str], rule: str | None) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & ASSERTIONS == expected, (mention.modifiers, mention.modifier_rules)
    if rule is not None:
        assert rule in mention.modifier_rules
