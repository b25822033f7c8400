"""Three classes on short fresh texts, text -> NLP -> facts: how the MRS result changes management is an MRS purpose
(and the same words about another test or a past decision are not); qualitative lab results are lab results (and
tests pending, ordered or only planned are not); a new report title starts a new imaging study (and a comparison
line or a second page does not). Rows marked "near miss" must keep their result."""

from __future__ import annotations

import pytest
from text_to_criteria import facts_of

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED

MANAGEMENT_PURPOSE = [
    # case, text, purpose expected among the fact's `purpose` values (None: no MRS purpose)
    ("choose between two treatments, plan line",
     "Assessment: enhancing cavity margin, tumour versus necrosis.\nPlan: spectroscopy is needed so we can choose "
     "between a second resection and bevacizumab.\n", "treatment_planning"),
    ("result steers toward biopsy or observation, next sentence",
     "Brain MRS (76390) requested. Its result will steer us towards a stereotactic biopsy or simple observation.\n",
     "treatment_planning"),
    ("a peak would push to a muscle biopsy, same sentence",
     "Possible mitochondrial cytopathy; MR spectroscopy ordered: a raised lactate peak would push us to a muscle "
     "biopsy this month.\n", "treatment_planning"),
    ("informs diet and drug decisions, next sentence",
     "We are requesting MR spectroscopy. This will inform dietary and medication decisions for her.\n",
     "treatment_planning"),
    ("transplant planning hinges on it, letter",
     "Dear colleague, we ask for a brain MR spectroscopy. Transplant planning hinges on it.\n",
     "treatment_planning"),
    ("decision on hold until the MRS",
     "Adrenoleukodystrophy with a borderline Loes score. The HSCT decision is on hold until the MRS is read.\n",
     "treatment_planning"),
    ("surgery depends on the spectroscopy",
     "Impression and plan:\n1. Whether we proceed with surgery depends on the spectroscopy (CPT 76390).\n",
     "treatment_planning"),
    ("MRS and PET together decide",
     "Plan: MRS and FDG PET will decide between re-irradiation and hospice referral.\n", "treatment_planning"),
    ("tips the balance toward resection, EHR dash list",
     "A/P:\n- MR spectroscopy: a high choline/NAA ratio would tip the balance towards resection\n",
     "treatment_planning"),
    ("near miss: the PET decides, plan section",
     "Plan: the amino acid PET will decide between re-resection and lomustine. MRS (76390) requested as well.\n",
     None),
    ("near miss: a CT steers, dash list",
     "Plan:\n- CT chest will steer us toward bronchoscopy or observation\n- brain MRS 76390\n", None),
    ("near miss: a decision already taken",
     "Plan: the decision for resection was made in 2022; she recovered well. MRS (76390) requested.\n", None),
    ("near miss: we decided on surgery",
     "Assessment: we decided on resection in 2023 after tumour board. MR spectroscopy requested.\n", None),
    ("near miss: the biopsy's purpose",
     "Plan: stereotactic biopsy to guide chemotherapy. MR spectroscopy (76390) requested.\n", None),
    ("near miss: genetic testing's purpose",
     "Plan: exome sequencing will determine eligibility for the gene therapy trial. MRS requested.\n", None),
    ("near miss: a later sentence about something else",
     "MRS (76390) requested.\n\nHer sister's transplant planning is underway at another centre.\n", None),
]


@pytest.mark.parametrize(("case", "text", "purpose"), MANAGEMENT_PURPOSE, ids=[c[0] for c in MANAGEMENT_PURPOSE])
def test_management_change_is_an_mrs_purpose(analyze, case, text, purpose):  # type: ignore[no-untyped-def]
    fact = facts_of(analyze, text).facts["mrs_purpose"]
    if purpose is None:
        assert "treatment_planning" not in fact.attributes.get("purpose", []), fact.evidence
    else:
        assert fact.status is P
        assert purpose in fact.attributes["purpose"]


QUALITATIVE_LABS = [
    # case, text, labs_documented status
    ("panels each normal, dated labs line", "Labs 05/02/2026: CBC nl, CMP nl.\n", P),
    ("BMP WNL", "BMP WNL on 04/11/2026.\n", P),
    ("hCG negative, shorthand", "Pre-sedation: urine hCG neg\n", P),
    ("ammonia normal", "Serum ammonia normal yesterday.\n", P),
    ("LFTs unremarkable", "LFTs unremarkable.\n", P),
    ("tox screen negative", "Urine toxicology screen negative on arrival.\n", P),
    ("labs within normal limits, dated", "Labs within normal limits 02/01/2026.\n", P),
    ("labs header, result on its line", "LABS: within normal limits\n", P),
    ("labs header, result on the next line", "LABORATORY:\nAll within normal limits.\n", P),
    ("qualifier before the test", "Assessment: elevated ammonia, on lactulose.\n", P),
    ("near miss: labs pending", "Labs pending.\n", N),
    ("near miss: labs ordered", "Labs ordered today.\n", N),
    ("near miss: will check CBC", "Will check CBC and CMP.\n", N),
    ("near miss: labs header says none", "Labs: none available\n", N),
    ("near miss: labs header pending", "LABS:\nPending.\n", N),
    ("near miss: tests named in a plan", "Plan: CBC, CMP and ammonia prior to sedation.\n", N),
    ("near miss: obtain hCG", "Plan: obtain hCG before the scan.\n", N),
    ("near miss: order without a header", "Obtain CBC and BMP.\n", N),
]


@pytest.mark.parametrize(("case", "text", "status"), QUALITATIVE_LABS, ids=[c[0] for c in QUALITATIVE_LABS])
def test_qualitative_lab_results(analyze, case, text, status):  # type: ignore[no-untyped-def]
    assert facts_of(analyze, text).facts["labs_documented"].status is status


