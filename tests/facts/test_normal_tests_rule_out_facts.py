"""A normal test for a disorder makes the disorder's fact absent, and settles an earlier question about it.

The NLP readings are tabled in tests/nlp/test_normal_tests_rule_out.py (neg.tested_for_normal,
neg.label_tests_normal); here the facts: a disorder tested for and found normal is absent, also when an earlier
sentence asked for it ("Evaluate for MSUD." then a normal test: the normal result settles the hedge,
supersede.settling_rules). Near misses keep their status: an abnormal or pending result, a confirmation, a
relative's test, a normal work-up with an exception that raises the disorder.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
LEUKO, IEM, MITO = "leukodystrophy", "inborn_error_of_metabolism", "mitochondrial_disorder"

CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    "panel named for the disorders": (
        "Assessment: 4-year-old with regression. Her leukodystrophy gene panel for Krabbe disease was normal.\n",
        {LEUKO: A}),
    "label then its normal tests": ("Labs: Wilson's disease: ceruloplasmin and 24-hour urine copper normal.\n",
                                    {IEM: A}),
    "a question then a normal test": ("Plan: evaluate for MSUD.\nPlasma amino acid testing for MSUD came back "
                                      "normal.\n", {IEM: A}),
    "a question then its label's normal tests": ("Concern for adrenoleukodystrophy.\nAdrenoleukodystrophy: plasma "
                                                 "VLCFAs within normal limits.\n", {LEUKO: A}),
    "one ruled out, another still possible": ("The VLCFA test for adrenoleukodystrophy came back normal; "
                                              "mitochondrial disease remains possible given the lactate.\n",
                                              {LEUKO: A, MITO: S}),
    # near misses
    "near miss: screen abnormal": ("The screen was abnormal for PKU.\n", {IEM: P}),
    "near miss: a question, its test pending": ("Plan: evaluate for MSUD.\nPlasma amino acid testing for MSUD is "
                                                "pending.\n", {IEM: S}),
    "near miss: normal MRI, genetic confirmation": ("Normal MRI, but genetic testing confirmed Krabbe disease.\n",
                                                    {LEUKO: P}),
    "near miss: a relative's test": ("Her brother's VLCFA test for ALD was abnormal.\n", {LEUKO: N}),
    "near miss: normal but for the lactate": ("Metabolic work-up normal apart from a raised lactate, raising concern "
                                              "for mitochondrial disease.\n", {MITO: S}),
}


@pytest.mark.parametrize(("text", "expected"), CASES.values(), ids=CASES.keys())
def test_a_normal_test_makes_the_disorder_absent(analyze: Any, text: str, expected: dict[str, FactStatus]) -> None:
    check_facts(facts_of(analyze, text + REQUEST_TAIL), expected)
