"""A capitals letterhead line is not wrapped into the report title below it (normalize level).

Class: a faxed radiology report often opens with an institution/department letterhead in capitals on one line and
the report title with its fields on the next ("RIVERBEND REGIONAL HOSPITAL - DEPARTMENT OF IMAGING" / "CT HEAD
WITHOUT CONTRAST     Date of exam: 10/02/2026    Accession: RR-55120"). The capitals-heading check of
pipeline/nlp/normalize.py (_is_soft_break) only protected a next line shorter than 40 characters, so a long title
line was joined onto the letterhead and no longer started a line (sections.yaml sec.exam_title_modality then did not
match).

Rule (normalize._capitals_heading, normalize._COLUMN_TITLE): a line written entirely in capitals that ends no clause
open, is no "LABEL: text" field and holds no words of a sentence ("IS", "WAS", "THERE") is a heading, never joined
to the next line; a line that opens with a capitals run of words and carries fields after a column gap (two or more
spaces or a bar) is a line of its own. Dictated prose in capitals that wraps mid-sentence goes on ("... IN THE
RIGHT" / "PARIETAL LOBE WITH SURROUNDING EDEMA."), and so do a capitals line ending on "OF" and a sentence wrapped
after an open word ("history of" / "GBM").
"""

from __future__ import annotations

import pytest

from pipeline.nlp import normalize

KEPT = [
    ("riverbend letterhead / CT title with date and accession",
     "RIVERBEND REGIONAL HOSPITAL - DEPARTMENT OF IMAGING\n"
     "CT HEAD WITHOUT CONTRAST     Date of exam: 10/02/2026    Accession: RR-55120\nHistory: ?mass"),
    ("apostrophe and period letterhead / MRI title with exam date",
     "ST. ALBAN'S MEDICAL CENTRE, NEURORADIOLOGY SERVICE\n"
     "MRI BRAIN W AND W/O CONTRAST   Exam date: 09/14/2026   Acc: SA4410-2\nClinical: ?demyelination"),
    ("university letterhead / long MRI title with DOS and Acc#",
     "LAKESHORE UNIVERSITY HOSPITAL DIAGNOSTIC IMAGING\n"
     "MRI BRAIN WITH AND WITHOUT CONTRAST     DOS 10/02/2026     Acc# 55120"),
    ("parenthesised campus / spectroscopy title with bar-separated fields",
     "DEPARTMENT OF RADIOLOGY AND NUCLEAR MEDICINE (MAIN CAMPUS)\n"
     "MR SPECTROSCOPY BRAIN (SINGLE VOXEL) | Study date 10/02/2026 | MRN 4471203"),
    ("double-dash letterhead / title with Accn",
     "ST MARY'S HEALTH SYSTEM -- NEUROIMAGING SECTION, WEST WING\n"
     "MRI HEAD W/WO CONTRAST AND SPECTROSCOPY    Accn: QX-20931"),
    ("British paediatric letterhead / title with dotted date",
     "HIGHFIELD CHILDREN'S HOSPITAL PAEDIATRIC RADIOLOGY DEPT\n"
     "MRI BRAIN WITHOUT CONTRAST (SEDATION)   Date of service 03.11.2026"),
    ("ampersand letterhead / title with its fields in capitals",
     "MERCY GENERAL HOSPITAL & CLINICS / DIAGNOSTIC RADIOLOGY\n"
     "MRI BRAIN W/WO CONTRAST   DOS 10/02/2026   ACC# 778812"),
    ("letterhead with phone and fax / CT title",
     "CASCADE MEDICAL CENTER RADIOLOGY  TEL 555-0134  FAX 555-0199\n"
     "CT HEAD WITHOUT CONTRAST   Exam date: 10/02/2026   Accession 88120"),
    ("letterhead / long capitals title without fields",
     "UNIVERSITY OF EASTBROOK HOSPITALS, DEPARTMENT OF NEURORADIOLOGY\n"
     "MRI BRAIN WITH AND WITHOUT GADOLINIUM CONTRAST SPECTROSCOPY PROTOCOL"),
    ("letterhead / long capitals title with single-spaced fields",
     "PINECREST REGIONAL MEDICAL CENTER IMAGING SERVICES\n"
     "MRI BRAIN WITH AND WITHOUT CONTRAST DOS 10/02/2026 ACC 55120 MRN 66120"),
    ("a clinic note line / a title with fields in columns",
     "Plan: MR spectroscopy requested, follow up after the study\n"
     "CT HEAD WITHOUT CONTRAST     DOS 10/02/2026     Acc# 44120"),
    ("near: letterhead / short title (kept before too)",
     "RIVERBEND REGIONAL HOSPITAL - DEPARTMENT OF IMAGING\nMRI BRAIN W/WO"),
    ("near: letterhead / prose (kept: a new statement)",
     "NORTHGATE COMMUNITY HOSPITAL RADIOLOGY DEPARTMENT\n"
     "The patient was seen today for follow up of her headaches and confusion."),
    ("near: capitals findings line / next heading",
     "FINDINGS: NO ACUTE INTRACRANIAL HEMORRHAGE OR MASS EFFECT SEEN\nIMPRESSION"),
]

JOINED = [
    ("near: capitals prose wrapped after RIGHT",
     "FINDINGS: THERE IS A RING-ENHANCING LESION IN THE RIGHT\nPARIETAL LOBE WITH SURROUNDING EDEMA."),
    ("near: capitals prose wrapped after a noun, under its label",
     "FINDINGS: THERE IS A RING-ENHANCING LESION IN THE RIGHT PARIETAL\nLOBE WITH SURROUNDING EDEMA."),
    ("near: capitals prose without a label, words of a sentence",
     "THERE IS A RING-ENHANCING LESION SEEN IN THE RIGHT PARIETAL\nLOBE WITH SURROUNDING OEDEMA."),
    ("near: capitals impression wrapped after LEFT",
     "IMPRESSION: NO EVIDENCE OF RECURRENT TUMOR IN THE LEFT\nTEMPORAL LOBE OR ELSEWHERE"),
    ("near: capitals line ending in OF",
     "RIVERBEND REGIONAL HOSPITAL DEPARTMENT OF\nDIAGNOSTIC IMAGING AND NUCLEAR MEDICINE"),
    ("near: capitals history ending in OF, acronym next",
     "PATIENT HAS A LONG-STANDING FAMILY HISTORY OF\nGBM IN TWO FIRST-DEGREE RELATIVES."),
    ("near: a sentence wrapped after an open word",
     "The patient has a long-standing family history of\nGBM in two first-degree relatives."),
    ("near: mixed-case prose wrapped at the margin",
     "Ring-enhancing lesion in the right parietal lobe with surrounding\nvasogenic edema and mild mass effect."),
]

ROWS = [(c, t, False) for c, t in KEPT] + [(c, t, True) for c, t in JOINED]


@pytest.mark.parametrize(("case", "text", "joined"), ROWS, ids=[r[0] for r in ROWS])
def test_letterhead_and_title_lines(case, text, joined):  # type: ignore[no-untyped-def]
    first_break = text.index("\n")
    norm = normalize(text)
    at = list(norm.source_offsets).index(first_break)  # the character the first line break became
    assert (norm.text[at] == " ") is joined, norm.text
