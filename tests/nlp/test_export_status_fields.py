"""Statuses in structured data exports: FHIR Condition resources printed as JSON or "key: value", and pipe or CSV
problem-list extracts with a status column (mention level).

The class: the diagnosis text of such a record read as present whatever its status said. The rule (FHIR
semantics): verificationStatus refuted or entered-in-error -> negated; provisional, differential or unconfirmed ->
uncertain; clinicalStatus resolved, inactive or remission -> historical (as a "| Resolved |" problem-list cell is;
scope.resolved_course may also make an over tumor negated). Confirmed with active, recurrence or relapse changes
nothing. A JSON record's punctuation reads as spaces (cues.yaml layout.json_record) and is read by context.yaml
neg.status_field_refuted, poss.status_field_unconfirmed, hist.status_field_over; a delimited row's bare pipes or
commas read as cell separators (layout.pipe_record, layout.csv_record), its status cell read by
neg.status_cell_refuted, poss.status_cell_unconfirmed and hist.status_column.

Rows "... stays present" were unread before (the record glued into one token). Near misses keep their
reading: prose "confirmed, active"; "entered in error" about an order in prose; a JSON
Observation (no diagnosis); an active/confirmed row; a "Problem | Status" table.

A JSON record printed over several lines (braces left open at a line's end) reads as one line, up to twelve lines on;
a bare "{" opening and a "key: value" dump with one field a line: tests/nlp/test_export_records_one_field_a_line.py.
Limits known: fields split by ";" are not read as one record; a Bundle of several resources on one line may let one
resource's status reach the next (max_scope 40 tokens).

Rows: text, concept, the mention's text, modifiers it must carry, modifiers it must not carry (None in the first:
no such mention at all). Rows whose id starts with "near" must keep their reading.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from text_to_criteria import find_mention

from pipeline.contracts import Mention

NEG, HEDGE, HIST = {"negated"}, {"uncertain"}, {"historical"}
NO: set[str] = set()
ALL = {"negated", "uncertain", "historical"}

CASES: dict[str, tuple[str, str, str, set[str] | None, set[str]]] = {
    # ------------------------------------------------ FHIR JSON
    "json refuted, text value": (
        '{"resourceType": "Condition", "code": {"text": "Anaplastic oligodendroglioma"}, '
        '"verificationStatus": "refuted"}',
        "GLIOMA", "Anaplastic oligodendroglioma", NEG, HEDGE),
    "json entered-in-error coding": (
        '{"resourceType":"Condition","id":"c-2291","verificationStatus":{"coding":[{"system":'
        '"http://terminology.hl7.org/CodeSystem/condition-ver-status","code":"entered-in-error"}]},'
        '"code":{"text":"Pilocytic astrocytoma"}}',
        "GLIOMA", "Pilocytic astrocytoma", NEG, HEDGE),
    "json refuted before the code, coded display": (
        '{"resourceType":"Condition","verificationStatus":{"coding":[{"code":"refuted"}]},"code":{"coding":'
        '[{"code":"C79.31","display":"Brain metastasis"}]}}',
        "BRAIN_METASTASIS", "Brain metastasis", NEG, HEDGE),
    "json provisional coding before the code": (
        '{"resourceType":"Condition","clinicalStatus":{"coding":[{"code":"active"}]},"verificationStatus":'
        '{"coding":[{"code":"provisional"}]},"code":{"text":"Cerebellar abscess"}}',
        "BRAIN_INFECTION", "Cerebellar abscess", HEDGE, NEG),
    "json differential": (
        '{"resourceType": "Condition", "code": {"text": "Primary CNS lymphoma"}, "clinicalStatus": "active", '
        '"verificationStatus": "differential"}',
        "CNS_LYMPHOMA", "Primary CNS lymphoma", HEDGE, NEG),
    "json over two lines, status on the second": (
        '{"resourceType":"Condition","code":{"text":"Ependymoma, fourth ventricle"},"clinicalStatus":null,\n'
        ' "verificationStatus":"entered-in-error","note":[{"text":"charted for another patient"}]}',
        "GLIOMA", "Ependymoma", NEG, HEDGE),
    "json printed over four lines, refuted": (
        '{"resourceType": "Condition",\n  "code": {"text": "Cerebral toxoplasmosis"},\n'
        '  "verificationStatus": "refuted"\n}',
        "BRAIN_INFECTION", "Cerebral toxoplasmosis", NEG, HEDGE),
    "near json closed on its line, prose after it keeps its reading": (
        '{"resourceType":"Condition","code":{"text":"Migraine"},"verificationStatus":"refuted"}\n'
        "Assessment: enlarging glioblastoma, right temporal, on the 11/30 MRI.",
        "GLIOMA", "glioblastoma", NO, ALL),
    "json unconfirmed, pretty-printed on one line": (
        '{ "resourceType" : "Condition", "code" : { "text" : "Glioblastoma, IDH-wildtype" }, '
        '"verificationStatus" : "unconfirmed" }',
        "GLIOMA", "Glioblastoma", HEDGE, NEG),
    "json clinical status remission": (
        '{"resourceType": "Condition", "code": {"text": "Medulloblastoma"}, "clinicalStatus": {"coding": '
        '[{"code": "remission"}]}, "verificationStatus": "confirmed"}',
        "BRAIN_TUMOR", "Medulloblastoma", HIST, HEDGE),
    "json clinical status inactive, refuted": (
        '{"resourceType":"Condition","code":{"text":"Ependymoma"},"clinicalStatus":"inactive",'
        '"verificationStatus":"refuted"}',
        "GLIOMA", "Ependymoma", NEG, HEDGE),
    "near json active confirmed": (
        '{"resourceType": "Condition", "code": {"text": "Diffuse astrocytoma"}, "clinicalStatus": "active", '
        '"verificationStatus": "confirmed"}',
        "GLIOMA", "Diffuse astrocytoma", NO, ALL),
    "json recurrence confirmed stays present": (
        '{"resourceType":"Condition","code":{"text":"Oligodendroglioma"},"clinicalStatus":"recurrence",'
        '"verificationStatus":"confirmed"}',
        "GLIOMA", "Oligodendroglioma", NO, ALL),
    "near json observation, normal interpretation": (
        '{"resourceType":"Observation","code":{"text":"NAA/Cr ratio, left frontal voxel"},'
        '"valueQuantity":{"value":1.6},"interpretation":"N"}',
        "GLIOMA", "glioma", None, NO),
    # ------------------------------------------------ key: value
    "key-value unconfirmed": (
        "code.text: Toxoplasma abscess | clinicalStatus: active | verificationStatus: unconfirmed",
        "BRAIN_INFECTION", "abscess", HEDGE, NEG),
    "key-value refuted": (
        "Condition.code.text: Meningioma | Condition.verificationStatus: refuted",
        "BRAIN_TUMOR", "Meningioma", NEG, HEDGE),
    "key-value provisional first": (
        "verificationStatus: provisional | code.text: Multiple sclerosis, relapsing-remitting",
        "MULTIPLE_SCLEROSIS", "Multiple sclerosis", HEDGE, NEG),
    # ------------------------------------------------ pipe-delimited rows
    "pipe entered-in-error": (
        "G35|Multiple sclerosis|2023-09-30|active|entered-in-error|",
        "MULTIPLE_SCLEROSIS", "Multiple sclerosis", NEG, HEDGE),
    "pipe provisional": (
        "C79.31|Secondary malignant neoplasm of brain|2026-03-15|active|provisional|",
        "BRAIN_METASTASIS", "Secondary malignant neoplasm of brain", HEDGE, NEG),
    "pipe refuted among rows": (
        "ICD|Description|Onset|Clinical|Verification\nE11.9|Type 2 diabetes|2015-01-01|active|confirmed\n"
        "G06.0|Intracranial abscess|2026-02-20|active|refuted",
        "BRAIN_INFECTION", "Intracranial abscess", NEG, HEDGE),
    "pipe inactive": (
        "D32.0|Meningioma of cerebral meninges|2019-06-11|inactive|confirmed|",
        "BRAIN_TUMOR", "Meningioma", HIST, HEDGE),
    "pipe active confirmed stays present": (
        "C71.1|Glioblastoma of frontal lobe|2025-12-01|active|confirmed|",
        "GLIOMA", "Glioblastoma", NO, ALL),
    # ------------------------------------------------ CSV rows
    "csv resolved": (
        "G06.0,Brain abscess,2024-07-19,resolved,confirmed,",
        "BRAIN_INFECTION", "Brain abscess", HIST, HEDGE),
    "csv entered in error with a quoted comment": (
        'C85.89,Primary CNS lymphoma,2026-01-05,,entered-in-error,"charted on the wrong chart, per HIM"',
        "CNS_LYMPHOMA", "Primary CNS lymphoma", NEG, HEDGE),
    "csv differential under a header row": (
        "code,description,onset,clinical_status,verification_status\n"
        "G35,Multiple sclerosis,2026-04-02,active,differential",
        "MULTIPLE_SCLEROSIS", "Multiple sclerosis", HEDGE, NEG),
    "csv refuted, quoted description": (
        'C71.9,"Glioma, high grade",2026-05-30,active,refuted',
        "GLIOMA", "Glioma", NEG, HEDGE),
    "csv active confirmed stays present": (
        "G40.909,Epilepsy,2020-01-01,active,confirmed\nC71.2,Anaplastic astrocytoma,2026-02-02,active,confirmed",
        "GLIOMA", "Anaplastic astrocytoma", NO, ALL),
    # ------------------------------------------------ prose and tables keep their reading
    "near prose confirmed active": (
        "Relapsing MS confirmed on the 2025 scan and clinically active this spring.",
        "MULTIPLE_SCLEROSIS", "Relapsing MS", NO, ALL),
    "near prose entered in error about an order": (
        "The dexamethasone order was entered in error and discontinued; glioblastoma under follow-up.",
        "GLIOMA", "glioblastoma", NO, ALL),
    "near problem table inactive": (
        "Problem | Status\nPilocytic astrocytoma | Inactive\nAsthma | Active",
        "GLIOMA", "Pilocytic astrocytoma", HIST, HEDGE),
    "near problem table active": (
        "Problem | Status\nCerebral abscess | Active\nHypertension | Active",
        "BRAIN_INFECTION", "Cerebral abscess", NO, ALL),
    "near prose list with commas": (
        "Seen for headache, nausea, diplopia, ataxia, left cerebellar abscess on CT.",
        "BRAIN_INFECTION", "cerebellar abscess", NO, ALL),
}


@pytest.mark.parametrize(("text", "concept", "span", "must", "must_not"), CASES.values(), ids=CASES.keys())
def test_export_status_fields(mentions: Callable[[str], list[Mention]], text: str, concept: str, span: str,
                              must: set[str] | None, must_not: set[str]) -> None:
    if must is None:
        found = [m for m in mentions(text) if m.concept == concept and m.text.lower() == span]
        assert not found, [(m.concept, m.text, m.modifiers) for m in found]
        return
    mention = find_mention(mentions, text, concept, span)
    carried = set(mention.modifiers)
    assert must <= carried and not (carried & must_not), (mention.modifiers, mention.modifier_rules)
