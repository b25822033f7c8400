"""A device's MR clearance named first and only later said to be unverified is hedged: poss.clearance_pending_after
(pipeline/nlp/resources/context.yaml) takes the lack of proof with its verb or adverb ("still unverified", "has not
been verified", "never verified", "still needs verification") past a field strength or a word pointing back, so the
DEVICE_CLEARED mention is uncertain and the device it follows keeps its own reading.

Near misses: a statement with its source or its check stays unhedged; so does one followed by another subject's
proof in the same clause (the fact stage reads those: tests/facts/test_clearance_unverified_later_facts.py).

Limits: "but this has not been verified" past a comma and "remains to be verified" are left to the fact stage
(safety.clearance_unestablished_after); the mention stays unhedged there.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import check_mention

from pipeline.contracts import Mention

HEDGE, NONE = {"uncertain"}, set[str]()
AMONG = {"hypothetical", "uncertain", "negated"}

# id: (text, concept, mention text, expected modifiers among AMONG)
CASES: dict[str, tuple[str, str, str, set[str]]] = {
    "field-strength-still-unverified": ("RNS leads: conditional labelling at 3 T still unverified.\n",
                                        "DEVICE_CLEARED", "conditional labelling", HEDGE),
    "for-field-strength-still-unverified": ("VNS: conditional labelling for 1.5T still unverified.\n",
                                            "DEVICE_CLEARED", "conditional labelling", HEDGE),
    "system-never-verified": ("ICD - MR conditional system, never verified.\n", "DEVICE_CLEARED",
                              "MR conditional system", HEDGE),
    "but-unverified": ("Insulin pump: MR compatible but unverified.\n", "DEVICE_CLEARED", "MR compatible", HEDGE),
    "which-not-verified": ("ICD: MR conditional, which has not been verified.\n", "DEVICE_CLEARED",
                           "MR conditional", HEDGE),
    "still-needs-verification": ("Spinal cord stimulator: MR conditional labeling still needs verification.\n",
                                 "DEVICE_CLEARED", "MR conditional labeling", HEDGE),
    "device-keeps-its-reading": ("ICD - MR conditional system, never verified.\n", "MRI_CONTRAINDICATION", "ICD",
                                 NONE),
    # ------------------------------------------------ near misses
    "near-card-on-file": ("Pacemaker - MR-conditional, per the implant card on file\n", "DEVICE_CLEARED",
                          "MR-conditional", NONE),
    "near-checked-protocol": ("Pacemaker - MR conditional (checked 12/01) - scan per protocol\n", "DEVICE_CLEARED",
                              "MR conditional", NONE),
    "near-cleared-by-cardiology": ("MRI-conditional pacemaker; cleared by cardiology\n", "DEVICE_CLEARED",
                                   "MRI-conditional", NONE),
    "near-verified-with-manufacturer": ("VNS: MR conditional system, verified with the manufacturer.\n",
                                        "DEVICE_CLEARED", "MR conditional system", NONE),
    "near-no-devices": ("no implanted devices\n", "MRI_CONTRAINDICATION", "implanted devices", {"negated"}),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected"), CASES.values(), ids=CASES.keys())
def test_clearance_unverified_later(mentions: Callable[[str], list[Mention]], text: str, concept: str, span: str,
                                    expected: set[str]) -> None:
    check_mention(mentions, text, concept, span, expected, among=AMONG)
