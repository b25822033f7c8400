"""The evidence `sentence`: the sentence around the span, cut to a window centred on the span when long."""

from __future__ import annotations

import pytest

from pipeline.facts.context import sentence_window

LONG = "word " * 300  # 1,500 characters

CASES = {
    # text, sentence [start, end), span [start, end)
    "short sentence whole": ("No evidence of glioma today.", (0, 28), (15, 21)),
    "span near the end": (LONG + "recurrent glioblastoma.", (0, len(LONG) + 23), (len(LONG), len(LONG) + 22)),
    "span near the start": ("glioblastoma " + LONG, (0, 13 + len(LONG)), (0, 12)),
    "span in the middle": (LONG + " GBM " + LONG, (0, 2 * len(LONG) + 5), (len(LONG) + 1, len(LONG) + 4)),
    "span longer than the limit": ("x" * 900, (0, 900), (10, 890)),
    "sentence inside a longer text": ("Intro. " + LONG + "metastasis." + " Next.", (7, 7 + len(LONG) + 11),
                                      (7 + len(LONG), 7 + len(LONG) + 10)),
}


@pytest.mark.parametrize(("text", "sentence", "span"), CASES.values(), ids=CASES.keys())
def test_the_span_is_always_inside_its_sentence_window(text: str, sentence: tuple[int, int],
                                                       span: tuple[int, int]) -> None:
    window = sentence_window(text, *sentence, *span, limit=400)
    quoted = " ".join(text[span[0]:span[1]].split())
    assert quoted in window
    if span[1] - span[0] <= 394:
        assert len(window) <= 400
    whole = " ".join(text[sentence[0]:sentence[1]].split())
    assert window == whole or window.startswith("...") or window.endswith("...")
