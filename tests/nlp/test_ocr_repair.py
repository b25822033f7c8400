"""OCR noise: rules still fire on typical confusions in OCR text, and clean text is never changed."""

from __future__ import annotations

import glob
import re
from pathlib import Path

import pytest

from pipeline.corpus.negex import NEGEX_FILE, load_negex
from pipeline.nlp import normalize
from pipeline.nlp.dictation import spoken_punctuation
from pipeline.nlp.dictionary import is_word
from pipeline.nlp.normalize import normalize_layout
from pipeline.nlp.ocr_repair import misread_icd10_codes, repair_token, trigger_words
from pipeline.nlp.spoken_numbers import spoken_numbers

REPO = Path(__file__).resolve().parents[2]

REPAIRS = [
    ("g1ioma", "glioma"), ("G1ioma", "Glioma"), ("rnetastasis", "metastasis"), ("ep1lepsy", "epilepsy"),
    ("5eizure", "seizure"), ("necrosls", "necrosis"), ("glioblastorna", "glioblastoma"),
    ("recurrenee", "recurrence"), ("lmpression", "impression"), ("FlNDINGS", "FINDINGS"),
    ("spectroscopv", "spectroscopy"), ("7639O", "76390"), ("O609T", "0609T"), ("gliomarecurrence", "glioma recurrence"),
]


@pytest.mark.parametrize(("token", "fixed"), REPAIRS)
def test_repairs(token, fixed):  # type: ignore[no-untyped-def]
    assert repair_token(token) == fixed


@pytest.mark.parametrize("word", ["abscess", "modern", "Impression", "seizure", "the", "CPT", "2026", "rim",
                                  "clinic", "lesion", "Ill", "hello", "Keppra", "C71.9"])
def test_clean_words_are_left_alone(word):  # type: ignore[no-untyped-def]
    assert repair_token(word) is None


@pytest.mark.parametrize(("noisy", "concept", "text"), [
    ("Hx of g1ioblastoma s/p resection.", "GLIOMA", "glioblastoma"),
    ("Ring-enhancing 1esion, r/o abscess.", "BRAIN_INFECTION", "abscess"),
    ("Concern for rnetastasis versus radiation necros1s.", "TREATMENT_EFFECT", "radiation necrosis"),
    ("Temporal lobe ep1lepsy, presurgical evaluation.", "EPILEPSY", "Temporal lobe epilepsy"),
    ("CPT 7639O requested.", "CPT_CODE", "76390"),
    ("Pt with rad-\niation necrosis.", "TREATMENT_EFFECT", "radiation necrosis"),
])
def test_rules_fire_on_ocr_noise(mentions, noisy, concept, text):  # type: ignore[no-untyped-def]
    found = [m for m in mentions(noisy, ocr=True) if m.concept == concept]
    assert found, [(m.concept, m.text) for m in mentions(noisy, ocr=True)]
    norm = normalize(noisy, ocr_spans=[(0, len(noisy))])
    assert any(text.lower() in norm.text.lower() for m in found)


ICD10_READS = [
    # (as OCR read it, what the repair gives): letters for digits and a comma for the dot are undone only when the
    # result is an ICD-10-CM code and the reading is not one
    ("R9O.0", "R90.0"), ("G20.Al", "G20.A1"), ("P94,2", "P94.2"), ("C7l.9", "C71.9"), ("Z95.8l0", "Z95.810"),
    ("G4O.209", "G40.209"), ("€71.0", "C71.0"),
    ("C71.9", "C71.9"),      # a code as written: unchanged
    ("G20.A1", "G20.A1"),    # a letter after the dot that belongs there
    ("R9O.7", "R9O.7"),      # R90.7 is no ICD-10-CM code: left as read
    ("U9O.0", "U9O.0"),      # U is no chapter letter: not code-shaped
    ("R9G.G", "R9G.G"),      # G for 0 is not a digit confusion: left (and no code is read from it)
]


@pytest.mark.parametrize(("read", "fixed"), ICD10_READS, ids=[r for r, _ in ICD10_READS])
def test_icd10_codes_read_with_letters_for_digits(read: str, fixed: str) -> None:
    noisy = f"ICD-10: {read} Intracranial lesion"
    norm = normalize(noisy, ocr_spans=[(0, len(noisy))])
    assert norm.text == f"ICD-10: {fixed} Intracranial lesion"
    assert normalize(noisy).text == noisy  # not read by OCR: as written
    # a diagnosis line whose code OCR misread is still known as a code's line (facts/mapper.py)
    misread = [] if fixed == read or read.startswith("€") else [fixed]
    assert misread_icd10_codes(noisy) == misread


