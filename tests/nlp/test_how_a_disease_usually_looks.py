"""How a disease usually looks, behaves or is studied is not the patient's disease.

The class: a diagnosis read present where the sentence only tells what a disease class or a treatment usually does,
what an MRS result might look like in a plan's branches, how a finding compares with what is typical, or what the
literature says. These count for no fact (hypothetical). The rules (pipeline/nlp/resources/context.yaml):

- `hyp.kind_pattern` now looks for the words of a read in the kind's own clause, so that the second branch of a plan
  after a semicolon is a kind too ("a tumour-type spectrum would mean biopsy; a stroke-type spectrum, neurology
  follow-up");
- `hyp.generic_treatment_effect`: a bare treatment opening its clause, a modal or a word of habit, a verb of effect
  in the present ("albendazole usually clears a neurocysticercal cyst", "corticosteroids can hide a lymphoma");
  after "may"/"might" the verbs of hiding stay poss.obscured's ("Dexamethasone may mask lymphoma" is a suspicion);
- `hyp.generic_population` / `hyp.generic_population_habit`: "most/many patients with X", "the majority of cases
  of X", "patients with X typically ...";
- `hyp.reference_expectation` takes a short comparison ("higher than typical X", "below usual X");
  `hyp.reference_comparison` takes "overlaps with X"; `hyp.reference_lacking(_typical)`: a lack of what a disease is
  expected to show ("lacks the rim expected of an abscess", "without the typical lipid peak of a glioblastoma");
- `hyp.reference_citation`: "et al", "(refs)", "is well established", "studies have shown", "doi" reach the whole
  sentence both ways.
A nonspecific finding said to be "seen with X or Y" about the patient's lesion stays a hedge (kept row).

Near misses keep their reading: a read ("the spectrum is compatible with a pyogenic abscess", "typical
demyelinating plaques"), the patient's own disease ("his lymphoma usually responds faster than this", "known
glioblastoma; a progression-type spectrum would change the plan"), a result ("MRS demonstrated a glioma-type
spectrum"), a worry about the patient ("Dexamethasone may mask lymphoma"), a treatment told of the patient ("steroids started in
September may mask a lymphoma"), "as expected for her metastasis".

Limits known: a comparison written without a word of the typical ("less restricted than pus") is not read (pus is no
mention); a treatment subject outside the list, or after "the"/"her", keeps the reading; "like most patients with
MS, she ..." keeps the MS (the patient's); the citation cue reaches only its own sentence, so a title split off by
the sentence splitter keeps its reading; a bare "most X respond to Y" without "patients/cases" is not read.

Rows: id -> (text, concept, the mention's text, its expected assertions among ASSERTIONS, a rule id it must cite or
None). Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, check_facts, facts_of, find_mention

from pipeline.contracts import FactStatus, Mention

ASSERTIONS = {"negated", "uncertain", "hypothetical", "family"}
H, U, HU, NONE = {"hypothetical"}, {"uncertain"}, {"hypothetical", "uncertain"}, set[str]()
KIND, TREAT, POP, POP_H = ("hyp.kind_pattern", "hyp.generic_treatment_effect", "hyp.generic_population",
                           "hyp.generic_population_habit")
EXPECT, COMPARE, LACK, LACK_T, CITE = ("hyp.reference_expectation", "hyp.reference_comparison",
                                       "hyp.reference_lacking", "hyp.reference_lacking_typical",
                                       "hyp.reference_citation")

CASES: dict[str, tuple[str, str, str, set[str], str | None]] = {
    # ------------------------------------------------ 1. what a result might look like, in a plan
    "second-branch-after-semicolon": ("A tumour-type spectrum would mean biopsy; a stroke-type spectrum, neurology "
                                      "follow-up.", "NONTUMOR_DX", "stroke", H, KIND),
    "second-branch-infection": ("A lymphoma-like profile would prompt biopsy; an abscess-like profile to "
                                "aspiration.", "BRAIN_INFECTION", "abscess", H, KIND),
    "kept-if-profile-like": ("If the profile turns out metastasis-like, we stage the chest.", "BRAIN_METASTASIS",
                             "metastasis", H, None),
    "kept-pattern-would-support": ("A demyelinating pattern on spectroscopy would favour MS over tumour.",
                                   "DEMYELINATION", "demyelinating", H, None),
    # ------------------------------------------------ 2. what a treatment usually does
    "treatment-usually-clears": ("Albendazole usually clears neurocysticercosis over months.",
                                 "BRAIN_INFECTION", "neurocysticercosis", H, TREAT),
    "treatment-can-hide": ("Corticosteroids can hide a lymphoma at biopsy.", "CNS_LYMPHOMA", "lymphoma", H, TREAT),
    "treatment-may-reduce": ("Bevacizumab may reduce enhancement of a glioblastoma without true response.",
                             "GLIOMA", "glioblastoma", H, TREAT),
    "treatment-often-causes": ("Radiotherapy often causes pseudoprogression in the first months.",
                               "TREATMENT_EFFECT", "pseudoprogression", H, TREAT),
    "treatment-adjective-subject": ("High-dose dexamethasone frequently shrinks primary CNS lymphoma.",
                                    "CNS_LYMPHOMA", "primary CNS lymphoma", H, TREAT),
    # ------------------------------------------------ 3. what most patients do
    "most-patients-with": ("Most patients with toxoplasmosis respond within two weeks of therapy.",
                           "BRAIN_INFECTION", "toxoplasmosis", H, POP),
    "majority-of-cases": ("The majority of cases of tumefactive demyelination shrink on steroids.",
                          "DEMYELINATION", "tumefactive demyelination", H, POP),
    "patients-with-typically": ("Patients with CNS lymphoma typically relapse within two years.", "CNS_LYMPHOMA",
                                "CNS lymphoma", H, POP_H),
    # ------------------------------------------------ 4. a comparison with what is typical, written short
    "higher-than-typical": ("Choline rise higher than typical metastasis.", "BRAIN_METASTASIS", "metastasis", H,
                            EXPECT),
    "below-usual": ("NAA loss below usual glioblastoma.", "GLIOMA", "glioblastoma", H, EXPECT),
    "overlaps-with": ("The lactate doublet overlaps with pyogenic abscess.", "BRAIN_INFECTION", "pyogenic abscess",
                      H, COMPARE),
    "lacks-expected-of": ("The cavity lacks the central restriction expected of a pyogenic abscess.",
                          "BRAIN_INFECTION", "pyogenic abscess", H, LACK),
    "lacks-typical": ("The mass lacks the typical lipid peak of a glioblastoma.", "GLIOMA", "glioblastoma", H,
                      LACK_T),
    # ------------------------------------------------ 5. literature
    "et-al-title": ("Park et al., Neuroradiology 2019 (spectroscopy of ring-enhancing lymphoma).", "CNS_LYMPHOMA",
                    "lymphoma", H, CITE),
    "et-al-reported": ("Ortiz et al. found amino acid peaks in most pyogenic abscesses.", "BRAIN_INFECTION",
                       "abscesses", H, CITE),
    "well-established": ("Thallium uptake in lymphoma is well documented.", "CNS_LYMPHOMA", "lymphoma", H, CITE),
    "studies-have-shown": ("Studies have shown raised myo-inositol in gliomatosis cerebri.", "GLIOMA",
                           "gliomatosis cerebri", H, CITE),
    "refs-with-tell-apart": ("The value of MRS in separating toxoplasmosis from lymphoma is well established "
                             "(refs).", "CNS_LYMPHOMA", "lymphoma", HU, CITE),
    # ------------------------------------------------ near misses: keep today's reading
    "near-read-compatible": ("The spectrum is compatible with a pyogenic abscess.", "BRAIN_INFECTION",
                             "pyogenic abscess", NONE, None),
    "near-own-disease-usually": ("His lymphoma usually responds faster than this.", "CNS_LYMPHOMA", "lymphoma",
                                 NONE, None),
    "near-typical-plaques": ("Typical demyelinating plaques along the callosum.", "DEMYELINATION", "demyelinating",
                             NONE, None),
    "near-known-then-kind": ("Known glioblastoma; a progression-type spectrum would change the plan.", "GLIOMA",
                             "glioblastoma", NONE, None),
    "near-result-type-spectrum": ("MRS demonstrated a glioma-type spectrum.", "GLIOMA", "glioma", NONE, None),
    "near-may-mask-worry": ("Dexamethasone may mask lymphoma.", "CNS_LYMPHOMA", "lymphoma", U, None),
    "near-started-may-mask": ("Steroids started in September may mask a lymphoma.", "CNS_LYMPHOMA", "lymphoma",
                         U, None),
    "near-her-steroids": ("Her dexamethasone often shrinks the lymphoma between scans.", "CNS_LYMPHOMA", "lymphoma",
                          NONE, None),
    "near-as-expected": ("Uptake as expected for her metastasis, no new lesion.", "BRAIN_METASTASIS", "metastasis",
                         NONE, None),
    "near-seen-with-hedge": ("The ring enhancement is nonspecific and may be seen with metastasis or abscess.",
                             "BRAIN_METASTASIS", "metastasis", U, None),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected", "rule"), CASES.values(), ids=CASES.keys())
def test_how_a_disease_usually_looks(mentions: Callable[[str], list[Mention]], text: str, concept: str, span: str,
                                     expected: set[str], rule: str | None) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & ASSERTIONS == expected, (mention.modifiers, mention.modifier_rules)
    if rule is not None:
        assert rule in mention.modifier_rules, mention.modifier_rules


P, S, ND = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.NOT_DOCUMENTED
KNOWN = "known_brain_tumor"

FACT_CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    "facts-treatment-habit": ("New left arm weakness; CT head 10/06/2026 with a small hypodensity.\nCorticosteroids "
                              "can hide a lymphoma at biopsy, so none are given before the MRS.\n", {KNOWN: ND}),
    "facts-citation": ("Headache for a month; MRI 10/03/2026 ring lesion, report pending.\nPark et al., "
                       "Neuroradiology 2019 (spectroscopy of ring-enhancing lymphoma).\n", {KNOWN: ND}),
    "facts-most-patients": ("Counselled at length.\nMost patients with glioblastoma relapse within a year.\n",
                            {KNOWN: ND}),
    "facts-short-comparison": ("MRI 10/02/2026: right frontal lesion.\nCholine rise higher than typical "
                               "glioblastoma.\n", {KNOWN: ND}),
    "near-facts-biopsy-then-generic": ("Biopsy 08/2025: glioblastoma, IDH-wildtype.\nBevacizumab may reduce "
                                       "enhancement without true response.\n", {KNOWN: P}),
}


@pytest.mark.parametrize(("text", "expected"), FACT_CASES.values(), ids=FACT_CASES.keys())
def test_how_a_disease_usually_looks_facts(analyze: Any, text: str, expected: dict[str, FactStatus]) -> None:
    check_facts(facts_of(analyze, text + REQUEST_TAIL), expected)
