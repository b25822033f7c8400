"""Prior imaging studies assembled from text (facts/imaging.py), through the real NLP stage.

Each row is a short, freshly written packet fragment and the studies it must yield, written as
"MODALITY DATE VERDICTS" ("-" for none), in date order. Near misses are rows that must yield no study, or no
verdict, where a careless rule would find one.
"""

from __future__ import annotations

import pytest
from text_to_criteria import facts_of

from pipeline.contracts import ImagingStudy

TAIL = "\n\nDate of request: 11/20/2026"


def _summary(studies: list[ImagingStudy]) -> list[str]:
    return [f"{s.modality} {s.date or '-'} {'/'.join(s.verdicts) or '-'}" for s in studies]


@pytest.fixture(scope="module")
def studies_of(analyze):  # type: ignore[no-untyped-def]
    def run(body: str) -> list[ImagingStudy]:
        text = body + TAIL
        return list(facts_of(analyze, text).imaging)

    return run


def _check(studies_of, body: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert _summary(studies_of(body)) == expected


# ------------------------------------------------------------------------ a verdict in a later sentence
LATER_SENTENCE = [
    ("pronoun-continues", "MRI of the brain was done on 10/02/2026. It showed a 2 cm enhancing lesion of "
     "indeterminate nature.", ["MRI 2026-10-02 inconclusive"]),
    ("findings-continue", "Brain MRI 10/02/2026 was reviewed with neuroradiology. The findings were read as "
     "equivocal for recurrence.", ["MRI 2026-10-02 inconclusive"]),
    ("technical-verdict-first", "CT head on 10/02/2026 in the emergency department.\nLimited by motion artifact.",
     ["CT 2026-10-02 technically_limited"]),
    ("hedged-diagnosis-after-pronoun", "Head MRI 10/02/2026 showed a left temporal lesion. This was felt to "
     "represent low-grade glioma versus encephalitis.", ["MRI 2026-10-02 inconclusive"]),
    ("report-title-line-then-body", "MRI BRAIN WITHOUT AND WITH CONTRAST 10/02/2026\nThere is a nodular enhancing "
     "focus in the left parietal lobe.\nAppearance is nonspecific.", ["MRI 2026-10-02 inconclusive"]),
    # near misses: another paragraph, another study, another subject, a sentence in between
    ("next-paragraph", "MRI brain 10/02/2026 was reviewed.\n\nIndeterminate thyroid nodule, followed by "
     "endocrinology.", ["MRI 2026-10-02 -"]),
    ("next-sentence-names-another-study", "MRI brain 10/02/2026 was reviewed. A PET on 10/20/2026 was equivocal.",
     ["MRI 2026-10-02 -", "PET 2026-10-20 inconclusive"]),
    ("next-sentence-is-the-clinician", "MRI brain 10/02/2026 showed a right insular lesion. Her neurologist "
     "suspects a low-grade glioma.", ["MRI 2026-10-02 -"]),
    ("unrelated-sentence-in-between", "MRI brain 10/02/2026 was reviewed. She works as a teacher. It is "
     "indeterminate whether she can return to work.", ["MRI 2026-10-02 -"]),
    ("labs-after-the-study", "MRI brain 10/02/2026 was reviewed. Labs were unremarkable.", ["MRI 2026-10-02 -"]),
]


@pytest.mark.parametrize(("body", "expected"), [c[1:] for c in LATER_SENTENCE], ids=[c[0] for c in LATER_SENTENCE])
def test_a_verdict_in_a_later_sentence_of_the_same_paragraph(studies_of, body, expected):  # type: ignore[no-untyped-def]
    _check(studies_of, body, expected)


# ------------------------------------------------------------------------ imaging named only by its sequences
SEQUENCES = [
    ("t2-flair-dated", "On 10/02/2026 the outside study showed T2/FLAIR hyperintensity in the left insula, "
     "indeterminate.", ["MRI 2026-10-02 inconclusive"]),
    ("ring-enhancing-with-generic-imaging", "Imaging on 10/02/2026 demonstrated a ring-enhancing lesion in the right "
     "frontal lobe, abscess versus necrotic tumor.", ["MRI 2026-10-02 inconclusive"]),
    ("restricted-diffusion", "Restricted diffusion within the lesion was seen on 10/02/2026.", ["MRI 2026-10-02 -"]),
    ("sequence-in-an-untitled-report", "FINDINGS: There is T2 hyperintense signal in the right hippocampus without "
     "enhancement.\nIMPRESSION: Nonspecific signal abnormality.", ["MRI - inconclusive"]),
    # near misses: a named modality in the sentence, a hypothetical, a request, no date/verdict/past
    ("ct-with-ring-enhancement", "CT head 10/02/2026 showed a ring-enhancing lesion.", ["CT 2026-10-02 -"]),
    ("hypothetical-finding", "If a ring-enhancing lesion is seen on the next study, a biopsy will be arranged.", []),
    ("sequences-of-the-requested-study", "Requesting MR spectroscopy with FLAIR and T1 post-contrast sequences.", []),
    ("undated-finding-without-verdict", "Progressive T2 hyperintensity in the right temporal lobe.", []),
    ("tumor-stage-is-not-a-sequence", "Left breast cancer, T2 N1 M0, was diagnosed on 03/14/2024.", []),
    ("vertebra-is-not-a-sequence", "A compression fracture of T1 was seen on 10/02/2026.", []),
]


@pytest.mark.parametrize(("body", "expected"), [c[1:] for c in SEQUENCES], ids=[c[0] for c in SEQUENCES])
def test_imaging_named_only_by_its_sequences_is_an_mri(studies_of, body, expected):  # type: ignore[no-untyped-def]
    _check(studies_of, body, expected)


# ------------------------------------------------------------------------ "underwent CT", and where it was
UNDERWENT = [
    ("underwent-ct", "He underwent CT of the head in the emergency department.", ["CT - -"]),
    ("had-an-mri", "She has had an MRI of the brain at another hospital.", ["MRI - -"]),
    ("underwent-mri-then-verdict", "She underwent an MRI of the brain. It was nondiagnostic because of motion.",
     ["MRI - inconclusive/technically_limited"]),
    # near misses: a plan, a study not done, a procedure that is not imaging
    ("will-undergo", "She will undergo a CT of the head next week.", []),
    ("never-had", "She has never had an MRI of the brain.", []),
    ("none-available", "No prior MRI is available for comparison.", []),
    ("negated-finding-on-dated-imaging", "No evidence of recurrence on imaging of 10/02/2026.",
     ["unspecified 2026-10-02 conclusive"]),
    ("underwent-resection", "He underwent resection of the mass.", []),
]


@pytest.mark.parametrize(("body", "expected"), [c[1:] for c in UNDERWENT], ids=[c[0] for c in UNDERWENT])
def test_underwent_imaging_is_a_study(studies_of, body, expected):  # type: ignore[no-untyped-def]
    _check(studies_of, body, expected)


@pytest.mark.parametrize(("body", "body_part"), [
    ("He underwent CT of the chest on 10/02/2026.", "chest"),
    ("CT abdomen and pelvis 10/02/2026 was unremarkable.", "abdomen"),
    ("He underwent CT of the head on 10/02/2026.", "brain"),
    ("MRI lumbar spine 10/02/2026 was unremarkable.", "spine"),
    ("Chest CT on 10/02/2026 was unremarkable.", "chest"),
    # near misses: the patient's disease, not the study's body part
    ("MRI 10/02/2026 showed an indeterminate lesion in this patient with lung cancer.", None),
    ("MRI 10/02/2026 was nondiagnostic; she also reports abdominal pain and pelvic pressure.", None),
    ("MRI 10/02/2026 showed a ring-enhancing lesion; CT of the chest, abdomen and pelvis is pending.", None),
])
def test_the_study_records_the_body_part_it_names(studies_of, body, body_part):  # type: ignore[no-untyped-def]
    assert [s.body_part for s in studies_of(body)] == [body_part]


# ------------------------------------------------------------------------ a report without a title
UNTITLED = [
    ("technique-names-mri", "CLINICAL HISTORY: seizures.\nTECHNIQUE: Multiplanar multisequence MRI of the brain "
     "without and with contrast.\nFINDINGS: A 1 cm enhancing focus in the right frontal lobe.\nIMPRESSION: "
     "Indeterminate enhancing focus.", ["MRI - inconclusive"]),
    ("date-before-the-report", "Outside images, 10/02/2026:\nTECHNIQUE: Axial CT of the head without contrast.\n"
     "FINDINGS: Hypodensity in the left frontal lobe.\nIMPRESSION: Equivocal; recommend MRI.",
     ["CT 2026-10-02 inconclusive"]),
    ("comparison-is-not-the-report", "Outside images of 10/05/2026, reviewed at our institution.\nCOMPARISON: MRI "
     "08/01/2026.\nTECHNIQUE: Multiplanar MRI of the brain with contrast.\nFINDINGS: Stable postoperative "
     "changes.\nIMPRESSION: Stable.", ["MRI 2026-08-01 -", "MRI 2026-10-05 conclusive"]),
    # near misses: a clinic note's impression, an exam's findings
    ("clinic-impression", "IMPRESSION: Possible glioma versus abscess. Will discuss at tumor board.", []),
    ("physical-findings", "FINDINGS: Left pronator drift, mild right facial droop.\nIMPRESSION: Indeterminate "
     "localization.", []),
]


@pytest.mark.parametrize(("body", "expected"), [c[1:] for c in UNTITLED], ids=[c[0] for c in UNTITLED])
def test_a_report_without_a_title(studies_of, body, expected):  # type: ignore[no-untyped-def]
    _check(studies_of, body, expected)


# ------------------------------------------------------------------------ a recommendation is not a study
RECOMMENDATIONS = [
    ("would-be-of-benefit", "A CT of the head would be of benefit to characterize the indeterminate lesion.", []),
    ("consider", "Consider MRI with perfusion if the equivocal findings persist.", []),
    ("would-be-helpful", "Repeat MRI in 3 months would be helpful given the nonspecific appearance.", []),
    ("study-done-then-recommendation", "MRI brain 10/02/2026 showed an indeterminate lesion; CT would be of benefit.",
     ["MRI 2026-10-02 inconclusive"]),
    ("pending", "Brain MRI is pending; the CT of 10/02/2026 was indeterminate.", ["CT 2026-10-02 inconclusive"]),
    ("yet-to-be-scheduled", "MRI with perfusion has not been performed yet; MRI 10/02/2026 was equivocal.",
     ["MRI 2026-10-02 inconclusive"]),
    # near misses: the study was done, and "considered" is past; the report (not the study) is pending
    ("report-pending", "MRI brain was performed on 10/02/2026; the formal report is pending.", ["MRI 2026-10-02 -"]),
    ("considered-is-past", "The MRI of 10/02/2026 was considered nondiagnostic.", ["MRI 2026-10-02 inconclusive"]),
    ("benefit-of-a-done-study", "The MRI performed on 10/02/2026 was of benefit and showed a stable cavity.",
     ["MRI 2026-10-02 conclusive"]),
]


@pytest.mark.parametrize(("body", "expected"), [c[1:] for c in RECOMMENDATIONS], ids=[c[0] for c in RECOMMENDATIONS])
def test_a_recommended_study_is_not_a_study(studies_of, body, expected):  # type: ignore[no-untyped-def]
    _check(studies_of, body, expected)


# ------------------------------------------------------------------------ an addendum overrides the earlier read
ADDENDA = [
    ("addendum-settles", "MRI BRAIN 10/02/2026\nFINDINGS: Enhancing tissue along the resection cavity.\n"
     "IMPRESSION: Indeterminate; recurrence versus radiation necrosis.\nADDENDUM: After review of the perfusion "
     "images, findings are consistent with radiation necrosis.", ["MRI 2026-10-02 conclusive"]),
    ("addendum-unsettles", "CT HEAD 10/02/2026\nFINDINGS: No acute abnormality.\nIMPRESSION: Unremarkable.\n"
     "ADDENDUM: On second review, a subtle hypodensity in the left insula is indeterminate.",
     ["CT 2026-10-02 inconclusive"]),
    ("addendum-after-signature", "MRI BRAIN 10/02/2026\nIMPRESSION: Equivocal enhancement.\nElectronically signed "
     "by: Radiologist\nADDENDUM: The enhancement is typical of postoperative change.", ["MRI 2026-10-02 conclusive"]),
    ("addendum-on-technique-keeps-the-read", "MRI BRAIN 10/02/2026\nIMPRESSION: Indeterminate lesion.\n"
     "ADDENDUM: Motion artifact limits the diffusion sequence.", ["MRI 2026-10-02 inconclusive/technically_limited"]),
    # near misses: an addendum without a verdict, an addendum to a clinic note
    ("addendum-without-verdict", "MRI BRAIN 10/02/2026\nIMPRESSION: Indeterminate lesion.\nADDENDUM: Results "
     "were called to the ordering provider.", ["MRI 2026-10-02 inconclusive"]),
    ("clinic-note-addendum", "ASSESSMENT: Seizures.\nADDENDUM: Patient called; seizures are unchanged.", []),
]


@pytest.mark.parametrize(("body", "expected"), [c[1:] for c in ADDENDA], ids=[c[0] for c in ADDENDA])
def test_an_addendum_overrides_the_earlier_read(studies_of, body, expected):  # type: ignore[no-untyped-def]
    _check(studies_of, body, expected)


def test_a_later_sentence_verdict_cites_the_continuation_cue(studies_of) -> None:  # type: ignore[no-untyped-def]
    (study,) = studies_of(LATER_SENTENCE[0][1])
    later = [e for e in study.evidence if e.attributes.get("verdict") == "inconclusive"]
    assert later and all("study.continuation" in e.attributes.get("cue", "").split() for e in later)


def test_a_study_named_by_its_sequences_is_documented_with_evidence(analyze) -> None:  # type: ignore[no-untyped-def]
    text = SEQUENCES[0][1] + TAIL
    fact = facts_of(analyze, text).facts["prior_imaging_documented"]
    assert fact.status.value == "present"
    assert [e.rule_id for e in fact.evidence] == ["img.mri_sequence", "img.mri_sequence"]


def test_the_overridden_read_stays_as_evidence_for_the_reviewer(studies_of) -> None:  # type: ignore[no-untyped-def]
    (study,) = studies_of(ADDENDA[0][1])
    superseded = [e for e in study.evidence if "superseded_verdict" in e.attributes]
    assert superseded and all(e.attributes["superseded_verdict"] == "inconclusive" for e in superseded)
    assert all("verdict" not in e.attributes for e in superseded)


# ------------------------------------------------------------------------ a study read as non-lesional
NONLESIONAL = [
    ("cited-non-lesional", "Epilepsy-protocol MRI of the brain on 08/14/2026 was non-lesional.",
     ["MRI 2026-08-14 conclusive/nonlesional"]),
    ("cited-normal", "Her brain MRI from 08/14/2026 was read as normal.", ["MRI 2026-08-14 conclusive/nonlesional"]),
    ("report-impression", "MRI BRAIN 08/14/2026\nFINDINGS: Symmetric hippocampi. No abnormal signal.\n"
     "IMPRESSION: No structural abnormality to account for the seizures.",
     ["MRI 2026-08-14 conclusive/nonlesional"]),
    # near misses: a lesion beside the normal read, a qualified read, a partly normal read, an addendum's lesion
    ("near miss: sclerosis in the same sentence", "MRI brain 08/14/2026 was otherwise unremarkable apart from "
     "left hippocampal sclerosis.", ["MRI 2026-08-14 conclusive"]),
    ("near miss: otherwise normal", "MRI brain 08/14/2026 showed a small right frontal cavernoma. Otherwise normal "
     "MRI.", ["MRI 2026-08-14 conclusive"]),
    ("near miss: normal only in part", "MRI BRAIN 08/14/2026\nFINDINGS: Left temporal mass.\nIMPRESSION: No acute "
     "findings.", ["MRI 2026-08-14 conclusive"]),
    ("near miss: normal in the findings only", "MRI BRAIN 08/14/2026\nFINDINGS: The ventricles were normal.\n"
     "IMPRESSION: Right frontal lesion, glioma versus demyelination.", ["MRI 2026-08-14 inconclusive"]),  # the impression's read
    ("near miss: the addendum finds a lesion", "MRI BRAIN 08/14/2026\nFINDINGS: No abnormality.\nIMPRESSION: Normal "
     "MRI of the brain.\nADDENDUM: On second review there is a subtle right frontal cortical dysplasia.",
     ["MRI 2026-08-14 conclusive"]),
]


@pytest.mark.parametrize(("case", "body", "expected"), NONLESIONAL, ids=[c[0] for c in NONLESIONAL])
def test_a_study_read_as_normal_is_nonlesional(studies_of, case, body, expected):  # type: ignore[no-untyped-def]
    _check(studies_of, body, expected)


# ------------------------------------------------------------------------ where a study was read
SOURCES = [
    ("cited-in-a-letter", "Referral: the MRI brain on 10/02/2026 was reportedly inconclusive.", ["citation"]),
    ("a-report", "MRI BRAIN 10/02/2026\nFINDINGS: Ring-enhancing lesion in the left parietal lobe.\nIMPRESSION: "
     "Indeterminate lesion, abscess versus necrotic tumor.", ["report"]),
    ("cited-and-reported", "MRI BRAIN 10/02/2026\nFINDINGS: Ring-enhancing lesion in the left parietal lobe.\n"
     "IMPRESSION: Indeterminate lesion.\n\nASSESSMENT: The MRI brain of 10/02/2026 was indeterminate.",
     ["citation", "report"]),
]


@pytest.mark.parametrize(("case", "body", "sources"), SOURCES, ids=[c[0] for c in SOURCES])
def test_each_evidence_item_names_where_the_study_was_read(studies_of, case, body, sources):  # type: ignore[no-untyped-def]
    (study,) = studies_of(body)
    assert sorted({e.attributes["study_source"] for e in study.evidence}) == sources


# ------------------------------------------------------------------------ a planned MRS is not a prior MRS
PLANNED_MRS = [
    ("meeting-after", "Plan: family meeting after the MR spectroscopy is done to go through the options.", []),
    ("to-be-performed", "MRS to be performed at the regional centre once approved.", []),
    ("will-be-done", "MR spectroscopy will be done next week at the university hospital.", []),
    ("prior-to-is-not-past", "Bloods obtained prior to the MRS; creatinine normal.", []),
    ("once-completed", "We will review her in clinic once the spectroscopy MRS has been completed.", []),
    ("dictation", "Discussed with the patient that the results will be reviewed after the upcoming MRS is "
     "performed.", []),
    # near misses: an MRS that was done stays a prior study
    ("done-outside", "Her MRS was performed at an outside hospital and showed an elevated choline peak.",
     ["MRS - -"]),
    ("after-the-previous", "Headaches worsened after the previous MRS was performed.", ["MRS - -"]),
    ("dated", "MR spectroscopy performed on 10/01/2026 was equivocal.", ["MRS 2026-10-01 inconclusive"]),
]


@pytest.mark.parametrize(("body", "expected"), [c[1:] for c in PLANNED_MRS], ids=[c[0] for c in PLANNED_MRS])
def test_a_planned_mrs_is_not_a_prior_study(studies_of, body, expected):  # type: ignore[no-untyped-def]
    _check(studies_of, body, expected)
