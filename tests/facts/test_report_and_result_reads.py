"""Reads of imaging reports and test results (end to end, text -> facts):

- a combined MRI + MRS report: a verdict about the spectrum is the MRS's, one about conventional findings the
  MRI's (cues `study.spectrum_read`, `study.conventional_read`, facts/imaging.py);
- "vs" followed by a date or an earlier study is a comparison, not a differential (`look.comparison_versus`,
  `pseudo.comparison_versus`);
- a negation that opens a comma list reaches a verdict item whose own words hold a hedge cue ("no mass effect, no
  atypical features"; nlp/context_scoped.py `_may_end`);
- a negative test result in shorthand is absent for the infection it tests, also in a line weighing options
  (`neg.test_result_short`, scope `test_result`); a positive antibody test is seropositivity, no brain infection
  (`look.seropositive`)."""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import check_facts, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
TAIL = "\n\nDate of request: 11/20/2026\n"


def _studies(analyze: Any, body: str) -> list[str]:
    return [f"{s.modality} {'/'.join(s.verdicts) or '-'}" for s in facts_of(analyze, body + TAIL).imaging]


# ------------------------------------------------------------------ 1. combined MRI + MRS reports
# id, report, studies "MODALITY VERDICTS" in order, conventional_imaging_inconclusive, mri_nondiagnostic
COMBINED = [
    ("spectrum-and-conventional-both-open",
     "MRI brain with single-voxel MRS 09/14/2026\nFINDINGS: Faint T2 signal in both thalami.\nIMPRESSION: Faint "
     "bithalamic T2 signal, nonspecific; an inherited metabolic disorder is not excluded. The NAA peak is mildly "
     "low, of uncertain significance.", ["MRI inconclusive", "MRS inconclusive"], P, P),
    ("definite-mri-open-spectrum",
     "MRI BRAIN W/WO CONTRAST + MR SPECTROSCOPY 08/30/2026\nFINDINGS: Large necrotic enhancing mass.\n"
     "IMPRESSION: 1. Classic appearance of glioblastoma. 2. Spectroscopy is equivocal.",
     ["MRI conclusive", "MRS inconclusive"], A, A),
    ("definite-mri-open-metabolites",
     "Exam: MRI brain including proton spectroscopy\nDate: 07/19/2026\nFINDINGS: Solitary enhancing lesion.\n"
     "IMPRESSION: Consistent with a meningioma. Choline and creatine peaks are indeterminate.",
     ["MRI conclusive", "MRS inconclusive"], A, A),
    ("open-mri-definite-spectrum",
     "MRI brain and MRS 10/05/2026\nFINDINGS: Subcortical T2 hyperintense focus.\nIMPRESSION: Focus is "
     "indeterminate. The spectrum is typical of a low-grade glioma.",
     ["MRI inconclusive", "MRS conclusive"], P, P),
    ("ratio-indeterminate-lesion-characteristic",
     "MRI BRAIN WITH MRS 06/11/2026\nFINDINGS: Ring-enhancing lesion.\nIMPRESSION: Findings characteristic of "
     "an abscess. Lactate and lipid peaks non-diagnostic.", ["MRI conclusive", "MRS inconclusive"], A, A),
    # near misses: a read that names no spectrum is both studies' (unchanged); a clause that reads both is both's
    ("no-spectrum-read-stays-shared",
     "MRI brain + single-voxel MRS 10/02/2026\nFINDINGS: Enhancing lesion in the right parietal lobe.\n"
     "IMPRESSION: Indeterminate for recurrence versus treatment effect.",
     ["MRI inconclusive", "MRS inconclusive"], P, P),
    ("clause-reads-both",
     "MRI brain with MR spectroscopy 05/03/2026\nFINDINGS: Enhancing mass.\nIMPRESSION: Enhancing mass with "
     "elevated choline, consistent with a high-grade glioma.", ["MRI conclusive", "MRS conclusive"], A, A),
    ("plain-mri-unchanged",
     "MRI BRAIN WITHOUT CONTRAST 10/02/2026\nFINDINGS: Enhancing lesion.\nIMPRESSION: Typical appearance of a "
     "meningioma. Spectroscopy could be considered.", ["MRI conclusive"], A, A),
]


@pytest.mark.parametrize(("body", "studies", "inconclusive", "nondiagnostic"), [c[1:] for c in COMBINED],
                         ids=[c[0] for c in COMBINED])
def test_combined_report_verdicts(analyze, body, studies, inconclusive, nondiagnostic):  # type: ignore[no-untyped-def]
    assert _studies(analyze, body) == studies
    check_facts(facts_of(analyze, body + TAIL), {"conventional_imaging_inconclusive": inconclusive,
                                                 "mri_nondiagnostic": nondiagnostic})


