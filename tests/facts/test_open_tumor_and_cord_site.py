"""A tumor the text leaves open or only conditions on is no known tumor; a spinal cord lesion is no brain lesion.

1. A diagnosis a sentence states is still open is suspected (context poss.backward, poss.left_open,
   poss.left_open_verb): "remains on the table", "has not been excluded yet", "we cannot yet call it", "this still
   leaves glioma open". The patient's own tumor stays known whatever the sentence weighs (scope.own_tumor).
2. The diagnosis a plan would act on after a result is hypothetical (context hyp.treat_as, hyp.anticipated_result,
   hyp.conditional): "if the choline is high we would treat it as lymphoma", "a raised choline/NAA ratio will be
   taken as evidence of glioma", "assuming the MRS confirms a glioma". A tumor known from another clause stays known.
3. The brain is the target: a lesion of the spinal cord, conus or cauda equina, or at a vertebral level, is no brain
   lesion (target look.spinal_cord_lesion; look.spinal_cord_tumor across the next clause of its sentence), a study
   naming the cord is a spine study (cue body_part.spine), and a spine study answers no brain-imaging fact when the
   MRS is asked for a cord lesion (only a disc target lets it: codes.disc_mrs, request.discogenic_target). So no
   policy node that rests on a brain neoplasm or lesion is met by a cord lesion.

Rows are freshly written in several styles (note, report, terse plan, tumor board). Near misses keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, evaluate_node

from pipeline.contracts import FactStatus, TriState

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
KNOWN = ("brain_neoplasm", "known_brain_tumor")


def _known(status: FactStatus) -> dict[str, FactStatus]:
    return dict.fromkeys(KNOWN, status)


# ------------------------------------------------------------------ 1. left open
LEFT_OPEN = [
    ("still on the table",
     "MRI brain: ring-enhancing right periventricular mass. Primary CNS lymphoma is still on the table.\n", _known(S)),
    ("remains on the table, terse",
     "L temporal mass w/ edema; GBM remains on the table.\n", _known(S)),
    ("has not been excluded yet",
     "Two enhancing cerebellar nodules. Metastatic disease to the brain has not been excluded yet.\n", _known(S)),
    ("has not yet been excluded (was a negation)",
     "Solitary enhancing right occipital lesion; a brain metastasis has not yet been excluded.\n", _known(S)),
    ("not been ruled out",
     "Assessment: corpus callosum lesion. Lymphoma has not been ruled out.\n", _known(S)),
    ("yet to be excluded",
     "Tumor board: insular lesion, low-grade glioma yet to be excluded; MRS before biopsy.\n", _known(S)),
    ("we cannot yet call it",
     "Right parietal mass with necrosis. We cannot yet call it a glioblastoma without tissue.\n", _known(S)),
    ("can't call this ... yet (was a negation)",
     "Expansile left frontal lesion; we can't call this an oligodendroglioma yet.\n", _known(S)),
    ("too early to call",
     "New thalamic lesion, too early to call it a high-grade glioma.\n", _known(S)),
    ("this still leaves X open",
     "CSF cytology negative, but this still leaves lymphoma open given the steroid exposure.\n", _known(S)),
    ("leaves open the possibility of",
     "The biopsy was nondiagnostic, which leaves open the possibility of glioma.\n", _known(S)),
    ("still a possibility",
     "Enhancing pontine lesion; an astrocytoma is still a possibility.\n", _known(S)),
    ("remains an open question",
     "Insular mass on two MRIs; low-grade glioma remains an open question.\n", _known(S)),
    ("not off the table",
     "Left occipital lesion; metastasis is still not off the table.\n", _known(S)),
    ("near miss: biopsy-proven, new focus",
     "Biopsy-proven glioblastoma 2025, now with a new enhancing focus posterior to the cavity.\n", _known(P)),
    ("near miss: the open question about her treated tumor",
     "The open question is recurrence versus radiation necrosis of her treated GBM.\n", _known(P)),
    ("near miss: recurrence of his glioblastoma versus effect",
     "MRS to separate recurrence of his resected glioblastoma from pseudoprogression.\n", _known(P)),
    ("near miss: off the table stays excluded",
     "Nonenhancing lesion; glioma is off the table after the biopsy.\n", _known(A)),
    ("near miss: has been excluded",
     "Cerebellar lesion. Metastasis has been excluded by PET-CT and biopsy.\n", _known(A)),
    ("near miss: a hedge inside her own phrase stays",
     "Her presumed glioma has not been biopsied.\n", _known(S)),
    ("near miss: the stable known tumor",
     "Meningioma, remains stable on surveillance imaging.\n", {"known_brain_tumor": P}),
]


@pytest.mark.parametrize(("case", "text", "expected"), LEFT_OPEN, ids=[c[0] for c in LEFT_OPEN])
def test_a_tumor_left_open_is_suspected(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), expected)


# ------------------------------------------------------------------ 2. the consequent of a condition
CONSEQUENT = [
    ("if ..., we will treat this as",
     "Left frontal lesion. If the choline is elevated, we will treat this as a glioma.\n", _known(N)),
    ("terse plan: if ..., we'll manage it as",
     "Plan: MRS. If Cho/NAA is high, we'll manage it as a GBM; if not, follow-up MRI.\n", _known(N)),
    ("we would treat it as ... if (condition after)",
     "Periventricular lesion; we would treat it as CNS lymphoma if the spectrum shows a lipid peak.\n", _known(N)),
    ("should ..., managed as",
     "Should the MRS be abnormal, the lesion will be managed as a high-grade glioma.\n", _known(N)),
    ("a peak will be taken as",
     "Right parietal mass. On MRS, a lipid-lactate peak will be taken as lymphoma and prompt biopsy.\n", _known(N)),
    ("a ratio will be taken as evidence of",
     "Indeterminate insular lesion; a raised choline/NAA ratio will be taken as evidence of glioma.\n", _known(N)),
    ("assuming the MRS confirms",
     "Assuming the MRS confirms a lymphoma, we would start high-dose methotrexate.\n", _known(N)),
    ("a spectrum would lead us to",
     "Enhancing temporal lesion; a neoplastic spectrum would lead us to resect it as a glioma.\n", _known(N)),
    ("provided that",
     "Provided that spectroscopy suggests metastasis, SRS is the plan.\n", _known(N)),
    ("near miss: known metastasis, then a conditional re-treatment",
     "Known melanoma with a right frontal brain metastasis s/p SRS; if the MRS shows recurrence we would "
     "re-treat.\n", {"brain_metastasis": P, "known_brain_tumor": P}),
    ("near miss: her glioblastoma in the consequent",
     "If the MRS shows progression we would re-resect her glioblastoma.\n", _known(P)),
    ("near miss: the frame without a condition, the tumor before it",
     "Biopsy-proven CNS lymphoma in 2025; we will treat it as relapsed disease.\n", _known(P)),
    ("near miss: a past treatment as a diagnosis is not a plan",
     "Glioblastoma resected 2025, treated with chemoradiation; MRS for new enhancement.\n", _known(P)),
]


@pytest.mark.parametrize(("case", "text", "expected"), CONSEQUENT, ids=[c[0] for c in CONSEQUENT])
def test_the_tumor_a_plan_would_act_on_is_hypothetical(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), expected)


# ------------------------------------------------------------------ 3. the spinal cord is not the brain
BRAIN_FACTS = ("brain_lesion", "brain_neoplasm", "known_brain_tumor", "conventional_imaging_inconclusive")


def _brain(lesion: FactStatus, neoplasm: FactStatus, inconclusive: FactStatus) -> dict[str, FactStatus]:
    return dict(zip(BRAIN_FACTS, (lesion, neoplasm, neoplasm, inconclusive), strict=True))


CORD = [
    ("report: indeterminate intramedullary lesion, MRS of it",
     "MRI cervical spine 10/02/2026: indeterminate intramedullary lesion at C4.\nMRS of the cord lesion requested to "
     "characterize it.\n", _brain(N, N, N)),
    ("undated cord study, MRS of the cord",
     "MRI C-spine: expansile intramedullary mass at T6-T7, indeterminate. MR spectroscopy of the spinal cord lesion "
     "requested.\n", _brain(N, N, N)),
    ("conus mass read on an unnamed MRI",
     "Conus medullaris mass, indeterminate on MRI.\n", _brain(N, N, N)),
    ("cord lesion, neoplasm in the next clause",
     "Cord lesion at C3-C4 with patchy enhancement; neoplasm cannot be excluded.\n", _brain(N, N, N)),
    ("cord lesion, differential in the next clause",
     "Intramedullary enhancing lesion at T8, nonspecific; differential includes ependymoma and astrocytoma.\n",
     _brain(N, N, N)),
    ("lesion in the cervical cord, postposed site",
     "Enhancing lesion within the upper cervical cord, equivocal for demyelination versus tumor.\n", _brain(N, N, N)),
    ("cauda equina nodules",
     "Cauda equina enhancing lesions, nonspecific; MRS requested.\n", _brain(N, N, N)),
    ("terse: lesion at a vertebral level",
     "T-spine MRI 09/2026: 1.2 cm enhancing lesion at T10, indeterminate.\n", _brain(N, N, N)),
    ("near miss: a brain lesion and a disc bulge",
     "MRI brain 10/01/2026: indeterminate right frontal lesion. MRI L-spine: disc bulge at L4-5.\n",
     _brain(P, N, P)),
    ("near miss: cord compression from a vertebral metastasis beside a brain metastasis",
     "Lung cancer with a left cerebellar metastasis s/p SRS. Cord compression from a vertebral metastasis at T10.\n",
     {"brain_metastasis": P, "known_brain_tumor": P}),
    ("near miss: brain MRS request citing a prior spine MRI",
     "MRI brain 10/01/2026: enhancing left parietal mass, indeterminate. Prior spine MRI 2024 unremarkable. MRS of "
     "the brain requested.\n", _brain(P, N, P)),
    ("near miss: a disc target still reads its spine study",
     "Discogenic low back pain; MRS of the L4-5 disc requested (CPT 0609T). MRI L-spine 09/14/2026: L4-5 disc "
     "degeneration, equivocal for an annular fissure.\n", {"conventional_imaging_inconclusive": P}),
    ("near miss: brain lesion and a cord lesion, each its own",
     "MRI brain: indeterminate left frontal lesion. MRI C-spine: separate intramedullary lesion at C5.\n",
     _brain(P, N, P)),
]


@pytest.mark.parametrize(("case", "text", "expected"), CORD, ids=[c[0] for c in CORD])
def test_a_spinal_cord_lesion_makes_no_brain_fact(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), expected)


CORD_ONLY = ("MRI cervical spine 10/02/2026: indeterminate intramedullary lesion at C4; differential includes "
             "ependymoma, astrocytoma and demyelination. MRS of the cord lesion requested.\n")
CORD_BESIDE_BRAIN = ("MRI brain 10/01/2026: enhancing right frontal mass, indeterminate; glioma versus abscess. MRI "
                     "C-spine: incidental disc osteophyte at C5-6.\n")
NODES = [
    ("highmark-wv", "hwv.neoplasm_uncharacterized", CORD_ONLY, TriState.NOT_MET),
    ("highmark-wv", "hwv.neoplasm_uncharacterized.imaging", CORD_ONLY, TriState.UNKNOWN),
    ("florida-blue", "fb.lesion_tumor_vs_nontumor", CORD_ONLY, TriState.NOT_MET),
    ("cohere", "coh.neoplastic.condition", CORD_ONLY, TriState.NOT_MET),
    ("excellus", "exc.neoplasm", CORD_ONLY, TriState.NOT_MET),
    ("healthhelp", "hh.known_tumor.known", CORD_ONLY, TriState.NOT_MET),
    ("highmark-wv", "hwv.neoplasm_uncharacterized", CORD_BESIDE_BRAIN, TriState.MET),
    ("florida-blue", "fb.lesion_tumor_vs_nontumor", CORD_BESIDE_BRAIN, TriState.MET),
    ("cohere", "coh.neoplastic.condition", CORD_BESIDE_BRAIN, TriState.MET),
]


@pytest.mark.parametrize(("payer", "node", "text", "expected"), NODES,
                         ids=[f"{p}:{n}:{'cord' if t is CORD_ONLY else 'brain'}" for p, n, t, _ in NODES])
def test_a_cord_lesion_meets_no_brain_node(analyze, payer, node, text, expected):  # type: ignore[no-untyped-def]
    assert evaluate_node(analyze, text + REQUEST_TAIL, payer, node) is expected
