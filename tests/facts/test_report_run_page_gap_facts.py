"""A radiology report's head is not taken from a section that began pages before its read.

Sections run from their header to the next header, so an "Indication:" field of a request form or a referral, followed
by pages the sectionizer knows no header of (a nurse's review, a chronology table, a case manager's summary), reaches
down to the technique, findings and impression of a report pages later, whose own title line the sectionizer does not
know ("RIVERBEND RADIOLOGY - MR SPECTROSCOPY REPORT   Acquired 10/13/2026"). The report's study and date were then
the first ones named in that indication's span (the form's study, or in the documented view a study named in the
nurse's review with the date of its "compiled on" line). facts/imaging.py `_from_read_page` starts the report at the
sections on its read's page when a whole page lies between the earlier section and the next one, or when the page
break is followed by the new page's own heading line naming another study than the heading lines before it (cue
report.heading_line; not a line that says the report goes on, cue report.continued); as `_lead_in_start`, the head
reaches back across no such page break. The study and date are read in the full and in the documented view (without
the request form's pages and fields).

Near misses keep the report's own title and date: a title on one page with findings going on over the next pages, a
title page followed directly by its findings page, an addendum on the next page, a running header that repeats the
title (with or without "continued"), a patient header on the second page, a title page then a technique page then
the findings page.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, paged_facts_of

import pipeline.facts.mapper as mapper
from pipeline.contracts import ImagingStudy

PAGE = "\n\f\n"

FORM = ("PRIOR AUTHORIZATION REQUEST - ADVANCED IMAGING\nMember: {who}   DOB 04/17/1979\n"
        "Service requested: MR spectroscopy (CPT 76390)\nOrdering provider: Dr. L. Okafor\nIndication: {why}\n")
REVIEW = ("UTILIZATION NURSE REVIEW   compiled 11/30/2026\n1. Outside MRI brain 10/01/2026 reviewed by neurosurgery.\n"
          "2. Spectroscopy obtained 10/13/2026, report faxed by the imaging centre.\n"
          "3. Discussed with the medical director; awaiting documentation.\n")
CHRONO = ("Date         Source                 Summary\n09/22/2026   Primary care           headaches, referred\n"
          "10/02/2026   Neurosurgery clinic    reviewed outside imaging\n11/04/2026   Neuro-oncology         tumour board\n")
CASE_MGMT = "CASE MANAGEMENT SUMMARY   prepared 12/01/2026\nMember contacted by phone; transport arranged; no barriers.\n"
FAX = "11/18/2026 09:12  FROM: IMAGING  TO: 5550100  P.4/4\n"

MRS_READ = ("Technique: single voxel PRESS at TE 30 and 144 ms over the {side} temporal lesion.\n"
            "Findings: spectrum degraded by susceptibility from the adjacent bone; metabolite peaks not resolved.\n"
            "Impression: nondiagnostic spectrum; neoplasm versus demyelination remains indeterminate.\n")
MRI_READ = ("Findings: 2.6 cm {side} frontal lesion with patchy enhancement and mild mass effect.\n"
            "Impression: indeterminate lesion; low-grade glioma versus tumefactive demyelination.\n")


def paged(*pages: str) -> str:
    return PAGE.join(pages)


CASES: list[tuple[str, str, set[str], set[str]]] = [
    # case, packet, the read studies ("modality date": in the documented view exactly these, in the full view also
    # the request form's own citations), studies that must not appear in either view
    ("form indication, review, table, MRS report with letterhead title",
     paged(FORM.format(who="Tess Arlow", why="enlarging left temporal lesion, outside MRS indeterminate"), REVIEW,
           CHRONO, FAX + "RIVERBEND RADIOLOGY - MR SPECTROSCOPY REPORT   Acquired 10/13/2026\n"
           + MRS_READ.format(side="left")),
     {"MRS 2026-10-13"}, {"MRI 2026-11-30", "MRS 2026-11-30"}),
    ("form indication naming an MRI, review, MRS report",
     paged(FORM.format(who="Omar Villa", why="MRI brain 11/01/2026 shows an indeterminate right frontal lesion"),
           REVIEW, FAX + "CEDAR VALLEY IMAGING - PROTON MR SPECTROSCOPY   Performed 10/09/2026\n"
           + MRS_READ.format(side="right")),
     {"MRS 2026-10-09"}, {"MRI 2026-11-30"}),
    ("referral indication, case summary, chronology, MRS report",
     paged("REFERRAL LETTER\nDear colleague,\nIndication: new seizures; left temporal lesion on outside MRS, "
           "indeterminate.\nRegards, Dr. P. Haddad\n", CASE_MGMT, CHRONO,
           "HARBOUR IMAGING - MR SPECTROSCOPY REPORT   Date of service 10/20/2026\n" + MRS_READ.format(side="left")),
     {"MRS 2026-10-20"}, {"MRS 2026-12-01"}),
    ("form indication, nurse review, MRI report with letterhead title",
     paged(FORM.format(who="Rae Lindqvist", why="right frontal lesion, prior MRS inconclusive"), REVIEW,
           FAX + "WESTBROOK RADIOLOGY - MAGNETIC RESONANCE IMAGING REPORT   Exam date 10/27/2026\n"
           + "Technique: multiplanar multisequence brain imaging before and after gadolinium.\n"
           + MRI_READ.format(side="right")),
     {"MRI 2026-10-27"}, {"MRS 2026-11-30", "MRI 2026-11-30"}),
    ("indication, then a new page with its own MRS heading",
     paged(FORM.format(who="Ines Baptiste", why="MRI brain 11/05/2026 with indeterminate left temporal lesion"),
           "NORTHFIELD IMAGING - MR SPECTROSCOPY, SINGLE VOXEL   Acquired 10/16/2026\n" + MRS_READ.format(side="left")),
     {"MRS 2026-10-16"}, set()),
    ("referral indication, then a new page with its own spectroscopy heading",
     paged("NEUROLOGY REFERRAL\nPatient: Bea Moreau\nIndication: CT head 11/09/2026 with a right parietal lesion, "
           "enhancing\n", "DEPARTMENT OF RADIOLOGY - MR SPECTROSCOPY STUDY   Done 10/18/2026\n"
           + MRS_READ.format(side="right")),
     {"MRS 2026-10-18"}, set()),
    ("letter indication, a whole letter page, MRS report with letterhead title",
     paged("Dear Dr. Fenwick,\nIndication: persistent headaches; left temporal lesion; MRI brain repeated "
           "11/26/2026 shows no change\n", "We would be grateful for your opinion on whether spectroscopy is "
           "needed.\nYours sincerely,\nDr. A. Sato   dictated 11/27/2026\n",
           "ELMHURST IMAGING - MR SPECTROSCOPY REPORT   Exam date 10/29/2026\n" + MRS_READ.format(side="left")),
     {"MRS 2026-10-29"}, {"MRS 2026-11-26", "MRS 2026-11-27"}),
    ("form indication, two unheaded pages, CT report with letterhead title",
     paged(FORM.format(who="Milo Varga", why="left temporal lesion, MRS requested after indeterminate MRI"),
           CASE_MGMT, CHRONO, "LAKEMONT IMAGING - CT HEAD WITHOUT CONTRAST   Scanned 10/25/2026\n"
           + "Findings: 2 cm hypodense left temporal lesion without haemorrhage.\n"
           + "Impression: indeterminate lesion; neoplasm versus subacute infarct.\n"),
     {"CT 2026-10-25"}, {"MRS 2026-12-01", "MRI 2026-12-01"}),
    ("indication with a dated MRS, review, MRS report (documented view)",
     paged(FORM.format(who="June Takeda", why="outside MRS 09/15/2026 equivocal"), REVIEW, CHRONO,
           "GRANITE PEAK RADIOLOGY - MR SPECTROSCOPY REPORT   Acquired 10/13/2026\n" + MRS_READ.format(side="right")),
     {"MRS 2026-10-13"}, {"MRI 2026-11-30", "MRS 2026-11-30"}),
    # near misses: a report title the sectionizer knows already headed the report
    ("near miss: indication, then a new page headed by a title the sectionizer knows",
     paged("CLINIC REFERRAL FORM\nIndication: follow-up of the CT head 11/08/2026, left parietal lesion\n",
           "ST. ANSELM HOSPITAL - MR SPECTROSCOPY BRAIN   11/02/2026\n" + MRS_READ.format(side="left")),
     {"MRS 2026-11-02"}, {"CT 2026-11-08"}),
    # near misses: one report over several pages keeps its title and date
    ("near miss: title on page 1, findings going on over page 2, impression on page 3",
     paged("MRI BRAIN WITH AND WITHOUT CONTRAST   10/30/2026\nIndication: seizures.\n"
           "Technique: multiplanar imaging before and after contrast.\nFindings: 2.6 cm left frontal lesion with",
           "patchy enhancement and mild mass effect, no restricted diffusion, no haemorrhage.\n",
           "Impression: indeterminate lesion; low-grade glioma versus tumefactive demyelination.\n"),
     {"MRI 2026-10-30"}, set()),
    ("near miss: title page followed directly by its findings page",
     paged("MRI BRAIN W/WO CONTRAST   10/30/2026\nIndication: new left frontal lesion.\n"
           "Technique: multiplanar imaging before and after gadolinium.\n", MRI_READ.format(side="left")),
     {"MRI 2026-10-30"}, set()),
    ("near miss: title page, technique page, findings page",
     paged("MRI BRAIN WITH AND WITHOUT CONTRAST   10/30/2026\nIndication: new right frontal lesion.\n",
           "Technique: multiplanar multisequence imaging before and after gadolinium.\n",
           MRI_READ.format(side="right")),
     {"MRI 2026-10-30"}, set()),
    ("near miss: an addendum on the next page",
     paged("MRI BRAIN WITH AND WITHOUT CONTRAST   10/30/2026\n" + MRI_READ.format(side="left")
           + "Electronically signed by Dr. S. Ruiz\n",
           "Addendum: on review, the lesion remains indeterminate; tumour versus demyelination.\n"),
     {"MRI 2026-10-30"}, set()),
    ("near miss: letterhead title, running header says continued",
     paged("LAKESIDE IMAGING - MR SPECTROSCOPY REPORT   10/05/2026\nIndication: indeterminate left temporal lesion.\n"
           "Technique: single voxel PRESS at TE 30 ms.\n",
           "LAKESIDE IMAGING - MR SPECTROSCOPY REPORT (continued)\n"
           "Findings: spectrum degraded by susceptibility; peaks not resolved.\n"
           "Impression: nondiagnostic spectrum; neoplasm versus demyelination remains indeterminate.\n"),
     {"MRS 2026-10-05"}, set()),
    ("near miss: letterhead title, running header repeats the title",
     paged("PINEWOOD RADIOLOGY - MR SPECTROSCOPY REPORT   10/07/2026\nIndication: indeterminate right temporal lesion.\n"
           "Technique: single voxel PRESS at TE 144 ms.\n",
           "PINEWOOD RADIOLOGY - MR SPECTROSCOPY REPORT\n"
           "Findings: spectrum degraded by motion; peaks not resolved.\n"
           "Impression: nondiagnostic spectrum; glioma versus demyelination remains indeterminate.\n"),
     {"MRS 2026-10-07"}, set()),
    ("near miss: letterhead title, patient header on the second page",
     paged("HILLSIDE IMAGING - MR SPECTROSCOPY REPORT   10/11/2026\nIndication: indeterminate left temporal lesion.\n"
           "Technique: single voxel PRESS at TE 30 ms.\n",
           "Patient: NGATA, ARI   MRN 552019   Page 2 of 2\n"
           "Findings: spectrum degraded by susceptibility; peaks not resolved.\n"
           "Impression: nondiagnostic spectrum; neoplasm versus demyelination remains indeterminate.\n"),
     {"MRS 2026-10-11"}, set()),
    ("near miss: letterhead title, indication, findings on the next page with no heading",
     paged("BAYVIEW RADIOLOGY - MRI BRAIN W/WO CONTRAST   10/19/2026\nIndication: new right frontal lesion.\n",
           MRI_READ.format(side="right")),
     {"MRI 2026-10-19"}, set()),
    ("near miss: a form page without report sections, then a one-page report",
     paged("PRIOR AUTHORIZATION REQUEST\nService requested: MR spectroscopy (CPT 76390)\nReason: outside MRI "
           "indeterminate\n", "MRI BRAIN WITH AND WITHOUT CONTRAST   10/23/2026\n" + MRI_READ.format(side="left")),
     {"MRI 2026-10-23"}, set()),
    ("near miss: form indication on page 1, the report's own title and read on page 2",
     paged(FORM.format(who="Cal Brody", why="indeterminate left frontal lesion"),
           "MRI BRAIN WITH AND WITHOUT CONTRAST   10/26/2026\nTechnique: multiplanar imaging.\n"
           + MRI_READ.format(side="left")),
     {"MRI 2026-10-26"}, set()),
]


def _studies(analyze: Any, monkeypatch: pytest.MonkeyPatch, text: str) -> tuple[list[ImagingStudy], ...]:
    """The studies of the full view and of the documented view (the second build_studies of map_facts)."""
    built: list[list[ImagingStudy]] = []
    original = mapper.build_studies

    def record(ctx: Any) -> list[ImagingStudy]:
        studies = original(ctx)
        built.append(studies)
        return studies

    monkeypatch.setattr(mapper, "build_studies", record)
    facts = paged_facts_of(analyze, text + REQUEST_TAIL)
    assert built[0] == facts.imaging
    return tuple(built)


@pytest.mark.parametrize(("case", "text", "read", "absent"), CASES, ids=[c[0] for c in CASES])
def test_the_report_head_is_on_the_read_page(analyze: Any, monkeypatch: pytest.MonkeyPatch, case: str, text: str,
                                             read: set[str], absent: set[str]) -> None:
    for view, studies in zip(("full", "documented"), _studies(analyze, monkeypatch, text), strict=True):
        got = {f"{s.modality} {s.date}" for s in studies if s.verdicts}
        assert got == read if view == "documented" else read <= got, \
            (view, [(s.modality, s.date, sorted(s.verdicts)) for s in studies])
        named = {f"{s.modality} {s.date}" for s in studies}
        assert not named & absent, (view, named & absent)
