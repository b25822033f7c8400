"""A diagnosis that opens a branch of options is a possibility, not a finding, at the mention level.

A line or list item (optionally numbered or bulleted, optionally opened by "if" or "should") whose diagnosis is
followed by an arrow ("->", "=>", "\u2192", ">") or a colon and then an action or plan (surveillance, observation,
resection, radiosurgery, biopsy, referral, steroids, treatment, work-up) lays out what would be done if that were
the diagnosis: the diagnosis, and "<diagnosis> pattern" as an expected result, are hypothetical (context.yaml
hyp.branch_antecedent). Only where two such branches stand on consecutive lines, or the line says "if"/"should".
Near misses keep their reading: one arrow after a known tumour, a chain of what happened, a problem-list entry with
its history, the patient's own diagnoses each with its plan after a dash.

Rows are freshly written. Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import check_facts, facts_of

from pipeline.contracts import FactStatus, Mention

# id: (text, concept, span, whether the mention must be hypothetical)
CASES: dict[str, tuple[str, str, str, bool]] = {
    "numbered-first-branch": ("Tumour board question:\n1. Vestibular schwannoma -> MRI surveillance or GKS\n"
                              "2. Meningioma -> observation\n", "BRAIN_TUMOR", "Meningioma", True),
    "numbered-metastasis-branch": ("Possibilities:\n1) Glioblastoma => maximal safe resection\n"
                                   "2) Metastatic disease => radiosurgery and staging CT\n",
                                   "BRAIN_METASTASIS", "Metastatic disease", True),
    "numbered-glioma-branch": ("Possibilities:\n1) Glioblastoma => maximal safe resection\n"
                               "2) Metastatic disease => radiosurgery and staging CT\n", "GLIOMA", "Glioblastoma",
                               True),
    "bullet-pattern-colon": ("* abscess pattern: aspiration and antibiotics\n* PCNSL pattern: steroids withheld, "
                             "stereotactic biopsy\n", "CNS_LYMPHOMA", "PCNSL", True),
    "bullet-pattern-colon-first": ("* abscess pattern: aspiration and antibiotics\n* PCNSL pattern: steroids "
                                   "withheld, stereotactic biopsy\n", "BRAIN_INFECTION", "abscess", True),
    "unicode-arrow-lines": ("lymphoma \u2192 hold dexamethasone, biopsy\nglioma \u2192 neurosurgical referral\n",
                            "CNS_LYMPHOMA", "lymphoma", True),
    "if-single-line": ("If metastasis -> radiosurgery referral.", "BRAIN_METASTASIS", "metastasis", True),
    "should-single-line": ("Should this be lymphoma: steroids held and biopsy.", "CNS_LYMPHOMA", "lymphoma", True),
    "if-bulleted-glioma": ("- if high-grade glioma => resection then chemoradiation", "GLIOMA", "high-grade glioma",
                           True),
    # near misses
    "near-known-metastasis": ("Known metastasis -> SRS planned 12/01.", "BRAIN_METASTASIS", "metastasis", False),
    "near-chain-of-events": ("MRI 09/2025 -> ring lesion -> biopsy -> glioblastoma", "GLIOMA", "glioblastoma", False),
    "near-problem-list-history": ("Glioblastoma: resected 2023, temozolomide x6.", "GLIOMA", "Glioblastoma", False),
    "near-assessment-dash-plans": ("Assessment:\n1. Meningioma - stable, observe.\n2. Seizures - on levetiracetam.\n",
                                   "BRAIN_TUMOR", "Meningioma", False),
    "near-single-arrow-stated": ("Pathology: metastatic adenocarcinoma.\nMetastasis -> SRS next week.",
                                 "BRAIN_METASTASIS", "Metastasis", False),
    "near-single-colon-plan": ("Meningioma: observation, MRI in 1 year.", "BRAIN_TUMOR", "Meningioma", False),
}


@pytest.mark.parametrize(("text", "concept", "span", "hypothetical"), CASES.values(), ids=CASES.keys())
def test_a_diagnosis_opening_a_branch_is_hypothetical(mentions: Callable[[str], list[Mention]], text: str,
                                                      concept: str, span: str, hypothetical: bool) -> None:
    found = [m for m in mentions(text) if m.concept == concept and m.text == span]
    assert found, [(m.concept, m.text) for m in mentions(text)]
    assert ("hypothetical" in found[0].modifiers) is hypothetical, (found[0].modifiers, found[0].modifier_rules)


S, P = FactStatus.SUSPECTED, FactStatus.PRESENT

FACT_CASES: dict[str, tuple[str, dict[str, FactStatus]]] = {
    "facts-two-tumour-branches": ("Ring-enhancing left parietal lesion.\nTumour board options:\n"
                                  "1. Glioblastoma -> resection and chemoradiation\n"
                                  "2. Metastasis -> SRS and restaging\n", {}),
    "near-facts-known-metastasis": ("Known metastasis -> SRS planned.", {"brain_metastasis": P}),
}


@pytest.mark.parametrize(("text", "expected"), FACT_CASES.values(), ids=FACT_CASES.keys())
def test_a_diagnosis_opening_a_branch_facts(analyze, text: str,  # type: ignore[no-untyped-def]
                                           expected: dict[str, FactStatus]) -> None:
    facts = facts_of(analyze, text)
    if expected:
        check_facts(facts, expected)
    else:
        for name in ("glial_neoplasm", "brain_metastasis", "known_brain_tumor"):
            assert facts.facts[name].status is not P, (name, facts.facts[name].status, facts.facts[name].note)
