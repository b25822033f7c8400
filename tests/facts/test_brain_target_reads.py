"""The brain is the target, and a read says only what it says, through the real NLP stage.

1. A tumor, lesion or course outside the brain (spinal cord, conus, a body primary, its metastases) makes no brain
   fact (targets look.spinal_cord_tumor, look.extracranial_course).
2. A tumor named only by an imaging read is suspected, not known (cues tumor.imaging_read, tumor.established); a
   problem-list row whose status cell says Resolved/Historical/Inactive is history, over when nothing is current
   (context hist.status_column, scope.resolved_course).
3. A treatment held or only listed among options is not given since the imaging (context neg.treatment_held,
   hyp.treatment_options, hyp.treatment_options_after).
4. An alternative the note leaves out is not raised (context neg.left_out).

Rows are freshly written in several styles (report, note, terse problem list, tumor-board summary). Near misses
must keep today's reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED


# ------------------------------------------------------------------ 1. the brain is the target
BODY_SITE = [
    ("intramedullary cord lesion with a glial differential",
     "MRI C-spine 10/02/2026: intramedullary cervical cord lesion, ependymoma vs myelitis.\n",
     {"brain_neoplasm": N, "glial_neoplasm": N, "known_brain_tumor": N}),
    ("conus and cauda equina mass, hedged histology",
     "Expansile enhancing mass of the conus and cauda equina, likely myxopapillary ependymoma.\n",
     {"brain_neoplasm": N, "brain_lesion": N}),
    ("thoracic cord lesion, astrocytoma versus demyelination",
     "Thoracic spinal cord lesion with cord expansion, astrocytoma versus demyelination.\n",
     {"glial_neoplasm": N, "known_brain_tumor": N}),
    ("histology of the cord, postposed site",
     "Assessment: pilocytic astrocytoma of the upper cervical cord, followed by spine surgery.\n",
     {"glial_neoplasm": N}),
    ("systemic progression of a body primary beside a brain metastasis",
     "Right frontal metastasis from NSCLC, s/p SRS 03/2026. Restaging CT 10/20/2026: progression of lung primary "
     "and liver metastases.\n", {"brain_metastasis": P, "recurrent_or_residual_tumor": N}),
    ("recurrence in the chest wall",
     "Left parietal metastasis s/p SRS. Recurrence in the chest wall on exam.\n",
     {"recurrent_or_residual_tumor": N}),
    ("systemic therapy for hepatic progression: a treatment, no brain recurrence",
     "Glioblastoma s/p resection. MRI brain 09/30/2026 enhancing lesion. Started pembrolizumab 10/20/2026 for hepatic "
     "progression.\n", {"recurrent_or_residual_tumor": N, "treatment_since_imaging": P}),
    ("terse: systemic progression after a brain MRI",
     "Brain mets s/p SRS. MRI brain 09/30/2026 stable. Systemic progression; started pembrolizumab 10/20/2026.\n",
     {"recurrent_or_residual_tumor": N, "treatment_since_imaging": P}),
    ("nodal recurrence of a melanoma",
     "Melanoma with a treated cerebellar metastasis; nodal recurrence in the axilla in 08/2026.\n",
     {"recurrent_or_residual_tumor": N}),
    ("near miss: brain metastasis from a lung primary, enlarging",
     "Brain metastasis from lung primary, enlarging.\n", {"brain_metastasis": P, "known_brain_tumor": P}),
    ("near miss: progression of the right frontal metastasis",
     "Brain metastasis s/p SRS. Progression of the right frontal metastasis.\n",
     {"recurrent_or_residual_tumor": P}),
    ("near miss: leptomeningeal disease",
     "Breast cancer with brain metastasis s/p SRS. MRI brain: leptomeningeal disease.\n",
     {"brain_metastasis": P, "known_brain_tumor": P}),
    ("near miss: intracranial progression",
     "Lung cancer with brain metastasis, s/p SRS. Now with intracranial progression.\n",
     {"recurrent_or_residual_tumor": P}),
]


@pytest.mark.parametrize(("case", "text", "expected"), BODY_SITE, ids=[c[0] for c in BODY_SITE])
def test_a_finding_outside_the_brain_makes_no_brain_fact(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), expected)


# ------------------------------------------------------------------ 2. seen only on imaging; problem-list status
IMAGING_ONLY = [
    ("report: most consistent with",
     "MRI brain 10/01/2026: nonenhancing left insular lesion, most consistent with a diffuse glioma.\n",
     {"known_brain_tumor": S}),
    ("dural mass, appearance typical of",
     "Extra-axial dural-based mass, appearance typical of meningioma.\n", {"known_brain_tumor": S}),
    ("findings most compatible with",
     "Findings are most compatible with glioblastoma.\n", {"known_brain_tumor": S}),
    ("imaging features characteristic of",
     "Right frontal mass, imaging features characteristic of a high-grade glioma.\n", {"known_brain_tumor": S}),
    ("imaging appearance in keeping with",
     "Imaging appearance is in keeping with a meningioma.\n", {"known_brain_tumor": S}),
    ("imaging favours", "Impression: imaging favours low-grade glioma.\n", {"known_brain_tumor": S}),
    ("problem list row resolved",
     "Problem list:\nMeningioma s/p resection | Resolved | 2014\nHypertension | Active | 2019\n",
     {"known_brain_tumor": A, "brain_neoplasm": A}),
    ("problem list row historical, recent year",
     "Problem list:\nAnaplastic astrocytoma | Historical | 2022\nGERD | Active | 2020\n",
     {"known_brain_tumor": A}),
    ("problem table with a header, resolved",
     "Problem | Status | Onset\nPilocytic astrocytoma | Resolved | 2003\nAsthma | Active | 2010\n",
     {"known_brain_tumor": A}),
    # the row's own diagnosis code between the problem and its status does not cut the status off
    ("coded row, status after its code",
     "Past problems:\nEpendymoma of the fourth ventricle (D33.1) -- RESOLVED\nGERD (K21.9) -- active\n",
     {"known_brain_tumor": A}),
    ("coded row, code and status in columns",
     "Inactive problems:\nOligodendroglioma, left frontal  C71.1  resolved 2009\nAsthma  J45.909  active\n",
     {"known_brain_tumor": A}),
    ("near miss: coded row marked active",
     "Problems:\nMeningioma of the falx (D32.0) -- active, on surveillance\nGERD (K21.9) -- resolved\n",
     {"known_brain_tumor": P}),
    ("near miss: biopsy-proven", "Biopsy-proven diffuse astrocytoma.\n", {"known_brain_tumor": P}),
    ("near miss: resected, on surveillance", "Meningioma, resected 2025, on surveillance.\n",
     {"known_brain_tumor": P}),
    ("near miss: a read beside a treated tumor",
     "Glioblastoma s/p chemoradiation 2025. MRI 10/01/2026: new enhancement most consistent with recurrent "
     "glioblastoma.\n", {"known_brain_tumor": P}),
    ("near miss: problem list row active",
     "Problem list:\nMeningioma s/p resection | Active | 2014\nHypertension | Active | 2019\n",
     {"known_brain_tumor": P}),
    ("near miss: resolved row, recurrence now in question",
     "Problems:\nMeningioma s/p resection | Resolved | 2014\nHPI: MRI now shows a dural-based mass at the resection "
     "site concerning for recurrence.\n", {"known_brain_tumor": P}),
]


@pytest.mark.parametrize(("case", "text", "expected"), IMAGING_ONLY, ids=[c[0] for c in IMAGING_ONLY])
def test_an_imaging_read_or_a_resolved_row_is_no_known_tumor(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), expected)


# ------------------------------------------------------------------ 3. held or only an option
NOT_GIVEN = [
    ("held further, since-cue",
     "Glioblastoma. Since the MRI brain of 09/30/2026 we have held further temozolomide.\n",
     {"treatment_since_imaging": A}),
    ("options discussed: a list after the study",
     "Oligodendroglioma. After the MRI 09/30/2026, options discussed: vorasidenib vs re-resection vs RT/PCV.\n",
     {"treatment_since_imaging": N}),
    ("tumor board, dated options",
     "Astrocytoma. MRI brain 09/30/2026.\nTumor board 10/14/2026 - options discussed: vorasidenib vs re-resection "
     "vs RT/PCV.\n", {"treatment_since_imaging": N}),
    ("options reviewed include",
     "Glioma. Since the 09/30/2026 MRI, treatment options reviewed include bevacizumab, lomustine or a trial.\n",
     {"treatment_since_imaging": N}),
    ("discussed as options, backward",
     "GBM. Since the MRI of 09/30/2026, lomustine and a clinical trial were discussed as options.\n",
     {"treatment_since_imaging": N}),
    ("held and no new therapy",
     "GBM. Following the MRI of 09/30/2026, TMZ was held and no new therapy started.\n",
     {"treatment_since_imaging": A}),
    ("dated: we held",
     "GBM. MRI brain 09/30/2026.\n10/12/2026: we held temozolomide.\n",
     {"treatment_since_imaging": A}),
    ("terse: held TMZ, options listed",
     "GBM, MRI 09/30/2026 with new enhancement. 10/05/2026 - have held TMZ. Options: bevacizumab or "
     "re-irradiation.\n", {"treatment_since_imaging": A}),
    ("near miss: started after the MRI",
     "Glioma. MRI brain 09/30/2026. Started vorasidenib 10/15/2026 after the 09/30 MRI.\n",
     {"treatment_since_imaging": P}),
    ("near miss: resumed after the scan",
     "GBM. MRI brain 09/30/2026. Resumed TMZ after the scan.\n", {"treatment_since_imaging": P}),
    ("near miss: options discussed, then one started",
     "GBM. After the MRI 09/30/2026, options were discussed and she started vorasidenib 10/15/2026.\n",
     {"treatment_since_imaging": P}),
    ("near miss: one held, another started",
     "GBM. TMZ was held after the MRI 09/30/2026, and bevacizumab was started 10/20/2026.\n",
     {"treatment_since_imaging": P}),
]


@pytest.mark.parametrize(("case", "text", "expected"), NOT_GIVEN, ids=[c[0] for c in NOT_GIVEN])
def test_a_held_or_optional_treatment_is_not_given(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), expected)


# ------------------------------------------------------------------ 4. an alternative left out
LEFT_OUT = [
    ("not in the differential",
     "GBM s/p chemoradiation. MRI: enlarging enhancement. Radiation effect is not in the differential.\n",
     {"treatment_effect": A, "recurrence_vs_treatment_effect": A}),
    ("not on the table",
     "GBM s/p chemoradiation. Enlarging enhancement concerning for recurrence. Pseudoprogression is not on the "
     "table.\n", {"treatment_effect": A, "recurrence_vs_treatment_effect": A}),
    ("not a consideration here",
     "Glioblastoma after chemoradiation; new nodular enhancement, likely recurrence. Radiation necrosis is not a "
     "consideration here given the timing.\n", {"treatment_effect": A, "recurrence_vs_treatment_effect": N}),
    ("plural: not being considered",
     "Anaplastic astrocytoma, RT completed 2025. Growing mass, possible recurrence; treatment-related changes are "
     "not being considered.\n", {"treatment_effect": A}),
    ("off the table, terse",
     "GBM s/p CRT, interval progression. Pseudoprogression off the table (>2 y from RT).\n",
     {"treatment_effect": A, "recurrence_vs_treatment_effect": A}),
    ("not part of the differential",
     "Metastasis s/p SRS 2024 with growth; radiation necrosis is not part of the differential.\n",
     {"treatment_effect": A}),
    ("not under consideration",
     "GBM post chemoradiation, enlarging enhancement; post-treatment change is not under consideration.\n",
     {"treatment_effect": A}),
    ("not in the ddx",
     "GBM s/p RT. Progression. Pseudoprogression not in the ddx.\n", {"treatment_effect": A}),
    ("near miss: remains in the differential",
     "GBM s/p chemoradiation. Enlarging enhancement concerning for recurrence; radiation necrosis remains in the "
     "differential.\n", {"treatment_effect": S, "recurrence_vs_treatment_effect": P}),
    ("near miss: cannot exclude",
     "GBM s/p chemoradiation. Enlarging enhancement consistent with recurrence; cannot exclude radiation "
     "necrosis.\n", {"treatment_effect": S, "recurrence_vs_treatment_effect": P}),
    ("near miss: in the differential",
     "GBM s/p chemoradiation. Enlarging enhancement; pseudoprogression is in the differential.\n",
     {"treatment_effect": S}),
]


@pytest.mark.parametrize(("case", "text", "expected"), LEFT_OUT, ids=[c[0] for c in LEFT_OUT])
def test_an_alternative_left_out_is_not_raised(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), expected)
