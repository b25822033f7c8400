"""The NLP text may differ from the canonical text, but every offset maps back exactly."""

from __future__ import annotations

import pytest

from pipeline.nlp import normalize

CASES = [
    ("soft-wrap", "The enhancing lesion in the left frontal lobe is concerning\nfor recurrence.",
     "concerning for recurrence"),
    ("hyphen-break", "Findings suggest radia-\ntion necrosis rather than tumor.", "radiation necrosis"),
    ("nbsp", "radiation\u00a0necrosis", "radiation necrosis"),
    ("ligature", "\ufb01ndings", "findings"),
    ("curly-quote", "patient\u2019s MRI", "patient's MRI"),
    ("en-dash", "0609T\u20130612T", "0609T-0612T"),
]


@pytest.mark.parametrize(("case", "text", "phrase"), CASES, ids=[c[0] for c in CASES])
def test_phrase_visible_and_maps_back(case, text, phrase):  # type: ignore[no-untyped-def]
    norm = normalize(text)
    i = norm.text.find(phrase)
    assert i >= 0, norm.text
    start, end = norm.to_source(i, i + len(phrase))
    # the source span covers the same letters (ignoring the joins the normaliser made)
    squash = "".join(ch for ch in text[start:end] if ch.isalnum())
    assert squash == "".join(ch for ch in phrase if ch.isalnum()) or text[start:end] in {"\ufb01ndings"}


@pytest.mark.parametrize("text", [
    "HISTORY:\nGBM s/p resection.\nIMPRESSION\n1. Indeterminate lesion.",
    "- No seizures\n- No headaches",
    "Short line\nnext line starts lower",
])
def test_structural_newlines_kept(text):  # type: ignore[no-untyped-def]
    assert normalize(text).text.count("\n") == text.count("\n")


# Which line breaks are joined (True: a wrapped sentence) and which are kept (False: a new statement or item).
JOINS = [
    ("versus-next-line", "Impression: recurrent tumor\nversus radiation necrosis.", True),
    ("vs-line-end", "Progression vs\npseudoprogression.", True),
    ("item-tail", "1. Left temporal glioblastoma\n   not excluded.", True),
    ("item-tail-long", "- Enhancing lesion in the left frontal lobe with surrounding\n  vasogenic edema", True),
    ("function-word-before-capital", "The patient has a long-standing history of\nGlioblastoma treated in 2020.",
     True),
    ("list-wrapped-before-capital", "Workup negative for HIV, Lyme disease, syphilis, sarcoidosis\nLymphoma, and TB.",
     True),
    ("new-finding-line", "No hemorrhage, hydrocephalus or midline shift is seen\n"
     "Ring-enhancing lesion in the right parietal lobe", False),
    ("new-item", "1. No hydrocephalus\n2. Enhancing mass", False),
    ("next-item-not-a-tail", "- No hemorrhage\n- Abscess", False),
    ("short-title", "Impression: recurrent tumor\nPlan", False),
    # a line that opens with a dotted diagnosis code is the next item of a coded list
    ("coded-list-next-code", "G40.909 Epilepsy, unspecified, not intractable, without status epilepticus\n"
     "Z95.0 Presence of cardiac pacemaker", False),
    ("coded-list-code-with-letter", "G43.909 Migraine, unspecified, not intractable, without status migrainosus\n"
     "C7A.1 Malignant poorly differentiated neuroendocrine tumor", False),
    # a problem-list row closed by its status after a dash is a row of its own
    ("status-row-then-capitals", "Ependymoma of the fourth ventricle, s/p resection (D33.1) -- RESOLVED\n"
     "GERD (K21.9) -- active", False),
    ("status-row-with-year", "Seizure disorder, childhood onset, no seizures since - inactive (2011)\n"
     "OSA on CPAP nightly", False),
    ("dash-word-mid-sentence-joins", "The cyst was drained and the headache has - resolved, per the patient, over\n"
     "the following week.", True),
    ("vertebral-level-is-no-code", "Chronic compression deformity with mild retropulsion at the level of\n"
     "T12 without canal compromise.", True),
]


@pytest.mark.parametrize(("case", "text", "joined"), JOINS, ids=[c[0] for c in JOINS])
def test_which_line_breaks_join(case, text, joined):  # type: ignore[no-untyped-def]
    assert ("\n" not in normalize(text).text) is joined


def test_offsets_are_monotonic_and_complete():  # type: ignore[no-untyped-def]
    text = "A long line of prose that keeps going until the margin and then wraps to\nthe next line. Radia-\ntion."
    norm = normalize(text)
    offs = list(norm.source_offsets)
    assert len(offs) == len(norm.text) + 1
    assert offs == sorted(offs)
    assert offs[-1] == len(text)


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from pipeline.nlp.normalize import _CHAR_MAP, _EXPANSIONS, normalize_layout  # noqa: E402

_ALPHABET = st.sampled_from(list("abcXYZ -:.>#*=\n\t\f\u00a0\u2019\ufb01") + ["radia-\ntion", ">> Exam\n", "## PLAN ##\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_every_normalised_character_comes_from_its_source(text):  # type: ignore[no-untyped-def]
    whole = list(normalize(text).source_offsets)  # with OCR repairs: still ordered and within the source
    assert whole == sorted(whole) and whole[-1] == len(text) and all(0 <= o <= len(text) for o in whole)
    norm = normalize_layout(text)
    offs = list(norm.source_offsets)
    assert len(offs) == len(norm.text) + 1 and offs == sorted(offs) and offs[-1] == len(text)
    for ch, src in zip(norm.text, offs, strict=False):
        original = text[src]
        allowed = {original, _CHAR_MAP.get(original, original)} | set(_EXPANSIONS.get(original, ""))
        if original in "\n\f":
            allowed |= {" ", "\n"}   # a wrapped line's newline becomes a space
        assert ch in allowed, (text, norm.text)


@pytest.mark.parametrize(("text", "joined"), [
    ("The enhancing lesion in the left frontal lobe measures about 2 cm with\nsurrounding edema.", True),
    ("IV L-arginine was started after review of the most recent imaging and the\nMRI, as planned.", True),
    ("Nodular enhancement at the resection margin measuring 2.1 x 1.6 cm with edema\nIMPRESSION\n1. Lesion.", False),
    ("Nodular enhancement at the resection margin measuring 2.1 x 1.6 cm with edema\nExam\nAlert.", False),
    ("Nodular enhancement at the resection margin measuring 2.1 x 1.6 cm with edema\nPLAN: MRS.", False),
])
def test_wrapped_lines_join_but_headings_do_not(text, joined):  # type: ignore[no-untyped-def]
    first_break = text.index("\n")
    assert (normalize(text).text[first_break] == " ") is joined


def test_orphan_words_of_a_wrapped_sentence_rejoin():  # type: ignore[no-untyped-def]
    text = "MRI 09/29/2026 showed new enhancement at the posterior cavity margin; FET-PET 10/14/2026\nwas\nequivocal."
    assert "\n" not in normalize(text).text
