"""Two classes, mention by mention, with the rule each reading names (rows marked "near miss" keep their reading).

1. A procedure or plan item written as a label, a ":" or a dash, then its verdict is negated by that verdict
   (neg.label_verdict): "Biopsy: not indicated", "Epilepsy surgery - not an option", "Temporal lobectomy (L):
   postponed", "Radiation: not indicated at this time". The verdict must open the item's value; a result of the
   item ("Biopsy: non-diagnostic"), a date, a plan under way, a past item dated in its label ("Resection (2019): not a
   candidate for re-resection") and another item's verdict after a ";" change nothing.
2. A lay speaker's words in quotation marks are the speaker's (hyp.lay_quote, HYPOTHETICAL): 'Patient states "the
   doctors said I had a stroke before"', 'He keeps asking "is this a brain tumour?"'. Only inside the quotation, and
   only a lay speaker: a doctor's quoted question and a finding after the closing mark keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import find_mention

from pipeline.contracts import Mention

NEG, HYP, NONE = {"negated"}, {"hypothetical"}, set[str]()
AMONG = {"negated", "hypothetical"}

# id: (text, concept, mention text, expected modifiers among AMONG, the rule that must be named (or None))
CASES: dict[str, tuple[str, str, str, set[str], str | None]] = {
    # ------------------------------------------------ 1. a label, ":" or a dash, its verdict
    "biopsy-not-indicated": ("Ring-enhancing lesion.\nBiopsy: not indicated (classic imaging for abscess).\n",
                             "BIOPSY", "Biopsy", NEG, "neg.label_verdict"),
    "stereotactic-biopsy-deferred": ("Plan:\n- Stereotactic biopsy - deferred until steroids are stopped\n",
                                     "BIOPSY", "Stereotactic biopsy", NEG, "neg.label_verdict"),
    "epilepsy-surgery-dash": ("Epilepsy surgery - not an option.\n", "PRESURGICAL_EVAL", "Epilepsy surgery", NEG,
                              "neg.label_verdict"),
    "lobectomy-paren-postponed": ("Temporal lobectomy (L): postponed.\n", "PRESURGICAL_EVAL",
                                  "Temporal lobectomy", NEG, "neg.label_verdict"),
    "radiation-not-indicated": ("Radiation: not indicated at this time.\n", "PRIOR_RADIATION", "Radiation", NEG,
                                "neg.label_verdict"),
    "workup-en-dash-on-hold": ("Presurgical work-up \u2013 put on hold.\n", "PRESURGICAL_EVAL",
                               "Presurgical work-up", NEG, "neg.label_verdict"),
    "biopsy-after-semicolon": ("Presurgical evaluation: ongoing; biopsy - not indicated.\n", "BIOPSY", "biopsy",
                               NEG, "neg.label_verdict"),
    # near misses
    "near-miss-the-other-item-keeps": ("Presurgical evaluation: ongoing; biopsy - not indicated.\n",
                                       "PRESURGICAL_EVAL", "Presurgical evaluation", NONE, None),
    "near-miss-biopsy-result": ("Biopsy: non-diagnostic, repeat planned.\n", "BIOPSY", "Biopsy", NONE, None),
    "near-miss-biopsy-scheduled": ("Biopsy: scheduled 12/02/2026.\n", "BIOPSY", "Biopsy", NONE, None),
    "near-miss-in-progress": ("Phase 1 presurgical evaluation - in progress.\n", "PRESURGICAL_EVAL",
                              "presurgical evaluation", NONE, None),
    "near-miss-dated-past-item": ("Resection (2019): not a candidate for re-resection.\n", "PRIOR_RESECTION",
                                  "Resection", NONE, None),
    "near-miss-words-between": ("Presurgical evaluation with PET: not recommended given cost.\n",
                                "PRESURGICAL_EVAL", "Presurgical evaluation", NONE, None),
    # ------------------------------------------------ 2. a lay speaker's quoted words
    "patient-states-stroke": ("Patient states \"the doctors said I had a stroke before\".\n", "NONTUMOR_DX",
                              "stroke", HYP, "hyp.lay_quote"),
    "keeps-asking-tumour": ("He keeps asking \"is this a brain tumour?\"\n", "BRAIN_TUMOR", "brain tumour", HYP,
                            "hyp.lay_quote"),
    "curly-quotes-ms": ("The patient says \u201cI know it\u2019s MS\u201d.\n", "MULTIPLE_SCLEROSIS", "MS", HYP,
                        "hyp.lay_quote"),
    "single-quotes-said-to-me": ("Mum said to me 'it's a brain tumour, isn't it'.\n", "BRAIN_TUMOR",
                                 "brain tumour", HYP, "hyp.lay_quote"),
    # near misses
    "near-miss-doctor-asked": ("Dr Lee called; she asked, \"is a tumour still suspected?\"\n", "BRAIN_TUMOR",
                               "tumour", NONE, None),
    "near-miss-after-the-quote": ("Patient states \"headaches since May\" and the MRI shows a glioma.\n", "GLIOMA",
                                  "glioma", NONE, None),
    "near-miss-per-neurology": ("Dx: \"RRMS\" per neurology.\n", "MULTIPLE_SCLEROSIS", "RRMS", NONE, None),
    "near-miss-told-the-diagnosis": ("She was told \"it is multiple sclerosis\" in 2019.\n", "MULTIPLE_SCLEROSIS",
                                     "multiple sclerosis", NONE, None),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected", "rule"), CASES.values(), ids=CASES.keys())
def test_label_verdicts_and_lay_quotes(mentions: Callable[..., list[Mention]], text: str, concept: str, span: str,
                                       expected: set[str], rule: str | None) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & AMONG == expected, (mention.modifiers, mention.modifier_rules)
    if rule is not None:
        assert rule in mention.modifier_rules, mention.modifier_rules
