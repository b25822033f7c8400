"""Derivations of facts/derive/request.py on hand-made mentions: codes, the MRS request and its target."""

from __future__ import annotations

import pytest
from handmade import cues_of, packet

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

CPT_CASES = [
    ("code-on-the-request", packet("CPT: 76390\nFINDINGS: normal", ("CPT_CODE", "76390"),
                                   sections=(("request", "CPT:"), ("findings", "FINDINGS:"))), ["76390"]),
    ("code-in-a-report-is-not-requested", packet("REQUEST: MRS\nTECHNIQUE: CPT 70553", ("CPT_CODE", "70553"),
                                                 sections=(("request", "REQUEST:"), ("technique", "TECHNIQUE:"))), []),
    ("attribute-code-wins-over-text", packet("Code 7639O requested.", ("CPT_CODE", "7639O", {"code": "76390"})),
     ["76390"]),
]


@pytest.mark.parametrize(("p", "codes"), [c[1:] for c in CPT_CASES], ids=[c[0] for c in CPT_CASES])
def test_requested_cpt_codes(p, codes):  # type: ignore[no-untyped-def]
    fact = p.fact("requested_cpt_codes")
    assert (fact.value or []) == codes
    assert fact.status is (P if codes else N)


MRS_CASES = [
    # id, packet, status, cue cited
    ("code-76390", packet("CPT 76390", ("CPT_CODE", "76390")), P, "codes.mrs"),
    ("another-code", packet("CPT 70553", ("CPT_CODE", "70553")), N, None),
    ("request-phrase", packet("We request MR spectroscopy.", ("MRS_REQUEST", "request MR spectroscopy")), P, None),
    ("negated-request", packet("MR spectroscopy is not requested.",
                               ("MRS_REQUEST", "MR spectroscopy is not requested", {"mods": ("negated",)})), N, None),
    ("mrs-named-in-the-plan", packet("PLAN: 1. MRS with the next MRI.", ("IMAGING", "MRS", {"modality": "MRS"}),
                                     sections=(("assessment_plan", "PLAN:"),)), P, None),
    ("mrs-named-in-the-history", packet("HPI: MRS at an outside center.", ("IMAGING", "MRS", {"modality": "MRS"}),
                                        sections=(("history_of_present_illness", "HPI:"),)), N, None),
]


@pytest.mark.parametrize(("p", "status", "cue"), [c[1:] for c in MRS_CASES], ids=[c[0] for c in MRS_CASES])
def test_mrs_requested(p, status, cue):  # type: ignore[no-untyped-def]
    fact = p.fact("mrs_requested")
    assert fact.status is status
    if cue:
        assert cue in cues_of(fact.evidence)


SPINE_CASES = [
    ("disc-code", packet("CPT 0610T", ("CPT_CODE", "0610T")), P, "codes.disc_mrs"),
    ("discogenic-anywhere", packet("HPI: discogenic pain for years.", ("SPINE", "discogenic pain"),
                                   sections=(("history_of_present_illness", "HPI:"),)), P,
     "request.discogenic_target"),
    ("spine-on-the-request", packet("REQUEST: MRS of the lumbar spine", ("SPINE", "lumbar spine"),
                                    sections=(("request", "REQUEST:"),)), P, None),
    ("spine-in-the-history-only", packet("HPI: lumbar spine fusion 2019.", ("SPINE", "lumbar spine"),
                                         sections=(("history_of_present_illness", "HPI:"),)), N, None),
    ("where-prior-imaging-was-done", packet("REQUEST: MRS brain. MRI brain/C-spine 08/02/2026.",
                                            ("SPINE", "C-spine"), ("IMAGING", "MRI brain", {"modality": "MRI"}),
                                            sections=(("request", "REQUEST:"),)), N, None),
    ("negated-spine-target", packet("REQUEST: not for the spine", ("SPINE", "spine", {"mods": ("negated",)}),
                                    sections=(("request", "REQUEST:"),)), A, None),
]


@pytest.mark.parametrize(("p", "status", "cue"), [c[1:] for c in SPINE_CASES], ids=[c[0] for c in SPINE_CASES])
def test_spine_indication(p, status, cue):  # type: ignore[no-untyped-def]
    fact = p.fact("spine_indication")
    assert fact.status is status
    if cue:
        assert cue in cues_of(fact.evidence)


def test_diagnosis_codes_are_upper_cased_and_unique() -> None:
    fact = packet("Dx: c71.1, C71.1", ("ICD10_CODE", "c71.1"), ("ICD10_CODE", "C71.1")).fact("diagnosis_codes")
    assert fact.value == ["C71.1"]


DIAGNOSIS_CODE_CASES = [
    # id, packet, codes counted, strings ignored
    ("real-codes", packet("ICD-10: G40.209, Z95.810", ("ICD10_CODE", "G40.209"), ("ICD10_CODE", "Z95.810")),
     ["G40.209", "Z95.810"], 0),
    ("repaired-code-from-its-attribute", packet("ICD-10: R9O.0", ("ICD10_CODE", "R9O.0", {"code": "R90.0"})),
     ["R90.0"], 0),
    ("misread-code-is-not-counted", packet("ICD-10: R96.6, C71.9", ("ICD10_CODE", "R96.6"), ("ICD10_CODE", "C71.9")),
     ["C71.9"], 1),
    ("near-miss-no-such-subcode", packet("ICD-10: C71.31", ("ICD10_CODE", "C71.31")), [], 1),
    ("a-category-is-a-code", packet("Dx C79.3", ("ICD10_CODE", "C79.3")), ["C79.3"], 0),
]


