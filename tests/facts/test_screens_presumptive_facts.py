"""A screen that is only positive, and a disease managed as presumed, are suspicions: through the real NLP stage to
the facts.

1. A positive or abnormal screen whose confirmation is still awaited names a suspicion: "Newborn screen: PKU
   detected, confirmatory testing pending", "NBS flagged for MSUD - confirmatory amino acids sent", "screen-positive
   for X-ALD (C26:0-LPC elevated), awaiting VLCFA". The inborn error (the leukodystrophy for X-ALD) is suspected,
   not present, nor hypothetical because something is pending (context.yaml poss.screen_positive, the screen's
   verdict before the disorder, and poss.screen_positive_after, after it; both only in a sentence that names the
   screen and leaves its confirmation open, and not one that confirms it; "confirmatory testing pending",
   "confirmation pending" after a diagnosis are poss.pending_confirmation).
2. A disease treated or managed as presumed is a suspicion, not a diagnosis: "being managed as toxoplasmosis",
   "treated empirically as HSV encephalitis", "covered for bacterial meningitis" (context.yaml
   poss.empiric_treatment, which now takes the frame "managed as", "treated as", "covered for" as well as the
   empiric words; the frame inside a condition stays hypothetical, hyp.treat_as). "managed as presumed CNS
   lymphoma" (poss.presumed) and "treatment for suspected TB meningitis" (poss.hedge) already read so.

Near misses keep their reading: a screen confirmed or a disorder confirmed by its test (present), a normal screen
(absent of nothing named, or of what it lists), a screen pending with nothing named (not documented), a disorder
ruled out on confirmatory testing (absent), a bare positive screen with nothing awaited (present, as the codebase
reads it), a disease managed after it was confirmed (present), "managed as an outpatient" (no disease), a remote
treated and resolved infection (absent, as the codebase reads it), a conditional plan to treat (hypothetical).

Rows: id, text, {fact: expected status}. Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import check_facts

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
IEM, LEUKO = "inborn_error_of_metabolism", "leukodystrophy"
INF, LYM, GLI = "brain_infection", "cns_lymphoma", "glial_neoplasm"

CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    # ------------------------------------------------ 1a. the screen's verdict, then the disorder, confirmation awaited
    "state-screen-positive-confirmation-pending": ("State screen positive for galactosemia; confirmation pending.\n",
                                                   {IEM: S}),
    "nbs-flagged-for-dash-sent": ("NBS flagged for MSUD - confirmatory amino acids sent\n", {IEM: S}),
    "screen-positive-hyphen-xald-awaiting": ("screen-positive for X-ALD (C26:0-LPC elevated), awaiting VLCFA\n",
                                             {LEUKO: S}),
    "screen-abnormal-for-repeat-ordered": ("Newborn screen abnormal for MCAD deficiency, repeat ordered.\n", {IEM: S}),
    "was-positive-for-plasma-pending": ("The newborn screen was positive for PKU; plasma amino acids pending.\n",
                                        {IEM: S}),
    "capitals-confirmatory-pending": ("NEWBORN SCREEN POSITIVE FOR MAPLE SYRUP URINE DISEASE - CONFIRMATORY TESTING "
                                      "PENDING\n", {IEM: S}),
    "positive-newborn-screen-for-labs-sent": ("Positive newborn screen for tyrosinemia type 1 (succinylacetone "
                                              "raised); confirmatory labs sent to the reference lab.\n", {IEM: S}),
    "abnormal-nbs-line-wrap-requested": ("Abnormal NBS for homocystinuria, repeat\nsample requested.\n", {IEM: S}),
    "parenthesis-colon-positive-for": ("Newborn screen (DOL 2): positive for PKU; confirmatory testing pending.\n",
                                       {IEM: S}),
    "came-back-abnormal-referred": ("Her newborn screen came back abnormal for MCAD deficiency (C8 raised); "
                                    "referred to metabolics, confirmation pending.\n", {IEM: S}),
    "screened-positive-xald-vlcfa-pending": ("Screened positive for X-ALD at birth; VLCFA pending.\n", {LEUKO: S}),
    "flagged-by-programme-british": ("Flagged by the newborn screening programme for MSUD; confirmation awaited.\n",
                                     {IEM: S}),
    "form-field-result": ("Newborn screen result: positive for MSUD (confirmatory amino acids awaited)\n", {IEM: S}),
    # ------------------------------------------------ 1b. the disorder, then the screen's verdict
    "colon-pku-detected-pending": ("Newborn screen: PKU detected, confirmatory testing pending\n",
                                   {IEM: S, "neonate": P}),
    "nbs-colon-msud-flagged": ("NBS: MSUD flagged (leucine 900); amino acids pending.\n", {IEM: S}),
    "xald-detected-on-screening": ("X-ALD detected on newborn screening; VLCFA and ABCD1 sequencing sent.\n",
                                   {LEUKO: S}),
    "flagged-on-state-screen-awaited": ("Galactosemia flagged on the state newborn screen, GALT activity awaited.\n",
                                        {IEM: S}),
    "picked-up-on-screen-awaiting": ("PKU picked up on newborn screen - awaiting confirmatory phenylalanine.\n",
                                     {IEM: S}),
    "screen-colon-msud-positive": ("Newborn screen: MSUD positive; confirmation pending\n", {IEM: S}),
    "screen-identified-mcad-repeat": ("The state screen identified MCAD deficiency; repeat acylcarnitines ordered.\n",
                                      {IEM: S}),
    "flagged-on-nbs-wrapped": ("Propionic acidemia flagged on\nNBS, confirmatory testing pending.\n", {IEM: S}),
    # ------------------------------------------------ 2. a disease managed or treated as presumed
    "being-managed-as": ("Being managed as toxoplasmosis.\n", {INF: S}),
    "treated-empirically-as": ("Treated empirically as HSV encephalitis.\n", {INF: S}),
    "managed-as-presumed-lymphoma": ("Managed as presumed CNS lymphoma.\n", {LYM: S}),
    "covered-for-pending-cultures": ("Covered for bacterial meningitis pending cultures.\n", {INF: S}),
    "started-treatment-for-suspected": ("Started on treatment for suspected TB meningitis.\n", {INF: S}),
    "being-treated-as-a-abscess": ("She is being treated as a brain abscess (ceftriaxone, metronidazole).\n",
                                   {INF: S}),
    "currently-managed-as": ("Currently managed as cerebral toxoplasmosis on pyrimethamine/sulfadiazine.\n",
                             {INF: S}),
    "empirically-treated-as-british": ("Empirically treated as herpes simplex encephalitis with IV aciclovir.\n",
                                       {INF: S}),
    "managed-empirically-as": ("Managed empirically as neurocysticercosis, albendazole started.\n", {INF: S}),
    "covered-empirically-for": ("Covered empirically for bacterial meningitis (vancomycin, ceftriaxone).\n",
                                {INF: S}),
    "being-covered-for-until-pcr": ("Being covered for HSV encephalitis with acyclovir until the PCR returns.\n",
                                    {INF: S}),
    "treating-as-wrapped": ("Treating as TB meningitis; RIPE\nstarted.\n", {INF: S}),
    "treated-as-line-wrap": ("Pt treated as\ncryptococcal meningitis (amphotericin).\n", {INF: S}),
    "capitals-managed-as": ("MANAGED AS TOXOPLASMOSIS - REPEAT MRI IN 2 WEEKS.\n", {INF: S}),
    "is-being-covered-for-abscess": ("He is being covered for a pyogenic abscess with IV antibiotics.\n", {INF: S}),
    # ------------------------------------------------ near misses
    "near-pku-confirmed": ("PKU confirmed by plasma amino acids.\n", {IEM: P}),
    "near-screen-normal": ("Newborn screen normal.\n", {IEM: N}),
    "near-screen-pending-nothing-named": ("newborn screen pending\n", {IEM: N}),
    "near-ruled-out-on-confirmatory": ("PKU ruled out on confirmatory testing.\n", {IEM: A}),
    "near-screen-positive-then-confirmed": ("Newborn screen positive for PKU, confirmed by plasma amino acids; "
                                            "repeat levels ordered.\n", {IEM: P}),
    "near-screen-positive-has-been-confirmed": ("NBS flagged MSUD; the diagnosis has been confirmed, follow-up "
                                                "leucine pending.\n", {IEM: P}),
    "near-bare-positive-screen": ("Newborn screen positive for MSUD.\n", {IEM: P}),
    "near-screen-pending-list": ("Newborn screen pending (incl. PKU, MSUD).\n", {IEM: N}),
    "near-normal-screen-including": ("Newborn screen normal, including PKU and galactosemia.\n", {IEM: A}),
    "near-confirmatory-positive": ("X-ALD confirmed on VLCFA after the positive newborn screen.\n", {LEUKO: P}),
    "near-managed-for-confirmed": ("Being managed for confirmed toxoplasmosis (PCR positive).\n", {INF: P}),
    "near-managed-as-outpatient": ("Managed as an outpatient; known glioblastoma on temozolomide.\n", {GLI: P}),
    "near-treated-for-remote-resolved": ("Treated for HSV encephalitis in 2019, resolved.\n", {INF: A}),
    "near-conditional-treat-as": ("If the spectrum shows lactate, we would treat it as an abscess.\n", {INF: N}),
    "near-treated-with-confirmed": ("Toxoplasmosis confirmed by PCR, treated with pyrimethamine.\n", {INF: P}),
    "near-inpatient-for-proven": ("Treated as an inpatient for biopsy-proven toxoplasmosis.\n", {INF: P}),
    "near-policy-covered-for": ("MRS is covered for brain abscess under this policy.\n", {INF: P}),
    "near-empiric-stopped-as-excluded": ("Empiric toxo therapy stopped as toxoplasmosis was excluded.\n", {INF: A}),
    "near-conditional-be-managed-as": ("If cultures grow, he will be managed as bacterial meningitis.\n", {INF: N}),
    "near-no-pku-detected-on-screen": ("No PKU detected on newborn screen; repeat card pending.\n", {IEM: A}),
    "near-screen-negative-then-flagged": ("Newborn screen negative for PKU, no MSUD; repeat ordered.\n", {IEM: A}),
    "near-glioma-confirmed-by-biopsy": ("Glioblastoma confirmed on biopsy; molecular markers pending.\n", {GLI: P}),
}


@pytest.mark.parametrize(("text", "expected"), CASES.values(), ids=CASES.keys())
def test_screens_presumptive(fragment_facts: Any, text: str, expected: dict[str, FactStatus]) -> None:
    check_facts(fragment_facts(text), expected)


def test_the_rule_ids_are_cited(fragment_facts: Any) -> None:
    """Evidence names the cue that read the suspicion."""
    facts = fragment_facts("State screen positive for galactosemia; confirmation pending.\n")
    assert any("poss.screen_positive" in e.modifier_rules for e in facts.facts[IEM].evidence)
    facts = fragment_facts("Newborn screen: MSUD flagged; amino acids pending.\n")
    assert any("poss.screen_positive_after" in e.modifier_rules for e in facts.facts[IEM].evidence)
    facts = fragment_facts("Being managed as toxoplasmosis.\n")
    assert any("poss.empiric_treatment" in e.modifier_rules for e in facts.facts[INF].evidence)
