"""A differential written without a hedge word, through the real NLP stage to the facts (context.yaml
poss.bare_alternatives, poss.versus past hist.old; mention table tests/nlp/test_bare_or_differential.py).

An impression line that pairs a tumour with a non-tumour by "or", "/" or "versus" ("Haemorrhagic metastasis or
cavernoma.", "Tumour versus old infarct.", "Abscess / necrotic metastasis.") leaves the tumour suspected (not present),
tumor_vs_nontumor_differential present, and, when it is the read of a prior MRI or CT, that study inconclusive
(conventional_imaging_inconclusive present).

Near misses: both negated ("No metastasis or cavernoma.": the tumour absent, no differential); two tumours ("Metastasis
or lymphoma.": the tumour suspected, but no tumour-versus-non-tumour differential); no diagnosis pair ("glioblastoma,
status post resection or biopsy", "known metastasis, now with haemorrhage", "metastases to brain and/or bone":
present); no tumour ("history of stroke or TIA"); treatments ("surgery or radiosurgery": the metastasis present).

Rows: id, text, {fact: expected status}. Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_facts, facts_of

from pipeline.contracts import FactStatus

S, A, P, N = FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED
TAIL = "\n\nDate of request: 11/20/2026\n"
DIFF, TUMOUR, CONV = "tumor_vs_nontumor_differential", "brain_neoplasm", "conventional_imaging_inconclusive"

CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    "or-impression": ("Impression: Cystic metastasis or abscess.", {TUMOUR: S, DIFF: P}),
    "or-numbered": ("IMPRESSION:\n1. Meningioma or dural-based granuloma.\n2. No hydrocephalus.",
                    {TUMOUR: S, DIFF: P}),
    "or-prior-mri": ("MRI brain 09/14/2026: 12 mm haemorrhagic right parietal lesion.\nImpression: Haemorrhagic "
                     "neoplasm or cavernous malformation.", {TUMOUR: S, DIFF: P, CONV: P}),
    "slash-prior-ct": ("CT head 08/30/2026 impression: Necrotic glioblastoma / abscess.", {TUMOUR: S, DIFF: P, CONV: P}),
    "versus-old-prior-mri": ("MRI brain 10/02/2026 impression: Neoplasm versus old infarct.",
                             {TUMOUR: S, DIFF: P, CONV: P}),
    "label-colon": ("Assessment: Left thalamic lesion: glioma or demyelinating plaque.", {TUMOUR: S, DIFF: P}),
    "three-list": ("Impression: Glioma, lymphoma or encephalitis.", {TUMOUR: S, DIFF: P}),
    "two-tumours": ("Impression: Metastasis or primary glioma.", {TUMOUR: S, DIFF: N}),
    "near-negated": ("Impression: No metastasis or cavernoma.", {TUMOUR: A, DIFF: N}),
    "near-status-post": ("History: glioblastoma, status post resection or biopsy.", {TUMOUR: P, DIFF: N}),
    "near-history-stroke": ("History of stroke or TIA.", {TUMOUR: N, DIFF: N}),
    "near-known-haemorrhage": ("Known metastasis, now with haemorrhage.", {TUMOUR: P, DIFF: N}),
    "near-and-or": ("Metastases to brain and/or bone.", {TUMOUR: P, DIFF: N}),
    "near-treatments": ("Solitary brain metastasis. Options: surgery or radiosurgery.", {TUMOUR: P, DIFF: N}),
    "near-vs-kept": ("Impression: Enhancing lesion: glioma vs demyelination", {TUMOUR: S, DIFF: P}),
}


@pytest.mark.parametrize(("text", "expected"), CASES.values(), ids=CASES.keys())
def test_bare_or_differential_facts(analyze, text: str,  # type: ignore[no-untyped-def]
                                    expected: dict[str, FactStatus]) -> None:
    check_facts(facts_of(analyze, text + TAIL), expected)
