"""What a test looks for is not what the patient has; a test's result does not undo a known diagnosis: the facts.

The NLP readings are tabled in tests/nlp/test_pending_screens_known_dx.py; here the facts. A disease named by a test
that is pending, sent, ordered, drawn or awaited (in its list, after "including" or "for", or as the test's own name,
"epilepsy gene panel") is not the patient's: the mention counts for nothing (scope.pending_test_list), so the fact is
not documented unless the packet says so elsewhere; a hedge of its own ("to look for", "?MSUD") keeps it suspected.
A diagnosis given in parentheses as the patient's own ("known", "h/o", "dx", "established", "pt with") keeps its
status whatever the test's result or state after the parentheses (scope.known_aside). Near misses: a result that
finds the disease, a normal screen or test for it, a purpose ("for MMA", "r/o MMA") with a normal result.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
IEM, MITO, LEUKO = "inborn_error_of_metabolism", "mitochondrial_disorder", "leukodystrophy"
INF, EPI, SZ, HIV = "brain_infection", "epilepsy", "seizures", "hiv"

CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    # ---------------------------------------------------------------- a test not yet resulted names what it covers
    "newborn screen pending, including": ("Newborn screen (repeat, day 14): pending, including galactosemia and "
                                          "PKU.\n", {IEM: N}),
    "state screen sent, the panel covers": ("State newborn screen sent 11/03, panel covers MSUD, PKU and "
                                            "homocystinuria.\n", {IEM: N}),
    "labs drawn, incl. amino acids for": ("Metabolic labs drawn (incl. ammonia, plasma amino acids for MSUD, urine "
                                          "organic acids).\n", {IEM: N}),
    "sent today, a bracketed list": ("Sent today: urine organic acids (MMA, propionic acidemia), acylcarnitine "
                                     "profile.\n", {IEM: N}),
    "exome pending, epilepsy genes": ("Trio exome: pending (epilepsy genes, mitochondrial panel).\n",
                                      {EPI: N, SZ: N}),
    "epilepsy gene panel ordered": ("Epilepsy gene panel ordered 10/30; awaiting results.\n", {EPI: N, SZ: N}),
    "CSF sent for a PCR of the infection": ("CSF sent for cell count, HSV encephalitis PCR and VDRL.\n", {INF: N}),
    "outstanding, each with its disease": ("Outstanding: VLCFA (X-ALD) and ARSA activity (MLD).\n", {LEUKO: N}),
    "leukodystrophy panel submitted": ("Leukodystrophy multigene panel submitted to Invitae, results expected in 3 "
                                       "weeks.\n", {LEUKO: N}),
    "HIV screen sent": ("HIV-1/2 antigen/antibody screen sent from clinic.\n", {HIV: N}),
    "awaited sequencing for a syndrome": ("mtDNA sequencing for MELAS awaited.\n", {MITO: N}),
    "the test elsewhere, the disease suspected": ("Assessment: possible MSUD.\nPlasma amino acids sent (MSUD, "
                                                  "tyrosinemia).\n", {IEM: S}),
    # ---------------------------------------------------------------- near misses: class 1
    "near miss: sent to look for": ("Urine organic acids sent to look for methylmalonic acidemia.\n", {IEM: S}),
    "near miss: a hedge of its own": ("Amino acids pending (r/o MSUD given the odour).\n", {IEM: S}),
    "near miss: screen positive, confirmed": ("Newborn screen: abnormal for PKU, confirmed on repeat "
                                              "phenylalanine.\n", {IEM: P}),
    "near miss: screen normal": ("Newborn screen (day 2) normal.\n", {IEM: N}),
    "near miss: screen normal including": ("Newborn screen normal, including MSUD and galactosemia.\n", {IEM: A}),
    "near miss: antigen positive": ("CSF cryptococcal antigen positive (titre 1:640).\n", {INF: P}),
    "near miss: testing confirmed": ("Genetic testing confirmed MELAS (m.3243A>G).\n", {MITO: P}),
    "near miss: a gene panel's finding": ("Epilepsy gene panel: pathogenic SCN1A variant (Dravet syndrome).\n",
                                          {EPI: P}),
    "near miss: known, then a test sent": ("Known MELAS; repeat lactate sent today.\n", {MITO: P}),
    "near miss: sent for his known disease": ("VLCFA sent for his known X-ALD.\n", {LEUKO: P}),
    # ---------------------------------------------------------------- a known diagnosis as the test's reason
    "known, normal this visit": ("Urine organic acids (known methylmalonic acidemia): normal this visit.\n",
                                 {IEM: P}),
    "h/o, a value and unremarkable": ("Serum ammonia (h/o OTC deficiency) - 35, unremarkable.\n", {IEM: P}),
    "established, on treatment, normal": ("VLCFA (established X-ALD, on Lorenzo's oil): normal.\n", {LEUKO: P}),
    "dx with a year, negative": ("Acylcarnitine profile (dx propionic acidemia 2021): negative.\n", {IEM: P}),
    "pt with known, normal": ("Lactate (pt with known Leigh syndrome): normal.\n", {MITO: P}),
    "known infection, PCR negative": ("CSF HSV PCR (known HSV encephalitis, day 21 of acyclovir): negative.\n",
                                      {INF: P}),
    "known infection, not detected": ("Toxoplasma PCR (known cerebral toxoplasmosis): not detected.\n", {INF: P}),
    "known epilepsy, therapeutic level": ("Valproate level (known epilepsy): therapeutic.\n", {EPI: P}),
    "known after the verdict": ("Urine organic acids: unremarkable (known MMA, stable on carnitine).\n", {IEM: P}),
    "known, the test pending": ("Phenylalanine (known PKU): pending.\n", {IEM: P}),
    # ---------------------------------------------------------------- near misses: class 2
    "near miss: normal, no evidence of": ("Urine organic acids: normal; no evidence of methylmalonic acidemia.\n",
                                          {IEM: A}),
    "near miss: the purpose, normal": ("Urine organic acids (for MMA): normal.\n", {IEM: A}),
    "near miss: r/o, unremarkable": ("Urine organic acids (r/o MMA): unremarkable.\n", {IEM: A}),
    "near miss: no known": ("Urine organic acids (no known MMA): normal.\n", {IEM: A}),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_pending_screens_known_dx_facts(analyze: Any, case: str) -> None:
    text, expected = CASES[case]
    check_facts(facts_of(analyze, text + REQUEST_TAIL), expected)
