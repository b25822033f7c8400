"""Structured exports printed one field a line (mention level): a JSON record opened by a bare "{" (or "[" then "{")
on a line of its own, and a "key: value" dump of a FHIR resource with one field a line and no braces.

The class: the diagnosis and its status fields sit on separate lines, each line read alone, so a refuted,
entered-in-error, provisional or resolved Condition read as a present diagnosis. Such a record now reads as one
line (pipeline/nlp/normalize.py `_records`; cues.yaml layout.json_record_open, layout.json_field,
layout.key_value_record, layout.key_value_field), and its status fields are read by context.yaml
neg.status_field_refuted, poss.status_field_unconfirmed, hist.status_field_over as on one line.

The record is bounded: a JSON record by its closing brace (or a blank line, or _JSON_MORE_LINES lines); a key-value
dump by a blank line, the next resource's "resourceType:" line, a line that is not a machine "key: value" field
(a capitalised note label such as "Status:" or "Assessment:" ends it), or _KEY_VALUE_MORE_LINES lines.

Rows: text, concept, the mention's text, modifiers it must carry, modifiers it must not carry. Rows whose id starts
with "near" must keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import find_mention

from pipeline.contracts import Mention

NEG, HEDGE, HIST = {"negated"}, {"uncertain"}, {"historical"}
NO: set[str] = set()
ALL = {"negated", "uncertain", "historical"}

CASES: dict[str, tuple[str, str, str, set[str], set[str]]] = {
    # ------------------------------------------------ JSON opened by a bare brace
    "json bare brace, entered-in-error": (
        '{\n  "resourceType": "Condition",\n  "code": {"text": "Cerebral abscess"},\n'
        '  "verificationStatus": "entered-in-error"\n}',
        "BRAIN_INFECTION", "Cerebral abscess", NEG, HEDGE),
    "json bare brace, nested code, clinical status resolved": (
        '{\n  "resourceType": "Condition",\n  "code": {\n    "text": "Cerebellar abscess"\n  },\n'
        '  "clinicalStatus": "resolved"\n}',
        "BRAIN_INFECTION", "Cerebellar abscess", HIST, HEDGE),
    "json array then brace, provisional": (
        '[\n  {\n    "resourceType": "Condition",\n    "code": {"text": "Primary CNS lymphoma"},\n'
        '    "verificationStatus": "provisional"\n  }\n]',
        "CNS_LYMPHOMA", "Primary CNS lymphoma", HEDGE, NEG),
    "json bare brace, status before the code, refuted": (
        '{\n"resourceType": "Condition",\n"verificationStatus": "refuted",\n'
        '"code": {"text": "Anaplastic astrocytoma"}\n}',
        "GLIOMA", "Anaplastic astrocytoma", NEG, HEDGE),
    "near json bare brace, active confirmed": (
        '{\n  "resourceType": "Condition",\n  "code": {"text": "Glioblastoma"},\n  "clinicalStatus": "active",\n'
        '  "verificationStatus": "confirmed"\n}',
        "GLIOMA", "Glioblastoma", NO, ALL),
    "near json bare brace, prose after the closing brace": (
        '{\n  "resourceType": "Condition",\n  "code": {"text": "Migraine"},\n  "verificationStatus": "refuted"\n}\n'
        "Enlarging glioblastoma, right temporal, on the 11/30 MRI.",
        "GLIOMA", "glioblastoma", NO, ALL),
    "near json two records, the second's status stays with it": (
        '[\n  {\n    "resourceType": "Condition",\n    "code": {"text": "Oligodendroglioma"},\n'
        '    "verificationStatus": "confirmed"\n  },\n  {\n    "resourceType": "Condition",\n'
        '    "code": {"text": "Migraine"},\n    "verificationStatus": "entered-in-error"\n  }\n]',
        "GLIOMA", "Oligodendroglioma", NO, ALL),
    "near a lone brace in prose": (
        "{\nGlioblastoma, left frontal, resected 2025.\n}",
        "GLIOMA", "Glioblastoma", NO, NEG | HEDGE),
    # ------------------------------------------------ key: value, one field a line
    "key-value entered-in-error": (
        "resourceType: Condition\ncode.text: Cerebral abscess\nclinicalStatus: active\n"
        "verificationStatus: entered-in-error",
        "BRAIN_INFECTION", "Cerebral abscess", NEG, HEDGE),
    "key-value clinical status resolved": (
        "resourceType: Condition\nid: cond-88\ncode.text: Brain abscess\nclinicalStatus: resolved\n"
        "verificationStatus: confirmed",
        "BRAIN_INFECTION", "Brain abscess", HIST, HEDGE),
    "key-value provisional": (
        "resourceType: Condition\ncode.text: Medulloblastoma\nverificationStatus: provisional",
        "BRAIN_TUMOR", "Medulloblastoma", HEDGE, NEG),
    "key-value differential, resource-prefixed keys": (
        "Condition.code.text: Multiple sclerosis\nCondition.clinicalStatus: active\n"
        "Condition.verificationStatus: differential",
        "MULTIPLE_SCLEROSIS", "Multiple sclerosis", HEDGE, NEG),
    "key-value status first, refuted": (
        "resourceType: Condition\nverificationStatus: refuted\nonsetDateTime: 2026-03-02\ncode.text: Ependymoma",
        "GLIOMA", "Ependymoma", NEG, HEDGE),
    "near key-value confirmed active": (
        "resourceType: Condition\ncode.text: Cerebral abscess\nclinicalStatus: active\n"
        "verificationStatus: confirmed",
        "BRAIN_INFECTION", "Cerebral abscess", NO, ALL),
    "near key-value two records, next resourceType line": (
        "resourceType: Condition\ncode.text: Glioblastoma\nclinicalStatus: active\n"
        "resourceType: Condition\ncode.text: Migraine\nverificationStatus: refuted",
        "GLIOMA", "Glioblastoma", NO, ALL),
    "near key-value two records, blank line between": (
        "resourceType: Condition\ncode.text: Meningioma\nverificationStatus: confirmed\n\n"
        "resourceType: Condition\ncode.text: Migraine\nverificationStatus: entered-in-error",
        "BRAIN_TUMOR", "Meningioma", NO, ALL),
    "near key-value, prose note after the record": (
        "resourceType: Condition\ncode.text: Migraine\nverificationStatus: refuted\n"
        "Assessment: enlarging glioblastoma on the 11/30 MRI.",
        "GLIOMA", "glioblastoma", NO, ALL),
    "near note line status stable after a diagnosis": (
        "Diagnosis: Glioblastoma, left temporal\nStatus: stable",
        "GLIOMA", "Glioblastoma", NO, ALL),
    "near vital-signs block under a diagnosis": (
        "Cerebral abscess, drained 11/02.\nBP: 128/76\nHR: 84\nTemp: 37.1\nSpO2: 97%",
        "BRAIN_INFECTION", "Cerebral abscess", NO, ALL),
}


@pytest.mark.parametrize(("text", "concept", "span", "must", "must_not"), CASES.values(), ids=CASES.keys())
def test_export_records_one_field_a_line(mentions: Callable[[str], list[Mention]], text: str, concept: str,
                                         span: str, must: set[str], must_not: set[str]) -> None:
    mention = find_mention(mentions, text, concept, span)
    carried = set(mention.modifiers)
    assert must <= carried and not (carried & must_not), (mention.modifiers, mention.modifier_rules)
