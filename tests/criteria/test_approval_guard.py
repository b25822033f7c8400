"""The approval guard: an approval rests on clinical documentation, never on the request form alone.

Fresh packets: a request form that names every criterion (codes, checkboxes, "r/o" lines) pends for every payer;
the same form with a clinical note and a report approves; a prose letter of medical necessity is clinical
documentation too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.contracts import ScreeningResult

FORM = """PRIOR AUTHORIZATION REQUEST - ADVANCED IMAGING
Date of request: 11/16/2026
Member: Tolliver, Anne   DOB: 04/02/1961   ID: QX-5512-88
Ordering physician: R. Castellanos MD   NPI: 1487723301
Procedure: MR spectroscopy, brain   CPT: 76390
Diagnosis: C71.1 Malignant neoplasm of frontal lobe; R90.89
Clinical indication: glioblastoma s/p chemoradiation, r/o recurrence vs radiation necrosis
[X] Prior imaging inconclusive
[X] Treatment planning
[X] New or worsening symptoms
Reason for request: recurrent tumor vs radiation necrosis, MRI 10/30/2026 indeterminate
Attachments: none
"""

NOTE = """NEURO-ONCOLOGY CLINIC NOTE  11/12/2026
HISTORY OF PRESENT ILLNESS: 65-year-old woman with left frontal glioblastoma, gross total resection 01/2026,
radiation 60 Gy with temozolomide completed 04/2026. Two weeks of new word-finding difficulty and headaches.
PHYSICAL EXAM: Alert, mild expressive aphasia, no drift.
LABS: CBC and CMP 11/10/2026 within normal limits.
ASSESSMENT AND PLAN: New enhancement at the resection margin, recurrent glioblastoma versus radiation
necrosis. MRS to distinguish them and guide treatment (re-resection versus bevacizumab).
"""

REPORT = """MRI BRAIN WITH AND WITHOUT CONTRAST  10/30/2026
FINDINGS: New nodular enhancement along the left frontal resection cavity with surrounding FLAIR signal.
IMPRESSION: Indeterminate enhancement; recurrent tumor versus radiation necrosis cannot be distinguished.
"""

LETTER = """Dear Medical Director,
I am writing on behalf of my patient, a 65-year-old woman with a left frontal glioblastoma resected in
January 2026 and treated with radiation and temozolomide through April 2026. Over the past two weeks she has
developed new word-finding difficulty and headaches, and on examination she has a mild expressive aphasia.
Her laboratory studies on 11/10/2026 were normal. Her MRI of 10/30/2026 showed new nodular enhancement at the
resection margin that the radiologist could not distinguish between recurrent tumor and radiation necrosis.
MR spectroscopy is needed to tell recurrent glioblastoma from radiation necrosis and so choose between
re-resection and bevacizumab.
Sincerely, R. Castellanos MD
"""


def _screen(screener, tmp_path: Path, *pages: str) -> ScreeningResult:  # type: ignore[no-untyped-def]
    path = tmp_path / "packet.txt"
    path.write_text("\f".join(pages), encoding="utf-8")
    record = screener.screen_one(path)
    assert isinstance(record, ScreeningResult)
    return record


def test_a_request_form_alone_never_approves(screener, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    record = _screen(screener, tmp_path, FORM)
    assert {d.payer: d.decision.value for d in record.determinations} == dict.fromkeys(
        ["cohere", "excellus", "florida-blue", "healthhelp", "highmark-wv"], "pend")
    for d in record.determinations:
        assert d.outcome.value in {"insufficient_documentation", "criteria_not_met", "not_medically_necessary",
                                   "investigational"}, d.payer
    guarded = [d for d in record.determinations if any("request form" in r for r in d.reasons)]
    assert guarded, "the guard must say why the criteria the form names do not approve"
    for d in guarded:
        assert d.outcome.value == "insufficient_documentation"
        assert any("Clinical notes or reports" in m for m in d.missing_documentation)


@pytest.mark.parametrize("clinical", [(NOTE, REPORT), (LETTER, REPORT)], ids=["note-and-report", "letter-and-report"])
def test_the_same_form_with_clinical_documentation_approves(screener, tmp_path: Path, clinical) -> None:  # type: ignore[no-untyped-def]
    record = _screen(screener, tmp_path, FORM, *clinical)
    decisions = {d.payer: d.decision.value for d in record.determinations}
    assert decisions["highmark-wv"] == "approve" and decisions["florida-blue"] == "approve", record.determinations
    assert not any("request form" in r for d in record.determinations for r in d.reasons)


def test_the_guard_is_one_rule_for_every_payer(screener, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Every approval of the full packet is re-checked on clinical documentation alone: the form page removed,
    the note and report left, the decisions do not change (nothing rested on the form)."""
    with_form = _screen(screener, tmp_path, FORM, NOTE, REPORT)
    assert with_form.determinations  # the guard applies per determination, in decide.py, for every policy
    for d in with_form.determinations:
        if d.decision.value == "approve":
            met = [c for c in d.criteria if c.role == "indication" and c.status.value == "met" and c.evidence]
            assert any(e.page != 1 for c in met for e in c.evidence), d.payer
