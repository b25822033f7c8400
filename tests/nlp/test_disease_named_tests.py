"""A disease named only as what a test looks for is not the patient's disease; a result that excludes a disease
with a subject rules it out (mention level).

Class 1: a disease that names a test, screen, panel or work-up, or stands in its purpose, reads by the test's state:
- not resulted (sent, pending, ordered, drawn, "results to follow"): open, never affirmed nor negated; the pending
  scope reads it hypothetical (context.yaml scope.pending_test_list, its `name` now takes "enzyme", "VLCFA",
  "type C", "cascade", "work-up" and the lymphoma), a hedge of its own may read it uncertain;
- no result given ("MLD work-up: ARSA activity, urine sulfatides"): suspected (poss.test_named_screen: a screen,
  testing or work-up right after the disease, also a lymphoma or an infection, as poss.test_named reads a panel);
- the result normal for it, also after a measured value ("VLCFA (for X-ALD): C26:0 0.62, normal"): absent
  (scope.test_purpose_aside, its `verdict` now passes a value and its unit); a normal newborn screen's listed
  contents are absent (neg.normal_screen_list, as before: a screen that covered the disorder and was normal did
  test for it);
- positive, confirming or diagnostic of it: present (near misses).
Class 2: a result, report or clinician that excludes a disease, told with a subject and the verb's bare form
("normal enzyme activity and a negative sequencing result exclude Tay-Sachs disease", "these findings effectively
exclude CADASIL and multiple sclerosis", "the CSF and the biopsy rule out lymphoma") negates it
(neg.subject_excludes). Near misses stay open: "to exclude", "sent to rule out", "cannot exclude", "does not
exclude", "would not exclude", "unable to rule out", a condition, a question, a plan item, "may help exclude",
"confirm or exclude".

Rows: id, text, concept, the mention's text, the expected assertions among ASSERTIONS (or OPEN: uncertain or
hypothetical, not negated; NOT_NEGATED: anything but negated), a rule id it must cite (None: no check). Rows whose
id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import find_mention

ASSERTIONS = {"negated", "uncertain", "hypothetical", "family"}
U, NEG, AFF = {"uncertain"}, {"negated"}, set[str]()
OPEN, NOT_NEGATED = "open", "not negated"
SUBJ, ASIDE, NAMED = "neg.subject_excludes", "scope.test_purpose_aside", "poss.test_named_screen"

CASES: list[tuple[str, str, str, str, set[str] | str, str | None]] = [
    # ------------------------------------------------ 1a. the disease names a test not yet resulted: open
    ("enzyme assay pending", "Krabbe enzyme assay pending.", "LEUKODYSTROPHY", "Krabbe", OPEN, None),
    ("enzyme panel sent to a lab", "Tay-Sachs enzyme panel sent to Quest 10/14.", "INBORN_ERROR", "Tay-Sachs", OPEN,
     None),
    ("type C panel sent", "Niemann-Pick type C panel sent.", "INBORN_ERROR", "Niemann-Pick", OPEN, None),
    ("VLCFA panel, results to follow", "X-ALD VLCFA panel: sent 10/03, results to follow.", "LEUKODYSTROPHY",
     "X-ALD", OPEN, None),
    ("capitals, ordered", "CANAVAN ENZYME ASSAY ORDERED", "INBORN_ERROR", "CANAVAN", OPEN, None),
    ("line wrap inside the test name", "Genetics outstanding at discharge: the metachromatic leukodystrophy enzyme"
     "\nassay is pending (ARSA).", "LEUKODYSTROPHY", "metachromatic leukodystrophy", OPEN, None),
    ("family cascade testing sent", "Family cascade testing for Krabbe sent 09/12.", "LEUKODYSTROPHY", "Krabbe",
     OPEN, None),
    ("screen sent with its contents", "Wilson disease screen sent (ceruloplasmin, 24-h urine copper).",
     "INBORN_ERROR", "Wilson disease", OPEN, None),
    ("lymphoma work-up sent", "Lymphoma work-up: CSF cytology and flow cytometry sent.", "CNS_LYMPHOMA",
     "Lymphoma", OPEN, None),
    ("panel pending, bare", "Niemann-Pick C panel pending.", "INBORN_ERROR", "Niemann-Pick", OPEN, None),
    ("purpose in brackets, pending", "Urine organic acids (to look for glutaric aciduria) pending.", "INBORN_ERROR",
     "glutaric aciduria", OPEN, None),
    # ------------------------------------------------ 1b. the disease names a test, no result given: suspected
    ("work-up with its tests", "MLD work-up: ARSA activity, urine sulfatides.", "LEUKODYSTROPHY", "MLD", U, NAMED),
    ("workup one word", "Lymphoma workup: CSF flow cytometry, cytology.", "CNS_LYMPHOMA", "Lymphoma", U, NAMED),
    ("disease work-up, three tests", "Mitochondrial disease work-up: lactate, pyruvate, alanine.", "MITOCHONDRIAL",
     "Mitochondrial disease", U, NAMED),
    ("screen with its analytes", "Wilson disease screen: ceruloplasmin, 24-hour urine copper.", "INBORN_ERROR",
     "Wilson disease", U, NAMED),
    ("metabolic screen named by a syndrome", "Leigh syndrome metabolic screen: lactate, pyruvate, amino acids.",
     "MITOCHONDRIAL", "Leigh syndrome", U, NAMED),
    ("British spelling, screening", "Adrenoleukodystrophy screening: VLCFA, ACTH; discussed with the family.",
     "LEUKODYSTROPHY", "Adrenoleukodystrophy", U, NAMED),
    ("enzyme screen, enzyme in brackets", "Canavan disease enzyme screen (aspartoacylase).", "INBORN_ERROR",
     "Canavan disease", U, NAMED),
    ("testing with the enzyme in brackets", "Krabbe testing (GALC activity) discussed with genetics.",
     "LEUKODYSTROPHY", "Krabbe", U, NAMED),
    ("work-up for", "Work-up for mitochondrial disease: lactate, pyruvate.", "MITOCHONDRIAL",
     "mitochondrial disease", U, None),
    ("to look for", "Urine organic acids to look for glutaric aciduria.", "INBORN_ERROR", "glutaric aciduria", U,
     None),
    # ------------------------------------------------ 1c. the result normal for it: absent
    ("purpose in brackets, value, normal", "Very-long-chain fatty acids (for adrenoleukodystrophy) 0.6, normal.",
     "LEUKODYSTROPHY", "adrenoleukodystrophy", NEG, ASIDE),
    ("analyte and value after a colon", "VLCFA (for X-ALD): C26:0 0.62, normal.", "LEUKODYSTROPHY", "X-ALD", NEG,
     ASIDE),
    ("value with a unit", "ARSA activity (for MLD) 72 nmol/h/mg, normal.", "LEUKODYSTROPHY", "MLD", NEG, ASIDE),
    ("several analytes and values, then normal", "VLCFA (for adrenoleukodystrophy) C26:0 0.58, C24/C22 0.81, "
     "C26/C22 0.012, normal profile.", "LEUKODYSTROPHY", "adrenoleukodystrophy", NEG, ASIDE),
    ("two values with units, then unremarkable", "Plasma amino acids (for MSUD) leucine 120 umol/L, isoleucine 60 "
     "umol/L, unremarkable.", "INBORN_ERROR", "MSUD", NEG, ASIDE),
    ("near: several values, then elevated", "VLCFA (for X-ALD) C26:0 2.4, C24/C22 1.4, elevated.", "LEUKODYSTROPHY",
     "X-ALD", AFF, None),
    ("analyte, value, within normal limits", "Plasma amino acids (for MSUD): leucine 110, within normal limits.",
     "INBORN_ERROR", "MSUD", NEG, ASIDE),
    ("value, dash, normal", "GALC enzyme activity (for Krabbe disease) 4.2 nmol/hr/mg - normal.", "LEUKODYSTROPHY",
     "Krabbe disease", NEG, ASIDE),
    ("percentage, normal", "Hexosaminidase A activity (for Tay-Sachs disease): 68 %, normal.", "INBORN_ERROR",
     "Tay-Sachs disease", NEG, ASIDE),
    ("r/o in brackets, level", "Serum ceruloplasmin level (r/o Wilson disease): 31 mg/dL, normal.", "INBORN_ERROR",
     "Wilson disease", NEG, ASIDE),
    ("to exclude in brackets, unremarkable", "Urine organic acids (to exclude glutaric aciduria): glutarate 2, "
     "unremarkable.", "INBORN_ERROR", "glutaric aciduria", NEG, ASIDE),
    ("newborn screen normal, panel includes", "State newborn screen normal (panel includes PKU, MSUD, galactosemia, "
     "biotinidase).", "INBORN_ERROR", "galactosemia", NEG, "neg.normal_screen_list"),
    ("newborn screen normal, first listed", "State newborn screen normal (panel includes PKU, MSUD, galactosemia, "
     "biotinidase).", "INBORN_ERROR", "PKU", NEG, "neg.normal_screen_list"),
    # ------------------------------------------------ 1d. near misses: a positive, open or known result
    ("near: diagnostic after an elevated value", "VLCFA (for X-ALD) 2.1, elevated, diagnostic of X-ALD.",
     "LEUKODYSTROPHY", "X-ALD", AFF, None),
    ("near: panel positive", "Niemann-Pick C panel: two pathogenic NPC1 variants, positive for Niemann-Pick disease "
     "type C.", "INBORN_ERROR", "Niemann-Pick disease", AFF, None),
    ("near: confirms", "Krabbe screen positive; GALC activity 0.1, confirms Krabbe disease.", "LEUKODYSTROPHY",
     "Krabbe disease", AFF, None),
    ("near: a low value", "ARSA activity (for MLD) 8 nmol/h/mg, low.", "LEUKODYSTROPHY", "MLD", NOT_NEGATED, None),
    ("near: a known disease monitored", "Plasma amino acids (known MSUD): leucine 110, within normal limits.",
     "INBORN_ERROR", "MSUD", AFF, None),
    ("near: purpose, result pending", "VLCFA (for X-ALD): sent 10/03, result pending.", "LEUKODYSTROPHY", "X-ALD",
     NOT_NEGATED, None),
    ("near: diagnosis in its own words", "Canavan disease, confirmed by elevated urine NAA.", "INBORN_ERROR",
     "Canavan disease", AFF, None),
    ("near: a known diagnosis, a test pending", "Lymphoma diagnosed on biopsy 2023; CSF flow cytometry pending.",
     "CNS_LYMPHOMA", "Lymphoma", AFF, None),
    ("near: a confirmed disease, panel sent", "His X-ALD was confirmed in 2022; VLCFA panel sent today.",
     "LEUKODYSTROPHY", "X-ALD", AFF, None),
    # ------------------------------------------------ 2. a subject excludes it: absent
    ("compound subject, exclude", "Normal enzyme activity and a negative sequencing result exclude Tay-Sachs "
     "disease.", "INBORN_ERROR", "Tay-Sachs disease", NEG, SUBJ),
    ("findings effectively exclude, second item", "These findings effectively exclude CADASIL and multiple "
     "sclerosis.", "MULTIPLE_SCLEROSIS", "multiple sclerosis", NEG, SUBJ),
    ("two tests rule out", "The CSF and the biopsy rule out lymphoma.", "CNS_LYMPHOMA", "lymphoma", NEG, SUBJ),
    ("together exclude", "Negative cytology and flow cytometry together exclude CNS lymphoma.", "CNS_LYMPHOMA",
     "CNS lymphoma", NEG, SUBJ),
    ("levels exclude", "The normal ARSA activity and sulfatide levels exclude MLD.", "LEUKODYSTROPHY", "MLD", NEG,
     SUBJ),
    ("a value in brackets before the verb", "Normal VLCFAs (C26:0 0.6) exclude X-ALD in this boy.",
     "LEUKODYSTROPHY", "X-ALD", NEG, SUBJ),
    ("serologies in brackets", "Serologies (toxoplasma IgG, cryptococcal antigen) exclude toxoplasmosis.",
     "BRAIN_INFECTION", "toxoplasmosis", NEG, SUBJ),
    ("results rule out", "In our view the results rule out a glioma.", "GLIOMA", "glioma", NEG, SUBJ),
    ("clinician excludes", "We exclude an abscess on these grounds.", "BRAIN_INFECTION", "abscess", NEG, SUBJ),
    ("studies exclude", "The MRI and MRS exclude an abscess.", "BRAIN_INFECTION", "abscess", NEG, SUBJ),
    ("line wrap before the verb", "Taken together, the normal biopsy and the negative CSF cytology and flow\n"
     "cytometry exclude lymphoma.", "CNS_LYMPHOMA", "lymphoma", NEG, SUBJ),
    ("essentially exclude", "Normal lactate, pyruvate and mtDNA sequencing essentially exclude MELAS.",
     "MITOCHONDRIAL", "MELAS", NEG, SUBJ),
    ("the singular verb, as before", "The biopsy rules out lymphoma.", "CNS_LYMPHOMA", "lymphoma", NEG,
     "neg.excludes_forward"),
    # ------------------------------------------------ 2. near misses: the question, not its answer
    ("near: requested to exclude", "MRS requested to exclude lymphoma.", "CNS_LYMPHOMA", "lymphoma", U, None),
    ("near: cannot exclude", "Cannot exclude lymphoma.", "CNS_LYMPHOMA", "lymphoma", U, None),
    ("near: does not exclude", "This does not exclude lymphoma.", "CNS_LYMPHOMA", "lymphoma", U, None),
    ("near: would not exclude", "A normal scan would not exclude lymphoma.", "CNS_LYMPHOMA", "lymphoma", OPEN, None),
    ("near: unable to rule out", "Unable to rule out an abscess.", "BRAIN_INFECTION", "abscess", U, None),
    ("near: if negative, would exclude", "If negative, this would exclude lymphoma.", "CNS_LYMPHOMA", "lymphoma",
     OPEN, None),
    ("near: sent to rule out", "CSF sent to rule out lymphoma.", "CNS_LYMPHOMA", "lymphoma", U, None),
    ("near: imperative", "Exclude lymphoma.", "CNS_LYMPHOMA", "lymphoma", U, None),
    ("near: plan item", "Plan: exclude lymphoma with CSF cytology.", "CNS_LYMPHOMA", "lymphoma", U, None),
    ("near: confirm or exclude", "Biopsy to confirm or exclude a glioma.", "GLIOMA", "glioma", U, None),
    ("near: a question", "Do these findings exclude lymphoma?", "CNS_LYMPHOMA", "lymphoma", U, None),
    ("near: may help exclude", "The biopsy may help exclude lymphoma.", "CNS_LYMPHOMA", "lymphoma", U, None),
    ("near: doesn't exclude", "The CSF doesn't exclude lymphoma.", "CNS_LYMPHOMA", "lymphoma", U, None),
    ("near: cannot reliably exclude", "These results cannot reliably exclude MS.", "MULTIPLE_SCLEROSIS", "MS", U,
     None),
    ("near: don't rule out", "Normal ammonia and lactate don't rule out a urea cycle defect.", "INBORN_ERROR",
     "urea cycle defect", U, None),
    ("near: evaluate and exclude", "Testing to evaluate and exclude Krabbe disease was ordered.", "LEUKODYSTROPHY",
     "Krabbe disease", OPEN, None),
]


@pytest.mark.parametrize(("text", "concept", "span", "expected", "rule"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_disease_named_tests(mentions, text: str, concept: str, span: str,  # type: ignore[no-untyped-def]
                             expected: set[str] | str, rule: str | None) -> None:
    mention = find_mention(mentions, text, concept, span)
    held = set(mention.modifiers) & ASSERTIONS
    if expected == OPEN:
        assert "negated" not in held and held & {"uncertain", "hypothetical"}, (mention.modifiers,
                                                                               mention.modifier_rules)
    elif expected == NOT_NEGATED:
        assert "negated" not in held, (mention.modifiers, mention.modifier_rules)
    else:
        assert held == expected, (mention.modifiers, mention.modifier_rules)
    if rule is not None:
        assert rule in mention.modifier_rules, mention.modifier_rules
