"""A sub-list in parentheses inside a differential keeps the differential's hedge (context.yaml
poss.alternatives_past_sublist; the other hedges already reaching in: poss.versus_past_aside, poss.between,
poss.evaluate_for).

A differential line whose first item carries the kinds it may be in parentheses ("Enhancing mass: tumour (lymphoma,
glioblastoma) or abscess", "- neoplasm (metastasis / GBM) or infection") weighs the item, the diagnoses inside the
parentheses and the item after "or" or "/": each is suspected. Before the rule the bracket broke the shape of
poss.bare_alternatives, so all of them read as present. Lines with "versus", "either ... or", "ddx", "favour ...
over" already reached into the parentheses; rows here keep them so.

Near misses keep their reading: a diagnosis with a remark in parentheses that is no differential ("known
glioblastoma (IDH-wildtype, resected ...)", a primary cancer with a receptor status before a "vs" clause), a past
disease ("history of lymphoma (in remission)"), a negation inside the parentheses, a sentence with a negation or a
verdict, and a parenthesis holding only a date, a number or a grade.

Limits: the rule needs the bare line shape (a label, a few words each side); a long sub-list before "versus" (more
than poss.versus_past_aside's reach) leaves the item before it unhedged; a parenthesis with a number or a label with
a parenthesis of its own ("Lesion (left): ...") is not read as a sub-list; "we favour X over Y" in prose hedges
nothing, with or without a parenthesis, nor does "Favour X over Y" (British spelling; another class).

Rows: id, text, concept, the mention's text, its expected modifiers among negated/uncertain/historical. Rows whose id
starts with "near" must keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import find_mention

from pipeline.contracts import Mention

NEG, HEDGE, NONE, HIST = {"negated"}, {"uncertain"}, set[str](), {"historical"}
AMONG = {"negated", "uncertain", "historical"}

CASES: dict[str, tuple[str, str, str, set[str]]] = {
    # ------------------------------------------------ bare "or" line, the item with a sub-list (the class)
    "or-label-item": ("Right temporal mass: neoplasm (lymphoma, glioblastoma) or bacterial abscess.", "BRAIN_TUMOR",
                      "neoplasm", HEDGE),
    "or-label-inside-1": ("Right temporal mass: neoplasm (lymphoma, glioblastoma) or bacterial abscess.",
                          "CNS_LYMPHOMA", "lymphoma", HEDGE),
    "or-label-inside-2": ("Right temporal mass: neoplasm (lymphoma, glioblastoma) or bacterial abscess.", "GLIOMA",
                          "glioblastoma", HEDGE),
    "or-label-after": ("Right temporal mass: neoplasm (lymphoma, glioblastoma) or bacterial abscess.",
                       "BRAIN_INFECTION", "abscess", HEDGE),
    "or-label-lesion-kept": ("Right temporal mass: neoplasm (lymphoma, glioblastoma) or bacterial abscess.",
                             "BRAIN_LESION", "Right temporal mass", NONE),
    "or-caps-report": ("IMPRESSION: CYSTIC LESION - TUMOUR (METASTASIS, GLIOMA) OR ABSCESS.", "BRAIN_METASTASIS",
                       "METASTASIS", HEDGE),
    "or-caps-report-item": ("IMPRESSION: CYSTIC LESION - TUMOUR (METASTASIS, GLIOMA) OR ABSCESS.", "BRAIN_TUMOR",
                            "TUMOUR", HEDGE),
    "or-bullet-terse": ("- tumour (PCNSL, GBM) or toxo", "GLIOMA", "GBM", HEDGE),
    "or-numbered": ("Assessment\n2. Infection (toxoplasmosis, tuberculoma) or lymphoma.", "BRAIN_INFECTION",
                    "tuberculoma", HEDGE),
    "or-numbered-after": ("Assessment\n2. Infection (toxoplasmosis, tuberculoma) or lymphoma.", "CNS_LYMPHOMA",
                          "lymphoma", HEDGE),
    "or-eg": ("Neoplasm (e.g. metastasis, lymphoma) or demyelination.", "BRAIN_METASTASIS", "metastasis", HEDGE),
    "or-slash-inside": ("Ring lesion: tumor (glioma/lymphoma) or abscess", "CNS_LYMPHOMA", "lymphoma", HEDGE),
    "or-inner-or": ("Tumour (such as an astrocytoma or a metastasis) or infarct.", "BRAIN_TUMOR", "Tumour", HEDGE),
    "or-inner-or-inside": ("Tumour (such as an astrocytoma or a metastasis) or infarct.", "GLIOMA", "astrocytoma",
                           HEDGE),
    "slash-after-parenthesis": ("Neoplasm (lymphoma, GBM) / cerebritis", "CNS_LYMPHOMA", "lymphoma", HEDGE),
    "or-recurrence-item": ("Recurrent tumour (glioma, metastasis) or radiation necrosis.", "TREATMENT_EFFECT",
                           "radiation necrosis", HEDGE),
    "or-prose-likely": ("Lesion probably represents neoplasm (astrocytoma, lymphoma) or abscess.", "CNS_LYMPHOMA",
                        "lymphoma", HEDGE),
    # ------------------------------------------------ other hedges already reaching in (kept)
    "vs-ddx-shorthand": ("ddx neoplasm (met, lymphoma) vs infection", "CNS_LYMPHOMA", "lymphoma", HEDGE),
    "vs-infection-first": ("Infection (toxoplasma, tuberculoma) versus neoplasm.", "BRAIN_INFECTION", "tuberculoma",
                           HEDGE),
    "either-or-dash": ("Impression: mass - either tumour (metastasis, GBM) or abscess", "GLIOMA", "GBM", HEDGE),
    "favor-over-terse": ("favor tumour (glioma, lymphoma) over infection", "GLIOMA", "glioma", HEDGE),
    "differential-includes": ("The differential includes tumour (glioma, lymphoma) or infection.", "CNS_LYMPHOMA",
                              "lymphoma", HEDGE),
    # ------------------------------------------------ near misses (unchanged)
    "near-known-gbm-aside": ("Known glioblastoma (IDH-wildtype, resected 2023), now new nodular enhancement.",
                             "GLIOMA", "glioblastoma", HIST),
    "near-gbm-marker-then-or": ("Glioblastoma (IDH-wildtype), recurrence or treatment effect.", "GLIOMA",
                                "Glioblastoma", NONE),
    "near-primary-receptor": ("Metastatic melanoma (BRAF+) with enhancing lesion; metastasis vs abscess.",
                              "BRAIN_LESION", "enhancing lesion", NONE),
    "near-history-remission": ("History of CNS lymphoma (in remission).", "CNS_LYMPHOMA", "CNS lymphoma",
                               {"historical", "negated"}),
    "near-remission-then-or": ("Lymphoma (in remission) or new glioma.", "GLIOMA", "glioma", NONE),
    "near-negated-inside": ("Enhancing lesion (no evidence of abscess).", "BRAIN_INFECTION", "abscess", NEG),
    "near-no-list": ("No neoplasm (lymphoma, glioma) or abscess.", "CNS_LYMPHOMA", "lymphoma", NEG),
    "near-excluded-after": ("Neoplasm (lymphoma, glioma) or abscess excluded.", "BRAIN_INFECTION", "abscess", NEG),
    "near-grade-only": ("Astrocytoma (low grade) or demyelination.", "GLIOMA", "Astrocytoma", NONE),
    "near-who-number": ("Glioma (WHO 3) or ischaemia.", "GLIOMA", "Glioma", NONE),
    "near-date-only": ("Meningioma (2019) or dural metastasis.", "BRAIN_TUMOR", "Meningioma", NONE),
    "near-treated-inside": ("Metastasis (s/p SRS) or radiation necrosis.", "BRAIN_METASTASIS", "Metastasis", HIST),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected"), CASES.values(), ids=CASES.keys())
def test_parenthetical_in_differential(mentions: Callable[[str], list[Mention]], text: str, concept: str, span: str,
                                       expected: set[str]) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & AMONG == expected, (mention.modifiers, mention.modifier_rules)
