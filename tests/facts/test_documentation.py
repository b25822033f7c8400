"""Derivations of facts/derive/documentation.py on hand-made mentions: history, examination, laboratory results
and treatment history."""

from __future__ import annotations

import pytest
from handmade import cues_of, packet

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

HISTORY_CASES = [
    ("history-section", packet("HPI: headaches for a month.", sections=(("history_of_present_illness", "HPI:"),)),
     P, None),
    ("narrative-of-three-sentences", packet("Seizures began in May. Resection followed in June. Seizures recurred.",
                                            ("SEIZURE", "Seizures"), ("PRIOR_RESECTION", "Resection"),
                                            ("SEIZURE", "Seizures", {"nth": 1})), P, "history.narrative"),
    ("two-sentences-are-not-a-narrative", packet("Seizures began in May. Resection followed in June.",
                                                 ("SEIZURE", "Seizures"), ("PRIOR_RESECTION", "Resection")), N, None),
    ("a-report-is-not-a-narrative", packet("FINDINGS: seizure focus. Resection cavity. Seizure-related change.",
                                           ("SEIZURE", "seizure"), ("PRIOR_RESECTION", "Resection"),
                                           ("SEIZURE", "Seizure"), sections=(("findings", "FINDINGS:"),)), N, None),
]


@pytest.mark.parametrize(("p", "status", "cue"), [c[1:] for c in HISTORY_CASES], ids=[c[0] for c in HISTORY_CASES])
def test_history_documented(p, status, cue):  # type: ignore[no-untyped-def]
    fact = p.fact("history_documented")
    assert fact.status is status
    if cue:
        assert cue in cues_of(fact.evidence)


LAB_CASES = [
    # id, packet, status, cue ids cited
    ("named-test-with-value", packet("Serum lactate 3.1 mmol/L.", ("LAB", "Serum lactate")), P, set()),
    ("pending-test", packet("Plasma amino acids pending.", ("LAB", "Plasma amino acids")), N, set()),
    ("pending-then-resulted", packet("Amino acids were sent out and returned normal.", ("LAB", "Amino acids")),
     P, {"labs.resulted"}),
    ("generic-name-with-value", packet("Labs: sodium 131.", ("LAB", "Labs")), P,
     {"labs.generic_name", "labs.result_value"}),
    ("generic-name-alone", packet("Labs: reviewed with the family.", ("LAB", "Labs")), N, set()),
    ("lab-in-the-mrs-sentence", packet("MRS showed a lactate doublet.", ("LAB", "lactate"),
                                       ("IMAGING", "MRS", {"modality": "MRS"})), N, set()),
    ("negated-test", packet("No ammonia level.", ("LAB", "ammonia level", {"mods": ("negated",)})), N, set()),
    ("pending-in-another-clause", packet("CSF cytology negative; flow cytometry pending.",
                                         ("LAB", "CSF cytology")), P, set()),
]


@pytest.mark.parametrize(("p", "status", "cues"), [c[1:] for c in LAB_CASES], ids=[c[0] for c in LAB_CASES])
def test_labs_documented(p, status, cues):  # type: ignore[no-untyped-def]
    fact = p.fact("labs_documented")
    assert fact.status is status
    assert cues_of(fact.evidence) == cues


TREATMENT_CASES = [
    ("treatment-named", packet("Completed chemoradiation.", ("PRIOR_RADIATION", "chemoradiation")), P),
    ("none-stated", packet("No prior treatment.", ("TREATMENT", "No prior treatment", {"assertion": "absent"})), P),
    ("hypothetical-only", packet("If it grows, radiation.", ("PRIOR_RADIATION", "radiation",
                                                             {"mods": ("hypothetical",)})), N),
    ("treatment-section-only", packet("TREATMENT HISTORY: see oncology notes.",
                                      sections=(("treatment_history", "TREATMENT HISTORY:"),)), P),
]


@pytest.mark.parametrize(("p", "status"), [c[1:] for c in TREATMENT_CASES], ids=[c[0] for c in TREATMENT_CASES])
def test_treatment_history_documented(p, status):  # type: ignore[no-untyped-def]
    assert p.fact("treatment_history_documented").status is status


def test_physical_exam_documented_is_a_section() -> None:
    assert packet("EXAM: alert.", sections=(("physical_exam", "EXAM:"),)).fact("physical_exam_documented").status is P
    assert packet("Alert and oriented.").fact("physical_exam_documented").status is N
