"""A device whose MRI clearance is not (yet) given stays an MRI contraindication, end to end (text -> NLP ->
`mri_contraindication` -> HealthHelp hh.ci.implanted_device).

The class: a negation whose object is the clearance ("approved", "cleared", "deemed safe", "compatible",
"conditional", "MRI safe", "clearance") was read as a negation of the device, or did not reach the clearance at
all, so the device came out absent: "Pacemaker not yet approved for MRI by cardiology", "ICD - clearance for MRI
not obtained", "Pacemaker - cleared for MRI: no", "Cardiology did not clear the pacemaker for MRI".

The rule: the negation negates the clearance, not the device; the device stays present and uncleared.
  - NLP scope `scope.clearance_object` (pipeline/nlp/resources/context.yaml): a negation or hedge that reaches a
    device is dropped from it when a clearance word stands between the device and a cue after it ("Pacemaker -
    MRI clearance declined", "ICD, approved for MRI? No"), when a clearance word follows right after a cue after
    the device ("Pacemaker not yet confirmed MRI safe"), or when the cue before the device is the clearing verb's
    ("EP did not clear the pacemaker for MRI").
  - fact cue safety.clearance_unestablished_before (pipeline/facts/resources/cues.yaml): "not yet" (optionally
    "been", "deemed", "considered", "confirmed", ...) right before a clearance statement leaves it unestablished
    ("VNS not yet deemed MR-conditional", "Pacemaker: not yet approved for MRI").

Near misses keep their reading: the device denied itself ("No pacemaker.", "Pacemaker: no", "no pacemaker or ICD",
"denies implanted devices", "not a pacemaker - a loop recorder"), a removed device, a clearance stated
("pacemaker approved for MRI by cardiology (MR-conditional system)"), a screen answered no after a clearance
heading on its own line.

  - form answers (pipeline/nlp/form_state.py, forms.yaml clearance_subjects): an item answered No whose question
    names a clearance (a DEVICE_CLEARED target) after the device denies the clearance, not the device ("ICD - cleared
    for MRI: no").

Limits: a form row whose clearance is only the noun "clearance" ("Pacemaker, MRI clearance: none") still denies the
device (the form answer is applied after the scopes and "clearance" is no DEVICE_CLEARED target); a clearance word more than one clause away from the device is not tied to it; a clearance denied by a
sentence that names no device ("Cardiology: not cleared.") does not reach a device named in an earlier sentence
unless the existing DEVICE_UNSAFE literals do; "safety" as a noun ("MRI safety") is not a clearance word here (it is
the topic rule's, targets.yaml mri_ci.clearance_topic) so that "MRI safety screen: no" rows keep denying devices.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from text_to_criteria import REQUEST_TAIL, check_device_fact, facts_of

from pipeline.contracts import FactStatus, TriState
from pipeline.criteria import Evaluation, load_policy

P, A = FactStatus.PRESENT, FactStatus.ABSENT
REPO = Path(__file__).resolve().parents[2]

# id: (text, status, devices)
CASES: dict[str, tuple[str, FactStatus, list[str]]] = {
    # ------------------------------------------------ the clearance is not (yet) given: the device stays
    "not-yet-approved-by": ("Pacemaker not yet approved for MRI by cardiology.\n", P, ["pacemaker"]),
    "icd-not-cleared": ("ICD not cleared for MRI.\n", P, ["icd"]),
    "vns-not-yet-deemed": ("VNS not yet deemed MR-conditional.\n", P, ["spinal_cord_stimulator"]),
    "ci-compatibility-not-confirmed": ("Cochlear implant - MRI compatibility not confirmed.\n", P,
                                       ["cochlear_implant"]),
    "dbs-not-approved-3t": ("DBS leads not approved for 3T.\n", P, ["spinal_cord_stimulator"]),
    "clip-not-cleared-by": ("Aneurysm clip in place. The clip has not been cleared by neurosurgery.\n", P,
                            ["aneurysm_clip"]),
    "not-mri-safe-per": ("Pacemaker, not MRI safe per EP.\n", P, ["pacemaker"]),
    "no-clearance-yet": ("Neurostimulator: no MRI clearance yet.\n", P, ["spinal_cord_stimulator"]),
    "comma-not-yet-approved": ("Loop: VNS, not yet approved for MRI by neurology.\n", P, ["spinal_cord_stimulator"]),
    "not-yet-cleared-for": ("ICD: not yet cleared for MRI by EP.\n", P, ["icd"]),
    "has-not-yet-been-approved": ("Her pacemaker has not yet been approved for MRI.\n", P, ["pacemaker"]),
    "not-yet-considered-safe": ("DBS - not yet considered safe for MRI.\n", P, ["spinal_cord_stimulator"]),
    "not-yet-conditional-paren": ("Pacemaker: not yet MR conditional (lead revision planned).\n", P, ["pacemaker"]),
    "not-yet-confirmed-safe": ("Spinal cord stimulator not yet confirmed MRI safe.\n", P, ["spinal_cord_stimulator"]),
    "clearance-not-obtained": ("ICD - clearance for MRI not obtained.\n", P, ["icd"]),
    "service-clearance-not-obtained": ("Pacemaker - cardiology clearance not obtained.\n", P, ["pacemaker"]),
    "clearance-declined": ("Cochlear implant - MRI clearance declined by ENT.\n", P, ["cochlear_implant"]),
    "clearance-absent": ("Pacemaker: MRI clearance absent.\n", P, ["pacemaker"]),
    "row-cleared-no": ("ICD - cleared for MRI: no\n", P, ["icd"]),
    "row-conditional-no": ("Pacemaker - MR conditional: no\n", P, ["pacemaker"]),
    "row-approved-question-no": ("VNS, approved for MRI? No.\n", P, ["spinal_cord_stimulator"]),
    "service-did-not-clear": ("Electrophysiology did not clear the ICD for MRI.\n", P, ["icd"]),
    # ------------------------------------------------ near misses: keep their reading
    "near-no-device": ("No pacemaker.\n", A, []),
    "near-row-no": ("Pacemaker: no\n", A, []),
    "near-no-two-devices": ("no pacemaker or ICD\n", A, []),
    "near-removed": ("pacemaker removed 2024\n", A, []),
    "near-cleared": ("pacemaker approved for MRI by cardiology (MR-conditional system)\n", A, []),
    "near-not-a-device": ("not a pacemaker - a loop recorder\n", A, []),
    "near-denies-devices": ("denies implanted devices\n", A, []),
    "near-cleared-heading-row-no": ("Cleared for MRI by safety screen.\nPacemaker: no\nICD: no\n", A, []),
    "near-no-device-cleared": ("No pacemaker; cleared for MRI by the safety nurse.\n", A, []),
    "near-not-yet-scanned": ("VNS: MR-conditional documentation on file, not yet scanned at this site\n", A, []),
}


@pytest.fixture(scope="module")
def contraindications():  # type: ignore[no-untyped-def]
    node = load_policy(REPO / "policies" / "healthhelp.yaml").policy.contraindications
    assert node is not None
    return node


@pytest.mark.parametrize(("text", "status", "devices"), CASES.values(), ids=CASES.keys())
def test_clearance_not_given(analyze, contraindications, text: str,  # type: ignore[no-untyped-def]
                             status: FactStatus, devices: list[str]) -> None:
    facts = facts_of(analyze, text + REQUEST_TAIL)
    fact = facts.facts["mri_contraindication"]
    check_device_fact(fact, status, devices)
    # HealthHelp's contraindication node (hh.mri_contraindicated: an implanted device not documented MR-conditional)
    healthhelp = TriState.MET if status is P else TriState.NOT_MET
    assert Evaluation(facts).run(contraindications, role="contraindication") is healthhelp
