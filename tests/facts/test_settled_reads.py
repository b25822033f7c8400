"""What the packet itself settles, through the real NLP stage: a differential later refuted, the expected result of
the requested MRS, and treatments that were not given since the latest study.

Rows are freshly written fragments in several styles (dictation, EHR export, terse fax form, letter). Near misses
must keep today's reading: an open differential, "less likely", "not favoured but not excluded", an exclusion of
another diagnosis, a current diagnosis beside a plan, a treatment really given since the study.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED


# ------------------------------------------------------------------ 1. a hedge or differential the packet settles
# case, text, {fact: expected status}
SETTLED = [
    ("considered, then not supported (same sentence, withdrawal after the hedge)",
     "Primary CNS lymphoma was considered by the referring team and is not supported by the CSF and imaging "
     "review.\n", {"cns_lymphoma": A, "brain_neoplasm": A}),
    ("entertained early, excluded by biopsy after a conjunction",
     "Glioblastoma was entertained at first but excluded on stereotactic biopsy.\n", {"glial_neoplasm": A}),
    ("an admission differential, then 'this has since been excluded'",
     "The differential on admission included metastatic disease; this has since been excluded.\n",
     {"brain_metastasis": A, "brain_neoplasm": A}),
    ("a hedge, then 'which was subsequently ruled out'",
     "There was concern for a pyogenic abscess, which was subsequently ruled out.\n", {"brain_infection": A}),
    ("a referring word opens the next sentence",
     "The outside CT raised the possibility of metastasis. This was eliminated by whole-body PET and biopsy.\n",
     {"brain_metastasis": A}),
    ("a dated past differential settled by a later sentence: no tumor differential, no open read",
     "MRI brain 04/11/2025: right parietal lesion, low-grade glioma versus subacute infarct.\nFollow-up MRI "
     "07/02/2025 showed evolution typical of infarct. Neoplasm was ruled out.\n",
     {"glial_neoplasm": N, "tumor_vs_nontumor_differential": N, "conventional_imaging_inconclusive": A}),
    ("one sentence: a list initially weighed, one side confirmed, tumor ruled out (clauses)",
     "In 2023 the lesion was initially considered (low-grade glioma vs demyelination vs infarct); repeat imaging "
     "confirmed a remote infarct; tumor was ruled out.\n",
     {"glial_neoplasm": N, "brain_neoplasm": A, "tumor_vs_nontumor_differential": N}),
    ("terse: both sides of a list excluded by reference",
     "Outside MRI: glioma and lymphoma were considered; both have since been excluded.\n",
     {"glial_neoplasm": A, "cns_lymphoma": A}),
    ("a possibility settled by the specialist team (British spelling)",
     "Possible demyelinating disease on the 2024 scan; this possibility was ruled out by the neuroimmunology "
     "team.\n", {"demyelination": A}),
    # near misses: the differential is still open, or the verdict is about something else
    ("near miss: initially weighed, follow-up still indeterminate",
     "Initially considered glioma vs demyelination; follow-up MRI 10/01/2026 unchanged, still indeterminate.\n",
     {"glial_neoplasm": S, "tumor_vs_nontumor_differential": P, "conventional_imaging_inconclusive": P}),
    ("near miss: less likely stays a suspicion",
     "Impression: lymphoma less likely; glioma remains the leading consideration.\n",
     {"cns_lymphoma": S, "glial_neoplasm": S}),
    ("near miss: not favoured but not excluded",
     "Metastasis is not favoured but not excluded.\n", {"brain_metastasis": S}),
    ("near miss: the ruled-out diagnosis is another one",
     "Right frontal mass, glioma versus abscess; infection was ruled out with CSF studies.\n",
     {"glial_neoplasm": S}),
    ("near miss: considered, and the work-up goes on",
     "Lymphoma was considered at the outside hospital; the work-up is still in progress.\n",
     {"cns_lymphoma": S}),
    ("near miss: a reference to a plan, not a verdict",
     "Concern for lymphoma; this will be evaluated with MR spectroscopy.\n", {"cns_lymphoma": S}),
    ("near miss: a tumor excluded years before a new suspicion",
     "Tumor was ruled out in 2019 after a first seizure.\nMRI 10/20/2026: new left frontal mass, suspicious for "
     "glioma.\n",
     {"glial_neoplasm": S}),
]


@pytest.mark.parametrize(("case", "text", "expected"), SETTLED, ids=[c[0] for c in SETTLED])
def test_a_settled_hedge_is_no_suspicion(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), expected)


def test_a_settled_differential_names_its_statement(fragment_facts) -> None:  # type: ignore[no-untyped-def]
    facts = fragment_facts("MRI brain 04/11/2025: right parietal lesion, low-grade glioma versus subacute infarct.\n"
                     "Follow-up MRI 07/02/2025 showed evolution typical of infarct. Neoplasm was ruled out.\n")
    [e] = [e for e in facts.facts["glial_neoplasm"].ignored if e.text == "low-grade glioma"]
    assert e.attributes["superseded_by"] == "settled"
    assert e.attributes["superseded_by_text"] == "Neoplasm"
    assert "supersede.settling_rules" in e.attributes["cue"].split()


# ------------------------------------------------------------------ 2. the anticipated result of the MRS
ANTICIPATED = [
    ("a pattern would prompt biopsy",
     "MR spectroscopy requested. A lymphoma pattern would prompt biopsy rather than resection.\n",
     {"cns_lymphoma": N}),
    ("a peak on MRS would support one side",
     "Findings of a lactate peak on MRS would support an abscess over glioblastoma.\n",
     {"glial_neoplasm": N, "brain_infection": N}),
    ("a long condition up to its comma",
     "Should the spectrum show a raised choline to NAA ratio typical of a high-grade glioma, she will be referred "
     "to neurosurgery.\n", {"glial_neoplasm": N}),
    ("if MRS shows ... consistent with tumor, we will resect",
     "If MRS shows elevated choline consistent with tumor we will proceed to resection.\n", {"brain_neoplasm": N}),
    ("a spectrum that would favor a diagnosis",
     "Plan: MRS. An elevated lipid-lactate doublet would favour lymphoma.\n", {"cns_lymphoma": N}),
    ("the expected findings of a diagnosis",
     "Expected spectroscopic findings in metastasis include a lipid peak without intratumoral choline.\n",
     {"brain_metastasis": N}),
    ("in case the spectroscopy demonstrates recurrence",
     "Known glioblastoma. In case the spectroscopy demonstrates recurrent tumor, re-resection is planned.\n",
     {"recurrent_or_residual_tumor": N}),
    ("the study is expected to show",
     "The MRS is expected to show a high choline peak if this is lymphoma.\n", {"cns_lymphoma": N}),
    # near misses: a stated current diagnosis in the same sentence as a plan; a past MRS read
    ("near miss: known lymphoma; MRS to assess response",
     "Known CNS lymphoma; MRS to assess response to methotrexate.\n", {"cns_lymphoma": P}),
    ("near miss: a prior MRS read, hedged",
     "Prior MRS 09/14/2026 showed elevated choline, which would support glioma.\n", {"glial_neoplasm": S}),
    ("near miss: biopsy-proven glioma with a conditional plan",
     "Biopsy-proven oligodendroglioma. If MRS shows a high-grade pattern we will re-resect.\n",
     {"glial_neoplasm": P}),
]


@pytest.mark.parametrize(("case", "text", "expected"), ANTICIPATED, ids=[c[0] for c in ANTICIPATED])
def test_an_anticipated_result_is_no_diagnosis(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), expected)


# ------------------------------------------------------------------ 3. treatment since the latest imaging
STUDY = "MRI brain 10/20/2026: enhancing right frontal lesion, recurrence versus treatment effect.\n"
SINCE = [
    ("holding temozolomide since the MRI", STUDY + "Holding temozolomide since that MRI.\n", A),
    ("TMZ on hold", STUDY + "Since the scan, TMZ is on hold.\n", A),
    ("bevacizumab deferred pending MRS", STUDY + "After the MRI, bevacizumab was deferred pending MRS.\n", N),
    ("bevacizumab deferred", STUDY + "Bevacizumab has been deferred since the MRI.\n", A),
    ("will start radiation after MRS", STUDY + "Will start radiation after the MRS.\n", N),
    ("declined chemotherapy", STUDY + "Since that MRI she declined further chemotherapy.\n", A),
    ("stopped after the MRI", STUDY + "Lomustine was stopped after the MRI because of thrombocytopenia.\n", A),
    ("s/p chemoradiation long before the study",
     "MRI brain 10/20/2026, s/p chemoradiation 03/2024: new enhancement at the margin.\n", N),
    ("history before the study, with a since-word",
     STUDY + "Radiosurgery 02/15/2025 preceded the MRI; headaches since.\n", N),
    ("planned after the MRI", STUDY + "Following the MRI, re-resection is scheduled for next month.\n", N),
    # near misses: a treatment given since the study stays
    ("near miss: started after the dated MRI",
     STUDY + "Started dexamethasone after the 10/20 MRI for edema.\n", P),
    ("near miss: cycles completed since the last scan",
     STUDY + "Completed 2 cycles of lomustine since the last scan.\n", P),
    ("near miss: dated after the study", STUDY + "Bevacizumab 11/02/2026, first dose.\n", P),
    ("near miss: resumed after the MRI",
     STUDY + "Temozolomide was held in September and resumed after the MRI.\n", P),
]


@pytest.mark.parametrize(("case", "text", "expected"), SINCE, ids=[c[0] for c in SINCE])
def test_treatment_since_imaging_is_given_treatment(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    f = fragment_facts(text).facts["treatment_since_imaging"]
    assert f.status is expected, (f.note, [(e.text, e.assertion, e.modifier_rules) for e in f.evidence])
