"""Findings words in prose are no examination where the packet says the examination was not done, or where they
tell the patient's usual state (physical_exam_documented stays not documented).

Class: the prose reading of examinations (facts cue exam.findings, facts/derive/documentation.py `_prose`) takes
findings words such as "speech fluent", "oriented to self" or "follows commands" anywhere. Beside an examination
section that says it was not done ("Exam: not performed - video visit. Seemed at ease, speech fluent.") they
are observations of a remote visit; in a history ("usually oriented to self and place", "at baseline she follows
commands") they are the patient's usual state.

Rule: where the packet says the examination was not done (an empty or deferred examination section, or a sentence
that defers a named examination: `_said_not_done`), a prose clause on the line of that deferral counts only when it
opens the note's own examination (documentation.exam_firsthand: "on examination", "on my exam", "exam today"); a clause that tells the
usual or premorbid state (documentation.exam_baseline: "usually", "normally", "at baseline", "premorbidly") is no
examination anywhere.

Near misses (stay present): an examination section with findings; an examination attached on the lines after
the deferral ("Exam deferred to neurology; their exam is attached below:" then the findings, in other tables); "On examination today she is drowsy" beside a
deferred earlier exam; a dated exam line of the note's own visit; "usual" inside another word or a finding that
differs from baseline told first-hand ("On exam she is less oriented than her baseline").

Findings words after a deferral of the whole examination inside the examination section itself ("Exam: not
performed - video visit. Seemed at ease, speech fluent.") are read by the same line test
(`_deferral_on_line`; table: tests/facts/test_exam_deferred_then_observed.py).

Limits: a packet with a remote visit that says "no exam" and a separate in-person note whose examination is told
in prose without a header or an opening phrase ("Awake, follows commands, left drift.") reads no examination.

Rows are freshly written.
"""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED
HPI = "HPI: 71M with a right temporal lesion found after two weeks of word-finding trouble.\n"

ROWS: dict[str, tuple[str, FactStatus]] = {
    # observations beside a deferred examination
    "phone-visit-oriented": (HPI + "Telephone visit, no exam. Wife says he is oriented to person and place, follows "
                             "commands.\n", N),
    "deferred-then-follows-commands": (HPI + "Virtual visit, exam deferred; he was alert and followed commands "
                                       "during the call.\n", N),
    "no-exam-dictated": (HPI + "Exam not done today as this was a telehealth encounter. Speech fluent, naming "
                         "intact on screen.\n", N),
    # the usual state
    "usually-oriented": (HPI + "Hx per nursing: usually oriented to self and place, walks with a frame.\n", N),
    "at-baseline-follows": (HPI + "At baseline she follows two-step commands and feeds herself.\n", N),
    "premorbidly-fluent": (HPI + "Premorbidly fluent speech; now halting per the family.\n", N),
    "normally-oriented": (HPI + "Daughter notes he is normally oriented to self and city.\n", N),
    # near misses: the note's own examination
    "near-exam-section": (HPI + "Exam: alert, oriented x3, speech fluent, no drift.\n", P),
    "near-on-examination-after-deferred": (HPI + "Video visit 10/02: exam deferred.\nClinic 11/01: on examination "
                                           "today he is drowsy, speech halting, right pronator drift.\n", P),
    "near-exam-today-dictated": (HPI + "exam today he is awake comma oriented to self only comma follows one step "
                                 "commands period\n", P),
    "near-less-than-baseline": (HPI + "On exam she is less oriented than her baseline, follows one-step commands "
                                "only.\n", P),
    "near-unusual-word": (HPI + "Neuro exam: unusually brisk reflexes on the left, speech fluent.\n", P),
}


@pytest.mark.parametrize("text,expected", list(ROWS.values()), ids=list(ROWS))
def test_exam_not_done_or_baseline(fragment_facts: Any, text: str, expected: FactStatus) -> None:
    fact = fragment_facts(text).facts["physical_exam_documented"]
    assert fact.status is expected, [e.sentence for e in fact.evidence]
