"""Derivations of facts/derive/tumor.py on hand-made mentions: a known tumor, grading and the differentials."""

from __future__ import annotations

import pytest
from handmade import cues_of, packet

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
U, NEG = {"mods": ("uncertain",)}, {"mods": ("negated",)}

KNOWN_CASES = [
    ("neoplasm-stated", packet("Known oligodendroglioma.", ("GLIOMA", "oligodendroglioma")), P),
    # a mass with a differential is a suspected tumor, not a known (established) one
    ("mass-with-suspected-neoplasm", packet("Left frontal mass, possibly metastasis.", ("BRAIN_LESION", "mass"),
                                            ("BRAIN_METASTASIS", "metastasis", U)), S),
    ("mass-with-a-differential", packet("Ring-enhancing lesion: glioblastoma versus abscess.",
                                        ("BRAIN_LESION", "lesion"), ("GLIOMA", "glioblastoma", U),
                                        ("BRAIN_INFECTION", "abscess", U)), S),
    ("pathology-established", packet("Biopsy 2023: diffuse astrocytoma, WHO grade 2.",
                                     ("GLIOMA", "diffuse astrocytoma")), P),
    ("treated-tumor-history", packet("History of glioblastoma, s/p resection.",
                                     ("GLIOMA", "glioblastoma", {"mods": ("historical",)})), P),
    ("suspected-without-a-mass", packet("Possible lymphoma.", ("CNS_LYMPHOMA", "lymphoma", U)), S),
    ("negated", packet("No evidence of tumor.", ("BRAIN_TUMOR", "tumor", NEG)), A),
    ("nothing", packet("Headaches."), N),
]


@pytest.mark.parametrize(("p", "status"), [c[1:] for c in KNOWN_CASES], ids=[c[0] for c in KNOWN_CASES])
def test_known_brain_tumor(p, status):  # type: ignore[no-untyped-def]
    assert p.fact("known_brain_tumor").status is status


GRADING_CASES = [
    ("purpose-on-the-request", packet("REQUEST: MRS to grade the tumor", ("PURPOSE", "grade", {"purpose": "grading"}),
                                      sections=(("request", "REQUEST:"),)), P),
    ("purpose-outside-the-request", packet("HPI: biopsy to grade the tumor", ("PURPOSE", "grade",
                                                                              {"purpose": "grading"}),
                                           sections=(("history_of_present_illness", "HPI:"),)), N),
    ("two-grades-in-one-sentence", packet("Low-grade versus high-grade glioma.",
                                          ("TUMOR_GRADE", "Low-grade", {"grade": "low"}),
                                          ("TUMOR_GRADE", "high-grade", {"grade": "high"})), P),
    ("hedged-grade", packet("Possibly high-grade.", ("TUMOR_GRADE", "high-grade", {"grade": "high", **U})), P),
    ("one-plain-grade", packet("High-grade glioma.", ("TUMOR_GRADE", "High-grade", {"grade": "high"})), N),
]


@pytest.mark.parametrize(("p", "status"), [c[1:] for c in GRADING_CASES], ids=[c[0] for c in GRADING_CASES])
def test_grading_question(p, status):  # type: ignore[no-untyped-def]
    assert p.fact("grading_question").status is status


RECURRENCE_CASES = [
    # id, packet, status, cue cited
    ("weighed-by-versus", packet("Recurrent tumor versus radiation necrosis.", ("RECURRENCE", "Recurrent tumor"),
                                 ("IMAGING_INCONCLUSIVE", "versus"), ("TREATMENT_EFFECT", "radiation necrosis")),
     P, "differential.weighing"),
    ("weighed-by-cannot-distinguish", packet("Cannot distinguish progression from pseudoprogression.",
                                             ("IMAGING_INCONCLUSIVE", "Cannot distinguish"),
                                             ("RECURRENCE", "progression"), ("TREATMENT_EFFECT", "pseudoprogression")),
     P, "differential.weighing"),
    ("weighed-by-hedging", packet("Likely treatment effect, recurrence not excluded.",
                                  ("TREATMENT_EFFECT", "treatment effect", U), ("RECURRENCE", "recurrence", U)),
     P, None),
    ("both-plain-no-cue", packet("Recurrence and radiation necrosis.", ("RECURRENCE", "Recurrence"),
                                 ("TREATMENT_EFFECT", "radiation necrosis")), N, None),
    ("inconclusive-cue-that-does-not-weigh", packet("Indeterminate recurrence and radiation necrosis.",
                                                    ("IMAGING_INCONCLUSIVE", "Indeterminate"),
                                                    ("RECURRENCE", "recurrence"),
                                                    ("TREATMENT_EFFECT", "radiation necrosis")), N, None),
    ("recurrence-stated-plainly", packet("Recurrent glioblastoma.", ("RECURRENCE", "Recurrent")), A, None),
    ("effect-negated", packet("Recurrence, no radiation necrosis.", ("RECURRENCE", "Recurrence"),
                              ("TREATMENT_EFFECT", "radiation necrosis", NEG)), A, None),
]


