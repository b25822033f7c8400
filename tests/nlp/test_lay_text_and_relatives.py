"""The cues of educational text, a family's questions and relatives in lay writing, on the mention itself.

Each row: a fresh text, the concept and the span, the modifiers it must carry among hypothetical, family and
uncertain (near misses keep theirs). Facts: tests/facts/test_lay_text_and_relatives_facts.py.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_mention

AMONG = {"hypothetical", "family", "uncertain"}

ROWS = [
    ("a leaflet: used for conditions such as", "MRS is also used for conditions such as leukodystrophies and "
     "some brain tumours.", "BRAIN_TUMOR", "tumours", {"hypothetical"}),
    ("a web page: can help tell", "Spectroscopy can help tell a glioma from an abscess.", "GLIOMA", "glioma",
     {"hypothetical", "uncertain"}),
    ("near miss: would help tell", "Spectroscopy would help tell a glioma from an abscess.", "GLIOMA", "glioma",
     {"uncertain"}),
    ("a question about a symptom", "Dad asked about seizures at school; reassured.", "SEIZURE", "seizures",
     {"hypothetical"}),
    ("near miss: a question about his own symptom", "Dad asked about his seizures at school.", "SEIZURE",
     "seizures", set()),
    ("a lay belief", "We were convinced it was MS.", "MULTIPLE_SCLEROSIS", "MS", {"uncertain"}),
    ("a named aunt", "My auntie Sue had a glioma in her forties.", "GLIOMA", "glioma", {"family"}),
    ("near miss: a named son", "My son Liam has had a glioma since 2022.", "GLIOMA", "glioma", set()),
]


@pytest.mark.parametrize(("case", "text", "concept", "span", "expected"), ROWS, ids=[r[0] for r in ROWS])
def test_lay_text_and_relatives_cues(mentions, case, text, concept, span, expected):  # type: ignore[no-untyped-def]
    check_mention(mentions, text, concept, span, expected, among=AMONG)
