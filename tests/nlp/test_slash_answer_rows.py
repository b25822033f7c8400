"""Y/N answers in a row whose items a spaced slash separates: each item takes its own answer.

"Pacemaker N / cochlear N / clips N /", "ICD: N / VNS: N / stents: Y (coronary 2019)": the spaced slash after an
answer ends it when the row's next field (an item with its own answer, also a lower-case item with its colon) or
the line's end follows (forms.yaml written_answers.field_slash); so a device before "N /" is answered No, and the
next item's question starts after the slash (a device before "Y /" is not answered by the N after it). "N / A"
spaced is the answer N/A.

Near misses: a slash inside the item's name ("Pacemaker/ICD N") keeps one question answered for both; a printed
choice ("Pacemaker Y / N", "Pacemaker? Y / N: N") and a paired row ("Pacemaker / ICD: N / Y") read as before;
"N/A" unspaced before the slash stays one answer.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import check_mention

from pipeline.contracts import Mention

NEG, HYP, NONE = {"negated"}, {"hypothetical"}, set[str]()
AMONG = {"hypothetical", "uncertain", "negated"}
DEVICE = "MRI_CONTRAINDICATION"

# id: (text, mention text, expected modifiers among AMONG)
CASES: dict[str, tuple[str, str, set[str]]] = {
    # ------------------------------------------------ each item its own answer
    "letters-trailing-slash": ("Pacemaker N / cochlear N / clips N /\n", "Pacemaker", NEG),
    "colons-first": ("ICD: N / VNS: N / stents: Y (coronary 2019)\n", "ICD", NEG),
    "colons-middle-lower-next": ("ICD: N / VNS: N / stents: Y (coronary 2019)\n", "VNS", NEG),
    "colons-last-yes": ("ICD: N / VNS: N / stents: Y (coronary 2019)\n", "stents", NONE),
    "two-word-item-first": ("Cochlear implant N / pacemaker N / insulin pump Y\n", "Cochlear implant", NEG),
    "two-word-item-middle": ("Cochlear implant N / pacemaker N / insulin pump Y\n", "pacemaker", NEG),
    "lower-case-letters": ("DBS n / VNS n / aneurysm clip y\n", "VNS", NEG),
    "words-with-colons": ("Defibrillator: no / neurostimulator: no / coronary stent: no\n", "Defibrillator", NEG),
    "no-then-yes": ("insulin pump N / ICD Y\n", "insulin pump", NEG),
    "spaced-n-a": ("Pacemaker: N / A\n", "Pacemaker", NEG),
    # ------------------------------------------------ near misses
    "yes-before-other-no": ("Pacemaker Y / cochlear N\n", "Pacemaker", NONE),
    "yes-after-no": ("insulin pump N / ICD Y\n", "ICD", NONE),
    "slash-in-name-first": ("Pacemaker/ICD N\n", "Pacemaker", NEG),
    "slash-in-name-second": ("Pacemaker/ICD N\n", "ICD", NEG),
    "printed-choice": ("Pacemaker Y / N\n", "Pacemaker", HYP),
    "printed-choice-answered": ("Pacemaker? Y / N: N\n", "Pacemaker", NEG),
    "paired-row-yes": ("Pacemaker / ICD: N / Y\n", "ICD", NONE),
    "unspaced-n-a-then-yes": ("VNS N/A / DBS Y\n", "DBS", NONE),
}


@pytest.mark.parametrize(("text", "span", "expected"), CASES.values(), ids=CASES.keys())
def test_slash_answer_rows(mentions: Callable[[str], list[Mention]], text: str, span: str,
                           expected: set[str]) -> None:
    check_mention(mentions, text, DEVICE, span, expected, among=AMONG)
