"""The MRS purpose written in free prose, and technical repeats told from follow-up plans and harmless artifacts,
end to end on short fresh texts: text -> NLP -> facts -> one policy criterion. Rows marked "near miss" must keep
their result."""

from __future__ import annotations

from pathlib import Path

import pytest
from text_to_criteria import evaluate_node, facts_of

from pipeline.contracts import FactStatus, TriState

REPO = Path(__file__).resolve().parents[2]
MET, NOT, UNK = TriState.MET, TriState.NOT_MET, TriState.UNKNOWN
P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED


PURPOSE = [
    # case, text, purpose expected among the fact's `purpose` values (None: no purpose)
    ("decide between biopsy and empiric treatment, letter",
     "Thank you for seeing him. Spectroscopy would help us decide between a biopsy and empirical treatment for "
     "presumed toxoplasmosis.\n", "treatment_planning"),
    ("result determines transplant, dictation",
     "Assessment: cerebral adrenoleukodystrophy, MRI equivocal. The MR spectroscopy result will determine whether "
     "we proceed to HSCT this spring.\n", "treatment_planning"),
    ("gene therapy eligibility, EHR export",
     "Plan:\n- MRS brain (76390) to establish eligibility for the gene therapy programme\n", "treatment_planning"),
    ("trial enrolment, terse fax",
     "REASON FOR MRS: result decides trial enrollment (phase II). CPT 76390\n", "treatment_planning"),
    ("candidate for transplant, British spelling",
     "Spectroscopy is requested to assess her candidacy for haematopoietic stem cell transplantation.\n",
     "treatment_planning"),
    ("surgery or watchful waiting",
     "We would like MRS to decide whether she needs a resection or can be watched.\n", "treatment_planning"),
    ("characterise the lesion, British spelling",
     "Impression: indeterminate left frontal lesion. Plan: MRS to characterise the lesion.\n", "diagnosis"),
    ("expected metabolites",
     "MRS requested: we anticipate a raised choline peak if this is tumour and a lactate doublet if it is an "
     "abscess.\n", "diagnosis"),
    ("decision regarding re-irradiation",
     "MRS (76390) to inform the decision regarding re-irradiation of the cavity margin.\n", "treatment_planning"),
    ("whether to proceed to gene therapy",
     "MR spectroscopy requested to assess whether she should proceed to gene therapy.\n", "treatment_planning"),
    ("near miss: a past transplant is not a purpose",
     "She underwent HSCT in 2019 for leukaemia. MRS (76390) requested.\n", None),
    ("near miss: a treatment declined outside the MRS sentence",
     "The family declined gene therapy last year. MR spectroscopy (76390) requested.\n", None),
    ("near miss: a decision already taken, outside the MRS sentence",
     "She decided on surgery in 2024. MRS (76390) requested to grade the tumour.\n", "grading"),
    ("near miss: metabolites expected outside the MRS",
     "Labs: serum choline pending; we expect discharge tomorrow. MRS (76390) requested.\n", None),
]


@pytest.mark.parametrize(("case", "text", "purpose"), PURPOSE, ids=[c[0] for c in PURPOSE])
def test_mrs_purpose_in_prose(analyze, case, text, purpose):  # type: ignore[no-untyped-def]
    fact = facts_of(analyze, text).facts["mrs_purpose"]
    if purpose is None:
        assert fact.status is N
    else:
        assert fact.status is P
        assert purpose in fact.attributes["purpose"]
    if case.startswith("near miss: a decision already"):
        assert "treatment_planning" not in fact.attributes["purpose"]


THERAPY_PLANNING = [
    ("leukodystrophy: transplant decision",
     "Known metachromatic leukodystrophy; MRI indeterminate. The MRS result will determine whether he proceeds to "
     "transplant.\n", ("healthhelp", "hh.leukodystrophy.therapy"), MET),
    ("leukodystrophy: gene therapy eligibility",
     "X-linked adrenoleukodystrophy. MRS (76390) will inform eligibility for gene therapy.\n",
     ("healthhelp", "hh.leukodystrophy.therapy"), MET),
    ("known tumor: biopsy or empiric treatment",
     "Known glioblastoma treated in 2024. New enhancing focus. Spectroscopy would help us decide between biopsy and "
     "empiric treatment.\n", ("healthhelp", "hh.known_tumor.treatment"), MET),
    ("near miss: leukodystrophy, MRS purpose not stated",
     "X-linked adrenoleukodystrophy. MRS (76390) requested.\n", ("healthhelp", "hh.leukodystrophy.therapy"), UNK),
]


@pytest.mark.parametrize(("case", "text", "node", "expected"), THERAPY_PLANNING, ids=[c[0] for c in THERAPY_PLANNING])
def test_healthhelp_therapy_planning(analyze, case, text, node, expected):  # type: ignore[no-untyped-def]
    assert evaluate_node(analyze, text, *node) is expected


