"""A modal hedge with an adverb inside it is still a hedge.

"It might still be a tumour", "this could well represent lymphoma", "the rim may also be an abscess", "could possibly
be a metastasis" hedge what follows, as "might be" does; before, the adverb ("still" is also a terminator) broke
the cue and the diagnosis read as affirmed. Near misses: "still" that tells a finding persists ("the glioma is still
enhancing") and a negated modal ("it cannot still be a tumour" is no pattern here: not covered) keep their readings.

Rows are freshly written; near misses must not change.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import check_mention

from pipeline.contracts import Mention

NEG, HEDGE, NONE = {"negated"}, {"uncertain"}, set[str]()
AMONG = {"negated", "uncertain"}

CASES: dict[str, tuple[str, str, str, set[str]]] = {
    "might-still-be": ("The daughter asks whether it might still be a tumour.", "BRAIN_TUMOR", "tumour", HEDGE),
    "could-still-be": ("On balance it could still be a glioma.", "GLIOMA", "glioma", HEDGE),
    "could-well-represent": ("The ring lesion could well represent lymphoma.", "CNS_LYMPHOMA", "lymphoma", HEDGE),
    "may-also-be": ("The rim may also be an abscess.", "BRAIN_INFECTION", "abscess", HEDGE),
    "could-possibly-be": ("The second focus could possibly be a metastasis.", "BRAIN_METASTASIS", "metastasis",
                          HEDGE),
    "might-actually-be": ("The plaque might actually be a low-grade glioma.", "GLIOMA", "low-grade glioma", HEDGE),
    "may-yet-be": ("The nodule may yet be a metastasis.", "BRAIN_METASTASIS", "metastasis", HEDGE),
    # ------------------------------------------------ near misses
    "still-enhancing": ("The glioma is still enhancing at the margin.", "GLIOMA", "glioma", NONE),
    "still-no-tumour": ("Repeat MRI: still no tumour.", "BRAIN_TUMOR", "tumour", NEG),
    "known-glioma-still": ("Her known glioblastoma is still under treatment.", "GLIOMA", "glioblastoma", NONE),
}


@pytest.mark.parametrize(("text", "concept", "span", "expected"), CASES.values(), ids=CASES.keys())
def test_modal_hedge_with_adverb(mentions: Callable[[str], list[Mention]], text: str, concept: str, span: str,
                                 expected: set[str]) -> None:
    check_mention(mentions, text, concept, span, expected, among=AMONG)
