"""A device whose MR clearance is named first and only later in its clause said to be unverified stays an MRI
contraindication, end to end (text -> NLP -> `mri_contraindication` -> HealthHelp hh.ci.implanted_device).

The class: the statement ("MR conditional", "conditional labelling", "MR compatible system") was followed by words
that only qualify it (a field strength "for 1.5 T", "system", a parenthesis, a condition "with the magnet in
place") or by a conjunction and a word pointing back to it ("but this", "which", "however") before the lack of proof
("still unverified", "has not been verified", "never verified", "still needs verification"); the words right after
the statement did not say it was unestablished, so it cleared the device and the fact came out absent.

The rule: fact cue safety.clearance_unestablished_after (pipeline/facts/resources/cues.yaml) reads on past such
qualifiers and pointers; safety.clearance_not_established also takes "never verified". The NLP cue
poss.clearance_pending_after (pipeline/nlp/resources/context.yaml) hedges the statement the same way (table
tests/nlp/test_clearance_unverified_later.py).

Near misses keep their reading: a statement with its source or its check ("per the implant card on file",
"(checked 12/01) - scan per protocol", "verified with the manufacturer"), one cleared by a service, another subject's
proof after a field strength ("at 3T, glioma not confirmed"), a diagnosis not established with no device, no device.

Limits: the lack of proof in the next clause after a semicolon or in the next sentence ("MR conditional; not
verified") is not tied to the statement; a device named only by a generic word ("the stimulator", "the port") is no
device of the catalogue.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from text_to_criteria import REQUEST_TAIL, check_device_fact, facts_of

from pipeline.contracts import FactStatus, TriState
from pipeline.criteria import Evaluation, load_policy

P, A, ND = FactStatus.PRESENT, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
REPO = Path(__file__).resolve().parents[2]

# id: (text, status, devices)
CASES: dict[str, tuple[str, FactStatus, list[str] | None]] = {
    # ------------------------------------------------ named first, unverified later in the clause
    "field-strength-then-still-unverified": ("RNS leads: conditional labelling at 3 T still unverified.\n", P,
                                             ["spinal_cord_stimulator"]),
    "for-tesla-then-status-not-confirmed": ("Pacemaker: MR-conditional for 1.5 Tesla, status not confirmed.\n", P,
                                            ["pacemaker"]),
    "system-never-verified": ("ICD - MR conditional system, never verified.\n", P, ["icd"]),
    "condition-then-not-verified": ("Cochlear implant: MRI conditional with the magnet in place - not verified.\n",
                                    P, ["cochlear_implant"]),
    "but-this-not-verified": ("Pacemaker: MR conditional, but this has not been verified.\n", P, ["pacemaker"]),
    "however-this-not-verified": ("VNS - MRI conditional, however this has not yet been confirmed.\n", P,
                                  ["spinal_cord_stimulator"]),
    "which-not-verified": ("ICD: MR conditional, which has not been verified.\n", P, ["icd"]),
    "but-unverified": ("Insulin pump MR compatible but unverified.\n", P, ["insulin_pump"]),
    "this-remains-unverified": ("Her pacemaker is MR conditional but this remains unverified.\n", P, ["pacemaker"]),
    "still-needs-verification": ("Spinal cord stimulator: MR conditional labeling still needs verification.\n", P,
                                 ["spinal_cord_stimulator"]),
    "paren-then-not-established": ("DBS - MR conditional (full body, 1.5T) - not established.\n", P,
                                   ["spinal_cord_stimulator"]),
    # ------------------------------------------------ near misses: keep their reading
    "near-card-on-file": ("Pacemaker - MR-conditional, per the implant card on file\n", A, []),
    "near-checked-protocol": ("Pacemaker - MR conditional (checked 12/01) - scan per protocol\n", A, []),
    "near-cleared-by-cardiology": ("MRI-conditional pacemaker; cleared by cardiology\n", A, []),
    "near-verified-with-manufacturer": ("VNS: MR conditional system, verified with the manufacturer.\n", A, []),
    "near-field-strength-confirmed": ("DBS leads: conditional labelling for 1.5 T confirmed by the vendor.\n", A, []),
    "near-condition-card-on-file": ("Cochlear implant: MRI conditional with magnet in place, card on file.\n", A,
                                    []),
    "near-and-this-verified": ("ICD: MR conditional, and this was verified by EP.\n", A, []),
    "near-other-subject-not-confirmed": ("Pacemaker - MR conditional at 3T, glioma not confirmed.\n", A, []),
    "near-diagnosis-not-established": ("Diagnosis not established\n", ND, None),
    "near-no-devices": ("no implanted devices\n", A, []),
}


@pytest.fixture(scope="module")
def contraindications():  # type: ignore[no-untyped-def]
    node = load_policy(REPO / "policies" / "healthhelp.yaml").policy.contraindications
    assert node is not None
    return node


@pytest.mark.parametrize(("text", "status", "devices"), CASES.values(), ids=CASES.keys())
def test_clearance_unverified_later(analyze, contraindications, text: str,  # type: ignore[no-untyped-def]
                                    status: FactStatus, devices: list[str] | None) -> None:
    facts = facts_of(analyze, text + REQUEST_TAIL)
    fact = facts.facts["mri_contraindication"]
    check_device_fact(fact, status, devices)
    # HealthHelp's contraindication node (hh.mri_contraindicated: an implanted device not documented MR-conditional)
    healthhelp = TriState.MET if status is P else TriState.NOT_MET
    assert Evaluation(facts).run(contraindications, role="contraindication") is healthhelp
