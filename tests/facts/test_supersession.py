"""Later reads that supersede earlier ones (facts/supersession.py, resources/supersession.yaml), through the real
NLP stage: an addendum, a pathology result, a second opinion or a withdrawn diagnosis settles a concept, and the
earlier hedged (or, for a negation, affirmed) mentions of it stop counting, with the reason on their evidence.

Rows are freshly written fragments in several styles (EHR export, dictation, letter, British spelling, terse fax
form). Near misses must keep today's reading: a later note that repeats, another study's addendum, a plan for a
biopsy, an old biopsy before a new lesion.
"""

from __future__ import annotations

import pytest
from text_to_criteria import REQUEST_TAIL

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED


# ------------------------------------------------------------------ concept facts
# case, text, fact, status with the later read, the superseding source cited on the superseded evidence (or None)
CASES = [
    ("addendum settles the differential as an abscess (dictation)",
     "MRI BRAIN W/WO 11/02/2026\nFINDINGS: 2 cm rim-enhancing right parietal lesion.\nIMPRESSION: Rim-enhancing "
     "lesion, indeterminate. Differential includes glioblastoma and abscess.\nSigned: A. Lee, MD\n\nADDENDUM "
     "(11/03/2026): Diffusion images reviewed; marked central restricted diffusion. Findings are diagnostic of a "
     "pyogenic abscess.\n", "brain_neoplasm", N, "addendum"),
    ("the same, tumor-versus-non-tumor differential withdrawn",
     "MRI BRAIN W/WO 11/02/2026\nFINDINGS: 2 cm rim-enhancing right parietal lesion.\nIMPRESSION: Rim-enhancing "
     "lesion, indeterminate. Differential includes glioblastoma and abscess.\nSigned: A. Lee, MD\n\nADDENDUM "
     "(11/03/2026): Diffusion images reviewed; marked central restricted diffusion. Findings are diagnostic of a "
     "pyogenic abscess.\n", "tumor_vs_nontumor_differential", N, None),
    ("corrected report withdraws the neoplasm (EHR export)",
     "Imaging Result | MRI Brain | 10/28/2026\nImpression: Enhancing left temporal lesion, possible metastasis.\n"
     "Corrected report 10/29/2026: The lesion is consistent with a subacute infarct. Metastasis is no longer "
     "favored.\n", "brain_metastasis", A, "addendum"),
    ("pathology negative for neoplasm over an imaging differential (letter)",
     "Dear colleague, her MRI on 09/30/2026 showed a left frontal mass, concerning for lymphoma versus "
     "demyelination.\nSurgical pathology from the stereotactic biopsy on 10/10/2026: negative for lymphoma; "
     "consistent with demyelinating disease.\n", "cns_lymphoma", A, "pathology"),
    ("pathology settles it as demyelination (terse fax form)",
     "Dx: L frontal lesion ?glioma vs tumefactive MS.\nPATHOLOGY 10/12/2026\nFinal diagnosis: tumefactive "
     "demyelination. No glioma identified.\n", "glial_neoplasm", A, "pathology"),
    ("an addendum on a later page settles its report's differential",
     "MRI BRAIN 11/02/2026\nIMPRESSION: Left periventricular lesion, indeterminate; tumefactive demyelination "
     "versus low-grade glioma.\nSigned by: P. Ortiz, MD\n\fNEUROLOGY NOTE 11/10/2026\nAssessment: lesion, glioma "
     "versus demyelination.\n\fRADIOLOGY ADDENDUM 11/12/2026\nRe: MRI brain 11/02/2026\nAddendum: on review the "
     "lesions are diagnostic of tumefactive demyelination.\n", "glial_neoplasm", N, "addendum"),
    ("MS-centre opinion: does not meet criteria for MS (British spelling)",
     "Problem list: 1. Probable RRMS. 2. Migraine.\nMS centre review 10/20/2026: she does not fulfil McDonald "
     "criteria for multiple sclerosis; the white matter lesions are of small vessel type.\n",
     "multiple_sclerosis", A, "withdrawal"),
    ("the previous diagnosis is not supported (second opinion)",
     "Assessment: Relapsing-remitting multiple sclerosis (per referral).\nSecond opinion, neuroimmunology: the "
     "previous diagnosis of multiple sclerosis is not supported.\n", "multiple_sclerosis", A, "withdrawal"),
    ("a corrected report: no recurrent tumor ends the suspected recurrence, the known tumor stays",
     "Known left frontal glioblastoma, on adjuvant temozolomide.\nMRI BRAIN 10/20/2026\nIMPRESSION: New "
     "enhancement at the margin, possible recurrent tumor versus treatment effect.\nSigned by: C. Diaz, MD\n"
     "\nCORRECTED REPORT 10/21/2026\nPerfusion reviewed: findings are consistent with treatment effect. No "
     "recurrent tumor.\n", "recurrent_or_residual_tumor", A, "addendum"),
    ("the same: the known tumor is still known",
     "Known left frontal glioblastoma, on adjuvant temozolomide.\nMRI BRAIN 10/20/2026\nIMPRESSION: New "
     "enhancement at the margin, possible recurrent tumor versus treatment effect.\nSigned by: C. Diaz, MD\n"
     "\nCORRECTED REPORT 10/21/2026\nPerfusion reviewed: findings are consistent with treatment effect. No "
     "recurrent tumor.\n", "glial_neoplasm", P, None),
    ("a form code and a copied problem list after the MS-centre opinion",
     "DIAGNOSIS: G35 Multiple sclerosis\nMS centre opinion 10/02/2026: the previous diagnosis of multiple "
     "sclerosis is not supported; migraine-related white matter foci.\nProgress note\nProblem list: "
     "1. Probable RRMS.\n", "multiple_sclerosis", A, "withdrawal"),
    # near misses: the reading must not change
    ("near miss: an addendum names an incidental finding the differential did not weigh",
     "MRI BRAIN 11/02/2026\nIMPRESSION: Enhancing right frontal mass, glioma versus metastasis.\nSigned by: A. Lee\n"
     "ADDENDUM (11/03/2026): comparison with the 2019 CT confirms an old left cerebellar infarct.\n",
     "glial_neoplasm", S, None),
    ("near miss: a biopsy-proven tumor does not settle a later recurrence-versus-necrosis question",
     "Biopsy-proven glioblastoma, resected, chemoradiation completed 2025.\nMRI 10/01/2026: new enhancement, "
     "recurrence versus radiation necrosis.\n", "recurrence_vs_treatment_effect", P, None),
    ("near miss: a review of systems is not a second opinion",
     "Assessment: possible multiple sclerosis.\nOn review of systems, no fever; no history of infection.\n",
     "multiple_sclerosis", S, None),
    ("near miss: a later note repeats the hedge",
     "MRI brain 10/02/2026: right frontal mass, glioma versus abscess.\nClinic note 10/20/2026: the lesion remains "
     "glioma versus abscess; MRS requested.\n", "brain_neoplasm", S, None),
    ("near miss: a biopsy is planned, not reported",
     "Impression: left temporal mass, suspicious for high-grade glioma.\nPlan: biopsy to exclude neoplasm if MRS "
     "is equivocal.\n", "glial_neoplasm", S, None),
    ("near miss: an addendum to another study",
     "MRI BRAIN 11/02/2026\nIMPRESSION: Right frontal lesion, possible glioma versus infarct.\nSigned: A. Lee, MD\n"
     "\nCT CHEST 11/05/2026\nIMPRESSION: Small pulmonary nodule.\nADDENDUM: Comparison with prior chest CT "
     "confirms a benign granuloma.\n", "glial_neoplasm", S, None),
    ("near miss: a negation outside any later read",
     "HPI: seizures. MRI shows a left insular lesion suspicious for low-grade glioma.\nROS: no evidence of "
     "infection.\n", "glial_neoplasm", S, None),
    ("near miss: an established tumor stays when pathology settles a new lesion as necrosis",
     "History of glioblastoma, resected 2024, chemoradiation completed.\nMRI 10/01/2026: enhancing focus at the "
     "resection margin, possible recurrence.\nBiopsy 10/15/2026: consistent with radiation necrosis.\n",
     "glial_neoplasm", P, None),
    ("near miss: a biopsy negative for neoplasm years before a new lesion",
     "Remote biopsy 03/2019 of a right temporal lesion: negative for neoplasm.\nMRI 10/20/2026: new left "
     "frontal mass, suspicious for glioma.\n", "glial_neoplasm", S, None),
]


