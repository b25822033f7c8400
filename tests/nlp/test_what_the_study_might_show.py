"""A disease named only as what a study might show, or in a general statement about diseases, is not the patient's.

The class: a brain tumour (or another diagnosis) read affirmed, so that HealthHelp's "Brain tumors are known" is met,
where the sentence only tells what the requested study might show, or what a disease class does in general. The
rules (context.yaml), extending tests/nlp/test_generic_disease_statements.py and
tests/nlp/test_tumour_in_what_a_result_would_mean.py:

- `hyp.study_might_show`: a study word with "could/might/may/can" and a verb of showing ("MRS could show a glioma, in
  which case we would operate", "the spectrum might show a metastasis", "spectroscopy may reveal lymphoma", "the
  biopsy might confirm an abscess"): the diseases after it are hypothetical;
- `hyp.generic_capability`: a bare disease (or "a"/"an") opening its clause, then "can" and a verb of what a class
  does or shows from a closed list ("lymphomas can shrink on steroids", "metastases can bleed", "abscesses can
  rupture into the ventricles", "toxoplasmosis lesions can be indistinguishable from lymphoma", "gliomas and
  metastases can both have a lipid peak"), or "is/are known to" ("lymphoma is known to respond to steroids");
- `hyp.generic_capability_plural`: the same with "may"/"might", only after a plural class ("gliomas may show elevated
  myo-inositol", "metastatic lesions may be hemorrhagic");
- `hyp.generic_trait`: "is/are" with a trait or a rank of the class ("lymphomas are exquisitely radiosensitive",
  "glioblastoma is the most common primary brain tumour in adults", "metastases are rare in children");
- `hyp.generic_opener`: "In general, ..." / "As a rule, ..." / "Generally speaking, ..." before a bare disease;
- `hyp.generic_likeness` now takes a treatment's effect and a recurrence as kinds ("radiation necrosis can look like
  tumour progression"); `hyp.would_subject_change` also takes "would make" after a bare or indefinite disease ("a
  glioma would make surgery risky"); `hyp.anticipated_result` reaches six tokens back ("signs of a high-grade glioma
  on spectroscopy would make us operate sooner").
Already read and kept here as rows (`kept-`): the brief's other wordings ("a pattern of a high-grade tumor on
spectroscopy would push us toward resection", "should MRS suggest metastasis, we would stage the body", "both
abscesses and metastases are FDG-avid", "metastases typically sit at the grey-white junction", ...).

Near misses keep their reading: a result read ("the MRS showed a spectrum typical of lymphoma"), the patient's own
disease ("her metastases are FDG-avid on the 10/02 PET", "the metastases can bleed, so hold the anticoagulant",
"biopsy showed lymphoma, which can shrink on steroids"), the deictic "this glioma would need resection", a hedge
("abscess would be unusual without fever" stays uncertain, "glioma can not be excluded" uncertain, "lymphoma can be
excluded" negated), a study done ("the outside MRS may have shown a metastasis"), a singular disease with "may"
("glioma may progress if untreated"), a ranking of the patient's differential ("glioblastoma is the most likely
diagnosis"), a first clause that asserts ("the lesion is a metastasis; metastases of lung cancer often bleed"), "in
general, her metastases have been stable".

Limits known: a singular disease with "may"/"might" ("lymphoma may melt away with dexamethasone", "pseudoprogression
may occur within 12 weeks") stays affirmed; a quantified class with a plain verb ("most metastases come from lung,
breast or melanoma") and a class trait outside the lists ("metastases are hypervascular on perfusion", "glioblastomas
are highly infiltrative") are not read; "can be treated with" is left to the treatment-option rules; a bare singular
hedge ("lymphoma may explain the steroid response", "metastasis may be the cause of her seizures", "glioma may be
considered") still reads affirmed (another class; a ranked diagnosis, "Glioblastoma is the most likely
diagnosis", is a hedge: tests/nlp/test_hedge_in_the_predicate.py); "metastases of lung cancer" is read as a lookalike, not a brain
metastasis.

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
H, U, NEG, NONE = {"hypothetical"}, {"uncertain"}, {"negated"}, set[str]()
SHOW, CAN, MAY, TRAIT, OPENER = ("hyp.study_might_show", "hyp.generic_capability", "hyp.generic_capability_plural",
                                 "hyp.generic_trait", "hyp.generic_opener")
LIKENESS, CHANGE, ANTICIPATED = "hyp.generic_likeness", "hyp.would_subject_change", "hyp.anticipated_result"

CASES: dict[str, tuple[str, str, str, set[str], str | None]] = {
    # ------------------------------------------------ 1. a possible result of the study
    "could-show-in-which-case": ("MRS could show a glioma, in which case we would operate.", "GLIOMA", "glioma", H,
                                 SHOW),
    "spectrum-might-show": ("The spectrum might show a metastasis.", "BRAIN_METASTASIS", "metastasis", H, SHOW),
    "may-reveal-then-held": ("Spectroscopy may reveal lymphoma, and steroids would then be held.", "CNS_LYMPHOMA",
                             "lymphoma", H, SHOW),
    "biopsy-might-confirm": ("The stereotactic biopsy might confirm an abscess.", "BRAIN_INFECTION", "abscess", H,
                             SHOW),
    "mri-may-demonstrate-caps": ("REPEAT MRI MAY DEMONSTRATE HIGH-GRADE GLIOMA.", "GLIOMA", "HIGH-GRADE GLIOMA", H,
                                 SHOW),
    "signs-on-spectroscopy-would-make": ("Signs of a high-grade glioma on spectroscopy would make us operate sooner.",
                                         "GLIOMA", "high-grade glioma", H, ANTICIPATED),
    "a-glioma-would-make": ("A glioma would make surgery in this eloquent cortex risky.", "GLIOMA", "glioma", H,
                            CHANGE),
    "kept-pattern-would-push": ("A pattern of a high-grade tumor on spectroscopy would push us toward resection.",
                                "BRAIN_TUMOR", "tumor", H, None),
    "kept-features-would-change": ("Features of an infiltrative glioma on MRS would change the plan.", "GLIOMA",
                                   "glioma", H, None),
    "kept-typical-would-send": ("A spectrum typical of lymphoma would send her to biopsy.", "CNS_LYMPHOMA",
                                "lymphoma", H, None),
    "kept-should-suggest": ("Should MRS suggest metastasis, we would stage the body.", "BRAIN_METASTASIS",
                            "metastasis", H, None),
    "kept-points-to-would-spare": ("Spectroscopy that points to lymphoma would spare her a craniotomy.",
                                   "CNS_LYMPHOMA", "lymphoma", H, None),
    # ------------------------------------------------ 2. what a disease class can do
    "can-shrink": ("Lymphomas can shrink on steroids.", "CNS_LYMPHOMA", "Lymphomas", H, CAN),
    "can-bleed-aside": ("Metastases can bleed, especially from melanoma or renal primaries.", "BRAIN_METASTASIS",
                        "Metastases", H, CAN),
    "can-respond-singular": ("CNS lymphoma can respond to steroids before any biopsy is taken.", "CNS_LYMPHOMA",
                             "CNS lymphoma", H, CAN),
    "can-rupture": ("Abscesses can rupture into the ventricles.", "BRAIN_INFECTION", "Abscesses", H, CAN),
    "can-be-indistinguishable": ("Toxoplasmosis lesions can be indistinguishable from lymphoma.", "CNS_LYMPHOMA",
                                 "lymphoma", H, CAN),
    "can-both-have": ("Gliomas and metastases can both have a lipid peak.", "BRAIN_METASTASIS", "metastases", H, CAN),
    "can-mimic-treatment-effect": ("Radiation necrosis can mimic recurrence.", "RECURRENCE", "recurrence", H,
                                   LIKENESS),
    "can-look-like-progression": ("Radiation necrosis can look like tumour progression.", "TREATMENT_EFFECT",
                                  "Radiation necrosis", H, LIKENESS),
    "can-be-seen-after": ("Pseudoprogression can be seen after chemoradiation.", "TREATMENT_EFFECT",
                          "Pseudoprogression", H, CAN),
    "is-known-to": ("Lymphoma is known to respond dramatically to steroids.", "CNS_LYMPHOMA", "Lymphoma", H, CAN),
    "after-because": ("Steroids were withheld because lymphomas can vanish after one dose.", "CNS_LYMPHOMA",
                      "lymphomas", H, CAN),
    "plural-may-show": ("Gliomas may show elevated myo-inositol.", "GLIOMA", "Gliomas", H, MAY),
    "plural-may-be-hemorrhagic": ("Metastatic lesions may be hemorrhagic.", "BRAIN_METASTASIS", "Metastatic lesions",
                                  H, MAY),
    "plural-might-transform": ("Low-grade gliomas might transform to a higher grade over years.", "GLIOMA", "gliomas",
                               H, MAY),
    # ------------------------------------------------ a trait of the class, a general opener
    "trait-radiosensitive": ("Lymphomas are exquisitely radiosensitive.", "CNS_LYMPHOMA", "Lymphomas", H, TRAIT),
    "trait-steroid-responsive": ("Lymphoma is steroid-responsive, so biopsy should precede dexamethasone.",
                                 "CNS_LYMPHOMA", "Lymphoma", H, TRAIT),
    "trait-most-common": ("Glioblastoma is the most common primary brain tumor in adults.", "BRAIN_TUMOR",
                          "primary brain tumor", H, TRAIT),
    "trait-rare-in-children": ("Metastases are rare in children.", "BRAIN_METASTASIS", "Metastases", H, TRAIT),
    "opener-in-general": ("In general, metastases have a sharp margin.", "BRAIN_METASTASIS", "metastases", H, OPENER),
    "opener-as-a-rule": ("As a rule, abscesses restrict centrally.", "BRAIN_INFECTION", "abscesses", H, OPENER),
    "kept-both-fdg-avid": ("Both abscesses and metastases are FDG-avid.", "BRAIN_METASTASIS", "metastases", H, None),
    "kept-look-alike": ("Gliomas and demyelinating plaques may look alike on MRI.", "GLIOMA", "Gliomas", H, None),
    "kept-typically-sit": ("Metastases typically sit at the grey-white junction.", "BRAIN_METASTASIS", "Metastases",
                           H, None),
    # ------------------------------------------------ near misses
    "near-mrs-showed-typical": ("The MRS showed a spectrum typical of lymphoma.", "CNS_LYMPHOMA", "lymphoma", NONE,
                                None),
    "near-her-metastases-pet": ("Her metastases are FDG-avid on the 10/02 PET.", "BRAIN_METASTASIS", "metastases",
                                NONE, None),
    "near-this-glioma-would-need": ("This glioma would need resection.", "GLIOMA", "glioma", NONE, None),
    "near-abscess-unusual": ("Abscess would be unusual without fever.", "BRAIN_INFECTION", "Abscess", U, None),
    "near-first-clause-asserts": ("The lesion is a metastasis; metastases of lung cancer often bleed.",
                                  "BRAIN_METASTASIS", "metastasis", NONE, None),
    "near-the-metastases-can-bleed": ("The metastases can bleed, so hold the anticoagulant.", "BRAIN_METASTASIS",
                                      "metastases", NONE, None),
    "near-which-can-shrink": ("Biopsy showed lymphoma, which can shrink on steroids.", "CNS_LYMPHOMA", "lymphoma",
                              NONE, None),
    "near-her-lymphoma-shrank": ("Her lymphoma shrank on steroids.", "CNS_LYMPHOMA", "lymphoma", NONE, None),
    "near-cannot-be-excluded": ("Glioma can not be excluded.", "GLIOMA", "Glioma", U, None),
    "near-can-be-excluded": ("Lymphoma can be excluded.", "CNS_LYMPHOMA", "Lymphoma", NEG, None),
    "near-may-have-shown": ("The outside MRS may have shown a metastasis.", "BRAIN_METASTASIS", "metastasis", U,
                            None),
    "near-singular-may-progress": ("Glioma may progress if untreated.", "GLIOMA", "Glioma", NONE, None),
    "near-seen-on-todays-mri": ("Metastases can be seen in both hemispheres on today's MRI.", "BRAIN_METASTASIS",
                                "Metastases", NONE, None),
    # a ranked diagnosis is a hedge of the patient's (tests/nlp/test_hedge_in_the_predicate.py), not a generic one
    "near-most-likely-diagnosis": ("Glioblastoma is the most likely diagnosis.", "GLIOMA", "Glioblastoma", U,
                                   None),
    "near-her-necrosis-look-like": ("Her radiation necrosis can look like tumour progression.", "TREATMENT_EFFECT",
                                    "radiation necrosis", NONE, None),
    "near-in-general-her": ("In general, her metastases have been stable.", "BRAIN_METASTASIS", "metastases", NONE,
                            None),
    "near-mrs-showed-then-would": ("MRS showed a choline peak consistent with glioma; this would favour resection.",
                                   "GLIOMA", "glioma", NONE, None),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected", "rule"), CASES.values(), ids=CASES.keys())
def test_what_the_study_might_show(mentions: Callable[[str], list[Mention]], text: str, concept: str, span: str,
                                   expected: set[str], rule: str | None) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & ASSERTIONS == expected, (mention.modifiers, mention.modifier_rules)
    if rule is not None:
        assert rule in mention.modifier_rules, mention.modifier_rules


P, S, ND = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.NOT_DOCUMENTED
KNOWN = "known_brain_tumor"

FACT_CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    "facts-study-could-show": ("Headaches and word-finding pauses for six weeks; MRI 10/02/2026 pending formal "
                               "report.\nMRS could show a glioma, in which case we would operate.\n", {KNOWN: ND}),
    "facts-generic-can-shrink": ("New seizures; CT head 10/04/2026 without a mass.\nLymphomas can shrink on "
                                 "steroids, so dexamethasone is held until the MRS.\n", {KNOWN: ND}),
    "facts-generic-most-common": ("Counselled the family at length.\nGlioblastoma is the most common primary brain "
                                  "tumour in adults.\n", {KNOWN: ND}),
    "near-facts-biopsy-then-generic": ("Biopsy 09/2025: glioblastoma, IDH-wildtype.\nGlioblastomas can recur at the "
                                       "resection margin.\n", {KNOWN: P}),
}


@pytest.mark.parametrize(("text", "expected"), FACT_CASES.values(), ids=FACT_CASES.keys())
def test_what_the_study_might_show_facts(analyze: Any, text: str, expected: dict[str, FactStatus]) -> None:
    check_facts(facts_of(analyze, text + REQUEST_TAIL), expected)
