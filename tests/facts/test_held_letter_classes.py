"""Five classes on short fresh texts, text -> NLP -> facts. Rows marked "near miss" must keep their result.

1. A letter or a clinical note is clinical documentation, not the request form's field: a headerless letter on a
   page after the form ("To the reviewer: ..."), and a note's own "Dx:" line (section `sec.note_start`,
   documents.yaml `clinical_sections`; pipeline/facts/documents.py `form_field_sections`).
2. A device answer written after the device's name ("pacemaker N", "ICD - no", "VNS: N/A") answers the screen.
3. A PET named as an alternative that is not requested (cue `study.alternative_not_done`) is no PET of the work-up.
4. A symptom or a history near "back" or "spine" is no spine target of the MRS.
5. The MRS purpose in plain words: what the result decides, how much recovery to expect.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_device_fact, facts_of, paged_facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED

FORM = ("PRIOR AUTHORIZATION REQUEST\nMember: Lena Moss\nRequested service: MR spectroscopy, brain\nCPT: 76390\n"
        "Dx: C71.1\nDate of request: 11/20/2026\n\f\n")

# 1. case, text, fact, its status in the clinical documentation alone
LETTERS = [
    ("reviewer-letter-history",
     FORM + "To the reviewer: Ms. Moss is a 52 year old woman with a left frontal glioblastoma resected in 2025. "
     "Over the last six weeks she has had worsening headaches and new word-finding pauses. On examination she has "
     "a mild expressive aphasia and a right pronator drift. We ask for MR spectroscopy to settle recurrence.\n",
     "history_documented", P),
    ("reviewer-letter-exam",
     FORM + "To the reviewer: Ms. Moss is a 52 year old woman with a left frontal glioblastoma resected in 2025. "
     "Over the last six weeks she has had worsening headaches and new word-finding pauses. On examination she has "
     "a mild expressive aphasia and a right pronator drift. We ask for MR spectroscopy to settle recurrence.\n",
     "physical_exam_documented", P),
    ("reviewer-letter-diagnosis",
     FORM + "To the reviewer: Ms. Moss is a 52 year old woman with a left frontal glioblastoma resected in 2025. "
     "Over the last six weeks she has had worsening headaches and new word-finding pauses.\n",
     "glial_neoplasm", P),
    ("headerless-narrative-page",
     FORM + "Mr. Grant is a 61 year old man with an anaplastic astrocytoma treated with chemoradiation in 2024. "
     "Since September he has had three focal seizures and increasing confusion. On examination he is oriented "
     "but has a left homonymous hemianopia. Spectroscopy would help us separate progression from necrosis.\n",
     "glial_neoplasm", P),
    ("to-the-medical-reviewer-exam",
     FORM + "To the medical reviewer,\nThis 44 year old man has had two months of morning headaches and vomiting. "
     "On exam he has bilateral papilledema and a left hemiparesis. MR spectroscopy is requested.\n",
     "physical_exam_documented", P),
    ("note-dx-line",
     FORM + "Neuro-oncology progress note\nHPI: seen for follow-up.\nDx: oligodendroglioma, left frontal\n"
     "Plan: MR spectroscopy.\n", "glial_neoplasm", P),
    ("note-diagnosis-line-same-page",
     "Clinic note 11/02/2026\nHistory: six weeks of headaches.\nDiagnosis: glioblastoma, right temporal, resected "
     "2025\nPlan: MRS brain 76390.\n", "glial_neoplasm", P),
    ("letter-dx-line",
     FORM + "Dear Dr. Ames,\nDx: low-grade glioma of the insula, followed since 2023.\nShe has new seizures.\n"
     "Kind regards\n", "glial_neoplasm", P),
    # near misses: the form's own fields stay the form's
    ("near miss: form dx field only",
     "PRIOR AUTHORIZATION REQUEST\nMember: Lena Moss\nRequested service: MR spectroscopy\nCPT: 76390\n"
     "Dx: glioblastoma C71.1\nDate of request: 11/20/2026\n", "glial_neoplasm", N),
    ("near miss: form dx field, note after it",
     "PRIOR AUTHORIZATION REQUEST\nCPT: 76390\nDiagnosis: glioblastoma\n\f\nProgress note\nHPI: headaches for "
     "two weeks, no neurologic deficit.\n", "glial_neoplasm", N),
    # a disease named as a kind in a letter's contrast of kinds is no finding (hyp.contrast_of_kinds)
    ("letter-contrast-of-kinds",
     FORM + "To the reviewer: the lesion may be demyelinating or a glioma. A demyelinating lesion is treated with "
     "steroids, whereas a glioma requires surgery.\n", "glial_neoplasm", S),
    ("near miss: form page with a reviewer line",
     "PRIOR AUTHORIZATION REQUEST\nCPT: 76390\nDx: glioblastoma\nAttention: utilization reviewer\n",
     "glial_neoplasm", N),
]


@pytest.mark.parametrize(("text", "fact", "status"), [c[1:] for c in LETTERS], ids=[c[0] for c in LETTERS])
def test_letter_and_note_are_clinical_documentation(analyze, text, fact, status):  # type: ignore[no-untyped-def]
    got = paged_facts_of(analyze, text).documented[fact]
    assert got.status is status, (got.note, [e.text for e in got.evidence])


# 2. case, text, mri_contraindication status, devices still a contraindication
DEVICE_ANSWERS = [
    ("list-of-N", "MRI safety: pacemaker N, cochlear implant N, aneurysm clip N", A, []),
    ("colon-none", "Pacemaker: none", A, []),
    ("dash-no", "ICD - no", A, []),
    ("colon-n/a", "VNS: N/A", A, []),
    ("checklist-spaces-N", "Safety checklist\nPacemaker  N\nNeurostimulator  N\nMetal fragments  N\n", A, []),
    ("colon-no-then-comma", "Cochlear implant: No, hearing aids only.", A, []),
    ("lower-n-after-dbs", "DBS n, shunt n", A, []),
    # near misses: a device there
    ("near miss: pacemaker Y", "MRI safety: pacemaker Y, cochlear implant N", P, ["pacemaker"]),
    ("near miss: pacemaker yes", "Pacemaker: yes, placed 2019", P, ["pacemaker"]),
    ("near miss: make and MR-conditional", "Pacemaker: Medtronic, MR-conditional", A, []),
    ("near miss: aneurysm clip named", "Aneurysm clip placed 2011 at an outside hospital.", P, ["aneurysm_clip"]),
]


@pytest.mark.parametrize(("text", "status", "devices"), [c[1:] for c in DEVICE_ANSWERS],
                         ids=[c[0] for c in DEVICE_ANSWERS])
def test_device_answer_after_its_name(analyze, text, status, devices):  # type: ignore[no-untyped-def]
    fact = facts_of(analyze, text).facts["mri_contraindication"]
    check_device_fact(fact, status, devices)


# 3. case, text, pet_same_workup status
PET_ALTERNATIVES = [
    ("alternative-not-requested",
     "Plan: MR spectroscopy (76390). PET is an alternative but not requested.\nDate of request: 11/20/2026", A),
    ("considered-instead",
     "Plan: we considered FDG-PET instead; MRS preferred. CPT 76390.\nDate of request: 11/20/2026", A),
    ("other-option",
     "Assessment: recurrence versus necrosis. PET would be the other option. MRS requested.\n"
     "Date of request: 11/20/2026", A),
    ("rather-than",
     "Plan: MR spectroscopy rather than amino acid PET, which is not available locally.\n"
     "Date of request: 11/20/2026", A),
    ("could-be-considered-later",
     "Request: MRS 76390. An FET-PET could be considered later if the MRS is equivocal.\n"
     "Date of request: 11/20/2026", A),
    ("option-not-pursued",
     "A/P: PET was discussed as an option but not pursued; MRS brain requested.\nDate of request: 11/20/2026", A),
    ("might-be-considered",
     "Plan: MRS brain 76390 now; amino acid PET might be considered afterwards.\nDate of request: 11/20/2026", A),
    ("another-option",
     "A/P: FDG-PET is another option. We request MRS (76390).\nDate of request: 11/20/2026", A),
    # near misses
    ("near miss: PET/CT done",
     "Imaging: PET/CT 10/20/2026 indeterminate uptake in the left temporal lobe.\nPlan: MRS 76390.\n"
     "Date of request: 11/20/2026", P),
    ("near miss: PET ordered as well",
     "Plan: MRS 76390. FDG-PET ordered as well.\nDate of request: 11/20/2026", P),
    ("near miss: PET requested together",
     "Requested studies: MR spectroscopy and FDG-PET of the brain.\nDate of request: 11/20/2026", P),
]


@pytest.mark.parametrize(("text", "status"), [c[1:] for c in PET_ALTERNATIVES], ids=[c[0] for c in PET_ALTERNATIVES])
def test_pet_alternative_is_no_pet_of_the_workup(analyze, text, status):  # type: ignore[no-untyped-def]
    fact = facts_of(analyze, text).facts["pet_same_workup"]
    assert fact.status is status, (fact.note, [e.text for e in fact.evidence])


# 4. case, text, spine_indication PRESENT?
SPINE = [
    ("back-pain-motion",
     "Request: MRS brain 76390. Motion from back pain degraded the prior MRS.\n", False),
    ("back-surgery-history",
     "Indication: recurrent glioma, MRS requested. History of back surgery in 2015.\n", False),
    ("spine-stiffness-symptom",
     "Reason for request: MR spectroscopy of a right frontal lesion; she also reports spine stiffness.\n", False),
    ("back-ache-positioning",
     "Plan: MRS 76390; chronic back ache may limit time on the table.\n", False),
    ("lumbar-fusion-past",
     "Assessment: left temporal lesion, MRS requested. Prior lumbar fusion 2019.\n", False),
    ("sedation-because-of-neck-pain",
     "Request: MRS 76390 under sedation because of neck pain when lying flat.\n", False),
    # near misses: the spine is the target
    ("near miss: MRS of the lumbar discs", "Request: MRS of the lumbar discs L4-L5.\n", True),
    ("near miss: CPT 0610T", "Requested CPT: 0610T\n", True),
    ("near miss: MRS for discogenic pain", "Requested service: MR spectroscopy for discogenic pain.\n", True),
    ("near miss: lumbar spine due to back pain",
     "Request: MRS of the lumbar spine due to chronic back pain.\n", True),
]


@pytest.mark.parametrize(("text", "spine"), [c[1:] for c in SPINE], ids=[c[0] for c in SPINE])
def test_back_symptom_is_no_spine_target(analyze, text, spine):  # type: ignore[no-untyped-def]
    fact = facts_of(analyze, text).facts["spine_indication"]
    assert (fact.status is P) is spine, (fact.note, [e.text for e in fact.evidence])


# 5. case, text, purpose expected among the fact's values (None: neither purpose below)
PURPOSE = [
    ("decides re-resection vs bevacizumab",
     "Plan: MR spectroscopy. The result decides re-resection versus bevacizumab.\n", "treatment_planning"),
    ("decides between surgery and watching",
     "Request: MRS 76390; the outcome will decide between surgery and watchful waiting.\n", "treatment_planning"),
    ("memory recovery to expect",
     "Plan: MRS (76390) after the hypoxic injury, to know how much memory recovery to expect.\n", "prognosis"),
    ("whether recovery is likely",
     "Reason for request: MR spectroscopy to judge whether recovery is likely after the cardiac arrest.\n",
     "prognosis"),
    ("what recovery the family can expect",
     "Plan: brain MRS 76390 to tell the family what recovery they can expect.\n", "prognosis"),
    ("chance of waking up",
     "Indication: anoxic brain injury. MRS requested to estimate the chance of meaningful recovery.\n", "prognosis"),
    # near misses: the same words about another test
    ("near miss: EEG decides",
     "Plan: the EEG decides re-resection versus bevacizumab. MRS (76390) requested as well.\n", None),
    ("near miss: EEG for recovery",
     "Plan: EEG to judge whether recovery is likely. MR spectroscopy (76390) requested.\n", None),
    ("near miss: PET for memory",
     "Plan: the FDG PET will show how much memory recovery to expect. MRS 76390 requested.\n", None),
    ("near miss: CT settles",
     "Plan: CT chest decides biopsy versus observation. Brain MRS 76390 requested.\n", None),
]


@pytest.mark.parametrize(("case", "text", "purpose"), PURPOSE, ids=[c[0] for c in PURPOSE])
def test_plain_words_mrs_purpose(analyze, case, text, purpose):  # type: ignore[no-untyped-def]
    fact = facts_of(analyze, text).facts["mrs_purpose"]
    got = fact.attributes.get("purpose", [])
    if purpose is None:
        assert not {"treatment_planning", "prognosis"} & set(got), fact.evidence
    else:
        assert fact.status is P, (fact.note, [e.text for e in fact.evidence])
        assert purpose in got
