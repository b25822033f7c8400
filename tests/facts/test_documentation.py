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


EXAM_CASES = [
    # id, packet, status; the element is the examination's content, not its header
    ("section-with-findings", packet("EXAM: alert.", sections=(("physical_exam", "EXAM:"),)), P),
    ("section-deferred", packet("HPI: headache.\nPHYSICAL EXAM: Deferred.\nPLAN: MRS.",
                                sections=(("history_of_present_illness", "HPI:"), ("physical_exam", "PHYSICAL EXAM:"),
                                          ("assessment_plan", "PLAN:"))), N),
    ("section-telephone-visit", packet("Examination: not performed (telephone visit).\nPlan: MRS.",
                                       sections=(("physical_exam", "Examination:"), ("assessment_plan", "Plan:"))), N),
    ("section-virtual-visit", packet("Objective: Virtual visit, no exam.\nA/P: MRS.",
                                     sections=(("physical_exam", "Objective:"), ("assessment_plan", "A/P:"))), N),
    ("section-next-visit", packet("Neurological examination: to be done at her next visit.\nPlan: MRS.",
                                  sections=(("physical_exam", "Neurological examination:"),
                                            ("assessment_plan", "Plan:"))), N),
    ("section-empty", packet("Physical Examination:\n\nAssessment: MRS.",
                             sections=(("physical_exam", "Physical Examination:"), ("assessment_plan", "Assessment:"))),
     N),
    ("near-miss-partly-deferred-section", packet("EXAM: Fundi not examined. Alert, pupils equal, power 5/5.\nPlan: MRS.",
                                                 sections=(("physical_exam", "EXAM:"), ("assessment_plan", "Plan:"))), P),
    ("near-miss-long-first-sentence", packet(
        "EXAM: Gait is broad-based and she sways on standing, which we will reassess at the next visit.",
        sections=(("physical_exam", "EXAM:"),)), P),
    ("letter-on-examination", packet("I reviewed her today. On examination she was alert, pupils equal and reactive, "
                                     "power 5/5 throughout."), P),
    ("run-on-dictation", packet("pt seen for f/u neuro exam nonfocal gait normal plan mrs"), P),
    ("british-on-examination", packet("On examination he was orientated, with a mild left pronator drift."), P),
    ("bare-alert-and-oriented", packet("Alert and oriented x3, cranial nerves intact."), P),
    ("near-miss-exam-deferred-in-prose", packet("Exam deferred to neurosurgery; reflexes to be checked then."), N),
    ("near-miss-no-exam", packet("Headaches for three weeks. MRI showed a lesion."), N),
    ("near-miss-radiology-findings", packet("FINDINGS: the cranial nerves are unremarkable.",
                                            sections=(("findings", "FINDINGS:"),)), N),
]


@pytest.mark.parametrize(("p", "status"), [c[1:] for c in EXAM_CASES], ids=[c[0] for c in EXAM_CASES])
def test_physical_exam_documented(p, status):  # type: ignore[no-untyped-def]
    fact = p.fact("physical_exam_documented")
    assert fact.status is status
    if status is N and "not done" in fact.note:
        assert fact.ignored  # the deferred or empty section is kept for the reviewer


PROSE_HISTORY_CASES = [
    ("letter-duration-history", packet("Thank you for seeing this 52 year old lady with a two-month history of "
                                       "word-finding difficulty."), P),
    ("presented-with", packet("He presented with a first generalised seizure in August."), P),
    ("dictation-complains-of", packet("pt c/o worsening headaches over the past 3 weeks"), P),
    ("history-section-deferred", packet("HPI: deferred.\nPlan: MRS.",
                                        sections=(("history_of_present_illness", "HPI:"),
                                                  ("assessment_plan", "Plan:"))), P),
    ("history-section-empty", packet("HPI:\n\nCPT 76390", sections=(("history_of_present_illness", "HPI:"),
                                                                  ("request", "CPT"))), N),
    ("near-miss-radiology-indication", packet("INDICATION: three-week history of headaches.",
                                              sections=(("indication", "INDICATION:"),)), N),
]


@pytest.mark.parametrize(("p", "status"), [c[1:] for c in PROSE_HISTORY_CASES],
                         ids=[c[0] for c in PROSE_HISTORY_CASES])
def test_history_documented_in_prose(p, status):  # type: ignore[no-untyped-def]
    assert p.fact("history_documented").status is status
