"""Form rows that ask two things at once, joined by a slash (or "or", "&"), and answer each in the same order.

"Prior MRS / PET ........ none / none" answers No to both; "none / 10/28/2026" is No to the MRS and dates the PET
(in the work-up when within 90 days); "yes / no" is Yes to the first, No to the second; a single answer after two
items answers both ("Pacemaker / ICD ....... N"). The reading extends the written answers of
nlp/resources/forms.yaml (written_answers `paired`, rule form.answer.in_order, cited under "via" of the
statement); a study a form answers No is no study whatever date its row holds (facts value set
study.form_answered_no); the window a row asks of its items is each item's ("PET or MRS in the past 90 days?",
facts cue study.joined_item).

Near misses that must not change: a leader with nothing after it (unanswered), a list of studies with their dates
("MRI 10/20 / CT 09/15"), dates only, a printed choice in the printed order ("Y / N", capitalised), two answers for
one item ("Cochlear implant: no / yes", a printed choice too), and a row whose answers do not match its items in
number and meaning.

Rows are freshly written.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of

from pipeline.contracts import FactStatus

P, A, N = FactStatus.PRESENT, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
MRS, PET, CI = "prior_mrs", "pet_same_workup", "mri_contraindication"

# case -> (text, expected fact statuses, the devices of mri_contraindication or None when not checked)
ROWS: dict[str, tuple[str, dict[str, FactStatus], list[str] | None]] = {
    # each item takes its own answer
    "spectroscopy-pet-none-none": ("Previous spectroscopy / PET ............ none / none", {MRS: A, PET: A}, None),
    "tight-slashes-no-no": ("Prior MRS/FDG-PET: no/no", {MRS: A, PET: A}, None),
    "devices-n-n": ("Cardiac pacemaker / ICD ....... N / N", {CI: A}, []),
    "or-question-none-none": ("Any PET or MR spectroscopy within the last 3 months? none / none", {MRS: A, PET: A},
                              None),
    "none-then-pet-date": ("Earlier MRS / PET .......... none / 10/28/2026", {MRS: A, PET: P}, None),
    "pet-date-then-none": ("Prior PET / MRS: 11/01/2026 / none", {MRS: A, PET: P}, None),
    "mrs-date-then-none": ("Prior MRS / PET .... 05/14/2026 / none", {MRS: P, PET: A}, None),
    "pet-date-outside-window": ("Prior MRS / PET .... none / 03/02/2026", {MRS: A, PET: A}, None),
    "yes-then-no": ("Prior MRS / PET ........ yes / no", {MRS: P, PET: A}, None),
    "no-then-yes-with-date-note": ("Prior MRS / PET ......... no / yes - 10/30/2026", {MRS: A, PET: P}, None),
    "or-window-yes-no": ("PET or MRS in the past 90 days? yes / no", {MRS: A, PET: P}, None),
    "pet-window-first-none-none": ("PET within 90 days / prior MRS ...... none / none", {MRS: A, PET: A}, None),
    "pet-ct-is-one-item": ("Prior PET/CT / MRS ..... none / none", {MRS: A, PET: A}, None),
    "devices-lower-y-n": ("Pacemaker/ICD: y / n", {CI: P}, ["pacemaker"]),
    "devices-ampersand-n-y": ("Neurostimulator & cochlear implant - N / Y", {CI: P}, ["cochlear_implant"]),
    "devices-na-and-n": ("Aneurysm clip / insulin pump ..... N/A / N", {CI: A}, []),
    "three-devices-three-answers": ("Pacemaker / ICD / aneurysm clip ..... N / N / N", {CI: A}, []),
    "two-rows-on-one-line": ("Prior MRS / PET ...... none / none    Pacemaker / ICD ...... N / N",
                             {MRS: A, PET: A, CI: A}, []),
    "after-a-single-field": ("Insulin pump: N   Pacemaker / ICD: N / Y", {CI: P}, ["icd"]),
    "row-after-a-request-line": ("PRIOR AUTHORIZATION REQUEST\nRequested: MR spectroscopy, brain (CPT 76390)\n"
                                 "Prior MRS / PET .......... none / none",
                                 {MRS: A, PET: A, "mrs_requested": P}, None),
    # a single answer after two items answers both
    "single-answer-devices": ("Pacemaker / ICD ........ N", {CI: A}, []),
    "single-answer-studies": ("Prior MRS / PET: none", {MRS: A, PET: A}, None),
    # near misses
    "blank-leader": ("Prior MRS / PET .......... ", {MRS: N, PET: N}, None),
    "list-of-studies": ("Prior imaging: MRI 10/20 / CT 09/15", {MRS: A, PET: N, CI: N}, None),
    "list-of-dated-studies": ("Prior studies: PET 10/20/2026 / MRS 09/15/2026", {MRS: P, PET: P}, None),
    "dates-only": ("Prior MRS / PET: 09/15/2026 / 10/20/2026", {MRS: P, PET: P}, None),
    "printed-choice-capitals": ("Pacemaker / ICD? Y / N", {CI: N}, []),
    "one-item-two-answers": ("Cochlear implant: no / yes", {CI: N}, []),
    "items-and-answers-differ": ("Pacemaker / ICD / clips: N / Y", {CI: N}, []),
}


@pytest.mark.parametrize(("text", "expected", "devices"), ROWS.values(), ids=ROWS.keys())
def test_slash_row(analyze: Any, text: str, expected: dict[str, FactStatus], devices: list[str] | None) -> None:
    facts = facts_of(analyze, text + REQUEST_TAIL)
    check_facts(facts, expected)
    if devices is not None:
        assert facts.facts[CI].attributes.get("device", []) == devices


def test_the_in_order_reading_is_cited(analyze: Any) -> None:
    """The evidence names the paired reading (form.answer.in_order) and the joined window (study.joined_item)."""
    facts = facts_of(analyze, "PET or MRS in the past 90 days? yes / no" + REQUEST_TAIL)
    pet = facts.facts[PET]
    assert any("study.joined_item" in e.attributes.get("cue", "").split() for e in pet.evidence), pet.evidence
    facts = facts_of(analyze, "Pacemaker / ICD ....... Y / n" + REQUEST_TAIL)
    ci = facts.facts[CI]
    assert ci.attributes.get("device") == ["pacemaker"]
    rules = [r for e in [*ci.evidence, *ci.ignored] if e.text == "ICD" for r in e.modifier_rules]
    assert "form.answer.in_order" in rules and "form.question.answered_no" in rules, rules