@pytest.mark.parametrize(("case", "text", "fact", "expected", "source"), CASES, ids=[c[0] for c in CASES])
def test_a_later_read_supersedes(fragment_facts, case, text, fact, expected, source):  # type: ignore[no-untyped-def]
    f = fragment_facts(text).facts[fact]
    assert f.status is expected, (f.note, [(e.text, e.assertion) for e in f.evidence])
    superseded = [e for e in f.ignored if e.attributes.get("superseded_by")]
    if source is None:
        assert all(e.attributes.get("superseded_by") is None for e in f.evidence)
    else:
        assert superseded, "the superseded mentions stay as ignored evidence"
        assert {e.attributes["superseded_by"] for e in superseded} == {source}


def test_the_superseded_evidence_names_its_statement_and_rule(fragment_facts) -> None:  # type: ignore[no-untyped-def]
    text = ("MRI BRAIN 11/02/2026\nIMPRESSION: Right frontal lesion, glioblastoma versus abscess.\nSigned: A. Lee\n\n"
            "ADDENDUM 11/03/2026 - the lesion is diagnostic of an abscess.\n")
    f = fragment_facts(text).facts["glial_neoplasm"]
    [e] = [e for e in f.ignored if e.text == "glioblastoma"]
    by = e.attributes["superseded_by_text"]
    start, end = (int(x) for x in e.attributes["superseded_by_span"].split("-"))
    assert (text + REQUEST_TAIL)[start:end] == by == "abscess"
    assert set(e.attributes["supersession_rule"].split()) == {"supersede.source_sections", "supersede.definite"}
    assert set(e.attributes["supersession_rule"].split()) <= set(e.attributes["cue"].split())
    assert f.note == "mentioned only in readings a later read superseded"