@pytest.mark.parametrize(("p", "status", "cue"), [c[1:] for c in RECURRENCE_CASES],
                         ids=[c[0] for c in RECURRENCE_CASES])
def test_recurrence_vs_treatment_effect(p, status, cue):  # type: ignore[no-untyped-def]
    fact = p.fact("recurrence_vs_treatment_effect")
    assert fact.status is status
    if cue:
        assert cue in cues_of(fact.evidence)
    else:
        assert "differential.weighing" not in cues_of(fact.evidence)


NONTUMOR_CASES = [
    ("versus-abscess", packet("Metastasis vs abscess.", ("BRAIN_METASTASIS", "Metastasis"),
                              ("IMAGING_INCONCLUSIVE", "vs"), ("BRAIN_INFECTION", "abscess", {"kind": "abscess"})),
     P, "differential.weighing", ["abscess"]),
    ("hedged-demyelination", packet("Glioma or possibly tumefactive demyelination.", ("GLIOMA", "Glioma"),
                                    ("DEMYELINATION", "demyelination", U)), P, None, ["demyelination"]),
    ("alternative-negated", packet("Glioma versus abscess; no abscess.", ("GLIOMA", "Glioma"),
                                   ("IMAGING_INCONCLUSIVE", "versus"),
                                   ("BRAIN_INFECTION", "abscess", {"kind": "abscess", **NEG})), N, None, []),
    ("different-sentences", packet("Glioma. Abscess drained last year.", ("GLIOMA", "Glioma"),
                                   ("BRAIN_INFECTION", "Abscess", {"kind": "abscess"})), N, None, []),
    ("plain-co-occurrence", packet("Glioma with surrounding edema.", ("GLIOMA", "Glioma"),
                                   ("NONTUMOR_DX", "edema", {"kind": "edema"})), N, None, []),
]


@pytest.mark.parametrize(("p", "status", "cue", "alternatives"), [c[1:] for c in NONTUMOR_CASES],
                         ids=[c[0] for c in NONTUMOR_CASES])
def test_tumor_vs_nontumor_differential(p, status, cue, alternatives):  # type: ignore[no-untyped-def]
    fact = p.fact("tumor_vs_nontumor_differential")
    assert fact.status is status
    assert fact.attributes.get("alternative", []) == alternatives
    if cue:
        assert cue in cues_of(fact.evidence)


GLIOMA_CASES = [
    # id, packet, alternatives, cue ids every alternative's evidence cites
    ("versus-lymphoma", packet("Glioma versus lymphoma.", ("GLIOMA", "Glioma"), ("IMAGING_INCONCLUSIVE", "versus"),
                               ("CNS_LYMPHOMA", "lymphoma")),
     ["lymphoma"], {"differential.glioma_alternatives", "differential.weighing"}),
    ("edema-hedged", packet("Glioma, or perhaps only edema.", ("GLIOMA", "Glioma"),
                            ("NONTUMOR_DX", "edema", {"kind": "edema", **U})),
     ["edema"], {"differential.glioma_alternatives"}),
    ("other-nontumor-kind-is-not-an-alternative", packet("Glioma versus cavernoma.", ("GLIOMA", "Glioma"),
                                                         ("IMAGING_INCONCLUSIVE", "versus"),
                                                         ("NONTUMOR_DX", "cavernoma", {"kind": "other"})), [], set()),
    ("two-grades", packet("Glioma, low grade versus high grade.", ("GLIOMA", "Glioma"),
                          ("TUMOR_GRADE", "low grade", {"grade": "low"}),
                          ("TUMOR_GRADE", "high grade", {"grade": "high"})),
     ["grade"], {"differential.glioma_alternatives"}),
    ("one-plain-grade", packet("High grade glioma.", ("GLIOMA", "glioma"), ("TUMOR_GRADE", "High grade",
                                                                            {"grade": "high"})), [], set()),
    ("necrosis-plain", packet("Glioma, radiation necrosis.", ("GLIOMA", "Glioma"),
                              ("TREATMENT_EFFECT", "radiation necrosis")), [], set()),
]


@pytest.mark.parametrize(("p", "alternatives", "cues"), [c[1:] for c in GLIOMA_CASES],
                         ids=[c[0] for c in GLIOMA_CASES])
def test_glioma_differential(p, alternatives, cues):  # type: ignore[no-untyped-def]
    fact = p.fact("glioma_differential")
    assert fact.status is (P if alternatives else N)
    assert fact.attributes.get("alternative", []) == alternatives
    for e in fact.evidence:
        if e.concept != "GLIOMA":
            assert cues_of([e]) == cues
