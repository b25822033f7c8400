"""A differential enumerated inside ONE sentence or line: the header's hedge reaches every item (context.yaml
scopes.list_items `inline_marks` scope.inline_enumeration, `inline_ends`, `inline_last_ends`).

Class: "Differential includes (1) X; (2) Y; (3) Z", "DDx - a) X b) Y c) Z", "Considerations: i. X ii. Y iii. Z"
read the first item suspected (the cue's own short scope) and the later items present. The rule: the list scope
that already carries a heading cue to items on separate lines (scope.list_items) also reads items enumerated on the
cue's line: the cue, at most max_header_words more words, no target and no clause end, then (after an optional colon
or dash) an enumeration mark of `inline_marks` (1) 1) 1. (a) a) a. i. ii) (iv) ...), and at least one more mark of
the same kind counting on (1 -> 2, b -> c, ii -> iii). The hedge reaches every item up to the end of the list: the
end of the sentence or line (a mark counts on across a sentence end only when nothing else stands between), and for
the last item also a ";", a spaced dash, a colon, an arrow or ", favour/but/plan ...".

Near misses keep their reading: a numbered problem list or plan without a hedge (present), a diagnosis after the
list has ended ("(2) X. Known (3) epilepsy", "; favour X" does its own reading), an item with its own opposite
reading ("(2) abscess - excluded by cultures" stays negated), marks that do not count on ("(1) ... (3)"), and a
target between the cue and the first mark ("possible glioma: 1) ... 2) ..." is no heading).

Limits: the marks must count on in order (a list with a skipped or repeated number ends before it); an item whose own
words end with a period ends the list early unless the abbreviation is excepted in `inline_ends` (vs., v.,
e.g., i.e., approx.); the last
item's end is found only by the listed words, so a last item running on in prose without one of them ("(3) abscess
which will be biopsied") is read to the sentence end; "favour (1)" picking an item by its number is not read.

Rows: id, text, concept, the mention's text, its expected modifiers among negated/uncertain/historical. Rows whose
id starts with "near" keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import find_mention

from pipeline.contracts import Mention

NEG, HEDGE, NONE, HIST = {"negated"}, {"uncertain"}, set[str](), {"historical"}
AMONG = {"negated", "uncertain", "historical"}

CASES: dict[str, tuple[str, str, str, set[str]]] = {
    # ------------------------------------------------ parenthesised numbers, semicolons
    "paren-num-third": ("Differential includes (1) oligodendroglioma; (2) demyelinating plaque; (3) cerebral abscess.",
                        "BRAIN_INFECTION", "cerebral abscess", HEDGE),
    "paren-num-second": ("Differential includes (1) oligodendroglioma; (2) demyelinating plaque; (3) cerebral abscess.",
                         "DEMYELINATION", "demyelinating", HEDGE),
    "paren-num-colon": ("Differential diagnosis: (1) metastatic disease; (2) high-grade glioma; (3) lymphoma.",
                        "CNS_LYMPHOMA", "lymphoma", HEDGE),
    "paren-num-no-semicolon": ("DDx (1) meningioma (2) metastasis (3) toxoplasmosis", "BRAIN_INFECTION",
                               "toxoplasmosis", HEDGE),
    # ------------------------------------------------ closing-paren and dotted numbers with commas
    "num-paren-commas": ("Differential diagnosis includes 1) ependymoma, 2) medulloblastoma, 3) pilocytic astrocytoma.",
                         "GLIOMA", "pilocytic astrocytoma", HEDGE),
    "num-dot-periods": ("DDx: 1. glioblastoma. 2. primary CNS lymphoma. 3. tumefactive demyelination.",
                        "DEMYELINATION", "tumefactive demyelination", HEDGE),
    # ------------------------------------------------ letters
    "letters-paren": ("Differential considerations: a) metastasis from the known melanoma b) pyogenic abscess "
                      "c) primary CNS lymphoma", "CNS_LYMPHOMA", "primary CNS lymphoma", HEDGE),
    "letters-dash-header": ("DDx - a) radiation necrosis b) recurrent tumour c) a demyelinating lesion.",
                            "DEMYELINATION", "demyelinating lesion", HEDGE),
    "letters-both-parens": ("Differential includes (a) glioma, (b) lymphoma and (c) tuberculoma.",
                            "BRAIN_INFECTION", "tuberculoma", HEDGE),
    "letters-semicolons": ("The differential includes a) toxoplasmosis; b) progressive multifocal leukoencephalopathy; "
                           "c) CNS lymphoma.", "CNS_LYMPHOMA", "CNS lymphoma", HEDGE),
    "letters-paren-semicolons": ("Differential diagnosis: (a) neurocysticercosis; (b) tuberculoma; (c) metastasis.",
                                 "BRAIN_METASTASIS", "metastasis", HEDGE),
    # ------------------------------------------------ roman numerals
    "roman-semicolons": ("Ddx: i) pilocytic astrocytoma; ii) hemangioblastoma; iii) metastatic deposit.",
                         "BRAIN_METASTASIS", "metastatic deposit", HEDGE),
    "roman-dot": ("Differential considerations - i. metastatic disease ii. a primary glioma iii. CNS lymphoma",
                  "CNS_LYMPHOMA", "CNS lymphoma", HEDGE),
    "roman-paren": ("Possibilities include (i) mitochondrial disease, (ii) MELAS or (iii) a leukodystrophy.",
                    "LEUKODYSTROPHY", "leukodystrophy", HEDGE),
    # ------------------------------------------------ other hedges heading the list
    "rule-out-header": ("Rule out: (1) abscess; (2) lymphoma; (3) metastatic disease.", "BRAIN_METASTASIS",
                        "metastatic disease", HEDGE),
    "last-item-before-plan": ("DDx: 1) lymphoma 2) glioblastoma 3) toxoplasmosis. Plan: biopsy.", "BRAIN_INFECTION",
                              "toxoplasmosis", HEDGE),
    "last-item-before-dash": ("Differential includes (1) lymphoma (2) GBM (3) toxoplasmosis - recommend biopsy.",
                              "BRAIN_INFECTION", "toxoplasmosis", HEDGE),
    "item-after-negated-item": ("DDx: (1) lymphoma; (2) abscess - excluded by cultures; (3) glioblastoma.",
                                "GLIOMA", "glioblastoma", HEDGE),
    "item-with-vs-abbreviation": ("Differential includes (1) lymphoma vs. toxoplasmosis; (2) glioblastoma; (3) "
                                  "pyogenic abscess.", "GLIOMA", "glioblastoma", HEDGE),
    "history-header": ("History of: (1) meningioma resected in 2015 with adjuvant radiotherapy; (2) focal epilepsy "
                       "on two agents.", "EPILEPSY", "focal epilepsy", HIST),
    # ------------------------------------------------ near misses
    "near_problem_list": ("Problems: (1) oligodendroglioma s/p resection; (2) seizures; (3) depression.",
                          "SEIZURE", "seizures", NONE),
    "near_plan": ("Plan: 1) MRS 2) neurosurgery follow-up 3) levetiracetam for seizures.", "SEIZURE", "seizures", NONE),
    "near_after_list_ends": ("DDx (a) lymphoma (b) glioblastoma. Known (c) epilepsy since childhood.", "EPILEPSY",
                             "epilepsy", NONE),
    "near_after_semicolon": ("Differential includes (1) lymphoma (2) metastasis; seizures controlled on lacosamide.",
                             "SEIZURE", "seizures", NONE),
    "near_item_excluded": ("DDx: (1) lymphoma; (2) abscess - excluded by cultures; (3) glioblastoma.",
                           "BRAIN_INFECTION", "abscess", NEG),
    "near_item_negative": ("Differential includes 1) metastasis 2) toxoplasmosis (serology negative) 3) lymphoma.",
                           "BRAIN_INFECTION", "toxoplasmosis", NEG),
    "near_marks_skip": ("Differential includes (1) lymphoma, then in 2019 (3) seizures were noted.", "SEIZURE",
                        "seizures", NONE),
    "near_target_before_marks": ("Possible glioma; plan: 1) MRS 2) resection of the meningioma.", "BRAIN_TUMOR",
                                 "meningioma", NONE),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected"), CASES.values(), ids=CASES.keys())
def test_numbered_items_in_one_differential(mentions: Callable[[str], list[Mention]], text: str, concept: str,
                                            span: str, expected: set[str]) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & AMONG == expected, (mention.modifiers, mention.modifier_rules)
