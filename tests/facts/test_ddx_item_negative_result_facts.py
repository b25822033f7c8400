"""A differential item answered by its own negative test is absent as a fact; the other items stay suspected.

The mention readings are tabled in tests/nlp/test_ddx_item_negative_result.py (scope.item_own_test, pairs
own_test.*): "DDx: A vs B; <A's own test> negative" settles A, so A's fact (leukodystrophy,
inborn_error_of_metabolism, brain_infection, ...) is absent instead of suspected, a false approval otherwise; B's
fact stays suspected. Near misses keep the suspicion: another item's test, an abnormal or open result, a relative's.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of

from pipeline.contracts import FactStatus

S, A = FactStatus.SUSPECTED, FactStatus.ABSENT
LEUKO, IEM, INF, LYMPH, MITO = ("leukodystrophy", "inborn_error_of_metabolism", "brain_infection", "cns_lymphoma",
                                "mitochondrial_disorder")

CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    "PEX panel of the abbreviation": ("DDx: congenital infection vs Zellweger spectrum (PBD) - PEX panel negative; "
                                      "genetics signed off.\n", {IEM: A, INF: S}),
    "RPR and VDRL nonreactive": ("Differential included neurosyphilis versus HIV encephalopathy; RPR and VDRL "
                                 "nonreactive.\n", {INF: A, "hiv": S}),
    "toxo IgG in the next sentence": ("Ddx: toxoplasmosis vs lymphoma. Toxo IgG negative.\n", {INF: A, LYMPH: S}),
    "GALC activity of the long name": ("considered Krabbe disease (GALC deficiency) vs CMV; GALC activity normal "
                                       "10/02\n", {LEUKO: A}),
    "ceruloplasmin and urine copper": ("? Wilson disease vs autoimmune hepatitis - ceruloplasmin and 24-h urine "
                                       "copper normal\n", {IEM: A}),
    "British spelling, line wrap": ("Impression: ? Wilson's disease versus AIH -\ncaeruloplasmin and urinary copper "
                                    "within normal limits.\n", {IEM: A}),
    "VLCFA of X-ALD": ("Assessment: considered X-ALD vs ADEM; plasma VLCFAs normal.\n", {LEUKO: A, "demyelination": S}),
    "urine NAA of Canavan": ("Differential: Canavan disease vs mitochondrial disease. Urine NAA normal.\n",
                             {IEM: A, MITO: S}),
    "HSV PCR of HSV encephalitis": ("DDx: HSV encephalitis vs autoimmune encephalitis; CSF HSV PCR negative.\n",
                                    {INF: A}),
    # near misses
    "near: another item's test": ("DDx: CMV vs toxoplasmosis; CMV PCR negative\n", {INF: S}),
    "near: abnormal lactate": ("DDx: MELAS vs Leigh - lactate 4.2 (high)\n", {MITO: S}),
    "near: biopsy pending": ("DDx: lymphoma vs GBM; biopsy pending\n", {LYMPH: S}),
    "near: enzyme pending": ("cannot exclude Krabbe; GALC pending\n", {LEUKO: S}),
    "near: ceruloplasmin low": ("Wilson disease vs AIH; ceruloplasmin low\n", {IEM: S}),
    "near: the mother's serology": ("Ddx: toxoplasmosis vs lymphoma. Toxo IgG negative in mother.\n", {INF: S}),
    "near: the other enzyme normal": ("Ddx: MLD vs Krabbe. ARSA activity pending; GALC normal.\n", {LEUKO: S}),
    "near: one of two tests reactive": ("Differential: neurosyphilis vs HIV; RPR reactive, VDRL nonreactive.\n",
                                        {INF: S}),
}


@pytest.mark.parametrize(("text", "expected"), CASES.values(), ids=CASES.keys())
def test_ddx_item_negative_result_facts(analyze: Any, text: str, expected: dict[str, FactStatus]) -> None:
    check_facts(facts_of(analyze, text + REQUEST_TAIL), expected)
