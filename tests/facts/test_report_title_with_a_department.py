"""A report title led by a department or place starts a new study (fact level).

Class: a radiology report whose title line opens with the department or place that did the study before the study's
name ("EMERGENCY DEPARTMENT - CT HEAD WITHOUT CONTRAST 08/30/2026", "OUTSIDE HOSPITAL: MRI BRAIN W/WO 05/02/2026",
"URGENT CARE IMAGING - NONCONTRAST HEAD CT 10/01/2026", "St. Mary's Radiology | CT Brain | 09/14/2026") was no section
header (the title rules of sections.yaml start with the modality), so when it followed another report its findings and
impression ran on in the previous report: no study was listed for it, and its hedged read ("probably meningioma") made
the previous report's definite MRI ("characteristic of a meningioma") inconclusive too.

Rule (pipeline/nlp/resources/sections.yaml sec.exam_title_place, category exam_title): a line that opens with a
department or place segment (a place word: department, ED, hospital, clinic, urgent care, outside, St., ...; "imaging"
or "radiology" only after another word that is no list label such as "Prior"), then " - ", ":" or "|", then the study's
name with its body part (modality first or last: "CT HEAD W/O", "NONCONTRAST HEAD CT") and its date, alone to the end of
the line, is a report title. It starts a new report (facts/imaging.py _starts_new_report) whose study has the title's
modality and date; an earlier study's hedged read is then settled by a later study's definite read
(derive/imaging.py _settled_later), so conventional_imaging_inconclusive is absent. "History:" right under such a title
is the report's question, as under any title (sections.yaml sec.report_question_header).

Near misses (keep their reading): a sentence in prose naming a CT in the ED and a date; a department's note title
("EMERGENCY DEPARTMENT NOTE 08/30/2026": no study); "MRI w/wo recommended" in a plan (no study; in the CT impressions of
the rows above it adds no study either); a note's list line with words after the study ("ED: CT head 08/30/2026 -
right frontal mass ..."); a "Prior imaging:" label (no department). A department-titled CT dated AFTER the MRI with a
hedged read keeps conventional_imaging_inconclusive present (as before), but is now listed as its own CT study (its row
failed before on the study list only).

Limits: the title must carry its date on the same line (a department-led title without a date, or with the date on the
next line, is still no header); the place segment needs one of the listed place words (a bare institution name
"NORTHGATE - CT HEAD 08/30/2026" is no title); a note's line that is nothing but "ED: CT head 08/30/2026" reads as a
title too; a prose line written right under a report's impression (no title) still runs on in that report.
Rows: 20, 13 failed before the rule (the 12 rows whose department title follows a report that has given its read,
and the later-dated hedged CT); the CT-before-MRI and "History:" rows read right before too (the report's lead-in).
Columns: id, text (a request date is appended), the studies as "MODALITY DATE verdicts", the status of
conventional_imaging_inconclusive. Rows whose id starts with "near" keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.contracts import ClinicalFacts, FactStatus

P, A = FactStatus.PRESENT, FactStatus.ABSENT

MRI_DEF = ("MRI BRAIN WITH AND WITHOUT CONTRAST   10/20/2026\n"
           "FINDINGS: 3.1 cm right frontal convexity extra-axial mass with a dural tail and a CSF cleft.\n"
           "IMPRESSION: Right frontal convexity mass, characteristic of a meningioma.\n\n")
MRI_LATER = "MRI 2026-10-20 conclusive"
CT_READ = ("Findings: 3.0 cm hyperdense extra-axial mass over the right frontal convexity, no oedema.\n"
           "Impression: Right frontal extra-axial mass, probably meningioma. MRI w/wo recommended.\n")

CASES: dict[str, tuple[str, set[str], FactStatus]] = {
    "ED dash CT title after the MRI report":
        (MRI_DEF + "EMERGENCY DEPARTMENT - CT HEAD WITHOUT CONTRAST 08/30/2026\nIndication: fall at home.\n" + CT_READ,
         {MRI_LATER, "CT 2026-08-30 inconclusive"}, A),
    "outside hospital colon CT title, W/O":
        (MRI_DEF + "OUTSIDE HOSPITAL: CT HEAD W/O 05/02/2026\n" + CT_READ,
         {MRI_LATER, "CT 2026-05-02 inconclusive"}, A),
    "urgent care title, body part before the modality":
        (MRI_DEF + "URGENT CARE IMAGING - NONCONTRAST HEAD CT 10/01/2026\n" + CT_READ,
         {MRI_LATER, "CT 2026-10-01 inconclusive"}, A),
    "bar-separated mixed-case title with a saint's name":
        (MRI_DEF + "St. Bernard's Radiology | CT Brain | 09/14/2026\n" + CT_READ,
         {MRI_LATER, "CT 2026-09-14 inconclusive"}, A),
    "mixed-case department with a date label":
        (MRI_DEF + "Emergency Dept - CT head w/o contrast - DOS 07/19/2026\n" + CT_READ,
         {MRI_LATER, "CT 2026-07-19 inconclusive"}, A),
    "ED abbreviation title":
        (MRI_DEF + "ED - CT HEAD 08/30/2026\n" + CT_READ, {MRI_LATER, "CT 2026-08-30 inconclusive"}, A),
    "department of radiology, colon, with contrast":
        (MRI_DEF + "DEPARTMENT OF RADIOLOGY: CT BRAIN WITH CONTRAST 09/30/2026\n" + CT_READ,
         {MRI_LATER, "CT 2026-09-30 inconclusive"}, A),
    "imaging centre title of an earlier outside MRI":
        (MRI_DEF + "Harbourside Imaging - MRI Brain without contrast 06/11/2026\n"
         "Impression: Right frontal extra-axial lesion, meningioma versus dural metastasis.\n",
         {MRI_LATER, "MRI 2026-06-11 inconclusive"}, A),
    "outside hospital MRI title, W/WO":
        (MRI_DEF + "OUTSIDE HOSPITAL: MRI BRAIN W/WO 05/02/2026\n"
         "IMPRESSION: Extra-axial right frontal mass, possibly a meningioma; dural metastasis not excluded.\n",
         {MRI_LATER, "MRI 2026-05-02 inconclusive"}, A),
    "en dash after a hospital name":
        (MRI_DEF + "MERCY GENERAL HOSPITAL \u2013 CT HEAD WITHOUT CONTRAST 08/02/2026\n" + CT_READ,
         {MRI_LATER, "CT 2026-08-02 inconclusive"}, A),
    "History header under a department title":
        (MRI_DEF + "EMERGENCY DEPARTMENT - CT HEAD WITHOUT CONTRAST 08/30/2026\nHistory: fall, headache.\n" + CT_READ,
         {MRI_LATER, "CT 2026-08-30 inconclusive"}, A),
    "two department titles in a row, the later one definite":
        ("OUTSIDE HOSPITAL: CT HEAD 04/01/2026\nImpression: Hyperdense left temporal lesion, possible cavernoma.\n\n"
         "UNIVERSITY HOSPITAL - MRI BRAIN W/WO 04/20/2026\n"
         "Impression: Popcorn lesion with a hemosiderin rim, diagnostic of a cavernous malformation.\n",
         {"CT 2026-04-01 inconclusive", "MRI 2026-04-20 conclusive"}, A),
    "department CT title before the MRI report":
        ("EMERGENCY DEPARTMENT - CT HEAD WITHOUT CONTRAST 08/30/2026\n" + CT_READ + "\n" + MRI_DEF,
         {MRI_LATER, "CT 2026-08-30 inconclusive"}, A),
    "clinic title, spelled-out with and without":
        (MRI_DEF + "RIVERSIDE NEUROLOGY CLINIC: MRI BRAIN WITH AND WITHOUT CONTRAST 03/03/2026\n"
         "Impression: Small right frontal dural-based lesion, indeterminate.\n",
         {MRI_LATER, "MRI 2026-03-03 inconclusive"}, A),
    "hedged department CT dated after the MRI stays inconclusive":
        (MRI_DEF + "EMERGENCY DEPARTMENT - CT HEAD WITHOUT CONTRAST 11/02/2026\n" + CT_READ,
         {MRI_LATER, "CT 2026-11-02 inconclusive"}, P),
    # near misses: their reading stays
    "near: prose sentence naming the CT in the ED":
        ("HPI: 58F with headaches. CT head in the ED on 08/30/2026 showed a mass, probably meningioma.\n\n" + MRI_DEF,
         {MRI_LATER}, A),
    "near: a department note title is no study":
        (MRI_DEF + "EMERGENCY DEPARTMENT NOTE 08/30/2026\nAssessment: headache, likely tension type.\n",
         {MRI_LATER}, A),
    "near: MRI recommended in a plan is no study":
        (MRI_DEF + "Plan: MRI w/wo recommended for operative planning.\n", {MRI_LATER}, A),
    "near: a list line with words after the study":
        ("Imaging:\nED: CT head 08/30/2026 - right frontal mass, probably meningioma.\n\n" + MRI_DEF,
         {MRI_LATER}, A),
    "near: a prior-imaging label is no department":
        ("Prior imaging: MRI brain 05/02/2026\n\n" + MRI_DEF, {MRI_LATER}, A),
}


@pytest.mark.parametrize(("text", "studies", "expected"), list(CASES.values()), ids=list(CASES))
def test_report_title_with_a_department(fragment_facts: Callable[[str], ClinicalFacts], text: str,
                                        studies: set[str], expected: FactStatus) -> None:
    facts = fragment_facts(text)
    got = {f"{s.modality} {s.date} {' '.join(s.verdicts)}".strip() for s in facts.imaging}
    fact = facts.facts["conventional_imaging_inconclusive"]
    assert (got, fact.status) == (studies, expected), (fact.note, [e.text for e in fact.evidence])
