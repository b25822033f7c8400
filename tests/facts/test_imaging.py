"""Derivations of facts/derive/imaging.py on hand-made studies and mentions: what prior imaging concluded, which
studies count, PET in the same work-up, and treatment since the latest study."""

from __future__ import annotations

import pytest
from handmade import Packet, cues_of, packet

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED


DISC_REQUEST = "CPT 0610T: MR spectroscopy of the lumbar discs."


def studies(*rows: tuple[str, tuple[str, ...]] | tuple[str, tuple[str, ...], str | None],
            text: str = "Prior imaging.") -> Packet:
    p = Packet(text)
    for row in rows:
        p.study(row[0], verdicts=row[1], body_part=row[2] if len(row) == 3 else "brain")  # type: ignore[misc]
    return p


VERDICT_CASES = [
    # id, studies, fact, status
    ("mri-inconclusive", studies(("MRI", ("inconclusive",))), "conventional_imaging_inconclusive", P),
    ("ct-inconclusive", studies(("CT", ("inconclusive",))), "conventional_imaging_inconclusive", P),
    ("unnamed-inconclusive", studies(("unspecified", ("inconclusive",))), "conventional_imaging_inconclusive", P),
    ("pet-inconclusive-is-not-conventional", studies(("PET", ("inconclusive",))),
     "conventional_imaging_inconclusive", N),
    ("pet-inconclusive-is-indeterminate", studies(("PET", ("inconclusive",))), "prior_imaging_indeterminate", P),
    ("mri-conclusive", studies(("MRI", ("conclusive",))), "conventional_imaging_inconclusive", A),
    ("mri-without-verdict", studies(("MRI", ())), "conventional_imaging_inconclusive", N),
    ("ct-is-not-mri", studies(("CT", ("inconclusive",))), "mri_nondiagnostic", N),
    ("mri-nondiagnostic", studies(("MRI", ("inconclusive",))), "mri_nondiagnostic", P),
    ("one-inconclusive-of-two", studies(("MRI", ("conclusive",)), ("CT", ("inconclusive",))),
     "conventional_imaging_inconclusive", P),
    ("technically-limited", studies(("MRI", ("technically_limited",))), "prior_imaging_technically_limited", P),
    ("technically-adequate", studies(("MRI", ("technically_adequate",))), "prior_imaging_technically_limited", A),
    ("no-studies", studies(), "prior_imaging_indeterminate", N),
    ("chest-ct-is-not-brain-imaging", studies(("CT", ("inconclusive",), "chest")), "conventional_imaging_inconclusive",
     N),
    ("spine-mri-is-not-brain-imaging", studies(("MRI", ("technically_limited",), "spine")),
     "prior_imaging_technically_limited", N),
    ("spine-mri-answers-for-a-spine-target", studies(("MRI", ("inconclusive",), "spine"), text=DISC_REQUEST)
     .add("CPT_CODE", "0610T"), "conventional_imaging_inconclusive", P),
    ("chest-ct-never-answers", studies(("CT", ("inconclusive",), "chest"), text=DISC_REQUEST)
     .add("CPT_CODE", "0610T"), "prior_imaging_indeterminate", N),
    ("unstated-body-part-counts", studies(("MRI", ("inconclusive",), None)), "mri_nondiagnostic", P),
    ("mri-nonlesional", studies(("MRI", ("conclusive", "nonlesional"))), "prior_imaging_nonlesional", P),
    ("ct-normal-is-not-a-nonlesional-mri", studies(("CT", ("conclusive", "nonlesional"))),
     "prior_imaging_nonlesional", N),
    ("mri-conclusive-is-not-nonlesional", studies(("MRI", ("conclusive",))), "prior_imaging_nonlesional", N),
    ("spine-mri-nonlesional-is-not-brain", studies(("MRI", ("conclusive", "nonlesional"), "spine")),
     "prior_imaging_nonlesional", N),
]


@pytest.mark.parametrize(("p", "name", "status"), [c[1:] for c in VERDICT_CASES], ids=[c[0] for c in VERDICT_CASES])
def test_study_verdict_facts(p, name, status):  # type: ignore[no-untyped-def]
    assert p.fact(name).status is status


MRI = {"modality": "MRI"}
DOCUMENTED_CASES = [
    # studies assembled from hand-made mentions (facts/imaging.py): the body part's cue is cited
    ("dated-brain-mri", packet("MRI brain 09/01/2026 showed a mass.", ("IMAGING", "MRI brain", MRI),
                               ("DATE", "09/01/2026")), P, "body_part.brain"),
    ("undated-mri-cited-in-the-past", packet("An MRI of the head was obtained.", ("IMAGING", "MRI", MRI)),
     P, "study.past"),
    ("spine-mri", packet("MRI lumbar spine 09/01/2026 showed a bulge.", ("IMAGING", "MRI", MRI),
                         ("DATE", "09/01/2026")), N, None),
    ("requested-mri", packet("Requesting MRI brain with contrast.", ("IMAGING", "MRI brain", MRI)), N, None),
    ("none", packet("Headaches."), N, None),
]


@pytest.mark.parametrize(("p", "status", "cue"), [c[1:] for c in DOCUMENTED_CASES],
                         ids=[c[0] for c in DOCUMENTED_CASES])
def test_prior_imaging_documented(p, status, cue):  # type: ignore[no-untyped-def]
    fact = p.fact("prior_imaging_documented")
    assert fact.status is status
    if cue:
        assert cue in cues_of(fact.evidence)


