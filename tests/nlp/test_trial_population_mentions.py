"""A clinical trial's title, population or eligibility criterion names the trial's diseases, not the patient's.

`look.trial_population` (pipeline/nlp/resources/targets.yaml) reads a trial title ("Phase 2 study of ... in
recurrent low-grade glioma"), a trial named by its design without a phase ("open-label study of drug X in
IDH-mutant astrocytoma"), an eligible or excluded population ("Eligible: adults with newly diagnosed
glioblastoma", "Exclusion criteria: prior brain metastases") and a population or title label ("Population:
patients with progressive meningioma", "Study title: ...") as one lookalike: the disease inside it is no mention.

Near misses keep their reading: the patient's own diagnosis ("her glioblastoma, diagnosed 2025"), a trial for her
disease ("enrolled in a phase 2 trial for her glioblastoma"), a checklist row answered by its status column (read
by the form rules, tests/facts/test_eligibility_checklists.py), a suspicion after a screen failure.

Rows: id, text, concept, the mention's text, its expected assertions among ASSERTIONS (None: no such mention).
Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_mention

ASSERTIONS = {"negated", "uncertain", "hypothetical", "family"}
NONE, U = set[str](), {"uncertain"}

CASES: list[tuple[str, str, str, str, set[str] | None]] = [
    ("protocol title in quotes", 'Protocol: NB-221 - "Phase 2 study of an oral MEK inhibitor in patients with '
     'recurrent low-grade glioma"\n', "GLIOMA", "glioma", None),
    ("eligibility population", "Eligibility: adults with newly diagnosed glioblastoma.\n", "GLIOMA", "glioblastoma",
     None),
    ("eligible population, children", "Eligible population: children with recurrent medulloblastoma\n",
     "BRAIN_TUMOR", "medulloblastoma", None),
    ("eligible patients lower case", "eligible patients: adults with a newly diagnosed GBM\n", "GLIOMA", "GBM",
     None),
    ("inclusion criterion numbered", "Inclusion criterion 1: histologically confirmed grade 2 oligodendroglioma\n",
     "GLIOMA", "oligodendroglioma", None),
    ("key inclusion criteria, capitals", "KEY INCLUSION CRITERIA: Histologically confirmed WHO grade 4 "
     "glioblastoma, KPS >= 70.\n", "GLIOMA", "glioblastoma", None),
    ("exclusion criteria", "Exclusion criteria: prior brain metastases.\n", "BRAIN_METASTASIS", "brain metastases",
     None),
    ("population label", "Population: patients with progressive meningioma after radiation.\n", "BRAIN_TUMOR",
     "meningioma", None),
    ("study title label, quoted", 'Study title: "Open-label study of vorasidenib in IDH-mutant astrocytoma"\n',
     "GLIOMA", "astrocytoma", None),
    ("trial title label", "Trial title: A randomised, placebo-controlled trial of an oral agent in recurrent "
     "glioma\n", "GLIOMA", "glioma", None),
    ("design without phase", "She was screened for a multicentre study of a PD-1 inhibitor in recurrent "
     "glioblastoma.\n", "GLIOMA", "glioblastoma", None),
    ("randomised trial, British spelling", "Referred by the randomised trial of a vaccine for newly diagnosed glioblastoma.\n",
     "GLIOMA", "glioblastoma", None),
    ("phase roman numerals", "Considered for a phase III trial of tumor-treating fields for newly diagnosed GBM.\n",
     "GLIOMA", "GBM", None),
    ("line wrap inside the title", "Study: phase 1/2 study of a CAR-T product in adults with\nrecurrent "
     "glioblastoma\n", "GLIOMA", "glioblastoma", None),
    ("cohort label", "Cohort: recurrent ependymoma after focal radiation\n", "GLIOMA", "ependymoma", None),
    ("inclusion, lymphoma", "Inclusion: participants with relapsed primary CNS lymphoma\n", "CNS_LYMPHOMA",
     "lymphoma", None),
    # near misses: the patient's own disease
    ("near: her glioblastoma diagnosed 2025", "Her glioblastoma, diagnosed 2025, was resected.\n", "GLIOMA",
     "glioblastoma", NONE),
    ("near: trial for her glioblastoma", "Enrolled in a phase 2 trial for her glioblastoma.\n", "GLIOMA",
     "glioblastoma", NONE),
    ("near: enrolled because of her glioma", "She was enrolled because of her diffuse midline glioma of the pons.\n",
     "GLIOMA", "diffuse midline glioma", NONE),
    ("near: patient's own diagnosis after a title", "Trial title: phase 2 study of drug X in recurrent glioma. "
     "The patient has a left frontal glioblastoma.\n", "GLIOMA", "glioblastoma", NONE),
    ("near: screen-failed, still suspected", "Screen-failed because no tissue diagnosis; the lesion remains "
     "suspicious for glioma.\n", "GLIOMA", "glioma", U),
    ("near: checklist row answered Y", "Histologically confirmed grade 2 IDH-mutant glioma     Y\n", "GLIOMA",
     "glioma", NONE),
    ("near: a study of the lesion", "MRI study of the right temporal glioma shows new enhancement.\n", "GLIOMA",
     "glioma", NONE),
]


@pytest.mark.parametrize(("text", "concept", "span", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_trial_population_mentions(mentions, text: str, concept: str, span: str,  # type: ignore[no-untyped-def]
                                   expected: set[str] | None) -> None:
    check_mention(mentions, text, concept, span, expected, among=ASSERTIONS)