# ------------------------------------------------------------------ 2. "vs" a date or an earlier study
# id, text, conventional_imaging_inconclusive, brain_lesion
COMPARISONS = [
    ("vs-month-year", "MRI brain 10/12/2026\nIMPRESSION: Three new T2 lesions vs 04/2026.", N, P),
    # "otherwise unremarkable" beside the lesions is no verdict on them (verdict.remainder_normal): no read, as
    # "vs-month-year"
    ("versus-full-date", "MRI BRAIN 09/09/2026: two enlarging periventricular lesions versus 03/14/2026, "
     "otherwise unremarkable.", N, P),
    ("stable-vs-prior", "MRI brain 10/12/2026\nIMPRESSION: Left frontal lesion, stable vs prior.", A, P),
    ("vs-dot-the-prior-study", "MRI brain 10/12/2026\nIMPRESSION: New enhancing focus vs. the prior study.", N, P),
    ("vs-month-scan", "MRI brain 10/12/2026\nIMPRESSION: Slight growth of the lesion vs the March scan.", N, P),
    ("vs-year", "CT head 10/12/2026\nIMPRESSION: Hypodense lesion, unchanged vs 2025.", A, P),
    ("compared-with-month", "MRI brain 10/12/2026\nIMPRESSION: Enlarging lesion compared with the June MRI.", A, P),
    # near misses: a differential stays a differential
    ("differential-stays", "MRI brain 10/12/2026\nIMPRESSION: New T2 lesions, demyelination vs tumor.", P, S),
    ("vs-prior-infarct-stays", "MRI brain 10/12/2026\nIMPRESSION: Cortical lesion, glioma versus prior "
     "infarct.", P, S),
]


@pytest.mark.parametrize(("text", "inconclusive", "lesion"), [c[1:] for c in COMPARISONS],
                         ids=[c[0] for c in COMPARISONS])
def test_versus_a_date_is_a_comparison(analyze, text, inconclusive, lesion):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text + TAIL), {"conventional_imaging_inconclusive": inconclusive,
                                                 "brain_lesion": lesion})


# ------------------------------------------------------------------ 3. a negation over a comma list
# id, text, conventional_imaging_inconclusive
NEGATED_LISTS = [
    ("no-each-item", "MRI brain 10/12/2026\nIMPRESSION: Multiple periventricular plaques consistent with MS. "
     "No mass effect, no atypical features.", A),
    ("no-opens-the-list", "MRI brain 10/12/2026\nIMPRESSION: Typical demyelinating lesions. No restricted "
     "diffusion, enhancement or atypical features.", A),
    ("without-a-list", "MRI brain 10/12/2026\nIMPRESSION: Meningioma without edema, invasion or atypical "
     "appearance.", A),
    ("no-alone", "MRI brain 10/12/2026\nIMPRESSION: Classic for a cavernoma. No atypical features.", A),
    ("lower-case-list", "MRI brain 10/12/2026: consistent with MS; no new lesions, no enhancement, no atypical "
     "features.", A),
    # near misses: the negation stops at "but", at ";" and at the sentence
    ("but-keeps", "MRI brain 10/12/2026\nIMPRESSION: No mass effect, but atypical features noted.", P),
    ("semicolon-keeps", "MRI brain 10/12/2026\nIMPRESSION: No hemorrhage; atypical features of the lesion.", P),
    ("next-sentence-keeps", "MRI brain 10/12/2026\nIMPRESSION: No hydrocephalus. Atypical appearance of the "
     "right frontal mass.", P),
]


@pytest.mark.parametrize(("text", "inconclusive"), [c[1:] for c in NEGATED_LISTS], ids=[c[0] for c in NEGATED_LISTS])
def test_negation_reaches_list_items(analyze, text, inconclusive):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text + TAIL), {"conventional_imaging_inconclusive": inconclusive})


# ------------------------------------------------------------------ 4. test results in shorthand
# id, text, brain_infection, hiv
RESULTS = [
    ("jcv-neg-in-options", "Plan: switch to natalizumab (JCV neg) vs referral for ocrelizumab.", A, N),
    ("jc-virus-ab-negative-versus", "Options: fingolimod (JC virus Ab negative) versus rituximab.", A, N),
    # "toxo IgG" is read as the lab test it names (labs documented), so no infection is claimed either way
    ("toxo-igg-neg", "Labs 10/01: toxo IgG neg, CBC normal.", N, N),
    ("crypto-ag-dash", "Serum crypto Ag -, HIV NR.", A, A),
    ("crag-bracket-minus", "CrAg (-). HIV nonreactive.", A, A),
    ("hiv-nr", "Screening: HIV NR, RPR nonreactive.", N, A),
    ("toxo-ab-not-detected", "Toxo antibody not detected.", A, N),
    # near misses: a positive antibody test is seropositivity, no brain infection; a pending test leaves the
    # question open; a PCR positive is the infection
    ("jcv-ab-positive", "On natalizumab; JCV Ab positive.", N, N),
    ("toxo-igg-pos", "Toxo IgG pos, CD4 450.", N, N),
    ("jcv-pending-stays-suspected", "New white matter lesion, r/o PML (JCV pending).", S, N),
    ("csf-pcr-positive", "CSF JCV PCR positive; PML.", P, N),
]


@pytest.mark.parametrize(("text", "infection", "hiv"), [c[1:] for c in RESULTS], ids=[c[0] for c in RESULTS])
def test_shorthand_test_results(analyze, text, infection, hiv):  # type: ignore[no-untyped-def]
    check_facts(facts_of(analyze, text + TAIL), {"brain_infection": infection, "hiv": hiv})
