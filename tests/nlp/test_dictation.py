"""Uncorrected speech-recognition dictation: the NLP sees the punctuation and headers that were spoken, only where
the word is spoken punctuation, and the offsets still point at the words that were sent
(pipeline/nlp/dictation.py, cues `dictation.*` in pipeline/nlp/resources/cues.yaml)."""

from __future__ import annotations

import pytest

from pipeline.nlp import normalize

# id, text, the normalised text it must give (None: unchanged)
NORMALISED = [
    ("period-ends-sentence", "no focal deficits period she is alert comma oriented period next line plan colon MRS",
     "no focal deficits.\nshe is alert, oriented.\nplan: MRS"),
    ("spoken-heading-starts-its-line", "seen today period history colon two months of headaches period exam colon "
     "normal period", "seen today.\nhistory: two months of headaches.\nexam: normal."),
    ("new-paragraph", "lesion in the left frontal lobe period new paragraph impression colon indeterminate period",
     "lesion in the left frontal lobe.\n\nimpression: indeterminate."),
    ("parentheses-and-semicolon", "lesion open paren 2 cm close paren semicolon no edema period new line done",
     "lesion (2 cm); no edema.\ndone"),
    ("capitalised-dictation", "Findings colon Enhancing focus Period Impression colon Equivocal Period New paragraph",
     "Findings: Enhancing focus.\nImpression: Equivocal.\n\n"),
    # near misses: the word, not the mark
    ("a-period-of-two-weeks", "headaches for a period of two weeks period seizures period new line done",
     "headaches for a period of two weeks.\nseizures.\ndone"),
    ("the-colon-was-normal", "colonoscopy period the colon was normal period history colon colitis period",
     "colonoscopy.\nthe colon was normal.\nhistory: colitis."),
    ("comma-shaped-lesion", "a comma-shaped lesion period no edema period new line done",
     "a comma-shaped lesion.\nno edema.\ndone"),
    ("the-menstrual-period", "her last menstrual period was regular period no headache period new line done",
     "her last menstrual period was regular.\nno headache.\ndone"),
    ("colon-inside-a-sentence", "pain in the right colon region period seizures period new line done",
     "pain in the right colon region.\nseizures.\ndone"),
    ("written-prose-unchanged", "Headaches for a period of two weeks. The colon was normal. A comma-shaped lesion.",
     None),
    ("one-mark-word-is-not-dictation", "Seizure-free period\nMRI brain showed no change.", None),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in NORMALISED], ids=[c[0] for c in NORMALISED])
def test_spoken_punctuation(text, expected):  # type: ignore[no-untyped-def]
    norm = normalize(text)
    assert norm.text == (text if expected is None else expected)
    offsets = list(norm.source_offsets)
    assert len(offsets) == len(norm.text) + 1 and offsets == sorted(offsets) and offsets[-1] == len(text)


def test_spoken_marks_map_to_the_spoken_words():  # type: ignore[no-untyped-def]
    text = "no deficits period impression colon stable period new paragraph"
    norm = normalize(text)
    for mark, word in ((".", "period"), (":", "colon")):
        i = norm.text.index(mark)
        start, end = norm.to_source(i, i + 1)
        assert text[end - len(word):end] == word
    i = norm.text.index("impression:")
    assert text[slice(*norm.to_source(i, i + len("impression:")))] == "impression colon"


# id, dictated text, target mention text, section it must be in (None: no section)
SECTIONS = [
    ("impression-spoken", "mri brain period findings colon enhancing focus period impression colon differential "
     "considerations include recurrent tumor and radiation necrosis period", "radiation necrosis", "impression"),
    ("history-spoken", "thank you for seeing her period history colon new seizures for two months period plan "
     "colon MRS period", "seizures", "history_of_present_illness"),
    ("physical-examination-spoken", "history colon headaches period physical examination colon right pronator drift "
     "comma a witnessed seizure in clinic period", "seizure", "physical_exam"),
    ("findings-after-new-paragraph", "comparison colon none period new paragraph findings colon ring enhancing "
     "lesion period", "ring enhancing", "findings"),
    ("comparison-spoken", "indication colon glioma period comparison colon MRI 06/01/2026 period new line findings "
     "colon stable period", "MRI", "comparison"),
    # near misses: an organ named "colon" is no header
    ("organ-colon-not-a-header", "the patient had surgery period the colon was resected for cancer period "
     "new line seizures began later period", "seizures", None),
    ("colon-mid-sentence", "she has headaches period an abscess in the colon comma and new seizures period",
     "seizures", None),
    ("long-phrase-before-colon-not-a-header", "imaging of the brain at the outside hospital last week colon "
     "normal period new line she has seizures period", "seizures", None),
]


@pytest.mark.parametrize(("text", "target", "category"), [c[1:] for c in SECTIONS], ids=[c[0] for c in SECTIONS])
def test_spoken_headers_make_sections(analyze, text, target, category):  # type: ignore[no-untyped-def]
    found = [m for m in analyze(text).mentions if m.text.lower().startswith(target.lower())]
    assert found, [(m.concept, m.text) for m in analyze(text).mentions]
    assert found[0].section == category


def test_spoken_full_stops_end_sentences(analyze):  # type: ignore[no-untyped-def]
    text = "she has seizures period no history of glioma period new line done"
    result = analyze(text)
    seizure = next(m for m in result.mentions if m.text == "seizures")
    assert text[seizure.sentence_start:seizure.sentence_end].rstrip().endswith("seizures period")
    assert "negated" not in seizure.modifiers