# ------------------------------------------------------------------ the imaging verdict reads the final read
# An addendum on a later page amends the report of the study it names, else the report just before it; an addendum
# naming another study amends nothing. A definite read ("diagnostic of", "consistent with") is conclusive, and the
# impression's read of what the study showed replaces a findings sentence's.
VERDICTS = [
    ("separate page addendum of the named study",
     "MRI BRAIN 11/02/2026\nFINDINGS: Ring-enhancing lesion.\nIMPRESSION: Indeterminate ring-enhancing lesion.\n"
     "Signed: A. Lee, MD\n\fNEUROLOGY NOTE 11/10/2026\nAssessment: ring-enhancing lesion.\nPlan: MRS requested.\n"
     "\fRADIOLOGY ADDENDUM 11/12/2026\nRe: MRI brain 11/02/2026\nAddendum: DWI confirms an abscess.\n",
     ["MRI 2026-11-02 conclusive"]),
    ("separate page addendum naming nothing amends the report before it",
     "CT HEAD 11/01/2026\nIMPRESSION: Hypodense left temporal lesion, nonspecific.\nSigned: B. Roy\n\f"
     "AMENDED REPORT (11/02/2026)\nAddendum: on review the lesion is consistent with a chronic infarct.\n",
     ["CT 2026-11-01 conclusive"]),
    ("near miss: an addendum of another study than any report in the packet",
     "MRI BRAIN 11/02/2026\nIMPRESSION: Indeterminate left frontal lesion.\nSigned: A. Lee\n\f"
     "ADDENDUM 11/06/2026\nRe: PET brain 11/05/2026\nAddendum: uptake is consistent with tumor.\n",
     ["MRI 2026-11-02 inconclusive"]),
    ("a note citing the study's first read is superseded by the report's addendum",
     "Clinic note 11/14/2026: the MRI of 11/02/2026 was indeterminate, glioma versus abscess.\n\nMRI BRAIN "
     "11/02/2026\nIMPRESSION: Indeterminate rim-enhancing lesion.\nSigned by: A. Lee, MD\nADDENDUM (11/04/2026): "
     "diffusion is diagnostic of a pyogenic abscess.\n", ["MRI 2026-11-02 conclusive"]),
    ("near miss: a note citing an earlier study keeps that study's read",
     "MRI BRAIN 11/02/2026\nIMPRESSION: Indeterminate rim-enhancing lesion.\nSigned by: A. Lee, MD\nADDENDUM "
     "(11/04/2026): diffusion is diagnostic of a pyogenic abscess.\n\nHistory of present illness: an MRI of "
     "09/01/2026 was indeterminate.\n", ["MRI 2026-09-01 inconclusive", "MRI 2026-11-02 conclusive"]),
    ("a hedge that pathology settled no longer makes the read open",
     "MRI BRAIN 10/01/2026\nIMPRESSION: Ring-enhancing right frontal lesion, glioblastoma versus abscess.\n\n"
     "SURGICAL PATHOLOGY 10/09/2026\nFinal diagnosis: brain abscess; negative for neoplasm.\n",
     ["MRI 2026-10-01 -"]),
    ("the same with an indeterminate read: the differential it rested on is settled",
     "MRI BRAIN 10/01/2026\nIMPRESSION: Indeterminate ring-enhancing right frontal lesion, glioblastoma versus "
     "abscess.\n\nSURGICAL PATHOLOGY 10/09/2026\nFinal diagnosis: brain abscess; negative for neoplasm.\n",
     ["MRI 2026-10-01 -"]),
    ("near miss: pathology of another question leaves the read open",
     "MRI BRAIN 10/01/2026\nIMPRESSION: Indeterminate enhancing right frontal lesion, glioblastoma versus "
     "metastasis.\n\nSURGICAL PATHOLOGY 10/09/2026\nSkin biopsy: negative for melanoma.\n",
     ["MRI 2026-10-01 inconclusive"]),
    ("definite read in the impression",
     "MRI BRAIN 11/02/2026\nFINDINGS: Multiple periventricular lesions.\nIMPRESSION: Findings consistent with "
     "demyelinating disease.\n", ["MRI 2026-11-02 conclusive"]),
    ("the impression's definite read over a nonspecific finding",
     "MRI BRAIN W/WO 11/02/2026\nFINDINGS: Several ovoid periventricular lesions; two punctate foci are "
     "nonspecific.\nIMPRESSION: Findings consistent with demyelinating disease.\n", ["MRI 2026-11-02 conclusive"]),
    ("no residual or recurrent tumor is a definite read",
     "MRI BRAIN 11/02/2026\nFINDINGS: Postoperative changes of the right frontal resection cavity.\nIMPRESSION: "
     "No residual or recurrent tumor.\n", ["MRI 2026-11-02 conclusive"]),
    ("near miss: an impression without a verdict leaves the findings' verdict",
     "MRI BRAIN 11/02/2026\nFINDINGS: A 1 cm enhancing focus in the left thalamus is indeterminate.\nIMPRESSION: "
     "Left thalamic enhancing focus.\n", ["MRI 2026-11-02 inconclusive"]),
    ("near miss: an impression that hedges stays inconclusive beside a definite finding",
     "MRI BRAIN 11/02/2026\nFINDINGS: Signal is consistent with blood products in part.\nIMPRESSION: Enhancing "
     "right temporal mass, glioma versus metastasis.\n", ["MRI 2026-11-02 inconclusive"]),
    ("an addendum that repeats the hedge keeps the read inconclusive",
     "MRI BRAIN 11/02/2026\nIMPRESSION: Indeterminate enhancing lesion.\nSigned: A. Lee\n\nADDENDUM (11/03/2026): "
     "perfusion remains equivocal.\n", ["MRI 2026-11-02 inconclusive"]),
]


