"""A relative named as the one who brought the patient in, came along or gave the history, then a colon or a dash
and the complaints: the complaints are the patient's.

Class: "Brought in by her son: three days of worsening confusion", "Accompanied by husband - new seizures",
"History from daughter: progressive word-finding trouble", "Hx obtained from his mother (by phone): two new
seizures", "Attends with wife: more headaches", "Collateral (son): worse memory". fam.relative_has used to read the
relative and the colon ("son:") as a relative's line, so the patient's complaints came out as family history. Rule:
context.yaml fam.pseudo_informant_label (the words of bringing or telling, the relative, a bracket, the colon or
dash: longer than fam.relative_has's cue, so it takes its place). Near misses keep their reading: a family history
("Family history: father - glioblastoma at 58", "Family history from mother: ..."), a relative's line in a family
list ("Daughter: epilepsy since age 4"), a relative's disease after a comma ("Brought in by her son, who has MS
himself" is not made the patient's), an informant with a comma ("Per wife, he had a seizure").

Rows: id, text, concept, the mention's text, its expected assertions among ASSERTIONS. Rows whose id starts with
"near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import find_mention

ASSERTIONS = {"negated", "uncertain", "hypothetical", "family"}
F: set[str] = {"family"}
NONE: set[str] = set()
RULE = "fam.pseudo_informant_label"

CASES: list[tuple[str, str, str, str, set[str]]] = [
    # ---- brought in, accompanied, escorted by the relative
    ("brought in by son, date", "Brought in 03/11 by her son: five days of increasing drowsiness, now muddled.",
     "NEW_SYMPTOM", "increasing drowsiness", NONE),
    ("brought to ED by daughter", "Pt brought to ED by daughter: new seizures overnight, two in total.",
     "SEIZURE", "seizures", NONE),
    ("accompanied by husband dash", "Accompanied by her husband - 10 days of worsening headache and nausea.",
     "NEW_SYMPTOM", "worsening headache and nausea", NONE),
    ("accompanied by mother colon", "Accompanied by mother: progressive left arm weakness since June.",
     "NEW_SYMPTOM", "progressive left arm weakness", NONE),
    ("escorted by brother", "Escorted by his older brother: first ever generalised seizure this morning.",
     "SEIZURE", "seizure", NONE),
    ("brought in by parents", "Brought in by parents: new focal seizures, three this week.",
     "SEIZURE", "focal seizures", NONE),
    ("attends with wife", "Attends clinic with wife: memory getting worse over six months.",
     "NEW_SYMPTOM", "memory getting worse", NONE),
    ("came with daughter", "Came in with daughter - increasing confusion and new falls.",
     "NEW_SYMPTOM", "increasing confusion and new falls", NONE),
    ("brought by son bracket", "Brought in by son (lives with her): worsening unsteadiness for 2 weeks.",
     "NEW_SYMPTOM", "worsening unsteadiness", NONE),
    # ---- the history from or per the relative
    ("history from daughter", "History from daughter: progressive speech difficulty since spring.",
     "NEW_SYMPTOM", "progressive speech difficulty", NONE),
    ("hx obtained from mother bracket", "Hx obtained from his mother (by phone): two new seizures since Friday.",
     "SEIZURE", "seizures", NONE),
    ("collateral history from sister", "Collateral history from sister: new seizures at work last week.",
     "SEIZURE", "seizures", NONE),
    ("history per father dash", "History per father - worsening headaches on waking for a month.",
     "NEW_SYMPTOM", "worsening headaches", NONE),
    ("per son bracket", "Per son (via telephone): he has had a new seizure today.", "SEIZURE", "seizure", NONE),
    ("per daughter colon", "Per daughter: worsening confusion since the weekend.", "NEW_SYMPTOM",
     "worsening confusion", NONE),
    ("collateral bracket", "Collateral (daughter): headaches getting worse over 3 weeks.", "NEW_SYMPTOM",
     "headaches getting worse", NONE),
    ("information from son", "Information provided by son: new word-finding difficulty, seizures x2.",
     "SEIZURE", "seizures", NONE),
    # ---- near misses: a relative's line or a family history stays the relative's
    ("near: family history mother dash", "Family history: father - glioblastoma at 58.", "GLIOMA",
     "glioblastoma", F),
    ("near: family history from mother", "Family history from mother: maternal aunt with epilepsy.", "EPILEPSY",
     "epilepsy", F),
    ("near: daughter line in FHx", "Family history:\nDaughter: epilepsy since age 4.\nFather: well.",
     "EPILEPSY", "epilepsy", F),
    ("near: sister line", "Sister: brain tumour, died 2017.", "BRAIN_TUMOR", "brain tumour", F),
    ("near: mother colon disease", "Mother: multiple sclerosis, diagnosed at 40.", "MULTIPLE_SCLEROSIS",
     "multiple sclerosis", F),
    ("near: brother has after brought", "Brought in by wife. Brother has epilepsy.", "EPILEPSY", "epilepsy", F),
    ("near: per wife comma", "Per wife, he had a seizure in the night.", "SEIZURE", "seizure", NONE),
    ("near: mother reports", "Mother reports two new seizures this week.", "SEIZURE", "seizures", NONE),
    ("near: accompanied by son plain", "Accompanied by son. Reports new seizures since March.", "SEIZURE",
     "seizures", NONE),
    ("near: fhx per mother", "FHx per mother: cousin with epilepsy.", "EPILEPSY", "epilepsy", F),
]


@pytest.mark.parametrize(("text", "concept", "span", "expected"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_relative_informant_label(mentions, text: str, concept: str, span: str,  # type: ignore[no-untyped-def]
                                  expected: set[str]) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & ASSERTIONS == expected, (mention.modifiers, mention.modifier_rules)