_MRI = ("MRI BRAIN WITH AND WITHOUT CONTRAST\nDate of exam: 01/05/2026\nFINDINGS: Enhancing left frontal lesion.\n"
        "IMPRESSION: Recurrent tumor versus radiation necrosis, indeterminate.\n")

REPORTS = [
    # case, text, expected studies as (modality, date, verdict it must have, verdict it must not have)
    ("PET report on a new page after a signature",
     _MRI + "Electronically signed by A. Reader MD 01/05/2026\n\fPET/CT BRAIN\nDate of exam: 02/10/2026\n"
     "FINDINGS: Intense FDG uptake in the left frontal lesion.\nIMPRESSION: Consistent with recurrent tumor.\n",
     [("MRI", "2026-01-05", "inconclusive", "conclusive"), ("PET", "2026-02-10", "conclusive", "inconclusive")]),
    ("PET report title with its own date line",
     _MRI + "Signed: A. Reader MD\n\nFDG PET BRAIN REPORT\n02/10/2026\nFINDINGS: Marked uptake.\n"
     "IMPRESSION: Findings diagnostic of recurrent tumor.\n",
     [("MRI", "2026-01-05", "inconclusive", "conclusive"), ("PET", "2026-02-10", "conclusive", None)]),
    ("CT then MRI, capitals titles with dates",
     "CT HEAD WITHOUT CONTRAST 03/01/2026\nFINDINGS: Hypodensity in the right temporal lobe.\n"
     "IMPRESSION: Nonspecific hypodensity; MRI recommended.\n\fMRI BRAIN 03/04/2026\n"
     "FINDINGS: Ring-enhancing right temporal lesion with restricted diffusion.\nIMPRESSION: Consistent with abscess.\n",
     [("CT", "2026-03-01", "inconclusive", "conclusive"), ("MRI", "2026-03-04", "conclusive", "inconclusive")]),
    ("MRS report after an MRI report, title case",
     "Brain MRI Report - 01/05/2026\nFindings: Enhancing left frontal lesion.\n"
     "Impression: Recurrent tumor versus radiation necrosis, indeterminate.\nSigned: A. Reader MD\n\n"
     "MR Spectroscopy Report\nDate: 02/10/2026\nFindings: Elevated choline.\nImpression: Consistent with recurrent "
     "tumor.\n",
     [("MRI", "2026-01-05", "inconclusive", "conclusive"), ("MRS", "2026-02-10", "conclusive", "inconclusive")]),
    ("amino acid PET title after a note, EXAM line",
     "Plan: discuss at tumor board.\nEXAM: 18F-FET PET/CT BRAIN\nDATE: 02/10/2026\n"
     "FINDINGS: Borderline uptake at the cavity margin.\nIMPRESSION: Equivocal for recurrent tumor.\n"
     "EXAM: MRI BRAIN WITHOUT AND WITH CONTRAST\nDATE: 01/20/2026\nFINDINGS: New enhancement.\n"
     "IMPRESSION: Recurrent tumor, definite.\n",
     [("PET", "2026-02-10", "inconclusive", None), ("MRI", "2026-01-20", None, "inconclusive")]),
    ("near miss: a comparison line names a prior PET",
     "Radiology Report\nExam: MRI brain w/wo contrast\nDate: 01/05/2026\nComparison: PET/CT 12/01/2025.\n"
     "Findings: Enhancing left frontal lesion.\nImpression: Indeterminate enhancing lesion.\n",
     # the compared PET is cited (a prior study, no read of its own); the MRI report is not split
     [("MRI", "2026-01-05", "inconclusive", None), ("PET", "2025-12-01", None, "inconclusive")]),
    ("near miss: second page continues the findings",
     "MRI BRAIN WITH AND WITHOUT CONTRAST\nDate of exam: 01/05/2026\nFINDINGS: Enhancing left frontal lesion.\n\f"
     "Page 2 of 2\nThere is surrounding edema. No hydrocephalus.\n"
     "IMPRESSION: Recurrent tumor versus radiation necrosis, indeterminate.\n",
     [("MRI", "2026-01-05", "inconclusive", None)]),
    ("near miss: second page repeats the title",
     "MRI BRAIN WITH AND WITHOUT CONTRAST 01/05/2026\nFINDINGS: Enhancing left frontal lesion.\n\f"
     "MRI BRAIN WITH AND WITHOUT CONTRAST 01/05/2026\nFINDINGS (continued): Surrounding edema.\n"
     "IMPRESSION: Recurrent tumor versus radiation necrosis, indeterminate.\n",
     [("MRI", "2026-01-05", "inconclusive", None)]),
    ("near miss: running header says continued",
     "MRI BRAIN 01/05/2026\nFINDINGS: Enhancing left frontal lesion.\nIMPRESSION: Indeterminate lesion.\n\f"
     "MRI BRAIN (CONTINUED)\nIMPRESSION: Recommend short-interval follow-up.\n",
     [("MRI", "2026-01-05", "inconclusive", None)]),
]


@pytest.mark.parametrize(("case", "text", "expected"), REPORTS, ids=[c[0] for c in REPORTS])
def test_report_heading_starts_a_new_study(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    studies = [s for s in facts_of(analyze, text).imaging if s.modality != "unspecified"]
    found = {(s.modality, s.date): s for s in studies}
    assert sorted(found) == sorted((m, d) for m, d, _, _ in expected), studies
    for modality, when, has, has_not in expected:
        study = found[(modality, when)]
        if has:
            assert has in study.verdicts, study
        if has_not:
            assert has_not not in study.verdicts, study
