"""A normal or negative test for a disorder rules the disorder out, whatever order the words come in.

- The verdict after the test that named the disorder: "GALC activity for Krabbe disease came back normal", "the
  panel, which covers galactosemia, was normal", "VLCFA profile (for X-ALD): normal" (neg.tested_for_normal), and
  before it: "normal arylsulfatase A activity for MLD" (neg.normal_screen).
- A screen that lists what it covered negates every disorder listed, also the ones named by a bare eponym or
  enzyme: "Tay-Sachs", "Niemann-Pick", "MCAD" in a screen's list, "urea-cycle defects" (targets met.other,
  met.fao_abbreviation).
- The disorder as a label, then its tests and their normal result: "Wilson's disease: ceruloplasmin and urine
  copper both normal", "MLD - arylsulfatase A activity within normal limits" (neg.label_tests_normal).

Near misses keep their reading: an abnormal, positive, low or pending result, a normal result with an exception
that raises the disorder, a known disease followed on treatment, an image, a relative's test, a diagnosis named
before the test's "for", a result for another disorder than the one the clause confirms.

Rows: an id, a text, a concept, the exact text of its mention, and the ConText assertions it must carry (an empty
set means affirmed; NOT_NEGATED means any reading but a negation).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.contracts import Mention

ASSERTIONS = {"negated", "uncertain", "historical", "hypothetical", "family"}
NOT_NEGATED = "not negated"
NEG = {"negated"}

Case = tuple[str, str, str, str, "set[str] | str"]

CASES: list[Case] = [
    # ---------------------------------------------------------------- the verdict after the test for the disorder
    ("enzyme activity came back normal", "GALC enzyme activity for Krabbe disease came back normal.",
     "LEUKODYSTROPHY", "Krabbe disease", NEG),
    ("fatty acids for ALD were normal", "Plasma very long chain fatty acids for adrenoleukodystrophy were normal.",
     "LEUKODYSTROPHY", "adrenoleukodystrophy", NEG),
    ("two disorders within normal limits, first", "Testing for Canavan and Tay-Sachs disease was within normal "
     "limits.", "INBORN_ERROR", "Canavan", NEG),
    ("two disorders within normal limits, second", "Testing for Canavan and Tay-Sachs disease was within normal "
     "limits.", "INBORN_ERROR", "Tay-Sachs disease", NEG),
    ("screening returned normal", "A urine test for homocystinuria was normal last month.", "INBORN_ERROR",
     "homocystinuria", NEG),
    ("assay reported normal", "The ARSA assay for metachromatic leukodystrophy was reported normal.",
     "LEUKODYSTROPHY", "metachromatic leukodystrophy", NEG),
    ("test in brackets, verdict after a colon", "VLCFA profile (for X-ALD): normal.", "LEUKODYSTROPHY", "X-ALD",
     NEG),
    ("level at birth", "Her biotinidase level for biotinidase deficiency was normal at birth.", "INBORN_ERROR",
     "biotinidase deficiency", NEG),
    ("a panel for a group", "The gene panel for hypomyelinating leukodystrophies returned normal in May.",
     "LEUKODYSTROPHY", "leukodystrophies", NEG),
    ("a screen that covers, verdict after", "The newborn screen, which covers galactosemia and MCAD deficiency, was "
     "normal.", "INBORN_ERROR", "galactosemia", NEG),
    ("a later hedge of another disorder", "Genetic testing for Krabbe disease was normal, but MLD remains "
     "possible.", "LEUKODYSTROPHY", "Krabbe disease", NEG),
    ("an infection tested for", "Serology for toxoplasmosis was reported normal.", "BRAIN_INFECTION",
     "toxoplasmosis", NEG),
    ("a hedge settled by the normal result", "Urine organic acid screening for glutaric aciduria returned normal.",
     "INBORN_ERROR", "glutaric aciduria", NEG),
    ("verdict before the test", "Normal arylsulfatase A activity for MLD.", "LEUKODYSTROPHY", "MLD", NEG),
    ("verdict before the levels", "Normal plasma VLCFA levels for adrenoleukodystrophy.", "LEUKODYSTROPHY",
     "adrenoleukodystrophy", NEG),
    # ---------------------------------------------------------------- a screen that lists what it covered
    ("screen list, bare eponym", "Expanded newborn screen negative (includes Tay-Sachs, MCAD and urea-cycle "
     "defects).", "INBORN_ERROR", "Tay-Sachs", NEG),
    ("screen list, bare enzyme", "Expanded newborn screen negative (includes Tay-Sachs, MCAD and urea-cycle "
     "defects).", "INBORN_ERROR", "MCAD", NEG),
    ("screen list, hyphenated pathway", "Expanded newborn screen negative (includes Tay-Sachs, MCAD and urea-cycle "
     "defects).", "INBORN_ERROR", "urea-cycle defects", NEG),
    ("screen negative for a list", "Lysosomal screen negative for: Niemann-Pick, Canavan.", "INBORN_ERROR",
     "Niemann-Pick", NEG),
    ("screen normal, covering", "Metabolic screen was normal, covering PKU and urea cycle defects.", "INBORN_ERROR",
     "urea cycle defects", NEG),
    # ---------------------------------------------------------------- the disorder as a label, its tests after it
    ("label, two tests both normal", "Wilson's disease: serum ceruloplasmin and urine copper both normal.",
     "INBORN_ERROR", "Wilson's disease", NEG),
    ("label with a dash, within normal limits", "MLD - arylsulfatase A activity within normal limits.",
     "LEUKODYSTROPHY", "MLD", NEG),
    ("label, dated result", "Adrenoleukodystrophy: plasma VLCFAs normal (08/2026).", "LEUKODYSTROPHY",
     "Adrenoleukodystrophy", NEG),
    ("two labels, first", "Krabbe disease and MLD: GALC and ARSA enzyme activities normal.", "LEUKODYSTROPHY",
     "Krabbe disease", NEG),
    ("two labels, second", "Krabbe disease and MLD: GALC and ARSA enzyme activities normal.", "LEUKODYSTROPHY",
     "MLD", NEG),
    ("label, double dash", "Canavan disease -- urine NAA normal.", "INBORN_ERROR", "Canavan disease", NEG),
    ("label in a work-up list", "Work-up:\n- Leigh syndrome: lactate and pyruvate normal\n- EEG pending\n",
     "MITOCHONDRIAL", "Leigh syndrome", NEG),
    # ---------------------------------------------------------------- near misses
    ("near miss: screen abnormal for", "The newborn screen was abnormal for galactosemia.", "INBORN_ERROR",
     "galactosemia", set()),
    ("near miss: normal but for a raised lactate", "Metabolic work-up normal apart from a raised lactate, raising "
     "concern for mitochondrial disease.", "MITOCHONDRIAL", "mitochondrial disease", NOT_NEGATED),
    ("near miss: test pending", "VLCFA testing for ALD is pending.", "LEUKODYSTROPHY", "ALD", NOT_NEGATED),
    ("near miss: normal MRI, genetic confirmation", "MRI was normal; however, genetic testing confirmed Krabbe "
     "disease.", "LEUKODYSTROPHY", "Krabbe disease", set()),
    ("near miss: another test positive", "Testing for HIV was normal, toxoplasmosis serology positive.",
     "BRAIN_INFECTION", "toxoplasmosis", set()),
    ("near miss: a relative's abnormal test", "Her brother's VLCFA test for ALD was abnormal.", "LEUKODYSTROPHY",
     "ALD", {"family"}),
    ("near miss: a relative's normal test", "Testing for ALD in his brother was normal.", "LEUKODYSTROPHY", "ALD",
     NOT_NEGATED),
    ("near miss: test sent, another study normal", "Genetic testing for Krabbe disease was sent; the EEG was "
     "normal.", "LEUKODYSTROPHY", "Krabbe disease", NOT_NEGATED),
    ("near miss: label, one result low", "Wilson disease: ceruloplasmin low, urine copper normal.", "INBORN_ERROR",
     "Wilson disease", set()),
    ("near miss: label, result pending", "MLD: arylsulfatase A activity pending.", "LEUKODYSTROPHY", "MLD",
     NOT_NEGATED),
    ("near miss: label, controlled on diet", "PKU: phenylalanine levels normal on diet.", "INBORN_ERROR", "PKU",
     set()),
    ("near miss: label, an image", "MELAS: MRI normal.", "MITOCHONDRIAL", "MELAS", set()),
    ("near miss: known disease followed", "Labs for her known PKU were normal.", "INBORN_ERROR", "PKU", set()),
    ("near miss: diagnosis before the test's for", "In a boy with suspected MLD, enzyme testing for Krabbe disease "
     "was normal.", "LEUKODYSTROPHY", "MLD", {"uncertain"}),
    ("near miss: normal except a variant", "The leukodystrophy panel was normal except for a pathogenic ARSA "
     "variant, consistent with MLD.", "LEUKODYSTROPHY", "MLD", set()),
    ("near miss: normal levels without for", "Normal lactate levels in this child with MSUD.", "INBORN_ERROR",
     "MSUD", set()),
    ("near miss: label, activity reduced", "Krabbe disease: GALC activity markedly reduced.", "LEUKODYSTROPHY",
     "Krabbe disease", set()),
]


@pytest.mark.parametrize(("text", "concept", "span", "expected"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_a_normal_test_rules_its_disorder_out(mentions: Callable[[str], list[Mention]], text: str, concept: str,
                                              span: str, expected: set[str] | str) -> None:
    found = [m for m in mentions(text) if m.concept == concept and m.text == span]
    assert found, f"no {concept} {span!r} in {[(m.concept, m.text) for m in mentions(text)]}"
    held = set(found[0].modifiers) & ASSERTIONS
    if expected == NOT_NEGATED:
        assert "negated" not in held, found[0].modifier_rules
    else:
        assert held == expected, found[0].modifier_rules


def test_the_rule_ids_are_cited(mentions: Callable[[str], list[Mention]]) -> None:
    """Evidence names the cue: each reading cites its rule."""
    cases = {"GALC enzyme activity for Krabbe disease came back normal.": "neg.tested_for_normal",
             "Wilson's disease: serum ceruloplasmin and urine copper both normal.": "neg.label_tests_normal",
             "Normal arylsulfatase A activity for MLD.": "neg.normal_screen"}
    for text, rule in cases.items():
        negated = [m for m in mentions(text) if "negated" in m.modifiers]
        assert negated and all(rule in m.modifier_rules for m in negated), (text, negated)
