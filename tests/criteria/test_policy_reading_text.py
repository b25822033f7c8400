"""How the policy texts are read, end to end on short fresh texts: text -> NLP -> facts -> one policy criterion.

Each table names the policy sentence it reads; rows marked "near miss" must keep today's result.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from text_to_criteria import evaluate_node, facts_of

from pipeline.contracts import FactStatus, TriState
from pipeline.criteria import Evaluation
from pipeline.criteria.schema import FactNode

REPO = Path(__file__).resolve().parents[2]
MET, NOT, UNK = TriState.MET, TriState.NOT_MET, TriState.UNKNOWN


TECHNICAL_REPEAT = [
    ("repeat MRS, prior MRS failed for motion",
     "Request: repeat MR spectroscopy (76390). The prior MRS on 10/02/2026 was non-diagnostic because of patient "
     "motion.\n", MET),
    ("repeat MRI with MRS, the MRI was motion-degraded",
     "Service requested: repeat MRI brain w/wo contrast with MR spectroscopy (76390).\nJustification: the MRI on "
     "09/20/2026 was degraded by patient motion.\n", MET),
    ("repeat after an exam terminated early",
     "Request: MR spectroscopy (76390), repeat. The first attempt was terminated early because the patient could "
     "not tolerate the scanner.\n", MET),
    ("an aborted MRS asked for again",
     "The MRS on 10/01/2026 was aborted after the first sequence because of motion. We request MR spectroscopy "
     "(76390) again under sedation.\n", MET),
    ("a repeat in a clause that names no study",
     "Plan: MRS (76390) requested. Prior MRS on 10/01/2026 could not be completed; repeat requested with "
     "anesthesia.\n", MET),
    ("near miss: a nameless repeat after a study of diagnostic quality",
     "Prior MRS on 10/01/2026 was of diagnostic quality; repeat requested after radiation. CPT 76390.\n", NOT),
    ("near miss: susceptibility artifact in a prior report",
     "MRI brain 10/01/2026: susceptibility artifact from dental hardware. Impression: ring-enhancing lesion, "
     "abscess versus necrotic metastasis.\nPlan: MR spectroscopy requested to distinguish abscess from tumor.\n",
     NOT),
    ("near miss: motion degraded one sequence",
     "Plan: MRS requested. Motion degraded the perfusion sequence on the 10/05/2026 MRI.\n", NOT),
    ("near miss: repeat of a study of diagnostic quality",
     "Request: repeat MRS (76390) to follow the lesion after radiation. Prior MRS 08/01/2026 was of diagnostic "
     "quality.\n", NOT),
    ("near miss: the radiologist repeated sequences",
     "Request: MRS (76390).\nMRI BRAIN 10/01/2026\nTECHNIQUE: Several sequences were repeated because of motion.\n"
     "FINDINGS: Enhancing mass in the left frontal lobe.\nIMPRESSION: Enhancing mass, glioma versus metastasis. "
     "Recommend repeat MRI with sedation.\n", NOT),
]


@pytest.mark.parametrize("node", [("cohere", "coh.ni.technical_repeat"), ("florida-blue", "fb.technical_reimaging")],
                         ids=["cohere", "florida-blue"])
@pytest.mark.parametrize(("case", "text", "expected"), TECHNICAL_REPEAT, ids=[c[0] for c in TECHNICAL_REPEAT])
def test_technical_repeat_exclusions(analyze, node, case, text, expected):  # type: ignore[no-untyped-def]
    assert evaluate_node(analyze, text, *node) is expected


# Florida Blue also names "additional imaging due to ... technically limited exam": a study asked for because of a
# technical failure, the reason its own clause gives. Cohere names only a repeat.
ADDITIONAL_IMAGING = [
    # case, text, cohere, florida-blue
    ("MRS because the MRI was motion-degraded",
     "Plan: MR spectroscopy (76390) is requested because the MRI of 10/01/2026 was degraded by motion and "
     "enhancement could not be assessed.\n", NOT, MET),
    ("the reason before the request",
     "Because the post-contrast images were motion-degraded, MRS (76390) is requested.\n", NOT, MET),
    ("near miss: the reason is the finding, an artifact besides",
     "Plan: MR spectroscopy (76390) is requested because the lesion is indeterminate on the MRI of 10/01/2026, "
     "which also showed mild motion artifact.\n", NOT, NOT),
    ("near miss: the artifact is denied",
     "Plan: MRS (76390) requested due to concern for recurrence; no motion artifact on the prior MRI.\n", NOT, NOT),
]


@pytest.mark.parametrize(("case", "text", "cohere", "florida_blue"), ADDITIONAL_IMAGING,
                         ids=[c[0] for c in ADDITIONAL_IMAGING])
def test_additional_imaging_for_a_technically_limited_exam(analyze, case, text, cohere, florida_blue):  # type: ignore[no-untyped-def]
    assert evaluate_node(analyze, text, "cohere", "coh.ni.technical_repeat") is cohere
    assert evaluate_node(analyze, text, "florida-blue", "fb.technical_reimaging") is florida_blue


# ------------------------------------------------------------------ a non-lesional MRI in a pre-surgical epilepsy work-up
# Excellus: "Conventional imaging by magnetic resonance imaging (MRI) or computed tomography (CT) provides limited
# information and ONE (1) of the following: ... 6. Seizures, especially temporal lobe epilepsy." A non-lesional MRI
# in a pre-surgical epilepsy evaluation provides limited information: it does not localize the focus.
NONLESIONAL = [
    ("pre-surgical, MRI non-lesional",
     "Drug-resistant focal epilepsy, referred for pre-surgical evaluation. MRI brain 3T epilepsy protocol on "
     "08/14/2026 was non-lesional.\nPlan: MR spectroscopy (76390) to help lateralize the seizure focus.\n", MET),
    ("surgery work-up, normal MRI report",
     "Focal seizures refractory to three medications; evaluation for epilepsy surgery.\nMRI BRAIN WITH AND WITHOUT "
     "CONTRAST 09/02/2026\nFINDINGS: The hippocampi are symmetric in size and signal.\nIMPRESSION: Normal MRI of the "
     "brain. No epileptogenic lesion identified.\nRequest: MRS (76390).\n", MET),
    ("surgical candidate, no structural abnormality",
     "Epilepsy surgery candidate. MRI brain 09/02/2026: no structural abnormality. MRS (76390) requested.\n", MET),
    ("near miss: equivocal sclerosis is limited as before",
     "Pre-surgical evaluation for epilepsy. MRI brain 09/02/2026 showed equivocal left hippocampal sclerosis. "
     "MRS (76390) requested.\n", MET),
    ("near miss: normal MRI without a surgical work-up",
     "New-onset seizure last month. MRI brain 09/02/2026 was normal. MRS (76390) requested.\n", NOT),
    ("near miss: sclerosis beside an otherwise normal read",
     "Pre-surgical evaluation for epilepsy. MRI brain 09/02/2026 showed right hippocampal sclerosis. Otherwise "
     "normal MRI.\nMRS (76390) requested.\n", NOT),
    ("near miss: a normal CT is not a non-lesional MRI",
     "Evaluation for epilepsy surgery. CT head 09/02/2026 was normal. MRS (76390) requested.\n", NOT),
    ("near miss: the MRI is not reported",
     "Pre-surgical evaluation for epilepsy. MRS (76390) requested.\n", UNK),
]


@pytest.mark.parametrize(("case", "text", "expected"), NONLESIONAL, ids=[c[0] for c in NONLESIONAL])
def test_excellus_nonlesional_mri_in_a_presurgical_work_up(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    assert evaluate_node(analyze, text, "excellus", "exc.limited_imaging") is expected


# ------------------------------------------------------------------ a study cited versus a study reported
# No policy text requires the imaging report itself for its inconclusive-imaging criterion (Cohere: "Conventional
# imaging ... is inconclusive"; Excellus: "... provides limited information"; HealthHelp: "MRI is non-diagnostic or
# indeterminate", "when the documentation demonstrates"), so a note's citation of a verdict counts for them. Each
# study's evidence names its source, so a criterion whose text requires the report can filter on it. A verdict the
# note tells only as someone else's account ("reportedly", study.hearsay_read) documents none
# (tests/facts/test_hearsay_reads.py).
CITED = "Referral letter: the MRI brain on 10/02/2026 was inconclusive; ring-enhancing lesion.\n"
HEARSAY = "Referral letter: the MRI brain on 10/02/2026 was reportedly inconclusive; ring-enhancing lesion.\n"
REPORTED = ("MRI BRAIN 10/02/2026\nFINDINGS: Ring-enhancing lesion in the left parietal lobe.\n"
            "IMPRESSION: Indeterminate lesion, abscess versus necrotic tumor.\n")
REPORT_ONLY = FactNode(id="t.report", op="fact", fact="conventional_imaging_inconclusive", status=[FactStatus.PRESENT],
                       where={"study_source": ["report"]}, if_not_documented="unknown")
SOURCE_CASES = [
    ("cited verdict, criterion as written", CITED, ("excellus", "exc.limited_imaging.inconclusive"), MET),
    ("cited verdict, cohere gate as written", CITED, ("cohere", "coh.inconclusive_imaging.gate"), MET),
    ("reported verdict, criterion as written", REPORTED, ("excellus", "exc.limited_imaging.inconclusive"), MET),
    ("cited verdict, a criterion that requires the report", CITED, REPORT_ONLY, UNK),
    ("hearsay verdict, criterion as written", HEARSAY, ("excellus", "exc.limited_imaging.inconclusive"), UNK),
    ("reported verdict, a criterion that requires the report", REPORTED, REPORT_ONLY, MET),
]


@pytest.mark.parametrize(("case", "text", "node", "expected"), SOURCE_CASES, ids=[c[0] for c in SOURCE_CASES])
def test_a_cited_study_versus_a_reported_one(analyze, case, text, node, expected):  # type: ignore[no-untyped-def]
    if isinstance(node, tuple):
        assert evaluate_node(analyze, text, *node) is expected
        return
    facts = facts_of(analyze, text)
    assert Evaluation(facts).run(node, role="indication") is expected
