"""A verdict label heading a list, a topic row settled in its own row, an old question answered, mention by mention.

1. A verdict label with its own words before the colon denies every item after it (neg.ruled_out_heading):
   "Excluded during this admission: glioma (MRI 10/02), abscess", "Not supported by the work-up: ...", "Negative
   evaluation for: ...". Near misses: "Still to exclude:" (a hedge), "Confirmed:", a label that keeps it open.
2. A topic row that raises its topic as a question (poss.topic_queried) and settles it in the same row with a
   negation of the finding or another diagnosis is negated (scope.topic_settled); an active present-tense exclusion
   negates its object (neg.excludes_forward). Near misses: the row keeps it open, or finds the topic's own finding.
3. An old question answered by a later study is closed (neg.question_closed): "the CT question of a tumour was
   answered by the MRI".
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import find_mention

from pipeline.contracts import Mention

NEG, POSS, NONE = {"negated"}, {"uncertain"}, set[str]()
AMONG = {"negated", "uncertain"}

# id: (text, concept, mention text, expected modifiers among AMONG, the rule that must be named (or None))
CASES: dict[str, tuple[str, str, str, set[str], str | None]] = {
    # ------------------------------------------------ 1. a verdict label heading a list
    "excluded-during-admission-glioma": ("Excluded during this admission: glioma (MRI 10/02), abscess (CRP normal)\n",
                                         "GLIOMA", "glioma", NEG, "neg.ruled_out_heading"),
    "excluded-during-admission-abscess": ("Excluded during this admission: glioma (MRI 10/02), abscess (CRP normal)\n",
                                          "BRAIN_INFECTION", "abscess", NEG, "neg.ruled_out_heading"),
    "not-supported-by-work-up": ("Not supported by the work-up: vasculitis, lymphoma\n", "CNS_LYMPHOMA", "lymphoma",
                                 NEG, "neg.ruled_out_heading"),
    "negative-evaluation-for": ("Negative evaluation for: seizures, metabolic cause\n", "SEIZURE", "seizures", NEG,
                                "neg.ruled_out_heading"),
    "bulleted-ruled-out-on-admission": ("- Ruled out on this admission: toxoplasmosis, metastasis\n",
                                        "BRAIN_METASTASIS", "metastasis", NEG, "neg.ruled_out_heading"),
    "eliminated-by-serial-imaging": ("Eliminated by serial imaging: abscess, tumour\n", "BRAIN_TUMOR", "tumour", NEG,
                                     "neg.ruled_out_heading"),
    # near misses
    "near-miss-still-to-exclude": ("Still to exclude: lymphoma\n", "CNS_LYMPHOMA", "lymphoma", POSS, None),
    "near-miss-confirmed": ("Confirmed: glioblastoma\n", "GLIOMA", "glioblastoma", NONE, None),
    "near-miss-excluded-pending": ("Excluded pending biopsy: lymphoma\n", "CNS_LYMPHOMA", "lymphoma", NONE, None),
    # ------------------------------------------------ 2. a topic row settled in its row
    "tumour-queried-settled": ("Tumour: queried on the outside CT 09/14; MRI is diagnostic of toxoplasmosis and "
                               "neuroradiology excludes neoplasm\n", "BRAIN_TUMOR", "Tumour", NEG,
                               "scope.topic_settled"),
    "neuroradiology-excludes-neoplasm": ("Tumour: queried on the outside CT 09/14; MRI is diagnostic of "
                                         "toxoplasmosis and neuroradiology excludes neoplasm\n", "BRAIN_TUMOR",
                                         "neoplasm", NEG, "neg.excludes_forward"),
    "lesion-flagged-cavernoma": ("Lesion: flagged on the CT, the MRI shows a cavernoma, no tumour\n", "BRAIN_LESION",
                                 "Lesion", NEG, "scope.topic_settled"),
    "lymphoma-questioned-sarcoid": ("Lymphoma: questioned on the PET; biopsy shows neurosarcoidosis\n",
                                    "CNS_LYMPHOMA", "Lymphoma", NEG, "scope.topic_settled"),
    "mri-rules-out-abscess": ("Neuroradiology rules out an abscess.\n", "BRAIN_INFECTION", "abscess", NEG,
                              "neg.excludes_forward"),
    # near misses
    "near-miss-cannot-exclude-it": ("Tumour: raised on CT; MRI still cannot exclude it\n", "BRAIN_TUMOR", "Tumour",
                                    POSS, "poss.topic_queried"),
    "near-miss-own-finding-found": ("Tumour: queried on CT; MRI shows a glioblastoma\n", "BRAIN_TUMOR", "Tumour",
                                    POSS, "poss.topic_queried"),
    "near-miss-biopsy-proven": ("Tumour: biopsy-proven glioma\n", "BRAIN_TUMOR", "Tumour", NONE, None),
    "near-miss-versus-in-row": ("Mass: raised on CT, MRI shows abscess versus necrotic tumour\n", "BRAIN_LESION",
                                "Mass", POSS, "poss.topic_queried"),
    "near-miss-does-not-rule-out": ("The MRI does not rule out an abscess.\n", "BRAIN_INFECTION", "abscess", POSS,
                                    None),
    # ------------------------------------------------ 3. an old question answered
    "ct-question-answered": ("The CT question of a tumour was answered by the MRI 10/15, which shows an infarct.\n",
                             "BRAIN_TUMOR", "tumour", NEG, "neg.question_closed"),
    "near-miss-not-answered": ("The question of a tumour was not answered by the MRI.\n", "BRAIN_TUMOR", "tumour",
                               POSS, None),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected", "rule"), CASES.values(), ids=CASES.keys())
def test_verdict_lists_and_settled_rows(mentions: Callable[..., list[Mention]], text: str, concept: str, span: str,
                                        expected: set[str], rule: str | None) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & AMONG == expected, (mention.modifiers, mention.modifier_rules)
    if rule is not None:
        assert rule in mention.modifier_rules, mention.modifier_rules
