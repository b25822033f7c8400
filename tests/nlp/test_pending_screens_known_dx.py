"""What a test looks for is not what the patient has; a test's result does not undo a known diagnosis: the NLP readings.

A disease named by a test not yet resulted (pending, sent, ordered, drawn, submitted, awaited, outstanding, in its
sentence's clause or in the heading of the list the test is an item of) is hypothetical, whether it stands in the
test's list or purpose or names the test itself (scope.pending_test_list); its own hedge, a result in the clause or
the patient's own disease ("for his known X-ALD") keep their reading. A diagnosis given in parentheses as the
patient's own ("known", "h/o", "dx", "pt with") loses what the cues outside the parentheses assert of it: the test's
result or state is a monitoring value (scope.known_aside). A test of the agent with its result reads the infection
even where its name is a lab word (inf.agent_test_result_*). The facts are tabled in
tests/facts/test_pending_screens_known_dx_facts.py.

Rows: an id, a text, a concept, the exact text of its mention, the ConText assertions it must carry (an empty set
means affirmed) and a rule id its mention must name (or None).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.contracts import Mention

ASSERTIONS = {"negated", "uncertain", "historical", "hypothetical", "family"}
PENDING, KNOWN = "scope.pending_test_list", "scope.known_aside"
HYP = {"hypothetical"}

Case = tuple[str, str, str, str, "set[str]", "str | None"]

CASES: list[Case] = [
    # ---------------------------------------------------------------- a test not yet resulted
    ("status, then the list after including", "Newborn screen (first, day 2): sent, including MSUD and PKU.",
     "INBORN_ERROR", "MSUD", HYP, PENDING),
    ("the disease names the test", "Leukodystrophy gene panel drawn at the outside lab.", "LEUKODYSTROPHY",
     "Leukodystrophy", HYP, PENDING),
    ("the purpose after for, inside an incl. list", "Metabolic studies sent (incl. lactate, pyruvate, amino acids "
     "for MSUD).", "INBORN_ERROR", "MSUD", HYP, PENDING),
    ("a heading's status reaches its items", "Results pending at discharge:\n- VLCFA (X-ALD)\n- SCN1A sequencing",
     "LEUKODYSTROPHY", "X-ALD", HYP, PENDING),
    ("not yet back", "Toxoplasma and cryptococcal work-up (CSF HSV encephalitis PCR): not yet back.",
     "BRAIN_INFECTION", "HSV encephalitis", HYP, PENDING),
    # ---------------------------------------------------------------- near misses
    ("near miss: a hedge of its own", "Amino acids sent to evaluate for MSUD.", "INBORN_ERROR", "MSUD",
     {"uncertain"}, None),
    ("near miss: a result in the clause", "Epilepsy gene panel: pathogenic variant; repeat sent to confirm.",
     "EPILEPSY", "Epilepsy", set(), None),
    ("near miss: his known disease", "VLCFA ordered for his known X-ALD.", "LEUKODYSTROPHY", "X-ALD", set(), None),
    ("near miss: a heading with a result", "Results (normal):\n- VLCFA (X-ALD)", "LEUKODYSTROPHY", "X-ALD",
     set(), None),
    ("near miss: a problem list", "Problems:\n- MSUD\n- epilepsy", "INBORN_ERROR", "MSUD", set(), None),
    # ---------------------------------------------------------------- a known diagnosis as the test's reason
    ("known, then normal", "Plasma amino acids (known MSUD): within normal limits.", "INBORN_ERROR", "MSUD", set(),
     None),
    ("h/o stays historical", "Urine orotic acid (h/o OTC deficiency) - unremarkable.", "INBORN_ERROR",
     "OTC deficiency", {"historical"}, None),
    ("pt with known, then negative", "Lactate/pyruvate (pt with known MELAS): negative.", "MITOCHONDRIAL", "MELAS",
     set(), None),
    ("known after the verdict", "Acylcarnitines: normal (known propionic acidemia, on carnitine).", "INBORN_ERROR",
     "propionic acidemia", set(), None),
    ("known, then pending", "Phenylalanine (dx PKU 2020) pending.", "INBORN_ERROR", "PKU", set(), None),
    # ---------------------------------------------------------------- near misses
    ("near miss: the purpose", "Plasma amino acids (for MSUD): within normal limits.", "INBORN_ERROR", "MSUD",
     {"negated"}, None),
    ("near miss: no known", "Plasma amino acids (no known MSUD): normal.", "INBORN_ERROR", "MSUD", {"negated",
     "historical"}, None),
    # ---------------------------------------------------------------- a test of the agent with its result
    ("antigen with a result", "CSF cryptococcal antigen reactive, titre 1:160.", "BRAIN_INFECTION",
     "cryptococcal antigen", set(), "inf.agent_test_result_cryptococcus"),
    ("PCR negative", "CSF JC virus PCR: not detected.", "BRAIN_INFECTION", "JC virus PCR", {"negated"},
     "inf.agent_test_result_jc_virus"),
]


@pytest.mark.parametrize(("text", "concept", "span", "expected", "rule"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_pending_screens_known_dx(mentions: Callable[[str], list[Mention]], text: str, concept: str, span: str,
                                  expected: set[str], rule: str | None) -> None:
    found = [m for m in mentions(text) if m.concept == concept and m.text == span]
    assert found, f"no {concept} {span!r} in {[(m.concept, m.text) for m in mentions(text)]}"
    mention = found[0]
    assert set(mention.modifiers) & ASSERTIONS == expected, (mention.modifiers, mention.modifier_rules)
    if rule is not None:
        assert rule in (mention.rule_id, *mention.modifier_rules), (mention.rule_id, mention.modifier_rules)
