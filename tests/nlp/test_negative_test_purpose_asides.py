"""A negative test whose purpose sits in parentheses with other remarks: the NLP readings.

A test named with its purpose in parentheses, followed by a negative result, rules the purpose's disease out, also
when the parentheses carry other remarks (where or when it was sent, who ordered it, the lab): "ABCD1 analysis (to
exclude X-ALD, Invitae, 06/2025) - negative" (scope.test_purpose_aside); so does a negative result told first, with
the parentheses saying what the test was sent for ("no pathogenic variants (panel sent for Krabbe disease through
Invitae)"). A target that names the test right before the parentheses is ruled out with it ("Leukodystrophy panel
(...) -- no variant found"), and the purpose's own hedge ("for suspected MELAS", "to rule out") is settled.

Near misses keep their reading: a positive, pending or uncertain result, a VUS after the negative verdict, a disease
named in the parentheses as the patient's known diagnosis and not as the test's purpose, an MRI.

Rows: an id, a text, a concept, the exact text of its mention, and the ConText assertions it must carry (an empty set
means affirmed; NOT_NEGATED any reading but a negation).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.contracts import Mention

ASSERTIONS = {"negated", "uncertain", "historical", "hypothetical", "family"}
NOT_NEGATED = "not negated"
NEG = {"negated"}
RULE = "scope.test_purpose_aside"

Case = tuple[str, str, str, str, "set[str] | str"]

CASES: list[Case] = [
    # ---------------------------------------------------------------- purpose and remarks, then a negative result
    ("hedged purpose; lab and date after a semicolon", "Mitochondrial genome sequencing (for suspected MELAS; drawn "
     "at the outside lab, 03/2025): no pathogenic variants detected.", "MITOCHONDRIAL", "MELAS", NEG),
    ("rule out, lab and year after commas", "Whole-exome sequencing (to rule out Leigh syndrome, GeneDx, 2024) - no "
     "pathogenic or likely pathogenic variants.", "MITOCHONDRIAL", "Leigh syndrome", NEG),
    ("who ordered it first, then the purpose", "POLG gene analysis (ordered by neurology; looking for Alpers "
     "syndrome) = negative.", "MITOCHONDRIAL", "Alpers syndrome", NEG),
    ("amino acids, where it was sent", "Plasma amino acids (for maple syrup urine disease, sent from the referring "
     "hospital): normal.", "INBORN_ERROR", "maple syrup urine disease", NEG),
    ("organic acids, r/o, collected at OSH", "Urine organic acids (r/o methylmalonic acidemia, collected 09/14 at "
     "OSH) -- unremarkable.", "INBORN_ERROR", "methylmalonic acidemia", NEG),
    ("VLCFA within normal limits", "VLCFA panel (to exclude adrenoleukodystrophy; drawn by PCP 2023): within normal "
     "limits.", "LEUKODYSTROPHY", "adrenoleukodystrophy", NEG),
    ("enzyme assay, the lab named", "ARSA enzyme assay (for metachromatic leukodystrophy, Mayo Clinic Labs): normal.",
     "LEUKODYSTROPHY", "metachromatic leukodystrophy", NEG),
    ("the lab first, then the purpose", "GFAP sequencing (Prevention Genetics; to exclude Alexander disease) - no "
     "disease-causing variant found.", "LEUKODYSTROPHY", "Alexander disease", NEG),
    ("the test's name takes the result", "Leukodystrophy gene panel (requested by genetics; for adult-onset "
     "leukodystrophy) -- no variant found.", "LEUKODYSTROPHY", "Leukodystrophy", NEG),
    ("the purpose behind a remark, no variant found", "Leukodystrophy gene panel (requested by genetics; for "
     "adult-onset leukodystrophy) -- no variant found.", "LEUKODYSTROPHY", "leukodystrophy", NEG),
    # ---------------------------------------------------------------- the result first, the purpose after it
    ("verdict first, panel sent for", "No pathogenic variants (panel sent for Krabbe disease through Invitae).",
     "LEUKODYSTROPHY", "Krabbe disease", NEG),
    ("testing was negative, sent for", "Genetic testing was negative (sent for suspected leukodystrophy in 2023).",
     "LEUKODYSTROPHY", "leukodystrophy", NEG),
    # ---------------------------------------------------------------- near misses
    ("near miss: a pathogenic variant", "Mitochondrial DNA sequencing (for mitochondrial disease, sent at OSH): "
     "pathogenic m.3243A>G variant.", "MITOCHONDRIAL", "mitochondrial disease", set()),
    ("near miss: pending", "ABCD1 sequencing (for X-ALD, Invitae): pending.", "LEUKODYSTROPHY", "X-ALD",
     NOT_NEGATED),
    ("near miss: a VUS only", "POLG sequencing (for Alpers syndrome; sent 11/02): variant of uncertain significance "
     "only.", "MITOCHONDRIAL", "Alpers syndrome", set()),
    ("near miss: a VUS after the verdict", "Exome sequencing (for Leigh syndrome, sent 2024): no pathogenic "
     "variants, but a VUS in SURF1.", "MITOCHONDRIAL", "Leigh syndrome", set()),
    ("near miss: the known diagnosis", "Lactate (known MELAS patient): 4.1 high.", "MITOCHONDRIAL", "MELAS", set()),
    ("near miss: an MRI", "MRI brain (for leukodystrophy, outside 2024): normal.", "LEUKODYSTROPHY",
     "leukodystrophy", NOT_NEGATED),
]


@pytest.mark.parametrize(("text", "concept", "span", "expected"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_negative_test_purpose_asides(mentions: Callable[[str], list[Mention]], text: str, concept: str, span: str,
                                      expected: set[str] | str) -> None:
    found = [m for m in mentions(text) if m.concept == concept and m.text == span]
    assert found, f"no {concept} {span!r} in {[(m.concept, m.text) for m in mentions(text)]}"
    held = set(found[0].modifiers) & ASSERTIONS
    if expected == NOT_NEGATED:
        assert "negated" not in held, found[0].modifier_rules
        return
    assert held == expected, found[0].modifier_rules
    if expected == NEG:
        assert RULE in found[0].modifier_rules, found[0].modifier_rules
