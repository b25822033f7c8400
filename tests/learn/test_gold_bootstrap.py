"""Bootstrapped pre-annotations: pipeline mentions -> gold spans (assertion precedence, study verdicts)."""

from __future__ import annotations

import hashlib

import pytest

from pipeline.contracts import Evidence, ImagingStudy, Mention
from pipeline.corpus.gold_bootstrap import gold_from_mentions, study_verdict

TEXT = "MRI brain 3/4: ring-enhancing lesion, abscess versus tumor. Aunt had MS. Plan: MRS.\n"
SHA = hashlib.sha256(TEXT.encode()).hexdigest()


def _m(concept: str, phrase: str, *mods: str, rule: str = "r.x") -> Mention:
    start = TEXT.index(phrase)
    return Mention(concept=concept, text=phrase, start=start, end=start + len(phrase), rule_id=rule,
                   sentence_start=0, sentence_end=len(TEXT), modifiers=list(mods))


def _study(phrase: str, verdicts: list[str]) -> ImagingStudy:
    start = TEXT.index(phrase)
    return ImagingStudy(modality="MRI", verdicts=verdicts,
                        evidence=[Evidence(text=phrase, start=start, end=start + len(phrase))])


@pytest.mark.parametrize(("verdicts", "expected"), [
    (["inconclusive"], "inconclusive"),
    (["conclusive"], "conclusive"),
    (["conclusive", "inconclusive"], "inconclusive"),
    (["technically_limited"], "not_stated"),
    ([], "not_stated"),
])
def test_study_verdict_of_a_covered_mention(verdicts: list[str], expected: str) -> None:
    assert study_verdict(_m("IMAGING", "MRI brain"), [_study("MRI brain 3/4", verdicts)]) == expected


def test_mention_outside_every_study_is_not_stated() -> None:
    assert study_verdict(_m("IMAGING", "MRS"), [_study("MRI brain 3/4", ["inconclusive"])]) == "not_stated"


def test_gold_from_mentions_maps_assertions_and_skips_unannotated_concepts() -> None:
    mentions = [_m("IMAGING", "MRI brain", rule="img.mri"), _m("DATE", "3/4"),
                _m("BRAIN_LESION", "ring-enhancing lesion"),
                _m("BRAIN_INFECTION", "abscess", "uncertain"), _m("BRAIN_TUMOR", "tumor", "uncertain", "historical"),
                _m("MULTIPLE_SCLEROSIS", "MS", "family", "negated"), _m("IMAGING", "MRS", "hypothetical"),
                _m("IMAGING", "MRS", "hypothetical", rule="img.other")]
    spans = gold_from_mentions("dev-900", SHA, TEXT, mentions, [_study("MRI brain 3/4", ["inconclusive"])])
    got = [(s.text, s.concept, s.assertion, s.verdict, s.rule_id) for s in spans]
    assert got == [
        ("MRI brain", "IMAGING", "present", "inconclusive", "img.mri"),
        ("ring-enhancing lesion", "BRAIN_LESION", "present", None, "r.x"),
        ("abscess", "BRAIN_INFECTION", "possible", None, "r.x"),
        ("tumor", "BRAIN_TUMOR", "possible", None, "r.x"),
        ("MS", "MULTIPLE_SCLEROSIS", "family", None, "r.x"),
        ("MRS", "IMAGING", "hypothetical", "not_stated", "r.x"),
    ]
    assert {s.origin for s in spans} == {"pipeline"}
