"""A negative test whose purpose sits in parentheses with other remarks: the facts.

The NLP readings are tabled in tests/nlp/test_negative_test_purpose_asides.py; here the facts: a test named with its
purpose in parentheses that also say where, when or by whom it was sent, and a negative result after them (or before
them, the parentheses telling what it was sent for), rules the purpose's disease out (absent), and settles a
suspicion of it raised earlier (scope.test_purpose_aside in supersede.settling_rules). Near misses keep their
status: a pathogenic variant, a pending result (not ruled out, and no finding: a pending test's disease counts
for nothing), a VUS, the patient's known diagnosis in the parentheses, an MRI.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
IEM, MITO, LEUKO = "inborn_error_of_metabolism", "mitochondrial_disorder", "leukodystrophy"

CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    # ---------------------------------------------------------------- purpose and remarks, then a negative result
    "suspected, then the sending site": ("mtDNA whole-genome sequencing (for suspected mitochondrial cytopathy; sent "
                                         "by the referring hospital in 2025): no pathogenic variants.\n", {MITO: A}),
    "to exclude, lab and date": ("ABCD1 gene analysis (to exclude X-linked ALD, Blueprint Genetics, 04/2026) - "
                                 "negative.\n", {LEUKO: A}),
    "looking for, collected elsewhere": ("Urine organic acids (looking for propionic acidemia, collected at the "
                                         "local hospital): unremarkable.\n", {IEM: A}),
    "who ordered it, then the purpose": ("Leukodystrophy multigene panel (ordered by metabolic genetics; for "
                                         "late-onset leukodystrophy) -- no variant found.\n", {LEUKO: A}),
    "acylcarnitines, run at OSH": ("Acylcarnitine profile (for a fatty acid oxidation disorder, run at OSH) - "
                                   "negative.\n", {IEM: A}),
    "enzyme activity, lab named": ("Galactocerebrosidase activity (for Krabbe disease, Greenwood lab, 2024): "
                                   "normal.\n", {LEUKO: A}),
    "repeat testing, not expanded": ("Repeat-expansion testing (to rule out MELAS; sent 2023 via the neurologist) - "
                                     "not expanded.\n", {MITO: A}),
    "an earlier question settled": ("Assessment: evaluate for Leigh syndrome.\nWhole-exome sequencing (for Leigh "
                                    "syndrome, GeneDx 2024): no pathogenic variants.\n", {MITO: A}),
    # ---------------------------------------------------------------- the result first, the purpose after it
    "no pathogenic variant, test sent for": ("Result: no pathogenic variant (test sent for POLG-related disease at "
                                             "the OSH).\n", {MITO: A}),
    "negative, sent for, with a year": ("Metabolic testing was negative (sent for a suspected urea cycle disorder in "
                                        "2022).\n", {IEM: A}),
    # ---------------------------------------------------------------- near misses
    "near miss: a pathogenic variant": ("mtDNA sequencing (for mitochondrial disease, sent at OSH): pathogenic "
                                        "m.3243A>G variant.\n", {MITO: P}),
    # not ruled out; what a pending test looks for is no finding either (tests/facts/test_pending_screens_known_dx_facts.py)
    "near miss: pending, the gene as the disease": ("POLG sequencing (for POLG disease, sent 11/02): pending.\n",
                                                     {MITO: N}),
    "near miss: a VUS": ("Leigh syndrome panel (for Leigh syndrome; Invitae 2025): a variant of uncertain "
                         "significance in SURF1.\n", {MITO: P}),
    "near miss: the known diagnosis": ("Lactate (known MELAS patient): 4.1 high.\n", {MITO: P}),
    "near miss: known disorder on diet": ("Ammonia (known urea cycle disorder, on diet): normal.\n", {IEM: P}),
    "near miss: an MRI": ("MRI (looking for leukodystrophy, done at OSH): no abnormality.\n", {LEUKO: S}),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_negative_test_purpose_asides_facts(analyze: Any, case: str) -> None:
    text, expected = CASES[case]
    check_facts(facts_of(analyze, text + REQUEST_TAIL), expected)
