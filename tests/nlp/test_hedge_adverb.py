"""An adverb inside a hedge that two diagnoses cannot be told apart (or that one is not excluded) keeps the hedge
(context.yaml poss.not_told_apart, poss.exclusion_withheld; targets.yaml img.inconclusive_not_told_apart).

poss.backward lists the adverb-free "cannot be distinguished", "cannot be differentiated", "are indistinguishable";
an adverb between the words ("cannot be reliably distinguished", "could not be confidently differentiated", "are not
readily separable", "cannot yet be told apart", "are largely indistinguishable") broke the cue, so both diagnoses
read affirmed and the verdict word was lost; "is not clearly excluded" read negated (neg.excluded's bare word). The
rule: two diagnoses joined by "and", "or", "/" or "versus", then the negated verb of telling apart with an adverb in
any slot (or the adjective "separable", "distinguishable"); both suspected, the verdict IMAGING_INCONCLUSIVE.

Near misses keep their reading: an adverb in a plain statement ("clearly excluded", "clearly progressing", "reliably
diagnosed", "completely resolved"), a tumour whose margins cannot be told from oedema or an anatomical structure,
two diagnoses that are clearly distinguished.

Rows: id, text, concept, the mention's text, its expected modifiers among negated/uncertain, whether the evidence
must cite one of this class's rules. Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import find_mention

from pipeline.contracts import Mention

NEG, HEDGE, NONE = {"negated"}, {"uncertain"}, set[str]()
AMONG = {"negated", "uncertain"}
RULES = {"poss.not_told_apart", "poss.exclusion_withheld"}

CASES: dict[str, tuple[str, str, str, set[str], bool]] = {
    # ------------------------------------------------ two diagnoses not told apart, an adverb inside
    "reliably-distinguished": ("Recurrent glioma and radiation necrosis cannot be reliably distinguished on this "
                               "study.", "TREATMENT_EFFECT", "radiation necrosis", HEDGE, True),
    "reliably-distinguished-first": ("Recurrent glioma and radiation necrosis cannot be reliably distinguished on "
                                     "this study.", "RECURRENCE", "Recurrent glioma", HEDGE, True),
    "confidently-differentiated": ("Toxoplasmosis and lymphoma could not be confidently differentiated.",
                                   "CNS_LYMPHOMA", "lymphoma", HEDGE, True),
    "readily-separable": ("Abscess and necrotic metastasis are not readily separable on the CT.", "BRAIN_METASTASIS",
                          "metastasis", HEDGE, True),
    "separable-bare": ("A cystic metastasis and an abscess are not separable on this scan.", "BRAIN_INFECTION",
                       "abscess", HEDGE, True),
    "definitively-differentiated": ("Progression and pseudoprogression can not be definitively differentiated.",
                                    "TREATMENT_EFFECT", "pseudoprogression", HEDGE, True),
    "yet-told-apart": ("Demyelination and low-grade glioma cannot yet be told apart.", "DEMYELINATION",
                       "Demyelination", HEDGE, True),
    "easily-told-apart": ("Tumefactive MS or glioma could not be easily told apart on MRI.", "GLIOMA", "glioma",
                          HEDGE, True),
    "further-distinguished": ("Lymphoma / glioblastoma cannot be further distinguished by conventional sequences.",
                              "CNS_LYMPHOMA", "Lymphoma", HEDGE, True),
    "clearly-distinguishable": ("Metastasis versus abscess, not clearly distinguishable here.", "BRAIN_METASTASIS",
                                "Metastasis", HEDGE, True),
    "largely-indistinguishable": ("Recurrent tumour and treatment effect are largely indistinguishable on this "
                                  "exam.", "TREATMENT_EFFECT", "treatment effect", HEDGE, True),
    "entirely-separated": ("GBM and lymphoma can't be entirely separated radiologically.", "CNS_LYMPHOMA", "lymphoma",
                           HEDGE, True),
    "caps": ("LYMPHOMA AND TOXOPLASMOSIS CANNOT BE RELIABLY DIFFERENTIATED.", "BRAIN_INFECTION", "TOXOPLASMOSIS",
             HEDGE, True),
    # ------------------------------------------------ an exclusion withheld with "clearly" / "readily"
    "not-clearly-excluded": ("Residual tumor is not clearly excluded.", "BRAIN_TUMOR", "tumor", HEDGE, True),
    "cannot-readily-be-excluded": ("A small metastasis cannot readily be excluded.", "BRAIN_METASTASIS", "metastasis",
                                   HEDGE, True),
    # ------------------------------------------------ already read uncertain (kept)
    "bare-distinguished": ("Glioma and lymphoma cannot be distinguished.", "GLIOMA", "Glioma", HEDGE, False),
    "with-certainty": ("Glioma and lymphoma cannot be differentiated with certainty.", "CNS_LYMPHOMA", "lymphoma",
                       HEDGE, False),
    "entirely-ruled-out": ("An ependymoma cannot be entirely ruled out.", "GLIOMA", "ependymoma", HEDGE, False),
    # ------------------------------------------------ near misses
    "near-clearly-excluded": ("Glioma was clearly excluded on the biopsy.", "GLIOMA", "Glioma", NEG, False),
    "near-clearly-progressing": ("The tumor is clearly progressing.", "BRAIN_TUMOR", "tumor", NONE, False),
    "near-reliably-diagnosed": ("Radiation necrosis was reliably diagnosed on the resection specimen.",
                                "TREATMENT_EFFECT", "Radiation necrosis", NONE, False),
    "near-no-tumor-clearly": ("No tumor; clearly postoperative change.", "BRAIN_TUMOR", "tumor", NEG, False),
    "near-completely-resolved": ("The abscess completely resolved.", "BRAIN_INFECTION", "abscess", NEG, False),
    "near-margins": ("The tumour margins cannot be clearly distinguished on this sequence.", "BRAIN_TUMOR", "tumour",
                     NONE, False),
    "near-tumour-and-oedema": ("Enhancing tumour and surrounding oedema are not readily separable.", "BRAIN_TUMOR",
                               "tumour", NONE, False),
    "near-from-chiasm": ("The glioma could not be completely separated from the optic chiasm.", "GLIOMA", "glioma",
                         NONE, False),
    "near-clearly-distinguished": ("Glioma and lymphoma were clearly distinguished on the biopsy.", "CNS_LYMPHOMA",
                                   "lymphoma", NONE, False),
    "near-clearly-present": ("Metastasis is clearly present in the cerebellum.", "BRAIN_METASTASIS", "Metastasis",
                             NONE, False),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected", "cites"), CASES.values(), ids=CASES.keys())
def test_hedge_adverb(mentions: Callable[[str], list[Mention]], text: str, concept: str, span: str,
                      expected: set[str], cites: bool) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & AMONG == expected, (mention.modifiers, mention.modifier_rules)
    if cites:
        assert RULES & set(mention.modifier_rules), mention.modifier_rules


VERDICTS: dict[str, tuple[str, str]] = {
    "verdict-reliably": ("Recurrence and radiation injury cannot be reliably distinguished.",
                         "cannot be reliably distinguished"),
    "verdict-readily-separable": ("Lymphoma and toxoplasmosis are not readily separable.", "not readily separable"),
    "verdict-definitively": ("Progression and pseudoprogression could not be definitively differentiated.",
                             "could not be definitively differentiated"),
}


@pytest.mark.parametrize(("text", "span"), VERDICTS.values(), ids=VERDICTS.keys())
def test_hedge_adverb_verdict(mentions: Callable[[str], list[Mention]], text: str, span: str) -> None:
    """The read that cannot tell them apart is an inconclusive verdict, its adverb no conclusive word."""
    found = mentions(text)
    assert any(m.concept == "IMAGING_INCONCLUSIVE" and m.text == span for m in found), [(m.concept, m.text)
                                                                                        for m in found]
    assert not any(m.concept == "IMAGING_CONCLUSIVE" for m in found)
