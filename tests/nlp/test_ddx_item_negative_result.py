"""A differential item answered by its own negative test is settled; the other items keep their hedge.

"DDx: A vs B; <A's own test> negative": the test named for item A, its abbreviation or its enzyme ("Toxo IgG", "RPR
and VDRL", "GALC activity", "ceruloplasmin and urine copper", "PEX panel"), reported negative or normal after the hedge,
in the item's sentence or the next one of its paragraph, settles A: its mention is negated only, citing the pair's id
(own_test.*) through scope.item_own_test (context.yaml `scopes.item_own_test`). B, whose test was not named, keeps its
hedge. Near misses keep their reading: another item's test, an abnormal, open or relative's result, a paragraph
between, a known (not hedged) diagnosis.

Rows: id, text, concept, the mention's text, its expected assertions among ASSERTIONS, a rule id it must cite.
"""

from __future__ import annotations

import pytest
from text_to_criteria import find_mention

ASSERTIONS = {"negated", "uncertain", "hypothetical", "family"}
N, U, NONE = {"negated"}, {"uncertain"}, set[str]()
SCOPE = "scope.item_own_test"

CASES: list[tuple[str, str, str, str, set[str], str | None]] = [
    ("toxo IgG in the next sentence", "Ddx: toxoplasmosis vs lymphoma. Toxo IgG negative.", "BRAIN_INFECTION",
     "toxoplasmosis", N, "own_test.toxoplasmosis"),
    ("capitals, semicolon, toxoplasma IgG", "DDx: Toxoplasmosis vs PCNSL; toxoplasma IgG negative.",
     "BRAIN_INFECTION", "Toxoplasmosis", N, SCOPE),
    ("RPR and VDRL nonreactive", "Differential included neurosyphilis versus HIV encephalopathy; RPR and VDRL "
     "nonreactive.", "BRAIN_INFECTION", "neurosyphilis", N, "own_test.syphilis"),
    ("hyphenated non-reactive", "Differential diagnosis: neurosyphilis vs HIV encephalopathy; VDRL non-reactive in "
     "CSF.", "BRAIN_INFECTION", "neurosyphilis", N, SCOPE),
    ("enzyme of the long name, aside, date", "considered Krabbe disease (GALC deficiency) vs CMV; GALC activity "
     "normal 10/02", "LEUKODYSTROPHY", "Krabbe disease", N, "own_test.krabbe"),
    ("the abbreviation in parentheses too", "considered Krabbe disease (GALC deficiency) vs CMV; GALC activity "
     "normal 10/02", "LEUKODYSTROPHY", "GALC deficiency", N, SCOPE),
    ("query mark, two tests, dash", "? Wilson disease vs autoimmune hepatitis - ceruloplasmin and 24-h urine copper "
     "normal", "INBORN_ERROR", "Wilson disease", N, "own_test.wilson"),
    ("British spelling, line wrap", "? Wilson's disease vs autoimmune hepatitis -\nserum caeruloplasmin and 24-hour "
     "urine copper normal", "INBORN_ERROR", "Wilson's disease", N, SCOPE),
    ("arylsulfatase, long name with abbreviation", "Ddx - metachromatic leukodystrophy (MLD) vs Krabbe disease - ARSA "
     "activity normal 09/14.", "LEUKODYSTROPHY", "metachromatic leukodystrophy", N, "own_test.mld"),
    ("VLCFAs within normal limits", "considered X-linked adrenoleukodystrophy vs ADEM; VLCFAs within normal limits",
     "LEUKODYSTROPHY", "X-linked adrenoleukodystrophy", N, "own_test.x_ald"),
    ("form capitals, PEX gene panel", "DDX: CONGENITAL CMV VS ZELLWEGER SPECTRUM - PEX GENE PANEL NEGATIVE.",
     "INBORN_ERROR", "ZELLWEGER", N, "own_test.peroxisomal"),
    ("urine NAA, next sentence", "Differential: Canavan disease vs Alexander disease. Urine NAA normal.",
     "INBORN_ERROR", "Canavan disease", N, "own_test.canavan"),
    ("JCV PCR not detected", "Ddx: PML vs HIV encephalopathy; CSF JCV PCR not detected.", "BRAIN_INFECTION", "PML",
     N, "own_test.jc_virus"),
    ("AQP4 negative, the other test pending", "Impression: NMOSD vs MOGAD; AQP4 antibody negative, MOG antibody "
     "pending.", "DEMYELINATION", "NMOSD", N, "own_test.nmosd"),
    ("cysticercus serology with aside", "Ddx: neurocysticercosis vs tuberculoma. Cysticercus serology (EITB) "
     "negative.", "BRAIN_INFECTION", "neurocysticercosis", N, "own_test.cysticercosis"),
    ("HSV PCR negative x2", "Ddx: HSV encephalitis vs autoimmune encephalitis; CSF HSV PCR negative x2.",
     "BRAIN_INFECTION", "HSV encephalitis", N, "own_test.hsv"),
    ("oxysterols normal", "Ddx Niemann-Pick type C vs mitochondrial disease; oxysterols normal", "INBORN_ERROR",
     "Niemann-Pick", N, "own_test.niemann_pick"),
    ("mtDNA sequencing negative", "DDx: MELAS vs Leigh syndrome; mtDNA sequencing negative.", "MITOCHONDRIAL",
     "MELAS", N, "own_test.mitochondrial_dna"),
    # near misses: the other items, results that are not negative, no hedge
    ("near: the other item keeps its hedge", "Ddx: toxoplasmosis vs lymphoma. Toxo IgG negative.", "CNS_LYMPHOMA",
     "lymphoma", U, "poss.versus"),
    ("near: HIV of the other item", "Differential included neurosyphilis versus HIV encephalopathy; RPR and VDRL "
     "nonreactive.", "HIV", "HIV", U, "poss.versus"),
    ("near: Alexander keeps its hedge", "Differential: Canavan disease vs Alexander disease. Urine NAA normal.",
     "LEUKODYSTROPHY", "Alexander disease", U, "poss.versus"),
    ("near: MOG antibody pending", "Impression: NMOSD vs MOGAD; AQP4 antibody negative, MOG antibody pending.",
     "DEMYELINATION", "MOGAD", U, "poss.versus"),
    ("near: another item's test", "DDx: CMV vs toxoplasmosis; CMV PCR negative", "BRAIN_INFECTION", "toxoplasmosis",
     U, "poss.versus"),
    ("near: abnormal result", "DDx: MELAS vs Leigh - lactate 4.2 (high)", "MITOCHONDRIAL", "MELAS", U, None),
    ("near: biopsy pending", "DDx: lymphoma vs GBM; biopsy pending", "CNS_LYMPHOMA", "lymphoma", U, None),
    ("near: enzyme pending", "cannot exclude Krabbe; GALC pending", "LEUKODYSTROPHY", "Krabbe", U, None),
    ("near: ceruloplasmin low", "Wilson disease vs AIH; ceruloplasmin low", "INBORN_ERROR", "Wilson disease", U,
     None),
    ("near: low before a normal test", "? Wilson disease vs AIH - ceruloplasmin low, urine copper normal",
     "INBORN_ERROR", "Wilson disease", U, None),
    ("near: serology positive", "DDx: toxoplasmosis vs lymphoma; toxo IgG positive.", "BRAIN_INFECTION",
     "toxoplasmosis", U, None),
    ("near: the mother's test", "Ddx: toxoplasmosis vs lymphoma. Toxo IgG negative in mother.", "BRAIN_INFECTION",
     "toxoplasmosis", U, None),
    ("near: one reactive of two", "Differential: neurosyphilis vs HIV; RPR reactive, VDRL nonreactive.",
     "BRAIN_INFECTION", "neurosyphilis", U, None),
    ("near: enzyme low", "DDx: Krabbe vs MLD - GALC activity low.", "LEUKODYSTROPHY", "Krabbe", U, None),
    ("near: a paragraph between", "Ddx: toxoplasmosis vs lymphoma.\n\nToxo IgG negative.", "BRAIN_INFECTION",
     "toxoplasmosis", U, None),
    ("near: a known disease on treatment", "Known Wilson disease; ceruloplasmin normal on chelation.",
     "INBORN_ERROR", "Wilson disease", NONE, None),
    ("near: the other enzyme pending", "Ddx: MLD vs Krabbe. ARSA activity pending; GALC normal.", "LEUKODYSTROPHY",
     "MLD", U, None),
]


@pytest.mark.parametrize(("text", "concept", "span", "expected", "rule"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_ddx_item_negative_result(mentions, text: str, concept: str, span: str,  # type: ignore[no-untyped-def]
                                  expected: set[str], rule: str | None) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & ASSERTIONS == expected, (mention.modifiers, mention.modifier_rules)
    if rule is not None:
        assert rule in mention.modifier_rules
