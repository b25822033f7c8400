"""A reader's preference between two diagnoses with the verb before them hedges both (context.yaml
poss.favoured_over; neg.alternative no longer negates the diagnosis after "rather than" there).

"we favour X over Y", "Favour X rather than Y", "favouring X instead of Y", "I would favor X to Y": neither is
established, both suspected. Near misses keep their reading: the grounds ("favoured by the oedema"), a treatment
choice ("favour radiotherapy over surgery", "favour resection over biopsy of the glioma"), a person's preference
without an alternative, "no favourable features", a proven diagnosis beside an earlier read that favoured another,
and "rather than" without a verb of preference (the alternative not taken stays negated).

Rows: id -> text, concept, the mention's text, expected modifiers among negated/uncertain, whether the evidence
must cite poss.favoured_over. Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import find_mention

from pipeline.contracts import Mention

NEG, HEDGE, NONE = {"negated"}, {"uncertain"}, set[str]()
AMONG = {"negated", "uncertain"}

CASES: dict[str, tuple[str, str, str, set[str], bool]] = {
    "we favour, first": ("We favour cerebral abscess over necrotic metastasis.", "BRAIN_INFECTION",
                         "cerebral abscess", HEDGE, True),
    "we favour, second": ("We favour cerebral abscess over necrotic metastasis.", "BRAIN_METASTASIS",
                          "metastasis", HEDGE, True),
    "imperative, first": ("Favour toxoplasmosis over lymphoma.", "BRAIN_INFECTION", "toxoplasmosis", HEDGE, True),
    "imperative, second": ("Favour toxoplasmosis over lymphoma.", "CNS_LYMPHOMA", "lymphoma", HEDGE, True),
    "capitals": ("IMPRESSION: FAVOR LYMPHOMA OVER GLIOBLASTOMA.", "GLIOMA", "GLIOBLASTOMA", HEDGE, True),
    "rather than, second": ("Overall we favor a glioma rather than a lymphoma.", "CNS_LYMPHOMA", "lymphoma", HEDGE,
                            True),
    "rather than, first": ("Overall we favor a glioma rather than a lymphoma.", "GLIOMA", "glioma", HEDGE, True),
    "instead of, participle": ("Favouring metastasis instead of abscess.", "BRAIN_INFECTION", "abscess", HEDGE,
                               True),
    "would favour to": ("I would favour an abscess to a glioblastoma.", "GLIOMA", "glioblastoma", HEDGE, True),
    "we favor to": ("We favor encephalitis to lymphoma.", "CNS_LYMPHOMA", "lymphoma", HEDGE, True),
    "in preference to": ("We still favour demyelination in preference to glioma.", "GLIOMA", "glioma", HEDGE, True),
    "report subject": ("The pattern favours abscess over metastatic disease.", "BRAIN_METASTASIS",
                       "metastatic disease", HEDGE, False),
    # ------------------------------------------------ near misses
    "near grounds": ("Ring lesion, favoured by the oedema to be an abscess.", "BRAIN_INFECTION", "abscess", NONE,
                     False),
    "near treatment choice": ("Pathology: glioblastoma. Favour radiotherapy over surgery.", "GLIOMA",
                              "glioblastoma", NONE, False),
    "near object of a test": ("We favour resection over biopsy of the glioma.", "GLIOMA", "glioma", NONE, False),
    "near no favourable": ("No favourable features of glioma.", "GLIOMA", "glioma", NEG, False),
    "near proven beside earlier read": ("Glioblastoma, confirmed on biopsy; the earlier read favoured abscess.",
                                        "GLIOMA", "Glioblastoma", NONE, False),
    "near earlier read hedged": ("Glioblastoma, confirmed on biopsy; the earlier read favoured abscess.",
                                 "BRAIN_INFECTION", "abscess", HEDGE, False),
    "near rather than without favour": ("This is demyelination rather than lymphoma.", "CNS_LYMPHOMA", "lymphoma",
                                        NEG, False),
    "near rather than opening": ("Rather than a glioma, this is an abscess.", "GLIOMA", "glioma", NEG, False),
    "near favoured to respond": ("Glioma favored to respond to radiotherapy rather than chemotherapy.", "GLIOMA",
                                 "Glioma", NONE, False),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected", "cites"), CASES.values(), ids=CASES.keys())
def test_favour_over_hedges(mentions: Callable[[str], list[Mention]], text: str, concept: str, span: str,
                            expected: set[str], cites: bool) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & AMONG == expected, (mention.modifiers, mention.modifier_rules)
    if cites:
        assert "poss.favoured_over" in mention.modifier_rules, mention.modifier_rules
