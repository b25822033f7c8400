"""Mentions of two device classes (facts: tests/facts/test_treatment_state_pet_talk_devices.py).

1. The consequence of a condition told in parentheses is part of the condition (context.yaml scope
   `scope.conditional_aside`): "If the drain wean fails, a shunt would be placed (a programmable valve would then need
   an MRI check)" makes the valve hypothetical. A parenthesis that states something of its own (a date, "placed",
   "is"), one before the consequence, and one with no condition before it keep their reading.
2. A dot-leader screen row whose item lists its options in brackets takes its answer: the item after a row answered
   No is the next field (forms.yaml `next_fields`), so "Pacemaker (PPM / ICD) ...... N  Neurostimulator (...) ...... Y"
   is No to the pacemaker; a Yes whose note names one of the options makes the others options not chosen
   (hypothetical, via `form.answer.names_option`), and the note itself is no part of the next row's question. A Yes
   that names no option keeps every option as it was.

Each row: a text, a concept, the span, which of its mentions with that span (0: the first), and the assertions it
must carry among negated / hypothetical / uncertain (an empty set: affirmed).
"""

from __future__ import annotations

import pytest

H, NEG = {"hypothetical"}, {"negated"}
AMONG = {"negated", "hypothetical", "uncertain"}

ASIDES = [
    ("valve in the consequence's parenthesis",
     "Plan: If the drain wean fails, a shunt would be placed (a programmable valve would then need an MRI check).",
     "MRI_CONTRAINDICATION", "programmable valve", 0, H),
    ("MR-conditional in the consequence's parenthesis",
     "Should she deteriorate, DBS would be offered (hardware then MR-conditional only).",
     "DEVICE_CLEARED", "MR-conditional", 0, H),
    ("the hypothetical shunt's valve type",
     "If the wean fails, she would need a VP shunt (programmable valve, Strata).",
     "MRI_CONTRAINDICATION", "programmable valve", 0, H),
    ("were-inverted condition, stimulator in the parenthesis",
     "Were the seizures to continue, epilepsy surgery would refer her for RNS (the neurostimulator would then "
     "limit MRI).", "MRI_CONTRAINDICATION", "neurostimulator", 0, H),
    # near misses
    ("near miss: no condition before the parenthesis",
     "VP shunt with a programmable valve (Strata, set 1.5).", "MRI_CONTRAINDICATION", "programmable valve", 0,
     set()),
    ("near miss: the parenthesis states the valve placed",
     "If headaches recur over the coming weeks, the shunt would be interrogated in clinic by neurosurgery "
     "(programmable valve placed 2019).",
     "MRI_CONTRAINDICATION", "programmable valve", 0, set()),
    ("near miss: the parenthesis says what is",
     "If an MRI is requested, cardiology would be called (the pacemaker is MR-conditional).",
     "DEVICE_CLEARED", "MR-conditional", 0, set()),
    ("near miss: the condition after the parenthesis",
     "VP shunt placed 2019 (programmable valve, Strata); if headaches recur it would be interrogated.",
     "MRI_CONTRAINDICATION", "programmable valve", 0, set()),
]

ROWS = [
    ("row answered No before an options row",
     "Pacemaker (PPM / ICD) ...... N  Neurostimulator (VNS / DBS / RNS / SCS) ...... Y - VNS, implanted 03/2021",
     "MRI_CONTRAINDICATION", "Pacemaker", 0, NEG),
    ("its options answered No too",
     "Pacemaker (PPM / ICD) ...... N  Neurostimulator (VNS / DBS / RNS / SCS) ...... Y - VNS, implanted 03/2021",
     "MRI_CONTRAINDICATION", "ICD", 0, NEG),
    ("an option the note does not name",
     "Neurostimulator (VNS / DBS / RNS / SCS) .......... Y - VNS, implanted 03/2021",
     "MRI_CONTRAINDICATION", "DBS", 0, H),
    ("an option the note does not name, in brackets",
     "Implant (clip / coil / stent) ...... Y (coil 2019)", "MRI_CONTRAINDICATION", "stent", 0, H),
    ("an option not named after e.g.",
     "Neurostimulator (e.g. VNS / DBS / RNS) ..... Y - DBS (2018)", "MRI_CONTRAINDICATION", "VNS", 0, H),
    ("the note is no part of the next row",
     "Neurostimulator (VNS / DBS / RNS / SCS) .......... Y - VNS, implanted 03/2021   Insulin pump ...... N",
     "MRI_CONTRAINDICATION", "VNS", 1, set()),
    # near misses
    ("near miss: the option the note names",
     "Neurostimulator (VNS / DBS / RNS / SCS) .......... Y - VNS, implanted 03/2021",
     "MRI_CONTRAINDICATION", "VNS", 0, set()),
    ("near miss: the item itself",
     "Neurostimulator (VNS / DBS / RNS / SCS) .......... Y - VNS, implanted 03/2021",
     "MRI_CONTRAINDICATION", "Neurostimulator", 0, set()),
    ("near miss: Yes naming no option", "Neurostimulator (VNS / DBS) ..... Y", "MRI_CONTRAINDICATION", "DBS", 0,
     set()),
    ("near miss: options row answered No", "Neurostimulator (VNS / DBS) ......... N", "MRI_CONTRAINDICATION", "DBS",
     0, NEG),
    ("near miss: the next row answered No",
     "Neurostimulator (VNS / DBS / RNS / SCS) .......... Y - VNS, implanted 03/2021   Insulin pump ...... N",
     "MRI_CONTRAINDICATION", "Insulin pump", 0, NEG),
    ("near miss: two plain rows answered No", "Pacemaker (PPM / ICD) ...... N  Cochlear implant ...... N",
     "MRI_CONTRAINDICATION", "Cochlear implant", 0, NEG),
]


def _check(mentions, text: str, concept: str, span: str, nth: int, expected: set[str]) -> None:  # type: ignore[no-untyped-def]
    found = [m for m in mentions(text + "\n") if m.concept == concept and m.text == span]
    assert len(found) > nth, [(m.concept, m.text) for m in mentions(text + "\n")]
    m = found[nth]
    assert set(m.modifiers) & AMONG == expected, (m.modifiers, m.modifier_rules)


@pytest.mark.parametrize(("case", "text", "concept", "span", "nth", "expected"), ASIDES, ids=[c[0] for c in ASIDES])
def test_a_conditions_consequence_in_parentheses(mentions, case, text, concept, span, nth, expected):  # type: ignore[no-untyped-def]
    _check(mentions, text, concept, span, nth, expected)


@pytest.mark.parametrize(("case", "text", "concept", "span", "nth", "expected"), ROWS, ids=[c[0] for c in ROWS])
def test_screen_rows_with_options_in_brackets(mentions, case, text, concept, span, nth, expected):  # type: ignore[no-untyped-def]
    _check(mentions, text, concept, span, nth, expected)
