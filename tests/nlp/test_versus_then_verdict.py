"""A differential's "versus" hedge does not outlive a later clause that gives its own verdict on the item.

"A vs B", then an aside, a dash or a comma, then a test or verdict that names B as negative or normal: the versus cue
(context.yaml poss.versus: bidirectional, it reaches across ")" and " - ") reaches the B of the verdict clause, which
also carries the verdict's negation. The verdict settles the hedge (scope.final_verdict, poss.versus among its
`hedges`): the B of the verdict clause is negated only. The differential's own B keeps its hedge (the B of the verdict
clause is another target between it and the verdict), and so does A.

Also: a normal enzyme result names its disorder ("Krabbe enzyme normal": neg.tested_for_normal, "enzyme" before the
result is a test word) without reaching across a "vs" to the other side; "Aicardi-Goutieres" without "syndrome"
is a leukodystrophy (targets.yaml leuko.other).

Rows: id, text, concept, the mention's text ("#2": its second mention of that text), its expected assertions among
ASSERTIONS (None: no mention of the concept at all), a rule id it must cite. Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import find_mention

ASSERTIONS = {"negated", "uncertain", "hypothetical", "family"}
N, U, NU = {"negated"}, {"uncertain"}, {"negated", "uncertain"}
VERDICT = "scope.final_verdict"

CASES: list[tuple[str, str, str, str, set[str], str | None]] = [
    # the B of the verdict clause: negated only
    ("dash, mtDNA testing negative", "viral encephalitis vs MELAS - mtDNA MELAS testing negative",
     "MITOCHONDRIAL", "MELAS#2", N, VERDICT),
    ("aside, dash, antibody negative, date", "demyelination vs NMOSD (AQP4) - NMO antibody negative 10/02",
     "DEMYELINATION", "NMO", N, VERDICT),
    ("comma, enzyme normal", "infection vs Krabbe, Krabbe enzyme normal", "LEUKODYSTROPHY", "Krabbe#2", N, VERDICT),
    ("versus spelled out, en dash, unlikely", "Impression: glioma versus abscess \u2013 abscess unlikely.",
     "BRAIN_INFECTION", "abscess#2", N, VERDICT),
    ("vs., capitals, not identified", "DDx: Lymphoma vs. toxoplasmosis - TOXOPLASMOSIS not identified on PCR.",
     "BRAIN_INFECTION", "TOXOPLASMOSIS", N, VERDICT),
    ("double dash, unlikely given", "MS vs ADEM -- ADEM unlikely given the course", "DEMYELINATION", "ADEM#2", N,
     VERDICT),
    ("line wrap, dash, normal", "ddx metastasis vs\nmitochondrial disease - MELAS gene testing normal",
     "MITOCHONDRIAL", "MELAS", N, None),
    ("parenthesis aside, dash, negative", "encephalitis vs Leigh syndrome (lactate 2.1) - Leigh syndrome panel "
     "negative", "MITOCHONDRIAL", "Leigh syndrome#2", N, VERDICT),
    ("British spelling, disease named, comma", "tumour vs Krabbe disease, Krabbe enzyme normal", "LEUKODYSTROPHY",
     "Krabbe", N, VERDICT),
    ("eponym alone, sequencing negative", "TORCH infection vs Aicardi-Goutieres - Aicardi-Goutieres panel negative",
     "LEUKODYSTROPHY", "Aicardi-Goutieres#2", N, VERDICT),
    ("semicolon, excluded", "Differential: toxoplasmosis vs lymphoma; lymphoma excluded on CSF flow", "CNS_LYMPHOMA",
     "lymphoma#2", N, None),
    # the vocabulary
    ("eponym without syndrome", "Aicardi-Goutieres leukoencephalopathy is suspected.", "LEUKODYSTROPHY",
     "Aicardi-Goutieres", U, None),
    ("eponym with accent", "Possible Aicardi-Goutières with basal ganglia calcification.", "LEUKODYSTROPHY",
     "Aicardi-Goutières", U, None),
    ("AGS in a genetics context", "Genetic testing for AGS has been sent.", "LEUKODYSTROPHY", "AGS", {"hypothetical"},
     None),
    # near misses
    ("near: A keeps the hedge", "viral encephalitis vs MELAS - mtDNA MELAS testing negative", "BRAIN_INFECTION",
     "viral encephalitis", U, "poss.versus"),
    ("near: enzyme result does not cross the vs", "infection vs Krabbe, Krabbe enzyme normal", "BRAIN_INFECTION",
     "infection", U, "poss.versus"),
    ("near: verdict about another target", "r/o lymphoma, CSF cytology negative", "CNS_LYMPHOMA", "lymphoma", NU,
     "poss.evaluate_for"),
    ("near: B cannot be excluded", "glioma vs abscess - abscess cannot be excluded", "BRAIN_INFECTION", "abscess", U,
     None),
    ("near: biopsy pending", "glioma vs abscess - biopsy pending", "BRAIN_INFECTION", "abscess", U, "poss.versus"),
    ("near: no abscess, favour glioma", "glioma vs abscess, no abscess seen on DWI, favour glioma", "GLIOMA",
     "glioma", U, "poss.versus"),
    # the differential's own B is answered by its own test too (mtDNA is MELAS's test: scope.item_own_test,
    # tests/nlp/test_ddx_item_negative_result.py)
    ("the differential's B, its own test negative", "viral encephalitis vs MELAS - mtDNA MELAS testing negative",
     "MITOCHONDRIAL", "MELAS", N, "own_test.mitochondrial_dna"),
    ("near: Aicardi syndrome is another disorder", "Aicardi syndrome with callosal agenesis.", "LEUKODYSTROPHY",
     "Aicardi", None, None),  # type: ignore[list-item]
]


@pytest.mark.parametrize(("text", "concept", "span", "expected", "rule"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_versus_then_verdict(mentions, text: str, concept: str, span: str,  # type: ignore[no-untyped-def]
                             expected: set[str] | None, rule: str | None) -> None:
    if expected is None:
        assert not [m for m in mentions(text) if m.concept == concept], mentions(text)
        return
    span, _, nth = span.partition("#")
    if nth:
        found = [m for m in mentions(text) if m.concept == concept and m.text == span]
        assert len(found) >= int(nth), [(m.concept, m.text) for m in mentions(text)]
        mention = found[int(nth) - 1]
    else:
        mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & ASSERTIONS == expected, (mention.modifiers, mention.modifier_rules)
    if rule is not None:
        assert rule in mention.modifier_rules
