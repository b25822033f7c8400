"""Request-form yes/no answers read from the mark, in more layouts (pipeline/nlp/form_state.py, forms.yaml):
a written answer after an arrow or after a "Y/N:" hint, labels before their boxes, pipe tables whose header row
names the answers, answers circled in parentheses, ballot boxes after Yes/No.

Each row: a form line (or a few), a target in it, the assertions it must carry afterwards (an empty set means
affirmed) and the form rule that must be cited (None: no form rule may touch it). Near misses: the mark under Yes,
nothing marked, a free-text answer, a table without answer columns, parentheses that are no circle.
"""

from __future__ import annotations

import pytest
from text_to_criteria import facts_of, find_mention

from pipeline.contracts import FactStatus

H, NEG = {"hypothetical"}, {"negated"}
NO, BLANK = "form.question.answered_no", "form.question.unanswered"

TABLE_NO = "| Item | Y | N |\n|------|---|---|\n| FDG PET requested |   | X |\n| Pacemaker | | x |"
TABLE_YES = "| Item | Y | N |\n|------|---|---|\n| FDG PET requested | X |   |\n| Pacemaker | | x |"
TABLE_BLANK = "| Item | Yes | No |\n| --- | --- | --- |\n| FDG PET requested |  |  |"
TABLE_WORDS = "| Study | Date | Result |\n|---|---|---|\n| FDG PET | 10/02/2026 | X |"

CASES = [
    # a written answer after an arrow, or after a "Y/N:" hint
    ("arrow-no", "PET ordered?  Y / N  -> N", "IMAGING", "PET", NEG, NO),
    ("arrow-yes", "PET ordered?  Y / N  -> Y", "IMAGING", "PET", set(), None),
    ("unicode-arrow-no", "Cochlear implant?  Yes/No \u2192 No", "MRI_CONTRAINDICATION", "Cochlear implant", NEG, NO),
    ("joined-hint-no", "PET in last 90 days: Y/N: N", "IMAGING", "PET", NEG, NO),
    ("joined-hint-yes", "Insulin pump: Y/N: Y", "MRI_CONTRAINDICATION", "Insulin pump", set(), None),
    # labels before their boxes
    ("label-before-box-no", "FDG PET requested  Y [ ]  N [X]", "IMAGING", "FDG PET", NEG, NO),
    ("label-before-box-yes", "FDG PET requested  Y [X]  N [ ]", "IMAGING", "FDG PET", set(), None),
    ("ballot-after-yes-no", "Neurostimulator   Yes \u2610 No \u2612", "MRI_CONTRAINDICATION", "Neurostimulator", NEG,
     NO),
    # pipe tables whose header row names the answers
    ("table-x-under-n", TABLE_NO, "IMAGING", "FDG PET", NEG, NO),
    ("table-second-row", TABLE_NO, "MRI_CONTRAINDICATION", "Pacemaker", NEG, NO),
    ("table-x-under-y", TABLE_YES, "IMAGING", "FDG PET", set(), None),
    ("table-nothing-marked", TABLE_BLANK, "IMAGING", "FDG PET", H, BLANK),
    ("table-without-answer-columns", TABLE_WORDS, "IMAGING", "FDG PET", set(), None),
    # circled answers
    ("circled-no", "PET done within 90 days? (circle one) Y  (N)", "IMAGING", "PET", NEG, NO),
    ("circled-yes", "PET done within 90 days? (circle one) (Y)  N", "IMAGING", "PET", set(), None),
    ("circled-word-no", "Aneurysm clip   Yes / (No)", "MRI_CONTRAINDICATION", "Aneurysm clip", NEG, NO),
    # near misses: a free-text answer; parentheses that circle nothing
    ("free-text-yes", "PET done? yes, 10/30", "IMAGING", "PET", set(), None),
    ("parenthesis-no-partner", "Seizures (N) reported by the school nurse", "SEIZURE", "Seizures", set(), None),
    # a row that goes on after its answer: the next field ends a written answer ("Wt 70 kg", "Clips: No"); in
    # "Y [X] N [ ]" the mark follows its label, so the text after the last mark is no mark's label
    ("written-no-then-weight", "Insulin pump: N   Weight 68 kg", "MRI_CONTRAINDICATION", "Insulin pump", NEG, NO),
    ("hint-no-then-weight", "Insulin pump: Y/N: N   Wt 70 kg", "MRI_CONTRAINDICATION", "Insulin pump", NEG, NO),
    ("spaced-no-then-weight", "pacemaker N   Wt 82 kg", "MRI_CONTRAINDICATION", "pacemaker", NEG, NO),
    ("boxes-no-then-next-question", "Cochlear implant  Yes [ ] No [X]   Clips: No", "MRI_CONTRAINDICATION",
     "Cochlear implant", NEG, NO),
    ("label-before-yes-then-free-text", "Neurostimulator Y [X] N [ ]   left chest, placed 2020",
     "MRI_CONTRAINDICATION", "Neurostimulator", set(), None),
    ("label-before-no-then-free-text", "Deep brain stimulator Y [ ] N [X] per patient and mother",
     "MRI_CONTRAINDICATION", "Deep brain stimulator", NEG, NO),
    ("label-before-two-rows-first-yes", "Pacemaker Y [X] N [ ]  Insulin pump Y [ ] N [X]  see attached note",
     "MRI_CONTRAINDICATION", "Pacemaker", set(), None),
    ("label-before-two-rows-second-no", "Pacemaker Y [X] N [ ]  Insulin pump Y [ ] N [X]  see attached note",
     "MRI_CONTRAINDICATION", "Insulin pump", NEG, NO),
    ("label-before-free-text-not-negated-by-no", "Neurostimulator: Yes [X] No [ ] implanted 2019 for back pain",
     "SPINE", "back pain", set(), None),
    ("label-before-unknown-then-words", "Insulin pump  Yes [ ]  No [ ]  Unknown [X]  pt unsure",
     "MRI_CONTRAINDICATION", "Insulin pump", H, BLANK),
    ("label-before-blank-then-words", "Neurostimulator  Y [ ]  N [ ]  left chest", "MRI_CONTRAINDICATION",
     "Neurostimulator", H, BLANK),
    # a dot leader; an X under a column header laid out with spaces; options listed with nothing chosen
    ("leader-no", "Aneurysm clip ............ No", "MRI_CONTRAINDICATION", "Aneurysm clip", NEG, NO),
    ("leader-blank", "Aneurysm clip ............", "MRI_CONTRAINDICATION", "Aneurysm clip", H, BLANK),
    ("column-x-under-n", "SCREEN          Y     N\nInsulin pump          X", "MRI_CONTRAINDICATION",
     "Insulin pump", NEG, NO),
    ("column-x-under-y", "SCREEN          Y     N\nInsulin pump    X", "MRI_CONTRAINDICATION", "Insulin pump",
     set(), None),
    ("column-blank", "SCREEN          Y     N\nInsulin pump\nShunt                 X", "MRI_CONTRAINDICATION",
     "Insulin pump", H, BLANK),
    ("column-title-not-negated", "MRI SCREEN      Y     N\nInsulin pump          X", "IMAGING", "MRI", set(), None),
    ("options-side-by-side", "Insulin pump   Y   N", "MRI_CONTRAINDICATION", "Insulin pump", H, BLANK),
    ("inline-next-item-yes", "pacemaker N   insulin pump Y   shunt N", "MRI_CONTRAINDICATION", "insulin pump",
     set(), None),
    # near misses: label after the mark, two questions; a Yes; lower-case words after "no" say what it denies
    ("label-after-two-questions", "Aneurysm clip  [ ]Y [X]N  Shrapnel [ ]Y [X]N", "MRI_CONTRAINDICATION",
     "Aneurysm clip", NEG, NO),
    ("label-after-then-next-question-yes", "Pacemaker [ ] Y [X] N  Aneurysm clip [X] Y [ ] N  Allergies: none",
     "MRI_CONTRAINDICATION", "Aneurysm clip", set(), None),
    ("written-yes-then-height", "Pacemaker: Yes   Ht 165 cm", "MRI_CONTRAINDICATION", "Pacemaker", set(), None),
    ("no-then-lowercase-words", "ICD: no shocks since 2022", "MRI_CONTRAINDICATION", "ICD", set(), None),
    ("no-then-capitalised-words", "Pacemaker: No MR-conditional card on file", "MRI_CONTRAINDICATION", "Pacemaker",
     set(), None),
]


