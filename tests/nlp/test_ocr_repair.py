"""OCR noise: rules still fire on typical confusions, and clean text is never changed."""

from __future__ import annotations

import pytest

from pipeline.nlp import normalize
from pipeline.nlp.ocr_repair import repair_token

REPAIRS = [
    ("g1ioma", "glioma"), ("G1ioma", "Glioma"), ("rnetastasis", "metastasis"), ("ep1lepsy", "epilepsy"),
    ("5eizure", "seizure"), ("necrosls", "necrosis"), ("glioblastorna", "glioblastoma"),
    ("recurrenee", "recurrence"), ("lmpression", "impression"), ("FlNDINGS", "FINDINGS"),
    ("spectroscopv", "spectroscopy"), ("7639O", "76390"), ("O609T", "0609T"), ("gliomaversus", "glioma versus"),
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
    ("Radiation necrosisversus recurrence.", "RECURRENCE", "recurrence"),
    ("Pt with rad-\niation necrosis.", "TREATMENT_EFFECT", "radiation necrosis"),
])
def test_rules_fire_on_ocr_noise(mentions, noisy, concept, text):  # type: ignore[no-untyped-def]
    found = [m for m in mentions(noisy) if m.concept == concept]
    assert found, [(m.concept, m.text) for m in mentions(noisy)]
    norm = normalize(noisy)
    assert any(text.lower() in norm.text.lower() for m in found)


def test_repaired_date_keeps_offsets():  # type: ignore[no-untyped-def]
    noisy = "MRI l0/12/2O26 indeterminate."
    norm = normalize(noisy)
    assert "10/12/2026" in norm.text and len(norm.text) == len(noisy)
    assert list(norm.source_offsets) == list(range(len(noisy) + 1))
