"""A disease or organism that only names a treatment, a test, a monitoring protocol, a team or an evaluation is
not the patient's affirmed diagnosis (mention level; the facts: tests/facts/test_disease_naming_treatment_or_test_facts.py).

The class: the agent's word used as the name of something else read as the infection (or the tumour) affirmed.
The rules:
- a treatment under way named by the agent, its treatment noun right after it ("day 9 of anti-cryptococcal
  induction", "toxoplasma therapy day 6", "continue the histoplasmosis regimen", "nocardia coverage"): uncertain
  (context.yaml poss.treatment_named_by_agent; the clinician may be treating empirically);
- an evaluation named by the infection ("held pending PML evaluation"): uncertain (poss.infection_evaluation);
- a negative test named by the disease ("negative coccidioidomycosis serology"): negated
  (neg.negative_test_named);
- a monitoring or screening protocol ("PML-screening protocol", "PML surveillance MRI"): no infection
  (targets.yaml look.infection_monitoring_protocol);
- "NCC" as the neurocritical care service in a team or call line ("the NCC fellow", "paged the NCC attending",
  "discussed with NCC"): no neurocysticercosis (look.ncc_neurocritical_care);
- "METs" as metabolic equivalents ("4 METs", "METs ~5", "achieved 7 METs"): no metastases
  (look.metabolic_equivalents).
Near misses keep their reading: a disease word before the treatment ("cryptococcal meningitis; day 3 of
induction"), a negated treatment ("no toxo therapy given"), "Neurocysticercosis (NCC) with cysts", "k/c/o NCC",
"consistent with NCC", "brain mets s/p SRS", "3 mets, the largest 9 mm".
Limits: only the agent words of the rule (not "TB therapy": "TB" alone is no target; "HSV" alone neither); "neg"
before the test-named disease is read by another cue; a negative toxoplasma, JC virus or cryptococcal test stays
a test (look.test_analyte: no fact), not an absent infection; "METS" in capitals without a number or an exercise
word stays metastases; a treatment named by its drugs only ("on pyrimethamine") is outside this class.

Rows: id, text, concept, the mention's text, its expected assertions among ASSERTIONS (an empty set: affirmed;
NO_MENTION: no mention of that concept with that text). Rows whose id starts with "near" keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.contracts import Mention

ASSERTIONS = {"negated", "uncertain", "historical", "hypothetical", "family"}
NO_MENTION = "no mention"
INF, MET = "BRAIN_INFECTION", "BRAIN_METASTASIS"
U, NEG, AFF = {"uncertain"}, {"negated"}, set[str]()

CASES: dict[str, tuple[str, str, str, set[str] | str]] = {
    # ------------------------------------------------------------ a treatment under way named by the agent
    "anti-agent induction day": ("Day 6 of anti-cryptococcal induction, K+ replaced.", INF, "cryptococcal", U),
    "agent therapy day n": ("Toxoplasma therapy day 6; no cytopenias.", INF, "Toxoplasma", U),
    "continue the regimen": ("Continue the histoplasmosis regimen through the holidays.", INF, "histoplasmosis", U),
    "coverage without empiric": ("Nocardia coverage narrowed once sensitivities return.", INF, "Nocardia", U),
    "crypto maintenance": ("Crypto maintenance: fluconazole 200 mg daily.", INF, "Crypto", U),
    # ------------------------------------------------------------ an evaluation, a negative test
    "held pending PML eval": ("Ocrelizumab dose deferred pending PML eval.", INF, "PML", U),
    "negative serology before the disease": ("Negative coccidioidomycosis serology in March.", INF,
                                             "coccidioidomycosis", NEG),
    # ------------------------------------------------------------ protocols, teams, metabolic equivalents
    "PML surveillance MRI": ("PML surveillance MRI every 6 months on natalizumab.", INF, "PML", NO_MENTION),
    "PML risk stratification": ("PML risk stratification reviewed with the patient.", INF, "PML", NO_MENTION),
    "NCC resident": ("Note written by the NCC resident.", INF, "NCC", NO_MENTION),
    "transferred to NCC": ("Transferred to NCC overnight for airway watch.", INF, "NCC", NO_MENTION),
    "NCC team following": ("NCC team following; q1h neuro checks.", INF, "NCC", NO_MENTION),
    "greater than n METs": ("Able to perform >4 METs without chest pain.", MET, "METs", NO_MENTION),
    "METs then a number": ("Treadmill: METs 8.1, no ischemic changes.", MET, "METs", NO_MENTION),
    # ------------------------------------------------------------ near misses
    "near: disease word, then induction": ("Cryptococcal meningitis; day 3 of induction.", INF, "Cryptococcal",
                                           AFF),
    "near: negated treatment": ("She has not been on toxo therapy.", INF, "toxo", NEG),
    "near: NCC defined": ("Neurocysticercosis (NCC) with two calcified cysts.", INF, "NCC", AFF),
    "near: consistent with NCC": ("Scolex seen, consistent with NCC.", INF, "NCC", AFF),
    "near: brain mets s/p SRS": ("Brain mets s/p SRS.", MET, "Brain mets", {"historical"}),
    "near: n mets lower case": ("4 mets in the posterior fossa.", MET, "mets in the posterior", AFF),
    # the treatment is what was never given (neg.treatment_not_needed_after); the lesion it names stays affirmed
    "near: radiation therapy near toxo": ("Radiation therapy was never given for the toxo lesion.", INF, "toxo",
                                          AFF),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected"), CASES.values(), ids=CASES.keys())
def test_disease_naming_treatment_or_test(mentions: Callable[[str], list[Mention]], text: str, concept: str,
                                          span: str, expected: set[str] | str) -> None:
    found = [m for m in mentions(text) if m.concept == concept and m.text == span]
    if expected == NO_MENTION:
        assert not found, f"{concept} {span!r} should be no mention: {found}"
        return
    assert found, f"no {concept} {span!r} in {[(m.concept, m.text) for m in mentions(text)]}"
    held = set(found[0].modifiers) & ASSERTIONS
    if found[0].attrs.get("assertion") == "suspected":
        held.add("uncertain")
    assert held == expected, found[0].modifier_rules


def test_the_rule_ids_are_cited(mentions: Callable[[str], list[Mention]]) -> None:
    """Evidence names the cue."""
    named = [m for m in mentions("Week 3 of toxo therapy.") if m.concept == INF]
    assert named and "poss.treatment_named_by_agent" in named[0].modifier_rules
    negative = [m for m in mentions("Negative histoplasmosis serology.") if m.concept == INF]
    assert negative and "neg.negative_test_named" in negative[0].modifier_rules
