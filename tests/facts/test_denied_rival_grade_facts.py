"""A denied rival grade raises no grading question, through the real NLP stage to the facts.

A known grade told beside a denial of another ("no features of anaplastic change", "without evidence of high-grade
transformation", "negative for high-grade features", "no e/o HGG") states the grade and weighs nothing: the denied
grade (ConText negated, not hedged) is no rival for grading_question, in the TUMOR_GRADE loop and in the graded
GLIOMA loop, and raises nothing as a mention of its own; glioma_differential does not count it as a second grade.
Family and hypothetical grades already count for nothing (FactContext leaves them out).

Near misses stay a question: two grades weighed ("low-grade glioma versus anaplastic transformation", "? grade 2 or
grade 3"), a higher grade that cannot be excluded or ruled out (hedged wins over denied: mention_status), a new
finding worrying for upgrading, a grading purpose of the MRS, and a sentence that denies something else beside a
hedged higher grade.

Limits: a denial ConText does not read (a grade denied beyond its scope, or in a wording it does not know) still
counts as a rival; a denied grade in another sentence never was one.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED
GQ, GD = "grading_question", "glioma_differential"

CASES = [
    # ---- a known grade, a higher one denied: no question
    ("report: WHO grade 2, no imaging features of anaplastic change",
     "Known right parietal WHO grade 2 oligodendroglioma, stable, no imaging features of anaplastic change.\n",
     {GQ: N, GD: N}),
    ("assessment: low-grade, without findings of high-grade transformation",
     "Assessment: low-grade astrocytoma s/p resection 2019, without findings suggestive of high-grade "
     "transformation.\n", {GQ: N, GD: N}),
    ("shorthand: LGG, no high grade component identified",
     "Low grade glioma; no high grade component identified.\n", {GQ: N, GD: N}),
    ("dictated: negative for high grade features",
     "Grade 2 glioma, negative for high grade features on today's study.\n", {GQ: N, GD: N}),
    ("letter: transformation is not suspected",
     "Low-grade glioma; high-grade transformation is not suspected.\n", {GQ: N, GD: N}),
    ("impression: stable, no evidence of high-grade progression",
     "Oligodendroglioma WHO grade II, unchanged; no evidence of high-grade progression.\n", {GQ: N, GD: N}),
    ("graded gliomas: LGG, no e/o HGG", "Pt w/ LGG, stable, no e/o HGG.\n", {GQ: N, GD: N}),
    ("family: a brother's grade 4 tumour", "Patient with grade 2 glioma whose brother had a grade 4 "
     "glioblastoma.\n", {GQ: N, GD: N}),
    ("hypothetical: re-image if signs of transformation",
     "Known grade 2 astrocytoma; we will re-image sooner if there are signs of high-grade transformation.\n",
     {GQ: N, GD: N}),
    # ---- near misses: the grade is still in question
    ("near miss: low grade versus anaplastic transformation",
     "Low-grade glioma versus anaplastic transformation.\n", {GQ: P, GD: P}),
    ("near miss: ? grade 2 or grade 3", "? grade 2 or grade 3 astrocytoma.\n", {GQ: P, GD: P}),
    ("near miss: cannot exclude a high-grade component",
     "Low grade glioma, cannot exclude high-grade component.\n", {GQ: P, GD: P}),
    ("near miss: something else denied, cannot rule out transformation",
     "Low-grade glioma, no edema; cannot rule out high-grade transformation.\n", {GQ: P, GD: P}),
    ("near miss: new enhancement concerning for anaplastic progression",
     "Grade 2 oligodendroglioma with new nodular enhancement, concerning for anaplastic progression.\n",
     {GQ: P, GD: P}),
    ("near miss: MRS to assess for transformation",
     "Known grade 2 astrocytoma; MRS requested to assess for high-grade transformation.\n", {GQ: P, GD: P}),
    ("near miss: graded gliomas weighed", "LGG vs transformation to HGG\n", {GQ: P, GD: P}),
    ("near miss: a grade question of its own", "Left frontal glioma.\nWHO II vs III?\n", {GQ: P, GD: P}),
]


@pytest.mark.parametrize(("case", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_denied_rival_grade(fragment_facts, case, text, expected):  # type: ignore[no-untyped-def]
    check_facts(fragment_facts(text), expected)

