"""A study mention takes only its own date and verdict; a question answered later in its sentence is closed; a read
whose written report never came is not documented.

1. A study named before an untitled report (in the text just before its first section) is that report's study
   only within reach: never across a page break, never when it is planned ("plan to be decided after MRS and
   genetics.", "will revisit after the spectroscopy", facts cue study.planned_before), and never from a line above
   a report heading of the lead-in, a line that opens with a study's name (cue report.heading_line: "Brain MRI
   10/14/2026" under "MRS 10/02/2026: elevated choline."). The planned MRS stays a plan (no prior MRS) and the MRI
   keeps its own date and read; a dated prior MRS stays a prior MRS. Near misses: "MRS 10/14/2026: elevated
   choline" and an MR spectroscopy report on its own page are prior MRS; a report heading with a label ("LAKESIDE
   IMAGING - MRI BRAIN W/WO CONTRAST") still names its report.
2. A question raised about a finding and answered later in its sentence, however many words lie between ('the
   "structural lesion / tumor" question raised at the June visit ... is answered by this MRI: no tumor'), is closed:
   the finding is negated (scope.question_answered, a settling rule: an earlier hedge of it is settled too). Near
   misses: "the tumour question remains open", "will be answered by the biopsy" and "question of tumour" stay
   suspected (poss.topic_question: "the tumour question" names a suspected tumour); an answer that finds it
   ("answered by the MRI, which showed a glioblastoma") affirms it.
3. A read the note has only by voice, or whose written report has not arrived, is no documented read, also when the
   report's absence is told after the sentences that give the read ("MRI brain 11/12/2026. The radiologist gave a
   verbal preliminary read: ... The written report has not arrived.", "Prelim read: ... Final report pending.") or
   the read is told as one by phone ("prelim read by phone", "verbal read"; cue study.report_unavailable):
   conventional_imaging_inconclusive is not documented and the diagnoses keep their own hedge. Near misses: the
   final report is attached or follows in the packet; another test's report is the one pending.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, paged_facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
PLAN = "\nPlan: MR spectroscopy (CPT 76390).\n"
IMPRESSION = "Impression: Indeterminate right frontal lesion; low-grade glioma versus cortical dysplasia.\n"
FF = "\n\f\n"

CASES: dict[str, tuple[str, dict[str, FactStatus], str | None]] = {
    # text, expected facts, the MRI's date (None: not checked)
    # ------------------------------------------------ 1. a planned study takes no date or read from the next report
    "planned MRS at a page's foot, untitled report on the next page": (
        "Assessment: new seizures, right frontal lesion. Plan to be decided after MRS and genetics." + FF
        + "Date: 10/14/2026\nImpression: Indeterminate right frontal lesion on MRI; low-grade glioma versus cortical "
          "dysplasia.\n",
        {"prior_mrs": A, "mri_nondiagnostic": P}, None),
    "will revisit after the spectroscopy, then a report heading line": (
        "Assessment: new seizures, right frontal lesion. We will revisit after the spectroscopy.\n"
        "Brain MRI 10/14/2026\nFINDINGS: Nonenhancing right frontal cortical lesion.\n" + IMPRESSION,
        {"prior_mrs": A, "mri_nondiagnostic": P}, "2026-10-14"),
    "decision after the MR spectroscopy, report heading on the next page": (
        "Assessment: right frontal lesion. Decision on surgery after the MR spectroscopy." + FF
        + "Brain MRI with and without contrast - 10/14/2026\n" + IMPRESSION,
        {"prior_mrs": A, "mri_nondiagnostic": P}, "2026-10-14"),
    "an unfinished sentence once the MRS is back, then the next page": (
        "Assessment: right frontal lesion. We will discuss surgery once the MRS is back" + FF
        + "MRI brain 10/14/2026\n" + IMPRESSION,
        {"prior_mrs": A, "mri_nondiagnostic": P}, "2026-10-14"),
    "after the spectroscopy, a report with no heading of its own": (
        "Assessment: right frontal lesion. Surgery will be decided after the spectroscopy.\nRadiology\n"
        "Date: 10/14/2026\nImpression: Indeterminate right frontal lesion on MRI; low-grade glioma versus cortical "
        "dysplasia.\n",
        {"prior_mrs": A, "mri_nondiagnostic": P}, "2026-10-14"),
    "counselling after the spectroscopy, then the MRI report's findings": (
        "Plan: EEG first; genetic counselling after the spectroscopy.\nOutside MRI brain 10/14/2026\n"
        "Findings: Nonenhancing right frontal cortical lesion.\n" + IMPRESSION,
        {"prior_mrs": A, "mri_nondiagnostic": P}, "2026-10-14"),
    "a dated prior MRS above an MRI report heading keeps its own date": (
        "MRS 10/02/2026: elevated choline, no lactate.\nBrain MRI 10/14/2026\n"
        "FINDINGS: Nonenhancing right frontal cortical lesion.\n" + IMPRESSION,
        {"prior_mrs": P, "mri_nondiagnostic": P}, "2026-10-14"),
    "a dated prior MRS, then a report on the next page": (
        "Assessment: new seizures. MRS 10/02/2026: elevated choline." + FF
        + "Date: 10/14/2026\nImpression: Indeterminate right frontal lesion on MRI; low-grade glioma versus cortical "
          "dysplasia.\n",
        {"prior_mrs": P, "mri_nondiagnostic": P}, None),
    "near miss: MRS with its own date and read": (
        "MRS 10/14/2026: elevated choline, indeterminate.\n",
        {"prior_mrs": P}, None),
    "near miss: an MR spectroscopy report on its own page": (
        "Assessment: new seizures. Will revisit after the spectroscopy." + FF
        + "MR SPECTROSCOPY REPORT\nDate: 10/14/2026\nImpression: Elevated choline-to-NAA ratio, indeterminate; "
          "low-grade glioma versus cortical dysplasia.\n",
        {"prior_mrs": P, "mri_nondiagnostic": N}, None),
    "near miss: a heading with the centre's name still names its report": (
        "LAKESIDE IMAGING - MRI BRAIN W/WO CONTRAST\nDate: 10/14/2026\nClinical history: new seizures.\n"
        "FINDINGS: Nonenhancing right frontal cortical lesion.\n" + IMPRESSION,
        {"prior_mrs": A, "mri_nondiagnostic": P}, "2026-10-14"),
    # ------------------------------------------------ 2. a question answered later in its sentence is closed
    "the structural lesion / tumor question answered by this MRI": (
        'Follow-up: the "structural lesion / tumor" question raised at the June visit by the family and the outside '
        "neurologist is answered by this MRI: no tumor.\n",
        {"brain_neoplasm": A}, None),
    "the question of a tumour has now been answered, there is no tumour": (
        "The question of a tumour raised by the outside CT in August has now been answered by the repeat MRI with "
        "contrast: there is no tumour.\n",
        {"brain_neoplasm": A}, None),
    "the CT concern for a neoplasm settled by the MRI": (
        "The ED CT concern for a neoplasm was settled by the MRI, which shows a cavernoma and no neoplasm.\n",
        {"brain_neoplasm": A}, None),
    "an earlier worry about a tumor put to rest": (
        "The earlier worry about a tumor, raised when she first presented with headaches in the spring, was put to "
        "rest by the MRI: no tumor, just a small pineal cyst.\n",
        {"brain_neoplasm": A}, None),
    "the possibility of lymphoma addressed, and there is no lymphoma": (
        "The possibility of lymphoma raised by the neurosurgeon at the tumour board last month was addressed by the "
        "repeat MRI and CSF cytology, and there is no lymphoma.\n",
        {"cns_lymphoma": A}, None),
    "the concern for a mass addressed by the MRI, which shows no mass": (
        "Follow-up: the concern for a mass from the ED CT was addressed by the MRI, which shows no mass.\n",
        {"conventional_imaging_inconclusive": N}, None),
    "an earlier hedge of the tumour is settled too": (
        "Head CT 10/01/2026: possible tumour.\nThe tumour question raised by that CT in the emergency department on "
        "the night of her first seizure was answered by the MRI on 10/20/2026, which shows no tumour.\n",
        {"brain_neoplasm": A}, None),
    "near miss: the tumour question remains open": (
        "The tumour question remains open.\n", {"brain_neoplasm": S}, None),
    "near miss: the tumour question will be answered by the biopsy": (
        "The tumour question will be answered by the biopsy.\n", {"brain_neoplasm": S}, None),
    "near miss: question of tumour alone": (
        "Question of tumour.\n", {"brain_neoplasm": S}, None),
    "near miss: the answer finds the tumour": (
        "The question of tumour raised in June was answered by the MRI, which showed a glioblastoma.\n",
        {"brain_neoplasm": P}, None),
    "near miss: a question not answered": (
        "The question of a tumour raised at the June visit has not been answered by the MRI; no tumour is seen on it "
        "but a biopsy is planned.\n",
        {"brain_neoplasm": S}, None),
    "near miss: a concern to be addressed next week": (
        "The concern for a tumour raised by the family at the June visit will be addressed by the MRI next week.\n",
        {"brain_neoplasm": S}, None),
    # ------------------------------------------------ 3. a read known only by voice, or whose report never came
    "a verbal preliminary read, the written report not arrived": (
        "Outside MRI brain 11/12/2026. The radiologist gave a verbal preliminary read: a ring lesion, toxo vs "
        "lymphoma. The written report has not arrived.\n",
        {"conventional_imaging_inconclusive": N, "brain_neoplasm": S}, None),
    "it showed, then final report pending": (
        "CT head 11/11/2026. It showed an indeterminate hypodense lesion, abscess versus metastasis. Final report "
        "pending.\n",
        {"conventional_imaging_inconclusive": N, "brain_neoplasm": S}, None),
    "a prelim read heading, then final report pending": (
        "Outside MRI brain 11/12/2026.\nPrelim read: ring-enhancing left basal ganglia lesion, toxoplasmosis versus "
        "lymphoma.\nFinal report pending.\n",
        {"conventional_imaging_inconclusive": N, "brain_neoplasm": S}, None),
    "prelim read by phone": (
        "MRI brain 11/12/2026 - prelim read by phone: ring-enhancing lesion, indeterminate, toxoplasmosis versus "
        "lymphoma.\n",
        {"conventional_imaging_inconclusive": N, "brain_neoplasm": S}, None),
    "the radiologist's verbal read": (
        "MRI brain 11/12/2026: the radiologist's verbal read was an enhancing left frontal lesion, glioma versus "
        "lymphoma, indeterminate.\n",
        {"conventional_imaging_inconclusive": N, "brain_neoplasm": S}, None),
    "the reading room's verbal read only, the reports not arrived": (
        "HPI: 34M with AIDS, new right hemiparesis. MRI brain and CT head were done at County on 11/12/2026.\n"
        "I called the reading room: the radiologist gave a verbal preliminary read only - a ring lesion, toxo vs "
        "lymphoma. The written reports have not arrived.\n",
        {"conventional_imaging_inconclusive": N, "brain_neoplasm": S}, None),
    "near miss: the final report attached after the verbal read": (
        "Outside MRI brain 11/12/2026. The radiologist gave a verbal preliminary read: ring lesion. Final report "
        "(attached): ring-enhancing lesion, indeterminate, toxoplasmosis versus lymphoma.\n",
        {"conventional_imaging_inconclusive": P, "brain_neoplasm": S}, None),
    "near miss: a preliminary report attached and signed": (
        "CT head 11/11/2026. It showed an indeterminate hypodense lesion, abscess versus metastasis. Preliminary "
        "report (attached, signed).\n",
        {"conventional_imaging_inconclusive": P, "brain_neoplasm": S}, None),
    "near miss: the written report later in the packet": (
        "MRI brain 11/12/2026 - final report pending; wet read: ring lesion, toxoplasmosis versus lymphoma." + FF
        + "MRI BRAIN WITH AND WITHOUT CONTRAST 11/12/2026\nFINDINGS: Ring-enhancing left basal ganglia lesion.\n"
          "IMPRESSION: Ring-enhancing lesion, indeterminate; toxoplasmosis versus lymphoma.\n",
        {"conventional_imaging_inconclusive": P, "brain_neoplasm": S}, None),
    "near miss: the biopsy report is the one pending": (
        "CT head 11/11/2026. It showed an indeterminate hypodense lesion, abscess versus metastasis. Biopsy report "
        "pending.\n",
        {"conventional_imaging_inconclusive": P, "brain_neoplasm": S}, None),
}


@pytest.mark.parametrize(("text", "expected", "mri_date"), CASES.values(), ids=CASES.keys())
def test_study_boundaries(analyze: Any, text: str, expected: dict[str, FactStatus], mri_date: str | None) -> None:
    facts = paged_facts_of(analyze, text + PLAN + REQUEST_TAIL)
    check_facts(facts, expected)
    if mri_date is not None:
        assert [s.date for s in facts.imaging if s.modality == "MRI"] == [mri_date], facts.imaging