@pytest.mark.parametrize(("case", "text", "expected"), VERDICTS, ids=[c[0] for c in VERDICTS])
def test_an_imaging_verdict_is_the_final_read(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    studies = fragment_facts(text).imaging
    assert [f"{s.modality} {s.date or '-'} {'/'.join(s.verdicts) or '-'}" for s in studies] == expected


# ------------------------------------------------------------------ no approval rests on a superseded mention
_NOTE = ("NEUROLOGY CONSULTATION 11/12/2026\nHistory of present illness: 47-year-old with three weeks of worsening "
         "headaches and new right hand weakness.\nPhysical examination: mild right pronator drift.\nLabs: CBC and "
         "CRP normal.\nPrevious treatments: none.\nAssessment: left frontal lesion.\nPlan: MR spectroscopy (CPT 76390) "
         "requested.\n")
_REPORT = ("\fMRI BRAIN W/WO CONTRAST 11/05/2026\nFINDINGS: 2.5 cm ring-enhancing left frontal lesion with edema.\n"
           "IMPRESSION: Ring-enhancing lesion, indeterminate. Differential includes glioblastoma, metastasis and "
           "abscess.\nSigned by: D. Park, MD\n")
_ADDENDUM = ("\fRADIOLOGY ADDENDUM 11/07/2026\nRe: MRI brain 11/05/2026\nAddendum: diffusion-weighted images show "
             "central restricted diffusion; the findings are diagnostic of a cerebral abscess. Neoplasm is no longer "
             "favored.\n")
DECISIONS = [
    ("the addendum settles it: no payer approves", _NOTE + _REPORT + _ADDENDUM, False),
    ("near miss: the same packet without the addendum approves somewhere", _NOTE + _REPORT, True),
]


@pytest.mark.parametrize(("case", "text", "approves"), DECISIONS, ids=[d[0] for d in DECISIONS])
def test_no_approval_rests_on_a_superseded_mention(screener, tmp_path, case, text, approves):  # type: ignore[no-untyped-def]
    path = tmp_path / "packet.txt"
    path.write_text(text + REQUEST_TAIL, encoding="utf-8")
    record = screener.screen_one(path)
    decisions = {d.payer: d.decision.value for d in record.determinations}
    assert ("approve" in decisions.values()) is approves, decisions
