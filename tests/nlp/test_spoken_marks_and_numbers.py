"""Dictated notes read as what was meant: spoken punctuation in a paragraph dictated that way, and numbers said in
words where a rule reads a number (pipeline/nlp/dictation.py, pipeline/nlp/spoken_numbers.py; cues `dictation.*`
and `numbers.*` in pipeline/nlp/resources/cues.yaml).

a. A paragraph is dictated when it has two spoken marks, or one that has no other use ("new paragraph", "full stop",
   "semicolon", "open paren"); a mark word that ends its line before a capitalised line is punctuation by position.
   A single clinical use in a typed paragraph stays a word ("postictal period", "sigmoid colon", "coma").
b. A negation before a spoken mark ends where the mark ends it, as it does before the written mark.
c. A year said in words after a word that introduces one, an age, a time counted back ("three weeks ago") and a size
   become digits; other number words stay words ("one of the lesions", "the second opinion", "a one-off seizure",
   "for two weeks").
"""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.nlp import normalize

# a. id -> (text, the normalised text it must give; None: unchanged)
MARKS = {
    "two-marks-in-a-paragraph": ("No nausea comma no vomiting period", "No nausea, no vomiting."),
    "comma-and-period-mid-letter": ("Thank you for seeing Mr Adeyemi comma who has had two seizures period",
                                    "Thank you for seeing Mr Adeyemi, who has had two seizures."),
    "new-paragraph-alone": ("Denies fever new paragraph Exam shows a right hemiparesis",
                            "Denies fever\n\nExam shows a right hemiparesis"),
    "next-paragraph-and-heading": ("no papilledema next paragraph plan colon MRS", "no papilledema\n\nplan: MRS"),
    "full-stop-alone": ("mild headache full stop she reports new word finding difficulty",
                        "mild headache.\nshe reports new word finding difficulty"),
    "semicolon-alone": ("gait steady semicolon reflexes brisk", "gait steady; reflexes brisk"),
    "parentheses-alone": ("left frontal lesion open paren 14 mm close paren", "left frontal lesion (14 mm)"),
    "heading-colon-ends-its-line": ("Assessment colon\nEnlarging left temporal lesion",
                                    "Assessment:\nEnlarging left temporal lesion"),
    "heading-colon-before-a-blank-line": ("Findings colon\n\nIncreased choline in the left frontal lesion",
                                          "Findings:\n\nIncreased choline in the left frontal lesion"),
    "period-ends-its-line": ("She has had three seizures this month period\nPlan is MR spectroscopy",
                             "She has had three seizures this month.\nPlan is MR spectroscopy"),
    "dictated-paragraph-on-a-typed-page": ("Referral for MRS.\n\nimpression colon enlarging lesion period",
                                           "Referral for MRS.\n\nimpression: enlarging lesion."),
    "plural-duration-ends-a-sentence": ("headaches for two weeks period no vomiting period",
                                        "headaches for two weeks.\nno vomiting."),
    # near misses: one clinical use of a mark word in a typed paragraph, or a noun use among spoken marks
    "near-postictal-period": ("Postictal period lasted an hour. Sigmoid colon resected in 2015.", None),
    "near-period-of-observation": ("Admitted for a period of observation, then discharged home.", None),
    "near-perioperative-period": ("No seizures in the perioperative period; colon cancer in remission.", None),
    "near-menstrual-period": ("Last menstrual period 10/01/2026, colon polyp removed 2024.", None),
    "two-week-period-stays-a-word": ("Three seizures over a two week period comma then none period",
                             "Three seizures over a two week period, then none."),
    "near-the-colon": ("CT showed thickening of the sigmoid colon and a period of ileus.", None),
    "near-coma": ("Brief coma after the fall period No seizures since", None),
    "near-comma-shaped": ("A comma-shaped focus in the left frontal lobe.", None),
    "near-one-mark-mid-line": ("She has had a symptom free period since June, no colon symptoms", None),
    "near-mark-then-lower-case-line": ("Seizure free period\nsince June", None),
    "near-typed-mark-after-the-word": ("Observed over the postictal period.\nColon: normal", None),
}


@pytest.mark.parametrize(("text", "expected"), MARKS.values(), ids=MARKS.keys())
def test_a_spoken_marks_where_dictated(text: str, expected: str | None) -> None:
    norm = normalize(text)
    assert norm.text == (text if expected is None else expected)
    offsets = list(norm.source_offsets)
    assert len(offsets) == len(norm.text) + 1 and offsets == sorted(offsets) and offsets[-1] == len(text)


