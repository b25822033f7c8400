"""A lay feeling about a disease is no suspicion, whoever is named between the speaker and the feeling.

`hyp.lay_worry` reads "Patient is very anxious about a tumour" when the feeling follows its subject; a feeling
separated from its subject by a clause ("Patient is a nurse and is very anxious about ...", "Her husband, who drove
her in, is frightened of ...") is read by `hyp.lay_emotion`: the emotion words no clinician uses to state a
suspicion (anxious, afraid, scared, frightened, terrified, nervous, panicked) make the disease after them
hypothetical. A clinician's concern or worry stays a suspicion; a disease the patient has stays affirmed when the
feeling is about its course.

Rows: id, text, concept, the mention's text, its expected assertions among ASSERTIONS, a rule id it must cite.
Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import find_mention

ASSERTIONS = {"negated", "uncertain", "hypothetical", "family"}
H, U = {"hypothetical"}, {"uncertain"}

CASES: list[tuple[str, str, str, str, set[str], str | None]] = [
    ("occupation between", 'Patient is a teacher and is very anxious about "a brain tumour" after reading the report.',
     "BRAIN_TUMOR", "brain tumour", H, "hyp.lay_emotion"),
    ("relative clause between", "Her husband, who drove her in today, is frightened of lymphoma.", "CNS_LYMPHOMA",
     "lymphoma", H, "hyp.lay_emotion"),
    ("name between", "Mr. Ruiz, a retired welder, is scared of a glioma like his friend had.", "GLIOMA", "glioma", H,
     "hyp.lay_emotion"),
    ("nervous that", "She has read a great deal online and is nervous that this is multiple sclerosis.",
     "MULTIPLE_SCLEROSIS", "multiple sclerosis", H, "hyp.lay_emotion"),
    ("terrified it is", "The family, after the neighbour's diagnosis, are terrified it is a tumor.", "BRAIN_TUMOR",
     "tumor", H, "hyp.lay_emotion"),
    ("near: past the clause", "After the first read the patient became afraid of cancer in the brain; tumor discussed.",
     "BRAIN_TUMOR", "tumor", set(), None),
    ("near: clinician concerned", "I am concerned about a glioma given the enhancement.", "GLIOMA", "glioma", U, None),
    ("near: clinician worried", "We are worried about lymphoma in this immunosuppressed host.", "CNS_LYMPHOMA",
     "lymphoma", U, None),
    ("near: feeling about a known disease", "She has glioblastoma and is anxious about the next scan.", "GLIOMA",
     "glioblastoma", set(), None),
    ("near: her own disease", "She is anxious about her glioblastoma and the next scan.", "GLIOMA", "glioblastoma",
     set(), None),
    ("near: plain statement", "Patient is a nurse. MRI shows a ring-enhancing tumor.", "BRAIN_TUMOR", "tumor", set(),
     None),
]


@pytest.mark.parametrize(("text", "concept", "span", "expected", "rule"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_lay_emotion(mentions, text: str, concept: str, span: str, expected: set[str],  # type: ignore[no-untyped-def]
                     rule: str | None) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & ASSERTIONS == expected, (mention.modifiers, mention.modifier_rules)
    if rule is not None:
        assert rule in mention.modifier_rules
