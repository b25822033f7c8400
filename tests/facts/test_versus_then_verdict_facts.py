"""A differential's "versus" hedge and a later verdict on one side, through the real NLP stage to the facts
(context.yaml poss.versus, scope.final_verdict; supersession.yaml supersede.settling_rules).

1. The verdict in a later clause after a semicolon excludes the side it names ("toxoplasmosis vs lymphoma; lymphoma
   excluded"): the fact is absent, the other side stays suspected.
2. Near misses: a verdict about another target ("r/o lymphoma, CSF cytology negative"), a side left open ("abscess
   cannot be excluded", "biopsy pending"), the other side favoured after a denial ("no abscess seen ..., favour
   glioma": the glioma stays suspected).

The mention-level rows (tests/nlp/test_versus_then_verdict.py) cover the verdict after a dash or a comma; there the
differential's own naming of the side keeps its hedge, so the fact stays suspected (a known limit: supersession
settles the hedges of earlier clauses only across a semicolon).

Rows: id, text, {fact: expected status}. Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts, facts_of

from pipeline.contracts import FactStatus

S, A = FactStatus.SUSPECTED, FactStatus.ABSENT

CASES: list[tuple[str, str, dict[str, FactStatus]]] = [
    ("semicolon, excluded on CSF flow", "Differential: toxoplasmosis vs lymphoma; lymphoma excluded on CSF flow.",
     {"cns_lymphoma": A, "brain_infection": S}),
    ("semicolon, ruled out by aspiration", "Ddx glioma versus abscess; abscess was ruled out by aspiration.",
     {"brain_infection": A, "glial_neoplasm": S}),
    ("vs., semicolon, has been excluded", "DDx: Lymphoma vs. toxoplasmosis; toxoplasmosis has been excluded.",
     {"brain_infection": A, "cns_lymphoma": S}),
    ("near: verdict about another target", "r/o lymphoma, CSF cytology negative", {"cns_lymphoma": S}),
    ("near: B cannot be excluded", "glioma vs abscess - abscess cannot be excluded",
     {"brain_infection": S, "glial_neoplasm": S}),
    ("near: biopsy pending", "glioma vs abscess - biopsy pending", {"brain_infection": S, "glial_neoplasm": S}),
    ("near: no abscess, favour glioma", "glioma vs abscess, no abscess seen on DWI, favour glioma",
     {"glial_neoplasm": S}),
    ("near: the other side of a settled differential", "viral encephalitis vs MELAS - mtDNA MELAS testing negative",
     {"brain_infection": S}),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_versus_then_verdict_facts(analyze, text: str,  # type: ignore[no-untyped-def]
                                   expected: dict[str, FactStatus]) -> None:
    check_facts(facts_of(analyze, text), expected)
