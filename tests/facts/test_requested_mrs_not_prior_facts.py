"""The MRS a request form dates (its service, exam or procedure date) is the one asked for, no prior study.

Through the real NLP stage, fact level (prior_mrs and the MRS studies of the imaging list). Class: a form row that
names the requested MRS with the date it is to be done ("Date of service: 12/11/2026  Procedure: brain MR
spectroscopy", "Brain MRS - DOS 12/12/2026", "Exam date: 12/09/2026  MRS brain") was read as a cited MRS of that
date; in a packet with no "Date of request" the latest date (this very date) stands in for the request date, so
the MRS was a prior MRS on the request day and the latest prior study that symptoms are dated against. Rule: cue
study.service_date_field (pipeline/facts/resources/cues.yaml), mechanism service_dated_line in
pipeline/facts/imaging.py (mrs_not_done): a labelled service date on the MRS's own line, on or after the request
date, with no read and no done word on the line, makes the MRS the request's.

Near misses keep their prior MRS: an MRS dated months before with a read, a limited prior spectroscopy, a form
row that reads the spectrum, a report whose header is dated and whose findings follow, a labelled date before the
request date, a done word on the row, a prior MRS named in the form's prior-imaging field, an MRS asked for and
then done.

Rows are freshly written (invented patients and wordings).
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

NOTE = ("\n\nNEUROLOGY CLINIC NOTE\nVisit: 11/17/2026\nHPI: 47F, right frontal lesion on MRI brain 10/21/2026, "
        "indeterminate; spectroscopy to characterise.\n")

# text, whether the packet states a request date, whether an MRS is a prior study
CASES: dict[str, tuple[str, bool, bool]] = {
    # the MRS the form dates is the one asked for
    "date of service then procedure, no request date": (
        "Date of service: 12/11/2026   Procedure: brain MR spectroscopy\n", False, False),
    "procedure date label, no request date": (
        "Procedure date: 12/10/2026  MR spectroscopy, right frontal lesion\n", False, False),
    "brain MRS - DOS": ("Brain MRS - DOS 12/12/2026\n", False, False),
    "exam date then single-voxel MRS": ("Exam date: 12/09/2026   single-voxel MRS brain\n", False, False),
    "study then date of service after it": ("MR spectroscopy brain    Date of service 12/14/2026\n", False, False),
    "DOS then service field": ("DOS 12/03/2026 | Service: proton MR spectroscopy of the brain\n", False, False),
    "date of exam with a request date": (
        "Date of exam: 12/16/2026 - MRS of the posterior fossa mass\n", True, False),
    "date of service on the request day": (
        "Date of service: 11/20/2026  Procedure: MR spectroscopy, brain\n", True, False),
    "appointment date, lower case": ("appointment date: 12/02/2026  mr spectroscopy (brain)\n", False, False),
    "service requested with requested DOS and CPT": (
        "Service requested: proton MRS of the brain, CPT 76390 - requested DOS 12/15/2026\n", False, False),
    "scheduled pending authorization": (
        "Spectroscopy of the brain scheduled 12/08/26, pending authorization.\n", False, False),
    "order row with its order date": ("Order: 76390 MR spectroscopy, ordered 11/16/2026\n", False, False),
    # near misses: a prior MRS stays one
    "near miss: outside MRS months before with a read": (
        "MRS 04/2026 at an outside hospital: raised choline.\n", False, True),
    "near miss: limited prior spectroscopy": (
        "Prior spectroscopy 08/14/2026 was limited by patient motion.\n", True, True),
    "near miss: form row that reads the spectrum": (
        "Date of service: 09/24/2026   Procedure: MR spectroscopy brain - lactate doublet\n", True, True),
    "near miss: dated report header with findings": (
        "Date of service: 09/22/2026   Procedure: brain MR spectroscopy\n"
        "Findings: choline/NAA 2.2 in the right frontal lesion, indeterminate.\n", True, True),
    "near miss: labelled date before the request date": (
        "Date of service: 08/30/2026   Procedure: MR spectroscopy brain\n", True, True),
    "near miss: done word on the row": (
        "Exam date: 10/05/2026   MRS brain completed, NAA reduced\n", True, True),
    "near miss: prior imaging field of the form": (
        "Requested DOS: 12/10/2026   Procedure: 76390 MRS brain\n"
        "Prior imaging: MR spectroscopy 09/2026 (outside), equivocal\n", True, True),
    "near miss: prior MRS beside a requested one without a request date": (
        "Brain MRS - DOS 12/12/2026\nPrevious MRS 09/18/2026 showed a small lactate peak.\n", False, True),
}


@pytest.mark.parametrize(("text", "dated", "prior"), CASES.values(), ids=CASES.keys())
def test_requested_mrs_not_prior(analyze: Any, text: str, dated: bool, prior: bool) -> None:
    facts = facts_of(analyze, text + NOTE + (REQUEST_TAIL if dated else ""))
    built = [s.date for s in facts.imaging if s.modality == "MRS"]
    fact = facts.facts["prior_mrs"]
    assert bool(built) is prior, (fact.status, fact.note, built, [
        [(e.text, e.attributes.get("cue")) for e in s.evidence] for s in facts.imaging if s.modality == "MRS"])
