"""Diseases named as the scope of a normal test, mechanisms, serostatus and screening elsewhere: the facts.

The NLP readings are tabled in tests/nlp/test_negative_tests_mechanisms_serostatus.py; here the facts:
- a normal screen that names what it covers rules those disorders out (inborn_error_of_metabolism absent), also
  when the list comes after "incl.";
- a genetic test whose purpose names a disease and whose result is negative rules the disease out, however the
  purpose is placed (neg.genetic_negative, scope.test_name), and settles the suspicion it was sent on, also one
  raised in an earlier sentence (supersede.settling_rules);
- a denied suspicion of two qualified diseases denies both (scope.denied_suspicion);
- an acquired mitochondrial dysfunction told as a mechanism is no mitochondrial disorder (not documented);
- a JC virus antibody index or antibody status is serostatus, no brain infection (not documented), while the virus
  itself found in the CSF ("JCV PCR in CSF detected") is the infection;
- a screen for a tumour of another organ is no brain neoplasm (not documented).
Near misses keep their status: an abnormal screen, a positive or uncertain genetic result (a pending screen or test
rules nothing out and names no finding: tests/facts/test_pending_screens_known_dx_facts.py), a suspicion the denial
does not reach, a mitochondrial myopathy or a primary mitochondrial disease, PML, a brain
tumour screen that finds a nodule.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
IEM, MITO, LEUKO = "inborn_error_of_metabolism", "mitochondrial_disorder", "leukodystrophy"
INF, NEO, DEMYEL = "brain_infection", "brain_neoplasm", "demyelination"

CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    # ---------------------------------------------------------------- a normal screen names what it covers
    "screen list after incl.": ("Newborn screen (day 3): normal - all analytes within range (incl. MSUD, PKU, "
                                "biotinidase deficiency).\n", {IEM: A}),
    "screen, then its analytes in range": ("State screen on day 2 reported normal; all disorders in range (incl. "
                                           "galactosemia, homocystinuria).\n", {IEM: A}),
    "screen unremarkable, including": ("Extended neonatal screen unremarkable, including tyrosinemia type 1 and "
                                       "MSUD.\n", {IEM: A}),
    # not ruled out: a positive screen whose confirmation was sent is a suspicion
    # (poss.screen_positive; tests/facts/test_screens_presumptive_facts.py)
    "near miss: screen flagged a disorder": ("Newborn screen flagged MSUD (leucine elevated); confirmatory amino "
                                             "acids sent.\n", {IEM: S}),
    # not ruled out, and no finding: what a pending screen looks for (tests/facts/test_pending_screens_known_dx_facts.py)
    "near miss: screen pending": ("Newborn screen pending (incl. PKU, galactosemia).\n", {IEM: N}),
    # ---------------------------------------------------------------- a genetic test for the disease, negative
    "purpose in brackets, suspected": ("POLG gene sequencing (ordered for suspected Alpers syndrome): no pathogenic "
                                       "variants identified.\n", {MITO: A}),
    "the test's name and its purpose": ("Leukodystrophy multigene panel (sent for adult-onset leukodystrophy): "
                                        "negative.\n", {LEUKO: A}),
    "purpose after a comma and a dash": ("ABCD1 sequencing, for X-ALD - no pathogenic variant.\n", {LEUKO: A}),
    "purpose before a verb of finding": ("Whole-exome sequencing for Leigh syndrome showed no pathogenic or likely "
                                         "pathogenic variants.\n", {MITO: A}),
    "to exclude, no disease-causing variant": ("GFAP testing, to exclude Alexander disease - no disease-causing "
                                               "variant found.\n", {LEUKO: A}),
    "a question, then its negative genetic test": ("Plan: evaluate for Leigh syndrome.\nWhole-exome sequencing for "
                                                   "Leigh syndrome: no pathogenic variants.\n", {MITO: A}),
    "near miss: two pathogenic variants": ("POLG sequencing: two pathogenic variants in trans (compound "
                                           "heterozygous).\n", {MITO: P}),
    "near miss: panel pending": ("Leukodystrophy gene panel (sent for MLD): pending.\n", {LEUKO: N}),
    "near miss: a variant of uncertain significance": ("POLG sequencing (for Alpers syndrome): a variant of "
                                                       "uncertain significance only.\n", {MITO: P}),
    # ---------------------------------------------------------------- a denied suspicion of two qualified diseases
    "neither ... nor, each qualified": ("Neither a hereditary leukodystrophy nor a primary mitochondrial cytopathy "
                                        "is suspected.\n", {LEUKO: A, MITO: A}),
    "neither ... nor, felt likely": ("Neither a congenital metabolic disorder nor an acquired demyelinating process "
                                     "is felt likely.\n", {IEM: A, DEMYEL: A}),
    "no ... or, thought likely": ("No classic leukodystrophy or primary mitochondrial disease is thought likely.\n",
                                  {LEUKO: A, MITO: A}),
    "near miss: a later suspicion": ("No leukodystrophy is seen on MRI, but a primary mitochondrial disorder is "
                                     "suspected.\n", {LEUKO: A, MITO: S}),
    # ---------------------------------------------------------------- a mechanism is no disease
    "the proposed mechanism": ("The proposed mechanism is toxin-induced mitochondrial dysfunction.\n", {MITO: N}),
    "acts through, drug-induced": ("Valproate is thought to act through mitochondrial injury; drug-induced "
                                   "mitochondrial dysfunction is likely.\n", {MITO: N}),
    "secondary, due to a drug": ("Lactic acidosis from secondary mitochondrial dysfunction due to linezolid.\n",
                                 {MITO: N}),
    "near miss: mitochondrial myopathy": ("Mitochondrial myopathy confirmed on muscle biopsy.\n", {MITO: P}),
    "near miss: primary mitochondrial disease": ("Primary mitochondrial disease, confirmed by biopsy.\n", {MITO: P}),
    # ---------------------------------------------------------------- serostatus is no infection
    "JCV index": ("On natalizumab; JCV index 2.4.\n", {INF: N}),
    "JC virus antibody positive, index": ("JC virus antibody positive (index 3.1).\n", {INF: N}),
    "anti-JCV antibody status": ("Anti-JCV antibody status: positive.\n", {INF: N}),
    "the virus itself: JCV PCR in CSF": ("JCV PCR in CSF detected.\n", {INF: P}),
    "near miss: PML": ("MRI consistent with PML.\n", {INF: P}),
    # ---------------------------------------------------------------- a tumour screen of another organ
    "tumour screening for a teratoma": ("Tumour screening for recurrence of teratoma: pelvic ultrasound - no "
                                        "mass.\n", {NEO: N}),
    "paraneoplastic tumour search": ("Paraneoplastic tumour search: CT chest/abdomen/pelvis negative.\n", {NEO: N}),
    "screening for an occult malignancy": ("Screening for an occult malignancy (mammogram, testicular ultrasound) is "
                                           "under way.\n", {NEO: N}),
    "near miss: brain tumour screen finds a nodule": ("Brain tumour recurrence screening MRI shows a new enhancing "
                                                      "nodule.\n", {NEO: P}),
}


@pytest.mark.parametrize(("text", "expected"), CASES.values(), ids=CASES.keys())
def test_negative_tests_mechanisms_serostatus_facts(analyze: Any, text: str,
                                                    expected: dict[str, FactStatus]) -> None:
    check_facts(facts_of(analyze, text + REQUEST_TAIL), expected)
