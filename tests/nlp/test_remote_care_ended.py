"""A remote tumor whose care has ended, told again as a record, or beside a non-tumor finding that progresses.

- An end of care written in other ways ("the surgeon discharged her from clinic follow-up", "released him from
  oncology care", "finished her surveillance program", "completed 8 years of surveillance scans"), in the tumor's
  sentence or the next one of its paragraph, makes the tumor remote; a finished surveillance is not an active one.
  "Remains on annual surveillance", "surveillance ... continues" and "now completing radiation" stay current.
- Once a tumor is remote, a mention in the same words that reads as a record of the past (a copied pathology line,
  "underwent GTR of ... at age 7") is remote too; a different, current tumor, or a new nodule at the resection site,
  keeps the packet's tumor current.
- The progression of a non-tumor finding (white matter hyperintensities, atrophy, microangiopathic change) does not
  reopen a remote tumor nor give a recurrent or residual tumor; the progression of a nodule at the resection site
  or of the known tumor does.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts, facts_of

from pipeline.contracts import FactStatus

P, A, N = FactStatus.PRESENT, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
R = "Request date: 11/20/2026\n"
OVER = {"brain_neoplasm": A, "known_brain_tumor": A}
KNOWN = {"brain_neoplasm": P, "known_brain_tumor": P}

# ------------------------------------------------------------------ 1. the end of care, written other ways
CARE_ENDED = [
    ("the surgeon discharged her", R + "PMH: meningioma resected 2019; the surgeon discharged her from clinic "
     "follow-up in 2023.\n", OVER),
    ("released him from oncology care", R + "Past history: ependymoma resected 2018 and oncology released him from "
     "care in 2024.\n", OVER),
    ("finished her surveillance program", R + "PMH: low-grade glioma resected 2017; she finished her surveillance "
     "program in 2023.\n", OVER),
    ("completed years of surveillance scans", R + "Oligodendroglioma resected 2016, completed 8 years of "
     "surveillance scans with no recurrence.\n", OVER),
    ("discharging him in the next sentence", R + "PMH: meningioma resected 2020. We are discharging him from our "
     "service; no more tumor imaging is needed.\n", OVER),
    ("discharged in the next sentence, plain", R + "History: left frontal astrocytoma removed in 2017. Dr. Lee "
     "discharged the patient from neurosurgery clinic in 2022.\n", OVER),
    ("completion of follow-up", R + "Hx of central neurocytoma s/p resection 2015 with completion of oncologic "
     "follow-up in 2021.\n", OVER),
    ("surveillance program completed", R + "PMH: choroid plexus papilloma excised in 2017, surveillance imaging "
     "completed 2022.\n", OVER),
    ("near miss: remains on annual surveillance", R + "PMH: meningioma resected 2019, remains on annual "
     "surveillance.\n", KNOWN),
    ("near miss: surveillance continues", R + "PMH: oligodendroglioma resected 2018; surveillance MRI every 6 "
     "months continues.\n", KNOWN),
    ("near miss: now completing radiation", R + "Glioblastoma resected 09/2026, now completing radiation.\n", KNOWN),
    ("near miss: currently on surveillance", R + "Diagnosis: ependymoma resected 2012, currently on surveillance "
     "MRI.\n", KNOWN),
    ("near miss: will complete surveillance", R + "Ependymoma resected 2020, on surveillance until 2030.\n", KNOWN),
    ("near miss: a discharge from the hospital", R + "Astrocytoma resected 08/2026, discharged from the hospital "
     "on 08/20/2026.\n", KNOWN),
    ("near miss: the next line opens another paragraph", R + "PMH: meningioma resected 2020.\nHPI: discharged from "
     "clinic follow-up last year, now with a first seizure.\n", KNOWN),
    ("near miss: next sentence names another tumor", R + "PMH: meningioma resected 2020. Glioblastoma diagnosed "
     "10/2026; discharged from the meningioma clinic.\n", KNOWN),
]


@pytest.mark.parametrize(("case", "text", "expected"), CARE_ENDED, ids=[c[0] for c in CARE_ENDED])
def test_an_end_of_care_written_other_ways(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    facts = facts_of(analyze, text)
    check_facts(facts, expected)


# ------------------------------------------------------------------ 2. the same remote tumor, told again as a record
TOLD_AGAIN = [
    ("a copied pathology report", R + "HPI: 24-year-old with migraines.\nPMH: pilocytic astrocytoma resected 2006, "
     "discharged from follow-up.\n\nPATHOLOGY REPORT (copied)\nDiagnosis: Pilocytic astrocytoma, WHO grade 1.\n",
     OVER),
    ("an operative history line", R + "HPI: 24-year-old with migraines.\nMRI brain 10/2026: no residual or recurrent "
     "tumor.\nDiagnosis: pilocytic astrocytoma, resected 2006, no residual.\nOperative history: pilocytic "
     "astrocytoma GTR 2006.\n", OVER),
    ("a second paragraph", R + "HPI: 25-year-old woman with new headaches. She underwent GTR of a ganglioglioma at "
     "age 7.\nPMH: ganglioglioma resected 2008, no recurrence, discharged from follow-up.\n", OVER),
    ("final diagnosis label", R + "PMH: subependymoma excised 2009, cured.\nFinal diagnosis: subependymoma (2009 "
     "specimen).\n", OVER),
    ("a bulleted surgical line", R + "Past history: craniopharyngioma removed in 2003, no further follow-up "
     "required.\nSurgeries:\n- craniopharyngioma excision (2003)\n", OVER),
    ("dx line with an age", R + "28-year-old man with tension headaches.\nPMH: medulloblastoma treated at age 6, "
     "discharged from oncology.\nDx: medulloblastoma at age 6.\n", OVER),
    ("status post in the assessment", R + "PMH: meningioma resected 2010; released from neurosurgery follow-up.\n"
     "Assessment: status post meningioma resection, now with migraine.\n", OVER),
    ("pathology with a year", R + "PMH: ependymoma resected 2012, discharged from clinic.\nPathology 2012: "
     "ependymoma, WHO grade 2.\n", OVER),
    ("near miss: a different, current tumor", R + "PMH: ganglioglioma resected in 2005, discharged from "
     "follow-up.\nDiagnosis: glioblastoma, IDH-wildtype (biopsy 10/2026).\n", KNOWN),
    ("near miss: a new nodule at the site", R + "PMH: ganglioglioma resected in 2005, discharged from follow-up.\n"
     "Diagnosis: ganglioglioma.\nMRI: new enhancing nodule at the resection site.\n", KNOWN),
    ("near miss: the same words on current imaging", R + "PMH: meningioma resected 2008, discharged from "
     "follow-up.\n\nMRI BRAIN 10/2026\nIMPRESSION:\n1. Meningioma along the left convexity.\n", KNOWN),
    ("near miss: the same words with a current date", R + "PMH: meningioma resected 2008, discharged from "
     "follow-up.\n\nHPI: MRI in October 2026 showed a meningioma along the left convexity.\n", KNOWN),
    ("near miss: the record says it is followed", R + "PMH: ependymoma resected 2012, discharged from clinic.\n"
     "Diagnosis: ependymoma resected 2012, currently on surveillance MRI.\n", KNOWN),
]


@pytest.mark.parametrize(("case", "text", "expected"), TOLD_AGAIN, ids=[c[0] for c in TOLD_AGAIN])
def test_the_same_remote_tumor_told_again_as_a_record(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    facts = facts_of(analyze, text)
    check_facts(facts, expected)


# ------------------------------------------------------------------ 3. a non-tumor finding that progresses
REMOTE = R + "PMH: meningioma resected 2008, discharged from follow-up.\n"
NOT_REOPENED = {"known_brain_tumor": A, "recurrent_or_residual_tumor": N}
REOPENED = {"known_brain_tumor": P, "recurrent_or_residual_tumor": P}
NONTUMOR_PROGRESSION = [
    ("T2 hyperintensities", REMOTE + "MRI: scattered periventricular T2 hyperintensities with interval "
     "progression.\n", NOT_REOPENED),
    ("age-related change", REMOTE + "MRI: age-related changes with mild interval progression.\n", NOT_REOPENED),
    ("WMH abbreviation", REMOTE + "MRI: WMH show slight interval progression since 2015.\n", NOT_REOPENED),
    ("subcortical hyperintensities", REMOTE + "Impression: Nonspecific subcortical hyperintensities, interval "
     "progression compared to 2019.\n", NOT_REOPENED),
    ("ventricular size", REMOTE + "Impression: interval increase in ventricular size, with progression since "
     "2020.\n", NOT_REOPENED),
    ("FLAIR hyperintensities progressed", REMOTE + "Findings: bilateral FLAIR hyperintensities, progression "
     "since 2017, likely chronic small vessel change.\n", NOT_REOPENED),
    ("lacunes", REMOTE + "Impression: several lacunes with interval progression.\n", NOT_REOPENED),
    ("sulcal widening", REMOTE + "Impression: sulcal widening, mild progression from 2021.\n", NOT_REOPENED),
    ("no enhancement, no mass effect", REMOTE + "MRI: T2 hyperintensities with interval progression, no "
     "enhancement or mass effect.\n", NOT_REOPENED),
    ("near miss: the resection-cavity nodule", REMOTE + "MRI: interval progression of the enhancing "
     "resection-cavity nodule.\n", REOPENED),
    ("near miss: the known tumor", REMOTE + "MRI: progression of the known meningioma.\n", REOPENED),
    ("near miss: hyperintensity at the surgical bed", REMOTE + "MRI: T2 hyperintensity around the surgical bed with "
     "interval progression.\n", REOPENED),
    ("near miss: enhancing hyperintensity", REMOTE + "MRI: T2 hyperintensities, now enhancing, with interval "
     "progression.\n", REOPENED),
]


@pytest.mark.parametrize(("case", "text", "expected"), NONTUMOR_PROGRESSION,
                         ids=[c[0] for c in NONTUMOR_PROGRESSION])
def test_a_non_tumor_progression_does_not_reopen(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    facts = facts_of(analyze, text)
    check_facts(facts, expected)
