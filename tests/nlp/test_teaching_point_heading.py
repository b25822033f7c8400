"""A teaching-points heading alone on its line heads a list of general statements (context.yaml
hyp.teaching_point_heading, reaching its items through scope.list_items).

Case write-ups end with "TEACHING POINTS" / "Learning points" / "Pearls" over numbered or bulleted lines that state
what holds in general ("advanced imaging is for the atypical lesion", "most small meningiomas can be watched"); they
are no read of this patient's study and no diagnosis of hers. The label with a colon on the same line was already
read (hyp.teaching_point); the heading alone on its line was not, so a general sentence under it could make a study
inconclusive.

Near misses keep their reading: the same words inside a sentence, a numbered impression or assessment list, a list
after the teaching points that has its own heading, and a list under "Key points" (a summary of the patient's own
case in many templates).

Rows: id, text, concept, the mention's text, whether it must be hypothetical (and cite this rule).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import find_mention

from pipeline.contracts import Mention

RULE = "hyp.teaching_point_heading"

CASES: dict[str, tuple[str, str, str, bool]] = {
    "caps-numbered-lesion": ("TEACHING POINTS\n1. Most small meningiomas can be watched.\n"
                             "2. Spectroscopy is for the atypical lesion, not the classic one.\n",
                             "BRAIN_LESION", "lesion", True),
    "caps-numbered-tumour": ("TEACHING POINTS\n1. Most small meningiomas can be watched.\n", "BRAIN_TUMOR",
                             "meningiomas", True),
    "learning-points-bullets": ("Learning points\n- A ring-enhancing lesion in an immunosuppressed host is "
                                "toxoplasmosis until proven otherwise.\n- Primary CNS lymphoma shrinks on steroids.\n",
                                "CNS_LYMPHOMA", "Primary CNS lymphoma", True),
    "pearls-heading": ("PEARLS\n1. Glioblastoma can cross the corpus callosum.\n", "GLIOMA", "Glioblastoma", True),
    "learning-points-parenthesis": ("LEARNING POINTS\n1) Metastases sit at the grey-white junction.\n",
                                    "BRAIN_METASTASIS", "Metastases", True),
    "educational-points-indented": ("  Educational points\n  1. An abscess restricts diffusion centrally.\n",
                                    "BRAIN_INFECTION", "abscess", True),
    # ------------------------------------------------ near misses
    "near: words inside a sentence": ("We reviewed the teaching points with the team. Glioma is suspected.\n",
                                      "GLIOMA", "Glioma", False),
    "near: impression list": ("IMPRESSION\n1. Enhancing lesion, glioma favoured.\n", "GLIOMA", "glioma", False),
    "near: list after its own heading": ("TEACHING POINTS\n1. Most small meningiomas can be watched.\n\nASSESSMENT\n"
                                         "1. Left frontal glioblastoma, recurrent.\n", "GLIOMA", "glioblastoma",
                                         False),
    "near: key points": ("Key points\n1. Recurrent glioblastoma on the 10/02 MRI.\n", "GLIOMA", "glioblastoma",
                         False),
    "near: a heading word in a title": ("Teaching hospital neurology note\n1. Metastasis to the left cerebellum.\n",
                                        "BRAIN_METASTASIS", "Metastasis", False),
}


@pytest.mark.parametrize(("text", "concept", "mention", "hypothetical"), list(CASES.values()), ids=list(CASES))
def test_teaching_point_heading(mentions: Callable[..., list[Mention]], text: str, concept: str, mention: str,
                                hypothetical: bool) -> None:
    m = find_mention(mentions, text, concept, mention)
    assert ("hypothetical" in m.modifiers) is hypothetical, (m.modifiers, m.modifier_rules)
    assert (RULE in m.modifier_rules) is hypothetical