# b. id -> (dictated text, the same text typed, target concept, target text): the target reads the same in both (a
# spoken full stop ends its line, so the next sentence starts even in lower case, as a typed one does capitalised)
NEGATION_ENDS = {
    "period-ends-denies": ("denies headache comma vomiting period new weakness in the left hand",
                           "denies headache, vomiting. New weakness in the left hand", "NEW_SYMPTOM", "new weakness"),
    "full-stop-ends-no": ("no fever full stop worse headaches since Monday",
                          "no fever. Worse headaches since Monday", "NEW_SYMPTOM", "worse headaches"),
    "new-paragraph-ends-no": ("no seizures new paragraph new weakness of the right arm",
                              "no seizures\n\nnew weakness of the right arm", "NEW_SYMPTOM", "new weakness"),
    "new-line-ends-denies": ("denies nausea comma photophobia new line seizures began in June",
                             "denies nausea, photophobia\nseizures began in June", "SEIZURE", "seizures"),
    # near miss: a comma inside the list keeps the negation going, spoken or written
    "comma-keeps-the-list": ("denies headache comma seizures period", "denies headache, seizures.", "SEIZURE",
                             "seizures"),
}


@pytest.mark.parametrize(("dictated", "typed", "concept", "target"), NEGATION_ENDS.values(), ids=NEGATION_ENDS.keys())
def test_b_negation_ends_at_the_spoken_mark(analyze: Any, dictated: str, typed: str, concept: str,
                                            target: str) -> None:
    def modifiers(text: str) -> list[str]:
        found = [m for m in analyze(text).mentions if m.concept == concept and m.text.lower() == target]
        assert found, [(m.concept, m.text) for m in analyze(text).mentions]
        return found[0].modifiers

    assert modifiers(dictated) == modifiers(typed)


# c. id -> (text, the normalised text it must give; None: unchanged)
NUMBERS = {
    "year-in-pairs": ("stent placed in twenty nineteen", "stent placed in 2019"),
    "year-in-thousands": ("resected since two thousand eighteen", "resected since 2018"),
    "year-thousand-and": ("diagnosed in two thousand and eight", "diagnosed in 2008"),
    "year-nineteen-hundreds": ("seizures began in nineteen ninety eight", "seizures began in 1998"),
    "year-oh": ("shunt placed in twenty oh five", "shunt placed in 2005"),
    "year-after-month": ("MRI in June twenty twenty five showed", "MRI in June 2025 showed"),
    "age-compound": ("a twenty nine year old woman", "a 29 year old woman"),
    "age-hyphenated": ("a forty-two-year-old man", "a 42-year-old man"),
    "device-age": ("the stent is more than six years old", "the stent is more than 6 years old"),
    "weeks-ago": ("placed eleven weeks ago", "placed 11 weeks ago"),
    "size-millimeter": ("a nine millimeter enhancing focus", "a 9 millimeter enhancing focus"),
    "size-decimal": ("measuring two point five centimeters", "measuring 2.5 centimeters"),
    "size-by": ("two by three centimeters", "2 by 3 centimeters"),
    "months-of-age": ("first seizure at eighteen months of age", "first seizure at 18 months of age"),
    "y-o": ("a seventy two y/o man", "a 72 y/o man"),
    # near misses: no unit a rule reads, no year-introducing word, an ordinal, a fixed phrase
    "near-one-of-the-lesions": ("one of the lesions enhances", None),
    "near-second-opinion": ("the second opinion agreed", None),
    "near-one-off": ("a one-off seizure in May", None),
    "near-two-lesions": ("two lesions in the left frontal lobe", None),
    "near-in-twenty-patients": ("seen in twenty patients with glioma", None),
    "near-one-or-two": ("one or two seizures a week", None),
    "near-twenty-oh-without-in": ("room twenty oh five", None),
    "near-plain-duration": ("headaches for two weeks, seizure-free for twenty-four hours", None),
}


@pytest.mark.parametrize(("text", "expected"), NUMBERS.values(), ids=NUMBERS.keys())
def test_c_numbers_said_in_words(text: str, expected: str | None) -> None:
    norm = normalize(text)
    assert norm.text == (text if expected is None else expected)
    offsets = list(norm.source_offsets)
    assert len(offsets) == len(norm.text) + 1 and offsets == sorted(offsets) and offsets[-1] == len(text)


def test_c_digits_map_to_the_words_said() -> None:
    text = "a twenty nine year old seen in two thousand eighteen"
    norm = normalize(text)
    for digits, words in (("29", "twenty nine"), ("2018", "two thousand eighteen")):
        i = norm.text.index(digits)
        assert text[slice(*norm.to_source(i, i + len(digits)))] == words
