"""A study title's date of service, a PET title with a nuclide prefix, and a PET cited before its report.

1. A date of service at the end of a report's title ("DOS 11/04/2026", "Date of Service: ...", "Svc dt ...", "Exam
   date ...", "Study date ...") is the study's date, never the request date: the record's request date comes from
   the form ("Date of request", "Date requested"), else the latest date in the packet, which is never a form's planned
   date of the requested study ("Requested DOS", "Scheduled DOS": facts cue request.planned_service_date).
2. A PET title with a nuclide or tracer prefix ("F-18 FDG PET/CT ...", "18F-FDG PET-CT ...", "Ga-68 DOTATATE
   PET/CT ...") is the same report as without it (section rule sec.exam_title_modality): its date, its coverage
   (study.pet_brain_imaged, study.pet_body_range) and its modality do not depend on the prefix or the date label.
3. A note that cites the PET before its report, without the year, names the same study: the report's own coverage
   wins over the citing note's ("whole-body PET/CT 11/04: no primary" before a report "... WITH DEDICATED BRAIN"), and
   a citation that reads a brain lesion on the PET after its name ("the frontal lesion has rim uptake", "the brain
   lesion is hypometabolic") shows the PET imaged the brain (study.pet_brain_finding).
   Near misses: a body-only citation with no brain words, a PET more than 90 days old, a coverage that starts below
   the brain, a brain lesion named before the PET (another study's read) or only as a landmark ("outside the brain").

Rows are freshly written; near misses must not change.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import check_facts, facts_of

from pipeline.contracts import FactStatus

P, A, N = FactStatus.PRESENT, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

READ = ("FINDINGS: Photopenic right frontal lesion with a thin rim of uptake. No hypermetabolic primary.\n"
        "IMPRESSION: No primary malignancy identified.\n\n")
FORM = ("PRIOR AUTHORIZATION REQUEST\nDate of request: 11/25/2026\n"
        "MR spectroscopy requested for the right frontal lesion.\n")
NOTE = ("NEUROSURGERY CLINIC NOTE\nHPI: 61F with a ring-enhancing right frontal lesion on MRI brain 10/27/2026. {cite}\n"
        "PMH: hypertension, hypothyroidism, GERD. Meds: amlodipine, levothyroxine, pantoprazole, levetiracetam.\n"
        "Exam: alert and oriented, mild left pronator drift, otherwise nonfocal.\n"
        "Plan: MR spectroscopy to help separate a necrotic tumour from an abscess.\n\n")


def report(title: str) -> str:
    return title + "\n" + READ


def cited(cite: str, title: str | None = None) -> str:
    return NOTE.format(cite=cite) + (report(title) if title else "") + FORM


# case, text, pet_same_workup, the record's request date, the PET studies as (date, body part)
ROWS = [
    # 1-2. titles: a nuclide prefix and a date-of-service label
    ("F-18 FDG title with DOS, dedicated brain",
     report("F-18 FDG PET/CT SKULL BASE TO MID-THIGH WITH DEDICATED BRAIN       DOS 11/04/2026") + FORM,
     P, "2026-11-25", [("2026-11-04", "brain")]),
    ("18F-FDG title, vertex to thighs, Date of Service label",
     report("18F-FDG PET-CT VERTEX TO THIGHS     Date of Service: 11/02/2026") + FORM,
     P, "2026-11-25", [("2026-11-02", "brain")]),
    ("C-11 methionine brain PET, Study date label",
     report("C-11 METHIONINE PET BRAIN      Study date: 11/01/2026") + FORM, P, "2026-11-25", [("2026-11-01", "brain")]),
    ("Ga-68 DOTATATE with dedicated brain, Svc dt label",
     report("Ga-68 DOTATATE PET/CT WITH DEDICATED BRAIN IMAGING    Svc dt 11/06/2026") + FORM,
     P, "2026-11-25", [("2026-11-06", "brain")]),
    ("prefix with the plain DATE label stays",
     report("F-18 FDG PET/CT SKULL BASE TO MID-THIGH WITH DEDICATED BRAIN    DATE: 11/03/2026") + FORM,
     P, "2026-11-25", [("2026-11-03", "brain")]),
    ("near miss: Ga-68 DOTATATE skull base to mid-thigh, Svc dt label",
     report("Ga-68 DOTATATE PET/CT SKULL BASE TO MID-THIGH    Svc dt 11/06/2026") + FORM,
     A, "2026-11-25", [("2026-11-06", "body")]),
    ("near miss: F18-fluciclovine skull base to thigh, Exam date label",
     report("F18-fluciclovine PET SKULL BASE TO THIGH     Exam date 10/30/2026") + FORM,
     A, "2026-11-25", [("2026-10-30", "body")]),
    ("near miss: 18F-FET brain PET five months before, DOS label",
     report("18F-FET PET BRAIN      DOS 06/10/2026") + FORM, A, "2026-11-25", [("2026-06-10", "brain")]),
    # 1. the request date is never a date of service
    ("a clinic note's DOS after the report: the latest date, not the report's DOS",
     report("FDG PET/CT SKULL BASE TO MID-THIGH WITH DEDICATED BRAIN    DOS 11/04/2026")
     + "NEUROLOGY CLINIC NOTE                        DOS: 11/21/2026\nMR spectroscopy requested for the frontal "
       "lesion.\n", P, "2026-11-21", [("2026-11-04", "brain")]),
    ("Date requested after a DOS title",
     report("F-18 FDG PET/CT WITH DEDICATED BRAIN    DOS 11/04/2026")
     + "Date requested 11/19/2026\nMR spectroscopy requested.\n", P, "2026-11-19", [("2026-11-04", "brain")]),
    ("a form's Requested DOS before its Date of request",
     "Procedure: MR spectroscopy (76390)     Requested DOS: 12/01/2026\nDate of request: 11/19/2026\n\n"
     + report("FDG PET/CT WITH DEDICATED BRAIN    DOS 08/10/2026"), A, "2026-11-19", [("2026-08-10", "brain")]),
    ("a Scheduled DOS is no fallback request date",
     "MR spectroscopy brain (76390)     Scheduled DOS: 12/02/2026\n\n"
     + report("18F-FDG PET/CT WITH DEDICATED BRAIN     Date of Service: 11/18/2026"),
     P, "2026-11-18", [("2026-11-18", "brain")]),
    # 3. the same PET cited in a note before its report, without the year
    ("cited with a brain finding, prefixed report with DOS",
     cited("She obtained whole-body FDG PET/CT 11/04 to look for a primary; the frontal lesion has rim uptake.",
           "F-18 FDG PET/CT SKULL BASE TO MID-THIGH WITH DEDICATED BRAIN       DOS 11/04/2026"),
     P, "2026-11-25", [("2026-11-04", "brain")]),
    ("cited body-only, report with dedicated brain: the report's coverage wins",
     cited("Whole-body PET/CT 11/04: no primary found.",
           "FDG PET/CT SKULL BASE TO MID-THIGH WITH DEDICATED BRAIN       DOS 11/04/2026"),
     P, "2026-11-25", [("2026-11-04", "brain")]),
    ("cited body-only, 18F-FDG report with Date of Service",
     cited("A total-body PET 11/05 found no extracranial disease.",
           "18F-FDG PET-CT SKULL TO THIGH     Date of Service: 11/05/2026"),
     P, "2026-11-25", [("2026-11-05", "brain")]),
    ("cited alone: the brain lesion is hypometabolic",
     cited("Whole-body FDG PET/CT 11/04 to look for a primary: none; the brain lesion is hypometabolic."),
     P, "2026-11-25", [("2026-11-04", "brain")]),
    ("cited alone: rim uptake in the right frontal lesion",
     cited("Whole-body PET/CT on 11/03 showed rim uptake in the right frontal lesion and no primary."),
     P, "2026-11-25", [("2026-11-03", "brain")]),
    ("cited alone: a photopenic left temporal mass",
     cited("Total-body FDG PET 11/02/2026: a photopenic left temporal mass, no extracranial disease."),
     P, "2026-11-25", [("2026-11-02", "brain")]),
    ("near miss: cited alone, body-only, no brain words",
     cited("Whole-body PET/CT 11/04: no primary found."), A, "2026-11-25", [("2026-11-04", "body")]),
    ("near miss: cited body-only, report skull base to mid-thigh",
     cited("Whole-body PET/CT 11/04: no primary found.", "PET/CT SKULL BASE TO MID-THIGH       DOS 11/04/2026"),
     A, "2026-11-25", [("2026-11-04", "body")]),
    ("near miss: cited with a brain finding, report skull base to mid-thigh: the report's coverage wins",
     cited("Whole-body FDG PET/CT 11/04: the frontal lesion has rim uptake.",
           "Ga-68 DOTATATE PET/CT SKULL BASE TO MID-THIGH       DOS 11/04/2026"),
     A, "2026-11-25", [("2026-11-04", "body")]),
    ("near miss: a brain finding on a PET more than 90 days old",
     cited("Whole-body PET/CT 07/10/2026: the frontal lesion has rim uptake."), A, "2026-11-25",
     [("2026-07-10", "brain")]),
    ("near miss: a brain finding on a neck-to-thigh PET",
     cited("PET/CT neck to thigh 11/04/2026: the frontal lesion showed faint uptake, no primary."), A, "2026-11-25",
     [("2026-11-04", "body")]),
    ("near miss: the brain named only as a landmark",
     cited("Whole-body PET/CT 11/04/2026: no avid disease outside the brain."), A, "2026-11-25",
     [("2026-11-04", "body")]),
    ("near miss: the brain lesion read on the MRI before the PET",
     cited("Repeat MRI 11/01/2026 showed the frontal lesion with avid enhancement; whole-body PET/CT 11/04/2026 found "
           "no primary."), A, "2026-11-25", [("2026-11-04", "body")]),
    ("a form's Exam line with its Scheduled DOS just before the PET report",
     "PRIOR AUTHORIZATION REQUEST\nExam: MR spectroscopy (76390)     Scheduled DOS: 12/01/2026\n"
     "Date of request: 11/19/2026\n\n" + report("18F-FDG PET/CT WITH DEDICATED BRAIN    DOS 11/10/2026"),
     P, "2026-11-19", [("2026-11-10", "brain")]),
]


@pytest.mark.parametrize(("case", "text", "status", "requested", "pets"), ROWS, ids=[r[0] for r in ROWS])
def test_study_title_dates_and_pet_prefix(analyze: Any, case: str, text: str, status: FactStatus, requested: str,
                                          pets: list[tuple[str, str]]) -> None:
    facts = facts_of(analyze, text)
    assert facts.reference_date == requested
    assert all(s.date is None or s.date <= requested for s in facts.imaging), \
        [(s.modality, s.date) for s in facts.imaging]  # a planned date of service is no prior study's date
    assert [(s.date, s.body_part) for s in facts.imaging if s.modality == "PET"] == pets, \
        [(s.modality, s.date, s.body_part, [e.text for e in s.evidence]) for s in facts.imaging]
    check_facts(facts, {"pet_same_workup": status})