@pytest.mark.parametrize(("text", "concept", "phrase", "expected", "rule"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_form_layout(mentions, text: str, concept: str, phrase: str, expected: set[str],  # type: ignore[no-untyped-def]
                     rule: str | None) -> None:
    m = find_mention(mentions, text, concept, phrase)
    assert set(m.modifiers) == expected, m.modifier_rules
    cited = {r for r in m.modifier_rules if r.startswith("form.")}
    if rule is None:
        assert not cited
    else:
        assert rule in cited


REQUEST = "Date of request: 11/20/2026\nMR spectroscopy of the brain requested.\n"
FACTS = {
    "arrow-no-not-requested": (REQUEST + "PET ordered?  Y / N  -> N", FactStatus.ABSENT),
    "arrow-yes-requested": (REQUEST + "PET ordered?  Y / N  -> Y", FactStatus.PRESENT),
    "table-no-not-requested": (REQUEST + "| Item | Y | N |\n|---|---|---|\n| PET requested |   | X |",
                               FactStatus.ABSENT),
    "table-yes-requested": (REQUEST + "| Item | Y | N |\n|---|---|---|\n| PET requested | X |   |",
                            FactStatus.PRESENT),
    "circled-no-not-requested": (REQUEST + "PET requested (circle one) Y  (N)", FactStatus.ABSENT),
    "label-before-box-no": (REQUEST + "PET requested  Y [ ]  N [X]", FactStatus.ABSENT),
}


@pytest.mark.parametrize(("text", "expected"), FACTS.values(), ids=FACTS.keys())
def test_pet_answer_decides_the_fact(analyze, text: str, expected: FactStatus) -> None:  # type: ignore[no-untyped-def]
    fact = facts_of(analyze, text).facts["pet_same_workup"]
    pets = [e for e in fact.evidence if "PET" in e.text]
    assert fact.status is expected, f"{fact.status.value} ({fact.note})"
    if expected is FactStatus.ABSENT:  # absent because the form says No, not for want of a request cue
        assert all(e.assertion == "absent" for e in pets)
