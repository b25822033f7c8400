"""A device only planned or pending is no device in the patient, end to end (text -> NLP -> facts).

Class: `mri_contraindication` was read present from an implanted pump or stimulator that is still to come: the
device said "not yet" had, its implant pending, scheduled, to follow a trial or to come only "if" the trial helps
("Intrathecal pump - not yet (screening trial first)", "then SynchroMed implant if relief", "before we commit to an implanted
pump", "SCS permanent implant scheduled 12/10 if the trial succeeds").

Rule (facts cues, pipeline/facts/resources/cues.yaml): safety.device_planned_after reads the device's own implant
noun ("implant", "permanent implant", "surgery", besides placement / implantation / insertion) before its plan
word, so "<device> implant scheduled / pending / if ..." is a plan, and takes "not yet" with nothing after it but a
stop, a bracket or a word of getting the device ("SCS - not yet; trial first", "pump: not yet (trial pending)",
"SCS not yet approved by insurance", "insulin pump not yet started"; not "not yet approved for MRI") and "to follow"
(not "to follow up"); safety.device_planned_before takes "before (we) commit(ting) to", "before deciding on",
"before going ahead with" and "before proceeding with" a device; the screen's word "implant" right after a device is
its own noun (safety.device_own_noun), so the plan words after it reach the device. A device "not yet placed /
implanted" was already denied (neg.device_not_implanted: absent), so its row expects absent.

Rows: 31, 16 of them failed before this change.

Near misses keep their reading: a device implanted, in place or placed with its MR-conditional status unknown, a
permanent system implanted after its trial, a device in place whose generator change or battery replacement is
scheduled or to follow, a stimulator implanted but "not yet turned on", "not yet programmed" or "not yet
interrogated", a pump whose refill is scheduled, a device in place before an MRI ("... before we proceed with the
MRI").

Limits known: "ITB pump refill pending" reads the pump hypothetical (not_documented) (the NLP's hyp.backward "pending" reaches it past
"refill"; the pending_subject scope knows only studies and clearances); a plan told in a later sentence of its own
("Intrathecal pump. Will decide after the trial.") is not read; "then <device>" with no condition after it
("trial, then permanent SCS") stays present, as it may be history.

Rows: id -> (text, expected mri_contraindication status). Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

CASES: dict[str, tuple[str, FactStatus]] = {
    # "not yet" with nothing after it but a stop, a bracket or a word of getting the device
    "not-yet-colon-stop": ("Intrathecal baclofen pump: not yet.", N),
    "not-yet-dash-trial-first": ("Spinal cord stimulator - not yet; trial first.", N),
    "not-yet-bracket-trial-pending": ("Prometra pump - not yet (bolus trial pending).", N),
    "not-yet-in-brackets": ("Sacral nerve stimulator (not yet) - test phase next month.", N),
    "not-yet-approved": ("SCS not yet approved by her insurer.", N),
    "not-yet-started": ("Insulin pump not yet started; training class 12/04.", N),
    "not-yet-placed-denied": ("DRG stimulator: not yet placed.", A),
    # the implant noun before a plan word: pending, scheduled, if
    "implant-pending": ("ITB pump implant pending psychology clearance.", N),
    "permanent-implant-scheduled-if": ("Permanent SCS implant scheduled 01/08 if the trial is a success.", N),
    "implant-scheduled-for": ("InterStim implant scheduled for 12/14.", N),
    "then-implant-if-relief": ("Test dose of IT hydromorphone, then SynchroMed implant if good relief.", N),
    "then-device-if": ("Single-shot baclofen trial, then ITB pump if tone improves.", N),
    "surgery-booked": ("DRG stimulator surgery booked for January.", N),
    # before committing to the device
    "before-we-commit": ("We will try 6 more weeks of PT before we commit to an implanted pump.", N),
    "before-committing": ("Psych evaluation first, before committing to a spinal cord stimulator.", N),
    "before-going-ahead": ("She wants a second opinion before going ahead with the intrathecal pain pump.", N),
    "before-deciding-on": ("Trial of medication management before deciding on a sacral nerve stimulator.", N),
    # to follow
    "implant-to-follow-trial": ("ITB pump implant to follow a successful trial.", N),
    "device-to-follow-if": ("Occipital nerve stimulator to follow if the block helps.", N),
    # near misses: the device is in the patient
    "near-implanted-refilled": ("SynchroMed II pump implanted 2018, refilled this morning.", P),
    "near-in-place": ("Intrathecal baclofen pump in place.", P),
    "near-placed-status-unknown": ("Intrathecal pump placed 03/2025; MR-conditional status unknown.", P),
    "near-trial-then-implanted": ("Trial done 08/2026, permanent spinal cord stimulator implanted 10/2026.", P),
    "near-generator-change-scheduled": ("Pacemaker placed 2020; generator change scheduled 12/2026.", P),
    "near-battery-to-follow": ("SCS in place; battery replacement to follow in the spring.", P),
    "near-not-yet-turned-on": ("Spinal cord stimulator implanted 10/20, not yet turned on.", P),
    "near-not-yet-programmed": ("DBS: not yet programmed.", P),
    "near-not-yet-interrogated": ("Pacemaker, not yet interrogated this year.", P),
    "near-refill-scheduled": ("Intrathecal baclofen pump: refill scheduled 12/02.", P),
    "near-before-mri": ("Her ITB pump must be checked before we proceed with the MRI.", P),
    "near-follow-up": ("VNS to follow up with neurosurgery next month.", P),
}


@pytest.mark.parametrize(("text", "status"), CASES.values(), ids=CASES.keys())
def test_device_not_yet_implanted(analyze: Any, text: str, status: FactStatus) -> None:
    fact = facts_of(analyze, text + REQUEST_TAIL).facts.get("mri_contraindication")
    got = fact.status if fact is not None else N
    assert got is status, (got.value, fact and fact.note, fact and [e.text for e in fact.evidence],
                           fact and [(e.text, e.attributes.get("cue")) for e in fact.ignored])
