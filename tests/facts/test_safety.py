"""Derivations of facts/derive/safety.py on hand-made mentions: devices, MR-conditional status, stent recency."""

from __future__ import annotations

import pytest
from handmade import cues_of, packet

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
STENT = {"device": "intravascular_stent"}
VNS = {"device": "neurostimulator"}
FILLER = "She walks two miles a day and works as a teacher. " * 4  # over 160 characters

CASES = [
    # id, packet (request date 2026-11-20), status, cue cited
    ("stent-42-days", packet("Carotid stent 10/09/2026.", ("MRI_CONTRAINDICATION", "Carotid stent", STENT),
                             ("DATE", "10/09/2026")), P, None),
    ("stent-43-days", packet("Carotid stent 10/08/2026.", ("MRI_CONTRAINDICATION", "Carotid stent", STENT),
                             ("DATE", "10/08/2026")), A, None),
    ("stent-described-as-recent", packet("Coronary stent placed 2 weeks ago.",
                                         ("MRI_CONTRAINDICATION", "Coronary stent", STENT)), P, "safety.recent_stent"),
    ("stent-undated", packet("History of coronary stent.", ("MRI_CONTRAINDICATION", "coronary stent", STENT)),
     S, None),
    ("device-cleared-in-the-sentence", packet("VNS, MR conditional per the manufacturer.",
                                              ("MRI_CONTRAINDICATION", "VNS", VNS),
                                              ("DEVICE_CLEARED", "MR conditional")), A, None),
    ("device-called-unsafe", packet("VNS is MR unsafe.", ("MRI_CONTRAINDICATION", "VNS", VNS),
                                    ("DEVICE_UNSAFE", "MR unsafe")), P, None),
    ("same-device-cleared-far-away", packet(f"VNS in place. {FILLER} Her VNS is MR conditional.",
                                            ("MRI_CONTRAINDICATION", "VNS", VNS),
                                            ("MRI_CONTRAINDICATION", "VNS", {**VNS, "nth": 1}),
                                            ("DEVICE_CLEARED", "MR conditional")), A, None),
    ("same-device-cleared-and-called-unsafe", packet(f"VNS in place, MR unsafe. {FILLER} Her VNS is MR conditional.",
                                                     ("MRI_CONTRAINDICATION", "VNS", VNS),
                                                     ("DEVICE_UNSAFE", "MR unsafe"),
                                                     ("MRI_CONTRAINDICATION", "VNS", {**VNS, "nth": 1}),
                                                     ("DEVICE_CLEARED", "MR conditional")), P, None),
    ("unspecified-device", packet("Has an implanted device.", ("MRI_CONTRAINDICATION", "implanted device")), S, None),
    ("negated-device", packet("No pacemaker.", ("MRI_CONTRAINDICATION", "pacemaker",
                                                {"device": "pacemaker", "mods": ("negated",)})), A, None),
    ("family-device-ignored", packet("Father has a pacemaker.", ("MRI_CONTRAINDICATION", "pacemaker",
                                                                 {"device": "pacemaker", "mods": ("family",)})),
     N, None),
]


@pytest.mark.parametrize(("p", "status", "cue"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_mri_contraindication(p, status, cue):  # type: ignore[no-untyped-def]
    fact = p.fact("mri_contraindication")
    assert fact.status is status
    if cue:
        assert cue in cues_of(fact.evidence)
    else:
        assert "safety.recent_stent" not in cues_of(fact.evidence)