@pytest.mark.parametrize(("p", "codes", "ignored"), [c[1:] for c in DIAGNOSIS_CODE_CASES],
                         ids=[c[0] for c in DIAGNOSIS_CODE_CASES])
def test_only_icd10cm_codes_count(p, codes, ignored):  # type: ignore[no-untyped-def]
    fact = p.fact("diagnosis_codes")
    assert (fact.value or []) == codes
    assert fact.status is (P if codes else N)
    assert len(fact.ignored) == ignored


MRS = {"modality": "MRS"}
MRI_ = {"modality": "MRI"}
REQ = (("request", "REQUEST:"),)
TECHNICAL_REPEAT_CASES = [
    # id, packet, status, cue the evidence cites
    ("repeat-with-its-reason", packet(
        "REQUEST: Repeat MRS is requested because the first one was degraded by motion.",
        ("IMAGING", "MRS", MRS), ("TECHNICAL_LIMITATION", "degraded by motion"), sections=REQ),
     P, "request.technical_reason"),
    ("reason-in-the-next-sentence", packet(
        "REQUEST: MR spectroscopy, to be redone. The exam was stopped early for claustrophobia.",
        ("IMAGING", "MR spectroscopy", MRS), ("TECHNICAL_LIMITATION", "stopped early"), sections=REQ),
     P, "request.repeat"),
    ("repeat-of-a-limited-study", packet(
        "REQUEST: rescan MRI brain with contrast.", ("IMAGING", "MRI brain", MRI_), sections=REQ)
     .study("MRI", when="2026-10-01", verdicts=("technically_limited",)), P, "request.repeat"),
    ("near miss: artifact in a prior report, no repeat", packet(
        "REQUEST: MRS to characterise the lesion.", ("IMAGING", "MRS", MRS), sections=REQ)
     .study("MRI", when="2026-10-01", verdicts=("technically_limited", "inconclusive")), N, None),
    ("near miss: repeat of an adequate study", packet(
        "REQUEST: repeat MRS to follow the lesion after radiation.", ("IMAGING", "MRS", MRS), sections=REQ)
     .study("MRS", when="2026-08-01", verdicts=("technically_adequate",)), N, "request.repeat"),
    ("near miss: the limited study is another modality", packet(
        "REQUEST: repeat MRS after treatment.", ("IMAGING", "MRS", MRS), sections=REQ)
     .study("CT", when="2026-10-01", verdicts=("technically_limited",)), N, "request.repeat"),
    ("near miss: limitation denied", packet(
        "REQUEST: repeat MRS. There was no motion artifact.", ("IMAGING", "MRS", MRS),
        ("TECHNICAL_LIMITATION", "motion artifact", {"mods": ("negated",)}), sections=REQ), N, "request.repeat"),
    ("near miss: a future repeat", packet(
        "PLAN: repeat MRI in 3 months; limited by motion today.", ("IMAGING", "MRI", {"modality": "MRI",
                                                                                    "mods": ("hypothetical",)}),
        ("TECHNICAL_LIMITATION", "limited by motion"), sections=(("assessment_plan", "PLAN:"),)), N, None),
    ("near miss: the radiologist repeated sequences", packet(
        "TECHNIQUE: MRI sequences repeated because of motion.", ("IMAGING", "MRI", MRI_),
        ("TECHNICAL_LIMITATION", "motion"), sections=(("technique", "TECHNIQUE:"),)), N, None),
]


ADDITIONAL_CASES = [
    ("because-of-motion", packet(
        "REQUEST: MRS is requested because the MRI was degraded by motion.", ("IMAGING", "MRS", MRS),
        ("TECHNICAL_LIMITATION", "degraded by motion"), sections=REQ), P, "request.because"),
    ("near miss: because of a finding first", packet(
        "REQUEST: MRS is requested because the lesion is indeterminate, with motion artifact.",
        ("IMAGING", "MRS", MRS), ("BRAIN_LESION", "lesion"), ("IMAGING_INCONCLUSIVE", "indeterminate"),
        ("TECHNICAL_LIMITATION", "motion artifact"), sections=REQ), N, None),
    ("near miss: no causal link", packet(
        "REQUEST: MRS is requested. The MRI had motion artifact.", ("IMAGING", "MRS", MRS),
        ("TECHNICAL_LIMITATION", "motion artifact"), sections=REQ), N, None),
]


@pytest.mark.parametrize(("p", "status", "cue"), [c[1:] for c in TECHNICAL_REPEAT_CASES + ADDITIONAL_CASES],
                         ids=[c[0] for c in TECHNICAL_REPEAT_CASES + ADDITIONAL_CASES])
def test_technical_repeat(p, status, cue):  # type: ignore[no-untyped-def]
    fact = p.fact("technical_repeat")
    assert fact.status is status
    if cue:
        assert cue in cues_of(fact.evidence)
    if status is P:  # the kind a policy may filter on: a repeat, or additional imaging
        assert fact.attributes["kind"] == (["additional"] if cue == "request.because" else ["repeat"])
