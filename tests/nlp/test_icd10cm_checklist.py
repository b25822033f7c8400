"""The target vocabulary against the ICD-10-CM checklist (tests/nlp/icd10cm_checklist.tsv).

Each row is a code description or inclusion term and the diagnosis concepts the rules must find in it, exactly:
a missing concept is a vocabulary gap, an extra one a concept boundary crossed ("Progressive multifocal
leukoencephalopathy" is an infection and no leukodystrophy; "Hyperlipidemia, unspecified" is no inborn error).
"""

from __future__ import annotations

from pathlib import Path

import pytest

CHECKLIST = Path(__file__).with_name("icd10cm_checklist.tsv")

# The concepts that name a diagnosis, a finding or a question a policy asks about; request, date, section and
# look-alike concepts are not compared.
DIAGNOSES = frozenset({
    "GLIOMA", "BRAIN_METASTASIS", "CNS_LYMPHOMA", "BRAIN_TUMOR", "BRAIN_LESION", "BRAIN_INFECTION", "HIV", "SEIZURE",
    "EPILEPSY", "ENCEPHALOPATHY", "LEUKODYSTROPHY", "INBORN_ERROR", "MITOCHONDRIAL", "MULTIPLE_SCLEROSIS",
    "DEMYELINATION", "NONTUMOR_DX", "TREATMENT_EFFECT", "RECURRENCE", "TUMOR_GRADE", "SPINE",
})


def _rows() -> list[pytest.param]:  # type: ignore[valid-type]
    rows = []
    seen: dict[str, int] = {}
    for line in CHECKLIST.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, source, text, expected = line.split("\t")
        concepts = frozenset() if expected == "-" else frozenset(expected.split("+"))
        key = f"{code}-{source}"
        seen[key] = seen.get(key, 0) + 1
        rows.append(pytest.param(text, concepts, id=f"{key}-{seen[key]}"))
    return rows


ROWS = _rows()


def test_checklist_covers_the_chapters() -> None:
    codes = {p.id.split("-")[0] for p in ROWS}
    for block in ("C71", "C79.31", "D32.0", "D33.0", "D43.0", "G04.90", "G06.0", "G93.40", "E70.0", "E88.41",
                  "G35.D", "G40.9", "P91.60", "K76.82", "A81.2", "B45.1"):
        assert block in codes, block
    assert len(ROWS) > 1000
    for concept in DIAGNOSES - {"BRAIN_LESION", "TREATMENT_EFFECT", "RECURRENCE", "TUMOR_GRADE", "GLIOMA",
                                "CNS_LYMPHOMA"}:
        assert any(concept in p.values[1] for p in ROWS), f"no row expects {concept}"


@pytest.mark.parametrize(("text", "expected"), ROWS)
def test_code_description_maps_to_its_concepts(mentions, text: str, expected: frozenset[str]) -> None:  # type: ignore[no-untyped-def]
    found = {m.concept for m in mentions(text)} & DIAGNOSES
    assert found == expected, f"{text!r}: found {sorted(found)}, expected {sorted(expected)}"
