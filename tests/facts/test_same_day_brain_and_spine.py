"""Brain and spine imaging on the same day, and tumours of the spinal cord (facts through the real NLP stage).

1. Studies of different body regions are different studies even on the same date, and each sentence or numbered
   impression item of a combined "MRI BRAIN AND TOTAL SPINE" report belongs to the region it names
   (facts/imaging.py `_merge`, `_split_regions`, `_starts_new_report`; cues study.region_pair, study.region_spine,
   study.region_brain; a bare "normal" read of a brain study cited beside the spine's, "MRI brain same day
   normal": target img.nonlesional). A patient with a cord lesion and a normal brain MRI the same day has a
   conclusive, non-lesional brain MRI: conventional_imaging_inconclusive absent, prior_imaging_nonlesional present.
2. A tumour differential of a spinal-cord lesion ("intramedullary lesion C4-C6, indeterminate, ependymoma vs
   astrocytoma") is the cord's (target look.spinal_cord_tumor), and a systemic lymphoma with a non-CNS site after a
   comma or dash ("diffuse large B-cell lymphoma, lymph nodes of multiple sites") is a systemic lymphoma (target
   neo.systemic_lymphoma): neither makes brain_neoplasm, known_brain_tumor or cns_lymphoma.

Near misses: a brain tumour with drop metastases, one normal brain-and-spine study, studies on different dates, a
CNS lymphoma, a spine MRI alone, a brain lesion beside the cord lesion.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED


def _imaging(inconclusive: FactStatus, nonlesional: FactStatus) -> dict[str, FactStatus]:
    return {"conventional_imaging_inconclusive": inconclusive, "prior_imaging_nonlesional": nonlesional}


NORMAL_BRAIN = _imaging(A, P)

# ------------------------------------------------------------------ 1a. one combined report
COMBINED = [
    ("combined title, numbered items",
     "MRI BRAIN AND TOTAL SPINE W/WO CONTRAST\nDate of exam: 10/02/2026\nIMPRESSION:\n1. Normal MRI of the brain.\n"
     "2. Expansile intramedullary lesion C4-C6, indeterminate.\n"),
    ("combined title, region labels on the items",
     "MRI BRAIN AND TOTAL SPINE W/WO 10/02/2026\nIMPRESSION:\n1. Brain: normal MRI of the brain.\n"
     "2. Cervical spine: intramedullary enhancing lesion C5, nonspecific.\n"),
    ("combined title, second sentence of the spine item carries on",
     "MRI BRAIN AND CERVICAL SPINE WITH AND WITHOUT CONTRAST\nDATE: 09/28/2026\nIMPRESSION:\n"
     "1. No intracranial abnormality.\n2. Intramedullary lesion at C3-C4. It is indeterminate.\n"),
    ("lower case, ampersand",
     "MRI brain & C-spine w/wo contrast 10/05/2026\nImpression:\n1. Normal MRI of the brain.\n"
     "2. Cord lesion at C6, equivocal.\n"),
    ("findings and impression",
     "MRI BRAIN AND THORACIC SPINE W/WO\nExam date: 10/02/2026\nFINDINGS: The brain is normal. Expansile "
     "intramedullary T2 hyperintense lesion at T6.\nIMPRESSION:\n1. Normal MRI of the brain.\n"
     "2. Intramedullary lesion T6, indeterminate.\n"),
    ("slash title",
     "MRI BRAIN/TOTAL SPINE W/WO CONTRAST 10/02/2026\nIMPRESSION:\n1. Normal MRI of the brain.\n"
     "2. Conus lesion, indeterminate.\n"),
    ("head first, British spelling",
     "MRI HEAD AND WHOLE SPINE WITH CONTRAST\nDate: 10/02/2026\nIMPRESSION:\n1. Normal MRI of the brain, no "
     "intracranial lesion.\n2. Intramedullary lesion C2, uncertain aetiology.\n"),
    ("spine item first",
     "MRI BRAIN AND TOTAL SPINE W/WO 10/02/2026\nIMPRESSION:\n1. Intramedullary enhancing lesion C4-C5, "
     "indeterminate.\n2. Normal MRI of the brain.\n"),
    ("near miss: brain and spine, one normal read of each",
     "MRI BRAIN AND TOTAL SPINE W/WO 10/02/2026\nIMPRESSION: Normal MRI of the brain. No lesion in the cervical or "
     "thoracic cord.\n"),
    ("near miss: combined report with an indeterminate brain lesion",
     "MRI BRAIN AND TOTAL SPINE W/WO 10/02/2026\nIMPRESSION:\n1. Indeterminate enhancing right frontal lesion.\n"
     "2. Intramedullary lesion C4, nonspecific.\n"),
]
COMBINED_EXPECTED = [NORMAL_BRAIN] * 9 + [_imaging(P, N)]

# ------------------------------------------------------------------ 1b. two reports of one date
TWO_REPORTS = [
    ("brain report then cervical spine report",
     "MRI BRAIN W/WO CONTRAST 10/02/2026\nIMPRESSION: Normal MRI of the brain.\n\n"
     "MRI CERVICAL SPINE W/WO CONTRAST 10/02/2026\nIMPRESSION: Intramedullary lesion C4-C6, indeterminate.\n"),
    ("spine report then brain report",
     "MRI THORACIC SPINE W/WO 10/02/2026\nIMPRESSION: Expansile intramedullary lesion T8, indeterminate.\n\n"
     "MRI BRAIN W/WO 10/02/2026\nIMPRESSION: Normal MRI of the brain.\n"),
    ("date lines under the titles",
     "MRI BRAIN WITHOUT AND WITH CONTRAST\nDate of service: 10/02/2026\nIMPRESSION: No intracranial abnormality.\n\n"
     "MRI LUMBAR SPINE WITHOUT AND WITH CONTRAST\nDate of service: 10/02/2026\nIMPRESSION: Enhancing conus lesion, "
     "equivocal.\n"),
    ("abbreviated titles",
     "MRI BRAIN W/WO 09/30/2026\nImpression: Normal MRI of the brain.\n\nMRI C-SPINE W/WO 09/30/2026\n"
     "Impression: Cord lesion at C5, nonspecific.\n"),
    ("findings in each",
     "MRI BRAIN 10/02/2026\nFINDINGS: No mass, no abnormal enhancement.\nIMPRESSION: Normal MRI of the brain.\n\n"
     "MRI CERVICAL SPINE 10/02/2026\nFINDINGS: Expansile lesion within the cervical cord.\nIMPRESSION: "
     "Intramedullary lesion C3, indeterminate.\n"),
    ("near miss: different dates, the spine later",
     "MRI BRAIN W/WO 08/14/2026\nIMPRESSION: Normal MRI of the brain.\n\n"
     "MRI CERVICAL SPINE W/WO 10/02/2026\nIMPRESSION: Intramedullary lesion C4, indeterminate.\n"),
    ("near miss: a spine MRI alone",
     "MRI CERVICAL SPINE W/WO 10/02/2026\nIMPRESSION: Intramedullary lesion C4-C6, indeterminate.\n"),
]
TWO_EXPECTED = [NORMAL_BRAIN] * 6 + [_imaging(N, N)]

# ------------------------------------------------------------------ 1c. a note citing both
NOTE_LINES = [
    ("note line, same day normal",
     "Imaging:\nMRI C-spine 10/02/2026: intramedullary lesion C4-C6, indeterminate. MRI brain same day normal.\n"),
    ("note line, dated brain normal",
     "Imaging:\nMRI C-spine 10/02/2026: intramedullary lesion C4-C6, indeterminate.\nMRI brain 10/02/2026: normal.\n"),
    ("brain first",
     "Imaging:\nMRI brain 10/02/2026: normal. MRI T-spine 10/02/2026: expansile intramedullary lesion at T7, "
     "indeterminate.\n"),
    ("unremarkable, dash",
     "Imaging:\nMRI cervical spine 09/30/2026 - intramedullary lesion C5, nonspecific.\nMRI brain 09/30/2026 - "
     "unremarkable.\n"),
    ("HPI sentences",
     "HPI: An MRI of the cervical spine on 10/02/2026 showed an intramedullary lesion at C4, indeterminate. An MRI "
     "of the brain the same day was normal.\n"),
    ("brain normal study words",
     "Studies:\nMRI C-spine 10/02/2026: cord lesion C4-C6, nonspecific.\nMRI brain 10/02/2026: normal study.\n"),
    ("head MRI",
     "Imaging:\nMRI C-spine 10/02/2026: intramedullary lesion C3, indeterminate.\nMRI head 10/02/2026: normal.\n"),
    ("conus",
     "Imaging:\nMRI L-spine 10/02/2026: enhancing conus lesion, equivocal.\nMRI brain 10/02/2026: unremarkable.\n"),
    ("near miss: brain and spine, no lesion",
     "Imaging:\nMRI brain and spine 10/02/2026: no lesion.\nMRI brain 10/02/2026: normal.\n"),
]
NOTE_EXPECTED = [NORMAL_BRAIN] * 9

CLASS1 = [(c, t, e) for rows, exp in ((COMBINED, COMBINED_EXPECTED), (TWO_REPORTS, TWO_EXPECTED),
                                        (NOTE_LINES, NOTE_EXPECTED)) for (c, t), e in zip(rows, exp, strict=True)]


@pytest.mark.parametrize(("case", "text", "expected"), CLASS1, ids=[c[0] for c in CLASS1])
def test_a_brain_and_a_spine_study_of_one_date_are_two(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), expected)


# ------------------------------------------------------------------ 2a. a cord tumour differential
NO_BRAIN_TUMOR = {"brain_neoplasm": N, "known_brain_tumor": N}
CORD_DIFFERENTIAL = [
    ("dash, vs", "Assessment:\nIntramedullary lesion C4-C6 - ependymoma vs astrocytoma.\n", NO_BRAIN_TUMOR),
    ("conus, differential versus", "Assessment:\nConus lesion, differential ependymoma versus low-grade "
     "astrocytoma.\n", NO_BRAIN_TUMOR),
    ("long lesion phrase, vs", "Imaging:\nMRI C-spine 10/02/2026: expansile intramedullary lesion C4-C6, "
     "indeterminate, ependymoma vs astrocytoma.\n", NO_BRAIN_TUMOR),
    ("or, T2 bright", "Impression: intramedullary lesion T4-T6, T2 bright and expansile with patchy enhancement, "
     "ependymoma or astrocytoma.\n", NO_BRAIN_TUMOR),
    ("versus with grades", "A/P: cord lesion spanning C2 to C5, heterogeneously enhancing, ependymoma versus "
     "high-grade astrocytoma.\n", NO_BRAIN_TUMOR),
    ("capitals", "ASSESSMENT: INTRAMEDULLARY MASS C6-T1, INDETERMINATE ON MRI, EPENDYMOMA VS ASTROCYTOMA.\n",
     NO_BRAIN_TUMOR),
    ("vs. with a period", "Plan: MRS of the intramedullary lesion at C5, enhancing and nonspecific, ependymoma vs. "
     "astrocytoma.\n", NO_BRAIN_TUMOR),
    ("slash", "Dx: conus medullaris mass, enhancing and expansile on MRI, ependymoma/astrocytoma.\n", NO_BRAIN_TUMOR),
    ("near miss: a brain tumour with drop metastases",
     "Medulloblastoma of the fourth ventricle with drop metastases to the spine.\n", {"brain_neoplasm": P}),
    ("near miss: a brain lesion differential beside the cord",
     "MRI brain: left frontal mass, glioma vs metastasis. MRI C-spine: normal cord.\n", {"brain_neoplasm": S}),
]


@pytest.mark.parametrize(("case", "text", "expected"), CORD_DIFFERENTIAL, ids=[c[0] for c in CORD_DIFFERENTIAL])
def test_a_cord_tumour_differential_is_no_brain_tumour(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), expected)


# ------------------------------------------------------------------ 2b. a systemic lymphoma with its site
NOT_CNS = {"cns_lymphoma": N, "brain_neoplasm": N}
SYSTEMIC = [
    ("DLBCL, lymph nodes of multiple sites",
     "Assessment:\nDiffuse large B-cell lymphoma, lymph nodes of multiple sites, s/p R-CHOP 2023.\n", NOT_CNS),
    ("DLBCL abbreviation, bone marrow", "PMH: DLBCL, bone marrow involvement, in remission.\n", NOT_CNS),
    ("nodal DLBCL", "PMH: nodal DLBCL in remission since 2022.\n", NOT_CNS),
    ("follicular lymphoma, bone marrow", "History: follicular lymphoma, bone marrow involvement.\n", NOT_CNS),
    ("dash, mediastinum", "Oncology hx: large B-cell lymphoma - mediastinum, treated 2021.\n", NOT_CNS),
    ("capitals, lymph nodes", "PROBLEM LIST:\nDIFFUSE LARGE B-CELL LYMPHOMA, LYMPH NODES OF NECK\n", NOT_CNS),
    ("colon, spleen", "Dx: lymphoma: spleen and abdominal nodes, stage III (2020).\n", NOT_CNS),
    ("comma, multiple sites of lymph nodes", "Past history: NHL, multiple lymph node sites, s/p chemotherapy.\n",
     NOT_CNS),
    ("near miss: primary CNS lymphoma", "Assessment: primary CNS lymphoma, biopsy-proven.\n",
     {"cns_lymphoma": P}),
    ("near miss: lymphoma involving the brain", "Diffuse large B-cell lymphoma involving the brain.\n",
     {"cns_lymphoma": P}),
]


@pytest.mark.parametrize(("case", "text", "expected"), SYSTEMIC, ids=[c[0] for c in SYSTEMIC])
def test_a_systemic_lymphoma_with_its_site_is_no_cns_lymphoma(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), expected)


# ------------------------------------------------------------------ 1d. a note's impression about the cord
# A clinic note's impression whose clause reads the cord lesion ("intramedullary lesion C3-C5, ependymoma favoured
# over myelitis") beside an undated normal brain MRI: the hedge is the cord's, not a read of the brain MRI
# (imaging._reads_other_region), and the undated brain MRI never takes the date of the spine study alone (_merge).
SPINE_STUDY = "\fMRI CERVICAL SPINE W/WO    10/02/2026\nIMPRESSION: Intramedullary lesion C4-C5, indeterminate.\n"
NOTE_IMPRESSIONS = [
    ("impression clause about the cord, brain MRI in parentheses",
     "Impression: Intramedullary cervical cord lesion C4-C5, ependymoma favoured over myelitis; the work-up has been "
     "unrevealing. Other results (normal brain MRI, oligoclonal bands sent).\n", NORMAL_BRAIN),
    ("cord lesion differential, brain MRI sentence after",
     "Impression: cord lesion at C5, astrocytoma vs myelitis. Brain MRI normal.\n", NORMAL_BRAIN),
    ("conus, cannot exclude, brain MRI unremarkable",
     "Assessment: enhancing conus lesion, ependymoma cannot be excluded; MRI of the brain unremarkable.\n",
     NORMAL_BRAIN),
    ("thoracic cord, capitals",
     "IMPRESSION: INTRAMEDULLARY T6 LESION, EPENDYMOMA VS DEMYELINATION. BRAIN MRI NORMAL.\n", NORMAL_BRAIN),
    ("spinal cord words, likely",
     "Impression: expansile spinal cord lesion C3, likely ependymoma, myelitis possible. Normal MRI brain.\n",
     NORMAL_BRAIN),
    ("near miss: a hedged brain lesion in the note's impression",
     "Impression: left frontal lesion, glioma vs demyelination on the brain MRI.\n", _imaging(P, N)),
]


@pytest.mark.parametrize(("case", "text", "expected"), NOTE_IMPRESSIONS, ids=[c[0] for c in NOTE_IMPRESSIONS])
def test_a_notes_cord_clause_reads_no_brain_study(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts("CLINIC NOTE\n" + text + SPINE_STUDY), expected)
