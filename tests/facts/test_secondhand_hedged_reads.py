"""A hedged read of an outside study known only second-hand, whose written report the packet says it lacks.

A note cites an outside study with a hedged or differential read ("?mass vs old stroke", "met vs abscess vs GBM"),
second-hand or not ("reportedly", "OSH ED physician states ..."), and the packet says, in the same sentence, after
a dash, in another paragraph or on another page, that the study's written report is missing. A study whose report
the packet lacks and holds no report of has no established verdict of any kind: `conventional_imaging_inconclusive`
and `mri_nondiagnostic` are not documented (the read kept as evidence `superseded_by: report_unavailable`).

The forms that escaped (facts/imaging.py `_absences`, `_study_date_of`):
- the absence dated by its own statement, not by the study: "Fax 11/15/2026: outside MRI report not received",
  "11/15/2026 - Outside CT report not yet received", "Called the OSH on 11/14/2026: ...", "report requested
  11/10/2026 - not received", "not received as of 11/15/2026" (rules study.statement_date_before,
  study.statement_date_after): that date is the note's, so the absence reaches the study of any date;
- an absence dated only by a month or a year ("Outside MRI (10/2026) - final report to follow") reaches a study
  of that month or year;
- wordings of study.report_unavailable: "the formal MRI read from the outside hospital has not been sent", "reports
  were requested; they have not arrived", "still waiting on the outside MRI report", "awaiting their CT read",
  "report - will forward once received", "report for the 10/2 CT has yet to be received", "(CT report) - still
  outstanding";
- a clinician of the outside hospital telling the read (study.hearsay_read: "OSH ED physician states the MRI
  shows ...").

Near misses keep the read: the study's own report later in the packet; the report said reviewed or attached; the
clinician's own read of the images; another test's or another modality's report missing; a missing report dated
with another study's own date; our radiologist's words.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, paged_facts_of

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED
PLAN = "\nPlan: MR spectroscopy (CPT 76390).\n"
PAGE = "\n\f\n"

CT_READ = "Outside ED CT head 10/02/2026 showed a right temporal hypodensity, ?mass vs old stroke.\n"
MRI_READ = "OSH MRI brain 10/05/2026: ring-enhancing left parietal lesion - met vs abscess vs GBM.\n"
MRI_REPORT = ("MRI BRAIN WITH AND WITHOUT CONTRAST 10/05/2026\nFINDINGS: Ring-enhancing left parietal lesion.\n"
              "IMPRESSION: Indeterminate ring-enhancing lesion; metastasis versus abscess versus glioblastoma.\n")

CASES: list[tuple[str, str, FactStatus, FactStatus | None]] = [
    # case, text, conventional_imaging_inconclusive, mri_nondiagnostic (None: not checked)
    # --- the brief's forms (kept as guards)
    ("reportedly, ?mass vs old stroke - formal report not received, one sentence",
     "ED note: Outside ED CT 10/02 reportedly showed a R temporal hypodensity, ?mass vs old stroke - formal "
     "report not received.\n", N, None),
    ("transfer-centre call, written OSH reports have not arrived, next sentence",
     "Per the transfer-centre call, the MRI showed a 2 cm enhancing lesion, glioma vs metastasis. Written OSH "
     "reports have not arrived.\n", N, N),
    ("OSH MRI, met vs abscess vs GBM; OSH reports pending",
     "OSH MRI: ring-enhancing lesion - met vs abscess vs GBM. OSH reports pending.\n", N, N),
    # --- the absence dated by its statement (fax, note, call), not by the study
    ("fax date with a colon, another page",
     MRI_READ + PAGE + "Fax 11/15/2026: outside MRI report not received.\n", N, N),
    ("note date with a colon, still pending",
     MRI_READ + PAGE + "Note 11/15/2026: the outside MRI report is still pending.\n", N, N),
    ("date then a dash, capitals",
     CT_READ + PAGE + "11/15/2026 - OUTSIDE CT REPORT NOT YET RECEIVED.\n", N, None),
    ("called the OSH on a date, colon",
     MRI_READ + PAGE + "Called OSH on 11/15/2026: MRI report not yet available.\n", N, N),
    ("spoke with records on a date regarding the CT report",
     CT_READ + "\nSpoke with the outside hospital's records office on 11/14/2026 regarding the CT head report: "
     "still outstanding.\n", N, None),
    ("date on its own line before the absence",
     CT_READ + PAGE + "Records log\n11/13/2026\nOutside CT report not received.\n", N, None),
    ("report requested on a date, then not received",
     MRI_READ + PAGE + "Outside MRI report requested 11/10/2026 - not received.\n", N, N),
    ("report not received as of a date",
     "Per the transfer-centre call, their MRI brain 10/05/2026 showed an enhancing lesion, glioma vs "
     "metastasis.\n" + PAGE + "The outside MRI report has not been received as of 11/15/2026.\n", N, N),
    ("month and year only on the absence",
     "Outside MRI 10/05: ring-enhancing lesion, equivocal - met vs abscess vs GBM.\n" + PAGE
     + "Outside MRI (10/2026) - final report to follow.\n", N, N),
    ("year only on the absence",
     "Outside MRI 10/05: ring-enhancing lesion, equivocal - met vs abscess vs GBM.\n" + PAGE
     + "Outside MRI (2026) - final report to follow.\n", N, N),
    # --- wordings of the missing report
    ("the formal MRI read from the outside hospital has not been sent",
     "OSH ED physician states the MRI 10/05/2026 shows a ring-enhancing lesion, \"?abscess vs met\".\n\n"
     "The formal MRI read from the outside hospital has not been sent.\n", N, N),
    ("reports were requested; they have not arrived",
     MRI_READ + PAGE + "Outside films and reports were requested; they have not arrived.\n", N, N),
    ("still waiting on the outside MRI report",
     MRI_READ + PAGE + "Please note: we are still waiting on the outside MRI report.\n", N, N),
    ("awaiting their CT read, British spelling",
     "Transfer centre summary: CT head at the referring hospital 10/02/2026 showed a right temporal "
     "hypodensity, tumour vs old infarct.\n" + PAGE + "Awaiting their CT read.\n", N, None),
    ("report - will forward once received",
     CT_READ + PAGE + "Outside CT report - will forward once received.\n", N, None),
    ("reports to be faxed when available",
     MRI_READ + PAGE + "OSH imaging reports to be faxed when available.\n", N, N),
    ("the report for the 10/2 CT has yet to be received",
     CT_READ + PAGE + "The official radiology report for the 10/2 CT has yet to be received.\n", N, None),
    ("(CT report) - still outstanding",
     CT_READ + PAGE + "Records requested from the OSH (CT report) - still outstanding.\n", N, None),
    ("the written report of the MRI done at the outside hospital, long",
     MRI_READ + PAGE + "The formal report of the MRI done 10/5 at the outside hospital is still awaited.\n", N, N),
    # --- an outside clinician telling the read
    ("OSH ED physician states the MRI shows, quoted differential",
     "Transfer log: OSH ED physician states the MRI shows a ring-enhancing lesion, '?abscess vs met'.\n", N, N),
    ("the outside doctor said the CT showed, line wrap",
     "The outside\ndoctor said the CT head showed a left frontal hypodensity, ? mass vs infarct.\n", N, None),
    ("the hospitalist states, with the absence on another page",
     "Hospitalist at Mercy states the MRI brain shows an enhancing lesion, lymphoma vs GBM.\n" + PAGE
     + "Mercy MRI report not yet received.\n", N, N),
    # --- near misses: the read counts
    ("near miss: the study's own report later in the packet",
     "Fax 11/15/2026: outside MRI report not received.\n\n" + MRI_READ + PAGE + MRI_REPORT, P, P),
    ("near miss: report reviewed",
     MRI_READ + PAGE + "Note 11/15/2026: outside MRI report reviewed.\n", P, P),
    ("near miss: report attached",
     MRI_READ + PAGE + "Fax 11/15/2026: outside MRI report attached.\n", P, P),
    ("near miss: I personally reviewed the images",
     "I personally reviewed the images: the MRI brain of 10/05/2026 shows an indeterminate ring-enhancing left "
     "parietal lesion, metastasis versus abscess.\n" + PAGE + "Still waiting on the outside CT report.\n", P, P),
    ("near miss: the PET report is the one we wait on",
     MRI_READ + PAGE + "Note 11/15/2026: we are still waiting on the outside PET report.\n", P, P),
    ("near miss: awaiting the pathology report",
     MRI_READ + PAGE + "Awaiting the pathology report from the outside hospital.\n", P, P),
    ("near miss: another date's MRI report missing, under a fax date",
     MRI_READ + PAGE + "Fax 11/15/2026: MRI brain 08/02/2026 report not received.\n", P, P),
    ("near miss: another month's MRI report to follow",
     MRI_READ + PAGE + "Outside MRI (08/2026) - final report to follow.\n", P, P),
    ("near miss: our radiologist states",
     "Our neuroradiologist states the MRI brain 10/05/2026 shows an indeterminate ring-enhancing lesion, met vs "
     "abscess.\n", P, P),
    ("near miss: no absence anywhere",
     MRI_READ + PAGE + "Note 11/15/2026: records enclosed.\n", P, P),
]


@pytest.mark.parametrize(("case", "text", "inconclusive", "nondiagnostic"), CASES, ids=[c[0] for c in CASES])
def test_secondhand_hedged_read_without_report(analyze: Any, case: str, text: str, inconclusive: FactStatus,
                                               nondiagnostic: FactStatus | None) -> None:
    facts = paged_facts_of(analyze, text + PLAN + REQUEST_TAIL)
    fact = facts.facts["conventional_imaging_inconclusive"]
    assert fact.status == inconclusive, (fact.note, [(e.text, e.attributes.get("verdict"),
                                                      e.attributes.get("cue")) for e in fact.evidence])
    if nondiagnostic is not None:
        assert facts.facts["mri_nondiagnostic"].status == nondiagnostic
    if inconclusive is N:
        read = [e for e in fact.evidence if e.attributes.get("verdict") in {"inconclusive", "conclusive"}]
        assert not read, [(e.text, e.attributes) for e in read]