PET_CASES = [
    # id, packet, status, cue cited
    ("pet-code-requested", packet("CPT 78608", ("CPT_CODE", "78608")), P, "codes.pet"),
    ("pet-requested-in-words", packet("We are requesting a PET scan as well.",
                                      ("IMAGING", "PET scan", {"modality": "PET"})), P, "study.request"),
    ("pet-done-60-days-ago", packet("PET 09/21/2026 showed hypometabolism.",
                                    ("IMAGING", "PET", {"modality": "PET"}), ("DATE", "09/21/2026")), P, None),
    ("pet-done-120-days-ago", packet("PET 07/23/2026 showed hypometabolism.",
                                     ("IMAGING", "PET", {"modality": "PET"}), ("DATE", "07/23/2026")), A, None),
    ("pet-requested-but-already-done", packet("PET was performed; results requested.",
                                              ("IMAGING", "PET", {"modality": "PET"})), A, None),
    ("no-pet", packet("MRI only."), N, None),
    # a PET named as an alternative that is not done is not PET in the same work-up
    ("pet-discussed-not-ordered", packet("FDG-PET was discussed with the family but not ordered; MRS requested.",
                                         ("IMAGING", "FDG-PET", {"modality": "PET"})), A, "study.alternative_not_done"),
    ("pet-not-covered", packet("PET is not covered by her plan, so we are requesting MR spectroscopy.",
                               ("IMAGING", "PET", {"modality": "PET"})), A, "study.alternative_not_done"),
    ("mrs-in-place-of-pet", packet("MR spectroscopy requested in place of PET.",
                                   ("IMAGING", "MR spectroscopy", {"modality": "MRS"}),
                                   ("IMAGING", "PET", {"modality": "PET"})), A, "study.alternative_not_done"),
    ("pet-deferred", packet("PET-CT deferred; MRS ordered as the alternative.",
                            ("IMAGING", "PET-CT", {"modality": "PET"})), A, "study.alternative_not_done"),
    ("pet-unavailable-fax", packet("REQUEST: PET unavailable locally - MRS only",
                                   ("IMAGING", "PET", {"modality": "PET"}), sections=(("request", "REQUEST:"),)),
     A, "study.alternative_not_done"),
    # near misses: both are asked for
    ("pet-and-mrs-both-requested", packet("We request both FDG-PET and MR spectroscopy for this question.",
                                          ("IMAGING", "FDG-PET", {"modality": "PET"}),
                                          ("IMAGING", "MR spectroscopy", {"modality": "MRS"})), P, "study.request"),
    ("pet-ordered-with-mrs", packet("PET brain ordered together with the MRS.",
                                    ("IMAGING", "PET", {"modality": "PET"}),
                                    ("IMAGING", "MRS", {"modality": "MRS"})), P, "study.request"),
]


@pytest.mark.parametrize(("p", "status", "cue"), [c[1:] for c in PET_CASES], ids=[c[0] for c in PET_CASES])
def test_pet_same_workup(p, status, cue):  # type: ignore[no-untyped-def]
    fact = p.fact("pet_same_workup")
    assert fact.status is status
    if cue:
        assert cue in cues_of(fact.evidence)


SINCE_CASES = [
    ("since-cue-with-imaging", packet("Started bevacizumab after the MRI.", ("TREATMENT", "bevacizumab"),
                                      ("IMAGING", "MRI", {"modality": "MRI"})), P, "course.since_imaging"),
    ("dated-after-the-latest-study", packet("MRI 09/01/2026 showed growth. Radiosurgery 10/15/2026.",
                                            ("IMAGING", "MRI", {"modality": "MRI"}), ("DATE", "09/01/2026"),
                                            ("PRIOR_RADIATION", "Radiosurgery"), ("DATE", "10/15/2026")), P, None),
    ("dated-before-the-latest-study", packet("Radiosurgery 06/15/2026. MRI 09/01/2026 showed growth.",
                                             ("PRIOR_RADIATION", "Radiosurgery"), ("DATE", "06/15/2026"),
                                             ("IMAGING", "MRI", {"modality": "MRI"}), ("DATE", "09/01/2026")),
     N, None),
    ("no-treatment-since", packet("No treatment since the MRI.",
                                  ("TREATMENT", "treatment", {"mods": ("negated",)}),
                                  ("IMAGING", "MRI", {"modality": "MRI"})), A, "course.since_imaging"),
    ("hypothetical-treatment", packet("If it grows after the MRI, radiation.",
                                      ("PRIOR_RADIATION", "radiation", {"mods": ("hypothetical",)}),
                                      ("IMAGING", "MRI", {"modality": "MRI"})), N, None),
    ("since-cue-without-imaging", packet("Seizures since radiation.", ("PRIOR_RADIATION", "radiation")), N, None),
]


@pytest.mark.parametrize(("p", "status", "cue"), [c[1:] for c in SINCE_CASES], ids=[c[0] for c in SINCE_CASES])
def test_treatment_since_imaging(p, status, cue):  # type: ignore[no-untyped-def]
    fact = p.fact("treatment_since_imaging")
    assert fact.status is status
    if cue:
        assert cue in cues_of(fact.evidence)


def test_prior_mrs_needs_an_mrs_study() -> None:
    assert studies(("MRS", ())).fact("prior_mrs").status is P
    # the packet's documented imaging history holds no MRS: absent; no prior study named at all: not documented
    assert studies(("MRI", ())).fact("prior_mrs").status is A
    assert studies().fact("prior_mrs").status is N
