"""A remote, finished tumor and a disease named as a kind make no current claim, through the real NLP stage.

1. A problem-list row laid out as a table (pipes, or columns that the text normalisation runs together) whose
   status cell says the problem is over ("| Past |", "| Resolved |", "Inactive 2009") is historical, however much
   the row says before it ("Hx brain tumor (...) s/p resection"); "Active", "Current", "Ongoing" rows stay current,
   and one row's status does not reach another row (context hist.status_column, hist.status_cell_end,
   scope.resolved_course).
2. A tumor named as the object of a removal told as done ("underwent gross total resection of a ... meningioma in
   2009", "gross total resection of an oligodendroglioma in 2011") is history, and over when it was long ago;
   a recent removal, a residual tumor or a current treatment keep it current (context hist.removal_object).
3. A bare "interval progression" whose own sentence names no subject is about the finding named in the sentence
   before it in the same paragraph: white matter, atrophy, microbleeds are no tumor (scope.resolved_course,
   reopened_about_tumor.look_back).
4. A disease named as a kind is no claim about the patient: both sides of a contrast of kinds ("lymphoma calls for
   ... whereas toxoplasmosis is treated empirically"), a kind that "would send us to biopsy", and a disease that only
   names what a result would look like ("a glioma-like pattern", "a lymphoma pattern on MRS shows ...") (context
   hyp.kind_contrast, hyp.would, hyp.kind_pattern). The patient's own disease stays present.

Rows are freshly written in several styles; rows marked "near miss" must keep today's reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
R = "Request date: 11/20/2026\n"
OVER = {"brain_neoplasm": A, "known_brain_tumor": A}
KNOWN = {"brain_neoplasm": P, "known_brain_tumor": P}

# ------------------------------------------------------------------ 1. a table row whose status says it is over
STATUS_ROWS = [
    ("pipe table, hx row with a site in brackets", R + "HPI: 46-year-old with tension headaches.\nProblem List:\n"
     "| Problem | Status | Noted |\n| Hx brain tumor (falcine meningioma) s/p resection | Resolved | 2012 |\n"
     "| Hypertension | Active | 2016 |\n", OVER),
    ("pipes without outer bars, status Past", R + "HPI: dizziness.\nProblems:\nMedulloblastoma (childhood) s/p "
     "resection | Past | 2001\nDepression | Current | 2020\n", OVER),
    ("tab-separated columns, status Past", R + "HPI: chronic migraine.\nProblems:\nPilocytic astrocytoma, "
     "cerebellar\tPast\t1998\nAsthma\tCurrent\t2005\n", OVER),
    ("space-aligned columns, Inactive with a recent year", R + "HPI: vertigo.\nPROBLEM LIST\n"
     "Oligodendroglioma s/p resection       Inactive      2019\nGERD                                  Active"
     "        2021\n", OVER),
    ("status Historical, hx row with a code cell", R + "HPI: syncope.\nActive and past problems:\n"
     "Hx brain tumor (ependymoma) s/p GTR | D43.1 | Historical | 2010\nType 2 diabetes | E11.9 | Active | 2018\n",
     OVER),
    ("tab columns, Historical, month and year", R + "HPI: neck pain.\nProblem\tStatus\tDate\n"
     "Ganglioglioma, left temporal, s/p lobectomy\tHistorical\t03/2015\nHypothyroidism\tActive\t06/2019\n", OVER),
    ("near miss: status Active in a pipe row", R + "HPI: headaches.\nProblem List:\n| Problem | Status | Noted |\n"
     "| Hx brain tumor (meningioma) s/p resection | Active | 2012 |\n| Hypertension | Resolved | 2016 |\n", KNOWN),
    ("near miss: status Ongoing in columns", R + "HPI: headaches.\nProblems:\nAnaplastic astrocytoma s/p "
     "resection\tOngoing\t2025\nAsthma\tPast\t2001\n", KNOWN),
    ("near miss: status Current, another row Past", R + "HPI: headaches.\nProblems:\n"
     "Glioblastoma, right temporal | Current | 2026\nChildhood asthma | Past | 1999\n", KNOWN),
    ("near miss: a past row beside a current tumor row", R + "HPI: headaches.\nProblem list:\n"
     "Meningioma, left convexity | Active | 2024\nHx brain tumor s/p resection | Past | 2005\n", KNOWN),
]


@pytest.mark.parametrize(("case", "text", "expected"), STATUS_ROWS, ids=[c[0] for c in STATUS_ROWS])
def test_a_status_cell_that_says_over(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text), expected)


# ------------------------------------------------------------------ 2. the object of a removal told as done
REMOVED = [
    ("underwent GTR of a graded meningioma in a year", R + "HPI: 52-year-old woman with new daily headaches. She "
     "underwent gross total resection of a right frontal convexity meningioma (WHO grade I) in 2009.\n", OVER),
    ("GTR, then a clean MRI years later", R + "HPI: 41-year-old man. He underwent gross total resection of a left "
     "cerebellar pilocytic astrocytoma (WHO grade 1) in 2012. MRI in 2019 showed no residual or recurrent tumor.\n",
     OVER),
    ("a history line without a verb", R + "History: gross total resection of a right frontal oligodendroglioma in "
     "2011. Follow-up MRI in 2020 showed no evidence of recurrence.\n", OVER),
    ("craniotomy and resection, follow-up ended", R + "HPI: 48-year-old with neck pain. She underwent craniotomy "
     "and resection of a parasagittal meningioma in 2006; no further tumor follow-up is needed.\n", OVER),
    ("s/p resection of, with an age", R + "HPI: 31-year-old with migraines, s/p resection of a fourth ventricular "
     "ependymoma at age 7.\n", OVER),
    ("resection of, as a child", R + "PMH: resection of a posterior fossa medulloblastoma as a child, no "
     "recurrence.\n", OVER),
    ("near miss: a removal this year", R + "HPI: She underwent gross total resection of a right frontal meningioma "
     "(WHO grade I) in 2026.\n", KNOWN),
    ("near miss: subtotal, residual followed", R + "HPI: Subtotal resection of a left frontal astrocytoma in 2012; "
     "residual enhancing tumor is being followed.\n", KNOWN),
    ("near miss: resection of, then temozolomide", R + "HPI: Status post resection of a right temporal "
     "glioblastoma, on adjuvant temozolomide.\n", KNOWN),
    ("near miss: a resection planned", R + "Plan: resection of the left frontal glioma is scheduled for "
     "12/2026.\n", KNOWN),
    ("near miss: a remote removal, now new enhancement", R + "HPI: She underwent resection of a left parietal "
     "astrocytoma in 2010, now new enhancement along the cavity.\n", KNOWN),
]


@pytest.mark.parametrize(("case", "text", "expected"), REMOVED, ids=[c[0] for c in REMOVED])
def test_the_object_of_a_removal_told_as_done(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text), expected)


# ------------------------------------------------------------------ 3. a bare progression after its subject
REMOTE = R + "HPI: 71-year-old with gait decline. Meningioma resected in 2003, discharged from neurosurgery in 2010.\n"
NOT_REOPENED = {"known_brain_tumor": A, "recurrent_or_residual_tumor": N}
REOPENED = {"known_brain_tumor": P, "recurrent_or_residual_tumor": P}
BARE_PROGRESSION = [
    ("white matter, then interval progression", REMOTE + "MRI 10/2026: Periventricular white matter "
     "hyperintensities. Interval progression compared with 2019.\n", NOT_REOPENED),
    ("Fazekas grade, then progression", REMOTE + "Impression: Fazekas grade 2 small vessel change. Mild interval "
     "progression since the prior study.\n", NOT_REOPENED),
    ("atrophy, then progression", REMOTE + "Findings: Generalized cerebral atrophy. There has been interval "
     "progression.\n", NOT_REOPENED),
    ("microbleeds, then progression", REMOTE + "MRI: Scattered cortical microbleeds. Progression from the 2021 "
     "exam.\n", NOT_REOPENED),
    ("gliosis, then progression, semicolon", REMOTE + "MRI: gliosis in the left frontal white matter; interval "
     "progression.\n", NOT_REOPENED),
    ("near miss: enhancing component, then progression", REMOTE + "MRI: Enhancing component at the resection "
     "margin. Interval progression since 2025.\n", REOPENED),
    ("near miss: the sentence before names a nodule", REMOTE + "MRI: nodule along the falx. Interval progression "
     "compared with 06/2026.\n", REOPENED),
    ("near miss: another paragraph before", REMOTE + "MRI: White matter hyperintensities.\n\nIMPRESSION: Interval "
     "progression.\n", REOPENED),
    ("near miss: progression of the residual tumor", REMOTE + "MRI: progression of the residual tumor.\n",
     REOPENED),
]


@pytest.mark.parametrize(("case", "text", "expected"), BARE_PROGRESSION, ids=[c[0] for c in BARE_PROGRESSION])
def test_a_bare_progression_reads_its_subject_before(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text), expected)


# ------------------------------------------------------------------ 4. a disease named as a kind
KINDS = [
    ("contrast of kinds, bare nouns", R + "Assessment: ring-enhancing lesion. Lymphoma calls for tissue diagnosis "
     "and high-dose methotrexate, whereas toxoplasmosis is treated empirically.\n",
     {"cns_lymphoma": N, "prior_chemotherapy": N, "brain_infection": N}),
    ("contrast of kinds, plural nouns", R + "Metastases need a systemic staging work-up, while abscesses are "
     "drained.\n", {"brain_metastasis": N, "brain_infection": N}),
    ("contrast of kinds, a glioblastoma", R + "Glioblastoma requires maximal safe resection and chemoradiation, "
     "whereas a metastasis is treated with radiosurgery.\n",
     {"glial_neoplasm": N, "brain_metastasis": N, "prior_radiation": N}),
    ("a kind-type spectrum would send us to biopsy", R + "A lymphoma-type spectrum would send us to biopsy.\n",
     {"cns_lymphoma": N}),
    ("a kind-like pattern would favour surgery", R + "If approved: a glioma-like pattern (high choline, low NAA) "
     "would favour resection.\n", {"glial_neoplasm": N, "brain_neoplasm": N}),
    ("a kind pattern characterised", R + "Rationale: a lymphoma pattern on MRS shows a lipid peak with high "
     "choline.\n", {"cns_lymphoma": N}),
    ("an abscess-type profile", R + "Rationale: an abscess-type profile has amino acid peaks and lactate.\n",
     {"brain_infection": N}),
    ("a metastasis-like spectrum would push us", R + "A metastasis-like spectrum would push us toward a body "
     "CT.\n", {"brain_metastasis": N}),
    ("near miss: her lymphoma calls for", R + "Her lymphoma calls for high-dose methotrexate, whereas the "
     "seizures are treated with levetiracetam.\n", {"cns_lymphoma": P}),
    ("near miss: biopsy-proven lymphoma requires", R + "Biopsy-proven lymphoma requires methotrexate, whereas "
     "toxoplasmosis is treated empirically.\n", {"cns_lymphoma": P}),
    ("near miss: the lymphoma was treated", R + "The lymphoma was treated with methotrexate in 2025.\n",
     {"cns_lymphoma": P, "prior_chemotherapy": P}),
    ("near miss: a study showed the pattern", R + "MRS 10/2026 showed a glioma-like pattern with high "
     "choline.\n", {"glial_neoplasm": P}),
]


@pytest.mark.parametrize(("case", "text", "expected"), KINDS, ids=[c[0] for c in KINDS])
def test_a_disease_named_as_a_kind(analyze, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text), expected)
