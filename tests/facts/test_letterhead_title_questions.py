"""A report's own question under its title is answered even when a capitals letterhead stands above the title.

Class: a faxed radiology report (after a clinic note) opens with an institution/department letterhead in capitals
and, on the next line, its title with its fields ("RIVERBEND REGIONAL HOSPITAL - DEPARTMENT OF IMAGING" / "CT HEAD
WITHOUT CONTRAST     Date of exam: 10/02/2026    Accession: RR-55120"). The long title line was joined onto the
letterhead (pipeline/nlp/normalize.py _is_soft_break), so it did not start a line, sec.exam_title_modality did not
match, and the question under it ("Clinical: ?leukodystrophy") stayed in the clinic note's assessment/plan: the
report's own impression ("not typical of an inherited leukodystrophy") never answered it.

Rules: normalize._capitals_heading and normalize._COLUMN_TITLE (a capitals letterhead is a line of its own; a title
with its fields in columns is a line of its own); nlp sections.yaml sec.exam_title_modality (an accession with a
letter prefix and a dash: "RR-55120"), sec.report_question_header; facts supersede.report_question,
supersede.report_answer (pipeline/facts/resources/supersession.yaml).

Near misses keep their reading: an impression that leaves the question open keeps it suspected; a capitals
letterhead over a clinic note (no report title) leaves the note's question the clinician's; a capitals line ending
in "OF" still wraps into the next.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

S, A = FactStatus.SUSPECTED, FactStatus.ABSENT

NOTE = ("Neurology clinic note 10/20/2026\nHPI: 64M with subacute confusion and gait change.\n"
        "Assessment: confusion, imaging below.\nPlan: MR spectroscopy requested.\n\n")
LEUKO_READ = ("Findings: Confluent periventricular white matter T2 hyperintensity.\n"
              "Impression: Not typical of an inherited leukodystrophy; consistent with chronic small vessel "
              "ischaemic disease.\n")
LEUKO_OPEN = ("Findings: Confluent periventricular white matter T2 hyperintensity.\n"
              "Impression: Nonspecific white matter disease; leukodystrophy cannot be excluded.\n")
TUMOR_READ = ("Findings: Restricted diffusion in the left MCA territory.\n"
              "Impression: Not typical of a neoplasm; consistent with subacute infarct.\n")

LEUKO, TUMOR = {"leukodystrophy": A}, {"brain_neoplasm": A}

VARIANTS = [
    ("RIVERBEND REGIONAL HOSPITAL - DEPARTMENT OF IMAGING",
     "CT HEAD WITHOUT CONTRAST     Date of exam: 10/02/2026    Accession: RR-55120",
     "History: gait change, ?leukodystrophy", LEUKO_READ, LEUKO),
    ("ST. ALBAN'S MEDICAL CENTRE, NEURORADIOLOGY SERVICE",
     "MRI BRAIN W AND W/O CONTRAST   Exam date: 09/14/2026   Acc: SA4410-2",
     "Clinical: ?demyelination, ?leukodystrophy", LEUKO_READ, LEUKO),
    ("LAKESHORE UNIVERSITY HOSPITAL DIAGNOSTIC IMAGING",
     "MRI BRAIN WITH AND WITHOUT CONTRAST     DOS 10/02/2026     Acc# 55120",
     "Clinical: query leukodystrophy", LEUKO_READ, LEUKO),
    ("MERCY GENERAL HOSPITAL & CLINICS / DIAGNOSTIC RADIOLOGY",
     "MRI BRAIN W/WO CONTRAST   DOS 10/02/2026   ACC# 778812",
     "Hx: ataxia; r/o leucodystrophy", LEUKO_READ, LEUKO),
    ("HIGHFIELD CHILDREN'S HOSPITAL PAEDIATRIC RADIOLOGY DEPT",
     "MRI BRAIN WITHOUT CONTRAST (SEDATION)   Date of service 03.11.2026   Acc 66120",
     "Clinical: developmental regression, ? leukodystrophy", LEUKO_READ, LEUKO),
    ("PINECREST REGIONAL MEDICAL CENTER IMAGING SERVICES",
     "MRI BRAIN WITH AND WITHOUT CONTRAST DOS 10/02/2026 ACC 55120",
     "History: possible leukodystrophy", LEUKO_READ, LEUKO),
    ("RIVERBEND REGIONAL HOSPITAL - DEPARTMENT OF IMAGING",
     "CT HEAD WITHOUT CONTRAST     Date of exam: 10/02/2026    Accession: RR-55121",
     "History: new aphasia, ?tumour", TUMOR_READ, TUMOR),
    ("CASCADE MEDICAL CENTER RADIOLOGY  TEL 555-0134  FAX 555-0199",
     "MRI BRAIN W/WO CONTRAST   Exam date: 10/02/2026   Accession 88120",
     "Clinical: r/o mass lesion", TUMOR_READ, TUMOR),
    ("UNIVERSITY OF EASTBROOK HOSPITALS, DEPARTMENT OF NEURORADIOLOGY",
     "MRI BRAIN WITH AND WITHOUT CONTRAST   MRN: 8839201   Acc#: 3390012",
     "Clinical: confusion; ? neoplasm", TUMOR_READ, TUMOR),
]
ROWS = [(f"{t[:24]!r} under {lh[:24]!r} / {q!r}", NOTE + f"{lh}\n{t}\n{q}\n" + read, expected)
        for lh, t, q, read, expected in VARIANTS]

NEAR = [
    ("near: letterhead over a short title (a line of its own before too)",
     NOTE + "RIVERBEND REGIONAL HOSPITAL - DEPARTMENT OF IMAGING\nMRI BRAIN W/WO\nClinical: ?leukodystrophy\n"
     + LEUKO_READ, LEUKO),
    ("near: the impression leaves the question open",
     NOTE + "LAKESHORE UNIVERSITY HOSPITAL DIAGNOSTIC IMAGING\n"
     "MRI BRAIN WITH AND WITHOUT CONTRAST     DOS 10/02/2026     Acc# 55120\nClinical: ?leukodystrophy\n"
     + LEUKO_OPEN, {"leukodystrophy": S}),
    ("near: a capitals letterhead over a clinic note keeps the clinician's question",
     "NORTHGATE COMMUNITY HOSPITAL NEUROLOGY DEPARTMENT\n"
     "The patient was seen today for follow up of gait change and confusion.\n"
     "Clinical: 70F, confusion; ?leukodystrophy\nPlan: MR spectroscopy.\n", {"leukodystrophy": S}),
    ("near: a capitals letterhead ending in OF wraps and no title follows",
     "RIVERBEND REGIONAL HOSPITAL DEPARTMENT OF\nNEUROLOGY AND NEUROSURGERY OUTPATIENT SERVICES\n"
     "Assessment: gait change, ?leukodystrophy\nPlan: MRS.\n", {"leukodystrophy": S}),
]

ALL = ROWS + NEAR


@pytest.mark.parametrize(("case", "text", "expected"), ALL, ids=[r[0] for r in ALL])
def test_the_title_under_a_letterhead_holds_the_reports_question(fragment_facts, case, text, expected
                                                                 ):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), expected)
