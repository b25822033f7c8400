"""What a patient or family has read, heard or looked up is a lay source, no finding or suspicion (context.yaml
hyp.lay_source): "has read that MRI can miss early tumours", "read online that ...", "heard from a friend that
...", "googled ... and found ...". A clinician's reading of a study stays what it says: "read that as", "read
that lesion as", a report read, a study's finding.

Rows: id, text, concept, the mention's text, its expected assertions among ASSERTIONS, a rule id it must cite.
Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import find_mention

ASSERTIONS = {"negated", "uncertain", "hypothetical", "family"}
H, NONE = {"hypothetical"}, set()

CASES: list[tuple[str, str, str, str, set[str], str | None]] = [
    ("has read that, quoted", 'She has read that "scans can miss small tumours" and wants the chemical scan.',
     "BRAIN_TUMOR", "tumours", H, "hyp.lay_source"),
    ("read online that", "Mr. Ito read online that his headaches mean a glioma.", "GLIOMA", "glioma", H,
     "hyp.lay_source"),
    ("heard from a friend that", "Her mother heard from a friend that MS can start with numb hands.",
     "MULTIPLE_SCLEROSIS", "MS", H, "hyp.lay_source"),
    ("read on the internet that", "Patient read on the internet that lymphoma causes night sweats.",
     "CNS_LYMPHOMA", "lymphoma", H, "hyp.lay_source"),
    ("heard that, lower case", "pt heard that brain tumors run in families and is asking for screening.",
     "BRAIN_TUMOR", "brain tumors", H, "hyp.lay_source"),
    ("googled", "Mom googled leukodystrophy after the last visit.", "LEUKODYSTROPHY", "leukodystrophy", H,
     "hyp.lay_source"),
    ("reading online", "After reading online about encephalitis, she came to the ED.", "BRAIN_INFECTION",
     "encephalitis", H, "hyp.lay_source"),
    ("read in an article that", "He read in an article that metastases can hide on MRI.", "BRAIN_METASTASIS",
     "metastases", H, "hyp.lay_source"),
    ("heard on the news that, line wrap", "Family heard on the news that\nmitochondrial disease is often missed.",
     "MITOCHONDRIAL", "mitochondrial disease", H, None),
    # near misses: a clinician's reading, a study's finding
    ("near: read that as", "The radiologist read that as a low-grade glioma.", "GLIOMA", "low-grade glioma", NONE, None),
    ("near: read that lesion as", "Neuroradiology read that lesion as a metastasis.", "BRAIN_METASTASIS",
     "metastasis", NONE, None),
    ("near: found that", "Biopsy found that the mass is a glioblastoma.", "GLIOMA", "glioblastoma", NONE, None),
    ("near: read the report", "I read the outside report: glioblastoma, IDH-wildtype.", "GLIOMA", "glioblastoma",
     NONE, None),
    ("near: heard, a symptom", "Her husband heard her fall; she has known multiple sclerosis.", "MULTIPLE_SCLEROSIS",
     "multiple sclerosis", NONE, None),
]


@pytest.mark.parametrize(("text", "concept", "span", "expected", "rule"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_lay_source(mentions, text: str, concept: str, span: str, expected: set[str],  # type: ignore[no-untyped-def]
                    rule: str | None) -> None:
    mention = find_mention(mentions, text, concept, span)
    assert set(mention.modifiers) & ASSERTIONS == expected, (mention.modifiers, mention.modifier_rules)
    if rule is not None:
        assert rule in mention.modifier_rules
