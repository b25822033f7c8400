"""Presumed diagnoses and preliminary reads: what a study's read is, through the real NLP stage.

3. A diagnosis presumed for want of tissue ("presumed metastasis, no tissue", "presumptive metastasis (no
   biopsy)", "metastasis, not biopsy-proven") is the clinician's presumption: the diagnosis stays suspected, but no
   study is made inconclusive by it; the report's own verdict stands ("characteristic of metastasis": conclusive).
   Cues: `poss.presumed`, `poss.untested` (nlp/resources/context.yaml), `verdict.no_tissue`,
   `verdict.untested_hedges`. Near misses stay inconclusive: "presumed metastasis versus abscess", "probable
   metastasis; no biopsy" (the read's own doubt), "presumed metastasis" with no word of tissue, an indeterminate read.
4. A preliminary read ("PRELIMINARY:", "Preliminary read:", "Wet read:"; an impression, sec.preliminary_read) is
   replaced by its addendum or final read ("FINAL REPORT:", "Final read:"; sec.final_read): a conclusive one
   settles the preliminary differential (`supersede.conclusive_addendum`), also its copy in a clinic note
   (`supersede.preliminary_cited`). Near misses: an addendum that keeps the question open, a final report that
   only adds a measurement, an addendum that confirms an old incidental finding, a copy of another study's
   preliminary read.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
INCONCLUSIVE = "conventional_imaging_inconclusive"
DIFFERENTIAL = "tumor_vs_nontumor_differential"

# case, text, {fact: expected status}
PRESUMED = [
    ("a presumed metastasis beside a report read as characteristic",
     "MRI BRAIN 10/05/2026\nIMPRESSION: Solitary ring-enhancing lesion, characteristic of metastasis.\n\n"
     "Assessment: presumed metastasis, no tissue; MRI 10/05/2026 reviewed.\n", {INCONCLUSIVE: A}),
    ("presumptive, no biopsy in parentheses",
     "MRI brain 09/14/2026 showed a presumptive metastasis (no biopsy).\n",
     {INCONCLUSIVE: N, "brain_metastasis": S}),
    ("presumed to be, biopsy not performed",
     "Brain MRI 08/30/2026: two enhancing lesions presumed to be metastases; biopsy was not performed given the "
     "known melanoma.\n", {INCONCLUSIVE: N, "brain_metastasis": S}),
    ("a CT, presumed lymphoma, not biopsied",
     "Head CT 07/11/2026: right frontal mass, presumed lymphoma, not biopsied.\n",
     {INCONCLUSIVE: N, "cns_lymphoma": S}),
    ("typical of metastasis, not biopsy-proven",
     "MRI 10/01/2026: cerebellar lesion typical of metastasis, not biopsy-proven.\n",
     {INCONCLUSIVE: A, "brain_metastasis": S}),
    ("presumed to represent, tissue diagnosis not obtained",
     "MRI brain 10/03/2026: lesion presumed to represent a metastasis; tissue diagnosis not obtained.\n",
     {INCONCLUSIVE: N}),
    # near misses: the read itself is open, or nothing says the presumption is for want of tissue
    ("near miss: presumed metastasis versus abscess",
     "MRI brain 10/01/2026: presumed metastasis versus abscess; MRS advised.\n", {INCONCLUSIVE: P}),
    ("near miss: probable metastasis, no biopsy", "MRI brain 10/01/2026: probable metastasis; no biopsy.\n",
     {INCONCLUSIVE: P}),
    ("near miss: presumed with no word of tissue", "MRI brain 10/01/2026: presumed metastasis.\n",
     {INCONCLUSIVE: P}),
    ("near miss: an indeterminate read", "MRI brain 10/01/2026: indeterminate lesion, presumed metastasis, no "
     "tissue.\n", {INCONCLUSIVE: P}),
    ("near miss: a presumed diagnosis later excluded", "Presumed lymphoma, now excluded by biopsy.\n",
     {"cns_lymphoma": A}),
    ("near miss: her presumed glioma keeps its hedge", "Her presumed glioma has not been biopsied.\n",
     {"glial_neoplasm": S}),
    # an aside after the diagnosis that it rests on imaging alone (poss.imaging_only_aside) states the want of
    # tissue itself: the diagnosis is suspected, and no study is made inconclusive by it
    ("an imaging-diagnosis aside in a history table",
     "| Year | Event | Detail |\n| 2023 | L frontal meningioma (imaging dx) | 1.4 cm, stable |\n\n"
     "MRI BRAIN 10/20/2026\nIMPRESSION: Stable 1.4 cm left frontal meningioma.\n", {INCONCLUSIVE: A}),
    ("presumed on imaging, no biopsy, beside a conclusive report",
     "MRI brain 09/02/2026: extra-axial mass typical of a meningioma.\nPlan: the meningioma (presumed on imaging; no "
     "biopsy) will be observed.\n", {INCONCLUSIVE: A}),
    ("radiological diagnosis, not biopsied",
     "Vestibular schwannoma (radiological diagnosis, not biopsied), followed with MRI 08/2026.\n", {INCONCLUSIVE: N}),
    ("near miss: an imaging-diagnosis aside beside an indeterminate read",
     "Meningioma (imaging dx).\nMRI brain 10/01/2026: indeterminate dural-based lesion, meningioma versus "
     "metastasis.\n", {INCONCLUSIVE: P}),
]


@pytest.mark.parametrize(("case", "text", "expected"), PRESUMED, ids=[c[0] for c in PRESUMED])
def test_a_presumption_for_want_of_tissue_is_no_read(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), expected)


REPORT = "MRI BRAIN 09/20/2026\nPRELIMINARY: enhancing lesion, metastasis versus subacute infarct; consider MRS.\n"
PRELIMINARY = [
    ("preliminary read, then a final report reading an abscess",
     "MRI BRAIN W/WO 09/20/2026\nPreliminary read: ring-enhancing lesion, glioblastoma versus abscess; MRS "
     "suggested.\nFinal report: restricted diffusion typical of a pyogenic abscess; no neoplasm.\n",
     {INCONCLUSIVE: A, "glial_neoplasm": N, "brain_infection": P, DIFFERENTIAL: N}),
    ("a dated addendum reading the tumour side",
     REPORT + "ADDENDUM 09/21/2026: appearance characteristic of metastasis; infarct excluded; no further "
     "characterization needed.\n", {INCONCLUSIVE: A, DIFFERENTIAL: N}),
    ("a wet read, then a final read",
     "MRI BRAIN 09/20/2026\nWet read: lymphoma vs toxoplasmosis.\nFINAL READ: appearance diagnostic of "
     "toxoplasmosis.\n", {INCONCLUSIVE: A, "cns_lymphoma": N}),
    ("a clinic note's copy of the preliminary read does not reopen it",
     "Clinic 09/22/2026: per the preliminary read of MRI 09/20/2026, metastasis versus subacute infarct.\n\n"
     + REPORT + "ADDENDUM 09/23/2026: appearance characteristic of metastasis; infarct excluded.\n",
     {INCONCLUSIVE: A, DIFFERENTIAL: N}),
    # near misses: the final read leaves the question open, or the copy is of another study
    ("near miss: the addendum keeps the question open",
     REPORT + "ADDENDUM: infarct remains a consideration; MRS may help.\n", {INCONCLUSIVE: P, DIFFERENTIAL: P}),
    ("near miss: the final report only adds a measurement",
     REPORT + "FINAL REPORT: the lesion measures 14 x 12 mm.\n", {INCONCLUSIVE: P, DIFFERENTIAL: P}),
    ("near miss: the addendum confirms an old incidental finding",
     REPORT + "ADDENDUM (09/21/2026): comparison with the 2019 CT confirms an old right occipital infarct.\n",
     {INCONCLUSIVE: P, DIFFERENTIAL: P}),
    ("near miss: a copy of another study's preliminary read",
     "Clinic 09/22/2026: per the preliminary read of CT head 08/01/2026, metastasis versus subacute infarct.\n\n"
     + REPORT + "ADDENDUM: appearance characteristic of metastasis; infarct excluded.\n", {DIFFERENTIAL: P}),
]


@pytest.mark.parametrize(("case", "text", "expected"), PRELIMINARY, ids=[c[0] for c in PRELIMINARY])
def test_a_final_read_replaces_the_preliminary(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), expected)


def test_a_superseded_preliminary_hedge_names_the_addendum(fragment_facts) -> None:  # type: ignore[no-untyped-def]
    facts = fragment_facts(REPORT + "ADDENDUM: appearance characteristic of metastasis; infarct excluded.\n")
    [e] = [e for e in facts.facts["brain_metastasis"].ignored if e.text == "metastasis"]
    assert e.attributes["superseded_by"] == "addendum"
    assert e.attributes["supersession_rule"] == "supersede.conclusive_addendum"
