"""An MR clearance said of a device TYPE in general is no clearance of this patient's device (mri_contraindication).

Class: "implanted device that is not documented as MR-conditional" read absent (the device cleared) when the only
clearing words were a general statement about the kind of device ("most neurostimulators of that kind are MR
conditional", "cochlear implants can be MRI-compatible"), and in a packet such a sentence outweighed a safety screen
that answers the device Yes with no MR-conditional card.

Rule (pipeline/nlp/resources/context.yaml): a clearance word (MR-conditional / MRI-safe / compatible) said of a type
is hypothetical, and so is the type noun said with it: the statement neither clears nor adds a device.
hyp.device_type_quantified: a quantifier or "newer" opening the clause ("most", "many", "some", "newer", "older",
"certain") with a verb and the clearance word after it; hyp.device_type_modal: "can be", "may be", "are generally",
"tend to be" after a bare plural type noun opening the clause, right before the clearance word;
hyp.device_type_models: "models exist", "versions are available", "depending on the model", "varies by make" after
the clearance word.

Near misses keep their reading: the patient's own device said to be MR-conditional (a possessive, "the", "this",
a named model, a confirmation), "no implanted devices", a status unknown, a general "not MR-safe" with no device.

Limits: a singular generic ("a cochlear implant can be MR conditional") and a bare acronym plural written with a
capital S ("DBS may be MR conditional", which may be the patient's device) are not read as types; a type named
without a clearance word ("some stimulators allow head scans") needs no rule (nothing clears); "models exist" /
"depending on the model" reach back only to the clearance word, not to a device named before it.

Rows: id -> (text, expected mri_contraindication status, expected devices or None). Ids starting "near" must keep
their reading.
"""

from __future__ import annotations

import pytest

from pipeline.contracts import FactStatus

P, A, N = FactStatus.PRESENT, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
SCS, PM, CI, PUMP = "spinal_cord_stimulator", "pacemaker", "cochlear_implant", "implanted_pump"

SCREEN = "MRI SAFETY SCREEN\nNeurostimulator  Y [X]  N [ ]\nMR-conditional card: not provided\n"

CASES: dict[str, tuple[str, FactStatus, list[str] | None]] = {
    # a general statement alone: neither a clearance nor a device of the patient's
    "most-dbs-alone": ("Comment: most DBS systems are MR conditional with restrictions.\n", N, None),
    "many-dbs-alone": ("Many DBS systems are MR-conditional under head-coil conditions.\n", N, None),
    "modal-cochlear-alone": ("Cochlear implants may be MRI-compatible depending on the model.\n", N, None),
    # the patient's device stays: the general statement clears nothing
    "screen-then-most": (SCREEN + "Note: most DBS systems are MR conditional with restrictions.\n", P, [SCS]),
    "screen-yes-then-many": ("MRI SAFETY SCREEN\nNeurostimulator  Y [X]  N [ ]\nComment: many DBS systems are "
                             "MR-conditional with restrictions.\n", P, [SCS]),
    "pacemaker-most-after-year": ("Dual-chamber pacemaker placed 2009. Most pacemakers implanted after 2015 are "
                                  "MR-conditional.\n", P, [PM]),
    "pacemaker-can-be": ("Permanent pacemaker in situ. Pacemakers can be MR conditional.\n", P, [PM]),
    "icds-generally": ("ICD in place. ICDs are generally MRI-conditional these days.\n", P, ["icd"]),
    "cochlear-may-be-model": ("Right cochlear implant (2014). Cochlear implants may be MR-compatible depending on "
                              "the model.\n", P, [CI]),
    "newer-baclofen": ("Intrathecal baclofen pump since 2016. Newer baclofen pumps are generally MR-conditional.\n",
                       P, [PUMP]),
    "some-stimulators": ("Spinal cord stimulator, thoracic leads. Some spinal cord stimulators are MRI-safe for "
                         "head scans.\n", P, [SCS]),
    "models-exist": ("Vagus nerve stimulator in place. MR-conditional models exist.\n", P, [SCS]),
    "versions-available": ("VNS present. MRI-conditional versions are now available.\n", P, [SCS]),
    "tend-to-be": ("Cochlear implant on the left. Newer implants tend to be MR conditional.\n", P, [CI]),
    "certain-models-clause": ("Deep brain stimulator implanted 2018; certain newer systems are MRI compatible.\n",
                              P, [SCS]),
    # near misses: this patient's device, cleared as today
    "near-her-vns-model": ("Her VNS (model 106) is MR-conditional, the implant card was faxed.\n", A, None),
    "near-confirmed-by-clinic": ("His pacemaker was confirmed MR-conditional by the device clinic.\n", A, None),
    "near-the-dbs-conditions": ("The DBS system is MR conditional - transmit/receive head coil, SAR limits.\n",
                                A, None),
    "near-manufacturer": ("Vagal nerve stimulator: device confirmed MRI-safe by the manufacturer.\n", A, None),
    "near-her-implants-plural": ("Bilateral cochlear implants; her implants are MRI-compatible per the audiology "
                                 "letter.\n", A, None),
    "near-newer-leads-placed": ("Pacemaker in place; newer leads were placed 2020 and are MR conditional.\n",
                                A, None),
    "near-no-devices": ("No implanted devices.\n", A, None),
    "near-icd-unknown": ("ICD in place; MR-conditional status unknown.\n", P, ["icd"]),
    "near-general-not-safe": ("Pacemakers are not MR-safe.\n", N, None),
    "near-screen-and-card": (SCREEN.replace("not provided", "on file") + "VNS is MR conditional per the card.\n",
                             A, None),
}


@pytest.mark.parametrize(("text", "expected", "devices"), list(CASES.values()), ids=list(CASES))
def test_device_type_general_clearance(fragment_facts, text: str, expected: FactStatus,  # type: ignore[no-untyped-def]
                                       devices: list[str] | None) -> None:
    fact = fragment_facts(text).get("mri_contraindication")
    assert fact.status is expected, (fact.status, [(e.rule_id, e.text, e.attributes) for e in fact.evidence])
    if devices is not None:
        assert sorted(fact.attributes.get("device", [])) == sorted(devices), fact.attributes