# ------------------------------------------------------------------ technical repeats
# Cohere: "Repeat diagnostic testing due to technical issues ... may not be considered medically necessary";
# Florida Blue: "Re-imaging or additional imaging due to ... technically limited exam". A harmless or denied
# artifact and a follow-up plan ("repeat MRI in 6 weeks") are not a request repeating a failed study.
TECHNICAL_REPEAT = [
    ("genuine: repeat MRS named before a colon",
     "Repeat MRS: the prior MRS was non-diagnostic due to motion and poor shim.\nCPT 76390\n", MET),
    ("genuine: a Y/N form line answered Y",
     "Repeat study due to technical issues (Y/N): Y\nPrior MRS 09/12/2026 non-diagnostic because of patient "
     "motion.\nCPT 76390\n", MET),
    ("genuine: a form question answered Yes with its reason",
     "Is this a repeat of a prior study? Yes - the MRS on 09/12/2026 was aborted, patient could not tolerate.\n"
     "CPT 76390\n", MET),
    ("genuine: a checkbox question, British spelling",
     "Repeat study due to technical problems?  [X] Yes  [ ] No\nPrevious MRS abandoned owing to movement "
     "artefact.\nCPT 76390\n", MET),
    ("genuine: an attempt abandoned because of movement",
     "Repeat MRS requested under anaesthesia as the previous attempt was abandoned because of movement.\n"
     "CPT 76390\n", MET),
    ("near miss: the form question answered No",
     "Repeat study due to technical issues (Y/N): N\nCPT 76390 MR spectroscopy to grade the lesion.\n", NOT),
    ("near miss: the form question with No ticked",
     "Repeat of a failed study?  [ ] Yes  [X] No\nCPT 76390 MR spectroscopy to grade the lesion.\n", NOT),
    ("near miss: artifact that does not affect the brain images",
     "MRI brain 10/01/2026: streak artifact from dental hardware does not affect the brain images. "
     "Ring-enhancing lesion, abscess versus tumour.\nPlan: MRS (76390); repeat MRI in 6 weeks.\n", NOT),
    ("near miss: mild motion on one sequence, remainder diagnostic",
     "MRI BRAIN 10/01/2026\nTECHNIQUE: Mild motion on the DWI sequence; remainder diagnostic.\nIMPRESSION: "
     "Indeterminate lesion.\nPlan: repeat MRI with MRS (76390).\n", NOT),
    ("near miss: a study of diagnostic quality despite motion",
     "MRI brain 10/01/2026 was of diagnostic quality despite some motion; the lesion is indeterminate.\n"
     "Request: repeat MRI brain with spectroscopy (76390).\n", NOT),
    ("near miss: follow-up MRI after a motion-limited study",
     "MRI brain 10/01/2026 limited by motion. Plan: MRS (76390) now; will repeat imaging after treatment.\n", NOT),
    ("near miss: repeat MRI in 6 weeks",
     "MRI BRAIN 10/01/2026\nTECHNIQUE: Motion artifact.\nIMPRESSION: Indeterminate lesion.\nPlan: MRS (76390). "
     "Repeat MRI in 6 weeks.\n", NOT),
    ("near miss: a repeat MRI already done",
     "Repeat MRI showed progression; the first MRI was motion degraded. MRS (76390) requested to grade.\n", NOT),
]


@pytest.mark.parametrize("node", [("cohere", "coh.ni.technical_repeat"), ("florida-blue", "fb.technical_reimaging")],
                         ids=["cohere", "florida-blue"])
@pytest.mark.parametrize(("case", "text", "expected"), TECHNICAL_REPEAT, ids=[c[0] for c in TECHNICAL_REPEAT])
def test_technical_repeat_versus_follow_up_and_harmless_artifact(analyze, node, case, text, expected):  # type: ignore[no-untyped-def]
    assert evaluate_node(analyze, text, *node) is expected


HARMLESS = [
    ("artifact does not affect the images", "MRI brain 10/01/2026: susceptibility artifact from a dental implant "
     "did not affect the brain images. No lesion.\n", FactStatus.ABSENT),
    ("mild motion", "MRI brain 10/01/2026: mild motion artifact. Stable lesion.\n", FactStatus.ABSENT),
    ("near miss: non-diagnostic because of motion", "MRI brain 10/01/2026 was non-diagnostic because of motion.\n", P),
    ("near miss: limited diagnostic quality", "MRI brain 10/01/2026: motion artifact, limited diagnostic quality.\n",
     P),
]


@pytest.mark.parametrize(("case", "text", "status"), HARMLESS, ids=[c[0] for c in HARMLESS])
def test_a_harmless_artifact_is_not_a_technically_limited_study(analyze, case, text, status):  # type: ignore[no-untyped-def]
    assert facts_of(analyze, text).facts["prior_imaging_technically_limited"].status \
        is status
