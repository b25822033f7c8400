"""A device whose MR-conditional clearance is pending or in question is in the patient: the wait and the question
are the clearance's.

1. "pending" after a device's MR-conditional statement ("Pacemaker - MR conditional: pending", "VNS - MR
   conditional documentation pending") is the clearance's: the clearance is a subject of scope.pending_subject, so
   the device before it keeps its own reading (no hypothetical).
2. A query mark glued to the clearance after a dash or colon ("DBS - MR conditional? not yet verified") asks about
   the clearance: the clearance is a subject of scope.subject_question, so the device before it is not hedged.

3. A clearance that predates a change to the device or whose MRI-safety review is pending leaves the device and the
   statement as they read (the fact stage decides: safety.clearance_superseded_by_change,
   safety.clearance_review_pending); a slash-joined device row answered No with a remark negates its devices.

Near misses: a device whose own placement is pending ("Pacemaker placement pending") stays a plan, the clearance
itself stays hedged or hypothetical, and a queried device ("Implants: ?VNS") stays in question, a slash-joined row answered Yes or split by device keeps its device.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import check_mention

from pipeline.contracts import Mention

HYP, HEDGE, NONE = {"hypothetical"}, {"uncertain"}, set[str]()
AMONG = {"hypothetical", "uncertain", "negated"}

# id: (text, concept, mention text, expected modifiers among AMONG)
CASES: dict[str, tuple[str, str, str, set[str]]] = {
    # ------------------------------------------------ the clearance waits, the device is there
    "colon-pending": ("Pacemaker - MR conditional: pending\n", "MRI_CONTRAINDICATION", "Pacemaker", NONE),
    "documentation-pending": ("VNS - MR conditional documentation pending\n", "MRI_CONTRAINDICATION", "VNS", NONE),
    "letter-from-ep-pending": ("ICD (Boston Scientific) - MR-conditional letter from EP pending\n",
                               "MRI_CONTRAINDICATION", "ICD", NONE),
    "paperwork-pending-colon": ("Insulin pump: MR-compatible paperwork pending\n", "MRI_CONTRAINDICATION",
                                "Insulin pump", NONE),
    "labelling-pending-sentence": ("The cochlear implant is in place; MR conditional labelling pending.",
                                   "MRI_CONTRAINDICATION", "cochlear implant", NONE),
    # ------------------------------------------------ the clearance is the question, the device is there
    "dash-query-not-verified": ("DBS - MR conditional? not yet verified\n", "MRI_CONTRAINDICATION", "DBS", NONE),
    "colon-query-to-confirm": ("Cochlear implant: MR-compatible? to be confirmed by audiology\n",
                               "MRI_CONTRAINDICATION", "Cochlear implant", NONE),
    "dash-query-labelling": ("RNS system - MR conditional? unverified\n", "MRI_CONTRAINDICATION", "RNS system", NONE),
    # ------------------------------------------------ a clearance that predates a change, or whose review is pending:
    # the device and the statement keep their own reading here; the fact stage reads the statement as clearing
    # nothing (tests/facts/test_device_clearance_lapsed_facts.py)
    "clearance-then-generator-replaced": ("VNS placed 2012, MR conditional. Generator replaced 2021 at an outside "
                                          "hospital.\n", "MRI_CONTRAINDICATION", "VNS", NONE),
    "clearance-then-review-pending": ("DBS - MR conditional. MR safety review still pending.\n",
                                      "MRI_CONTRAINDICATION", "DBS", NONE),
    "statement-before-change-not-hedged": ("Pacemaker - MR-conditional system (2015). Generator change 2024.\n",
                                           "DEVICE_CLEARED", "MR-conditional system", NONE),
    # ------------------------------------------------ slash-joined rows answered No with a remark
    "slash-row-no-remark-considered": ("Pacemaker/ICD: No (pacemaker was considered in 2019, never placed)\n",
                                       "MRI_CONTRAINDICATION", "ICD", {"negated"}),
    "slash-row-n-remark-alternative": ("VNS/DBS/RNS N (VNS discussed as an alternative - not implanted)\n",
                                       "MRI_CONTRAINDICATION", "DBS", {"negated"}),
    # ------------------------------------------------ near misses
    "near-slash-row-yes-card": ("VNS/DBS/RNS Y (VNS 2018, MR conditional card on file)\n", "MRI_CONTRAINDICATION",
                                "DBS", NONE),
    "near-row-split-by-device": ("VNS N / DBS Y\n", "MRI_CONTRAINDICATION", "DBS", NONE),
    "clearance-stays-pending": ("Pacemaker - MR conditional: pending\n", "DEVICE_CLEARED", "MR conditional", HYP),
    "clearance-stays-questioned": ("DBS - MR conditional? not yet verified\n", "DEVICE_CLEARED", "MR conditional",
                                   HEDGE),
    "placement-pending": ("Pacemaker placement pending\n", "MRI_CONTRAINDICATION", "Pacemaker", HYP),
    "queried-device": ("Implants: ?VNS\n", "MRI_CONTRAINDICATION", "VNS", HEDGE),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected"), CASES.values(), ids=CASES.keys())
def test_device_clearance_pending(mentions: Callable[[str], list[Mention]], text: str, concept: str, span: str,
                                  expected: set[str]) -> None:
    check_mention(mentions, text, concept, span, expected, among=AMONG)
