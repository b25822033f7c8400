"""A disease named only by its empiric or presumptive treatment is suspected, not present: the facts.

The NLP readings are tabled in tests/nlp/test_empiric_treatment.py. A treatment started before a diagnosis tells a
suspicion (context.yaml poss.empiric_treatment; targets.yaml inf.empiric_treatment_*), unless the packet
establishes the disease elsewhere. Prophylaxis names no disease; an antigen test ordered or sent names no
infection (targets.yaml look.test_analyte), its positive result does.
Near misses keep their status: a confirmed disease under treatment, a treatment stopped because the disease was
excluded, a response the note reads as diagnostic, a treatment named without the empiric word.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
INF = "brain_infection"

CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    # ---------------------------------------------------------------- named only by its empiric treatment
    "week 2 of empirical toxo tx": ("Week 2 of empirical toxo tx; headaches better.\n", {INF: S}),
    "empiric anti-toxo therapy started": ("Empirical anti-toxo therapy started 10/30; repeat MRI in 2 weeks.\n",
                                          {INF: S}),
    "on empiric treatment for toxoplasmosis": ("She is on empiric treatment for toxoplasmosis (pyrimethamine, "
                                               "sulfadiazine).\n", {INF: S}),
    "treated empirically for cerebral toxo": ("Treated empirically for cerebral toxoplasmosis since admission.\n",
                                              {INF: S}),
    "empiric antifungal coverage for crypto": ("Empiric antifungal coverage for cryptococcus continues.\n", {INF: S}),
    "continue empiric coverage for abscess": ("Plan: continue empiric coverage for brain abscess "
                                              "(ceftriaxone, metronidazole).\n", {INF: S}),
    "empiric crypto treatment": ("Empiric crypto treatment (amphotericin + flucytosine) started 11/01.\n", {INF: S}),
    "empiric anti-toxoplasma therapy": ("Started empiric anti-toxoplasma therapy 11/04.\n", {INF: S}),
    "empiric toxoplasmosis treatment begun": ("Empiric toxoplasmosis treatment was begun on admission.\n", {INF: S}),
    "presumptive TB therapy": ("Now on presumptive TB therapy (RIPE).\n", {INF: S}),
    "trial of anti-tuberculous treatment": ("A trial of anti-tuberculous treatment was started.\n", {INF: S}),
    "empiric HSV treatment": ("Receiving empiric HSV treatment (IV acyclovir).\n", {INF: S}),
    # ---------------------------------------------------------------- prophylaxis, an antigen test sent
    "prophylaxis against toxoplasmosis": ("Prophylaxis against toxoplasmosis with TMP-SMX.\n", {INF: N}),
    "labs sent: serum CrAg": ("Labs sent: serum CrAg, toxo IgG, RPR.\n", {INF: N}),
    "CrAg sent": ("CrAg sent this morning.\n", {INF: N}),
    # ---------------------------------------------------------------- near misses
    "near miss: biopsy-proven, on treatment": ("Biopsy-proven toxoplasmosis, on pyrimethamine.\n", {INF: P}),
    "near miss: empiric, then biopsy": ("Empiric toxo therapy started.\nBrain biopsy: toxoplasma tachyzoites "
                                        "identified.\n", {INF: P}),
    "near miss: toxo prophylaxis": ("TMP-SMX for toxo prophylaxis.\n", {INF: N}),
    "stopped, toxoplasmosis excluded": ("Empiric toxo therapy was stopped; toxoplasmosis was "
                                                   "excluded.\n", {INF: A}),
    "near miss: stopped once it was excluded": ("Empiric toxo therapy stopped once toxoplasmosis was excluded.\n",
                                         {INF: A}),
    "near miss: response read as diagnostic": ("Lesions regressed on empiric toxo therapy, consistent with "
                                               "toxoplasmosis.\n", {INF: P}),
    "near miss: response confirms": ("Response to empiric therapy confirms toxoplasmosis.\n", {INF: P}),
    "near miss: serum CrAg positive": ("Serum CrAg positive (1:320).\n", {INF: P}),
    "near miss: positive serum CrAg": ("Positive serum CrAg.\n", {INF: P}),
    "near miss: CrAg negative": ("Serum CrAg negative.\n", {INF: A}),
}


@pytest.mark.parametrize(("text", "expected"), CASES.values(), ids=CASES.keys())
def test_empiric_treatment_facts(analyze: Any, text: str, expected: dict[str, FactStatus]) -> None:
    check_facts(facts_of(analyze, text + REQUEST_TAIL), expected)
