"""The request priority (expedited / standard) read from the request form by the rules of priority.yaml."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from pipeline.contracts import FactStatus, ScreeningResult
from pipeline.facts.priority import Priority, find_priority, load_priority_rules

E, S = Priority.EXPEDITED, Priority.STANDARD

CASES = [
    # (line on the form, expected priority or None, rule id that decides it or None)
    ("Priority: Expedited", E, "prio.field_expedited"),
    ("PRIORITY: EXPEDITED - NEXT MRI SLOT 11/06", E, "prio.field_expedited"),
    ("Date of request: 11/17/2026     Requested turnaround: expedited (inpatient)", E, "prio.field_expedited"),
    ("Request type: outpatient, expedited", E, "prio.field_expedited"),
    ("Priority: URGENT (inpatient, NICU)", E, "prio.field_expedited"),
    ("Priority: STAT", E, "prio.field_expedited"),
    ("Urgency level = emergent", E, "prio.field_expedited"),
    ("[X] Urgent/Expedited", E, "prio.checked_expedited"),
    ("[x] urgent", E, "prio.checked_expedited"),
    ("\u2612 Expedited   \u2610 Standard", E, "prio.checked_expedited"),
    ("Urgent: YES (clinical decision within 72 h)", E, "prio.yes_expedited"),
    ("Expedited review requested? [X] Yes", E, "prio.yes_expedited"),
    ("NEONATAL IMAGING -- PRIOR AUTHORIZATION (URGENT, INPATIENT)", E, "prio.title_parenthetical"),
    ("URGENT PRIOR AUTHORIZATION REQUEST", E, "prio.title_leading"),
    ("*** STAT ***", E, "prio.banner"),
    ("Priority: Standard", S, "prio.field_standard"),
    ("Urgency: Routine", S, "prio.field_standard"),
    ("Review type: standard", S, "prio.field_standard"),
    ("Priority: standard - please expedite, treatment decision on hold", S, "prio.field_standard"),
    ("Priority: not urgent", S, "prio.field_standard"),
    ("Priority: non-urgent", S, "prio.field_standard"),
    ("[X] routine    [ ] urgent", S, "prio.checked_standard"),
    ("[ ] Urgent    [X] Standard", S, "prio.checked_standard"),
    ("Urgent: No", S, "prio.no_standard"),
    ("Urgent: [ ] Yes [X] No", S, "prio.no_standard"),
    # near misses: nothing on these lines states the request's priority
    ("[ ] Urgent", None, None),
    ("[ ] Urgent    [ ] Expedited", None, None),
    ("Valley Urgent Care, 12 Main St, Springfield", None, None),
    ("Referred from urgent care after a fall", None, None),
    ("STAT head CT showed no hemorrhage", None, None),
    ("CT head stat: negative", None, None),
    ("Status: pending", None, None),
    ("Prior authorization (not urgent)", None, None),
    ("This is not an urgent request", None, None),
    ("Seizure control remains the priority for the family", None, None),
    ("The patient was told it is urgent that she follow up", None, None),
    ("Stat", None, None),  # lower case alone on a line is not a banner
    ("Urgent: [ ] Yes [ ] No", None, None),
]


@pytest.mark.parametrize(("line", "expected", "rule_id"), CASES, ids=[c[0][:40] for c in CASES])
def test_priority_rules(line: str, expected: Priority | None, rule_id: str | None) -> None:
    found = find_priority(line)
    assert found.priority is expected
    if rule_id is not None:
        assert rule_id in {m.rule_id for m in found.matches if m.priority is expected}
        for m in found.matches:
            assert line[m.start:m.end] == m.text == m.text.strip()


def test_both_priorities_on_one_form_take_the_shorter_window() -> None:
    found = find_priority("Priority: Standard\n[X] Urgent")
    assert found.priority is E and found.conflicting


def test_scope_limits_the_lines_read() -> None:
    text = "Priority: routine\n*** STAT ***\n"
    assert find_priority(text).priority is E
    assert find_priority(text, in_scope=lambda offset: offset < 18).priority is S


def test_rules_have_unique_ids_and_both_windows() -> None:
    rules = load_priority_rules()
    ids = [r.id for r in rules.rules]
    assert len(ids) == len(set(ids)) and all(i.startswith("prio.") for i in ids)
    assert rules.windows == {E: timedelta(hours=72), S: timedelta(days=7)}


FORM = """PRIOR AUTHORIZATION REQUEST
Date of request: 11/10/2026
Procedure requested: MR spectroscopy of the brain, CPT 76390
Diagnosis: D49.6 Neoplasm of unspecified behavior of brain
{priority_line}
\f
NEUROLOGY PROGRESS NOTE
HPI: 44-year-old woman with new seizures. STAT head CT in the ED was negative.
*** STAT ***
PLAN: MRS for grading before biopsy.
"""


@pytest.mark.parametrize(("priority_line", "status", "value"), [
    ("Priority: [X] Urgent  [ ] Routine", FactStatus.PRESENT, "expedited"),
    ("Priority: [ ] Urgent  [X] Routine", FactStatus.PRESENT, "standard"),
    ("", FactStatus.NOT_DOCUMENTED, None),  # the STAT banner on page 2 is not on the request form
])
def test_request_priority_fact(priority_line: str, status: FactStatus, value: str | None, screener,  # type: ignore[no-untyped-def]
                               tmp_path: Path) -> None:
    packet = tmp_path / "packet.txt"
    packet.write_text(FORM.format(priority_line=priority_line), encoding="utf-8")
    record = screener.screen_one(packet)
    assert isinstance(record, ScreeningResult)
    fact = next(f for f in record.facts if f.name == "request_priority")
    assert (fact.status, fact.value) == (status, value)
    text = packet.read_text(encoding="utf-8")
    for e in fact.evidence:
        assert e.page == 1 and text[e.start:e.end] == e.text and e.rule_id and e.rule_id.startswith("prio.")
