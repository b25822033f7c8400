"""Diseases named as the scope of a normal test, mechanisms, serostatus and screening elsewhere: the NLP readings.

- A normal screen whose list follows an abbreviation ("all analytes in range (incl. PKU, MSUD)") negates every item
  listed: "incl." ends no sentence (cue value set sentence.abbreviations), and "all analytes / markers within range,
  including ..." is a normal screen's list (neg.normal_screen).
- A genetic test that found nothing for the disease it was sent for rules the disease out, however the purpose is
  placed (neg.genetic_negative: "no pathogenic variant", "not expanded"); the disease or gene that names the test
  takes the test's negative result too (scope.test_name: "Leukodystrophy gene panel (for ...): negative").
- A denied suspicion reaches every item it names, each with its own qualifier ("neither an inherited leukodystrophy
  nor a primary mitochondrial disorder is suspected", scope.denied_suspicion; "is felt likely", poss.backward).
- Mitochondrial dysfunction told as an acquired process or a mechanism is no mitochondrial disorder
  (look.mitochondrial_mechanism, look.mitochondrial_mechanism_named).
- The JC virus antibody index is serostatus, no infection (look.seropositive); a PCR of the virus itself with its
  specimen before the result ("JCV PCR in CSF detected") is the infection, no bare analyte (look.test_analyte).
- A screen for a tumour elsewhere in the body names no brain tumour (look.tumor_screen_elsewhere).

Near misses keep their reading: a positive, pending or uncertain genetic result, a VUS after the verdict, a hedge
the denial does not reach, the patient's own mitochondrial disease beside a mechanism, a genetic cause, a brain
tumour screen, a question about a brain lesion.

Rows: an id, a text, a concept, the exact text of its mention, and the ConText assertions it must carry (an empty set
means affirmed; NOT_NEGATED any reading but a negation; NO_MENTION: no mention of that concept with that text).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.contracts import Mention

ASSERTIONS = {"negated", "uncertain", "historical", "hypothetical", "family"}
NOT_NEGATED = "not negated"
NO_MENTION = "no mention"
NEG = {"negated"}

Case = tuple[str, str, str, str, "set[str] | str"]

CASES: list[Case] = [
    # ---------------------------------------------------------------- a normal screen and the disorders it lists
    ("screen list after incl.", "Neonatal screen (day 2): normal - all analytes in range (incl. PKU, MSUD).",
     "INBORN_ERROR", "MSUD", NEG),
    ("all markers within limits, including", "Screen repeated: all markers within normal limits, including "
     "galactosemia.", "INBORN_ERROR", "galactosemia", NEG),
    # ---------------------------------------------------------------- a genetic test for a disease, negative
    ("purpose in brackets, gene as the name", "POLG sequencing (sent for POLG-related mitochondrial disease): no "
     "pathogenic variant.", "MITOCHONDRIAL", "POLG", NEG),
    ("purpose in brackets, the disease", "POLG sequencing (sent for POLG-related mitochondrial disease): no "
     "pathogenic variant.", "MITOCHONDRIAL", "mitochondrial disease", NEG),
    ("purpose with its gene in brackets", "Targeted testing for Krabbe disease (GALC gene): no pathogenic variants.",
     "LEUKODYSTROPHY", "Krabbe disease", NEG),
    ("purpose after a comma, repeat not expanded", "GFAP repeat testing, for Alexander disease - not expanded.",
     "LEUKODYSTROPHY", "Alexander disease", NEG),
    ("the name takes the negative result", "Leukodystrophy gene panel (for adult-onset leukodystrophy): negative.",
     "LEUKODYSTROPHY", "Leukodystrophy", NEG),
    ("the gene after the verdict", "Sequencing: no pathogenic variant in POLG.", "MITOCHONDRIAL", "POLG", NEG),
    ("near miss: a VUS after the verdict", "Exome: no pathogenic variants, but a VUS in POLG.", "MITOCHONDRIAL",
     "POLG", set()),
    ("near miss: result pending", "POLG sequencing (sent for Alpers syndrome): pending.", "MITOCHONDRIAL",
     "Alpers syndrome", NOT_NEGATED),
    ("near miss: two pathogenic variants", "POLG sequencing: two pathogenic variants (compound heterozygous).",
     "MITOCHONDRIAL", "POLG", set()),
    # ---------------------------------------------------------------- a denied suspicion of two qualified diseases
    ("neither ... nor, first with its qualifier", "Neither an inherited leukodystrophy nor a primary mitochondrial "
     "disorder is suspected.", "LEUKODYSTROPHY", "leukodystrophy", NEG),
    ("neither ... nor, felt likely", "Neither a congenital metabolic disease nor an acquired demyelinating process "
     "is felt likely.", "INBORN_ERROR", "congenital metabolic disease", NEG),
    ("near miss: a suspicion after the denial", "No tumour is seen, but a low-grade glioma is suspected.", "GLIOMA",
     "low-grade glioma", {"uncertain"}),
    # ---------------------------------------------------------------- a mechanism is no disease
    ("mechanism, toxin-induced", "The proposed mechanism is toxin-induced mitochondrial dysfunction.",
     "MITOCHONDRIAL", "mitochondrial dysfunction", NO_MENTION),
    ("acts through mitochondrial dysfunction", "Thought to act through mitochondrial dysfunction rather than a direct "
     "toxic effect.", "MITOCHONDRIAL", "mitochondrial dysfunction", NO_MENTION),
    ("near miss: the patient's MELAS beside a mechanism", "The mechanism of the seizures in her MELAS is "
     "mitochondrial dysfunction.", "MITOCHONDRIAL", "MELAS", set()),
    ("near miss: a genetic cause", "Mitochondrial dysfunction secondary to a POLG mutation.", "MITOCHONDRIAL",
     "Mitochondrial dysfunction", set()),
    # ---------------------------------------------------------------- serostatus is no infection
    ("JCV index", "JCV index 2.1 on natalizumab.", "BRAIN_INFECTION", "JCV", NO_MENTION),
    ("the virus itself, in CSF", "JCV PCR in CSF detected.", "BRAIN_INFECTION", "JCV", set()),
    # ---------------------------------------------------------------- a tumour screen of another organ
    ("paraneoplastic tumour search", "Paraneoplastic tumour search: CT chest/abdomen/pelvis negative.",
     "BRAIN_TUMOR", "tumour", NO_MENTION),
    ("near miss: a brain tumour screen", "Brain tumour recurrence screening MRI shows a new nodule.", "BRAIN_TUMOR",
     "Brain tumour", set()),
    ("near miss: evaluate for an underlying tumour", "Hemorrhagic lesion; evaluate for an underlying tumour on "
     "follow-up MRI.", "BRAIN_TUMOR", "tumour", {"uncertain"}),
]


@pytest.mark.parametrize(("text", "concept", "span", "expected"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_negative_tests_mechanisms_serostatus(mentions: Callable[[str], list[Mention]], text: str, concept: str,
                                              span: str, expected: set[str] | str) -> None:
    found = [m for m in mentions(text) if m.concept == concept and m.text == span]
    if expected == NO_MENTION:
        assert not found, f"{concept} {span!r} should be no mention: {found}"
        return
    assert found, f"no {concept} {span!r} in {[(m.concept, m.text) for m in mentions(text)]}"
    held = set(found[0].modifiers) & ASSERTIONS
    if expected == NOT_NEGATED:
        assert "negated" not in held, found[0].modifier_rules
    else:
        assert held == expected, found[0].modifier_rules


def test_the_rule_ids_are_cited(mentions: Callable[[str], list[Mention]]) -> None:
    """Evidence names the cue: each reading cites its rule."""
    cases = {
        ("ABCD1 sequencing, for X-ALD - no pathogenic variant identified.", "X-ALD"): "neg.genetic_negative",
        ("Leukodystrophy gene panel (for adult-onset leukodystrophy): negative.", "Leukodystrophy"):
            "scope.test_name",
        ("No inherited leukodystrophy or primary mitochondrial disease is suspected.", "mitochondrial disease"):
            "scope.denied_suspicion",
    }
    for (text, span), rule in cases.items():
        found = [m for m in mentions(text) if m.text == span]
        assert found and "negated" in found[0].modifiers and rule in found[0].modifier_rules, (text, found)
    boundaries = {"JC virus antibody index 3.0 (high risk).": "look.seropositive",
                  "Secondary mitochondrial dysfunction from valproate.": "look.mitochondrial_mechanism",
                  "Occult tumour screening with whole-body PET was negative.": "look.tumor_screen_elsewhere"}
    for text, rule in boundaries.items():
        assert any(m.rule_id == rule for m in mentions(text)), (text, rule)