HEADING_READS = [
    # (line as OCR read it, after repair): a heading's colon read as a semicolon, a heading's D read as O or 0
    ("Exam; BP 118/72, afebrile.", "Exam: BP 118/72, afebrile."),
    ("IMPRESSION; stable enhancing focus", "IMPRESSION: stable enhancing focus"),
    ("MS; alert, oriented x3", "MS: alert, oriented x3"),             # a capitals abbreviation as a label
    ("ICO-10: G40.209 Localization-related epilepsy", "ICD-10: G40.209 Localization-related epilepsy"),
    ("IC0-10: C71.9", "ICD-10: C71.9"),
    # near misses: left as read
    ("stable; no new enhancement", "stable; no new enhancement"),   # a word before a semicolon is no heading
    ("Lesion; 2 cm", "Lesion; 2 cm"),                              # a word, not a heading
    ("Exam;BP 118/72", "Exam;BP 118/72"),                          # no space after the mark: not a label
    ("MRI of 10/02 stable; see", "MRI of 10/02 stable; see"),     # a phrase, not a heading
    ("Mass: 3 cm", "Mass: 3 cm"),                                  # a word one letter from no heading
]


@pytest.mark.parametrize(("read", "fixed"), HEADING_READS, ids=[r for r, _ in HEADING_READS])
def test_misread_headings(read: str, fixed: str) -> None:
    assert normalize(read, ocr_spans=[(0, len(read))]).text == fixed
    assert normalize(read).text == read  # not read by OCR: as written


def test_repaired_date_keeps_offsets():  # type: ignore[no-untyped-def]
    noisy = "MRI l0/12/2O26 indeterminate."
    norm = normalize(noisy, ocr_spans=[(0, len(noisy))])
    assert "10/12/2026" in norm.text and len(norm.text) == len(noisy)
    assert list(norm.source_offsets) == list(range(len(noisy) + 1))


VETOED = {
    # OCR tokens a confusion would turn into rule vocabulary, and why they must stay as they are
    "notable": "an English word (a split would make the negation 'not')",
    "Haddad": "a split would make 'had dad' (family history)",
    "gentle": "an English word",
    "Neurosurgical": "an English and medical word",
    "intrasellar": "a medical word",
    "Pseudotumor": "a medical word",
    "Orbital": "an English word",
    "n0t": "the repair would make the negation 'not'",
    "wlthout": "the repair would make the negation 'without'",
    "gliomaversus": "the split would make the hedge 'versus'",
}


@pytest.mark.parametrize("token", VETOED, ids=VETOED.keys())
def test_words_and_triggers_are_never_made_by_a_repair(token: str) -> None:
    assert repair_token(token) is None, VETOED[token]


def test_only_ocr_text_is_repaired() -> None:
    text = "Text layer: g1ioma. OCR page: g1ioma, rnetastasis."
    cut = text.index("OCR page")
    assert normalize(text).text == normalize_layout(text).text  # nothing read by OCR: nothing repaired
    repaired = normalize(text, ocr_spans=[(cut, len(text))]).text
    assert repaired == "Text layer: g1ioma. OCR page: glioma, metastasis."


def _clean_texts() -> dict[str, str]:
    texts = {Path(p).name: Path(p).read_text(encoding="utf-8")
             for p in sorted(glob.glob(str(REPO / "annotations" / "packets" / "*.txt")))}
    texts |= {f"negex-{s.id}": s.text for s in load_negex(REPO / NEGEX_FILE)}
    texts |= {Path(p).name: Path(p).read_text(encoding="utf-8")
              for p in [REPO / "README.md", *glob.glob(str(REPO / "examples" / "*.txt"))]}
    return texts


CLEAN = _clean_texts()


def _before_repair(text: str) -> str:
    """The NLP text before OCR repair: the layout normalisation, the spoken punctuation of a dictation and the
    numbers said in words."""
    layout = normalize_layout(text)
    spoken, offsets = spoken_punctuation(layout.text, layout.source_offsets, text)
    return spoken_numbers(spoken, offsets)[0]


def test_clean_text_never_changes() -> None:
    """Every clean text the project has (dev and held-out packets, the NegEx sentences, README, examples), read as
    text: not one character is repaired."""
    changed = [name for name, text in CLEAN.items() if normalize(text).text != _before_repair(text)]
    assert changed == []


def test_even_read_as_ocr_no_word_is_rewritten_and_no_trigger_is_made() -> None:
    """The same texts treated as OCR output: a dictionary word is never rewritten and no ConText trigger appears
    that was not there (only run-together words may be split and non-words fixed)."""
    problems = []
    triggers = trigger_words()
    for name, text in CLEAN.items():
        before = _before_repair(text)
        after = normalize(text, ocr_spans=[(0, len(text))]).text
        if before == after:
            continue
        # whole tokens: the letters of a token with a digit in it ("N0TE", "1egs") are no word of their own
        old_words = re.findall(r"[A-Za-z0-9]+", before)
        for word in set(old_words) - set(re.findall(r"[A-Za-z0-9]+", after)):
            if word.isalpha() and is_word(word):
                problems.append(f"{name}: the word {word!r} was rewritten")
        made = {w.lower() for w in re.findall(r"[A-Za-z0-9]+", after)} - {w.lower() for w in old_words}
        problems += [f"{name}: the trigger {w!r} was made" for w in made & triggers]
    assert problems == []
